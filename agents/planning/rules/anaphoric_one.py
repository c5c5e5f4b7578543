"""'One' standing for a noun said before: 'a red car next to a blue one' is a blue car.

After an article and a describing word, 'one' (or 'ones') names no number: it repeats the noun of the
phrase before it, so the grammar reads a second thing of that name with its own description ('a big dog
and a small one': two dogs, the second small; 'a small house and two big ones'). The noun is found back in
the items: the last word that ends a noun phrase and is no describing word. After a plural ('two cups, a
red one and a blue one') the ones are members of the group, which members.py reads.
"""

from __future__ import annotations

from limner.agents.planning.rules import setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.tagging import DET, NUM, WORD, Item, rewrite_runs
from limner.agents.planning.rules.word_shapes import colour_of, compared, looks_descriptive
from limner.agents.scene.english import pluralize, singularize

_ONES = frozenset({"one", "ones"})


def ones_named(items: list[Item]) -> list[Item]:
    """The items with each 'one' that repeats a noun written as that noun."""
    return rewrite_runs(items, _one_at)


def _one_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    word = items[i].text.lower()
    if word not in _ONES or items[i].kind not in (NUM, WORD):
        return None
    if i + 1 < len(items) and items[i + 1].kind == WORD:
        return None  # 'a one-eyed cat', 'one dog'
    start = i
    while start > 0 and items[start - 1].kind == WORD and _describing(items[start - 1].text.lower()):
        start -= 1
    if start == i or start == 0 or items[start - 1].kind not in (DET, NUM):
        return None  # 'one' after no article and describing word is a number: 'the one'
    noun = _noun_before(items, start - 1)
    if noun is None or singularize(noun) != noun:
        return None  # 'two cups, a red one and a blue one': members of the group (members.py)
    noun = pluralize(singularize(noun)) if word == "ones" else singularize(noun)
    return i + 1, [Item(WORD, noun)]


def _describing(word: str) -> bool:
    return bool(
        colour_of(word) or compared(word) or looks_descriptive(word) or word in vocab.SIZES
        or word in vocab.STATES or word in vocab.OTHER_ADJECTIVES or word in vocab.MATERIALS
    )  # fmt: skip


def _noun_before(items: list[Item], end: int) -> str | None:
    """The last word before `end` that ends a noun phrase and names a thing."""
    for j in range(end - 1, -1, -1):
        item = items[j]
        if item.kind != WORD or (j + 1 < end and items[j + 1].kind == WORD):
            continue
        word = item.text.lower()
        if _describing(word) or word in setting_words.FILLER_NOUNS:
            return None
        return word
    return None
