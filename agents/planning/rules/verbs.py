"""Verbs for the rules planner: which words are verbs, and what a verb says in a Scene.

A verb between two noun phrases is their relation, kept in its -ing form ("a man rides a horse" ->
man riding horse; "a wolf wearing a tie" -> wolf wearing tie), and what the subject does is its action
("a dog running" -> the dog's action is "running"). A verb with no object leaves the relation to the
preposition after it ("a cat sitting on a mat" -> the cat is sitting, and on the mat), unless the two
are one meaning ("looking at", "playing with"), as a verb that is no verb of posture and a preposition of
direction are ("flying over", "crashing into", "running to"; but "sitting at"). An adverb particle after
a verb is part of the action ("leaning forward", "bent over"), and one before the verb's object goes with
the verb ("picking up a ball").

Plain data and small functions; grammar.py and clauses.py decide when they apply.
"""

from __future__ import annotations

from limner.agents.scene.predicates import base_form, participle

# Verbs that say nothing a picture shows: auxiliaries, modals and verbs of showing or seeing something
# in the image ("a forest seen from above", "an image depicting a cat").
EMPTY_VERBS = frozenset(
    {"do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "shall",
     "get", "gets", "got", "seen", "shown", "drawn", "taken", "viewed", "captured", "photographed",
     "depicted", "pictured", "rendered", "made", "set", "found", "left", "lit", "spread", "built",
     "consist", "consists", "consisting", "featuring", "features", "depicts", "depict", "depicting",
     "showing", "shows", "show", "contains", "contain", "containing", "includes", "including", "include",
     "see", "sees", "seeing", "called", "named", "titled", "labeled", "labelled", "means", "mean",
     "edited", "appearing", "appears", "looks", "seems", "seeming"}
)  # fmt: skip
# Verbs of showing: what follows is what the picture (or the thing) shows, not acted on.
SHOWING_VERBS = frozenset({"shows", "show", "showing", "depicts", "depict", "depicting", "features", "featuring"})
# Verbs whose object is a thing in hand: 'holding a photo of his wife' holds the photo, which shows the wife.
HOLDING_VERBS = frozenset(
    {"holding", "holds", "hold", "carrying", "carries", "carry", "clutching", "clutches", "grasping", "gripping",
     "grips", "clasping", "raising", "lifting", "waving", "hugging", "framing", "presenting", "offering"}
)  # fmt: skip
# Participles of showing, which describe only the noun right before them: in 'a vase and a painting showing
# birds' the painting shows the birds, not the vase ('a cat and a dog sitting' is both sitting).
SHOWING_PARTICIPLES = frozenset(
    {"showing", "depicting", "featuring", "displaying", "portraying", "illustrating", "picturing"}
)

# Verbs that take a preposition as one meaning ("looking at", "playing with", "waiting for").
PHRASAL_VERBS = frozenset(
    {"look at", "stare at", "gaze at", "glance at", "point at", "smile at", "bark at", "play with",
     "wait for", "listen to", "talk to", "speak to", "reach for", "look through", "fly over", "jump over",
     "fly through", "walk through", "look out", "hang over", "float on", "play on", "lean on",
     "lean against", "crash into", "look into", "walk past", "run past", "drive past", "walk toward",
     "walk towards", "run toward", "run towards", "write with", "draw with", "paint with", "eat with",
     "cut with", "shop at"}
)  # fmt: skip
# Past participles that make one meaning with a preposition: 'the leg is bent at the knee' (where it bends),
# 'a city seen from a plane' (where it is seen from).
PARTICIPLE_PHRASES = frozenset({"bent at", "seen from", "viewed from"})
# Prepositions of direction: after a verb that moves (not one of posture) they are one meaning with it,
# "a plane flying over a city", "a bear walking across a field", "a tornado crashing into a tower".
DIRECTIONAL_PREPOSITIONS = frozenset(
    {"over", "across", "past", "into", "toward", "towards", "at", "to", "from", "out of", "out from", "off"}
)
# Verbs of posture or position: a preposition after them says where, on its own ("sitting at a table").
POSTURE_VERBS = frozenset(
    {"sit", "stand", "lie", "lay", "rest", "perch", "kneel", "crouch", "squat", "seat", "be", "stay", "wait",
     "remain", "park", "place", "set", "locate", "situate", "pose", "live", "stop", "smile", "laugh", "cry"}
)  # fmt: skip
# Particles a verb takes before its object ('picking up a ball'), and verbs of motion, after which the
# same words are prepositions ('climbing up a tree', 'walking down the street').
OBJECT_PARTICLES = frozenset({"up", "down", "out", "off"})
MOTION_VERBS = frozenset(
    {"walk", "run", "climb", "ride", "ski", "drive", "go", "come", "roll", "slide", "fall", "crawl", "jog",
     "march", "hike", "skate", "sled", "fly", "swim", "float", "travel", "race", "stroll", "wander", "head",
     "move", "sail", "paddle", "surf", "bike", "cycle", "hurry", "rush", "dash", "step", "jump", "look", "stare"}
)  # fmt: skip
# Copulas that are also verbs of looking: "the giraffe looks at a fence" (a copula in "looks happy").
LOOKING_COPULAS = frozenset({"looks", "look", "looked", "appears"})
# Verbs that act on no object: a bare word after them is no object ("a dog running fast").
INTRANSITIVE_VERBS = frozenset(
    {"sit", "stand", "lie", "run", "jump", "walk", "smile", "laugh", "cry", "sleep", "float", "dance",
     "lean", "kneel", "crouch", "squat", "rest", "fall", "rise", "sink", "glow", "shine", "wait", "swim",
     "hover", "sparkle", "twinkle", "flicker", "bloom", "grow", "stare", "gaze", "look", "pose",
     "balance", "stretch", "bend", "turn", "face", "point", "reach", "hang", "lift", "raise", "spread",
     "cross", "extend", "tilt", "hunch", "sway", "drift", "soar", "glide", "graze", "bark", "roar"}
)  # fmt: skip
# Verbs in their base form that notes written without articles use between two nouns ('person stand
# next to basket', 'bus park on road'): read as verbs only right after a bare noun opening a sentence.
BARE_VERBS = INTRANSITIVE_VERBS | frozenset(
    {"drive", "talk", "use", "walk", "touch", "push", "pull", "kick", "hit", "throw", "catch", "follow",
     "feed", "hug", "kiss", "read", "fill", "enter", "carry", "hold", "wear", "ride", "eat", "play",
     "sit", "sleep", "lie", "contain", "climb", "wash", "build", "write", "cook", "chase", "bite", "lick",
     "park", "cover"}
)  # fmt: skip
# Verbs in their base form read as verbs right after a plural noun ('three deer drink from a river'), where
# no note starts with them: 'drink' opening a phrase names a thing ('soft drink on a table').
PLURAL_VERBS = BARE_VERBS | frozenset({"drink", "roam", "gather", "huddle", "perch", "fly", "swim", "sip"})
# Words after a verb that complete the action rather than naming a thing: "leaning forward".
PARTICLES = frozenset(
    {"forward", "forwards", "backward", "backwards", "back", "up", "down", "over", "out", "away",
     "sideways", "together", "apart", "upward", "upwards", "downward", "downwards", "straight", "around",
     "outward", "outwards", "inward", "inwards", "aside", "off", "open", "closed", "wide", "high", "low",
     "left", "right", "in", "ahead", "upright", "across", "outside", "outdoors", "indoors", "underwater",
     "overhead", "uphill", "downhill", "upstream", "downstream", "underground", "midair", "aloft", "afloat",
     "ashore", "alone", "fast", "north", "south", "east", "west", "northward", "southward", "eastward", "westward",
     "skyward", "skywards", "home", "homeward", "seaward", "inland"}
)  # fmt: skip

# Prepositions of motion: after a verb's object they say where the object goes ('pour milk into a cup') or
# comes from ('pulling bread out of an oven', 'a cat from a tree': motions.py).
MOTION_PREPOSITIONS = frozenset({"into", "onto", "out of", "off", "from"})

# Prepositions (tagged as plain prepositions) that relate two things under their own name.
RELATING_PREPOSITIONS = frozenset(
    {"at", "through", "across", "toward", "towards", "outside", "past", "along", "around", "against", "like",
     "down", "up", "during"}
)  # fmt: skip
# Prepositions that say when or amid what the clause's subject does what it does, whatever was read last.
CLAUSE_PREPOSITIONS = frozenset({"during"})


def base(verb: str) -> str:
    """'rides' -> 'ride', 'riding' -> 'ride', 'sitting' -> 'sit', 'bent' -> 'bent'."""
    if verb.endswith("ing") and len(verb) > 4:
        stem = verb[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]  # sitting -> sit
        if stem.endswith("y") and verb in ("lying", "dying", "tying"):
            return stem[:-1] + "ie"
        return stem if stem + "e" not in _E_VERBS else stem + "e"
    return base_form(verb)


# Verbs whose base ends in a silent e, to undo '-ing' ('riding' -> 'ride'); others lose only '-ing'.
_E_VERBS = frozenset(
    {"ride", "drive", "dance", "smile", "make", "take", "bake", "skate", "race", "chase", "wave", "hide",
     "write", "slide", "dive", "glide", "graze", "pose", "raise", "lie", "use", "serve", "carve", "shave",
     "come", "move", "love", "bite", "breathe", "stare", "share", "care", "prepare", "face", "place",
     "trace", "rise", "close", "squeeze", "shine", "whistle", "juggle", "cycle", "ache", "tickle",
     "snuggle", "struggle", "cuddle", "giggle", "drape", "shape", "scrape", "type", "wipe", "vote", "note", "handle", "paddle", "pedal", "wade", "fade", "trade", "save", "leave", "weave", "give", "live"}
)  # fmt: skip


def action_word(verb: str) -> str:
    """What a verb says a thing does: its -ing form ('runs' -> 'running'); a past participle as it is ('bent')."""
    if verb.endswith("ed") or verb in PAST_PARTICIPLES:
        return verb
    if not verb.endswith("ing") and base(verb) in RESULT_STATES:
        return RESULT_STATES[base(verb)]  # 'a bus parks on the road': parked there
    return participle(verb)


# Verbs whose plain form tells the state they leave a thing in, which a picture shows: 'parked'.
RESULT_STATES = {"park": "parked"}


PAST_PARTICIPLES = frozenset({"bent", "held", "worn", "hung", "stuck", "caught", "seated", "spread", "lit", "sat", "written"})


# Relations of place that a verb of action before them joins as what the subject does there ('jumping on').
ACTED_PLACES = frozenset(
    {"on", "in", "under", "behind", "in front of", "next to", "near", "around", "inside", "through"}
)  # fmt: skip
# The Scene's relations of place, which a verb joined to the preposition ('flying over') leaves true too.
PLACE_KINDS = frozenset(
    {"on", "above", "below", "under", "next to", "near", "in front of", "behind", "inside", "left of", "right of"}
)  # fmt: skip


def acting_on(verb: str, predicate: str, written: str | None = None) -> str | None:
    """What a subject does to the thing a relation of place relates it to, when a verb of action comes
    before the relation: 'jumping on' for 'a boy jumping on a skateboard' or 'a boy jumps on a skateboard',
    with the one word written for it ('walking along' a beach, not 'walking next to'); None for a verb of
    posture ('sitting on' says no more than 'on'), a past participle or a verb that shows nothing."""
    acting = action_word(verb)
    if predicate not in ACTED_PLACES or not acting.endswith("ing") or verb in EMPTY_VERBS:
        return None
    if base(verb) in POSTURE_VERBS:
        return None
    return f"{acting} {written if written and ' ' not in written else predicate}"  # 'walking along', 'jumping on'


# Verbs whose particle makes another action of them: an airplane 'taking off' is not 'taking' anything.
PARTICLE_ACTIONS = frozenset({"take off", "lift off", "blast off", "show off", "set off"})


def particle_meaning(verb: str, action: str) -> bool:
    """Whether `action` ('taking off') is a verb and its particle that mean what the verb alone does not."""
    particle = action.rsplit(" ", 1)[-1]
    return action != action_word(verb) and f"{base(verb)} {particle}" in PARTICLE_ACTIONS


def is_intransitive(verb: str) -> bool:
    return base(verb) in INTRANSITIVE_VERBS or verb.endswith("ed") or verb in PAST_PARTICIPLES


def phrasal(verb: str, preposition: str) -> str | None:
    """The predicate of a verb and the preposition after it, when they are one meaning: 'looking at',
    'flying over' (a verb of motion and a preposition of direction)."""
    if f"{verb} {preposition}" in PARTICIPLE_PHRASES:
        return f"{verb} {preposition}"
    if verb in PAST_PARTICIPLES:
        return None  # 'a race held at the Colosseum': a passive says where, on its own
    stem = base(verb)
    if f"{stem} {preposition}" in PHRASAL_VERBS and not verb.endswith("ed"):
        return f"{participle(verb)} {preposition}"
    if preposition in DIRECTIONAL_PREPOSITIONS and stem not in POSTURE_VERBS and stem not in EMPTY_VERBS:
        return f"{participle(verb)} {preposition}"
    return None
