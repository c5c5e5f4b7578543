"""The rules reader's names and titles: capitals, initials, titles of works, game worlds and greetings."""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.tagging import PROPER, WORD, tag_text
from reader_helpers import plan

# (case, description, names that must be things, names that must not)
NAMES = [
    (
        "initials are part of a name, not things of their own",
        "a novel titled 'Night Rain' by P.K. Morrow",
        [],
        ["p", "k", "P", "K"],
    ),
    (
        "initials before a name stay with it",
        "a portrait of J.K. Harlow reading a letter",
        ["J.K. Harlow"],
        ["j", "k"],
    ),
    (
        "a name that opens a list of lowercase keywords keeps its capitals",
        "The Tower of Winds in Alderney, cinematic",
        ["Tower of Winds"],
        ["tower", "wind"],
    ),
    (
        "a name in capitals after a lowercase 'the' is a name: Title Case would write 'The'",
        "the Silver Harbour Bridge",
        ["Silver Harbour Bridge"],
        ["bridge", "harbour bridge"],
    ),
    ("initials that open the text are a name, with a number after them", "N.Y. 17", ["N.Y. 17"], ["n.y."]),
    ("a model's code after a maker's name stays in it", "a red Lada K-900 on a bridge", ["Lada K-900"], ["Lada k-900"]),
    (
        "a word in capitals inside a name stays in it as written",
        "a poster of the NATO Summit Hall",
        ["NATO Summit Hall"],
        ["nato Summit Hall"],
    ),
    (
        "a Title Case title around 'with' before a verb of one subject is one name",
        "The Boy with a Silver Kite stands on a hill",
        ["Boy with a Silver Kite", "hill"],
        ["Silver Kite", "Boy"],
    ),
    (
        "a Title Case title around 'in' before a verb of one subject is one name",
        "The Lady in the Blue Hat holds an umbrella",
        ["Lady in the Blue Hat", "umbrella"],
        ["Blue Hat"],
    ),
    (
        "lowercase words around 'with' stay two things",
        "the boy with a kite stands on a hill",
        ["boy", "kite", "hill"],
        ["boy with a kite"],
    ),
    (
        "a game's world after 'in' is the picture's style, no thing",
        "a lighthouse on a cliff in Minecraft",
        ["lighthouse", "cliff"],
        ["minecraft", "Minecraft"],
    ),
    (
        "a game's name that describes a thing after it stays in the thing",
        "a knight in roblox armour",
        ["knight"],
        ["roblox"],
    ),
    ("a greeting is words, no thing", "Happy Easter! A basket of eggs on the grass", ["basket", "grass"], ["easter"]),
    ("an exclamation alone is words, no thing", "A cat on a fence. Hooray!", ["cat", "fence"], ["hooray"]),
]


@pytest.mark.parametrize(("case", "description", "present", "absent"), NAMES, ids=[row[0] for row in NAMES])
def test_names_read(case: str, description: str, present: list[str], absent: list[str]) -> None:
    names = [o.name for o in plan(description).objects]
    for name in present:
        assert name in names, f"{case}: no {name!r} in {names}"
    for name in absent:
        assert name not in names, f"{case}: {name!r} in {names}"


@pytest.mark.parametrize(
    ("description", "style"),
    [("a lighthouse on a cliff in Minecraft", "Minecraft style"), ("a farm in the sims, isometric", "the sims style")],
)
def test_a_game_world_is_a_style(description: str, style: str) -> None:
    assert style in plan(description).style


@pytest.mark.parametrize(
    ("description", "text"),
    [
        ("Happy Easter! A basket of eggs on the grass", "Happy Easter"),
        ("a greeting card, merry christmas, snowflakes", "merry christmas"),
        ("Season's greetings, Maria!", "Season's greetings, Maria"),
    ],
)
def test_a_greeting_is_text(description: str, text: str) -> None:
    assert text in [o.text for o in plan(description).objects]


@pytest.mark.parametrize(("description", "text"), [("A door sign. Welcome!", "Welcome"), ("Yikes!", "Yikes")])
def test_an_exclamation_is_what_a_sign_says_or_all_that_is_said(description: str, text: str) -> None:
    assert text in [o.text for o in plan(description).objects]


def test_a_cry_after_a_scene_is_no_text() -> None:
    assert [o.text for o in plan("A kite over the beach. Whoa!").objects] == [None, None]


@pytest.mark.parametrize(
    ("description", "text"),
    [("a cat writing MEOW on a whiteboard", "MEOW"), ("a skywriter spelling HI MOM over a beach", "HI MOM")],
)
def test_capitals_after_a_verb_of_writing_are_text(description: str, text: str) -> None:
    scene = plan(description)
    assert text in [o.text for o in scene.objects]
    assert not [o.name for o in scene.objects if text.lower() in o.name.lower()]


def test_a_happy_thing_is_no_greeting() -> None:
    scene = plan("a happy puppy!")
    assert [o.name for o in scene.objects] == ["puppy"] and scene.objects[0].text is None


@pytest.mark.parametrize(
    ("description", "name"),
    [
        ("a diner named Only When I Cook on a corner", ["Only", "When", "I", "Cook"]),
        ("a poster of the film Gone With The Wind", ["Gone", "With", "The", "Wind"]),
        ("a kite in front of The Alamo", ["Alamo"]),
        ("Yesterday Tom and I saw Paris", ["Yesterday", "Tom", "Paris"]),
    ],
)
def test_small_words_with_capitals_inside_a_name_are_in_it(description: str, name: list[str]) -> None:
    assert [item.text for item in tag_text(description) if item.value == PROPER] == name


def test_a_known_artist_with_initials_is_a_style_however_written() -> None:
    for description in ("a tower, H.R. Giger, 8k", "a tower, h.r. giger, 8k"):
        scene = plan(description)
        assert [o.name for o in scene.objects] == ["tower"], description
        assert "giger" in scene.style, description


def test_initials_are_one_token_in_a_name() -> None:
    items = tag_text("a statue of W.E. Grant in a park")
    assert [(i.kind, i.text, i.value) for i in items if i.value == PROPER] == [
        (WORD, "W.E.", PROPER),
        (WORD, "Grant", PROPER),
    ]
