"""Repeated mentions found once a description is read: 'A slice of cake is on a plate. A fork lies next
to the slice of cake.' names one slice.

A thing is matched to an earlier one when it is named (mentions.py), but a name can grow after that:
'the slice' becomes 'the slice of cake' once 'of cake' is read (portions.py). `fold_repeated` merges a
thing first named as known ('the ...') into the earlier thing of the same final name, when their
descriptions agree and no relation joins the two: its relations, place and text go to the earlier thing, and it is dropped. 'A slice of
cake ... another slice of cake' stays two slices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.attributes import merged
from limner.agents.planning.rules.mentions import agreeing

if TYPE_CHECKING:
    from limner.agents.planning.rules.reading import _TextReading


def fold_repeated(reading: _TextReading) -> None:
    """Merge each thing named as known into the earlier thing with its name; indices renumbered."""
    for index in range(len(reading.things) - 1, 0, -1):
        thing = reading.things[index]
        if not thing.definite:
            continue
        earlier = next(
            (j for j, other in enumerate(reading.things[:index])
             if other.name == thing.name and agreeing(other.attributes, thing.attributes)
             and not _related(reading, index, j)),
            None,
        )  # fmt: skip
        if earlier is not None:
            _fold(reading, index, earlier)


def _related(reading: _TextReading, a: int, b: int) -> bool:
    """Whether a relation joins two things: 'the car behind the car' are two cars."""
    return any({s, o} == {a, b} for s, _, o in reading.relations)


def _fold(reading: _TextReading, index: int, into: int) -> None:
    """Thing `index` is thing `into`: what is said of it goes there, and it is dropped."""
    kept = reading.things[into]
    kept.attributes = merged(kept.attributes, reading.things[index].attributes)
    del reading.things[index]

    def moved(i: int) -> int:
        return into if i == index else i - 1 if i > index else i

    relations: list[tuple[int, str, int]] = []
    for s, p, o in reading.relations:
        relation = (moved(s), p, moved(o))
        if relation[0] != relation[2] and relation not in relations:
            relations.append(relation)
    reading.relations = relations
    anchors = {moved(i): where for i, where in reading.anchors.items() if i != index}
    if index in reading.anchors and into not in anchors:
        anchors[into] = reading.anchors[index]
    reading.anchors = anchors
    carried = {moved(i): text for i, text in reading.carried.items() if i != index}
    if index in reading.carried and into not in carried:
        carried[into] = reading.carried[index]
    reading.carried = carried
