"""Whom a state phrase right after a verb's object describes, for the rules planner's grammar (grammar.py).

'a wombat raising both arms in the air', 'a chef cutting a pepper in half', 'a boy holding a map upside
down': a state phrase written right after what a verb acts on says how that thing is, not the one
acting. With no object between ('a dog jumping in the air'), it is the subject's, as ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.clauses import VERB_OBJECT
from limner.agents.planning.rules.tagging import WORD

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def described(reading: Reading, previous: str) -> list[int]:
    """The thing a verb just acted on, when a state phrase follows it at once (`previous`, the kind of the
    item before the phrase, is a word: no comma between); [] otherwise."""
    if previous != WORD or reading.last_role != VERB_OBJECT or reading.last_kind != "thing":
        return []
    if reading.last_thing is None:
        return []
    if reading.relation == "contains":
        return []  # 'a bowl of soup on fire': the bowl, read as the subject
    return [reading.last_thing]
