"""Titles of works and characters written in Title Case around 'with' or 'in': 'The Girl with a Pearl
Earring wears a hoop earring', 'The Man in the Iron Mask sits on a throne'.

The tagger keeps each capitalised word as a name, but the grammar reads the 'with' or 'in' between them
as a relation, and makes two things of one title: a 'Girl' with a 'Pearl Earring'. The sign that the
whole run is one name is its shape and what follows it: it opens the sentence with 'The', every word of
it but the small ones ('with', 'in', an article) is capitalised, its head is singular, and a verb that
agrees with one subject comes right after it ('wears', 'is'). A run that no such verb follows is left as
it is: 'a poster of the Girl with a Red Balloon, 8k' may be a girl with a balloon. `titled_works` writes
the run as one word item, capitals kept, which the grammar reads as one named thing.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.tagging import COP, DET, IN, PROPER, STOP, WITH, WORD, Item, rewrite_runs
from limner.agents.scene.english import singularize

# The small words inside a title that join its two halves.
_JOINING = frozenset({"with", "in"})
_TITLE_ARTICLES = frozenset({"a", "an", "the"})
# Verbs of one subject that are tagged apart from the content words: 'is', 'has'.
_ONE_SUBJECT_VERBS = frozenset({"is", "was", "has"})


def titled_works(items: list[Item]) -> list[Item]:
    """The items with each title written around 'with' or 'in' ('The Girl with a Pearl Earring') as one
    word item."""
    if not any(item.kind in (WITH, IN) for item in items):
        return items
    return rewrite_runs(items, _title_at)


def _title_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """The title that opens a sentence with 'The' at items[i], as one word item, if one is there."""
    if not _opens_with_the(items, i):
        return None
    head_end = _names_end(items, i + 1)
    if head_end == i + 1 or head_end >= len(items) or items[head_end].text.lower() not in _JOINING:
        return None
    if items[head_end].kind not in (WITH, IN) or not _singular(items[head_end - 1].text):
        return None
    k = head_end + 1
    if k < len(items) and items[k].kind == DET and items[k].text.lower() in _TITLE_ARTICLES:
        k += 1
    end = _names_end(items, k)
    if end == k or end >= len(items) or not _verb_of_one(items[end]):
        return None
    title = " ".join(item.text for item in items[i + 1 : end])
    return end, [items[i], Item(WORD, title, PROPER)]


def _opens_with_the(items: list[Item], i: int) -> bool:
    item = items[i]
    return item.kind == DET and item.text.lower() == "the" and (i == 0 or items[i - 1].kind == STOP)


def _names_end(items: list[Item], i: int) -> int:
    """The index after the run of capitalised name words that starts at i."""
    while i < len(items) and items[i].kind == WORD and items[i].value == PROPER:
        i += 1
    return i


def _singular(word: str) -> bool:
    return singularize(word.lower()) == word.lower()


def _verb_of_one(item: Item) -> bool:
    """Whether the item is a verb that agrees with one subject: 'wears', 'sits', 'is'."""
    word = item.text
    if item.kind == COP or item.kind == WITH:
        return word in _ONE_SUBJECT_VERBS
    return item.kind == WORD and word.endswith("s") and not word.endswith("ss") and word in grammar_words.VERBS
