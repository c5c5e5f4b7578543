"""Where each object goes: a deterministic layout of normalized boxes that honours the relations.

The layout is built from three kinds of relation:

- attachments ("on", "under", "inside", "in front of", "behind") place an object relative to the box
  of the object it is attached to: a cup on a table sits on the table's top edge, a cat under it
  stands between its legs;
- stacking ("above", "below") puts objects in one column, top to bottom;
- ordering ("left of", "right of", and, more weakly, "next to", "near") orders the columns.

Settings such as the sky, a field or a room are drawn as bands behind everything else. Sizes come
from the kind of thing (a table is bigger than a cup), its size word and its count. Contradictory
relations are resolved by keeping the first one stated. The same input always gives the same boxes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from limner.agents.scene.geometry import Box, on_canvas
from limner.agents.scene.model import Relation, SceneObject
from limner.agents.scene.predicates import spatial_form
from limner.agents.scene.words import BACKDROP_BANDS, BACKDROPS, LARGE_THINGS, SKY_THINGS, SMALL_THINGS, TALL_THINGS

Size = tuple[float, float]
Parents = Mapping[int, tuple[int, str]]

ATTACHMENTS = ("on", "under", "inside", "in front of", "behind")
# (relation) -> True when the subject goes first (higher up, or further left).
STACKING = {"above": True, "below": False}
ORDERING = {"left of": True, "right of": False}
ADJACENT = ("next to", "near")

_SIZE_FACTORS = {
    "tiny": 0.55, "teeny": 0.55, "minuscule": 0.5, "microscopic": 0.45, "miniature": 0.6,
    "small": 0.75, "little": 0.75, "mini": 0.7, "small-sized": 0.75, "big": 1.3, "large": 1.3,
    "large-sized": 1.3, "oversized": 1.45, "huge": 1.6, "giant": 1.7, "gigantic": 1.7,
    "enormous": 1.6, "massive": 1.6, "colossal": 1.8, "immense": 1.7, "towering": 1.5, "vast": 1.6,
    "jumbo": 1.5, "humongous": 1.7,
}  # fmt: skip
_GROUND_LINE = 0.88  # where things stand when nothing says otherwise
_SKY_CENTRE = 0.26
_MARGIN = 0.04
_GAP = 0.04


@dataclass
class _Frame:
    """A box being built: top-left corner and size, in canvas fractions."""

    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h


def layout_boxes(
    objects: Sequence[SceneObject],
    relations: Sequence[Relation],
    *,
    anchors: Mapping[int, str] | None = None,
    aspect: float = 1.0,
) -> list[Box]:
    """One normalized [x, y, w, h] box per object, inside the canvas, honouring `relations`.

    `anchors` maps an object index to where the description put it ("left", "right", "center",
    "top", "bottom", "background", "foreground"); `aspect` is the canvas width / height.
    """
    if not objects:
        return []
    anchors = {**{i: o.place for i, o in enumerate(objects) if o.place}, **(anchors or {})}
    sizes = _compared_sizes([_desired_size(o, aspect) for o in objects], relations)
    relations = laid_out_relations(relations)
    backdrops = {i: BACKDROPS[_kind_key(o.name)] for i, o in enumerate(objects) if _kind_key(o.name) in BACKDROPS}
    parents = _attachments(len(objects), relations, backdrops)
    roots = [i for i in range(len(objects)) if i not in backdrops and i not in parents]
    frames: dict[int, _Frame] = {}
    columns = _columns(roots, relations, parents, backdrops, anchors)
    _place_columns(columns, sizes, objects, parents, anchors, frames)
    for root in roots:
        _place_dependents(root, parents, sizes, frames)
    for i, band in backdrops.items():
        frames[i] = _Frame(*BACKDROP_BANDS[band])
    return [on_canvas(frames[i].x, frames[i].y, frames[i].w, frames[i].h) for i in range(len(objects))]


# ---------------------------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------------------------


class _Laid(NamedTuple):
    """A relation as the layout reads it: 'the man wearing a hat' is 'the hat inside the man'."""

    subject: int
    predicate: str
    object: int


def laid_out_relations(relations: Sequence[Relation]) -> list[_Laid]:
    """The relations that say where things go, in their spatial form (predicates.py)."""
    laid = (spatial_form(r.subject, r.predicate, r.object) for r in relations)
    return [_Laid(*form) for form in laid if form is not None]


def _kind_key(name: str) -> str:
    """The name as the size lists know it: the whole name if listed ('hot dog'), else its last word."""
    name = name.lower()
    for key in (name, name.rsplit(" ", 1)[-1]):
        if key in BACKDROPS or key in LARGE_THINGS or key in TALL_THINGS or key in SMALL_THINGS or key in SKY_THINGS:
            return key
    return name.rsplit(" ", 1)[-1]


def _desired_size(obj: SceneObject, aspect: float) -> tuple[float, float]:
    key = _kind_key(obj.name)
    if key in TALL_THINGS:
        w, h = (0.28, 0.6) if key in LARGE_THINGS else (0.2, 0.42)  # a tree, a lighthouse; a person
    elif key in LARGE_THINGS:
        w, h = 0.42, 0.34
    elif key in SMALL_THINGS or key in SKY_THINGS:
        w, h = 0.15, 0.15
    else:
        w, h = 0.26, 0.26
    factor = _SIZE_FACTORS.get(obj.attributes.size or "", 1.0)
    w, h = w * factor, h * factor
    w *= 1 + 0.5 * (min(obj.drawn_count, 6) - 1)  # several of a thing stand side by side in one box
    # Sizes above are for a square canvas; keep shapes on wide and tall ones.
    w, h = w / aspect**0.5, h * aspect**0.5
    return min(w, 0.9), min(h, 0.85)


# How much bigger a thing said to be bigger than another is drawn: 'a mouse larger than an elephant'.
_COMPARED = {
    **dict.fromkeys(("bigger", "larger", "taller", "huger", "wider", "longer", "greater"), 1.3),
    **dict.fromkeys(("smaller", "shorter", "tinier", "littler", "narrower"), 1 / 1.3),
}


def _compared_sizes(sizes: list[Size], relations: Sequence[Relation]) -> list[Size]:
    """Sizes with each comparison of two things honoured: 'bigger than' draws the subject bigger than the
    other, 'as big as' as big; each box stays inside the canvas."""
    sizes = list(sizes)
    for rel in relations:
        words = rel.predicate.split()
        if len(words) == 3 and words[0] == words[2] == "as":
            factor = 1.0  # 'as tall as'
        elif len(words) == 2 and words[1] == "than" and words[0] in _COMPARED:
            factor = _COMPARED[words[0]]
        else:
            continue
        (w, h), (ow, oh) = sizes[rel.subject], sizes[rel.object]
        scale = factor * max(ow / w, oh / h) if factor >= 1 else factor * min(ow / w, oh / h)
        if (factor > 1 and scale > 1) or (factor < 1 and scale < 1) or factor == 1:
            sizes[rel.subject] = (min(w * scale, 0.9), min(h * scale, 0.85))
    return sizes


# ---------------------------------------------------------------------------------------------
# Structure: attachments, columns and their order
# ---------------------------------------------------------------------------------------------


def _attachments(count: int, relations: Sequence[Relation], backdrops: Mapping[int, str]) -> dict[int, tuple[int, str]]:
    """subject -> (anchor, relation) for objects placed relative to another, first relation wins."""
    parents: dict[int, tuple[int, str]] = {}
    anchor_of: dict[int, int] = {}
    for rel in relations:
        subject, anchor = rel.subject, rel.object
        if rel.predicate not in ATTACHMENTS or subject in parents or subject in backdrops or anchor in backdrops:
            continue
        if not (0 <= subject < count and 0 <= anchor < count) or hangs_from(anchor, subject, anchor_of):
            continue
        parents[subject] = (anchor, rel.predicate)
        anchor_of[subject] = anchor
    return parents


def hangs_from(node: int, ancestor: int, anchor_of: Mapping[int, int]) -> bool:
    """Whether `node` is `ancestor` or hangs from it (on, under, inside ... it, or from what does), following
    `anchor_of` (object -> the object it is attached to); a cycle counts as hanging, so none is ever closed."""
    seen = set()
    while node not in seen:
        if node == ancestor:
            return True
        seen.add(node)
        if node not in anchor_of:
            return False
        node = anchor_of[node]
    return True


def _root_of(i: int, parents: Mapping[int, tuple[int, str]]) -> int:
    seen = set()
    while i in parents and i not in seen:
        seen.add(i)
        i = parents[i][0]
    return i


def _columns(
    roots: list[int],
    relations: Sequence[Relation],
    parents: Mapping[int, tuple[int, str]],
    backdrops: Mapping[int, str],
    anchors: Mapping[int, str],
) -> list[list[int]]:
    """Roots grouped into columns (stacked by above/below), columns ordered left to right."""
    column_of = {r: r for r in roots}

    def find(r: int) -> int:
        while column_of[r] != r:
            column_of[r] = column_of[column_of[r]]
            r = column_of[r]
        return r

    vertical: list[tuple[int, int]] = []
    for rel in relations:
        if rel.predicate in STACKING and rel.subject not in backdrops and rel.object not in backdrops:
            a, b = _root_of(rel.subject, parents), _root_of(rel.object, parents)
            if a != b:
                column_of[find(a)] = find(b)
                vertical.append((a, b) if STACKING[rel.predicate] else (b, a))
    members: dict[int, list[int]] = {}
    for r in roots:
        members.setdefault(find(r), []).append(r)
    columns = {c: _ordered(m, vertical, key=lambda i: i) for c, m in members.items()}

    horizontal: list[tuple[int, int]] = []
    for strength in (ORDERING, ADJACENT):
        for rel in relations:
            if rel.predicate not in strength or rel.subject in backdrops or rel.object in backdrops:
                continue
            a, b = find(_root_of(rel.subject, parents)), find(_root_of(rel.object, parents))
            if a == b:
                continue
            subject_first = ORDERING.get(rel.predicate, False)  # next to / near: subject after
            horizontal.append((a, b) if subject_first else (b, a))
    rank = {"left": 0, "center": 1, "right": 2}
    order = _ordered(
        list(columns), horizontal, key=lambda c: (min(rank.get(anchors.get(m, ""), 1) for m in columns[c]), c)
    )
    return [columns[c] for c in order]


def _ordered(nodes: list[int], edges: list[tuple[int, int]], *, key) -> list[int]:
    """Nodes in an order that keeps as many `a before b` edges as possible, earlier edges first."""
    node_set = set(nodes)
    after: dict[int, list[int]] = {n: [] for n in nodes}
    for a, b in edges:
        if a in node_set and b in node_set and a != b and b not in after[a] and not _reaches(b, a, after):
            after[a].append(b)
    waiting = {n: 0 for n in nodes}
    for n in nodes:
        for b in after[n]:
            waiting[b] += 1
    ready = sorted((n for n in nodes if waiting[n] == 0), key=key)
    result: list[int] = []
    while ready:
        n = ready.pop(0)
        result.append(n)
        for b in after[n]:
            waiting[b] -= 1
            if waiting[b] == 0:
                ready.append(b)
        ready.sort(key=key)
    return result


def _reaches(start: int, goal: int, after: Mapping[int, list[int]]) -> bool:
    stack, seen = [start], set()
    while stack:
        n = stack.pop()
        if n == goal:
            return True
        if n not in seen:
            seen.add(n)
            stack.extend(after.get(n, ()))
    return False


# ---------------------------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------------------------


def _footprint(i: int, sizes: list[Size], parents: Parents) -> Size:
    """Width and height an object needs, including room on top for what stands on it."""
    w, h = sizes[i]
    riders = [d for d, (anchor, kind) in parents.items() if anchor == i and kind == "on"]
    if riders:
        h += max(_footprint(d, sizes, parents)[1] for d in riders) * 0.8
    return w, h


def _place_columns(
    columns: list[list[int]],
    sizes: list[tuple[float, float]],
    objects: Sequence[SceneObject],
    parents: Mapping[int, tuple[int, str]],
    anchors: Mapping[int, str],
    frames: dict[int, _Frame],
) -> None:
    if not columns:
        return
    feet = {i: _footprint(i, sizes, parents) for column in columns for i in column}
    widths = [max(feet[i][0] for i in column) for column in columns]
    usable = 1 - 2 * _MARGIN - _GAP * (len(columns) - 1)
    scale = min(1.0, usable / sum(widths))
    column_scale: dict[int, float] = {}
    for column in columns:
        height = sum(feet[i][1] for i in column) + _GAP * (len(column) - 1)
        for i in column:
            column_scale[i] = min(scale, (1 - 2 * _MARGIN) / height)
            feet[i] = (feet[i][0] * column_scale[i], feet[i][1] * column_scale[i])
    # Everything attached to a root shrinks with it, so a cup stays in proportion to its table.
    for i in range(len(sizes)):
        root = _root_of(i, parents)
        if root in column_scale:
            sizes[i] = (sizes[i][0] * column_scale[root], sizes[i][1] * column_scale[root])
    widths = [max(feet[i][0] for i in column) for column in columns]
    spare = max(0.0, 1 - sum(widths))
    gap = spare / (len(columns) + 1)
    x = gap
    for column, width in zip(columns, widths):
        centre = x + width / 2
        if len(column) == 1:
            _place_alone(column[0], centre, sizes, feet, objects, anchors, frames)
        else:
            _place_stack(column, centre, sizes, feet, frames)
        x += width + gap


def _place_alone(
    i: int,
    centre: float,
    sizes: list[Size],
    feet: Mapping[int, Size],
    objects: Sequence[SceneObject],
    anchors: Mapping[int, str],
    frames: dict[int, _Frame],
) -> None:
    """One object in its column: standing on the ground line, or up in the sky, or where it was put."""
    w, h = sizes[i]
    reserve = feet[i][1] - h
    where = anchors.get(i, "")
    if where == "background":
        w, h, reserve = w * 0.75, h * 0.75, reserve * 0.75
        bottom = 0.62
    elif where == "foreground":
        bottom = 0.97
    elif where == "top" or (where != "bottom" and _kind_key(objects[i].name) in SKY_THINGS):
        bottom = max(_SKY_CENTRE + h / 2, reserve + h + _MARGIN)
    else:
        bottom = _GROUND_LINE
    bottom = min(max(bottom, reserve + h + _MARGIN), 1 - _MARGIN / 2)
    sizes[i] = (w, h)
    frames[i] = _Frame(centre - w / 2, bottom - h, w, h)


def _place_stack(
    column: list[int], centre: float, sizes: list[Size], feet: Mapping[int, Size], frames: dict[int, _Frame]
) -> None:
    """Objects in one column, top to bottom, with the space between them shared out evenly."""
    total = sum(feet[i][1] for i in column)
    gap = min(0.08, max(0.0, (1 - total) / (len(column) + 1)))
    y = (1 - total - gap * (len(column) - 1)) / 2
    for i in column:
        w, h = sizes[i]
        reserve = feet[i][1] - h
        frames[i] = _Frame(centre - w / 2, y + reserve, w, h)
        y += feet[i][1] + gap


def _place_dependents(anchor: int, parents: Parents, sizes: list[Size], frames: dict[int, _Frame]) -> None:
    """Place what is on, inside, in front of or behind `anchor`, then what hangs from those."""
    base = frames[anchor]
    for kind in ATTACHMENTS:
        dependents = [d for d, (a, k) in sorted(parents.items()) if a == anchor and k == kind]
        for slot, d in enumerate(dependents):
            frames[d] = _attached_frame(kind, base, sizes[d], slot, len(dependents))
            _place_dependents(d, parents, sizes, frames)


def _attached_frame(kind: str, base: _Frame, size: Size, slot: int, slots: int) -> _Frame:
    """Where one of `slots` objects attached to `base` by `kind` goes."""
    w, h = size
    slot_width = base.w / slots
    if kind == "on":
        fit = max(min(1.0, slot_width * 0.9 / w), 0.6)  # a rider may overhang a small support
        w, h = w * fit, h * fit
        cx = base.x + slot_width * (slot + 0.5)
        return _Frame(cx - w / 2, base.y + base.h * 0.12 - h, w, h)  # resting on the top edge
    if kind == "under":
        fit = min(1.0, slot_width * 0.7 / w, base.h * 0.6 / h)
        w, h = w * fit, h * fit
        cx = base.x + slot_width * (slot + 0.5)
        return _Frame(cx - w / 2, base.bottom - h, w, h)  # on the same ground, beneath the top
    if kind == "inside":
        fit = min(1.0, slot_width * 0.6 / w, base.h * 0.6 / h)
        w, h = w * fit, h * fit
        cx = base.x + slot_width * (slot + 0.5)
        return _Frame(cx - w / 2, base.y + (base.h - h) / 2, w, h)
    if kind == "in front of":
        side = 1 if slot % 2 == 0 else -1
        cx = base.cx + side * base.w * 0.2 * (1 + slot // 2)
        bottom = min(base.bottom + 0.06, 1 - _MARGIN / 4)
        return _Frame(cx - w / 2, bottom - h, w, h)
    w, h = w * 0.85, h * 0.85  # behind: further away, so smaller and higher up
    side = -1 if slot % 2 == 0 else 1
    cx = base.cx + side * base.w * 0.25 * (1 + slot // 2)
    bottom = base.y + base.h * 0.7
    return _Frame(cx - w / 2, bottom - h, w, h)
