"""An edit instruction cut into clauses, each applied by the first reader that recognises it.

The instruction is cut at ";", ",", "and", "then"; a piece that means nothing alone borrows the verb
before it ("remove the boat and the dog") or rejoins its clause ("black and white"). Polite words
("please", "can you") are dropped, and each clause goes to the readers in turn: instead-of swaps,
remove, exclude, moods, counts, move, add, settings, attributes. The first clause no reader can apply
raises, with the edits the rules planner does understand.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from limner.agents.planning.rules.attribute_edits import attributes_clause, instead_clause
from limner.agents.planning.rules.count_edits import count_clause
from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.move_edits import move_clause
from limner.agents.planning.rules.object_edits import add_clause, bare_add_clause, exclude_clause, remove_clause
from limner.agents.planning.rules.setting_edits import mood_clause, setting_clause

from limner.errors import InvalidRequest

UNDERSTOOD = (
    "The rules planner understands edits like: 'brighter', 'darker', 'moodier', 'make the sky stormier', "
    "'warmer'; 'at night', 'make it dusk', 'golden hour'; 'as an oil painting', 'in pixel art', 'photo'; "
    "'close-up', 'from above'; 'add two red birds', 'add a dog next to the cat'; 'remove the boat', 'no text'; "
    "'make the car blue', 'red boat instead of blue'; 'more apples', 'fewer birds', 'only one cat', "
    "'add another boat'; 'move the cat to the left', 'move the boat left of the lighthouse'. "
    "Join several with 'and', ',' or ';'."
)


class _NotUnderstood(InvalidRequest):
    """No reader recognised a clause (kept apart from errors about a clause that was understood)."""


_SEPARATOR = re.compile(r"(\s*[;,]\s*|\s*[.!?]\s+|\s+(?:and then|and also|and|then|also|plus|but|&)\s+)")
_POLITE = re.compile(
    r"^(?:please|pls|now|then|also|and|but|ok|okay|so|oh|hmm|can you|could you|would you|will you|"
    r"i want you to|i'd like you to|i would like you to|let's|lets|try to|maybe|perhaps|actually)\s+"
)
_TRAILING = re.compile(r"\s+(?:please|too|as well|instead|thanks|thank you|for me)$")
_LEAD_VERB = re.compile(
    r"^(get rid of|take out|take away|add|remove|delete|erase|drop|make|turn|paint|colou?r|move|put|place|"
    r"no|without|exclude|include|insert)\b"
)


def apply_instruction(draft: Draft, text: str) -> Draft:
    """Every clause applied in order; the first clause that cannot be applied raises."""
    state = base = draft  # base: the state before `clause`
    clause: str | None = None
    error: InvalidRequest | None = None  # why `clause` could not be applied
    for sep, piece in _pieces(text):
        if clause is None or error is not None:
            merged = piece if clause is None else clause + sep + piece
            new, err = _attempt(base, merged)
            if err is None:
                state, clause, error = new, merged, None
            else:
                clause, error = merged, error or err
            continue
        lead = _LEAD_VERB.match(_normal(clause))
        tries = [(state, piece)] + ([(state, f"{lead[1]} {piece}")] if lead else []) + [(base, clause + sep + piece)]
        errors = []
        for start, attempt in tries:
            new, err = _attempt(start, attempt)
            if err is None:
                if start is state:
                    base = state
                state, clause = new, attempt
                break
            errors.append(err)
        else:
            base, clause = state, piece
            error = next((e for e in errors if not isinstance(e, _NotUnderstood)), errors[0])
    if error is not None:
        raise InvalidRequest(str(error)) from None
    return state


def _pieces(text: str) -> list[tuple[str, str]]:
    """(separator before it, piece) for each piece of the instruction."""
    parts = _SEPARATOR.split(text.replace("\u2019", "'"))
    pieces: list[tuple[str, str]] = []
    sep = ""
    for k, part in enumerate(parts):
        if k % 2:
            sep = part
        elif part.strip(" .!?"):
            pieces.append((sep, part.strip()))
    return pieces


def _attempt(draft: Draft, clause: str) -> tuple[Draft | None, InvalidRequest | None]:
    trial = draft.copy()
    try:
        _apply_clause(trial, clause)
    except InvalidRequest as exc:
        return None, exc
    return trial, None


def _normal(clause: str) -> str:
    text = " ".join(clause.lower().split()).strip(" .!?")
    while (stripped := _TRAILING.sub("", _POLITE.sub("", text))) != text:
        text = stripped
    return text


def _apply_clause(draft: Draft, clause: str) -> None:
    text = _normal(clause)
    for reader in _READERS:
        if text and reader(draft, text):
            return
    raise _NotUnderstood(f"could not understand {clause!r}. {UNDERSTOOD}")


_READERS: tuple[Callable[[Draft, str], bool], ...] = (
    instead_clause, remove_clause, exclude_clause, mood_clause, count_clause, move_clause, add_clause, setting_clause, attributes_clause, bare_add_clause,
)  # fmt: skip
