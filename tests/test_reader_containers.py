"""The rules reader's containers and what they hold ('a bowl of soup'), one case per row."""

from __future__ import annotations

import pytest
from reader_helpers import named, plan, relations

# (case, description, relations it must hold, relations it must not hold)
HELD = [
    (
        "jugs, sacks and tins hold what they are of",
        "a jug of cider beside a sack of onions",
        {("cider", "inside", "jug"), ("onion", "inside", "sack")},
        set(),
    ),
    (
        "'and' with an article after the contents starts a thing of its own",
        "a bowl of rice and a teapot",
        {("rice", "inside", "bowl")},
        {("teapot", "inside", "bowl")},
    ),
    (
        "a second container after the first is no part of it",
        "a basket of eggs and a bottle of milk",
        {("egg", "inside", "basket"), ("milk", "inside", "bottle")},
        {("bottle", "inside", "basket"), ("milk", "inside", "basket")},
    ),
    (
        "a comma with an article after the contents starts a thing of its own",
        "a jar of pickles, a knife and a fork",
        {("pickle", "inside", "jar")},
        {("knife", "inside", "jar"), ("fork", "inside", "jar")},
    ),
    (
        "what comes after the contents is what the verb before the container acts on",
        "a man holding a bucket of sand and a shovel",
        {("man", "holding", "bucket"), ("man", "holding", "shovel"), ("sand", "inside", "bucket")},
        {("shovel", "inside", "bucket")},
    ),
    (
        "bare nouns joined to the contents are contents too, up to the next article",
        "a bowl of cherries and grapes and a knife",
        {("cherry", "inside", "bowl"), ("grape", "inside", "bowl")},
        {("knife", "inside", "bowl")},
    ),
    (
        "drinking acts on the drink, not the glass",
        "a boy drinking a glass of juice",
        {("boy", "drinking", "juice"), ("juice", "inside", "glass")},
        {("boy", "drinking", "glass")},
    ),
    (
        "eating acts on the food, not the bowl",
        "an old man eats a bowl of porridge",
        {("man", "eating", "porridge")},
        {("man", "eating", "bowl")},
    ),
    (
        "what a tray holds is on it",
        "a tray of sushi on a counter",
        {("sushi", "on", "tray")},
        {("sushi", "inside", "tray")},
    ),
    (
        "a plural noun right after 'of' is what the container holds, not a verb",
        "a bartender carrying a bucket of drinks",
        {("bartender", "carrying", "bucket"), ("drink", "inside", "bucket")},
        set(),
    ),
]


@pytest.mark.parametrize(("case", "description", "held", "not_held"), HELD, ids=[row[0] for row in HELD])
def test_what_a_container_holds(case: str, description: str, held: set, not_held: set) -> None:
    found = relations(plan(description))
    assert held <= found, f"{case}: missing {held - found} in {found}"
    assert not (not_held & found), f"{case}: {not_held & found}"


# (case, description, object name, its count)
COUNTED = [
    ("counted glasses beside a drink are drinking glasses", "a carafe of water and three glasses", "glass", 3),
    ("glasses of a drink are drinking glasses", "two glasses of lemonade on a tray", "glass", 2),
]


@pytest.mark.parametrize(("case", "description", "name", "count"), COUNTED, ids=[row[0] for row in COUNTED])
def test_glasses(case: str, description: str, name: str, count: int) -> None:
    assert named(plan(description), name).count == count, case


def test_a_drink_named_with_its_state_keeps_it() -> None:
    thing = plan("a mug of hot chocolate on a desk").objects[0]
    assert thing.name == "mug of hot chocolate"
    assert thing.attributes.state is None
