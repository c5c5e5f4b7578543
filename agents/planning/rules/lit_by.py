"""Light and what gives it, for the rules planner's reading (reading.py rewrites the tagged items with it).

'a room lit by a fireplace', 'a street illuminated by lanterns', 'a kitchen bathed in morning sunlight': the
participle of light and its preposition are one relation word, so the source is a thing the subject is 'lit
by' (not 'by' as 'next to', nor an action 'bathed'); a light itself after it ('lit by candlelight') is the
picture's lighting, as the grammar reads a light anywhere.
"""

from __future__ import annotations

from limner.agents.planning.rules.motion_words import LIGHT_PARTICIPLES, light_predicate
from limner.agents.planning.rules.tagging import DET, REL, WORD, Item, rewrite_runs


def lit_by(items: list[Item]) -> list[Item]:
    """The items with each participle of light and its preposition ('lit by') as one relation item."""
    return rewrite_runs(items, _light_at)


def _light_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    word = items[i].text
    if items[i].kind != WORD or word not in LIGHT_PARTICIPLES or i + 1 >= len(items):
        return None
    if items[i + 1].text not in LIGHT_PARTICIPLES[word] or (i and items[i - 1].kind == DET):
        return None  # 'a lit candle'
    predicate = light_predicate(word, items[i + 1].text)
    return i + 2, [Item(REL, predicate, predicate)]
