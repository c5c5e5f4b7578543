"""Where a refine changed the picture: the boxes of the objects it edited, or None for the whole picture.

A person who says "make the cup blue" expects the cup to change and nothing else. The Scene diff says
which objects an instruction touched; their boxes (the old place and the new one, for a move) are
where the child may differ from its parent. Changes to the whole picture (style, light, time of day,
palette, viewpoint, size) and exclusions with no object of their own have no region: they repaint
everything, as before. An edited object with no box has no region either.
"""

from __future__ import annotations

import re
from typing import Any

from limner.agents.scene.diff import object_labels
from limner.agents.scene.geometry import Box
from limner.agents.scene.model import Scene

# Fields that change the whole picture: a refine touching them renders afresh.
WHOLE_PICTURE = frozenset({"style", "lighting", "time_of_day", "palette", "viewpoint", "width", "height"})
_OBJECT_FIELD = re.compile(r"^objects\[(.+)\]\.\w+$")


def edited_boxes(parent: Scene, child: Scene, diff: list[dict[str, Any]]) -> list[Box] | None:
    """The boxes of the objects `diff` edits, in both Scenes; None when the edit is the whole picture's."""
    old = dict(zip(object_labels(parent.objects), parent.objects))
    new = dict(zip(object_labels(child.objects), child.objects))
    labels: list[str] = []
    for change in diff:
        path = change["path"]
        if path in WHOLE_PICTURE or path == "exclude":
            return None
        if path == "objects":
            labels.append(change["name"])
        elif match := _OBJECT_FIELD.match(path):
            labels.append(match.group(1))
        elif path == "relations":
            labels += [label for label in {**old, **new} if _names(str(change["value"]), label)]
    boxes: list[Box] = []
    for label in dict.fromkeys(labels):
        for scene_objects in (old, new):
            obj = scene_objects.get(label)
            if obj is None:
                continue
            if obj.box is None:
                return None  # nowhere to confine the edit to
            boxes.append(tuple(obj.box))  # type: ignore[arg-type]
    return list(dict.fromkeys(boxes)) or None


def _names(relation: str, label: str) -> bool:
    """Whether a relation as the diff writes it ('cup on table') starts or ends with `label`."""
    return relation.startswith(label + " ") or relation.endswith(" " + label)
