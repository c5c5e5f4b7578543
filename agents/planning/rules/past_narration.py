"""Verbs told in the past or after a collective, rewritten into the -ing form the grammar reads as a verb.

A description told as a story ('the dog chased the cat until it climbed a tree', 'a girl who fed the
ducks', 'a boy threw a ball to his dog') shows what is done as if it is being done: a past form right
after its subject (a noun, a subject pronoun or 'who') is read in its -ing form when what it acts on
follows (an article, a pronoun, a number; or a particle first: 'picked up a ball'), and a past form of
motion or posture when a preposition follows too ('a boy jumped into a pool', 'a cat sat on the mat'),
or nothing it acts on ('a baby cried', 'the dog ran away').
A past form after 'and' goes on with the verb read before it ('picked up a ball and threw it').

Participles stay as they are: before a noun ('a painted fence'), after a copula ('the door is closed'),
after a noun phrase that follows 'with' ('with her arms crossed over a book'),
before a preposition when the verb moves nothing ('a man dressed in black', 'a cake topped with
cherries'), before a colour ('a wall painted a pale blue') or a name ('a photo titled the ...').

A verb in -s after the plural that a collective counts ('a group of dancers performs on stage', 'a flock
of birds flies south') is what they do, though a plural takes no -s: it is read in its -ing form too.
`narrated` rewrites the tagged items before the grammar reads them (reading.py).
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, verbs
from limner.agents.planning.rules import past_form_words as words
from limner.agents.planning.rules import word_shapes as shapes
from limner.agents.planning.rules.tagging import (
    AND,
    BY,
    CLAUSE,
    COMMA,
    DET,
    IN,
    NUM,
    OF,
    PREP,
    PRON,
    PROPER,
    QUANT,
    REL,
    STOP,
    WITH,
    WORD,
    Item,
)
from limner.agents.planning.rules.vocabulary import COLLECTIVE_NOUNS
from limner.agents.scene.english import singularize
from limner.agents.scene.predicates import participle

_PREPOSITIONS = frozenset({REL, IN, PREP})
_CLAUSE_ENDS = frozenset({STOP, COMMA, AND})
_PLACE_WORDS = frozenset({REL, IN, PREP, BY})  # 'sat by the fire'; after a verb that moves, 'by' is no doer
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_RELATIVES = frozenset({"who", "that", "which"})
_OBJECT_PRONOUNS = frozenset({"it", "him", "her", "them", "me", "us", "you", "itself", "himself", "herself"})


def narrated(items: list[Item]) -> list[Item]:
    """The items with past forms that act read as verbs in -ing ('chased' -> 'chasing') and a verb in -s
    after a collective's plural likewise ('performs' -> 'performing')."""
    out: list[Item] = []
    told = False  # a past form was read as a verb in this sentence: one after 'and' goes on with it
    for i, item in enumerate(items):
        if item.kind == STOP:
            told = False
        acting = _past_acting(items, i, told)
        if acting is None:
            acting = _collective_acting(items, i)
        if acting is None:
            out.append(item)
            continue
        told = True
        out.append(Item(WORD, acting, item.value))
    return out


def _past_acting(items: list[Item], i: int, told: bool) -> str | None:
    """The -ing form of the past form at items[i] when it is what its subject did (the module docstring)."""
    item = items[i]
    word = item.text
    if item.kind != WORD or item.value == PROPER or i == 0:
        return None
    acting, moves = _ing_form(word)
    if acting is None or not _subject_before(items, i, told):
        return None
    following = items[i + 1] if i + 1 < len(items) else Item(STOP, ".")
    if _object_at(items, i + 1):
        return acting  # 'chased the cat', 'fed three ducks', 'kicked it'
    particle = following.text in verbs.OBJECT_PARTICLES and verbs.base(acting) not in verbs.POSTURE_VERBS
    if particle and _object_at(items, i + 2):
        return acting  # 'picked up a ball'
    if moves and following.kind in _PLACE_WORDS and i + 2 < len(items):
        return acting  # 'jumped into a pool', 'sat on the mat'
    if moves and (following.kind in _CLAUSE_ENDS or _how(following)):
        return acting  # 'a baby cried.', 'the dog ran away', 'a horse galloped wildly'
    return None


def _how(item: Item) -> bool:
    """Whether a word after a verb says how or where it is done: 'away', 'wildly'."""
    return item.kind == WORD and (item.text in verbs.PARTICLES or shapes.is_adverb(item.text))


def _ing_form(word: str) -> tuple[str | None, bool]:
    """The -ing form of a past form and whether it acts before a preposition too; (None, False) for a word
    that is no past form of a verb that acts ('bed', 'named', 'seen')."""
    if word in words.SIMPLE_PASTS:
        return words.SIMPLE_PASTS[word], True
    if word in words.POSTURE_PASTS:
        return words.POSTURE_PASTS[word], True
    if word in words.SHARED_PASTS:
        return words.SHARED_PASTS[word], False
    if len(word) <= 4 or not word.endswith("ed") or word.endswith("eed") or "-" in word:
        return None, False
    if word in grammar_words.NOUNS_ENDING_ED or (word.endswith("bed") and not word.endswith(("bbed", "mbed"))):
        return None, False  # 'a seabed' (but 'climbed', 'grabbed')
    if word in verbs.EMPTY_VERBS or word in words.NAMING_PARTICIPLES or word in verbs.PAST_PARTICIPLES:
        return None, False
    stem = word[:-2]
    if stem.endswith("i") and len(stem) > 2:
        stem = stem[:-1] + "y"  # 'carried' -> 'carrying'
    bases = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return stem + "ing", not bases.isdisjoint(words.MOVING_PAST_VERBS)


def _subject_before(items: list[Item], i: int, told: bool) -> bool:
    """Whether items[i] follows its subject: a noun phrase's noun, a subject pronoun, 'who' or 'which'
    after a noun; or 'and' after a past form read as a verb in the same sentence."""
    before = items[i - 1]
    if before.kind == PRON:
        return before.text.lower() in _SUBJECT_PRONOUNS
    if before.kind == CLAUSE:
        return before.text.lower() in _RELATIVES and i > 1 and items[i - 2].kind == WORD
    if before.kind == AND:
        return told
    if before.kind != WORD:
        return False
    if _after_with(items, i - 1):
        return False  # 'with her arms crossed', 'with their weight rested on both elbows': how they are
    noun = before.text.lower()
    return before.value == PROPER or (
        shapes.may_be_noun(noun)
        and not shapes.looks_like_participle(noun)
        and noun not in grammar_words.VERBS
        and noun not in verbs.PARTICLES
        and not shapes.looks_descriptive(noun)
    )


def _after_with(items: list[Item], k: int) -> bool:
    """Whether the noun phrase ending at items[k] follows 'with'."""
    while k >= 0 and items[k].kind in (WORD, DET, NUM, QUANT):
        k -= 1
    return k >= 0 and items[k].kind == WITH


def _object_at(items: list[Item], j: int) -> bool:
    """Whether a noun phrase that a verb acts on starts at items[j]: an article or a number before more
    than colour words ('a ball', 'the cat', 'three ducks'; not 'a bright red'), a pronoun, or 'some of'."""
    if j >= len(items):
        return False
    item = items[j]
    if item.kind == PRON:
        return item.text.lower() in _OBJECT_PRONOUNS
    if item.kind == QUANT:
        return j + 1 < len(items) and items[j + 1].kind in (WORD, DET, OF)
    if item.kind not in (DET, NUM):
        return False
    k = j + 1
    named: list[str] = []
    while k < len(items) and items[k].kind == WORD:
        named.append(items[k].text.lower())
        k += 1
    coloured = all(shapes.colour_of(w) or w in shapes.COLOUR_WORDS or not shapes.may_be_noun(w) for w in named)
    return bool(named) and not coloured


def _collective_acting(items: list[Item], i: int) -> str | None:
    """The -ing form of a verb in -s right after the plural a collective counts ('a group of dancers
    performs on stage'), when what follows is where or what it acts on, or the end of the clause."""
    item = items[i]
    word = item.text.lower()
    if item.kind != WORD or item.value == PROPER or len(word) <= 3 or not word.endswith("s"):
        return None
    if word.endswith(("ss", "us", "is", "'s")) or i < 3 or items[i - 1].kind != WORD:
        return None
    plural = items[i - 1].text.lower()
    if singularize(plural) == plural or not _after_collective(items, i - 1):
        return None
    following = items[i + 1] if i + 1 < len(items) else None
    ends = following is None or following.kind in (STOP, COMMA, AND)
    acts = following is not None and (
        following.kind in (*_PREPOSITIONS, DET, PRON, NUM)
        or (following.kind == WORD and (shapes.is_adverb(following.text) or following.text in verbs.PARTICLES))
    )
    return participle(_base_of_s(word)) if ends or acts else None


def _base_of_s(word: str) -> str:
    """'performs' -> 'perform', 'flies' -> 'fly', 'marches' -> 'march', 'grazes' -> 'graze'."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return word[:-2]
    return word[:-1]


def _after_collective(items: list[Item], k: int) -> bool:
    """Whether the noun phrase ending at items[k] follows 'of' after a collective noun ('a flock of birds')."""
    while k >= 0 and items[k].kind in (WORD, DET, NUM):
        k -= 1
    return (
        k >= 1 and items[k].kind == OF and items[k - 1].kind == WORD and items[k - 1].text.lower() in COLLECTIVE_NOUNS
    )
