"""The `layout` generator: draws the planned composition with Pillow alone.

It is the preview stage (milliseconds, no model) and the init image that later gives a diffusion
model the layout. What it draws is meant to be read: a sky and ground lit for the time of day, then
each object as a coloured, labelled form in its box, `count` times over. The same spec and seed always
give the same pixels.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import ClassVar

from limner.generators.base import CLIP_TOKENS, RenderControl, Rendered, RenderItem, RenderSpec
from limner.generators.colors import FALLBACK_COLORS, MATERIAL_COLORS, rgb
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from limner.errors import InvalidRequest

RGB = tuple[int, int, int]

# Sky (top, horizon) and ground colours for each time of day.
_SKIES: dict[str, tuple[RGB, RGB, RGB]] = {
    "dawn": ((120, 130, 190), (250, 190, 160), (110, 120, 100)),
    "morning": ((120, 180, 235), (210, 230, 245), (120, 160, 100)),
    "noon": ((70, 150, 235), (190, 220, 250), (110, 165, 90)),
    "afternoon": ((90, 160, 230), (215, 225, 235), (125, 160, 95)),
    "golden hour": ((235, 160, 80), (255, 215, 140), (150, 120, 70)),
    "sunset": ((110, 70, 140), (250, 140, 80), (90, 70, 70)),
    "dusk": ((40, 50, 110), (200, 120, 130), (55, 55, 75)),
    "night": ((8, 12, 35), (30, 40, 80), (20, 25, 35)),
}
_DEFAULT_SKY = ((200, 210, 225), (236, 238, 242), (200, 196, 188))
_HORIZON = 0.62  # fraction of the height where the ground begins


class LayoutGenerator:
    name: ClassVar[str] = "layout"
    description: ClassVar[str] = "Embedded, offline, Pillow only: draws the planned composition as labelled forms."
    supports_image_to_image: ClassVar[bool] = False  # it draws the Scene itself
    supports_inpainting: ClassVar[bool] = False  # a masked edit redraws it all; the parent is put back outside
    supports_layout_control: ClassVar[bool] = False  # it draws every box where it is anyway
    supports_preload: ClassVar[bool] = False  # no model to load
    takes_model: ClassVar[bool] = False

    def prompt_tokens(self, model: str | None = None) -> int:
        return CLIP_TOKENS  # the layout reads no prompt; a prompt that fits CLIP suits what it previews for

    def preload(self, model: str | None = None) -> None:
        raise InvalidRequest("the layout generator uses no model: there is nothing to load ahead")

    def render(self, spec: RenderSpec, control: RenderControl | None = None) -> Rendered:
        # Milliseconds of work: nothing to report or cancel part-way.
        rng = random.Random(spec.seed)
        image = _background(spec, rng)
        draw = ImageDraw.Draw(image)
        boxes = _place(spec.items)
        # Larger boxes first, so that small things sitting on big ones stay visible.
        order = sorted(range(len(spec.items)), key=lambda i: -(boxes[i][2] * boxes[i][3]))
        fills = [_fill(item, i) for i, item in enumerate(spec.items)]
        for i in order:
            _draw_forms(draw, spec, spec.items[i], boxes[i], fills[i], rng)
        # The medium softens the forms; labels go on afterwards so they stay legible.
        image = _apply_style(image, spec.style)
        draw = ImageDraw.Draw(image)
        for i in order:
            _label(draw, spec, spec.items[i], boxes[i], fills[i])
        return Rendered(image=image, generator=self.name, settings={"seed": spec.seed})


def _fill(item: RenderItem, index: int) -> RGB:
    """The item's colour, else its material's, else a distinct colour by position."""
    return rgb(item.color) or MATERIAL_COLORS.get(item.material or "") or FALLBACK_COLORS[index % len(FALLBACK_COLORS)]


def _background(spec: RenderSpec, rng: random.Random) -> Image.Image:
    top, horizon, ground = _SKIES.get(spec.time_of_day or "", _DEFAULT_SKY)
    palette = [c for c in (rgb(name) for name in spec.palette) if c]
    if palette:  # the palette tints the scene towards its first colours
        top = _mix(top, palette[0], 0.45)
        ground = _mix(ground, palette[-1], 0.35)
    if spec.lighting and any(w in spec.lighting for w in ("dark", "moody", "dramatic", "stormy")):
        top, horizon, ground = (_mix(c, (0, 0, 0), 0.35) for c in (top, horizon, ground))
    width, height = spec.width, spec.height
    # Build the gradient as one column and stretch it: O(height) work instead of O(pixels).
    column = Image.new("RGB", (1, height))
    horizon_px = int(height * _HORIZON)
    for y in range(height):
        if y < horizon_px:
            colour = _mix(top, horizon, y / max(1, horizon_px - 1))
        else:
            colour = _mix(ground, _mix(ground, (0, 0, 0), 0.25), (y - horizon_px) / max(1, height - horizon_px))
        column.putpixel((0, y), colour)
    image = column.resize((width, height), Image.Resampling.NEAREST)
    if spec.time_of_day == "night":
        draw = ImageDraw.Draw(image)
        for _ in range(width * height // 4000):
            x, y = rng.randrange(width), rng.randrange(horizon_px)
            draw.point((x, y), fill=(230, 230, 200))
    return image


def _place(items: tuple[RenderItem, ...]) -> list[tuple[float, float, float, float]]:
    """Each item's box: the planned one, or a slot in a row along the ground for items without one."""
    unplaced = [i for i, item in enumerate(items) if item.box is None]
    boxes: list[tuple[float, float, float, float]] = [item.box or (0, 0, 0, 0) for item in items]
    if unplaced:
        slot = 0.9 / len(unplaced)
        for k, i in enumerate(unplaced):
            w = min(0.4, slot * 0.85)
            boxes[i] = (0.05 + k * slot + (slot - w) / 2, 0.55 - w / 2, w, min(0.4, w * 1.1))
    return boxes


def _draw_forms(
    draw: ImageDraw.ImageDraw,
    spec: RenderSpec,
    item: RenderItem,
    box: tuple[float, float, float, float],
    fill: RGB,
    rng: random.Random,
) -> None:
    """`count` forms in a grid inside the box: near-square cells get an ellipse, others a rounded slab."""
    left, top, right, bottom = _pixels(spec, box)
    outline = _mix(fill, (0, 0, 0), 0.55)
    cols, rows = _grid(item.count, right - left, bottom - top)
    cell_w, cell_h = (right - left) / cols, (bottom - top) / rows
    line = max(1, int(min(cell_w, cell_h) / 40))
    for n in range(item.count):
        cx, cy = left + (n % cols) * cell_w, top + (n // cols) * cell_h
        pad = 0.08 * min(cell_w, cell_h)
        jitter = rng.uniform(-0.03, 0.03) * min(cell_w, cell_h)
        bounds = (cx + pad + jitter, cy + pad, cx + cell_w - pad + jitter, cy + cell_h - pad)
        if bounds[2] - bounds[0] < 2 or bounds[3] - bounds[1] < 2:
            continue
        if 0.7 < cell_w / cell_h < 1.4:
            draw.ellipse(bounds, fill=fill, outline=outline, width=line)
        else:
            radius = int(min(bounds[2] - bounds[0], bounds[3] - bounds[1]) / 5)
            draw.rounded_rectangle(bounds, radius=radius, fill=fill, outline=outline, width=line)


def _pixels(spec: RenderSpec, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x, y, w, h = box
    return x * spec.width, y * spec.height, (x + w) * spec.width, (y + h) * spec.height


def _label(
    draw: ImageDraw.ImageDraw, spec: RenderSpec, item: RenderItem, box: tuple[float, float, float, float], fill: RGB
) -> None:
    """The object's name across its box; with text to render, the name goes to the top and the text,
    as large as fits, to the middle, so the picture shows what the sign or cover says."""
    text = item.label if item.count == 1 else f"{item.label} x{item.count}"
    left, top, right, bottom = _pixels(spec, box)
    ink = (255, 255, 255) if sum(fill) < 400 else (20, 20, 20)
    if item.text:
        _write(draw, text, (left, top, right, top + (bottom - top) / 4), ink, largest=16)
        top += (bottom - top) / 4
        text = item.text
    _write(draw, text, (left, top, right, bottom), ink, largest=28)


def _write(draw: ImageDraw.ImageDraw, text: str, area: tuple[float, float, float, float], ink: RGB, *, largest: int) -> None:
    """`text` centred in `area`, in the largest font up to `largest` px that keeps it inside the width."""
    left, top, right, bottom = area
    size = int(max(8, min(largest, (right - left) / max(4, len(text)) * 1.6, (bottom - top) / 2)))
    font = _font(size)
    text_w = draw.textlength(text, font=font)
    tx = max(0, left + (right - left - text_w) / 2)
    ty = (top + bottom - size) / 2
    draw.text((tx, ty), text, fill=ink, font=font, stroke_width=max(1, size // 12), stroke_fill=_contrast(ink))


def _apply_style(image: Image.Image, style: str | None) -> Image.Image:
    """A hint of the medium, so a watercolor preview reads differently from a photo."""
    style = (style or "").lower()
    if "watercolor" in style or "watercolour" in style:
        return image.filter(ImageFilter.GaussianBlur(radius=max(1, image.width // 400)))
    if "sketch" in style or "pencil" in style or "drawing" in style:
        return image.convert("L").filter(ImageFilter.CONTOUR).convert("RGB")
    if "pixel" in style:
        small = image.resize((max(1, image.width // 8), max(1, image.height // 8)), Image.Resampling.BILINEAR)
        return small.resize(image.size, Image.Resampling.NEAREST)
    if "oil" in style:
        return image.filter(ImageFilter.ModeFilter(size=5))
    return image


def _grid(count: int, width: float, height: float) -> tuple[int, int]:
    """Columns and rows for `count` copies in a box, keeping cells close to square."""
    best = (count, 1)
    best_score = float("inf")
    for cols in range(1, count + 1):
        rows = -(-count // cols)
        aspect = (width / cols) / max(1e-6, height / rows)
        score = abs(aspect - 1) + 0.1 * (cols * rows - count)
        if score < best_score:
            best, best_score = (cols, rows), score
    return best


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    t = min(1.0, max(0.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def _contrast(ink: RGB) -> RGB:
    return (0, 0, 0) if sum(ink) > 380 else (255, 255, 255)
