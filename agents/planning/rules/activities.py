"""What a thing does when the object of its verb is no thing, for the rules planner's grammar (grammar.py).

'a panda giving a presentation', 'a skateboarder doing a trick': the object names an act, not a thing
drawn, so it is no thing of its own, and no relation either. The verb and its object together are what
the subject does ('giving a presentation'), and the verb is done with: a preposition after it starts a
new relation ('in a conference room'), never 'giving in'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.clauses import ASIDE, VERB_OBJECT
from limner.agents.planning.rules.phrases import Phrase

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

def done(reading: Reading, phrase: Phrase, role: str) -> None:
    """If `phrase` (no thing) is the object of the verb just read, the subjects' action says it."""
    if role != VERB_OBJECT or phrase.kind != "filler" or not reading.relation or not phrase.chunk.words:
        return
    subjects = list(reading.relation_subjects)
    if not subjects or reading.relation == "contains":
        return
    act = " ".join([*(item.text.lower() for item in phrase.chunk.lead), *phrase.chunk.words])
    for index in subjects:
        reading.set_action(index, f"{reading.relation} {act}")
    reading.relation, reading.verb = None, None
    reading.group, reading.last_role, reading.role = subjects, VERB_OBJECT, ASIDE
