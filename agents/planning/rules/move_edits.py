"""Edits that move objects, and where an instruction puts something.

"move the cat to the left", "put the dog on the right", "move the boat left of the lighthouse": the
object loses its old positional relations, takes the new one or the anchor, and is marked for a new
box (placement.py). `destination` reads a place from words: next to another object, or a part of the
picture ("into the background", "a bit more to the left").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.references import reference, required, thing_named
from limner.agents.scene.composition import ATTACHMENTS

from limner.errors import InvalidRequest

_MOVE = re.compile(
    r"^(?:move|put|place|shift|position|slide|drag|bring|push|pull|set|reposition|relocate|nudge)\s+(?P<rest>.+)$"
)
_MOVE_ONLY = ("move", "shift", "slide", "drag", "reposition", "relocate", "nudge", "push", "pull")


def move_clause(draft: Draft, text: str) -> bool:
    """'move the cat to the left', 'put the dog on the right', 'move the boat left of the lighthouse'."""
    m = _MOVE.match(text)
    if not m:
        return False
    ref = reference(draft, m["rest"])
    if ref is None or (ref.number is not None and not m["rest"].startswith(("the ", "both ", "all "))):
        if text.split()[0] in _MOVE_ONLY:
            raise draft.missing(thing_named(m["rest"]) or m["rest"])
        return False  # 'put a hat on the cat' adds a hat
    placement = destination(draft, ref.rest)
    if placement is None and text.split()[0] in _MOVE_ONLY:
        where = "'to the left', 'to the right', 'into the background', 'next to the ...'"
        raise InvalidRequest(f"say where to move the {ref.name}: {where}; the scene has {draft.inventory()}")
    if placement is None:
        return False
    move_to(draft, required(draft, ref, m["rest"]), placement)
    return True


@dataclass
class Destination:
    """Where a move puts something: a part of the picture (`anchor`), or a relation to other objects."""

    anchor: str | None = None
    predicate: str | None = None
    target: list[int] = field(default_factory=list)


_RELATIONS = sorted(
    [*((p, r) for p, r in grammar_words.RELATION_PHRASES.items() if r != "contains"),
     ("in", "inside"), ("into", "inside"), ("by", "next to"), ("to", "near"), ("towards", "near")],
    key=lambda item: -len(item[0]),
)  # fmt: skip
_ANCHOR_WORDS = {
    "left": "left", "left-hand": "left", "right": "right", "right-hand": "right", "center": "center",
    "centre": "center", "middle": "center", "top": "top", "up": "top", "upwards": "top", "upward": "top",
    "higher": "top", "bottom": "bottom", "down": "bottom", "downwards": "bottom", "lower": "bottom",
    "background": "background", "back": "background", "distance": "background", "away": "background",
    "foreground": "foreground", "front": "foreground", "forward": "foreground", "closer": "foreground",
}  # fmt: skip
_ANCHOR_FILLER = frozenset(
    {"to", "the", "on", "in", "into", "at", "toward", "towards", "over", "a", "bit", "little", "more",
     "further", "farther", "far", "slightly", "way", "all", "side", "edge", "corner", "part", "half", "of",
     "picture", "image", "frame", "scene", "canvas", "it", "so", "that", "is", "be", "just"}
)  # fmt: skip


def destination(draft: Draft, text: str) -> Destination | None:
    """Where `text` puts something: next to another object, or a part of the picture; None if neither."""
    text = re.sub(r"^(?:(?:a bit|a little|slightly|just|directly|over|more|further)\s+)+", "", text)
    for candidate in [text] + ([text[6:]] if text.startswith("right ") else []):  # 'right next to'
        for phrase, predicate in _RELATIONS:
            if not candidate.startswith(phrase + " "):
                continue
            rest = candidate[len(phrase) + 1 :]
            ref = reference(draft, rest, whole=True)
            if ref is not None:
                return Destination(predicate=predicate, target=required(draft, ref, rest))
            if thing_named(rest) and not anchor_of(rest):
                raise draft.missing(thing_named(rest) or rest)
    anchor = anchor_of(text)
    return Destination(anchor=anchor) if anchor else None


def anchor_of(text: str) -> str | None:
    """The part of the picture `text` names ('to the left', 'a bit higher', 'into the background'), or None."""
    if text in grammar_words.ANCHOR_PHRASES:
        return grammar_words.ANCHOR_PHRASES[text]
    words = [w for w in text.split() if w not in _ANCHOR_FILLER]
    where = {_ANCHOR_WORDS.get(w) for w in words}
    return where.pop() if words and len(where) == 1 and None not in where else None


def move_to(draft: Draft, ids: list[int], placement: Destination) -> None:
    """Move objects: their old positional relations go, the new one comes, and they get new boxes."""
    for oid in ids:
        draft.relations = [
            (s, p, o) for s, p, o in draft.relations if s != oid and not (o == oid and p not in ATTACHMENTS)
        ]
        for target in placement.target:
            if target == oid:
                raise InvalidRequest(f"cannot put the {draft.objects[oid].name} {placement.predicate} itself")
            draft.relate(oid, placement.predicate or "near", target)
        draft.placed[oid] = placement.anchor
