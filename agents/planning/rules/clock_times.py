"""A number before "o'clock" is a time of day, not a count, for the rules planner (narration.py calls it).

"a five o'clock shadow", "the 12 o'clock train": the number and "o'clock" together are one describing
word, so the noun after them is one thing ('a five o'clock shadow', not five shadows).
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import NUM, WORD, Item

_CLOCK_WORDS = frozenset({"o'clock", "o’clock", "oclock"})


def clock_times(items: list[Item]) -> list[Item]:
    """The items with each number and "o'clock" before a noun one word."""
    out: list[Item] = []
    for i, item in enumerate(items):
        before_noun = i + 1 < len(items) and items[i + 1].kind == WORD  # not 'a clock showing five o'clock'
        if item.kind == WORD and item.text.lower() in _CLOCK_WORDS and out and out[-1].kind == NUM and before_noun:
            out[-1] = Item(WORD, f"{out[-1].text} {item.text}")
            continue
        out.append(item)
    return out
