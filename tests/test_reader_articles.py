"""Articles, names with capitals, stuff and the wording of describing checks, read from descriptions."""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.planner import RulesPlanner
from limner.agents.scene.english import mass_noun, proper_name, with_article, with_the
from limner.agents.scene.prompting import write_prompt

_PLANNER = RulesPlanner()


def _read(description: str) -> tuple[str, list[str]]:
    scene = _PLANNER.plan(description, width=512, height=512).scene
    return write_prompt(scene)[0], [check.question for check in scene.checks()]


# (case, description, words the prompt holds, questions asked)
READ = [
    (
        "a capitalised word before a lowercase head describes a common noun",
        "a girl hanging lights on a Christmas tree",
        "a Christmas tree",
        ["Is there a Christmas tree?"],
    ),
    (
        "a name's describing word takes 'a' after a verb too",
        "a boy riding a Ferris wheel",
        "riding a Ferris wheel",
        ["Is there a Ferris wheel?"],
    ),
    (
        "a city before a noun describes it",
        "A quiet Paris bakery at dawn",
        "a quiet Paris bakery",
        ["Is there a Paris bakery?"],
    ),
    ("'the' and a landmark head make one name", "fireworks over the Brandenburg gate", "the Brandenburg Gate", []),
    ("a word of origin in lowercase takes its capital", "a spanish guitar on a chair", "a Spanish guitar", []),
    ("an origin word on a person takes its capital", "an italian chef tossing pizza dough", "an Italian chef", []),
    ("stuff takes no article", "a waffle with honey", "a waffle with honey", ["Is there honey?"]),
    (
        "a compound of stuff goes by its head",
        "a boy drinking apple juice",
        "drinking apple juice",
        ["Is there apple juice?"],
    ),
    ("a drink is stuff", "a man pouring whiskey", "pouring whiskey", []),
    ("armor is worn as stuff", "a warrior in gleaming armour", "in gleaming armour", []),
    ("the article of a group follows its sound", "an army of robots marching", "an army of robots", []),
]


@pytest.mark.parametrize("case,description,said,asked", READ, ids=[row[0] for row in READ])
def test_articles_read(case, description, said, asked):
    prompt, questions = _read(description)
    assert said in prompt, f"{case}: {prompt!r}"
    for question in asked:
        assert question in questions, f"{case}: {questions}"


# (case, description, question asked, question never asked)
ASKED = [
    ("a place kept as a describing word is where the thing is", "a tram on a street in Lisbon",
     "Is the street in Lisbon?", "Is the street Lisbon?"),
    ("a way of drawing said of one thing is a style", "a manga boy with spiky hair",
     "Is the boy in manga style?", "Is the boy manga?"),
    ("a word of origin is asked as it is", "a mexican restaurant", "Is the restaurant Mexican?", "Is the restaurant in Mexican?"),
]  # fmt: skip


@pytest.mark.parametrize("case,description,asked,never", ASKED, ids=[row[0] for row in ASKED])
def test_describing_checks(case, description, asked, never):
    _, questions = _read(description)
    assert asked in questions, f"{case}: {questions}"
    assert never not in questions, f"{case}: {questions}"


NAMES = [
    ("Easter egg", False, "an Easter egg", "the Easter egg"),
    ("Flight 19", True, "Flight 19", "Flight 19"),
    ("Sistine Chapel", True, "Sistine Chapel", "Sistine Chapel"),
    ("Statue of Liberty", True, "the Statue of Liberty", "the Statue of Liberty"),
    ("Orion Constellation", True, "the Orion Constellation", "the Orion Constellation"),
    ("maple syrup", False, "maple syrup", "the maple syrup"),
    ("street light", False, "a street light", "the street light"),
    ("traffic jam", False, "a traffic jam", "the traffic jam"),
]


@pytest.mark.parametrize("name,proper,indefinite,definite", NAMES, ids=[row[0] for row in NAMES])
def test_names_take_articles(name, proper, indefinite, definite):
    assert proper_name(name) is proper
    assert with_article(name) == indefinite
    assert with_the(name) == definite


@pytest.mark.parametrize("name", ["ketchup", "soy sauce", "olive oil", "cardboard", "chainmail", "hot chocolate"])
def test_stuff_is_mass(name):
    assert mass_noun(name)


@pytest.mark.parametrize("name", ["waffle iron", "passion fruit", "ceiling light", "pizza", "glass"])
def test_things_are_not_stuff(name):
    assert not mass_noun(name)
