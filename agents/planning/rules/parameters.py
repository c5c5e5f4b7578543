"""Midjourney-style parameters: '--ar 16:9', '--no text', '--v 5', cut from a description before it is read.

`split_parameters` returns the description without them, the aspect ratio they ask for (from '--ar' /
'--aspect', or from '--w' and '--h' together) and the things '--no' excludes. Every other parameter
('--v 5', '--stylize 250', '--seed 5', '--niji', '--tile', '--style raw' ...) is dropped with its value:
it tunes one service's sampler and says nothing about what is in the picture.

The command a prompt was typed after in a chat ('/imagine prompt: a fox') and the web addresses of the
pictures it starts from, written before its words ('https://s.mj.run/x1 a fox'), are cut too: neither
names a thing in the picture. So are the marks of the Stable Diffusion web UI (webui_syntax.py).

`sized` turns an aspect ratio into a picture size: the same number of pixels as the size asked for
(so 512x512 at 16:9 is 680x384), each side a multiple of 8 within the Scene's limits, and at most
MAX_PIXELS.
"""

from __future__ import annotations

import math
import re

from limner.agents.planning.rules.setting_words import PARAMETER_WORD_VALUES, RENDER_SWITCHES
from limner.agents.planning.rules.webui_syntax import split_webui
from limner.agents.scene.model import MAX_PIXELS, MAX_SIDE, MIN_SIDE

# A parameter: '--name' (or an editor's dash for it, '—ar'), where a word starts.
_FLAG = re.compile(r"(?:(?<=\s)|^)(?:--|[\u2013\u2014])([a-z][a-z0-9-]*)\b", re.IGNORECASE)
# A parameter's value: numbers, ratios, ranges and web addresses ('16:9', '.5', '5.2', 'https://...').
_VALUE = re.compile(r"\s*((?:https?://\S+|[\d.:/x-]*\d[\d.:/x%-]*))(?=\s|,|$)", re.IGNORECASE)
_WORD_VALUE = re.compile(r"\s*([a-z][a-z0-9-]*)(?=\s|,|$)", re.IGNORECASE)
_RATIO = re.compile(r"^(\d+(?:\.\d+)?)[:x/](\d+(?:\.\d+)?)$")
_NO_ITEM = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*", re.IGNORECASE)
MAX_RATIO = 4.0  # the widest (and tallest) picture a ratio may ask for
# The command a prompt is typed after, at its start: '/imagine prompt:', '/imagine', '/dream'.
_COMMAND = re.compile(r"^\s*/(?:imagine|dream)\b(?:\s*prompt\b)?\s*:?\s*", re.IGNORECASE)
# The web addresses of the pictures a prompt starts from, before its words; one later in it may be text to
# render ('a billboard that says visit https://example.com').
_ADDRESSES = re.compile(r"^\s*(?:https?://\S+\s*)+", re.IGNORECASE)


def split_parameters(text: str) -> tuple[str, float | None, list[str]]:
    """(the text without parameters, width/height asked for or None, the words '--no' excludes)."""
    if text.lstrip().startswith("/"):
        text = _COMMAND.sub("", text, count=1)
    if "://" in text:
        text = _ADDRESSES.sub("", text)
    text, ratio, excluded = split_webui(text)  # '<lora:x:0.8>', 'Negative prompt: ...' (webui_syntax.py)
    if "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return text, (_clamped(ratio) if ratio else None), excluded
    kept: list[str] = []
    sides: dict[str, float] = {}
    position = 0
    for match in _FLAG.finditer(text):
        if match.start() < position:
            continue
        name = match.group(1).lower()
        if match.group(0)[0] != "-" and name not in _KNOWN:
            continue  # 'a cat —fluffy' is an aside, not a parameter
        kept.append(text[position : match.start()])
        end = match.end()
        if name == "no":
            following = _FLAG.search(text, end)
            stop = following.start() if following else len(text)
            excluded += [w.strip(" .") for w in _NO_ITEM.split(text[end:stop]) if w.strip(" .")]
            position = stop
            continue
        value = _VALUE.match(text, end) or (_WORD_VALUE.match(text, end) if name in PARAMETER_WORD_VALUES else None)
        if (
            value
            and _WORD_VALUE.fullmatch(value.group(0))
            and value.group(1).lower() not in PARAMETER_WORD_VALUES[name]
        ):
            value = None  # '--tile a cat': the words are the description's
        if value:
            end = value.end()
            if name in ("ar", "aspect"):
                ratio = _ratio(value.group(1)) or ratio
            elif name in ("w", "h", "width", "height"):
                sides[name[0]] = _number(value.group(1))
        position = end
    kept.append(text[position:])
    if ratio is None and sides.get("w") and sides.get("h"):
        ratio = sides["w"] / sides["h"]
    ratio = _clamped(ratio) if ratio else None
    return " ".join("".join(kept).split()), ratio, excluded


def split_switches(text: str) -> tuple[str, list[str]]:
    """(the text without the switches that say how the picture is rendered, their names): '--uplight',
    '--tile', '--hd' take no value and are kept as style words; every other parameter is split_parameters'."""
    if "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return text, []
    names: list[str] = []

    def cut(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if name not in RENDER_SWITCHES or _VALUE.match(text, match.end()):
            return match.group(0)
        names.append(name)
        return " "

    return " ".join(_FLAG.sub(cut, text).split()), names


def sized(width: int, height: int, ratio: float | None) -> tuple[int, int]:
    """A size with the given width/height ratio and about as many pixels as width x height, scaled down
    as a whole where a side or the pixel count would pass the Scene's limits."""
    if not ratio:
        return width, height
    area = width * height
    w, h = math.sqrt(area * ratio), math.sqrt(area / ratio)
    scale = min(1.0, MAX_SIDE / w, MAX_SIDE / h, math.sqrt(MAX_PIXELS / (w * h)))
    w, h = _side(w * scale), _side(h * scale)
    while w * h > MAX_PIXELS:  # rounding up passed the limit: take 8 off the longer side
        w, h = (w - 8, h) if w >= h else (w, h - 8)
    return w, h


def _side(pixels: float) -> int:
    return max(MIN_SIDE, min(MAX_SIDE, int(round(pixels / 8)) * 8))


def _ratio(text: str) -> float | None:
    match = _RATIO.match(text)
    if not match:
        return None
    w, h = float(match.group(1)), float(match.group(2))
    return _clamped(w / h) if w > 0 and h > 0 else None


def _clamped(ratio: float) -> float:
    return max(1 / MAX_RATIO, min(MAX_RATIO, ratio))


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


# Parameter names an editor's dash may stand for ('—ar 16:9'): every name the word-value table has,
# and the common numeric ones.
_KNOWN = frozenset(PARAMETER_WORD_VALUES) | {
    "ar", "aspect", "no", "v", "version", "q", "quality", "s", "stylize", "c", "chaos", "seed", "w", "h",
    "iw", "weird", "stop", "r", "repeat", "cw", "sw", "tile", "hd", "uplight", "upbeta", "test", "testp",
}  # fmt: skip
