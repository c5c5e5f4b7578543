"""A thing said to be given something, for the rules planner's reading.

'A man is given a blood transfusion', 'a child being handed a balloon': the one given is the subject, and
what he is given is a thing of its own that he receives; 'given' describes nobody ('a given man'). The
passive verb of giving, after 'is' or 'being' and before a noun phrase, becomes the verb of what the
subject does ('receiving', 'eating' for 'fed'), so the grammar reads 'a man receiving a blood
transfusion'. 'The prize is given to a girl' (a preposition after the verb) is left as written.
`active` rewrites the tagged items before the grammar reads them (reading.py).
"""

from __future__ import annotations

from limner.agents.planning.rules.attribute_words import GIVEN_PASSIVES
from limner.agents.planning.rules.tagging import COP, DET, NUM, QUANT, WORD, Item

# What may start the noun phrase given: an article, a number, or a first word ('given water').
_GIVEN_STARTS = frozenset({DET, NUM, QUANT, WORD})


def active(items: list[Item]) -> list[Item]:
    """The items with 'is given a ...' read as 'receiving a ...'."""
    out: list[Item] = []
    for i, item in enumerate(items):
        if _given_at(items, i):
            if out and out[-1].kind == COP:
                out.pop()  # 'is given': 'receiving'
            out.append(Item(WORD, GIVEN_PASSIVES[item.text.lower()]))
            continue
        out.append(item)
    return out


def _given_at(items: list[Item], i: int) -> bool:
    """Whether items[i] is a passive verb of giving after 'is' or 'being', with what is given after it."""
    if items[i].kind != WORD or items[i].text.lower() not in GIVEN_PASSIVES or i == 0 or i + 1 >= len(items):
        return False
    before = items[i - 1]
    passive = before.kind == COP or (before.kind == WORD and before.text.lower() == "being")
    following = items[i + 1]
    return passive and following.kind in _GIVEN_STARTS and not (
        following.kind == WORD and following.text.lower() in ("to", "by", "away", "up", "out")
    )
