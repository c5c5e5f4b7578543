"""'NAME of PHRASE' as one thing, for the rules planner's grammar (grammar.py reads 'of' with it).

A part or portion of some stuff ('a slice of pizza', 'a cup of hot coffee'), a name ('the Statue of
Liberty') or a thing of a kind ('the city of toronto') is one thing, named with both nouns. A state of
the stuff ('hot', 'fresh', 'steaming') says how the one thing is, so it is no part of the name: 'a cup of
hot coffee' is a hot cup of coffee ('hot' here, where it starts no compound like 'hot dog'). Colours and
kinds stay in the name ('a cup of black coffee'), as they tell the stuff apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.attribute_words import PORTION_STATES
from limner.agents.planning.rules.containers import is_container
from limner.agents.planning.rules.phrases import Chunk, Description, Phrase, scene_word

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def one_thing_of(name: str, phrase: Phrase) -> bool:
    """Whether 'NAME of PHRASE' names one thing: a part or portion of it ('a slice of pizza'), a name
    ('the Statue of Liberty'), or a thing of a kind ('the city of toronto'); not a container and what
    it holds, a plural ('a field of daisies') or a name after a common noun ('a map of Italy')."""
    head = name.rsplit(" ", 1)[-1]
    if head in vocab.PARTITIVE_NOUNS and not (head != name and is_container(name)) or name[:1].isupper():
        return True
    if head in vocab.ARTWORK_THINGS:
        return False  # 'a sculpture of letter W': what it shows is a thing of its own
    described = phrase.described.colors or phrase.described.sizes or phrase.described.others
    return not is_container(name) and phrase.count is not None and not phrase.chunk.proper and not described


def join(reading: Reading, index: int, chunk: Chunk, phrase: Phrase, after: int) -> int:
    """Name the thing at `index` with what it is of, its states said of it; returns `after`."""
    stated = set(" ".join(phrase.described.states).split()) | PORTION_STATES
    lead = 0
    while lead < len(chunk.words) - 1 and chunk.words[lead].lower() in stated and not _compound_at(chunk.words, lead):
        lead += 1  # 'hot' of 'hot coffee', not of 'hot dogs'
    words = chunk.words[lead:]
    reading.things[index].name = scene_word(f"{reading.things[index].name} of {' '.join(words)}")
    if lead:
        reading.describe(index, Description(states=[" ".join(chunk.words[:lead]).lower()]))
    return after


def _compound_at(words: list[str], i: int) -> bool:
    """Whether words[i] starts a compound noun ('hot dog'), which keeps its first word."""
    return " ".join(words[i : i + 2]).lower() in grammar_words.FIXED_COMPOUNDS
