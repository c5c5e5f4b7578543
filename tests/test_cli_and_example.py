"""The `limner` command line and the example script, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, run_limner, run_python
from PIL import Image, ImageChops

limner = run_limner


def test_generate_prints_id_path_and_a_summary(isolated_home: Path):
    result = limner("generate", "two red apples on a wooden table, watercolor", home=isolated_home)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    image_id, path = first.split("  ", 1)
    assert len(image_id) == 12 and Path(path).is_file()
    assert "apple" in second and "watercolor" in second and "seed" in second


def test_generate_json_seed_and_size_for_scripts(isolated_home: Path):
    args = ("generate", "a lighthouse at dusk", "--seed", "42", "--width", "640", "--height", "384", "--json")
    first = json.loads(limner(*args, home=isolated_home).stdout)
    second = json.loads(limner(*args, home=isolated_home).stdout)
    assert first["seed"] == 42 and (first["width"], first["height"]) == (640, 384)
    assert first["generator"] == "layout" and first["scene"]["intent"] == "a lighthouse at dusk"
    with Image.open(first["path"]) as a, Image.open(second["path"]) as b:
        assert a.size == (640, 384)
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def test_generate_renders_a_scene_file_or_stdin(isolated_home: Path, tmp_path: Path):
    scene = {"intent": "a cat", "prompt": "a cat", "objects": [{"name": "cat", "attributes": {"color": "black"}}]}
    path = tmp_path / "scene.json"
    path.write_text(json.dumps(scene))
    from_file = json.loads(limner("generate", "--scene", str(path), "--json", home=isolated_home).stdout)
    from_stdin = json.loads(limner("generate", "--scene", "-", "--json", home=isolated_home, stdin=json.dumps(scene)).stdout)
    assert from_file["scene"]["objects"] == from_stdin["scene"]["objects"]
    assert from_file["planner"] is None


def test_history_lists_newest_first_and_show_explains_an_image(isolated_home: Path):
    ids = [
        json.loads(limner("generate", text, "--json", home=isolated_home).stdout)["image_id"]
        for text in ("a red ball", "a blue boat")
    ]
    history = limner("history", home=isolated_home).stdout.splitlines()
    assert [line.split()[0] for line in history] == ids[::-1]
    assert "blue boat" in history[0]
    shown = limner("show", ids[0][:5], home=isolated_home)
    assert shown.returncode == 0
    assert f"image     {ids[0]}" in shown.stdout and "parent    none" in shown.stdout
    assert '"intent": "a red ball"' in shown.stdout
    assert json.loads(limner("show", ids[0], "--json", home=isolated_home).stdout)["image_id"] == ids[0]


def test_an_empty_history_says_how_to_start(isolated_home: Path):
    assert "limner generate" in limner("history", home=isolated_home).stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (("generate",), "needs a description"),
        (("generate", "a cat", "--width", "100"), "multiple of 8"),
        (("generate", "a cat", "--generator", "nope"), "available:"),
        (("generate", "--scene", "/no/such/file.json"), "cannot read the scene file"),
        (("show", "abcdef123456"), "limner history"),
    ],
)
def test_mistakes_exit_2_with_a_message_and_no_traceback(isolated_home: Path, args, says):
    result = limner(*args, home=isolated_home)
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr


def test_schema_prints_the_scene_json_schema(isolated_home: Path):
    assert json.loads(limner("schema", home=isolated_home).stdout)["title"] == "Scene"


def test_the_example_script_runs(isolated_home: Path):
    result = run_python(str(REPO / "examples" / "quickstart.py"), "a red ball left of a blue box", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "made " in result.stdout and "from the same Scene and seed" in result.stdout
    assert "refined into" in result.stdout and "time_of_day" in result.stdout
    assert "check entity:0" in result.stdout and "Seed: " in result.stdout


def test_the_core_install_works_without_any_model_library(isolated_home: Path):
    """What `pip install limner` gives, without extras: generate, history and doctor still work."""
    blocked = ("torch", "diffusers", "transformers", "huggingface_hub", "openai", "accelerate")
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None  # importing any of them now fails\n"
        "from limner.server.cli import main\n"
        "assert main(['generate', 'a lighthouse at dusk, watercolor']) == 0\n"
        "assert main(['history']) == 0\n"
        "assert main(['doctor']) == 0\n"
        "assert main(['models', 'list']) == 0\n"
    )
    result = run_python("-c", code, home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "lighthouse" in result.stdout and "default generator  layout" in result.stdout


def test_the_mcp_client_example_runs_against_a_real_server(isolated_home: Path):
    result = run_python(str(REPO / "examples" / "mcp_client.py"), "a red boat at sea", "make it night", home=isolated_home)
    assert result.returncode == 0, result.stderr
    listed = next(line for line in result.stdout.splitlines() if line.startswith("tools: "))
    assert {"generate", "refine", "caption", "evaluate", "show", "history", "search", "lineage"} <= set(
        listed.removeprefix("tools: ").split(", ")
    )
    assert "Made image" in result.stdout and "~ time_of_day: (none) -> night" in result.stdout
    assert "bytes of image/png" in result.stdout
