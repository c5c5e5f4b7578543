"""Colours written after a verb of colouring, for the rules planner's clauses (clauses.py).

"walls painted yellow", "hair dyed pink", "a door colored red and white": the colours right after such a
verb are the colours of the thing the verb is about, neither a thing of their own nor lost with the verb.
So are the colours a thing turns ("leaves turning yellow", "the sky turned grey"); a thing that gives off
light in a colour ("eyes glowing red") has the colour and keeps the glowing too. One wearing colours with
no noun after them ("a man wearing black", "a nurse wearing white holding a tray") wears them: the colours
are the person's, said as written ("wearing black"), and no thing of their own; before a noun they are the
noun's ("wearing red running shoes"). Colours after 'of' are the
colours of the thing before it ("stripes of red and white", "balloons of different colors").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.chunks import colour_list
from limner.agents.planning.rules.phrases import Description
from limner.agents.planning.rules.tagging import OF, WORD, Item
from limner.agents.planning.rules.worn import colours_worn

if TYPE_CHECKING:
    from limner.agents.planning.rules.clauses import Clauses
    from limner.agents.planning.rules.grammar import Reading

# Verbs whose colour after them is the one the thing now has: 'painted yellow', 'dyed pink'.
COLOURING_VERBS = frozenset(
    {"painted", "dyed", "colored", "coloured", "tinted", "stained", "sprayed", "spray-painted", "glazed", "tinged",
     "turning", "turned", "turns", "turn", "gone", "going", "goes", "went", "becoming", "became", "becomes"}
)  # fmt: skip
# Verbs of giving off light, whose colour after them is the light's: 'eyes glowing red'. The thing keeps the verb.
GLOWING_VERBS = frozenset(
    {"glowing", "glows", "glow", "shining", "shines", "gleaming", "blazing", "burning", "flashing"}
)
# The role clauses.py gives a thing named after 'with' (its WITH_PART; that module reads this one).
_WITH_PART = "with"
# Words for colours in number after 'of': 'balloons of different colors', 'flowers of all colours'.
MANY_COLOURS = frozenset({"different", "many", "various", "all", "every", "assorted", "mixed", "multiple", "bright"})
COLOURS_NOUNS = frozenset({"color", "colors", "colour", "colours"})
# Verbs of wearing, after which colours alone are what is worn: 'wearing black'.
WEARING_VERBS = frozenset({"wearing", "wears", "wear", "wore"})


def colours_after(verb: str, items: list[Item], j: int) -> tuple[Description | None, int]:
    """The colours written from items[j] on after a colouring verb, as a description of the thing, and the
    index after them; (None, j) when the verb colours nothing or no colour list follows it."""
    verb = verb.lower()
    if verb in WEARING_VERBS:
        worn, after = colours_worn(items, j)  # also when a verb follows: 'wearing black standing by a car'
        if not worn or _names_after(items, after):
            return None, j  # 'wearing red running shoes': the colour is the shoes'
        return Description(colors=worn, states=[f"{verb} {' and '.join(worn)}"]), after
    if verb not in COLOURING_VERBS and verb not in GLOWING_VERBS:
        return None, j
    colours, after = colour_list(items, j)
    if not colours:
        return None, j
    return Description(colors=colours, states=[verb] if verb in GLOWING_VERBS else []), after


def _names_after(items: list[Item], k: int) -> bool:
    """Whether the word at items[k], after colours, starts a noun phrase of two words or more: 'running
    shoes' (a verb with a bare noun after it reads the same, so it is taken as the noun)."""
    return k + 1 < len(items) and items[k].kind == WORD and items[k + 1].kind == WORD


def coloured(reading: Clauses, subjects: list[int], thing: int | None) -> list[int]:
    """Which things the colours after the verb are of: the thing just named after 'with', whose colour the
    verb says ('a tree with leaves turning yellow', 'a dragon with eyes glowing red'), else the verb's
    subjects. The verb is read with its colours: no relation after them joins it ('two men wearing black
    standing by a car' stand by the car, they do not wear it)."""
    reading.verb = None
    return [thing] if reading.chunk_role == _WITH_PART and thing is not None else subjects


def colours_of(reading: Reading, items: list[Item], i: int) -> int | None:
    """Read the colours after the 'of' at items[i] as the colours of the thing just named ('stripes of red
    and white', 'balloons of many colors'); the index after them, or None when no colours alone follow."""
    thing = reading.last_thing
    if items[i].kind != OF or thing is None or reading.last_kind != "thing" or (i and items[i - 1].kind != WORD):
        return None
    colours, after = colour_list(items, i + 1)
    if colours:  # one colour as written, its colours each a value too (attributes.finished)
        listed = colours[0] if len(colours) == 1 else f"{', '.join(colours[:-1])} and {colours[-1]}"
        reading.describe(thing, Description(colors=[listed]))
        return after
    words = [it.text.lower() for it in items[i + 1 : i + 3]]
    if len(words) == 2 and words[0] in MANY_COLOURS and words[1] in COLOURS_NOUNS and _ends(items, i + 3):
        if reading.things[thing].count == 1:
            return None  # things of different colours are several: 'boats in the ramen of different colors'
        reading.describe(thing, Description(others=[" ".join(words)]))  # 'balloons of different colors'
        return i + 3
    return None


def _ends(items: list[Item], k: int) -> bool:
    return k >= len(items) or items[k].kind != WORD
