"""What a thing does when the object of its verb is no thing, for the rules planner's grammar (grammar.py).

'a couple having dinner', 'a family having a picnic': a meal had or eaten, or a gathering had
(pastime_words.py), is what the subjects do too, and where it happens is theirs ('at a restaurant').

'a panda giving a presentation', 'a skateboarder doing a trick': the object names an act, not a thing
drawn, so it is no thing of its own, and no relation either. The verb and its object together are what
the subject does ('giving a presentation'), and the verb is done with: a preposition after it starts a
new relation ('in a conference room'), never 'giving in'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.clauses import ASIDE, VERB_OBJECT
from limner.agents.planning.rules.pastime_words import EATING_VERBS, HAD_ACTS, HAVING_VERBS, MEAL_NOUNS
from limner.agents.planning.rules.pastimes import pastime_named
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


def pastime(reading: Reading, phrase: Phrase, role: str) -> bool:
    """If `phrase` (a thing's name) is a meal or a gathering that the verb just read has or eats, and its
    subjects can act, their action says it ('having a picnic', 'eating lunch'); whether it was."""
    verb = (reading.verb or "").lower()
    subjects = [index for index in reading.relation_subjects if reading.can_act(index)]
    if role != VERB_OBJECT or not subjects or not phrase.chunk.words:
        return False  # 'dessert after having a meal': the dessert has none
    acts = (MEAL_NOUNS | HAD_ACTS) if verb in HAVING_VERBS else MEAL_NOUNS if verb in EATING_VERBS else frozenset()
    if not acts or pastime_named([w.lower() for w in phrase.chunk.words], acts) is None:
        return False
    said = {**HAVING_VERBS, **EATING_VERBS}[verb]
    act = " ".join([*(item.text.lower() for item in phrase.chunk.lead), *phrase.chunk.words]).lower()
    for index in subjects:
        reading.set_action(index, f"{said} {act}")
    reading.relation, reading.verb = None, None
    reading.group, reading.last_role, reading.role = subjects, VERB_OBJECT, ASIDE
    return True
