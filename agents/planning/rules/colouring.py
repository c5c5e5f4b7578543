"""Colours written after a verb of colouring, for the rules planner's clauses (clauses.py).

"walls painted yellow", "hair dyed pink", "a door colored red and white": the colours right after such a
verb are the colours of the thing the verb is about, neither a thing of their own nor lost with the verb.
"""

from __future__ import annotations

from limner.agents.planning.rules.chunks import colour_list
from limner.agents.planning.rules.phrases import Description
from limner.agents.planning.rules.tagging import Item

# Verbs whose colour after them is the one the thing now has: 'painted yellow', 'dyed pink'.
COLOURING_VERBS = frozenset(
    {"painted", "dyed", "colored", "coloured", "tinted", "stained", "sprayed", "spray-painted", "glazed", "tinged"}
)


def colours_after(verb: str, items: list[Item], j: int) -> tuple[Description | None, int]:
    """The colours written from items[j] on after a colouring verb, as a description of the thing, and the
    index after them; (None, j) when the verb colours nothing or no colour list follows it."""
    if verb.lower() not in COLOURING_VERBS:
        return None, j
    colours, after = colour_list(items, j)
    return (Description(colors=colours), after) if colours else (None, j)
