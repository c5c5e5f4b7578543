"""Who does what a verb says, for the rules planner's grammar (clauses.py reads the verb).

A verb after a noun phrase is that phrase's thing's, unless the thing is the object of a preposition or
of a verb: then the clause subject does it ('a cat on a mat sleeping': the cat sleeps). Some objects act
for themselves:
- what is 'with' a thing and stays or moves there ('a mountain with a cloud hanging over it', 'a street
  with cars driving by'), or points back to it ('a boy with a kite flying above him');
- what a participle describes ('salad in plates placed on a table'); but not the contents of a thing,
  which is what the participle is about ('a glass of wine tipped over');
- one that can act, beside the subject or shown ('a woman next to a man reading a book', 'a TV showing a
  lion hugging a giraffe'), or in a place the subject is filled with ('a library filled with kids reading
  books'); and the people of a painting ('a vase with a painting of pangolins playing soccer').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import grammar_words, part_owners, verbs

if TYPE_CHECKING:
    from limner.agents.planning.rules.clauses import Clauses

# Relations of things side by side, after whose object a verb may be the object's.
_SIDE_BY_SIDE = frozenset({"next to", "near", "behind", "in front of", "left of", "right of", "across from"})
# The roles of a phrase that clauses.py and grammar.py name (read here as their values, which those
# modules define): those that start a clause or name its subject, and those of an object.
_SUBJECT_ROLES = ("subject", "copula", "between_wait")
_REL_OBJECT, _VERB_OBJECT, _INSIDE, _WITH, _ASIDE = "rel_object", "verb_object", "inside", "with", "aside"
_OBJECT_ROLES = (_REL_OBJECT, _VERB_OBJECT)


def verb_subjects(reading: Clauses, thing: int | None, verb: str = "") -> list[int]:
    """The things that do what `verb` says; `thing` is that of the phrase the verb ends (the module
    docstring's rules)."""
    role = reading.chunk_role
    if thing is not None and (role in _SUBJECT_ROLES or not reading.subjects):
        shared = thing in reading.group and verb not in verbs.SHOWING_PARTICIPLES  # (not 'a vase and a map showing')
        if not shared:
            return [thing]
        # 'a cat and a dog sit'; but in 'a baby crying and a dog barking' the baby does something already
        return [index for index in reading.group if index == thing or not _acts_already(reading, index)]
    if owners := part_owners.verb_owners(reading, thing, verb):
        return owners  # 'a bird with blue feathers perched on a branch' (part_owners.py)
    if thing is not None and role == _WITH and _stays_with(verb, reading.things[thing].name):
        if reading.points_back or reading.can_act(thing) or not any(reading.can_act(s) for s in reading.subjects):
            return [thing]  # 'a mountain with a cloud hanging over it': the cloud hangs
    if thing is not None and role == _WITH and reading.points_back and verb.endswith("ing"):
        return [thing]  # 'a boy with a kite flying above him': the kite flies
    of_whole = (role, reading.relation) in ((_REL_OBJECT, "of"), (_VERB_OBJECT, "contains"))
    after = role in (*_OBJECT_ROLES, _INSIDE, _WITH) and not of_whole
    if thing is not None and after and passive(verb):  # (not 'the flag of a country painted on a wall')
        return [thing]  # 'salad in plates placed on a table', 'a van with flowers painted on it'
    if thing is not None and role in _OBJECT_ROLES and _beside_acts(reading, thing, verb):
        return [thing]  # 'a man standing next to a dog sitting down': the dog sits
    if thing is not None and role == _ASIDE and verb.endswith("ing") and reading.can_act(thing):
        return [thing]  # 'a vase with a painting of pangolins playing soccer': the pangolins play
    if reading.subjects and _held_acts(reading):
        return [reading.last_thing]  # type: ignore[list-item]  # 'a field with a tractor pulling a plow'
    if reading.subjects:
        return list(reading.subjects)
    if reading.group:
        return list(reading.group)
    return [reading.last_thing] if reading.last_thing is not None and reading.last_kind == "thing" else []


def _acts_already(reading: Clauses, index: int) -> bool:
    return reading.things[index].attributes.action is not None


def passive(verb: str) -> bool:
    """Whether a verb is a past participle, which describes the noun just before it ('a cup filled with tea')."""
    return verb.endswith("ed") or verb in verbs.PAST_PARTICIPLES


def _beside_acts(reading: Clauses, thing: int, verb: str) -> bool:
    """Whether a verb right after the object of a relation side by side, of showing or of filling is that
    object's: one that can act, beside the subject or within it; not a thing under or around the subject
    ('a cat on a mat sleeping', 'a man on a horse ...')."""
    return (
        verb.endswith("ing")
        and (reading.relation in _SIDE_BY_SIDE or reading.relation in verbs.SHOWING_VERBS or _filled(reading))
        and thing not in reading.relation_subjects
        and reading.can_act(thing)
    )


def _filled(reading: Clauses) -> bool:
    """Whether the relation read is one of a place filled with things ('a library filled with kids')."""
    return reading.relation == "contains" and reading.chunk_role == _REL_OBJECT


def _held_acts(reading: Clauses) -> bool:
    """Whether a verb after 'with' a thing is that thing's: one that can act or move, where the subject
    cannot: 'a field with a tractor about to run over a sunflower', 'a street with cars driving by' (not
    'a man with a dog holding a leash', nor 'a skeleton with red drapery holding a spear')."""
    held = reading.last_thing
    if reading.last_role != _WITH or held is None or held in reading.subjects:
        return False
    acts = reading.can_act(held) or _moves(reading, held)
    return acts and not any(reading.can_act(subject) or _moves(reading, subject) for subject in reading.subjects)


def _moves(reading: Clauses, thing: int) -> bool:
    return reading.things[thing].name.rsplit(" ", 1)[-1] in grammar_words.VEHICLE_NOUNS


def _stays_with(verb: str, name: str) -> bool:
    """Whether a verb of posture or place right after 'with <name>' is what that thing does ('a table with
    a cat sleeping on it'), rather than the subject ('a girl with long hair wearing a hat')."""
    return (
        verb.endswith("ing")  # 'a man with a racket waits': a finite verb is the subject's
        and verbs.base(verb) in verbs.INTRANSITIVE_VERBS
        and name.rsplit(" ", 1)[-1] not in grammar_words.PART_NOUNS
    )
