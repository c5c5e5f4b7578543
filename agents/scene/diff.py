"""What changed between two Scenes, as a short list people (and JSON) can read.

`scene_diff(parent, child)` gives one entry per change, in a fixed order: top-level fields, then
objects (removed, changed, added), then relations (removed, added), then exclusions (removed,
added). Each entry is a plain dict:

    {"op": "~", "path": "time_of_day", "old": "dusk", "new": "night"}
    {"op": "+", "path": "objects", "name": "boat", "value": {"count": 1, "attributes": ["red"]}}
    {"op": "~", "path": "objects[car].color", "old": "red", "new": "blue"}
    {"op": "-", "path": "relations", "value": "dog next to cat"}
    {"op": "+", "path": "exclude", "value": "text"}

Objects are matched by name, in order (the second 'boat' of the parent with the second of the
child); two objects of one name are told apart as 'boat#2'. The intent, prompt and negative prompt
follow from the rest, so they are left out unless `include_text=True`. `format_diff` writes the list
as lines: '+ object boat (1, red)', '- exclude text', '~ time_of_day: dusk -> night'.
"""

from __future__ import annotations

from typing import Any

from limner.agents.scene.model import Scene, SceneObject

_TEXT_FIELDS = ("intent", "prompt", "negative_prompt")
# Fields compared as a whole, in the Scene's own order; objects, relations and exclude are itemised.
_ITEMISED = ("objects", "relations", "exclude")
_ATTRIBUTE_FIELDS = ("color", "material", "size", "state", "action", "other")


def scene_diff(parent: Scene, child: Scene, *, include_text: bool = False) -> list[dict[str, Any]]:
    """The changes that turn `parent` into `child`, in a deterministic order."""
    changes: list[dict[str, Any]] = []
    for name in Scene.model_fields:
        if name in _ITEMISED or (name in _TEXT_FIELDS and not include_text):
            continue
        old, new = _plain(getattr(parent, name)), _plain(getattr(child, name))
        if old != new:
            changes.append({"op": "~", "path": name, "old": old, "new": new})
    changes += _object_changes(parent, child)
    changes += _item_changes("relations", _relation_texts(parent), _relation_texts(child))
    changes += _item_changes("exclude", list(parent.exclude), list(child.exclude))
    return changes


def format_diff(diff: list[dict[str, Any]]) -> str:
    """One line per change: '+ object boat (1, red)', '~ objects[car].color: red -> blue'."""
    return "\n".join(_line(change) for change in diff)


# ---------------------------------------------------------------------------------------------
# Objects
# ---------------------------------------------------------------------------------------------


def _object_changes(parent: Scene, child: Scene) -> list[dict[str, Any]]:
    old_labels, new_labels = object_labels(parent.objects), object_labels(child.objects)
    old_by_label = dict(zip(old_labels, parent.objects))
    new_by_label = dict(zip(new_labels, child.objects))
    removed = [
        {"op": "-", "path": "objects", "name": label, "value": _summary(obj)}
        for label, obj in old_by_label.items()
        if label not in new_by_label
    ]
    changed = [
        change
        for label, obj in new_by_label.items()
        if label in old_by_label
        for change in _object_fields(label, old_by_label[label], obj)
    ]
    added = [
        {"op": "+", "path": "objects", "name": label, "value": _summary(obj)}
        for label, obj in new_by_label.items()
        if label not in old_by_label
    ]
    return removed + changed + added


def object_labels(objects: list[SceneObject]) -> list[str]:
    """'boat', and 'boat#2' for the second object of that name."""
    seen: dict[str, int] = {}
    labels = []
    for obj in objects:
        seen[obj.name] = seen.get(obj.name, 0) + 1
        labels.append(obj.name if seen[obj.name] == 1 else f"{obj.name}#{seen[obj.name]}")
    return labels


def _object_fields(label: str, old: SceneObject, new: SceneObject) -> list[dict[str, Any]]:
    pairs = [("count", old.count, new.count), ("quantity", old.quantity, new.quantity)]
    pairs += [(f, _plain(getattr(old.attributes, f)), _plain(getattr(new.attributes, f))) for f in _ATTRIBUTE_FIELDS]
    pairs += [("text", old.text, new.text), ("place", old.place, new.place), ("box", _plain(old.box), _plain(new.box))]
    return [
        {"op": "~", "path": f"objects[{label}].{name}", "old": before, "new": after}
        for name, before, after in pairs
        if before != after
    ]


def _summary(obj: SceneObject) -> dict[str, Any]:
    return {"count": obj.count or obj.quantity, "attributes": obj.attributes.described()}


# ---------------------------------------------------------------------------------------------
# Relations, exclusions and values
# ---------------------------------------------------------------------------------------------


def _relation_texts(scene: Scene) -> list[str]:
    labels = object_labels(scene.objects)
    return [f"{labels[r.subject]} {r.predicate} {labels[r.object]}" for r in scene.relations]


def _item_changes(path: str, old: list[str], new: list[str]) -> list[dict[str, Any]]:
    removed = [{"op": "-", "path": path, "value": v} for v in dict.fromkeys(old) if v not in new]
    added = [{"op": "+", "path": path, "value": v} for v in dict.fromkeys(new) if v not in old]
    return removed + added


def _plain(value: Any) -> Any:
    """JSON's form of a value: tuples become lists."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _line(change: dict[str, Any]) -> str:
    op, path = change["op"], change["path"]
    if path == "objects":
        value = change["value"]
        details = ", ".join([str(value["count"] or "some"), *value["attributes"]])
        return f"{op} object {change['name']} ({details})"
    if op in "+-":
        noun = {"relations": "relation", "exclude": "exclude"}.get(path, path)
        return f"{op} {noun} {change['value']}"
    return f"~ {path}: {_shown(change['old'])} -> {_shown(change['new'])}"


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
