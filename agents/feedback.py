"""Revising a Scene from the checks its image failed: the 'revise' step of the feedback loop.

The revision is deterministic and only touches what failed, by the means that help a renderer
show a thing it missed:

- an object that is missing or has the wrong colour, material, state or count is brought forward:
  moved to a free place when other objects cover its box (else its box is enlarged by a quarter),
  listed last (drawn on top where sizes tie), and named first in the prompt, where text encoders
  weigh words most;
- a failed relation gets a fresh layout for the two objects it relates, honouring the relation;
- an excluded thing that appeared is repeated in the negative prompt (it already is; a new seed is
  the only other lever, which the loop applies when nothing here changes the Scene).

Global checks (style, light, time) are not required and are never revised for.
"""

from __future__ import annotations

from limner.agents.composition import layout_boxes
from limner.agents.evaluation import Evaluation, Verdict
from limner.agents.prompting import write_prompt
from limner.agents.scene import Scene

_GROWTH = 1.25


def revise_from_failures(scene: Scene, evaluation: Evaluation, *, prompt_tokens: int = 75) -> tuple[Scene, list[str]]:
    """The revised Scene and what was changed, one line per change ([] when nothing could be)."""
    failed = evaluation.failed_checks()
    forward = _objects_to_bring_forward(failed, scene)
    relations = sorted({int(v.check_id.split(":")[1]) for v in failed if v.kind == "relation"})
    if not forward and not relations:
        return scene, []
    data = scene.model_dump()
    objects = data["objects"]
    changes: list[str] = []
    for i in relations:
        rel = scene.relations[i]
        changes.append(f"laid out again: the {scene.objects[rel.subject].name} {rel.predicate} the {scene.objects[rel.object].name}")
    if relations:
        boxes = layout_boxes(scene.objects, scene.relations, aspect=scene.width / scene.height)
        touched = {end for i in relations for end in (scene.relations[i].subject, scene.relations[i].object)}
        for k in touched:
            objects[k]["box"] = boxes[k]
    for k in forward:
        box = objects[k]["box"]
        if box is None:
            changes.append(f"brought the {scene.objects[k].name} forward: named first in the prompt")
            continue
        others = [tuple(o["box"]) for j, o in enumerate(objects) if j != k and o["box"] is not None]
        free = _free_place(tuple(box), others)
        if free is not None:
            objects[k]["box"] = free
            changes.append(f"moved the {scene.objects[k].name} out from under the others and named it first")
        else:
            objects[k]["box"] = _grown(tuple(box))
            changes.append(f"made the {scene.objects[k].name} larger and named it first in the prompt")
    order = [k for k in range(len(objects)) if k not in forward] + forward
    revised = _reordered(data, order)
    revised_scene = Scene.model_validate(revised)
    prompt, negative = write_prompt(_named_first(revised_scene, len(forward)), max_tokens=prompt_tokens)
    return revised_scene.model_copy(update={"prompt": prompt, "negative_prompt": negative or scene.negative_prompt}), changes


def _objects_to_bring_forward(failed: list[Verdict], scene: Scene) -> list[int]:
    """Objects whose own checks failed (not by dependency alone), in Scene order."""
    chosen: set[int] = set()
    for verdict in failed:
        if verdict.kind in ("entity", "count", "attribute") and verdict.answered_by != "dependency":
            chosen.add(int(verdict.check_id.split(":")[1]))
    return sorted(k for k in chosen if k < len(scene.objects))


def _covered(box: tuple[float, ...], others: list[tuple[float, ...]]) -> float:
    """The share of `box` that other boxes overlap (overlaps of overlaps counted once per box)."""
    x, y, w, h = box
    covered = 0.0
    for ox, oy, ow, oh in others:
        dx = max(0.0, min(x + w, ox + ow) - max(x, ox))
        dy = max(0.0, min(y + h, oy + oh) - max(y, oy))
        covered += dx * dy
    return min(1.0, covered / (w * h)) if w * h else 0.0


def _free_place(box: tuple[float, ...], others: list[tuple[float, ...]]) -> tuple[float, float, float, float] | None:
    """The same-sized box, nearest the original, that others cover least; None when moving does not help."""
    x, y, w, h = box
    now = _covered(box, others)
    if now < 0.25:
        return None
    steps = [i / 20 for i in range(21)]
    places = [(px, py) for px in steps for py in steps if px + w <= 1.0001 and py + h <= 1.0001]
    best = min(places, key=lambda p: (round(_covered((p[0], p[1], w, h), others), 2), abs(p[0] - x) + abs(p[1] - y)))
    if _covered((best[0], best[1], w, h), others) > now - 0.25:
        return None
    return (round(best[0], 4), round(best[1], 4), w, h)


def _grown(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x, y, w, h = box
    new_w, new_h = min(1.0, w * _GROWTH), min(1.0, h * _GROWTH)
    new_x = min(max(0.0, x - (new_w - w) / 2), 1.0 - new_w)
    new_y = min(max(0.0, y - (new_h - h) / 2), 1.0 - new_h)
    return (round(new_x, 4), round(new_y, 4), round(new_w, 4), round(new_h, 4))


def _reordered(data: dict, order: list[int]) -> dict:
    """The Scene data with its objects in `order` and the relations pointing at the same objects."""
    where = {old: new for new, old in enumerate(order)}
    data["objects"] = [data["objects"][old] for old in order]
    data["relations"] = [
        {**rel, "subject": where[rel["subject"]], "object": where[rel["object"]]} for rel in data["relations"]
    ]
    return data


def _named_first(scene: Scene, forward: int) -> Scene:
    """A copy whose object order puts the brought-forward objects first, for the prompt only."""
    if not forward:
        return scene
    n = len(scene.objects)
    order = list(range(n - forward, n)) + list(range(n - forward))
    return Scene.model_validate(_reordered(scene.model_dump(), order))
