"""The rules reader's implied relations: what the relations it read say without writing it, one row a case."""

from __future__ import annotations

import pytest
from reader_helpers import plan, relations

# (case, description, relations the Scene must also hold: what the others imply)
IMPLIED = [
    (
        "what is in the background is behind what is not",
        "A man at a podium. In the background there is a wall.",
        {("man", "in front of", "wall"), ("podium", "in front of", "wall")},
    ),
    ("what a surface has is on it", "a table with cups and a vase", {("cup", "on", "table"), ("vase", "on", "table")}),
    ("words a thing has are written on it", "a blackboard with the word 'hello'", {("word", "on", "blackboard")}),
    ("what a setting has is in it", "a field with a tractor", {("tractor", "in", "field")}),
    ("what a road or a floor has is on it", "a road with a bus", {("bus", "on", "road")}),
    (
        "what a thing on the table has is on the table too",
        "A laptop with a keyboard and a mouse on a desk.",
        {("keyboard", "on", "desk")},
    ),
    (
        "where a thing is in a setting holds for what is beside it",
        "a bike next to a car on a road",
        {("bike", "on", "road")},
    ),
    ("a rider is on what it rides", "a woman riding a bike", {("woman", "on", "bike")}),
    (
        "what is on or in a thing is beside what that thing is beside",
        "A woman sitting on a couch in front of a laptop.",
        {("woman", "in front of", "laptop")},
    ),
    (
        "a place in the picture after 'with' a thing is that thing's",
        "a scene with a city in the background, and a cloud in the foreground",
        {("cloud", "in front of", "city")},
    ),
    (
        "things related to nothing are in the one setting the description names",
        "a firefight in the streets, smoke, police",
        {("smoke", "in", "street"), ("police", "in", "street")},
    ),
    ("the sky is behind what is in front of it", "a house and the sky", {("house", "in front of", "sky")}),
    ("what flies or shines is in the sky", "a kite and the sky", {("kite", "in", "sky")}),
    (
        "what a thing rides goes where it goes",
        "a man riding a horse through a field",
        {("horse", "through", "field"), ("man", "through", "field")},
    ),
    (
        "what is in a thing is in what that thing is in",
        "a bowl of ice cream inside a microwave",
        {("ice cream", "inside", "microwave")},
    ),
    (
        "what is on or in a thing is above or below what that thing is",
        "small clouds in the sky above a man",
        {("cloud", "above", "man")},
    ),
    ("the ground under a thing holds it up", "the road under a bus", {("bus", "on", "road")}),
    (
        "what a thing acts on is where it is said to be after it",
        "A man eats a burger in a chair.",
        {("burger", "in", "chair")},
    ),
    ("a part of a setting is in it", "the port of a city", {("port", "in", "city")}),
    (
        "on the surface of a thing is on the thing",
        "A coin floats on the surface of the water.",
        {("coin", "floating on", "water")},
    ),
    ("what is on a thing in a setting is in the setting", "a cup on a table in a kitchen", {("cup", "in", "kitchen")}),
    (
        "mountains are behind the rest of the background",
        "In the background there are trees and mountains.",
        {("tree", "in front of", "mountain")},
    ),
    (
        "what is at the bottom of the picture is below what is not placed",
        "I can see a hedgehog, and I can see the grass at the bottom.",
        {("grass", "below", "hedgehog")},
    ),
    (
        "behind a thing in a setting is in the setting",
        "There are trees behind the man in the snow.",
        {("tree", "in", "snow")},
    ),
    (
        "small things placed nowhere stand on the one table things are on",
        "A map is on a table next to a glass of wine.",
        {("glass", "on", "table")},
    ),
    (
        "in front of a thing is in front of what is behind it",
        "There are two giraffes behind a fence. A man is standing in front of the fence.",
        {("man", "in front of", "giraffe")},
    ),
    ("a rider is on the one horse there is", "A horse in a field with her rider.", {("rider", "on", "horse")}),
    ("a field of flowers holds them", "a field of daisies", {("daisy", "inside", "field")}),
    (
        "what is placed nowhere stands on the one open ground",
        "People are playing. There is grass.",
        {("person", "on", "grass")},
    ),
    (
        "a thing at the bottom stands on the ground there",
        "a ball and the grass at the bottom",
        {("ball", "on", "grass")},
    ),
    (
        "'them' after what a box holds is what it holds",
        "a box of apples with stickers on them",
        {("sticker", "on", "apple")},
    ),
    (
        "beside a thing beside a setting is beside the setting too",
        "two cows standing next to a barn along a river",
        {("cow", "next to", "river")},
    ),
    ("a driveway is a setting its things share", "a bike next to a car on a driveway", {("bike", "on", "driveway")}),
    (
        "what a body part does its owner does",
        "the hand of a girl stroking a kitten",
        {("hand", "stroking", "kitten"), ("girl", "stroking", "kitten")},
    ),
    (
        "a part on the ground puts its body there",
        "A dancer stands. Her feet are on the floor.",
        {("dancer", "on", "floor")},
    ),
    (
        "of a left and a right part, the one in front is in front of the other",
        "A runner with the right foot forward and the left foot back.",
        {("right foot", "in front of", "left foot"), ("left foot", "behind", "right foot")},
    ),
    (
        "a part said to be in front is in front of the body",
        "A dancer lunges with the right knee forward and the left knee back.",
        {("right knee", "in front of", "dancer"), ("left knee", "behind", "dancer")},
    ),
    (
        "a part in a state that joins the relation keeps it",
        "The right arm is bent at the wrist.",
        {("right arm", "bent at", "wrist")},
    ),
    (
        "what a thing has is over or beside what the thing is over or beside",
        "a blimp with a banner over a stadium",
        {("banner", "above", "stadium")},
    ),
    (
        "a thing within a place surrounded by things is surrounded by them too",
        "a deer in a clearing surrounded by pines",
        {("deer", "surrounded by", "pine")},
    ),
    (
        "what a thing acts on is in the setting the thing is in",
        "a meadow with a goat eating a flower",
        {("flower", "in", "meadow")},
    ),
    (
        "whoever acts on a thing at a place is at that place too",
        "a boy waiting for a bus at the station",
        {("boy", "waiting for", "bus"), ("boy", "at", "station")},
    ),
    (
        "what a thing acts on is there during the same time",
        "a girl catching a ball during a match",
        {("ball", "during", "match")},
    ),
    (
        "a verb of place with its preposition places like the preposition alone",
        "a yacht moored at the harbor of a village",
        {("yacht", "in", "village")},
    ),
]


@pytest.mark.parametrize("description, holds", [pytest.param(d, h, id=case) for case, d, h in IMPLIED])
def test_implied_relations(description: str, holds: set):
    found = relations(plan(description))
    assert holds <= found, found


def test_implied_relations_stay_out_of_the_prompt():
    scene = plan("A man at a podium. In the background there is a wall.")
    assert "front" not in scene.prompt, scene.prompt


# (case, description, relations the Scene must not hold)
NOT_IMPLIED = [
    (
        "a place said before a verb's object is the subject's only",
        "a boy in a shirt swinging a bat",
        {("bat", "in", "shirt")},
    ),
    (
        "people and seats are not on the table things are on",
        "a man and a chair next to a cup on a table",
        {("man", "on", "table"), ("chair", "on", "table")},
    ),
    (
        "what a thing wears is where it is, not on what it stands on",
        "a surfer wearing a wet suit on a surfboard",
        {("wet suit", "on", "surfboard")},
    ),
    (
        "a field under the sky does not hold the sky up",
        "a field of sunflowers under a blue sky",
        {("sky", "on", "field")},
    ),
    (
        "what a thing holds or sits on is not on the ground",
        "a man holding a cup on a chair, grass",
        {("cup", "on", "grass"), ("man", "on", "grass")},
    ),
    ("a part is not on the ground", "a dog with a red collar, grass", {("collar", "on", "grass")}),
    ("what a thing wears is not on what it sits on", "a man with a hat sitting on a bench", {("hat", "on", "bench")}),
    ("'on both sides of' is not 'on'", "windows on both sides of the fireplace", {("window", "on", "fireplace")}),
    (
        "what has a thing beside a setting is not beside the setting",
        "a valley with a hut next to a stream",
        {("valley", "next to", "stream")},
    ),
    (
        "one watching a thing at a place need not be there",
        "a man looking at a plane at the airport",
        {("man", "at", "airport")},
    ),
    (
        "a part is on the ground, not its holder's things",
        "a man holding a box, feet on the grass",
        {("box", "on", "grass")},
    ),
    (
        "a coat its wearer is in is not on the street the wearer walks down",
        "The old woman in the green coat is pushing a pram down the street.",
        {("coat", "on", "street")},
    ),
    (
        "a surface under a thing on a wall does not hold it up",
        "Two dogs napping on a couch under a window.",
        {("window", "on", "couch")},
    ),
    (
        "what a thing has where the description says is not on it",
        "a desk with a wastebasket under the desk",
        {("wastebasket", "on", "desk")},
    ),
]


@pytest.mark.parametrize("description, absent", [pytest.param(d, a, id=case) for case, d, a in NOT_IMPLIED])
def test_relations_not_implied(description: str, absent: set):
    found = relations(plan(description))
    assert not (absent & found), found
