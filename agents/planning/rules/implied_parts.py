"""Relations that parts of a body imply for the body and for each other (implied.py adds them with its own).

- what a body part does, its owner does: "the hand of a woman holding a cup" -> the woman holds the cup;
- a part that rests on the ground puts the one body there too: "both feet are on the ground" -> the person
  is on the ground (the owner is the thing the part is "of", else the one person or animal described);
- of a left and a right part of one kind, the one said to be in front is in front of the other, the one
  said to be behind is behind it: "the left foot in front and the right foot back"; and so of the body;
- "the body" of a pose is the one body described: "arms in front of the body" are in front of the person;
- a thing in a state that makes one meaning with the relation after it is in that state there too: "the
  left leg is bent at the knee" -> the leg is bent at the knee (verbs.PARTICIPLE_PHRASES).

Each rule reads only names, describing words and the relations already made; the word tables are data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from limner.agents.planning.rules.pronouns import can_act
from limner.agents.planning.rules.verbs import PARTICIPLE_PHRASES
from limner.agents.scene.model import SceneObject

# Parts of a body, by the last word of their name ('left foot' -> 'foot').
BODY_PARTS = frozenset(
    {"foot", "feet", "knee", "knees", "hand", "hands", "leg", "legs", "toe", "toes", "heel", "heels", "palm",
     "palms", "finger", "fingers", "arm", "arms", "elbow", "elbows", "paw", "paws", "hoof", "hooves", "shin",
     "shins", "thigh", "thighs", "buttock", "buttocks", "bottom", "hip", "hips", "back", "head", "forearm",
     "forearms", "wrist", "wrists", "ankle", "ankles"}
)  # fmt: skip
# Grounds a body rests on through its parts: "feet on the ground", "knees on the floor".
RESTING_GROUNDS = frozenset({"ground", "floor", "grass", "sand", "snow", "mat", "yoga mat", "carpet", "rug", "lawn"})
# Names of the one who owns the parts in a description of a pose ("The figure is ...").
BODY_OWNERS = frozenset({"figure", "subject", "poser", "human", "individual", "character", "model", "he", "she"})
# Describing words that put a part before or behind the other one of its pair.
FRONT_WORDS = frozenset({"in front", "forward", "forwards", "ahead", "in the front"})
BACK_WORDS = frozenset({"behind", "in back", "back", "backward", "backwards", "in the back"})
_SIDES = ("left ", "right ")
# A part's place in the picture read as depth: 'the left foot in front' may be read as the foreground.
_PLACE_WORDS = {"foreground": "in front", "background": "behind"}
# Words for the whole body in a description of a pose: "in front of the body".
BODY_WORDS = frozenset({"body", "whole body", "entire body"})

Add = Callable[[int, str, int], None]


def part_relations(objects: Sequence[SceneObject], relations: list[tuple[int, str, int]], add: Add) -> None:
    """Add, with `add`, what the module docstring's rules imply from `relations`."""
    owners = {s: o for s, p, o in relations if p == "of" and _is_part(objects[s].name) and _owns(objects[o].name)}
    for s, p, o in relations:
        if s in owners and _acting(p) and o != owners[s]:
            add(owners[s], p, o)  # 'the hand of a woman holding a cup': she holds it
    bodies = [k for k, obj in enumerate(objects) if _owns(obj.name)]
    body = bodies[0] if len(bodies) == 1 else None
    for s, p, o in relations:
        if body is not None and objects[o].name in BODY_WORDS and s != body:
            add(s, p, body)  # 'both arms stacked in front of the body': in front of the person
    on_ground = {(s, o) for s, p, o in relations if p == "on"}
    for s, p, o in relations:
        if p != "on" or not _is_part(objects[s].name) or objects[o].name not in RESTING_GROUNDS:
            continue
        owner = owners.get(s, body)
        if owner is not None and (owner, o) not in on_ground:
            add(owner, "on", o)  # 'both feet are on the ground': the person is on it
    _paired_depth(objects, body, add)
    for s, p, o in relations:
        for word in objects[s].attributes.described():
            if f"{word} {p}" in PARTICIPLE_PHRASES:
                add(s, f"{word} {p}", o)  # 'the left leg is bent at the knee'


def _paired_depth(objects: Sequence[SceneObject], body: int | None, add: Add) -> None:
    """'the left foot in front and the right foot back': the left foot is in front of the right one, and
    of the body."""
    by_name = {obj.name: k for k, obj in enumerate(objects)}
    for k, obj in enumerate(objects):
        if not obj.name.startswith(_SIDES) or not _is_part(obj.name):
            continue
        side, kind = obj.name.split(" ", 1)
        other = by_name.get(f"{'right' if side == 'left' else 'left'} {kind}")
        words = set(obj.attributes.described()) | ({_PLACE_WORDS[obj.place]} if obj.place in _PLACE_WORDS else set())
        depth = "in front of" if words & FRONT_WORDS else "behind" if words & BACK_WORDS else None
        if depth is None or words & FRONT_WORDS and words & BACK_WORDS:
            continue
        for beside in (other, body):
            if beside is not None:
                add(k, depth, beside)


def _is_part(name: str) -> bool:
    return name.rsplit(" ", 1)[-1] in BODY_PARTS


def _owns(name: str) -> bool:
    """Whether a thing is one whose parts a description names: a person, an animal, 'the figure'."""
    return can_act(name) or name in BODY_OWNERS


def _acting(predicate: str) -> bool:
    """Whether a predicate says what its subject does ('holding', 'touching'), not where it is."""
    return predicate.split(" ", 1)[0].endswith("ing")
