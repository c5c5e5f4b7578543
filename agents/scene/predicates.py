"""What a relation's predicate says, and where it puts things.

A Scene relation joins two objects with a short predicate: a spatial one ("on", "left of", "in front of")
or what one does to the other ("wearing", "riding", "holding", "sitting on", "with", "has"). Predicates are
stored in one form, so "on top of", "atop" and "upon" are all "on", and "rides", "ride" and "riding" are
all "riding": equal facts compare equal, the checks read "Is the man riding the horse?", and the prompt
reads "a man riding a horse".

`spatial_form` says what a predicate means for the layout: "sitting on" is "on", "wearing" puts the worn
thing inside the wearer's box, "with" keeps the two side by side, and so does "has" (a thing said to own
another: "the road has a bus"; the checks ask both as "Does the road have the bus?", and a prompt writes
both as "with"); a predicate with no place in the picture ("looking at", "chasing") has none.
"""

from __future__ import annotations

import re

from limner.agents.scene.english import pluralize, with_the

SPATIAL = ("left of", "right of", "above", "below", "on", "under", "next to", "in front of", "behind", "inside", "near")
# Other prepositions a relation may hold as they are: "in" (a bus in the street is not inside it), "at", "with".
PREPOSITIONS = (
    "in", "at", "with", "by", "through", "across", "along", "around", "against", "between", "of", "outside",
    "toward", "towards", "past", "among", "amid", "beyond", "from", "off", "out", "like", "via", "throughout",
    "opposite", "underneath", "inside", "onto", "into", "to", "for", "about", "up", "down", "all",
)  # fmt: skip

# Spellings of one spatial meaning, written as the Scene stores it.
_SYNONYMS = {
    "to the left of": "left of", "on the left of": "left of", "left to": "left of", "on the left side of": "left of",
    "to the right of": "right of", "on the right of": "right of", "right to": "right of",
    "on the right side of": "right of", "over": "above", "beneath": "under", "underneath": "under",
    "on top of": "on", "atop": "on", "upon": "on", "onto": "on", "beside": "next to", "alongside": "next to",
    "adjacent to": "next to", "close to": "near", "nearby": "near", "in back of": "behind",
    "inside of": "inside", "within": "inside", "into": "inside", "in front": "in front of",
    "has": "has", "have": "has", "having": "has", "owns": "has", "containing": "with",
}  # fmt: skip

# Verbs of two syllables whose last consonant doubles before -ing ("admit" -> "admitting"); one-syllable verbs
# double by the spelling rule (_short_closed: "sit" -> "sitting").
_DOUBLING = frozenset(
    "admit begin commit compel control equip forget patrol permit prefer refer regret submit upset occur".split()
)
# Past participles that do not end in -ed.
_PAST_PARTICIPLES = frozenset(
    {"held", "bent", "worn", "hung", "lit", "stuck", "caught", "seen", "shown", "drawn", "built", "sat",
     "laid", "spread", "bound", "wound", "torn", "frozen", "stolen", "woven", "sewn", "sunk", "struck", "written"}
)  # fmt: skip
# Where a predicate puts its objects, beyond the spatial ones: (layout meaning, whether the ends swap).
# "A wearing B": B goes inside A's box; "A riding B": A goes on B.
_VERB_PLACES: dict[str, tuple[str, bool]] = {
    "in": ("inside", False), "wearing": ("inside", True), "holding": ("inside", True),
    "carrying": ("inside", True), "riding": ("on", False), "with": ("next to", False), "has": ("next to", False),
    "at": ("near", False), "facing": ("near", False), "in the middle of": ("inside", False),
    "between": ("inside", False),  # the group it is between spans both sides
    "by": ("next to", False), "against": ("next to", False), "along": ("next to", False),
    "around": ("near", False), "hugging": ("next to", False), "walking": ("near", False),
    "on the side of": ("next to", False), "on both sides of": ("next to", False),
    "on either side of": ("next to", False), "on each side of": ("next to", False), "outside": ("near", False), "surrounded by": ("near", True),
}  # fmt: skip
_PREPOSITION_STARTS = frozenset(
    [
        p.split()[0]
        for p in (*SPATIAL, *PREPOSITIONS, *_SYNONYMS)
        if p.split()[0] not in ("has", "have", "having", "owns", "containing")
    ]
)
# Words that open a relation and are no verbs: adjectives ('parallel to', 'level with'), words of nearness
# ('just above', 'right in front of') and directions ('back behind', 'forward over').
_RELATING_ADJECTIVES = frozenset(
    "parallel perpendicular level adjacent closer flush even just right directly slightly far loosely almost "
    "back forward forwards backward backwards outward outwards inward inwards upward upwards downward "
    "downwards sideways".split()
)
_WORD = re.compile(r"[a-z][a-z'-]*")


def canonical_predicate(text: str) -> str:
    """The stored form of a predicate: lowercase words, spatial synonyms merged, a verb as its -ing form."""
    words = _WORD.findall(text.lower().replace("_", " "))
    phrase = " ".join(words)
    if not phrase:
        raise ValueError("a predicate needs a word, like 'on', 'left of' or 'holding'")
    if phrase in _SYNONYMS:
        return _SYNONYMS[phrase]
    if words[0] in _PREPOSITION_STARTS or words[0] in _RELATING_ADJECTIVES:  # 'on', 'left of', 'parallel to'
        return phrase
    if words[-1] in ("than", "as") and len(words) > 1:  # a comparison: 'bigger than', 'as tall as'
        return phrase
    verb = participle(words[0])
    rest = " ".join(words[1:])
    return f"{verb} {rest}".strip()


def participle(verb: str) -> str:
    """'rides' -> 'riding', 'sit' -> 'sitting', 'lies' -> 'lying', 'holding' -> 'holding'."""
    if verb.endswith("ing") and len(verb) > 4:
        return verb
    if (verb.endswith("ed") and not verb.endswith("eed") and len(verb) > 4) or verb in _PAST_PARTICIPLES:
        return verb  # 'perched on', 'docked at', 'held': a past participle stays one
    base = base_form(verb)
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith(("ee", "ye", "oe")) or base in ("be",):
        return base + "ing"
    if base.endswith("e") and len(base) > 2:
        return base[:-1] + "ing"
    if base in _DOUBLING or _short_closed(base):
        return base + base[-1] + "ing"
    return base + "ing"


def _short_closed(word: str) -> bool:
    """Whether a verb is one syllable ending in one vowel and one consonant, which doubles before -ing:
    'trot' -> 'trotting', 'hum' -> 'humming'; not 'eat', 'jump', 'fix', 'row' or 'visit'."""
    stem = word.replace("qu", "q")  # the u of 'quit' is no vowel of its own
    if len(stem) < 3 or stem[-1] in "aeiouwxy" or stem[-2] not in "aeiou" or stem[-3] in "aeiou":
        return False
    groups = sum(1 for i, c in enumerate(stem) if c in "aeiouy" and i > 0 and stem[i - 1] not in "aeiouy")
    return groups + (stem[0] in "aeiou") == 1


def base_form(verb: str) -> str:
    """'rides' -> 'ride', 'watches' -> 'watch', 'lies' -> 'lie', 'is' -> 'be'; other words as they are."""
    irregular = {"is": "be", "are": "be", "has": "have", "does": "do", "goes": "go"}
    if verb in irregular:
        return irregular[verb]
    if verb.endswith(("ss", "us", "is")) or len(verb) <= 3:
        return verb
    if verb.endswith("ies"):
        return verb[:-3] + "y" if len(verb) > 4 and verb[-4] not in "aeiou" and verb != "lies" else verb[:-1]
    if verb.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return verb[:-2]
    if verb.endswith("s"):
        return verb[:-1]
    return verb


def spatial_form(subject: int, predicate: str, other: int) -> tuple[int, str, int] | None:
    """(subject, spatial meaning, object) for the layout, or None when the predicate places nothing."""
    if predicate in SPATIAL:
        return subject, predicate, other
    if predicate in _VERB_PLACES:
        meaning, swapped = _VERB_PLACES[predicate]
        return (other, meaning, subject) if swapped else (subject, meaning, other)
    words = predicate.split()
    tail = _spatial_tail(words)  # 'sitting on' -> 'on', 'hiding behind' -> 'behind'
    if tail:
        return subject, tail, other
    last = words[-1] if len(words) > 1 else ""
    if last in _VERB_PLACES and not _VERB_PLACES[last][1]:  # 'leaning against', 'driving along': next to
        return subject, _VERB_PLACES[last][0], other
    return None


# How a predicate reads between two noun phrases, where that differs from the stored form ('in a kitchen'
# for the stored 'inside', which the checks ask: 'Is the chef inside the kitchen?').
_PHRASES = {"left of": "to the left of", "right of": "to the right of", "has": "with", "inside": "in"}
_PLACE_PHRASES = {
    "left": "on the left", "right": "on the right", "center": "in the center", "top": "at the top",
    "bottom": "at the bottom", "foreground": "in the foreground", "background": "in the background",
}  # fmt: skip


def relation_phrase(predicate: str) -> str:
    """The words between subject and object in a prompt: 'to the left of', 'riding', 'with'."""
    return _PHRASES.get(predicate, predicate)


def relation_question(
    subject: str, predicate: str, other: str, *, plural: bool = False, other_plural: bool = False
) -> str:
    """'Is the cat on the table?', 'Is the man riding the horse?', 'Does the man have a hat?', 'Are the
    birds on the wires?'."""
    other = pluralize(other) if other_plural else other
    if predicate in ("with", "has"):
        owner = f"Do the {pluralize(subject)}" if plural else f"Does {with_the(subject)}"
        return f"{owner} have {with_the(other)}?"
    be, subject = ("Are", f"the {pluralize(subject)}") if plural else ("Is", with_the(subject))
    return f"{be} {subject} {predicate} {with_the(other)}?"


def place_phrase(place: str) -> str:
    """'in the background', 'on the left'."""
    return _PLACE_PHRASES.get(place, place)


def _spatial_tail(words: list[str]) -> str | None:
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        tail = _SYNONYMS.get(tail, tail)
        if tail in SPATIAL:
            return tail
        if tail == "in":
            return "inside"
    return None
