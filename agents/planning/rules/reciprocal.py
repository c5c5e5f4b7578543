"""'Each other' and 'one another': every one of the subjects does it to the others.

'A cat and a dog looking at each other': the cat looks at the dog and the dog at the cat. 'Two dogs
chasing each other' names one thing, counted twice, and a Scene relation joins two things: the dogs
are described as 'chasing each other'. Read as a pronoun, 'each other' meant whatever was named last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.tagging import DET, NUM, PRON, WORD, Item, rewrite_runs

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

RECIPROCALS = frozenset({"each other", "one another"})


def reciprocal_pronouns(items: list[Item]) -> list[Item]:
    """The items with 'each other' and 'one another' as one pronoun each."""
    return rewrite_runs(items, _reciprocal_at)


def _reciprocal_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    pair = f"{items[i].text} {items[i + 1].text}".lower() if i + 1 < len(items) else ""
    if pair in RECIPROCALS and items[i].kind in (DET, NUM, WORD) and items[i + 1].kind in (DET, WORD):
        return i + 2, [Item(PRON, pair)]
    return None


def relate_each_other(reading: Reading, subjects: list[int], predicate: str) -> None:
    """Each subject `predicate` each other one; one counted subject is described as doing it."""
    if len(subjects) > 1:
        for subject in subjects:
            for other in subjects:
                reading.relate(subject, predicate, other)  # (never a thing to itself)
    elif subjects:
        reading.add_other(subjects[0], f"{predicate} each other")
