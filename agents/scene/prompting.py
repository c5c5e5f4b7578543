"""Writing a generator prompt and negative prompt from a Scene.

Any planner can call `write_prompt(scene)`: the prompt is rebuilt from the Scene's fields alone, so
what the generator is asked for is exactly what the checks will ask about. Text encoders read about
77 CLIP tokens, so the most important content comes first (the objects, with their counts,
attributes and relations), then style, light and time, viewpoint and palette, and whole phrases are
dropped from the end, least important first, until the prompt fits the token budget.

Budgets are counted with `prompt_tokens`, an estimate of CLIP's BPE that errs high, so a prompt
that fits here is not cut by the text encoder. Models with longer text encoders (T5 in SD3 and
FLUX, the OpenAI image models) get larger budgets from the Studio.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from limner.agents.scene.noun_phrases import plain_words
from limner.agents.scene.relation_phrases import RESTATED, object_phrases_by_priority
from limner.generators.base import CLIP_TOKENS

if TYPE_CHECKING:
    from limner.agents.scene.model import Scene

CLIP_PROMPT_TOKENS = CLIP_TOKENS

PROMPT_WORD_BUDGET = 60  # for text that is not a prompt yet (a fallback from the user's words)

_PIECES = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")

_BACKDROPS = frozenset({"background", "backdrop"})

_TIME_PHRASES = {
    "dawn": "at dawn", "morning": "in the morning", "noon": "at noon", "afternoon": "in the afternoon",
    "golden hour": "at golden hour", "sunset": "at sunset", "dusk": "at dusk", "night": "at night",
}  # fmt: skip


def write_prompt(scene: Scene, *, max_tokens: int = CLIP_PROMPT_TOKENS, empty: str | None = None) -> tuple[str, str]:
    """(prompt, negative prompt) for `scene`: content first, within `max_tokens` text-encoder tokens.

    A Scene with nothing to say gives `empty`, or else its intent's first words.
    """
    phrases = object_phrases_by_priority(scene) + _setting_phrases(scene)
    prompt = _fit(phrases, max_tokens)
    if not prompt:
        prompt = empty or _truncate(scene.intent, max_tokens) or "an image"
    return prompt, negative_prompt(scene)


def prompt_tokens(text: str) -> int:
    """About how many CLIP tokens `text` takes, erring high: a word is one token per 8 letters
    (common words are one token, rare ones split), a number one per 3 digits, punctuation one each."""
    total = 0
    for piece in _PIECES.findall(text):
        if piece.isdigit():
            total += (len(piece) + 2) // 3
        elif piece.isalpha():
            total += (len(piece) + 7) // 8
        else:
            total += 1
    return total


def fit_prompt(prompt: str, max_tokens: int = CLIP_PROMPT_TOKENS) -> str:
    """A written prompt cut to `max_tokens` at comma boundaries, keeping its first (most important) parts."""
    if prompt_tokens(prompt) <= max_tokens:
        return prompt
    kept: list[str] = []
    for part in (p.strip() for p in prompt.split(",")):
        if part and prompt_tokens(", ".join([*kept, part])) <= max_tokens:
            kept.append(part)
        elif part:
            break
    return ", ".join(kept) if kept else _truncate(prompt, max_tokens)


def negative_prompt(scene: Scene) -> str:
    """The things to keep out of the picture, comma-separated: 'person, text, watermark'."""
    return ", ".join(scene.exclude)


def _setting_phrases(scene: Scene) -> list[tuple[int, str]]:
    """Style, light, time, viewpoint and palette, with the priority that decides what is dropped first."""
    phrases: list[tuple[int, str]] = []
    if scene.style:
        phrases.append((2, scene.style))
    if scene.lighting:
        phrases.append((3, scene.lighting))
    if scene.time_of_day:
        phrases.append((3, _TIME_PHRASES.get(scene.time_of_day, scene.time_of_day)))
    if scene.viewpoint:
        phrases.append((4, scene.viewpoint))
    # A background's colours are the palette's too; 'a white background' says them already.
    backdrop = plain_words(" ".join(o.attributes.color or "" for o in scene.objects if o.name in _BACKDROPS))
    palette = [colour for colour in scene.palette if not plain_words(colour) <= backdrop]
    if palette:
        phrases.append((5, _palette_phrase(palette)))
    return phrases


def _palette_phrase(palette: list[str]) -> str:
    colours = palette[:-1] and ", ".join(palette[:-1]) + " and " + palette[-1] or palette[-1]
    return f"{colours} color palette"


def _fit(phrases: list[tuple[int, str]], max_tokens: int) -> str:
    """Join phrases with commas, dropping repeats and then the least important ones until it fits."""
    kept = _without_repeats(phrases)
    while kept and prompt_tokens(", ".join(p for _, p in kept)) > max_tokens:
        if len(kept) == 1:
            return _truncate(kept[0][1], max_tokens)
        least = max(range(len(kept)), key=lambda i: (kept[i][0], i))
        del kept[least]
    return ", ".join(p for _, p in kept)


def _without_repeats(phrases: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the items of a setting phrase whose words are all said already ('a neon sign' makes a style's
    'neon' redundant, 'a cartoon dog' the 'cartoon' of 'cartoon, centered'), and a phrase left empty."""
    kept: list[tuple[int, str]] = []
    said: set[str] = set()
    for priority, phrase in phrases:
        if 2 <= priority < RESTATED:  # setting phrases; not a relation cut first
            phrase = ", ".join(item for item in phrase.split(", ") if not plain_words(item) <= said)
            if not phrase:
                continue
        kept.append((priority, phrase))
        said |= plain_words(phrase)
    return kept


def _truncate(text: str, max_tokens: int) -> str:
    """The first words of `text` that fit `max_tokens`."""
    words: list[str] = []
    for word in text.split():
        if prompt_tokens(" ".join([*words, word])) > max_tokens:
            break
        words.append(word)
    return " ".join(words)
