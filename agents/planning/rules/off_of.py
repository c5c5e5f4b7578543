"""'off of' as 'off', for the rules planner's reading (reading.py rewrites the tagged items with it).

"an airplane taking off of a runway", "a cat jumping off of a table": 'of' after 'off' says nothing more
than 'off' (from), so it is dropped before the grammar reads 'of' as a part of its object ('the airplane of
the runway').
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import OF, Item


def without_of(items: list[Item]) -> list[Item]:
    """The items with each 'of' right after 'off' left out."""
    return [item for k, item in enumerate(items) if not (item.kind == OF and k and items[k - 1].text == "off")]
