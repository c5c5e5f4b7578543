"""Pronoun contractions written out before tagging: "He's balancing" is "He is balancing".

Only a pronoun's contraction is read, where the meaning is plain: "'s" after a personal pronoun is
"is" ("it's orange"; "he's got" reads as "he is got", harmless for a picture), "'re" is "are", "'m"
"am", "'ve" "have" and "'ll" "will". A noun's "'s" is a possessive ("the cat's tail") and is left alone,
and quoted text ("'it's here'") is cut out before this reading sees it.
"""

from __future__ import annotations

import re

_EXPANSIONS = {"s": "is", "re": "are", "m": "am", "ve": "have", "ll": "will"}
_CONTRACTION = re.compile(
    r"\b(he|she|it|they|we|you|i|that|there|here|who|what)['\u2019](s|re|m|ve|ll)\b", re.IGNORECASE
)


def written_out(text: str) -> str:
    """`text` with its pronoun contractions written out, the pronoun as it was written ('They are')."""
    return _CONTRACTION.sub(lambda m: f"{m.group(1)} {_EXPANSIONS[m.group(2).lower()]}", text)
