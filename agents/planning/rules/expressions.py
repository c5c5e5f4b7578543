"""A face's look as the state of the one wearing it, for the rules planner's grammar (narration.py calls it).

'a man with a worried look on his face', 'a girl with a big smile', 'a woman with a look of surprise': the
look, the smile and the face named with them are no things of their own; they say how the one wearing
them feels ('worried', 'smiling', 'surprised'). The items say it as state words (adverb items, which the
grammar gives the nearest subject, like 'on fire'); a phrase that says no feeling, or the face of a thing
that feels nothing ('the moon with a smiling face'), is left as it is.
"""

from __future__ import annotations

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.portrait_words import EXPRESSION_DEGREES, EXPRESSION_NOUNS, FEELING_STATES
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.planning.rules.tagging import ADV, CLAUSE, COP, DET, OF, PREP, REL, STOP, WITH, WORD, Item

_FACE_WORDS = frozenset({"face", "faces"})


def expressed(items: list[Item]) -> list[Item]:
    """The items with each 'with' + a face's look said as the states it shows."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        wearer = items[i].kind == WITH and items[i].text == "with" and _can_feel(out)
        read = _look_at(items, i + 1) if wearer else None
        if read is None:
            out.append(items[i])
            i += 1
            continue
        states, i = read
        out += [Item(ADV, state) for state in states]
    return out


def _can_feel(before: list[Item]) -> bool:
    """Whether the last thing named before 'with', to which the grammar gives the state, can feel: 'a man
    with a worried look'; but the moon or a square with a smiling face has a face drawn on it."""
    for item in reversed(before):
        if item.kind in (STOP, CLAUSE):
            return False
        if item.kind == WORD and not item.text.lower().endswith(("ing", "ed")):
            return can_act(item.text)
    return False


def _look_at(items: list[Item], i: int) -> tuple[list[str], int] | None:
    """(the states, the index after) for a face's look at items[i] ('a worried look on his face'); or None."""
    n = len(items)
    if i < n and items[i].kind == DET:
        i += 1
    said: list[str] = []
    while i < n and items[i].kind == WORD and items[i].text.lower() not in EXPRESSION_NOUNS:
        said.append(items[i].text.lower())
        i += 1
    if i >= n or items[i].kind not in (WORD, COP) or items[i].text.lower() not in EXPRESSION_NOUNS:
        return None
    shown = EXPRESSION_NOUNS[items[i].text.lower()]
    i += 1
    if i < n and items[i].kind == WORD:
        return None  # 'eggs with smile faces': the look names a kind of the thing after it
    if i + 1 < n and items[i].kind == OF and items[i + 1].kind == WORD:  # 'a look of (pure) surprise'
        j = i + 1
        while j + 1 < n and items[j].kind == WORD and items[j].text.lower() in EXPRESSION_DEGREES:
            j += 1
        feeling = FEELING_STATES.get(items[j].text.lower()) if items[j].kind == WORD else None
        if feeling is None:
            return None
        said, i = [*said, feeling], j + 1
    states = [w for w in said if w not in EXPRESSION_DEGREES]
    if not all(w in vocab.STATES for w in states) or not (states or shown):
        return None
    return [*states, *([shown] if shown else [])], _after_face(items, i)


def _after_face(items: list[Item], i: int) -> int:
    """The index after 'on his face' at items[i], or i when the face is not named there."""
    if i + 2 < len(items) and items[i].kind in (REL, PREP) and items[i].text == "on" and items[i + 1].kind == DET:
        if items[i + 2].kind == WORD and items[i + 2].text.lower() in _FACE_WORDS:
            return i + 3
    return i
