"""The assistant as planner: the calling assistant sends its sketch of the Scene; the server completes it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp_helpers import assert_image_result

from limner.errors import InvalidRequest

pytestmark = pytest.mark.anyio

SKETCH = {
    "objects": [
        {"name": "cat", "attributes": {"color": "orange"}},
        {"name": "dog", "count": 40, "attributes": {"color": "black"}},
    ],
    "relations": [{"subject": 0, "predicate": "to the left of", "object": 1}],
    "style": "watercolor",
    "exclude": ["text"],
}


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_a_sketch_is_completed_repaired_and_checked(studio: Studio):
    made = studio.generate("an orange cat left of black dogs, watercolor", scene=SKETCH, generator="layout", seed=2)
    assert made.planner == "assistant" and made.scene.intent == "an orange cat left of black dogs, watercolor"
    assert "objects[1]: count 40 of dog lowered to 12, the most a Scene draws" in made.planning.repairs
    cat, dog = made.scene.objects
    assert cat.box is not None and dog.box is not None and cat.box[0] < dog.box[0], "the relation shapes the layout"
    assert made.scene.relations[0].predicate == "left of"
    assert made.scene.prompt and made.scene.negative_prompt == "text"
    questions = [check.question for check in made.scene.checks()]
    assert "Is the cat left of the dogs?" in questions and "Is the cat orange?" in questions
    assert studio.lineage.run(made.run_id)["planner"] == "assistant"


def test_a_sketch_says_how_many_in_words_or_in_numbers(studio: Studio):
    sketch = {
        "objects": [
            {"name": "tree", "quantity": "lots"},
            {"name": "bird", "count": "several"},
            {"name": "cloud", "count": 2, "quantity": "many"},
            {"name": "hill", "quantity": "heaps"},
        ]
    }
    made = studio.generate("lots of trees, several birds, two clouds, a hill", scene=sketch, generator="layout", seed=3)
    trees, birds, clouds, hill = made.scene.objects
    assert (trees.count, trees.quantity) == (None, "many") and (birds.count, birds.quantity) == (None, "several")
    assert (clouds.count, clouds.quantity) == (2, None) and (hill.count, hill.quantity) == (1, None)
    assert "objects[2]: count 2 says how many cloud; dropped quantity 'many'" in made.planning.repairs
    assert any(r.startswith("objects[3].quantity: dropped 'heaps'") for r in made.planning.repairs)
    assert "Are there many trees?" in [c.question for c in made.scene.checks()]
    assert "many trees" in made.scene.prompt


def test_a_sketch_says_text_actions_places_and_what_things_do(studio: Studio):
    sketch = {
        "objects": [
            {"name": "man", "attributes": {"action": "waving"}},
            {"name": "horse", "place": "in the back"},
            {"name": "sign", "text": "'OPEN late'"},
            {"name": "apple", "count": "some"},
            {"name": "tree", "place": "upside"},
        ],
        "relations": [{"subject": 0, "predicate": "rides", "object": 1}],
    }
    made = studio.generate("a waving man rides a horse past an OPEN late sign", scene=sketch, generator="layout", seed=5)
    man, horse, sign, apples, tree = made.scene.objects
    assert man.attributes.action == "waving" and horse.place == "background" and sign.text == "OPEN late"
    assert apples.count is None and tree.place is None
    assert "objects[4].place: dropped 'upside', which is not one of left, right, center, top, bottom, foreground, " \
        "background" in made.planning.repairs
    assert made.scene.relations[0].predicate == "riding"
    assert man.box[1] < horse.box[1], "the rider is laid out on the horse"
    questions = [check.question for check in made.scene.checks()]
    assert "Is the man riding the horse?" in questions and "Does the sign say 'OPEN late'?" in questions
    assert "Are there apples?" in questions and not any("exactly" in q for q in questions)
    assert 'a sign that says "OPEN late"' in made.scene.prompt


def test_a_complete_scene_alone_is_still_rendered_as_written(studio: Studio):
    first = studio.generate("a red ball", generator="layout", seed=3)
    again = studio.generate(scene=first.scene, generator="layout")
    assert again.planner is None and again.scene == first.scene


def test_a_sketch_that_says_nothing_is_refused_with_what_to_fix(studio: Studio):
    with pytest.raises(InvalidRequest, match="the scene sketch cannot be used: .*list what the picture shows"):
        studio.generate("a cat", scene={"style": "photo"}, generator="layout")
    assert studio.lineage.count_images() == 0


def test_refine_takes_the_revised_sketch(studio: Studio):
    parent = studio.generate("an orange cat left of a dog", scene=SKETCH, generator="layout", seed=4)
    revised = {**SKETCH, "objects": [{"name": "cat", "attributes": {"color": "black"}}, SKETCH["objects"][1]]}
    child = studio.refine(parent.image_id, "make the cat black", scene=revised)
    assert child.planner == "assistant"
    assert child.changes == "~ objects[cat].color: orange -> black"
    assert child.scene.objects[1].box == parent.scene.objects[1].box, "what was not edited keeps its place"


async def test_the_generate_tool_takes_a_sketch_in_memory(studio: Studio):
    async with Client(build_server(studio)) as client:
        result = await client.call_tool(
            "generate", {"description": "an orange cat left of dogs", "scene": SKETCH, "generator": "layout"}
        )
        data = assert_image_result(result)
        assert data["planner"] == "assistant" and data["planning"]["repairs"]
        bad = await client.call_tool("generate", {"description": "a cat", "scene": {"palette": ["red"]}})
        assert bad.is_error and "scene sketch cannot be used" in bad.content[0].text


async def test_the_generate_tool_takes_a_sketch_over_stdio(tmp_path: Path):
    env = {**os.environ, "LIMNER_HOME": str(tmp_path / "home")}
    params = StdioServerParameters(command=sys.executable, args=["-m", "limner", "serve"], env=env)
    async with Client(params) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert "sketch" in tools["generate"].input_schema["properties"]["scene"]["description"]
        result = await client.call_tool("generate", {"description": "an orange cat left of dogs", "scene": SKETCH})
        data = assert_image_result(result)
    assert data["planner"] == "assistant" and data["scene"]["objects"][0]["name"] == "cat"
