"""Prompt weights: Midjourney multi-prompts ('a castle::2 a dragon::1', 'moon ::2 stars', 'a garden:: flowers::-.5')
and Stable Diffusion attention marks ('(masterpiece:1.2)', '[red:blue:0.5]').

In a Midjourney multi-prompt '::' ends one part of the prompt, and a number right after it is the weight of
the part before it: how much that part counts, never how many of it there are ('::2 moon' is not two
moons). A negative weight pushes the part away, as '--no' does, so its words are excluded. `split_weights`
cuts the marks and their weights, joins the parts with commas (each is a list item of the description),
and returns the negatively weighted parts apart.

A Stable Diffusion prompt weights words inside brackets: '(red fur:1.3)' makes the words count more,
'[cat:dog:0.4]' draws a cat for the first 40% of the steps and a dog after. The number is no count of
anything ('1.3' is no three of the fur) and the brackets set off no aside; `split_weights` keeps the words
and drops the brackets and the weight, and of a '[from:to:when]' swap keeps the first words, which lay the
picture out.
"""

from __future__ import annotations

import re

# '::', with the weight that may follow it: '::2', ':: 1.5', '::-0.5', '::-.5'.
_WEIGHT = re.compile(r"\s*::\s*(-?\s*(?:\d+(?:\.\d*)?|\.\d+)(?![\d:]))?")
_EDGES = " \t,;"
_ARTICLE = re.compile(r"^(?:a|an|the|some)\s+", re.IGNORECASE)
# An attention weight inside brackets: '(red fur:1.3)', '[blurry:0.8]'.
_ATTENTION = re.compile(r"[(\[]([^()\[\]:]+):\s*-?\d*\.?\d+\s*[)\]]")
# A prompt-editing swap: '[cat:dog:0.4]', '[cat:dog:12]'.
_SWAP = re.compile(r"\[([^()\[\]:]+):[^()\[\]:]*:\s*\d*\.?\d+\s*\]")


def split_weights(text: str) -> tuple[str, list[str]]:
    """(the text with its parts joined by commas, the parts weighted below zero)."""
    if ":" in text and ("(" in text or "[" in text):
        text = _ATTENTION.sub(r"\1", _SWAP.sub(r"\1", text))  # the words, without their marks
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
