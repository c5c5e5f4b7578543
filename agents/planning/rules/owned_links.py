"""Relations that wait for the thing the next noun phrase names, for the rules planner's grammar.

An owner with a possessive is read before what it owns: in 'the man's hat' the man is a thing of his own
(mentions.py) and the hat comes after, so how the two relate waits for the hat. A thing the owner
wears is what the owner is wearing ('the girl's red dress'), a part is the owner's ('the dog's tail') and
anything else is with the owner ('the boy's kite'). `join` makes the waiting relations once the grammar
has read the next thing.

A body part after a possessive pronoun ('her hand') is the part of whom the pronoun means; when that is
someone other than the one the clause is about, the part is theirs ('A man and a woman. He is holding
her hand': the woman's hand), which `pronoun_owner` says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import grammar_words, pronouns
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.owned_words import POSSESSIVE_PRONOUNS, WORN_THINGS
from limner.agents.planning.rules.poses_words import PARTS

if TYPE_CHECKING:
    from limner.agents.planning.rules.chunks import Chunk
    from limner.agents.planning.rules.grammar import Reading
    from limner.agents.planning.rules.phrases import Phrase

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


def pronoun_owner(reading: Reading, phrase: Phrase, part: int) -> None:
    """The thing `part` ('her hand') is 'of' the one its possessive pronoun means, when that is no one the
    clause is about ('He is holding her hand': the woman's; 'a woman raising her hand': her own)."""
    lead = [item.text.lower() for item in phrase.chunk.lead]
    head = phrase.head.lower()
    if len(lead) != 1 or lead[0] not in POSSESSIVE_PRONOUNS or not (head in PARTS or head in grammar_words.PART_NOUNS):
        return
    doers = set(reading.subjects) | set(reading.group) | set(reading.relation_subjects)
    read = [i for i in reading.recent if i != part]
    if head in PARTS:  # a body part is of one that can act: 'dogs ... with chips. Their hands': the dogs'
        read = [i for i in read if pronouns.can_act(reading.things[i].name)]
    meant = pronouns.resolve(POSSESSIVE_PRONOUNS[lead[0]], reading.things, read, []) if read else []
    if len(meant) != 1 or meant[0] in doers:
        return  # 'a dog licking its ear': its own
    thing = reading.things[meant[0]]
    if _may_own(lead[0], thing.name, thing.count):  # (not 'a woman in a room raising her hand': the room)
        reading.relate(part, "of", meant[0])


def _may_own(possessive: str, name: str, count: int | None) -> bool:
    """Whether a thing can be the one a possessive pronoun means: 'her' a person not male, 'its' one thing
    that is no person, 'their' more than one."""
    head = pronouns.head(name)
    if possessive == "his":
        return pronouns.is_person(name) and head not in grammar_words.FEMALE_NOUNS
    if possessive == "her":
        return pronouns.is_person(name) and head not in grammar_words.MALE_NOUNS
    if possessive == "its":
        return not pronouns.is_person(name) and not pronouns.is_plural(count)
    return pronouns.is_plural(count)
