"""The grammar words of the rules planner: relations, places in the picture, negation, verbs and clause words.

Plain data for deciding what a noun phrase is to the others: the relation phrases to the Scene's
relation kinds ("to the left of" -> "left of", "filled with" -> contains), anchors ("in the
background"), negation ("no", "without"), copulas, "made of" and "with", the words that end a noun
phrase (verbs, clause words, prepositions), and nouns that change how a phrase is read: fixed
compounds ("polar bear"), parts ("with green eyes"), containers ("in a bowl") and the nouns that
name people, for pronouns ("he", "she").
"""

from __future__ import annotations

from limner.agents.planning.rules import attribute_words
from limner.agents.scene.words import FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS  # noqa: F401 (read from here too)

# Relation phrases, to the Scene's RelationKind. "in"/"into" and "by" are decided in context.
RELATION_PHRASES: dict[str, str] = {
    "left of": "left of", "left to": "left of", "right to": "right of", "to the left of": "left of", "on the left of": "left of",
    "at the left of": "left of", "on the left side of": "left of", "to the left side of": "left of",
    "on the left-hand side of": "left of", "to the left-hand side of": "left of",
    "right of": "right of", "to the right of": "right of", "on the right of": "right of",
    "at the right of": "right of", "on the right side of": "right of", "to the right side of": "right of",
    "on the right-hand side of": "right of", "to the right-hand side of": "right of",
    "above": "above", "over": "above", "higher than": "above", "hovering over": "above",
    "below": "below", "lower than": "below", "at the bottom of": "below", "at the foot of": "below",
    "under": "under", "beneath": "under", "underneath": "under", "underneath of": "under",
    "on": "on", "upon": "on", "onto": "on", "on top of": "on", "atop": "on", "at the top of": "on",
    "on the top of": "on", "on the side of": "on the side of", "resting on": "on",
    "on both sides of": "on both sides of", "on either side of": "on either side of",
    "on each side of": "on each side of",
    "next to": "next to", "beside": "next to", "alongside": "next to", "by the side of": "next to",
    "at the side of": "next to", "to the side of": "next to", "adjacent to": "next to",
    "against": "next to", "on the shore of": "next to", "on the bank of": "next to",
    "on the banks of": "next to", "along": "next to",
    "near": "near", "nearby": "near", "near to": "near", "close to": "near", "around": "around",
    "among": "near", "amongst": "near", "amid": "near", "amidst": "near", "across from": "near",
    "opposite": "near", "facing": "facing", "at the edge of": "near", "on the edge of": "near",
    "surrounding": "near", "surrounded by": "surrounded by",
    "in front of": "in front of", "in the front of": "in front of",
    "behind": "behind", "in back of": "behind", "at the back of": "behind", "beyond": "behind",
    "inside": "inside", "inside of": "inside", "within": "inside", "in the middle of": "in the middle of",
    "in the center of": "in the middle of", "in the centre of": "in the middle of", "in the midst of": "in the middle of",
    "filled with": "contains", "topped with": "topped with",
    "all over": "on", "all around": "around", "all across": "on",  # 'piercings all over her face': on it
}  # fmt: skip
# Relations written backwards: "A filled with B" means B is inside A, "A topped with B" that B is on A.
INVERSE_RELATIONS = {"contains": "inside", "topped with": "on"}
IN_WORDS = frozenset({"in", "into"})
BETWEEN_WORDS = frozenset({"between", "betwixt"})

# Where in the picture, without another object: "a cat on the left".
ANCHOR_PHRASES: dict[str, str] = {
    "on the left": "left", "to the left": "left", "at the left": "left", "on the left side": "left",
    "on the right": "right", "to the right": "right", "at the right": "right", "on the right side": "right",
    "in the center": "center", "in the centre": "center", "in the middle": "center", "at the center": "center",
    "in the background": "background", "in the distance": "background", "far away": "background",
    "in the foreground": "foreground", "up close": "foreground", "at the top": "top", "at the bottom": "bottom",
}  # fmt: skip

NEGATION_WORDS = frozenset({"no", "without", "not", "never", "nor", "exclude", "excluding", "minus", "zero"})
NEGATION_PHRASES: dict[str, str] = {
    "no one": "person", "nobody": "person", "no people": "person", "free of": "", "devoid of": "",
    "do not include": "", "don't include": "", "do not show": "", "don't show": "", "must not have": "",
    "should not have": "", "with no": "", "not a single": "", "not any": "", "no more": "",
}  # fmt: skip

COPULAS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "looks", "look", "appears", "appear",
     "seems", "seem", "becomes", "become", "remains", "stays", "feels"}
)  # fmt: skip
MADE_OF_PHRASES = frozenset(
    {"made of", "made from", "made out of", "carved from", "carved out of", "built from", "built of",
     "crafted from", "crafted of", "sculpted from", "formed from", "woven from", "constructed from",
     "cast in", "carved in", "sculpted in", "rendered in", "made up of", "composed of", "built out of",
     "crafted out of", "formed of", "constructed of", "constructed out of", "knitted out of", "knitted from",
     "knitted of", "knit from", "knit out of", "woven out of", "sewn from", "sewn out of", "cut out of",
     "folded out of", "folded from", "molded out of", "moulded out of", "shaped out of"}
)  # fmt: skip
# 'made entirely of glass', 'built mostly from stone': an adverb of how much inside a made-of phrase.
_WHOLLY = ("entirely", "completely", "wholly", "fully", "mostly", "mainly", "largely", "partly", "solely", "only")
MADE_OF_PHRASES |= {
    f"{verb} {adverb} {rest}" for verb, rest in (p.split(" ", 1) for p in MADE_OF_PHRASES) for adverb in _WHOLLY
}

# Words that end a noun phrase and start nothing the planner keeps.
CLAUSE_WORDS = frozenset(
    {"that", "which", "who", "whom", "where", "when", "while", "whilst", "as", "because", "if",
     "then", "than", "but", "yet", "so", "though", "although", "whereas", "until", "after", "before",
     "since", "there", "here", "also", "just", "only", "please"}
)  # fmt: skip
OTHER_PREPOSITIONS = frozenset(
    {"at", "from", "for", "to", "through", "throughout", "across", "toward", "towards", "during",
     "via", "past", "off", "out", "up", "down", "about", "like", "per", "outside", "despite",
     "except", "including", "plus", "versus", "vs", "amid", "onto", "beyond"}
)  # fmt: skip
# Phrases that say how or where something is done and name no thing: "jumping in the air", "for sale".
ADVERB_PHRASES = frozenset(
    {"in the air", "into the air", "through the air", "up in the air", "in mid-air", "in midair",
     "in mid air", "mid-air", "midair", "for sale", "on sale", "as well", "in line", "in a row",
     "at once", "at all", "at last", "at least", "at most", "of course", "in turn", "in place",
     "on fire", "in flames", "in bloom", "in full bloom", "in flight", "in motion", "at rest",
     "for a walk", "for a ride", "for a swim", "for a run", "for fun", "at home", "at work",
     "by hand"}
)  # fmt: skip
ADVERB_PHRASES |= attribute_words.PHRASE_STATES  # 'on display', 'upside down': a thing's states (attribute_words.py)
# Phrases that join two noun phrases as "and" does: "a cat as well as a dog".
AND_PHRASES = frozenset({"as well as", "along with", "together with", "alongside of"})
# Verbs that end a noun phrase when they follow a noun ("a cat sits on a mat"). Only words that are
# rarely the last word of a compound noun are here; -ing and -ed forms are recognised by shape.
VERBS = frozenset(
    {"sits", "sit", "stands", "lies", "lie", "lay", "lays", "holds", "hold", "wears", "wear",
     "rides", "eats", "eat", "drinks", "plays", "play", "hangs", "hang", "floats", "float", "runs",
     "walks", "looks", "stares", "stare", "sleeps", "sleep", "jumps", "swims", "swim", "reads",
     "waits", "wait", "grows", "grow", "glows", "shines", "leans", "lean", "perches", "hovers",
     "hover", "climbs", "climb", "dances", "sings", "sing", "carries", "carry", "chases", "chase",
     "overlooks", "overlook", "stretches", "reflects", "reflect", "contains", "contain", "features",
     "depicts", "depict", "does", "do", "did", "can", "could", "will", "would", "should", "may",
     "might", "must", "gets", "get", "got", "sees", "see", "gazes", "gaze", "peeks", "peek",
     "smiles", "rests", "surrounds", "made", "fills", "roams", "roam", "pours", "emerges", "emerge",
     "meets", "hugs", "kisses", "barks", "says", "say", "writes", "write", "lives", "wanders",
     "wander", "seen", "shown", "drawn", "written", "taken", "held", "worn", "viewed", "captured", "photographed",
     "spread", "built", "lit", "set", "hung", "stuck", "caught", "found", "seated", "wearing", "holding", "dyed",
     "carrying", "riding", "ride", "featuring", "draws", "paints", "kicks",
     "touches", "crosses", "points", "reaches", "raises", "lifts", "bends", "watches",
     "throws", "catches", "pulls", "pushes", "uses", "fights", "chasing", "kneels", "crouches", "laid", "sat",
     # -ing forms that take an object and never start a compound noun: ', using blue tones', 'starring X'
     "using", "starring", "admiring", "depicting", "showing", "watching", "observing", "contemplating", "giving"}
)  # fmt: skip
# Words after which 'to' is the mark of a verb, never a preposition: 'about to run', 'set to join'.
INFINITIVE_LEADS = frozenset(
    {"about", "going", "want", "wants", "wanted", "trying", "tries", "tried", "try", "ready", "able",
     "unable", "needs", "need", "needed", "used", "seems", "seem", "seemed", "appears", "appear", "plans",
     "planning", "hoping", "hopes", "learning", "learns", "learn", "starting", "starts", "begins", "beginning",
     "began", "set", "waiting", "waits", "likes", "loves", "decides", "decided", "attempting", "attempts",
     "preparing", "prepares", "refuses", "struggling", "struggles", "managed", "manages", "pretending"}
)  # fmt: skip
# Words of VERBS that are nouns when no verb follows them: 'a can on the table', 'umbrella next to can'.
NOUN_MODALS = frozenset({"can"})
# Words after which a noun phrase describes or accompanies the one before: "a cat with green eyes".
# "has" and "have" are "with" too; "wearing", "holding" are verbs, kept as the relation (clauses.py).
WITH_WORDS = frozenset({"with", "has", "have", "having"})
# Verbs after which the next noun phrase is what the subject acts on, with a spatial relation implied.
VERB_RELATIONS: dict[str, str] = {"straddling": "on"}
# -ing and -ed words that are nouns, so they do not end a noun phrase ("a church building").
NOUNS_ENDING_ING = frozenset(
    {"building", "buildings", "painting", "paintings", "drawing", "drawings", "ring", "rings", "wing",
     "wings", "string", "strings", "king", "kings", "thing", "things", "swing", "swings", "ceiling",
     "spring", "springs", "pudding", "dumpling", "dumplings", "earring", "earrings", "wedding",
     "clothing", "icing", "frosting", "railing", "railings", "sapling", "seedling", "duckling",
     "ducklings", "stocking", "stockings", "sibling", "siblings", "herring", "starling", "sling",
     "lightning", "awning", "landing", "carving", "filling", "topping", "toppings", "dressing",
     "stuffing", "bedding", "bunting", "setting", "opening", "offering", "evening", "morning",
     "ping", "viking", "vikings", "dining", "parking", "bowling", "writing", "signing", "gosling", "lining", "clearing", "housing",
     "crossroads", "outing", "crossing", "crossings"}
)  # fmt: skip
# Nouns of NOUNS_ENDING_ING that are also what someone does: a verb when something follows that they act
# on ('a robot writing "hi"', 'a man painting a fence') or, after a person, 'with' ('a woman writing with a pen').
GERUND_VERBS = frozenset(
    {"writing", "painting", "drawing", "carving", "signing", "swinging", "landing", "dressing", "filling",
     "setting", "opening", "offering", "bowling", "parking", "dining", "clearing", "topping", "stuffing"}
)  # fmt: skip
# Of GERUND_VERBS, motions done with no object, a verb when a preposition follows ('a plane landing on a
# runway', 'a monkey swinging from a vine'); before anything else they name a thing ('a stair landing').
GERUND_MOTIONS = frozenset({"landing", "swinging"})
NOUNS_ENDING_ED = frozenset(
    {"bed", "shed", "sled", "seed", "weed", "reed", "steed", "red", "hundred", "sacred", "need"}
)

# Adjective-first compounds that are one thing, not an adjective and a noun.
FIXED_COMPOUNDS = frozenset(
    {"red panda", "polar bear", "black hole", "white house", "swimming pool", "sleeping bag",
     "rolling pin", "walking stick", "running shoe", "running shoes", "flying saucer", "living room",
     "building block", "building blocks",
     "washing machine", "sewing machine", "high chair", "blue jay", "black widow", "great white shark",
     "green bean", "green beans", "red carpet", "iron man", "tin man", "stone age", "crystal ball",
     "light bulb", "light bulbs", "light saber", "silver screen", "ice cream", "ice cube", "ice cubes",
     "ice skate", "ice skates", "orange juice", "lime juice", "olive oil", "cream cheese", "snow globe",
     "golden retriever", "golden gate bridge", "big ben", "little mermaid", "flying fish",
     "stained glass window", "stained glass", "glass house", "paper towel", "paper towels",
     "toilet paper", "wax paper", "tin foil", "steel wool", "gold fish", "silver fish", "brick wall",
     "wet suit", "wetsuit", "hot dog", "hot air balloon", "high heels", "french fries", "open sea",
     "potted plant", "potted plants", "stuffed animal", "stuffed animals", "stuffed toy", "fried egg",
     "fried eggs", "scrambled eggs", "mashed potatoes", "grilled cheese", "iced tea", "iced coffee",
     "hot chocolate", "hot sauce",
     "smoked salmon", "baked beans", "frosted glass", "united states", "walled city",
     "deviled eggs", "corned beef", "pickled vegetables", "whipped cream", "shaved ice",
     "milky way", "outer space", "black olive", "black olives", "fur coat", "fur coats", "paper bag", "paper bags",
     "death metal", "heavy metal", "black metal",
     "paper cup", "paper cups", "bearded dragon", "bearded dragons", "other object", "other objects",
     "other item", "other items", "other thing", "other things",
     # clothes named with a word that also frames a place ('the top of', 'a mountain scene')
     "tank top", "tank tops", "crop top", "crop tops", "tube top", "halter top", "bikini top", "tank shirt"}
)  # fmt: skip

# Nouns whose "with …" phrase describes the thing rather than adding one: "a cat with green eyes".
PART_NOUNS = frozenset(
    {"eye", "eyes", "ear", "ears", "hair", "fur", "feather", "feathers", "wing", "wings", "tail",
     "tails", "horn", "horns", "antler", "antlers", "spot", "spots", "stripe", "stripes", "scale",
     "scales", "beard", "mustache", "moustache", "whisker", "whiskers", "mane", "paw", "paws",
     "leg", "legs", "arm", "arms", "hand", "hands", "face", "nose", "mouth", "teeth", "tooth",
     "smile", "petal", "petals", "leaf", "leaves", "handle", "handles", "wheel", "wheels", "lid",
     "roof", "window", "windows", "door", "doors", "sail", "sails", "trim", "accents", "pattern",
     "patterns", "dots", "polka", "details", "freckles", "skin", "shell", "claws", "beak", "fins",
     "tentacles", "trunk", "tusks", "hooves", "mask", "glow", "sheen", "finish", "edges", "border",
     "frame", "buttons", "laces", "straps", "sleeves", "collar", "label", "logo", "writing"}
)  # fmt: skip

# Nouns that the word "in" puts something inside: "a fish in a bowl", "a cat in a box".
CONTAINERS = frozenset(
    {"box", "bowl", "cup", "mug", "jar", "basket", "bag", "vase", "bottle", "glass", "car", "house",
     "room", "cage", "tank", "aquarium", "drawer", "bucket", "pot", "pan", "bathtub", "tub", "sink",
     "boat", "teacup", "crate", "barrel", "nest", "pocket", "backpack", "suitcase", "handbag",
     "purse", "envelope", "oven", "fridge", "refrigerator", "microwave", "cabinet", "closet",
     "wardrobe", "tent", "cave", "hole", "pool", "pond", "puddle", "well", "shell", "bed", "crib",
     "cradle", "stroller", "cart", "wagon", "truck", "bus", "train", "plane", "airplane", "helmet",
     "hat", "shoe", "boot", "sock", "teapot", "kettle", "cauldron", "globe", "bubble", "frame",
     "window", "doorway", "mirror", "hand", "hands", "palm", "mouth", "kitchen", "bedroom",
     "bathroom", "library", "office", "classroom", "garage", "barn", "castle", "church", "shop",
     "store", "cafe", "restaurant", "hallway", "attic", "basement", "greenhouse", "terrarium",
     "lantern", "plate", "tray", "dish", "chest", "coffin", "pod", "capsule", "shelf", "baking sheet",
     "cookie sheet", "sheet pan", "jug", "pitcher", "carafe", "decanter", "flask", "canteen", "platter",
     "saucer", "thermos", "tumbler", "goblet", "chalice", "can", "tin", "carton", "sack", "pouch"}
)  # fmt: skip

# Words that make a capitalised name after "by" a place, not an artist: "a cabin by Lake Tahoe",
# "a bench by Central Park" are next to it; "a ship by Peter Elson" is a style.
PLACE_NAME_WORDS = frozenset(
    {"lake", "river", "sea", "ocean", "bay", "gulf", "mount", "mountain", "mountains", "hill", "hills",
     "park", "square", "street", "st", "avenue", "road", "bridge", "tower", "castle", "palace", "church",
     "cathedral", "station", "beach", "coast", "island", "falls", "valley", "canyon", "forest", "lagoon",
     "harbor", "harbour", "port", "pier", "canal", "fjord", "glacier", "desert", "building", "hall",
     "museum", "gate", "wall", "temple", "city", "village", "town"}
)  # fmt: skip

# Person nouns that say the person's age, so 'the man' is not 'a boy' read before.
CHILD_NOUNS = frozenset(
    {"boy", "girl", "child", "children", "kid", "kids", "baby", "toddler", "son", "daughter", "teenager",
     "prince", "princess", "nephew", "niece", "schoolboy", "schoolgirl", "infant"}
)  # fmt: skip
ADULT_NOUNS = frozenset({"man", "woman", "lady", "gentleman", "guy", "adult", "men", "women", "ladies"})
# Nouns that name animals: with PERSON_NOUNS, the things that can do what a verb says ('a man next to a
# dog sitting down': the dog sits, where 'a cat on a mat sleeping' leaves the mat still).
ANIMAL_NOUNS = frozenset(
    {"dog", "puppy", "cat", "kitten", "horse", "pony", "foal", "cow", "calf", "bull", "ox", "sheep", "lamb", "goat",
     "pig", "piglet", "bird", "duck", "duckling", "goose", "chicken", "hen", "rooster", "chick", "owl", "eagle",
     "hawk", "falcon", "parrot", "pigeon", "dove", "crow", "raven", "seagull", "gull", "penguin", "flamingo",
     "swan", "ostrich", "peacock", "hummingbird", "sparrow", "robin", "bear", "elephant", "giraffe", "zebra",
     "lion", "lioness", "tiger", "leopard", "cheetah", "jaguar", "panther", "wolf", "fox", "deer", "reindeer",
     "moose", "elk", "rabbit", "bunny", "hare", "squirrel", "chipmunk", "mouse", "rat", "hamster", "guinea pig",
     "monkey", "ape", "gorilla", "chimpanzee", "orangutan", "lemur", "panda", "koala", "kangaroo", "sloth",
     "raccoon", "hedgehog", "pangolin", "armadillo", "otter", "beaver", "badger", "skunk", "bat", "camel",
     "llama", "alpaca", "donkey", "mule", "buffalo", "bison", "rhino", "rhinoceros", "hippo", "hippopotamus",
     "fish", "goldfish", "shark", "whale", "dolphin", "seal", "walrus", "octopus", "squid", "crab", "lobster",
     "shrimp", "jellyfish", "starfish", "turtle", "tortoise", "frog", "toad", "snake", "lizard", "iguana",
     "gecko", "chameleon", "crocodile", "alligator", "dinosaur", "dragon", "unicorn", "butterfly", "moth", "bee",
     "wasp", "ant", "beetle", "ladybug", "spider", "snail", "worm", "caterpillar", "dragonfly", "grasshopper",
     "insect", "animal", "pet", "creature", "monster", "alien", "robot", "cyborg", "android", "minion",
     "cub", "pup", "fawn", "joey", "colt", "filly", "cygnet", "gosling", "owlet", "hatchling",  # the young
     "mare", "stallion", "stag", "doe", "ewe"}
)  # fmt: skip
# Vehicles, which do what verbs of motion say ('a truck with a trailer driving down a road': the truck drives).
VEHICLE_NOUNS = frozenset(
    {"car", "cars", "truck", "trucks", "bus", "buses", "train", "trains", "tram", "plane", "airplane", "jet", "boat",
     "boats", "ship", "ships", "tractor", "bike", "bicycle", "motorcycle", "scooter", "van", "taxi", "helicopter",
     "rocket", "spaceship", "submarine", "tank", "vehicle", "vehicles", "cart", "wagon", "sled", "yacht"}
)  # fmt: skip

# Places that "of" fills with what grows or stands in them: "a field of daisies" (the daisies are in it).
GROWN_IN = frozenset({"field", "meadow", "garden", "forest", "orchard", "grove"})

# Parts a creature holds or carries a thing in, on or by, beyond the body parts of poses_words.py: 'a
# squirrel gripped in its talons', 'a cat asleep on her lap' (held_parts.py).
HOLDING_PARTS = frozenset({"talon", "talons", "claw", "claws", "paw", "paws", "beak", "jaw", "jaws", "teeth", "lap",
                           "mouth", "fingers", "fist", "fists", "arms", "trunk", "tentacle", "tentacles"})
