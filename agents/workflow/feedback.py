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

from limner.agents.looking.evaluation import Evaluation, Verdict
from limner.agents.scene.composition import layout_boxes
from limner.agents.scene.geometry import free_place, grown
from limner.agents.scene.model import Scene
from limner.agents.scene.prompting import write_prompt

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
        free = free_place(box, others)
        if free is not None:
            objects[k]["box"] = free
            changes.append(f"moved the {scene.objects[k].name} out from under the others and named it first")
        else:
            objects[k]["box"] = grown(box, _GROWTH)
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
