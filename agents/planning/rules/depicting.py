"""What a sculpture or a map is of, for the rules planner's grammar (grammar.py).

A thing made to show another ('a sculpture', 'a statue', 'a map') is written with what it shows after
'of':
- a bare name or noun with no article ('a sculpture of Poseidon', 'a map of Peru') says what kind of
  sculpture or map it is: a word of it, no thing of its own; but a written thing ('a statue of letter Z')
  is a thing, which carries its text;
- what it is made of, written after what it shows, is what the sculpture or map is made of: 'a statue of
  a lion made of jade' is a jade statue, 'a map of the world made out of candy' a candy map.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from limner.agents.planning.rules import verbs
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.implied import WRITTEN_NOUNS
from limner.agents.planning.rules.phrases import analyse

if TYPE_CHECKING:
    from limner.agents.planning.rules.chunks import Chunk
    from limner.agents.planning.rules.grammar import Reading
    from limner.agents.planning.rules.phrases import Phrase

VERB_OBJECT = "verb_object"  # the role of what a verb acts on (clauses.py)

# Things made to show another thing, which 'of' names: 'a sculpture of a horse', 'a map of Chile'.
DEPICTING_NOUNS = vocab.ARTWORK_THINGS | frozenset({"map", "maps", "globe", "globes", "figure", "figures"})


def shows(name: str) -> bool:
    return name.rsplit(" ", 1)[-1] in DEPICTING_NOUNS


def names_kind(reading: Reading, chunk: Chunk, phrase: Phrase) -> bool:
    """Whether the phrase after 'ARTWORK of' is the artwork's kind ('a map of Peru'): one thing, with no
    article and no verb. If so, it is kept as one of the artwork's words."""
    index = reading.last_thing
    if index is None or not shows(reading.things[index].name):
        return False
    if chunk.lead or chunk.pronoun or chunk.verb or phrase.kind != "thing" or phrase.count != 1:
        return False
    if chunk.words[-1].lower() in WRITTEN_NOUNS:
        return False  # 'a sculpture of letter W': the letter is a thing, with its text
    reading.add_other(index, " ".join(chunk.words))
    return True


def made_thing(reading: Reading) -> int | None:
    """What 'made of' after a noun phrase is about: the thing just read, unless that is what an artwork
    read before it shows ('a statue of a lion made of jade': the statue)."""
    index = reading.last_thing
    for subject, predicate, other in reading.relations:
        if predicate == "of" and other == index and shows(reading.things[subject].name):
            return subject
    return index


def read_phrase(reading: Reading, chunk: Chunk, *, followed_by_of: bool) -> Phrase:
    """The noun phrase `chunk` as the grammar reads it. 'A photo of a cat' is the picture's style, unless a
    verb of holding has it in hand: 'a man holding a photo of his wife' holds the photo, a thing, which
    shows the wife."""
    held = followed_by_of and reading.role == VERB_OBJECT and (reading.relation or "") in verbs.HOLDING_VERBS
    return analyse(replace(chunk, placed=True) if held else chunk, followed_by_of=followed_by_of)
