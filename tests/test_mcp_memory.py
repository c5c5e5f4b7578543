"""The MCP tools through an in-memory client: the contract a chat assistant relies on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client
from mcp_helpers import assert_image_result
from PIL import Image, ImageChops

pytestmark = pytest.mark.anyio

RED_BALL = {"intent": "a red ball", "prompt": "a red ball", "objects": [{"name": "ball", "attributes": {"color": "red"}}]}


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def client(studio: Studio):
    async with Client(build_server(studio)) as c:
        yield c


async def test_the_tools_are_listed_with_input_and_output_schemas(client: Client):
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert {"generate", "show", "history"} <= set(tools)
    generate = tools["generate"]
    assert {"description", "scene", "seed", "width", "height", "generator"} <= set(generate.input_schema["properties"])
    assert {"image_id", "path", "seed", "scene"} <= set(generate.output_schema["properties"])
    assert generate.description
    for name, read_only in (("generate", False), ("refine", False), ("caption", False), ("show", True), ("history", True)):
        hints = tools[name].annotations
        assert tools[name].title and hints.title == tools[name].title
        assert hints.read_only_hint is read_only and hints.destructive_hint is False, name


async def test_history_text_is_one_short_line_per_image_and_the_details_are_structured(client: Client):
    for n in range(12):
        await client.call_tool("generate", {"description": f"a red ball and a blue cube number {n}", "seed": n})
    history = await client.call_tool("history", {"limit": 12})
    lines = history.content[0].text.splitlines()
    assert len(lines) == 12 and all(len(line) < 160 for line in lines)
    assert len(history.structured_content["images"]) == 12 and "scene" in history.structured_content["images"][0]


async def test_generate_from_a_description_returns_preview_link_path_and_scene(client: Client, studio: Studio):
    result = await client.call_tool("generate", {"description": "two red apples on a wooden table, watercolor"})
    data = assert_image_result(result)
    assert data["planner"] == "rules" and data["generator"] == "layout"
    assert data["scene"]["intent"] == "two red apples on a wooden table, watercolor"
    assert isinstance(data["seed"], int)
    assert studio.show(data["image_id"]).path == data["path"]


async def test_the_full_image_is_readable_as_a_resource(client: Client):
    data = (await client.call_tool("generate", {"scene": RED_BALL, "width": 1024, "height": 768})).structured_content
    contents = (await client.read_resource(data["uri"])).contents
    assert contents[0].mime_type == "image/png"
    import base64

    assert base64.b64decode(contents[0].blob) == Path(data["path"]).read_bytes()
    assert (data["width"], data["height"]) == (1024, 768)


async def test_a_complete_scene_is_rendered_as_given_and_the_seed_reproduces_it(client: Client):
    first = (await client.call_tool("generate", {"scene": RED_BALL, "seed": 77})).structured_content
    second = (await client.call_tool("generate", {"scene": RED_BALL, "seed": 77})).structured_content
    assert first["planner"] is None and first["scene"]["prompt"] == "a red ball"
    assert first["image_id"] != second["image_id"]
    with Image.open(first["path"]) as a, Image.open(second["path"]) as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


@pytest.mark.parametrize(
    "arguments, says",
    [
        ({"description": "a cat", "width": 500}, "multiple of 8"),
        ({"description": "a cat", "width": 4096}, "less than or equal to 2048"),
        ({"description": "   "}, "description is empty"),
        ({"description": "x" * 4001}, "at most 4000"),
        ({}, "pass a description"),
        ({"description": "a cat", "scene": {"style": "photo"}}, "the scene sketch cannot be used"),
        ({"description": "a cat", "generator": "nope"}, "available:"),
        ({"scene": {"prompt": "no intent"}}, "intent"),
        ({"scene": {**RED_BALL, "objects": [{"name": "ball", "box": [0.9, 0.9, 0.5, 0.5]}]}}, "past the canvas"),
        ({"description": "a cat", "seed": -3}, "greater than or equal to 0"),
    ],
)
async def test_bad_arguments_are_tool_errors_that_say_what_to_change(client: Client, arguments, says):
    result = await client.call_tool("generate", arguments)
    assert result.is_error
    assert says in result.content[0].text
    assert "Traceback" not in result.content[0].text


async def test_odd_bytes_in_a_description_do_not_break_anything(client: Client):
    result = await client.call_tool("generate", {"description": "a \x00cat\udcff at \x1bnight 🐈 ünï"})
    data = assert_image_result(result)
    assert "\x00" not in data["scene"]["intent"]


async def test_show_and_history_return_what_generate_made(client: Client):
    made = (await client.call_tool("generate", {"description": "a lighthouse at dusk, watercolor"})).structured_content
    shown = await client.call_tool("show", {"image_id": made["image_id"][:6]})
    assert assert_image_result(shown)["scene"] == made["scene"]
    history = (await client.call_tool("history", {"limit": 5})).structured_content
    assert history["images"][0]["image_id"] == made["image_id"]
    missing = await client.call_tool("show", {"image_id": "ffffffffffff"})
    assert missing.is_error and "history" in missing.content[0].text


async def test_the_scene_schema_is_a_resource(client: Client):
    contents = (await client.read_resource("limner://schema/scene")).contents
    assert json.loads(contents[0].text)["$id"].endswith("scene-v3.json")


def test_building_the_server_imports_no_model_framework(tmp_path: Path):
    code = (
        "import sys; from limner.agents import Studio; from limner.server.app import build_server; "
        f"build_server(Studio({str(tmp_path)!r})); "
        "heavy = [m for m in ('torch', 'diffusers', 'transformers') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_generate_reports_progress_that_only_grows(client: Client):
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    result = await client.call_tool("generate", {"scene": RED_BALL}, progress_callback=on_progress)
    assert not result.is_error
    values = [p for p, _, _ in seen]
    assert all(a < b for a, b in zip(values, values[1:])) and len(seen) >= 3, "strictly increasing"
    assert seen[-1][0] == seen[-1][1]
    assert "rendering with layout" in [m for _, _, m in seen]
    seen.clear()
    looped = await client.call_tool(
        "generate", {"description": "a red ball left of a blue cube", "rounds": 2}, progress_callback=on_progress
    )
    assert not looped.is_error
    values = [p for p, _, _ in seen]
    assert all(a < b for a, b in zip(values, values[1:])), "rounds and their stages never report the same value"


async def test_the_planner_is_chosen_per_call_and_an_unknown_one_is_named(client: Client):
    made = await client.call_tool("generate", {"description": "a red ball", "planner": "rules"})
    assert made.structured_content["planner"] == "rules"
    unknown = await client.call_tool("generate", {"description": "a red ball", "planner": "oracle"})
    assert unknown.is_error and "available: sampling, llm, rules" in unknown.content[0].text
    refined = await client.call_tool(
        "refine", {"image_id": made.structured_content["image_id"], "instruction": "make it night", "planner": "oracle"}
    )
    assert refined.is_error and "available: sampling, llm, rules" in refined.content[0].text
