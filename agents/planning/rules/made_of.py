"""The materials listed after "made of", for the rules planner's attributes (attributes.py).

"a table made of wood and metal", "a house built from stone, brick and glass": every material of the list
is the thing's, so the list is read as one run of materials ("wood metal") rather than the first material
and then new things ("metal") of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.tagging import AND, COMMA, DET, MADE_OF, WORD, Item
from limner.agents.planning.rules.vocabulary import MATERIALS

if TYPE_CHECKING:
    from limner.agents.planning.rules.phrases import Phrase

# Nouns for the pieces a thing is made of, which say nothing but its material: 'made of metal bits'.
PORTIONS = frozenset(
    {"piece", "bit", "part", "strip", "shard", "scrap", "chunk", "fragment", "sliver", "offcut", "component",
     "panel", "sheet", "block"}
)  # fmt: skip


def joined_after_made_of(items: list[Item]) -> list[Item]:
    """The items with the commas and 'and's between the materials listed after 'made of' dropped."""
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        out.append(items[i])
        if items[i].kind == MADE_OF and _material_at(items, i + 1):
            kept, i = _material_list(items, i + 1)
            out += kept
            continue
        i += 1
    return out


def _material_list(items: list[Item], i: int) -> tuple[list[Item], int]:
    """The material words of a list starting at items[i] and the index after the list; a join counts
    only when a bare material follows it ('wood and metal'; not 'wood and a cat', 'wood and glass vases')."""
    kept, k, n = [items[i]], i + 1, len(items)
    while k < n:
        step = 2 if items[k].kind == COMMA and k + 1 < n and items[k + 1].kind == AND else 1
        if items[k].kind not in (COMMA, AND) or not _bare_material(items, k + step):
            break
        kept.append(items[k + step])
        k += step + 1
    return kept, k


def _material_at(items: list[Item], k: int) -> bool:
    return k < len(items) and items[k].kind == WORD and items[k].text.lower() in MATERIALS


def _bare_material(items: list[Item], k: int) -> bool:
    """A material that ends its noun phrase: not one describing the next word ('glass vases')."""
    return _material_at(items, k) and not (k + 1 < len(items) and items[k + 1].kind in (WORD, DET))


def portion_material(phrase: Phrase) -> str | None:
    """The material of the pieces a thing is made of ('made of brass pieces': brass); None when the phrase
    names no such pieces ('made of tigers', 'made of glass')."""
    if phrase.kind != "thing" or phrase.name not in PORTIONS or not phrase.described.materials:
        return None
    return phrase.described.materials[0]


def names_thing(phrase: Phrase) -> bool:
    """Whether what a thing is made of is a thing too: 'a tornado made of tigers' (not 'made of granite', nor
    'made of brass pieces')."""
    plain = phrase.kind == "thing" and phrase.count is None and phrase.name not in MATERIALS
    return plain and portion_material(phrase) is None
