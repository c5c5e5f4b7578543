"""Describing words said with their degree: 'very big bears', 'a very green broccoli', 'completely
flooded'. The degree is part of what was said about the thing, so the phrase as written is kept among
its field ('completely flooded' is the state), and attributes.py adds the plain word among the other
words ('flooded'). A size field keeps its plain word, which the layout reads ('very big' is drawn big),
and the phrase as written goes among the other words (phrases.py).

phrases.py asks `intensified` for each intensifier it meets before a describing word; `plain` gives
the word without its degree.
"""

from __future__ import annotations

from limner.agents.planning.rules.vocabulary import COLOR_SYNONYMS, COLORS, OTHER_ADJECTIVES, SIZES, STATES

# Intensifiers whose degree changes what a word says of a thing ('very big' is not just 'big'); the
# others ('so', 'too', 'quite') are only emphasis.
KEPT_INTENSIFIERS = frozenset(
    {"very", "extremely", "highly", "slightly", "completely", "fully", "partly", "partially", "totally",
     "incredibly", "really", "super"}
)  # fmt: skip


def intensified(word: str, following: str) -> str | None:
    """'very' before 'big' -> 'very big'; None when the degree is only emphasis or describes no word."""
    if word.lower() not in KEPT_INTENSIFIERS or not _describing(following):
        return None
    return f"{word.lower()} {following}"


def _describing(word: str) -> bool:
    return word in COLORS or word in COLOR_SYNONYMS or word in SIZES or word in STATES or word in OTHER_ADJECTIVES


def plain(value: str) -> str | None:
    """'completely flooded' -> 'flooded'; None for a value said with no kept degree."""
    first, _, rest = value.partition(" ")
    return rest if first in KEPT_INTENSIFIERS and rest else None
