"""Every test gets its own data folder; nothing touches the real per-user one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
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
