"""Editing a Scene with plain words (the rules planner's `revise`), and reading what changed (`scene_diff`)."""

from __future__ import annotations

import json

import pytest
from limner.agents.planning.rules.editing import revise
from limner.agents.planning.rules.planner import RulesPlanner
from limner.agents.scene.diff import format_diff, scene_diff
from limner.agents.scene.model import MAX_COUNT, Scene
from limner.agents.scene.prompting import write_prompt
from reader_helpers import named, relations

from limner.errors import InvalidRequest

PLANNER = RulesPlanner()
# Generation settings an edit must never touch.
SIZE = {"width": 640, "height": 448}
SETTINGS = {"seed": 1234, "steps": 6, "guidance": 2.5, "sampler": "Euler a", **SIZE}


def plan(description: str) -> Scene:
    return PLANNER.read(description, **SIZE).model_copy(update=SETTINGS)


def centre_x(scene: Scene, name: str) -> float:
    box = named(scene, name).box
    assert box is not None
    return box[0] + box[2] / 2


def boxes(scene: Scene) -> dict[str, tuple[float, float, float, float] | None]:
    return {o.name: o.box for o in scene.objects}


# ---------------------------------------------------------------------------------------------
# The table: a description, an edit, what must change, and what must stay as it was
# ---------------------------------------------------------------------------------------------

# `expected` keys: objects ({name: count}, exactly), attributes ({name: {field: value}}), relations
# (exactly), has_relations, exclude (exactly), palette_has, left_of / right_of ((a, b): a's box centre
# is left / right of b's), side ({name: "left"|"right"}), and any top-level field by name.
# `kept` names what must equal the parent's: a top-level field, "objects", "relations" or "boxes",
# or "box:NAME" for one object's box.
EDITS = [
    # light and mood
    pytest.param(
        "a lighthouse at dusk, watercolor", "make the sky stormier",
        {"lighting": "stormy", "palette_has": ["dark gray"]},
        ("time_of_day", "style", "objects", "boxes"),
        id="stormier makes the light stormy and the palette darker, at the same time of day",
    ),
    pytest.param(
        "a stormy sky above a lighthouse", "make the sky sunnier",
        {"lighting": "sunny", "attributes": {"sky": {"other": ["sunny"]}}},
        ("boxes", "relations"),
        id="a sky named in a weather edit takes the weather too",
    ),
    pytest.param(
        "a lighthouse at dusk", "brighter", {"lighting": "bright light"}, ("time_of_day", "objects", "boxes"),
        id="brighter sets bright light",
    ),
    pytest.param(
        "a lighthouse at dusk", "more light", {"lighting": "bright light"}, ("time_of_day", "boxes"),
        id="more light means brighter",
    ),
    pytest.param(
        "a lighthouse at dusk in pastel colors", "darker",
        {"lighting": "dim light", "palette": ["dark pink", "dark blue", "dark mint", "dark lavender"]},
        ("time_of_day", "boxes"),
        id="darker dims the light and darkens each palette colour",
    ),
    pytest.param(
        "a lighthouse at dusk", "make it a bit moodier", {"lighting": "moody lighting"}, ("boxes",),
        id="moodier with filler words",
    ),
    pytest.param(
        "a beach", "warmer", {"lighting": "warm light", "palette_has": ["orange"]}, ("boxes",),
        id="warmer warms the light and the palette",
    ),
    pytest.param(
        "a beach at noon", "not so bright", {"lighting": "dim light"}, ("time_of_day",),
        id="not so bright means darker",
    ),
    pytest.param(
        "a lighthouse at dusk", "dramatic lighting", {"lighting": "dramatic lighting"}, ("time_of_day", "boxes"),
        id="a lighting phrase sets the lighting",
    ),
    # time of day
    pytest.param(
        "a lighthouse at dusk, watercolor", "at night", {"time_of_day": "night"}, ("style", "objects", "boxes"),
        id="at night",
    ),
    pytest.param("a red boat at sea", "make it dusk", {"time_of_day": "dusk"}, ("objects", "boxes"), id="make it dusk"),
    pytest.param("a cat on a sofa", "golden hour", {"time_of_day": "golden hour"}, ("boxes",), id="golden hour"),
    pytest.param("a cat at night", "in the morning", {"time_of_day": "morning"}, ("boxes",), id="in the morning"),
    # style
    pytest.param(
        "a lighthouse at dusk, watercolor", "as an oil painting", {"style": "oil painting"},
        ("time_of_day", "objects", "boxes"), id="as an oil painting",
    ),
    pytest.param("a lighthouse, photo", "make it a watercolor", {"style": "watercolor"}, ("boxes",), id="make it a watercolor"),
    pytest.param("a lighthouse, watercolor", "photo", {"style": "photo"}, ("boxes",), id="photo alone"),
    pytest.param("a castle", "in pixel art", {"style": "pixel art"}, ("boxes",), id="in pixel art"),
    pytest.param(
        "a lighthouse, watercolor, highly detailed", "as an oil painting", {"style": "oil painting, highly detailed"},
        ("boxes",), id="a style swap keeps the quality tags",
    ),
    # viewpoint
    pytest.param("a cat", "close-up", {"viewpoint": "close-up"}, ("boxes", "objects"), id="close-up"),
    pytest.param("a city at night", "from above", {"viewpoint": "from above"}, ("boxes",), id="from above"),
    pytest.param("a cat", "zoom in", {"viewpoint": "close-up"}, ("boxes",), id="zoom in is a close-up"),
    # adding
    pytest.param(
        "a lighthouse at dusk", "add a boat", {"objects": {"lighthouse": 1, "boat": 1}},
        ("box:lighthouse", "time_of_day"), id="add a boat",
    ),
    pytest.param(
        "a lighthouse", "add two red birds",
        {"objects": {"lighthouse": 1, "bird": 2}, "attributes": {"bird": {"color": "red"}}},
        ("box:lighthouse",), id="add two red birds",
    ),
    pytest.param(
        "a cat on a sofa", "add a dog next to the cat",
        {"objects": {"cat": 1, "sofa": 1, "dog": 1}, "relations": {("cat", "on", "sofa"), ("dog", "next to", "cat")}},
        ("box:cat", "box:sofa"), id="add a dog next to the cat relates it to the cat already there",
    ),
    pytest.param(
        "a cat", "add a dog on the left of the cat",
        {"has_relations": {("dog", "left of", "cat")}, "left_of": ("dog", "cat")}, ("box:cat",),
        id="an added thing's box honours its relation",
    ),
    pytest.param(
        "a lighthouse", "add a moon above the lighthouse",
        {"has_relations": {("moon", "above", "lighthouse")}}, ("box:lighthouse",), id="add above",
    ),
    pytest.param("a cat", "put a hat on the cat", {"has_relations": {("hat", "on", "cat")}}, ("box:cat",), id="put a new thing on one"),
    pytest.param("a lighthouse", "add a boat on the left", {"side": {"boat": "left"}}, ("box:lighthouse",), id="add on the left"),
    pytest.param(
        "a street, no cars", "add a car", {"objects": {"street": 1, "car": 1}, "exclude": []}, (),
        id="adding a thing takes it off the exclusions",
    ),
    # removing and excluding
    pytest.param(
        "a red boat next to a lighthouse", "remove the boat",
        {"objects": {"lighthouse": 1}, "relations": set(), "exclude": ["boat"]}, ("box:lighthouse",),
        id="remove takes the object and its relations out and excludes it",
    ),
    pytest.param(
        "a red boat next to a lighthouse", "no boat", {"objects": {"lighthouse": 1}, "exclude": ["boat"]},
        ("box:lighthouse",), id="no boat removes and excludes",
    ),
    pytest.param(
        "a cat and a dog on a sofa", "without the dog",
        {"objects": {"cat": 1, "sofa": 1}, "relations": {("cat", "on", "sofa")}, "exclude": ["dog"]},
        ("box:cat", "box:sofa"), id="without the dog",
    ),
    pytest.param(
        "a crowd of people in a park", "get rid of the people", {"objects": {"park": 1}, "exclude": ["person"]}, (),
        id="get rid of the people",
    ),
    pytest.param("a street", "no text", {"exclude": ["text"]}, ("objects", "boxes"), id="no text excludes text"),
    pytest.param("a beach", "no people", {"exclude": ["person"]}, ("objects", "boxes"), id="no people excludes person"),
    pytest.param(
        "a street", "no text, logo or watermark", {"exclude": ["text", "logo", "watermark"]}, ("boxes",),
        id="a list of exclusions stays one clause",
    ),
    pytest.param(
        "a lighthouse, watercolor", "remove the style", {"style": None}, ("objects", "boxes"), id="remove the style",
    ),
    # recolouring and other attributes
    pytest.param(
        "a red car next to a tree", "make the car blue", {"attributes": {"car": {"color": "blue"}}},
        ("boxes", "relations", "time_of_day"), id="make the car blue",
    ),
    pytest.param(
        "two red apples on a table", "the apples should be green", {"attributes": {"apple": {"color": "green"}}},
        ("boxes", "relations"), id="the apples should be green",
    ),
    pytest.param(
        "a blue boat", "red boat instead of blue", {"attributes": {"boat": {"color": "red"}}}, ("boxes",),
        id="red boat instead of blue",
    ),
    pytest.param(
        "a red car", "make the car black and white", {"attributes": {"car": {"color": "black and white"}}},
        ("boxes", "palette"), id="a two-colour colour is the object's, not a palette",
    ),
    pytest.param(
        "a wooden table", "make the table metal", {"attributes": {"table": {"material": "metal"}}}, ("boxes",),
        id="material",
    ),
    pytest.param("a car", "make it blue", {"attributes": {"car": {"color": "blue"}}}, ("boxes",), id="make it blue with one object"),
    pytest.param(
        "a cat", "make the cat bigger", {"attributes": {"cat": {"size": "big"}}}, (), id="bigger is a size word",
    ),
    pytest.param(
        "a dog on a rug", "a cat instead of the dog",
        {"objects": {"cat": 1, "rug": 1}, "relations": {("cat", "on", "rug")}}, ("box:rug",),
        id="a cat instead of the dog keeps the dog's place",
    ),
    # counts
    pytest.param("three apples on a table", "more apples", {"objects": {"apple": 5, "table": 1}}, ("box:table", "relations"), id="more apples"),
    pytest.param("five birds in the sky", "fewer birds", {"objects": {"bird": 3, "sky": 1}}, ("box:sky",), id="fewer birds"),
    pytest.param("two apples", "three apples instead of two", {"objects": {"apple": 3}}, (), id="three instead of two"),
    pytest.param("a boat", "add another boat", {"objects": {"boat": 2}}, (), id="add another boat counts one more"),
    pytest.param("a boat", "add 2 more boats", {"objects": {"boat": 3}}, (), id="add two more boats"),
    pytest.param("three cats", "only one cat", {"objects": {"cat": 1}}, (), id="only one cat"),
    pytest.param("three apples", "one less apple", {"objects": {"apple": 2}}, (), id="one less apple"),
    pytest.param("three apples", "remove one apple", {"objects": {"apple": 2}, "exclude": []}, (), id="remove one of several"),
    pytest.param("three apples", "double the apples", {"objects": {"apple": 6}}, (), id="double"),
    pytest.param("many birds in the sky", "add 2 more birds", {"objects": {"bird": 8, "sky": 1}}, ("box:sky",), id="more of many is a number"),
    pytest.param("a few apples", "fewer apples", {"objects": {"apple": 2}}, (), id="fewer of a few"),
    # moving
    pytest.param(
        "a cat and a dog", "move the cat to the right", {"side": {"cat": "right"}, "right_of": ("cat", "dog")}, (),
        id="move the cat to the right past the dog",
    ),
    pytest.param("a dog and a cat", "put the dog on the right", {"side": {"dog": "right"}}, (), id="put the dog on the right"),
    pytest.param(
        "a lighthouse and a boat", "move the boat left of the lighthouse",
        {"relations": {("boat", "left of", "lighthouse")}, "left_of": ("boat", "lighthouse")}, (),
        id="move the boat left of the lighthouse",
    ),
    pytest.param(
        "a cat and a dog", "the cat should be on the left", {"side": {"cat": "left"}, "left_of": ("cat", "dog")}, (),
        id="the cat should be on the left",
    ),
    pytest.param(
        "a cup and a table", "put the cup on the table", {"relations": {("cup", "on", "table")}}, ("box:table",),
        id="put the cup on the table",
    ),
    pytest.param(
        "a cat on a sofa and a dog", "move the cat next to the dog",
        {"relations": {("cat", "next to", "dog")}}, ("box:sofa",),
        id="a move replaces the old relation",
    ),
    # several edits at once
    pytest.param(
        "a lighthouse at dusk, watercolor", "make it night and add a moon",
        {"time_of_day": "night", "objects": {"lighthouse": 1, "moon": 1}}, ("style", "box:lighthouse"),
        id="make it night and add a moon",
    ),
    pytest.param(
        "a lighthouse", "make it night, add a moon; no people",
        {"time_of_day": "night", "objects": {"lighthouse": 1, "moon": 1}, "exclude": ["person"]}, ("box:lighthouse",),
        id="commas and semicolons separate edits",
    ),
    pytest.param(
        "a red boat, a dog and a lighthouse", "remove the boat and the dog",
        {"objects": {"lighthouse": 1}, "exclude": ["boat", "dog"]}, ("box:lighthouse",),
        id="a second object borrows the verb before it",
    ),
    pytest.param(
        "a red car and a blue boat", "make the car blue and the boat red",
        {"attributes": {"car": {"color": "blue"}, "boat": {"color": "red"}}}, ("boxes",),
        id="a second recolour borrows 'make'",
    ),
    pytest.param(
        "two cats", "more cats and make them black", {"objects": {"cat": 3}, "attributes": {"cat": {"color": "black"}}},
        (), id="a count and a colour",
    ),
    pytest.param(
        "a red car next to a red boat at dusk", "make the car blue, as a watercolor and brighter",
        {"attributes": {"car": {"color": "blue"}, "boat": {"color": "red"}}, "style": "watercolor", "lighting": "bright light"},
        ("boxes", "time_of_day", "relations"), id="three kinds of edit",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("description", "instruction", "expected", "kept"), EDITS)
def test_an_edit_changes_what_it_asks_for_and_nothing_else(description, instruction, expected, kept):
    parent = plan(description)
    child = revise(parent, instruction)
    for key, value in expected.items():
        _assert_expected(child, key, value)
    for what in kept:
        assert _part(child, what) == _part(parent, what), (
            f"{what} changed: {_part(parent, what)} -> {_part(child, what)}"
        )


def _assert_expected(scene: Scene, key: str, value) -> None:
    if key == "objects":
        assert sorted((o.name, o.count) for o in scene.objects) == sorted(value.items())
    elif key == "attributes":
        for name, fields in value.items():
            for field, wanted in fields.items():
                assert getattr(named(scene, name).attributes, field) == wanted, (name, field)
    elif key == "relations":
        assert relations(scene) == value
    elif key == "has_relations":
        assert value <= relations(scene)
    elif key == "palette_has":
        assert set(value) <= set(scene.palette)
    elif key == "left_of":
        assert centre_x(scene, value[0]) < centre_x(scene, value[1])
    elif key == "right_of":
        assert centre_x(scene, value[0]) > centre_x(scene, value[1])
    elif key == "side":
        for name, side in value.items():
            assert (centre_x(scene, name) < 0.5) == (side == "left"), (name, named(scene, name).box)
    else:
        assert getattr(scene, key) == value, key


def _part(scene: Scene, what: str):
    if what == "objects":
        return [(o.name, o.count, o.attributes) for o in scene.objects]
    if what == "relations":
        return relations(scene)
    if what == "boxes":
        return boxes(scene)
    if what.startswith("box:"):
        return named(scene, what[4:]).box
    return getattr(scene, what)


@pytest.mark.parametrize(("description", "instruction", "expected", "kept"), EDITS)
def test_every_edit_keeps_the_generation_settings_and_gives_a_valid_consistent_scene(
    description, instruction, expected, kept
):
    parent = plan(description)
    child = revise(parent, instruction)
    assert {k: getattr(child, k) for k in SETTINGS} == SETTINGS
    Scene.model_validate(child.model_dump())  # relations point at objects that exist, boxes lie on the canvas
    assert child.intent == f"{description}; {instruction}"
    assert (child.prompt, child.negative_prompt) == write_prompt(child, empty="an empty scene")
    assert revise(parent, instruction) == child, "the same edit must give the same Scene"
    assert parent == plan(description), "the parent Scene must not be changed"


# ---------------------------------------------------------------------------------------------
# Invariants stated on their own
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "instruction",
    ["make it night", "brighter", "make the sky stormier", "as an oil painting", "make the car blue", "no people",
     "close-up", "warmer", "make the tree green"],
)  # fmt: skip
def test_light_time_style_and_colour_edits_move_no_box(instruction: str):
    parent = plan("a red car next to a tree and a cat on a bench, at dusk")
    assert boxes(revise(parent, instruction)) == boxes(parent)


def test_adding_an_object_keeps_every_other_box():
    parent = plan("a lighthouse and a cat, at dusk")
    child = revise(parent, "add a red bird")
    assert {k: v for k, v in boxes(child).items() if k != "bird"} == boxes(parent)
    assert named(child, "bird").box is not None


def test_removing_an_object_keeps_relation_indices_valid():
    parent = plan("a cat on a mat, a dog and a bird on a branch")
    child = revise(parent, "remove the cat")
    assert [o.name for o in child.objects] == ["mat", "dog", "bird", "branch"]
    assert relations(child) == {("dog", "on", "branch"), ("bird", "on", "branch")}
    assert all(r.subject < len(child.objects) and r.object < len(child.objects) for r in child.relations)
    assert boxes(child) == {k: v for k, v in boxes(parent).items() if k != "cat"}


def test_what_stood_on_a_removed_object_is_set_down_on_the_ground():
    parent = plan("a cup on a table")
    child = revise(parent, "remove the table")
    cup = named(child, "cup").box
    assert cup is not None and cup[1] + cup[3] > named(parent, "table").box[1] + 0.1  # type: ignore[index]


def test_what_stands_on_a_moved_object_moves_with_it():
    parent = plan("a cup on a table and a chair")
    child = revise(parent, "move the table to the right")
    table, cup = named(child, "table").box, named(child, "cup").box
    assert table is not None and cup is not None
    assert table[0] <= cup[0] and cup[0] + cup[2] <= table[0] + table[2]
    assert centre_x(child, "table") > centre_x(parent, "table")


def test_a_moved_object_that_lands_on_another_pushes_it_aside():
    child = revise(plan("a cat and a dog"), "move the cat to the right")
    cat, dog = named(child, "cat").box, named(child, "dog").box
    assert cat is not None and dog is not None
    assert cat[0] >= dog[0] + dog[2] - 0.01, "the two should not overlap"


def test_edits_chain_and_the_intent_keeps_the_history():
    scene = plan("a lighthouse at dusk, watercolor")
    for instruction in ("make the sky stormier", "add a boat", "make the boat red"):
        scene = revise(scene, instruction)
    assert scene.intent == "a lighthouse at dusk, watercolor; make the sky stormier; add a boat; make the boat red"
    assert named(scene, "boat").attributes.color == "red"
    assert scene.lighting == "stormy"
    assert scene.prompt.startswith("a lighthouse, a red boat")


def test_the_rules_planner_revises_through_its_own_method():
    scene = PLANNER.revise(plan("a lighthouse at dusk"), "make it night").scene
    assert scene.time_of_day == "night"


def test_a_long_history_keeps_the_start_of_the_description_and_the_newest_edit():
    scene = plan("a lighthouse " + "very " * 900 + "tall")
    child = revise(scene, "make it night")
    assert len(child.intent) <= 4000
    assert child.intent.startswith("a lighthouse very") and child.intent.endswith("; make it night")


def test_revise_works_on_a_scene_without_boxes_and_leaves_them_unset():
    parent = Scene(intent="a cat and a dog", prompt="a cat and a dog", objects=[{"name": "cat"}, {"name": "dog"}])
    child = revise(parent, "make the cat orange and add a ball")
    assert named(child, "cat").box is None and named(child, "dog").box is None
    assert named(child, "ball").box is not None


# ---------------------------------------------------------------------------------------------
# Instructions it must refuse, saying why
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("instruction", ["blorf the zibble", "asdf qwerty", "make it night and blorf the zibble"])
def test_an_instruction_it_cannot_read_is_refused_with_the_edits_it_understands(instruction: str):
    with pytest.raises(InvalidRequest) as error:
        revise(plan("a lighthouse"), instruction)
    message = str(error.value)
    assert "could not understand" in message and "blorf" in message or "asdf" in message
    assert "add two red birds" in message and "make it dusk" in message


@pytest.mark.parametrize("instruction", ["", "   ", "\n\t"])
def test_an_empty_instruction_is_refused(instruction: str):
    with pytest.raises(InvalidRequest, match="empty"):
        revise(plan("a lighthouse"), instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        "remove the boat",
        "make the boat red",
        "move the boat to the left",
        "more boats",
        "make it night and remove the boat",
    ],
)
def test_an_edit_of_an_object_that_is_not_there_names_those_that_are(instruction: str):
    with pytest.raises(InvalidRequest, match="no boat in the scene; it has a lighthouse, two red apples"):
        revise(plan("a lighthouse and two red apples"), instruction)


def test_a_reference_that_fits_no_object_names_the_objects_that_are_there():
    with pytest.raises(InvalidRequest, match="no green boat in the scene; it has a red boat, a blue boat"):
        revise(plan("a red boat and a blue boat"), "make the green boat yellow")


def test_an_edit_that_changes_nothing_is_refused_rather_than_silently_ignored():
    with pytest.raises(InvalidRequest, match="changes nothing"):
        revise(plan("a lighthouse at night"), "make it night")


def test_it_must_name_one_object_when_there_are_several():
    with pytest.raises(InvalidRequest, match="'it' could be any of: a car, a boat"):
        revise(plan("a car and a boat"), "make it blue")


def test_a_move_without_a_place_says_where_things_can_go():
    with pytest.raises(InvalidRequest, match="say where to move the cat: 'to the left'"):
        revise(plan("a cat"), "move the cat")


def test_adding_the_thing_that_is_there_says_how_to_add_another():
    with pytest.raises(InvalidRequest, match="already has the cat; to add more, say 'add another cat'"):
        revise(plan("a cat"), "add the cat")


def test_fewer_of_a_single_thing_says_how_to_remove_it():
    with pytest.raises(InvalidRequest, match="remove the bird"):
        revise(plan("a bird"), "fewer birds")


def test_counts_and_object_numbers_stay_within_the_scene_limits():
    with pytest.raises(InvalidRequest, match=f"at most {MAX_COUNT}"):
        revise(plan("ten apples"), "add five more apples")
    crowded = plan(
        ", ".join(f"a {n}" for n in "cat dog cow pig hen fox owl bee ant elk yak emu ape bat rat eel".split())
    )
    assert len(crowded.objects) == 16
    with pytest.raises(InvalidRequest, match="at most 16 objects"):
        revise(crowded, "add a horse")


def test_an_instruction_that_is_not_text_is_refused():
    with pytest.raises(InvalidRequest, match="must be text"):
        revise(plan("a lighthouse"), None)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# scene_diff and format_diff
# ---------------------------------------------------------------------------------------------


def test_the_diff_lists_field_object_relation_and_exclusion_changes_in_a_fixed_order():
    parent = plan("a red car next to a red boat at dusk")
    child = revise(parent, "make the car blue and make it night and no text")
    assert format_diff(scene_diff(parent, child)) == "\n".join(
        ["~ time_of_day: dusk -> night", "~ objects[car].color: red -> blue", "+ exclude text"]
    )


def test_the_diff_shows_objects_and_relations_added_and_removed():
    parent = plan("a red boat next to a lighthouse")
    child = revise(parent, "remove the boat and add two red birds")
    assert format_diff(scene_diff(parent, child)).splitlines() == [
        "- object boat (1, red)",
        "+ object bird (2, red)",
        "- relation boat next to lighthouse",
        "+ exclude boat",
    ]


def test_the_diff_shows_count_and_box_changes_of_an_object():
    parent = plan("a boat")
    child = revise(parent, "add another boat")
    lines = format_diff(scene_diff(parent, child)).splitlines()
    assert lines == [
        "~ objects[boat].count: 1 -> 2",
        f"~ objects[boat].box: {_shown(named(parent, 'boat').box)} -> {_shown(named(child, 'boat').box)}",
    ]


def test_the_diff_is_json_and_leaves_text_out_unless_asked():
    parent = plan("a cat on a sofa")
    child = revise(parent, "add a dog next to the cat, watercolor")
    diff = scene_diff(parent, child)
    assert json.loads(json.dumps(diff)) == diff
    assert diff[0] == {"op": "~", "path": "style", "old": None, "new": "watercolor"}
    assert {"op": "+", "path": "objects", "name": "dog", "value": {"count": 1, "attributes": []}} in diff
    assert not any(c["path"] in ("intent", "prompt", "negative_prompt") for c in diff)
    with_text = scene_diff(parent, child, include_text=True)
    assert [c["path"] for c in with_text[:2]] == ["intent", "prompt"]
    assert format_diff(with_text).splitlines()[1] == (
        "~ prompt: a cat on a sofa -> a cat on a sofa, a dog next to the cat, watercolor"
    )


def test_objects_of_one_name_are_told_apart_in_the_diff():
    parent = plan("a red boat and a blue boat")
    child = revise(parent, "make the blue boat green")
    assert format_diff(scene_diff(parent, child)) == "~ objects[boat#2].color: blue -> green"


def test_equal_scenes_have_no_diff_and_a_diff_is_deterministic():
    scene = plan("two red apples on a wooden table, watercolor")
    assert scene_diff(scene, scene) == []
    assert format_diff([]) == ""
    child = revise(scene, "make it night, more apples and no people")
    assert scene_diff(scene, child) == scene_diff(scene, child.model_copy(deep=True))
    assert format_diff(scene_diff(scene, child)).splitlines() == [
        "~ time_of_day: (none) -> night",
        "~ objects[apple].count: 2 -> 3",
        f"~ objects[apple].box: {_shown(named(scene, 'apple').box)} -> {_shown(named(child, 'apple').box)}",
        "+ exclude person",
    ]


def _shown(box) -> str:
    return "[" + ", ".join(f"{v:g}" for v in box) + "]"
