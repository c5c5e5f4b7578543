"""Normalized boxes: the one place their arithmetic lives.

A box is [x, y, w, h], the top-left corner and the size as fractions of the canvas. Here are the
checks that a box lies on the canvas, the overlap of two boxes and the share of one that others
cover, their union and centre, moving a box onto the canvas (rounded to 4 places), growing one about
its centre, finding the least covered place for one, and the pixels a box covers in an image. The
layout, the rules editor, the feedback loop, the judges and the measurements all use these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Box = tuple[float, float, float, float]

MIN_SIDE = 0.02  # the smallest side a box is given when it is moved onto the canvas


def box_problem(box: Sequence[float], *, whole: bool = True) -> str | None:
    """Why `box` is no box on the canvas, or None when it is one. With `whole` it must also end on the canvas."""
    x, y, w, h = (float(v) for v in box)
    if not (0 <= x <= 1 and 0 <= y <= 1 and 0 < w <= 1 and 0 < h <= 1):
        return f"box {list(box)} must have x, y in [0, 1] and w, h in (0, 1]"
    if whole and (x + w > 1.0001 or y + h > 1.0001):
        return f"box {list(box)} reaches past the canvas: x + w and y + h must be at most 1"
    return None


def overlap_area(a: Sequence[float], b: Sequence[float]) -> float:
    """The area two boxes share."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


def covered_share(box: Sequence[float], others: Iterable[Sequence[float]]) -> float:
    """The share of `box` that other boxes overlap, at most 1 (where they overlap each other, counted twice)."""
    area = box[2] * box[3]
    if not area:
        return 0.0
    return min(1.0, sum(overlap_area(box, other) for other in others) / area)


def union(a: Sequence[float], b: Sequence[float]) -> Box:
    """The smallest box holding both, cut at the canvas' right and bottom edges."""
    left, top = min(a[0], b[0]), min(a[1], b[1])
    right, bottom = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return (left, top, min(1.0, right) - left, min(1.0, bottom) - top)


def centre(box: Sequence[float]) -> tuple[float, float]:
    """The (x, y) of the middle of a box."""
    return (box[0] + box[2] / 2, box[1] + box[3] / 2)


def on_canvas(x: float, y: float, w: float, h: float) -> Box:
    """The box moved (and, if need be, shrunk) onto the canvas, each side at least MIN_SIDE, rounded to 4 places."""
    w = round(min(max(w, MIN_SIDE), 1.0), 4)
    h = round(min(max(h, MIN_SIDE), 1.0), 4)
    return (round(min(max(x, 0.0), 1.0 - w), 4), round(min(max(y, 0.0), 1.0 - h), 4), w, h)


def grown(box: Sequence[float], factor: float) -> Box:
    """The box `factor` times as wide and as high about its centre, on the canvas."""
    x, y, w, h = box
    new_w, new_h = min(1.0, w * factor), min(1.0, h * factor)
    return on_canvas(x - (new_w - w) / 2, y - (new_h - h) / 2, new_w, new_h)


def free_place(box: Sequence[float], others: Sequence[Sequence[float]], *, crowded: float = 0.25) -> Box | None:
    """The same-sized box, nearest the original, that `others` cover least, on a grid of twentieths.

    None when moving does not help: the box is covered less than `crowded`, or no place is covered
    at least `crowded` less than where it is.
    """
    x, y, w, h = box
    now = covered_share(box, others)
    if now < crowded:
        return None
    steps = [i / 20 for i in range(21)]
    places = [(px, py) for px in steps for py in steps if px + w <= 1.0001 and py + h <= 1.0001]
    best = min(
        places, key=lambda p: (round(covered_share((p[0], p[1], w, h), others), 2), abs(p[0] - x) + abs(p[1] - y))
    )
    if covered_share((best[0], best[1], w, h), others) > now - crowded:
        return None
    return (round(best[0], 4), round(best[1], 4), w, h)


def pixel_box(box: Sequence[float], width: int, height: int) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) in pixels of a `width` x `height` image: at least one pixel, inside the image."""
    x, y, w, h = (float(v) for v in box)
    left, top = min(round(x * width), width - 1), min(round(y * height), height - 1)
    right = max(left + 1, min(width, round((x + w) * width)))
    bottom = max(top + 1, min(height, round((y + h) * height)))
    return left, top, right, bottom
