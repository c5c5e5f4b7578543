"""Editing a Scene with plain words, for the `rules` planner: deterministic, offline, no model.

`revise(scene, "make it night and add a moon")` returns a new Scene that changes only what the
instruction asks for. The instruction is cut into clauses at ";", ",", "and", "then"; a piece that
means nothing alone borrows the verb before it ("remove the boat and the dog") or rejoins its
clause ("black and white"). Each clause goes to the first reader that recognises it: instead-of
swaps, remove, exclude, counts, move, add, moods, settings, attributes. Noun phrases and setting
words are read by the rules planner itself (`RulesPlanner.plan` on a fragment), so the editor and
the planner share one grammar and one vocabulary.

The choices, so that the same words always give the same Scene:

- intent: the parent's intent, "; ", then the instruction ("a lighthouse at dusk; make the sky stormier");
  prompt and negative prompt are rewritten from the edited Scene; seed, size, steps, guidance and
  sampler never change.
- "remove the boat", "no boat", "without the boat": the boat and its relations go, and "boat" joins
  `exclude` unless another boat stays; adding a thing takes it off `exclude` again.
- "add a boat" when the Scene has a boat it matches (no other colour, say) and the new one comes with no
  relation or place of its own: one more of that boat; otherwise a new object.
- "more X" adds half as many again (at least one); "fewer X" takes half away (at least one, never all).
- moods: brighter -> "bright light", lighter palette; darker -> "dim light", darker palette; moodier ->
  "moody lighting", darker palette; stormier -> "stormy" lighting, darker palette led by dark gray, and a
  sky named in the instruction becomes stormy; warmer / cooler -> warm / cool light and palette; a
  weather word ("foggy", "sunnier") -> that lighting.
- a style swap keeps quality tags ("highly detailed") and replaces the medium.
- boxes: an edit re-places only what it moves or adds (with whatever is attached to it, and anything
  left hanging by a removal); the new spot honours its relations and anchor and avoids other objects,
  and a kept object it would still cover steps aside. A count or size change scales a box around its
  base. Every other box stays exactly as it was, so "make it night" moves nothing. Only when the kept
  picture has no room left is the whole Scene laid out afresh (composition.py).
- an instruction that leaves the Scene as it was is refused: the caller hears it changed nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from limner.agents import vocabulary as vocab
from limner.agents.composition import ATTACHMENTS, layout_boxes
from limner.agents.prompting import CLIP_PROMPT_TOKENS, write_prompt
from limner.agents.scene import MAX_COUNT, MAX_DESCRIPTION, MAX_OBJECTS, Attributes, Scene, SceneObject, pluralize
from limner.agents.text import clean_text
from pydantic import ValidationError

from limner.errors import InvalidRequest

Box = tuple[float, float, float, float]

_MAX_RELATIONS = 32
_MAX_EXCLUDE = 16
_MAX_PALETTE = 8
_MAX_OTHER = 8
_BANDS = frozenset(vocab.BACKDROP_BANDS.values())

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


# ---------------------------------------------------------------------------------------------
# The Scene being edited
# ---------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """A Scene while it is edited. Objects keep stable ids (the parent's index, then new numbers),
    so relations stay right however many objects come and go."""

    objects: dict[int, SceneObject]
    relations: list[tuple[int, str, int]]
    settings: dict[str, object]  # style, lighting, time_of_day, palette, viewpoint, exclude
    before: dict[int, SceneObject]  # the parent's objects, as they were
    placed: dict[int, str | None] = field(default_factory=dict)  # ids that need a new box -> anchor
    resized: set[int] = field(default_factory=set)
    next_id: int = 0

    @classmethod
    def of(cls, scene: Scene) -> _Draft:
        objects = dict(enumerate(scene.objects))
        settings = {
            "style": scene.style, "lighting": scene.lighting, "time_of_day": scene.time_of_day,
            "palette": list(scene.palette), "viewpoint": scene.viewpoint, "exclude": list(scene.exclude),
        }  # fmt: skip
        relations = [(r.subject, r.predicate, r.object) for r in scene.relations]
        return cls(dict(objects), relations, settings, dict(objects), next_id=len(objects))

    def copy(self) -> _Draft:
        settings = {k: list(v) if isinstance(v, list) else v for k, v in self.settings.items()}
        return _Draft(
            dict(self.objects), list(self.relations), settings, self.before,
            dict(self.placed), set(self.resized), self.next_id,
        )  # fmt: skip

    @property
    def exclude(self) -> list[str]:
        return self.settings["exclude"]  # type: ignore[return-value]

    def add(self, obj: SceneObject, anchor: str | None = None) -> int:
        if len(self.objects) >= MAX_OBJECTS:
            raise InvalidRequest(f"a Scene holds at most {MAX_OBJECTS} objects; remove one before adding {obj.name}")
        oid, self.next_id = self.next_id, self.next_id + 1
        self.objects[oid] = obj.model_copy(update={"box": None})
        self.placed[oid] = anchor
        self.unexclude(obj.name)
        return oid

    def remove(self, oid: int) -> None:
        del self.objects[oid]
        self.relations = [r for r in self.relations if oid not in (r[0], r[2])]
        self.placed.pop(oid, None)
        self.resized.discard(oid)

    def update(self, oid: int, **changes: object) -> None:
        self.objects[oid] = self.objects[oid].model_copy(update=changes)

    def set_count(self, oid: int, count: int) -> None:
        name = self.objects[oid].name
        if count > MAX_COUNT:
            raise InvalidRequest(
                f"a Scene holds at most {MAX_COUNT} of one thing; {count} {pluralize(name)} is too many"
            )
        if count < 1:
            raise InvalidRequest(f"to take out every {name}, say 'remove the {pluralize(name)}'")
        self.update(oid, count=count)
        self.resized.add(oid)

    def relate(self, subject: int, predicate: str, other: int) -> None:
        relation = (subject, predicate, other)
        if subject == other or relation in self.relations:
            return
        if len(self.relations) >= _MAX_RELATIONS:
            raise InvalidRequest(f"a Scene holds at most {_MAX_RELATIONS} relations")
        self.relations.append(relation)

    def exclude_word(self, word: str) -> None:
        if word in self.exclude:
            return
        if len(self.exclude) >= _MAX_EXCLUDE:
            raise InvalidRequest(f"a Scene excludes at most {_MAX_EXCLUDE} things; it already excludes {self.exclude}")
        self.exclude.append(word)

    def unexclude(self, name: str) -> None:
        forms = {name, pluralize(name), name.rsplit(" ", 1)[-1]}
        self.settings["exclude"] = [w for w in self.exclude if w not in forms]

    def named(self, word: str) -> list[int]:
        """Objects called `word`, or whose name ends with it ('boat' finds 'fishing boat')."""
        return [i for i, o in self.objects.items() if o.name == word or o.name.rsplit(" ", 1)[-1] == word]

    def inventory(self) -> str:
        if not self.objects:
            return "no objects"
        return ", ".join(o.noun_phrase() for o in self.objects.values())

    def missing(self, what: str, hint: str = "") -> InvalidRequest:
        return InvalidRequest(f"there is no {what} in the scene; it has {self.inventory()}{hint}")


# ---------------------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------------------


def revise(scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> Scene:
    """A new Scene: `scene` changed as `instruction` asks, and in nothing else.

    Raises InvalidRequest when the instruction is empty, is not understood (the message lists the
    edits that are), names an object the Scene does not have (the message names those it has), or
    would change nothing.
    """
    text = _instruction_text(instruction)
    draft = _apply(_Draft.of(scene), text.lower())
    child = _finish(scene, draft, text, prompt_tokens)
    ignored = {"intent", "prompt", "negative_prompt"}
    if child.model_dump(exclude=ignored) == scene.model_dump(exclude=ignored):
        raise InvalidRequest(f"{text!r} changes nothing: the Scene already is that way ({scene.summary()})")
    return child


def _instruction_text(instruction: object) -> str:
    if not isinstance(instruction, str):
        raise InvalidRequest(f"the instruction must be text, not {type(instruction).__name__}")
    text = " ".join(clean_text(instruction).split())
    if not text:
        raise InvalidRequest("the instruction is empty; say what to change. " + UNDERSTOOD)
    if len(text) > MAX_DESCRIPTION:
        raise InvalidRequest(f"the instruction is {len(text)} characters; the limit is {MAX_DESCRIPTION}")
    return text


def _finish(parent: Scene, draft: _Draft, instruction: str, prompt_tokens: int) -> Scene:
    """The edited Scene, validated, with its boxes, prompt and intent."""
    ids = list(draft.objects)
    index = {oid: k for k, oid in enumerate(ids)}
    boxes = _boxes(draft, parent)
    data = parent.model_dump()
    data.update(draft.settings)
    data["objects"] = [{**draft.objects[i].model_dump(), "box": boxes.get(i)} for i in ids]
    data["relations"] = [{"subject": index[s], "predicate": p, "object": index[o]} for s, p, o in draft.relations]
    data["intent"] = edited_intent(parent.intent, instruction)
    try:
        child = Scene.model_validate(data)
    except ValidationError as exc:
        raise InvalidRequest(f"that edit would make an invalid Scene: {exc.errors()[0]['msg']}") from None
    empty = parent.prompt if not parent.objects else "an empty scene"
    prompt, negative = write_prompt(child, max_tokens=prompt_tokens, empty=empty)
    return child.model_copy(update={"prompt": prompt, "negative_prompt": negative})


def edited_intent(intent: str, instruction: str) -> str:
    """'a lighthouse at dusk; make the sky stormier', the start of a long history kept and the newest edit."""
    joined = f"{intent}; {instruction}" if intent else instruction
    if len(joined) <= MAX_DESCRIPTION:
        return joined
    keep = max(0, MAX_DESCRIPTION - len(instruction) - 4)
    return f"{intent[:keep].rstrip()} …; {instruction}"[:MAX_DESCRIPTION]


# ---------------------------------------------------------------------------------------------
# Clauses
# ---------------------------------------------------------------------------------------------

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


def _apply(draft: _Draft, text: str) -> _Draft:
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


def _attempt(draft: _Draft, clause: str) -> tuple[_Draft | None, InvalidRequest | None]:
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


def _apply_clause(draft: _Draft, clause: str) -> None:
    text = _normal(clause)
    for reader in _READERS:
        if text and reader(draft, text):
            return
    raise _NotUnderstood(f"could not understand {clause!r}. {UNDERSTOOD}")


# ---------------------------------------------------------------------------------------------
# Reading noun phrases: with the planner's own grammar, and against the Scene's objects
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _read(text: str) -> Scene:
    """The rules planner's reading of a fragment (imported here: the planner may import this module)."""
    from limner.agents.rules_planner import RulesPlanner

    return RulesPlanner().read(text)


def _number(word: str) -> int | None:
    if word in ("a", "an", "another", "single"):
        return 1
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return vocab.NUMBER_WORDS.get(word)


@dataclass
class _Ref:
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


def _ref(draft: _Draft, text: str, *, whole: bool = False) -> _Ref | None:
    """The objects `text` starts by naming ('the red boat is ...'), or None when it names none of them.

    An empty `ids` means the phrase named a kind of thing the Scene has, but no object of it fits the
    describing words ('the green boat' when the boat is red).
    """
    number = None
    head, _, tail = text.partition(" ")
    if tail and _number(head) is not None:
        number, text = _number(head), re.sub(r"^of\s+", "", tail)
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
            read = _read(f"{words} {name}").objects
            if len(read) != 1 or read[0].name != name:
                continue  # 'the blorp car', 'hat on the cat': words that are no description of the thing
            if number is None and words.split()[0] != "a" and _number(words.split()[0]) is not None:
                number = _number(words.split()[0])
            ids = _matching(draft, ids, read[0].attributes)
        return _Ref(ids, m["rest"].strip(), number, words, name)
    return None


def _forms(draft: _Draft) -> list[tuple[str, str]]:
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


def _matching(draft: _Draft, ids: list[int], wanted: Attributes) -> list[int]:
    """The objects among `ids` that have every attribute `wanted` names."""
    fields = ("color", "material", "size", "state")
    return [
        i for i in ids
        if all(getattr(wanted, f) in (None, getattr(draft.objects[i].attributes, f)) for f in fields)
        and set(wanted.other) <= set(draft.objects[i].attributes.other)
    ]  # fmt: skip


def _required(draft: _Draft, ref: _Ref | None, text: str) -> list[int]:
    """The ids a reference names, or an error that says what the Scene has."""
    if ref is not None and ref.ids:
        return ref.ids
    what = f"{ref.words} {ref.name}" if ref is not None else (_thing_named(text) or text)
    raise draft.missing(what)


def _thing_named(text: str) -> str | None:
    objects = _read(text).objects
    return objects[0].name if objects else None


@dataclass
class _Described:
    """A phrase read as a description: a count if it gives one, attributes, and a name if it has one."""

    count: int | None
    attributes: Attributes
    name: str | None


def _described(text: str) -> _Described | None:
    """'three red apples', 'a blue one', 'red', 'two': what the phrase says about a thing."""
    text = re.sub(r"\s+ones?$", "", text.strip())
    first = text.split(" ", 1)[0]
    count = _number(first) if first not in ("a", "an") else None
    read = _read(text).objects
    if len(read) == 1:
        return _Described(count, read[0].attributes, read[0].name)
    if read:
        return None
    placeholder = _read(f"{text} item").objects  # 'red' alone names nothing; 'red item' is a red thing
    if len(placeholder) != 1 or placeholder[0].name != "item":
        return None
    return _Described(count, placeholder[0].attributes, None)


def _merged(old: Attributes, new: Attributes) -> Attributes:
    """`old` with every attribute `new` names put in its place."""
    return Attributes(
        color=new.color or old.color,
        material=new.material or old.material,
        size=new.size or old.size,
        state=new.state or old.state,
        other=list(dict.fromkeys(old.other + new.other))[:_MAX_OTHER],
    )


def _is_empty(attributes: Attributes) -> bool:
    return attributes == Attributes()


# ---------------------------------------------------------------------------------------------
# Readers: each returns True when it recognised (and applied) the clause
# ---------------------------------------------------------------------------------------------

_INSTEAD = re.compile(r"^(?P<new>.+?)\s+(?:instead of|rather than|in place of)\s+(?P<old>.+)$")
_NEW_LEAD = re.compile(
    r"^(?:make (?:it|them|this)|make|use|have|i want|put|show|draw|with|give me|let's have|it should be)\s+"
)


def _instead(draft: _Draft, text: str) -> bool:
    """'red boat instead of blue', 'three apples instead of two', 'a cat instead of the dog'."""
    m = _INSTEAD.match(text)
    if not m:
        return False
    new_text, old_text = _NEW_LEAD.sub("", m["new"]), m["old"]
    read = _read(new_text)
    if not read.objects and _settings_of(read):
        _apply_settings(draft, read)  # 'photo instead of painting', 'at night instead of dusk'
        return True
    old_ref = _ref(draft, old_text, whole=True)
    new_ref = _ref(draft, new_text, whole=True)
    new = _described(new_text)
    if new is None:
        return False
    if old_ref is not None and new.name and new_ref is None:
        return _swap(draft, _required(draft, old_ref, old_text), new)
    old = _described(old_text)
    if new_ref is not None:
        targets = [i for i in draft.objects if draft.objects[i].name == new_ref.name]
    else:
        targets = list(draft.objects)
    if old is not None:
        targets = [i for i in _matching(draft, targets, old.attributes) if old.count in (None, draft.objects[i].count)]
        if old.name and old.name != "item":
            targets = [i for i in targets if draft.objects[i].name == old.name] or targets
    if not targets:
        raise InvalidRequest(f"nothing in the scene is {old_text!r}; it has {draft.inventory()}")
    if new_ref is None and len(targets) > 1:
        raise InvalidRequest(
            f"{old_text!r} could be any of: {draft.inventory()}; say which, e.g. 'make the {_first_name(draft)} {new_text}'"
        )
    for oid in targets[:1] if new_ref is None else targets:
        _describe_object(draft, oid, new.attributes)
        if new.count is not None:
            draft.set_count(oid, new.count)
    return True


def _first_name(draft: _Draft) -> str:
    return next(iter(draft.objects.values())).name if draft.objects else "thing"


def _swap(draft: _Draft, ids: list[int], new: _Described) -> bool:
    """'a cat instead of the dog': the dog's place and relations, now a cat."""
    for oid in ids:
        count = new.count if new.count is not None else draft.objects[oid].count
        draft.update(oid, name=new.name, attributes=new.attributes)
        draft.set_count(oid, count)
        draft.unexclude(new.name or "")
    return True


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


def _remove(draft: _Draft, text: str) -> bool:
    """'remove the boat', 'get rid of the people', 'remove one apple', 'remove the style'."""
    m = _REMOVE.match(text) or _TAKE_OUT.match(text)
    if not m:
        return False
    target = m["ref"]
    setting = _SETTING_WORDS.get(re.sub(r"^(?:the|any)\s+", "", target))
    if setting:
        draft.settings[setting] = [] if setting in ("palette", "exclude") else None
        return True
    ref = _ref(draft, target, whole=True)
    ids = _required(draft, ref, target)
    assert ref is not None
    if ref.number is not None and len(ids) == 1 and ref.number < draft.objects[ids[0]].count:
        draft.set_count(ids[0], draft.objects[ids[0]].count - ref.number)  # 'remove one apple'
        return True
    _remove_objects(draft, ids)
    return True


def _remove_objects(draft: _Draft, ids: list[int]) -> None:
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


def _exclude(draft: _Draft, text: str) -> bool:
    """'no text', 'no people', 'without the dog': the thing is excluded, and removed if it is there."""
    m = _NEGATION.match(text)
    if not m:
        return False
    read = _read(text)
    if not read.exclude or read.objects:
        read = _read("no " + text[m.end() :].strip())  # 'hide the dog', "don't want any cars"
    if not read.exclude or read.objects:
        return False
    for word in read.exclude:
        ids = draft.named(word)
        for oid in ids:
            draft.remove(oid)
        draft.exclude_word(word)
    return True


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


def _count(draft: _Draft, text: str) -> bool:
    """'more apples', 'fewer birds', 'add another boat', 'one less apple', 'only one cat', 'three apples'."""
    if m := _MORE.match(text):
        ids = _counted(draft, m["ref"])
        if ids is None:
            return False
        for oid in ids:
            draft.set_count(oid, _more_or_fewer(draft, oid, m["dir"], m["much"]))
        return True
    if (m := _EXTRA.match(text)) and (ids := _counted(draft, m["ref"], quiet=True)):
        n = 1 if m["n"] in ("another", "an extra", "a second", "an additional") else _number(m["n"].split()[0])
        if n is None:
            return False
        draft.set_count(ids[0], draft.objects[ids[0]].count + n)
        return True
    if (m := _LESS.match(text)) and (n := _number(m["n"])) is not None:
        ids = _counted(draft, m["ref"])
        if ids is None:
            return False
        draft.set_count(ids[0], draft.objects[ids[0]].count - n)
        return True
    return _set_count(draft, text)


def _set_count(draft: _Draft, text: str) -> bool:
    """'only one cat', 'three apples', 'double the apples', 'change the number of apples to five'."""
    if m := _TIMES.match(text):
        ids = _counted(draft, m["ref"])
        if ids is None:
            return False
        for oid in ids:
            count = draft.objects[oid].count
            draft.set_count(oid, {"double": count * 2, "triple": count * 3}.get(m["op"], max(1, count // 2)))
        return True
    if m := _NUMBER_OF.match(text):
        n = _number(m["n"])
        ids = _counted(draft, m["ref"])
        if n is None or ids is None:
            return False
        draft.set_count(ids[0], n)
        return True
    m = _EXACTLY.match(text)
    phrase = m["ref"] if m else text
    ref = _ref(draft, phrase, whole=True)
    if ref is None or ref.number is None or phrase.split()[0] in ("a", "an", "another"):
        return False  # 'a cat' adds a cat
    ids = _required(draft, ref, text)
    draft.set_count(ids[0], ref.number)
    return True


def _counted(draft: _Draft, text: str, *, quiet: bool = False) -> list[int] | None:
    """The objects a 'more X' / 'fewer X' names; None when X is no object at all ('more light')."""
    ref = _ref(draft, text, whole=True)
    if ref is not None and ref.ids:
        return ref.ids
    if quiet or not _thing_named(text):
        return None
    raise draft.missing(_thing_named(text) or text, f"; to add some, say 'add {text}'")


def _more_or_fewer(draft: _Draft, oid: int, direction: str, much: str | None) -> int:
    """'more': half as many again (twice as many for 'many more'); 'fewer': half as many, never none."""
    count = draft.objects[oid].count
    if direction == "more" and much in ("many", "much", "a lot", "lots", "far", "way"):
        return count * 2
    if direction == "more":
        return count + max(1, (count + 1) // 2)
    if count == 1:
        name = draft.objects[oid].name
        raise InvalidRequest(f"there is only one {name}; to take it out, say 'remove the {name}'")
    return count - max(1, count // 2)


_MOVE = re.compile(
    r"^(?:move|put|place|shift|position|slide|drag|bring|push|pull|set|reposition|relocate|nudge)\s+(?P<rest>.+)$"
)
_MOVE_ONLY = ("move", "shift", "slide", "drag", "reposition", "relocate", "nudge", "push", "pull")


def _move(draft: _Draft, text: str) -> bool:
    """'move the cat to the left', 'put the dog on the right', 'move the boat left of the lighthouse'."""
    m = _MOVE.match(text)
    if not m:
        return False
    ref = _ref(draft, m["rest"])
    if ref is None or (ref.number is not None and not m["rest"].startswith(("the ", "both ", "all "))):
        if text.split()[0] in _MOVE_ONLY:
            raise draft.missing(_thing_named(m["rest"]) or m["rest"])
        return False  # 'put a hat on the cat' adds a hat
    placement = _placement(draft, ref.rest)
    if placement is None and text.split()[0] in _MOVE_ONLY:
        where = "'to the left', 'to the right', 'into the background', 'next to the ...'"
        raise InvalidRequest(f"say where to move the {ref.name}: {where}; the scene has {draft.inventory()}")
    if placement is None:
        return False
    _place(draft, _required(draft, ref, m["rest"]), placement)
    return True


@dataclass
class _Placement:
    anchor: str | None = None
    predicate: str | None = None
    target: list[int] = field(default_factory=list)


_RELATIONS = sorted(
    [*((p, r) for p, r in vocab.RELATION_PHRASES.items() if r != "contains"),
     ("in", "inside"), ("into", "inside"), ("by", "next to"), ("to", "near"), ("towards", "near")],
    key=lambda item: -len(item[0]),
)  # fmt: skip
_ANCHOR_WORDS = {
    "left": "left", "left-hand": "left", "right": "right", "right-hand": "right", "center": "center",
    "centre": "center", "middle": "center", "top": "top", "up": "top", "upwards": "top", "upward": "top",
    "higher": "top", "bottom": "bottom", "down": "bottom", "downwards": "bottom", "lower": "bottom",
    "background": "background", "back": "background", "distance": "background", "away": "background",
    "foreground": "foreground", "front": "foreground", "forward": "foreground", "closer": "foreground",
}  # fmt: skip
_ANCHOR_FILLER = frozenset(
    {"to", "the", "on", "in", "into", "at", "toward", "towards", "over", "a", "bit", "little", "more",
     "further", "farther", "far", "slightly", "way", "all", "side", "edge", "corner", "part", "half", "of",
     "picture", "image", "frame", "scene", "canvas", "it", "so", "that", "is", "be", "just"}
)  # fmt: skip


def _placement(draft: _Draft, text: str) -> _Placement | None:
    """Where `text` puts something: next to another object, or a part of the picture; None if neither."""
    text = re.sub(r"^(?:(?:a bit|a little|slightly|just|directly|over|more|further)\s+)+", "", text)
    for candidate in [text] + ([text[6:]] if text.startswith("right ") else []):  # 'right next to'
        for phrase, predicate in _RELATIONS:
            if not candidate.startswith(phrase + " "):
                continue
            rest = candidate[len(phrase) + 1 :]
            ref = _ref(draft, rest, whole=True)
            if ref is not None:
                return _Placement(predicate=predicate, target=_required(draft, ref, rest))
            if _thing_named(rest) and not _anchor(rest):
                raise draft.missing(_thing_named(rest) or rest)
    anchor = _anchor(text)
    return _Placement(anchor=anchor) if anchor else None


def _anchor(text: str) -> str | None:
    if text in vocab.ANCHOR_PHRASES:
        return vocab.ANCHOR_PHRASES[text]
    words = [w for w in text.split() if w not in _ANCHOR_FILLER]
    where = {_ANCHOR_WORDS.get(w) for w in words}
    return where.pop() if words and len(where) == 1 and None not in where else None


def _place(draft: _Draft, ids: list[int], placement: _Placement) -> None:
    """Move objects: their old positional relations go, the new one comes, and they get new boxes."""
    for oid in ids:
        draft.relations = [
            (s, p, o) for s, p, o in draft.relations if s != oid and not (o == oid and p not in ATTACHMENTS)
        ]
        for target in placement.target:
            if target == oid:
                raise InvalidRequest(f"cannot put the {draft.objects[oid].name} {placement.predicate} itself")
            draft.relate(oid, placement.predicate or "near", target)
        draft.placed[oid] = placement.anchor


_ADD = re.compile(
    r"^(?:add|include|insert|put|place|draw|introduce|throw in|bring in|give (?:it|them|me|the \w+)|"
    r"there should be|there should also be|i want|let there be|show|with)\s+(?P<fragment>.+)$"
)
_INDEFINITE = re.compile(
    r"^(?:a|an|another|some|several|many|a few|a couple of|a pair of|\d+|"
    + "|".join(sorted(vocab.NUMBER_WORDS, key=len, reverse=True))
    + r")\s+\S"
)


def _add(draft: _Draft, text: str) -> bool:
    """'add a boat', 'add two red birds', 'add a dog next to the cat', 'add dramatic lighting'."""
    m = _ADD.match(text)
    if not m:
        return False
    return _add_fragment(draft, m["fragment"])


def _bare_add(draft: _Draft, text: str) -> bool:
    """'a moon' on its own, as in 'make it night and a moon'."""
    return bool(_INDEFINITE.match(text)) and _add_fragment(draft, text)


# Words of an edit, not of a thing: an object named with one is a misreading ('a move less').
_EDIT_WORDS = frozenset(
    {"add", "remove", "delete", "move", "make", "put", "change", "turn", "instead", "fewer", "less", "more",
     "bigger", "smaller", "brighter", "darker", "lighter", "should"}
)  # fmt: skip


def _add_fragment(draft: _Draft, fragment: str) -> bool:
    read = _read(fragment)
    if any(_EDIT_WORDS.intersection(o.name.split()) for o in read.objects):
        return False
    if not read.objects:
        if _settings_of(read) and not read.exclude:
            _apply_settings(draft, read)
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
    _apply_settings(draft, read)
    return True


def _references(draft: _Draft, read: Scene, fragment: str) -> dict[int, int]:
    """Objects of a fragment that are objects of the Scene: 'the cat' in 'a dog next to the cat'."""
    mapping: dict[int, int] = {}
    subjects = {r.subject for r in read.relations}
    for k, obj in enumerate(read.objects):
        existing = [i for i, o in draft.objects.items() if o.name == obj.name]
        only_related_to = k in {r.object for r in read.relations} and k not in subjects and k > 0
        if existing and (_definite(fragment, obj.name) or only_related_to):
            mapping[k] = (_matching(draft, existing, obj.attributes) or existing)[0]
    return mapping


def _definite(fragment: str, name: str) -> bool:
    forms = "|".join(re.escape(f) for f in sorted({name, pluralize(name)}, key=len, reverse=True))
    return bool(
        re.search(rf"\b(?:the|its|their|that|this|those|these|my|both)\s+(?:[\w'-]+\s+){{0,3}}?(?:{forms})\b", fragment)
    )


def _anchor_in(fragment: str) -> str | None:
    for phrase in sorted(vocab.ANCHOR_PHRASES, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b(?! of)", fragment):
            return vocab.ANCHOR_PHRASES[phrase]
    return None


def _add_object(draft: _Draft, obj: SceneObject, *, related: bool, anchor: str | None) -> int:
    """A new object; or, for 'add a boat' where a boat it matches stands, one more of that boat."""
    if obj.name in vocab.MASS_NOUNS:
        obj = obj.model_copy(update={"count": 1})  # 'some fog' is fog, not three fogs
    same = _matching(draft, [i for i, o in draft.objects.items() if o.name == obj.name], obj.attributes)
    if same and not related and anchor is None:
        draft.set_count(same[0], draft.objects[same[0]].count + obj.count)
        return same[0]
    return draft.add(obj, anchor)


# -- moods: brighter, darker, moodier, stormier, warmer ... -----------------------------------

_MOOD_PHRASES = {
    "more light": "bright", "more lighting": "bright", "less light": "dark", "less lighting": "dark",
    "turn up the lights": "bright", "turn the lights up": "bright", "turn down the lights": "dark",
    "turn the lights down": "dark", "increase the brightness": "bright", "increase brightness": "bright",
    "raise the brightness": "bright", "decrease the brightness": "dark", "reduce the brightness": "dark",
    "lower the brightness": "dark", "decrease brightness": "dark", "reduce brightness": "dark",
}  # fmt: skip
_MOOD_WORDS = {
    "brighter": "bright", "bright": "bright", "brighten": "bright", "lighter": "bright", "lighten": "bright",
    "darker": "dark", "dark": "dark", "darken": "dark", "dimmer": "dark", "dim": "dark",
    "moodier": "moody", "moody": "moody", "dramatic": "dramatic", "warmer": "warm", "warm": "warm",
    "cooler": "cool", "cool": "cool", "colder": "cool", "cold": "cool",
}  # fmt: skip
_OPPOSITE = {"bright": "dark", "dark": "bright", "warm": "cool", "cool": "warm"}
_MOOD_FILLER = frozenset(
    {"make", "it", "its", "the", "a", "an", "bit", "little", "slightly", "much", "lot", "lots", "way", "even",
     "more", "somewhat", "image", "picture", "scene", "photo", "whole", "overall", "everything", "look", "looks",
     "feel", "feels", "mood", "atmosphere", "tad", "far", "quite", "very", "so", "really", "too", "turn", "get",
     "go", "lighting", "light", "colors", "colours", "tones", "palette", "weather", "this", "all", "be",
     "should", "sky", "skies", "clouds"}
)  # fmt: skip
_BACKDROP_TARGETS = frozenset({"sky", "skies", "clouds", "weather"})


def _mood(draft: _Draft, text: str) -> bool:
    """'brighter', 'more light', 'darker', 'moodier', 'make the sky stormier', 'warmer', 'foggy'."""
    words = text.split()
    less = "less" in words or "not" in words  # 'less bright', 'not so dark'
    mood = _MOOD_PHRASES.get(text)
    if mood is None:
        rest = [w for w in words if w not in _MOOD_FILLER and w not in ("less", "not", "as")]
        if len(rest) != 1 or not (mood := _MOOD_WORDS.get(rest[0]) or _weather(rest[0])):
            return False
        if less:
            if mood not in _OPPOSITE:
                return False
            mood = _OPPOSITE[mood]
    targets = [i for i, o in draft.objects.items() if o.name in _BACKDROP_TARGETS and o.name in words]
    _set_mood(draft, mood, targets)
    return True


def _weather(word: str) -> str | None:
    """'stormy', and its comparative 'stormier' -> 'stormy'."""
    if word in vocab.WEATHER_WORDS:
        return word
    if word.endswith("ier") and word[:-3] + "y" in vocab.WEATHER_WORDS:
        return word[:-3] + "y"
    return None


_MOOD_LIGHTING = {
    "bright": "bright light", "dark": "dim light", "moody": "moody lighting", "dramatic": "dramatic lighting",
    "warm": "warm light", "cool": "cool light",
}  # fmt: skip


def _set_mood(draft: _Draft, mood: str, targets: list[int]) -> None:
    palette: list[str] = draft.settings["palette"]  # type: ignore[assignment]
    draft.settings["lighting"] = _MOOD_LIGHTING.get(mood, mood)
    if mood in ("bright", "sunny"):
        palette = [_lighter(c) for c in palette]
    elif mood in ("dark", "moody", "gloomy", "stormy"):
        palette = [_darker(c) for c in palette]
        if mood == "stormy" or (mood == "dark" and not palette):
            palette = ["dark gray", *palette]
    elif mood in ("warm", "cool"):
        palette = [*vocab.PALETTE_MOODS[mood], *palette]
    draft.settings["palette"] = list(dict.fromkeys(palette))[:_MAX_PALETTE]
    if mood in vocab.WEATHER_WORDS:
        for oid in targets:  # 'make the sky stormier': the sky itself is stormy now
            attrs = draft.objects[oid].attributes
            other = [w for w in attrs.other if w not in vocab.WEATHER_WORDS]
            draft.update(oid, attributes=attrs.model_copy(update={"other": [mood, *other][:_MAX_OTHER]}))


_DARK_SHADES = ("dark", "deep")
_LIGHT_SHADES = ("light", "pale", "pastel", "bright")


def _darker(colour: str) -> str:
    shade, _, base = colour.partition(" ")
    if shade in _DARK_SHADES or colour in ("black", "charcoal", "navy", "maroon"):
        return colour
    if shade in _LIGHT_SHADES and base:
        return f"dark {base}"
    if colour in ("white", "ivory", "cream", "beige"):
        return "gray"
    return f"dark {colour}"


def _lighter(colour: str) -> str:
    shade, _, base = colour.partition(" ")
    if shade in _DARK_SHADES and base:
        return base
    if colour in ("black", "charcoal"):
        return "gray"
    if shade in _LIGHT_SHADES or colour in ("white", "ivory", "cream"):
        return colour
    return f"light {colour}"


# -- settings: time, style, viewpoint, lighting, palette --------------------------------------

_SETTING_VERB = re.compile(
    r"^(?:(?:make|turn|change|switch|convert|set|render|redo|do|paint|draw|show|use|try|go|give me|shoot|"
    r"style|restyle|now)\s+)?(?:(?:it|this|everything|the (?:image|picture|scene|whole thing|style|lighting|light|"
    r"time|time of day|view|viewpoint|palette|colou?rs|mood|camera|shot))\b)?\s*"
)
_SETTING_EXTRAS: dict[str, tuple[str, str]] = {
    "zoom in": ("viewpoint", "close-up"), "zoom in closer": ("viewpoint", "close-up"),
    "closer": ("viewpoint", "close-up"), "get closer": ("viewpoint", "close-up"),
    "zoom out": ("viewpoint", "wide shot"), "wider": ("viewpoint", "wide shot"),
    "pull back": ("viewpoint", "wide shot"), "further away": ("viewpoint", "wide shot"),
    "more detailed": ("style", "highly detailed"), "more detail": ("style", "highly detailed"),
    "more details": ("style", "highly detailed"), "sharper": ("style", "sharp focus"),
}  # fmt: skip


def _setting(draft: _Draft, text: str) -> bool:
    """'at night', 'make it dusk', 'as an oil painting', 'in pixel art', 'close-up', 'dramatic lighting'."""
    rest = _SETTING_VERB.sub("", text, count=1).strip() or text
    extra = _SETTING_EXTRAS.get(rest) or _SETTING_EXTRAS.get(text)
    if extra:
        field_name, value = extra
        _apply_settings(draft, Scene(intent="", prompt=value, **{field_name: value}))
        return True
    read = _read(rest)
    if read.objects or read.exclude or not _settings_of(read):
        return False
    _apply_settings(draft, read)
    return True


def _settings_of(read: Scene) -> dict[str, object]:
    """The settings a fragment names; of its style, only the parts that are a known style or quality."""
    style = ", ".join(p for p in (read.style or "").split(", ") if _is_style(p)) or None
    values = {"style": style, "lighting": read.lighting, "time_of_day": read.time_of_day}
    values |= {"viewpoint": read.viewpoint, "palette": read.palette}
    return {f: v for f, v in values.items() if v}


def _is_style(part: str) -> bool:
    """'oil painting', 'pixel art', 'monet style', 'highly detailed'; not 'background' ('on a white background')."""
    if part in _QUALITIES or part in vocab.STYLE_PHRASES.values() or part.endswith(" style"):
        return True
    return any(w in vocab.STYLE_WORDS or w in vocab.STYLE_HEADS for w in part.split())


def _apply_settings(draft: _Draft, read: Scene) -> None:
    """Each setting the fragment names replaces the Scene's; a new style keeps the old quality tags."""
    for name, value in _settings_of(read).items():
        if name == "style":
            value = _restyled(draft.settings["style"], str(value))  # type: ignore[arg-type]
        draft.settings[name] = list(value) if isinstance(value, list) else value


_QUALITIES = frozenset(vocab.QUALITY_PHRASES.values())


def _restyled(old: str | None, new: str) -> str:
    """'watercolor, highly detailed' + 'oil painting' -> 'oil painting, highly detailed'."""
    old_parts = [p.strip() for p in (old or "").split(",") if p.strip()]
    new_parts = [p.strip() for p in new.split(",") if p.strip()]
    media = [p for p in new_parts if p not in _QUALITIES] or [p for p in old_parts if p not in _QUALITIES]
    qualities = [p for p in old_parts + new_parts if p in _QUALITIES]
    joined = ""
    for part in dict.fromkeys(media + qualities):
        candidate = f"{joined}, {part}" if joined else part
        if len(candidate) > 80:
            break
        joined = candidate
    return joined


# -- attributes: colour, material, size, state ------------------------------------------------

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


def _attributes(draft: _Draft, text: str) -> bool:
    """'make the car blue', 'the apple should be green', 'make the cat bigger', 'the cat should be on the left'."""
    if m := _ATTRIBUTE_VERB.match(text):
        pronoun = _PRONOUN.match(m["rest"])
        if pronoun:
            return _describe_it(draft, _DESCRIPTION_LEAD.sub("", pronoun["rest"]))
        ref = _ref(draft, m["rest"])
        if ref is None:
            return _not_there(draft, m["rest"])
        description = _DESCRIPTION_LEAD.sub("", ref.rest)
    else:
        ref = _ref(draft, text)
        copula = _COPULA.match(ref.rest) if ref is not None else None
        if ref is None or copula is None:
            return ref is None and bool(re.search(r" (?:should|must|is|are) ", text)) and _not_there(draft, text)
        description = copula["desc"]
    if not description:
        return False
    ids = _required(draft, ref, text)
    placement = _placement(draft, description)
    if placement is not None:
        _place(draft, ids, placement)
        return True
    return all(_describe(draft, oid, description) for oid in ids)


def _not_there(draft: _Draft, text: str) -> bool:
    """False; or, when `text` starts by naming a thing with 'the' that the Scene lacks, an error saying so."""
    name = _thing_named(text) if text.startswith("the ") else None
    if name and not draft.named(name):
        raise draft.missing(name)
    return False


def _describe_it(draft: _Draft, description: str) -> bool:
    """'make it blue': only when the Scene has one object that 'it' can be."""
    things = [i for i, o in draft.objects.items() if _is_thing(o.name)]
    described = _described(description)
    if described is None or described.name is not None or _is_empty(described.attributes):
        return False
    if len(things) != 1:
        raise InvalidRequest(
            f"'it' could be any of: {draft.inventory()}; name one, e.g. 'make the {_first_name(draft)} {description}'"
        )
    return _describe(draft, things[0], description)


def _is_thing(name: str) -> bool:
    return name not in vocab.BACKDROPS and name.rsplit(" ", 1)[-1] not in vocab.BACKDROPS


def _describe(draft: _Draft, oid: int, description: str) -> bool:
    """Give one object the attributes `description` names ('blue', 'wooden', 'bigger')."""
    obj = draft.objects[oid]
    words = description.split()
    step = _SIZE_STEP.get(words[-1]) if words else None
    if step is not None and all(
        w in ("a", "bit", "little", "much", "lot", "slightly", "even", "way") for w in words[:-1]
    ):
        return _resize(draft, oid, step)
    description = _COLOUR_PAIR.sub(_hyphenated, description)
    read = _read(f"{description} {obj.name}")
    if len(read.objects) != 1 or read.objects[0].name != obj.name or _is_empty(read.objects[0].attributes):
        return False
    _describe_object(draft, oid, read.objects[0].attributes)
    if read.lighting:
        draft.settings["lighting"] = read.lighting  # 'make the sky stormy': the light is stormy too
    return True


_COLOUR_PAIR = re.compile(r"\b([a-z]+) and ([a-z]+)\b")


def _hyphenated(m: re.Match[str]) -> str:
    """'black and white' -> 'black-and-white', which the planner reads as one colour, not as a palette."""
    both = m[1] in vocab.COLORS and m[2] in vocab.COLORS
    return f"{m[1]}-and-{m[2]}" if both else m[0]


def _describe_object(draft: _Draft, oid: int, attributes: Attributes) -> None:
    old = draft.objects[oid].attributes
    new = _merged(old, attributes)
    draft.update(oid, attributes=new)
    if new.size != old.size:
        draft.resized.add(oid)


def _resize(draft: _Draft, oid: int, step: int) -> bool:
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


_READERS: tuple[Callable[[_Draft, str], bool], ...] = (
    _instead, _remove, _exclude, _mood, _count, _move, _add, _setting, _attributes, _bare_add,
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Boxes: keep what the edit did not touch, place what it did
# ---------------------------------------------------------------------------------------------


def _boxes(draft: _Draft, parent: Scene) -> dict[int, Box | None]:
    """Each object's box after the edit.

    A fresh layout of the edited Scene (composition.py) says how big each object is and how it hangs
    from others; only objects the edit placed take a box from it, moved onto the kept picture. A kept
    object that a placed one would mostly cover steps aside, with whatever stands on it.
    """
    ids = list(draft.objects)
    if not ids:
        return {}
    index = {oid: k for k, oid in enumerate(ids)}
    objects = [draft.objects[i] for i in ids]
    relations = [_relation(index[s], p, index[o]) for s, p, o in draft.relations]
    anchors = {index[i]: where for i, where in draft.placed.items() if where and i in index}
    aspect = parent.width / parent.height
    fresh = dict(zip(ids, layout_boxes(objects, relations, anchors=anchors, aspect=aspect)))
    parents = _attachment_parents(draft.relations, fresh)
    old_boxes = {i: o.box for i, o in enumerate(parent.objects)}
    old_parents = _attachment_parents([(r.subject, r.predicate, r.object) for r in parent.relations], old_boxes)
    affected = _affected(draft, parents, old_parents)
    boxes = {i: _kept_box(draft, i, aspect) for i in ids if i not in affected}
    scale = _scale(draft, boxes, fresh, parents)
    for i in _parents_first(affected, parents):
        boxes[i] = _new_box(i, draft, fresh, boxes, parents, scale)
        if i not in parents and boxes[i] not in _BANDS:
            _step_aside(i, draft, boxes, parents, affected)
    if _crowding(boxes, parents) > _crowding(old_boxes, old_parents):
        return dict(fresh)  # no room left on the kept picture: lay the whole Scene out afresh
    return boxes


def _crowding(boxes: dict[int, Box | None], parents: dict[int, int]) -> int:
    """How many pairs of free-standing objects mostly cover one another."""
    free = [b for i, b in sorted(boxes.items()) if b is not None and b not in _BANDS and i not in parents]
    return sum(_overlap(a, b) > 0.25 * min(a[2] * a[3], b[2] * b[3]) for k, a in enumerate(free) for b in free[k + 1 :])


def _relation(subject: int, predicate: str, other: int):
    from limner.agents.scene import Relation

    return Relation(subject=subject, predicate=predicate, object=other)  # type: ignore[arg-type]


def _attachment_parents(relations: list[tuple[int, str, int]], boxes: dict[int, Box | None]) -> dict[int, int]:
    """subject -> the object it is on, under, inside, in front of or behind (first relation wins, as in
    composition.py; settings drawn as bands hold nothing)."""
    parents: dict[int, int] = {}
    for s, p, o in relations:
        if p not in ATTACHMENTS or s in parents or s not in boxes or o not in boxes:
            continue
        if boxes[s] in _BANDS or boxes[o] in _BANDS or _hangs_from(o, s, parents):
            continue
        parents[s] = o
    return parents


def _hangs_from(node: int, ancestor: int, parents: dict[int, int]) -> bool:
    seen: set[int] = set()
    while node not in seen:
        if node == ancestor:
            return True
        seen.add(node)
        if node not in parents:
            return False
        node = parents[node]
    return True


def _affected(draft: _Draft, parents: dict[int, int], old_parents: dict[int, int]) -> set[int]:
    """What needs a new box: placed objects, what hangs from them, and what lost what it hung from."""
    affected = {i for i in draft.placed if i in draft.objects}
    affected |= {i for i in draft.objects if i in old_parents and parents.get(i) != old_parents[i]}
    while grown := {i for i, p in parents.items() if p in affected} - affected:
        affected |= grown
    return affected


def _kept_box(draft: _Draft, oid: int, aspect: float) -> Box | None:
    """The parent's box; for a count or size change, scaled around the middle of its base."""
    old = draft.before[oid].box
    if old is None or oid not in draft.resized:
        return old
    before = layout_boxes([draft.before[oid]], [], aspect=aspect)[0]
    after = layout_boxes([draft.objects[oid]], [], aspect=aspect)[0]
    w = min(old[2] * after[2] / before[2], 0.95)
    h = min(old[3] * after[3] / before[3], 0.95)
    return _on_canvas(old[0] + old[2] / 2 - w / 2, old[1] + old[3] - h, w, h)


def _scale(draft: _Draft, boxes: dict[int, Box | None], fresh: dict[int, Box], parents: dict[int, int]) -> float:
    """How much bigger the kept picture draws things than the fresh layout does (the median of its objects)."""
    ratios = sorted(
        box[2] / fresh[i][2]
        for i, box in boxes.items()
        if box is not None and i not in parents and i not in draft.resized and fresh[i] not in _BANDS
    )
    if not ratios:
        return 1.0
    return min(max(ratios[len(ratios) // 2], 0.6), 1.6)


def _parents_first(ids: set[int], parents: dict[int, int]) -> list[int]:
    def depth(i: int) -> int:
        d, seen = 0, set()
        while i in parents and i not in seen:
            seen.add(i)
            i, d = parents[i], d + 1
        return d

    return sorted(ids, key=lambda i: (depth(i), i))


def _new_box(
    oid: int, draft: _Draft, fresh: dict[int, Box], boxes: dict[int, Box | None], parents: dict[int, int], scale: float
) -> Box:
    box = fresh[oid]
    if box in _BANDS:
        return box
    anchor = parents.get(oid)
    if anchor is not None and boxes.get(anchor) is not None:
        return _attached(box, fresh[anchor], boxes[anchor])  # type: ignore[arg-type]
    where = draft.placed.get(oid)
    old = draft.before[oid].box if oid in draft.before else None
    if old is not None and oid not in draft.resized and where not in ("background", "foreground"):
        w, h = old[2], old[3]  # a moved object keeps its size
    else:
        w, h = min(box[2] * scale, 0.95), min(box[3] * scale, 0.95)
    # A new object may be drawn smaller to fit between the kept ones; a moved one keeps its size.
    spot = _Spot(w, h, box[1] + box[3], _preferred_x(where, box[0], w), where, shrink=old is None)
    return _best_spot(spot, _others(oid, boxes), _relations_of(oid, draft, boxes))


def _attached(box: Box, fresh_anchor: Box, anchor: Box) -> Box:
    """`box` carried from where the fresh layout put it to the same spot on the kept anchor."""
    sx, sy = anchor[2] / fresh_anchor[2], anchor[3] / fresh_anchor[3]
    s = (sx * sy) ** 0.5
    w, h = box[2] * s, box[3] * s
    cx = anchor[0] + (box[0] + box[2] / 2 - fresh_anchor[0]) * sx
    bottom = anchor[1] + (box[1] + box[3] - fresh_anchor[1]) * sy
    return _on_canvas(cx - w / 2, bottom - h, w, h)


def _step_aside(
    oid: int, draft: _Draft, boxes: dict[int, Box | None], parents: dict[int, int], affected: set[int]
) -> None:
    """Kept free-standing objects that `oid` now mostly covers move to the nearest free spot."""
    placed = boxes[oid]
    assert placed is not None
    for j, box in sorted(boxes.items()):
        if j in affected or j in parents or box is None or box in _BANDS or j == oid:
            continue
        if _overlap(placed, box) <= 0.1 * min(placed[2] * placed[3], box[2] * box[3]):
            continue
        spot = _Spot(box[2], box[3], box[1] + box[3], box[0], None, shrink=False)
        moved = _best_spot(spot, _others(j, boxes), _relations_of(j, draft, boxes))
        boxes[j] = moved
        for d in sorted(d for d in boxes if d != j and _hangs_from(d, j, parents)):
            if boxes[d] is not None:
                boxes[d] = _attached(boxes[d], box, moved)  # type: ignore[arg-type]


def _others(oid: int, boxes: dict[int, Box | None]) -> dict[int, Box]:
    return {j: b for j, b in boxes.items() if b is not None and b not in _BANDS and j != oid}


_FLIPPED = {
    "left of": "right of",
    "right of": "left of",
    "above": "below",
    "below": "above",
    "next to": "next to",
    "near": "near",
}


def _relations_of(oid: int, draft: _Draft, boxes: dict[int, Box | None]) -> list[tuple[str, int]]:
    """(predicate, other) for `oid`'s relations to objects that already have a box, with `oid` as subject."""
    others = _others(oid, boxes)
    relations = [(p, o) for s, p, o in draft.relations if s == oid and o in others]
    return relations + [(_FLIPPED[p], s) for s, p, o in draft.relations if o == oid and s in others and p in _FLIPPED]


@dataclass
class _Spot:
    """What a free-standing object needs: its size, where its base is, the x it would like, its anchor."""

    w: float
    h: float
    bottom: float
    preferred: float
    where: str | None
    shrink: bool = True  # whether it may be drawn smaller to fit


def _best_spot(spot: _Spot, others: dict[int, Box], relations: list[tuple[str, int]]) -> Box:
    """The box that best keeps the object's relations and anchor and overlaps the others least."""
    bottom = spot.bottom
    for predicate, j in relations:
        if predicate == "above":
            bottom = others[j][1] - 0.02
        elif predicate == "below":
            bottom = others[j][1] + others[j][3] + 0.02 + spot.h
    best: tuple[float, int, float, Box] | None = None
    for rank, k in enumerate((1.0, 0.8, 0.65) if spot.shrink else (1.0,)):
        w, h = spot.w * k, spot.h * k
        y = min(max(bottom - h, 0.0), 1 - h)
        preferred = min(max(spot.preferred + (spot.w - w) / 2, 0.0), 1 - w)
        for step in range(int((1 - w) / 0.01) + 1):
            box = (step * 0.01, y, w, h)
            cost = _cost(box, others, relations, spot.where) + abs(box[0] - preferred) + 0.6 * (1 - k)
            if best is None or (cost, rank, box[0]) < best[:3]:
                best = (cost, rank, box[0], box)
    assert best is not None
    return _on_canvas(*best[3])


def _preferred_x(where: str | None, fresh_x: float, w: float) -> float:
    if where == "left":
        return 0.04
    if where == "right":
        return 1 - w - 0.04
    if where == "center":
        return 0.5 - w / 2
    return min(max(fresh_x, 0.0), 1 - w)


def _cost(box: Box, others: dict[int, Box], relations: list[tuple[str, int]], where: str | None) -> float:
    x, _, w, h = box
    cx = x + w / 2
    overlap = sum(_overlap(box, b) for b in others.values()) / (w * h)
    miss = near = 0.0  # how far the relations are from holding; 'next to' is the weaker wish
    for predicate, j in relations:
        b = others[j]
        if predicate == "left of":
            miss += max(0.0, x + w - b[0])
        elif predicate == "right of":
            miss += max(0.0, b[0] + b[2] - x)
        elif predicate in ("next to", "near"):
            near += max(0.0, b[0] - (x + w), x - (b[0] + b[2]))
        elif predicate in ("above", "below"):
            miss += abs(cx - (b[0] + b[2] / 2))
    off = 0.0  # how far the anchor is from holding
    if where == "left":
        off = max(0.0, cx - 0.4)
    elif where == "right":
        off = max(0.0, 0.6 - cx)
    elif where == "center":
        off = max(0.0, abs(cx - 0.5) - 0.1)
    # A relation or anchor outweighs any overlap: what is covered steps aside afterwards.
    return 4 * overlap + 6 * near + 20 * (miss + off)


def _overlap(a: Box, b: Box) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


def _on_canvas(x: float, y: float, w: float, h: float) -> Box:
    w = round(min(max(w, 0.02), 1.0), 4)
    h = round(min(max(h, 0.02), 1.0), 4)
    return (round(min(max(x, 0.0), 1.0 - w), 4), round(min(max(y, 0.0), 1.0 - h), 4), w, h)
