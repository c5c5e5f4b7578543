"""Reader tests: what a possessive owner has, one more worn thing with a verb of its own, names written with
capitals beside plain words, 'in X style', quality words before a medium, and verbs after 'and'."""

from __future__ import annotations

import pytest

from tests.reader_helpers import named, plan, relations

OWNED = [
    # a worn thing: the owner wears it; a part: the owner's; anything else: with the owner
    ("the woman's scarf", {("woman", "wearing", "scarf")}),
    ("the old sailor's cap is blue", {("sailor", "wearing", "cap")}),
    ("the girl's kite flying over a beach", {("girl", "with", "kite")}),
    ("a sparrow perched on the farmer's shoulder", {("shoulder", "of", "farmer")}),
    ("the boy's dog sleeping on a rug", {("boy", "with", "dog")}),
    # in clothes, not inside them
    ("a girl in red boots walking along a pier", {("girl", "in", "boot")}),
    # one more worn thing, with a verb of its own and no object
    ("a boy wearing a cap and a cape billowing in the wind", {("boy", "wearing", "cap"), ("boy", "wearing", "cape")}),
    # a second verb after 'and' that names an artwork too ('painting'), with its object
    ("a woman kneeling and painting a door", {("woman", "painting", "door")}),
    ("a man standing on a chair and drawing a map", {("man", "drawing", "map")}),
    # a verb in -s with an adverb before its preposition; an -ing word after 'and' ending a verb's objects
    ("a fox in a green vest runs happily across a bridge", {("fox", "running across", "bridge")}),
    ("two hikers wearing red gloves and laughing, standing on a rock", {("hiker", "wearing", "glove")}),
    # a word in -ing before a name acts on it
    ("a tourist visiting Lisbon in spring", {("tourist", "visiting", "Lisbon")}),
]


@pytest.mark.parametrize("description, holds", OWNED)
def test_what_an_owner_has_and_does(description: str, holds: set):
    assert holds <= relations(plan(description))


NAMES = [
    ("Lake Como at sunset", ["Lake Como"]),
    ("a ferry on Ha Long Bay at dawn", ["ferry", "Ha Long Bay"]),
    ("A Red Kite Over The Hills", ["kite", "hill"]),  # Title Case says nothing of names
    # a capitalised word opening a sentence with no article, before a verb in -ing, is a name
    ("Pikachu eating a cake", ["Pikachu", "cake"]),
    ("Dog running in a park", ["dog", "park"]),
    ("Wood engraving of a lighthouse", ["lighthouse"]),
    ("a girl in a tank top", ["girl", "tank top"]),
    ("a boy wearing a green crop top runs to a bus", ["boy", "crop top", "bus"]),
]


@pytest.mark.parametrize("description, names", NAMES)
def test_names(description: str, names: list[str]):
    assert [o.name for o in plan(description).objects] == names


STYLES = [
    ("a castle on a hill in Lego style", "Lego style", "Lego"),
    ("a fox in a forest in the Ghibli style", "Ghibli style", "Ghibli"),
    ("a professional photo of a lighthouse", "professional photo", "professional"),
    ("an amateur photograph of a parade", "amateur photograph", "amateur"),
]


@pytest.mark.parametrize("description, style, absent", STYLES)
def test_style_words_name_no_thing(description: str, style: str, absent: str):
    scene = plan(description)
    assert style.lower() in (scene.style or "").lower()
    assert absent not in [o.name for o in scene.objects]


def test_a_colour_stays_off_a_worn_thing_after_a_part():
    scene = plan("a man with blue eyes and tattoos")
    assert named(scene, "eye").attributes.color == "blue"
    assert named(scene, "tattoo").attributes.color is None
    assert named(plan("a bird with a white breast and belly"), "belly").attributes.color == "white"


def test_they_opening_a_sentence_keeps_to_the_subject_before():
    scene = plan("Puppies chasing butterflies. They are barking.")
    assert named(scene, "puppy").attributes.action == "barking"


def test_a_worn_thing_of_someone_unknown_is_a_kind_of_thing():
    scene = plan("a robot wearing a pilot's jacket")
    assert ("robot", "wearing", "pilot jacket") in relations(scene)
    assert "laughing" not in [o.name for o in plan("two hikers wearing red gloves and laughing, standing").objects]


def test_one_of_a_group_is_a_member_of_it():
    scene = plan("Four owls perch on a branch. One of them is holding a mouse.")
    assert [(o.name, o.count) for o in scene.objects if o.name == "owl"] == [("owl", 4), ("owl", 1)]
    holding = [r for r in scene.relations if r.predicate == "holding"]
    assert [scene.objects[r.subject].count for r in holding] == [1]
    assert "owl" not in [o.name for o in plan("An owl on a branch. One of them is brown.").objects[1:]]


def test_a_described_mention_is_the_thing_it_describes():
    scene = plan("Three mugs. A blue mug stands next to a white mug. The white mug is chipped.")
    mugs = [o for o in scene.objects if o.name == "mug"]
    assert [(m.count, m.attributes.color) for m in mugs] == [(3, None), (1, "blue"), (1, "white")]
    assert "chipped" in mugs[2].attributes.described()
