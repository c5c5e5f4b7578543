"""Seasons and holidays after a preposition: when the picture is, which names no thing of its own.

'a quiet village in winter' describes the village ('in winter', as the question 'Is the village in winter?'
asks it), and a season's colours are the palette ('a forest in autumn'). 'fireworks on New Year's Eve' and
'a porch on Halloween night' name the picture's occasion, kept as a style beside the time the words say; a
holiday is never a thing to be on. Before a noun a season or a holiday is part of the phrase ('a winter
coat', 'a Christmas tree', phrases.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import setting_words
from limner.agents.planning.rules.clauses import INSIDE, REL_OBJECT, SUBJECT
from limner.agents.planning.rules.occasion_words import holiday_of, season_of

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading
    from limner.agents.planning.rules.phrases import Phrase

# Prepositions after which a season says when the things before it are: 'in winter', 'during the summer'.
_SEASON_PREPOSITIONS = frozenset({"during", "in", "through", "throughout"})


def said_when(reading: Reading, phrase: Phrase, role: str) -> bool:
    """Read a season or a holiday phrase as when the picture is; False for any other phrase."""
    words = phrase.chunk.words
    if phrase.kind != "filler" or not words or role not in (INSIDE, REL_OBJECT, SUBJECT):
        return False  # 'a calendar showing spring', 'celebrating Christmas': what is done (activities.py)
    holiday = holiday_of(words)
    if holiday:
        reading.styles.append(holiday)  # its time ('Halloween night') is the picture's already
    else:
        season = season_of(words)
        if season is None:
            return False
        reading.palette += [c for w in words for c in setting_words.PALETTE_MOODS.get(w.lower(), ())]
        for index in _seasoned(reading, role):
            reading.add_other(index, f"in {season}")
    if role in (INSIDE, REL_OBJECT):
        reading.role = SUBJECT
    return True


def _seasoned(reading: Reading, role: str) -> list[int]:
    """The things a season phrase says the time of: those before its preposition, or the description's first
    thing when it stands alone (', winter,')."""
    if role == INSIDE or (role == REL_OBJECT and reading.relation in _SEASON_PREPOSITIONS):
        return list(reading.relation_subjects)
    if role == SUBJECT and reading.topic is not None:
        return [reading.topic]
    return []
