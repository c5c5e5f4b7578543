"""Who has a part named after 'with', for the rules planner's grammar (clauses.py and grammar.py ask).

- a part said right after a thing that can have it is that thing's: "a cow next to a tree with red leaves"
  (the tree's leaves), "a girl holding a mug with a chipped handle"; a part only living things have goes
  back to the subject when the nearest thing is no living thing ("a cat on a sofa with green eyes"), and
  a setting or backdrop has no parts ("falling through the sky with wings");
- one that can act after 'with' that follows a place the subject is in keeps the subject company: "a
  lion lying in the grass with its cubs" (the lion's, not the grass's);
- a relation of place right after a part only living things have is its owner's: "a woman with long hair
  next to a bird" (the woman is next to the bird, not her hair); a part of a thing may be beside another
  ("a house has a window beside the door").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.grammar_words import PART_NOUNS
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.scene.words import BACKDROPS

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


def _head(name: str) -> str:
    return name.rsplit(" ", 1)[-1].lower()


def _among(head: str, words: frozenset[str]) -> bool:
    """Whether a name's head word, as the Scene writes it ('sleeve'), is one of `words`, singular or plural."""
    return head in words or f"{head}s" in words
