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


def make_preview(image: Image.Image, *, max_side: int = MAX_PREVIEW_SIDE, budget: int = MAX_PREVIEW_BASE64) -> Preview:
    """A PNG if it fits the budget (sharp for drawn layouts), else the best JPEG that does, shrinking if needed."""
    image = image.convert("RGB")
    scale = min(1.0, max_side / max(image.size))
    while True:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        small = image.resize(size, Image.Resampling.LANCZOS) if size != image.size else image
        for fmt, quality in (("PNG", None), ("JPEG", 88), ("JPEG", 75), ("JPEG", 60)):
            data = _encode(small, fmt, quality)
            if len(data) <= budget:
                return Preview(data, f"image/{fmt.lower()}", small.width, small.height)
        scale *= 0.75


def _encode(image: Image.Image, fmt: str, quality: int | None) -> str:
    buffer = io.BytesIO()
    if fmt == "PNG":
        image.save(buffer, format="PNG", optimize=False, compress_level=6)
    else:
        image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")
