"""Edit requests sent with no earlier picture, read as the picture they ask for.

A new picture has nothing to edit, so 'add a hat to the dog' asks for a dog with a hat, 'put a moon in
the sky' for a moon in the sky, 'remove the people from the street' for a street with no people,
'replace the cat with a dog' for a dog, 'change the car to blue' and 'make the sky purple' for a blue
car and a purple sky, 'turn the house into a castle' for a castle and 'the same cat but wearing a crown'
for a cat wearing a crown. A clause is read so only where it starts a sentence or follows a comma,
'and', 'but' or 'then' ('a red fox in the snow. add a full moon.'), and a verb that is also a noun
only before a noun phrase's first word ('Change of seasons', 'Place de la Concorde', 'Add-on cards'
stay as written). An edit of a thing the text named before changes those words (earlier_mentions.py).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.earlier_mentions import mention, replaced, with_look
from limner.agents.planning.rules.pose_phrases import ing_form
from limner.agents.planning.rules.setting_words import WEATHER_WORDS
from limner.agents.planning.rules.verbs import BARE_VERBS, MOTION_VERBS

# Words that open a noun phrase: an edit verb that is also a noun is one only before them.
_DETERMINERS = (
    r"(?:a|an|the|some|my|our|your|his|her|its|their|this|that|these|those|all|every|each|another|more|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|\d+)"
)
# Verbs of adding; 'add X to Y' gives Y with X.
_ADDING = r"(?:add(?:\s+in)?|include|insert|put(?:\s+in)?|place|stick|attach)"
# Verbs of taking away; 'remove X from Y' gives Y with no X.
_REMOVING = r"(?:remove|delete|erase|eliminate|get\s+rid\s+of|take\s+(?:out|away|off)|cut\s+out)"
# Verbs of putting one thing in another's place; 'replace X with Y' gives Y.
_REPLACING = r"(?:replace|swap(?:\s+out)?|switch(?:\s+out)?|exchange|substitute)"
# Verbs of changing a thing's look or kind: 'turn X into Y', 'make X blue', 'paint X red'.
_CHANGING = r"(?:change|turn|transform|convert|morph|make|paint|colou?r|dye)"
# 'give the dog a hat' gives the dog with a hat.
_GIVING = r"(?:give)"
# Verbs read as edits only before a noun phrase, since the word is also a noun ('Change of seasons').
_NOUN_TOO = frozenset({"put", "place", "stick", "attach", "swap", "switch", "exchange", "change", "turn",
                       "make", "give", "paint", "color", "colour", "dye", "cut", "take"})  # fmt: skip
EDIT_VERB = r"(?:" + "|".join((_ADDING, _REMOVING, _REPLACING, _CHANGING, _GIVING)) + r")"
_LEAD = re.compile(r"(?P<verb>" + EDIT_VERB + r")\s+(?P<rest>\S.*)", re.IGNORECASE | re.DOTALL)
# Where a clause ends: a sentence's end, a comma, or 'and'/'then' before another edit.
_CLAUSE_END = re.compile(
    r"\s*(?:[.!?;](?=\s|$)|,|\s(?:and\s+)?then\s|\s(?:and|but|&)\s+(?=" + EDIT_VERB + r"\s))", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"\s*(?:[.!?;](?=\s|$))")
# Where an edit may start inside a sentence: after a comma, 'and', 'but' or 'then'.
_CLAUSE_START = re.compile(r"(?:,\s*(?:(?:and|but|then|and then)\s+)?|\s(?:and|but|then|and then)\s+)", re.IGNORECASE)
# Words after a verb that show it is no edit: 'Remove before flight'.
_NOT_A_THING = re.compile(r"(?:before|after|from|of|to|for|with|and|or|me|us|you)\b", re.IGNORECASE)
_SOME_OF = re.compile(r"\S+\s+of\s+(?:them|the|those|these)\b", re.IGNORECASE)
_OWNER = re.compile(r"^(?:his|her|its|their)\s+", re.IGNORECASE)
_NOUN_PHRASE = re.compile(_DETERMINERS + r"\s", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|a|an|some|this|that|these|those|all)\s+", re.IGNORECASE)

_TO_HOLDER = re.compile(r"(?P<new>.+?)\s+(?:to|onto)\s+(?P<holder>.+)", re.IGNORECASE | re.DOTALL)
_FROM_PLACE = re.compile(r"(?P<gone>.+?)\s+(?:from|out of|off of|off)\s+(?P<place>.+)", re.IGNORECASE | re.DOTALL)
_WITH_NEW = re.compile(r"(?P<old>.+?)\s+(?:with|by|for)\s+(?P<new>.+)", re.IGNORECASE | re.DOTALL)
_INTO_NEW = re.compile(r"(?P<old>.+?)\s+(?:into|in to|to|to be|into being)\s+(?P<new>.+)", re.IGNORECASE | re.DOTALL)
_LOOK_OF = re.compile(r"^(?:the\s+)?(?:colou?r|shade|look)\s+of\s+", re.IGNORECASE)
_IT = re.compile(
    r"(?:it|this|everything|the (?:picture|image|scene|whole thing))\s+(?:look(?:\s+like)?\s+|seem\s+)?", re.IGNORECASE
)
_PERSON = re.compile(r"(?:him|her|them)\s", re.IGNORECASE)
# Words of degree around a look, dropped: 'make the sky more purple', 'make the cat look happy'.
_STEP_WORDS = re.compile(r"(?:^|\s+)(?:look|more|a bit|a little|slightly|much|very|even)(?=\s|$)", re.IGNORECASE)
# 'the same cat but wearing a crown', 'same again, but at night': the thing as before, then the change.
_SAME = re.compile(
    r"(?:(?:the|this|that)\s+)?same(?:\s+(?:again|as before|as last time))?(?P<thing>(?:\s+(?!but\b)[\w'-]+)*?)"
    r"\s*,?\s+but\s+(?:now\s+|this time\s+)?(?P<change>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
# What a picture is called: 'the same picture but at night' keeps only the change.
_PICTURE_WORDS = frozenset({"picture", "image", "scene", "one", "thing", "drawing", "photo", "painting", "idea"})
# Words of a look that 'make X ...' or 'change X to ...' give a thing: colours, sizes, states, weather.
_LOOK_WORDS = (
    vocab.COLORS | frozenset(vocab.COLOR_SYNONYMS) | vocab.COLOR_MODIFIERS | vocab.SIZES | vocab.STATES
    | vocab.OTHER_ADJECTIVES | frozenset(vocab.MATERIALS) | WEATHER_WORDS | {"and", "or"}
)  # fmt: skip
# Verbs that 'make X ...' asks a thing to do: 'make the dog wear a hat' is the dog wearing a hat.
_DOINGS = BARE_VERBS | MOTION_VERBS
# 'give the dog a hat': the second noun phrase starts at a determiner.
_GIVEN = re.compile(r"(?P<holder>.+?)\s+(?P<new>" + _DETERMINERS + r"\s.+)", re.IGNORECASE | re.DOTALL)
# Words that end the name of a thing before what is said of where it is ('the car on the left').
_PLACE_WORDS = re.compile(r"\s+(?=(?:on|in|at|by|near|under|behind|next|beside|above|of|with)\b)", re.IGNORECASE)


class Edit(NamedTuple):
    """An edit clause read: the text before it (changed where the edit names an earlier thing), what the
    clause itself describes, and where the clause ends in the text."""

    before: str
    described: str
    end: int


def edit_at(text: str, at: int, before: str = "") -> Edit | None:
    """The edit clause starting at `at`, read against the text `before` it; None if no edit starts there."""
    sentence_end = _SENTENCE_END.search(text, at)
    end = sentence_end.start() if sentence_end else len(text)
    same = _SAME.fullmatch(text, at, end)
    if same:  # read before the clauses, whose commas may part 'the same picture, but at night'
        thing = same["thing"].strip()
        change = same["change"]
        return Edit(before, change if not thing or thing.lower() in _PICTURE_WORDS else f"the {thing} {change}", end)
    end = _end(text, at)
    read = _read(text[at:end], before)
    return None if read is None else Edit(read[0], read[1], end)


def edit_starts(text: str) -> list[int]:
    """Where edit clauses start inside sentences: after a comma, 'and' or 'then' ('a fox, add a moon')."""
    return [m.end() for m in _CLAUSE_START.finditer(text) if _read(text[m.end() : _end(text, m.end())], "a thing")]


def _end(text: str, at: int) -> int:
    found = _CLAUSE_END.search(text, at)
    return found.start() if found else len(text)


def _read(clause: str, before: str) -> tuple[str, str] | None:
    """(the text before, changed or not; what the clause describes), or None when the clause is no edit."""
    lead = _LEAD.fullmatch(clause)
    if not lead:
        return None
    verb = " ".join(lead["verb"].lower().split())
    rest = lead["rest"]
    if verb.split()[0] in _NOUN_TOO and not (_NOUN_PHRASE.match(rest) or _IT.match(rest) or _PERSON.match(rest)):
        return None
    if _NOT_A_THING.match(rest):
        return None  # 'Remove before flight tag'
    if re.fullmatch(_ADDING, verb, re.IGNORECASE):
        return _added(rest, before)
    if re.fullmatch(_REMOVING, verb, re.IGNORECASE):
        return before, _removed(rest)
    if re.fullmatch(_REPLACING, verb, re.IGNORECASE):
        swap = _WITH_NEW.fullmatch(rest)
        return _replaced(swap["old"], swap["new"], before) if swap else None
    if verb == "give":
        given = _GIVEN.fullmatch(rest)
        return _given(given["holder"], given["new"], before) if given else None
    return _changed(verb, rest, before)


def _added(rest: str, before: str) -> tuple[str, str]:
    """'a hat to the dog' is the dog with a hat; 'a moon in the sky' stays as it is."""
    onto = _TO_HOLDER.fullmatch(rest)
    if onto and not any(word.endswith("ing") for word in onto["new"].split()):  # 'a path leading to a house'
        return _given(onto["holder"], onto["new"], before)
    return before, rest


def _given(holder: str, new: str, before: str) -> tuple[str, str]:
    """The holder with the new thing: said where the holder was named before, else a phrase of its own."""
    found = mention(before, _name(holder))
    if found:
        return before[: found[1]] + f" with {new}" + before[found[1] :], ""
    return before, f"{holder} with {new}"


def _removed(rest: str) -> str:
    """'the people from the street' is the street with no people; 'the boat' alone is no boat."""
    away = _FROM_PLACE.fullmatch(rest)
    if away:
        return f"{away['place']} with no {_DETERMINER.sub('', away['gone'])}"
    return f"no {_DETERMINER.sub('', rest)}"


def _replaced(old: str, new: str, before: str) -> tuple[str, str]:
    """The new thing, in the old one's words where those came before ('a cat on a sofa' -> 'a cat on a bed')."""
    found = mention(before, _name(old))
    if found:
        start, end = found
        return before[:start] + replaced(before[start:end], new) + before[end:], ""
    return before, new


def _looked(thing: str, look: str, before: str) -> tuple[str, str]:
    """The thing with a look: in its earlier words where it was named before, else a phrase of its own."""
    if _SOME_OF.match(thing):
        return before, f"{thing} {look}"  # 'one of them brown': which one is the reader's to say
    found = mention(before, _name(thing))
    if found:
        start, end = found
        return before[:start] + with_look(before[start:end], look) + before[end:], ""
    return before, _OWNER.sub("with ", _with_look(thing, look))  # 'make her hair red': with red hair


def _changed(verb: str, rest: str, before: str) -> tuple[str, str] | None:
    """'the house into a castle' is a castle; 'the car to blue' and 'the sky purple' a blue car, a purple sky."""
    if verb == "make":
        doing = _make_do(rest)
        if doing:
            return before, doing
    it = _IT.match(rest)
    if it and verb == "make":
        look = _STEP_WORDS.sub("", rest[it.end() :]).strip()
        if before.strip() and _is_look(look) and not _is_look_of(look, WEATHER_WORDS | {"and", "or"}):
            return before, f"it is {look}"  # 'a cat, make it black': the cat is black
        if look:
            return before, look  # 'make it snowy', 'make it a winter scene'
    into = _INTO_NEW.fullmatch(rest)
    if into and (verb not in ("make", "turn") or " into " in rest.lower() or _is_look(into["new"])):
        new = _STEP_WORDS.sub("", into["new"]).strip()  # 'turn the chair to face the door' is no change of kind
        old = _LOOK_OF.sub("", into["old"])
        return _looked(old, new, before) if _is_look(new) else _replaced(old, new, before)
    words = rest.split()
    look = len(words)
    least = 2 if _NOUN_PHRASE.match(rest) else 1  # the thing keeps its name: 'the sky' of 'the sky purple'
    while look > least and words[look - 1].lower().strip(",") in _LOOK_WORDS:
        look -= 1
    if look == len(words) or words[look].lower() in ("and", "or"):
        return None  # 'make a cake', 'paint a boat': a request to draw, read by chat_requests.py
    return _looked(_STEP_WORDS.sub("", " ".join(words[:look])), " ".join(words[look:]), before)


def _make_do(rest: str) -> str | None:
    """'the dog wear a hat' (after 'make') is the dog wearing a hat; None if no verb follows the thing."""
    words = rest.split()
    for k in range(1, min(5, len(words))):
        looks = words[k].lower() == "look" and words[k + 1 : k + 2] not in (["at"], ["up"], ["out"], ["into"])
        if words[k].lower() in _DOINGS and (k == 1 or _NOUN_PHRASE.match(rest)) and not looks:  # 'look old': a look
            return " ".join([*words[:k], ing_form(words[k].lower()), *words[k + 1 :]])
    return None


def _name(thing: str) -> str:
    """The name of a thing a noun phrase says: 'the old car on the left' -> 'car'."""
    place = _PLACE_WORDS.search(thing)
    words = (thing[: place.start()] if place else thing).split()
    return words[-1] if words else ""


def _is_look(words: str) -> bool:
    return _is_look_of(words, _LOOK_WORDS)


def _is_look_of(words: str, kinds: frozenset[str]) -> bool:
    return bool(words.split()) and all(word.lower() in kinds for word in words.split())


def _with_look(thing: str, look: str) -> str:
    """The thing with the look said before its name: 'the car on the left', 'blue' -> 'the blue car on the left'."""
    place = _PLACE_WORDS.search(thing)
    name, where = (thing[: place.start()], thing[place.start() :]) if place else (thing, "")
    head, _, last = name.rpartition(" ")
    return " ".join(part for part in (head, look, last) if part) + where
