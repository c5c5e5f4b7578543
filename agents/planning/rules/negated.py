"""What a description says a thing does not do or is not, rewritten before the grammar reads it.

'a cat not wearing a hat', 'a man who does not wear glasses': a negated verb with an object is 'without'
the object, so the object is excluded (no hat drawn, and the checks ask that there is none) and the verb is
never asserted. 'a woman who is not smiling', 'a car that is not red', 'a dog not on a leash': a negated
action, describing word or relation with no object is simply not drawn, so nothing false is claimed. The
relation of a negated verb is not drawn either ('a cat not sleeping on a bed' is a cat and a bed, apart).
The auxiliary before the negation ('does', 'is') goes with it, and so does the relative word that opened the
clause ('who', 'that'). 'with nothing on it' says the thing is empty; 'holding nothing' is dropped.

`unsaid` runs over the tagged items (tagging.py) before grammar.py reads them; 'not' before a noun phrase
('a cat, not a dog') and 'no'/'without' are left to the grammar, which excludes what follows them.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, verbs
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.negation_words import (
    AUXILIARIES,
    DEGREE_WORDS,
    EXCEPTING_WORDS,
    NEGATORS,
    NOTHING_WORDS,
    RELATIVE_WORDS,
)
from limner.agents.planning.rules.tagging import (
    ADV,
    CLAUSE,
    COMMA,
    COP,
    DET,
    IN,
    NEG,
    NUM,
    PREP,
    PRON,
    QUANT,
    REL,
    WITH,
    WORD,
    Item,
)

DESCRIBING_WORDS = (
    vocab.COLORS
    | vocab.STATES
    | vocab.SIZES
    | vocab.OTHER_ADJECTIVES
    | vocab.KIND_ADJECTIVES
    | frozenset(vocab.MATERIALS)
)
# The state of a thing 'with nothing on it' or 'in it'.
EMPTY = "empty"

_OBJECT_STARTS = frozenset({DET, NUM, QUANT})
_RELATION_KINDS = frozenset({REL, PREP, IN})


def unsaid(items: list[Item]) -> list[Item]:
    """`items` with negated verbs, describing words and relations taken out (objects made 'without')."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        negated = _negation_at(items, i)
        found = negated or _nothing_at(items, i)
        if found is None:
            out.append(items[i])
            i += 1
            continue
        written, i = found
        if negated:
            _drop_lead(out)
        out += written
    return out


def _negation_at(items: list[Item], i: int) -> tuple[list[Item], int] | None:
    """What 'not' or 'never' at i and the words it negates become, and the index after them."""
    if items[i].kind != NEG or items[i].text not in NEGATORS or i + 1 >= len(items):
        return None
    after_auxiliary = (i > 0 and items[i - 1].text in AUXILIARIES) or items[i].text == "never"
    following = items[i + 1]
    if following.kind == WITH:
        return _negated_verb(items, i + 2)  # 'a kid who does not have shoes'
    if following.kind in _RELATION_KINDS:
        return [], _phrase_end(items, i + 2)  # 'a dog not on a leash'
    if following.kind != WORD:
        return None  # 'a cat, not a dog': excluded by the grammar
    j = i + 1
    while j < len(items) and items[j].kind == WORD and items[j].text in DEGREE_WORDS:
        j += 1
    if j < len(items) and items[j].kind == WORD and _verb(items[j].text, after_auxiliary):
        return _negated_verb(items, j + 1)  # 'not wearing a hat', 'not sleeping on a bed'
    if j < len(items) and items[j].kind == WORD and items[j].text in DESCRIBING_WORDS:
        return [], _describing_end(items, j)  # 'a car that is not red', 'not very big'
    return None


def _negated_verb(items: list[Item], j: int) -> tuple[list[Item], int]:
    """A negated verb ending before j: its object, if any, is what the subject is without."""
    if j < len(items) and items[j].kind == IN and _describing_end(items, j + 1) > j + 1:
        j += 1  # 'not dressed in black': the colour is no object
    if j < len(items) and items[j].kind == WORD and items[j].text in DESCRIBING_WORDS:
        return [], _describing_end(items, j)  # 'not painted red'
    if j < len(items) and items[j].kind == WORD and items[j].text in NOTHING_WORDS:
        return [], j + 1  # 'not holding anything'
    if j < len(items) and (items[j].kind in _OBJECT_STARTS or _object_word(items[j])):
        return [Item(NEG, "without")], j  # 'not wearing a hat'
    if j < len(items) and (items[j].kind == REL or items[j].text in verbs.MOTION_PREPOSITIONS):
        return [Item(COMMA, ",")], j + 1  # 'a trophy that does not fit into a suitcase': both, apart
    return [], j  # 'not smiling', 'not smiling in a park'


def _describing_end(items: list[Item], j: int) -> int:
    """The index after the describing words that start at j ('red', 'very big')."""
    while j < len(items) and items[j].kind == WORD and items[j].text in DEGREE_WORDS | DESCRIBING_WORDS:
        j += 1
    return j


def _nothing_at(items: list[Item], i: int) -> tuple[list[Item], int] | None:
    """'with nothing on it' (the thing is empty), 'holding nothing' (dropped)."""
    if i + 1 >= len(items) or items[i + 1].kind != WORD or items[i + 1].text != "nothing":
        return None
    after = items[i + 2] if i + 2 < len(items) else None
    if after is not None and after.text in EXCEPTING_WORDS:
        return None  # 'wearing nothing but a towel'
    if items[i].kind == WITH:
        if after is not None and after.kind in _RELATION_KINDS:
            end = _phrase_end(items, i + 3)
            emptied = end == i + 4 and items[i + 3].kind == PRON  # 'on it', 'in them': the thing itself
            return ([Item(ADV, EMPTY)] if emptied else []), end
        return [], i + 2
    if items[i].kind == WORD and _verb(items[i].text, after_auxiliary=False):
        return [], i + 2
    return None


def _verb(word: str, after_auxiliary: bool) -> bool:
    """Whether `word` is a verb here: a known verb form, a word in -ing or -ed, or a bare word after 'does'."""
    if word in grammar_words.NOUNS_ENDING_ING and word not in grammar_words.GERUND_VERBS:
        return False
    participle = len(word) > 4 and word.endswith(("ing", "ed"))
    return word in grammar_words.VERBS or participle or after_auxiliary


def _object_word(item: Item) -> bool:
    """Whether a bare word after a verb is its object ('wear glasses'), not a way of doing it ('smile widely')."""
    return item.kind == WORD and not item.text.endswith("ly") and item.text not in grammar_words.VERBS


def _phrase_end(items: list[Item], j: int) -> int:
    """The index after the noun phrase that starts at j ('a leash', 'the red car', 'it')."""
    while j < len(items) and items[j].kind in (DET, NUM, QUANT, WORD, PRON):
        j += 1
    return j


def _drop_lead(out: list[Item]) -> None:
    """Drop the auxiliary and the relative word before a negation: 'who does not', 'that is not'."""
    if out and (out[-1].kind == COP or out[-1].text in AUXILIARIES):
        out.pop()
    if out and out[-1].kind in (CLAUSE, DET) and out[-1].text in RELATIVE_WORDS and len(out) > 1:
        out.pop()
