"""Verb forms read as verbs: past narration, -ing nouns after a copula, 'to' and a verb after an object,
a verb in -s after a collective's plural, and 'to' a place after the object of a verb of going."""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.planner import RulesPlanner

_PLANNER = RulesPlanner()


def _read(description: str) -> tuple[list[tuple[str, str, str]], dict[str, str | None], list[str]]:
    scene = _PLANNER.plan(description, width=512, height=512).scene
    names = [thing.name for thing in scene.objects]
    relations = [(names[r.subject], r.predicate, names[r.object]) for r in scene.relations]
    actions = {thing.name: thing.attributes.action for thing in scene.objects}
    return relations, actions, names


# (case, description, a relation read)
RELATIONS = [
    ("a regular past before an article acts", "a fox chased a rabbit across the meadow", ("fox", "chasing", "rabbit")),
    (
        "a past after a subject pronoun acts",
        "the monkey grabbed a banana until it dropped the peel",
        ("monkey", "grabbing", "banana"),
    ),
    ("a past after 'who' acts", "an old woman who fed the pigeons", ("woman", "feeding", "pigeon")),
    ("an irregular past acts", "a boy threw a frisbee to his dog", ("boy", "throwing", "frisbee")),
    ("an irregular past of riding acts", "a woman rode a horse along the beach", ("woman", "riding", "horse")),
    ("a past of motion before a preposition acts", "a frog jumped into the pond", ("frog", "jumping into", "pond")),
    ("a past in -ied acts", "a man carried a ladder up the stairs", ("man", "carrying", "ladder")),
    (
        "a past with a particle before its object acts",
        "a girl picked up a shell on the beach",
        ("girl", "picking up", "shell"),
    ),
    (
        "a past after 'and' goes on with the first",
        "a chef sliced a tomato and tossed the salad",
        ("chef", "tossing", "salad"),
    ),
    (
        "an -ing noun after a copula with an article is the verb",
        "a woman is building a birdhouse",
        ("woman", "building", "birdhouse"),
    ),
    (
        "an -ing noun after a copula with a plural is the verb",
        "the girls are painting flowers",
        ("girl", "painting", "flower"),
    ),
    (
        "'to' a place after the object of a verb of going",
        "a woman pushing a stroller to the playground",
        ("woman", "pushing to", "playground"),
    ),
    ("'to' a place after riding a thing", "a farmer riding a tractor to the barn", ("farmer", "riding to", "barn")),
]


@pytest.mark.parametrize(("case", "description", "relation"), RELATIONS, ids=[row[0] for row in RELATIONS])
def test_verb_forms_read_as_relations(case: str, description: str, relation: tuple[str, str, str]) -> None:
    relations, _, _ = _read(description)
    assert relation in relations, (case, relations)


# (case, description, thing, its action)
ACTIONS = [
    ("a past of posture is what the thing does", "a tired dog sat on the porch", "dog", "sitting"),
    ("a past of motion with a particle after it acts", "the puppy ran away", "puppy", "running away"),
    ("a past of motion ending the sentence acts", "a toddler laughed.", "toddler", "laughing"),
    ("a verb in -s after a collective's plural", "a team of rowers paddles across a lake", "rower", "paddling"),
    ("a verb in -s at the end after a collective's plural", "a flock of geese honks", "goose", "honking"),
    (
        "'to' and a verb after an object is the object's",
        "a father helping his daughter to dance",
        "daughter",
        "dancing",
    ),
]


@pytest.mark.parametrize(("case", "description", "thing", "action"), ACTIONS, ids=[row[0] for row in ACTIONS])
def test_verb_forms_read_as_actions(case: str, description: str, thing: str, action: str | None) -> None:
    _, actions, _ = _read(description)
    assert actions.get(thing, "missing") == action, (case, actions)


# (case, description, a word that names no thing)
NO_THINGS = [
    ("a past of motion is no thing", "a kitten played until it climbed a curtain", "climbed"),
    ("a past after 'who' is no thing", "a girl who fed the goats", "fed"),
    ("a verb after 'to' is no thing", "a nurse helping a patient to stand", "stand"),
    ("a verb after 'to' and 'her' is no thing", "a coach teaching her to read", "read"),
]


@pytest.mark.parametrize(("case", "description", "word"), NO_THINGS, ids=[row[0] for row in NO_THINGS])
def test_verb_forms_name_no_thing(case: str, description: str, word: str) -> None:
    _, _, names = _read(description)
    assert word not in names, (case, names)


# (case, description, a relation a later past form makes, a relation a participle does not)
STATES = [
    (
        "a participle before a preposition stays a state",
        "a man dressed in a grey suit fed the pigeons",
        ("man", "feeding", "pigeon"),
        ("man", "dressing", "suit"),
    ),
    (
        "a participle before a colour stays",
        "a wall painted a pale yellow and a boy kicked a ball",
        ("boy", "kicking", "ball"),
        ("wall", "painting", "yellow"),
    ),
    (
        "a participle before a noun stays",
        "a painted boat and a man rowed the boat",
        ("man", "rowing", "boat"),
        ("painted boat", "painting", "boat"),
    ),
]


@pytest.mark.parametrize(("case", "description", "read", "unread"), STATES, ids=[row[0] for row in STATES])
def test_participles_stay_states(
    case: str, description: str, read: tuple[str, str, str], unread: tuple[str, str, str]
) -> None:
    relations, _, _ = _read(description)
    assert read in relations and unread not in relations, (case, relations)


# (case, description, thing, an action it does not do)
NOT_DONE = [
    ("a verb after a second subject is not the first's", "a man sitting and a woman dancing", "man", "dancing"),
    (
        "a second subject's verb before a place is its own",
        "a girl sitting and a dog sleeping on a rug",
        "girl",
        "sleeping",
    ),
]


@pytest.mark.parametrize(("case", "description", "thing", "action"), NOT_DONE, ids=[row[0] for row in NOT_DONE])
def test_second_subjects_verb_is_its_own(case: str, description: str, thing: str, action: str) -> None:
    scene = _PLANNER.plan(description, width=512, height=512).scene
    attributes = next(t.attributes for t in scene.objects if t.name == thing)
    assert action != attributes.action and action not in attributes.other, (case, attributes)
