"""A bare noun after a verb of posture as what the verb acts on, for the rules planner's grammar (clauses.py).

Verbs such as 'lift', 'raise' or 'turn' mostly say how a body is held ('a dancer turning', 'lifting up'),
so a bare word after them is read as no object. A bare noun that is no part of a body is one though: "a
woman is lifting heavy weights" lifts the weights, "a crane raising steel beams"; "a man raising hands"
keeps the hands as his own parts.
"""

from __future__ import annotations

from limner.agents.planning.rules import verbs
from limner.agents.planning.rules import word_shapes as shapes
from limner.agents.planning.rules.grammar_words import PART_NOUNS
from limner.agents.planning.rules.phrases import take_chunk
from limner.agents.planning.rules.tagging import Item

# Verbs of posture that may also act on a thing: 'lifting weights', 'turning pages', 'crossing streets'.
_POSTURE_ACTS = frozenset(
    {"lift", "raise", "spread", "cross", "extend", "tilt", "turn", "face", "point", "reach", "stretch", "bend",
     "balance", "hang"}
)  # fmt: skip


def takes_bare_object(verb: str, items: list[Item], j: int) -> bool:
    """Whether the bare noun phrase at items[j] is what `verb`, a verb of posture, acts on (module docstring)."""
    if verb.endswith("ed") or verb in verbs.PAST_PARTICIPLES or verbs.base(verb) not in _POSTURE_ACTS:
        return False
    chunk, _ = take_chunk(items, j)
    if chunk.pronoun or chunk.verb or not chunk.words or chunk.words[0] in verbs.PARTICLES:
        return False
    head = chunk.words[-1].lower()
    return shapes.may_be_noun(head) and head not in PART_NOUNS and head.rstrip("s") not in PART_NOUNS
