"""Stable Diffusion web UI marks in a prompt, cut before it is read: '<lora:film_grain:0.8>', 'BREAK',
'embedding:name', and a prompt copied whole with its settings ('a castle Negative prompt: blurry Steps: 30,
Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x768').

Each asks the web UI for a model file, a new token chunk or a sampler setting, and names no thing in the
picture: read as words they became things ('a lora', 'Steps', 'Seed'). A negative prompt lists what the
picture should not show, as '--no' does (parameters.py); the settings after it end the prompt, and their
'Size' is the picture's shape.
"""

from __future__ import annotations

import re

# A model file asked for inside angle brackets: '<lora:name:0.8>', '<hypernet:name:1>', '<lyco:name>'.
_MODEL_TAG = re.compile(r"<\s*[a-z]+\s*:[^<>]*>", re.IGNORECASE)
# A textual inversion named by file: 'embedding:EasyNegative'.
_EMBEDDING = re.compile(r"\bembedding:[\w.-]+", re.IGNORECASE)
# 'BREAK', in capitals, starts a new token chunk: it ends a list item.
_BREAK = re.compile(r"\bBREAK\b")
# The generation settings a copied prompt ends with, from its first 'Steps: N'.
_SETTINGS = re.compile(r"\bSteps:\s*\d+.*$", re.IGNORECASE)
# The negative prompt, up to the settings or the end.
_NEGATIVE = re.compile(r"\bnegative prompt:\s*(.*)$", re.IGNORECASE)
# The picture's size among the settings: 'Size: 512x768'.
_SIZE = re.compile(r"\bSize:\s*(\d+)\s*x\s*(\d+)", re.IGNORECASE)
_ITEM = re.compile(r"\s*,\s*")


def split_webui(text: str) -> tuple[str, float | None, list[str]]:
    """(the text without web UI marks and settings, the width/height its settings ask for or None, the
    items of its negative prompt)."""
    if not any(mark in text for mark in ("<", ":", "BREAK")):
        return text, None, []
    ratio: float | None = None
    settings = _SETTINGS.search(text)
    if settings:
        size = _SIZE.search(settings.group(0))
        if size and int(size.group(1)) > 0 and int(size.group(2)) > 0:
            ratio = int(size.group(1)) / int(size.group(2))
        text = text[: settings.start()]
    excluded: list[str] = []
    negative = _NEGATIVE.search(text)
    if negative:
        excluded = [item.strip(" .()[]") for item in _ITEM.split(negative.group(1)) if item.strip(" .()[]")]
        text = text[: negative.start()]
    text = _BREAK.sub(",", _EMBEDDING.sub("", _MODEL_TAG.sub("", text)))
    return " ".join(text.split()).strip(" ,"), ratio, excluded
