"""A state said right after a verb, joined to the verb as the action: 'sitting cross-legged on the floor'.

The grammar reads 'walking hand in hand' as the action 'walking' and the state 'hand in hand', and keeps
'walking hand in hand' among the other words. Where the thing is then somewhere ('on the beach'), the
prompt would say the verb twice ('walking hand in hand walking on a beach'); with 'walking hand in hand' as
the action, the verb is said once ('walking hand in hand on a beach'). A feeling said after a verb ('sitting
with a worried look') is a state of its own, not 'sitting worried'; and a state only a person has, said
after a place ('a man on a bench in his 40s'), is the person's, not the place's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.phrases import Description
from limner.agents.planning.rules.portrait_words import (
    AGE_PHRASES,
    BEARING_PHRASES,
    EXPRESSION_NOUNS,
    FEELING_WORDS,
    GAZE_PHRASES,
)
from limner.agents.planning.rules.pronouns import can_act

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# What a face shows ('worried', 'smiling'): said after a verb ('sitting with a worried look'), a state of its
# own, not a way of doing it ('sitting worried').
_SHOWN = FEELING_WORDS | {state for state in EXPRESSION_NOUNS.values() if state}
# States that make one action with the verb before them: 'walking hand in hand', 'looking at the camera'.
_JOINED = BEARING_PHRASES | GAZE_PHRASES
# States only a person has: said after a place ('a man on a bench in his 40s'), they are the person's.
_PERSONAL = AGE_PHRASES | GAZE_PHRASES


def join_acted_states(reading: Reading) -> None:
    """Make 'verb bearing' ('walking hand in hand'), said among a thing's other words, its action when it does
    nothing else, and its relations that open with the verb ('walking on') say only where ('on')."""
    _to_the_person(reading)
    for index, thing in enumerate(reading.things):
        attrs = thing.attributes
        shown = [w for w in attrs.other if w.partition(" ")[2] in _SHOWN]
        if shown:
            attrs = thing.attributes = attrs.model_copy(update={"other": [w for w in attrs.other if w not in shown]})
        for said in attrs.other:
            verb, _, state = said.partition(" ")
            if state in _JOINED and attrs.action in (None, verb) and verb.endswith("ing"):
                other = [w for w in attrs.other if w != said]
                thing.attributes = attrs.model_copy(update={"action": said, "other": other})
                _unsay_verb(reading, index, verb)
                break


def _unsay_verb(reading: Reading, index: int, verb: str) -> None:
    """The relations of thing `index` that open with `verb`, without it: the action says it. One that
    another relation of the two says already ('above' for 'flying over') is dropped."""
    opening = [r for r in reading.relations if r[0] == index and r[1].startswith(verb + " ")]
    related = {(s, o) for s, p, o in reading.relations if (s, p, o) not in opening}
    relations: list[tuple[int, str, int]] = []
    for subject, predicate, other in reading.relations:
        if (subject, predicate, other) in opening:
            if (subject, other) in related:
                continue
            predicate = predicate[len(verb) + 1 :]
        if (subject, predicate, other) not in relations:
            relations.append((subject, predicate, other))
    reading.relations[:] = relations


def _to_the_person(reading: Reading) -> None:
    """Move a state only a person has from a thing that cannot have it to the last one named before it
    that can: 'a man on a bench in his 40s' is the man's age."""
    for index, thing in enumerate(reading.things):
        state = thing.attributes.state
        if state not in _PERSONAL or can_act(thing.name):
            continue
        people = [k for k in range(index) if can_act(reading.things[k].name)]
        if people:
            thing.attributes = thing.attributes.model_copy(update={"state": None})
            reading.describe(people[-1], Description(states=[state]))
