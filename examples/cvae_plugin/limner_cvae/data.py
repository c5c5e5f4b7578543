"""The training set, drawn by the package itself: coloured shapes on plain backgrounds.

Nothing is downloaded. Every example comes from a `random.Random(seed)` and Pillow, so the same seed
gives the same images byte for byte, and `python -m limner_cvae.train --seed 0` can be rerun by anyone.

Each example is four channels: the RGB picture and the shape's coverage (alpha). The decoder learns
both, so that at render time a shape can be cut out and laid onto any canvas instead of dragging its
training background along.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

# What the model can draw. Order matters: it fixes the one-hot positions the weights were trained with.
SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "star")
COLORS: dict[str, tuple[int, int, int]] = {
    "red": (220, 40, 40),
    "green": (40, 165, 60),
    "blue": (40, 90, 220),
    "yellow": (245, 215, 40),
    "orange": (250, 140, 20),
    "purple": (140, 60, 180),
    "white": (245, 245, 245),
    "black": (25, 25, 25),
}
COLOR_NAMES: tuple[str, ...] = tuple(COLORS)

SIZE = 64  # pixels per side of one training image, and of one decoded sample
_SUPERSAMPLE = 4  # shapes are drawn 4x larger and scaled down, for anti-aliased edges the model can learn


def condition_index(shape: str, color: str) -> tuple[int, int]:
    return SHAPES.index(shape), COLOR_NAMES.index(color)


def condition_size() -> int:
    """Length of the condition vector: one-hot shape followed by one-hot colour."""
    return len(SHAPES) + len(COLOR_NAMES)


def draw_example(shape: str, color: str, rng: random.Random) -> np.ndarray:
    """One example as a uint8 array (SIZE, SIZE, 4): RGB of the picture, then the shape's alpha.

    The variety the latent code has to capture (the condition already says shape and colour):
    size, position, the exact shade, and the background grey. Shapes stand upright: a tilt would
    be one more thing for a small model to average over, and averaged tilts blur corners.
    """
    big = SIZE * _SUPERSAMPLE
    # Size 55-85% of the frame; the centre moves up to half the room left around the shape.
    # (Rendering crops each sample to its outline, so larger jitter would only spend model capacity.)
    extent = rng.uniform(0.55, 0.85) * big
    margin = (big - extent) / 4
    cx = big / 2 + rng.uniform(-margin, margin)
    cy = big / 2 + rng.uniform(-margin, margin)
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).polygon(_outline(shape, cx, cy, extent / 2), fill=255)
    mask = mask.resize((SIZE, SIZE), Image.Resampling.LANCZOS)

    # A shade near the named colour, so the model learns "red" as a small region, not one RGB value.
    base = COLORS[color]
    fill = tuple(min(255, max(0, c + rng.randint(-10, 10))) for c in base)
    # Plain, neutral backgrounds of any brightness: the colour must come from the condition, not the context.
    grey = rng.randint(70, 200)
    tint = [rng.randint(-10, 10) for _ in range(3)]
    background = tuple(min(255, max(0, grey + t)) for t in tint)

    picture = Image.new("RGB", (SIZE, SIZE), background)
    picture.paste(Image.new("RGB", (SIZE, SIZE), fill), (0, 0), mask)
    return np.concatenate([np.asarray(picture), np.asarray(mask)[:, :, None]], axis=2)


def _outline(shape: str, cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """The shape as a polygon around (cx, cy), fitting a circle of `radius`."""
    if shape == "circle":
        points = [(math.cos(2 * math.pi * k / 96), math.sin(2 * math.pi * k / 96)) for k in range(96)]
    elif shape == "square":
        # Inscribed in the circle would make squares look small next to circles; 0.8 of the radius reads as equal.
        s = 0.8
        points = [(-s, -s), (s, -s), (s, s), (-s, s)]
    elif shape == "triangle":
        # Apex up, base down; lowered a little so its visual centre sits on (cx, cy).
        points = [(math.cos(a), math.sin(a) + 0.15) for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)]
    elif shape == "star":
        points = []
        for k in range(10):
            r = 1.0 if k % 2 == 0 else 0.42
            a = -math.pi / 2 + k * math.pi / 5
            points.append((r * math.cos(a), r * math.sin(a) + 0.05))
    else:
        raise ValueError(f"unknown shape {shape!r}; known: {', '.join(SHAPES)}")
    return [(cx + radius * x, cy + radius * y) for x, y in points]


def make_dataset(seed: int, per_class: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`per_class` examples of every shape and colour, from one seed.

    Returns images (N, 4, SIZE, SIZE) uint8, shape indices (N,) and colour indices (N,). Classes are
    interleaved so any prefix of the set is balanced.
    """
    rng = random.Random(seed)
    images, shapes, colors = [], [], []
    for _ in range(per_class):
        for s, shape in enumerate(SHAPES):
            for c, color in enumerate(COLOR_NAMES):
                images.append(draw_example(shape, color, rng).transpose(2, 0, 1))
                shapes.append(s)
                colors.append(c)
    return np.stack(images), np.array(shapes, dtype=np.int64), np.array(colors, dtype=np.int64)
