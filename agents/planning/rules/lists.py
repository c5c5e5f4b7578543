"""Lists of noun phrases, for the rules planner's grammar (grammar.py): whether a list goes on.

After a comma the grammar must know whether the list it is reading goes on to a closing "and" or "or":
"no text, logo or watermark" excludes all three, "trees, a house and people (in the background)" is
one group of subjects. And after "and", whether what follows is a clause of its own ("and a dog sits").
"""

from __future__ import annotations

from limner.agents.planning.rules.phrases import take_chunk
from limner.agents.planning.rules.tagging import AND, COMMA, COP, DET, NUM, OR, QUANT, WORD, Item


def exclusion_goes_on(items: list[Item], i: int) -> bool:
    """After a comma in 'no text, logo or watermark': whether an 'or' still ends the list."""
    j = i + 1
    while j < len(items) and items[j].kind in (WORD, COMMA):
        j += 1
    return j > i + 1 and j < len(items) and items[j].kind == OR


def things_go_on(items: list[Item], i: int) -> bool:
    """After a comma in 'trees, a house and people': whether noun phrases alone lead to an 'and'."""
    j = i + 1
    while j < len(items) and items[j].kind in (WORD, DET, NUM, QUANT, COMMA):
        j += 1
    return j > i + 1 and j < len(items) and items[j].kind in (AND, OR) and not _own_clause(items, j)


def _own_clause(items: list[Item], i: int) -> bool:
    """Whether the phrase after the list's 'and' at i opens a clause of its own ('a cat, a dog and a bird
    sings'); 'are' or 'were' after it is the whole list's ('keyboards, a mouse and cables are on a desk')."""
    chunk, j = take_chunk(items, i + 1)
    if chunk.verb is None and j < len(items) and items[j].kind == COP and items[j].text in _PLURAL_COPULAS:
        return False
    return clause_follows(items, i)


_PLURAL_COPULAS = frozenset({"are", "were"})


def clause_follows(items: list[Item], i: int) -> bool:
    """Whether the noun phrase after 'and' at i has a verb of its own ('and a dog sits'): a new clause."""
    chunk, j = take_chunk(items, i + 1)
    return chunk.verb is not None or (j < len(items) and items[j].kind == COP)
