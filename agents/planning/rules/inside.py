"""What 'in' says when what follows it is no container: the grammar's reading of 'in X' (grammar.py).

'in a box' puts a thing inside another, but some phrases after 'in' describe the things before them
instead of naming a thing of their own:
- a place name ('seven pubs in Paddington', 'a street in Rio de Janeiro'): where they are;
- how words are written ('written in flowing cursive', 'in modern calligraphy'): the writing's look;
- a bare material ('written in chalk', 'a statue in marble'): what they are made of;
- what words are written with ('a slogan in white spray paint', 'a name in red marker'): their look;
- a layout ('stones in a neat grid', 'chairs in a long row'): how they are arranged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.implied import WRITTEN_NOUNS
from limner.agents.planning.rules.phrases import Description, Phrase, scene_word
from limner.agents.planning.rules.place_words import SEEN_PLACE_HEADS

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def described_by(phrase: Phrase, reading: Reading) -> Description | None:
    """What 'in PHRASE' says about the things before it, or None when PHRASE is a thing to be in ('a brush
    dipped in red paint': the paint is a thing, with no words written in it)."""
    chunk = phrase.chunk
    if not chunk.words:
        return None
    if phrase.kind == "thing" and _place_name(phrase):
        # 'pubs in Paddington'; with nothing before it ('a rainy day in London') the place is what is seen
        return Description(others=[scene_word(phrase.name)]) if reading.relation_subjects else None
    if chunk.words[-1] in vocab.LETTERING_NOUNS:
        return Description(others=[scene_word(" ".join(chunk.words))])
    if _written_with(phrase, reading):  # 'the word 'stop' in red spray paint'
        return Description(others=[scene_word(" ".join(chunk.words))])
    if chunk.words[-1] in LAYOUT_NOUNS and not chunk.proper:
        return Description(others=[scene_word(f"in {chunk.text}")])
    if not phrase.has_lead and len(chunk.words) == 1 and chunk.words[0].lower() in vocab.MATERIALS:  # not 'papers'
        return Description(materials=[scene_word(vocab.MATERIALS[phrase.name])])
    return None


def described_things(reading: Reading, phrase: Phrase) -> list[int]:
    """The things 'in PHRASE' describes: for what words are written with or how, the words just named ('the
    word 'stop' painted on the daisies in red paint': the word; 'writing the words 'hi' in cursive': the
    words, not the writer); else what is before 'in'."""
    if phrase.chunk.words[-1] not in WRITING_MEDIA and phrase.chunk.words[-1] not in vocab.LETTERING_NOUNS:
        return list(reading.relation_subjects)
    written = _written_nearby(reading)
    return [written] if written is not None else list(reading.relation_subjects)


def _written_nearby(reading: Reading) -> int | None:
    """The words among the last few things named, which a medium after them is written with."""
    for index in reversed(reading.recent[-_NEARBY:]):
        if reading.things[index].name.rsplit(" ", 1)[-1] in WRITTEN_NOUNS:
            return index
    return None


_NEARBY = 3  # things named since the words: 'the word on the daisies in paint', 'a name on a sign in paint'


# The shapes things are laid out in, which 'in' puts them in without naming a thing: 'in a perfect grid'.
LAYOUT_NOUNS = frozenset(
    {"grid", "row", "rows", "line", "lines", "circle", "semicircle", "pile", "heap", "stack", "cluster",
     "spiral", "formation", "zigzag", "queue", "checkerboard"}
)  # fmt: skip

# What words are written with, which 'in' names as the writing's look rather than a thing: 'in blue ink'.
WRITING_MEDIA = frozenset({"paint", "ink", "marker", "crayon", "crayons", "chalk", "lipstick", "pencil", "neon"})


def _written_with(phrase: Phrase, reading: Reading) -> bool:
    """Whether 'in PHRASE' says what words just named are written with: a medium with more than its bare
    name ('in red spray paint'; a bare 'in chalk' is a material), and no article ('in a paint pot')."""
    words = phrase.chunk.words
    if words[-1] not in WRITING_MEDIA or phrase.has_lead or len(words) < 2:
        return False
    return _written_nearby(reading) is not None


def _place_name(phrase: Phrase) -> bool:
    """Whether a phrase is only a name written with capitals ('Paddington', 'the Pacific Northwest'), and no
    place one sees ('Times Square', 'Lake Como': things in the picture, place_words.py)."""
    chunk = phrase.chunk
    if chunk.words and chunk.words[-1].lower() in SEEN_PLACE_HEADS:
        return False
    return bool(chunk.proper) and all(k in chunk.proper or w in vocab.NAME_MODIFIERS for k, w in enumerate(chunk.words))
