"""The MCP server started for real, as `limner serve`: over stdio, and over streamable HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from conftest import free_port, limner_listening
from limner.lineage import Lineage
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp_helpers import assert_image_result

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

INITIALIZE = (
    b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
    b'"capabilities":{},"clientInfo":{"name":"probe","version":"0"}}}'
)


@pytest.fixture
def anyio_backend():
    return "asyncio"


def serve_env(home: Path) -> dict[str, str]:
    return {**os.environ, "LIMNER_HOME": str(home), "PYTHONUNBUFFERED": "1"}


@contextmanager
def http_server(home: Path, host: str = "127.0.0.1", *extra: str):
    """`limner serve --http HOST:PORT ...` in a subprocess, yielded as its MCP URL once it listens."""
    port = free_port()
    with limner_listening("serve", "--http", f"{host}:{port}", *extra, port=port, env=serve_env(home)):
        yield f"http://127.0.0.1:{port}/mcp"


def post(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(
        url,
        data=INITIALIZE,
        method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json, text/event-stream", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


async def test_stdio_lists_tools_and_generates_into_sqlite_and_file(tmp_path: Path):
    home = tmp_path / "stdio-home"
    params = StdioServerParameters(command=sys.executable, args=["-m", "limner", "serve"], env=serve_env(home))
    async with Client(params) as client:
        names = {t.name for t in (await client.list_tools()).tools}
        assert {"generate", "show", "history"} <= names
        result = await client.call_tool("generate", {"description": "a lighthouse at dusk, watercolor", "seed": 5})
        data = assert_image_result(result)
    store = Lineage(home)
    record = store.image(data["image_id"])
    assert record.seed == 5 and record.path == Path(data["path"])
    assert store.scene(record.scene_id)["intent"] == "a lighthouse at dusk, watercolor"
    store.close()


async def test_http_lists_tools_and_generates(tmp_path: Path):
    home = tmp_path / "http-home"
    with http_server(home) as url:
        async with Client(url) as client:
            names = {t.name for t in (await client.list_tools()).tools}
            assert {"generate", "show", "history"} <= names
            data = assert_image_result(await client.call_tool("generate", {"description": "two red apples"}))
            contents = (await client.read_resource(data["uri"])).contents
            assert contents[0].mime_type == "image/png"
    assert Lineage(home).image(data["image_id"]).path.is_file()


def test_http_on_loopback_rejects_foreign_host_and_origin_headers(tmp_path: Path):
    with http_server(tmp_path / "home") as url:
        assert post(url, {}) == 200
        assert post(url, {"Host": "attacker.example"}) in (400, 421)
        assert post(url, {"Origin": "http://attacker.example"}) in (400, 403)
        assert post(url, {"Origin": "http://localhost:3000"}) == 200


def test_binding_beyond_loopback_without_a_token_is_refused(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "limner", "serve", "--http", f"0.0.0.0:{free_port()}"],
        env=serve_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "--token" in result.stderr and "LIMNER_TOKEN" in result.stderr
    assert "serving" not in result.stderr, "refused before anything is served"


@pytest.mark.parametrize("token, complaint", [(" ", "blank"), ("x", "too short"), ("fifteen-chars!!", "too short")])
def test_a_blank_or_short_token_is_refused_at_start_up(tmp_path: Path, token: str, complaint: str):
    env = {**serve_env(tmp_path / "home"), "LIMNER_TOKEN": token}
    result = subprocess.run(
        [sys.executable, "-m", "limner", "serve", "--http", f"0.0.0.0:{free_port()}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and complaint in result.stderr and "at least 16 characters" in result.stderr
    assert "serving" not in result.stderr


TOKEN = "s3cret-token-of-24-chars"


async def test_binding_beyond_loopback_requires_the_bearer_token(tmp_path: Path):
    with http_server(tmp_path / "home", "0.0.0.0", "--token", TOKEN) as url:
        assert post(url, {}) == 401
        assert post(url, {"Authorization": "Bearer wrong"}) == 401
        assert post(url, {"Authorization": f"Bearer {TOKEN}x"}) == 401
        assert post(url, {"Authorization": f"Bearer {TOKEN}"}) == 200
        assert post(url, {"Authorization": f"bearer {TOKEN}"}) == 200, "the scheme is case-insensitive"
        assert post(url, {"Authorization": f"BEARER  {TOKEN}"}) == 200
        assert post(url, {"Authorization": TOKEN}) == 401, "the scheme is required"
        async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"}) as http:
            async with Client(streamable_http_client(url, http_client=http)) as client:
                assert_image_result(await client.call_tool("generate", {"description": "a blue boat"}))


def _raw_stdio_session(home: Path, version: str, calls: list[dict]) -> list[dict]:
    """A bare JSON-RPC client over stdio, as old SDKs and the Inspector speak it: initialize at `version`,
    then each call; the responses in order."""
    process = subprocess.Popen(
        [sys.executable, "-m", "limner", "serve"],
        env=serve_env(home),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        *({"jsonrpc": "2.0", "id": n + 2, **call} for n, call in enumerate(calls)),
    ]  # fmt: skip
    replies: list[dict] = []
    try:
        for message in messages:
            process.stdin.write(json.dumps(message) + "\n")
            process.stdin.flush()
            if "id" not in message:
                continue
            while True:
                reply = json.loads(process.stdout.readline())
                if reply.get("id") == message["id"]:
                    replies.append(reply)
                    break
    finally:
        process.stdin.close()
        process.terminate()
        process.wait(timeout=10)
    return replies


@pytest.mark.parametrize("version", ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"])
def test_image_results_carry_only_what_the_negotiated_protocol_knows(tmp_path: Path, version: str):
    generate = {"method": "tools/call", "params": {"name": "generate", "arguments": {"description": "a red ball"}}}
    history = {"method": "tools/call", "params": {"name": "history", "arguments": {}}}
    initialized, made, listed = _raw_stdio_session(tmp_path / "home", version, [generate, history])
    assert initialized["result"]["protocolVersion"] == version
    result = made["result"]
    assert not result.get("isError"), result
    kinds = [item["type"] for item in result["content"]]
    modern = version >= "2025-06-18"
    assert kinds == (["text", "image", "resource_link"] if modern else ["text", "image"])
    assert ("structuredContent" in result) == modern
    assert "limner://images/" in result["content"][0]["text"], "the text names the image's URI for every client"
    assert listed["result"]["content"][0]["text"].count("\n") == 0, "one short line per image"
