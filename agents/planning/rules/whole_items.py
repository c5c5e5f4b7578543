"""List items that are one style or one light as a whole, whatever the words before their last one.

A keyword prompt's list item may end in a word that makes the whole item say how the picture is made:
'pixar style', 'rembrandt lighting', 'maco photography'. The words before it name a look, a painter or a
kind of photography, and read alone they became things ('a pixar', 'a maco') or a verb ('lighting' what
the man before did). Image-board tags ('solo', 'looking at viewer') and tags that ask for a part drawn with
care ('detailed face', 'perfect hands') say how the subject is drawn, never a thing of their own, and what
a picture was taken with ('shot on arri alexa') is never in it.
`whole_item` gives the one style or light item such a list item is, or None.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.tag_words import BOARD_TAGS
from limner.agents.planning.rules.tagging import CAMERA, LIGHT, PROPER, QUALITY, STYLE, WORD, Item

# Words that end a list item naming a look: 'pixar style', 'vhs quality', 'y2k aesthetic', 'cel shaded'.
_LOOK_WORDS = frozenset({"style", "quality", "aesthetic", "aesthetics", "vibe", "vibes", "shaded", "shading"})
# Practices of picture making: a list item that ends in one is a style ('maco photography').
_PRACTICES = frozenset({"photography", "cinematography", "videography"})
# Words that ask for a part drawn with care: 'detailed face', 'perfect hands', 'highly detailed eyes'.
_DETAIL_WORDS = frozenset(
    {"detailed", "highly", "very", "extremely", "ultra", "hyper", "intricate", "perfect", "symmetrical", "symmetric",
     "realistic", "beautiful", "sharp", "fine", "finely", "well-drawn", "accurate"}
)  # fmt: skip
# Verbs for taking a picture, and words for what takes it: 'shot on a polaroid camera'.
_TAKING_VERBS = frozenset({"shot", "photographed", "taken", "filmed", "captured", "recorded"})
_CAMERA_WORDS = frozenset(
    {"camera", "lens", "film", "iphone", "phone", "smartphone", "cellphone", "polaroid", "drone", "gopro", "webcam"}
)
# People and animals, who may light something: 'a man lighting' is no light.
_ACTORS = grammar_words.PERSON_NOUNS | grammar_words.ANIMAL_NOUNS


def whole_item(span: list[Item]) -> Item | None:
    """The style or light item that the list item `span` is as a whole, or None."""
    if not span:
        return None
    text = " ".join(item.text for item in span)
    if _named_style(span) or _board_tag(span) or _practice(span) or _detail_tag(span) or _taken_with(span):
        return Item(STYLE, text, text)
    if _named_lighting(span):
        return Item(LIGHT, text, text)
    return None


def _named_style(span: list[Item]) -> bool:
    """A list item of a few bare words that ends in 'style' or another word for a look: 'pixar style', 'Studio
    Ghibli style', 'vhs quality', 'vaporwave aesthetic', 'cel shaded'. The words name the look, never a thing
    ('a pixar', 'a vh')."""
    return (
        1 < len(span) <= 5
        and span[-1].kind == WORD
        and span[-1].text.lower() in _LOOK_WORDS
        and all(item.kind == WORD or (item.kind in (STYLE, QUALITY) and item.value == item.text) for item in span)
    )


def _practice(span: list[Item]) -> bool:
    """A list item of a few bare words that ends in a practice of picture making: 'maco photography', 'drone
    cinematography'. The practice is done, never drawn: the words before it say which kind ('a maco')."""
    return (
        1 < len(span) <= 3
        and span[-1].kind == WORD
        and span[-1].text.lower() in _PRACTICES
        and all(item.kind == WORD and item.value != PROPER for item in span)
    )


def _detail_tag(span: list[Item]) -> bool:
    """A list item that asks for a part drawn with care, as prompts tag it: 'detailed face', 'perfect hands',
    'highly detailed eyes'. It says how the subject's part is drawn, and names no thing of its own."""
    words = [item.text.lower() for item in span]
    return (
        1 < len(words) <= 4
        and all(item.kind in (WORD, QUALITY, STYLE) for item in span)
        and words[-1] in grammar_words.PART_NOUNS
        and all(w in _DETAIL_WORDS for part in words[:-1] for w in part.split())
    )


def _taken_with(span: list[Item]) -> bool:
    """A list item that says what the picture was taken with: 'shot on arri alexa', 'photographed with a
    Canon EOS R5', 'taken with a polaroid camera'. The camera takes the picture and is never in it."""
    return (
        len(span) > 2
        and span[0].kind == WORD
        and span[0].text.lower() in _TAKING_VERBS
        and span[1].text.lower() in ("on", "with")
        and any(item.kind in (QUALITY, CAMERA) or item.text.lower() in _CAMERA_WORDS for item in span[2:])
    )


def _board_tag(span: list[Item]) -> bool:
    """A list item that is an image-board tag for how the picture is drawn: 'solo', 'looking at viewer'."""
    return len(span) <= 3 and " ".join(item.text.lower() for item in span) in BOARD_TAGS


def _named_lighting(span: list[Item]) -> bool:
    """A list item of a few bare words that ends in 'lighting': 'rembrandt lighting', 'caravaggio lighting'.
    Alone at the end of an item 'lighting' is the light, never what someone does ('a man lighting a pipe')."""
    return (
        1 < len(span) <= 4
        and span[-1].kind == WORD
        and span[-1].text.lower() == "lighting"
        and all(item.kind in (WORD, STYLE, QUALITY) for item in span)
        and not any(item.text.lower() in _ACTORS for item in span)
    )
