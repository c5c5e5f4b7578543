"""Names written as tags: numbers, numbered marks and web addresses that belong to the name before them.

Prompts copied from tag lists space out what a name is written with, so that a model reads each piece:
a year or an edition spelled digit by digit ('titan katowice 2 0 1 4'), a number after an abbreviated
'number' ('nr. 1 2', 'vol. 3') and a web address with a space after its dot ('ldlc. com'). Read as the
tagger cuts them, the digits would be counts of nothing and the dot would end a sentence, leaving a
fragment ('nr', 'com katowice'). This pass over the tagged items joins each such piece to the word it
belongs to, kept as written, so that the name is one thing. Before tagging, `spaced_titles` joins a short
title spaced around its colon ('cs : go sticker'), which the tagger would cut at the colon, and
`counted_tags` parts a count glued to a person as image boards tag it ('1girl' is one girl).
"""

from __future__ import annotations

import re

from limner.agents.planning.rules.tag_words import NUMBER_MARKS, WEB_ENDINGS
from limner.agents.planning.rules.tagging import NUM, PROPER, STOP, WORD, Item

# A count glued to a person, as image-board tags write it: '1girl', '2boys'.
_COUNTED_TAG = re.compile(r"\b(\d{1,2})(girl|boy)(s?)\b", re.IGNORECASE)
# A short lowercase title spaced around its colon: 'cs : go'. A longer word before a colon heads a list.
_SPACED_TITLE = re.compile(r"\b([a-z]{1,3}) : ([a-z]{1,3})\b")


def spaced_titles(text: str) -> str:
    """The text with each short title spaced around its colon written as one word ('cs : go' is 'cs-go')."""
    return _SPACED_TITLE.sub(r"\1-\2", text) if " : " in text else text


def counted_tags(text: str) -> str:
    """The text with each count glued to a person written apart: '1girl, solo' is '1 girl, solo'."""
    return _COUNTED_TAG.sub(r"\1 \2\3", text) if "girl" in text or "boy" in text else text


def joined_names(items: list[Item]) -> list[Item]:
    """The items with spelled-out numbers, numbered marks and web addresses joined to their word."""
    if not any(item.kind in (NUM, STOP) for item in items):
        return items
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        previous = out[-1] if out else None
        if previous is not None and previous.kind == WORD and _digit(item):
            end = _digits_end(items, i)
            if end - i >= 2:  # 'katowice 2 0 1 4': one name; a single digit may count what follows
                out[-1] = _with(previous, " ".join(x.text for x in items[i:end]))
                i = end
                continue
        if previous is not None and _dot(item) and i + 1 < len(items):
            following = items[i + 1]
            if _number_mark(out) and following.kind == NUM and following.text.isdigit():
                end = _digits_end(items, i + 1) if _digit(following) else i + 2
                mark = "No" if previous.text == "no" else previous.text
                out[-1] = Item(WORD, f"{mark}. " + " ".join(x.text for x in items[i + 1 : end]), previous.value)
                i = end
                continue
            if previous.kind == WORD and following.kind == WORD and following.text in WEB_ENDINGS:
                out[-1] = Item(WORD, f"{previous.text}.{following.text}", previous.value)
                i += 2
                continue
        out.append(item)
        i += 1
    return out


def _number_mark(out: list[Item]) -> bool:
    """Whether the last item read is an abbreviated 'number'; 'no' only after a name ('Chanel No. 5'), as
    elsewhere it says no ('I said no. 3 cats ...')."""
    mark = out[-1]
    if mark.text == "no":
        return len(out) > 1 and out[-2].kind == WORD and out[-2].value == PROPER
    return mark.kind == WORD and mark.text.lower() in NUMBER_MARKS


def _digit(item: Item) -> bool:
    return item.kind == NUM and len(item.text) == 1 and item.text.isdigit()


def _digits_end(items: list[Item], i: int) -> int:
    """The index after the run of single digits that starts at i."""
    while i < len(items) and _digit(items[i]):
        i += 1
    return i


def _dot(item: Item) -> bool:
    return item.kind == STOP and item.text == "."


def _with(word: Item, tail: str) -> Item:
    return Item(WORD, f"{word.text} {tail}", word.value)
