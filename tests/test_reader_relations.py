"""The rules reader's relations, actions and counts: general grammatical cases, one per row."""

from __future__ import annotations

import pytest
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
    return {(scene.objects[r.subject].name, r.predicate, scene.objects[r.object].name) for r in scene.relations}


def words_of(thing: SceneObject) -> list[str]:
    return thing.attributes.described()


# (case, description, relations that must hold, relations that must not)
RELATIONS = [
    ("a verb between two nouns is their relation", "a man riding a horse", {("man", "riding", "horse")}, set()),
    ("a verb in any form is kept as -ing", "A child draws a flower.", {("child", "drawing", "flower")}, set()),
    (
        "a verb's objects joined by 'and' are all its objects",
        "a wolf wearing a shirt and a tie",
        {("wolf", "wearing", "shirt"), ("wolf", "wearing", "tie")},
        set(),
    ),
    (
        "a list of objects after a verb goes on to its 'and'",
        "a beaver wearing glasses, a vest, and a tie",
        {("beaver", "wearing", "glasses"), ("beaver", "wearing", "vest"), ("beaver", "wearing", "tie")},
        set(),
    ),
    (
        "a place after a verb's object belongs to the subject",
        "a wolf wearing a shirt and a tie on the subway",
        {("wolf", "on", "subway")},
        {("tie", "on", "subway")},
    ),
    (
        "'into' after a verb's object says where the object goes",
        "a man pouring milk into a cup",
        {("man", "pouring", "milk"), ("milk", "inside", "cup")},
        set(),
    ),
    ("'with' is a relation to a thing of its own", "a woman with an umbrella", {("woman", "with", "umbrella")}, set()),
    (
        "'with' after a verb's object belongs to the subject",
        "a child draws a flower with a pencil",
        {("child", "with", "pencil")},
        {("flower", "with", "pencil")},
    ),
    ("'has' is 'with'", "The man has a hat.", {("man", "with", "hat")}, set()),
    ("'in' a thing that holds nothing is 'in'", "a bus in the street", {("bus", "in", "street")}, set()),
    ("'in' a container is 'inside'", "a fish in a bowl", {("fish", "inside", "bowl")}, set()),
    ("'at' relates two things", "a man at the door", {("man", "at", "door")}, set()),
    ("a verb and its preposition may be one meaning", "a dog looking at a cat", {("dog", "looking at", "cat")}, set()),
    (
        "the subject of a clause relates to later phrases",
        "The man is standing behind the fence.",
        {("man", "behind", "fence")},
        set(),
    ),
    (
        "a verb with no noun before it belongs to the clause subject",
        "A surfer on a board, wearing a wet suit",
        {("surfer", "wearing", "wet suit")},
        {("board", "wearing", "wet suit")},
    ),
    (
        "a pronoun object is another thing than the subject",
        "a cup with a spoon in it",
        {("spoon", "inside", "cup")},
        set(),
    ),
    (
        "a pronoun after a person refers to the person",
        "A woman in a park. She is holding a kite.",
        {("woman", "holding", "kite")},
        set(),
    ),
    (
        "'he' with no person is the subject of the sentence before",
        "A beaver next to a lamp. He holds a book.",
        {("beaver", "holding", "book")},
        set(),
    ),
]


@pytest.mark.parametrize("description, holds, absent", [pytest.param(d, h, a, id=case) for case, d, h, a in RELATIONS])
def test_relations(description: str, holds: set, absent: set):
    found = relations(plan(description))
    assert holds <= found, found
    assert not (absent & found), found


# (case, description, thing, a word its attributes must hold, field that holds it or None for any)
ATTRIBUTES = [
    ("a verb with no object is the subject's action", "a dog running on the beach", "dog", "running", "action"),
    ("an action after 'is' is the subject's", "A man. He is jumping in the air", "man", "jumping", None),
    (
        "a participle after a copula is the action",
        "The woman is leaning forward.",
        "woman",
        "leaning forward",
        "action",
    ),
    ("a particle completes the action", "a man leaning back on a wall", "man", "leaning back", "action"),
    (
        "after 'is' the words describe the clause subject, not the last noun",
        "The clock on the brick building is green.",
        "clock",
        "green",
        "color",
    ),
    ("a part after 'with' keeps its own colour", "a man with green hair", "hair", "green", "color"),
    (
        "an adjective of kind is an attribute, not part of the name",
        "three different bird sketches",
        "bird sketch",
        "different",
        None,
    ),
    (
        "loose adjectives after a comma describe the sentence's first thing",
        "a caterpillar, furry, slimy",
        "caterpillar",
        "slimy",
        None,
    ),
    ("they after two subjects is both", "A cat and a dog sit. They are sleeping", "cat", "sleeping", None),
]


@pytest.mark.parametrize(
    "description, name, word, field", [pytest.param(d, n, w, f, id=case) for case, d, n, w, f in ATTRIBUTES]
)
def test_attributes(description: str, name: str, word: str, field: str | None):
    thing = named(plan(description), name)
    if field:
        assert getattr(thing.attributes, field) == word, thing.attributes
    else:
        assert word in words_of(thing), thing.attributes


# (case, description, name, count)
COUNTS = [
    ("a bare plural says no number", "dogs on a lawn", "dog", None),
    ("'some' says no number", "some apples", "apple", None),
    ("a number word is the count", "three dogs", "dog", 3),
    ("'a pair of' is two", "a pair of shoes", "shoe", 2),
    ("'a dozen' is twelve", "a dozen eggs", "egg", 12),
    ("'a set of four' is four", "a set of four stamps", "stamp", 4),
    ("a singular noun is one", "a dog", "dog", 1),
]


@pytest.mark.parametrize("description, name, count", [pytest.param(d, n, c, id=case) for case, d, n, c in COUNTS])
def test_counts(description: str, name: str, count: int | None):
    assert named(plan(description), name).count == count


# (case, description, the object names exactly)
NAMES = [
    ("left and right stay part of a body part's name", "left leg is bent, right arm is up", ["left leg", "right arm"]),
    ("a verb after a noun is no part of its name", "A child draws a flower.", ["child", "flower"]),
    ("a compound noun is kept", "a teddy bear next to a traffic light", ["teddy bear", "traffic light"]),
    ("a participle after a noun ends the name", "people flying kites", ["person", "kite"]),
    ("'someone' is a thing", "Someone is sitting down", ["someone"]),
]


@pytest.mark.parametrize("description, names", [pytest.param(d, n, id=case) for case, d, n in NAMES])
def test_names(description: str, names: list[str]):
    assert [o.name for o in plan(description).objects] == names
