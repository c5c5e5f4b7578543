"""Midjourney multi-prompt weights: 'a castle::2 a dragon::1', 'moon ::2 stars', 'a garden:: flowers::-.5'.

In a Midjourney multi-prompt '::' ends one part of the prompt, and a number right after it is the weight of
the part before it: how much that part counts, never how many of it there are ('::2 moon' is not two
moons). A negative weight pushes the part away, as '--no' does, so its words are excluded. `split_weights`
cuts the marks and their weights, joins the parts with commas (each is a list item of the description),
and returns the negatively weighted parts apart.
"""

from __future__ import annotations

import re

# '::', with the weight that may follow it: '::2', ':: 1.5', '::-0.5', '::-.5'.
_WEIGHT = re.compile(r"\s*::\s*(-?\s*(?:\d+(?:\.\d*)?|\.\d+)(?![\d:]))?")
_EDGES = " \t,;"
_ARTICLE = re.compile(r"^(?:a|an|the|some)\s+", re.IGNORECASE)


def split_weights(text: str) -> tuple[str, list[str]]:
    """(the text with its parts joined by commas, the parts weighted below zero)."""
    if "::" not in text:
        return text, []
    kept: list[str] = []
    excluded: list[str] = []
    position = 0
    for match in _WEIGHT.finditer(text):
        part = text[position : match.start()].strip(_EDGES)
        position = match.end()
        if part and _is_negative(match.group(1)):
            excluded.append(_ARTICLE.sub("", part))  # 'a dragon::-1' excludes dragons, as '--no dragon' does
        elif part:
            kept.append(part)
    last = text[position:].strip(_EDGES)
    if last:
        kept.append(last)  # the last part's weight is 1 when it has no '::'
    return ", ".join(kept), excluded


def _is_negative(weight: str | None) -> bool:
    return bool(weight) and float(weight.replace(" ", "")) < 0
