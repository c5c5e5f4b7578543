"""A caption's heading and tail: the label before a colon or a dash that opens a stock-photo or news
caption, and a shop's call to act after a dash that closes it.

'Formation flyers: The four Blades planes fly ...', 'bluezoo - Pack of two ...', 'favorites: Set of four
buttons': the first words name the collection, the shop or the story the picture was filed under, and
what the picture shows starts after the mark, with a capital. The heading names no thing of the picture,
so the tagger reads only what follows it. A heading is short (HEADING_WORDS at most), has no article,
number or other punctuation, and the mark is a colon or a dash with spaces around it; 'black paper::
zodiac tarot' (a Midjourney weight) and 'cannabis - indica - sativa' (no capital after the dash) keep
every word.

A tail is what a shop's page adds to the caption after a last dash, telling the reader to do something
with the picture: '... buttons with plus sign - add to favorites icon', '... - buy now'. It starts with one
of TAIL_VERBS, is short (TAIL_WORDS at most) and names no thing of the picture, so it is cut too.
"""

from __future__ import annotations

import re

HEADING_WORDS = 3
_ARTICLES = frozenset({"a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
# Verbs a shop's call to act opens with: 'add to cart', 'buy now', 'click to enlarge'.
TAIL_VERBS = frozenset({"add", "buy", "download", "click", "subscribe"})
TAIL_WORDS = 5
_TAIL = re.compile(r"\s[-–—]\s+([a-z]+)\b([^-–—:;.!?]*)[.!]?\s*$")
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


def without_tail(text: str) -> str:
    """`text` less a shop's call to act after its last ' - ' ('- add to favorites icon')."""
    match = _TAIL.search(text)
    if match is None or match.group(1) not in TAIL_VERBS or len(match.group(2).split()) + 1 > TAIL_WORDS:
        return text
    return text[: match.start()].rstrip()
