"""Glasses to drink from, for the rules planner's reader (reading.py rewrites the items with it).

Alone, 'glasses' are worn to see with ('a man in glasses'). Counted beside a drink or a bottle ('a bottle
of wine and two glasses', 'a jug of lemonade and four glasses') they are drinking glasses, named as the
container they are: two of 'glass'. 'A pair of glasses' and glasses worn are never counted so.
"""

from __future__ import annotations

from limner.agents.planning.rules.container_words import DRINKS, PLURAL_CONTAINERS
from limner.agents.planning.rules.tagging import NUM, WORD, Item


def drinking_glasses(items: list[Item]) -> list[Item]:
    """The items with each counted 'glasses' named 'glass' where a drink is named too."""
    if not any(item.kind == WORD and item.text.lower() in DRINKS for item in items):
        return items
    return [_counted_glass(items, k) for k in range(len(items))]


def _counted_glass(items: list[Item], k: int) -> Item:
    item = items[k]
    if item.kind != WORD or item.text.lower() not in PLURAL_CONTAINERS or k == 0:
        return item
    counted = items[k - 1].kind == NUM and isinstance(items[k - 1].value, int) and items[k - 1].value > 1
    return Item(WORD, PLURAL_CONTAINERS[item.text.lower()], item.value) if counted else item
