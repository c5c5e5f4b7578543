"""One request contract: the MCP tools, the CLI and Studio take the same typed requests, limits and defaults."""

from __future__ import annotations

import json
import threading

import pytest
from conftest import run_limner
from limner.agents import Studio
from limner.agents.workflow.requests import GenerateRequest, RefineRequest
from limner.server.app import build_server
from mcp import Client
from PIL import Image, ImageChops

from limner.errors import InvalidRequest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_an_unknown_argument_names_the_closest_valid_one(studio: Studio):
    with pytest.raises(InvalidRequest, match=r"unknown argument 'sead' \(did you mean 'seed'\?\)"):
        studio.generate("a cat", sead=3)
    with pytest.raises(InvalidRequest, match="unknown argument 'instructions'"):
        RefineRequest.parse({"image_id": "abcd", "instructions": "make it night"})


def test_limits_and_defaults_are_declared_once():
    request = GenerateRequest.parse({"description": "a cat"})
    assert (request.rounds, request.candidates, request.threshold, request.layout_control) == (1, 1, 0.75, None)
    with pytest.raises(InvalidRequest, match="rounds: Input should be less than or equal to 8"):
        GenerateRequest.parse({"description": "a cat", "rounds": 9})
    with pytest.raises(InvalidRequest, match="not both"):
        GenerateRequest.parse({"description": "a cat", "init_image": "abcd", "layout_control": "init"})
    with pytest.raises(InvalidRequest, match="layout_control: Input should be 'none', 'init' or 'attention'"):
        GenerateRequest.parse({"description": "a cat", "layout_control": "boxes"})
    with pytest.raises(InvalidRequest, match="not both"):
        RefineRequest.parse({"image_id": "abcd", "instruction": "x", "region": [0, 0, 1, 1], "layout_control": "init"})


def test_studio_takes_the_request_or_its_fields(studio: Studio):
    by_fields = studio.generate("a red ball", generator="layout", seed=4)
    by_request = studio.generate(GenerateRequest(description="a red ball", generator="layout", seed=4))
    assert by_fields.scene == by_request.scene
    with Image.open(by_fields.path) as a, Image.open(by_request.path) as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


async def test_the_tools_publish_the_request_fields_and_refuse_unknown_ones(studio: Studio):
    async with Client(build_server(studio)) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        for name, request in (("generate", GenerateRequest), ("refine", RefineRequest)):
            assert set(tools[name].input_schema["properties"]) == set(request.model_fields)
            assert tools[name].input_schema["additionalProperties"] is False
        assert "captioner" in tools["generate"].input_schema["properties"]
        result = await client.call_tool("generate", {"description": "a cat", "sead": 3})
        assert result.is_error and "did you mean 'seed'" in result.content[0].text
        assert studio.lineage.count_images() == 0


async def test_tool_descriptions_list_the_backends_when_listed(studio: Studio):
    async with Client(build_server(studio)) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    described = tools["generate"].input_schema["properties"]["generator"]["description"]
    assert "Available here: diffusers, layout, openai" in described
    assert "palette" in tools["caption"].input_schema["properties"]["captioner"]["description"]


def test_the_cli_options_are_the_request_fields(isolated_home):
    help_text = run_limner("generate", "--help", home=isolated_home).stdout
    for field in ("--seed", "--rounds", "--candidates", "--captioner", "--threshold", "--layout-control"):
        assert field in help_text
    assert "{none,init,attention}" in help_text
    made = run_limner("generate", "a red ball", "--generator", "layout", "--threshold", "0.5", home=isolated_home)
    assert made.returncode == 0, made.stderr
    bad = run_limner("generate", "a red ball", "--rounds", "9", home=isolated_home)
    assert bad.returncode == 2 and "rounds: Input should be less than or equal to 8" in bad.stderr


def test_two_first_calls_at_once_build_one_generator(studio: Studio):
    built = []
    barrier = threading.Barrier(4)

    def first_call():
        barrier.wait()
        built.append(studio.generator("layout"))

    threads = [threading.Thread(target=first_call) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(generator) for generator in built}) == 1


async def test_tools_that_return_a_scene_name_its_schema_resource_instead_of_repeating_it(studio: Studio):
    async with Client(build_server(studio)) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        for name in ("generate", "refine", "show", "history"):
            defs = tools[name].output_schema["$defs"]
            assert "limner://schema/scene" in defs["Scene"]["description"], name
            assert not {"SceneObject", "Attributes", "Relation"} & set(defs), "unreferenced definitions are dropped"
        schema = json.loads((await client.read_resource("limner://schema/scene")).contents[0].text)
        assert "SceneObject" in schema["$defs"] and schema["$id"].endswith("scene-v3.json")
        made = await client.call_tool("generate", {"description": "a red ball", "generator": "layout"})
        assert not made.is_error and made.structured_content["scene"]["version"] == 3


async def test_a_model_for_a_generator_without_models_is_refused_not_ignored(studio: Studio):
    async with Client(build_server(studio)) as client:
        result = await client.call_tool(
            "generate", {"description": "a cat", "generator": "layout", "model": "stabilityai/sd-turbo"}
        )
    assert result.is_error and "the layout generator has no models to choose from" in result.content[0].text
    assert studio.lineage.count_images() == 0
