"""Previews small enough for every MCP client to show inline."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from PIL import Image

MAX_PREVIEW_SIDE = 512
MAX_PREVIEW_BASE64 = 100_000


@dataclass(frozen=True)
class Preview:
    data: str  # base64
    mime_type: str
    width: int
    height: int


def make_preview(
    image: Image.Image,
    *,
    stored_png: bytes | None = None,
    stored_size: int | None = None,
    max_side: int = MAX_PREVIEW_SIDE,
    budget: int = MAX_PREVIEW_BASE64,
) -> Preview:
    """The stored PNG itself when it already fits, else a PNG if it will fit (sharp for drawn layouts),
    else the best JPEG that fits, shrinking if needed.

    `stored_png` (the file's bytes) saves work: an image that needs no shrinking is sent as is, and
    its size tells whether a PNG preview could fit at all before one is encoded. `stored_size` alone (the
    file's size, with `image` its pixels already in memory) tells the second without the bytes.
    """
    scale = min(1.0, max_side / max(image.size))
    if stored_png is not None and scale == 1.0 and _base64_length(len(stored_png)) <= budget:
        return Preview(base64.b64encode(stored_png).decode("ascii"), "image/png", image.width, image.height)
    size_known = len(stored_png) if stored_png is not None else stored_size
    # A PNG shrinks about with its area; if even that guess is over budget, don't spend time encoding one.
    try_png = size_known is None or _base64_length(int(size_known * scale * scale)) <= budget
    image = image.convert("RGB")
    while True:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        small = image.resize(size, Image.Resampling.LANCZOS) if size != image.size else image
        formats = [("PNG", None)] if try_png else []
        for fmt, quality in (*formats, ("JPEG", 88), ("JPEG", 75), ("JPEG", 60)):
            data = _encode(small, fmt, quality)
            if len(data) <= budget:
                return Preview(data, f"image/{fmt.lower()}", small.width, small.height)
        scale *= 0.75


def sendable_as_is(size: int, width: int, height: int) -> bool:
    """Whether a stored PNG of `size` bytes is its own preview (small enough in pixels and in bytes)."""
    return max(width, height) <= MAX_PREVIEW_SIDE and _base64_length(size) <= MAX_PREVIEW_BASE64


def _base64_length(byte_count: int) -> int:
    return 4 * ((byte_count + 2) // 3)


def _encode(image: Image.Image, fmt: str, quality: int | None) -> str:
    buffer = io.BytesIO()
    if fmt == "PNG":
        image.save(buffer, format="PNG", optimize=False, compress_level=6)
    else:
        image.save(buffer, format="JPEG", quality=quality)  # optimize=True: ~3x the time for ~3% less
    return base64.b64encode(buffer.getvalue()).decode("ascii")


THUMBNAIL_SIDE = 96


def make_thumbnail(image: Image.Image, *, side: int = THUMBNAIL_SIDE) -> Preview:
    """A small JPEG (about `side` pixels on its longer side) for lists of images, a few KB each."""
    small = image.convert("RGB")
    small.thumbnail((side, side), Image.Resampling.LANCZOS)
    return Preview(_encode(small, "JPEG", 80), "image/jpeg", small.width, small.height)
