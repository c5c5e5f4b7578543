"""The things of a pose description that are no part of a body: what poses.py keeps of the grammar's reading.

A pose description may name things besides the body ("lying on a bench in a park"): those the grammar read
are kept, with their relations to the body's parts. A thing named only in a likeness ("legs in the air like
pedaling a bicycle") is not drawn.
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import poses_words as words
from limner.agents.planning.rules.grammar import Reading, Thing
from limner.agents.scene.english import singularize
from limner.agents.scene.model import MAX_OBJECTS

BODILY_WORDS = (
    words.PERSON_WORDS | words.GROUNDS | words.STATES | words.POSTURES | words.SIDES | words.MEASURES | words.NOT_DRAWN
)


def keep_foreign(reading: Reading, foreign: list[int], things: list[Thing], relations: list) -> None:
    """The grammar's things that are no part of a body ('a bicycle', 'a park'), with the relations
    that join them to the body's things (found by name) or to each other."""
    new: dict[int, int] = {}
    for k in foreign:
        if len(things) < MAX_OBJECTS:
            new[k] = len(things)
            things.append(reading.things[k])
    names = {thing.name: k for k, thing in reversed(list(enumerate(things)))}
    person = 0 if things and things[0].name in words.PERSON_WORDS | {"person", "man", "woman"} else None

    def found(k: int) -> int | None:
        if k in new:
            return new[k]
        name = reading.things[k].name
        return person if name.rsplit(" ", 1)[-1] in words.PERSON_WORDS else names.get(name)

    for s, said, o in reading.relations:
        ends = (found(s), found(o)) if s in new or o in new else (None, None)
        if ends[0] is not None and ends[1] is not None and ends[0] != ends[1]:
            relations.append((ends[0], said, ends[1]))


def likened_words(tokens: list[str]) -> set[str]:
    """The words said only in a likeness, as singulars: 'legs in the air like they are
    pedaling a bicycle' likens the legs to pedaling; the bicycle is not drawn. A likeness runs from
    'like' (or 'as if', 'as though') to the end of its clause."""
    inside: set[str] = set()
    outside: set[str] = set()
    likening = False
    for i, token in enumerate(tokens):
        if token in words.SENTENCE_ENDS or token == "," or token in words.CLAUSE_BREAKS:
            likening = False
        elif token == "like" or token == "as" and tokens[i + 1 : i + 2] in (["if"], ["though"]):
            likening = True
        (inside if likening else outside).add(singularize(token))
    return inside - outside


def only_likened(name: str, likened: set[str]) -> bool:
    """Whether a thing the grammar read is named only inside a likeness ('like pedaling a bicycle')."""
    return singularize(name.lower().rsplit(" ", 1)[-1]) in likened


def bodily(name: str) -> bool:
    """Whether a name the grammar read is about a body: a part, a person, a pose or a place to rest on."""
    return any(w in words.PARTS or w in BODILY_WORDS for w in re.findall(r"[a-z]+", name.lower()))
