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
  ("a cup with a spoon in it": the spoon is in the cup), and after "with" a thing, what has it ("a
  glass behind the plate with juice in it": the juice is in the glass);
- "with" after a relation's object is the relation subject's ("a crab on a beach with a surfboard"); who
  does a verb read after an object, when that object does it ("a mountain with a cloud hanging over it",
  "salad in bowls placed on a table"), is verb_doers.py's;
- "has", "have" and "having" relate a thing to what it has as the Scene's "has" ("the stove has a
  laptop"), "with" as "with"; what follows either is read the same way;
- a verb and the preposition after it may be one meaning (verbs.phrasal: "looking at", "flying over");
- "nearby" with nothing after it puts the clause subject near what the description is about, its first
  thing ("A baby sleeping on a mattress. There is a doll nearby": the doll is near the baby);
- "which" right after a preposition is what "it" would mean there ("a table on which there is a cup";
  opening a sentence, the subject of the one before), and the relation waits for its subject;
- a relation written after a comma, with "there is" after its object, waits for the subject to come
  ("a door, behind the door there is a board"), as one at the start of a sentence does; a copula right
  after a relation written first puts its subject after it ("On the table is a bowl");
- "and has" goes back to the clause subject ("holding a phone to her ear and has sunglasses");
- a verb of action before a place says what the subject does there too ("a boy jumping on a skateboard":
  on it, and jumping on it; "a plane flying over a city": above it, and flying over it), also after a
  copula ("A plane is flying over a city"); "during" is the clause subject's;
- a thing on or in a thing in the foreground or the background is there too.
"""

from __future__ import annotations

from limner.agents.planning.rules import (
    bare_objects,
    colouring,
    grammar_words,
    lists,
    manner,
    naming,
    part_owners,
    particles,
    pronouns,
    recipients,
    reciprocal,
    verb_doers,
    verbs,
)
from limner.agents.planning.rules import word_shapes as shapes
from limner.agents.planning.rules.chunks import Chunk
from limner.agents.planning.rules.phrases import Description, take_chunk
from limner.agents.planning.rules.tagging import (
    AND,
    CLAUSE,
    COMMA,
    COP,
    DET,
    IN,
    NUM,
    OR,
    PREP,
    PRON,
    QUANT,
    REL,
    STOP,
    WITH,
    WORD,
    Item,
)
from limner.agents.scene.model import MAX_OTHER, MAX_RELATIONS

# The roles Clauses sets (grammar.py defines the others with the same values).
SUBJECT, REL_OBJECT, ASIDE, VERB_OBJECT, INSIDE = "subject", "rel_object", "aside", "verb_object", "inside"
WITH_PART = "with"
_NOUN_START = frozenset({DET, NUM, QUANT, PRON, WORD})
_HAVING = frozenset({"has", "have", "having"})
_NEARBY = frozenset({"nearby"})  # near, with nothing after it: near what the description is about
_HAS = frozenset({"with", "has"})  # the relations of a thing to what it has


class Clauses:
    """Relations and actions; mixed into grammar.Reading, whose fields it uses."""

    # -- relations -------------------------------------------------------------------------

    def expect_relation(self, predicate: str, written: str | None = None) -> None:
        """The next noun phrase is the object of `predicate` (`written` as the words of the description,
        'over' for 'above'); a verb just read may make one meaning with it ('flying over')."""
        subjects = part_owners.relation_subjects(self, predicate, self.nearest_subjects())  # 'with long hair next to'
        if predicate in verbs.CLAUSE_PREPOSITIONS and self.subjects:
            subjects = list(self.subjects)  # 'a player running to a base during a game': the player, in the game
        verb = self.verb if self.verb and self.last_role == SUBJECT else None
        joined = verbs.phrasal(verb, written or predicate) if verb else None
        if joined and not joined.endswith(" with"):  # 'looking at': the relation says what the subject does
            # ('writing with a pen' keeps 'writing': the pen is what it writes with, not what it writes)
            for index in subjects:
                if self.things[index].attributes.action == verbs.action_word(verb):
                    self.things[index].attributes = self.things[index].attributes.model_copy(update={"action": None})
        if joined and predicate in verbs.PLACE_KINDS:  # 'flying over a city': above it, and flying over it
            self.relation, self.acting = predicate, joined
        else:
            self.relation, self.acting = (
                joined or predicate,
                verbs.acting_on(verb, predicate, written) if verb else None,
            )
        self.relation_subjects, self.role, self.verb = subjects, REL_OBJECT, None

    acting: str | None = None  # what the subject does to the next object, with the relation: 'jumping on'
    container_held: tuple = ()  # a container and the reading before its 'of', for a list after it (containers.py)
    surfaces_held: tuple[int, ...] = ()  # plates and trays read with what they hold: 'a plate of cookies'
    points_back = False  # the verb being read has a pronoun after its preposition: 'hanging over it'

    def expect_inside(self, written: str, *, held: bool = False) -> None:
        """The next noun phrase is what the things before 'in' (or 'into') are in; a verb of action just read
        says what they do there too ('children playing in a park')."""
        self.moving = written in verbs.MOTION_PREPOSITIONS or held  # 'gripping a mouse in its talons' (held_parts.py)
        self.relation_subjects, self.role = self.nearest_subjects(), INSIDE
        verb = self.verb if self.verb and self.last_role == SUBJECT else None
        self.acting = verbs.acting_on(verb, "in") if verb and written == "in" else None

    def before_relation(self, items: list[Item], i: int) -> None:
        """Who the relation at items[i] is about, where the words before it say: after 'and' that follows a
        relation's object, the same subject ('walking on the sidewalk and on the phone'); after a comma or
        'and', with 'there is' after its object, the subject still to come, as at the start of a sentence
        ('a door, and behind the door there is a board')."""
        self.state_verb(items, i)  # 'A plane is flying over a city'
        if particles.completes_state(self, items, i):
            return  # 'A woman is bent over next to a fridge': bent over (particles.py)
        if i + 1 < len(items) and items[i + 1].kind == CLAUSE and items[i + 1].text == "which" and self.recent:
            # 'a table on which there is a cup', '... a car on the road. On which I can see headlights': what
            # 'which' means takes the relation, as a thing written before a fronted relation would
            opening = not i or items[i - 1].kind == STOP
            meant = pronouns.resolve("it", self.things, self.recent, self.last_group, opening=opening)
            self.fronted += [(str(items[i].value), index) for index in meant]
            self.group, self.subjects, self.pending_anchor = [], [], None
            return
        ends = i + 1 >= len(items) or items[i + 1].kind in (STOP, COMMA, AND)
        if ends and items[i].text in _NEARBY and self.subjects and 0 not in self.subjects:
            for subject in self.subjects:  # 'A baby sleeping. There is a doll nearby': near the baby
                self.relate(subject, "near", 0)
            return
        if ends and self.with_thing() and self.relation_subjects:
            for holder in self.relation_subjects:  # 'a tank with a fish inside': inside the tank
                self.relate(self.with_thing()[0], str(items[i].value), holder)
        if not i or items[i - 1].kind not in (COMMA, AND):
            return
        if items[i - 1].kind == AND and self.last_role == REL_OBJECT and self.relation_subjects:
            self.group = list(self.relation_subjects)
        if i + 2 < len(items) and items[i + 1].text in _DEMONSTRATIVES and _there(items[i + 2]):
            # ', behind that there are trees': 'that' is what the sentence named so far
            before = list(self.subjects or self.group)
            self.fronted += [(str(items[i].value), index) for index in before]
            self.group, self.subjects, self.pending_anchor = [], [], None
            return
        j = i + 1
        while j < len(items) and items[j].kind in (DET, NUM, QUANT, WORD, PRON):
            j += 1
        j += j < len(items) and items[j].kind == COMMA
        if j > i + 1 and j < len(items) and _there(items[j]):
            self.group, self.subjects, self.pending_anchor = [], [], None

    def state_verb(self, items: list[Item], i: int) -> None:
        """An -ing word read as a state after a copula is the verb a preposition at items[i] joins: 'A plane is
        flying over a city' (flying over), 'A boy is jumping on a skateboard' (on it, jumping on it)."""
        if i < 2 or self.verb or not self.subjects or items[i - 2].kind != COP:
            return
        word = items[i - 1]
        if word.kind == WORD and word.text.endswith("ing") and len(word.text) > 4:
            self.verb, self.last_role, self.group = word.text, SUBJECT, list(self.subjects)

    def anchor_opens(self, items: list[Item], i: int) -> bool:
        """Whether the place in the picture at items[i] ('in the background') is written before the things
        it places, after 'and' or a comma: '... on a table, and in the background there are doors'."""
        return 0 < i < len(items) - 1 and items[i - 1].kind in (COMMA, AND) and _there(items[i + 1])

    def joins_verb(self, preposition: str, items: list[Item] | None = None, i: int = 0) -> bool:
        """Whether the verb just read and `preposition` are one meaning ('crashing into', 'waits for'); a
        copula of looking before it is that verb ('The giraffe looks at a fence')."""
        before = items[i - 1] if items and i else None
        if before is not None and before.kind == COP and before.text in verbs.LOOKING_COPULAS and self.subjects:
            self.verb, self.last_role, self.group = before.text, SUBJECT, list(self.subjects)
        if before is not None and f"{before.text} {preposition}" in verbs.PARTICIPLE_PHRASES and self.subjects:
            self.verb, self.last_role, self.group = before.text, SUBJECT, list(self.subjects)  # 'seen from'
        if items:
            self.state_verb(items, i)
        if items and recipients.infinitive_doer(self, items, i):
            return False  # 'teaching him to swim': he swims (recipients.py)
        recipients.to_recipient(self, preposition)  # 'gives an apple to a squirrel': giving to it (recipients.py)
        return bool(self.verb and self.last_role == SUBJECT and verbs.phrasal(self.verb, preposition))

    def expect_owner(self, chunk: Chunk) -> None:
        """After 'the roof of': a thing of its own follows ('a house', 'a person holding a cup'), which the thing
        before is 'of'; no relation to a pronoun ('the top of it') or a bare noun before a verb."""
        if chunk.pronoun or (chunk.verb and not chunk.lead) or not chunk.words or self.last_thing is None:
            self.role = ASIDE
            return
        self.relation, self.relation_subjects, self.role = "of", [self.last_thing], REL_OBJECT

    def relative_before(self, items: list[Item], i: int) -> None:
        """'that' or 'which' right after a thing, before 'is' or 'has' (items[i]), opens a clause about that
        thing: 'a tiger holding a skateboard that has a sticker on it' (the skateboard has it), 'a woman
        holding a cup that is red' (the cup is red)."""
        if items[i].kind == WITH:  # what 'with' relations read from here say: 'has' (owning) or 'with'
            self.with_word = "has" if items[i].text in _HAVING else "with"
        if i < 2 or items[i - 1].kind != DET or items[i - 1].text not in _RELATIVES or items[i - 2].kind != WORD:
            return
        if self.last_thing is not None:  # ('that' itself was read as a phrase naming nothing)
            self.group, self.subjects, self.last_role = [self.last_thing], [self.last_thing], SUBJECT
            self.last_kind = "thing"

    def subject_has(self, items: list[Item], i: int) -> bool:
        """Whether 'and has' (or 'have', 'having') at items[i] goes back to the clause subject, whatever was
        read since: 'She is holding a phone to her ear and has sunglasses on her head' (she has them)."""
        following = items[i + 1] if i + 1 < len(items) else None
        if following is None or following.kind != WITH or following.text not in _HAVING or not self.subjects:
            return False
        self.group, self.last_role, self.role, self.extend_group = list(self.subjects), SUBJECT, SUBJECT, False
        return True

    def with_thing(self) -> list[int]:
        """The thing just named after 'with', when it is no part of its holder: a place in the picture said
        right after it is its own ('a scene with a city in the background', not 'a man with green eyes')."""
        if self.last_role == WITH_PART and self.last_thing is not None and self.last_kind == "thing":
            if self.things[self.last_thing].name.rsplit(" ", 1)[-1] not in grammar_words.PART_NOUNS:
                return [self.last_thing]
        return []

    def with_subjects(self) -> list[int]:
        """What 'with' is about: after the object of a relation, the relation's subject ('a crab on a beach
        with a surfboard', 'a plate on the table with a fork on it'), else the nearest subjects; the thing
        just named is kept, which a part after 'with' may be of ('a tree with red leaves': part_owners.py)."""
        after_object = self.last_role in (REL_OBJECT, VERB_OBJECT) and self.last_kind == "thing"
        self.with_nearest = self.last_thing if after_object else None
        if self.last_role == REL_OBJECT and self.relation_subjects and self.role != REL_OBJECT:
            return list(self.relation_subjects)
        return self.nearest_subjects()

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
        if self.pending_anchor and subjects:
            self.anchors.setdefault(other, self.pending_anchor)  # 'In the foreground, a car on the road'
        if not subjects:
            self.fronted.append((predicate, other))  # 'Above the city, a full moon'
        acting, self.acting = self.acting, None  # said once, with the relation it came with
        if acting and predicate != self.relation and not (predicate in _IN and acting.endswith(" in")):
            acting = None
        for subject in subjects:
            self.relate(subject, predicate, other)
            if acting:  # 'a boy jumping on a skateboard': on it, and jumping on it
                self.relate(subject, acting, other)

    with_nearest: int | None = None  # the object read right before 'with', which a part after it may be of
    with_word = "with"  # the last word of having read: 'with', or 'has' for 'has', 'have' and 'having'

    def relate(self, subject: int, predicate: str, other: int) -> None:
        if predicate == "with":
            predicate = self.with_word  # 'the stove has a laptop': has
        if predicate in grammar_words.INVERSE_RELATIONS:
            subject, predicate, other = other, grammar_words.INVERSE_RELATIONS[predicate], subject
        relation = (subject, predicate, other)
        if subject != other and relation not in self.relations and len(self.relations) < MAX_RELATIONS:
            self.relations.append(relation)

    def share_depth(self) -> None:
        """A thing on or in another that is in the foreground or the background, and placed nowhere itself,
        is there too: 'In the foreground, a car on the road. On which I can see headlights'."""
        for subject, predicate, other in self.relations:
            if predicate in _HELD_IN and self.anchors.get(other) in _DEPTHS and subject not in self.anchors:
                self.anchors[subject] = self.anchors[other]

    listed_fronted: tuple[tuple[str, int], ...] = ()  # what a fronted relation gave the first of a list

    def inverted(self) -> bool:
        """Whether a copula right after a fronted relation's object puts the subject after it: 'On the table is
        a bowl of fruit', 'Above the door are two lamps'; the next noun phrase takes the relation."""
        if not self.fronted or self.subjects or self.last_role != REL_OBJECT:
            return False
        self.group, self.role, self.last_role, self.extend_group = [], SUBJECT, SUBJECT, False
        return True

    def take_fronted(self, index: int) -> None:
        """A subject takes the relations written before it ('Behind the table there is a wall'); every
        subject of a list takes them ('behind that there are trees, houses and mountains')."""
        if self.fronted:
            self.listed_fronted = tuple(self.fronted)
        elif not self.extend_group:
            self.listed_fronted = ()
        for predicate, other in self.fronted or self.listed_fronted:
            self.relate(index, predicate, other)
        self.fronted = []

    def relate_pronoun(self, pronoun: str, role: str) -> None:
        """A pronoun as the object of a relation: the last thing it can mean among the others."""
        if pronoun in reciprocal.RECIPROCALS and role in (REL_OBJECT, VERB_OBJECT) and self.relation:
            reciprocal.relate_each_other(self, list(self.relation_subjects), self.relation)  # 'at each other'
            self.acting, self.verb, self.role = None, None, ASIDE
            return
        subjects = list(self.relation_subjects) if role != WITH_PART else self.nearest_subjects()
        apart = subjects + recipients.given(self, subjects)  # 'throwing a ball to it': not the ball
        others = [i for i in self.recent if i not in apart]
        before = [g for g in self.last_group if g not in apart]
        own = [s for s in self.subjects if s not in subjects]
        meant = pronouns.resolve(pronoun, self.things, others, before, place=self.relation in _AROUND, current=own)
        holders = [h for h, p, o in self.relations if p in _HAS and o in subjects and h not in subjects]
        if (
            holders
            and pronoun in pronouns.THING_PRONOUNS
            and not pronouns.is_person(self.things[holders[-1]].name)
            and (pronoun != "them" or pronouns.is_plural(self.things[holders[-1]].count))
        ):  # 'a plate with a fork on it', 'a glass with juice in it': what has it ('a box of apples with
            meant = holders[-1:]  # stickers on them': the apples, not the one box)
        if not meant:
            return  # 'Behind her, (a wall)': with no subject yet, the relation waits for one (fronted)
        predicate = self.relation if role in (REL_OBJECT, VERB_OBJECT) else "with" if role == WITH_PART else None
        if role == "inside":
            containers = grammar_words.CONTAINERS
            predicate = "inside" if any(self.things[i].name.rsplit(" ", 1)[-1] in containers for i in meant) else "in"
        if predicate:
            for index in meant:
                self.relate_all(subjects, predicate, index)
        self.role = ASIDE if subjects or role != REL_OBJECT else SUBJECT  # fronted: 'Behind him a dog sleeps'

    # -- verbs -----------------------------------------------------------------------------

    def after_verb(self, verb: str, items: list[Item], i: int, thing: int | None) -> int:
        """A verb just ended a noun phrase (`thing`, if it named one) or stood alone: its subject acts,
        and a noun phrase after it is what it acts on. Returns the index of the next item to read."""
        acting = thing is not None or (self.role == "copula" and bool(self.subjects))  # 'a woman is showing'
        self.role = ASIDE
        if verb in verbs.EMPTY_VERBS and not (acting and verb in verbs.SHOWING_VERBS):
            return naming.read_name(self, verb, items, i, thing)  # 'a dog named Max' (naming.py); 'an image showing'
        self.points_back = _points_back(items, i)  # 'a table with a cat sleeping on it'
        subjects = verb_doers.verb_subjects(self, thing, verb)  # who does it (verb_doers.py)
        action, j = verbs.action_word(verb), i
        carried = _carried_particle(verb, items, j)  # 'sweeping up sand': the particle and its object
        if carried or (j < len(items) and items[j].kind in (WORD, IN, REL, PREP) and _particle(items, j)):
            action, j = f"{action} {items[j].text}", j + 1  # 'leaning forward', 'bent over'
        following = items[j] if j < len(items) else None
        takes_object = (
            following is not None
            and following.kind in _NOUN_START
            and (action == verbs.action_word(verb) or carried)
            and not verb.endswith("ed")
            and not (following.kind == WORD and (_no_object(following.text) or _no_bare_object(verb, items, j)))
        )
        if not subjects:
            return j
        # a verb with its particle ('hanging out') makes no one meaning with the preposition after it
        self.group, self.last_role = list(subjects), SUBJECT
        passive = acting and thing is None and verb_doers.passive(verb)  # 'a race is being held at': no verb to join
        self.verb = verb if action == verbs.action_word(verb) and not passive else None
        painted, after = colouring.colours_after(verb, items, j)
        if painted:  # 'walls painted yellow': yellow walls (colouring.py)
            return self.describe_all(colouring.coloured(self, subjects, thing), painted, after)
        manner.describe_after(self, subjects, items, j)  # 'flying confidently': a confident penguin (manner.py)
        if takes_object and thing is not None and self.can_act(thing):  # 'a chair and a man reading a book': the man
            subjects = [index for index in subjects if self.can_act(index)] or subjects
        if takes_object:  # 'a man riding a horse': the relation says it all
            self.relation, self.relation_subjects, self.role = action, list(subjects), VERB_OBJECT
            for index in subjects if verbs.particle_meaning(verb, action) else ():
                self.set_action(index, action)  # 'taking off a runway': taking off, not taking
            return j
        for index in subjects:
            self.set_action(index, action)  # 'a dog running', 'a cat sitting on a mat'
        return j

    def describe_all(self, subjects: list[int], described: Description, after: int) -> int:
        for index in subjects:
            self.describe(index, described)
        return after

    def placed_for(self, index: int, predicate: str | None = None) -> list[int]:
        """The things a relation to thing `index` is for: its subjects, but not a thing of the sky that
        nothing rests in or on ('a couple dancing under the stars on a rooftop': the couple is on it)."""
        subjects = part_owners.placed_holders(self, index, predicate or self.relation or "")  # 'with a hat on a horse'
        if (predicate or self.relation) not in _HELD_IN | {"at"} or not subjects or _celestial(self.things[index].name):
            return subjects
        under = self.last_role == REL_OBJECT  # (not 'a pony with a shooting star on its flank')
        if under and all(_celestial(self.things[s].name) for s in subjects) and set(self.subjects).isdisjoint(subjects):
            return list(self.subjects)
        return subjects

    def holds_contents(self) -> bool:
        """Whether the relation read has the subject hold what follows ('filled with', 'topped with'): what
        is said after its objects is about the subject again ('a cake topped with cherries on a plate')."""
        return self.relation in grammar_words.INVERSE_RELATIONS

    def can_act(self, thing: int) -> bool:
        return pronouns.can_act(self.things[thing].name)

    def set_action(self, index: int, action: str) -> None:
        """What a thing does; a second action ('walks ... is jumping') is kept among its other words."""
        attrs, action = self.things[index].attributes, action[:80]
        if action in (attrs.state, attrs.action) or action in attrs.other:
            return
        if attrs.action is None:
            self.things[index].attributes = attrs.model_copy(update={"action": action})
        elif len(attrs.other) < MAX_OTHER:
            self.things[index].attributes = attrs.model_copy(update={"other": [*attrs.other, action]})

    def copula_waits(self, items: list[Item], i: int) -> bool:
        """After 'and' in 'A man wearing a jacket and a tie is standing': whether the copula after the next
        noun phrase is the sentence subject's, because the sentence has no verb of its own yet."""
        chunk, j = take_chunk(items, i + 1)
        if j >= len(items) or items[j].kind != COP or items[j].text in ("are", "were"):
            return False  # 'a girl holding a cup and a boy are sitting': both sit
        if chunk.words and pronouns.is_person(chunk.words[-1]):
            return False  # 'a man wearing a hat and a woman is singing'

        for item in reversed(items[:i]):
            if item.kind == STOP:
                return True
            if item.kind == COP or (
                item.kind == WORD and item.text in grammar_words.VERBS and not _participle(item.text)
            ):
                return False  # 'A man is wearing a hat and a dog is sitting': two clauses
        return True

    def object_list_goes_on(self, items: list[Item], i: int) -> bool:
        """After a comma in 'wearing glasses, a vest, and a tie': whether an 'and' still ends the list
        of what the verb (or 'with') takes."""
        if self.last_role not in (VERB_OBJECT, WITH_PART) or lists.keyword_items_follow(items, i):
            return False  # 'devouring a planet, cosmic horror, outer space': the verb takes the planet
        j = i + 1
        while j < len(items) and items[j].kind in (WORD, DET, NUM, QUANT, COMMA):
            j += 1
        return j > i + 1 and j < len(items) and items[j].kind in (AND, OR) and not _verb_after(items, j)


_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# Relations of a place around a thing, after which 'them' means those who can act ('a table in front of them').
_AROUND = frozenset({"next to", "near", "behind", "in front of", "left of", "right of", "around", "across from"})
# Things of the sky, in or on which nothing is placed: 'under the stars on a rooftop' is on the rooftop.
_CELESTIAL = frozenset(
    {"sun", "moon", "star", "stars", "sky", "skies", "cloud", "clouds", "rainbow", "aurora", "galaxy", "nebula"}
)
_HELD_IN = frozenset({"on", "in", "inside"})  # what holds a thing up or in: its depth is the thing's too
_IN = frozenset({"in", "inside"})
_DEPTHS = frozenset({"foreground", "background"})
_RELATIVES = frozenset({"that", "which", "who", "whose"})
_BACK_PRONOUNS = frozenset({"it", "them", "her", "him", "itself", "themselves", "herself", "himself"})


def _celestial(name: str) -> bool:
    return name.rsplit(" ", 1)[-1] in _CELESTIAL


def _there(item: Item) -> bool:
    return item.kind == CLAUSE and item.text == "there"


def _participle(word: str) -> bool:
    return word.endswith(("ing", "ed")) or word in verbs.PAST_PARTICIPLES


def _points_back(items: list[Item], i: int) -> bool:
    """Whether the verb that ends before items[i] is followed by a preposition and a pronoun ('sleeping on
    it'), which points back to the thing before 'with': the thing after 'with' is what the verb is about."""
    j = i + (i < len(items) and items[i].text in verbs.PARTICLES)
    return j + 1 < len(items) and items[j].kind in (REL, IN, PREP) and items[j + 1].text in _BACK_PRONOUNS


def _no_object(word: str) -> bool:
    """Whether a word after a verb is no object of it: a particle ('up') or an adverb ('confidently')."""
    return word in verbs.PARTICLES or shapes.is_adverb(word)


def _no_bare_object(verb: str, items: list[Item], j: int) -> bool:
    """Whether a verb takes no bare noun after it as its object: 'a dancer turning' (not 'lifting weights')."""
    return verbs.is_intransitive(verb) and not bare_objects.takes_bare_object(verb, items, j)


def _carried_particle(verb: str, items: list[Item], j: int) -> bool:
    """Whether items[j] is a particle that goes with the verb before the verb's object ('picking up a
    ball', 'sweeping up sand'), not a preposition after a verb of motion ('climbing up a tree')."""
    return (
        j + 1 < len(items)
        and items[j].text in verbs.OBJECT_PARTICLES
        and verbs.base(verb) not in verbs.MOTION_VERBS
        and items[j + 1].kind in _NOUN_START
        and items[j + 1].text not in verbs.PARTICLES
    )


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
