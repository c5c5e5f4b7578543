"""One object of a Scene as a noun phrase of a generator prompt: 'two red apples', 'a cat with green eyes',
'a dog named Max sitting on a rug', 'a sign that says "OPEN"'; 'the dogs' once introduced.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from limner.agents.scene.english import indefinite, mass_noun, owned_name, pluralize, proper_name, with_the
from limner.agents.scene.predicates import place_phrase
from limner.agents.scene.words import MATERIAL_ADJECTIVES, UNIQUE_NOUNS

if TYPE_CHECKING:
    from limner.agents.scene.model import SceneObject

# A describing word ending in -est before the noun: one of a kind, so 'the' ('the newest phone'). Nouns and
# other words that only look so ('forest', 'protest', 'guest', 'honest') are left out by name.
_SUPERLATIVE = re.compile(r"([a-z]{2,}est) ")
_NOT_SUPERLATIVE = re.compile(
    r"(?:rain|mid|north|south)?(?:forest|honest|modest|earnest|west|interest|harvest|chest|crest|quest|vest|"
    r"nest|pest|rest|test|zest|guest|priest|tempest|arrest|everest|manifest|suggest|digest|contest|protest|"
    r"request|conquest)"
)


def _superlative(words: str) -> bool:
    match = _SUPERLATIVE.match(words)
    return bool(match) and not _NOT_SUPERLATIVE.fullmatch(match.group(1))


_NUMBER_WORDS = {
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    10: "ten", 11: "eleven", 12: "twelve",
}  # fmt: skip

# How a group stands, said of things counted by a word ('in a flock', 'in a row'): 'a flock of geese'.
_GROUPED = re.compile(r"in an? [a-z]+")

_NAMING_VERBS = frozenset({"named", "called", "nicknamed", "dubbed"})

_POSTURES = frozenset({"sitting", "standing", "lying", "kneeling", "crouching", "squatting", "seated", "reclining"})

# Prepositions, particles and naming verbs: a describing phrase with one of them is written after the noun
# ('with green eyes', 'in the air', 'for sale', 'bent forward', 'full of holes', 'mid leap', 'named Max').
_AFTER_NOUN = frozenset(
    {"with", "in", "on", "at", "for", "into", "under", "inside", "out", "without", "up", "upside", "to", "behind",
     "above", "below", "near", "across", "toward", "towards", "over", "by", "about", "down", "from", "onto",
     "against", "through", "around", "along", "forward", "forwards", "back", "backward", "backwards", "upward",
     "upwards", "downward", "downwards", "ahead", "apart", "sideways", "away", "off", "together", "beside",
     "between", "like", "of", "mid"}
) | _NAMING_VERBS  # fmt: skip

# Particles, said after the noun when they are all of a phrase ('a knee up').
_PARTICLES = frozenset(
    {"up", "down", "out", "forward", "forwards", "back", "backward", "backwards", "upward", "upwards", "downward",
     "downwards", "ahead", "apart", "sideways", "away", "off", "together", "aside", "overhead", "outward", "outwards",
     "behind"}
)  # fmt: skip

# Words after a part's name that make it a measure, not the part: 'head level', 'shoulder width'.
_MEASURES = frozenset({"level", "height", "high", "length", "width", "distance"})

# Participles of a held pose, and the words after them that make the phrase read after the noun: 'an arm
# bent a little', 'an arm held close to the face'.
_HELD_WORDS = frozenset({"bent", "held", "kept", "turned", "tilted", "raised", "lifted", "stretched", "extended"})

_DEGREE_AFTER = frozenset({"a", "slightly", "close", "closer", "far", "high", "low", "tight", "tightly", "straight"})

# Nouns ending in -ing, which are no verb forms ('an evening gown').
_ING_NOUNS = frozenset(
    {"evening", "morning", "wedding", "building", "clothing", "ceiling", "painting", "drawing", "lighting",
     "spring", "string", "swing", "thing", "something", "nothing", "everything", "anything", "king", "ring",
     "wing", "sibling", "pudding", "dumpling", "sapling", "viking", "icing", "awning", "railing", "offspring"}
)  # fmt: skip


def noun_phrase(
    obj: SceneObject, *, definite: bool = False, parts: frozenset[str] = frozenset(), twin: bool = False
) -> str:
    """'two red apples', 'a wooden table', 'a cat with green eyes', 'a dog running', 'a sign that says "OPEN"',
    or 'the table' once introduced ('the green book' when another thing has its name: a `twin`). A value
    that opens with the name of another thing of the Scene, one of `parts` ('knee bent' of a leg), is said
    last, after 'with': 'a left leg lifted with knee bent'."""
    if definite:  # 'the dogs' for more than one
        one = obj.count == 1 or mass_noun(obj.name) or proper_name(obj.name)  # 'the Christmas trees' for two
        name = obj.name if one else pluralize(obj.name)
        mark = _mark(obj) if twin else None
        return with_the(f"{mark} {name}" if mark else name)
    return " ".join(w for w in noun_and_after(obj, parts=parts) if w)


def noun_and_after(obj: SceneObject, *, parts: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The noun phrase of a thing up to its noun ('a trunk') and what is said after the noun ('curled up'),
    which may be empty: an 'of' phrase goes between them ('a trunk of an elephant curled up')."""
    attrs = obj.attributes
    material = MATERIAL_ADJECTIVES.get(attrs.material or "", attrs.material)
    # A value another value says with more words ('bent' of 'bent at the knees') is said once, in full.
    widest = _widest([attrs.size, attrs.state, *attrs.other, attrs.action])
    owned = [v for v in attrs.described() if v in widest and _opens_with(v, parts - {obj.name})]
    widest -= set(owned)
    whose = owned_name(obj.name)  # 'your left leg lifted': the state follows a name that says whose it is
    state = attrs.state if attrs.state in widest and not _reads_after(attrs.state) and not whose else None
    action = attrs.action if attrs.action in widest else None
    # A phrase with a preposition or a participle in it reads after the noun: 'a cat with green eyes', 'an
    # arm bent at the elbow', 'a man looking up'.
    after = [w for w in (attrs.state, *attrs.other) if w in widest and _reads_after(w) and w != action]
    # An other word said already ('brown' of 'brown and white', 'heart' of 'heart-shaped', 'small' of
    # 'smaller') is said once.
    said = _words_of(attrs.size, state, attrs.color, material, action, *after)
    # How a body rests is said with what it does, after the noun: 'a boy sitting and fishing'.
    postures = [w for w in postures_of(obj) if w in widest and w != action]
    if not action and any(_reads_after(w) for w in (attrs.state, *attrs.other) if w in widest):
        postures = []  # 'a standing person jumping in the air'
    doing = " and ".join([*postures, action] if action else postures)
    before: list[str] = []
    for word in attrs.other:
        if word in postures:
            continue
        if word in widest and not _reads_after(word) and not all(_said(w, said) for w in _words_of(word)):
            before.append(word)
            said |= _words_of(word)
    # A colour said after the noun ('a woman in red') is not said before it too.
    color = attrs.color if not (attrs.color and _words_of(attrs.color) <= _words_of(*after)) else None
    words = " ".join(w for w in (attrs.size, state, *before, color, material, obj.name) if w)
    if obj.count is None:  # 'some apples', 'many trees': a plural without a number
        group = next((w for w in after if _GROUPED.fullmatch(w)), None) if obj.quantity else None
        if group:  # 'a flock of geese', not 'many geese in a flock'
            after = [w for w in after if w != group]
            phrase = f"{group.split(' ', 1)[1]} of {pluralize(words)}"
        else:
            phrase = f"{obj.quantity} {pluralize(words)}" if obj.quantity else pluralize(words)
    elif obj.count > 1:
        phrase = f"{_NUMBER_WORDS.get(obj.count, str(obj.count))} {pluralize(words)}"
    else:
        phrase = f"{_article(obj.name, words)}{words}"
    text = [f'that {"say" if obj.plural else "says"} "{obj.text}"'] if obj.text else []
    where = [place_phrase(obj.place)] if obj.place else []
    # A name goes right after the noun, before what the thing does: 'a dog named Max sitting on a rug'.
    names = [w for w in after if w.split(" ", 1)[0] in _NAMING_VERBS]
    if whose and attrs.state in widest and not _reads_after(attrs.state) and attrs.state != action:
        names.append(attrs.state)  # 'your right arm bent, reaching ...': after a name that says whose it is
    after = [w for w in after if w not in names]
    with_parts = [f"with {' and '.join(owned)}"] if owned else []
    return phrase, " ".join([*names, *text, *([doing] if doing else []), *after, *with_parts, *where])


def postures_of(obj: SceneObject) -> list[str]:
    """How the thing's body rests, of its describing words: 'sitting', 'kneeling' (not 'standing' when
    'standing up' says it)."""
    attrs = obj.attributes
    values = [v for v in (attrs.state, attrs.action, *attrs.other) if v]
    return [w for w in attrs.other if w in _POSTURES and not any(v.startswith(w + " ") for v in values)]


def _mark(obj: SceneObject) -> str | None:
    """The describing word that tells a thing from another of its name: its colour, size, material or
    first other word ('the green book' and 'the red book')."""
    attrs = obj.attributes
    material = MATERIAL_ADJECTIVES.get(attrs.material or "", attrs.material)
    first = attrs.other[0] if attrs.other and not _reads_after(attrs.other[0]) else None
    return attrs.color or attrs.size or material or first


def _opens_with(value: str, names: frozenset[str]) -> bool:
    """Whether a describing phrase opens with one of `names` and says its state: 'knee bent' with 'knee';
    not 'head level', a height."""
    words = value.split()
    for name in names:
        size = len(name.split())
        if words[:size] == name.split() and len(words) > size and words[size] not in _MEASURES:
            return True
    return False


def said_by_its_owner(obj: SceneObject, others: list[SceneObject]) -> bool:
    """Whether each of a thing's describing phrases is said, after its name, by another thing: the foot of
    'a left leg out straight with foot at waist level' is not written again as 'a foot at waist level'."""
    values = obj.attributes.described()
    if not values or obj.place or obj.text or (obj.count or 1) > 1:
        return False
    said = {v for other in others if other is not obj for v in other.attributes.described()}
    widest = _widest(values)
    return all(f"{obj.name} {v}" in said for v in values if v in widest)


def _widest(values: list[str | None]) -> set[str]:
    """The values no other value contains as a run of its words: of 'bent', 'bent at the knees' and 'at
    the knees', only 'bent at the knees'."""
    present = list(dict.fromkeys(v for v in values if v))
    runs = {v: f" {v.lower()} " for v in present}
    return {v for v in present if not any(o != v and runs[v] in runs[o] for o in present)}


def _words_of(*values: str | None) -> set[str]:
    return {w for value in values for w in (value or "").replace(",", " ").replace("-", " ").split()}


def _said(word: str, said: set[str]) -> bool:
    return word in said or (len(word) > 2 and any(w.startswith(word) for w in said))


def _reads_after(value: str | None) -> bool:
    """Whether a describing phrase goes after the noun: a particle alone ('up'), or words with a preposition
    or a particle in them ('with green eyes', 'bent forward') or a verb's -ing form ('looking upward')."""
    if value is None:
        return False
    words = value.lower().split()
    if len(words) == 1:
        return words[0] in _PARTICLES  # 'a knee up', 'an arm out'
    if words[0] in _HELD_WORDS and words[1] in _DEGREE_AFTER:
        return True  # 'an arm bent a little', 'an arm held close'
    return any(w in _AFTER_NOUN or (w.endswith("ing") and len(w) > 4 and w not in _ING_NOUNS) for w in words)


def plain_words(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", text.lower()))


def _article(name: str, words: str) -> str:
    """'a ', 'an ', 'the ' for the sun and the sky, or nothing for snow and fog."""
    first = indefinite(name, words)
    if first in ("a ", "an ") and (name in UNIQUE_NOUNS or _superlative(words)):  # 'the sun', 'the tallest tower'
        return "the "
    return first
