"""Words that go on a name written with capitals though the tagger would not start a name with them, and
describing words written in lowercase that English capitalises ('a japanese garden').

tagging.py keeps a capitalised word inside a sentence as part of a name, but not a grammar word ('What',
'With', 'I') nor a word all in capitals ('NASA'), which are read as grammar or as signs and tags. Inside a
name written with capitals they are part of it: 'a bakery called Just What I Kneaded', 'Gone With The
Wind', 'the NASA Space Center'. The sign is the capitalised name word right after them. And the signs
of a text written in Title Case, where capitals tell no name: its first word has one, and so does every
word that names or says something.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.scene.proper_words import with_capitals

if TYPE_CHECKING:
    from limner.agents.scene.model import Attributes

# Small words that go on a name only between two of its words: 'I' has a capital everywhere, and an
# article before a name may be no part of it.
_ONLY_INSIDE = frozenset({"i", "a", "an", "the"})


def acronym_in_name(tokens: list[str], capitalised: list[bool], i: int) -> bool:
    """Whether a word in capitals opens or goes on a name written with capitals after it: 'NASA Space
    Center'. (A word in capitals alone is a sign, a shout or a tag: 'STOP', 'HDR'.)"""
    token = tokens[i]
    return len(token) > 1 and token.isalpha() and token.isupper() and i + 1 < len(tokens) and capitalised[i + 1]


def add_small_title_words(
    tokens: list[str], proper: dict[int, str], starts: set[int], small: Callable[[str], bool]
) -> None:
    """Add to `proper` (the token positions of names; `starts`, those that open a sentence) the `small`
    words a name written with capitals has inside it, which have a capital only there: 'a bakery called
    Just What I Kneaded'. 'I' goes on a name only between two of its words, and so does an article: 'Gone
    With The Wind', but 'in front of The Alamo'."""
    for i in range(len(tokens) - 2, -1, -1):
        token = tokens[i]
        if i in proper or i in starts or i + 1 not in proper or not token[0].isupper():
            continue
        inside = i - 1 not in starts and i > 0 and tokens[i - 1][0].isupper()  # 'Gone With The Wind'
        word = token.lower()
        if small(word) and (inside or word not in _ONLY_INSIDE):
            proper[i] = token


def opens_lowercase(tokens: list[str]) -> bool:
    """Whether the first word is written in lowercase, as no Title Case is: 'the Great Wall at dawn'. (A
    quoted text's stand-in, 'textquote0x', is no word of the writer's.)"""
    first = next((t for t in tokens if t[0].isalpha() and not t.startswith("textquote")), "")
    return first[:1].islower()


def plain_words(tokens: list[str], grammar: frozenset[str]) -> list[str]:
    """The lowercase words that name or say something: no grammar word, short word or number word."""
    return [
        t for t in tokens
        if t.isalpha() and t.islower() and t not in grammar and len(t) > 3 and t not in vocab.NUMBER_WORDS
    ]  # fmt: skip


def with_proper_adjectives(name: str, attributes: Attributes) -> tuple[str, Attributes]:
    """A thing's name and attributes with the describing words English capitalises written so: 'a japanese
    garden' is a 'Japanese' garden, 'a mexican man' a 'Mexican man'. A name's head keeps its case, as a
    capital there would make it a proper name ('a viking'); a describing phrase of more words keeps the
    case it was written in ('in roman numerals')."""
    others = [value if " " in value else with_capitals(value) for value in attributes.other]
    if others != attributes.other:
        attributes = attributes.model_copy(update={"other": others})
    return with_capitals(name, head=False), attributes
