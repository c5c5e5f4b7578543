"""What a pronoun refers to: the last thing read that it can mean, not simply the last noun.

The rules, over the things in the order they were last mentioned (latest first):

- "he", "him", "himself": opening a sentence, the first male person the sentence before was about ("A
  man and his son. He ...": the man); else the last male person ("man", "boy", "king"), else the last
  person who is not female, else the subject of the sentence being read ("a teddy bear in front of a
  lake with a castle behind him"), else that of the sentence before ("A beaver in a tie. He ..."), else
  the last thing;
- "she", "her", "herself": as "he", the first female person the sentence before was about, else the
  last female person ("woman", "girl", "queen"), else the last person who is not male, else the subject
  of the sentence being read or of the one before, else the last thing;
- "it", "itself": opening a sentence, the subject of the sentence before when that is no person ("A map
  of Europe made of sushi. It is on a table": the map); else the last thing that is not a person (an
  animal or an object), a single one before a plural one, else the last thing;
- "everyone", "everybody": the last group of people, else the last person;
- "they", "them", "themselves": the last plural thing ("two dogs"; after a word of place, the last
  plural thing that can act: "two men on chairs and a table in front of them"), else the subjects of the sentence
  read so far when there are two or more ("a cat and a dog on a rug, and they are asleep"), else those
  of the last sentence ("a cat and a dog. They ..."), else the last person, else the last thing.

A thing is a person when the last word of its name is in PERSON_NOUNS (grammar_words.py), a list
kept as data: words like "-er" nouns are not guessed ("a poster" is not a person). "his", "her",
"its" and "their" before a noun are read as determiners ("his hat"), not resolved here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from limner.agents.planning.rules.grammar_words import ANIMAL_NOUNS, FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS
from limner.agents.scene.english import singularize_name

_MALE_PRONOUNS = frozenset({"he", "him", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "themselves"})
_EVERYONE = frozenset({"everyone", "everybody"})
THING_PRONOUNS = frozenset({"it", "itself", "them"})


class _Named(Protocol):
    name: str
    count: int | None  # None: some, more than one


def head(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def is_person(name: str) -> bool:
    return head(name) in PERSON_NOUNS


def can_act(name: str) -> bool:
    """Whether a thing can do what a verb says: a person, an animal or a robot ('a dog sitting', 'ducks')."""
    last = head(name).lower()
    return last in PERSON_NOUNS or last in ANIMAL_NOUNS or singularize_name(last) in ANIMAL_NOUNS


def resolve(
    pronoun: str,
    things: Sequence[_Named],
    recent: Sequence[int],
    last_group: Sequence[int],
    *,
    opening: bool = False,
    current: Sequence[int] = (),
    place: bool = False,
) -> list[int]:
    """The indices in `things` that `pronoun` refers to; `recent` lists indices by last mention, latest
    last, `last_group` is the subjects of the sentence before and `current` those of the sentence being
    read. A pronoun `opening` a sentence ("It is on a table") keeps to the subject of the sentence before
    when it can mean it; "them" after a word of `place` ("a table in front of them") means those who can
    act first. Empty when nothing has been read."""
    order = list(dict.fromkeys(reversed(recent)))  # latest mention first, each thing once
    if not order:
        return []

    def first(*tests: Callable[[_Named], bool]) -> list[int]:  # the first test any thing passes
        for test in tests:
            for index in order:
                if test(things[index]):
                    return [index]
        return [order[0]]

    word = pronoun.lower()
    subject = [i for i in last_group if 0 <= i < len(things)][:1]  # 'A beaver wearing a tie. He ...'
    # 'a teddy bear in front of a lake with a castle behind him': the one the sentence is about
    own = [i for i in current if 0 <= i < len(things)][:1] if word not in _PLURAL_PRONOUNS else []
    about = [lambda t, i=i: t is things[i] for i in own + subject]
    # opening a sentence, the first the sentence before was about: 'A man and his son. He is teaching him'
    said = [i for i in last_group if 0 <= i < len(things)] if opening else []
    if word in _MALE_PRONOUNS:
        return _first_of(said, things, MALE_NOUNS) or first(
            lambda t: head(t.name) in MALE_NOUNS,
            lambda t: is_person(t.name) and head(t.name) not in FEMALE_NOUNS,
            *about,
        )
    if word in _FEMALE_PRONOUNS:
        return _first_of(said, things, FEMALE_NOUNS) or first(
            lambda t: head(t.name) in FEMALE_NOUNS,
            lambda t: is_person(t.name) and head(t.name) not in MALE_NOUNS,
            *about,
        )
    if word in _EVERYONE:  # 'few men playing with a ball. Everyone is running': the men
        people = [index for index in order if is_person(things[index].name)]
        return [i for i in people if is_plural(things[i].count)][:1] or people[:1]
    if word in _PLURAL_PRONOUNS:
        if opening and subject and is_plural(things[subject[0]].count):
            return subject  # 'Kids playing with balloons. They are laughing': the kids, as 'it' keeps to its subject
        plural = [index for index in order if is_plural(things[index].count)]
        acting = [index for index in plural if can_act(things[index].name)] if place else []
        if plural:
            return (acting or plural)[:1]  # 'two men on chairs, a table in front of them': the men
        if len(current) > 1:
            return list(current)  # 'a boy and a girl on a bench, and they are smiling': both
        if len(last_group) > 1:
            return list(last_group)
        return first(lambda t: is_person(t.name))
    kept = [lambda t: t is things[subject[0]] and not is_person(t.name)] if subject and opening else []
    return first(*kept, lambda t: not is_person(t.name) and t.count == 1, lambda t: not is_person(t.name))


def _first_of(indices: Sequence[int], things: Sequence[_Named], nouns: frozenset[str]) -> list[int]:
    """The first of `indices` whose name's head is one of `nouns`, as a list; empty when none is."""
    return next(([i] for i in indices if head(things[i].name) in nouns), [])


def is_plural(count: int | None) -> bool:
    return count is None or count > 1
