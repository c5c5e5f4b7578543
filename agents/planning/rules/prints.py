"""A pattern's print before a noun, for the rules planner's describing words (attributes.py, narration.py).

'a floral print shirt', 'a leopard print coat': the print describes the noun ('floral-print') rather than
naming a print of its own; 'a floral print' alone is still a print.
"""

from __future__ import annotations

from limner.agents.planning.rules import attribute_words as words
from limner.agents.planning.rules.tagging import WORD, Item


def printed(items: list[Item]) -> list[Item]:
    """'a floral print shirt', 'a leopard print coat': a pattern's print before a noun describes the
    noun ('floral-print') rather than naming a print; 'a floral print' alone is still a print."""
    out: list[Item] = []
    for k, item in enumerate(items):
        if (
            item.kind == WORD
            and item.text.lower() in words.PRINT_NOUNS
            and out
            and out[-1].kind == WORD
            and out[-1].text.lower() in words.PRINT_PATTERNS
            and k + 1 < len(items)
            and items[k + 1].kind == WORD
        ):
            out[-1] = Item(WORD, f"{out[-1].text}-{item.text}")
            continue
        out.append(item)
    return out
