"""'between' with one plural noun phrase after it, for the rules planner's reading (reading.py rewrites the
tagged items with it).

'between X and Y' puts the thing right of X and left of Y (grammar.py). 'a lamp between two books', 'a man
sitting between his parents' name both sides in one plural phrase, with no 'and' to wait for: the thing is
'between' that group, one relation. 'in between' says no more than 'between'; read apart, 'in' would end
the verb before it as a particle ('standing in').
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import AND, BETWEEN, IN, NUM, OR, PHRASE_START, REL, WORD, Item, rewrite_runs
from limner.agents.scene.english import singularize


def counted_between(items: list[Item]) -> list[Item]:
    """The items with 'in between' as 'between', and 'between' before one plural phrase as a relation."""
    return rewrite_runs(items, _between_at)


def _between_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    item = items[i]
    if item.kind == IN and item.text == "in" and i + 1 < len(items) and items[i + 1].kind == BETWEEN:
        i += 1  # 'standing in between his parents'
        item = items[i]
    elif item.kind != BETWEEN:
        return None
    if _plural_side(items, i + 1):
        return i + 1, [Item(REL, "between", "between")]
    return i + 1, [item]


def _plural_side(items: list[Item], j: int) -> bool:
    """Whether the noun phrase from items[j] names both sides at once: a plural with no 'and' after it. (A
    pronoun is left to the grammar: 'holding a brain between them' is the brain between the hands.)"""
    last, counted = "", None
    while j < len(items) and items[j].kind in PHRASE_START:
        if items[j].kind == NUM and isinstance(items[j].value, int):
            counted = items[j].value
        if items[j].kind == WORD:
            last = items[j].text
        j += 1
    if j < len(items) and items[j].kind in (AND, OR) or not last:
        return False  # 'between a bush and a tree'
    return counted is not None and counted >= 2 or counted is None and singularize(last) != last
