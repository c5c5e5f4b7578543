"""Objects of a relation joined by 'and', for the rules planner's grammar (grammar.py reads the 'and').

What holds a thing goes on to the next clause: "topped with cherries and cream" (both top it).
"a cat sitting next to a car and a bike": the cat is next to both, when the phrase after 'and' ends the
clause (nothing of its own follows it) and is a thing of the same kind as the object before it: both can
act, or neither can. "a cat next to a car and a dog" names a second subject, the dog, not a second car.
Those something is given or read to go on alike: "reading a book to a boy and a girl", and so do those
that light a thing: "lit by lanterns and a full moon".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.lists import clause_follows
from limner.agents.planning.rules.motion_words import LIGHT_RELATIONS
from limner.agents.planning.rules.phrases import take_chunk
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.planning.rules.tagging import COMMA, STOP, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# Relations of place beside a thing, whose objects a list may go on ('next to a car and a bike').
_BESIDE = frozenset({"next to", "near", "behind", "in front of", "beside", "between", "across from", "around"})


def objects_go_on(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the noun phrase after 'and' at items[i] is one more object of the relation just read."""
    if reading.holds_contents():
        return not clause_follows(items, i)
    last = reading.last_thing
    receiving = bool(reading.relation and reading.relation.endswith(" to"))  # 'reading to a boy and a girl'
    receiving = receiving or reading.relation in LIGHT_RELATIONS  # 'lit by lanterns and a full moon'
    if last is None or reading.last_kind != "thing" or not (reading.relation in _BESIDE or receiving):
        return False
    chunk, j = take_chunk(items, i + 1)
    if chunk.verb or chunk.pronoun or not chunk.words or (j < len(items) and items[j].kind not in (STOP, COMMA)):
        return False
    return can_act(chunk.words[-1]) == can_act(reading.things[last].name)
