"""Boxes after an edit: keep what the edit did not touch, place what it did.

A fresh layout of the edited Scene (composition.py) says how big each object is and how it hangs from
others; only objects the edit added or moved (with whatever is attached to them, and anything left
hanging by a removal) take a box from it, moved onto the kept picture where their relations and anchor
hold and other objects are least covered; a kept object the new one would mostly cover steps aside. A
count or size change scales a box about its base. Only when the kept picture has no room left is the
whole Scene laid out afresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from limner.agents.planning.rules.draft import Draft
from limner.agents.scene.composition import ATTACHMENTS, hangs_from, layout_boxes
from limner.agents.scene.geometry import Box, centre, on_canvas, overlap_area
from limner.agents.scene.model import Relation, Scene
from limner.agents.scene.predicates import spatial_form
from limner.agents.scene.words import BACKDROP_BANDS

_BANDS = frozenset(BACKDROP_BANDS.values())


def edited_boxes(draft: Draft, parent: Scene) -> dict[int, Box | None]:
    """Each object's box after the edit: the parent's, or for what the edit placed (and what hangs from
    it) a box from a fresh layout moved onto the kept picture; a kept object that a placed one would
    mostly cover steps aside, with whatever stands on it."""
    ids = list(draft.objects)
    if not ids:
        return {}
    index = {oid: k for k, oid in enumerate(ids)}
    objects = [draft.objects[i] for i in ids]
    relations = [_relation(index[s], p, index[o]) for s, p, o in draft.relations]
    anchors = {index[i]: where for i, where in draft.placed.items() if where and i in index}
    aspect = parent.width / parent.height
    fresh = dict(zip(ids, layout_boxes(objects, relations, anchors=anchors, aspect=aspect)))
    parents = _attachment_parents(_spatial(draft.relations), fresh)
    old_boxes = {i: o.box for i, o in enumerate(parent.objects)}
    old_parents = _attachment_parents(_spatial((r.subject, r.predicate, r.object) for r in parent.relations), old_boxes)
    affected = _affected(draft, parents, old_parents)
    boxes = {i: _kept_box(draft, i, aspect) for i in ids if i not in affected}
    scale = _scale(draft, boxes, fresh, parents)
    for i in _parents_first(affected, parents):
        boxes[i] = _new_box(i, draft, fresh, boxes, parents, scale)
        if i not in parents and boxes[i] not in _BANDS:
            _step_aside(i, draft, boxes, parents, affected)
    if _crowding(boxes, parents) > _crowding(old_boxes, old_parents):
        return dict(fresh)  # no room left on the kept picture: lay the whole Scene out afresh
    return boxes


def _crowding(boxes: dict[int, Box | None], parents: dict[int, int]) -> int:
    """How many pairs of free-standing objects mostly cover one another."""
    free = [b for i, b in sorted(boxes.items()) if b is not None and b not in _BANDS and i not in parents]
    return sum(
        overlap_area(a, b) > 0.25 * min(a[2] * a[3], b[2] * b[3]) for k, a in enumerate(free) for b in free[k + 1 :]
    )


def _relation(subject: int, predicate: str, other: int) -> Relation:
    return Relation(subject=subject, predicate=predicate, object=other)  # type: ignore[arg-type]


def _spatial(relations: Iterable[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The relations in their spatial form ('A wearing B' is 'B inside A'); the others place nothing."""
    return [form for form in (spatial_form(*r) for r in relations) if form is not None]


def _attachment_parents(relations: list[tuple[int, str, int]], boxes: dict[int, Box | None]) -> dict[int, int]:
    """subject -> the object it is on, under, inside, in front of or behind (first relation wins, as in
    composition.py; settings drawn as bands hold nothing)."""
    parents: dict[int, int] = {}
    for s, p, o in relations:
        if p not in ATTACHMENTS or s in parents or s not in boxes or o not in boxes:
            continue
        if boxes[s] in _BANDS or boxes[o] in _BANDS or hangs_from(o, s, parents):
            continue
        parents[s] = o
    return parents


def _affected(draft: Draft, parents: dict[int, int], old_parents: dict[int, int]) -> set[int]:
    """What needs a new box: placed objects, what hangs from them, and what lost what it hung from."""
    affected = {i for i in draft.placed if i in draft.objects}
    affected |= {i for i in draft.objects if i in old_parents and parents.get(i) != old_parents[i]}
    while grown := {i for i, p in parents.items() if p in affected} - affected:
        affected |= grown
    return affected


def _kept_box(draft: Draft, oid: int, aspect: float) -> Box | None:
    """The parent's box; for a count or size change, scaled around the middle of its base."""
    old = draft.before[oid].box
    if old is None or oid not in draft.resized:
        return old
    before = layout_boxes([draft.before[oid]], [], aspect=aspect)[0]
    after = layout_boxes([draft.objects[oid]], [], aspect=aspect)[0]
    w = min(old[2] * after[2] / before[2], 0.95)
    h = min(old[3] * after[3] / before[3], 0.95)
    return on_canvas(centre(old)[0] - w / 2, old[1] + old[3] - h, w, h)


def _scale(draft: Draft, boxes: dict[int, Box | None], fresh: dict[int, Box], parents: dict[int, int]) -> float:
    """How much bigger the kept picture draws things than the fresh layout does (the median of its objects)."""
    ratios = sorted(
        box[2] / fresh[i][2]
        for i, box in boxes.items()
        if box is not None and i not in parents and i not in draft.resized and fresh[i] not in _BANDS
    )
    if not ratios:
        return 1.0
    return min(max(ratios[len(ratios) // 2], 0.6), 1.6)


def _parents_first(ids: set[int], parents: dict[int, int]) -> list[int]:
    def depth(i: int) -> int:
        d, seen = 0, set()
        while i in parents and i not in seen:
            seen.add(i)
            i, d = parents[i], d + 1
        return d

    return sorted(ids, key=lambda i: (depth(i), i))


def _new_box(
    oid: int, draft: Draft, fresh: dict[int, Box], boxes: dict[int, Box | None], parents: dict[int, int], scale: float
) -> Box:
    box = fresh[oid]
    if box in _BANDS:
        return box
    anchor = parents.get(oid)
    if anchor is not None and boxes.get(anchor) is not None:
        return _attached(box, fresh[anchor], boxes[anchor])  # type: ignore[arg-type]
    where = draft.placed.get(oid)
    old = draft.before[oid].box if oid in draft.before else None
    if old is not None and oid not in draft.resized and where not in ("background", "foreground"):
        w, h = old[2], old[3]  # a moved object keeps its size
    else:
        w, h = min(box[2] * scale, 0.95), min(box[3] * scale, 0.95)
    # A new object may be drawn smaller to fit between the kept ones; a moved one keeps its size.
    spot = _Spot(w, h, box[1] + box[3], _preferred_x(where, box[0], w), where, shrink=old is None)
    return _best_spot(spot, _others(oid, boxes), _relations_of(oid, draft, boxes))


def _attached(box: Box, fresh_anchor: Box, anchor: Box) -> Box:
    """`box` carried from where the fresh layout put it to the same spot on the kept anchor."""
    sx, sy = anchor[2] / fresh_anchor[2], anchor[3] / fresh_anchor[3]
    s = (sx * sy) ** 0.5
    w, h = box[2] * s, box[3] * s
    cx = anchor[0] + (centre(box)[0] - fresh_anchor[0]) * sx
    bottom = anchor[1] + (box[1] + box[3] - fresh_anchor[1]) * sy
    return on_canvas(cx - w / 2, bottom - h, w, h)


def _step_aside(
    oid: int, draft: Draft, boxes: dict[int, Box | None], parents: dict[int, int], affected: set[int]
) -> None:
    """Kept free-standing objects that `oid` now mostly covers move to the nearest free spot."""
    placed = boxes[oid]
    assert placed is not None
    for j, box in sorted(boxes.items()):
        if j in affected or j in parents or box is None or box in _BANDS or j == oid:
            continue
        if overlap_area(placed, box) <= 0.1 * min(placed[2] * placed[3], box[2] * box[3]):
            continue
        spot = _Spot(box[2], box[3], box[1] + box[3], box[0], None, shrink=False)
        moved = _best_spot(spot, _others(j, boxes), _relations_of(j, draft, boxes))
        boxes[j] = moved
        for d in sorted(d for d in boxes if d != j and hangs_from(d, j, parents)):
            if boxes[d] is not None:
                boxes[d] = _attached(boxes[d], box, moved)  # type: ignore[arg-type]


def _others(oid: int, boxes: dict[int, Box | None]) -> dict[int, Box]:
    return {j: b for j, b in boxes.items() if b is not None and b not in _BANDS and j != oid}


_FLIPPED = {
    "left of": "right of",
    "right of": "left of",
    "above": "below",
    "below": "above",
    "next to": "next to",
    "near": "near",
}


def _relations_of(oid: int, draft: Draft, boxes: dict[int, Box | None]) -> list[tuple[str, int]]:
    """(predicate, other) for `oid`'s relations to objects that already have a box, with `oid` as subject."""
    others = _others(oid, boxes)
    spatial = _spatial(draft.relations)
    relations = [(p, o) for s, p, o in spatial if s == oid and o in others]
    return relations + [(_FLIPPED[p], s) for s, p, o in spatial if o == oid and s in others and p in _FLIPPED]


@dataclass
class _Spot:
    """What a free-standing object needs: its size, where its base is, the x it would like, its anchor."""

    w: float
    h: float
    bottom: float
    preferred: float
    where: str | None
    shrink: bool = True  # whether it may be drawn smaller to fit


def _best_spot(spot: _Spot, others: dict[int, Box], relations: list[tuple[str, int]]) -> Box:
    """The box that best keeps the object's relations and anchor and overlaps the others least."""
    bottom = spot.bottom
    for predicate, j in relations:
        if predicate == "above":
            bottom = others[j][1] - 0.02
        elif predicate == "below":
            bottom = others[j][1] + others[j][3] + 0.02 + spot.h
    best: tuple[float, int, float, Box] | None = None
    for rank, k in enumerate((1.0, 0.8, 0.65) if spot.shrink else (1.0,)):
        w, h = spot.w * k, spot.h * k
        y = min(max(bottom - h, 0.0), 1 - h)
        preferred = min(max(spot.preferred + (spot.w - w) / 2, 0.0), 1 - w)
        for step in range(int((1 - w) / 0.01) + 1):
            box = (step * 0.01, y, w, h)
            cost = _cost(box, others, relations, spot.where) + abs(box[0] - preferred) + 0.6 * (1 - k)
            if best is None or (cost, rank, box[0]) < best[:3]:
                best = (cost, rank, box[0], box)
    assert best is not None
    return on_canvas(*best[3])


def _preferred_x(where: str | None, fresh_x: float, w: float) -> float:
    if where == "left":
        return 0.04
    if where == "right":
        return 1 - w - 0.04
    if where == "center":
        return 0.5 - w / 2
    return min(max(fresh_x, 0.0), 1 - w)


def _cost(box: Box, others: dict[int, Box], relations: list[tuple[str, int]], where: str | None) -> float:
    x, _, w, h = box
    cx = centre(box)[0]
    overlap = sum(overlap_area(box, b) for b in others.values()) / (w * h)
    miss = near = 0.0  # how far the relations are from holding; 'next to' is the weaker wish
    for predicate, j in relations:
        b = others[j]
        if predicate == "left of":
            miss += max(0.0, x + w - b[0])
        elif predicate == "right of":
            miss += max(0.0, b[0] + b[2] - x)
        elif predicate in ("next to", "near"):
            near += max(0.0, b[0] - (x + w), x - (b[0] + b[2]))
        elif predicate in ("above", "below"):
            miss += abs(cx - centre(b)[0])
    off = 0.0  # how far the anchor is from holding
    if where == "left":
        off = max(0.0, cx - 0.4)
    elif where == "right":
        off = max(0.0, 0.6 - cx)
    elif where == "center":
        off = max(0.0, abs(cx - 0.5) - 0.1)
    # A relation or anchor outweighs any overlap: what is covered steps aside afterwards.
    return 4 * overlap + 6 * near + 20 * (miss + off)
