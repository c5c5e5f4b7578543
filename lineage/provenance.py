"""Provenance carried inside each PNG, so an image explains itself wherever it is copied.

Two chunks: `parameters`, the text block AUTOMATIC1111's web UI writes (ComfyUI, Civitai and image
viewers read it), and `limner`, JSON with the Scene and the lineage ids.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from PIL import Image, PngImagePlugin

LIMNER_CHUNK = "limner"
PARAMETERS_CHUNK = "parameters"


@dataclass(frozen=True)
class Provenance:
    parameters: str | None
    limner: dict[str, Any] | None


def a1111_parameters(
    *,
    prompt: str,
    negative_prompt: str,
    steps: int | None,
    sampler: str | None,
    guidance: float | None,
    seed: int,
    width: int,
    height: int,
    model: str,
    extra: dict[str, Any] | None = None,
) -> str:
    """The A1111 text: prompt line, 'Negative prompt:' line, then 'Key: value' pairs joined by ', '."""
    pairs: dict[str, Any] = {
        "Steps": steps,
        "Sampler": sampler,
        "CFG scale": guidance,
        "Seed": seed,
        "Size": f"{width}x{height}",
        "Model": model,
        **(extra or {}),
    }
    settings = ", ".join(f"{key}: {_a1111_value(value)}" for key, value in pairs.items() if value is not None)
    lines = [prompt]
    if negative_prompt:
        lines.append(f"Negative prompt: {negative_prompt}")
    lines.append(settings)
    return "\n".join(lines)


def _a1111_value(value: Any) -> str:
    # A1111 quotes values that contain its own separators so readers can split the line safely.
    text = str(value)
    return json.dumps(text) if any(c in text for c in ",:\n") else text


def encode_png(image: Image.Image, *, parameters: str, limner: dict[str, Any]) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text(PARAMETERS_CHUNK, parameters)
    info.add_itxt(LIMNER_CHUNK, json.dumps(limner, ensure_ascii=False, separators=(",", ":")), zip=True)
    buffer = io.BytesIO()
    # Level 1: about a third of level 4's time for files some 7% larger (bench/overhead.py).
    image.save(buffer, format="PNG", pnginfo=info, compress_level=1)
    return buffer.getvalue()


def read_provenance(source: bytes | str) -> Provenance:
    """The chunks of a PNG given as bytes or a path; fields are None where a chunk is missing or unreadable."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
    with stream, Image.open(stream) as image:
        text = getattr(image, "text", {}) or {}
    limner = None
    if LIMNER_CHUNK in text:
        try:
            limner = json.loads(text[LIMNER_CHUNK])
        except json.JSONDecodeError:
            limner = None
    return Provenance(parameters=text.get(PARAMETERS_CHUNK), limner=limner)
