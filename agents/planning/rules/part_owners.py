"""Who has a part named after 'with', for the rules planner's grammar (clauses.py and grammar.py ask).

- a part said right after a thing that can have it is that thing's: "a cow next to a tree with red leaves"
  (the tree's leaves), "a girl holding a mug with a chipped handle"; a part only living things have goes
  back to the subject when the nearest thing is no living thing ("a cat on a sofa with green eyes"), and
  a setting or backdrop has no parts ("falling through the sky with wings");
- one that can act after 'with' that follows a place the subject is in keeps the subject company: "a
  lion lying in the grass with its cubs" (the lion's, not the grass's);
- a relation of place right after a part only living things have is its owner's: "a woman with long hair
  next to a bird" (the woman is next to the bird, not her hair); a part of a thing may be beside another
  ("a house has a window beside the door");
- a relation of place after what the owner wears, holds or has as a part is the owner's: "a cat with a
  red collar on a sofa", "a knight with a sword on a horse", "a lighthouse with a red roof on a cliff";
  not where the place is the owner's own part or side ("a man with a hat on his head", "a shirt with a
  logo on the front"), where a limb is put ("a cat with its paws on the chair"), nor a table or a stand
  a held thing is put on ("a woman with a cup on the table");
- so, too, the place of a small thing with what it has ("a pizza with basil on a board") and a setting
  ("an island with palm trees in the ocean"); one that can act is there with its owner ("a man with a
  dog in the park"); a picture's owner shows what is placed ("a poster with a man on a beach");
- a verb after a part or a carried thing is its owner's ("a bird with blue feathers perched on a
  branch", "a train with three carriages crossing a bridge"), unless the thing does it by itself ("a
  girl with a kite flying over a hill", "a woman with long hair blowing in the wind").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import with_words
from limner.agents.planning.rules.grammar_words import HOLDING_PARTS, PART_NOUNS
from limner.agents.planning.rules.owned_words import WORN_THINGS
from limner.agents.planning.rules.poses_words import PARTS as BODY_PARTS
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.scene.words import BACKDROPS, SMALL_THINGS

if TYPE_CHECKING:
    from limner.agents.planning.rules.clauses import Clauses

# Parts only people and animals have: 'with long hair' after a car is the subject's hair.
LIVING_PARTS = frozenset(
    {"eye", "eyes", "ear", "ears", "hair", "fur", "feather", "feathers", "antler", "antlers", "beard", "mustache",
     "moustache", "whisker", "whiskers", "mane", "paw", "paws", "hand", "hands", "nose", "mouth", "teeth", "tooth",
     "smile", "freckles", "skin", "claws", "beak", "tusks", "hooves"}
)  # fmt: skip
# Relations of place beside a thing, which a part does not stand in apart from its owner.
_BESIDE = frozenset(
    {"next to", "near", "beside", "behind", "in front of", "left of", "right of", "across from", "between"}
)
# Relations of place a thing is in with all it has: 'a cat with a collar on a sofa' (the cat is on it).
_PLACES = frozenset(
    {"on", "in", "inside", "above", "below", "under", "at", "across", "through", "over", "into", "onto",
     "in the middle of", "around", "along"}
)  # fmt: skip
_HAVING = ("with", "has")
_ALL_PARTS = PART_NOUNS | LIVING_PARTS | with_words.MORE_PARTS
# Where on a body or its clothes a carried thing is: 'on his head', 'at her side', 'on his belt'.
_BODY_PLACES = frozenset(BODY_PARTS) | HOLDING_PARTS | LIVING_PARTS | WORN_THINGS | {"side", "lap", "shoulders"}


def holders(reading: Clauses, part: int) -> list[int]:
    """What has the thing `part` named after 'with': the nearest thing before 'with' when that can have it,
    else what 'with' was read as about."""
    nearest, head = reading.with_nearest, _head(reading.things[part].name)
    if nearest is None or nearest in reading.relation_subjects or not _among(head, PART_NOUNS):
        return _companions_of(reading, part) or list(reading.relation_subjects)
    name = reading.things[nearest].name
    if _among(head, LIVING_PARTS) and not can_act(name) or name in BACKDROPS or _head(name) in BACKDROPS:
        return list(reading.relation_subjects)  # 'falling through the sky with wings': no part of the sky
    return [nearest]


def _companions_of(reading: Clauses, other: int) -> list[int]:
    """Who one that can act is 'with' when 'with' follows a place the subject is in: the subject, which can
    act too ('a lion lying in the grass with its cubs'); a place has no company of its own. Empty when
    that is not so ('a barn in a field with cows': the field has them)."""
    subjects = [s for s in reading.subjects if s != other]
    held = [h for h in reading.relation_subjects if h not in subjects]
    if not (subjects and held and can_act(reading.things[other].name)):
        return []
    if any(can_act(reading.things[h].name) for h in held) or not all(can_act(reading.things[s].name) for s in subjects):
        return []
    return subjects


def relation_subjects(reading: Clauses, predicate: str, subjects: list[int]) -> list[int]:
    """Who a relation of place read right after a part named after 'with' is about: the part's owner."""
    last = reading.last_thing
    if predicate not in _BESIDE or subjects != [last] or last is None or reading.last_role != "with":
        return subjects
    if not _among(_head(reading.things[last].name), LIVING_PARTS):
        return subjects  # 'a piano with a book next to the lamp', 'a house has a window beside the door'
    owners = [s for s, p, o in reading.relations if o == last and p in ("with", "has")]
    return owners or subjects


def placed_holders(reading: Clauses, place: int, predicate: str) -> list[int]:
    """What a relation of place to thing `place` is about, when it follows a thing named after 'with':
    that thing's owner where the thing goes with it (the module docstring's rules), else the relation's
    subjects."""
    subjects = reading.relation_subjects
    if len(subjects) != 1 or reading.last_role != "with" or predicate not in _PLACES | _BESIDE:
        return subjects
    held = subjects[0]
    owners = [s for s, p, o in reading.relations if o == held and p in _HAVING]
    if not owners or place in owners or place == held or _own_place(reading, owners, held, place, predicate):
        return subjects
    if _goes_along(reading, owners, held):
        return owners
    if predicate in _BESIDE or any(_among(_head(reading.things[o].name), with_words.SHOWING_THINGS) for o in owners):
        return subjects  # 'a tree with a swing next to a lake', 'a poster with a man on a beach'
    small = all(_among(_head(reading.things[o].name), SMALL_THINGS) for o in owners)
    if not small and not _setting(reading.things[place].name):
        return subjects  # 'a room with a lamp on a desk', 'a park with a bench under a tree'
    return [*owners, held] if can_act(reading.things[held].name) else owners  # 'a man with a dog in the park'


def verb_owners(reading: Clauses, thing: int | None, verb: str) -> list[int]:
    """Who does what `verb` says right after thing `thing` named after 'with': the thing's owner where the
    thing is a part of it or carried by it and does not do such a thing by itself; empty when that is
    not so."""
    if thing is None or reading.chunk_role != "with" or reading.points_back:
        return []
    owners = [s for s, p, o in reading.relations if o == thing and p in _HAVING]
    head = _head(reading.things[thing].name)
    if not owners:
        return []
    if verb in with_words.FLIGHT_VERBS and _among(head, with_words.FLYING_THINGS):
        return [thing]  # 'a girl with a kite flying over a hill': the kite flies
    if not _goes_along(reading, owners, thing):
        return []
    carried = _among(head, WORN_THINGS) or _among(head, with_words.HELD_THINGS)
    if verb in with_words.SELF_VERBS or carried and verb in with_words.HANGING_VERBS:
        return [thing]  # 'a girl with long hair blowing in the wind', 'a man with a sword hanging at his side'
    if verb.endswith("ing"):
        return owners  # 'a train with three carriages crossing a bridge'
    part = _among(head, _ALL_PARTS)
    return owners if part and verb in with_words.WHOLE_POSTURES else []  # 'with blue feathers perched on'


def _goes_along(reading: Clauses, owners: list[int], held: int) -> bool:
    """Whether a thing named after 'with' is where its owners are: a part of theirs, or a thing they wear
    or hold when they can."""
    head = _head(reading.things[held].name)
    if _among(head, _ALL_PARTS):
        return True
    carried = _among(head, WORN_THINGS) or _among(head, with_words.HELD_THINGS)
    return carried and all(can_act(reading.things[o].name) for o in owners)


def _own_place(reading: Clauses, owners: list[int], held: int, place: int, predicate: str) -> bool:
    """Whether the place of a relation after a thing named after 'with' is that thing's own: a part or a
    side of the owner ('a man with a hat on his head', 'a shirt with a logo on the front'), any place of
    a limb, a table a held thing is put down on, or another thing a part of a thing is beside ('a tree
    with red leaves next to a cow')."""
    place_head, head = _head(reading.things[place].name), _head(reading.things[held].name)
    acting = all(can_act(reading.things[o].name) for o in owners)
    if _among(place_head, _BODY_PLACES if acting else _BODY_PLACES | _ALL_PARTS | with_words.SIDES):
        return True
    if _among(head, with_words.LIMBS) and not _described(reading, held):
        return True  # 'a cat with its paws on the chair': the paws are there (not 'with a bushy tail in')
    carried = _among(head, WORN_THINGS) or _among(head, with_words.HELD_THINGS)
    if predicate in _BESIDE:
        return not carried and not _among(head, LIVING_PARTS)
    held_only = _among(head, with_words.HELD_THINGS) and not _among(head, WORN_THINGS | _ALL_PARTS)
    return held_only and predicate == "on" and _among(place_head, with_words.SUPPORTS)


def _described(reading: Clauses, thing: int) -> bool:
    """Whether a thing is said to look some way ('a bushy tail'), which names a part rather than puts it."""
    return bool(reading.things[thing].attributes.model_dump(exclude_defaults=True))


def _setting(name: str) -> bool:
    """Whether a thing is a setting a thing is in with all it has: 'the ocean', 'a park' (not the sky)."""
    kind = BACKDROPS.get(name) or BACKDROPS.get(_head(name))
    return kind in ("horizon", "ground", "surround") or _head(name) in with_words.MORE_SETTINGS


def _head(name: str) -> str:
    return name.rsplit(" ", 1)[-1].lower()


def _among(head: str, words: frozenset[str]) -> bool:
    """Whether a name's head word, as the Scene writes it ('sleeve'), is one of `words`, singular or plural."""
    return head in words or f"{head}s" in words
