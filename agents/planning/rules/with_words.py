"""Word tables for what a thing has 'with' it (part_owners.py): what an owner holds, the parts of things
that part lists elsewhere leave out, the sides of a thing, and the verbs a held thing or a part does by
itself. Singular and plural heads, lowercase.
"""

from __future__ import annotations

# Things a person or an animal holds or carries: 'a knight with a sword on a horse' is the knight's sword.
HELD_THINGS = frozenset(
    {"sword", "umbrella", "parasol", "guitar", "violin", "ukulele", "staff", "cane", "walking stick", "spear",
     "shield", "wand", "lantern", "torch", "flashlight", "book", "phone", "smartphone", "camera", "flag", "banner",
     "bouquet", "basket", "bag", "handbag", "purse", "briefcase", "suitcase", "luggage", "cup", "mug", "bow",
     "axe", "hammer", "pickaxe", "trident", "sceptre", "scepter", "fishing rod", "rod", "stick", "broom", "mop",
     "rake", "shovel", "pitchfork", "rifle", "gun", "pistol", "bow and arrow", "dagger", "knife", "lance",
     "skateboard", "surfboard", "tablet", "laptop", "map", "newspaper", "scroll", "sign", "placard",
     "microphone", "trumpet", "saxophone", "flute", "drum", "accordion", "harp", "kite", "balloon",
     "balloons", "leash", "backpack", "satchel", "bucket", "pail", "tray", "box", "parcel", "package",
     "present", "gift", "ball", "racket", "bat", "paintbrush", "brush", "pen", "pencil", "quill", "lamp",
     "candle", "key", "bone", "toy", "doll", "telescope", "binoculars", "magnifying glass", "compass", "cigar", "cigarette", "pipe"}
)  # fmt: skip
# Parts of things that grammar_words.PART_NOUNS leaves out: 'a watch with a black strap', 'a train with
# three carriages'.
MORE_PARTS = frozenset(
    {"strap", "carriage", "carriages", "scale", "feather", "plume", "plumes",
     "chimney", "chimneys", "turret", "turrets", "spire", "spires", "mast", "masts", "balcony",
     "balconies", "porch", "shutters", "dial", "screen", "keyboard", "blade", "hilt", "antenna", "antennae",
     "branch", "branches", "trunk", "roots", "stem", "stems", "thorns", "spikes", "horn", "mane", "crest",
     "wheel", "tyres", "tires", "headlights", "lights", "propeller", "propellers", "engine", "cockpit", "hull",
     "deck", "stern", "fins", "gills", "shell", "spines", "quills", "pockets", "pocket", "hood",
     "zipper", "cover", "pages", "spine", "base", "stand", "legs"}
)  # fmt: skip
# Where on a thing another is, the thing's own sides and surfaces: 'a shirt with a logo on the front' and
# 'a room with a window in the wall' place the one on the other's own side, not the owner elsewhere.
SIDES = frozenset(
    {"side", "sides", "front", "back", "top", "bottom", "edge", "edges", "corner", "corners", "center", "centre",
     "middle", "surface", "wall", "walls", "ceiling", "floor", "door", "lid", "rim", "tip", "end", "ends",
     "left", "right", "inside", "outside", "interior", "exterior", "chest", "sleeve", "sleeves", "pocket",
     "lapel", "brim", "cover", "spine", "page", "handle", "roof", "facade", "wing", "tail", "belt"}
)  # fmt: skip
# What a held thing, a worn thing or a part does by itself: 'a girl with long hair blowing in the wind',
# 'a knight with a torch burning', 'a boat with sails billowing'.
SELF_VERBS = frozenset(
    {"blowing", "flowing", "billowing", "fluttering", "flapping", "glowing", "shining", "gleaming", "glinting",
     "sparkling", "glittering", "shimmering", "swaying", "dripping", "burning", "flickering",
     "steaming", "trailing", "streaming", "flashing", "blinking", "falling", "drooping", "rustling", "reflecting",
     "sticking", "poking", "protruding", "tied", "tucked"}
)  # fmt: skip
# What a carried thing does from its holder, which a part of a body does not: 'a man with a sword hanging
# at his side' (not 'a monkey with a long tail hanging from a branch').
HANGING_VERBS = frozenset({"hanging", "dangling", "swinging"})
# Parts of a body that are put somewhere apart from it: 'a cat with its paws on the chair'.
LIMBS = frozenset(
    {"hand", "hands", "foot", "feet", "arm", "arms", "leg", "legs", "paw", "paws", "head", "finger", "fingers",
     "toe", "toes", "knee", "knees", "elbow", "elbows", "face", "chin", "nose", "cheek", "tail", "tails", "wing",
     "wings", "trunk", "claws", "talons", "hoof", "hooves", "fist", "fists", "palm", "palms", "back", "tongue"}
)  # fmt: skip
# Things that fly or float by themselves while someone holds them: 'a girl with a kite flying over a hill'.
FLYING_THINGS = frozenset(
    {"kite", "kites", "balloon", "balloons", "drone", "drones", "paper plane", "paper airplane", "frisbee",
     "bubble", "bubbles", "lantern", "lanterns", "plane", "airplane", "glider"}
)  # fmt: skip
FLIGHT_VERBS = frozenset({"flying", "floating", "soaring", "hovering", "drifting", "gliding", "fluttering"})
# Past participles of a whole body's posture or stay, which no part does apart from its owner: 'a bird
# with blue feathers perched on a branch' (the bird is), 'a truck with red wheels parked on a street'.
WHOLE_POSTURES = frozenset(
    {"perched", "seated", "sat", "crouched", "hunched", "poised", "parked", "docked", "moored", "anchored",
     "stationed", "curled", "coiled", "sprawled", "slumped", "nestled", "huddled", "stranded", "beached",
     "positioned", "placed", "standing", "sitting", "lying", "walking", "running", "resting", "sleeping"}
)  # fmt: skip
# Owners that show or carry a picture: 'a poster with a man on a beach' shows the man there.
SHOWING_THINGS = frozenset(
    {"painting", "picture", "photo", "photograph", "drawing", "sketch", "illustration", "print", "postcard",
     "card", "poster", "mural", "tapestry", "screen", "tv", "television", "monitor", "display", "book", "sign",
     "billboard", "t-shirt", "shirt", "mug", "snow globe", "globe", "stamp", "sticker", "tattoo", "banner",
     "flag", "map", "letter", "envelope", "cover", "canvas", "window", "aquarium", "terrarium"}
)  # fmt: skip
# Furniture tops and stands a held thing is put on, where the holder is not: 'a woman with a cup on the
# table', 'a man with a camera on a tripod'.
SUPPORTS = frozenset(
    {"table", "desk", "counter", "countertop", "shelf", "nightstand", "dresser", "windowsill", "tripod", "stand",
     "easel", "rack", "hook", "pedestal", "holder", "mount", "tray", "hanger"}
)  # fmt: skip
# Places a thing is in or on with all it has, that scene.words.BACKDROPS does not name.
MORE_SETTINGS = frozenset(
    {"driveway", "sidewalk", "pavement", "parking lot", "yard", "backyard", "courtyard", "playground", "highway",
     "runway", "plaza", "riverbank", "coast", "seashore", "boardwalk", "pier", "dock", "harbor", "harbour"}
)  # fmt: skip
