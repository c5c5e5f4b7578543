"""Edits of what objects look like: colour, material, size, state, and one thing or look instead of another.

"make the car blue", "the apple should be green", "make the cat bigger", "make it wooden" describe
objects the Scene has (a size step scales the box); "red boat instead of blue", "three apples instead
of two" and "a cat instead of the dog" swap a look, a count or the thing itself, keeping its place and
relations. "the cat should be on the left" is a move (move_edits.py).
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.move_edits import destination, move_to
from limner.agents.planning.rules.references import (
    Described,
    description_of,
    is_empty,
    matching,
    merged_attributes,
    read_fragment,
    reference,
    required,
    thing_named,
)
from limner.agents.planning.rules.setting_edits import apply_settings, settings_of
from limner.agents.scene.model import Attributes
from limner.agents.scene.words import BACKDROPS

from limner.errors import InvalidRequest

_INSTEAD = re.compile(r"^(?P<new>.+?)\s+(?:instead of|rather than|in place of)\s+(?P<old>.+)$")
_NEW_LEAD = re.compile(
    r"^(?:make (?:it|them|this)|make|use|have|i want|put|show|draw|with|give me|let's have|it should be)\s+"
)


def instead_clause(draft: Draft, text: str) -> bool:
    """'red boat instead of blue', 'three apples instead of two', 'a cat instead of the dog'."""
    m = _INSTEAD.match(text)
    if not m:
        return False
    new_text, old_text = _NEW_LEAD.sub("", m["new"]), m["old"]
    read = read_fragment(new_text)
    if not read.objects and settings_of(read):
        apply_settings(draft, read)  # 'photo instead of painting', 'at night instead of dusk'
        return True
    old_ref = reference(draft, old_text, whole=True)
    new_ref = reference(draft, new_text, whole=True)
    new = description_of(new_text)
    if new is None:
        return False
    if old_ref is not None and new.name and new_ref is None:
        return _swap(draft, required(draft, old_ref, old_text), new)
    old = description_of(old_text)
    if new_ref is not None:
        targets = [i for i in draft.objects if draft.objects[i].name == new_ref.name]
    else:
        targets = list(draft.objects)
    if old is not None:
        targets = [i for i in matching(draft, targets, old.attributes) if old.count in (None, draft.objects[i].count)]
        if old.name and old.name != "item":
            targets = [i for i in targets if draft.objects[i].name == old.name] or targets
    if not targets:
        raise InvalidRequest(f"nothing in the scene is {old_text!r}; it has {draft.inventory()}")
    if new_ref is None and len(targets) > 1:
        raise InvalidRequest(
            f"{old_text!r} could be any of: {draft.inventory()}; say which, e.g. 'make the {_first_name(draft)} {new_text}'"
        )
    for oid in targets[:1] if new_ref is None else targets:
        describe_object(draft, oid, new.attributes)
        if new.count is not None:
            draft.set_count(oid, new.count)
    return True


def _first_name(draft: Draft) -> str:
    return next(iter(draft.objects.values())).name if draft.objects else "thing"


def _swap(draft: Draft, ids: list[int], new: Described) -> bool:
    """'a cat instead of the dog': the dog's place and relations, now a cat."""
    for oid in ids:
        count = new.count if new.count is not None else draft.objects[oid].count
        draft.update(oid, name=new.name, attributes=new.attributes)
        draft.set_count(oid, count)
        draft.unexclude(new.name or "")
    return True


_ATTRIBUTE_VERB = re.compile(
    r"^(?:make|turn|paint|colou?r|change|dye|recolou?r|set|render|tint|have|give|repaint)\s+(?P<rest>.+)$"
)
_COPULA = re.compile(
    r"^(?:should|must|needs? to|has to|have to|ought to|can|could|will|would)?\s*"
    r"(?:be|look|looks|become|becomes|is|are|turn|turns|appear|appears|seem|seems)\s+(?P<desc>.+)$"
)
_DESCRIPTION_LEAD = re.compile(r"^(?:(?:so )?(?:that )?(?:it|they) (?:is|are) |to be |into |to |be |look |as |appear )")
_PRONOUN = re.compile(r"^(?:it|them|this|that|everything)\s+(?P<rest>.+)$")
_SIZE_LADDER = ("tiny", "small", None, "big", "huge")
_SIZE_STEP = {"bigger": 1, "larger": 1, "huger": 1, "taller": 1, "smaller": -1, "tinier": -1, "littler": -1}


def attributes_clause(draft: Draft, text: str) -> bool:
    """'make the car blue', 'the apple should be green', 'make the cat bigger', 'the cat should be on the left'."""
    if m := _ATTRIBUTE_VERB.match(text):
        pronoun = _PRONOUN.match(m["rest"])
        if pronoun:
            return _describe_it(draft, _DESCRIPTION_LEAD.sub("", pronoun["rest"]))
        ref = reference(draft, m["rest"])
        if ref is None:
            return _not_there(draft, m["rest"])
        description = _DESCRIPTION_LEAD.sub("", ref.rest)
    else:
        ref = reference(draft, text)
        copula = _COPULA.match(ref.rest) if ref is not None else None
        if ref is None or copula is None:
            return ref is None and bool(re.search(r" (?:should|must|is|are) ", text)) and _not_there(draft, text)
        description = copula["desc"]
    if not description:
        return False
    ids = required(draft, ref, text)
    placement = destination(draft, description)
    if placement is not None:
        move_to(draft, ids, placement)
        return True
    return all(_describe(draft, oid, description) for oid in ids)


def _not_there(draft: Draft, text: str) -> bool:
    """False; or, when `text` starts by naming a thing with 'the' that the Scene lacks, an error saying so."""
    name = thing_named(text) if text.startswith("the ") else None
    if name and not draft.named(name):
        raise draft.missing(name)
    return False


def _describe_it(draft: Draft, description: str) -> bool:
    """'make it blue': only when the Scene has one object that 'it' can be."""
    things = [i for i, o in draft.objects.items() if _is_thing(o.name)]
    described = description_of(description)
    if described is None or described.name is not None or is_empty(described.attributes):
        return False
    if len(things) != 1:
        raise InvalidRequest(
            f"'it' could be any of: {draft.inventory()}; name one, e.g. 'make the {_first_name(draft)} {description}'"
        )
    return _describe(draft, things[0], description)


def _is_thing(name: str) -> bool:
    return name not in BACKDROPS and name.rsplit(" ", 1)[-1] not in BACKDROPS


def _describe(draft: Draft, oid: int, description: str) -> bool:
    """Give one object the attributes `description` names ('blue', 'wooden', 'bigger')."""
    obj = draft.objects[oid]
    words = description.split()
    step = _SIZE_STEP.get(words[-1]) if words else None
    if step is not None and all(
        w in ("a", "bit", "little", "much", "lot", "slightly", "even", "way") for w in words[:-1]
    ):
        return _resize(draft, oid, step)
    description = _COLOUR_PAIR.sub(_hyphenated, description)
    read = read_fragment(f"{description} {obj.name}")
    if len(read.objects) != 1 or read.objects[0].name != obj.name or is_empty(read.objects[0].attributes):
        return False
    describe_object(draft, oid, read.objects[0].attributes)
    if read.lighting:
        draft.settings["lighting"] = read.lighting  # 'make the sky stormy': the light is stormy too
    return True


_COLOUR_PAIR = re.compile(r"\b([a-z]+) and ([a-z]+)\b")


def _hyphenated(m: re.Match[str]) -> str:
    """'black and white' -> 'black-and-white', which the planner reads as one colour, not as a palette."""
    both = m[1] in vocab.COLORS and m[2] in vocab.COLORS
    return f"{m[1]}-and-{m[2]}" if both else m[0]


def describe_object(draft: Draft, oid: int, attributes: Attributes) -> None:
    """Give an object every attribute `attributes` names; a new size word marks it resized."""
    old = draft.objects[oid].attributes
    new = merged_attributes(old, attributes)
    draft.update(oid, attributes=new)
    if new.size != old.size:
        draft.resized.add(oid)


def _resize(draft: Draft, oid: int, step: int) -> bool:
    obj = draft.objects[oid]
    size = obj.attributes.size
    rung = _SIZE_LADDER.index(size) if size in _SIZE_LADDER else 2
    target = rung + step
    if not 0 <= target < len(_SIZE_LADDER):
        raise InvalidRequest(
            f"the {obj.name} is already as {'big' if step > 0 else 'small'} as the rules planner draws things"
        )
    draft.update(oid, attributes=obj.attributes.model_copy(update={"size": _SIZE_LADDER[target]}))
    draft.resized.add(oid)
    return True
