"""A container and what it holds, for the rules planner's grammar (grammar.py reads 'of' with it).

'A bowl of soup' is a bowl with soup in it, and the bowl goes on being what the sentence is about. Only
the noun phrase after 'of' is what it holds, with any more joined to it bare ('a bowl of apples and
oranges'); 'and' or a comma before an article or a number starts a thing of its own, read as if the
container's phrase had ended there: 'a bowl of soup and a spoon' is a bowl and a spoon, 'a man holding a
bowl of soup and a spoon' holds both. A verb of eating or drinking acts on what the container holds ('a
woman eating a bowl of noodles' eats the noodles); one of holding acts on the container. 'Glasses' of
something are drinking glasses, and what a plate or a tray holds is on it, not in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.clauses import VERB_OBJECT
from limner.agents.planning.rules.container_words import CONTENTS_VERBS, PLURAL_CONTAINERS, SURFACE_CONTAINERS
from limner.agents.planning.rules.tagging import DET, NUM, QUANT, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

_NEW_THING_LEADS = (DET, NUM, QUANT)  # 'and a spoon', 'and two glasses', 'and some bread'


def is_container(name: str) -> bool:
    """Whether a thing of this name holds what it is 'of': 'a bowl of soup', 'two glasses of wine'."""
    head = name.rsplit(" ", 1)[-1]
    return name in grammar_words.CONTAINERS or head in grammar_words.CONTAINERS or name in PLURAL_CONTAINERS


def hold(reading: Reading, container: int, i: int) -> int:
    """The next noun phrase is what the container holds; the state before it is kept for a list that
    goes on past it. Returns the index of the item after the 'of' at items[i]."""
    reading.container_held = (
        container, reading.role, reading.last_role, reading.relation, tuple(reading.relation_subjects)
    )  # fmt: skip
    thing = reading.things[container]
    if thing.name in PLURAL_CONTAINERS:  # 'glasses of wine': drinking glasses, as many as said
        thing.name, thing.count = PLURAL_CONTAINERS[thing.name], None if thing.count == 1 else thing.count
    if thing.name in SURFACE_CONTAINERS:
        reading.surfaces_held = (*reading.surfaces_held, container)
    reading.relation, reading.relation_subjects, reading.role = "contains", [container], VERB_OBJECT
    reading.held = list(reading.group)  # who the sentence goes on about: 'a man holding a bowl of soup'
    reading.chunk_thing = None
    return i + 1


def close_list(reading: Reading, items: list[Item], i: int) -> None:
    """At the 'and' or comma at items[i] after what a container holds, a noun phrase with an article or a
    number is a thing of its own: the reading goes back to the container's own role."""
    held = reading.container_held
    if not held or reading.relation != "contains" or reading.relation_subjects != [held[0]]:
        return
    if reading.last_role != VERB_OBJECT or i + 1 >= len(items) or items[i + 1].kind not in _NEW_THING_LEADS:
        return
    _, reading.role, reading.last_role, reading.relation, subjects = held
    reading.relation_subjects, reading.container_held = list(subjects), ()


def placed_contents(reading: Reading) -> None:
    """What a plate, a tray or a shelf holds is on it ('a plate of cookies': cookies on the plate; 'in a
    plate' as written), and a verb of eating or drinking acts on what a container holds ('eating a bowl
    of noodles': the noodles)."""
    surfaces = set(reading.surfaces_held)
    relations = [(s, "on", o) if p == "inside" and o in surfaces else (s, p, o) for s, p, o in reading.relations]
    held: dict[int, list[int]] = {}
    for s, p, o in relations:
        if (p == "inside" or p == "on" and o in surfaces) and is_container(reading.things[o].name):
            held.setdefault(o, []).append(s)
    reading.relations = []
    for s, p, o in relations:
        eaten = held.get(o, []) if p in CONTENTS_VERBS else []
        for relation in [(s, p, k) for k in eaten] or [(s, p, o)]:
            if relation not in reading.relations:
                reading.relations.append(relation)
