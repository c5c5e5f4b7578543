"""Pronoun contractions written out before tagging: "He's balancing" is "He is balancing".

Only a pronoun's contraction is read, where the meaning is plain: "'s" after a personal pronoun is
"is" ("it's orange"; "he's got" reads as "he is got", harmless for a picture), "'re" is "are", "'m"
"am", "'ve" "have" and "'ll" "will". A verb's "n't" is "not" ("isn't" is "is not", "doesn't" "does not",
"won't" "will not", "can't" "can not"; "isnt" and "doesnt" too, as typed in a chat), so the negation
reads as one (negated.py). A noun's "'s" is a possessive ("the cat's tail") and is left alone, and quoted
text ("'it's here'") is cut out before this reading sees it.
"""

from __future__ import annotations

import re

_EXPANSIONS = {"s": "is", "re": "are", "m": "am", "ve": "have", "ll": "will"}
_CONTRACTION = re.compile(
    r"\b(he|she|it|they|we|you|i|that|there|here|who|what)['\u2019](s|re|m|ve|ll)\b", re.IGNORECASE
)

# Verbs whose "n't" is written with the verb as it is ("isn't"), and those that change ("won't").
_NOT_CONTRACTION = re.compile(
    r"\b(is|are|was|were|does|do|did|has|have|had|could|would|should|must|need|might)n['\u2019]?t\b", re.IGNORECASE
)
_CHANGED_NOT = re.compile(r"\b(won|can|ain|shan)['\u2019]t\b|\b(can)(not)\b", re.IGNORECASE)
_CHANGED_VERBS = {"won": "will", "can": "can", "ain": "is", "shan": "shall"}


def written_out(text: str) -> str:
    """`text` with its pronoun and negative contractions written out, the pronoun as it was written ('They are')."""
    text = _CONTRACTION.sub(lambda m: f"{m.group(1)} {_EXPANSIONS[m.group(2).lower()]}", text)
    text = _NOT_CONTRACTION.sub(lambda m: f"{m.group(1)} not", text)
    return _CHANGED_NOT.sub(lambda m: f"{_CHANGED_VERBS[(m.group(1) or m.group(2)).lower()]} not", text)
