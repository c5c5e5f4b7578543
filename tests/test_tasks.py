"""MCP Tasks (server/tasks.py): generate and refine served as tasks, which are the server's background jobs.

Over stdio with a bare JSON-RPC client at 2025-11-25 (tasks in the core protocol), and in memory through the
SDK's Client: at 2025-11-25 (raw requests where the SDK client cannot take a CreateTaskResult) and at
2026-07-28 (the `io.modelcontextprotocol/tasks` extension, resolved by a client extension claiming "task").
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Literal

import anyio
import pytest
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client
from mcp.client.extension import ClaimContext, ClientExtension, ResultClaim
from mcp.shared.exceptions import MCPError
from mcp_helpers import assert_image_result
from mcp_types import CallToolResult, GetTaskRequest, GetTaskRequestParams, Result
from pydantic import ConfigDict, TypeAdapter

pytestmark = pytest.mark.anyio

TASKS = "io.modelcontextprotocol/tasks"
RELATED = "io.modelcontextprotocol/related-task"
RED_BALL = {"description": "a red ball", "generator": "layout"}
SLOW = {"scene": {"intent": "a cat", "prompt": "a cat", "steps": 150, "width": 64, "height": 64},
        "generator": "diffusers", "model": "tiny"}  # fmt: skip
RAW = TypeAdapter(dict[str, Any])


@pytest.fixture
def anyio_backend():
    return "asyncio"


class _Wire:
    """`limner serve` over stdio, spoken to as bare JSON-RPC at `version`."""

    def __init__(self, version: str, log: Path):
        self.log, self.stderr = log, log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "limner", "serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True,
        )  # fmt: skip
        self.last_id = 0
        self.initialized = self.result("initialize", {
            "protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}})  # fmt: skip
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message: dict) -> None:
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def request(self, method: str, params: dict | None = None) -> dict:
        """The whole reply to one request: its result or its error."""
        self.last_id += 1
        message = {"jsonrpc": "2.0", "id": self.last_id, "method": method}
        self.send(message if params is None else {**message, "params": params})
        while True:
            line = self.process.stdout.readline()
            assert line, f"the server closed its output: {self.log.read_text()}"
            message = json.loads(line)
            if message.get("id") == self.last_id and "method" not in message:
                return message

    def result(self, method: str, params: dict | None = None) -> dict:
        reply = self.request(method, params)
        assert "result" in reply, reply
        return reply["result"]

    def call(self, name: str, arguments: dict, **extra: Any) -> dict:
        return self.result("tools/call", {"name": name, "arguments": arguments, **extra})

    def ended(self, task_id: str, limit: float = 120) -> dict:
        """tasks/get until the task leaves `working`."""
        deadline = time.monotonic() + limit
        while (task := self.result("tasks/get", {"taskId": task_id}))["status"] == "working":
            assert time.monotonic() < deadline, task
            time.sleep(0.1)
        return task

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=120)
        self.stderr.close()


@pytest.fixture
def wire(tmp_path: Path):
    opened: list[_Wire] = []

    def open_at(version: str) -> _Wire:
        opened.append(_Wire(version, tmp_path / f"serve-{len(opened)}.log"))
        return opened[-1]

    yield open_at
    for session in opened:
        if session.process.poll() is None:
            session.process.kill()
            session.process.wait(timeout=30)
        session.stderr.close()


def test_over_stdio_a_task_augmented_generate_is_a_task_whose_result_is_the_call_s(wire, isolated_home: Path):
    session = wire("2025-11-25")
    capability = {"list": {}, "cancel": {}, "requests": {"tools": {"call": {}}}}
    assert session.initialized["capabilities"]["tasks"] == capability
    tools = {tool["name"]: tool for tool in session.result("tools/list")["tools"]}
    assert tools["generate"]["execution"] == {"taskSupport": "optional"} == tools["refine"]["execution"]
    assert "execution" not in tools["show"], "only generate and refine run as tasks"

    created = session.call("generate", RED_BALL, task={"ttl": 60000})
    task = created["task"]
    assert set(created) == {"task"}, "a CreateTaskResult, not the tool's result"
    assert task["status"] in ("working", "completed") and task["ttl"] == 60000 and task["pollInterval"] > 0
    assert task["createdAt"].endswith("Z") and task["lastUpdatedAt"] >= task["createdAt"]
    done = session.ended(task["taskId"])
    assert done["status"] == "completed" and done["taskId"] == task["taskId"]
    assert done["statusMessage"].startswith("Made image")

    payload = session.result("tasks/result", {"taskId": task["taskId"]})
    assert payload["_meta"][RELATED] == {"taskId": task["taskId"]}
    data = assert_image_result(CallToolResult.model_validate(payload))
    listed = session.result("tasks/list")["tasks"]
    assert [(t["taskId"], t["status"]) for t in listed] == [(task["taskId"], "completed")]
    again = session.call("job", {"job_id": task["taskId"]})  # the task is the job: the `job` tool answers the same
    assert again["structuredContent"]["image_id"] == data["image_id"]
    shown = session.call("show", {"image_id": data["image_id"]})
    assert not shown.get("isError") and shown["structuredContent"]["image_id"] == data["image_id"]

    plain = session.call("generate", RED_BALL)  # without `task`: the image, as before
    assert "task" not in plain and [item["type"] for item in plain["content"]] == ["text", "image", "resource_link"]
    assert plain["structuredContent"]["image_id"] != data["image_id"]

    refused = session.request("tools/call", {"name": "history", "arguments": {}, "task": {}})["error"]
    assert refused["code"] == -32601 and "does not run as a task" in refused["message"]
    for method in ("tasks/get", "tasks/result", "tasks/cancel"):
        error = session.request(method, {"taskId": "no-such-task"})["error"]
        assert error["code"] == -32602 and "no task 'no-such-task'" in error["message"], error
        assert "job(job_id='no-such-task')" in error["message"] and "Traceback" not in error["message"]
    finished = session.request("tasks/cancel", {"taskId": task["taskId"]})["error"]
    assert finished["code"] == -32602 and "already ended (completed)" in finished["message"]
    session.close()
    with Studio(isolated_home) as studio:
        stored = {record.id for record in studio.lineage.history()}
        assert stored == {data["image_id"], plain["structuredContent"]["image_id"]}


def test_before_2025_11_25_no_tasks_are_offered_and_calls_answer_as_before(wire):
    session = wire("2025-06-18")
    assert "tasks" not in session.initialized["capabilities"]
    assert "execution" not in {t["name"]: t for t in session.result("tools/list")["tools"]}["generate"]
    made = session.call("generate", RED_BALL, task={"ttl": 1000})  # a `task` this revision does not know: ignored
    assert "task" not in made and made["structuredContent"]["image_id"]
    assert session.request("tasks/get", {"taskId": "x"})["error"]["code"] == -32601
    session.close()


@pytest.fixture(scope="module")
def tiny_sd(tmp_path_factory) -> Path:
    pytest.importorskip("diffusers")
    from tiny_models import build_tiny_sd

    return build_tiny_sd(tmp_path_factory.mktemp("models") / "tiny-sd")


def test_tasks_cancel_stops_a_slow_job_and_nothing_is_stored(wire, tiny_sd: Path, isolated_home: Path):
    from limner.generators.models import ModelCatalog

    from limner.settings import Settings

    ModelCatalog.for_settings(Settings()).add("tiny", tiny_sd)
    session = wire("2025-11-25")
    task_id = session.call("generate", SLOW, task={"ttl": 600000})["task"]["taskId"]
    deadline = time.monotonic() + 120
    while "step" not in (task := session.result("tasks/get", {"taskId": task_id}))["statusMessage"]:
        assert task["status"] == "working" and time.monotonic() < deadline, task
        time.sleep(0.1)
    cancelled = session.result("tasks/cancel", {"taskId": task_id})
    assert cancelled["taskId"] == task_id and cancelled["status"] in ("working", "cancelled")
    assert session.ended(task_id)["status"] == "cancelled"
    payload = session.result("tasks/result", {"taskId": task_id})
    assert payload["isError"] is True and payload["_meta"][RELATED] == {"taskId": task_id}
    assert "cancel" in payload["content"][0]["text"].lower()
    assert session.call("job", {"job_id": task_id})["isError"] is True, "the `job` tool sees the same cancelled job"
    again = session.request("tasks/cancel", {"taskId": task_id})["error"]
    assert again["code"] == -32602 and "already ended (cancelled)" in again["message"]
    session.close()
    with Studio(isolated_home) as studio:
        assert [run["status"] for run in studio.lineage.db["runs"].rows] == ["cancelled"]
        assert studio.lineage.count_images() == 0


async def test_in_memory_at_2025_11_25_a_task_augmented_refine_is_the_same_job(studio: Studio):
    async with Client(build_server(studio), mode="legacy") as client:
        assert client.protocol_version == "2025-11-25"
        assert client.server_capabilities.tasks.requests.tools.call is not None
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert tools["refine"].execution.task_support == "optional"
        parent = assert_image_result(await client.call_tool("generate", RED_BALL))  # no task: as before
        # The SDK client checks a tools/call answer against CallToolResult at this revision, which a
        # CreateTaskResult is not: the task-augmented call goes out raw.
        raw = client.session._dispatcher  # noqa: SLF001
        arguments = {"image_id": parent["image_id"], "instruction": "make the ball blue", "generator": "layout"}
        created = await raw.send_raw_request("tools/call", {"name": "refine", "arguments": arguments, "task": {}}, {})
        task_id = created["task"]["taskId"]
        assert created["task"]["ttl"] is None
        payload = await raw.send_raw_request("tasks/result", {"taskId": task_id}, {})  # waits for the end
        assert payload["_meta"][RELATED] == {"taskId": task_id}
        child = assert_image_result(CallToolResult.model_validate(payload))
        assert child["parent_id"] == parent["image_id"]
        task = await raw.send_raw_request("tasks/get", {"taskId": task_id}, {})
        assert task["status"] == "completed"
        polled = await client.call_tool("job", {"job_id": task_id})
        assert polled.structured_content["image_id"] == child["image_id"]
        with pytest.raises(MCPError) as unknown:
            await raw.send_raw_request("tasks/get", {"taskId": "gone"}, {})
        assert unknown.value.error.code == -32602 and "no task 'gone'" in unknown.value.error.message
        short = await raw.send_raw_request("tools/call", {"name": "generate", "arguments": RED_BALL,
                                                          "task": {"ttl": 200}}, {})  # fmt: skip
        short_id = short["task"]["taskId"]
        assert short["task"]["ttl"] == 200
        await raw.send_raw_request("tasks/result", {"taskId": short_id}, {})
        await anyio.sleep(0.3)  # the ttl passes: the task is gone from the Tasks methods, its work is not
        with pytest.raises(MCPError) as expired:
            await raw.send_raw_request("tasks/get", {"taskId": short_id}, {})
        assert expired.value.error.code == -32602 and "ttl of 200 ms has passed" in expired.value.error.message
        listed = await raw.send_raw_request("tasks/list", {}, {})
        assert task_id in [t["taskId"] for t in listed["tasks"]] and short_id not in [t["taskId"] for t in listed["tasks"]]
        assert (await client.call_tool("job", {"job_id": short_id})).structured_content["image_id"]
    assert studio.show(child["image_id"]).path == child["path"]


class _TaskHandle(Result):
    model_config = ConfigDict(extra="allow")
    result_type: Literal["task"]
    task_id: str
    status: str


class _Tasks(ClientExtension):
    """A client of the 2026 tasks extension: a task answer is polled with tasks/get to its inline result."""

    identifier = TASKS

    def __init__(self):
        self.handles: list[_TaskHandle] = []

    def claims(self):
        return [ResultClaim(result_type="task", model=_TaskHandle, resolve=self.resolve)]

    async def resolve(self, handle: _TaskHandle, ctx: ClaimContext) -> CallToolResult:
        self.handles.append(handle)
        while True:
            request = GetTaskRequest(params=GetTaskRequestParams(task_id=handle.task_id))
            task = await ctx.session.send_request(request, RAW)
            if task["status"] != "working":
                assert task["status"] == "completed", task
                return CallToolResult.model_validate(task["result"])
            await anyio.sleep(0.05)


async def test_in_memory_at_2026_a_call_still_working_after_its_wait_becomes_a_task(studio: Studio):
    tasks = _Tasks()
    server = build_server(studio)
    async with Client(server, extensions=[tasks]) as client:
        assert client.protocol_version == "2026-07-28"
        assert TASKS in client.server_capabilities.extensions
        quick = assert_image_result(await client.call_tool("generate", RED_BALL))
        assert tasks.handles == [], "done within its wait: the call's own result, no task"
        made = assert_image_result(await client.call_tool("generate", {**RED_BALL, "wait": 0}))
        (handle,) = tasks.handles
        assert handle.status in ("working", "completed") and handle.model_extra["pollIntervalMs"] > 0
        assert studio.show(made["image_id"]).path == made["path"] and made["image_id"] != quick["image_id"]
        with pytest.raises(MCPError) as unknown:
            await client.session.send_request(GetTaskRequest(params=GetTaskRequestParams(task_id="gone")), RAW)
        assert unknown.value.error.code == -32602
    async with Client(server) as plain:  # no tasks extension declared: the job handle, as before
        handle = (await plain.call_tool("generate", {**RED_BALL, "wait": 0})).structured_content
        assert handle["job_id"] and handle["status"] == "working"
        with pytest.raises(MCPError) as refused:
            await plain.session.send_request(GetTaskRequest(params=GetTaskRequestParams(task_id=handle["job_id"])), RAW)
        assert refused.value.error.code == -32021 and TASKS in refused.value.error.message
        done = await plain.call_tool("job", {"job_id": handle["job_id"], "wait": 60})
        assert_image_result(done)
