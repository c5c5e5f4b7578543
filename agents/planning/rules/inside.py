"""What 'in' says when what follows it is no container: the grammar's reading of 'in X' (grammar.py).

'in a box' puts a thing inside another, but some phrases after 'in' describe the things before them
instead of naming a thing of their own:
- a place name ('seven pubs in Paddington', 'a street in Rio de Janeiro'): where they are;
- how words are written ('written in flowing cursive', 'in modern calligraphy'): the writing's look;
- a bare material ('written in chalk', 'a statue in marble'): what they are made of;
- a layout ('stones in a neat grid', 'chairs in a long row'): how they are arranged.
"""

from __future__ import annotations

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.phrases import Description, Phrase, scene_word


def described_by(phrase: Phrase) -> Description | None:
    """What 'in PHRASE' says about the things before it, or None when PHRASE is a thing to be in."""
    chunk = phrase.chunk
    if not chunk.words:
        return None
    if phrase.kind == "thing" and _place_name(phrase):
        return Description(others=[scene_word(phrase.name)])
    if chunk.words[-1] in vocab.LETTERING_NOUNS:
        return Description(others=[scene_word(" ".join(chunk.words))])
    if chunk.words[-1] in LAYOUT_NOUNS and not chunk.proper:
        return Description(others=[scene_word(f"in {chunk.text}")])
    if not phrase.has_lead and len(chunk.words) == 1 and phrase.name in vocab.MATERIALS:
        return Description(materials=[scene_word(vocab.MATERIALS[phrase.name])])
    return None


# The shapes things are laid out in, which 'in' puts them in without naming a thing: 'in a perfect grid'.
LAYOUT_NOUNS = frozenset(
    {"grid", "row", "rows", "line", "lines", "circle", "semicircle", "pile", "heap", "stack", "cluster",
     "spiral", "formation", "zigzag", "queue", "checkerboard"}
)  # fmt: skip


def _place_name(phrase: Phrase) -> bool:
    """Whether a phrase is only a name written with capitals ('Paddington', 'the Pacific Northwest')."""
    chunk = phrase.chunk
    return bool(chunk.proper) and all(k in chunk.proper or w in vocab.NAME_MODIFIERS for k, w in enumerate(chunk.words))
