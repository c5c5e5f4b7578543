"""Edits of how the picture is made: moods, light, time of day, style, viewpoint and palette.

"brighter", "darker", "moodier", "make the sky stormier", "warmer" set the lighting and shift the
palette (a sky named in the instruction takes the weather too); "at night", "as an oil painting",
"close-up", "dramatic lighting" replace that setting, and a new style keeps the old quality tags
("highly detailed"). Each reader returns True when it recognised and applied its clause.
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import setting_words
from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.phrases import comma_joined
from limner.agents.planning.rules.references import read_fragment
from limner.agents.scene.model import MAX_OTHER, MAX_PALETTE, Scene

_MOOD_PHRASES = {
    "more light": "bright", "more lighting": "bright", "less light": "dark", "less lighting": "dark",
    "turn up the lights": "bright", "turn the lights up": "bright", "turn down the lights": "dark",
    "turn the lights down": "dark", "increase the brightness": "bright", "increase brightness": "bright",
    "raise the brightness": "bright", "decrease the brightness": "dark", "reduce the brightness": "dark",
    "lower the brightness": "dark", "decrease brightness": "dark", "reduce brightness": "dark",
}  # fmt: skip
_MOOD_WORDS = {
    "brighter": "bright", "bright": "bright", "brighten": "bright", "lighter": "bright", "lighten": "bright",
    "darker": "dark", "dark": "dark", "darken": "dark", "dimmer": "dark", "dim": "dark",
    "moodier": "moody", "moody": "moody", "dramatic": "dramatic", "warmer": "warm", "warm": "warm",
    "cooler": "cool", "cool": "cool", "colder": "cool", "cold": "cool",
}  # fmt: skip
_OPPOSITE = {"bright": "dark", "dark": "bright", "warm": "cool", "cool": "warm"}
_MOOD_FILLER = frozenset(
    {"make", "it", "its", "the", "a", "an", "bit", "little", "slightly", "much", "lot", "lots", "way", "even",
     "more", "somewhat", "image", "picture", "scene", "photo", "whole", "overall", "everything", "look", "looks",
     "feel", "feels", "mood", "atmosphere", "tad", "far", "quite", "very", "so", "really", "too", "turn", "get",
     "go", "lighting", "light", "colors", "colours", "tones", "palette", "weather", "this", "all", "be",
     "should", "sky", "skies", "clouds"}
)  # fmt: skip
_BACKDROP_TARGETS = frozenset({"sky", "skies", "clouds", "weather"})


def mood_clause(draft: Draft, text: str) -> bool:
    """'brighter', 'more light', 'darker', 'moodier', 'make the sky stormier', 'warmer', 'foggy'."""
    words = text.split()
    less = "less" in words or "not" in words  # 'less bright', 'not so dark'
    mood = _MOOD_PHRASES.get(text)
    if mood is None:
        rest = [w for w in words if w not in _MOOD_FILLER and w not in ("less", "not", "as")]
        if len(rest) != 1 or not (mood := _MOOD_WORDS.get(rest[0]) or _weather(rest[0])):
            return False
        if less:
            if mood not in _OPPOSITE:
                return False
            mood = _OPPOSITE[mood]
    targets = [i for i, o in draft.objects.items() if o.name in _BACKDROP_TARGETS and o.name in words]
    _set_mood(draft, mood, targets)
    return True


def _weather(word: str) -> str | None:
    """'stormy', and its comparative 'stormier' -> 'stormy'."""
    if word in setting_words.WEATHER_WORDS:
        return word
    if word.endswith("ier") and word[:-3] + "y" in setting_words.WEATHER_WORDS:
        return word[:-3] + "y"
    return None


_MOOD_LIGHTING = {
    "bright": "bright light", "dark": "dim light", "moody": "moody lighting", "dramatic": "dramatic lighting",
    "warm": "warm light", "cool": "cool light",
}  # fmt: skip


def _set_mood(draft: Draft, mood: str, targets: list[int]) -> None:
    palette: list[str] = draft.settings["palette"]  # type: ignore[assignment]
    draft.settings["lighting"] = _MOOD_LIGHTING.get(mood, mood)
    if mood in ("bright", "sunny"):
        palette = [_lighter(c) for c in palette]
    elif mood in ("dark", "moody", "gloomy", "stormy"):
        palette = [_darker(c) for c in palette]
        if mood == "stormy" or (mood == "dark" and not palette):
            palette = ["dark gray", *palette]
    elif mood in ("warm", "cool"):
        palette = [*setting_words.PALETTE_MOODS[mood], *palette]
    draft.settings["palette"] = list(dict.fromkeys(palette))[:MAX_PALETTE]
    if mood in setting_words.WEATHER_WORDS:
        for oid in targets:  # 'make the sky stormier': the sky itself is stormy now
            attrs = draft.objects[oid].attributes
            other = [w for w in attrs.other if w not in setting_words.WEATHER_WORDS]
            draft.update(oid, attributes=attrs.model_copy(update={"other": [mood, *other][:MAX_OTHER]}))


_DARK_SHADES = ("dark", "deep")
_LIGHT_SHADES = ("light", "pale", "pastel", "bright")


def _darker(colour: str) -> str:
    shade, _, base = colour.partition(" ")
    if shade in _DARK_SHADES or colour in ("black", "charcoal", "navy", "maroon"):
        return colour
    if shade in _LIGHT_SHADES and base:
        return f"dark {base}"
    if colour in ("white", "ivory", "cream", "beige"):
        return "gray"
    return f"dark {colour}"


def _lighter(colour: str) -> str:
    shade, _, base = colour.partition(" ")
    if shade in _DARK_SHADES and base:
        return base
    if colour in ("black", "charcoal"):
        return "gray"
    if shade in _LIGHT_SHADES or colour in ("white", "ivory", "cream"):
        return colour
    return f"light {colour}"


_SETTING_VERB = re.compile(
    r"^(?:(?:make|turn|change|switch|convert|set|render|redo|do|paint|draw|show|use|try|go|give me|shoot|"
    r"style|restyle|now)\s+)?(?:(?:it|this|everything|the (?:image|picture|scene|whole thing|style|lighting|light|"
    r"time|time of day|view|viewpoint|palette|colou?rs|mood|camera|shot))\b)?\s*"
)
_SETTING_EXTRAS: dict[str, tuple[str, str]] = {
    "zoom in": ("viewpoint", "close-up"), "zoom in closer": ("viewpoint", "close-up"),
    "closer": ("viewpoint", "close-up"), "get closer": ("viewpoint", "close-up"),
    "zoom out": ("viewpoint", "wide shot"), "wider": ("viewpoint", "wide shot"),
    "pull back": ("viewpoint", "wide shot"), "further away": ("viewpoint", "wide shot"),
    "more detailed": ("style", "highly detailed"), "more detail": ("style", "highly detailed"),
    "more details": ("style", "highly detailed"), "sharper": ("style", "sharp focus"),
}  # fmt: skip


def setting_clause(draft: Draft, text: str) -> bool:
    """'at night', 'make it dusk', 'as an oil painting', 'in pixel art', 'close-up', 'dramatic lighting'."""
    rest = _SETTING_VERB.sub("", text, count=1).strip() or text
    extra = _SETTING_EXTRAS.get(rest) or _SETTING_EXTRAS.get(text)
    if extra:
        field_name, value = extra
        apply_settings(draft, Scene(intent="", prompt=value, **{field_name: value}))
        return True
    read = read_fragment(rest)
    if read.objects or read.exclude or not settings_of(read):
        return False
    apply_settings(draft, read)
    return True


def settings_of(read: Scene) -> dict[str, object]:
    """The settings a fragment names; of its style, only the parts that are a known style or quality."""
    style = ", ".join(p for p in (read.style or "").split(", ") if _is_style(p)) or None
    values = {"style": style, "lighting": read.lighting, "time_of_day": read.time_of_day}
    values |= {"viewpoint": read.viewpoint, "palette": read.palette}
    return {f: v for f, v in values.items() if v}


def _is_style(part: str) -> bool:
    """'oil painting', 'pixel art', 'monet style', 'highly detailed'; not 'background' ('on a white background')."""
    if part in _QUALITIES or part in setting_words.STYLE_PHRASES.values() or part.endswith(" style"):
        return True
    return any(w in setting_words.STYLE_WORDS or w in setting_words.STYLE_HEADS for w in part.split())


def apply_settings(draft: Draft, read: Scene) -> None:
    """Each setting the fragment names replaces the Scene's; a new style keeps the old quality tags."""
    for name, value in settings_of(read).items():
        if name == "style":
            value = _restyled(draft.settings["style"], str(value))  # type: ignore[arg-type]
        draft.settings[name] = list(value) if isinstance(value, list) else value


_QUALITIES = frozenset(setting_words.QUALITY_PHRASES.values())


def _restyled(old: str | None, new: str) -> str:
    """'watercolor, highly detailed' + 'oil painting' -> 'oil painting, highly detailed'."""
    old_parts = [p.strip() for p in (old or "").split(",") if p.strip()]
    new_parts = [p.strip() for p in new.split(",") if p.strip()]
    media = [p for p in new_parts if p not in _QUALITIES] or [p for p in old_parts if p not in _QUALITIES]
    qualities = [p for p in old_parts + new_parts if p in _QUALITIES]
    return comma_joined(media + qualities) or ""
