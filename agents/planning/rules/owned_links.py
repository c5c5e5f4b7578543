"""Relations that wait for the thing the next noun phrase names, for the rules planner's grammar.

An owner with a possessive is read before what it owns: in 'the man's hat' the man is a thing of his own
(mentions.py) and the hat comes after, so how the two relate waits for the hat. A thing the owner
wears is what the owner is wearing ('the girl's red dress'), a part is the owner's ('the dog's tail') and
anything else is with the owner ('the boy's kite'). `join` makes the waiting relations once the grammar
has read the next thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.owned_words import WORN_THINGS

if TYPE_CHECKING:
    from limner.agents.planning.rules.chunks import Chunk
    from limner.agents.planning.rules.grammar import Reading

# (subject, predicate, object); None stands for the thing the next noun phrase names
Waiting = tuple[int | None, str, int | None]


def owner_waits(reading: Reading, owner: int | None, owned: Chunk, known: bool) -> None:
    """The owner read from a possessive relates to the thing the rest of the phrase names. An owner not
    `known` (no 'the', not read before) wears nothing: 'an astronaut's helmet' is a kind of helmet."""
    if owner is None or not owned.words:
        return
    words = [word.lower() for word in owned.words]
    head, pair = words[-1], " ".join(words[-2:])
    worn = _worn(head, pair)
    if worn and known:
        reading.waiting = (*reading.waiting, (owner, "wearing", None))
    elif not worn and (head in vocab.OWNED_PARTS or head in grammar_words.PART_NOUNS):
        reading.waiting = (*reading.waiting, (None, "of", owner))
    elif not worn:
        reading.waiting = (*reading.waiting, (owner, "with", None))


def worn(owned: Chunk) -> bool:
    """Whether the rest of a possessive phrase names a thing that is worn ('the man's red hat')."""
    words = [word.lower() for word in owned.words]
    return bool(words) and _worn(words[-1], " ".join(words[-2:]))


def _worn(head: str, pair: str) -> bool:
    return head in WORN_THINGS or pair in WORN_THINGS or head.rstrip("s") in WORN_THINGS


def join(reading: Reading) -> None:
    """The waiting relations, with the thing just read in each empty place; dropped if it named none."""
    waiting, reading.waiting = reading.waiting, ()
    thing = reading.chunk_thing
    if thing is None:
        return
    for subject, predicate, other in waiting:
        reading.relate(thing if subject is None else subject, predicate, thing if other is None else other)
