"""The rules reader's pronouns and possessives across clauses and sentences, one case per row."""

from __future__ import annotations

import pytest
from reader_helpers import plan, relations

# (case, description, relations that must hold, relations that must not)
RELATIONS = [
    (
        "a person after a possessive is someone of the owner's, not the owner",
        "a mom feeding her baby",
        {("mom", "feeding", "baby")},
        set(),
    ),
    (
        "a pronoun after 'to' and a given thing means who receives it, not the thing given",
        "a boy and his puppy. he is tossing a stick to it.",
        {("boy", "tossing", "stick"), ("boy", "tossing to", "puppy")},
        {("boy", "tossing to", "stick")},
    ),
    (
        "'he' opening a sentence is the first male the sentence before was about; 'him' is the other",
        "a father and his son. he is reading a story to him.",
        {("father", "reading", "story"), ("father", "reading to", "son")},
        {("son", "reading", "story")},
    ),
    (
        "'to' and a verb after a verb's object say what the object does",
        "a father teaching his daughter to ride a bike",
        {("father", "teaching", "daughter"), ("daughter", "riding", "bike")},
        {("father", "riding", "bike")},
    ),
    (
        "young that can act after 'with' are the subject's, not the place's",
        "a bear sleeping in a cave with its cubs",
        {("bear", "with", "cub")},
        {("cave", "with", "cub")},
    ),
    (
        "'it' after the young with the subject is the subject",
        "a mare grazing in a meadow with a foal next to it",
        {("mare", "with", "foal"), ("foal", "next to", "mare")},
        {("foal", "next to", "meadow")},
    ),
    (
        "a rider with a mount is on it",
        "a pony with its rider",
        {("pony", "with", "rider"), ("rider", "on", "pony")},
        set(),
    ),
]


@pytest.mark.parametrize(("case", "description", "held", "absent"), RELATIONS, ids=[r[0] for r in RELATIONS])
def test_relations(case: str, description: str, held: set, absent: set) -> None:
    found = relations(plan(description))
    assert held <= found, f"{case}: missing {held - found} in {found}"
    assert not (absent & found), f"{case}: unwanted {absent & found}"


# (case, description, {name: action} that must hold, {name: action} that must not)
ACTIONS = [
    (
        "a new clause after 'and' following a place has its own subject",
        "the boys are swimming in the lake and their father is sitting on the shore",
        {"boy": "swimming", "father": "sitting"},
        {"boy": "sitting"},
    ),
    (
        "'one' and 'the other' of two things named before are each of them",
        "a cat and a dog. one is sleeping and the other is eating.",
        {"cat": "sleeping", "dog": "eating"},
        {},
    ),
]


@pytest.mark.parametrize(("case", "description", "held", "absent"), ACTIONS, ids=[r[0] for r in ACTIONS])
def test_actions(case: str, description: str, held: dict, absent: dict) -> None:
    scene = plan(description)
    doing = {(o.name, a) for o in scene.objects for a in (o.attributes.action, *o.attributes.other) if a}
    assert set(held.items()) <= doing, f"{case}: {doing}"
    assert not (set(absent.items()) & doing), f"{case}: {doing}"


def test_one_and_the_other_split_a_counted_group() -> None:
    """'one' and 'the other' of two boys are two boys, one each, both where the group was."""
    scene = plan("two boys on a beach. one is flying a kite and the other is digging a hole.")
    boys = [o for o in scene.objects if o.name == "boy"]
    assert [b.count for b in boys] == [1, 1]
    found = relations(scene)
    assert {("boy", "flying", "kite"), ("boy", "digging", "hole"), ("boy", "on", "beach")} <= found
    acting = {"flying", "digging"}
    doers = {scene.objects[r.subject].attributes.action for r in scene.relations if r.predicate in acting}
    assert doers == acting  # each action is a different boy's


def test_a_body_part_is_whose_the_possessive_says() -> None:
    """Someone else's part is theirs ('his arm' held by her); one the subject can own is its own."""
    found = relations(plan("a nurse and an old man. she is holding his arm."))
    assert {("nurse", "holding", "arm"), ("arm", "of", "man")} <= found
    found = relations(plan("a cat and a hamster. the cat is licking its paw."))
    assert ("cat", "licking", "paw") in found and ("paw", "of", "hamster") not in found


def test_a_person_after_a_possessive_is_kept() -> None:
    names = [o.name for o in plan("a dad carrying his kid").objects]
    assert "kid" in names and "dad" in names
