"""The words the rules planner knows for counting and describing a thing: numbers, colours, materials, sizes, states.

Words that are not listed anywhere are treated as nouns: that is what lets "teddy bear" or "parking
meter" become object names without a class list. So the adjective lists here hold words that
describe how a thing looks; a word that often starts a compound noun ("hot" in "hot dog") is
deliberately left out. The words for styles, light, time, viewpoint and palette are in
setting_words.py, the grammar words (relations, negation, verbs) in grammar_words.py, and noun forms
(plurals, singulars) in scene/english.py.
"""

from __future__ import annotations

from limner.agents.planning.rules import attribute_words
from limner.generators.colors import NAMED_COLORS

# ---------------------------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "both": 2, "single": 1, "lone": 1,
    "solitary": 1,
}  # fmt: skip

# Counts for words that say "more than one" without a number. A bare plural ("apples") and "some" say no
# number at all, so their count is None (the Scene's "some").


class Quantified(int):
    """How many a word says without a number ('many', 'a herd of'): a number to read with (plural agreement,
    'one of them'), and the word the Scene keeps as its `quantity` in place of the number, so that no
    check asks for exactly five of 'many trees'."""

    quantity: str

    def __new__(cls, number: int, quantity: str) -> Quantified:
        made = super().__new__(cls, number)
        made.quantity = quantity
        return made


FEW = Quantified(3, "a few")
SEVERAL = Quantified(3, "several")
MANY = Quantified(5, "many")
CROWD = Quantified(8, "many")
GROUP = Quantified(4, "several")  # 'a group of', 'a row of', 'a pack of'

# Multi-word quantifiers, matched as phrases before a noun phrase.
QUANTIFIER_PHRASES: dict[str, int | None] = {
    "a pair of": 2, "pair of": 2, "pairs of": 2, "a couple of": 2, "couple of": 2,
    "a few": FEW, "few": FEW, "several": SEVERAL, "some": None, "a handful of": FEW,
    "many": MANY, "lots of": MANY, "a lot of": MANY, "plenty of": MANY, "multiple": SEVERAL,
    "various": SEVERAL, "numerous": CROWD, "countless": CROWD, "dozens of": CROWD,
    "hundreds of": CROWD, "thousands of": CROWD, "half a dozen": 6, "a dozen": 12,
    "a trio of": 3, "trio of": 3, "a duo of": 2, "a quartet of": 4, "a multitude of": CROWD,
}  # fmt: skip

# "a herd of elephants": the collective noun is not an object, only a count for what follows.
COLLECTIVE_NOUNS: dict[str, int] = {
    "group": GROUP, "herd": MANY, "flock": MANY, "pack": GROUP, "crowd": CROWD, "bunch": GROUP, "pile": MANY,
    "stack": GROUP, "row": GROUP, "set": SEVERAL, "cluster": GROUP, "swarm": CROWD, "school": MANY,
    "family": GROUP, "team": MANY, "collection": GROUP, "army": CROWD, "fleet": GROUP, "line": GROUP,
    "pod": GROUP, "colony": CROWD, "litter": GROUP, "troop": MANY, "gaggle": MANY, "parade": MANY,
    "procession": MANY, "array": MANY, "assortment": MANY, "heap": MANY, "series": GROUP, "variety": GROUP,
    "bundle": GROUP, "company": GROUP,
}  # fmt: skip

# Person nouns that say nothing of the person: a later 'the man' or 'the person' names them better.
VAGUE_PERSON_NOUNS = frozenset({"someone", "somebody", "anyone", "anybody", "figure", "subject", "individual"})
# Nouns for a part or portion of what follows 'of', which make one thing with it: 'a slice of pizza',
# 'a drop of liquid', 'a body of water'. After other nouns, a plural ('a field of daisies') or a
# name ('the skyline of New York City') after 'of' is a thing of its own, and so is what a container
# holds ('a bowl of ice cream').
PARTITIVE_NOUNS = frozenset(
    {"slice", "piece", "drop", "body", "loaf", "scoop", "chunk", "sliver", "wedge", "bite", "strip",
     "lump", "cube", "grain", "speck", "blade", "sprig", "clove", "wisp", "puff", "cloud", "pool",
     "puddle", "stream", "splash", "dash", "pinch", "spoonful", "handful", "sheet", "roll", "bar",
     "stick", "ball", "bundle", "head", "glob", "dollop", "swirl", "plume", "column", "ray", "beam",
     "sea", "ocean", "wall", "cup", "mug", "pot"}
)  # fmt: skip
# Nouns that, right after a number, make with it a word that describes the noun after them: 'a two door
# garage' is a garage with two doors, 'a five star hotel' one hotel (phrases.py).
NUMBER_COMPOUND_NOUNS = frozenset(
    {"door", "story", "storey", "bedroom", "room", "wheel", "seat", "seater", "piece", "tier", "layer", "star",
     "person", "lane", "tone", "leaf", "inch", "foot", "meter", "metre", "gallon", "liter", "litre", "speed",
     "cylinder", "engine", "masted", "mast", "headed", "legged", "armed", "eyed", "wheeled", "hour", "minute"}
)  # fmt: skip
# Quantifiers that may stand after their noun, before its verb: 'the women are each wearing a cap'.
FLOATING_QUANTIFIERS = frozenset({"each", "all", "both"})
SINGULAR_DETERMINERS = frozenset({"a", "an", "another", "each", "every", "this", "that"})
DEFINITE_DETERMINERS = frozenset(
    {"the", "my", "your", "his", "its", "our", "their", "her", "these", "those", "any", "all", "whose"}
)
PRONOUNS = frozenset({"it", "they", "them", "he", "she", "him", "itself", "themselves", "everyone", "everybody"})

# ---------------------------------------------------------------------------------------------
# Attributes
# ---------------------------------------------------------------------------------------------

COLORS: frozenset[str] = frozenset(NAMED_COLORS)
# Colour names written another way, to the name NAMED_COLORS knows.
COLOR_SYNONYMS: dict[str, str] = {
    "golden": "gold", "reddish": "red", "bluish": "blue", "blueish": "blue", "greenish": "green",
    "yellowish": "yellow", "purplish": "purple", "pinkish": "pink", "brownish": "brown",
    "greyish": "grey", "grayish": "gray", "whitish": "white", "blackish": "black", "orangish": "orange",
    "orangey": "orange", "silvery": "silver", "coppery": "copper", "rosy": "pink", "ruby": "red",
    "sapphire": "blue", "azure": "blue", "cerulean": "blue", "vermilion": "red", "charcoal": "gray",
}  # fmt: skip
# Words that make a following colour word one colour: "dark red", "navy blue", "hot pink".
COLOR_MODIFIERS = frozenset(
    {"light", "dark", "pale", "deep", "bright", "pastel", "neon", "vivid", "dull", "muted", "soft",
     "navy", "sky", "baby", "royal", "forest", "olive", "lime", "blood", "cherry", "jet", "snow",
     "hot", "electric", "sea", "lemon", "brick", "midnight", "dusty", "powder", "bottle", "fire",
     "sunset", "sunrise"}
)  # fmt: skip
# Colour words that are also things: as the last word of a noun phrase they name the object.
COLOR_NOUNS = frozenset(
    {"orange", "lime", "peach", "olive", "lavender", "coral", "gold", "silver", "amber", "ivory",
     "mint", "cream", "rust", "copper", "bronze", "emerald", "turquoise", "violet", "indigo", "ruby", "sapphire",
     "charcoal"}
)  # fmt: skip

# Material adjectives and nouns, to the noun a check asks about ("Is the table made of wood?").
MATERIALS: dict[str, str] = {
    "wooden": "wood", "wood": "wood", "timber": "wood", "metal": "metal", "metallic": "metal",
    "steel": "steel", "iron": "iron", "brass": "brass", "chrome": "chrome", "aluminum": "aluminum",
    "aluminium": "aluminum", "tin": "tin", "glass": "glass", "stone": "stone", "stony": "stone",
    "plastic": "plastic", "leather": "leather", "marble": "marble", "ceramic": "ceramic",
    "porcelain": "porcelain", "paper": "paper", "cardboard": "cardboard", "brick": "brick",
    "concrete": "concrete", "clay": "clay", "terracotta": "terracotta", "wax": "wax",
    "rubber": "rubber", "fabric": "fabric", "cloth": "cloth", "wool": "wool", "woolen": "wool",
    "woollen": "wool", "knit": "wool", "cotton": "cotton", "silk": "silk", "silken": "silk",
    "velvet": "velvet", "denim": "denim", "linen": "linen", "bamboo": "bamboo", "wicker": "wicker",
    "straw": "straw", "crystal": "crystal", "granite": "granite", "jade": "jade", "felt": "felt",
    "lego": "lego", "plush": "plush", "origami": "paper", "rattan": "rattan", "sandstone": "sandstone",
    "obsidian": "obsidian", "ice": "ice", "fur": "fur", "furred": "fur", "suede": "suede", "lace": "lace",
    "satin": "satin", "nylon": "nylon", "polyester": "polyester", "tweed": "tweed", "cork": "cork",
    "foam": "foam", "resin": "resin", "pewter": "pewter", "chalk": "chalk", "ink": "ink",
}  # fmt: skip
# Material words that are things on their own: "a glass", "a wine glass", "a stone", "a brick".
MATERIAL_NOUNS = frozenset(
    {"glass", "stone", "paper", "wood", "metal", "brick", "ice", "crystal", "clay", "cloth", "fabric",
     "plastic", "marble", "leather", "wool", "straw", "felt", "steel", "iron", "tin", "wax", "cotton",
     "silk", "velvet", "bamboo", "lego", "plush", "rubber", "denim", "concrete", "jade", "fur", "suede",
     "lace", "satin", "nylon", "polyester", "tweed", "cork", "foam", "resin", "pewter", "chalk", "ink"}
)  # fmt: skip

SIZES = frozenset(
    {"tiny", "small", "little", "big", "large", "huge", "giant", "gigantic", "enormous", "massive",
     "miniature", "mini", "colossal", "immense", "oversized", "towering", "vast", "medium-sized",
     "small-sized", "large-sized", "teeny", "minuscule", "microscopic", "jumbo", "humongous"}
)  # fmt: skip
# Size words that can be the thing itself: "a giant", "a miniature".
SIZE_NOUNS = frozenset({"giant", "miniature", "mini"})

STATES = frozenset(
    {"broken", "open", "opened", "closed", "shut", "sleeping", "asleep", "awake", "wet", "dry",
     "melting", "melted", "burning", "frozen", "cracked", "shattered", "torn", "ripped", "rusty",
     "rusted", "abandoned", "empty", "full", "lit", "unlit", "glowing", "blooming", "wilted", "dead",
     "smiling", "crying", "laughing", "running", "flying", "floating", "sitting", "standing",
     "lying", "jumping", "dancing", "swimming", "walking", "barking", "howling", "roaring", "grazing",
     "galloping", "crumbling", "rotting", "steaming", "smoking", "dripping", "sparkling", "shining",
     "flickering", "twinkling", "spinning", "falling", "rising", "sinking", "overturned", "upside-down",
     "tangled", "folded", "crumpled", "bent", "dented", "shiny", "dirty", "clean", "muddy", "dusty",
     "flooded", "snow-covered", "overgrown", "ruined", "destroyed", "damaged", "half-eaten", "sliced",
     "peeled", "bitten", "cooked", "raw", "ripe", "unripe", "rotten", "fresh", "blossoming", "bare",
     "leafless", "wilting", "drooping", "inflated", "deflated", "sunken", "wrecked", "collapsed",
     "charred", "scorched", "sleepy", "angry", "happy", "sad", "surprised", "scared", "curious",
     "hungry", "playful", "smoldering", "illuminated", "flaming", "exploding", "stacked", "scattered",
     "confused", "excited", "bored", "tired", "worried", "amazed", "annoyed", "frightened", "delighted",
     "shocked", "startled", "relaxed", "determined", "amused", "puzzled", "stunned", "terrified",
     "horrified", "disappointed", "lost", "injured", "wounded", "exhausted", "soaked", "drenched",
     "submerged", "buried", "trapped", "tied", "chained", "caged", "hidden", "lit-up", "on fire",
     "in flames", "ablaze", "in bloom", "in full bloom", "in flight", "in motion", "at rest"}
)  # fmt: skip

# States ending in -ing that describe rather than act: they stay the state ('glowing' is an action).
STATE_ADJECTIVES_ING = frozenset({"missing", "matching", "blooming", "steaming", "sparkling", "shining", "glowing"})

# Visual adjectives that are neither colour, material, size nor state: they go to `other`.
OTHER_ADJECTIVES = frozenset(
    {"old", "young", "ancient", "new", "modern", "vintage", "antique", "rustic", "cozy", "cosy",
     "fluffy", "furry", "hairy", "tall", "short", "long", "thin", "thick", "fat", "slim", "skinny",
     "chubby", "round", "square", "rectangular", "triangular", "oval", "flat", "curved", "pointed",
     "striped", "spotted", "polka-dotted", "checkered", "plaid", "patterned", "floral", "cute",
     "adorable", "beautiful", "pretty", "gorgeous", "elegant", "majestic", "lonely", "lone",
     "futuristic", "ornate", "decorated", "fancy", "simple", "plain", "colorful", "colourful",
     "multicolored", "multicoloured", "rainbow", "transparent", "translucent", "clear", "opaque",
     "glossy", "matte", "shimmering", "iridescent", "holographic", "sparkly", "glittery", "fuzzy",
     "soft", "hard", "smooth", "rough", "wrinkled", "wavy", "curly", "straight", "spiky", "prickly",
     "thorny", "scaly", "feathered", "feathery", "woolly", "wooly", "hairless", "bald", "bearded",
     "mossy", "grassy", "leafy", "snowy", "icy", "frosty", "sandy", "rocky", "stormy", "rainy",
     "cloudy", "foggy", "misty", "hazy", "sunny", "windy", "overcast", "drizzly", "starry", "dark", "bright", "dim",
     "shadowy", "gloomy", "eerie", "creepy", "spooky", "haunted", "mysterious", "magical", "mystical",
     "enchanted", "fantastical", "whimsical", "surreal", "dreamy", "ethereal", "serene", "peaceful",
     "calm", "quiet", "busy", "crowded", "bustling", "lively", "deserted", "desolate", "barren",
     "lush", "green-leaved", "tropical", "arctic", "alpine", "medieval", "victorian", "gothic",
     "baroque", "rococo", "art-deco", "retro", "steampunk", "cyberpunk", "robotic", "mechanical",
     "wild", "tame", "domestic", "friendly", "fierce", "ferocious", "menacing", "scary", "gentle",
     "proud", "wise", "noble", "royal", "regal", "humble", "tidy", "messy", "cluttered", "neat",
     "sturdy", "fragile", "delicate", "heavy", "light-weight", "hollow", "solid", "silky",
     "shaggy", "scruffy", "sleek", "shabby", "weathered", "worn", "tattered", "faded", "elderly",
     "lovely", "ugly", "strange", "weird", "odd", "funny", "silly", "happy-looking", "detailed",
     "intricate", "geometric", "abstract", "symmetrical", "asymmetrical", "giant-sized", "wide",
     "narrow", "deep-set", "winding", "twisted", "gnarled", "towering", "sprawling", "floating",
     "hanging", "fiery", "watery", "stuffed", "knitted", "handmade", "homemade",
     "painted", "carved", "polished", "embroidered", "glazed", "juicy", "crispy", "creamy", "fresh",
     "delicious", "tasty", "steaming", "frothy", "bubbly", "sparkling", "crystal-clear", "tranquil",
     "idyllic", "picturesque", "quaint", "charming", "grand", "imposing", "mighty", "tiny-looking",
     "sleepy", "cheerful", "joyful", "grumpy", "muscular", "athletic", "graceful", "dapper",
     "snow-capped", "moss-covered", "ivy-covered", "overgrown", "neon", "luminous", "glowing",
     "bioluminescent", "radiant", "shiny", "reflective", "mirrored", "cute-looking", "kawaii",
     "chibi", "low-poly", "pixelated", "blurry", "sharp", "windswept", "sunlit", "moonlit",
     "candlelit", "backlit", "torn", "secret", "famous", "lonesome", "pale", "deep", "blurred", "vibrant", "vivid", "muted", "shallow", "giant-eyed", "open-mouthed", "cartoonish",
     "loose", "tight", "sexy", "chunky", "organic", "conceptual", "official", "commercial", "industrial",
     "skeletal", "colonial", "imperial", "celestial", "rural", "urban", "flowing", "blonde", "blond",
     "brunette", "wispy", "gritty", "grimy", "slender", "stocky", "plump", "lanky", "wrinkly",
     "freckled", "toothy", "sparse", "dense", "hilly", "jagged", "craggy", "dusky", "murky", "gleaming",
     "handwritten", "fallen", "stolen", "woven", "swollen", "beaten", "forgotten", "forbidden", "molten",
     "early", "late", "amazing", "stunning", "striking", "breathtaking", "interesting", "inviting",
     "soaring", "sweeping", "haunting", "dazzling", "glittering", "looming", "gaping", "local"}
)  # fmt: skip

# More sizes, states and other adjectives, in attribute_words.py's tables.
SIZES = SIZES | attribute_words.MORE_SIZES
STATES = STATES | attribute_words.MORE_STATES | attribute_words.PHRASE_STATES
OTHER_ADJECTIVES = OTHER_ADJECTIVES | attribute_words.MORE_OTHER_ADJECTIVES
MATERIALS = {**MATERIALS, **attribute_words.MORE_MATERIALS}
MATERIAL_NOUNS = MATERIAL_NOUNS | frozenset(attribute_words.MORE_MATERIALS)

# Materials of two words, which describe a noun after them as one: 'a gold leaf mandala' is a mandala of
# gold leaf, 'a cast iron pan' a pan of cast iron (phrases.py); alone they name the thing ('tin foil').
MATERIAL_PHRASES = frozenset(
    {"gold leaf", "silver leaf", "gold foil", "silver foil", "tin foil", "aluminum foil", "aluminium foil",
     "stainless steel", "rose gold", "cast iron", "wrought iron", "sheet metal", "carbon fiber", "carbon fibre"}
)  # fmt: skip

# Describing words that are also things: as the last word of a noun phrase they name it ('the town
# square', 'an antique').
ADJECTIVE_NOUNS = frozenset(
    {"square", "squares", "antique", "antiques", "blonde", "brunette", "classic", "plains", "rainbow", "rainbows"}
)

# Adjectives of kind and origin ("a Mayan temple", "three different birds"): the thing is still a
# temple, a bird; the word is kept among its other attributes.
KIND_ADJECTIVES = frozenset(
    {"different", "matching", "similar", "identical", "assorted", "mixed", "various", "same", "other",
     "american", "canadian", "mexican", "brazilian", "peruvian", "egyptian", "roman", "greek", "mayan",
     "aztec", "inca", "incan", "japanese", "chinese", "korean", "indian", "thai", "vietnamese", "french",
     "italian", "spanish", "portuguese", "german", "english", "british", "irish", "scottish", "welsh",
     "russian", "african", "european", "asian", "arabian", "arabic", "persian", "norse", "celtic",
     "australian", "dutch", "swiss", "turkish", "moroccan", "hawaiian", "polynesian", "tibetan",
     "nordic", "scandinavian", "swedish", "norwegian", "danish", "polish", "ukrainian", "byzantine",
     "ottoman", "venetian", "parisian", "egyptian-style", "oriental", "western", "eastern", "northern",
     "southern", "tribal", "epic", "evil", "slimy", "deformed", "lifelike", "male", "female",
     "anthropomorphic", "nice", "good", "bad", "best", "great", "fine", "rich", "poor", "blind",
     "barefoot", "fashionable", "favourite", "favorite", "custom", "external", "internal", "circular",
     "partial", "lowercase", "uppercase", "midsized", "mid-sized", "outstretched", "starving",
     "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last",
     "next", "final"}
)  # fmt: skip

# Words of origin among KIND_ADJECTIVES. Before a thing they describe it ('a Mayan temple' is a temple);
# before a person they name the kind of person ('an Indian woman', 'Japanese girls': phrases.py).
ORIGIN_ADJECTIVES = frozenset(
    {"american", "canadian", "mexican", "brazilian", "peruvian", "egyptian", "roman", "greek", "mayan", "aztec",
     "inca", "incan", "japanese", "chinese", "korean", "indian", "thai", "vietnamese", "french", "italian",
     "spanish", "portuguese", "german", "english", "british", "irish", "scottish", "welsh", "russian", "african",
     "european", "asian", "arabian", "arabic", "persian", "norse", "celtic", "australian", "dutch", "swiss",
     "turkish", "moroccan", "hawaiian", "polynesian", "tibetan", "nordic", "scandinavian", "swedish",
     "norwegian", "danish", "polish", "ukrainian", "byzantine", "ottoman", "venetian", "parisian"}
)  # fmt: skip

# Nouns ending like adjectives ('-able', '-ible'), which a noun may follow: 'a cable car', 'a table lamp'.
ABLE_NOUNS = frozenset(
    {"table", "tables", "cable", "cables", "vegetable", "vegetables", "timetable", "turntable", "turntables",
     "constable", "convertible", "collectible", "collectibles", "stable", "stables", "fable", "bible",
     "crucible", "edible", "edibles", "syllable", "notable", "variable", "worktable", "tabletop"}
)  # fmt: skip

# Adverbs that only intensify the next adjective; dropped.
INTENSIFIERS = frozenset(
    {"very", "really", "extremely", "slightly", "quite", "so", "too", "super", "incredibly",
     "highly", "somewhat", "rather", "fairly", "pretty", "ultra", "hyper", "most", "more", "less",
     "mostly", "partly", "partially", "completely", "totally", "fully", "almost", "nearly", "just",
     "only", "also", "even", "still", "all", "entirely", "brightly", "softly", "dimly", "gently",
     "beautifully", "richly", "lavishly", "heavily", "lightly", "densely", "sparsely", "freshly"}
)  # fmt: skip
# Plurals that modify the noun after them in a compound: 'a sports car', 'a glasses case'.
PLURAL_MODIFIERS = frozenset(
    {"sports", "arts", "goods", "sales", "savings", "customs", "parts", "kids", "mens", "womens", "girls",
     "boys", "ladies", "crafts", "arms", "clothes", "glasses", "news", "series", "games", "rights", "works",
     "wares", "olympics", "graphics", "electronics", "physics", "athletics", "gymnastics", "letters"}
)  # fmt: skip
# Works of art that are things in the picture, not how it is drawn: 'a sculpture of letter W'. What
# follows their 'of' is a thing of its own.
ARTWORK_THINGS = frozenset(
    {"sculpture", "sculptures", "statue", "statues", "figurine", "figurines", "diorama", "dioramas",
     "sticker", "stickers", "poster", "posters", "bust", "busts", "mural", "murals", "tapestry"}
)  # fmt: skip
# Nouns for how words or numbers are written, which 'in' makes a description of the writing: 'in flowing
# cursive', 'a scoreboard in roman numerals'.
LETTERING_NOUNS = frozenset(
    {"cursive", "calligraphy", "font", "fonts", "typeface", "typography", "lettering", "handwriting",
     "script", "serif", "sans", "sans-serif", "italics", "italic", "capitals", "uppercase", "lowercase",
     "numeral", "numerals", "digits"}
)  # fmt: skip
# Nouns shaped like the comparative of a describing word: 'a vacuum cleaner', 'leg warmers'.
NOUNS_LIKE_COMPARATIVES = frozenset(
    {"cleaner", "cleaners", "drier", "driers", "warmer", "warmers", "sweeter", "stranger", "strangers"}
)
# Words that start a place's name before a capitalised one: 'downtown Manhattan', 'old Delhi'.
NAME_MODIFIERS = frozenset(
    {"downtown", "uptown", "midtown", "central", "north", "south", "east", "west", "northern", "southern",
     "eastern", "western", "old", "new", "greater", "upper", "lower", "inner", "outer", "saint", "st", "mount",
     "lake", "river", "cape", "port", "fort", "san", "santa", "los", "las", "el", "la", "de", "del", "da", "di"}
)  # fmt: skip
# Adverbs, archaic pronouns ('thee') and other words that never name a thing, dropped from a noun
# phrase: 'railing on either side', 'looking straight ahead'. (After a verb, some complete it first:
# 'leaning forward', verbs.py.)
# Irregular past tenses are here too ('his co-pilot took over'): verbs.py makes no action of them.
NOT_NOUNS = frozenset(
    {"ahead", "either", "neither", "away", "apart", "far", "together", "forward", "forwards", "backward",
     "backwards", "sideways", "upward", "upwards", "downward", "downwards", "inward", "inwards",
     "outward", "outwards", "overhead", "everywhere", "somewhere", "anywhere", "nowhere", "indoors",
     "outdoors", "alone", "instead", "already", "always", "often", "sometimes", "maybe", "perhaps",
     "probably", "else", "again", "ever", "yet", "now", "soon", "today", "tonight", "afterwards",
     "meanwhile", "otherwise", "however", "therefore", "thus", "almost", "etc", "thee", "thou", "thy",
     "stood", "knelt", "ran", "swam", "flew", "rode", "ate", "drank", "wore", "threw", "grew", "froze",
     "sang", "slept", "wept", "clung", "crept", "took", "gave", "went", "came", "brought", "bought",
     "fought", "taught", "thought"}
)  # fmt: skip
# Words ending in -ly that are nouns or adjectives, not adverbs.
LY_NOT_ADVERBS = frozenset(
    {"family", "butterfly", "dragonfly", "firefly", "housefly", "jelly", "belly", "holly", "lily",
     "bully", "rally", "ally", "italy", "assembly", "anomaly", "monopoly", "trolly", "gully", "dolly",
     "filly", "tally", "potbelly", "friendly", "lonely", "lovely", "curly", "chilly", "elderly",
     "lively", "cuddly", "prickly", "ugly", "silly", "jolly", "oily", "hilly", "woolly", "bubbly",
     "sly", "early", "daily", "ghostly", "smelly", "wobbly", "fly", "ply", "reply", "supply", "comely",
     "stately", "homely", "bristly", "scaly", "wooly", "surly", "burly", "holy", "july", "unruly",
     "sparkly", "crinkly", "wiggly", "squiggly", "knobbly", "gangly", "lowly", "costly", "grizzly",
     "doily", "homily", "melancholy", "frilly", "gnarly", "pearly"}
)  # fmt: skip

# The describing words of the tables above that end in -ly are adjectives too ('a measly tree', 'a portly man').
LY_NOT_ADVERBS = LY_NOT_ADVERBS | {w for w in OTHER_ADJECTIVES | STATES | SIZES | KIND_ADJECTIVES if w.endswith("ly")}

# Hyphenated words ending like this describe ("snow-capped", "long-haired", "cat-shaped").
DESCRIPTIVE_HYPHEN_ENDINGS = (
    "ed", "ing", "like", "shaped", "sized", "colored", "coloured", "themed", "style", "looking",
    "free", "less", "ful", "y", "ish", "proof", "made", "lit",
)  # fmt: skip
# Measure nouns ending in -ful, which the "-ful means an adjective" rule must not catch.
MEASURE_NOUNS_ENDING_FUL = frozenset(
    {"handful", "spoonful", "mouthful", "cupful", "armful", "bucketful", "basketful", "boxful",
     "bowlful", "plateful", "pocketful", "houseful", "roomful", "fistful", "truckful", "jarful"}
)  # fmt: skip

# Nouns for an amount of colour, which name nothing drawn before 'of color': 'an explosion of color',
# 'a splash of colour', 'a riot of colors'.
COLOUR_AMOUNT_NOUNS = frozenset(
    {"explosion", "explosions", "splash", "splashes", "burst", "bursts", "pop", "pops", "riot", "swirl",
     "swirls", "flash", "flashes", "dash", "hint", "hints", "touch", "touches", "spectrum", "array",
     "variety", "mix", "mixture", "myriad", "abundance", "symphony", "kaleidoscope", "medley", "range"}
)  # fmt: skip
COLOUR_NOUN_WORDS = frozenset({"color", "colors", "colour", "colours"})

# Nouns that name a part of the thing before them, as grammar_words.PART_NOUNS do, so 'a hill's peak'
# is a hill and its peak (where 'a bird's nest' is one thing): a part, or a place on it.
OWNED_PARTS = frozenset(
    {"summit", "peak", "top", "side", "sides", "edge", "surface", "base", "bottom", "front", "back", "tip",
     "head", "heads", "neck", "foot", "feet", "knee", "knees", "shoulder", "shoulders", "finger", "fingers",
     "wheel", "engine", "hull", "deck", "screen", "keyboard", "blade", "blades", "branch", "branches",
     "trunk", "cover", "spine", "pages", "page", "entrance", "wall", "walls", "tower", "chimney"}
)  # fmt: skip
# Nouns that only name a text to render ('the text ... on a wall', 'a photo of the alps with the caption ...'):
# the text is written on the thing that carries it, and they name nothing else (reading.py).
TEXT_NOUNS = frozenset({"text", "texts", "caption", "captions"})
# Describing words of shape, among OTHER_ADJECTIVES: with a capital before a lowercase noun they still
# describe it ('a large Round tray', tagging.py).
SHAPE_ADJECTIVES = frozenset(
    {"round", "square", "rectangular", "triangular", "oval", "circular", "spherical", "cylindrical", "cubic",
     "hexagonal", "octagonal", "curved", "straight", "flat", "pointed", "conical"}
)  # fmt: skip
# Describing words that name a part of a body, the part (a singular name) and what the word says of it:
# 'a barefoot woman' shows bare feet, 'a bearded man' a beard; after a dash the first word describes the
# part ('long-haired', 'red-bearded'). described_parts.py makes the part a thing of the picture.
DESCRIBED_PARTS: dict[str, tuple[str, str | None]] = {
    "barefoot": ("foot", "bare"), "barefooted": ("foot", "bare"), "haired": ("hair", None),
    "bearded": ("beard", None), "mustached": ("mustache", None), "moustached": ("moustache", None),
}  # fmt: skip
# Parts that come in pairs: one owner has two.
PAIRED_PARTS = frozenset({"foot", "hand", "eye", "ear", "leg", "arm"})
# Words that, said of one whose hair a word names ('a blonde haired girl'), describe the hair.
HAIR_WORDS = frozenset(
    {"blonde", "blond", "brunette", "auburn", "ginger", "curly", "wavy", "frizzy", "braided", "long", "short",
     "grey", "gray", "white", "black", "brown", "red", "dark", "fair", "silver", "golden", "platinum"}
)  # fmt: skip
