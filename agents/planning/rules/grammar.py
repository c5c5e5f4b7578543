"""The rules planner's grammar: what each noun phrase is, given the grammar words between them.

`Reading` walks the tagged items once, as a small state machine. Each noun phrase (phrases.py) is
taken with a role set by the words before it: the subject, the object of a relation ("on a table"),
what a thing is inside or between, an exclusion ("no people"), a part ("with green eyes"), a material
("made of glass"), a palette ("in shades of blue") or a shape. It collects the things, their relations
and anchors, the exclusions and the scene's style, light, time, viewpoint and palette words, for
reading.py to make a Scene of. A pronoun subject ("He is jumping") is the last thing it can mean
(pronouns.py); a repeated mention ("the cat", "the man") is the thing read before and an owner ("the
man's hat") a thing of its own (mentions.py). A run of nouns written without commas may hold several
things (runs.py), and "in X" may describe rather than contain (inside.py). After "of", a portion is one
thing with what follows ("a slice of pizza"), a container holds it ("a bowl of soup") and anything else
is two things ("a field of daisies").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from limner.agents.planning.rules import (
    activities,
    and_clauses,
    attributes,
    collectives,
    containers,
    depicting,
    grammar_words,
    held_parts,
    inside,
    likeness,
    lists,
    members,
    narration,
    object_lists,
    object_states,
    occasions,
    opening,
    owned_links,
    part_owners,
    particles,
    portions,
    relation_lists,
    renaming,
    setting_words,
    verbs,
    worn,
)
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.chunks import amount_of_colour
from limner.agents.planning.rules.clauses import VERB_OBJECT, Clauses
from limner.agents.planning.rules.mentions import Mentions, Thing
from limner.agents.planning.rules.phrases import Description, Phrase, analyse, scene_word, take_chunk
from limner.agents.planning.rules.runs import split_runs
from limner.agents.planning.rules.tagging import (
    ADV,
    ANCHOR,
    AND,
    BETWEEN,
    BY,
    CLAUSE,
    COMMA,
    COP,
    DET,
    IN,
    LIGHT,
    MADE_OF,
    NEG,
    NUM,
    OF,
    OR,
    PALETTE_OF,
    PALETTE_WORDS,
    PHRASE_START,
    PREP,
    QUALITY,
    REL,
    SHAPE_OF,
    STOP,
    STYLE,
    TIME,
    VIEW,
    WITH,
    Item,
    artist_name,
)
from limner.agents.scene.english import singularize_name
from limner.agents.scene.model import MAX_EXCLUDE

# What the next noun phrase is, given the grammar words before it.
SUBJECT, REL_OBJECT, INSIDE, BETWEEN_FIRST, BETWEEN_WAIT, BETWEEN_SECOND = (
    "subject", "rel_object", "inside", "between_first", "between_wait", "between_second",
)  # fmt: skip
ASIDE, WITH_PART, COPULA, EXCLUDED, MATERIAL, PALETTE, SHAPE = (
    "aside", "with", "copula", "excluded", "material", "palette", "shape",
)  # fmt: skip


# Roles in which a run of nouns is read whole: 'made from light metallic chrome thin wire'.
_WHOLE_ROLES = frozenset({MATERIAL, PALETTE, SHAPE, EXCLUDED, COPULA})


@dataclass
class Reading(Mentions, Clauses):
    """Everything read so far, and what the next noun phrase will be."""

    things: list[Thing] = field(default_factory=list)
    relations: list[tuple[int, str, int]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    qualities: list[str] = field(default_factory=list)
    lights: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)
    palette: list[str] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=dict)
    role: str = SUBJECT
    last_role: str = SUBJECT  # the role of the last thing read, which "and" continues
    group: list[int] = field(default_factory=list)  # the current subjects: "a cat and a dog (on a sofa)"
    extend_group: bool = False
    relation: str | None = None  # the relation waiting for its object
    relation_subjects: list[int] = field(default_factory=list)
    fronted: list[tuple[str, int]] = field(default_factory=list)  # "Above the city, (a moon)"
    between_first: int | None = None
    last_thing: int | None = None
    last_kind: str = ""
    pending_count: int | None = None
    arrangement: Description | None = None  # how the things a collective noun counts are arranged
    collective: Phrase | None = None  # the collective noun just read, which may name its people whole
    pending_anchor: str | None = None
    recent: list[int] = field(default_factory=list)  # things by mention, latest last, for pronouns
    last_group: list[int] = field(default_factory=list)  # the subjects of the sentence before
    subjects: list[int] = field(default_factory=list)  # what this clause is about (clauses.py)
    verb: str | None = None  # the verb just read, which a preposition after it may join ('sitting on')
    chunk_role: str = ""  # the role the last noun phrase's thing was read in
    chunk_thing: int | None = None  # the thing the noun phrase being read named, if it named one
    topic: int | None = None  # the first subject of the sentence, which loose adjectives after it describe
    moving: bool = False  # the preposition just read says where something goes ('into', 'onto')
    held: list[int] = field(default_factory=list)  # the subjects before 'a bowl of (soup)', kept after it

    # -- the loop ---------------------------------------------------------------------------

    def read(self, items: list[Item]) -> None:
        items = narration.plain(items)  # 'In this image we can see ...': the scaffolding dropped
        i = 0
        while i < len(items):
            if items[i].kind in PHRASE_START:
                chunk, i = take_chunk(items, i)
                followed_by_of = i < len(items) and items[i].kind == OF
                if followed_by_of and amount_of_colour(chunk, items, i):
                    continue  # 'an explosion of color', 'a splash of colour': how colourful, nothing drawn
                self.chunk_thing = None
                chunk = self.read_owner(chunk)
                *listed, chunk = split_runs(chunk) if self.role not in _WHOLE_ROLES else [chunk]
                for part in listed:  # 'taxidermy sheet cloth detailed diorama': one thing after another
                    self.accept(analyse(part, followed_by_of=False))
                    self.list_goes_on()
                self.accept(depicting.read_phrase(self, chunk, followed_by_of=followed_by_of))  # (depicting.py)
                owned_links.join(self)  # 'the man's hat': he wears it (owned_links.py)
                if chunk.verb:
                    i = self.after_verb(chunk.verb, items, i, self.chunk_thing)
                continue
            i = self.handle(items, i)
        self.share_depth()  # 'In the foreground, a car. On which I can see headlights' (clauses.py)

    def handle(self, items: list[Item], i: int) -> int:
        """Act on the grammar item items[i]; return the index of the next item to read."""
        item = items[i]
        kind = item.kind
        if kind == COP and self.inverted():
            return i + 1  # 'On the table is a bowl': the bowl is the subject (clauses.py)
        if kind in (COP, WITH):
            self.relative_before(items, i)  # 'a cup that is red', 'a box that has a lid' (clauses.py)
        if kind == OF:  # 'full of holes', 'stripes of red' first (described_of.py)
            return attributes.described_after_of(self, items, i) or self.after_of(items, i)
        if kind == BY:
            return self.after_by(items, i)
        if kind in (AND, OR):
            self.after_and(items, i)
        elif kind == COMMA:
            self.after_comma(items, i)
        elif kind == STOP:
            self.end_sentence()
        elif kind == REL:
            self.moving = item.text in verbs.MOTION_PREPOSITIONS or held_parts.own_part_next(self, items, i)
            self.before_relation(items, i)  # ', behind the door there is a board' (clauses.py)
            self.expect_relation(str(item.value), item.text)
        elif kind == IN and (worn_after := worn.colours_worn(items, i + 1))[0]:
            colours, after = worn_after  # 'labels in blue and yellow', 'a woman in red' (worn.py)
            for index in self.nearest_subjects():
                self.describe(index, worn.described(self.things[index].name, colours))
            return after
        elif kind == IN and self.joins_verb(item.text, items, i):
            self.expect_relation(item.text)  # 'crashing into a tower' (clauses.py)
        elif kind == IN:
            self.expect_inside(item.text, held=held_parts.own_part_next(self, items, i))  # 'a fish in a bowl'
        elif kind == COP and self.subjects and not (i and items[i - 1].kind == CLAUSE):
            self.group, self.role = list(self.subjects), COPULA  # 'The clock on the tower is green': the clock
        elif kind == PREP and particles.states_part(self, items, i):
            pass  # 'a woman with her arms up': how the arms are (particles.py)
        elif kind == PREP and (self.joins_verb(item.text, items, i) or item.text in verbs.RELATING_PREPOSITIONS):
            self.expect_relation(item.text)  # 'at the port', 'through a field'
        elif kind == BETWEEN:
            self.relation_subjects, self.role = list(self.group), BETWEEN_FIRST
        elif kind == NEG:
            self.role = EXCLUDED
            if item.value:
                self.exclude_word(str(item.value))
        elif kind == ANCHOR and self.anchor_opens(items, i):
            self.pending_anchor = str(item.value)  # '... and in the background there are doors' (clauses.py)
        else:
            self.handle_marker(item, items[i - 1].kind if i else STOP)
        return i + 1

    def handle_marker(self, item: Item, previous: str = STOP) -> None:
        """Style, light, time and viewpoint phrases, and the words that set the next phrase's role."""
        kind, value = item.kind, str(item.value) if item.value is not None else item.text
        if kind in (STYLE, QUALITY, LIGHT, TIME, VIEW) and self.role == EXCLUDED:
            self.exclude_word(item.text)  # 'no bokeh'
            return
        targets = {STYLE: self.styles, QUALITY: self.qualities, LIGHT: self.lights, TIME: self.times, VIEW: self.views}
        if kind in targets:
            targets[kind].append(value)
            self.role, self.extend_group = SUBJECT, False
        elif kind == ANCHOR:
            self.place(value, fronting=self.pending_anchor is not None and previous in (COMMA, CLAUSE, AND))
        elif kind == WITH and self.verb and self.last_role == SUBJECT and verbs.phrasal(self.verb, "with"):
            self.expect_relation("with")  # 'a dog playing with a ball'
        elif kind == WITH:
            self.relation_subjects, self.role = self.with_subjects(), WITH_PART
        elif kind == COP:
            self.role = COPULA
        elif kind == MADE_OF:
            self.role = MATERIAL
        elif kind == PALETTE_OF:
            self.role = PALETTE
        elif kind == PALETTE_WORDS and isinstance(item.value, tuple):
            self.palette += list(item.value)  # 'earth tones'
        elif kind == SHAPE_OF:
            self.role = SHAPE
        elif kind == CLAUSE:
            self.role, self.extend_group = SUBJECT, False
        elif kind == PREP:
            self.role = ASIDE
        elif kind == ADV and item.text in vocab.STATES:
            for index in object_states.described(self, previous) or self.nearest_subjects():  # 'a city on fire'
                self.describe(index, attributes.adverbial(item.text, self.verb or self.things[index].attributes.action))

    # -- grammar words ----------------------------------------------------------------------

    def after_and(self, items: list[Item], i: int) -> None:
        containers.close_list(self, items, i)  # 'a bowl of soup and a spoon': a thing of its own (containers.py)
        if self.role == EXCLUDED:
            following = items[i + 1] if i + 1 < len(items) else None
            if following is None or following.kind not in (DET, NUM) or items[i].kind == OR:
                return  # 'no text or watermark', 'without people and cars'
        if self.role == PALETTE or self.subject_has(items, i):
            return  # 'in shades of orange and purple'; 'holding a cup and has a hat' (clauses.py)
        if self.role == BETWEEN_WAIT:
            self.role = BETWEEN_SECOND
        elif self.last_role == VERB_OBJECT and (
            not lists.clause_follows(items, i) or self.copula_waits(items, i) or object_lists.goes_on(self, items, i)
        ):  # (object_lists.py: 'wearing glasses and a beret teaching a class')
            self.role = VERB_OBJECT  # 'wearing a shirt and a tie' (is standing ...: clauses.py)
        elif self.last_role == REL_OBJECT and relation_lists.objects_go_on(self, items, i):
            self.role = REL_OBJECT  # 'topped with cherries and cream', 'next to a car and a bike' (relation_lists.py)
        elif object_lists.worn_goes_on(self, items, i):
            self.role = INSIDE  # 'a man in a suit and tie' (object_lists.py)
        elif self.last_role == WITH_PART or (self.last_role == ASIDE and not and_clauses.starts_clause(self, items, i)):
            self.role = self.last_role  # 'holding a cup and a saucer' (and_clauses.py: 'in the snow and a mom is')
        else:  # 'the car is red and the bike is blue': a new clause after a predicate starts a new group
            new_clause = self.role == COPULA and lists.clause_follows(items, i)
            self.role, self.extend_group = SUBJECT, self.last_role == SUBJECT and not new_clause

    def list_goes_on(self) -> None:
        """The next thing of a run of nouns with no commas is read as if after a comma ('a, b')."""
        if self.role != EXCLUDED:
            keep = self.last_role in (ASIDE, WITH_PART, VERB_OBJECT)
            self.role, self.extend_group = (self.last_role if keep else SUBJECT), self.last_role == SUBJECT

    def after_comma(self, items: list[Item], i: int) -> None:
        containers.close_list(self, items, i)
        if self.role == EXCLUDED and lists.exclusion_goes_on(items, i):
            return  # 'no text, logo or watermark'
        if self.object_list_goes_on(items, i):
            self.role = self.last_role  # 'wearing glasses, a vest and a tie'
            return
        # 'a cat, a dog and a bird on a sofa': a list of subjects closed by 'and' is one group
        listing = self.last_role == SUBJECT and self.role == SUBJECT and lists.things_go_on(items, i)
        self.role, self.extend_group = SUBJECT, listing

    def end_sentence(self) -> None:
        self.last_group = list(self.subjects) or list(self.group) or self.last_group
        self.role, self.extend_group, self.group, self.last_role = SUBJECT, False, [], SUBJECT
        self.relation, self.fronted, self.pending_anchor = None, [], None
        self.subjects, self.verb, self.topic, self.held = [], None, None, []

    def after_of(self, items: list[Item], i: int) -> int:
        """'a photo of X' frames X; 'a cup of coffee' is one thing; 'a statue of marble' a material."""
        if self.last_kind != "thing" or self.last_thing is None or self.role == EXCLUDED:
            return i + 1
        chunk, after = take_chunk(items, i + 1)
        verb_ends = chunk.verb and not _is_container(self.things[self.last_thing].name)  # 'a bowl of soup sits'
        if chunk.lead or chunk.pronoun or verb_ends or not chunk.words:
            self.expect_owner(chunk)  # 'the roof of a house': the house is a thing of its own (clauses.py)
            return i + 1
        phrase = analyse(chunk, followed_by_of=False)
        thing = self.things[self.last_thing]
        if phrase.kind == "thing" and phrase.name in vocab.MATERIALS and not phrase.described.colors:
            self.set_material(self.last_thing, vocab.MATERIALS[phrase.name])
            return after
        if depicting.names_kind(self, chunk, phrase):
            return after  # 'a map of Peru': what kind of map (depicting.py)
        if phrase.kind == "thing" and portions.one_thing_of(thing.name, phrase):
            return portions.join(self, self.last_thing, chunk, phrase, after)  # 'a cup of hot coffee' (portions.py)
        if phrase.kind == "thing" and (_is_container(thing.name) or thing.name in grammar_words.GROWN_IN):
            return containers.hold(self, self.last_thing, i)  # 'a bowl of soup', 'a field of daisies' (containers.py)
        self.expect_owner(chunk)  # 'the skyline of New York City': two things, the skyline of the city
        return i + 1

    def after_by(self, items: list[Item], i: int) -> int:
        """'a painting by Monet' names an artist; 'a cabin by the lake' is next to it."""
        if self.last_kind == "style":
            tokens = [item.text for item in items[i + 1 : i + 6]]
            artist, used = artist_name(tokens, 0)
            if artist:
                self.styles.append(f"{artist} style")
                return i + 1 + used
        self.expect_relation("next to")
        return i + 1

    def place(self, where: str, *, fronting: bool = False) -> None:
        """An anchor after things places them ('a cat on the left'); one before them ('In the background,
        trees, a house and people') places every thing the sentence goes on to name as a subject."""
        if (not self.group and not self.with_thing()) or fronting:
            self.pending_anchor = where  # 'On the left, a red car'
            return
        for index in self.with_thing() or self.group:  # 'a landscape with a castle on the right' (clauses.py)
            self.anchors.setdefault(index, where)

    # -- noun phrases -----------------------------------------------------------------------

    def accept(self, phrase: Phrase) -> None:
        role = self.role
        if role == EXCLUDED:
            self.exclude_phrase(phrase)
            return
        self.absorb_setting(phrase)
        opening.carry_subject(self, phrase)  # 'Two cats. Sleeping on a sofa.': the cats (opening.py)
        if phrase.kind != "thing":
            self.last_kind = phrase.kind
        if phrase.kind == "collective":
            return collectives.hold(self, phrase)  # 'a row of', 'a group of' (collectives.py)
        self.arrangement = attributes.partitive(phrase) or self.arrangement  # 'a brown piece of paper'
        if phrase.kind == "pronoun":
            # 'He is jumping': the last thing the pronoun can mean (pronouns.py); as an object of a
            # relation, among the things that are not its subject ('a cup with a spoon in it').
            if role in (REL_OBJECT, VERB_OBJECT, INSIDE, WITH_PART):
                self.relate_pronoun(phrase.chunk.pronoun, role)  # 'a cup with a spoon in it'
                return
            meant = members.resolve(  # 'One of them is reading': one of the group (members.py)
                self, phrase.chunk.pronoun, opening=role == SUBJECT and not self.group
            )
            if role in (SUBJECT, COPULA) and meant:
                self.group, self.last_thing, self.last_kind, self.last_role = meant, meant[-1], "thing", SUBJECT
                self.subjects = list(meant)
                self.topic = meant[0] if self.topic is None else self.topic  # 'They are brown and black'
            return
        if role == MATERIAL and (phrase.kind in ("thing", "loose") or phrase.loose.materials):  # 'of metal parts'
            if self.last_thing is not None:  # 'a statue of a lion made of jade': the statue (depicting.py)
                self.describe(depicting.made_thing(self), attributes.made_of(phrase))
            self.role = SUBJECT
            if attributes.made_of_names_thing(phrase):
                self.add_thing(phrase)  # 'a tornado made of tigers': the tigers are there too
            return
        if role == COPULA and renaming.renames(self, phrase):
            return  # 'The dog is a golden retriever': the dog is one (renaming.py)
        predicate = role == COPULA and not phrase.has_lead and bool(self.group)
        if phrase.kind == "loose" or (predicate and phrase.kind == "thing"):
            # 'the sky is orange', 'the continent is visible': words after 'is' describe the subject
            self.accept_description(phrase.as_predicate() if phrase.kind == "thing" else phrase.described, role)
            return
        if phrase.kind != "thing":
            if role in (REL_OBJECT, INSIDE, BETWEEN_FIRST, BETWEEN_SECOND) and phrase.kind != "filler":
                self.role = SUBJECT  # 'on a white background': nothing to relate to ('on a piece of' waits)
            return occasions.said_when(self, phrase, role) or activities.done(self, phrase, role)  # (activities.py)
        if activities.pastime(self, phrase, role):
            return  # 'having a picnic', 'eating lunch': what they do (activities.py)
        told = inside.described_by(phrase, self) if role == INSIDE else None
        if told is not None:  # 'pubs in Paddington', 'written in flowing cursive', 'in chalk' (inside.py)
            for index in inside.described_things(self, phrase):
                self.describe(index, told)
            self.role = SUBJECT
            return
        if role == PALETTE:
            self.palette += phrase.loose.palette() or [phrase.name]  # 'in shades of orange'
            return
        if role == SHAPE:
            if self.last_thing is not None:
                self.add_other(self.last_thing, f"{phrase.name}-shaped")
            self.role = SUBJECT
            return
        if likeness.compares(self, role):  # 'a cat dressed like a pirate': no pirate (likeness.py)
            return likeness.liken(self, phrase)
        phrase = collectives.named_whole(self, phrase)  # 'a group of people': the group (collectives.py)
        arrangement, self.arrangement = self.arrangement, None
        index = self.add_thing(phrase, apart=self.related_to(role))
        if index is not None:
            if arrangement:
                self.describe(index, arrangement)  # 'a row of motorcycles': motorcycles in a row
            self.place_thing(index, role)

    def related_to(self, role: str) -> list[int]:
        """The things a phrase in `role` is beside, so not one of: 'person next to person' is two."""
        if role == BETWEEN_SECOND and self.between_first is not None:
            return [*self.relation_subjects, self.between_first]
        if role in (REL_OBJECT, INSIDE, BETWEEN_FIRST):
            return list(self.relation_subjects)
        return list(self.group) if role == SUBJECT and self.extend_group else []

    def place_thing(self, index: int, role: str) -> None:
        """Relate a thing just read to the others, by the role the grammar gave it."""
        if role == COPULA and not self.group:
            role = SUBJECT  # 'there is a cat'
        self.chunk_role, self.chunk_thing = role, index
        if role == REL_OBJECT and self.relation:
            self.relate_all(self.placed_for(index), self.relation, index)
            held = self.holds_contents()  # 'a cake topped with cherries on a plate'
            self.group, self.last_role = list(self.relation_subjects) if held else [index], REL_OBJECT
        elif role == VERB_OBJECT and self.relation:
            # 'a wolf wearing a tie on the subway': what follows the object is about the wolf again
            self.relate_all(self.relation_subjects, self.relation, index)
            held = self.held if self.relation == "contains" and self.held else self.relation_subjects
            self.group, self.last_role, self.verb = list(held), VERB_OBJECT, None
            self.role = ASIDE
            return
        elif role == INSIDE:
            inside = "inside" if _is_container(self.things[index].name) else "in"
            self.relate_all(self.placed_for(index, "in"), inside, index)  # a fish inside a bowl, a bus in the street
            self.last_role = ASIDE
        elif role == WITH_PART:
            self.relate_all(part_owners.holders(self, index), "with", index)  # 'a tree with red leaves'
            self.last_role = WITH_PART
        elif role == BETWEEN_FIRST:
            self.between_first, self.role, self.last_role = index, BETWEEN_WAIT, ASIDE
            return
        elif role == BETWEEN_SECOND and self.between_first is not None:
            self.relate_all(self.relation_subjects, "right of", self.between_first)
            self.relate_all(self.relation_subjects, "left of", index)
            self.last_role = ASIDE
        elif role in (SUBJECT, BETWEEN_WAIT):
            self.group = [*self.group, index] if self.extend_group else [index]
            self.subjects = list(self.group)
            self.topic = index if self.topic is None else self.topic
            self.take_fronted(index)  # 'Behind the table there is a wall' (clauses.py)
            if self.pending_anchor:
                self.anchors.setdefault(index, self.pending_anchor)
            self.last_role = SUBJECT
        else:
            self.last_role = role
        self.role = SUBJECT if role not in (ASIDE, WITH_PART) else role
        self.extend_group = False

    def accept_description(self, described: Description, role: str) -> None:
        """Describing words with no noun: 'the sky is orange', ', foggy', ', pastel'."""
        last = [self.last_thing] if self.last_thing is not None and self.last_kind == "thing" else []
        targets = self.group or last  # not after 'The background is': that names no thing
        if role == COPULA and targets:
            for index in targets:
                self.describe(index, described)
            return
        if role == PALETTE:
            self.palette += described.palette()
            return
        weather = [w for w in described.others if w in setting_words.WEATHER_WORDS]
        self.lights += weather
        self.palette += [c for mood in described.moods for c in setting_words.PALETTE_MOODS[mood]]
        if role == SUBJECT and self.topic is not None:  # 'a caterpillar, furry, slimy': the sentence's first thing
            others = [w for w in described.others if w not in weather]
            self.describe(self.topic, replace(described, others=others, styles=[], times=[], views=[], lights=[]))

    def absorb_setting(self, phrase: Phrase) -> None:
        d = phrase.loose
        if phrase.kind != "style":  # a style phrase is kept whole: 'watercolor painting'
            self.styles += d.styles
        self.times += d.times
        self.views += d.views
        self.lights += d.lights
        if phrase.kind == "style":
            self.styles.append(phrase.value)
        elif phrase.kind == "lighting":
            self.lights.append(phrase.value)
        elif phrase.kind == "quality":
            self.qualities.append(phrase.value)
        elif phrase.kind == "palette":
            self.palette += phrase.described.palette()

    def exclude_phrase(self, phrase: Phrase) -> None:
        if phrase.kind == "thing":
            self.exclude_word(phrase.name)
        elif phrase.chunk.words:
            self.exclude_word(" ".join(phrase.chunk.words))

    def exclude_word(self, word: str) -> None:
        word = scene_word(singularize_name(word))
        if word and word not in self.exclude and len(self.exclude) < MAX_EXCLUDE:
            self.exclude.append(word)

    def describe(self, index: int, described: Description) -> None:
        """Add describing words to a thing, keeping what it already has."""
        self.things[index].attributes = attributes.merged(self.things[index].attributes, described.attributes())

    def set_material(self, index: int | None, material: str) -> None:
        if index is not None and material:
            self.describe(index, Description(materials=[scene_word(material)]))

    def add_other(self, index: int, words: str) -> None:
        self.describe(index, Description(others=[scene_word(words)]))


_is_container = containers.is_container
