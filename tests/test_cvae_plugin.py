"""A real third-party generator plugin, examples/cvae_plugin, installed with pip and found by its entry point.

The plugin is installed into this test environment once per session (and removed again afterwards if
it was not installed before). Everything that must find it through the `limner` entry-point group runs
in a fresh subprocess, since a process reads entry points once and keeps its registry.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_limner, run_python
from limner.generators.base import RenderControl, RenderItem, RenderSpec
from limner.lineage import Lineage, read_provenance
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp_helpers import assert_image_result
from PIL import Image, ImageChops

PLUGIN = REPO / "examples" / "cvae_plugin"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def cvae_installed():
    """`pip install -e examples/cvae_plugin`, offline: no dependencies fetched, no isolated build environment."""
    try:
        importlib.metadata.distribution("limner-cvae")
        already = True
    except importlib.metadata.PackageNotFoundError:
        already = False
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "-e", str(PLUGIN)],
        check=True,
    )  # fmt: skip
    yield
    if not already:  # leave the environment as the session found it
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "--quiet", "--yes", "limner-cvae"], check=True)


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_doctor_lists_the_plugin_generator(cvae_installed, isolated_home: Path):
    result = run_limner("doctor", home=isolated_home)
    assert result.returncode == 0, result.stderr
    generators = next(line for line in result.stdout.splitlines() if line.startswith("generators"))
    assert "cvae" in generators.split(None, 1)[1].replace(",", " ").split()
    # Installed but never the default by itself: it registers without a priority.
    default = next((line for line in result.stdout.splitlines() if line.startswith("default generator")), "")
    assert "cvae" not in default


def test_a_fresh_registry_holds_the_plugin_generator(cvae_installed, isolated_home: Path):
    code = "from limner.plugins import registry; print(','.join(registry().names('generator')))"
    result = run_python("-c", code, home=isolated_home)
    assert result.returncode == 0, result.stderr
    names = result.stdout.strip().split(",")
    assert "cvae" in names and "layout" in names


def test_cli_generates_with_the_plugin_into_lineage_with_provenance(cvae_installed, isolated_home: Path):
    args = ("generate", "a red circle left of a blue square", "--generator", "cvae", "--seed", "7")
    result = run_limner(*args, "--width", "320", "--height", "256", "--json", home=isolated_home)
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)
    assert made["generator"] == "cvae"
    assert (made["width"], made["height"]) == (320, 256)
    # The plugin's own record of what it drew travels with the image.
    assert "red circle" in made["settings"]["drawn"]
    path = Path(made["path"])
    with Image.open(path) as image:
        assert image.size == (320, 256) and image.mode == "RGB"

    shown = run_limner("show", made["image_id"], "--json", home=isolated_home)
    assert shown.returncode == 0, shown.stderr
    details = json.loads(shown.stdout)
    assert details["image_id"] == made["image_id"] and details["generator"] == "cvae"
    assert Path(details["path"]) == path

    provenance = read_provenance(str(path))
    assert provenance.limner["image_id"] == made["image_id"]
    assert "Seed: 7" in provenance.parameters and "Size: 320x256" in provenance.parameters


@pytest.mark.anyio
async def test_mcp_generate_tool_uses_the_plugin(cvae_installed, isolated_home: Path):
    env = {**os.environ, "LIMNER_HOME": str(isolated_home), "PYTHONUNBUFFERED": "1"}
    params = StdioServerParameters(command=sys.executable, args=["-m", "limner", "serve"], env=env)
    async with Client(params) as client:
        result = await client.call_tool(
            "generate", {"description": "two yellow stars and a green ball", "generator": "cvae", "seed": 11}
        )
        data = assert_image_result(result)
    assert data["generator"] == "cvae"
    store = Lineage(isolated_home)
    try:
        record = store.image(data["image_id"])
        assert record.generator == "cvae" and record.seed == 11 and record.path.is_file()
        assert [image.id for image in store.history()][:1] == [data["image_id"]]
    finally:
        store.close()


# The generator itself, imported from the plugin's source folder: no install, no Studio.


@pytest.fixture
def cvae(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(PLUGIN))
    from limner_cvae.generator import CVAEGenerator

    return CVAEGenerator()


def spec(*items: RenderItem, seed: int = 3, width: int = 256, height: int = 192) -> RenderSpec:
    return RenderSpec(prompt="shapes", width=width, height=height, seed=seed, items=items)


def test_same_seed_same_pixels_and_another_seed_other_pixels(cvae):
    items = (
        RenderItem("circle", color="red", box=(0.05, 0.2, 0.4, 0.5)),
        RenderItem("box", color="blue", box=(0.55, 0.2, 0.4, 0.5)),
    )
    first, second = cvae.render(spec(*items)), cvae.render(spec(*items))
    other = cvae.render(spec(*items, seed=4))
    assert first.image.size == (256, 192) and first.image.mode == "RGB"
    assert ImageChops.difference(first.image, second.image).getbbox() is None
    assert ImageChops.difference(first.image, other.image).getbbox() is not None
    assert first.settings["drawn"] == "red circle; blue square" and first.settings["not_drawn"] is None
    assert set(first.settings) >= {"seed", "weights"} and first.generator == "cvae"


def test_each_object_is_drawn_in_its_box_and_its_colour(cvae):
    rendered = cvae.render(spec(RenderItem("ball", color="red", box=(0.0, 0.0, 0.5, 1.0))))
    pixels = rendered.image.load()
    left = [pixels[x, y] for x in range(0, 128, 4) for y in range(0, 192, 4)]
    right = [pixels[x, y] for x in range(132, 256, 4) for y in range(0, 192, 4)]
    reds = [p for p in left if p[0] > 150 and p[1] < 100 and p[2] < 100]
    assert len(reds) > len(left) / 5  # the left half holds a large red form
    assert len(set(right)) == 1  # the right half is untouched background


def test_what_it_cannot_draw_is_listed_not_faked(cvae):
    blank = cvae.render(spec(seed=5))
    rendered = cvae.render(
        spec(
            RenderItem("dog", color="brown", box=(0.1, 0.1, 0.3, 0.3)),
            RenderItem("star", color="pink", box=(0.6, 0.1, 0.3, 0.3)),
            seed=5,
        )
    )
    assert "dog (unknown shape" in rendered.settings["not_drawn"]
    assert "pink star (unknown colour" in rendered.settings["not_drawn"]
    assert rendered.settings["drawn"] is None
    assert ImageChops.difference(blank.image, rendered.image).getbbox() is None  # nothing stood in for them


def test_near_colours_and_synonyms_are_drawn_and_noted(cvae):
    rendered = cvae.render(
        spec(RenderItem("pyramids", count=2, color="crimson"), RenderItem("sphere", color="light blue"))
    )
    assert rendered.settings["drawn"] == "red triangle x2; blue circle"
    assert (
        "crimson drawn as red" in rendered.settings["notes"]
        and "light blue drawn as blue" in rendered.settings["notes"]
    )


def test_cancelled_before_work_raises_and_progress_is_reported(cvae):
    import threading

    from limner.errors import Cancelled

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        cvae.render(spec(RenderItem("circle", color="red")), RenderControl(cancel=cancel))
    steps: list[tuple[int, int]] = []
    cvae.render(
        spec(RenderItem("circle", color="red", count=3)), RenderControl(on_step=lambda d, t: steps.append((d, t)))
    )
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert cvae.prompt_tokens() == 75
