"""The rules reader on narrated descriptions of a picture: parts of the picture, repeated mentions, and
words after a thing that say how it is: general cases, one per row."""

from __future__ import annotations

import pytest
from reader_helpers import named, plan, relations

# (case, description, the object names exactly)
NAMES = [
    ("a participle after a noun is no part of its name", "We can see some text written on the board.",
     ["text", "board"]),
    ("'written' after 'is' says how the thing is", "Some letters are written on the door.", ["letter", "door"]),
    ("the speaker looking after a thing that carries text is no text", "On the poster we can see a horse. On the "
     "sign I can also see a bird.", ["poster", "horse", "sign", "bird"]),
    ("the speaker's guess names nothing", "I think a lamp is on the desk.", ["lamp", "desk"]),
    ("a pose given is what someone does", "A girl is giving a pose to the camera.", ["girl", "camera"]),
    ("a verb of giving after 'and' names nothing", "A boy is laughing and giving pose.", ["boy"]),
    ("'consists of' after a thing names no thing", "There is a tray which consists of cups.", ["tray", "cup"]),
    ("a portion named again as known is the same thing",
     "A slice of melon is on a tray. There is a knife beside the slice of melon.", ["slice of melon", "tray", "knife"]),
    ("a portion named again with 'another' is a second one",
     "A slice of cheese is on the desk and another slice of cheese is on the shelf.",
     ["slice of cheese", "desk", "slice of cheese", "shelf"]),
]  # fmt: skip


@pytest.mark.parametrize("case,description,names", NAMES, ids=[row[0] for row in NAMES])
def test_names(case, description, names):
    assert [o.name for o in plan(description).objects] == names


# (case, description, name -> the part of the picture it is in)
PLACES = [
    ("'towards' a side of the picture places what follows", "Towards the right side of the image there is a lamp.",
     {"lamp": "right"}),
    ("'towards' a side opening a clause places what follows", "In this picture we can see a dog. Towards the left "
     "we can see a bench.", {"dog": None, "bench": "left"}),
    ("'towards' a side of a thing is no part of the picture", "A cat walks towards the left of the sofa.",
     {"cat": None, "sofa": None}),
    ("leaning towards a side places nothing", "The woman is leaning towards the right with her hands up.",
     {"woman": None}),
]  # fmt: skip


@pytest.mark.parametrize("case,description,places", PLACES, ids=[row[0] for row in PLACES])
def test_places(case, description, places):
    scene = plan(description)
    for name, where in places.items():
        assert named(scene, name).place == where, name


# (case, description, relations that must hold)
RELATIONS = [
    ("a relation to a portion named again goes to the first one",
     "A slice of melon is on a tray. There is a knife beside the slice of melon.",
     {("slice of melon", "on", "tray"), ("knife", "next to", "slice of melon")}),
    ("a fronted relation to a pronoun waits for the subject after it",
     "There is a sofa. Behind it a girl is reading a book.", {("girl", "behind", "sofa"), ("girl", "reading", "book")}),
    ("a fronted relation to 'them' relates to each of them",
     "A horse and a cow. In front of them a boy is sitting.", {("boy", "in front of", "horse"),
                                                               ("boy", "in front of", "cow")}),
    ("'which consists of' says what a thing holds", "We can see a basket which consists of apples.",
     {("basket", "with", "apple")}),
    ("a relation and 'there is' after a comma start a new clause",
     "There is a shelf with books, beside the shelf there is a lamp.", {("lamp", "next to", "shelf")}),
    ("'among them' opening a clause picks one, whose verb is its own",
     "There are three boys, among them one boy is kicking a ball.", {("boy", "kicking", "ball")}),
    ("a written text is on what carries it", "We can see some text written on the board.", {("text", "on", "board")}),
]  # fmt: skip


@pytest.mark.parametrize("case,description,wanted", RELATIONS, ids=[row[0] for row in RELATIONS])
def test_relations(case, description, wanted):
    assert wanted <= relations(plan(description))


# (case, description, relations that must not hold)
NOT_RELATED = [
    ("'among them' opening a clause is no relation", "There are three boys, among them one boy is kicking a ball.",
     {("boy", "near", "boy")}),
    ("a relation after a comma is not the 'with' object's",
     "There is a shelf with books, beside the shelf there is a lamp.", {("book", "next to", "shelf")}),
]  # fmt: skip


@pytest.mark.parametrize("case,description,unwanted", NOT_RELATED, ids=[row[0] for row in NOT_RELATED])
def test_not_related(case, description, unwanted):
    assert not unwanted & relations(plan(description))
