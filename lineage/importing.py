"""What a picture made elsewhere carries, read when it is imported as a root image.

Two kinds of provenance are kept: the AUTOMATIC1111 `parameters` text (a PNG text chunk, or the EXIF
UserComment A1111 writes into JPEG and WebP files) and Limner's own `limner` chunk (provenance.py). What
the file was (format, size, bytes, sha256 of the bytes as sent) goes into the image's settings, so an
import says exactly what came in even though the stored file is a re-encoded PNG.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from limner.lineage.provenance import LIMNER_CHUNK, PARAMETERS_CHUNK
from PIL import Image, ImageOps

IMPORTED = "import"  # an imported image's generator, its run's kind, and the relation it is shown with
MAX_PARAMETERS = 64_000  # characters of a parameters text kept; A1111 writes a few hundred
_EXIF_IFD, _USER_COMMENT, _ORIENTATION = 0x8769, 0x9286, 0x0112
_UNICODE, _ASCII = b"UNICODE\0", b"ASCII\0\0\0"
# A1111's own pattern for its settings line: 'Key: value' pairs, values quoted when they hold separators.
_PAIR = re.compile(r'\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)')
_KEPT_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"}  # what PNG stores as it is


@dataclass(frozen=True)
class Carried:
    """The provenance found in an imported file; None where there is none."""

    parameters: str | None
    limner: dict[str, Any] | None

    def kinds(self) -> list[str]:
        return [name for name, value in (("parameters", self.parameters), ("limner", self.limner)) if value]


@dataclass(frozen=True)
class A1111:
    """The fields of a parameters text that say what was drawn."""

    prompt: str
    negative_prompt: str
    settings: dict[str, str]

    @property
    def seed(self) -> int | None:
        text = self.settings.get("Seed", "")
        return int(text) if text.isdigit() else None


def carried(picture: Image.Image) -> Carried:
    """The parameters text and the Limner chunk of a decoded picture (PNG chunks, or JPEG/WebP EXIF)."""
    text = getattr(picture, "text", None) or {}
    parameters = text.get(PARAMETERS_CHUNK) or _exif_comment(picture)
    limner = None
    if text.get(LIMNER_CHUNK):
        try:
            found = json.loads(text[LIMNER_CHUNK])
            limner = found if isinstance(found, dict) else None
        except (json.JSONDecodeError, RecursionError):
            limner = None
    parameters = parameters.replace("\0", "").strip()[:MAX_PARAMETERS] if parameters else None
    return Carried(parameters=parameters or None, limner=limner)


def _exif_comment(picture: Image.Image) -> str | None:
    """The EXIF UserComment, where A1111 writes its parameters in JPEG and WebP files."""
    try:
        comment = picture.getexif().get_ifd(_EXIF_IFD).get(_USER_COMMENT)
    except Exception:  # a damaged EXIF block is no reason to refuse the picture
        return None
    if isinstance(comment, str):
        return comment
    if not isinstance(comment, bytes) or not comment:
        return None
    prefix, body = comment[:8], comment[8:]
    if prefix == _UNICODE:  # UTF-16, big-endian as the EXIF standard (and piexif) write it; some write little
        endian = "utf-16-be" if body[:1] == b"\0" or len(body) < 2 else "utf-16-le"
        return body.decode(endian, errors="replace")
    if prefix in (_ASCII, b"\0" * 8):  # ASCII, or undefined (A1111 falls back to UTF-8 for these)
        comment = body
    return comment.decode("utf-8", errors="replace")


def read_a1111(parameters: str) -> A1111:
    """Prompt, negative prompt and settings of a parameters text, read as A1111 itself reads it."""
    *lines, last = parameters.strip().split("\n")
    if len(_PAIR.findall(last)) < 3:  # not a settings line: part of the prompts
        lines.append(last)
        last = ""
    prompt, negative, in_negative = [], [], False
    for line in lines:
        if line.startswith("Negative prompt:"):
            in_negative, line = True, line[len("Negative prompt:") :]
        (negative if in_negative else prompt).append(line.strip())
    settings = {key.strip(): value.strip().strip('"') for key, value in _PAIR.findall(last)}
    return A1111(prompt="\n".join(prompt).strip(), negative_prompt="\n".join(negative).strip(), settings=settings)


_NETWORKS = re.compile(r"<[^<>]*>")  # <lora:name:0.8>, <hypernet:...>: extra networks, not words
_WEIGHT = re.compile(r":\s*-?\d+(?:\.\d+)?\s*(?=[)\]])")  # the ':1.2' of '(red fox:1.2)'
_BREAK = re.compile(r"\bBREAK\b")


def a1111_words(prompt: str) -> str:
    """An A1111 prompt as plain words: emphasis brackets and weights, extra networks and BREAK dropped,
    escaped brackets kept as brackets ('(masterpiece:1.2), a [mossy] log <lora:x:1>' -> 'masterpiece, a
    mossy log')."""
    text = _WEIGHT.sub("", _NETWORKS.sub(" ", prompt))
    text = text.replace("\\(", "\0").replace("\\)", "\1")
    text = re.sub(r"[()\[\]{}]", " ", _BREAK.sub(",", text)).replace("\0", "(").replace("\1", ")")
    text = re.sub(r"\s+([,.])", r"\1", re.sub(r"\s+", " ", text))
    return re.sub(r"(,\s*)+", ", ", text).strip(" ,")


def original(data: bytes, picture: Image.Image) -> dict[str, Any]:
    """What came in, for the image's settings: format, size, colour mode, bytes and their sha256."""
    return {
        "format": picture.format,
        "width": picture.width,
        "height": picture.height,
        "mode": picture.mode,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def storable(picture: Image.Image) -> Image.Image:
    """The picture's pixels as a PNG can keep them: turned upright as its EXIF says, in a mode PNG stores
    (CMYK and the like become RGB); colour profiles and transparency travel with it."""
    upright = picture
    try:
        if picture.getexif().get(_ORIENTATION, 1) not in (1, None):
            upright = ImageOps.exif_transpose(picture)  # a copy, made only when it is turned
    except Exception:  # a damaged EXIF block: the pixels as they are
        upright = picture
    if upright.mode in _KEPT_MODES:
        return upright
    alpha = "A" in upright.getbands() or "transparency" in upright.info
    return upright.convert("RGBA" if alpha else "RGB")
