"""A caption's heading: the label before a colon or a dash that opens a stock-photo or news caption.

'Formation flyers: The four Blades planes fly ...', 'bluezoo - Pack of two ...', 'favorites: Set of four
buttons': the first words name the collection, the shop or the story the picture was filed under, and
what the picture shows starts after the mark, with a capital. The heading names no thing of the picture,
so the tagger reads only what follows it. A heading is short (HEADING_WORDS at most), has no article,
number or other punctuation, and the mark is a colon or a dash with spaces around it; 'black paper::
zodiac tarot' (a Midjourney weight) and 'cannabis - indica - sativa' (no capital after the dash) keep
every word.
"""

from __future__ import annotations

import re

HEADING_WORDS = 3
_ARTICLES = frozenset({"a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_HEADING = re.compile(r"^\s*([^\W_][^:;.,!?'\"()\[\]]*?)\s*(?::(?!:)|\s[-–—]\s)\s*(?=[A-Z])")


def without_heading(text: str) -> str:
    """`text` less a short heading before ':' or ' - ' when a capitalised sentence follows it."""
    match = _HEADING.match(text)
    if match is None:
        return text
    words = match.group(1).lower().split()
    if len(words) > HEADING_WORDS or _ARTICLES & set(words) or match.end() >= len(text):
        return text  # 'Two dogs: A big one and a small one' says what is there: a thing, counted
    return text[match.end() :]
