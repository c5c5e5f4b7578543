"""The rules reader on ordinary sentences users type: who does what, and to whom, one case per row."""

from __future__ import annotations

import pytest
from reader_helpers import named, plan, relations

# (case, description, relations that must hold, relations that must not)
SENTENCES = [
    (
        "what is held in the hands is not on the seat its holder sits on",
        "a boy holding a kite and a sandwich, sitting on a wall",
        {("boy", "holding", "kite"), ("boy", "holding", "sandwich"), ("boy", "on", "wall")},
        {("kite", "on", "wall"), ("sandwich", "on", "wall")},
    ),
    (
        "one held thing before a comma stays in the hands too",
        "a girl carrying a lantern, standing on a chair",
        {("girl", "carrying", "lantern"), ("girl", "on", "chair")},
        {("lantern", "on", "chair")},
    ),
    (
        "what is held is still in its holder's setting",
        "a man carrying a basket on the beach",
        {("man", "carrying", "basket"), ("basket", "on", "beach")},
        set(),
    ),
    (
        "a participle after a list of things that act is every item's",
        "a grey goose, a brown duck and a white swan swimming on a pond",
        {("goose", "on", "pond"), ("duck", "on", "pond"), ("swan", "on", "pond")},
        set(),
    ),
    (
        "a participle after a list is the acting item's alone when the others cannot act",
        "a lamp, a rug and a woman knitting a scarf",
        {("woman", "knitting", "scarf")},
        {("lamp", "knitting", "scarf"), ("rug", "knitting", "scarf")},
    ),
    (
        "a list after a relation of place is all its objects",
        "a goat standing behind a fence and a barrel",
        {("goat", "behind", "fence"), ("goat", "behind", "barrel")},
        set(),
    ),
    (
        "a thing of another kind after 'and' is a subject of its own",
        "a goat behind a fence and a farmer",
        {("goat", "behind", "fence")},
        {("goat", "behind", "farmer")},
    ),
    (
        "a place after a living part named with 'with' is its owner's",
        "a boy with curly hair behind a pony",
        {("boy", "with", "hair"), ("boy", "behind", "pony")},
        {("hair", "behind", "pony")},
    ),
    (
        "a part of a thing may stand beside another thing",
        "a house has a window beside the chimney",
        {("window", "next to", "chimney")},
        set(),
    ),
    (
        "a part after 'with' right after a thing that can have it is that thing's",
        "a sheep in front of a bush with pink petals",
        {("sheep", "in front of", "bush"), ("bush", "with", "petal")},
        {("sheep", "with", "petal")},
    ),
    (
        "a part of a made thing after a verb's object is the object's",
        "a boy pushing a cart with red wheels",
        {("boy", "pushing", "cart"), ("cart", "with", "wheel")},
        {("boy", "with", "wheel")},
    ),
    (
        "a part only living things have is not a lifeless thing's",
        "a dog under a table with floppy ears",
        {("dog", "with", "ear")},
        {("table", "with", "ear")},
    ),
    (
        "a setting has no parts: the part after it is the subject's",
        "an angel flying across the sky with golden wings",
        {("angel", "with", "wing")},
        {("sky", "with", "wing")},
    ),
    (
        "an adverb and a participle after 'and' are a verb of the subject",
        "a fox wearing a scarf and slowly climbing onto a wall",
        {("fox", "wearing", "scarf")},
        {("fox", "wearing", "climbing")},
    ),
    (
        "a bare noun after a verb of posture that is no body part is its object",
        "A builder is raising steel beams",
        {("builder", "raising", "beam")},
        set(),
    ),
    (
        "a bare body part after a verb of posture stays no object",
        "a dancer raising arms",
        set(),
        {("dancer", "raising", "arm")},
    ),
    (
        "'to' after the object of a verb of giving names who receives it",
        "A fox hands a letter to an owl",
        {("fox", "handing", "letter"), ("fox", "handing to", "owl")},
        set(),
    ),
    (
        "everyone after 'to' in a list receives it",
        "an uncle reading a story to a boy and a girl",
        {("uncle", "reading", "story"), ("uncle", "reading to", "boy"), ("uncle", "reading to", "girl")},
        set(),
    ),
    (
        "'off of' is 'off': nothing is of or in what a thing leaves",
        "a helicopter lifting off of a rooftop",
        {("helicopter", "lifting off", "rooftop")},
        {("helicopter", "of", "rooftop"), ("helicopter", "in", "rooftop")},
    ),
    (
        "a plain verb after a plural noun that is the same in the plural is a verb",
        "Two moose drink from a lake",
        {("moose", "drinking from", "lake")},
        set(),
    ),
]


@pytest.mark.parametrize("description, holds, absent", [pytest.param(d, h, a, id=case) for case, d, h, a in SENTENCES])
def test_sentences(description: str, holds: set, absent: set):
    found = relations(plan(description))
    assert holds <= found, found
    assert not (absent & found), found


def test_an_adverb_before_a_participle_names_no_thing():
    scene = plan("a fox wearing a scarf and slowly climbing onto a wall")
    assert [o.name for o in scene.objects] == ["fox", "scarf", "wall"]


@pytest.mark.parametrize(
    "description, name, action",
    [
        pytest.param(
            "a rocket taking off of a launch pad", "rocket", "taking off", id="a particle that changes the verb"
        ),
        pytest.param("Two moose drink from a lake", "moose", "drinking", id="a plain verb after a plural noun"),
    ],
)
def test_actions(description: str, name: str, action: str):
    assert named(plan(description), name).attributes.action == action


def test_a_drink_opening_a_note_is_a_thing():
    scene = plan("soft drink on a table")
    assert [o.name for o in scene.objects] == ["drink", "table"]
    assert relations(scene) == {("drink", "on", "table")}
