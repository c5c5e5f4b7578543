"""A thing said to be a kind of thing, for the rules planner's grammar (grammar.py).

'The dog is a golden retriever', 'The plate is a big square plate', 'The car is a red convertible': a
copula with a noun phrase that has 'a' or 'an' before it renames or classifies the subject. It is the
same one thing, so the phrase's words go to the subject: its describing words ('big', 'red') and the
words that name what kind it is ('golden retriever', where that is not the subject's own name). Only a
lone subject is renamed; 'there is a cat' (no subject yet) and a described background ('the background
is a forest') name a thing of their own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from limner.agents.planning.rules.phrases import Phrase
from limner.agents.planning.rules.setting_words import BACKGROUND

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# Articles that say the phrase after the copula is one of a kind: 'is a retriever', not 'is the man'.
_KIND_ARTICLES = frozenset({"a", "an"})


def renames(reading: Reading, phrase: Phrase) -> bool:
    """Whether the noun phrase after a copula says what its lone subject is; if so, the subject has its
    words ('The dog is a golden retriever': a golden retriever dog)."""
    if phrase.kind != "thing" or phrase.count != 1 or len(reading.group) != 1 or phrase.chunk.proper:
        return False
    lead = [item.text.lower() for item in phrase.chunk.lead]
    if lead not in ([article] for article in _KIND_ARTICLES):
        return False
    index = reading.group[0]
    subject = reading.things[index]
    if subject.count != 1 or subject.name == BACKGROUND:
        return False
    own = set(subject.name.split())
    kind = [word for word in phrase.name.split() if word not in own]
    described = phrase.described
    if kind:
        described = replace(described, others=[*described.others, " ".join(kind)])
    reading.describe(index, described)
    reading.last_thing, reading.last_kind, reading.chunk_thing, reading.chunk_role = index, "thing", index, "copula"
    reading.role, reading.last_role = "subject", "subject"
    return True
