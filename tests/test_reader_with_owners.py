"""What a relation or a verb after 'X with Y' is about: X where Y is worn, held or a part of X."""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.planner import RulesPlanner

_PLANNER = RulesPlanner()


def _questions(description: str) -> list[str]:
    scene = _PLANNER.plan(description, width=512, height=512).scene
    return [check.question for check in scene.checks()]


# (case, description, questions asked, questions not asked)
READ = [
    (
        "a place after a worn thing is the wearer's",
        "a dog with a blue bandana on a porch",
        ["Is the dog on the porch?"],
        ["Is the bandana on the porch?"],
    ),
    (
        "a place after a held thing is the holder's",
        "a pirate with a lantern on a ship",
        ["Is the pirate on the ship?"],
        ["Is the lantern on the ship?"],
    ),
    (
        "'at' after a held thing is the holder's",
        "an old woman with a walking stick at a bus stop",
        ["Is the woman at the bus stop?"],
        ["Is the walking stick at the bus stop?"],
    ),
    (
        "a place after a part of a thing is the thing's",
        "a windmill with wooden sails on a hill",
        ["Is the windmill on the hill?"],
        ["Are the sails on the hill?"],
    ),
    (
        "a part of a thing the other part lists leave out",
        "a lamp with a brass stand under a shelf",
        ["Is the lamp under the shelf?"],
        ["Is the stand under the shelf?"],
    ),
    (
        "a place beside, after a carried thing, is the carrier's",
        "a boy with a fishing rod next to a pond",
        ["Is the boy next to the pond?"],
        [],
    ),
    (
        "a small thing is where it is with all it has",
        "a teapot with steam on a stove",
        ["Is the teapot on the stove?"],
        ["Is the steam on the stove?"],
    ),
    (
        "a thing in a setting is there with what it has",
        "a barn with a weathervane on a hill",
        ["Is the barn on the hill?"],
        ["Is the weathervane on the hill?"],
    ),
    (
        "one that can act is in the setting with its owner",
        "a farmer with a goat on a hill",
        ["Is the farmer on the hill?", "Is the goat on the hill?"],
        [],
    ),
    (
        "a verb after a part is its owner's",
        "an owl with grey feathers perched on a fence",
        ["Is the owl perched?", "Is the owl on the fence?"],
        ["Are the feathers perched?"],
    ),
    (
        "a verb of moving after a part of a vehicle is the vehicle's",
        "a tram with two carriages crossing a square",
        ["Is the tram crossing the square?"],
        ["Are the carriages crossing the square?"],
    ),
    (
        "a thing that flies by itself does the flying",
        "a child with a balloon floating over a fair",
        ["Is the balloon floating?"],
        ["Is the child floating?"],
    ),
    (
        "a part does what it does by itself",
        "a horse with a long mane flowing in the wind",
        ["Is the mane flowing?"],
        ["Is the horse flowing?"],
    ),
]
# (case, description, questions asked, questions not asked): the place stays the thing's own, as it did
# before the rules above (guards against reading them too widely)
KEPT = [
    (
        "a part of the owner's body is where the worn thing is",
        "a boy with a cap on his head",
        ["Is the cap on the head?"],
        ["Is the boy on the head?"],
    ),
    (
        "a side of a thing is where its part is",
        "a mug with a crack on the rim",
        ["Is the crack on the rim?"],
        ["Is the mug on the rim?"],
    ),
    (
        "a held thing is put down on a table",
        "a man with a book on the desk",
        ["Is the book on the desk?"],
        ["Is the man on the desk?"],
    ),
    (
        "a limb is put somewhere",
        "a dog with its head on a pillow",
        ["Is the head on the pillow?"],
        [],
    ),
    (
        "a picture shows what is placed",
        "a postcard with a sailboat on a lake",
        ["Is the sailboat on the lake?"],
        [],
    ),
    (
        "a part of a building may be beside another thing",
        "a chapel with a bell tower next to an oak",
        [],
        ["Is the chapel next to the oak?"],
    ),
]


@pytest.mark.parametrize(("case", "description", "asked", "not_asked"), READ + KEPT, ids=[r[0] for r in READ + KEPT])
def test_with_owners(case: str, description: str, asked: list[str], not_asked: list[str]) -> None:
    questions = _questions(description)
    for question in asked:
        assert question in questions, (case, questions)
    for question in not_asked:
        assert question not in questions, (case, questions)
