"""Masks for edits confined to part of a picture, and putting the rest of the parent back.

A mask is a greyscale image the size of the picture: white where the edit may paint, black where the
parent must stay, with a soft edge in between so the repainted part blends in. `paste_outside` is what
makes "nothing else changes" exact rather than approximate: wherever the mask is black, every pixel
of the result is the parent's own, whatever the generator did there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter

Box = tuple[float, float, float, float]  # normalized x, y, w, h
GROW = 0.03  # of the picture's shorter side, added around each box: edges of things reach past their boxes
FEATHER = 0.015  # of the shorter side: the soft edge's width


def region_mask(boxes: Sequence[Box], width: int, height: int) -> Image.Image:
    """White inside the boxes (grown a little), black elsewhere, with a feathered edge."""
    side = min(width, height)
    grow = GROW * side
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    for x, y, w, h in boxes:
        left, top = x * width - grow, y * height - grow
        right, bottom = (x + w) * width + grow, (y + h) * height + grow
        draw.rectangle((max(0, left), max(0, top), min(width, right), min(height, bottom)), fill=255)
    return mask.filter(ImageFilter.GaussianBlur(radius=max(1.0, FEATHER * side)))


def fitted_mask(mask: Image.Image, width: int, height: int) -> Image.Image:
    """A caller's mask image as this picture's mask: greyscale (an alpha channel counts: transparent is
    'paint here', as the OpenAI edit API has it), resized to the picture."""
    if mask.mode in ("RGBA", "LA"):
        grey = Image.eval(mask.getchannel("A"), lambda a: 255 - a)
    else:
        grey = mask.convert("L")
    return grey.resize((width, height), Image.Resampling.BILINEAR)


def paste_outside(child: Image.Image, parent: Image.Image, mask: Image.Image) -> Image.Image:
    """The child where the mask is white, the parent where it is black, blended on the soft edge."""
    parent = parent.convert("RGB").resize(child.size)
    return Image.composite(child.convert("RGB"), parent, mask.resize(child.size))


def covered(mask: Image.Image) -> float:
    """The share of the picture the mask lets the edit paint (any grey counts)."""
    histogram = mask.convert("L").histogram()
    return 1 - histogram[0] / max(1, sum(histogram))
