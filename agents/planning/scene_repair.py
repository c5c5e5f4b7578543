"""Reading a model's answer as a Scene: parse, repair what is safe to repair, validate the rest.

A model's output is never trusted. This module takes its text and returns a valid Scene plus a
list of what was repaired, or raises `SceneRejected` with errors a model can act on when it is
asked again. Safe repairs are the ones that keep what was asked for:

- JSON wrapped in prose or code fences, or cut off by the token limit (closed where it stopped);
- a Scene wrapped in {"scene": ...}; fields given as a string where a list is wanted, or a list
  where one word is wanted; numbers written as text; attributes written on the object itself;
- counts beyond the limit (lowered to it), boxes in pixels or past the canvas (scaled, clipped),
  the same object listed twice (merged), relations naming objects by name or by a missing index,
  predicates in their stored form ("to the left of" is "left of", "rides" is "riding"), places and
  time-of-day synonyms ("in the back", "sunrise"), "some" as a count with no number;
- an empty prompt (written from the Scene) and a prompt over the text encoder's budget (cut at
  commas, the first parts kept).

What is not safe to guess (no objects and no prompt, an answer that is not JSON) is rejected.
"""

from __future__ import annotations

import json
import re
from typing import Any

from limner.agents.scene.composition import layout_boxes
from limner.agents.scene.geometry import on_canvas
from limner.agents.scene.model import (
    MAX_COUNT,
    MAX_EXCLUDE,
    MAX_OBJECTS,
    MAX_PALETTE,
    MAX_PHRASES,
    MAX_PREDICATE,
    MAX_RELATIONS,
    MAX_TEXT,
    MAX_WORD,
    PLACES,
    Scene,
    SceneObject,
)
from limner.agents.scene.predicates import canonical_predicate
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS, fit_prompt, prompt_tokens, write_prompt
from pydantic import ValidationError

from limner.errors import LimnerError

MODEL_FIELDS = (
    "prompt", "negative_prompt", "style", "lighting", "time_of_day", "palette", "viewpoint",
    "objects", "relations", "exclude",
)  # fmt: skip
_ATTRIBUTE_FIELDS = ("color", "material", "size", "state", "action", "other")
_WORD_FIELDS = ("style", "lighting", "viewpoint")
_LIST_LIMITS = {"palette": MAX_PALETTE, "exclude": MAX_EXCLUDE}

# Predicates a model writes that mean a spatial one; every other predicate is stored in its canonical form.
_PREDICATES = {"left": "left of", "right": "right of", "before": "in front of", "top": "on", "bottom": "under"}
_PLACES = {
    **{p: p for p in PLACES}, "centre": "center", "middle": "center", "front": "foreground", "back": "background",
    "distance": "background", "left side": "left", "right side": "right", "upper": "top", "lower": "bottom",
}  # fmt: skip
_SOME = ("some", "none", "null")
# Words a model writes for how many without a number, as the Scene's quantity.
_QUANTITIES = {
    "a few": "a few", "few": "a few", "several": "several", "multiple": "several",
    "various": "several", "many": "many", "lots": "many", "a lot": "many", "numerous": "many", "countless": "many",
}  # fmt: skip
_TIMES = {
    "dawn": "dawn", "sunrise": "dawn", "daybreak": "dawn", "morning": "morning", "noon": "noon",
    "midday": "noon", "day": "noon", "daytime": "noon", "afternoon": "afternoon", "golden hour": "golden hour",
    "sunset": "sunset", "dusk": "dusk", "twilight": "dusk", "evening": "dusk", "night": "night",
    "nighttime": "night", "midnight": "night",
}  # fmt: skip
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)
_ARTICLE = re.compile(r"^(?:a|an|the|one)\s+", re.IGNORECASE)


class SceneRejected(LimnerError):
    """The answer cannot be made into a Scene; `errors` say what to fix, for a second attempt."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def read_scene(
    answer: str | dict[str, Any],
    *,
    intent: str,
    width: int,
    height: int,
    max_prompt_tokens: int = CLIP_PROMPT_TOKENS,
    keep: dict[str, Any] | None = None,
) -> tuple[Scene, list[str]]:
    """The Scene in a model's answer (its text, or the JSON object an assistant sent), and what was repaired.

    `keep` holds fields the model does not decide (seed, steps, sampler ... of a revised Scene).
    """
    repairs: list[str] = []
    data = _parse(answer, repairs) if isinstance(answer, str) else answer
    fields = _model_fields(data, repairs)
    objects, renamed = _objects(fields.get("objects"), width, height, repairs)
    relations = _relations(fields.get("relations"), objects, renamed, repairs)
    scene_data: dict[str, Any] = {
        "intent": intent,
        "prompt": _text(fields.get("prompt")),
        "negative_prompt": _text(fields.get("negative_prompt")),
        "style": _word(fields.get("style"), "style", repairs, MAX_PHRASES),
        "lighting": _word(fields.get("lighting"), "lighting", repairs, MAX_PHRASES),
        "viewpoint": _word(fields.get("viewpoint"), "viewpoint", repairs, MAX_PHRASES),
        "time_of_day": _time(fields.get("time_of_day"), repairs),
        "palette": _words(fields.get("palette"), "palette", repairs),
        "exclude": _words(fields.get("exclude"), "exclude", repairs),
        "objects": objects,
        "relations": relations,
        **(keep or {}),
        "width": width,
        "height": height,
    }
    prompt_missing = not scene_data["prompt"]
    if prompt_missing:
        if not objects:
            raise SceneRejected(["the Scene has no objects and no prompt: list what the picture shows in 'objects'"])
        scene_data["prompt"] = "-"  # written from the validated Scene below
    try:
        scene = Scene.model_validate(scene_data)
    except ValidationError as exc:
        raise SceneRejected(_errors(exc)) from None
    return _with_prompt(scene, max_prompt_tokens, prompt_missing, repairs), repairs


# Text to JSON ----------------------------------------------------------------------------------


def _parse(text: str, repairs: list[str]) -> dict[str, Any]:
    if not isinstance(text, str) or not text.strip():
        raise SceneRejected(["the answer was empty: answer with one JSON object"])
    fenced = _FENCE.search(text)
    body = fenced.group(1) if fenced else text
    start = body.find("{")
    if start < 0:
        raise SceneRejected(["the answer has no JSON object in it: answer with one JSON object and nothing else"])
    around = (text[: fenced.start()] + text[fenced.end() :]) if fenced else body[:start]
    if around.strip():
        repairs.append("ignored the words around the JSON object")
    try:
        data, _ = json.JSONDecoder().raw_decode(body[start:])
    except json.JSONDecodeError as exc:
        data = _close_truncated(body[start:])
        if data is None:
            raise SceneRejected([f"the answer is not valid JSON ({exc.msg} at character {exc.pos})"]) from None
        repairs.append(f"the answer was cut off after {len(body) - start} characters; closed what it had opened")
    if not isinstance(data, dict):
        raise SceneRejected(["the answer must be a JSON object with the Scene's fields"])
    if "objects" not in data and "prompt" not in data:
        for key in ("scene", "Scene", "result", "data"):
            if isinstance(data.get(key), dict):
                repairs.append(f"unwrapped the Scene from {key!r}")
                return data[key]
    return data


def _close_truncated(text: str) -> Any:
    """JSON cut off mid-way, parsed up to its last complete value with what was open closed; else None."""
    cuts: list[tuple[int, str]] = []  # (where the text could end, the closers it then needs)
    stack: list[str] = []
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                cuts.append((i + 1, "".join(reversed(stack))))
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack:
                break
            stack.pop()
            cuts.append((i + 1, "".join(reversed(stack))))
        elif ch == ",":
            cuts.append((i, "".join(reversed(stack))))
    for end, closers in reversed(cuts[-64:]):
        try:
            return json.loads(text[:end].rstrip().rstrip(",") + closers)
        except json.JSONDecodeError:
            continue
    return None


def _model_fields(data: dict[str, Any], repairs: list[str]) -> dict[str, Any]:
    unknown = sorted(k for k, v in data.items() if k not in MODEL_FIELDS and v not in (None, "", [], {}))
    ignored = [k for k in unknown if k not in ("intent", "width", "height", "seed", "steps", "guidance", "version")]
    if ignored:
        repairs.append("ignored fields a Scene does not have: " + ", ".join(ignored[:8]))
    return {k: data[k] for k in MODEL_FIELDS if k in data}


# Fields ----------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return " ".join(str(value).split()) if value is not None else ""


def _word(value: Any, field: str, repairs: list[str], limit: int = MAX_WORD) -> str | None:
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if str(v).strip()]
        value = ", ".join(parts) if parts else None
    if value is None or not str(value).strip() or str(value).strip().lower() in ("none", "null", "n/a"):
        return None
    word = " ".join(str(value).split())
    if len(word) > limit:
        repairs.append(f"{field}: shortened to {limit} characters")
        word = word[:limit].rsplit(" ", 1)[0]
    return word


def _words(value: Any, field: str, repairs: list[str], limit: int | None = None) -> list[str]:
    """A list of distinct words from a list, a comma-separated string or one word, at most `limit` of them."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else [value]
    words = list(dict.fromkeys(w for w in (_word(v, field, repairs) for v in items) if w))
    limit = limit if limit is not None else _LIST_LIMITS[field]
    if len(words) > limit:
        repairs.append(f"{field}: kept the first {limit} of {len(words)}")
        words = words[:limit]
    return words


def _time(value: Any, repairs: list[str]) -> str | None:
    word = _word(value, "time_of_day", repairs)
    if word is None:
        return None
    time = _TIMES.get(word.lower().removeprefix("at ").removeprefix("in the "))
    if time is None:
        repairs.append(f"time_of_day: dropped {word!r}, which is not one of {', '.join(sorted(set(_TIMES.values())))}")
    elif time != word:
        repairs.append(f"time_of_day: read {word!r} as {time!r}")
    return time


def _objects(value: Any, width: int, height: int, repairs: list[str]) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """The objects, merged and bounded, and where each original index went (for the relations)."""
    if value is None:
        return [], {}
    items = value if isinstance(value, list) else [value]
    objects: list[dict[str, Any]] = []
    moved: dict[int, int] = {}
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        obj = _object(item, i, width, height, repairs)
        if obj is None:
            continue
        key = json.dumps([obj["name"].lower(), obj["attributes"], obj.get("text")], sort_keys=True)
        if key in seen:
            kept = objects[seen[key]]
            if kept.get("count", 1) is None or obj.get("count", 1) is None:
                kept["count"] = None  # 'some' and more of it are still 'some'
            elif obj.get("count", 1) > 1 or kept.get("count", 1) > 1:
                kept["count"] = min(MAX_COUNT, kept.get("count", 1) + obj.get("count", 1))
            repairs.append(f"objects[{i}]: the same {obj['name']} as objects[{seen[key]}]; merged them")
            moved[i] = seen[key]
            continue
        if len(objects) == MAX_OBJECTS:
            repairs.append(f"objects: kept the first {MAX_OBJECTS}; dropped {obj['name']!r} and what follows")
            break
        seen[key] = len(objects)
        moved[i] = len(objects)
        objects.append(obj)
    return objects, moved


def _object(item: Any, i: int, width: int, height: int, repairs: list[str]) -> dict[str, Any] | None:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        repairs.append(f"objects[{i}]: dropped {str(item)[:40]!r}, which is not an object")
        return None
    name = _word(item.get("name") or item.get("object") or item.get("label"), "name", repairs)
    if not name:
        repairs.append(f"objects[{i}]: dropped an object with no name")
        return None
    name = _ARTICLE.sub("", name).strip() or name
    attributes = item.get("attributes") if isinstance(item.get("attributes"), dict) else {}
    loose = {k: item[k] for k in _ATTRIBUTE_FIELDS if item.get(k) not in (None, "", [])}
    if loose:
        repairs.append(f"objects[{i}]: moved {', '.join(loose)} into attributes")
        attributes = {**loose, **attributes}
    clean_attributes: dict[str, Any] = {}
    for field in _ATTRIBUTE_FIELDS:
        if field == "other":
            other = _words(attributes.get("other"), f"objects[{i}].other", repairs, limit=8)
            if other:
                clean_attributes["other"] = other
        else:
            word = _word(attributes.get(field), field, repairs)
            if word:
                clean_attributes[field] = word
    obj: dict[str, Any] = {"name": name, "attributes": clean_attributes}
    count, quantity = _how_many(item, i, name, repairs)
    if count != 1:
        obj["count"] = count
    if quantity:
        obj["quantity"] = quantity
    text = _written(item.get("text"), i, repairs)
    if text:
        obj["text"] = text
    place = _place(item.get("place"), i, repairs)
    if place:
        obj["place"] = place
    box = _box(item.get("box"), i, width, height, repairs)
    if box is not None:
        obj["box"] = box
    return obj


def _written(value: Any, i: int, repairs: list[str]) -> str | None:
    """Text to render: one line, quotes around it dropped, at most MAX_TEXT characters."""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v)
    if value is None or not str(value).strip():
        return None
    text = " ".join(str(value).split()).strip("\"'“”‘’")
    if len(text) > MAX_TEXT:
        repairs.append(f"objects[{i}].text: shortened to {MAX_TEXT} characters")
        text = text[:MAX_TEXT]
    return text or None


def _place(value: Any, i: int, repairs: list[str]) -> str | None:
    word = _word(value, "place", repairs)
    if word is None:
        return None
    key = " ".join(w for w in word.lower().split() if w not in ("the", "in", "on", "at", "to"))
    if key in _PLACES:
        return _PLACES[key]
    repairs.append(f"objects[{i}].place: dropped {word!r}, which is not one of {', '.join(PLACES)}")
    return None


def _how_many(item: dict[str, Any], i: int, name: str, repairs: list[str]) -> tuple[int | None, str | None]:
    """(count, quantity): a number, or null with the words that said how many ('many' as a count is a quantity)."""
    said = item.get("count", 1)
    if isinstance(said, str) and said.strip().lower() in _QUANTITIES:
        return None, _QUANTITIES[said.strip().lower()]
    count = _count(said, i, name, repairs)
    quantity = item.get("quantity")
    if quantity is None or (isinstance(quantity, str) and not quantity.strip()):
        return count, None
    word = _QUANTITIES.get(str(quantity).strip().lower())
    if word is None:
        repairs.append(f"objects[{i}].quantity: dropped {str(quantity)[:20]!r}, which is not 'a few', 'several' or 'many'")
        return count, None
    if count is not None and "count" in item:
        repairs.append(f"objects[{i}]: count {count} says how many {name}; dropped quantity {word!r}")
        return count, None
    return None, word


def _count(value: Any, i: int, name: str, repairs: list[str]) -> int | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in _SOME):
        return None  # 'some': more than one, no number said
    try:
        count = int(float(value))
    except (TypeError, ValueError):
        repairs.append(f"objects[{i}]: count {str(value)[:20]!r} is not a number; used 1")
        return 1
    if count > MAX_COUNT:
        repairs.append(f"objects[{i}]: count {count} of {name} lowered to {MAX_COUNT}, the most a Scene draws")
        return MAX_COUNT
    if count < 1:
        repairs.append(f"objects[{i}]: count {count} of {name} raised to 1")
        return 1
    return count


def _box(value: Any, i: int, width: int, height: int, repairs: list[str]) -> list[float] | None:
    if value is None:
        return None
    try:
        x, y, w, h = (float(v) for v in value)
    except (TypeError, ValueError):
        repairs.append(f"objects[{i}]: dropped a box that is not four numbers")
        return None
    if max(x, y, w, h) > 1.5:  # pixels, not fractions of the canvas
        x, w, y, h = x / width, w / width, y / height, h / height
        repairs.append(f"objects[{i}]: read the box as pixels and scaled it to the canvas")
    clipped = list(on_canvas(x, y, w, h))
    if any(abs(a - b) > 1e-3 for a, b in zip(clipped, (x, y, w, h))):
        repairs.append(f"objects[{i}]: box {[round(v, 3) for v in (x, y, w, h)]} clipped to the canvas")
    return clipped


def _relations(value: Any, objects: list[dict[str, Any]], moved: dict[int, int], repairs: list[str]) -> list[dict]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names = {o["name"].lower(): k for k, o in enumerate(objects)}
    relations: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            repairs.append(f"relations[{i}]: dropped, not an object")
            continue
        subject = _end(item.get("subject"), names, moved)
        other = _end(item.get("object"), names, moved)
        predicate = _predicate(item.get("predicate"))
        if subject is None or other is None or predicate is None or subject == other:
            repairs.append(f"relations[{i}]: dropped {json.dumps(item)[:80]}, which does not relate two objects")
            continue
        relation = {"subject": subject, "predicate": predicate, "object": other}
        if relation not in relations and len(relations) < MAX_RELATIONS:
            relations.append(relation)
    return relations


def _predicate(value: Any) -> str | None:
    """The predicate in its stored form, or None when it is not a short phrase of words."""
    if not isinstance(value, str):
        return None
    written = " ".join(value.lower().replace("_", " ").split())
    try:
        predicate = canonical_predicate(_PREDICATES.get(written, written))
    except ValueError:
        return None
    return predicate if len(predicate) <= MAX_PREDICATE else None


def _end(value: Any, names: dict[str, int], moved: dict[int, int]) -> int | None:
    """A relation's end, given as an index into the model's objects or as an object's name."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        return moved.get(int(value))
    if isinstance(value, str):
        return names.get(_ARTICLE.sub("", value.strip().lower()))
    return None


# The prompt ------------------------------------------------------------------------------------


def _with_prompt(scene: Scene, max_tokens: int, missing: bool, repairs: list[str]) -> Scene:
    written, negative = write_prompt(scene, max_tokens=max_tokens)
    updates: dict[str, Any] = {}
    if missing:
        repairs.append("the prompt was empty; wrote it from the Scene")
        updates["prompt"] = written
    elif prompt_tokens(scene.prompt) > max_tokens:
        repairs.append(f"the prompt was about {prompt_tokens(scene.prompt)} tokens; cut it to {max_tokens}")
        updates["prompt"] = fit_prompt(scene.prompt, max_tokens)
    if not scene.negative_prompt and negative:
        updates["negative_prompt"] = negative
    return scene.model_copy(update=updates) if updates else scene


def _errors(exc: ValidationError) -> list[str]:
    errors = []
    for error in exc.errors(include_url=False)[:10]:
        where = ".".join(str(p) for p in error["loc"])
        errors.append(f"{where}: {error['msg']}" if where else error["msg"])
    return errors


# Completing the layout ---------------------------------------------------------------------------


def boxes_kept(parent: Scene, child: Scene) -> Scene:
    """Objects the revision left alone keep the parent's boxes, so the picture's layout stays."""
    before = {_identity(o): o.box for o in parent.objects if o.box}
    objects = [
        o if o.box is not None else o.model_copy(update={"box": before.get(_identity(o))}) for o in child.objects
    ]
    return child.model_copy(update={"objects": objects})


def _identity(obj: SceneObject) -> str:
    return obj.model_dump_json(exclude={"box"})


def laid_out(scene: Scene, repairs: list[str]) -> Scene:
    """Lay out the objects the model gave no box, as the rules planner would."""
    missing = [i for i, o in enumerate(scene.objects) if o.box is None]
    if not missing:
        return scene
    boxes = layout_boxes(scene.objects, scene.relations, aspect=scene.width / scene.height)
    objects = [o if o.box is not None else o.model_copy(update={"box": boxes[i]}) for i, o in enumerate(scene.objects)]
    if len(missing) < len(scene.objects):
        repairs.append(f"laid out {len(missing)} objects that had no box")
    return scene.model_copy(update={"objects": objects})
