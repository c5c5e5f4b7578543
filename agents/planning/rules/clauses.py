"""Clauses: who does what to whom, for the rules planner's grammar (grammar.py).

`Clauses` is the part of `Reading` that makes relations. It keeps the subject of the clause (the
thing a sentence is about) apart from the thing read last, so that later phrases attach to the right
head:

- a verb after a noun phrase is what that thing does (its action), and a noun phrase right after the
  verb is what it acts on: "a man riding a horse" -> man riding horse, "a child draws a flower" ->
  child drawing flower (verbs.py says which verbs and in which form);
- after the verb's object, the clause is about the subject again: in "a wolf wearing a shirt and tie
  on the subway" the wolf is on the subway, not the tie;
- a verb or copula with no noun before it belongs to the clause subject: "A surfer ... , wearing a
  wet suit", "The clock on the building is green" (the clock is green);
- a pronoun as the object of a relation is the last thing it can mean that is not the subject
  ("a cup with a spoon in it": the spoon is in the cup).
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, pronouns, verbs
from limner.agents.planning.rules.tagging import AND, COMMA, DET, IN, NUM, OR, PREP, PRON, QUANT, REL, WITH, WORD, Item
from limner.agents.scene.model import MAX_OTHER, MAX_RELATIONS

# The roles Clauses sets (grammar.py defines the others with the same values).
SUBJECT, REL_OBJECT, ASIDE, VERB_OBJECT = "subject", "rel_object", "aside", "verb_object"
WITH_PART = "with"
_NOUN_START = frozenset({DET, NUM, QUANT, PRON, WORD})


class Clauses:
    """Relations and actions; mixed into grammar.Reading, whose fields it uses."""

    # -- relations -------------------------------------------------------------------------

    def expect_relation(self, predicate: str) -> None:
        subjects = self.nearest_subjects()
        verb = self.verb if self.verb and self.last_role == SUBJECT else None
        joined = verbs.phrasal(verb, predicate) if verb else None
        if joined:  # 'looking at': the relation says what the subject does, its action need not
            for index in subjects:
                if self.things[index].attributes.action == verbs.action_word(verb):
                    self.things[index].attributes = self.things[index].attributes.model_copy(update={"action": None})
        self.relation, self.relation_subjects, self.role = joined or predicate, subjects, REL_OBJECT
        self.verb = None

    def nearest_subjects(self) -> list[int]:
        """What a relation starts from: the thing just named after 'with' or a preposition ('a piano with
        a book above the keys'), else the current subjects."""
        if self.last_role in (ASIDE, WITH_PART) and self.last_kind == "thing" and self.last_thing is not None:
            return [self.last_thing]
        if self.last_role == VERB_OBJECT and self.moving and self.last_thing is not None:
            return [self.last_thing]  # 'pouring milk into a cup': the milk goes into the cup
        if not self.group and self.subjects:
            return list(self.subjects)
        return list(self.group)

    def relate_all(self, subjects: list[int], predicate: str, other: int) -> None:
        if not subjects:
            self.fronted.append((predicate, other))  # 'Above the city, a full moon'
        for subject in subjects:
            self.relate(subject, predicate, other)

    def relate(self, subject: int, predicate: str, other: int) -> None:
        if predicate in grammar_words.INVERSE_RELATIONS:
            subject, predicate, other = other, grammar_words.INVERSE_RELATIONS[predicate], subject
        relation = (subject, predicate, other)
        if subject != other and relation not in self.relations and len(self.relations) < MAX_RELATIONS:
            self.relations.append(relation)

    def relate_pronoun(self, pronoun: str, role: str) -> None:
        """A pronoun as the object of a relation: the last thing it can mean among the others."""
        subjects = list(self.relation_subjects) if role != WITH_PART else self.nearest_subjects()
        others = [i for i in self.recent if i not in subjects]
        meant = pronouns.resolve(pronoun, self.things, others, [g for g in self.last_group if g not in subjects])
        if not meant:
            return  # 'Behind her, (a wall)': with no subject yet, the relation waits for one (fronted)
        predicate = self.relation if role in (REL_OBJECT, VERB_OBJECT) else "with" if role == WITH_PART else None
        if role == "inside":
            containers = grammar_words.CONTAINERS
            predicate = "inside" if any(self.things[i].name.rsplit(" ", 1)[-1] in containers for i in meant) else "in"
        if predicate:
            for index in meant:
                self.relate_all(subjects, predicate, index)
        self.role = ASIDE

    # -- verbs -----------------------------------------------------------------------------

    def after_verb(self, verb: str, items: list[Item], i: int, thing: int | None) -> int:
        """A verb just ended a noun phrase (`thing`, if it named one) or stood alone: its subject acts,
        and a noun phrase after it is what it acts on. Returns the index of the next item to read."""
        self.role = ASIDE
        if verb in verbs.EMPTY_VERBS:
            return i
        subjects = self.verb_subjects(thing)
        action, j = verbs.action_word(verb), i
        if j < len(items) and items[j].kind in (WORD, IN, REL, PREP) and _particle(items, j):
            action, j = f"{action} {items[j].text}", j + 1  # 'leaning forward', 'bent over'
        following = items[j] if j < len(items) else None
        takes_object = (
            following is not None
            and following.kind in _NOUN_START
            and action == verbs.action_word(verb)
            and not verb.endswith("ed")
            and not (following.kind == WORD and (verbs.is_intransitive(verb) or following.text in verbs.PARTICLES))
        )
        if not subjects:
            return j
        self.group, self.last_role, self.verb = list(subjects), SUBJECT, verb
        if takes_object:  # 'a man riding a horse': the relation says it all
            self.relation, self.relation_subjects, self.role = action, list(subjects), VERB_OBJECT
            return j
        for index in subjects:
            self.set_action(index, action)  # 'a dog running', 'a cat sitting on a mat'
        return j

    def verb_subjects(self, thing: int | None) -> list[int]:
        """Who does what a verb says: the thing of the phrase the verb ends, unless that thing is
        the object of a preposition or verb ('a cat on a mat sleeping': the cat), else the clause subject."""
        if thing is not None and (self.chunk_role in (SUBJECT, "copula", "between_wait") or not self.subjects):
            return list(self.group) if thing in self.group else [thing]  # 'a cat and a dog sit'

        if self.subjects:
            return list(self.subjects)
        if self.group:
            return list(self.group)
        return [self.last_thing] if self.last_thing is not None and self.last_kind == "thing" else []

    def set_action(self, index: int, action: str) -> None:
        """What a thing does; a second action ('walks ... is jumping') is kept among its other words."""
        attrs, action = self.things[index].attributes, action[:80]
        if action in (attrs.state, attrs.action) or action in attrs.other:
            return
        if attrs.action is None:
            self.things[index].attributes = attrs.model_copy(update={"action": action})
        elif len(attrs.other) < MAX_OTHER:
            self.things[index].attributes = attrs.model_copy(update={"other": [*attrs.other, action]})

    def object_list_goes_on(self, items: list[Item], i: int) -> bool:
        """After a comma in 'wearing glasses, a vest, and a tie': whether an 'and' still ends the list
        of what the verb (or 'with') takes."""
        if self.last_role not in (VERB_OBJECT, WITH_PART):
            return False
        j = i + 1
        while j < len(items) and items[j].kind in (WORD, DET, NUM, QUANT, COMMA):
            j += 1
        return j > i + 1 and j < len(items) and items[j].kind in (AND, OR) and not _verb_after(items, j)


def _particle(items: list[Item], j: int) -> bool:
    """Whether items[j] completes the verb ('leaning forward'), rather than starting a noun phrase."""
    word = items[j].text
    if word not in verbs.PARTICLES:
        return False
    following = items[j + 1] if j + 1 < len(items) else None
    return following is None or following.kind not in _NOUN_START or following.text in verbs.PARTICLES


def _verb_after(items: list[Item], j: int) -> bool:
    """Whether the phrase after an 'and' at j goes on with a verb or relation of its own ('and a dog sits')."""
    k = j + 1
    while k < len(items) and items[k].kind in (DET, NUM, QUANT, WORD):
        k += 1
    return k < len(items) and items[k].kind in (REL, IN, WITH)
