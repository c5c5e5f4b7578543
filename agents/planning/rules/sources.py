"""Where a film still comes from: 'a film still from Blade Runner', 'a screenshot from the movie Alien'.

The words after a still's 'from' name the film, show or shoot the picture is taken from, not things in it:
'35mm film still from the director's remake of an old musical' shows no remake. They are kept whole as one
style item (the look of that film), read up to the end of the list item: a comma, a full stop, a weight
mark, or a word that goes on about the picture ('set in ...', 'starring ...', 'featuring ...'); 'of' with
'a' or 'an' after it starts what the still shows ('a movie still from Star Wars of a droid').
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import COMMA, DET, OF, PREP, STOP, STYLE, WORD, Item, rewrite_runs

# Words for a picture taken from a film or a show, right before 'from'.
STILL_WORDS = frozenset({"still", "stills", "screenshot", "screenshots", "screencap", "screengrab", "screengrabs"})
# A medium word that may follow 'still': 'still photo from ...', 'still frame from ...'.
_STILL_MEDIA = frozenset({"photo", "photograph", "image", "frame", "shot"})
# Words that end the source and go on about the picture.
SOURCE_ENDS = frozenset({"set", "starring", "featuring", "showing", "with", "where", "while"})
_ENDING_KINDS = frozenset({COMMA, STOP})


def film_sources(items: list[Item]) -> list[Item]:
    """The items with each still's source ('from ... ,') made one style item."""
    return rewrite_runs(items, _source_at)


def _source_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    """The still's source that starts after the 'from' at items[i], as one style item."""
    end = _source_end(items, i) if _from_after_still(items, i) else i
    if end <= i + 1:
        return None
    source = " ".join(item.text for item in items[i + 1 : end])
    return end, [Item(STYLE, source, source)]


def _from_after_still(items: list[Item], i: int) -> bool:
    """Whether items[i] is a 'from' right after a word for a still ('film still', 'still photo', 'screenshot')."""
    if items[i].kind != PREP or items[i].text != "from" or i == 0:
        return False
    before = items[i - 1]
    last = before.text.lower().rsplit(" ", 1)[-1]
    if before.kind == STYLE:
        return last in STILL_WORDS
    if before.kind != WORD:
        return False
    if last in _STILL_MEDIA and i >= 2 and items[i - 2].kind == WORD and items[i - 2].text.lower() == "still":
        return True  # 'still photo from'
    return last in STILL_WORDS - {"still", "stills"} or (last in ("still", "stills") and _opens(items, i - 1))


def _opens(items: list[Item], k: int) -> bool:
    """Whether the word at k opens its list item: 'still from ...', 'a still from ...'; not 'a cat still from'."""
    j = k - 1
    while j >= 0 and items[j].kind == DET:
        j -= 1
    return j < 0 or items[j].kind in _ENDING_KINDS


def _source_end(items: list[Item], i: int) -> int:
    """The index after the source that starts after the 'from' at i."""
    j = i + 1
    while j < len(items):
        item = items[j]
        if item.kind in _ENDING_KINDS or item.text.lower() in SOURCE_ENDS or item.text.startswith("::"):
            break
        if item.kind == OF and j + 1 < len(items) and items[j + 1].kind == DET and items[j + 1].value == "singular":
            break  # 'a movie still from Star Wars of a droid': the droid is what it shows
        j += 1
    return j
