"""Names given to a thing: 'a dog named Max', 'a bakery called Sweet Dreams'.

The words after 'named' or 'called' are what the thing before is called, not a second thing to draw, so
they are kept, with the verb, among that thing's attributes (its `other` words: 'named Max', which the
prompt writes after the noun) and the grammar reads on after them. A
quoted name ("a band called 'BRO'") is a text to render and quoted.py places it. The name runs over
words and numbers up to the first grammar word; written with capitals, it ends at its last capitalised
word or number ('a boat called the Sea Star moored in a harbour'); in lowercase, at the first verb form
('a cat named whiskers sleeping on a mat').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.tagging import CLAUSE, DET, NUM, PROPER, WORD, Item

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

# Participles that give the next words as the name of the thing before them.
NAMING_VERBS = frozenset({"named", "called", "nicknamed", "dubbed"})
_NAME_ITEMS = frozenset({WORD, CLAUSE, NUM})
# Lowercase words after a naming verb that start no name: 'named after her grandmother', 'called out to'.
NOT_NAMES = frozenset({"after", "for", "out", "up", "back", "off", "by", "because", "since", "as", "upon", "over"})
_VERB_ENDINGS = ("ing", "ed")


def read_name(reading: Reading, verb: str, items: list[Item], i: int, thing: int | None) -> int:
    """After a naming verb (`items[i]` is the word after it): give `thing` the name that follows and
    return the index after it; anything else returns `i` untouched."""
    if verb not in NAMING_VERBS or thing is None:
        return i
    j = i + 1 if i < len(items) and items[i].kind == DET and items[i].text.lower() == "the" else i  # 'the Sea Star'
    if j < len(items) and items[j].text in NOT_NAMES:
        return i
    end = j
    while end < len(items) and items[end].kind in _NAME_ITEMS and not _verb_form(items[end]):
        end += 1
    named = items[j:end]
    capitalised = [k for k, item in enumerate(named) if _capitalised(item)]
    if capitalised:
        named = named[: capitalised[-1] + 1]
    if not named:
        return i
    reading.add_other(thing, " ".join([verb, *(item.text for item in named)]))  # 'named Max
    after = j + len(named)
    if after < len(items) and items[after].kind == WORD and _verb_form(items[after]):
        return reading.after_verb(items[after].text, items, after + 1, thing)  # 'a dog named Max sitting': the dog
    return after


def _capitalised(item: Item) -> bool:
    return item.value == PROPER or item.kind == NUM or item.text[:1].isupper()


def _verb_form(item: Item) -> bool:
    """A lowercase word that may be a verb: 'sitting', 'moored'; such a word ends a name."""
    return not _capitalised(item) and item.text.endswith(_VERB_ENDINGS) and len(item.text) > 4
