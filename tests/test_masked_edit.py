"""Refines confined to part of the picture: the edited objects' boxes, an explicit region, or a mask image.

Every pixel outside the mask must be the parent's own; inside, the edit may paint. Whole-picture edits
(light, time, style) still render afresh. The layout generator is used here (it draws the whole child and
the rest is put back); tests/test_diffusers_generator.py does the same with a real inpainting pipeline.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest
from conftest import run_limner
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client
from PIL import Image

from limner.errors import InvalidRequest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def pixels(path: str | Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def changed(parent, child) -> np.ndarray:
    return np.abs(pixels(parent.path) - pixels(child.path)).sum(axis=-1) > 0


def stored_mask(studio: Studio, image_id: str) -> np.ndarray:
    return np.asarray(Image.open(studio.show(image_id).mask_path).convert("L"))


def test_an_object_edit_changes_only_inside_its_mask(studio: Studio):
    parent = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    child = studio.refine(parent.image_id, "make the ball green")
    assert child.mode == "masked edit" and 0 < child.masked < 0.5
    mask = stored_mask(studio, child.image_id)
    assert mask.shape == (512, 512)
    moved = changed(parent, child)
    assert not moved[mask == 0].any(), "outside the mask every pixel is the parent's"
    assert moved[mask == 255].any(), "inside it the ball was repainted"
    cube = parent.scene.objects[1].box
    x, y, w, h = (int(v * 512) for v in cube)
    assert not moved[y : y + h, x : x + w].any(), "the cube, which was not edited, did not change"


def test_a_whole_picture_edit_still_renders_afresh(studio: Studio):
    parent = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    night = studio.refine(parent.image_id, "make it night")
    assert night.mode == "fresh render" and night.masked is None
    assert studio.show(night.image_id).mask_path is None


def test_an_explicit_region_confines_any_edit(studio: Studio):
    parent = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    child = studio.refine(parent.image_id, "make it night", region=[0.5, 0, 0.5, 1])
    assert child.mode == "masked edit" and child.masked == pytest.approx(0.57, abs=0.03)
    moved = changed(parent, child)
    assert not moved[:, :200].any() and moved[:, 300:].any(), "only the right half changed"
    in_pixels = studio.refine(parent.image_id, "make it night", region=[256, 0, 256, 512])
    assert in_pixels.masked == child.masked, "a region in pixels means the same"
    with pytest.raises(InvalidRequest, match="outside the picture"):
        studio.refine(parent.image_id, "make it night", region=[2000, 0, 10, 10])


def test_a_mask_image_says_where_to_paint(studio: Studio):
    parent = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    mask = Image.new("L", (128, 128), 0)
    mask.paste(255, (0, 0, 64, 128))  # the left half, at another size: it is scaled to the picture
    buffer = io.BytesIO()
    mask.save(buffer, format="PNG")
    child = studio.refine(parent.image_id, "make it night", mask_image=buffer.getvalue())
    assert child.mode == "masked edit"
    moved = changed(parent, child)
    assert not moved[:, 262:].any() and moved[:, :250].any()


async def test_refine_over_mcp_takes_a_region_and_show_gives_the_mask(studio: Studio):
    parent = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    async with Client(build_server(studio)) as client:
        result = await client.call_tool(
            "refine", {"image_id": parent.image_id, "instruction": "make the cube yellow", "region": [0.5, 0, 0.5, 1]}
        )
        assert not result.is_error and result.structured_content["mode"] == "masked edit"
        child_id = result.structured_content["image_id"]
        shown = await client.call_tool("show", {"image_id": child_id})
        assert shown.structured_content["mask_uri"] == f"limner://masks/{child_id}"
        mask = (await client.read_resource(f"limner://masks/{child_id}")).contents[0]
        assert mask.mime_type == "image/png"
        png = base64.b64decode(mask.blob)
        assert Image.open(io.BytesIO(png)).size == (512, 512)
    printed = run_limner("show", child_id, home=studio.settings.home)
    assert "mask" in printed.stdout and ".png" in printed.stdout


def test_the_command_line_takes_a_region_and_a_mask_file(studio: Studio, tmp_path: Path):
    parent = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    home = studio.settings.home
    by_region = run_limner("refine", parent.image_id, "make it night", "--region", "0.5", "0", "0.5", "1", home=home)
    assert by_region.returncode == 0, by_region.stderr
    mask = tmp_path / "mask.png"
    Image.new("L", (512, 512), 255).save(mask)
    by_file = run_limner("refine", parent.image_id, "make it night", "--mask-image", str(mask), "--json", home=home)
    assert by_file.returncode == 0, by_file.stderr
    assert '"mode": "masked edit"' in by_file.stdout
