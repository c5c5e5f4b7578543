"""Well-known places written in lowercase are names: 'a cafe in paris', 'a teddy bear in times square'.

The tagger knows a name by its capitals, so 'paris' was a plural ('a pari'), 'times square' a square of
times and 'indonesia' a thing with an article. `named_places` writes the places of place_words.py as
the names they are, with their capitals, before the grammar reads them; a name written with capitals
is left as the tagger read it, apart from a listed name whose later words it left lowercase ('Times
Square': 'square' is also a shape). After 'the', a name with capitals whose head is a word such names end
in is written with a capital on its head too: 'the Orion constellation' is the Orion Constellation, one
place, where 'a Christmas tree' or 'the Victorian house' is a common noun described by a name.
"""

from __future__ import annotations

from limner.agents.planning.rules.place_words import LONGEST_PLACE, PLACE_FIRST_WORDS, PLACE_NAMES
from limner.agents.planning.rules.tagging import DET, OF, PROPER, WORD, Item, rewrite_runs
from limner.agents.scene.english import THE_NAME_HEADS
from limner.agents.scene.proper_words import PROPER_ADJECTIVES


def named_places(items: list[Item]) -> list[Item]:
    """The items with every listed place, of one word or several, as words of a name, and a name's head
    after 'the' capitalised."""
    return rewrite_runs(rewrite_runs(items, _place_at), _headed_name_at)


def _headed_name_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """'the Brandenburg gate' as 'the Brandenburg Gate': 'the', words of a name (none a describing word
    such as 'Victorian'), and last a lowercase head that names of places end in."""
    if items[i].kind != DET or items[i].text.lower() != "the":
        return None
    end = i + 1
    while end < len(items) and items[end].kind == WORD and items[end].value == PROPER:
        if items[end].text.lower() in PROPER_ADJECTIVES:
            return None
        end += 1
    if end == i + 1 or end >= len(items) or items[end].kind != WORD or items[end].text not in THE_NAME_HEADS:
        return None
    after = items[end + 1] if end + 1 < len(items) else None
    if after is not None and after.kind == WORD and not after.text.endswith("ing"):
        return None  # 'the Empire State building lobby': the head is later
    head = items[end].text
    return end + 1, [*items[i:end], Item(WORD, head[:1].upper() + head[1:], PROPER)]


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
