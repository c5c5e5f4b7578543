"""Who a thing is given to, for the rules planner's grammar (clauses.py asks at 'to').

"A dog gives an apple to a squirrel", "a grandmother reading a book to her grandson": after the object of
a verb of giving or telling, 'to' names who receives it, and the subject does the verb to that one too
(the dog is 'giving to' the squirrel). After other verbs 'to' is where the subject goes ('walking a dog
to the park' is read as written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import verbs

if TYPE_CHECKING:
    from limner.agents.planning.rules.clauses import Clauses

# Verbs (base forms) whose object goes to someone named after 'to': 'hands a cup to a man'.
GIVING_VERBS = frozenset(
    {"give", "hand", "pass", "offer", "feed", "sell", "send", "serve", "bring", "deliver", "present", "lend",
     "throw", "toss", "kick", "show", "read", "tell", "sing", "teach", "explain", "whisper", "pour"}
)  # fmt: skip


def to_recipient(reading: Clauses, preposition: str) -> bool:
    """Whether 'to' right after the object of a verb of giving names its recipient; if so the verb is
    taken up again, so that the relation read next is the subject's 'giving to'."""
    relation = reading.relation
    if preposition != "to" or reading.last_role != "verb_object" or not relation or " " in relation:
        return False
    if verbs.base(relation) not in GIVING_VERBS or not reading.relation_subjects:
        return False
    reading.verb, reading.last_role, reading.group = relation, "subject", list(reading.relation_subjects)
    return True
