"""Artists named in lowercase: who a "by" names when no capital says it is a name.

tagging.py takes capitalised words after a lowercase "by" as artists ("a ship by Peter Elson"); prompts
for image models are often all lowercase ("portrait of a knight, by greg rutkowski, by sally mann and
paolo roversi"). `lowercase_artists` finds those names by where they stand: right after "by", with no
article, number or possessive before them ("by the lake", "by a window", "by his side" are places),
one to four words that the vocabulary does not know as things, colours, materials or scene words, ending
where a list item ends (a comma, "and", another "by", the end). A name so found may be followed, after
a comma or "and", by more names of the same shape: the list goes on ("by james jean, frank frazetta").
"""

from __future__ import annotations

from collections.abc import Callable

_ITEM_ENDS = frozenset({",", "and", "&", "by", ".", ";", "!", "?", ":", "(", ")", "/"})
_MAX_NAME_WORDS = 4
# Words for a made picture, after which 'by' names who made it: 'a painting by hopper'.
_PICTURE_WORDS = frozenset(
    {"painting", "paintings", "photo", "photograph", "photography", "illustration", "drawing", "sketch", "art",
     "artwork", "render", "poster", "print", "portrait", "picture", "image", "piece", "work", "works", "design",
     "concept", "sculpture", "mural", "comic", "animation", "film", "movie", "cover", "etching", "engraving"}
)  # fmt: skip


def lowercase_artists(
    tokens: list[str],
    known: Callable[[str], bool],
    starts_phrase: Callable[[int], bool],
    artist_at: Callable[[int], bool],
) -> dict[int, str]:
    """Token positions of the artists' names after a lowercase 'by' -> the token. `known(word)` says a word
    is grammar or vocabulary (so no name); `starts_phrase(i)` that a fixed phrase starts at i, and
    `artist_at(i)` that a known artist's name does.

    A name of one word that no list knows is taken only where a 'by' can hardly mean 'next to': at the
    start of a list item (', by rossdraws') or after a picture ('a painting by hopper'); 'a dog by water'
    stays a place."""
    names: dict[int, str] = {}
    for i, token in enumerate(tokens):
        if token != "by" or i + 1 in names:
            continue
        j = i + 1
        end = _name_end(tokens, j, known, lambda k: starts_phrase(k) and not artist_at(k))
        if end is not None and end - j == 1 and not artist_at(j) and not _credit_at(tokens, i, known):
            continue
        while end is not None:
            names.update((k, tokens[k]) for k in range(j, end))
            if end >= len(tokens) or tokens[end] not in (",", "and", "&"):
                break
            j = end + 1
            if j < len(tokens) and tokens[j] == "and":
                j += 1  # ', and'
            end = _name_end(tokens, j, known, lambda k: starts_phrase(k) and not artist_at(k))
    return names


def _credit_at(tokens: list[str], by: int, known: Callable[[str], bool]) -> bool:
    """Whether the 'by' at `by` credits an author: it opens a list item, or follows a picture word."""
    before = tokens[by - 1] if by > 0 else ","
    return before in _ITEM_ENDS or before in _PICTURE_WORDS


def _name_end(
    tokens: list[str], i: int, known: Callable[[str], bool], starts_phrase: Callable[[int], bool]
) -> int | None:
    """The end of a name that starts at i and fills a whole list item, else None."""
    j = i
    while j < len(tokens) and j - i < _MAX_NAME_WORDS and _name_word(tokens[j]) and not known(tokens[j]):
        if j > i and starts_phrase(j):
            break  # 'by beksinski 35mm'
        j += 1
    if j == i or starts_phrase(i):
        return None
    if j < len(tokens) and tokens[j] not in _ITEM_ENDS and not starts_phrase(j):
        return None
    return j


def _name_word(token: str) -> bool:
    return token[0].isalpha() and not token.startswith("textquote")
