"""A clause of its own after 'and', for the rules planner's grammar (grammar.py reads the 'and').

After a place ('the kids are playing in the snow and their mom is watching from the window'), a noun
phrase after 'and' with a verb or copula of its own starts a new clause: it is no second thing in the
place, and the verb read before ('playing') is done, so it does not join the new clause's relations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.lists import clause_follows
from limner.agents.planning.rules.tagging import Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def starts_clause(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the noun phrase after the 'and' at items[i] has a verb of its own; if so, the verb read
    before is done."""
    if not clause_follows(items, i):
        return False
    reading.verb = None
    return True
