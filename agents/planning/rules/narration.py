"""Narrative scaffolding: the words a description uses to talk about the picture, not what it shows.

Written descriptions of a photo ("In this image we can see a man standing. In the background there
are trees and a building. At the bottom of the image there is a road.") wrap what the picture shows in
words about looking at it. `plain` rewrites the tagged items before the grammar reads them (grammar.py):

- the speaker looking ("we can see", "I can observe", "can be seen") and the picture itself ("in this
  image", "this picture consists of", "this is", "the image shows") are dropped;
- "there is", "there are", "it looks like", "it seems to be" only open a clause: they become one clause
  word, so what follows is a new subject;
- a part of the picture written as a relation to the picture ("at the top of the image", "on the left
  side of the image", "in the background of the image", "in the top right corner") is an anchor, the
  picture's part, like "in the background";
- a palette phrase of colour words right before a noun ("black and white sneakers") is the colours of
  that thing, read as colour words: only alone ("a ghost, black and white") is it the picture's palette;
- "towards the left side of the image", or "towards the left" opening a clause, is an anchor too;
- the speaker's guess ("I think") is dropped like the speaker looking;
- a comma before a relation to a named thing and "there is" ("a plate with food, beside the plate there
  is a spoon") ends the clause, so the relation is the new subject's, not the last thing's;
- "among them" opening a clause ("two women, among them one is holding a baby") only picks one of the
  things just named: it is dropped, and a comma before it ends the clause;
- "which consists of" after a thing ("a bowl which consists of rice") is "with": what the thing holds;
- the film or show a still is taken from ("a film still from Blade Runner") is one style item (sources.py);
- describing words before the first of two nouns joined by "and" describe the second too ("a white
  breast and belly"), by `attributes.distributed`, and so do describing words parted by commas after an
  article ("a big, fluffy, white dog"), by `attributes.coordinated`, and a pattern's print before a noun
  describes the noun ("a floral print shirt"), by `attributes.printed`;
- what is said not to be done or not to be ("not wearing a hat", "a car that is not red") is unsaid, by
  `negated.unsaid`: the object of a negated verb is excluded, the rest is not drawn.

Plain data (the word lists below) and one pass over the items; nothing here names a thing.
"""

from __future__ import annotations

from limner.agents.planning.rules.attributes import coordinated, distributed, printed
from limner.agents.planning.rules.clock_times import clock_times
from limner.agents.planning.rules.expressions import expressed
from limner.agents.planning.rules.negated import unsaid
from limner.agents.planning.rules.pastimes import pastime_verbs
from limner.agents.planning.rules.sources import film_sources
from limner.agents.planning.rules.tagging import (
    ANCHOR,
    AND,
    CLAUSE,
    COMMA,
    COP,
    DET,
    IN,
    NUM,
    OF,
    PALETTE_WORDS,
    PREP,
    PRON,
    QUANT,
    REL,
    STOP,
    WITH,
    WORD,
    Item,
)
from limner.agents.planning.rules.vocabulary import COLORS

# Words for the picture itself: "in this image", "the picture shows".
PICTURE_WORDS = frozenset(
    {"image", "picture", "photo", "photograph", "pic", "snapshot", "photography", "screenshot", "images", "pictures"}
)
# The speaker, and the words between the speaker and the seeing: "we can also see".
SEERS = frozenset({"we", "i", "you", "one"})
SEEING_MODALS = frozenset({"can", "could", "may", "might", "also", "clearly", "still", "further", "just", "only"})
SEEING_VERBS = frozenset(
    {"see", "observe", "notice", "find", "view", "spot", "witness", "identify", "recognize", "recognise",
     "saw", "observed", "noticed", "found", "viewed", "spotted", "watch"}
)  # fmt: skip
# Verbs of the speaker's guess: 'I think it is a kitchen'.
THINKING_VERBS = frozenset({"think", "guess", "believe", "feel", "assume", "suppose"})
# Verbs by which the picture holds what follows: "this image consists of a cube", "the picture shows".
PICTURE_VERBS = frozenset(
    {"consists", "consist", "contains", "contain", "shows", "show", "depicts", "depict", "features",
     "includes", "displays", "presents", "captures", "has", "have", "is", "was", "are"}
)  # fmt: skip
# Verbs of seeming, after which only the clause goes on: "it looks like a cloth", "seems to be".
SEEMING = frozenset({"looks", "look", "seems", "seem", "appears", "appear", "looking", "seeming"})
# Possessives, after which a position word is a part of someone: 'on his back', 'to their left'.
_POSSESSIVES = frozenset({"his", "her", "its", "their", "my", "your", "our"})
# Verbs by which a thing holds what follows 'of': 'a plate which consists of rice'.
CONSISTING = frozenset({"consists", "consist", "consisting", "consisted"})
# Prepositions of direction before a part of the picture: 'towards the left side of the image'.
TOWARDS = frozenset({"towards", "toward"})
# Words for a part of the picture, and the place each says ("upper" -> top).
POSITION_WORDS: dict[str, str | None] = {
    "left": "left", "right": "right", "top": "top", "bottom": "bottom", "upper": "top", "lower": "bottom",
    "center": "center", "centre": "center", "middle": "center", "front": "foreground", "back": "background",
    "background": "background", "foreground": "foreground", "hand": None, "side": None, "sides": None,
    "corner": None, "corners": None, "area": None, "part": None, "portion": None, "region": None,
    "section": None, "edge": None, "half": None,
}  # fmt: skip


def plain(items: list[Item]) -> list[Item]:
    """The items with the narrative scaffolding dropped and the picture's parts made anchors."""
    items = film_sources(items)  # 'a film still from Blade Runner': the film is no thing (sources.py)
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        item = items[i]
        step = _scaffold_at(items, i, out)
        if step:
            if not out or out[-1].kind not in (CLAUSE, STOP):  # also after a comma: 'hats, it seems like kites'
                out.append(Item(CLAUSE, "there"))
            i += step
            continue
        if _among_them_at(items, i, out):
            if out and out[-1].kind == COMMA:
                out[-1] = Item(STOP, ".")  # 'two women, among them one is holding a baby': a new clause
            i += 2  # 'among them': one of the things just named, said as a thing of its own
            continue
        if _fronted_clause_at(items, i):
            out.append(Item(STOP, "."))  # 'a rack with books, behind the rack there is a wall': a new clause
            i += 1
            continue
        if _consisting_at(items, i, out):
            if out[-1].kind == CLAUSE:
                out.pop()  # 'which'
            out.append(Item(WITH, "with"))  # 'a bowl which consists of rice': a bowl with rice
            i += 2
            continue
        behind = _behind_at(items, i)
        if behind:
            out.append(Item(REL, behind, behind))  # 'in the background of the house': behind it
            i += 2
            continue
        anchor = _anchor_at(items, i) or _towards_at(items, i, out)
        if anchor:
            where, step = anchor
            out.append(Item(ANCHOR, where, where))
            i += step
            continue
        out += _colours_of_thing(items, i) or [item]
        i += 1
    # 'not wearing a hat': without one (negated.py); 'having dinner': a verb (pastimes.py); 'with a worried
    # look': worried (expressions.py); "a five o'clock shadow": one shadow (clock_times.py)
    return unsaid(distributed(coordinated(printed(pastime_verbs(expressed(clock_times(out)))))))


def _colours_of_thing(items: list[Item], i: int) -> list[Item]:
    """'black and white' before a noun as the words 'black', 'and', 'white'; [] for anything else."""
    item = items[i]
    if item.kind != PALETTE_WORDS or i + 1 >= len(items) or items[i + 1].kind != WORD:
        return []
    words = item.text.split()
    if not all(w == "and" or w in COLORS for w in words):
        return []
    return [Item(AND, w) if w == "and" else Item(WORD, w) for w in words]


def _scaffold_at(items: list[Item], i: int, out: list[Item]) -> int:
    """How many items of scaffolding start at i (0: none)."""
    item, n = items[i], len(items)
    text = item.text.lower()
    if item.kind == WORD and text in SEERS:
        j = i + 1
        while j < n and items[j].text in SEEING_MODALS:
            j += 1
        if j < n and (items[j].text in SEEING_VERBS or items[j].text in THINKING_VERBS):
            return j + 1 - i  # 'we can see', 'I see', 'I think'
        if j > i + 1 and (j >= n or items[j].kind not in (WORD,) or items[j].text in ("some", "few")):
            return j - i  # 'I can also (some coins)'
        return 0
    if item.kind == WORD and text == "can" and _texts(items, i + 1, 2) == ["be", "seen"]:
        return 3  # 'a dog can be seen'
    if item.kind == IN and _picture_at(items, i + 1):
        after = i + 3 if items[i + 1].kind == DET else i + 2
        following = items[after] if after < n else None
        if following is None or following.kind != WORD or following.text in SEERS:
            return after - i  # 'in this image', but not 'in the picture frame'
        return 0
    if item.kind == CLAUSE and text == "there" and i + 1 < n and items[i + 1].kind == COP:
        return (
            1 + _seeming_length(items, i + 1) if items[i + 1].text in SEEMING else 2
        )  # 'there is', 'there seems to be'
    if item.kind == WORD and text in ("there's", "theres"):
        return 1
    if (
        item.kind == PRON
        and text in ("it", "this", "that")
        and _opens(out)
        and i + 1 < n
        and items[i + 1].text in SEEMING
    ):
        length = _seeming_length(items, i + 1)
        return 1 + length if length else 0  # 'it looks like a cloth'
    if item.kind == COP and item.text in SEEMING and out and out[-1].kind == CLAUSE and not _likening(items, i):
        return _seeming_length(items, i)  # 'which seems to be on the ground'
    if item.kind == DET and text in ("this", "that") and _opens(out) and i + 1 < n:
        if items[i + 1].kind == COP and i + 2 < n and items[i + 2].kind in (DET, NUM, QUANT):
            return 2  # 'This is a playground.'
    if _opens(out):
        j = i + 1 if item.kind == DET else i
        if j < n and items[j].kind == WORD and items[j].text.lower() in PICTURE_WORDS:
            k = j + 1
            if k < n and (items[k].text in PICTURE_VERBS or items[k].kind == WITH):
                linking = items[k].kind == COP
                k += 1
                if k < n and items[k].kind == OF:
                    k += 1  # 'consists of'
                if k < n and (items[k].kind in (DET, NUM, QUANT) or (items[k].kind == WORD and not linking)):
                    return k - i  # 'This image consists of a cube', 'the image shows two cats'; not 'the image is dark'
    return 0


def _likening(items: list[Item], i: int) -> bool:
    """Whether the seeming verb at i compares the thing before with another: 'a cloud which looks like a
    rabbit' is a cloud shaped so (likeness.py), not a cloud and a rabbit."""
    return _texts(items, i + 1, 1) == ["like"]


def _seeming_length(items: list[Item], i: int) -> int:
    """The length of 'looks like', 'seems to be', 'appears to be' at i, else 0."""
    following = _texts(items, i + 1, 2)
    if following[:1] == ["like"]:
        return 2
    if following == ["to", "be"]:
        return 3
    return 0


def _anchor_at(items: list[Item], i: int) -> tuple[str, int] | None:
    """A part of the picture starting at i: (place, items it spans), else None."""
    item, n = items[i], len(items)
    if item.kind == ANCHOR:
        j = _position_words_end(items, i + 1)
        j = _of_picture_end(items, j)
        return (str(item.value), j - i) if j > i + 1 else None  # 'in the background of the image'
    if item.kind == REL and _picture_at(items, i + 1):
        place = _place_in(item.text.split())
        if place:
            return place, _picture_end(items, i + 1) - i  # 'at the top of the image', 'on the left side of the image'
    if item.kind == IN or (item.kind in (PREP, REL) and item.text in ("at", "on")):
        j = i + 1
        if j < n and items[j].kind == DET and items[j].text in _POSSESSIVES:
            return None  # 'wings on his back', 'on her left': a part of someone, not of the picture
        if j < n and items[j].kind == DET and items[j].value == "definite":
            j += 1
        end = _position_words_end(items, j)
        place = _place_in([it.text for it in items[j:end]])
        if place and end > j:
            following = items[end] if end < n else None
            if following is not None and following.kind == OF:
                after = _of_picture_end(items, end)
                return (place, after - i) if after > end else None  # 'in the middle of a field' is no anchor
            if following is None or following.kind != WORD:
                return place, end - i  # 'in the top right', 'at the back'
    return None


def _among_them_at(items: list[Item], i: int, out: list[Item]) -> bool:
    """Whether 'among them' (or 'among those') opens a clause at i: it picks one of the things just
    named, no relation of its own; 'pigeons and a cat sitting among them' keeps its relation."""
    if not _opens(out) or items[i].kind != REL or items[i].text not in ("among", "amongst") or i + 1 >= len(items):
        return False
    return items[i + 1].text in ("them", "those", "these") and (i + 2 >= len(items) or items[i + 2].kind != WORD)


def _fronted_clause_at(items: list[Item], i: int) -> bool:
    """Whether the comma at i starts a clause that opens with a relation and 'there is': 'a plate with
    food, beside the plate there is a spoon' says where the spoon is, not the food. After a pronoun
    ('a plate with food, beside that there is a spoon') the clause goes on: 'that' is what it is about."""
    if items[i].kind != COMMA or i + 1 >= len(items) or items[i + 1].kind not in (REL, IN):
        return False
    j = i + 2
    while j < len(items) and items[j].kind in (DET, WORD, NUM, QUANT):
        j += 1
    named = any(item.kind == WORD for item in items[i + 2 : j])  # a noun, not 'that'
    return named and _texts(items, j, 1) == ["there"] and j + 1 < len(items) and items[j + 1].kind == COP


def _consisting_at(items: list[Item], i: int, out: list[Item]) -> bool:
    """Whether 'consists of' at i says what a thing just named holds ('a bowl which consists of rice',
    'a tray consisting of cups'); 'this image consists of' is the picture, dropped before."""
    if items[i].kind != WORD or items[i].text not in CONSISTING or i + 1 >= len(items) or items[i + 1].kind != OF:
        return False
    before = out[-2:] if out and out[-1].kind == CLAUSE and out[-1].text in ("which", "that") else out[-1:]
    return bool(before) and before[0].kind == WORD


def _towards_at(items: list[Item], i: int, out: list[Item]) -> tuple[str, int] | None:
    """'towards the left side of the image', or 'towards the left' opening a clause: a part of the
    picture; 'leaning towards the left' is which way someone leans, no anchor."""
    if items[i].kind != PREP or items[i].text not in TOWARDS:
        return None
    j = i + 2 if i + 1 < len(items) and items[i + 1].kind == DET and items[i + 1].value == "definite" else i + 1
    end = _position_words_end(items, j)
    place = _place_in([it.text for it in items[j:end]])
    if not place:
        return None
    after = _of_picture_end(items, end)
    if after > end:
        return place, after - i
    following = items[end] if end < len(items) else None
    opening = _opens(out) and (following is None or following.kind != WORD or following.text in SEERS)
    return (place, end - i) if opening and (following is None or following.kind != OF) else None


def _behind_at(items: list[Item], i: int) -> str | None:
    """'in the background of X' (X no picture) is behind X; 'in the foreground of X' in front of it."""
    item = items[i]
    if item.kind != ANCHOR or item.value not in ("background", "foreground") or i + 1 >= len(items):
        return None
    if items[i + 1].kind != OF or _picture_at(items, i + 2):
        return None
    return "behind" if item.value == "background" else "in front of"


def _position_words_end(items: list[Item], j: int) -> int:
    while j < len(items) and items[j].kind == WORD and items[j].text in POSITION_WORDS:
        j += 1
    return j


def _place_in(words: list[str]) -> str | None:
    for word in words:
        place = POSITION_WORDS.get(word)
        if place:
            return place
    return None


def _of_picture_end(items: list[Item], j: int) -> int:
    """After 'of the image' at j, the index after it; else j."""
    if j < len(items) and items[j].kind == OF and _picture_at(items, j + 1):
        return _picture_end(items, j + 1)
    return j


def _picture_at(items: list[Item], j: int) -> bool:
    """Whether 'the image', 'this picture' or 'image' starts at j."""
    if j < len(items) and items[j].kind == DET:
        j += 1
    return j < len(items) and items[j].kind == WORD and items[j].text.lower() in PICTURE_WORDS


def _picture_end(items: list[Item], j: int) -> int:
    return j + 2 if items[j].kind == DET else j + 1


def _opens(out: list[Item]) -> bool:
    """Whether the items read so far end where a clause may open: the start, a stop, a comma, 'and'."""
    return not out or out[-1].kind in (STOP, COMMA, AND, CLAUSE, ANCHOR)


def _texts(items: list[Item], j: int, count: int) -> list[str]:
    return [item.text for item in items[j : j + count]]
