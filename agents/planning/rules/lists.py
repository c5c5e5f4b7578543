"""Lists of noun phrases, for the rules planner's grammar (grammar.py): whether a list goes on.

After a comma the grammar must know whether the list it is reading goes on to a closing "and" or "or":
"no text, logo or watermark" excludes all three, "trees, a house and people (in the background)" is
one group of subjects. And after "and", whether what follows is a clause of its own ("and a dog sits"),
and after a verb's object, whether a keyword list follows that the verb does not take.
"""

from __future__ import annotations

from limner.agents.planning.rules.phrases import take_chunk
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.planning.rules.tagging import (
    AND,
    COMMA,
    COP,
    DET,
    LIGHT,
    NUM,
    OR,
    QUALITY,
    QUANT,
    STYLE,
    TIME,
    VIEW,
    WORD,
    Item,
)


def exclusion_goes_on(items: list[Item], i: int) -> bool:
    """After a comma in 'no text, logo or watermark': whether an 'or' still ends the list."""
    j = i + 1
    while j < len(items) and items[j].kind in (WORD, COMMA):
        j += 1
    return j > i + 1 and j < len(items) and items[j].kind == OR


def things_go_on(items: list[Item], i: int) -> bool:
    """After a comma in 'trees, a house and people': whether noun phrases alone lead to an 'and'."""
    j = i + 1
    while j < len(items) and items[j].kind in (WORD, DET, NUM, QUANT, COMMA):
        j += 1
    return j > i + 1 and j < len(items) and items[j].kind in (AND, OR) and not _own_clause(items, j)


def keyword_items_follow(items: list[Item], i: int) -> bool:
    """After a comma that follows a verb's object written with an article ('devouring a planet, cosmic
    horror, outer space, stars and nebulas'): whether bare words up to another comma follow, the items
    of a keyword list, which the verb does not take. A list the verb does take says its articles alike
    ('wearing a hat, a scarf and gloves') or ends at this item ('wearing a hat, gloves and boots')."""
    if i and items[i - 1].kind in (STYLE, QUALITY, LIGHT, TIME, VIEW):
        return True  # 'devouring a planet, cosmic horror, outer space': a style item ended the verb's list
    start = i - 1
    while start > 0 and items[start - 1].kind in (WORD, DET, NUM, QUANT):
        start -= 1
    if i == 0 or items[start].kind not in (DET, NUM, QUANT) or i + 1 >= len(items) or items[i + 1].kind != WORD:
        return False
    j = i + 1
    while j < len(items) and items[j].kind == WORD:
        j += 1
    return j < len(items) and items[j].kind == COMMA


def _own_clause(items: list[Item], i: int) -> bool:
    """Whether the phrase after the list's 'and' at i opens a clause of its own ('a cat, a dog and a bird
    sings'); 'are' or 'were' after it is the whole list's ('keyboards, a mouse and cables are on a desk')."""
    chunk, j = take_chunk(items, i + 1)
    if chunk.verb is None and j < len(items) and items[j].kind == COP and items[j].text in _PLURAL_COPULAS:
        return False
    if chunk.verb and _shared_verb(chunk.verb) and chunk.words and _all_act(items, i, chunk.words[-1]):
        return False  # 'a red robot, a blue robot and a white robot standing together': all three stand
    return clause_follows(items, i)


def _shared_verb(verb: str) -> bool:
    """Whether a verb right after a list's last item can be the whole list's: a participle ('standing') or a
    plural verb ('sit'), not a singular one ('a cat, a dog and a bird sings': the bird's own clause)."""
    return verb.endswith("ing") or not verb.endswith("s")


def _all_act(items: list[Item], i: int, last: str) -> bool:
    """Whether every thing of the list that ends at 'and' (items[i]) can do what a verb says, the one after
    'and' (`last`) too; a verb after 'a table, a chair and a man reading' is the man's alone."""
    heads, j = [], i
    while j > 0 and items[j - 1].kind in (WORD, DET, NUM, QUANT, COMMA):
        j -= 1
        if items[j].kind == WORD and items[j + 1].kind in (COMMA, AND):
            heads.append(items[j].text)
    return len(heads) >= 2 and all(can_act(head) for head in [*heads, last])


_PLURAL_COPULAS = frozenset({"are", "were"})


def clause_follows(items: list[Item], i: int) -> bool:
    """Whether the noun phrase after 'and' at i has a verb of its own ('and a dog sits'): a new clause."""
    chunk, j = take_chunk(items, i + 1)
    return chunk.verb is not None or (j < len(items) and items[j].kind == COP)
