"""Lengths said with a unit: 'a few feet in front of a van', 'a 10 feet tall robot', '50 meters tall'.

A number and a unit name no thing. Before a relation they say how far (the Scene keeps where things
are, not how far apart), so they are dropped: 'a sloth standing a few feet in front of a van' stands in
front of the van (the feet were a thing, 'standing a few feet'). With a dimension word they say a size,
written as one describing word: 'a 10-foot-tall robot'. Feet on the ground are feet: 'on', 'in' and
'with' say where a thing is, never how far.
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import DET, NUM, QUANT, REL, WORD, Item, rewrite_runs

# Units of length, singular as a size is written ('a 10-foot-tall robot').
UNITS = {
    "foot": "foot", "feet": "foot", "meter": "meter", "meters": "meter", "metre": "metre", "metres": "metre",
    "centimeter": "centimeter", "centimeters": "centimeter", "cm": "cm", "inch": "inch", "inches": "inch",
    "yard": "yard", "yards": "yard", "mile": "mile", "miles": "mile", "kilometer": "kilometer",
    "kilometers": "kilometer", "km": "km", "step": "step", "steps": "step", "pace": "pace", "paces": "pace",
}  # fmt: skip
DIMENSIONS = frozenset({"tall", "high", "long", "wide", "deep", "thick", "across"})
# Relations a length can say the distance of: 'ten meters behind', 'a few feet above'.
_DISTANCE_RELATIONS = frozenset(
    {"in front of", "behind", "above", "below", "under", "beneath", "underneath", "over", "left of", "right of",
     "to the left of", "to the right of", "next to", "beside", "away from", "from", "ahead of", "beyond"}
)  # fmt: skip


def measured(items: list[Item]) -> list[Item]:
    """The items with each length before a relation dropped and each length before a dimension one word."""
    return rewrite_runs(items, _length_at)


def _length_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """(end, items written) for a length at i that names no thing, else None."""
    unit = _unit_at(items, i)
    after = items[i + 2] if unit is not None and i + 2 < len(items) else None
    if after is None:
        return None
    if after.kind == WORD and after.text.lower() in DIMENSIONS:
        amount = items[i].text if items[i].kind == NUM else None
        # 'a 10-foot-tall robot'; after its noun only the dimension reads as a describing word: ', tall'
        before_noun = i + 3 < len(items) and items[i + 3].kind == WORD
        word = f"{amount}-{unit}-{after.text.lower()}" if amount and before_noun else after.text.lower()
        return i + 3, [Item(WORD, word)]
    if _distance(items, i + 2):
        return i + 2, []  # 'ten meters behind a truck': behind the truck
    return None


def _unit_at(items: list[Item], i: int) -> str | None:
    """The unit of a length that starts at i with a number, a quantity or 'a': 'ten meters', 'a few feet'."""
    if i + 1 >= len(items) or items[i + 1].kind != WORD:
        return None
    amount = items[i]
    if amount.kind not in (NUM, QUANT) and not (amount.kind == DET and amount.text.lower() in ("a", "an")):
        return None
    return UNITS.get(items[i + 1].text.lower())


def _distance(items: list[Item], j: int) -> bool:
    """Whether a relation that a distance can measure starts at j: 'behind', 'in front of', 'away from'."""
    item = items[j]
    if item.kind == REL:
        return item.text.lower() in _DISTANCE_RELATIONS
    word = item.text.lower()
    following = items[j + 1].text.lower() if j + 1 < len(items) else ""
    return (word, following) in (("away", "from"), ("ahead", "of"), ("from", "the")) or word == "away"
