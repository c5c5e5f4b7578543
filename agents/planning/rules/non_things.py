"""Nouns that name no thing a picture shows: ideas, measures, events and ways of doing.

A noun phrase headed by one of them ('a trick', 'the end of the world', 'at 90 degrees', 'in three
different directions') says how or where, never what is drawn, so the grammar reads it as filler, like
'the scene' or 'a view' (phrases.py). Words are listed in their singular form; plurals are found by
`singularize_name`. Seasons are times of year, not things ('the seasons of spring, summer, autumn').
"""

from __future__ import annotations

from functools import lru_cache

from limner.agents.scene.english import singularize_name

# Ideas and qualities: nothing to draw.
IDEA_NOUNS = frozenset(
    {"concept", "idea", "reason", "function", "purpose", "meaning", "power", "chaos", "horror", "vengeance",
     "happiness", "hapiness", "poverty", "love", "hope", "fear", "freedom", "peace", "beauty", "truth",
     "evil", "glory", "wisdom", "luck", "success", "danger", "memory", "dream", "imagination", "essence",
     "spirit", "soul", "energy", "emotion", "feeling", "sense", "nature", "existence", "infinity",
     "eternity", "reality", "madness", "sadness", "joy", "anger", "loneliness", "despair", "serenity",
     "harmony", "balance", "contrast", "tension", "variety", "difference", "favorite", "favourite", "design",
     "dimension", "space", "prospect", "opportunity", "chance", "possibility"}
)  # fmt: skip
# Measures, directions and ways: 'at 90 degrees', 'in three directions', 'of different sizes'.
MEASURE_NOUNS = frozenset(
    {"degree", "direction", "size", "length", "width", "height", "depth", "distance", "amount",
     "level", "position", "posture", "pose", "halfway", "speed", "ratio", "percent", "proportion",
     "manner", "fashion", "trick", "maneuver", "manoeuvre", "move", "attempt", "effort", "maintenance",
     "presentation", "performance", "process", "progress", "formation", "arrangement", "order", "pattern",
     "sequence", "series", "set", "row", "angle", "end", "beginning", "start", "middle", "way", "version", "edition"}
)  # fmt: skip
# Events, the weather, the work of making a picture, and visual effects: 'during the party', 'in stormy weather'
# (the weather words light the picture), 'a still from the filming of
# a movie', 'bright gradients', 'the colours of the spectrum'.
EVENT_NOUNS = frozenset({"party", "war", "gradient", "spectrum", "control", "world", "filming", "making", "weather"})
# Times: 'in the early 20th century', 'the seasons of spring, summer, autumn and winter'.
TIME_NOUNS = frozenset(
    {"century", "decade", "year", "era", "age", "season", "spring", "summer", "autumn", "fall", "winter",
     "month", "week", "day", "hour", "minute", "moment", "time", "period", "history", "future", "past"}
)  # fmt: skip

# Parts of a place or of the picture, which setting_words.FILLER_NOUNS holds in the singular: 'on both sides',
# 'coming around a bend in the road'.
REGION_NOUNS = frozenset({"side", "corner", "edge", "area", "part", "place", "section", "portion", "segment", "bend"})

# Heads that make a whole noun phrase an idea, whatever comes before them: 'a feeling lucky concept',
# 'a business success idea' (stock-photo captions name the idea the picture stands for).
IDEA_HEADS = frozenset({"concept", "concepts", "idea", "ideas", "metaphor", "symbolism"})

# Words that stand for a thing not named: 'something written', 'anything else'.
INDEFINITE_THINGS = frozenset({"something", "anything", "everything", "nothing"})

NON_THING_NOUNS = IDEA_NOUNS | MEASURE_NOUNS | EVENT_NOUNS | TIME_NOUNS | REGION_NOUNS


@lru_cache(maxsize=4096)
def names_no_thing(noun: str) -> bool:
    """Whether a one-noun phrase headed by `noun` (singular or plural) names nothing drawn. A word with no
    letter ('000-30', left of a price '£20,000-30,000') names nothing either."""
    if not any(ch.isalpha() for ch in noun):
        return True
    return noun in NON_THING_NOUNS or singularize_name(noun) in NON_THING_NOUNS
