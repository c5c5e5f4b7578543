"""'Having' before a meal or a gathering as a verb, for the rules planner's grammar (narration.py calls it).

The tagger reads 'having' as 'with' ('a table having drawers': a table with drawers). Before a meal or a
gathering ('a couple having dinner', 'a family having a picnic') it is what the subjects do, so the
items say it as a verb; activities.py then makes the verb and its object their action. A game written
with 'and' ('hide and seek') is one word, so that the list reading does not part it.
"""

from __future__ import annotations

from limner.agents.planning.rules.pastime_words import GAME_NOUNS, HAD_ACTS, HAVING_VERBS, MEAL_NOUNS, PASTIME_ADVERBS
from limner.agents.planning.rules.tagging import AND, DET, WITH, WORD, Item
from limner.agents.scene.english import singularize_name

_HAD = MEAL_NOUNS | HAD_ACTS


def pastime_verbs(items: list[Item]) -> list[Item]:
    """The items with 'having' before a meal or a gathering a verb, and 'hide and seek' one word."""
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        item = items[i]
        if item.kind == WITH and item.text.lower() in HAVING_VERBS and had_act(items, i + 1) is not None:
            out.append(Item(WORD, HAVING_VERBS[item.text.lower()]))
            i += 1
            continue
        if item.kind == WORD and i + 2 < n and items[i + 1].kind == AND and items[i + 2].kind == WORD:
            joined = f"{item.text} and {items[i + 2].text}".lower()
            if joined in GAME_NOUNS:
                out.append(Item(WORD, joined))
                i += 3
                continue
        out.append(item)
        i += 1
    return out


def had_act(items: list[Item], i: int) -> str | None:
    """The meal or gathering that the noun phrase at items[i] names ('a picnic', 'dinner', 'a snowball fight'),
    if it is one or two plain words after at most one article, and maybe 'together'; else None."""
    if i < len(items) and items[i].kind == DET and items[i].value == "singular":
        i += 1
    words: list[str] = []
    while i < len(items) and items[i].kind == WORD and len(words) < 3:
        words.append(items[i].text.lower())
        i += 1
    return pastime_named(words, _HAD)


def pastime_named(words: list[str], pastimes: frozenset[str]) -> str | None:
    """The pastime of `pastimes` that `words` name, with a word of how after it ('tea together'); or None."""
    if words and words[-1] in PASTIME_ADVERBS:
        words = words[:-1]
    name = " ".join(words)
    if not words or len(words) > 2:
        return None
    return name if name in pastimes or singularize_name(name) in pastimes else None
