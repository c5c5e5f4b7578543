"""A comparison between two things as their relation: 'a dog bigger than a horse', 'a cat as big as a house'.

'bigger than' after a noun says how the thing stands to the one after 'than': it is a relation of the two
('dog', 'bigger than', 'horse'), which the checks ask ('Is the dog bigger than the horse?') and the prompt
says; read as a describing word it lost the horse's part ('a bigger dog, a horse'). 'as big as' is the
same size: the relation 'as big as'. `compared_relations` rewrites the tagged items before the grammar reads
them (reading.py).
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import CLAUSE, DET, NUM, PRON, REL, WORD, Item, rewrite_runs
from limner.agents.planning.rules.word_shapes import compared

# Words after 'than' that compare with no thing: 'darker than usual', 'bigger than ever'.
_NO_THING_AFTER_THAN = frozenset({"usual", "ever", "before", "normal", "expected", "life"})
# What may open the noun phrase after 'than' or the second 'as'.
_COMPARED_STARTS = frozenset({DET, NUM, WORD, PRON})


def compared_relations(items: list[Item]) -> list[Item]:
    """The items with each comparison after a noun written as one relation."""
    return rewrite_runs(items, _comparison_at)


def _comparison_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    if 0 < i and i + 1 < len(items) and _is(items[i], "than") and items[i + 1].text.lower() in _NO_THING_AFTER_THAN:
        return i + 2, []  # 'darker than usual': no second thing
    if i == 0 or items[i - 1].kind != WORD or i + 2 >= len(items):
        return None  # after a noun only: 'bigger than' alone in 'it is bigger than' says no thing
    word = items[i].text.lower()
    if items[i].kind == WORD and compared(word) and _is(items[i + 1], "than") and _opens(items[i + 2]):
        if items[i + 2].text.lower() in _NO_THING_AFTER_THAN:
            return None
        return i + 2, [Item(REL, f"{word} than", f"{word} than")]
    if _is(items[i], "as") and i + 3 < len(items) and items[i + 1].kind == WORD and _is(items[i + 2], "as"):
        if _opens(items[i + 3]):
            same = f"as {items[i + 1].text.lower()} as"
            return i + 3, [Item(REL, same, same)]
    return None


def _is(item: Item, word: str) -> bool:
    return item.kind == CLAUSE and item.text.lower() == word


def _opens(item: Item) -> bool:
    return item.kind in _COMPARED_STARTS
