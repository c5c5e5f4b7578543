"""Where a film still comes from: 'a film still from Blade Runner', 'a screenshot from the movie Alien'.

The words after a still's 'from' name the film, show or shoot the picture is taken from, not things in it:
'35mm film still from the director's remake of an old musical' shows no remake. They are kept whole as one
style item (the look of that film), read up to the end of the list item: a comma, a full stop, a weight
mark, or a word that goes on about the picture ('set in ...', 'starring ...', 'featuring ...'); where the
film is 'set in' is one more style item, to the end of the list item; 'of' with 'a' or 'an' after it starts
what the still shows ('a movie still from Star Wars of a droid').
"""

from __future__ import annotations

from limner.agents.planning.rules.tagging import COMMA, DET, IN, OF, PREP, STOP, STYLE, WORD, Item, rewrite_runs

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
    """The still's source that starts after the 'from' at items[i], as one style item; or the 'still photo'
    that starts at items[i] and comes before such a 'from', as one style item too."""
    if _still_medium_at(items, i):
        text = f"{items[i].text} {items[i + 1].text}"
        return i + 2, [Item(STYLE, text, text)]  # 'still photo from ...': the kind of picture, kept whole
    end = _source_end(items, i) if _from_after_still(items, i) else i
    if end <= i + 1:
        return None
    source = " ".join(item.text for item in items[i + 1 : end])
    setting = _setting_end(items, end)
    if setting > end:  # '... set in the Pacific Northwest': where the film is set, the look of it too
        text = " ".join(item.text for item in items[end:setting])
        return setting, [Item(STYLE, source, source), Item(STYLE, text, text)]
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


def _still_medium_at(items: list[Item], i: int) -> bool:
    """Whether 'still photo' (or 'still frame' ...) starts at i and a 'from' follows it."""
    return (
        i + 2 < len(items)
        and items[i].kind == WORD
        and items[i].text.lower() == "still"
        and items[i + 1].kind == WORD
        and items[i + 1].text.lower() in _STILL_MEDIA
        and _from_after_still(items, i + 2)
    )


def _setting_end(items: list[Item], j: int) -> int:
    """The index after 'set in ...' at j, read to the end of its list item; j where none starts there."""
    if not (j + 2 < len(items) and items[j].text.lower() == "set" and items[j + 1].kind == IN):
        return j
    end = j + 2
    while end < len(items) and items[end].kind not in _ENDING_KINDS and not items[end].text.startswith("::"):
        end += 1
    return end


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
