"""refine: an instruction revises an image's Scene, and the child image joins the lineage with the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_limner
from limner.agents import Studio
from limner.lineage import read_provenance
from limner.server.app import build_server
from mcp import Client
from mcp_helpers import assert_image_result

from limner.errors import InvalidRequest, NotFound


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_a_whole_picture_edit_renders_afresh_from_the_parents_seed(studio: Studio):
    parent = studio.generate("a lighthouse at dusk, watercolor", seed=11)
    child = studio.refine(parent.image_id, "make it night")
    assert child.mode == "fresh render" and child.init_image_id is None
    assert child.seed == 11 and child.scene.time_of_day == "night"
    assert child.scene.objects == parent.scene.objects  # nothing moved
    assert child.changes == "~ time_of_day: dusk -> night"
    assert child.scene.intent == "a lighthouse at dusk, watercolor; make it night"
    shown = studio.show(child.image_id)
    assert (shown.parent_id, shown.relation, shown.changes) == (parent.image_id, "refine", child.changes)
    assert studio.show(parent.image_id).children == [{"image_id": child.image_id, "relation": "refine"}]
    assert read_provenance(child.path).limner["parent_id"] == parent.image_id
    assert studio.lineage.run(child.run_id)["kind"] == "refine"


def test_refines_chain_and_each_keeps_its_own_diff(studio: Studio):
    first = studio.generate("a red car on a street")
    second = studio.refine(first.image_id, "make the car blue")
    third = studio.refine(second.image_id[:6], "add a dog next to the car")
    assert second.changes == "~ objects[car].color: red -> blue"
    assert third.changes.startswith("+ object dog")
    assert studio.show(third.image_id).parent_id == second.image_id


@pytest.mark.parametrize(
    "instruction, says",
    [("", "instruction is empty"), ("   ", "instruction is empty"), ("blorf the zibble", "understands edits like")],
)
def test_instructions_it_cannot_follow_say_what_it_can(studio: Studio, instruction, says):
    parent = studio.generate("a lighthouse at dusk")
    with pytest.raises(InvalidRequest, match=says):
        studio.refine(parent.image_id, instruction)
    assert studio.lineage.count_images() == 1


def test_refining_something_that_is_not_there_names_what_is(studio: Studio):
    parent = studio.generate("a lighthouse at dusk")
    with pytest.raises(InvalidRequest, match="no boat .* lighthouse"):
        studio.refine(parent.image_id, "remove the boat")
    with pytest.raises(NotFound):
        studio.refine("ffffffffffff", "make it night")


@pytest.mark.anyio
async def test_the_refine_tool_returns_the_child_and_the_changes(studio: Studio):
    async with Client(build_server(studio)) as client:
        made = (await client.call_tool("generate", {"description": "a lighthouse at dusk, watercolor"})).structured_content
        result = await client.call_tool(
            "refine", {"image_id": made["image_id"], "instruction": "make the sky stormier and add a red boat"}
        )
        data = assert_image_result(result)
        assert data["parent_id"] == made["image_id"] and data["mode"] == "fresh render"
        assert "+ object boat (1, red)" in data["changes"] and "+ object boat (1, red)" in result.content[0].text
        assert {"op": "~", "path": "lighting", "old": None, "new": "stormy"} in data["diff"]
        shown = await client.call_tool("show", {"image_id": data["image_id"]})
        assert "Changes from the parent" in shown.content[0].text
        refused = await client.call_tool("refine", {"image_id": made["image_id"], "instruction": "remove the cow"})
        assert refused.is_error and "no cow" in refused.content[0].text


def test_the_cli_refines_and_show_prints_the_changes(isolated_home: Path):
    def limner(*args: str):
        return run_limner(*args, home=isolated_home)

    parent = json.loads(limner("generate", "two red apples on a wooden table", "--json").stdout)
    refined = limner("refine", parent["image_id"], "make the apples green")
    assert refined.returncode == 0, refined.stderr
    child_id = refined.stdout.split()[0]
    assert "~ objects[apple].color: red -> green" in refined.stdout
    shown = limner("show", child_id).stdout
    assert f"parent    {parent['image_id']} (refine)" in shown and "changes   ~ objects[apple].color" in shown
    failed = limner("refine", parent["image_id"], "")
    assert failed.returncode == 2 and "instruction is empty" in failed.stderr


def test_an_image_stored_with_a_version_1_scene_is_shown_and_refined(studio):
    """Scenes written by older versions stay in the database as they were; reading them upgrades them."""
    parent = studio.generate("two red apples on a table", generator="layout", seed=11)
    record = studio.lineage.image(parent.image_id)
    old = parent.scene.model_dump(mode="json")
    old["version"] = 1
    for obj in old["objects"]:
        del obj["text"], obj["place"], obj["attributes"]["action"]
    with studio.lineage.db.conn:
        studio.lineage.db.execute(
            "UPDATE scenes SET scene = ?, version = 1 WHERE id = ?", [json.dumps(old), record.scene_id]
        )
    assert studio.show(parent.image_id).scene.version == 3
    child = studio.refine(parent.image_id, "make the apples green")
    assert child.scene.version == 3 and child.scene.objects[0].attributes.color == "green"
