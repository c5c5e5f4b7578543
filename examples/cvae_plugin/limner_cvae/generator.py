"""The `cvae` generator: draws a RenderSpec's objects with the shapes CVAE, one sample per object.

It reads the planned objects, not the prompt: each object's name must be a shape the model knows
(or a synonym: a ball is a circle, a box a square, a pyramid a triangle) and its colour one of the
colours it was trained on (or close to one). Each is decoded from its own z and laid into its box
on a plain canvas. What it cannot draw (a dog, a pink star) is left out and said so in the settings
under `not_drawn`, never replaced by something else.
"""

from __future__ import annotations

import hashlib
import math
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import ClassVar

import numpy as np
import torch
from limner.generators.base import CLIP_TOKENS, RenderControl, Rendered, RenderItem, RenderSpec
from limner.generators.colors import MATERIAL_COLORS, rgb
from PIL import Image

from limner.errors import Cancelled, InvalidRequest
from limner_cvae.data import COLOR_NAMES, COLORS, SHAPES, SIZE
from limner_cvae.model import Z_DIM, Decoder, condition

Box = tuple[float, float, float, float]

# Words for the shapes. Solid things whose outline from the front is the shape count as that shape.
SHAPE_WORDS: dict[str, str] = {
    **{w: "circle" for w in ("circle", "ball", "sphere", "disc", "disk", "dot", "orb", "round", "globe", "bubble")},
    **{w: "square" for w in ("square", "box", "cube", "block", "tile", "crate", "dice", "die")},
    **{w: "triangle" for w in ("triangle", "pyramid", "cone", "wedge")},
    **{w: "star" for w in ("star", "starfish")},
}

# Colour words that name one of the trained colours outright.
COLOR_WORDS: dict[str, str] = {
    **{name: name for name in COLOR_NAMES},
    **{w: "red" for w in ("crimson", "scarlet", "ruby", "cherry")},
    **{w: "green" for w in ("emerald", "lime", "jade")},
    **{w: "blue" for w in ("navy", "azure", "cobalt", "sapphire", "royal blue")},
    **{w: "yellow" for w in ("gold", "golden", "lemon", "amber")},
    **{w: "orange" for w in ("tangerine",)},
    **{w: "purple" for w in ("violet", "indigo", "lilac", "plum")},
    **{w: "white" for w in ("ivory", "snow")},
    **{w: "black" for w in ("ebony", "jet")},
}
_MODIFIERS = {"light", "pale", "pastel", "dark", "deep", "bright", "vivid"}

# A colour Limner knows by RGB (limner.generators.colors) is drawn as the nearest trained colour
# only when it is this close (Euclidean, 0-255 RGB); farther off (pink, grey, brown) it is not drawn.
_NEAREST_LIMIT = 90.0

BACKGROUND = (150, 152, 158)  # a plain mid grey: white and black shapes both stand out on it
TEMPERATURE = 0.6  # z ~ N(0, 0.6^2): a little inside the prior, where a small VAE's samples are cleanest
# A small VAE's worst samples are the ones it is unsure of: a soft, smeared outline. Each object is
# the crispest of a few draws (least of its alpha between 0 and 1, for its area); still one seeded,
# reproducible choice, and a tiny batch for the decoder.
DRAWS = 8


@dataclass(frozen=True)
class _Object:
    """One object the model will draw: the condition, how many, and where."""

    label: str
    shape: str
    color: str
    count: int
    box: Box | None


class CVAEGenerator:
    name: ClassVar[str] = "cvae"
    description: ClassVar[str] = (
        "Example plugin: a small conditional VAE that draws circles, squares, triangles and stars in 8 colours."
    )
    supports_image_to_image: ClassVar[bool] = False
    supports_inpainting: ClassVar[bool] = False
    supports_layout_control: ClassVar[bool] = False
    takes_model: ClassVar[bool] = True
    supports_preload: ClassVar[bool] = False

    def __init__(self, weights: Path | None = None):
        self.weights = Path(weights) if weights else default_weights()
        self._decoders: dict[Path, tuple[Decoder, str]] = {}
        self._lock = threading.Lock()  # renders may come from several threads; load each file once

    def prompt_tokens(self, model: str | None = None) -> int:
        return CLIP_TOKENS  # it reads no prompt at all; any prompt that suits other generators is fine

    def render(self, spec: RenderSpec, control: RenderControl | None = None) -> Rendered:
        control = control or RenderControl()
        if control.cancelled:
            raise Cancelled("cancelled before rendering")
        if spec.init_image is not None:
            raise InvalidRequest("the cvae generator draws from its own samples; it cannot start from an image")
        weights = Path(spec.model).expanduser() if spec.model else self.weights
        decoder, digest = self._decoder(weights)

        objects, not_drawn, notes = read_items(spec.items, spec.seed)
        canvas = Image.new("RGB", (spec.width, spec.height), _background(spec))
        cells = _cells(objects)
        # One generator for the whole image, drawn in object order: the same seed and objects always
        # give the same z, and therefore the same pixels.
        generator = torch.Generator().manual_seed(spec.seed % 2**63)
        total = max(1, len(cells))
        empty: list[_Object] = []  # objects whose sample came out blank: said so, not filled in
        for done, (obj, box) in enumerate(cells):
            if control.cancelled:
                raise Cancelled(f"cancelled after {done} of {total} objects")
            z = torch.randn(DRAWS, Z_DIM, generator=generator) * TEMPERATURE
            c = condition(
                torch.tensor([SHAPES.index(obj.shape)] * DRAWS), torch.tensor([COLOR_NAMES.index(obj.color)] * DRAWS)
            )
            with torch.no_grad():
                samples = decoder(z, c)
            if not _paste(canvas, samples[int(_softness(samples).argmin())], _pixels(box, spec.width, spec.height)):
                empty.append(obj)
            control.step(done + 1, total)
        if not cells:
            control.step(1, 1)

        drawn = "; ".join(
            f"{o.color} {o.shape}" + (f" x{o.count}" if o.count > 1 else "") for o in objects if o not in empty
        )
        not_drawn += [f"{o.color} {o.label} (the model's sample came out blank)" for o in dict.fromkeys(empty)]
        return Rendered(
            image=canvas,
            generator=self.name,
            settings={
                "seed": spec.seed,
                "weights": f"{weights.name} sha256:{digest}",
                "sampling": f"crispest of {DRAWS} draws at temperature {TEMPERATURE}",
                "drawn": drawn or None,
                "not_drawn": "; ".join(not_drawn) or None,
                "notes": "; ".join(notes) or None,
            },
        )

    def _decoder(self, path: Path) -> tuple[Decoder, str]:
        with self._lock:
            if path not in self._decoders:
                self._decoders[path] = load_decoder(path)
            return self._decoders[path]


def default_weights() -> Path:
    """The weights shipped inside the package (trained with `python -m limner_cvae.train --seed 0`)."""
    return Path(str(resources.files("limner_cvae") / "weights" / "cvae.pt"))


def load_decoder(path: Path) -> tuple[Decoder, str]:
    """The decoder in float32 (the file keeps float16 to stay small; CPUs compute float32 best) and the file's hash."""
    if not path.is_file():
        raise InvalidRequest(f"no cvae weights at {path}; train some with 'python -m limner_cvae.train --out {path}'")
    data = path.read_bytes()
    saved = torch.load(path, map_location="cpu", weights_only=True)  # weights_only: never run code from a file
    if saved.get("shapes") != list(SHAPES) or saved.get("colors") != list(COLOR_NAMES) or saved.get("size") != SIZE:
        raise InvalidRequest(f"{path} was trained for other shapes, colours or size than this limner-cvae expects")
    decoder = Decoder()
    decoder.load_state_dict({name: tensor.float() for name, tensor in saved["decoder"].items()})
    return decoder.eval(), hashlib.sha256(data).hexdigest()[:12]


def read_items(items: tuple[RenderItem, ...], seed: int) -> tuple[list[_Object], list[str], list[str]]:
    """The objects the model can draw, what it cannot (with why), and notes on colours it chose or approximated."""
    objects: list[_Object] = []
    not_drawn: list[str] = []
    notes: list[str] = []
    for index, item in enumerate(items):
        shape = shape_of(item.label)
        color, note = color_of(item, seed, index)
        if shape is None:
            not_drawn.append(f"{item.label} (unknown shape; knows {', '.join(SHAPES)})")
        elif color is None:
            not_drawn.append(
                f"{item.color} {item.label} (unknown colour {item.color!r}; knows {', '.join(COLOR_NAMES)})"
            )
        else:
            objects.append(_Object(item.label, shape, color, max(1, item.count), item.box))
            if note:
                notes.append(f"{item.label}: {note}")
    return objects, not_drawn, notes


def shape_of(label: str) -> str | None:
    """The shape a label names: the whole label, else its last word ('small wooden box' -> square)."""
    words = label.lower().replace("-", " ").split()
    for candidate in (" ".join(words), words[-1] if words else ""):
        for form in (candidate, _singular(candidate)):
            if form in SHAPE_WORDS:
                return SHAPE_WORDS[form]
    return None


def _singular(word: str) -> str:
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]  # boxes -> box
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]  # circles -> circle, dice stays dice
    return word


def color_of(item: RenderItem, seed: int, index: int) -> tuple[str | None, str]:
    """The trained colour to draw an item in, and a note when it is not exactly what was asked.

    Named outright or by a synonym: that colour. 'light blue', 'dark red': the base colour, noted.
    Another colour Limner knows: the nearest trained one if it is close, noted; else None (not drawn).
    No colour at all: the material's colour if it is close to one, else one picked from the seed, noted.
    """
    if item.color:
        asked = item.color.lower().strip()
        if asked in COLOR_WORDS:
            exact = COLOR_WORDS[asked]
            return exact, "" if exact == asked else f"{asked} drawn as {exact}"
        words = asked.replace("-", " ").split()
        base = " ".join(w for w in words if w not in _MODIFIERS)
        if base in COLOR_WORDS:
            return COLOR_WORDS[base], f"{asked} drawn as {COLOR_WORDS[base]}"
        nearest = _nearest(rgb(asked))
        return (nearest, f"{asked} drawn as the nearest trained colour, {nearest}") if nearest else (None, "")
    if item.material:
        nearest = _nearest(MATERIAL_COLORS.get(item.material.lower()))
        if nearest:
            return nearest, f"no colour given; {item.material} drawn as {nearest}"
    # Picked from the seed and the object's position, so the same spec always gets the same colour.
    pick = COLOR_NAMES[int(hashlib.sha256(f"{seed}:{index}".encode()).hexdigest(), 16) % len(COLOR_NAMES)]
    return pick, f"no colour given; drew {pick}"


def _nearest(value: tuple[int, int, int] | None) -> str | None:
    if value is None:
        return None
    name, distance = min(((n, math.dist(value, c)) for n, c in COLORS.items()), key=lambda pair: pair[1])
    return name if distance <= _NEAREST_LIMIT else None


def _background(spec: RenderSpec) -> tuple[int, int, int]:
    """The palette's first colour Limner knows, else mid grey: a plain field, as the shapes were trained on."""
    for name in spec.palette:
        value = rgb(name)
        if value:
            return value
    return BACKGROUND


def _cells(objects: list[_Object]) -> list[tuple[_Object, Box]]:
    """One box per copy: each object's planned box split into a grid for its count, and a grid for objects with none."""
    unplaced = [o for o in objects if o.box is None]
    columns = math.ceil(math.sqrt(len(unplaced))) if unplaced else 1
    rows = math.ceil(len(unplaced) / columns) if unplaced else 1
    cells: list[tuple[_Object, Box]] = []
    slot = 0
    for obj in objects:
        if obj.box is None:
            # A grid over the canvas with a margin, one slot per object without a box.
            x, y = 0.05 + 0.9 * (slot % columns) / columns, 0.05 + 0.9 * (slot // columns) / rows
            box: Box = (x, y, 0.9 / columns, 0.9 / rows)
            slot += 1
        else:
            box = obj.box
        x, y, w, h = box
        cols, rows_here = _grid(obj.count, w, h)
        cell_w, cell_h = w / cols, h / rows_here
        for n in range(obj.count):
            cells.append((obj, (x + (n % cols) * cell_w, y + (n // cols) * cell_h, cell_w, cell_h)))
    return cells


def _grid(count: int, width: float, height: float) -> tuple[int, int]:
    """Columns and rows for `count` copies in a box, keeping cells close to square."""
    best, best_score = (count, 1), float("inf")
    for cols in range(1, count + 1):
        rows = -(-count // cols)
        score = abs((width / cols) / max(1e-6, height / rows) - 1) + 0.1 * (cols * rows - count)
        if score < best_score:
            best, best_score = (cols, rows), score
    return best


def _pixels(box: Box, width: int, height: int) -> tuple[int, int, int, int]:
    x, y, w, h = box
    left, top = round(x * width), round(y * height)
    return left, top, max(1, round((x + w) * width) - left), max(1, round((y + h) * height) - top)


def _softness(samples: torch.Tensor) -> torch.Tensor:
    """Per sample: how much of its alpha is neither in nor out, relative to its area (lower is crisper)."""
    alpha = samples[:, 3]
    unsure = torch.minimum(alpha, 1 - alpha).sum(dim=(1, 2))
    return unsure / alpha.sum(dim=(1, 2)).clamp(min=1.0)


def _paste(canvas: Image.Image, rgba: torch.Tensor, target: tuple[int, int, int, int]) -> bool:
    """Lay one decoded sample into a box: crop it to its outline, scale it to fit, sharpen the edge, composite.

    The decoded 64x64 tile has the shape somewhere in it at some size (the training jitter), so it is
    cropped to where its alpha is, then scaled, keeping its proportions, to fill the box. Scaling up
    blurs the edge; a contrast curve on the alpha, steeper the more it was enlarged, gives back a clean
    outline without touching the colour. Returns False when the sample holds no shape to place.
    """
    left, top, width, height = target
    array = (rgba.permute(1, 2, 0).clamp(0, 1).numpy() * 255).round().astype(np.uint8)
    tile = Image.fromarray(array, "RGBA")
    alpha = array[:, :, 3]
    ys, xs = np.nonzero(alpha > 64)
    if len(xs) == 0:
        return False
    # Two pixels of margin keep the soft rim just outside the threshold, so the sharpened edge is not cut flat.
    left_px, top_px = max(0, int(xs.min()) - 2), max(0, int(ys.min()) - 2)
    crop = tile.crop((left_px, top_px, min(SIZE, int(xs.max()) + 3), min(SIZE, int(ys.max()) + 3)))
    scale = min(width / crop.width, height / crop.height) * 0.9  # a little air, so neighbours do not touch
    size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
    scaled = crop.resize(size, Image.Resampling.BICUBIC)
    steepness = max(2.0, scale)  # an edge ~1 px wide in the tile is ~scale px wide now: back to ~1 px
    a = np.asarray(scaled.getchannel("A"), dtype=np.float32) / 255
    a = np.clip((a - 0.5) * steepness + 0.5, 0, 1)
    mask = Image.fromarray((a * 255).round().astype(np.uint8), "L")
    at = (left + (width - size[0]) // 2, top + (height - size[1]) // 2)
    canvas.paste(scaled.convert("RGB"), at, mask)
    return True
