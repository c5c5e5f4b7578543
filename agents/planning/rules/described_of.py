"""What the words after 'of' say of the thing before it, read before the grammar's own 'of' (grammar.py
reads them through attributes.py): 'a sock full of holes' (full_of.py), 'a flag with stripes of red and
white' (colouring.py). Anything else after 'of' is the grammar's: a part, a container, a kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.colouring import colours_of
from limner.agents.planning.rules.full_of import after_full
from limner.agents.planning.rules.tagging import Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def described_after_of(reading: Reading, items: list[Item], i: int) -> int | None:
    """The index of the next item to read when the words after the 'of' at items[i] describe the thing
    before it; None when they do not."""
    return after_full(reading, items, i) or colours_of(reading, items, i)
