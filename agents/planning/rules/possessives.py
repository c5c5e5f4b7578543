"""A thing's part written with its owner's possessive, for the rules planner's reading.

'a rabbit sitting on a turtle's back', 'a bird on the horse's head', 'a flower on the moon's surface':
the part belongs to the owner, as in 'the back of a turtle', 'the head of the horse'. Read as a
possessive, the owner became a thing of its own and the part a thing (or a place) related to nothing,
so the rabbit sat on no turtle. `of_form` rewrites 'a turtle's back' as 'the back of a turtle' before the
grammar reads it, which knows that form: a place on a thing ('on the back of') relates to the thing, and
a part is the owner's ('the head of the horse'). Only a part or a place on a thing is rewritten; what a
person owns ('the man's hat') and a kind of thing ('a bird's nest') are left as written.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.owned_words import WORN_THINGS
from limner.agents.planning.rules.tagging import DET, OF, PROPER, WORD, Item, rewrite_runs

# How many describing words may stand between the article and the owner: 'a big old turtle's back'.
_MAX_OWNER_WORDS = 3


def of_form(items: list[Item]) -> list[Item]:
    """The items with 'DET OWNER's PART' written 'the PART of DET OWNER'."""
    return rewrite_runs(items, _as_of_form)


def _as_of_form(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """'DET OWNER's PART' at items[i] as 'the PART of DET OWNER', if it is there."""
    end = _owned_part_at(items, i)
    if end is None:
        return None
    owner = items[i : end - 1]
    last = owner[-1]
    owner[-1] = Item(last.kind, last.text[:-2], last.value)  # "turtle's" -> 'turtle'
    return end, [Item(DET, "the", "definite"), items[end - 1], Item(OF, "of"), *owner]


def _owned_part_at(items: list[Item], i: int) -> int | None:
    """The index after 'DET [words] OWNER's PART' starting at items[i], if a part ends the noun phrase."""
    if items[i].kind != DET or items[i].text.lower() not in ("a", "an", "the"):
        return None
    k = i + 1
    while k < len(items) and k - i <= _MAX_OWNER_WORDS and items[k].kind == WORD and not _possessive(items[k]):
        k += 1
    if k + 1 >= len(items) or items[k].kind != WORD or not _possessive(items[k]) or items[k].value == PROPER:
        return None
    part = items[k + 1]
    if part.kind != WORD or not _names_a_part(part.text.lower()):
        return None
    if k + 2 < len(items) and items[k + 2].kind == WORD:
        return None  # 'the dog's head collar': the part is no part but a kind of thing
    return k + 2


def _possessive(item: Item) -> bool:
    return item.text.lower().endswith("'s") and len(item.text) > 3


def _names_a_part(word: str) -> bool:
    """A part of its owner; a thing worn ('the man's mask') is his to wear (owned_links.py)."""
    return (word in vocab.OWNED_PARTS or word in grammar_words.PART_NOUNS) and word not in WORN_THINGS
