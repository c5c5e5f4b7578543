"""A particle with nothing after it completes the state before it, for the rules planner's grammar.

In 'A woman is bent over next to a fridge' the word 'over' has no object: another preposition follows
it. It is no relation but part of how the woman is: 'bent over', as 'leaning forward' or 'crouched
down' are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import verbs
from limner.agents.planning.rules.tagging import AND, COMMA, IN, PREP, REL, STOP, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# What may follow a particle that has no object of its own.
_NO_OBJECT = frozenset({REL, IN, PREP, STOP, COMMA, AND})


def completes_state(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the relation word at items[i] is a particle with no object that completes the participle
    the subjects are in ('bent' -> 'bent over'); if so, their state says it."""
    word = items[i].text
    following = items[i + 1] if i + 1 < len(items) else None
    if word not in verbs.PARTICLES or (following is not None and following.kind not in _NO_OBJECT):
        return False
    done = False
    for index in reading.nearest_subjects():
        attrs = reading.things[index].attributes
        state = attrs.state or ""
        if state.endswith("ed") or state in verbs.PAST_PARTICIPLES:
            extended = f"{state} {word}"
            reading.things[index].attributes = attrs.model_copy(update={"state": extended})
            done = True
    return done
