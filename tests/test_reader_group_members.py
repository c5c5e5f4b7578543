"""The rules reader's counted groups followed by members that differ, one case per row."""

from __future__ import annotations

import pytest
from reader_helpers import plan, relations

# (case, description, noun, the things of that noun as (count, what describes it), relations that must hold)
MEMBERS = [
    (
        "members counted one each are one thing each, with its own colour",
        "three kites, one green, one orange and one purple",
        "kite",
        [(1, ["green"]), (1, ["orange"]), (1, ["purple"])],
        set(),
    ),
    (
        "members counted by a number keep that number",
        "six mugs, three black and three grey",
        "mug",
        [(3, ["black"]), (3, ["grey"])],
        set(),
    ),
    (
        "'a tall one' after a plural is a member of the group",
        "two candles, a tall one and a short one",
        "candle",
        [(1, ["tall"]), (1, ["short"])],
        set(),
    ),
    (
        "a group counted by 'a pair of'",
        "a pair of socks, one striped and one plain",
        "sock",
        [(1, ["striped"]), (1, ["plain"])],
        set(),
    ),
    (
        "members that differ in size",
        "two horses, one huge and one tiny",
        "horse",
        [(1, ["huge"]), (1, ["tiny"])],
        set(),
    ),
    (
        "'one of them' leaves the rest of the group as it was, all where the group is",
        "eight cookies on a tray, one of them broken",
        "cookie",
        [(7, []), (1, ["broken"])],
        {("cookie", "on", "tray")},
    ),
    (
        "a member in a place of its own",
        "two cats, one on the roof and one under the car",
        "cat",
        [(1, []), (1, [])],
        {("cat", "on", "roof"), ("cat", "under", "car")},
    ),
    (
        "'the rest' is what the other members leave",
        "five pencils, one red and the rest blue",
        "pencil",
        [(1, ["red"]), (4, ["blue"])],
        set(),
    ),
    (
        "'the other' is the last member",
        "two lamps, one lit and the other dark",
        "lamp",
        [(1, ["lit"]), (1, ["dark"])],
        set(),
    ),
    (
        "'some' members of a container's group are uncounted and in the container",
        "a basket of pears, some yellow and some green",
        "pear",
        [(None, ["yellow"]), (None, ["green"])],
        {("pear", "inside", "basket")},
    ),
    (
        "what follows members listed with commas is said of all of them",
        "two sisters, one tall, one short, waiting at a bus stop",
        "sister",
        [(1, ["tall", "waiting"]), (1, ["short", "waiting"])],
        {("sister", "at", "bus stop")},
    ),
    (
        "members doing different things",
        "two boys, one swimming and one fishing",
        "boy",
        [(1, ["swimming"]), (1, ["fishing"])],
        set(),
    ),
    (
        "a member with something of its own keeps it apart from the next",
        "two women, one with a red umbrella and one with a green umbrella",
        "woman",
        [(1, []), (1, [])],
        {("woman", "with", "umbrella")},
    ),
]


@pytest.mark.parametrize(("case", "description", "noun", "things", "held"), MEMBERS, ids=[r[0] for r in MEMBERS])
def test_members_of_a_group(case: str, description: str, noun: str, things: list, held: set) -> None:
    scene = plan(description)
    found = [(o.count, o.attributes.described()) for o in scene.objects if o.name == noun]
    assert found == things, f"{case}: {found}"
    assert held <= relations(scene), f"{case}: missing {held - relations(scene)}"


def test_each_member_is_said_in_the_prompt_with_its_colour():
    prompt = plan("three flags, one red, one white and one blue").prompt
    assert "a red flag" in prompt and "a white flag" in prompt and "a blue flag" in prompt
