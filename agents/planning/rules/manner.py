"""How a creature is while it acts, said by an adverb after its verb, for the rules planner's clauses
(clauses.py).

'A penguin flying confidently', 'a girl smiling shyly', 'a dog sleeping peacefully': the adverb says how the
one acting looks while doing it, so the adjective it comes from describes them ('a confident penguin').
Only adverbs of mood and bearing are read so (attribute_words.MOOD_ADVERBS); 'slowly', 'quickly' or
'loudly' say how the act is done, not how its doer looks. Only a doer that can have a mood (a person, an
animal, a robot) takes it: when the verb's subject is read wrong ('a robot wearing a visor stands
proudly' read as the visor standing), no visor is said to be proud.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.attribute_words import MOOD_ADVERBS
from limner.agents.planning.rules.phrases import Description
from limner.agents.planning.rules.tagging import WORD, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.clauses import Clauses


def describe_after(reading: Clauses, subjects: list[int], items: list[Item], j: int) -> None:
    """Give the subjects the mood an adverb at items[j], right after their verb, says they are in."""
    if j >= len(items) or items[j].kind != WORD:
        return
    mood = MOOD_ADVERBS.get(items[j].text.lower())
    if mood is None:
        return
    for index in subjects:
        if reading.can_act(index) and mood not in reading.things[index].attributes.described():
            reading.describe(index, Description(states=[mood]))
