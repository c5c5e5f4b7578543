"""Edits of how many there are: "more apples", "fewer birds", "add another boat", "only one cat".

"more X" adds half as many again (twice as many for "many more"), "fewer X" takes half away (at least
one, never all); "one less apple", "double the apples", "change the number of apples to five" and a
bare count ("three apples", "only one cat") set it. A count change scales the object's box about its
base (placement.py).
"""

from __future__ import annotations

import re

from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.references import number_of, reference, required, thing_named

from limner.errors import InvalidRequest

_MORE = re.compile(
    r"^(?:add\s+|show\s+|draw\s+)?(?:(?P<much>many|much|a lot|lots|far|way|a few|some|a couple|a bit|a little|even)\s+)?"
    r"(?P<dir>more|fewer|less)\s+(?:of\s+)?(?P<ref>.+)$"
)
_EXTRA = re.compile(
    r"^(?:(?:add|put|draw|include|show|insert|place)\s+)?"
    r"(?P<n>another|an extra|a second|an additional|one more|[\w]+ (?:more|extra|additional))\s+(?P<ref>.+)$"
)
_LESS = re.compile(r"^(?P<n>[\w]+)\s+(?:less|fewer)\s+(?P<ref>.+)$")
_TIMES = re.compile(r"^(?P<op>double|triple|halve)\s+(?:the\s+)?(?:number of\s+)?(?P<ref>.+)$")
_NUMBER_OF = re.compile(
    r"^(?:change|set|make|increase|decrease|raise|lower|reduce)\s+the\s+(?:number|count|amount)\s+of\s+"
    r"(?P<ref>.+?)\s+to\s+(?P<n>\w+)$"
)
_EXACTLY = re.compile(
    r"^(?:only|just|exactly|make it|there should be|there should only be|i want|have|use)\s+(?P<ref>.+)$"
)


def count_clause(draft: Draft, text: str) -> bool:
    """'more apples', 'fewer birds', 'add another boat', 'one less apple', 'only one cat', 'three apples'."""
    if m := _MORE.match(text):
        ids = _counted(draft, m["ref"])
        if ids is None:
            return False
        for oid in ids:
            draft.set_count(oid, _more_or_fewer(draft, oid, m["dir"], m["much"]))
        return True
    if (m := _EXTRA.match(text)) and (ids := _counted(draft, m["ref"], quiet=True)):
        n = 1 if m["n"] in ("another", "an extra", "a second", "an additional") else number_of(m["n"].split()[0])
        if n is None:
            return False
        draft.set_count(ids[0], draft.objects[ids[0]].drawn_count + n)
        return True
    if (m := _LESS.match(text)) and (n := number_of(m["n"])) is not None:
        ids = _counted(draft, m["ref"])
        if ids is None:
            return False
        draft.set_count(ids[0], draft.objects[ids[0]].drawn_count - n)
        return True
    return _set_count(draft, text)


def _set_count(draft: Draft, text: str) -> bool:
    """'only one cat', 'three apples', 'double the apples', 'change the number of apples to five'."""
    if m := _TIMES.match(text):
        ids = _counted(draft, m["ref"])
        if ids is None:
            return False
        for oid in ids:
            count = draft.objects[oid].drawn_count
            draft.set_count(oid, {"double": count * 2, "triple": count * 3}.get(m["op"], max(1, count // 2)))
        return True
    if m := _NUMBER_OF.match(text):
        n = number_of(m["n"])
        ids = _counted(draft, m["ref"])
        if n is None or ids is None:
            return False
        draft.set_count(ids[0], n)
        return True
    m = _EXACTLY.match(text)
    phrase = m["ref"] if m else text
    ref = reference(draft, phrase, whole=True)
    if ref is None or ref.number is None or phrase.split()[0] in ("a", "an", "another"):
        return False  # 'a cat' adds a cat
    ids = required(draft, ref, text)
    draft.set_count(ids[0], ref.number)
    return True


def _counted(draft: Draft, text: str, *, quiet: bool = False) -> list[int] | None:
    """The objects a 'more X' / 'fewer X' names; None when X is no object at all ('more light')."""
    ref = reference(draft, text, whole=True)
    if ref is not None and ref.ids:
        return ref.ids
    if quiet or not thing_named(text):
        return None
    raise draft.missing(thing_named(text) or text, f"; to add some, say 'add {text}'")


def _more_or_fewer(draft: Draft, oid: int, direction: str, much: str | None) -> int:
    """'more': half as many again (twice as many for 'many more'); 'fewer': half as many, never none."""
    count = draft.objects[oid].drawn_count
    if direction == "more" and much in ("many", "much", "a lot", "lots", "far", "way"):
        return count * 2
    if direction == "more":
        return count + max(1, (count + 1) // 2)
    if count == 1:
        name = draft.objects[oid].name
        raise InvalidRequest(f"there is only one {name}; to take it out, say 'remove the {name}'")
    return count - max(1, count // 2)
