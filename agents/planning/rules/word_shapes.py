"""Word shapes: whether one word of a noun phrase names, describes or acts, from the word tables and its ending.

The rules planner knows no class list of nouns: a word names a thing unless a table or its shape says
it describes ('-ous', '-ful', 'snow-capped', '1950s'), acts ('swooping', 'covered') or is an adverb
('brightly'). Chunking (chunks.py) and classifying (phrases.py) both ask these questions.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, setting_words
from limner.agents.planning.rules import vocabulary as vocab

# Words that say a colour word before them is a colour: 'a white color surface', 'black colored border'.
COLOUR_WORDS = frozenset({"color", "colour", "colored", "coloured", "colors", "colours", "shade", "tone", "toned"})


def looks_like_participle(word: str) -> bool:
    """'swooping', 'covered' (but not 'building', 'bed' or 'speed')."""
    if len(word) <= 4 or "-" in word or word in vocab.STATES:
        return False
    if word.endswith("ing"):
        return word not in grammar_words.NOUNS_ENDING_ING
    return word.endswith("ed") and word not in grammar_words.NOUNS_ENDING_ED and not word.endswith(("bed", "eed"))


def may_be_noun(word: str) -> bool:
    """A quick test of whether a word could name the thing (it is no known describing word)."""
    return not (
        word in vocab.INTENSIFIERS or word in vocab.NOT_NOUNS or word in vocab.STATES or word in vocab.OTHER_ADJECTIVES or word in vocab.KIND_ADJECTIVES
        or word in vocab.SIZES or word in vocab.MATERIALS or colour_of(word) is not None
        or word in setting_words.STYLE_WORDS or is_adverb(word) or compared(word)
    )  # fmt: skip


def compared(word: str) -> bool:
    """'darker', 'smaller', 'biggest', 'prettier': a comparative or superlative of a describing word."""
    if word in vocab.NOUNS_LIKE_COMPARATIVES:
        return False  # 'a vacuum cleaner'
    for ending in ("est", "er"):
        if len(word) > len(ending) + 2 and word.endswith(ending):
            stem = word[: -len(ending)]
            bases = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem}
            if stem[-1] == stem[-2]:
                bases.add(stem[:-1])  # 'bigger'
            return any(b in _COMPARABLE for b in bases)
    return False


def colour_of(word: str) -> str | None:
    """The colour a single word names ('golden' -> 'gold', 'dark-red' -> 'dark red'), or None."""
    if word in vocab.COLORS:
        return "gold" if word == "golden" else word
    if word in vocab.COLOR_SYNONYMS:
        return vocab.COLOR_SYNONYMS[word]
    if "-" in word:
        parts = word.split("-")
        if parts[-1] in ("colored", "coloured", "toned", "tinted", "hued") and len(parts) == 2:
            return colour_of(parts[0])
        shades = vocab.COLORS | vocab.COLOR_MODIFIERS | {"and"}
        if parts[-1] in vocab.COLORS and all(p in shades for p in parts):
            return " ".join(parts)  # 'dark-red', 'black-and-white'
    return None


def is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in vocab.LY_NOT_ADVERBS


def adverb_before(word: str) -> bool:
    """Whether an -ly word before `word` (or ending the phrase) is an adverb: it names nothing then."""
    return not word or describes(word)


def describes(word: str) -> bool:
    """Whether a word describes rather than names, so an -ly word before it is an adverb."""
    return bool(word) and (not may_be_noun(word) or word.endswith(("ed", "ing")))


def describes_by_shape(word: str) -> bool:
    """A word before a noun that describes it by its ending: 'covered', 'zombified', 'inflatable'."""
    if len(word) <= 5 or word in grammar_words.NOUNS_ENDING_ED or word in vocab.ABLE_NOUNS:
        return False
    if word.endswith("ed"):
        return not word.endswith(("bed", "eed")) and may_be_noun(word)
    return word.endswith(("able", "ible"))


def looks_descriptive(word: str) -> bool:
    """Adjectives recognised by shape: 'snow-capped', 'beautiful', 'enormous', '1950s'."""
    if "-" in word:
        return word.endswith(vocab.DESCRIPTIVE_HYPHEN_ENDINGS)
    if word[0].isdigit():
        return True  # '1950s', '8k', '1997'; a name may hold digits after a letter: 'c3po', 'r2d2'
    if word.endswith("ful") and word not in vocab.MEASURE_NOUNS_ENDING_FUL:
        return len(word) > 5
    return len(word) > 6 and word.endswith(("ous", "less", "esque", "istic", "ical", "etic", "atic", "eric", "ific"))


# Describing words whose comparatives describe too ('darker spots', 'a smaller giraffe').
_COMPARABLE = vocab.OTHER_ADJECTIVES | vocab.SIZES | vocab.KIND_ADJECTIVES | vocab.STATES
