"""Prepositions of motion and source as relations, for the rules planner's reading (reading.py rewrites the
tagged items with them).

'out of', 'out from' and 'off' before a noun phrase are one relation word each, which a verb of motion
before them joins ('a cat peeking out of a bag': peeking out of it; 'a dog jumping off a dock': jumping off
it) and which, after a verb's object, say where that object goes ('a baker pulling bread out of an oven':
the bread, out of the oven). Read apart, 'out' would be a particle of the verb and 'of' would make the thing
before it a part of the next ('the cat of a bag').

'from' after a verb's object says where something was: the object, after a verb of taking ('a firefighter
rescuing a cat from a tree': the cat is in the tree), or the doer, after a verb done from where one stands
('a fisherman throwing a net from a boat': the fisherman is on the boat); after a verb and its particle it
is one relation with both ('a plane taking off from a runway'). Which of 'in' and 'on' the source
takes is the source's (motion_words.py). A person is no source of place ('buying bread from a baker').
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, motion_words, verbs
from limner.agents.planning.rules.chunks import take_chunk
from limner.agents.planning.rules.tagging import (
    DET,
    NUM,
    OF,
    PHRASE_START,
    PREP,
    QUANT,
    REL,
    WORD,
    Item,
    rewrite_runs,
)

# What may stand between a verb and 'from': the verb's object ('rescuing a small cat').
_OBJECT_KINDS = frozenset({DET, NUM, QUANT, WORD})
_LEADS = frozenset({DET, NUM, QUANT})  # 'an off white dress': 'off' after an article describes
# Particles of a verb's action after which 'from' joins both: 'taking off from', 'jumping down from'.
_PARTICLES_BEFORE_FROM = frozenset({"off", "down", "up", "out", "away", "back"})
_NO_PLACE_SOURCES = grammar_words.PERSON_NOUNS | grammar_words.ANIMAL_NOUNS | {"afar", "memory", "scratch", "above"}


def motion_relations(items: list[Item]) -> list[Item]:
    """The items with 'out of', 'out from', 'off' and a verb object's 'from' written as relation items."""
    return rewrite_runs(items, _relation_at)


def _relation_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    item = items[i]
    if item.kind != PREP or item.text not in ("out", "off", "from"):
        return None
    if item.text == "out" and i + 2 < len(items) and _place_follows(items, i + 2, motion_words.OUT_OF_STATES):
        if items[i + 1].kind == OF:  # 'peeking out of a bag'
            return i + 2, [Item(REL, "out of", "out of")]
        if items[i + 1].kind == PREP and items[i + 1].text == "from":  # 'peeking out from the branches'
            return i + 2, [Item(REL, "out from", "out from")]
    if item.text == "off" and _place_follows(items, i + 1, motion_words.OFF_STATES):
        if not i or items[i - 1].kind not in _LEADS and not _verb_of_particle(items[i - 1]):
            return i + 1, [Item(REL, "off", "off")]  # 'jumping off a dock', 'wiping sweat off his face'
    if item.text == "from":
        return _after_particle(items, i) or _source_at(items, i)
    return None


def _after_particle(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """'from' after a verb and its particle, one relation with both: 'a plane taking off from a runway', 'a
    cat jumping down from a wall' (the particle made the verb's action, which 'from' alone would not join)."""
    if i < 2 or i + 1 >= len(items) or items[i + 1].kind not in PHRASE_START:
        return None
    verb, particle = items[i - 2], items[i - 1]
    if verb.kind != WORD or not verb.text.endswith("ing") or verb.text in grammar_words.NOUNS_ENDING_ING:
        return None
    if particle.kind not in (PREP, WORD) or particle.text not in _PARTICLES_BEFORE_FROM:
        return None
    return i + 1, [Item(REL, "from", f"{verb.text} {particle.text} from")]


def _verb_of_particle(item: Item) -> bool:
    """Whether the word before 'off' is a verb that takes it as a particle before its object ('taking off his
    hat', 'showing off a tattoo'): any verb but one of motion ('jumping off a dock')."""
    word = item.text
    if item.kind != WORD or word in grammar_words.NOUNS_ENDING_ING:
        return False
    verb = word.endswith(("ing", "ed")) and len(word) > 4 or word in grammar_words.VERBS
    stem = verbs.base(word) if word.endswith("ing") else word[:-2] if word.endswith("ed") else word
    moving = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem} & motion_words.OFF_MOTIONS
    return verb and not moving


def _place_follows(items: list[Item], j: int, states: frozenset[str]) -> bool:
    """Whether a noun phrase that names a place, not a state ('out of focus'), starts at items[j]."""
    if j >= len(items) or items[j].kind not in PHRASE_START:
        return False
    chunk, _ = take_chunk(items, j)
    return not (chunk.words and chunk.words[0] in states)


def _source_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """The relation 'from' at items[i] stands for after a verb's object: from the source, the object was
    in or on it (a verb of taking) or the doer is in or on it (a verb done from where one stands)."""
    verb = _verb_before_object(items, i)
    if verb is None or i + 1 >= len(items) or items[i + 1].kind not in PHRASE_START:
        return None
    chunk, _ = take_chunk(items, i + 1)
    if not chunk.words or chunk.verb:
        return None
    source = chunk.words[-1]
    if source in _NO_PLACE_SOURCES or source[:1].isdigit() or source.endswith("s") and source[:-1].isdigit():
        return None  # 'buying bread from a baker', 'records from the 1970s'
    place = _source_place(source)
    if verb in motion_words.TAKING_VERBS:
        return i + 1, [Item(REL, "from", place)]  # the object was there ('from' moves it: verbs.py)
    return i + 1, [Item(REL, place, place)]  # the doer is there


def _verb_before_object(items: list[Item], i: int) -> str | None:
    """The verb of taking or of standing whose object ends right before items[i], if there is one: not a
    plural noun after an article ('the waves'), nor a word before another verb ('waves crashing from')."""
    k = i - 1
    while k >= 0 and items[k].kind in _OBJECT_KINDS:
        word = items[k].text
        if items[k].kind == WORD and word.endswith("ing") and word not in grammar_words.NOUNS_ENDING_ING:
            if word in motion_words.TAKING_VERBS or word in motion_words.STANDING_VERBS:
                return word if k < i - 1 else None
            return None  # 'waves crashing from the cliffs': the object of no verb of the lists
        named = word in motion_words.TAKING_VERBS or word in motion_words.STANDING_VERBS
        if items[k].kind == WORD and k < i - 1 and named and not _base_form(word):
            return None if k and items[k - 1].kind in _LEADS else word
        k -= 1
    return None


def _base_form(word: str) -> bool:
    """Whether a verb is written in its base form, which as often names a thing ('a pick', 'a wave')."""
    return not word.endswith(("ing", "s"))


def _source_place(source: str) -> str:
    """'on' for a source one stands or lies on ('a shelf', 'a boat'), else 'in' ('a tree', 'an oven')."""
    return "on" if source in motion_words.ON_SOURCES else "in"
