"""Edit requests sent for a new picture, read as the picture they ask for (edit_requests.py)."""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.edit_requests import edit_at
from limner.agents.planning.rules.planner import RulesPlanner
from limner.agents.scene.prompting import write_prompt

_PLANNER = RulesPlanner()


def _read(description: str) -> tuple[str, list[str]]:
    scene = _PLANNER.plan(description, width=512, height=512).scene
    return write_prompt(scene)[0], [check.question for check in scene.checks()]


# (case, description, words the prompt holds, questions asked, words neither prompt nor questions hold)
READ = [
    (
        "adding a thing to another gives the other with it",
        "add a scarf to the snowman",
        "a snowman with a scarf",
        ["Does the snowman have the scarf?"],
        ["add"],
    ),
    (
        "an edit verb after asking words is left to the edit",
        "could you add a lamp to the desk?",
        "a desk with a lamp",
        ["Does the desk have the lamp?"],
        ["add", "could"],
    ),
    (
        "removing things from a place is the place without them",
        "remove the boats from the harbor",
        "a harbor",
        ["Is there no boat?"],
        ["remove", "Is there a boat?"],
    ),
    (
        "replacing a thing draws only the new one",
        "replace the apple with a pear",
        "a pear",
        ["Is there a pear?"],
        ["replace", "apple"],
    ),
    (
        "changing a thing to a colour gives it the colour",
        "change the bicycle to green",
        "a green bicycle",
        [],
        ["change"],
    ),
    (
        "making a backdrop a colour gives it the colour",
        "make the ocean turquoise",
        "turquoise ocean",
        ["Is the ocean turquoise?"],
        ["make"],
    ),
    (
        "turning a thing into another draws the other",
        "turn the pumpkin into a carriage",
        "a carriage",
        ["Is there a carriage?"],
        ["pumpkin", "turn"],
    ),
    (
        "'the same' and 'but' leave the thing and the change",
        "the same owl but holding a letter",
        "an owl holding a letter",
        ["Is the owl holding the letter?"],
        ["same", "but"],
    ),
    (
        "an edit in its own sentence adds to the description before it",
        "a fox in a meadow. add a crescent moon.",
        "a fox in a meadow",
        ["Is there a crescent moon?"],
        ["add", "Is the crescent moon in the meadow?"],
    ),
    (
        "a look for a thing named before changes its earlier words",
        "a green apple on a plate. make the apple red.",
        "a red apple on a plate",
        ["Is the apple red?"],
        ["green"],
    ),
    (
        "a replacement for a thing named before takes its place",
        "a cat sleeping on a chair, replace the chair with a cushion",
        "on a cushion",
        ["Is there a cushion?"],
        ["chair"],
    ),
    (
        "giving a thing named before something adds it to that thing",
        "a puppy on a rug. give the puppy a bow.",
        "a puppy with a bow",
        ["Does the puppy have the bow?"],
        ["give"],
    ),
    (
        "making a thing do something describes it doing it",
        "a knight. make him raise a sword",
        "a knight raising a sword",
        ["Is the knight raising the sword?"],
        ["make", "raise"],
    ),
    (
        "a removal after a comma excludes the things from the description",
        "a busy beach, but remove the umbrellas",
        "a busy beach",
        ["Is there no umbrella?"],
        ["remove", "Are there umbrellas?"],
    ),
    (
        "an edit after a comma and 'and' is a phrase of its own",
        "a farmhouse in a valley, and add some mist rising from the river",
        "mist rising from",
        ["Is there mist?"],
        ["add", "Is the farmhouse rising"],
    ),
    (
        "a swap for a thing named before takes its place",
        "a sailboat on a lake. swap the sailboat for a canoe.",
        "a canoe on a lake",
        ["Is the canoe on the lake?"],
        ["sailboat", "swap"],
    ),
]


@pytest.mark.parametrize(("case", "description", "prompt_holds", "questions", "absent"), READ, ids=[r[0] for r in READ])
def test_edit_requests_read_as_the_picture(
    case: str, description: str, prompt_holds: str, questions: list[str], absent: list[str]
) -> None:
    prompt, asked = _read(description)
    assert prompt_holds in prompt, (case, prompt)
    for question in questions:
        assert question in asked, (case, asked)
    for word in absent:
        assert word not in prompt and all(word not in q for q in asked), (case, prompt, asked)


# Descriptions that start with an edit verb's word used as a noun or adjective: no edit.
NOT_EDITS = [
    "Turn signal blinking on a car",
    "Paint cans stacked on a shelf",
    "Swap meet in a parking lot",
    "Remove before flight tag on a jet",
    "Change machine in an arcade",
    "Color pencils in a cup",
    "Make-believe castle made of cardboard",
    "Place settings on a long table",
]


@pytest.mark.parametrize("description", NOT_EDITS)
def test_verb_words_used_as_nouns_are_no_edit(description: str) -> None:
    assert edit_at(description, 0) is None
