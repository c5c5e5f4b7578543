"""Previews fit every MCP client: at most 512 px on the long side and 100,000 base64 characters."""

from __future__ import annotations

import base64
import io
import random

import pytest
from limner.server.preview import make_preview
from PIL import Image


def noise(width: int, height: int) -> Image.Image:
    rng = random.Random(0)
    return Image.frombytes("RGB", (width, height), bytes(rng.getrandbits(8) for _ in range(width * height * 3)))


@pytest.mark.parametrize("size", [(2048, 1024), (512, 512), (100, 60), (64, 2048)])
def test_noisy_images_are_shrunk_and_recompressed_to_fit(size):
    preview = make_preview(noise(*size))
    assert len(preview.data) <= 100_000
    decoded = Image.open(io.BytesIO(base64.b64decode(preview.data)))
    assert max(decoded.size) <= 512
    assert decoded.size == (preview.width, preview.height)
    assert preview.mime_type in ("image/png", "image/jpeg")


def test_a_flat_image_stays_a_sharp_png_at_full_preview_size():
    preview = make_preview(Image.new("RGB", (1024, 512), (10, 120, 200)))
    assert preview.mime_type == "image/png" and (preview.width, preview.height) == (512, 256)


def test_a_small_stored_png_is_sent_as_it_is():
    image = Image.new("RGB", (512, 384), (10, 120, 200))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    preview = make_preview(image, stored_png=buffer.getvalue())
    assert base64.b64decode(preview.data) == buffer.getvalue() and preview.mime_type == "image/png"


def test_a_busy_image_goes_straight_to_a_jpeg_that_fits():
    image = noise(512, 512)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    preview = make_preview(image, stored_png=buffer.getvalue())
    assert preview.mime_type == "image/jpeg" and len(preview.data) <= 100_000
