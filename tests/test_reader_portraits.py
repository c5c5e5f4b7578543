"""The rules reader's portraits and pastimes: where a gaze goes, a face's look, how a body is held, an age,
and what people do when they have a meal or play a game; one case per row."""

from __future__ import annotations

import pytest
from limner.agents.scene.model import Scene, SceneObject
from reader_helpers import named, plan, relations


def values(thing: SceneObject) -> list[str]:
    a = thing.attributes
    return [v for v in (a.state, a.action, *a.other) if v]


def names(scene: Scene) -> list[str]:
    return [o.name for o in scene.objects]


# (case, description, the person, a value it must hold, names that must not be things)
STATES = [
    ("the camera looked at is no thing", "a girl gazing at the camera", "girl", "gazing at the camera", ["camera"]),
    ("nor is the viewer", "an old sailor staring straight at the viewer", "sailor", "staring straight at the viewer",
     ["viewer"]),
    ("nor the lens", "a bride peering into the lens", "bride", "peering into the lens", ["lens"]),
    ("a wave at the camera", "a toddler waving at the camera", "toddler", "waving at the camera", ["camera"]),
    ("a look's describing word", "a farmer with an anxious look on his face", "farmer", "anxious", ["face", "look"]),
    ("a look with nothing after it", "a student with a confused look", "student", "confused", ["look"]),
    ("a look of a feeling", "a child with a look of horror", "child", "horrified", ["horror", "look"]),
    ("an expression of a feeling", "a nurse with an expression of relief", "nurse", "relieved", ["relief"]),
    ("a smile is smiling", "a waiter with a broad smile", "waiter", "smiling", ["smile"]),
    ("a look said after a verb", "a pilot standing with a nervous look", "pilot", "nervous", ["look"]),
    ("a thumbs up given", "a girl giving a thumbs up", "girl", "giving a thumbs up", ["thumb"]),
    ("two held face to face", "two dogs standing face to face", "dog", "standing face to face", ["face"]),
    ("a way of sitting", "a monk sitting cross-legged on a mat", "monk", "sitting cross-legged", []),
    ("an age by decade", "a man in his 40s", "man", "in his 40s", []),
    ("an age with 'early'", "a woman in her early twenties reading", "woman", "in her early twenties", []),
    ("an age after a place", "a farmer on a tractor in his 60s", "farmer", "in his 60s", []),
    ("a meal had", "three friends having lunch", "friend", "having lunch", ["lunch"]),
    ("a meal had by a family", "a family of five having a picnic", "person", "having a picnic", ["picnic"]),
    ("a meal eaten", "an old couple eating breakfast", "couple", "eating breakfast", ["breakfast"]),
    ("a gathering had", "kids having a pillow fight", "kid", "having a pillow fight", ["pillow fight"]),
    ("a meal had together", "a fox and a crow having tea together", "fox", "having tea", ["tea"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "description", "person", "value", "absent"), STATES, ids=[s[0] for s in STATES])
def test_what_a_person_shows_or_does_is_theirs(
    case: str, description: str, person: str, value: str, absent: list[str]
) -> None:
    scene = plan(description)
    assert value in values(named(scene, person)), case
    assert not set(absent) & set(names(scene)), case


# (case, description, a relation that must hold, one that must not)
PLACES = [
    ("a meal's place is the diners'", "two sisters having dinner at a cafe", ("sister", "at", "cafe"),
     ("dinner", "at", "cafe")),
    ("a state then a place says the verb once", "a couple walking arm in arm on a pier",
     ("couple", "on", "pier"), ("couple", "walking on", "pier")),
]  # fmt: skip


@pytest.mark.parametrize(("case", "description", "held", "unheld"), PLACES, ids=[p[0] for p in PLACES])
def test_where_a_pastime_is(
    case: str, description: str, held: tuple[str, str, str], unheld: tuple[str, str, str]
) -> None:
    found = relations(plan(description))
    assert held in found, case
    assert unheld not in found, case


# (case, description, a thing that must be there, counted so)
THINGS = [
    ("an o'clock shadow is one", "a sailor with a seven o'clock shadow", "seven o'clock shadow", 1),
    ("a face drawn on a thing stays", "a lemon with a grumpy face", "face", 1),
    ("a meal with nobody to have it stays", "a plate having a dinner roll", "dinner roll", 1),
]  # fmt: skip


@pytest.mark.parametrize(("case", "description", "name", "count"), THINGS, ids=[t[0] for t in THINGS])
def test_things_that_stay_things(case: str, description: str, name: str, count: int) -> None:
    assert named(plan(description), name).count == count, case


def test_the_prompt_says_a_bearing_once() -> None:
    prompt = plan("two friends walking side by side on a pier").prompt
    assert prompt.count("walking") == 1, prompt
