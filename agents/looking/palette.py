"""The `palette` captioner: says what can be measured (colours, light, where the mass sits) and no more.

It runs offline in milliseconds with no model. Its captions are marked `semantic=False` and say in words
that they come from measurement, so neither a person nor an evaluator takes them for a description of
what the picture shows.
"""

from __future__ import annotations

from typing import ClassVar

from limner.agents.looking.captioner import Caption, Detail
from limner.agents.looking.measure import Measurements, colors_in, describe_colors, measure
from PIL import Image

_QUADRANTS = (
    ("top left", (0.0, 0.0, 0.5, 0.5)),
    ("top right", (0.5, 0.0, 0.5, 0.5)),
    ("bottom left", (0.0, 0.5, 0.5, 0.5)),
    ("bottom right", (0.5, 0.5, 0.5, 0.5)),
)
_NOTE = "Measured from pixels only; it says nothing about what the picture shows."


class PaletteCaptioner:
    name: ClassVar[str] = "palette"
    semantic: ClassVar[bool] = False

    def caption(self, image: Image.Image, *, detail: Detail = "short") -> Caption:
        measured = measure(image)
        numbers = measured.as_dict()
        text = measured.describe()
        if detail == "detailed":
            quadrants = {place: colors_in(image, box, top=3) for place, box in _QUADRANTS}
            numbers["quadrants"] = {place: [[n, round(s, 3)] for n, s in found] for place, found in quadrants.items()}
            text = " ".join([text, _quadrant_sentences(quadrants), _numbers_sentence(measured), _NOTE])
        return Caption(text=text, captioner=self.name, model=None, detail=detail, semantic=False, measurements=numbers)


def _quadrant_sentences(quadrants: dict[str, list[tuple[str, float]]]) -> str:
    parts = [f"{place}: {_lower_first(describe_colors(found))}" for place, found in quadrants.items()]
    return "By quarter, " + "; ".join(parts) + "."


def _numbers_sentence(measured: Measurements) -> str:
    x, y = measured.mass_center
    return (
        f"{measured.width}x{measured.height} px; brightness {measured.brightness:.2f}, "
        f"contrast {measured.contrast:.2f}, warmth {measured.warmth:+.2f}, mass centre at ({x:.2f}, {y:.2f})."
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
