"""A sentence with no subject, opening with a participle, goes on about the sentence before it.

'Seven bottles. Isolated on a white background.' and 'Two cats. Sleeping on a sofa.' are notes that
drop their subject: the participle and what follows it describe what the sentence before was about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading
    from limner.agents.planning.rules.phrases import Phrase


def carry_subject(reading: Reading, phrase: Phrase) -> None:
    """Make the sentence before's subjects this one's, when `phrase` is a lone participle opening it."""
    if phrase.kind != "loose" or not _opens_sentence(reading):
        return
    before = _subjects_before(reading)
    if not before:
        return
    words = phrase.chunk.words
    if phrase.has_lead or len(words) != 1 or not _participle(words[0].lower()):
        return
    reading.group, reading.subjects, reading.topic = list(before), list(before), before[0]


def _subjects_before(reading: Reading) -> list[int]:
    """What the sentence before was about: its subjects ('Two cats. Sleeping on a sofa.'), else the last
    thing it named ('Row from seven bottles. Isolated on white.')."""
    if reading.last_group:
        return list(reading.last_group)
    return [reading.last_thing] if reading.last_thing is not None and reading.last_kind == "thing" else []


def _opens_sentence(reading: Reading) -> bool:
    """Whether the sentence being read has named no subject yet."""
    return reading.role == "subject" and not reading.group and not reading.subjects and reading.topic is None


def _participle(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ed", "ing"))
