"""The rules reader's negation and chat requests: what a description says is not so is never drawn or
asked about, and the words a chat message asks with name nothing. One case per row."""

from __future__ import annotations

import pytest
from reader_helpers import plan, relations

# (case, description, names of the things drawn, what is excluded)
WITHOUT = [
    ("a negated -ing verb's object is excluded", "a fox not carrying a basket", ["fox"], ["basket"]),
    ("'doesn't' with a bare verb", "a girl who doesn't hold an umbrella", ["girl"], ["umbrella"]),
    ("'isn't' with an -ing verb", "a dog that isn't chewing a bone", ["dog"], ["bone"]),
    ("'does not have' is 'without'", "a kid who does not have a backpack", ["kid"], ["backpack"]),
    ("'never' with a verb", "an owl that never wears a crown", ["owl"], ["crown"]),
    ("'won't' is 'will not'", "a knight who won't carry a sword", ["knight"], ["sword"]),
    ("a contraction typed with no apostrophe", "a chef who doesnt wear an apron", ["chef"], ["apron"]),
]


@pytest.mark.parametrize(("case", "description", "drawn", "excluded"), WITHOUT, ids=[row[0] for row in WITHOUT])
def test_a_negated_verbs_object_is_excluded(case: str, description: str, drawn: list[str], excluded: list[str]):
    scene = plan(description)
    assert [o.name for o in scene.objects] == drawn, case
    assert set(excluded) <= set(scene.exclude), case
    assert not scene.relations, case


# (case, description, names of the things drawn)
UNSAID = [
    ("a negated action is not asserted", "a clown who isn't laughing", ["clown"]),
    ("a negated action after 'is not'", "a baby who is not crying", ["baby"]),
    ("a negated colour is not claimed", "a boat that is not blue", ["boat"]),
    ("a negated participle", "a horse that wasn't saddled", ["horse"]),
    ("a negated bare verb after 'won't'", "a vase that won't break", ["vase"]),
    ("a negated size with a degree word", "a teapot that is not very big", ["teapot"]),
    ("a negated verb with nothing as its object", "a monkey not holding anything", ["monkey"]),
    ("a verb whose object is 'nothing'", "a monkey holding nothing", ["monkey"]),
    ("a negated colour worn", "a singer not dressed in red", ["singer"]),
]


@pytest.mark.parametrize(("case", "description", "drawn"), UNSAID, ids=[row[0] for row in UNSAID])
def test_a_negated_action_or_description_is_not_drawn(case: str, description: str, drawn: list[str]):
    scene = plan(description)
    assert [o.name for o in scene.objects] == drawn, case
    thing = scene.objects[0].attributes
    assert not (thing.action or thing.color or thing.size or thing.state), case
    questions = " ".join(c.question for c in scene.checks()).lower()
    assert "n't" not in questions and " not " not in questions, case
    assert "is there no" not in questions, case


# (case, description, the things drawn, the relations there must not be)
UNRELATED = [
    ("a relation after 'not' is not drawn", "a lamp not on a desk", ["lamp"], []),
    (
        "a negated verb's relation is not asserted",
        "a ball that doesn't roll under a sofa",
        ["ball", "sofa"],
        [("ball", "under", "sofa")],
    ),
    (
        "a negated motion into a thing",
        "a cat that does not jump into a box",
        ["cat", "box"],
        [("cat", "in", "box"), ("cat", "inside", "box")],
    ),
]


@pytest.mark.parametrize(("case", "description", "drawn", "absent"), UNRELATED, ids=[row[0] for row in UNRELATED])
def test_a_negated_relation_is_not_asserted(case: str, description: str, drawn: list[str], absent: list):
    scene = plan(description)
    assert sorted(o.name for o in scene.objects) == sorted(drawn), case
    assert not relations(scene) & set(absent), case
    assert not scene.relations, case


@pytest.mark.parametrize("description", ["a shelf with nothing on it", "a bowl with nothing in it"])
def test_with_nothing_on_it_is_empty(description: str):
    scene = plan(description)
    assert len(scene.objects) == 1
    assert scene.objects[0].attributes.state == "empty"


# (case, chat message, the things drawn)
REQUESTS = [
    ("I'd love", "I'd love a picture of a penguin", ["penguin"]),
    ("I'd like, with a style", "I'd like a watercolor painting of a barn", ["barn"]),
    ("could you paint me", "Could you paint me a windmill?", ["windmill"]),
    ("a greeting, 'could you paint me'", "Hi there, could you paint me a goat?", ["goat"]),
    ("how about", "how about a turtle on a log", ["turtle", "log"]),
    ("what about", "what about a robot", ["robot"]),
    ("we'd love to see", "We'd love to see a lighthouse at dusk", ["lighthouse"]),
    ("I'd be happy with", "I'd be happy with a moose", ["moose"]),
    ("could you whip up", "Could you whip up a pirate ship?", ["pirate ship"]),
    ("could you also add, after a sentence", "a cat. Could you also add a ball?", ["cat", "ball"]),
]


@pytest.mark.parametrize(("case", "message", "drawn"), REQUESTS, ids=[row[0] for row in REQUESTS])
def test_chat_request_words_name_nothing(case: str, message: str, drawn: list[str]):
    scene = plan(message)
    assert sorted(o.name for o in scene.objects) == sorted(drawn), case


def test_a_verb_that_names_a_medium_is_the_style():
    scene = plan("could you illustrate a fairy tale castle")
    assert [o.name for o in scene.objects] == ["fairy tale castle"]
    assert "illustration" in (scene.style or "")


def test_a_requests_style_words_are_kept():
    scene = plan("I'd like a realistic photo of a fox")
    assert [o.name for o in scene.objects] == ["fox"]
    assert {"photo", "realistic"} <= set(scene.style.replace(",", " ").split())
