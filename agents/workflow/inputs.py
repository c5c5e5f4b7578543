"""Checking what callers send beyond a request's types: their words, their Scenes and their images."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

from limner.agents.scene.model import MAX_DESCRIPTION, Scene
from limner.agents.scene.text import clean_text
from limner.agents.workflow.requests import explain
from PIL import Image, UnidentifiedImageError
from pydantic import ValidationError

from limner.errors import InvalidRequest

MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_INPUT_PIXELS = 40_000_000
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP")
# Captioners and judges look at a few hundred pixels a side; nothing needs a caller's image larger than this.
WORKING_SIDE = 2048
# A 40 MP image takes about 120 MB while it decodes: two worker threads decode, the other callers wait.
# Decoding on the same two threads also keeps the freed memory reusable: the C allocator keeps memory
# per thread, so sixteen callers decoding on their own threads would each keep a peak's worth.
_DECODER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="limner-decode")


def checked_instruction(instruction: str) -> str:
    return _checked_words(instruction, "instruction", "say what to change, e.g. 'make the sky stormier'")


def checked_description(description: str) -> str:
    return _checked_words(description, "description", "say what to draw, e.g. 'a lighthouse at dusk, watercolor'")


def _checked_words(text: str, what: str, example: str) -> str:
    """The caller's words cleaned of control characters; empty or overlong words are the caller's error."""
    cleaned = clean_text(text or "")
    if not cleaned:
        raise InvalidRequest(f"the {what} is empty: {example}")
    if len(cleaned) > MAX_DESCRIPTION:
        raise InvalidRequest(f"the {what} is {len(cleaned)} characters; shorten it to at most {MAX_DESCRIPTION}")
    return cleaned


def complete_scene(fields: dict) -> Scene:
    """A complete Scene the caller wrote, validated; its errors in one message that says what to fix."""
    try:
        return Scene.model_validate(fields)
    except ValidationError as exc:
        raise InvalidRequest(
            "invalid scene: " + explain(exc) + " (a sketch needs the description beside it; a Scene sent alone "
            "must be complete)"
        ) from None


def open_image_bytes(data: bytes, *, working_side: int | None = WORKING_SIDE) -> Image.Image:
    """An image a caller sent (PNG, JPEG or WebP, at most 20 MB and 40 MP), decoded within a memory budget.

    The format and size are read from the header before any pixel is decoded; two threads decode, so at
    most two images are decoding at once. What comes back is at most `working_side` pixels a side (a JPEG
    decodes straight to a reduced scale), so a huge input is not held in memory while it is looked at;
    `working_side=None` keeps every pixel (an import stores the picture as it is, up to the 40 MP limit).
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidRequest(f"the image is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,} (20 MB)")
    try:
        picture = Image.open(io.BytesIO(data))  # reads the header only
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InvalidRequest(f"that is not an image Limner can read (send a PNG, JPEG or WebP): {exc}") from None
    if picture.format not in ACCEPTED_FORMATS:
        raise InvalidRequest(f"the image is {picture.format}; send a PNG, JPEG or WebP")
    if picture.width * picture.height > MAX_INPUT_PIXELS:
        raise InvalidRequest(f"the image is {picture.width}x{picture.height}; the limit is 40 megapixels")
    return _DECODER.submit(_decoded, picture, working_side).result()


def _decoded(picture: Image.Image, working_side: int | None) -> Image.Image:
    try:
        if picture.format == "JPEG" and working_side is not None:
            picture.draft("RGB", (working_side, working_side))  # decode at 1/2, 1/4 or 1/8 scale
        picture.load()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InvalidRequest(f"the image could not be decoded (send a PNG, JPEG or WebP): {exc}") from None
    if working_side is not None and max(picture.size) > working_side:
        picture.thumbnail((working_side, working_side))
    return picture
