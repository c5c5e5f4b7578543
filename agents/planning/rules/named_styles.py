"""'in X style' as the picture's style, for the rules planner's reading.

'a horse in a field in Minecraft style', 'a city in the Ghibli style', 'a cat in Pixar style': a name (or
any few words) between 'in' and 'style' names the way the picture is made, not a place the thing is in;
without this the name became a thing that the horse stood in. `in_named_style` writes the run as one
style item ("Minecraft style") before the grammar reads the items. A game whose world has a look of its
own (tag_words.GAME_WORLDS) names the style after 'in' even without the word: 'the Statue of Liberty in
Minecraft' is drawn as Minecraft draws it.
"""

from __future__ import annotations

from limner.agents.planning.rules.tag_words import GAME_WORLDS
from limner.agents.planning.rules.tagging import AND, COMMA, DET, IN, STOP, STYLE, WORD, Item, rewrite_runs

_STYLE_WORDS = frozenset({"style", "styled", "aesthetic"})
_MAX_NAME_WORDS = 3  # 'in Studio Ghibli style', 'in Breath of the Wild style' is left to the tagger
_ENDS = frozenset({COMMA, STOP, AND})


def in_named_style(items: list[Item]) -> list[Item]:
    """The items with each 'in [the] NAME style' written as one style item."""
    return rewrite_runs(items, _named_style)


def _named_style(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """'in [the] NAME style' at items[i] as one style item, if it is there."""
    end = _named_style_at(items, i)
    if end is None:
        return _game_world(items, i)
    start = i + 1 + (items[i + 1].kind == DET)
    name = " ".join(item.text for item in items[start : end - 1])
    return end, [Item(STYLE, name.lower(), f"{name} style")]


def _game_world(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """'in [the] GAME' at items[i] as one style item ('in Minecraft', 'in the Sims'), where the game's
    name ends the phrase: 'in minecraft armour' is something worn."""
    if items[i].kind != IN or items[i].text.lower() != "in":
        return None
    for end in range(min(i + 1 + _MAX_NAME_WORDS, len(items)), i + 1, -1):
        run = items[i + 1 : end]
        name = " ".join(item.text for item in run)
        if " ".join(name.lower().split()) not in GAME_WORLDS or any(x.kind not in (WORD, DET) for x in run):
            continue
        if end < len(items) and items[end].kind in (WORD, STYLE):
            return None
        return end, [Item(STYLE, name.lower(), f"{name} style")]
    return None


def _named_style_at(items: list[Item], i: int) -> int | None:
    """The index after 'in [the] WORD.. style' at items[i], if the run ends a phrase there."""
    if items[i].kind != IN or items[i].text.lower() != "in":
        return None
    k = i + 1
    if k < len(items) and items[k].kind == DET and items[k].text.lower() == "the":
        k += 1
    first = k
    while k < len(items) and items[k].kind == WORD and items[k].text.lower() not in _STYLE_WORDS:
        k += 1
    if not 0 < k - first <= _MAX_NAME_WORDS or k >= len(items) or items[k].kind != WORD:
        return None
    if items[k].text.lower() not in _STYLE_WORDS:
        return None
    if k + 1 < len(items) and items[k + 1].kind not in _ENDS:
        return None  # 'in Tudor style houses': the style word describes a thing that follows
    return k + 1
