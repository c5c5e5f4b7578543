"""Relations a description implies without writing them, added after the layout (they place nothing new).

- depth: what is in the background, and the sky, is behind everything the picture shows in front of it.
  "A man at a podium. In the background there is a wall": the man and the podium are in front of the wall;
- support: "a table with cups" puts the cups on the table (a surface), "a field with a tractor" puts the
  tractor in the field (a setting), "a blackboard with the word 'X'" writes the word on the blackboard;
- where things are passes along: beside a thing in a setting, a thing is in it too ("a bike next to a car
  on a road" -> on the road; but a dog next to boxes on a shelf is not on the shelf); on a thing on
  another, on that one too ("a kitten on a blanket on a bed" -> on the bed); on or in a thing beside
  another, beside that one too ("a woman on a couch in front of a laptop" -> in front of the laptop);
- where a description names one setting ("a firefight in the streets, smoke, police"), the things it
  relates to nothing else are in that setting too;
- what a thing rides, drives, pushes, pulls, carries, holds, chases or leads goes where it goes: "a man
  riding a jet ski through the desert" -> the jet ski goes through the desert too; and a rider is on
  what it rides.

Each rule reads only the names, places and relations the grammar made; the word tables are data.
"""

from __future__ import annotations

from collections.abc import Sequence

from limner.agents.planning.rules.grammar_words import PART_NOUNS
from limner.agents.planning.rules.unquoted import TEXT_CARRIERS
from limner.agents.scene.model import MAX_RELATIONS, SceneObject
from limner.agents.scene.words import BACKDROPS

# Things other things stand or lie on: "a table with cups" -> the cups are on the table.
SURFACE_NOUNS = frozenset(
    {"table", "desk", "counter", "countertop", "shelf", "tray", "plate", "platter", "dish", "board",
     "blackboard", "chalkboard", "whiteboard", "cutting board", "bench", "sofa", "couch", "bed", "floor",
     "tree", "christmas tree", "cake", "pizza", "wall", "page", "paper", "newspaper", "poster", "sign",
     "book", "stage", "roof", "rooftop", "windowsill", "mantel", "mantelpiece", "nightstand", "dresser",
     "cabinet", "pedestal"}
)  # fmt: skip
# Words that are written, not drawn: "a sign with the word 'OPEN'" -> the word is on the sign.
WRITTEN_NOUNS = frozenset(
    {"word", "words", "text", "headline", "message", "caption", "title", "slogan", "quote", "phrase",
     "letter", "letters", "lettering", "writing", "inscription", "logo", "label", "name", "number", "numbers",
     "formula", "equation", "math formula", "diagram", "drawing", "graffiti", "sticker"}
)  # fmt: skip
# Things that stand beside a surface rather than on it: "a table with chairs".
_BESIDE_SURFACES = frozenset({"chair", "chairs", "stool", "stools", "bench", "benches", "person", "people"})
# Settings that hold nothing inside them: "a mountain with a cloud" puts no cloud in the mountain.
_OPEN_SETTINGS = frozenset(
    {"mountain", "mountains", "hill", "hills", "volcano", "cliff", "cliffs", "horizon", "skyline", "treeline",
     "mountain range", "island", "sky", "skies", "landscape", "cityscape", "countryside", "canyon", "valley"}
)  # fmt: skip
# Side-by-side relations, after which where the second thing is holds for the first too (not 'behind':
# a wall behind a cat on a mat is not on the mat).
_SIDE_BY_SIDE = frozenset({"left of", "right of", "next to", "near", "with"})
# Relations of a thing to what holds it up or in, and the relations beside another that it shares then:
# "a motorcycle on a road next to a building" is next to the building.
_HOLDING_PLACES = frozenset({"on", "in", "inside", "at"})
_BESIDE = frozenset({"next to", "near", "in front of", "behind", "left of", "right of"})
# Verbs that put their subject on their object.
_SITS_ON = frozenset({"riding", "straddling", "mounting"})
# Verbs whose object goes where the subject goes, and the relations of place it shares.
_TAKEN_ALONG = frozenset(
    {"riding", "driving", "pushing", "pulling", "carrying", "holding", "dragging", "chasing", "following",
     "leading", "walking"}
)  # fmt: skip
_SHARED_PLACES = frozenset({"on", "in", "inside", "through", "across", "along", "at", "down", "up"})
# What a thing holds or wears goes with it, and is no thing in front of the background of its own.
_CARRIED = frozenset({"wearing", "holding", "carrying", "with"})
# Places in the picture that are not the background's front: the sky at the top is not in front of it.
_FRONT_PLACES = (None, "foreground", "left", "right", "center", "bottom")


def implied(objects: Sequence[SceneObject], relations: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The relations the others imply (the module docstring's rules), none already said, within the
    Scene's limit, in a fixed order: support, then where things are, then depth."""
    said = {(s, o) for s, _, o in relations} | {(o, s) for s, _, o in relations}
    added: list[tuple[int, str, int]] = []
    room = MAX_RELATIONS - len(relations)

    def add(subject: int, predicate: str, other: int) -> None:
        if subject != other and len(added) < room and (subject, other, predicate) not in seen:
            seen.add((subject, other, predicate))
            added.append((subject, predicate, other))

    seen: set[tuple[int, int, str]] = {(s, o, p) for s, p, o in relations}
    for s, p, o in relations:
        if p == "with":
            support = _support(objects[s].name, objects[o].name)
            if support:
                add(o, support, s)
    for s, p, o in relations:
        if p not in _SIDE_BY_SIDE and p != "on" or p == "with" and _head(objects[o].name) in PART_NOUNS:
            continue
        for s2, p2, o2 in relations:  # 'a kitten on a blanket on a bed': on the bed too
            if s2 == o and o2 != s and (p2 == "on" if p == "on" else _passes_along(p2, objects[o2].name)):
                add(s, p2, o2)
    for s, p, o in relations:  # 'a woman on a couch in front of a laptop': the woman is in front of it
        if p in _HOLDING_PLACES:
            for s2, p2, o2 in relations:
                if s2 == o and o2 != s and (p2 in _BESIDE or p2 == "on" and p in ("in", "inside")):
                    add(s, p2, o2)
    for s, p, o in relations:
        if p in _SITS_ON:  # 'a man riding a horse' is on the horse
            add(s, "on", o)
        if p in _TAKEN_ALONG:
            for s2, p2, o2 in relations:
                if (
                    s2 == s
                    and o2 != o
                    and p2 in _SHARED_PLACES
                    and (p2 not in ("in", "inside") or _setting(objects[o2].name))
                ):
                    add(o, p2, o2)
    settings = {o for _, p, o in relations if p in ("in", "inside") and _setting(objects[o].name)}
    if len(settings) == 1:  # 'a firefight in the streets, smoke, police': all in the streets
        setting = next(iter(settings))
        related = {s for s, _, _ in relations} | {o for _, _, o in relations}
        for k, obj in enumerate(objects):
            if k not in related and obj.place is None and not _setting(obj.name) and BACKDROPS.get(obj.name) != "sky":
                add(k, "in", setting)
    carried = {o for _, p, o in relations if p in _CARRIED}
    skies = {i for i, obj in enumerate(objects) if BACKDROPS.get(obj.name) == "sky"}
    backs = [i for i, obj in enumerate(objects) if obj.place == "background" or i in skies]
    for back in backs:
        for front, obj in enumerate(objects):
            if obj.place in _FRONT_PLACES and front not in carried | skies and (front, back) not in said:
                if _head(obj.name) not in PART_NOUNS:
                    add(front, "in front of", back)
    return added


def _support(holder: str, held: str) -> str | None:
    """Where a thing 'with' another has it: on a surface, in a setting, written on it; else None."""
    if _head(held) in PART_NOUNS:
        return None  # 'a cat with green eyes'
    if (held in WRITTEN_NOUNS or _head(held) in WRITTEN_NOUNS) and _head(holder) in TEXT_CARRIERS | SURFACE_NOUNS:
        return "on"  # 'a sign with the word OPEN' (not 'a lizard on a plate, with the words ...')
    if (holder in SURFACE_NOUNS or _head(holder) in SURFACE_NOUNS) and _head(held) not in _BESIDE_SURFACES:
        return "on"
    return "in" if _setting(holder) else None


def _passes_along(predicate: str, name: str) -> bool:
    """Whether 'X <predicate> <name>' says where X is in a way a thing beside X shares: on or in a setting
    ('on a road', 'in a field'), not on or in a thing ('on a shelf', 'in a hat')."""
    return predicate in ("on", "in", "inside") and _setting(name)


def _setting(name: str) -> bool:
    """Whether a thing is a setting others are in: 'a field', 'a room', 'a city' (not 'a mountain')."""
    head = _head(name)
    return (name in BACKDROPS or head in BACKDROPS) and name not in _OPEN_SETTINGS and head not in _OPEN_SETTINGS


def _head(name: str) -> str:
    return name.rsplit(" ", 1)[-1].lower()
