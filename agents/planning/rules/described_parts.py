"""Parts of a body that a describing word names: 'a barefoot woman' shows her feet, 'a blonde haired girl' her hair.

Some words that describe a person say what one of their parts looks like: 'barefoot' is about the
feet, 'long-haired' about the hair, 'bearded' says there is a beard. The part is then a thing of the
picture like the one 'with bare feet' or 'with long hair' names, owned by the one described (a
'with' relation), and takes what the word says of it: 'long-haired' -> long hair,
'blonde haired' -> blonde hair (the owner's colour), 'barefoot' -> bare feet. The owner keeps its
words. A part the description names itself ('a bearded man ... his beard') is not named twice.
The words and the parts they name are vocabulary.DESCRIBED_PARTS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.mentions import Thing
from limner.agents.planning.rules.pronouns import is_person
from limner.agents.planning.rules.word_shapes import colour_of
from limner.agents.scene.model import MAX_OBJECTS, Attributes

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading


def add_described_parts(reading: Reading) -> None:
    """Add to `reading` the parts its things' describing words name (the module docstring's rule)."""
    for owner, thing in enumerate(list(reading.things)):
        if not is_person(thing.name.lower()):
            continue  # 'a bearded collie', 'a long-haired cat': a breed, no part drawn of its own
        for word in thing.attributes.described():
            found = part_named(word)
            if found is None or len(reading.things) >= MAX_OBJECTS:
                continue
            part, looks = found
            if any(other.name == part for other in reading.things):
                continue  # 'a bearded man stroking his beard'
            if looks is None and part == "hair":
                looks = _hair_words(thing.attributes)  # 'blonde haired': the hair is blonde
            count = None if part in vocab.PAIRED_PARTS and thing.count != 1 else 2 if part in vocab.PAIRED_PARTS else 1
            reading.things.append(Thing(part, count, looks or Attributes()))
            reading.relations.append((owner, "with", len(reading.things) - 1))


def part_named(word: str) -> tuple[str, Attributes | None] | None:
    """The part a describing word names and what it says of it: 'barefoot' -> feet that are bare,
    'long-haired' -> long hair; None for a word that names no part."""
    word = word.lower()
    if word in vocab.DESCRIBED_PARTS:
        part, state = vocab.DESCRIBED_PARTS[word]
        return part, Attributes(state=state) if state else None
    first, dash, last = word.rpartition("-")
    if dash and first and " " not in first and last in vocab.DESCRIBED_PARTS:
        part, _ = vocab.DESCRIBED_PARTS[last]
        colour = colour_of(first)
        return part, Attributes(color=colour) if colour else Attributes(other=[first])  # 'red-haired', 'long-haired'
    return None


def _hair_words(owner: Attributes) -> Attributes | None:
    """What the words of one described as 'haired' say of the hair: 'a blonde haired girl' -> blonde."""
    words = [w for w in owner.described() if w.lower() in vocab.HAIR_WORDS]
    if owner.color and owner.color not in words:
        words.append(owner.color)
    if not words:
        return None
    colour = next((colour_of(w.lower()) for w in words if colour_of(w.lower())), None)
    return Attributes(color=colour, other=[w for w in words if colour_of(w.lower()) is None][:2])
