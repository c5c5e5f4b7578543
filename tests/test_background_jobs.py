"""Long work past client timeouts: generate answers with a job handle, `job` polls it, `cancel` stops it."""

from __future__ import annotations

import time
from pathlib import Path

import anyio
import pytest

pytest.importorskip("diffusers")

from limner.agents import Studio  # noqa: E402
from limner.generators.models import ModelCatalog  # noqa: E402
from limner.server.app import build_server  # noqa: E402
from mcp import Client  # noqa: E402
from mcp_helpers import assert_image_result  # noqa: E402
from tiny_models import build_tiny_sd  # noqa: E402

from limner.settings import Settings  # noqa: E402

pytestmark = pytest.mark.anyio
SLOW = {"scene": {"intent": "a cat", "prompt": "a cat", "steps": 150, "width": 64, "height": 64},
        "generator": "diffusers", "model": "tiny"}  # fmt: skip


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def tiny_sd(tmp_path_factory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("models") / "tiny-sd")


@pytest.fixture
def studio(isolated_home: Path, tiny_sd: Path):
    ModelCatalog.for_settings(Settings()).add("tiny", tiny_sd)
    with Studio(isolated_home) as s:
        yield s


async def poll(client: Client, job_id: str, limit: float = 120):
    deadline = time.monotonic() + limit
    while True:
        result = await client.call_tool("job", {"job_id": job_id, "wait": 2})
        data = result.structured_content or {}
        if result.is_error or data.get("status") not in ("working", "cancelling") or time.monotonic() > deadline:
            return result
        assert "still working" in result.content[0].text.lower() or data["status"] == "cancelling"


async def test_a_job_outlives_a_short_wait_and_polling_returns_the_image(studio: Studio):
    async with Client(build_server(studio)) as client:
        handle = await client.call_tool("generate", {**SLOW, "wait": 0.5})
        data = handle.structured_content
        assert not handle.is_error and data["status"] == "working" and data["job_id"] in handle.content[0].text
        assert "job(job_id=" in handle.content[0].text
        done = await poll(client, data["job_id"])
        made = assert_image_result(done)
    assert made["generator"] == "diffusers" and made["settings"]["steps"] == 150
    run = studio.lineage.run(made["run_id"])
    assert run["status"] == "succeeded" and run["request"]["job"] == data["job_id"]
    assert "wait" not in run["request"]


async def test_a_cancelled_job_records_the_run_as_cancelled_and_stores_nothing(studio: Studio):
    async with Client(build_server(studio)) as client:
        data = (await client.call_tool("generate", {**SLOW, "wait": 0.5})).structured_content
        cancelled = await client.call_tool("cancel", {"job_id": data["job_id"]})
        assert "Cancelling job" in cancelled.content[0].text
        final = await poll(client, data["job_id"])
    assert final.is_error and "cancel" in final.content[0].text.lower()
    assert [r["status"] for r in studio.lineage.db["runs"].rows] == ["cancelled"]
    assert studio.lineage.count_images() == 0


async def test_a_job_finishes_and_is_stored_after_its_client_goes_away(studio: Studio, isolated_home: Path):
    from conftest import run_limner

    server = build_server(studio)
    async with Client(server) as client:
        job_id = (await client.call_tool("generate", {**SLOW, "wait": 0.3})).structured_content["job_id"]
    listed = run_limner("jobs", "--running", home=isolated_home)
    assert listed.returncode == 0 and f"job {job_id}" in listed.stdout and "running" in listed.stdout
    async with Client(server) as again:
        made = assert_image_result(await poll(again, job_id))
    assert studio.lineage.run(made["run_id"])["status"] == "succeeded"
    listed = run_limner("jobs", home=isolated_home)
    assert f"image {made['image_id']}" in listed.stdout and "succeeded" in listed.stdout


async def test_unknown_job_ids_answer_clearly_and_runs_are_looked_up_in_the_lineage(studio: Studio):
    async with Client(build_server(studio)) as client:
        unknown = await client.call_tool("job", {"job_id": "nosuchjob"})
        made = (await client.call_tool("generate", {"description": "a red ball", "generator": "layout"})).structured_content
        stored = await client.call_tool("job", {"job_id": made["run_id"], "wait": 0})
    assert unknown.is_error and "no job 'nosuchjob'" in unknown.content[0].text
    assert not stored.is_error and stored.structured_content["image_id"] == made["image_id"]
    assert "succeeded" in stored.content[0].text


async def test_a_quick_call_answers_as_before_and_the_schema_admits_a_handle(studio: Studio):
    async with Client(build_server(studio)) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        result = await client.call_tool("generate", {"description": "a red ball", "generator": "layout"})
    assert_image_result(result)
    assert {"job", "cancel"} <= set(tools) and "job_id" in tools["generate"].output_schema["properties"]
    assert tools["generate"].input_schema["properties"]["wait"]
    await anyio.sleep(0)


class _StdioSession:
    """`limner serve` over stdio spoken to line by line, as a client that can hang up mid-call."""

    def __init__(self):
        import json
        import subprocess
        import sys

        self.json = json
        self.process = subprocess.Popen(
            [sys.executable, "-m", "limner", "serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}})  # fmt: skip
        self.until(lambda m: m.get("id") == 1)
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message: dict) -> None:
        self.process.stdin.write(self.json.dumps(message) + "\n")
        self.process.stdin.flush()

    def until(self, wanted) -> dict:
        while True:
            line = self.process.stdout.readline()
            assert line, f"the server closed its output: {self.process.stderr.read()}"
            message = self.json.loads(line)
            if wanted(message):
                return message

    def start_slow_generate(self) -> None:
        """A slow render asked with a long wait, returned once its first render step is reported."""
        self.send({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
            "name": "generate", "arguments": {**SLOW, "wait": 120}, "_meta": {"progressToken": "slow"}}})  # fmt: skip
        self.until(lambda m: m.get("method") == "notifications/progress" and "step" in m["params"].get("message", ""))

    def hang_up(self, timeout: float = 120) -> tuple[int, str]:
        self.process.stdin.close()
        returncode = self.process.wait(timeout=timeout)
        return returncode, self.process.stderr.read()


def test_a_job_is_finished_and_stored_when_the_client_hangs_up_mid_call(tiny_sd: Path, isolated_home: Path):
    ModelCatalog.for_settings(Settings()).add("tiny", tiny_sd)
    session = _StdioSession()
    session.start_slow_generate()
    returncode, stderr = session.hang_up()  # stdin closes while the call waits: the client went away
    assert returncode == 0, stderr
    assert "finishing 1 running job(s) before exiting" in stderr
    with Studio(isolated_home) as studio:
        assert [r["status"] for r in studio.lineage.db["runs"].rows] == ["succeeded"]
        (record,) = studio.lineage.history()
        assert studio.lineage.verified_bytes(record), "the image was stored, file and rows"


def test_a_client_cancelling_the_call_cancels_its_job(tiny_sd: Path, isolated_home: Path):
    ModelCatalog.for_settings(Settings()).add("tiny", tiny_sd)
    session = _StdioSession()
    session.start_slow_generate()
    session.send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 2, "reason": "stop"}})
    deadline = time.monotonic() + 60
    with Studio(isolated_home) as studio:
        while [r["status"] for r in studio.lineage.db["runs"].rows] != ["cancelled"]:
            assert time.monotonic() < deadline, "the job was not cancelled"
            time.sleep(0.1)
        session.send({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "history", "arguments": {}}})
        assert "result" in session.until(lambda m: m.get("id") == 3), "the server goes on serving"
        returncode, stderr = session.hang_up(timeout=30)
        assert returncode == 0 and "finishing" not in stderr, stderr
        assert studio.lineage.count_images() == 0
