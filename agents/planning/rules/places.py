"""Well-known places written in lowercase are names: 'a cafe in paris', 'a teddy bear in times square'.

The tagger knows a name by its capitals, so 'paris' was a plural ('a pari'), 'times square' a square of
times and 'indonesia' a thing with an article. `named_places` writes the places of place_words.py as
the names they are, with their capitals, before the grammar reads them; a name written with capitals
is left as the tagger read it, apart from a listed name whose later words it left lowercase ('Times
Square': 'square' is also a shape).
"""

from __future__ import annotations

from limner.agents.planning.rules.place_words import LONGEST_PLACE, PLACE_FIRST_WORDS, PLACE_NAMES
from limner.agents.planning.rules.tagging import OF, PROPER, WORD, Item, rewrite_runs


def named_places(items: list[Item]) -> list[Item]:
    """The items with every listed place, of one word or several, as words of a name."""
    return rewrite_runs(items, _place_at)


def _place_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """(end, the words as written) for the longest listed place that starts at i, else None."""
    if items[i].text.lower() not in PLACE_FIRST_WORDS:
        return None
    for size in range(min(LONGEST_PLACE, len(items) - i), 0, -1):
        run = items[i : i + size]
        if run[0].kind != WORD or any(item.kind not in (WORD, OF) for item in run):
            continue  # 'statue of liberty': words, and the 'of' between them
        found = PLACE_NAMES.get(tuple(item.text.lower() for item in run))
        if found is not None:
            return i + size, [Item(WORD, word, PROPER) if item.kind == WORD else item for item, word in zip(run, found)]
    return None
