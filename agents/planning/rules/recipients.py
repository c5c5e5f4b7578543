"""Who a thing is given to, for the rules planner's grammar (clauses.py asks at 'to').

"A dog gives an apple to a squirrel", "a grandmother reading a book to her grandson": after the object of
a verb of giving or telling, 'to' names who receives it, and the subject does the verb to that one too
(the dog is 'giving to' the squirrel). What is given is not who receives it: in "throwing a ball to it",
"it" is someone else (`given`). 'to' and a verb after the object of a verb say what that one does ("a
woman teaching a boy to swim": the boy swims; `infinitive_doer`). After a verb of going 'to' is where the subject goes
('walking a dog to the park': walking to the park).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import verbs
from limner.agents.planning.rules.tagging import DET, NUM, PRON, WORD, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.clauses import Clauses

# Verbs (base forms) whose object goes to someone named after 'to': 'hands a cup to a man'.
GIVING_VERBS = frozenset(
    {"give", "hand", "pass", "offer", "feed", "sell", "send", "serve", "bring", "deliver", "present", "lend",
     "throw", "toss", "kick", "show", "read", "tell", "sing", "teach", "explain", "whisper", "pour"}
)  # fmt: skip

# Verbs (base forms) that take their object along where the subject goes: after the object, 'to' names
# where they go ('walking a dog to the park': walking to the park).
GOING_VERBS = frozenset(
    {"walk", "ride", "drive", "carry", "push", "pull", "drag", "lead", "take", "chase", "follow", "guide",
     "escort", "tow", "wheel", "haul", "row", "paddle", "sail", "fly"}
)  # fmt: skip


def to_recipient(reading: Clauses, preposition: str) -> bool:
    """Whether 'to' right after the object of a verb of giving names its recipient, or of a verb of going
    where the subject goes; if so the verb is taken up again, so that the relation read next is the
    subject's 'giving to' or 'walking to'."""
    relation = reading.relation
    if preposition != "to" or reading.last_role != "verb_object" or not relation or " " in relation:
        return False
    if verbs.base(relation) not in GIVING_VERBS | GOING_VERBS or not reading.relation_subjects:
        return False
    reading.verb, reading.last_role, reading.group = relation, "subject", list(reading.relation_subjects)
    return True


def given(reading: Clauses, subjects: list[int]) -> list[int]:
    """What `subjects` give in the relation of giving being read ('throwing a ball to it': the ball), which
    a pronoun naming the recipient does not mean; empty for any other relation."""
    relation = reading.relation or ""
    verb = relation.removesuffix(" to")
    if verb == relation or verbs.base(verb) not in GIVING_VERBS:
        return []
    return [o for s, p, o in reading.relations if p == verb and s in subjects]


def infinitive_doer(reading: Clauses, items: list[Item], i: int) -> bool:
    """Whether 'to' at items[i] and the verb after it say what the one a verb just acted on does ('teaching
    him to swim', 'a mother teaching her son to ride a bike'); if so, the clause is about that one now."""
    if items[i].text.lower() != "to" or i + 1 >= len(items) or items[i + 1].kind != WORD or not reading.relation:
        return False
    if " " in reading.relation or not (items[i - 1].kind == PRON or reading.last_role == "verb_object"):
        return False  # (not 'laughing at a cat because a weight is about to fall')
    word = items[i + 1].text.lower()
    transitive = i + 2 < len(items) and items[i + 2].kind in (DET, NUM) and verbs.base(word) == word
    if word not in verbs.BARE_VERBS and not (transitive and not word.endswith("s")):
        return False
    acted_on = [o for s, p, o in reading.relations if p == reading.relation and s in reading.relation_subjects]
    if not acted_on or acted_on[-1] in reading.relation_subjects or not reading.can_act(acted_on[-1]):
        return False
    reading.group = reading.subjects = acted_on[-1:]
    reading.verb, reading.last_role, reading.relation = None, "subject", None
    return True
