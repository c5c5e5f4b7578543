"""One more object of a verb after 'and', for the rules planner's grammar (grammar.py).

'a dog wearing glasses and a beret teaching a class': after 'and' that follows a verb's object, a noun
phrase with a verb after it usually starts a clause of its own ('holding a cup and a cat sleeping on a
mat'). When its thing cannot act (a beret, a scarf), it is one more thing the verb acts on, and the
verb after it, acting on a thing of its own, is the subject's: the dog wears the beret and teaches. A verb
with no object ('a hat and a scarf flapping in the wind') is the thing's own, and the subject still
wears the scarf (the relation waits for it: owned_links.py). A verb that agrees with one subject ('sits',
'holds'), after a thing that cannot act, is the sentence's own verb: 'a woman wearing sunglasses and a hat
sits on a bench' is a woman who sits, wearing both. After 'in' a thing worn, 'and' one more worn thing
is worn too: 'a man in a suit and tie'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules.phrases import analyse, take_chunk
from limner.agents.planning.rules.pronouns import can_act
from limner.agents.planning.rules.tagging import DET, NUM, QUANT, WORD, Item
from limner.agents.planning.rules.worn_in import is_worn

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def goes_on(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the noun phrase after the 'and' at items[i] is one more object of the verb just read."""
    if reading.relation is None or reading.relation == "contains":
        return False
    chunk, j = take_chunk(items, i + 1)
    if chunk.verb is None or chunk.pronoun or not chunk.words or j >= len(items):
        return False
    phrase = analyse(chunk, followed_by_of=False)
    if phrase.kind == "thing" and not can_act(phrase.name) and _finite(chunk.verb):
        return True  # 'a woman wearing sunglasses and a hat sits on a bench': she sits, the sentence's verb
    if items[j].kind not in (DET, NUM, QUANT, WORD):
        # 'a hat and a scarf flapping in the wind': the scarf's own verb, with no object; still worn
        if phrase.kind == "thing" and not can_act(phrase.name):
            reading.waiting = (*reading.waiting, *((s, reading.relation, None) for s in reading.relation_subjects))
        return False
    return phrase.kind == "thing" and not can_act(phrase.name)


def _finite(verb: str) -> bool:
    """Whether a verb is in the form that agrees with one subject ('sits', 'holds'), not a participle."""
    return verb.endswith("s") and not verb.endswith("ss") and len(verb) > 3


def worn_goes_on(reading: Reading, items: list[Item], i: int) -> bool:
    """Whether the noun phrase after the 'and' at items[i] is one more thing worn, after 'in' one."""
    if reading.chunk_role != "inside" or reading.last_thing is None:
        return False
    if not is_worn(reading.things[reading.last_thing].name):
        return False
    chunk, _ = take_chunk(items, i + 1)
    if chunk.pronoun or not chunk.words:
        return False
    phrase = analyse(chunk, followed_by_of=False)
    return phrase.kind == "thing" and is_worn(phrase.name)
