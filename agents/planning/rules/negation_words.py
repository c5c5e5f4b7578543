"""The words by which a description says what is not so (negated.py): the negating words, the auxiliaries
and relative words that go with them, and the words that name nothing."""

from __future__ import annotations

# Words that negate the verb or the describing word after them.
NEGATORS = frozenset({"not", "never"})
# Auxiliaries carried by the negation: 'does not wear', 'will never smile'.
AUXILIARIES = frozenset(
    {"do", "does", "did", "will", "would", "can", "could", "should", "shall", "may", "might", "must"}
)  # fmt: skip
# Relative words that open a clause the negation may empty: 'a man who is not smiling'.
RELATIVE_WORDS = frozenset({"who", "that", "which"})
# Objects that name nothing: 'not holding anything', 'holding nothing'.
NOTHING_WORDS = frozenset({"anything", "nothing", "anyone", "anybody", "nobody", "none"})
# Words after 'nothing' that make it the start of an exception: 'wearing nothing but a towel'.
EXCEPTING_WORDS = frozenset({"but", "except", "besides", "apart", "other"})
# Degree words before a negated describing word: 'not very big', 'not too bright'.
DEGREE_WORDS = frozenset({"very", "too", "so", "quite", "really", "that", "overly", "particularly", "at", "all"})
