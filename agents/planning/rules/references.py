"""Noun phrases of an edit instruction, read with the planner's own grammar and matched against the Scene.

`reference` finds the objects a phrase starts by naming ("the red boat is ...", "two of the apples"),
by each object's name, its plural, or for "wine glass" also "glass"; `description_of` reads what a
phrase says about a thing ("three red apples", "a blue one", "red"). Both read fragments with the
rules planner (`read_description`), so the editor and the planner share one grammar and vocabulary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.reading import read_description
from limner.agents.scene.english import pluralize
from limner.agents.scene.model import MAX_OTHER, Attributes, Scene


@functools.lru_cache(maxsize=1024)
def read_fragment(text: str) -> Scene:
    """The rules planner's reading of a fragment."""
    return read_description(text)


def number_of(word: str) -> int | None:
    """The count a word says ('a', 'another', '3', 'three'), or None."""
    if word in ("a", "an", "another", "single"):
        return 1
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return vocab.NUMBER_WORDS.get(word)


@dataclass
class Reference:
    """Objects of the Scene that a phrase points at, and the words after the phrase."""

    ids: list[int]
    rest: str
    number: int | None  # 'one apple', 'two of the apples'
    words: str  # describing words before the name: 'red' in 'the red boat'
    name: str


_DETERMINER = re.compile(
    r"^(?:(?:the|both|all|each|every|my|our|your|its|their|this|that|these|those|both of|all of|"
    r"some of|one of)\s+)*"
)


def reference(draft: Draft, text: str, *, whole: bool = False) -> Reference | None:
    """The objects `text` starts by naming ('the red boat is ...'), or None when it names none of them.

    An empty `ids` means the phrase named a kind of thing the Scene has, but no object of it fits the
    describing words ('the green boat' when the boat is red).
    """
    number = None
    head, _, tail = text.partition(" ")
    if tail and number_of(head) is not None:
        number, text = number_of(head), re.sub(r"^of\s+", "", tail)
    text = _DETERMINER.sub("", text)
    candidates = []
    for form, name in _forms(draft):
        m = re.match(rf"(?P<words>(?:[\w'-]+ ){{0,3}}?){re.escape(form)}\b\s*(?P<rest>.*)$", text)
        if m and (not whole or not m["rest"]):
            candidates.append((len(m["words"]), -len(form), m, name))
    for _, _, m, name in sorted(candidates, key=lambda c: c[:2]):
        words = m["words"].strip()
        ids = [i for i, o in draft.objects.items() if o.name == name]
        if words:
            read = read_fragment(f"{words} {name}").objects
            if len(read) != 1 or read[0].name != name:
                continue  # 'the blorp car', 'hat on the cat': words that are no description of the thing
            if number is None and words.split()[0] != "a" and number_of(words.split()[0]) is not None:
                number = number_of(words.split()[0])
            ids = matching(draft, ids, read[0].attributes)
        return Reference(ids, m["rest"].strip(), number, words, name)
    return None


def _forms(draft: Draft) -> list[tuple[str, str]]:
    """(form as written, object name): each name, its plural, and for 'wine glass' also 'glass(es)'."""
    names = {o.name for o in draft.objects.values()}
    forms: dict[str, str] = {}
    for name in sorted(names):
        for form in (name, pluralize(name)):
            forms.setdefault(form.lower(), name)
    for name in sorted(names):
        head = name.rsplit(" ", 1)[-1]
        if " " in name and sum(n.rsplit(" ", 1)[-1] == head for n in names) == 1:
            for form in (head, pluralize(head)):
                forms.setdefault(form.lower(), name)
    return sorted(forms.items(), key=lambda item: (-len(item[0]), item[0]))


def matching(draft: Draft, ids: list[int], wanted: Attributes) -> list[int]:
    """The objects among `ids` that have every attribute `wanted` names."""
    fields = ("color", "material", "size", "state")
    return [
        i for i in ids
        if all(getattr(wanted, f) in (None, getattr(draft.objects[i].attributes, f)) for f in fields)
        and set(wanted.other) <= set(draft.objects[i].attributes.other)
    ]  # fmt: skip


def required(draft: Draft, ref: Reference | None, text: str) -> list[int]:
    """The ids a reference names, or an error that says what the Scene has."""
    if ref is not None and ref.ids:
        return ref.ids
    what = f"{ref.words} {ref.name}" if ref is not None else (thing_named(text) or text)
    raise draft.missing(what)


def thing_named(text: str) -> str | None:
    """The name of the first thing `text` names, read by the planner, or None."""
    objects = read_fragment(text).objects
    return objects[0].name if objects else None


@dataclass
class Described:
    """A phrase read as a description: a count if it gives one, attributes, and a name if it has one."""

    count: int | None
    attributes: Attributes
    name: str | None


def description_of(text: str) -> Described | None:
    """'three red apples', 'a blue one', 'red', 'two': what the phrase says about a thing."""
    text = re.sub(r"\s+ones?$", "", text.strip())
    first = text.split(" ", 1)[0]
    count = number_of(first) if first not in ("a", "an") else None
    read = read_fragment(text).objects
    if len(read) == 1:
        return Described(count, read[0].attributes, read[0].name)
    if read:
        return None
    placeholder = read_fragment(f"{text} item").objects  # 'red' alone names nothing; 'red item' is a red thing
    if len(placeholder) != 1 or placeholder[0].name != "item":
        return None
    return Described(count, placeholder[0].attributes, None)


def merged_attributes(old: Attributes, new: Attributes) -> Attributes:
    """`old` with every attribute `new` names put in its place."""
    return Attributes(
        color=new.color or old.color,
        material=new.material or old.material,
        size=new.size or old.size,
        state=new.state or old.state,
        other=list(dict.fromkeys(old.other + new.other))[:MAX_OTHER],
    )


def is_empty(attributes: Attributes) -> bool:
    """Whether no attribute is named."""
    return attributes == Attributes()
