"""The objects of a Scene and their relations as the phrases of a generator prompt.

Each relation is one clause ('a man riding a horse'); one that another says already is left out ('the
vase on the table' after 'a table with a vase on it', 'above' after 'flying over'); one subject doing one
thing to several, or several in one relation to one, is one phrase ('a statue wearing goggles and a
jacket', 'keyboards and a mouse on a desk'); what a thing does is said with where it is ('the man
sitting on a bench'). Objects in no relation follow, in the order they were described.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING

from limner.agents.scene.english import pluralize
from limner.agents.scene.noun_phrases import (
    noun_and_after,
    noun_phrase,
    plain_words,
    postures_of,
    said_by_its_owner,
)
from limner.agents.scene.predicates import (
    PREPOSITIONS,
    SPATIAL,
    canonical_predicate,
    place_phrase,
    relation_phrase,
    spatial_form,
)
from limner.agents.scene.words import FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS

if TYPE_CHECKING:
    from limner.agents.scene.model import Relation, Scene, SceneObject

# Words that say a depth on their own: a sided part 'angled straight back' is behind the other one.
_DEPTH_WORDS = {
    "behind": frozenset({"back", "backward", "backwards", "behind"}),
    "in front of": frozenset({"forward", "forwards", "front", "ahead"}),
}

_OWNERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "your", "my", "our"})  # 'behind her back'

# Relations after which where the second thing is, is where the first is too: 'a cup next to a laptop on a
# desk', 'large waves in water behind a surfer'.
_SAME_GROUND = frozenset({"next to", "near", "left of", "right of", "on", "inside"})

_NOT_PLACES = frozenset({"with", "of", "like", "for", "about", "to", "from", "all", "up", "down", "out"})
_MORE_PLACES = frozenset({"out of", "out from", "in the middle of", "between"})  # 'pulling bread out of an oven'

RESTATED = 6  # the priority of a relation between things the prompt has introduced: cut first

_PRONOUNS = frozenset({"it", "them", "him", "her", "itself", "themselves", "himself", "herself", "you", "me", "us"})


def object_phrases(scene: Scene) -> list[str]:
    """The objects as phrases for people: each relation one clause, then the unrelated objects."""
    return [phrase for _, phrase in object_phrases_by_priority(scene)]


def object_phrases_by_priority(scene: Scene) -> list[tuple[int, str]]:
    """(priority, phrase) for every object, each relation written as one clause."""
    objects = scene.objects
    names = frozenset(o.name for o in objects)
    twins = {k for k, o in enumerate(objects) if sum(other.name == o.name for other in objects) > 1}
    introduced: set[int] = set()
    phrases: list[tuple[int, str]] = []
    written = {(rel.subject, rel.object, relation_phrase(rel.predicate)) for rel in scene.relations}
    run: _Run | None = None  # the relation phrase written last, which the next may join
    carriers = _action_carriers(scene, written)
    having: dict[int, _Run] = {}  # the 'with' phrase of each thing that has others: 'a table with a vase'
    mutual: set[tuple[int, int]] = set()  # two things said to do one thing to each other
    doings: dict[int, _Run] = {}  # the last phrase of what each thing does to others: 'a man riding a horse'
    placed_with_doing: set[tuple[int, str, int]] = set()  # where a doing phrase says a thing is
    for rel in scene.relations:
        predicate = relation_phrase(rel.predicate)
        if _said_by_a_longer(rel.subject, rel.object, predicate, written):
            continue
        if (rel.subject, predicate, rel.object) in placed_with_doing or _said_through(rel, written):
            continue
        # Where a thing is follows the phrase that named it: 'an astronaut riding a horse on the moon' (both
        # on it), 'a cat looking at a bird on a branch', 'a book on a sofa in a living room'.
        said_with = _placing_run(rel, doings.get(rel.subject), run, objects, carriers, written)
        if said_with is not None:
            place_obj = objects[rel.object]
            if rel.object in carriers:
                place_obj = _without_action(place_obj)
            place = noun_phrase(place_obj, definite=rel.object in introduced, parts=names, twin=rel.object in twins)
            said_with.where = f"{said_with.where} {predicate} {place}".strip()
            said_with.last_id = rel.object
            said_with.rewrite()
            if said_with.subject_ids == [rel.subject]:
                said_with.placed = True
                placed_with_doing |= {(other, predicate, rel.object) for other in said_with.acted_ids}
            else:
                said_with.links += 1
                placing = spatial_form(0, said_with.base, 1)  # 'speaking into' a microphone is at it
                if _is_doing(said_with.base) or (placing and placing[0] == 0 and _meaning(placing[1]) in _SAME_GROUND):
                    # 'a cup next to a laptop on a desk' says the cup is on the desk too
                    placed_with_doing |= {(s, predicate, rel.object) for s in said_with.subject_ids}
            introduced.add(rel.object)
            continue
        if _said_by_having(rel, objects, having) or _said_by_a_doing(rel, written):
            continue
        if (rel.subject, rel.object, "of") in written and rel.predicate in ("in", "inside", "on"):
            continue  # 'a skyline of a city' says it is in the city
        if (rel.object, rel.subject, predicate) in written:  # 'a cat and a dog looking at each other'
            if (rel.object, rel.subject) not in mutual:
                mutual.add((rel.subject, rel.object))
                phrases.append((0, _each_other(objects, rel, predicate, introduced, names)))
                introduced |= {rel.subject, rel.object}
                run = None
            continue
        if _said_in_description(objects[rel.subject], predicate, objects[rel.object]):
            if _plain(objects[rel.object]):
                introduced.add(rel.object)  # 'a person kicking their right leg' says the leg
            continue
        if _depth_said(objects[rel.subject], predicate):
            if _plain(objects[rel.object]):
                introduced.add(rel.object)  # 'a left leg crossed in front of the other' says the right leg
            continue  # 'a right leg angled straight back': behind the left one already
        subject_obj = _unsaid_action(objects[rel.subject], predicate)
        if predicate == "with" and _action_said_after(rel.subject, subject_obj, written, carriers):
            subject_obj = _without_action(subject_obj)  # 'a man with a beard' + 'crossing a street'
        base = predicate  # before what the subject does is put in front of it
        if rel.subject in carriers:  # what it does is said with where it is: 'the man sitting on a bench'
            action = subject_obj.attributes.action
            if carriers[rel.subject] is rel and action and not predicate.startswith(action + " "):
                postures = [] if rel.subject in introduced else postures_of(subject_obj)  # 'sitting and fishing in a boat'
                predicate = " and ".join([*postures, f"{action} {predicate}"])
                subject_obj = _without_words(subject_obj, postures)
            subject_obj = _without_action(subject_obj)
        if subject_obj.place and subject_obj.place == objects[rel.object].place and rel.object not in introduced:
            # Both in one part of the picture: said once, after the second ('a car on a dais in the center').
            subject_obj = subject_obj.model_copy(update={"place": None})
        subject = noun_phrase(subject_obj, definite=rel.subject in introduced, parts=names, twin=rel.subject in twins)
        owned_tail = ""  # what a part does follows its owner: 'a trunk of an elephant curled up'
        if predicate == "of" and rel.subject not in introduced:
            subject, owned_tail = noun_and_after(subject_obj, parts=names)
        other_obj = objects[rel.object]
        if rel.object in carriers:  # said where it is: 'a panda riding a horse, the horse standing on a street'
            other_obj = _without_action(other_obj)
        other = noun_phrase(other_obj, definite=rel.object in introduced, parts=names, twin=rel.object in twins)
        # A relation between two things said already goes first when the prompt must be cut ('the jet ski
        # through the desert' after 'a man riding a jet ski, the man through a desert').
        known = rel.subject in introduced and rel.object in introduced
        if run is not None and run.subject_ids == [rel.subject] and base == f"{run.base} to" and not run.where:
            run.where = f"to {other}"  # whom it is given: 'a dog giving an apple to a squirrel'
            run.other_ids.append(rel.object)
            run.last_id = rel.object
        elif (
            run is not None and run.base == "with" and run.subject_ids == [rel.subject] and not run.where
            and len(run.other_ids) == 1 and rel.object not in run.other_ids
            and (_is_doing(base) or carriers.get(rel.subject) is rel)
        ):  # fmt: skip
            run.where = f"{predicate} {other}"  # what a thing with another does: 'a man with a beard crossing a street'
            run.last_id, run.acted_ids = rel.object, [rel.object]
            doings[rel.subject] = run
        elif run is not None and run.base == base and run.subject_ids == [rel.subject] and not run.where:
            # One subject doing one thing to several: 'a statue wearing goggles, a t-shirt and a jacket'.
            run.others.append(other)
            run.other_ids.append(rel.object)
            run.last_id = rel.object
        elif run is not None and run.predicate == predicate and run.other_ids == [rel.object] and not run.where:
            # Several in one relation to one: 'keyboards, a mouse and a monitor on a desk'.
            run.subjects.append(subject)
            run.subject_ids.append(rel.subject)
            run.parts.append(("", "") if rel.subject in introduced else noun_and_after(subject_obj, parts=names))
            run.places.append(place_phrase(subject_obj.place) if subject_obj.place else "")
        else:
            place = place_phrase(subject_obj.place) if subject_obj.place else ""
            run = _Run([rel.subject], predicate, [subject], [other], len(phrases), phrases, [rel.object], [place], base)
            run.where = owned_tail
            run.last_id = None if owned_tail else rel.object
            run.acted_ids = run.other_ids  # what a doing acts on, as it grows: 'holding a cup and a plate'
            if rel.subject not in introduced and not owned_tail:
                run.parts = [noun_and_after(subject_obj, parts=names)]
            phrases.append((RESTATED if known else 0, ""))
        run.rewrite()
        if predicate == "with":
            having[rel.subject] = run
        elif _is_doing(base) and run.subject_ids == [rel.subject]:
            doings[rel.subject] = run
        introduced |= {rel.subject, rel.object}
    # Objects not in any relation follow, in the order they were described; side by side, those that do
    # one thing are said doing it once: 'a white robot, a red robot and a black robot standing together'.
    alone = [o for i, o in enumerate(objects) if i not in introduced and not said_by_its_owner(o, objects)]
    for tail, group in groupby((noun_and_after(o, parts=names) for o in alone), key=lambda parts: parts[1]):
        heads = [head for head, _ in group]
        if tail and len(heads) > 1:
            phrases.append((1, f"{_listed(heads)} {tail}"))
        else:
            phrases += [(1, f"{head} {tail}".strip()) for head in heads]
    return phrases


def _action_said_after(
    subject: int, obj: SceneObject, written: set[tuple[int, int, str]], carriers: dict[int, Relation]
) -> bool:
    """Whether a relation of the subject says what it does: its action need not be said before 'with'."""
    action = obj.attributes.action
    if not action:
        return False
    return subject in carriers or any(s == subject and (p + " ").startswith(action + " ") for s, _, p in written)


def _is_doing(predicate: str) -> bool:
    """Whether a predicate is something one does to another ('riding', 'cooking'), not a place ('on')."""
    verb, _, tail = predicate.partition(" ")
    return verb.endswith("ing") and not (tail and spatial_form(0, predicate, 1))  # not 'sitting on'


def _placing_run(
    rel: Relation,
    doing: _Run | None,
    run: _Run | None,
    objects: list[SceneObject],
    carriers: dict[int, Relation],
    written: set[tuple[int, int, str]],
) -> _Run | None:
    """The phrase that says where `rel` puts its subject, by a place at its end: the subject's doing phrase
    when everything it acts on is there too ('a chef cooking pasta in a kitchen'), or the phrase written
    last when it names the subject last ('a cat looking at a bird' + 'on a branch')."""
    if rel.subject in carriers or not _is_place(rel.predicate):
        return None  # a thing doing something is said doing it where it is: 'the horse standing on a street'
    predicate = relation_phrase(rel.predicate)
    acted = doing.acted_ids if doing is not None else []
    if doing is not None and doing.subject_ids == [rel.subject] and acted and not doing.placed and rel.object not in acted:
        if all((other, rel.object, predicate) in written for other in acted):
            return doing
    if run is None or run.last_id != rel.subject or run.links or rel.object in (*run.subject_ids, *run.other_ids):
        return None
    if objects[rel.subject].place:
        return None  # its place in the picture ends its phrase: 'a go kart in the background, the go kart on a track'
    shared = all((s, rel.object, predicate) in written for s in run.subject_ids)  # 'a cat on a chair next to a table'
    if not (shared or _is_doing(run.base) or _meaning(rel.predicate) in ("on", "inside")):
        return None  # 'a book on a table in a kitchen'; not 'a tower above a street below trees'
    if len(run.other_ids) == 1 and (len(run.subject_ids) == 1 or _is_doing(run.base)):
        return run  # not after a list, which would read as the list's last item's place alone
    return None


def _is_place(predicate: str) -> bool:
    """Whether a predicate says where a thing is: 'on', 'in', 'through', 'at'; not 'with' or 'of'."""
    return predicate in SPATIAL or predicate in _MORE_PLACES or (predicate in PREPOSITIONS and predicate not in _NOT_PLACES)


def _said_by_a_doing(rel: Relation, written: set[tuple[int, int, str]]) -> bool:
    """Whether what the subject does to the object puts it there: 'riding' a horse is on it."""
    if rel.predicate not in SPATIAL:
        return False
    meaning = _meaning(rel.predicate)
    return any(
        s == rel.subject and o == rel.object and _is_doing(p) and spatial_form(s, p, o) == (s, meaning, o)
        for s, o, p in written
    )


def _said_through(rel: Relation, written: set[tuple[int, int, str]]) -> bool:
    """Whether a thing in a place is there by being on or in another thing there: 'a girl on a sofa, the
    sofa in a room' says the girl is in the room."""
    if _meaning(rel.predicate) != "inside":
        return False
    holders = {o for s, o, p in written if s == rel.subject and o != rel.object and _meaning(p) in ("on", "inside")}
    return any((holder, rel.object, p) in written for holder in holders for p in ("in", "inside"))


def _each_other(
    objects: list[SceneObject], rel: Relation, predicate: str, introduced: set[int], names: frozenset[str]
) -> str:
    """'a boy and a girl smiling at each other': two things that do one thing to each other, said once."""
    pair = [
        noun_phrase(_unsaid_action(objects[k], predicate), definite=k in introduced, parts=names)
        for k in (rel.subject, rel.object)
    ]
    return f"{pair[0]} and {pair[1]} {predicate} each other"


def _without_words(obj: SceneObject, words: list[str]) -> SceneObject:
    other = [w for w in obj.attributes.other if w not in words]
    return obj.model_copy(update={"attributes": obj.attributes.model_copy(update={"other": other})})


def _without_action(obj: SceneObject) -> SceneObject:
    return obj.model_copy(update={"attributes": obj.attributes.model_copy(update={"action": None})})


def _action_carriers(scene: Scene, written: set[tuple[int, int, str]]) -> dict[int, Relation]:
    """For each thing that does something and is somewhere, the relation that says where, which says what
    it does too: 'a man holding a cup, the man sitting on a bench' (not 'a man sitting holding a cup, the man
    on a bench'); a relation that opens with the action says it ('a giraffe wearing a suit, the giraffe stepping
    to a board')."""
    carriers: dict[int, Relation] = {}
    for rel in scene.relations:
        action = scene.objects[rel.subject].attributes.action
        one_verb = bool(action) and " " not in action and action.endswith("ing")  # 'sitting', not 'kicked high'
        if not one_verb or rel.subject in carriers or rel.predicate not in (*SPATIAL, "in"):
            continue
        predicate = relation_phrase(rel.predicate)
        if _said_by_a_longer(rel.subject, rel.object, predicate, written):
            continue
        if any(s == rel.subject and (p == action or p.startswith(action + " ")) for s, _, p in written):
            continue  # a relation says the action already: 'an otter cracking a shell'
        carriers[rel.subject] = rel
    for rel in scene.relations:  # a relation that opens with the action says it: 'the giraffe stepping to'
        action = scene.objects[rel.subject].attributes.action
        if action and relation_phrase(rel.predicate).startswith(action + " "):
            carriers[rel.subject] = rel
    return carriers


@dataclass
class _Run:
    """A relation phrase of one predicate: one subject and the objects it names so far, or the subjects so
    far and one object."""

    subject_ids: list[int]
    predicate: str
    subjects: list[str]
    others: list[str]
    at: int  # its index among the phrases
    phrases: list[tuple[int, str]]
    other_ids: list[int]
    places: list[str]  # where in the picture each subject is, as its phrase ends: 'in the foreground'
    base: str  # the predicate without what the subject does put in front: 'next to' of 'sitting next to'
    where: str = ""  # 'on it': where what the subject has is ('a table with a vase on it')
    last_id: int | None = None  # the thing the phrase names last, whose place may follow it
    links: int = 0  # places said after the thing named last: 'a book on a table' + 'in a kitchen'
    parts: list[tuple[str, str]] = field(default_factory=list)  # each subject's noun and what follows it
    acted_ids: list[int] = field(default_factory=list)  # what its one subject does something to
    placed: bool = False  # whether where its subject is was said after it

    def _subject_phrases(self) -> list[str]:
        """The subjects, what they all do said once: 'a dog and a cat sleeping together'."""
        tails = {tail for _, tail in self.parts}
        if len(self.parts) == len(self.subjects) > 1 and len(tails) == 1 and all(tails):
            heads = [head for head, _ in self.parts]
            return [*heads[:-1], f"{heads[-1]} {tails.pop()}"]
        return list(self.subjects)

    def rewrite(self) -> None:
        """Write the phrase anew at its place among the phrases, keeping its priority. Subjects side by side
        in one part of the picture are placed once: 'pillars and grass in the foreground in front of tents'."""
        subjects = self._subject_phrases()
        for k in range(len(subjects) - 1):
            place = self.places[k]
            if place and self.places[k + 1] == place:
                subjects[k] = subjects[k].removesuffix(" " + place)
        words = (_listed(subjects), self.predicate, _listed(self.others), self.where)
        self.phrases[self.at] = (self.phrases[self.at][0], " ".join(w for w in words if w))


def _listed(phrases: list[str]) -> str:
    """'a cup', 'a cup and a phone', 'a cup, a phone and a key'."""
    return phrases[0] if len(phrases) == 1 else f"{', '.join(phrases[:-1])} and {phrases[-1]}"


def _said_by_having(rel: Relation, objects: list[SceneObject], having: dict[int, _Run]) -> bool:
    """Whether a thing on or in another is one that other was said to have: 'a kitchen with a refrigerator'
    says the refrigerator is in it; 'a table with a vase' says no more than 'on it' for the vase on it."""
    run = having.get(rel.object)
    if run is None or rel.subject not in run.other_ids:
        return False
    meaning = _meaning(rel.predicate) if rel.predicate in (*SPATIAL, "in") else None
    it = _pronoun(objects[rel.object])
    if meaning in ("on", "inside"):
        if meaning == "on" and not run.where:
            run.where = f"on {it}"
            run.rewrite()
        return True
    if run.where or run.other_ids != [rel.subject] or spatial_form(rel.subject, rel.predicate, rel.object) is None:
        return False
    predicate = relation_phrase(rel.predicate)
    action = objects[rel.subject].attributes.action
    if action and run.others[-1].endswith(f" {action}") and (predicate + " ").startswith(action + " "):
        predicate = predicate[len(action) :].strip()  # 'a boat with a person riding' + 'it'
    run.where = f"{predicate} {it}".strip()  # 'a coffee table with a rug under it'
    run.rewrite()
    return True


def _pronoun(obj: SceneObject) -> str:
    """What stands for a thing said just before: 'it', 'them', 'him', 'her'."""
    head = obj.name.rsplit(" ", 1)[-1].lower()
    if obj.plural:
        return "them"
    if head in MALE_NOUNS or head in FEMALE_NOUNS:
        return "him" if head in MALE_NOUNS else "her"
    return "them" if head in PERSON_NOUNS else "it"  # 'a chef with a cat next to them'


def _said_by_a_longer(subject: int, obj: int, predicate: str, written: set[tuple[int, int, str]]) -> bool:
    """Whether another relation of the same two things says this one and more ('swimming under' says
    'under', 'flying over' says 'above'), so the prompt says it once."""
    meaning = _meaning(predicate)
    for s, o, p in written:
        if s != subject or o != obj or p == predicate:
            continue
        tail = p.partition(" ")[2]  # what follows the verb: 'over' of 'flying over'
        if p.endswith(" " + predicate) or (tail and _meaning(tail) == meaning):
            return True
        if tail and spatial_form(subject, p, obj) == (subject, meaning, obj):
            return True  # 'leaning against' a wall is next to it
    return False


def _meaning(predicate: str) -> str:
    """What a spatial predicate says of where things are: 'over' is 'above'; 'in' a room is 'inside' it."""
    meaning = canonical_predicate(predicate)
    return "inside" if meaning == "in" else meaning


def _said_in_description(subject: SceneObject, predicate: str, obj: SceneObject) -> bool:
    """Whether the subject's own description says the relation already: 'kicking their right leg' says
    'kicking' the right leg."""
    said = _stems(noun_phrase(subject))
    return any(_stems(f"{predicate} {name}") <= said for name in (obj.name, pluralize(obj.name)))


def _depth_said(subject: SceneObject, predicate: str) -> bool:
    """Whether a sided part's own words say the relation it has with its other side: 'a right leg angled
    straight back' is behind the left one, 'a left foot in front' before the right one, 'a left leg crossed
    in front of the other' in front of the right one; the relation says nothing more."""
    if subject.name.split(" ", 1)[0] not in ("left", "right"):
        return False
    values = [value.lower() for value in subject.attributes.described()]
    if any(value.endswith(f"{predicate} the {other}") for value in values for other in ("other", "left", "right")):
        return True
    depth = _DEPTH_WORDS.get(predicate, frozenset())
    ends = [value.split()[-2:] for value in values]
    return any(end[-1] in depth and end[0] not in _OWNERS for end in ends)  # not 'behind her back'


def _plain(obj: SceneObject) -> bool:
    """Whether an object has nothing to say but its name."""
    return not (obj.attributes.model_dump(exclude_defaults=True) or obj.place or obj.text)


def _stems(text: str) -> set[str]:
    """Words with their inflection cut ('crosses', 'crossing' -> 'cross')."""
    return {re.sub(r"(?<=..)(?:ing|es|ed|s)$", "", w) for w in plain_words(text)}


def _unsaid_action(obj: SceneObject, predicate: str) -> SceneObject:
    """`obj` without what the relation written after it says: its action when the relation opens with it
    ('a dog playing with a ball', not 'a dog playing playing with a ball'), and a phrase that is the
    relation with a pronoun for its object ('behind them' before 'behind the person')."""
    attrs = obj.attributes
    action = attrs.action
    update: dict[str, object] = {}
    if action and (predicate == action or predicate.startswith(action + " ") or _pronoun_relation(action, predicate)):
        update["action"] = None
    if attrs.state and (_pronoun_relation(attrs.state, predicate) or predicate.startswith(attrs.state + " ")):
        update["state"] = None
    other = [w for w in attrs.other if not (_pronoun_relation(w, predicate) or predicate.startswith(w + " "))]
    other = [_without_relation(w, predicate) for w in other]  # 'kicked out' of 'kicked out in front of them'
    if other != attrs.other:
        update["other"] = other
    if "action" not in update and action and _without_relation(action, predicate) != action:
        update["action"] = _without_relation(action, predicate)
    return obj.model_copy(update={"attributes": attrs.model_copy(update=update)}) if update else obj


def _without_relation(value: str, predicate: str) -> str:
    """A longer describing phrase without its end when that is the predicate and a pronoun: 'kicked out' of
    'kicked out in front of them' for 'in front of', which the relation written after it says."""
    words = value.split()
    size = len(predicate.split()) + 1
    if len(words) > size and _pronoun_relation(" ".join(words[-size:]), predicate):
        return " ".join(words[:-size])
    return value


def _pronoun_relation(value: str, predicate: str) -> bool:
    """Whether a describing phrase is the predicate, or its last words, with a pronoun after it: 'behind
    them' for 'behind' and for 'reaching back behind'."""
    head, _, last = value.rpartition(" ")
    return bool(head) and (head == predicate or predicate.endswith(" " + head)) and last in _PRONOUNS
