"""A collective noun before 'of': a count for what follows ('a herd of cows'), or, for people, the group.

'A herd of cows' is cows, counted and arranged by the herd. 'A group of people' is usually meant as
one thing, the group, and is named whole. A number for the people ('a group of three people') says
how many people there are, so then the people are the thing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from limner.agents.planning.rules import attributes
from limner.agents.planning.rules.vocabulary import COLLECTIVE_NOUNS

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading
    from limner.agents.planning.rules.phrases import Phrase

# Collective nouns that, before a plain word for people, name the group as one thing.
GROUP_NOUNS = frozenset({"group"})
# Plain words for people: 'a group of children' names the children, 'a group of people' the group.
_PLAIN_PEOPLE = (["people"], ["persons"])


def hold(reading: Reading, phrase: Phrase) -> None:
    """Keep what a collective noun says ('a row of') for the phrase after its 'of'."""
    reading.pending_count, reading.arrangement = phrase.count, attributes.arrangement(phrase)
    noun = phrase.nouns[-1].lower() if phrase.nouns else ""
    reading.collective = phrase if phrase.count == COLLECTIVE_NOUNS.get(noun) else None  # not 'two groups of'


def named_whole(reading: Reading, phrase: Phrase) -> Phrase:
    """The phrase after a collective noun, as the group when it is plain people ('a large group of people':
    a large group); people described ('a group of young people') are the people, in a group."""
    collective, reading.collective = reading.collective, None
    if collective is None or not collective.nouns or collective.nouns[-1].lower() not in GROUP_NOUNS:
        return phrase
    if phrase.has_lead or [w.lower() for w in phrase.chunk.words] not in _PLAIN_PEOPLE:
        return phrase
    reading.pending_count, reading.arrangement = None, collective.described  # the group's own words: 'large'
    return replace(phrase, name=f"{collective.nouns[-1].lower()} of people", count=1)
