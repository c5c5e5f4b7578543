"""Colours worn or shown after "in", for the rules planner's grammar (grammar.py).

"a woman in red", "labels in blue and yellow": the colours after "in" are the thing's (chunks.colour_list).
A verb may follow them at once, with no comma: "two men in black standing by a car", "a girl in red and
white holding a balloon"; the colours are still the thing's, and the verb starts what the thing does.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.chunks import colour_list
from limner.agents.planning.rules.phrases import Description
from limner.agents.planning.rules.pronouns import is_person
from limner.agents.planning.rules.tagging import AND, COMMA, OR, WORD, Item


def described(name: str, colours: list[str]) -> Description:
    """'labels in blue and yellow' are blue and yellow; 'a woman in red' is red too, as what she wears, so
    the phrase is kept for the prompt to say after her name ('a woman in red', never 'a red woman')."""
    if is_person(name):
        return Description(colors=colours, states=[f"in {' and '.join(colours)}"])
    return Description(colors=colours)


def colours_worn(items: list[Item], i: int) -> tuple[list[str], int]:
    """The colours written from items[i] on and the index after them, also when a verb follows them;
    ([], i) when the words there are not only colours ('in red paint', 'in black clothing')."""
    colours, after = colour_list(items, i)
    if colours:
        return colours, after
    k = i
    while k < len(items) and items[k].kind in (WORD, AND, COMMA, OR) and not _verb_at(items, k):
        k += 1
    if k == i or not _verb_at(items, k):
        return [], i
    colours, after = colour_list(items[:k], i)
    return (colours, after) if colours and after == k else ([], i)


def _verb_at(items: list[Item], k: int) -> bool:
    """Whether items[k] is a verb that may follow what a thing wears: 'standing', 'holding', 'wears'."""
    if k >= len(items) or items[k].kind != WORD:
        return False
    word = items[k].text.lower()
    ing = word.endswith("ing") and len(word) > 4 and word not in grammar_words.NOUNS_ENDING_ING
    return ing or word in grammar_words.VERBS
