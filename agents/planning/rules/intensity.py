"""Describing words said with their degree: 'very big bears', 'a very green broccoli', 'completely
flooded'. The degree is part of what was said about the thing, so the phrase as written is kept among
its field ('completely flooded' is the state), and attributes.py adds the plain word among the other
words ('flooded'). So is the manner of a participle, said with an adverb in -ly: 'equally spaced rocks',
'freshly baked bread', 'a neatly folded towel'; an adverb that only hedges ('seemingly') is no part of the
look. A size field keeps its plain word, which the layout reads ('very big' is drawn big),
and the phrase as written goes among the other words (phrases.py).

phrases.py asks `intensified` for each intensifier it meets before a describing word; `plain` gives
the word without its degree.
"""

from __future__ import annotations

from limner.agents.planning.rules.verbs import PAST_PARTICIPLES
from limner.agents.planning.rules.vocabulary import (
    COLOR_MODIFIERS,
    COLOR_SYNONYMS,
    COLORS,
    OTHER_ADJECTIVES,
    SIZES,
    STATES,
)
from limner.agents.planning.rules.word_shapes import colour_of, is_adverb

# Intensifiers whose degree changes what a word says of a thing ('very big' is not just 'big'); the
# others ('so', 'too', 'quite') are only emphasis.
KEPT_INTENSIFIERS = frozenset(
    {"very", "extremely", "highly", "slightly", "completely", "fully", "partly", "partially", "totally",
     "incredibly", "really", "super"}
)  # fmt: skip

# Adverbs that hedge what is said rather than saying how ('seemingly isolated'): no part of the look.
HEDGES = frozenset(
    {"seemingly", "apparently", "probably", "possibly", "presumably", "supposedly", "allegedly", "reportedly",
     "obviously", "clearly", "certainly", "definitely", "actually", "really", "truly"}
)  # fmt: skip


def intensified(word: str, following: str, after: str = "") -> str | None:
    """'very' before 'big' -> 'very big', 'equally' before 'spaced' -> 'equally spaced'; None when the
    degree is only emphasis or describes no word. A shade word ('light', 'dark', 'deep') with no colour
    `after` it is said with its degree ('the sauce is very light'); before a colour the degree goes and the
    shade stays with its colour ('a very dark blue car' is dark blue)."""
    word = word.lower()
    if following in COLOR_MODIFIERS and colour_of(after):
        return None  # 'a very dark blue car': a dark blue car
    if word in KEPT_INTENSIFIERS and (_describing(following) or following in COLOR_MODIFIERS):
        return f"{word} {following}"
    if _manner(word) and _participle(following):
        return f"{word} {following}"
    return None


def _manner(word: str) -> bool:
    return is_adverb(word) and word not in HEDGES


def _participle(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ed") and word.isalpha()) or word in PAST_PARTICIPLES


def _describing(word: str) -> bool:
    return word in COLORS or word in COLOR_SYNONYMS or word in SIZES or word in STATES or word in OTHER_ADJECTIVES


def plain(value: str) -> str | None:
    """'completely flooded' -> 'flooded', 'freshly baked' -> 'baked'; None for a value said with no kept
    degree or manner."""
    first, _, rest = value.partition(" ")
    if not rest:
        return None
    if first in KEPT_INTENSIFIERS or (" " not in rest and _manner(first) and _participle(rest)):
        return rest
    return None
