"""Time, season and holiday words read from descriptions: when a time word is part of a thing's name, when a
season says when the things are, and when a holiday is the picture's occasion."""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.planner import RulesPlanner
from limner.agents.scene.prompting import write_prompt

_PLANNER = RulesPlanner()


def _read(description: str) -> tuple[str, list[str], str | None]:
    scene = _PLANNER.plan(description, width=512, height=512).scene
    return write_prompt(scene)[0], [check.question for check in scene.checks()], scene.time_of_day


# (case, description, words the prompt holds, questions asked, questions never asked, time of day)
READ = [
    (
        "a time word that starts a garment's name says no time",
        "a dancer twirling in a long evening gown",
        "evening gown",
        ["Is there an evening gown?"],
        ["Is it dusk?"],
        None,
    ),
    (
        "a time word that starts a piece of furniture's name says no time",
        "a cat asleep on a day bed by the window",
        "a day bed",
        ["Is there a day bed?"],
        ["Is it noon?"],
        None,
    ),
    (
        "a time word that starts a plant's name says no time",
        "morning glories climbing a wooden fence",
        "morning glories",
        ["Are there morning glories?"],
        ["Is it morning?"],
        None,
    ),
    (
        "a time word that starts a garment's name says no time, before a sky it says when",
        "a dancer in an evening gown under an evening sky",
        "an evening gown",
        ["Is there an evening gown?", "Is it dusk?"],
        [],
        "dusk",
    ),
    (
        "a time word before a colour makes one colour",
        "a sunset orange motorbike parked outside",
        "sunset orange",
        ["Is the motorbike sunset orange?"],
        ["Is it sunset?"],
        None,
    ),
    (
        "a holiday before a noun names the thing, its 'day' no time",
        "a child holding a Mother's Day bouquet",
        "Mother's Day bouquet",
        ["Is there a Mother's Day bouquet?"],
        ["Is it noon?"],
        None,
    ),
    (
        "a season after 'in' says when the thing before it is",
        "a stone bridge in winter",
        "a stone bridge in winter",
        ["Is the bridge in winter?"],
        [],
        None,
    ),
    (
        "'during the' before a season says it the same way",
        "a fishing hut on a lake during the summer",
        "in summer",
        ["Is the fishing hut in summer?"],
        [],
        None,
    ),
    (
        "a season may be stretched",
        "a meadow in late spring",
        "a meadow in late spring",
        ["Is the meadow in late spring?"],
        [],
        None,
    ),
    (
        "a season with colours keeps them as the palette",
        "a maple tree in autumn",
        "orange, rust and gold color palette",
        ["Is the maple tree in autumn?"],
        [],
        None,
    ),
    (
        "a season standing alone in a list says when the first thing is",
        "a log cabin by a frozen lake, winter, oil painting",
        "a log cabin in winter",
        ["Is the log cabin in winter?"],
        [],
        None,
    ),
    (
        "a season a verb takes is what is done; one after 'in' says when",
        "a calendar showing spring on a kitchen wall in winter",
        "showing spring",
        ["Is the calendar showing spring?", "Is the kitchen wall in winter?"],
        ["Is the calendar in spring?"],
        None,
    ),
    (
        "a holiday opening a description is the occasion, and its time word the time",
        "Easter morning in a sunny garden",
        "Easter",
        ["Is it morning?"],
        ["Is Easter in the picture?"],
        "morning",
    ),
    (
        "a holiday after 'on' is the occasion, never a thing to be on",
        "a snowman in a garden on Christmas Day",
        "Christmas Day",
        ["Is there a snowman?"],
        ["Is Christmas Day in the picture?", "Is the garden on Christmas Day?"],
        None,
    ),
    (
        "a holiday's night is the picture's time",
        "children with candles at a window on Diwali night",
        "at night",
        ["Is it night?"],
        ["Is the window on Diwali?"],
        "night",
    ),
    (
        "a holiday keeps its possessive",
        "a crowded square at midnight on New Year's Eve",
        "New Year's Eve",
        [],
        ["Is the square on New Year Eve?"],
        "night",
    ),
    (
        "a jack-o'-lantern is one word",
        "two jack-o'-lanterns on a stone wall",
        "two jack-o'-lanterns",
        ["Are there exactly 2 jack-o'-lanterns?"],
        ["Is there a lantern?"],
        None,
    ),
]


@pytest.mark.parametrize(("case", "description", "said", "asked", "never", "time"), READ, ids=[r[0] for r in READ])
def test_reads_time_words(
    case: str, description: str, said: str, asked: list[str], never: list[str], time: str | None
) -> None:
    prompt, questions, time_of_day = _read(description)
    assert said in prompt, (case, prompt)
    for question in asked:
        assert question in questions, (case, questions)
    for question in never:
        assert question not in questions, (case, questions)
    assert time_of_day == time, (case, time_of_day)
