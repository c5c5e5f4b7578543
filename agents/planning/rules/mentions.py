"""Mentions: which thing a noun phrase names, a new one or one read before, for the grammar (grammar.py).

'the cat' is the cat read before, and so is a bare 'person' in notes ('person next to light. person on
sidewalk'); 'the red car' is the one read as red when there are several; 'the bear' can be the teddy
bear; 'the man' the one surfer read before, and 'the person' renames a vague 'someone'. A possessive
owner ('the man's hat') is a thing of its own when it surely is one. `Mentions` is mixed into
grammar.Reading, whose fields it uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from limner.agents.planning.rules import grammar_words, owned_links, owned_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.phrases import Chunk, Phrase, analyse, split_owner
from limner.agents.scene.model import MAX_COUNT, MAX_OBJECTS, Attributes

_EXCLUDED = "excluded"  # grammar.EXCLUDED: the role of a phrase after 'no'
_SUBJECT = "subject"  # grammar.SUBJECT: a phrase that starts a clause or a list item


@dataclass
class Thing:
    """A thing the description names: what it is called, how many, and what it looks like."""

    name: str
    count: int | None  # None: more than one, no number said ('apples', 'some apples')
    attributes: Attributes
    definite: bool = False  # first named as known ('the slice of cake'), so the same as one of its name


class Mentions:
    """New things and repeated mentions; mixed into grammar.Reading."""

    waiting: tuple[owned_links.Waiting, ...] = ()  # relations waiting for the next thing (owned_links.py)

    def read_owner(self, chunk: Chunk) -> Chunk:
        """'the man's hat': the man is a thing of his own (or the one read before) and the phrase names
        the hat. Only for owners that are surely things: a person, a thing read before, one the phrase
        says is known ('the mountain's summit'), or one whose part the phrase names ('a hill's
        peak', 'a car's wheel'); 'a bird's nest' stays one name."""
        split = split_owner(chunk)
        if split is None or self.role == _EXCLUDED:
            return chunk
        owner_chunk, owned = split
        owner = analyse(owner_chunk, followed_by_of=False)
        known = any(thing.name == owner.name for thing in self.things)
        part = bool(owned.words) and _names_a_part(owned.words[-1].lower())
        if owner.kind != "thing" or not (owner.definite or known or part or owner.head in grammar_words.PERSON_NOUNS):
            return chunk
        if not (owner.definite or known) and owned_links.worn(owned):
            return chunk  # 'an astronaut's helmet': a kind of helmet (owned_links.py)
        owned_links.owner_waits(self, self.add_thing(owner), owned, owner.definite or known)  # 'the man's hat'
        return owned

    def add_thing(self, phrase: Phrase, apart: list[int] | None = None) -> int | None:
        """The index of the thing a noun phrase names: a new one, or one named before ('the cat', a bare
        'cat'), never one of `apart`."""
        count = phrase.count  # None: a plural with no number
        if self.pending_count and not phrase.has_lead:
            count = min(self.pending_count, MAX_COUNT)
        self.pending_count = None
        if count is not None and count <= 0:
            self.exclude_word(phrase.name)
            return None
        if phrase.name in self.exclude:
            return None
        attributes = phrase.described.attributes()
        earlier = self.mentioned(phrase.name, attributes, apart or [])
        if earlier is None and phrase.definite:
            earlier = self.mentioned_by_head(phrase.name, attributes, apart or [])  # 'a teddy bear ... the bear'
        if earlier is None and phrase.definite and not _owned_by_pronoun(phrase):
            earlier = self.same_person(phrase.name, apart or [])  # 'A surfer ... behind the man' (not 'her baby')
            if earlier is not None and self.things[earlier].name in vocab.VAGUE_PERSON_NOUNS:
                self.things[earlier].name = phrase.name  # 'Someone is skating ... The person is wearing'
        bare = not phrase.has_lead and earlier is not None and _plural(count) == _plural(self.things[earlier].count)
        recounted = (
            earlier is not None and self.role == _SUBJECT and _same_group(count, self.things[earlier].count)
        )  # 'two dogs chasing two dogs' are four
        if earlier is not None and (phrase.definite or bare or recounted or len(self.things) >= MAX_OBJECTS):
            # 'the cat', or a bare 'person' in 'person next to light. person on sidewalk.'; a full
            # Scene takes 'a cat' as the one it has too, rather than dropping it with its relations.
            self.describe(earlier, phrase.described)
            self.last_thing, self.last_kind = earlier, "thing"
            self.recent.append(earlier)
            return earlier
        if len(self.things) >= MAX_OBJECTS:
            return None
        self.things.append(Thing(phrase.name, count, attributes, phrase.definite))
        self.last_thing, self.last_kind = len(self.things) - 1, "thing"
        owned_links.pronoun_owner(self, phrase, self.last_thing)  # type: ignore[arg-type]  # 'her hand'
        self.recent.append(self.last_thing)
        return self.last_thing

    def mentioned(self, name: str, attributes: Attributes, apart: list[int]) -> int | None:
        """The first thing named `name` already read that a new mention of it can be: their colours,
        materials and sizes agree ('the red car' is not the blue one), and one that has the words the
        mention says comes first ('Two cars. A red car ... The red car is old': the red one)."""
        able = [
            index for index, thing in enumerate(self.things)
            if thing.name == name and index not in apart and agreeing(thing.attributes, attributes)
        ]  # fmt: skip
        described = [index for index in able if _has_all(self.things[index].attributes, attributes)]
        return (described or able or [None])[0]

    def mentioned_by_head(self, name: str, attributes: Attributes, apart: list[int]) -> int | None:
        """The last thing read whose longer name ends in `name` ('teddy bear' for 'the bear'), if one does."""
        if " " in name:
            return None
        for index in reversed(self.recent):
            thing = self.things[index]
            if thing.name.endswith(f" {name}") and " of " not in thing.name and index not in apart:
                return index if agreeing(thing.attributes, attributes) else None
        return None

    def same_person(self, name: str, apart: list[int]) -> int | None:
        """The one person read so far that 'the man' or 'the person' can mean when no thing has that
        name: 'A surfer is wearing a wet suit ... the waves behind the man'. None when there are more."""
        if name not in grammar_words.PERSON_NOUNS:
            return None
        kind = _person_kind(name)
        heads = [thing.name.rsplit(" ", 1)[-1] for thing in self.things]
        people = [
            index for index, head in enumerate(heads)
            if index not in apart and head in grammar_words.PERSON_NOUNS
            and all(a == b or "" in (a, b) for a, b in zip(kind, _person_kind(head)))
        ]  # fmt: skip
        return people[0] if len(people) == 1 else None


def _owned_by_pronoun(phrase: Phrase) -> bool:
    """Whether a possessive determiner leads the phrase: 'her baby' is the owner's, so no one read before
    by another name ('a mother holding her baby' is two people)."""
    return any(item.text.lower() in owned_words.POSSESSIVE_DETERMINERS for item in phrase.chunk.lead)


def _names_a_part(noun: str) -> bool:
    """Whether a noun names a part of the thing that owns it: 'peak', 'wheel', 'tail'."""
    return noun in vocab.OWNED_PARTS or noun in grammar_words.PART_NOUNS


def _person_kind(name: str) -> tuple[str, str]:
    """(gender, age) a person noun says, '' where it says none: 'man' -> ('male', 'adult')."""
    gender = "male" if name in grammar_words.MALE_NOUNS else "female" if name in grammar_words.FEMALE_NOUNS else ""
    age = "child" if name in grammar_words.CHILD_NOUNS else "adult" if name in grammar_words.ADULT_NOUNS else ""
    return gender, age


def _same_group(count: int | None, earlier: int | None) -> bool:
    """Whether a counted mention is a group read before, said again: 'five books ... 5 books set' is one
    set of five. One thing said again ('a cat and a cat') can be a second one, so only numbers past one."""
    return count is not None and count > 1 and count == earlier


def _plural(count: int | None) -> bool:
    return count is None or count > 1


def _has_all(old: Attributes, new: Attributes) -> bool:
    """Whether a description names a colour, material or size, and `old` has each one it names."""
    pairs = ((old.color, new.color), (old.material, new.material), (old.size, new.size))
    return any(b is not None for _, b in pairs) and all(b is None or a == b for a, b in pairs)


def agreeing(old: Attributes, new: Attributes) -> bool:
    """Whether two descriptions can be of one thing: no colour, material or size says otherwise."""
    return all(a is None or b is None or a == b for a, b in (
        (old.color, new.color), (old.material, new.material), (old.size, new.size),
    ))  # fmt: skip
