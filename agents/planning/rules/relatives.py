"""'That' after a noun and before a verb opens a clause about the noun: 'a cat that sits on a mat'.

The tagger reads 'that' as a determiner ('that cat'); before a verb in -s ('sits', 'holds', 'flies') it
is a relative pronoun, read as 'which' is: 'a cat which sits on a mat'. Read as a determiner, the verb
became a thing of its own ('a sit on a mat'). After a relative pronoun, a word in -s before what it does
is a verb (chunks.py): 'a bird that flies over the sea' (not the insects).
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import CLAUSE, DET, WORD, Item
from limner.agents.scene.english import singularize


def relative_that(items: list[Item]) -> list[Item]:
    """The items with a 'that' between a noun and a word in -s tagged as 'which' is: as a determiner 'that'
    comes before one thing ('that cat'), never before a plural or a verb ('that sits', 'that kids love')."""
    out = list(items)
    for i in range(1, len(items) - 1):
        item, before, after = items[i], items[i - 1], items[i + 1]
        if item.kind == DET and item.text.lower() == "that" and before.kind == WORD and _in_s(after):
            out[i] = Item(CLAUSE, item.text)
    return out


def _in_s(item: Item) -> bool:
    """Whether a word is a plural or a verb in -s: 'sits', 'flies', 'kids' (not 'bus', 'canvas', 'glass')."""
    word = item.text.lower()
    return item.kind == WORD and len(word) > 3 and singularize(word) != word
