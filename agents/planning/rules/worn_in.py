"""'in' a thing that is worn, for the rules planner's reading: 'a girl in red boots', 'a cat in a hat'.

Read as a container, the girl was inside her boots. Someone (a person or an animal) in clothes is in
them as one is in a coat; `wearing_in` rewrites 'inside' such a thing as 'in' once the grammar has read
the description.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from limner.agents.planning.rules.owned_words import WORN_THINGS
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.scene.english import singularize


class _Named(Protocol):
    name: str


def wearing_in(things: Sequence[_Named], relations: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The relations with 'inside' a worn thing, for someone who can wear it, said as 'in'."""
    out: list[tuple[int, str, int]] = []
    for subject, predicate, other in relations:
        if predicate == "inside" and _worn(things[other].name) and can_act(things[subject].name):
            predicate = "in"
        if (subject, predicate, other) not in out:
            out.append((subject, predicate, other))
    return out


def _worn(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and (" ".join(words[-2:]) in WORN_THINGS or singularize(words[-1]) in WORN_THINGS)
