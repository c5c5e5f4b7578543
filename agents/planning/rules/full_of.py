"""What 'full of' says, for the rules planner's grammar (grammar.py reads it through attributes.py).

A thing full of marks or gaps in itself ('a sock full of holes', 'a wall full of cracks') or of a quality
('a garden full of life') is in that state: 'full of holes' is how it looks, and neither a thing of its
own nor a full sock. A thing full of other things ('a room full of people', 'the glass is full of water')
is full, and holds them: they are things of their own, inside it, as in 'a box full of toys'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.clauses import VERB_OBJECT
from limner.agents.planning.rules.full_of_words import FULL_OF_STATES, FULLNESS_WORDS
from limner.agents.planning.rules.phrases import analyse, take_chunk
from limner.agents.planning.rules.tagging import WORD, Item
from limner.agents.scene.english import singularize

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def after_full(reading: Reading, items: list[Item], i: int) -> int | None:
    """Read 'full of ...' at the 'of' at items[i]; the index of the next item to read, or None when the
    words there are no 'full of' the planner reads this way (grammar.py reads them then)."""
    if i == 0 or items[i - 1].kind != WORD or items[i - 1].text.lower() not in FULLNESS_WORDS:
        return None
    full = items[i - 1].text.lower()
    targets = _full_things(reading, full)
    if not targets:
        return None
    chunk, after = take_chunk(items, i + 1)
    if chunk.lead or chunk.pronoun or chunk.verb or not chunk.words or chunk.proper:
        return None
    phrase = analyse(chunk, followed_by_of=False)
    if phrase.kind not in ("thing", "loose", "filler"):
        return None
    if singularize(chunk.words[-1].lower()) in FULL_OF_STATES:
        state = f"{full} of {' '.join(chunk.words)}"
        for index in targets:
            _now_full_of(reading, index, full, state)
        return after
    if phrase.kind != "thing":
        return None
    # 'a room full of people': the people are in the room, which goes on being the subject
    reading.relation, reading.relation_subjects, reading.role = "contains", list(targets), VERB_OBJECT
    reading.held = list(reading.group)
    reading.chunk_thing = None
    return i + 1


def _full_things(reading: Reading, full: str) -> list[int]:
    """The things just said to be full: of the sentence's subjects, or else the last thing read."""
    candidates = list(reading.group) or ([reading.last_thing] if reading.last_thing is not None else [])
    return [k for k in candidates if full in reading.things[k].attributes.described()]


def _now_full_of(reading: Reading, index: int, full: str, state: str) -> None:
    """The thing's 'full' (its state, or among its other words) becomes what it is full of."""
    attrs = reading.things[index].attributes
    if attrs.state == full:
        reading.things[index].attributes = attrs.model_copy(update={"state": state})
    else:
        others = [state if w == full else w for w in attrs.other]
        reading.things[index].attributes = attrs.model_copy(update={"other": others})
