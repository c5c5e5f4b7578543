"""The `sampling` planner: the calling assistant's own model, asked through MCP sampling.

An in-memory MCP client answers the sampling requests (its callback is the edge: a real client
would ask its LLM). Both protocol eras are exercised: the current one, where the tool answers
`input_required` and the client calls again with the answers, and the older one, where the server
sends `sampling/createMessage` during the call.
"""

from __future__ import annotations

import json

import anyio
import pytest
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client
from mcp_types import CreateMessageResult, ErrorData, SamplingCapability, TextContent

from tests.fake_chat_api import APPLES_ON_A_TABLE

pytestmark = pytest.mark.anyio

SCENE = APPLES_ON_A_TABLE
MODES = ["auto", "legacy"]


@pytest.fixture
def anyio_backend():
    return "asyncio"


class Assistant:
    """A client-side model that answers sampling requests from a script, and remembers what it was asked."""

    def __init__(self, *answers: str | ErrorData):
        self.answers = list(answers)
        self.asked = []

    async def __call__(self, context, params):
        self.asked.append(params)
        answer = self.answers[min(len(self.asked), len(self.answers)) - 1]
        if isinstance(answer, ErrorData):
            return answer
        return CreateMessageResult(
            role="assistant", content=TextContent(text=answer), model="assistant-model", stop_reason="endTurn"
        )


def client(studio: Studio, assistant: Assistant | None, mode: str) -> Client:
    if assistant is None:
        return Client(build_server(studio), mode=mode)
    return Client(
        build_server(studio), mode=mode, sampling_callback=assistant, sampling_capabilities=SamplingCapability()
    )


@pytest.mark.parametrize("mode", MODES)
async def test_a_client_that_samples_plans_the_scene_with_its_own_model(studio: Studio, mode: str):
    assistant = Assistant(json.dumps(SCENE))
    async with client(studio, assistant, mode) as c:
        made = await c.call_tool("generate", {"description": "two red apples on a table, watercolor", "seed": 1})
    assert not made.is_error, made.content[0].text
    data = made.structured_content
    assert data["planner"] == "sampling" and data["planning"]["passed_over"] == []
    assert [o["name"] for o in data["scene"]["objects"]] == ["apple", "table"]
    assert len(assistant.asked) == 1
    question = assistant.asked[0]
    assert "two red apples on a table" in question.messages[0].content.text
    assert "JSON" in question.system_prompt and question.max_tokens > 0
    assert studio.lineage.run(data["run_id"])["planner"] == "sampling"


@pytest.mark.parametrize("mode", MODES)
async def test_an_unusable_answer_is_asked_again_with_its_errors(studio: Studio, mode: str):
    assistant = Assistant("Apples, I think!", json.dumps(SCENE))
    async with client(studio, assistant, mode) as c:
        made = await c.call_tool("generate", {"description": "two red apples on a table", "seed": 1})
    assert not made.is_error, made.content[0].text
    assert made.structured_content["planner"] == "sampling"
    assert "asked again" in made.structured_content["planning"]["repairs"][0]
    assert len(assistant.asked) == 2
    retry = assistant.asked[1].messages
    assert retry[1].content.text == "Apples, I think!" and "no JSON object" in retry[2].content.text


@pytest.mark.parametrize("mode", MODES)
async def test_a_client_without_sampling_is_asked_nothing_and_rules_plans(studio: Studio, mode: str):
    async with client(studio, None, mode) as c:
        made = await c.call_tool("generate", {"description": "two red apples on a table", "seed": 1})
        asked_for = await c.call_tool("generate", {"description": "two red apples", "planner": "sampling"})
    assert made.structured_content["planner"] == "rules"
    assert asked_for.is_error and "sampling capability" in asked_for.content[0].text


async def test_twice_unusable_answers_fall_back_to_rules_with_the_reason(studio: Studio):
    assistant = Assistant("no", "still no")
    async with client(studio, assistant, "auto") as c:
        made = await c.call_tool("generate", {"description": "a red boat at sea", "seed": 1})
    data = made.structured_content
    assert data["planner"] == "rules"
    assert data["planning"]["passed_over"][0].startswith("sampling: the assistant's model (assistant-model)")
    assert [o["name"] for o in data["scene"]["objects"]] == ["boat", "sea"]


async def test_a_client_that_declines_to_sample_does_not_fail_the_call(studio: Studio):
    assistant = Assistant(ErrorData(code=-1, message="the user declined"))
    async with client(studio, assistant, "legacy") as c:
        made = await c.call_tool("generate", {"description": "a red boat at sea", "seed": 1})
    assert not made.is_error, made.content[0].text
    assert made.structured_content["planner"] == "rules"
    assert "declined" in made.structured_content["planning"]["passed_over"][0]


async def test_a_client_that_never_answers_is_waited_for_at_most_the_llm_timeout(isolated_home, monkeypatch):
    monkeypatch.setenv("LIMNER_LLM_TIMEOUT", "0.5")

    async def silent(context, params):
        await anyio.sleep(3600)  # offers sampling, never answers

    seen: list[str | None] = []

    async def on_progress(progress, total, message):
        seen.append(message)

    with Studio(isolated_home) as studio:
        legacy = Client(
            build_server(studio), mode="legacy", sampling_callback=silent, sampling_capabilities=SamplingCapability()
        )
        async with legacy as c:
            with anyio.fail_after(30):
                made = await c.call_tool("generate", {"description": "a red boat", "seed": 1}, progress_callback=on_progress)
    assert not made.is_error and made.structured_content["planner"] == "rules"
    assert "did not answer within 0.5 s" in made.structured_content["planning"]["passed_over"][0]
    assert any("asking your assistant" in (m or "") for m in seen), "progress says what it waits for"


async def test_a_configuration_without_sampling_in_the_order_never_asks(isolated_home, monkeypatch):
    monkeypatch.setenv("LIMNER_PLANNER", "llm,rules")
    assistant = Assistant(json.dumps(SCENE))
    with Studio(isolated_home) as studio:
        async with client(studio, assistant, "auto") as c:
            made = await c.call_tool("generate", {"description": "two red apples", "seed": 1})
    assert made.structured_content["planner"] == "rules" and assistant.asked == []


@pytest.mark.parametrize("mode", MODES)
async def test_refine_asks_the_assistant_to_revise_the_parent_scene(studio: Studio, mode: str):
    parent = studio.generate("two red apples on a wooden table", generator="layout", seed=4, planner="rules")
    revised = json.loads(parent.scene.model_dump_json(include={"prompt", "objects", "relations"}))
    revised["objects"][0]["attributes"]["color"] = "green"
    assistant = Assistant(json.dumps(revised))
    async with client(studio, assistant, mode) as c:
        child = await c.call_tool("refine", {"image_id": parent.image_id, "instruction": "make the apples green"})
    assert not child.is_error, child.content[0].text
    data = child.structured_content
    assert data["planner"] == "sampling" and data["parent_id"] == parent.image_id
    assert data["diff"] == [{"op": "~", "path": "objects[apple].color", "old": "red", "new": "green"}]
    assert "make the apples green" in assistant.asked[0].messages[0].content.text
