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


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "limner-home"
    monkeypatch.setenv("LIMNER_HOME", str(home))
    # No model hub and no models of the developer's own: an empty Hub cache per test.
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for name in ("LIMNER_MODEL", "LIMNER_DEVICE", "LIMNER_DTYPE", "LIMNER_TINY_VAE", "LIMNER_MEMORY_BUDGET_GB"):
        monkeypatch.delenv(name, raising=False)
    # No chat or vision endpoint of the developer's own either: the llm planner is off unless a test sets one.
    for name in ("LIMNER_GENERATOR", "LIMNER_PLANNER", "LIMNER_TOKEN", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    for prefix in ("LIMNER_LLM", "LIMNER_VISION"):
        for suffix in ("BASE_URL", "API_KEY", "MODEL", "TIMEOUT"):
            monkeypatch.delenv(f"{prefix}_{suffix}", raising=False)
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
