"""The kind of picture a list item opens with, read whole: 'surreal oil painting of two hands', 'maco
photography of a bee', 'dark fantasy digital art of a knight', 'an oil painting made with a palette knife'.

A list item that starts with a picture noun (a photo, a painting, digital art) and 'of' names what the
picture shows after the 'of'; every word before the picture noun then says what kind of picture it is,
never a thing in it. The tagger knows some of those words as styles and not others, so the grammar would
drop a describing word it cannot attach ('surreal'), or make a thing of an unknown one ('maco' of a bee,
a 'fantasy' of a knight). `kind_before_of` writes the run as one style item, kept as written.

How the picture was made, said after a medium ('made with a palette knife', 'painted with a sponge'),
names the tool, not a thing in the picture: `made_with` writes it as a style item too.
"""

from __future__ import annotations

from limner.agents.planning.rules import setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.tagging import DET, OF, PROPER, QUALITY, STYLE, VIEW, WITH, WORD, Item

# Nouns for a picture that may end the kind of picture before 'of' ('an old photo of', 'a still image of'):
# the style heads, less those that are things in a picture ('a vintage travel poster of Paris').
# 'still' says what kind of photo it is when one follows ('a still photo of').
_PICTURE_HEADS = (frozenset(setting_words.STYLE_HEADS) | {"picture", "image"}) - vocab.ARTWORK_THINGS - {"still"}
# Items that may open a list item before the kind of picture: an article, a framing, a style ('full body').
_OPENING_KINDS = frozenset({DET, VIEW, STYLE, QUALITY})
# Verbs that say how a picture was made, before 'with' and the tool: 'made with a palette knife'.
_MAKING_VERBS = frozenset({"made", "painted", "drawn", "done", "created", "rendered", "sketched", "shot"})


def kind_before_of(span: list[Item]) -> list[Item]:
    """One list item's items, with the plain words before its picture noun and 'of' joined to that noun as
    one style item, and so a picture noun of two words ('watercolor painting of'). Words the tagger already
    read as styles stay as they are ('highly detailed' before 'digital image'), and so does an item that
    lists several media ('trailcam footage livestream video of')."""
    at = next((i for i, item in enumerate(span) if item.kind == OF), 0)
    head = at
    while head > 0 and (_head_at(span, head - 1, at) or span[head - 1].text == "portrait"):
        head -= 1  # 'photo portrait', 'watercolor painting': a picture noun of two words
    if head == at or not any(_head_at(span, k, at) for k in range(head, at)):
        return span  # 'a portrait of', 'a realistic portrait of': the way the picture is framed, read as such
    start = head
    while start > 0 and _kind_word(span[start - 1]):
        start -= 1
    opening = 0
    while opening < start and span[opening].kind in _OPENING_KINDS:
        opening += 1  # 'a', 'full body': an article or another setting before the kind of picture
    if start != opening or (start == head and at - head < 2) or any(_picture_head(item) for item in span[:start]):
        return span  # 'with a graffiti image of', 'a black and white landscape photograph of': not the opening words
    text = " ".join(item.text for item in span[start:at])
    return [*span[:start], Item(STYLE, text, text), *span[at:]]


def _head_at(span: list[Item], k: int, at: int) -> bool:
    """Whether the item at k is a picture noun: 'still' only right before 'of' ('a cinematic still of')."""
    return _picture_head(span[k]) or (k == at - 1 and span[k].kind == WORD and span[k].text == "still")


def made_with(span: list[Item]) -> list[Item]:
    """One list item's items, with 'made with ...' after a style written as one style item, up to the item's end."""
    for i in range(1, len(span) - 2):
        if (
            span[i - 1].kind == STYLE
            and span[i].kind == WORD
            and span[i].text in _MAKING_VERBS
            and span[i + 1].kind == WITH
            and all(item.kind in (DET, WORD) and item.value != PROPER for item in span[i + 2 :])
        ):
            text = " ".join(item.text for item in span[i:])
            return [*span[:i], Item(STYLE, text, text)]
    return span


def _kind_word(item: Item) -> bool:
    """A plain word that may say what kind of picture it is: no name, number or possessive."""
    return (
        item.kind == WORD
        and item.value != PROPER
        and item.text.replace("-", "").isalpha()
        and item.text not in _PICTURE_HEADS
    )


def _picture_head(item: Item) -> bool:
    """Whether the item ends in a noun for a picture: 'photo', 'oil painting', 'digital art'."""
    return item.kind in (WORD, STYLE) and item.text.rsplit(" ", 1)[-1] in _PICTURE_HEADS
