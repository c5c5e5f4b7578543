"""What the reader tests ask of a planned Scene: read a description, find an object, list the relations."""

from __future__ import annotations

from limner.agents.planning.rules.planner import RulesPlanner
from limner.agents.scene.model import Scene, SceneObject

PLANNER = RulesPlanner()


def plan(description: str) -> Scene:
    return PLANNER.read(description)


def named(scene: Scene, name: str) -> SceneObject:
    matches = [o for o in scene.objects if o.name == name]
    assert matches, f"no {name!r} in {[o.name for o in scene.objects]}"
    return matches[0]


def relations(scene: Scene) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of every relation."""
    return {(scene.objects[r.subject].name, r.predicate, scene.objects[r.object].name) for r in scene.relations}
