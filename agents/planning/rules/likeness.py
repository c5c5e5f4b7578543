"""'like' after a thing compares it with another, for the rules planner's grammar (grammar.py).

In 'a cat dressed up like a pirate' or 'a cake that looks like a castle' the phrase after 'like' is no
thing of the picture: it says what the thing before looks like, so it joins what that thing does
('dressed up like a pirate', 'looking like a castle') and is no object of its own. With nothing before it to compare ('It looks like
a cloth'), 'like' only hedges, and the phrase after it is a thing as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.clauses import ASIDE, REL_OBJECT

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading
    from limner.agents.planning.rules.phrases import Phrase

COMPARING = frozenset({"like"})  # the relations that compare a thing with another
_LONGEST = 80  # the most characters of what a thing does


def compares(reading: Reading, role: str) -> bool:
    """Whether the noun phrase being read in `role` is what the things before it are compared with."""
    return role == REL_OBJECT and reading.relation in COMPARING and bool(reading.relation_subjects)


def liken(reading: Reading, phrase: Phrase) -> None:
    """The things before 'like' look like `phrase`: what they do says so ('dressed up like a pirate'), or,
    doing nothing, what they look like ('looking like a castle')."""
    written = " ".join(phrase.chunk.text.split())
    for index in reading.relation_subjects:
        attrs = reading.things[index].attributes
        action = f"{attrs.action} like {written}" if attrs.action else f"looking like {written}"
        reading.things[index].attributes = attrs.model_copy(update={"action": action[:_LONGEST]})
    reading.relation, reading.role = None, ASIDE
