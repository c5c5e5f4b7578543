"""Checking what callers send beyond a request's types: their words, their Scenes and their images."""

from __future__ import annotations

import io

from limner.agents.scene.model import MAX_DESCRIPTION, Scene
from limner.agents.scene.text import clean_text
from limner.agents.workflow.requests import explain
from PIL import Image, UnidentifiedImageError
from pydantic import ValidationError

from limner.errors import InvalidRequest

MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_INPUT_PIXELS = 40_000_000


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


def open_image_bytes(data: bytes) -> Image.Image:
    """An image a caller sent, checked: at most 20 MB and 40 MP, and really an image."""
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidRequest(f"the image is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,} (20 MB)")
    try:
        picture = Image.open(io.BytesIO(data))
        if picture.width * picture.height > MAX_INPUT_PIXELS:
            raise InvalidRequest(f"the image is {picture.width}x{picture.height}; the limit is 40 megapixels")
        picture.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InvalidRequest(f"that is not an image Limner can read (PNG, JPEG, WebP): {exc}") from None
    return picture
