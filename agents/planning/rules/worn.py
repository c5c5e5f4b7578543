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
from limner.agents.planning.rules.tagging import AND, COMMA, IN, OR, WORD, Item
from limner.agents.scene.model import MAX_WORD


def described(name: str, colours: list[str]) -> Description:
    """'labels in blue and yellow' are blue and yellow; 'a woman in red' is red too, as what she wears, so
    the phrase is kept for the prompt to say after her name ('a woman in red', never 'a red woman')."""
    listed = colours[0] if len(colours) == 1 else f"{', '.join(colours[:-1])} and {colours[-1]}"  # one colour
    if len(listed) > MAX_WORD:
        listed = colours[0]
    if is_person(name):
        return Description(colors=[listed], states=[f"in {listed}"])
    return Description(colors=[listed])  # 'in red, white and blue': one colour of three, in the order written


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


def worn_before_verb(items: list[Item]) -> list[Item]:
    """The items with 'wearing' read as 'in' where only colours and then a verb follow it: 'a lady wearing
    red playing tennis' is a lady in red who plays tennis, not one wearing a red 'playing tennis'. A verb
    with a bare noun after it is read first ('playing tennis in red'), so that the noun is what it acts
    on. A verb form that starts a thing's name ('wearing red running shoes') is no verb, and leaves
    'wearing' be."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        after = _colours_then_verb(items, i + 1) if item.kind == WORD and item.text.lower() in _WEARING else 0
        if not after:
            out.append(item)
            i += 1
            continue
        end = after + 1
        while end < len(items) and items[end].kind == WORD and end - after <= 3:
            end += 1  # 'playing tennis': the verb and the bare noun it acts on
        worn = [Item(IN, "in"), *items[i + 1 : after]]
        out += [*items[after:end], *worn] if end > after + 1 else [*worn, *items[after:end]]
        i = end
    return out


_WEARING = frozenset({"wearing", "dressed", "clad"})


def _colours_then_verb(items: list[Item], i: int) -> int:
    """Where the verb is when only colours and then a verb follow items[i - 1]; 0 when they do not."""
    colours, after = colours_worn(items, i)
    if not colours or after >= len(items) or not _verb_at(items, after):
        return 0
    named = [item.text.lower() for item in items[after : after + 3] if item.kind == WORD]
    return 0 if any(" ".join(named[:n]) in grammar_words.FIXED_COMPOUNDS for n in (2, 3)) else after
