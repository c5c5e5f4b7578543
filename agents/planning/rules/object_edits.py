"""Edits of what is in the picture: adding, removing and excluding things.

"remove the boat" takes the boat and its relations out and excludes "boat" unless another stays;
"no text", "without the dog" exclude a thing and remove it if it is there; "add two red birds", "add a
dog next to the cat", "a moon" add objects (with their relations and anchor), or one more of a matching
object that comes with no place of its own. Adding a thing takes it off the exclusions again.
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.references import matching, read_fragment, reference, required
from limner.agents.planning.rules.setting_edits import apply_settings, settings_of
from limner.agents.scene.english import pluralize
from limner.agents.scene.model import Scene, SceneObject
from limner.agents.scene.words import MASS_NOUNS

from limner.errors import InvalidRequest

_REMOVE = re.compile(
    r"^(?:remove|delete|erase|take out|take away|get rid of|lose|drop|eliminate|cut out|cut|clear|leave out)"
    r"\s+(?P<ref>.+?)(?:\s+(?:out|away|from (?:the )?(?:scene|image|picture|it)))?$"
)
_TAKE_OUT = re.compile(r"^take\s+(?P<ref>.+?)\s+(?:out|away)$")
_SETTING_WORDS = {
    "style": "style", "lighting": "lighting", "light": "lighting", "palette": "palette",
    "color palette": "palette", "colour palette": "palette", "time of day": "time_of_day",
    "viewpoint": "viewpoint", "camera angle": "viewpoint", "exclusions": "exclude",
}  # fmt: skip


def remove_clause(draft: Draft, text: str) -> bool:
    """'remove the boat', 'get rid of the people', 'remove one apple', 'remove the style'."""
    m = _REMOVE.match(text) or _TAKE_OUT.match(text)
    if not m:
        return False
    target = m["ref"]
    setting = _SETTING_WORDS.get(re.sub(r"^(?:the|any)\s+", "", target))
    if setting:
        draft.settings[setting] = [] if setting in ("palette", "exclude") else None
        return True
    ref = reference(draft, target, whole=True)
    ids = required(draft, ref, target)
    assert ref is not None
    if ref.number is not None and len(ids) == 1 and ref.number < draft.objects[ids[0]].drawn_count:
        draft.set_count(ids[0], draft.objects[ids[0]].drawn_count - ref.number)  # 'remove one apple'
        return True
    _remove_objects(draft, ids)
    return True


def _remove_objects(draft: Draft, ids: list[int]) -> None:
    """Remove the objects, and exclude each kind no object of which stays."""
    names = [draft.objects[i].name for i in ids]
    for oid in ids:
        draft.remove(oid)
    for name in dict.fromkeys(names):
        if not any(o.name == name for o in draft.objects.values()):
            draft.exclude_word(name)


_NEGATION = re.compile(
    r"^(?:no|without|exclude|excluding|never|not|nothing|nobody|no one|free of|devoid of|"
    r"(?:i )?(?:don't|do not|dont) (?:want|need|show|include|draw|add|put)(?: any)?|hide|leave out)\b"
)


def exclude_clause(draft: Draft, text: str) -> bool:
    """'no text', 'no people', 'without the dog': the thing is excluded, and removed if it is there."""
    m = _NEGATION.match(text)
    if not m:
        return False
    read = read_fragment(text)
    if not read.exclude or read.objects:
        read = read_fragment("no " + text[m.end() :].strip())  # 'hide the dog', "don't want any cars"
    if not read.exclude or read.objects:
        return False
    for word in read.exclude:
        ids = draft.named(word)
        for oid in ids:
            draft.remove(oid)
        draft.exclude_word(word)
    return True


_ADD = re.compile(
    r"^(?:add|include|insert|put|place|draw|introduce|throw in|bring in|give (?:it|them|me|the \w+)|"
    r"there should be|there should also be|i want|let there be|show|with)\s+(?P<fragment>.+)$"
)
_INDEFINITE = re.compile(
    r"^(?:a|an|another|some|several|many|a few|a couple of|a pair of|\d+|"
    + "|".join(sorted(vocab.NUMBER_WORDS, key=len, reverse=True))
    + r")\s+\S"
)


def add_clause(draft: Draft, text: str) -> bool:
    """'add a boat', 'add two red birds', 'add a dog next to the cat', 'add dramatic lighting'."""
    m = _ADD.match(text)
    if not m:
        return False
    return _add_fragment(draft, m["fragment"])


def bare_add_clause(draft: Draft, text: str) -> bool:
    """'a moon' on its own, as in 'make it night and a moon'."""
    return bool(_INDEFINITE.match(text)) and _add_fragment(draft, text)


# Words of an edit, not of a thing: an object named with one is a misreading ('a move less').
_EDIT_WORDS = frozenset(
    {"add", "remove", "delete", "move", "make", "put", "change", "turn", "instead", "fewer", "less", "more",
     "bigger", "smaller", "brighter", "darker", "lighter", "should"}
)  # fmt: skip


def _add_fragment(draft: Draft, fragment: str) -> bool:
    read = read_fragment(fragment)
    if any(_EDIT_WORDS.intersection(o.name.split()) for o in read.objects):
        return False
    if not read.objects:
        if settings_of(read) and not read.exclude:
            apply_settings(draft, read)
            return True
        return False
    mapping = _references(draft, read, fragment)
    anchor = _anchor_in(fragment)
    added = [k for k in range(len(read.objects)) if k not in mapping]
    if not added:
        names = " and ".join(read.objects[k].name for k in mapping)
        raise InvalidRequest(
            f"the scene already has the {names}; to add more, say 'add another {read.objects[0].name}'"
        )
    related = {k for r in read.relations for k in (r.subject, r.object)}
    for k in added:
        mapping[k] = _add_object(draft, read.objects[k], related=k in related, anchor=anchor if k == added[0] else None)
    for r in read.relations:
        draft.relate(mapping[r.subject], r.predicate, mapping[r.object])
    for word in read.exclude:
        draft.exclude_word(word)
    apply_settings(draft, read)
    return True


def _references(draft: Draft, read: Scene, fragment: str) -> dict[int, int]:
    """Objects of a fragment that are objects of the Scene: 'the cat' in 'a dog next to the cat'."""
    mapping: dict[int, int] = {}
    subjects = {r.subject for r in read.relations}
    for k, obj in enumerate(read.objects):
        existing = [i for i, o in draft.objects.items() if o.name == obj.name]
        only_related_to = k in {r.object for r in read.relations} and k not in subjects and k > 0
        if existing and (_definite(fragment, obj.name) or only_related_to):
            mapping[k] = (matching(draft, existing, obj.attributes) or existing)[0]
    return mapping


def _definite(fragment: str, name: str) -> bool:
    forms = "|".join(re.escape(f) for f in sorted({name, pluralize(name)}, key=len, reverse=True))
    return bool(
        re.search(rf"\b(?:the|its|their|that|this|those|these|my|both)\s+(?:[\w'-]+\s+){{0,3}}?(?:{forms})\b", fragment)
    )


def _anchor_in(fragment: str) -> str | None:
    for phrase in sorted(grammar_words.ANCHOR_PHRASES, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b(?! of)", fragment):
            return grammar_words.ANCHOR_PHRASES[phrase]
    return None


def _add_object(draft: Draft, obj: SceneObject, *, related: bool, anchor: str | None) -> int:
    """A new object; or, for 'add a boat' where a boat it matches stands, one more of that boat."""
    if obj.name in MASS_NOUNS:
        obj = obj.model_copy(update={"count": 1})  # 'some fog' is fog, not three fogs
    same = matching(draft, [i for i, o in draft.objects.items() if o.name == obj.name], obj.attributes)
    if same and not related and anchor is None:
        draft.set_count(same[0], draft.objects[same[0]].drawn_count + obj.drawn_count)
        return same[0]
    return draft.add(obj, anchor)
