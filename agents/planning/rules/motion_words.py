"""Words of motion, source and light for the rules planner (motions.py, lighting_by.py read them).

Plain data: the words after 'out of' or 'off' that name a state rather than a place ('out of focus', 'off
duty'); the verbs after whose object 'from' says where that object was ('rescuing a cat from a tree') or
where the doer stands ('throwing a net from a boat'); the sources one is on rather than in (others one is in); and the
participles of light ('lit by', 'bathed in').
"""

from __future__ import annotations

from limner.agents.scene.predicates import participle

# Words after 'out of' that say how a thing is, not where it comes from: 'out of focus', 'out of reach'.
OUT_OF_STATES = frozenset(
    {"focus", "reach", "control", "place", "breath", "order", "sight", "stock", "season", "date", "time",
     "bounds", "shape", "character", "nowhere", "proportion", "frame", "touch", "line", "tune", "fashion",
     "context", "balance", "use", "work", "range", "view", "curiosity", "love", "fear", "respect", "boredom"}
)  # fmt: skip
# Words after 'off' that name no place: 'off duty', 'off guard', 'off camera'.
OFF_STATES = frozenset(
    {"duty", "guard", "balance", "course", "camera", "screen", "season", "limits", "topic", "key", "center",
     "centre", "white", "road", "shore", "stage", "hours", "work"}
)  # fmt: skip


_HISSING = ("s", "sh", "ch", "x", "z", "o")

# Verbs of motion after which 'off' is a preposition ('jumping off a dock'); after any other verb it is a
# particle ('taking off his hat').
OFF_MOTIONS = frozenset(
    {"jump", "fall", "dive", "leap", "slip", "hop", "tumble", "roll", "step", "climb", "slide", "run", "walk",
     "fly", "swing", "bounce", "drip", "spill", "topple", "drop", "crawl", "ride", "drive", "sail", "skate",
     "ski", "surf", "glide", "float", "hang", "peel", "flake"}
)  # fmt: skip


def _forms(bases: set[str]) -> frozenset[str]:
    """Each verb as written after a noun: base, third person and -ing form ('rescue', 'rescues', 'rescuing')."""
    third = {
        b[:-1] + "ies" if b.endswith("y") and b[-2] not in "aeiou" else b + ("es" if b.endswith(_HISSING) else "s")
        for b in bases
    }
    return frozenset(bases | third | {participle(b) for b in bases})


# Verbs that take their object from a place: after the object, 'from' says where the object was.
TAKING_VERBS = _forms(
    {"rescue", "save", "pull", "take", "pick", "grab", "lift", "remove", "steal", "pluck", "fetch", "scoop",
     "collect", "gather", "drink", "sip", "eat", "pour", "serve", "sell", "retrieve", "unload", "harvest",
     "free", "snatch", "drag", "haul"}
)  # fmt: skip
# Verbs done from where the doer stands: after the object, 'from' says where the doer is.
STANDING_VERBS = _forms(
    {"throw", "toss", "cast", "hurl", "wave", "shoot", "fire", "watch", "view", "photograph", "film", "launch",
     "fly", "drop", "spray", "dump", "lower"}
)  # fmt: skip
# Sources one is on, not in: 'a book from a shelf' was on the shelf, 'a ball from a roof' thrown on it.
ON_SOURCES = frozenset(
    {"shelf", "shelves", "plate", "plates", "tray", "dish", "table", "counter", "branch", "branches", "vine",
     "balcony", "roof", "rooftop", "bridge", "cliff", "deck", "dock", "pier", "ledge", "wall", "ground",
     "floor", "stage", "hill", "hilltop", "mountain", "mountaintop", "platform", "porch", "beach", "shore",
     "bank", "riverbank", "raft", "ship", "boat", "yacht", "rock", "rocks", "boulder", "tower", "podium",
     "horse", "horseback", "bike", "bicycle", "motorcycle", "grill", "stove", "line", "hook", "rack"}
)  # fmt: skip
# Participles of light and the words that join them to the light or its source: 'lit by a fireplace'.
LIGHT_PARTICIPLES: dict[str, frozenset[str]] = {
    "lit": frozenset({"by", "with"}),
    "lighted": frozenset({"by", "with"}),
    "backlit": frozenset({"by"}),
    "illuminated": frozenset({"by", "with"}),
    "bathed": frozenset({"in", "by"}),
    "washed": frozenset({"in"}),
    "flooded": frozenset({"with", "by"}),
}
# How each is stored: 'lighted with' is 'lit by'.
LIGHT_PREDICATES = {"lighted": "lit", "flooded": "flooded with"}


def light_predicate(participle: str, preposition: str) -> str:
    """How a participle of light and its preposition are stored: 'lit by', 'illuminated by', 'bathed in'."""
    stored = LIGHT_PREDICATES.get(participle, participle)
    return stored if " " in stored else f"{stored} {'by' if preposition == 'with' else preposition}"


# Every relation of light, whose objects a list goes on with ('lit by lanterns and a full moon').
LIGHT_RELATIONS = frozenset(light_predicate(p, by) for p, bys in LIGHT_PARTICIPLES.items() for by in bys)
