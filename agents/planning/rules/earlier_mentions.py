"""An edit request applied to the words that named its thing earlier in the same text.

'a red car on a road. change the car to blue.' asks for a blue car on a road, not a red car and a blue
one: the look goes into the earlier noun phrase ('a blue car on a road'), a colour replacing its colour;
'replace the sofa with a bed' after 'a cat on a sofa' gives 'a cat on a bed'; 'add a hat to the dog'
after 'a dog in a park' gives 'a dog with a hat in a park'. The mention is the last whole word that is
the thing's name (or its plural or singular), with the determiner and describing words before it.
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import vocabulary as vocab

# Words that start the noun phrase a mention ends: the span replaced runs from one.
_DETERMINERS = frozenset(
    {"a", "an", "the", "some", "my", "our", "your", "his", "her", "its", "their", "this", "that", "these", "those",
     "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few", "many"}
)  # fmt: skip
# Classes of look words: a new word of one class replaces the earlier word of that class ('red' -> 'blue').
_LOOK_CLASSES = (
    vocab.COLORS | frozenset(vocab.COLOR_SYNONYMS) | vocab.COLOR_MODIFIERS,
    vocab.SIZES,
    frozenset(vocab.MATERIALS),
)
_WORD = re.compile(r"[\w'-]+")
_LEADING_DETERMINER = re.compile(r"^(?:a|an|the|some)\s+", re.IGNORECASE)
# Words between a mention's determiner and its name; more than this and no determiner is looked for.
_MOST_MODIFIERS = 4
_NOT_NAMES = frozenset({"it", "them", "him", "her", "one", "thing", "things", "picture", "image", "scene"})


def mention(before: str, name: str) -> tuple[int, int] | None:
    """(start, end) of the last noun phrase in `before` whose name is `name` ('car' in 'a red car on a road')."""
    name = name.lower()
    if len(name) < 3 or name in _NOT_NAMES:
        return None
    forms = {name, name + "s", name + "es", name[:-1] if name.endswith("s") else name}
    words = list(_WORD.finditer(before))
    for k in range(len(words) - 1, -1, -1):
        if words[k].group().lower() in forms:
            start = words[k].start()
            for j in range(k - 1, max(-1, k - 1 - _MOST_MODIFIERS), -1):
                if re.search(r"[.,;!?]", before[words[j].end() : words[j + 1].start()]):
                    break  # the phrase does not reach past a comma or a sentence's end
                if words[j].group().lower() in _DETERMINERS:
                    start = words[j].start()
                    break
            return start, words[k].end()
    return None


def with_look(phrase: str, look: str) -> str:
    """A noun phrase with a look said before its name, in place of its look of the same kind:
    ('a red car', 'blue') -> 'a blue car'."""
    words = phrase.split()
    new = [word.lower() for word in look.split()]
    kept = [
        word for word in words[:-1]
        if not any(word.lower() in kind and any(n in kind for n in new) for kind in _LOOK_CLASSES)
    ]  # fmt: skip
    determiner = kept[:1] if kept and kept[0].lower() in _DETERMINERS else []
    modifiers = kept[len(determiner) :]
    out = determiner + modifiers + look.split() + words[-1:]
    if determiner and determiner[0].lower() in ("a", "an") and len(out) > 1:
        out[0] = "an" if out[1][:1].lower() in "aeiou" else "a"
    return " ".join(out)


def replaced(phrase: str, new: str) -> str:
    """What stands in an earlier phrase's place: the new noun phrase, with the old determiner if it has none."""
    if _LEADING_DETERMINER.match(new) or phrase.split()[0].lower() not in _DETERMINERS:
        return new
    return phrase.split()[0] + " " + new
