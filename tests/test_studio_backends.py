"""The Studio with real backends: images from an OpenAI-compatible API land in lineage like any
other, API failures reach the caller as tool errors, and concurrent renders queue and say so."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fake_images_api import FakeImagesAPI
from limner.agents import Studio
from limner.lineage import read_provenance

from limner.errors import BackendFailed


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch):
    with FakeImagesAPI() as server:
        monkeypatch.setenv("LIMNER_OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("LIMNER_OPENAI_API_KEY", server.api_key)
        monkeypatch.setenv("LIMNER_OPENAI_IMAGE_MODEL", "gpt-image-1")
        yield server


def test_an_openai_image_is_stored_with_its_scene_and_settings(api: FakeImagesAPI, isolated_home: Path):
    with Studio(isolated_home) as studio:
        made = studio.generate("a lighthouse at dusk, watercolor", generator="openai", width=768, height=512, seed=3)
    assert made.generator == "openai" and (made.width, made.height) == (768, 512)
    assert made.settings["model"] == "gpt-image-1" and made.settings["size"] == "1536x1024"
    assert api.api_requests[0].params["prompt"].startswith("a lighthouse")
    provenance = read_provenance(made.path)
    assert provenance.limner["image_id"] == made.image_id and "Model: gpt-image-1" in provenance.parameters


def test_an_api_failure_is_recorded_as_a_failed_run_and_no_image(api: FakeImagesAPI, isolated_home: Path):
    api.mode = "server_error"
    with Studio(isolated_home) as studio:
        with pytest.raises(BackendFailed):
            studio.generate("a cat", generator="openai")
        assert [r["status"] for r in studio.lineage.db["runs"].rows] == ["failed"]
        assert studio.lineage.count_images() == 0


@pytest.mark.anyio
async def test_the_tool_reports_an_api_failure_as_a_tool_error(api: FakeImagesAPI, isolated_home: Path):
    from limner.server.app import build_server
    from mcp import Client

    api.mode = "content_policy"
    with Studio(isolated_home) as studio:
        async with Client(build_server(studio)) as client:
            result = await client.call_tool("generate", {"description": "a cat", "generator": "openai"})
    assert result.is_error and "content policy" in result.content[0].text
    assert api.api_key not in result.content[0].text


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_a_second_generation_queues_behind_the_first_and_is_told_so(api: FakeImagesAPI, isolated_home: Path):
    api.mode = "slow"
    api.delay = 1.0
    messages: list[str] = []
    with Studio(isolated_home) as studio:
        first = threading.Thread(target=studio.generate, args=("a red ball",), kwargs={"generator": "openai"})
        first.start()
        while not api.api_requests:  # the first render is now inside the API call
            threading.Event().wait(0.01)
        studio.generate("a blue box", generator="layout", progress=lambda d, t, m: messages.append(m))
        first.join()
        assert studio.lineage.count_images() == 2
    assert messages[1] == "queued: waiting for another generation to finish"
