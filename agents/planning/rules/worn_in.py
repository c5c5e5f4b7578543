"""'in' a thing that is worn, for the rules planner's reading: 'a girl in red boots', 'a cat in a hat'.

Read as a container, the girl was inside her boots. Someone (a person or an animal) in clothes is in
them as one is in a coat; `wearing_in` rewrites 'inside' such a thing as 'in' once the grammar has read
the description. What follows from that 'in' (implied.py) is what follows from wearing: the coat does not
hold its wearer up, nor stand on the street the wearer walks down (`wearing_said`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from limner.agents.planning.rules.owned_words import WORN_THINGS
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.scene.english import singularize

# Relations that say where a thing is, which for a worn thing say where its wearer is.
_WHERE = frozenset(
    {"on", "in", "inside", "at", "next to", "near", "beside", "behind", "in front of", "under", "above", "below",
     "on top of", "outside", "by"}
)  # fmt: skip


class _Named(Protocol):
    name: str


def wearing_in(things: Sequence[_Named], relations: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The relations with 'inside' a worn thing, for someone who can wear it, said as 'in'; where the
    worn thing is put ('a dolphin in a space suit on Mars') is where its wearer is, and what a wearer has
    is not in it ('a woman with dark skin in a white dress': she is)."""
    out: list[tuple[int, str, int]] = []
    wearer: dict[int, int] = {}
    owner = {o: s for s, p, o in relations if p in ("with", "has") and can_act(things[s].name)}
    for subject, predicate, other in relations:
        if predicate in ("in", "inside") and is_worn(things[other].name) and not can_act(things[subject].name):
            subject = owner.get(subject, subject)  # 'a woman with dark skin in a white dress': she wears it
        if predicate in ("in", "inside") and is_worn(things[other].name) and can_act(things[subject].name):
            predicate = "in"
            wearer.setdefault(other, subject)
        elif predicate in _WHERE and subject in wearer and other != wearer[subject]:
            subject = wearer[subject]
        if (subject, predicate, other) not in out:
            out.append((subject, predicate, other))
    return out


def is_worn(name: str) -> bool:
    """Whether a thing is one that is worn ('boots', 'a red dress', 'a winter coat')."""
    words = name.lower().split()
    return bool(words) and (" ".join(words[-2:]) in WORN_THINGS or singularize(words[-1]) in WORN_THINGS)


def wearing_said(things: Sequence[_Named], relations: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The relations with 'in' a worn thing, for someone who can wear it, said as 'wearing'."""
    return [
        (s, "wearing", o) if p == "in" and is_worn(things[o].name) and can_act(things[s].name) else (s, p, o)
        for s, p, o in relations
    ]
