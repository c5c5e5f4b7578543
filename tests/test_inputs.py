"""Images callers send: only PNG, JPEG and WebP, checked from the header, decoded within a memory budget."""

from __future__ import annotations

import io

import pytest
from limner.agents.workflow.inputs import MAX_INPUT_PIXELS, WORKING_SIDE, open_image_bytes
from PIL import Image

from limner.errors import InvalidRequest


def encoded(size: tuple[int, int], format: str, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 30) if mode == "RGB" else 1).save(buffer, format=format)
    return buffer.getvalue()


@pytest.mark.parametrize("format", ["PNG", "JPEG", "WEBP"])
def test_the_documented_formats_are_read(format: str):
    with open_image_bytes(encoded((64, 48), format)) as picture:
        assert picture.size == (64, 48)


@pytest.mark.parametrize("format", ["TIFF", "BMP", "GIF", "ICO"])
def test_other_formats_are_refused_by_name(format: str):
    with pytest.raises(InvalidRequest, match=f"the image is {format}; send a PNG, JPEG or WebP"):
        open_image_bytes(encoded((32, 32), format))


def test_too_many_pixels_are_refused_from_the_header_before_decoding():
    side = int(MAX_INPUT_PIXELS**0.5) + 10
    data = encoded((side, side), "PNG", mode="1")  # a few KB of bytes, over 40 MP of pixels
    assert len(data) < 200_000
    with pytest.raises(InvalidRequest, match=f"{side}x{side}; the limit is 40 megapixels"):
        open_image_bytes(data)


@pytest.mark.parametrize("format", ["PNG", "JPEG"])
def test_a_large_image_comes_back_reduced_to_the_working_size(format: str):
    with open_image_bytes(encoded((6000, 3000), format)) as picture:
        assert max(picture.size) == WORKING_SIDE and picture.size[0] == 2 * picture.size[1]


def test_bytes_that_are_not_an_image_say_what_to_send():
    with pytest.raises(InvalidRequest, match="send a PNG, JPEG or WebP"):
        open_image_bytes(b"GIF89a but not really" * 10)
