"""A held thing placed by the holder's own body part, for the rules planner's grammar (grammar.py).

'a squirrel holding an arrow above its head', 'an owl gripping a mouse in its talons', 'a woman holding
a phone to her ear': after what a verb acts on, a preposition whose object is the subject's own part
('its head', 'her ear') places the thing acted on, not the subject: the arrow is above the head, the
mouse in the talons. The squirrel is not above its own head. So, too, a part of the subject's own that a verb
acts on is what the preposition after it places: 'people putting their hands on a ball' (the hands are).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.clauses import VERB_OBJECT
from limner.agents.planning.rules.phrases import take_chunk
from limner.agents.planning.rules.poses_words import PARTS
from limner.agents.planning.rules.tagging import DET, WORD, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# Possessives that say the part is the subject's own.
_OWN = frozenset({"its", "his", "her", "their"})


def own_part_next(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the preposition at items[i] follows what a verb acts on and is followed by the subject's own
    body part ('holding an arrow | above | its head', 'a cup | in | hand'), or what the verb acts on is that
    part ('putting their hands | on')."""
    if reading.last_role != VERB_OBJECT or reading.last_thing is None or reading.last_kind != "thing":
        return False
    if _own_part_before(items, i):
        return True  # 'putting their hands on a ball': the hands are on it
    if i + 1 < len(items) and items[i + 1].kind == WORD and _part(items[i + 1].text):
        return i + 2 >= len(items) or items[i + 2].kind != WORD  # 'holding a cup in hand'
    if i + 1 >= len(items) or items[i + 1].kind != DET or items[i + 1].text.lower() not in _OWN:
        return False
    chunk, _ = take_chunk(items, i + 1)
    return bool(chunk.words) and _part(chunk.words[-1])


def _own_part_before(items: list[Item], i: int) -> bool:
    """Whether the noun phrase right before items[i] is the subject's own part: 'their hands'."""
    k = i - 1
    if k < 1 or items[k].kind != WORD or not _part(items[k].text):
        return False
    while k > 0 and items[k - 1].kind == WORD:
        k -= 1
    return items[k - 1].kind == DET and items[k - 1].text.lower() in _OWN


def _part(word: str) -> bool:
    return word.lower() in PARTS or word.lower() in grammar_words.HOLDING_PARTS
