"""The rules planner's grammar: what each noun phrase is, given the grammar words between them.

`Reading` walks the tagged items once, as a small state machine. Each noun phrase (phrases.py) is
taken with a role set by the words before it: the subject, the object of a relation ("on a table"),
what a thing is inside or between, an exclusion ("no people"), a part ("with green eyes"), a material
("made of glass"), a palette ("in shades of blue") or a shape. It collects the things, their relations
and anchors, the exclusions and the scene's style, light, time, viewpoint and palette words, for
reading.py to make a Scene of. A pronoun subject ("He is jumping") is the last thing it can mean
(pronouns.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from limner.agents.planning.rules import grammar_words, pronouns, setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.phrases import Description, Phrase, analyse, scene_word, take_chunk, unique
from limner.agents.planning.rules.tagging import (
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
    WORD,
    Item,
    artist_name,
)
from limner.agents.scene.english import singularize_name
from limner.agents.scene.model import MAX_COUNT, MAX_EXCLUDE, MAX_OBJECTS, MAX_OTHER, MAX_RELATIONS, Attributes

# What the next noun phrase is, given the grammar words before it.
SUBJECT, REL_OBJECT, INSIDE, BETWEEN_FIRST, BETWEEN_WAIT, BETWEEN_SECOND = (
    "subject", "rel_object", "inside", "between_first", "between_wait", "between_second",
)  # fmt: skip
ASIDE, WITH_PART, COPULA, EXCLUDED, MATERIAL, PALETTE, SHAPE = (
    "aside", "with", "copula", "excluded", "material", "palette", "shape",
)  # fmt: skip


@dataclass
class Thing:
    """A thing the description names: what it is called, how many, and what it looks like."""

    name: str
    count: int
    attributes: Attributes


@dataclass
class Reading:
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
    pending_anchor: str | None = None
    recent: list[int] = field(default_factory=list)  # things by mention, latest last, for pronouns
    last_group: list[int] = field(default_factory=list)  # the subjects of the sentence before

    # -- the loop ---------------------------------------------------------------------------

    def read(self, items: list[Item]) -> None:
        i = 0
        while i < len(items):
            if items[i].kind in PHRASE_START:
                chunk, i = take_chunk(items, i)
                followed_by_of = i < len(items) and items[i].kind == OF
                self.accept(analyse(chunk, followed_by_of=followed_by_of))
                if chunk.verb:
                    self.after_verb(chunk.verb)
                continue
            i = self.handle(items, i)

    def handle(self, items: list[Item], i: int) -> int:
        """Act on the grammar item items[i]; return the index of the next item to read."""
        item = items[i]
        kind = item.kind
        if kind == OF:
            return self.after_of(items, i)
        if kind == BY:
            return self.after_by(items, i)
        if kind in (AND, OR):
            self.after_and(items, i)
        elif kind == COMMA:
            self.after_comma(items, i)
        elif kind == STOP:
            self.end_sentence()
        elif kind == REL:
            self.expect_relation(str(item.value))
        elif kind == IN:
            self.relation_subjects, self.role = self.nearest_subjects(), INSIDE
        elif kind == BETWEEN:
            self.relation_subjects, self.role = list(self.group), BETWEEN_FIRST
        elif kind == NEG:
            self.role = EXCLUDED
            if item.value:
                self.exclude_word(str(item.value))
        else:
            self.handle_marker(item)
        return i + 1

    def handle_marker(self, item: Item) -> None:
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
            self.place(value)
        elif kind == WITH:
            self.role = WITH_PART
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

    # -- grammar words ----------------------------------------------------------------------

    def after_and(self, items: list[Item], i: int) -> None:
        if self.role == EXCLUDED:
            following = items[i + 1] if i + 1 < len(items) else None
            if following is None or following.kind not in (DET, NUM) or items[i].kind == OR:
                return  # 'no text or watermark', 'without people and cars'
        if self.role == PALETTE:
            return  # 'in shades of orange and purple'
        if self.role == BETWEEN_WAIT:
            self.role = BETWEEN_SECOND
        elif self.last_role in (ASIDE, WITH_PART):
            self.role = self.last_role  # 'holding a cup and a saucer'
        else:
            self.role, self.extend_group = SUBJECT, self.last_role == SUBJECT

    def after_comma(self, items: list[Item], i: int) -> None:
        if self.role == EXCLUDED and _list_goes_on(items, i):
            return  # 'no text, logo or watermark'
        self.role, self.extend_group = SUBJECT, False

    def end_sentence(self) -> None:
        self.last_group = list(self.group) or self.last_group
        self.role, self.extend_group, self.group = SUBJECT, False, []
        self.relation, self.fronted, self.pending_anchor = None, [], None

    def expect_relation(self, predicate: str) -> None:
        self.relation, self.relation_subjects, self.role = predicate, self.nearest_subjects(), REL_OBJECT

    def nearest_subjects(self) -> list[int]:
        """What a relation starts from: the thing just named after a verb or 'with' ('pouring milk into
        a cup', 'a piano with a book above the keys'), else the current subjects."""
        if self.last_role in (ASIDE, WITH_PART) and self.last_kind == "thing" and self.last_thing is not None:
            return [self.last_thing]
        return list(self.group)

    def after_verb(self, verb: str) -> None:
        """'a cat sleeping on a mat': the cat is sleeping; what follows the verb is not a new subject."""
        if verb in vocab.STATES and self.last_thing is not None and self.last_kind == "thing":
            attrs = self.things[self.last_thing].attributes
            if attrs.state is None:
                self.things[self.last_thing].attributes = attrs.model_copy(update={"state": verb})
        self.role = ASIDE

    def after_of(self, items: list[Item], i: int) -> int:
        """'a photo of X' frames X; 'a cup of coffee' is one thing; 'a statue of marble' a material."""
        if self.last_kind != "thing" or self.last_thing is None or self.role == EXCLUDED:
            return i + 1
        chunk, after = take_chunk(items, i + 1)
        if chunk.lead or chunk.pronoun or chunk.verb or not chunk.words:
            self.role = ASIDE  # 'the roof of a house': the house is a thing of its own
            return i + 1
        phrase = analyse(chunk, followed_by_of=False)
        thing = self.things[self.last_thing]
        if phrase.kind == "thing" and phrase.name in vocab.MATERIALS and not phrase.described.colors:
            self.set_material(self.last_thing, vocab.MATERIALS[phrase.name])
            return after
        if phrase.kind == "thing":
            thing.name = scene_word(f"{thing.name} of {' '.join(chunk.words)}")
            return after
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

    def place(self, where: str) -> None:
        if not self.group:
            self.pending_anchor = where  # 'On the left, a red car'
            return
        for index in self.group:
            self.anchors.setdefault(index, where)

    # -- noun phrases -----------------------------------------------------------------------

    def accept(self, phrase: Phrase) -> None:
        role = self.role
        if role == EXCLUDED:
            self.exclude_phrase(phrase)
            return
        self.absorb_setting(phrase)
        if phrase.kind != "thing":
            self.last_kind = phrase.kind
        if phrase.kind == "collective":
            self.pending_count = phrase.count
            return
        if phrase.kind == "pronoun":
            # 'He is jumping': the last thing the pronoun can mean (pronouns.py), only as a subject;
            # 'a cup with a spoon in it' is beyond these rules.
            meant = pronouns.resolve(phrase.chunk.pronoun, self.things, self.recent, self.last_group)
            if role in (SUBJECT, COPULA) and meant:
                self.group, self.last_thing, self.last_kind, self.last_role = meant, meant[-1], "thing", SUBJECT
            return
        predicate = role == COPULA and not phrase.has_lead and bool(self.group)
        if phrase.kind == "loose" or (predicate and phrase.kind == "thing"):
            # 'the sky is orange', 'the continent is visible': words after 'is' describe the subject
            self.accept_description(phrase.as_predicate() if phrase.kind == "thing" else phrase.described, role)
            return
        if phrase.kind != "thing":
            if role in (REL_OBJECT, INSIDE, BETWEEN_FIRST, BETWEEN_SECOND) and phrase.kind != "filler":
                self.role = SUBJECT  # 'on a white background': nothing to relate to ('on a piece of' waits)
            return
        if role == MATERIAL:
            self.set_material(self.last_thing, vocab.MATERIALS.get(phrase.name, phrase.name))
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
        if role == WITH_PART and phrase.head in grammar_words.PART_NOUNS and self.last_thing is not None:
            self.add_other(self.last_thing, "with " + phrase.chunk.text)
            self.last_role = WITH_PART
            return
        index = self.add_thing(phrase, apart=self.related_to(role))
        if index is not None:
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
        if role == REL_OBJECT and self.relation:
            self.relate_all(self.relation_subjects, self.relation, index)
            self.group, self.last_role = [index], REL_OBJECT
        elif role == INSIDE:
            if _is_container(self.things[index].name):
                self.relate_all(self.relation_subjects, "inside", index)
            self.last_role = ASIDE
        elif role == BETWEEN_FIRST:
            self.between_first, self.role, self.last_role = index, BETWEEN_WAIT, ASIDE
            return
        elif role == BETWEEN_SECOND and self.between_first is not None:
            self.relate_all(self.relation_subjects, "right of", self.between_first)
            self.relate_all(self.relation_subjects, "left of", index)
            self.last_role = ASIDE
        elif role in (SUBJECT, BETWEEN_WAIT):
            self.group = [*self.group, index] if self.extend_group else [index]
            for predicate, other in self.fronted:
                self.relate(index, predicate, other)
            self.fronted = []
            if self.pending_anchor:
                self.anchors.setdefault(index, self.pending_anchor)
                self.pending_anchor = None
            self.last_role = SUBJECT
        else:
            self.last_role = role
        self.role = SUBJECT if role not in (ASIDE, WITH_PART) else role
        self.extend_group = False

    def accept_description(self, described: Description, role: str) -> None:
        """Describing words with no noun: 'the sky is orange', ', foggy', ', pastel'."""
        targets = self.group or ([self.last_thing] if self.last_thing is not None else [])
        if role == COPULA and targets:
            for index in targets:
                self.describe(index, described)
            return
        if role == PALETTE:
            self.palette += described.palette()
            return
        self.lights += [w for w in described.others if w in setting_words.WEATHER_WORDS]
        self.palette += [c for mood in described.moods for c in setting_words.PALETTE_MOODS[mood]]

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

    def add_thing(self, phrase: Phrase, apart: list[int] | None = None) -> int | None:
        """The index of the thing a noun phrase names: a new one, or one named before ('the cat', a bare
        'cat'), never one of `apart`."""
        count = phrase.count if phrase.count is not None else 1
        if self.pending_count and not phrase.has_lead:
            count = min(self.pending_count, MAX_COUNT)
        self.pending_count = None
        if count <= 0:
            self.exclude_word(phrase.name)
            return None
        if phrase.name in self.exclude:
            return None
        attributes = phrase.described.attributes()
        earlier = self.mentioned(phrase.name, attributes, apart or [])
        bare = not phrase.has_lead and earlier is not None and (count > 1) == (self.things[earlier].count > 1)
        if earlier is not None and (phrase.definite or bare or len(self.things) >= MAX_OBJECTS):
            # 'the cat', or a bare 'person' in 'person next to light. person on sidewalk.'; a full
            # Scene takes 'a cat' as the one it has too, rather than dropping it with its relations.
            self.describe(earlier, phrase.described)
            self.last_thing, self.last_kind = earlier, "thing"
            self.recent.append(earlier)
            return earlier
        if len(self.things) >= MAX_OBJECTS:
            return None
        self.things.append(Thing(phrase.name, count, attributes))
        self.last_thing, self.last_kind = len(self.things) - 1, "thing"
        self.recent.append(self.last_thing)
        return self.last_thing

    def mentioned(self, name: str, attributes: Attributes, apart: list[int]) -> int | None:
        """The first thing named `name` already read that a new mention of it can be: their colours,
        materials and sizes agree ('the red car' is not the blue one)."""
        for index, thing in enumerate(self.things):
            if thing.name == name and index not in apart and _agrees(thing.attributes, attributes):
                return index
        return None

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
        new = described.attributes()
        old = self.things[index].attributes
        self.things[index].attributes = Attributes(
            color=old.color or new.color,
            material=old.material or new.material,
            size=old.size or new.size,
            state=old.state or new.state,
            other=unique(old.other + new.other)[:MAX_OTHER],
        )

    def set_material(self, index: int | None, material: str) -> None:
        if index is not None and material:
            self.describe(index, Description(materials=[scene_word(material)]))

    def add_other(self, index: int, words: str) -> None:
        self.describe(index, Description(others=[scene_word(words)]))


def _list_goes_on(items: list[Item], i: int) -> bool:
    """After a comma in 'no text, logo or watermark': whether an 'or' still ends the list."""
    j = i + 1
    while j < len(items) and items[j].kind in (WORD, COMMA):
        j += 1
    return j > i + 1 and j < len(items) and items[j].kind == OR


def _agrees(old: Attributes, new: Attributes) -> bool:
    """Whether two descriptions can be of one thing: no colour, material or size says otherwise."""
    return all(a is None or b is None or a == b for a, b in (
        (old.color, new.color), (old.material, new.material), (old.size, new.size),
    ))  # fmt: skip


def _is_container(name: str) -> bool:
    return name in grammar_words.CONTAINERS or name.rsplit(" ", 1)[-1] in grammar_words.CONTAINERS
