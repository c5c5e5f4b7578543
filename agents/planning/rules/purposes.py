"""Who a thing is for: 'wooden toys for kids', 'cotton socks for women', 'a birthday card for dad'.

Shop and stock captions say who a thing is made or sold for, right after the thing. Those people are not
in the picture: read as the object of 'for' they became things of their own ('kids', 'women'). Where 'for'
follows a noun and a bare word for such people follows it ('for kids', not 'for the dog' or 'waiting for
his wife'), `for_whom` writes the two words as one phrase that says how the thing is, as 'for sale' is.
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import ADV, PREP, WORD, Item, rewrite_runs

# People a thing is made or sold for, written bare after 'for'.
_BUYERS = frozenset(
    {"kids", "children", "toddlers", "babies", "baby", "boys", "girls", "men", "women", "adults", "teens",
     "teenagers", "seniors", "beginners", "dad", "mom", "mum", "him", "her", "pets"}
)  # fmt: skip


def for_whom(items: list[Item]) -> list[Item]:
    """The items with each 'for' and the people a thing is for written as one phrase."""
    if not any(item.kind == PREP and item.text == "for" for item in items):
        return items
    return rewrite_runs(items, _for_whom_at)


def _for_whom_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    item = items[i]
    if item.kind != PREP or item.text != "for" or i == 0 or i + 1 >= len(items):
        return None
    before, after = items[i - 1], items[i + 1]
    if before.kind != WORD or before.text.endswith("ing") or after.kind != WORD or after.text.lower() not in _BUYERS:
        return None  # 'waiting for', 'for the dog'
    phrase = f"for {after.text}"
    return i + 2, [Item(ADV, phrase)]
