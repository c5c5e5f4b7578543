"""Every test gets its own data folder; nothing touches the real per-user one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from limner.agents import Studio

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


# Every variable Settings reads: none of the developer's own may reach a test (an endpoint, a model, a cache).
_SETTINGS_PREFIXES = ("LIMNER_", "OPENAI_", "HF_", "XDG_CACHE_HOME")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean Settings for every test: its own data folder, an empty Hub cache, no endpoint or model."""
    for name in list(os.environ):
        if name.startswith(_SETTINGS_PREFIXES):
            monkeypatch.delenv(name)
    home = tmp_path / "limner-home"
    monkeypatch.setenv("LIMNER_HOME", str(home))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # no model hub: nothing may try to download
    return home


@pytest.fixture
def studio(isolated_home: Path):
    with Studio(isolated_home) as s:
        yield s


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def limner_listening(*args: str, port: int, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """`limner ARGS` in a subprocess, yielded once `port` accepts connections, and stopped afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "limner", *args],
        env={**(env if env is not None else os.environ), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise AssertionError(f"the server exited: {process.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("the server did not listen within 30 s") from None
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def run_python(*args: str, home: Path, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """A Python subprocess with its own data folder, run as a user runs it."""
    return subprocess.run(
        [sys.executable, *args],
        env={**os.environ, "LIMNER_HOME": str(home)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_limner(*args: str, home: Path, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The `limner` command line in a subprocess."""
    return run_python("-m", "limner", *args, home=home, stdin=stdin, timeout=timeout)
