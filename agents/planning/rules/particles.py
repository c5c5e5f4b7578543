"""A particle with nothing after it completes the state before it, for the rules planner's grammar.

In 'A woman is bent over next to a fridge' the word 'over' has no object: another preposition follows
it. It is no relation but part of how the woman is: 'bent over', as 'leaning forward' or 'crouched
down' are. So is 'on' or 'off' with nothing after it, after a verb of switching: 'the lamp is turned on'
is a lamp that is on, 'the lights are switched off' lights that are off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import verbs
from limner.agents.planning.rules.tagging import AND, COMMA, IN, PREP, REL, STOP, WORD, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# What may follow a particle that has no object of its own.
_NO_OBJECT = frozenset({REL, IN, PREP, STOP, COMMA, AND})
# Participles of switching, and the particles that finish them: 'turned on', 'switched off'.
SWITCHING = frozenset({"turned", "switched", "flicked", "powered"})
SWITCH_PARTICLES = frozenset({"on", "off"})


def completes_state(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the relation word at items[i] is a particle with no object that completes the participle
    the subjects are in ('bent' -> 'bent over'); if so, their state says it."""
    word = items[i].text
    following = items[i + 1] if i + 1 < len(items) else None
    if following is not None and following.kind not in _NO_OBJECT:
        return False
    if word in SWITCH_PARTICLES and switched_on_off(reading, word):
        return True
    if word not in verbs.PARTICLES:
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


def switched_on_off(reading: Reading, word: str) -> bool:
    """Whether the particle 'on' or 'off' finishes the switching participle the subjects are in ('turned'
    -> 'turned on'); if so, their action says it."""
    done = False
    for index in reading.nearest_subjects():
        attrs = reading.things[index].attributes
        for field in ("action", "state"):
            value = getattr(attrs, field) or ""
            if value.lower() in SWITCHING:
                reading.things[index].attributes = attrs.model_copy(update={field: f"{value} {word}"})
                done = True
                break
    return done


def states_part(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the particle at items[i], with nothing after it, says how the part just named after 'with'
    is ('a woman with her arms up', 'a dog with its ears back'); if so, the part's state says it."""
    word = items[i].text.lower()
    following = items[i + 1] if i + 1 < len(items) else None
    if word not in _PART_PARTICLES or (following is not None and following.kind not in _ENDS) or not i:
        return False
    index = reading.last_thing
    if items[i - 1].kind != WORD or index is None or reading.last_kind != "thing" or reading.last_role != "with":
        return False
    attrs = reading.things[index].attributes
    if attrs.state is None:
        reading.things[index].attributes = attrs.model_copy(update={"state": word})
    return True


# Particles that say how a part is held: 'arms up', 'ears back', 'hands out', 'legs apart'.
_PART_PARTICLES = frozenset({"up", "down", "out", "back", "forward", "apart", "together", "aside", "outward"})
# What may follow such a particle: the end of the phrase.
_ENDS = frozenset({STOP, COMMA, AND})
