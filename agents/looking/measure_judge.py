"""The `measure` judge: what the pixels themselves measure, for a Scene's colour, position and light checks.

It measures the colour inside an object's planned box, where two differently coloured objects' pixels
sit relative to each other, and how bright the whole picture is (for time of day and lighting). It
measures colour, not objects, and says so in every verdict; it never answers whether a thing is there,
and its confidence is capped below a vision model's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.looking.evaluation import Verdict
from limner.agents.looking.measure import basic_terms, brightness, color_share, name_color
from limner.agents.scene.geometry import Box, pixel_box, union
from PIL import Image

from limner.errors import InvalidRequest

if TYPE_CHECKING:
    from limner.agents.looking.captioner import Caption
    from limner.agents.scene.checks import Check
    from limner.agents.scene.model import Scene

# Share of an object's planned box that must be its colour. The layout renderer fills 50-70% of a box with
# the colour (a form inset by 8%, under a label); a photo's object typically fills 30-60% of its box, with
# highlights and shadows named other colours. 25% passes both and fails a box painted another colour (~0%).
BOX_COLOR_SHARE = 0.25
# Without a planned box the colour may be anywhere, and a small object is a few percent of the picture.
IMAGE_COLOR_SHARE = 0.04
# Colour is not the object: a measurement never claims more than this (less without a box to look in).
MEASURE_CONFIDENCE_CAP = 0.9
UNBOXED_CONFIDENCE_CAP = 0.5
# Centroids closer than this (fraction of the picture's side) are not clearly left/right/above/below.
MIN_SEPARATION = 0.03
# Smallest share of the looked-at region a colour must cover before its centroid means anything.
MIN_COLOR_PRESENCE = 0.01
_CENTROID_SIDE = 64  # relation centroids are measured on a copy at most this many pixels on a side

# Brightness (mean luma 0..1) for time of day and lighting. The layout renderer's night sky measures about
# 0.15, dusk 0.30, sunset 0.38, noon 0.54; "dim" and "dark" in the palette captioner start below 0.45.
DARK_MAX = 0.38
BRIGHT_MIN = 0.45
_DARK_WORDS = frozenset({"night", "dusk", "dark", "dim", "moody", "low key", "low-key", "candlelit", "nocturnal"})
_BRIGHT_WORDS = frozenset({"noon", "bright", "sunny", "daylight", "high key", "high-key", "midday"})

_DIRECTIONS = {"left of": (0, -1), "right of": (0, 1), "above": (1, -1), "below": (1, 1)}


class MeasureJudge:
    """Colour, position of colour and brightness, measured; nothing about what the objects are."""

    name = "measure"
    problem: str | None = None

    def prompt_score(self, image: Image.Image, prompt: str) -> float | None:
        return None  # this judge answers checks one by one; it has no whole-prompt score

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        if check.kind == "attribute" and check.id.endswith(":color"):
            return self._color(check, scene, image)
        if check.kind == "relation" and check.value in _DIRECTIONS:
            return self._direction(check, scene, image)
        if check.kind == "global" and check.id in ("global:time_of_day", "global:lighting"):
            return self._light(check, image)
        return None

    def _color(self, check: Check, scene: Scene, image: Image.Image) -> Verdict | None:
        obj = scene.objects[check.subject]
        color = str(check.value)
        try:
            share = color_share(image, color, obj.box)
        except InvalidRequest:
            return None  # not a colour word the measurements know ("iridescent")
        needed = BOX_COLOR_SHARE if obj.box else IMAGE_COLOR_SHARE
        cap = MEASURE_CONFIDENCE_CAP if obj.box else UNBOXED_CONFIDENCE_CAP
        where = f"the {obj.name}'s box" if obj.box else "the whole picture (no box planned)"
        status = "passed" if share >= needed else "failed"
        return Verdict.of(
            check,
            status,
            answered_by=self.name,
            confidence=min(cap, abs(share - needed) / needed),
            detail=f"{color} covers {share:.0%} of {where}, {'at least' if status == 'passed' else 'under'} "
            f"the {needed:.0%} needed (colour measured, not the object)",
        )

    def _direction(self, check: Check, scene: Scene, image: Image.Image) -> Verdict | None:
        first, second = scene.objects[check.subject], scene.objects[check.other]
        try:
            terms = [set(basic_terms(o.attributes.color or "")) for o in (first, second)]
        except InvalidRequest:
            return None  # one of them has no colour word to find it by
        if terms[0] & terms[1]:
            return None  # same colour: their pixels cannot be told apart
        region = union(first.box, second.box) if first.box and second.box else None
        centers = [_color_center(image, t, region) for t in terms]
        if centers[0] is None or centers[1] is None:
            return None
        axis, sign = _DIRECTIONS[str(check.value)]
        evidence = sign * (centers[0][axis] - centers[1][axis])
        status = "passed" if evidence >= MIN_SEPARATION else "failed"
        cap = MEASURE_CONFIDENCE_CAP if region else UNBOXED_CONFIDENCE_CAP
        names = f"{first.attributes.color} ({first.name}) and {second.attributes.color} ({second.name})"
        return Verdict.of(
            check,
            status,
            answered_by=self.name,
            confidence=min(cap, abs(evidence - MIN_SEPARATION) / 0.15),
            detail=f"the centres of {names} pixels are at {_at(centers[0])} and {_at(centers[1])} "
            f"{'within their boxes' if region else 'in the whole picture'} (colour positions, not objects)",
        )

    def _light(self, check: Check, image: Image.Image) -> Verdict | None:
        words = str(check.value).lower()
        wants_dark = any(w in words for w in _DARK_WORDS)
        wants_bright = any(w in words for w in _BRIGHT_WORDS)
        if wants_dark == wants_bright:
            return None  # dawn, golden hour, soft, dramatic: brightness alone says nothing about them
        level = brightness(image)
        limit = DARK_MAX if wants_dark else BRIGHT_MIN
        margin = limit - level if wants_dark else level - limit
        rule = f"{'at most' if wants_dark else 'at least'} {limit}"
        status = "passed" if margin >= 0 else "failed"
        return Verdict.of(
            check,
            status,
            answered_by=self.name,
            # A dark noon photo is possible: brightness is a weak witness, however large the margin.
            confidence=min(0.6, abs(margin) / 0.2),
            detail=f"mean brightness is {level:.2f}; {words} wants {rule}",
        )


def _color_center(image: Image.Image, terms: set[str], region: Box | None) -> tuple[float, float] | None:
    """Normalized (x, y) in the whole picture of the pixels named one of `terms` inside `region`."""
    x0, y0, w, h = region or (0.0, 0.0, 1.0, 1.0)
    rgb = image.convert("RGB")
    crop = rgb.crop(pixel_box((x0, y0, w, h), rgb.width, rgb.height))
    scale = _CENTROID_SIDE / max(crop.size)
    if scale < 1:
        crop = crop.resize(
            (max(1, round(crop.width * scale)), max(1, round(crop.height * scale))), Image.Resampling.BOX
        )
    xs = ys = count = 0.0
    data = crop.tobytes()  # r, g, b bytes row by row: the same on every Pillow version
    for index in range(crop.width * crop.height):
        if name_color((data[3 * index], data[3 * index + 1], data[3 * index + 2])) in terms:
            row, col = divmod(index, crop.width)
            xs, ys, count = xs + col + 0.5, ys + row + 0.5, count + 1
    if count < MIN_COLOR_PRESENCE * crop.width * crop.height or count == 0:
        return None
    return (x0 + w * xs / count / crop.width, y0 + h * ys / count / crop.height)


def _at(point: tuple[float, float]) -> str:
    return f"({point[0]:.2f}, {point[1]:.2f})"

