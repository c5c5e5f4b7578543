"""Describing words written apart that make one word before a noun, for the rules planner's reading.

'an upside down umbrella' is an umbrella that is upside-down: the adverb phrase the tagger reads as how
a thing is ('upside down', written after a noun) stands between an article and the noun, so it is one
describing word of the noun phrase. 'a rainbow colored flag', 'a caramel coloured dog' and 'a heart
shaped box' are a rainbow-colored flag, a caramel-colored dog and a heart-shaped box: a word that is no
colour with 'colored' (or 'shaped', 'tinted' ...) after it is one likeness word, never a thing that was
coloured. A colour word before 'colored' ('a gold colored cup') is read as the colour where it stands.
'a half eaten apple' is a half-eaten apple: 'half' before a state says how far it goes, and names nothing.
`joined` rewrites the tagged items before the grammar reads them (reading.py).
"""

from __future__ import annotations

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.attribute_words import ATTRIBUTIVE_PHRASES, DEGREE_NOUNS, LIKENESS_SUFFIXES
from limner.agents.planning.rules.tagging import ADV, COMMA, COP, DET, NUM, STOP, WORD, Item
from limner.agents.planning.rules.word_shapes import colour_of, looks_like_participle

# What may stand right before a describing word of a noun phrase.
_PHRASE_LEADS = frozenset({DET, NUM})
# What may end a phrase whose last word is a likeness word: 'the flag is rainbow colored.'
_PHRASE_ENDS = frozenset({STOP, COMMA})


def joined(items: list[Item]) -> list[Item]:
    """The items with an attributive adverb phrase or a likeness word written apart made one word."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if _attributive_at(items, i):
            out.append(Item(WORD, item.text.replace(" ", "-")))  # 'an upside down umbrella'
            i += 1
            continue
        if _degree_at(items, i):
            out.append(Item(WORD, f"{item.text.lower()}-{items[i + 1].text.lower()}"))  # 'a half eaten apple'
            i += 2
            continue
        if _likeness_at(items, i):
            out.append(Item(WORD, f"{item.text}-{items[i + 1].text.lower()}"))  # 'a rainbow colored flag'
            i += 2
            continue
        out.append(item)
        i += 1
    return out


def _attributive_at(items: list[Item], i: int) -> bool:
    """Whether items[i] is a state phrase between an article or number and a word: 'an upside down cup'."""
    return (
        items[i].kind == ADV
        and items[i].text.lower() in ATTRIBUTIVE_PHRASES
        and 0 < i < len(items) - 1
        and items[i - 1].kind in _PHRASE_LEADS
        and items[i + 1].kind == WORD
    )


def _degree_at(items: list[Item], i: int) -> bool:
    """Whether items[i] is a noun of degree before a state, after an article, a number or 'is': 'a half
    eaten apple', 'the glass is half empty'; not 'a half moon'."""
    if i == 0 or i + 1 >= len(items) or items[i].kind != WORD or items[i + 1].kind != WORD:
        return False
    word, state = items[i].text.lower(), items[i + 1].text.lower()
    return (
        word in DEGREE_NOUNS
        and items[i - 1].kind in (*_PHRASE_LEADS, COP)
        and (state in vocab.STATES or looks_like_participle(state))
    )


def _likeness_at(items: list[Item], i: int) -> bool:
    """Whether items[i] is a word that is no colour with a likeness suffix after it, ending a describing
    run: 'rainbow colored' before a noun or at a phrase's end, not 'a room colored blue'."""
    if i + 1 >= len(items) or items[i].kind != WORD or items[i + 1].kind != WORD:
        return False
    word, suffix = items[i].text.lower(), items[i + 1].text.lower()
    if suffix not in LIKENESS_SUFFIXES or colour_of(word) or not word.isalpha():
        return False
    if i == 0 or items[i - 1].kind not in (*_PHRASE_LEADS, WORD, COP):
        return False
    following = items[i + 2] if i + 2 < len(items) else None
    if following is None or following.kind in _PHRASE_ENDS:
        return items[i - 1].kind == COP  # 'the flag is rainbow colored'
    return following.kind == WORD and not colour_of(following.text.lower())
