"""The words the rules planner knows: numbers, attributes, styles, times, relations, and noun forms.

Everything here is plain data plus `singularize`, so the planner's grammar (rules_planner.py), the
layout (composition.py) and the prompt writer (prompting.py) share one vocabulary. Words that are
not listed are treated as nouns: that is what lets "teddy bear" or "parking meter" become object
names without a class list. So the adjective lists hold words that describe how a thing looks; a
word that often starts a compound noun ("hot" in "hot dog") is deliberately left out.
"""

from __future__ import annotations

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

# Counts for words that say "more than one" without a number. A Scene needs an exact count, so
# these are deliberate, small defaults: a bare plural ("apples") reads as a few, i.e. 3.
FEW = 3
SEVERAL = 3
MANY = 5
CROWD = 8
BARE_PLURAL_COUNT = FEW

# Multi-word quantifiers, matched as phrases before a noun phrase.
QUANTIFIER_PHRASES: dict[str, int] = {
    "a pair of": 2, "pair of": 2, "pairs of": 2, "a couple of": 2, "couple of": 2,
    "a few": FEW, "few": FEW, "several": SEVERAL, "some": FEW, "a handful of": FEW,
    "many": MANY, "lots of": MANY, "a lot of": MANY, "plenty of": MANY, "multiple": SEVERAL,
    "various": SEVERAL, "numerous": CROWD, "countless": CROWD, "dozens of": CROWD,
    "hundreds of": CROWD, "thousands of": CROWD, "half a dozen": 6, "a dozen": 12,
    "a trio of": 3, "trio of": 3, "a duo of": 2, "a quartet of": 4, "a multitude of": CROWD,
}  # fmt: skip

# "a herd of elephants": the collective noun is not an object, only a count for what follows.
COLLECTIVE_NOUNS: dict[str, int] = {
    "group": 4, "herd": MANY, "flock": MANY, "pack": 4, "crowd": CROWD, "bunch": 4, "pile": MANY,
    "stack": 4, "row": 4, "set": 3, "cluster": 4, "swarm": CROWD, "school": 6, "family": 4,
    "team": MANY, "collection": 4, "army": CROWD, "fleet": 4, "line": 4, "pod": 4, "colony": CROWD,
    "litter": 4, "troop": MANY, "gaggle": MANY, "parade": MANY, "procession": MANY, "array": MANY,
    "assortment": MANY, "heap": MANY, "series": 4, "variety": 4, "bundle": 4,
}  # fmt: skip

SINGULAR_DETERMINERS = frozenset({"a", "an", "another", "each", "every", "this", "that"})
DEFINITE_DETERMINERS = frozenset(
    {"the", "my", "your", "his", "its", "our", "their", "her", "these", "those", "any", "all", "whose"}
)
PRONOUNS = frozenset({"it", "they", "them", "he", "she", "him", "itself", "themselves"})

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
     "hot", "electric", "sea", "lemon", "brick", "midnight", "dusty", "powder", "bottle", "fire"}
)  # fmt: skip
# Colour words that are also things: as the last word of a noun phrase they name the object.
COLOR_NOUNS = frozenset(
    {"orange", "lime", "peach", "olive", "lavender", "coral", "gold", "silver", "amber", "ivory",
     "mint", "cream", "rust", "copper", "bronze", "emerald", "turquoise", "violet", "indigo"}
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
    "obsidian": "obsidian", "ice": "ice",
}  # fmt: skip
# Material words that are things on their own: "a glass", "a wine glass", "a stone", "a brick".
MATERIAL_NOUNS = frozenset(
    {"glass", "stone", "paper", "wood", "metal", "brick", "ice", "crystal", "clay", "cloth", "fabric",
     "plastic", "marble", "leather", "wool", "straw", "felt", "steel", "iron", "tin", "wax", "cotton",
     "silk", "velvet", "bamboo", "lego", "plush", "rubber", "denim", "concrete", "jade"}
)  # fmt: skip
# How the prompt writer puts a material noun back before a noun: "a wooden table".
MATERIAL_ADJECTIVES: dict[str, str] = {"wood": "wooden", "wool": "woolen", "gold": "golden", "silk": "silk"}

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
     "submerged", "buried", "trapped", "tied", "chained", "caged", "hidden", "lit-up", "on fire"}
)  # fmt: skip

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
     "cloudy", "foggy", "misty", "hazy", "sunny", "windy", "starry", "dark", "bright", "dim",
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
     "candlelit", "backlit", "torn", "secret", "famous", "lonesome", "pale", "deep", "blurred", "vibrant", "vivid", "muted", "shallow", "giant-eyed", "open-mouthed", "cartoonish"}
)  # fmt: skip

# Adverbs that only intensify the next adjective; dropped.
INTENSIFIERS = frozenset(
    {"very", "really", "extremely", "slightly", "quite", "so", "too", "super", "incredibly",
     "highly", "somewhat", "rather", "fairly", "pretty", "ultra", "hyper", "most", "more", "less",
     "mostly", "partly", "partially", "completely", "totally", "fully", "almost", "nearly", "just",
     "only", "also", "even", "still", "all", "entirely", "brightly", "softly", "dimly", "gently",
     "beautifully", "richly", "lavishly", "heavily", "lightly", "densely", "sparsely", "freshly"}
)  # fmt: skip
# Words ending in -ly that are nouns or adjectives, not adverbs.
LY_NOT_ADVERBS = frozenset(
    {"family", "butterfly", "dragonfly", "firefly", "housefly", "jelly", "belly", "holly", "lily",
     "bully", "rally", "ally", "italy", "assembly", "anomaly", "monopoly", "trolly", "gully", "dolly",
     "filly", "tally", "potbelly", "friendly", "lonely", "lovely", "curly", "chilly", "elderly",
     "lively", "cuddly", "prickly", "ugly", "silly", "jolly", "oily", "hilly", "woolly", "bubbly",
     "sly", "early", "daily", "ghostly", "smelly", "wobbly", "fly", "ply", "reply", "supply", "comely",
     "stately", "homely", "bristly", "scaly", "wooly", "surly", "burly", "holy", "july", "unruly",
     "sparkly", "crinkly", "wiggly", "squiggly", "knobbly", "gangly", "lowly", "costly", "grizzly"}
)  # fmt: skip

# Hyphenated words ending like this describe ("snow-capped", "long-haired", "cat-shaped").
DESCRIPTIVE_HYPHEN_ENDINGS = (
    "ed", "ing", "like", "shaped", "sized", "colored", "coloured", "themed", "style", "looking",
    "free", "less", "ful", "y", "ish", "proof", "made", "lit",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Style, lighting, time, viewpoint, palette
# ---------------------------------------------------------------------------------------------

# Words that are a style on their own, anywhere in a noun phrase ("an anime girl", ", watercolor").
STYLE_WORDS: dict[str, str] = {
    "watercolor": "watercolor", "watercolour": "watercolor", "watercolors": "watercolor",
    "anime": "anime", "manga": "manga", "cartoon": "cartoon", "cartoonish": "cartoon",
    "photorealistic": "photorealistic", "photo-realistic": "photorealistic", "photoreal": "photorealistic",
    "hyperrealistic": "hyperrealistic", "hyper-realistic": "hyperrealistic", "realistic": "realistic",
    "impressionist": "impressionist", "impressionism": "impressionist", "impressionistic": "impressionist",
    "expressionist": "expressionist", "expressionism": "expressionist", "cubist": "cubist",
    "cubism": "cubist", "surrealist": "surrealist", "surrealism": "surrealist", "minimalist": "minimalist",
    "minimalism": "minimalist", "minimal": "minimalist", "cinematic": "cinematic", "claymation": "claymation",
    "isometric": "isometric", "lowpoly": "low poly", "low-poly": "low poly", "voxel": "voxel art",
    "ukiyo-e": "ukiyo-e", "vaporwave": "vaporwave", "synthwave": "synthwave", "pixelated": "pixel art",
    "8-bit": "pixel art", "16-bit": "pixel art", "polaroid": "polaroid photo", "noir": "film noir",
    "cel-shaded": "cel-shaded", "photographic": "photo", "painterly": "painterly",
    "3d": "3d render", "cgi": "3d render", "chibi": "chibi", "kawaii": "kawaii", "gouache": "gouache",
    "pointillist": "pointillist", "pointillism": "pointillist", "graffiti": "graffiti",
    "woodcut": "woodcut", "linocut": "linocut", "etching": "etching", "lithograph": "lithograph",
    "papercut": "papercut", "embroidery": "embroidery", "mosaic": "mosaic", "blueprint": "blueprint",
    "infographic": "infographic", "storybook": "storybook illustration", "pixar": "pixar style",
    "ghibli": "studio ghibli style", "disney": "disney style", "renaissance": "renaissance painting",
}  # fmt: skip
# A noun phrase whose last word is one of these is the style, as written: "oil painting",
# "pencil sketch", "gouache painting", "pixel art", "3d render", "vintage photograph".
STYLE_HEADS: dict[str, str] = {
    "photo": "photo", "photos": "photo", "photograph": "photo", "photography": "photo",
    "snapshot": "photo", "painting": "painting", "paintings": "painting", "drawing": "drawing",
    "sketch": "sketch", "illustration": "illustration", "render": "render", "rendering": "render",
    "art": "art", "artwork": "artwork", "print": "print", "poster": "poster", "engraving": "engraving",
    "watercolor": "watercolor", "watercolour": "watercolor", "doodle": "doodle", "cartoon": "cartoon",
    "comic": "comic", "sculpture": "sculpture", "diorama": "diorama", "photoshoot": "photo",
    "selfie": "selfie", "still": "film still", "screenshot": "screenshot", "sticker": "sticker",
    "lineart": "line art", "portraiture": "portrait", "cgi": "3d render", "animation": "animation",
}  # fmt: skip
# Nouns that name a medium before a style head ("oil painting", "pencil sketch"); any other noun
# there is the subject ("a cat photo" is a photo of a cat).
ART_MEDIA = frozenset(
    {"oil", "oils", "pencil", "charcoal", "ink", "crayon", "chalk", "acrylic", "gouache", "pastel",
     "tempera", "fresco", "digital", "dslr", "film", "analog", "analogue", "clay", "sand", "spray",
     "marker", "pen", "graphite", "vector", "concept", "line", "pixel", "fine", "street", "pop",
     "fantasy", "studio", "fashion", "product", "stock", "macro", "instant", "lomo", "tintype",
     "daguerreotype", "cyanotype", "airbrush", "woodblock", "ballpoint", "biro", "fan", "clip", "3d",
     "folk", "tribal", "cave", "rock", "mural", "needle", "paper", "glass", "wood", "cgi", "video",
     "game", "cinema", "movie", "newspaper", "magazine", "comic", "book", "children's", "storybook",
     "wildlife", "nature", "food", "wedding", "travel", "sports", "documentary", "editorial",
     "architectural", "architecture", "candid", "underwater", "astro", "glamour", "commercial"}
)  # fmt: skip
# Fixed multi-word style phrases that the noun-phrase grammar would not see as one.
STYLE_PHRASES: dict[str, str] = {
    "oil on canvas": "oil painting", "pen and ink": "ink drawing", "unreal engine": "3d render",
    "octane render": "3d render", "trending on artstation": "digital art", "studio ghibli": "studio ghibli style",
    "pop art": "pop art", "art deco": "art deco", "art nouveau": "art nouveau", "line art": "line art",
    "pixel art": "pixel art", "concept art": "concept art", "digital art": "digital art",
    "fantasy art": "fantasy art", "low poly": "low poly", "stop motion": "stop motion",
    "stained glass": "stained glass", "film noir": "film noir", "comic book": "comic book",
    "comic book style": "comic book", "children's book illustration": "children's book illustration",
    "oil painting": "oil painting", "black and white photo": "black and white photo",
    "black and white photograph": "black and white photo", "black-and-white photo": "black and white photo",
    "3d render": "3d render", "3d rendering": "3d render", "3d model": "3d render",
    "35mm film": "35mm film photo", "film photo": "film photo", "analog photo": "film photo",
    "product photo": "product photo", "in black and white": "black and white", "studio photo": "studio photo",
    "vector art": "vector art",
    "flat design": "flat design", "paper cut": "papercut", "paper craft": "papercraft",
}  # fmt: skip
# Quality tags people add to prompts; kept (after the style) so the prompt keeps asking for them.
QUALITY_PHRASES: dict[str, str] = {
    "highly detailed": "highly detailed", "hyper detailed": "highly detailed", "hyperdetailed": "highly detailed",
    "ultra detailed": "highly detailed", "extremely detailed": "highly detailed",
    "intricate details": "intricate detail",
    "intricate detail": "intricate detail", "8k": "8k", "4k": "4k", "hd": "hd", "uhd": "uhd", "hdr": "hdr",
    "masterpiece": "masterpiece", "best quality": "best quality", "high quality": "high quality",
    "sharp focus": "sharp focus", "award-winning": "award-winning", "award winning": "award-winning",
    "high resolution": "high resolution", "high-resolution": "high resolution", "bokeh": "bokeh",
    "shallow depth of field": "shallow depth of field", "depth of field": "depth of field",
    "film grain": "film grain", "long exposure": "long exposure", "tilt-shift": "tilt-shift",
}  # fmt: skip

LIGHTING_PHRASES: dict[str, str] = {
    "soft light": "soft light", "soft lighting": "soft light", "softly lit": "soft light",
    "diffused light": "soft light", "diffuse light": "soft light", "dramatic lighting": "dramatic lighting",
    "dramatic light": "dramatic lighting", "cinematic lighting": "cinematic lighting",
    "studio lighting": "studio lighting", "studio light": "studio lighting", "neon lights": "neon",
    "neon lighting": "neon", "neon light": "neon", "neon-lit": "neon", "rim light": "rim light",
    "rim lighting": "rim light", "candle light": "candlelight", "candle-lit": "candlelight",
    "natural light": "natural light", "natural lighting": "natural light", "volumetric lighting": "volumetric light",
    "volumetric light": "volumetric light", "god rays": "volumetric light", "light rays": "volumetric light",
    "crepuscular rays": "volumetric light", "harsh light": "harsh light", "harsh lighting": "harsh light",
    "warm light": "warm light", "warm lighting": "warm light", "warm glow": "warm light",
    "cool light": "cool light", "cold light": "cool light", "dim light": "dim light", "dimly lit": "dim light",
    "low light": "dim light", "bright light": "bright light", "brightly lit": "bright light",
    "well lit": "bright light", "well-lit": "bright light", "moody lighting": "moody lighting",
    "by moonlight": "moonlight", "by candlelight": "candlelight", "lit by candles": "candlelight",
    "golden light": "golden light", "ambient light": "ambient light", "ambient lighting": "ambient light",
    "backlighting": "backlit", "back-lit": "backlit", "spot light": "spotlight", "hard light": "harsh light",
    "chiaroscuro": "chiaroscuro", "high contrast": "high contrast", "low key": "low-key lighting",
    "low-key lighting": "low-key lighting", "high key": "high-key lighting", "firelight": "firelight",
}  # fmt: skip
# Single lighting words: as a noun phrase of their own, or modifying a noun ("a moonlit lake").
LIGHTING_WORDS: dict[str, str] = {
    "backlit": "backlit", "candlelight": "candlelight", "candlelit": "candlelight",
    "moonlight": "moonlight", "moonlit": "moonlight", "sunlight": "sunlight", "sunlit": "sunlight",
    "starlight": "starlight", "starlit": "starlight", "neon": "neon", "spotlight": "spotlight",
    "spotlit": "spotlight", "lamplight": "lamplight", "firelit": "firelight", "sun-drenched": "sunlight",
    "chiaroscuro": "chiaroscuro", "daylight": "daylight", "twilight": "twilight glow",
}  # fmt: skip
# Last words of a noun phrase that make the whole phrase a lighting description ("soft warm light").
LIGHTING_HEADS = frozenset({"light", "lighting", "lights", "glow", "illumination", "shadows", "shade"})
# Weather adjectives left without a noun ("..., foggy") say how the scene is lit.
WEATHER_WORDS = frozenset(
    {"foggy", "misty", "hazy", "rainy", "stormy", "overcast", "cloudy", "moody", "gloomy", "sunny"}
)

# Single time words, wherever they appear ("at dusk", "a dusk sky", "sunset").
TIME_WORDS: dict[str, str] = {
    "dawn": "dawn", "daybreak": "dawn", "sunrise": "dawn", "sunrises": "dawn", "morning": "morning",
    "mornings": "morning", "noon": "noon", "midday": "noon", "daytime": "noon", "day": "noon",
    "afternoon": "afternoon", "sunset": "sunset", "sunsets": "sunset", "sundown": "sunset",
    "dusk": "dusk", "twilight": "dusk", "evening": "dusk", "nightfall": "dusk", "gloaming": "dusk",
    "night": "night", "nighttime": "night", "night-time": "night", "midnight": "night", "nights": "night",
}  # fmt: skip
TIME_PHRASES: dict[str, str] = {
    "golden hour": "golden hour", "blue hour": "dusk", "high noon": "noon", "first light": "dawn",
    "early morning": "morning", "late afternoon": "afternoon", "late evening": "dusk",
    "starry night": "night", "at night": "night", "by night": "night", "in the dark": "night",
    "during the day": "noon", "in daylight": "noon", "broad daylight": "noon",
}  # fmt: skip

VIEWPOINT_PHRASES: dict[str, str] = {
    "close up": "close-up", "close-up": "close-up", "closeup": "close-up", "extreme close-up": "extreme close-up",
    "extreme close up": "extreme close-up", "macro shot": "macro", "macro photo": "macro",
    "aerial view": "aerial view", "aerial shot": "aerial view", "aerial photo": "aerial view",
    "bird's eye view": "bird's-eye view", "bird's-eye view": "bird's-eye view", "birds eye view": "bird's-eye view",
    "birds-eye view": "bird's-eye view", "top-down view": "top-down view", "top down view": "top-down view",
    "top-down": "top-down view", "top down": "top-down view", "from above": "from above",
    "from below": "from below", "from behind": "from behind", "from the side": "side view",
    "worm's eye view": "worm's-eye view", "worm's-eye view": "worm's-eye view", "low angle": "low angle",
    "low-angle": "low angle", "low angle shot": "low angle", "high angle": "high angle", "high-angle": "high angle",
    "wide shot": "wide shot", "wide angle": "wide angle", "wide-angle": "wide angle", "wide-angle shot": "wide angle",
    "long shot": "wide shot", "establishing shot": "wide shot", "medium shot": "medium shot",
    "full body": "full body", "full-body": "full body", "full body shot": "full body", "side view": "side view",
    "front view": "front view", "rear view": "rear view", "back view": "rear view", "in profile": "profile",
    "eye level": "eye level", "eye-level": "eye level", "over the shoulder": "over the shoulder",
    "first person": "first-person view", "first-person": "first-person view", "first-person view": "first-person view",
    "overhead view": "overhead view", "overhead shot": "overhead view", "satellite view": "satellite view",
    "satellite image": "satellite view", "isometric view": "isometric view", "fisheye": "fisheye",
    "fish-eye": "fisheye", "fisheye lens": "fisheye", "dutch angle": "dutch angle", "pov": "first-person view",
    "three-quarter view": "three-quarter view", "three-quarters view": "three-quarter view",
    "three-quarters front view": "three-quarter view", "three-quarter front view": "three-quarter view",
}  # fmt: skip
# Single viewpoint words that may stand in a noun phrase ("a portrait of", "a panoramic view").
VIEWPOINT_WORDS: dict[str, str] = {
    "close-up": "close-up", "closeup": "close-up", "macro": "macro", "panorama": "panorama",
    "panoramic": "panorama", "portrait": "portrait", "headshot": "headshot", "aerial": "aerial view",
    "overhead": "overhead view", "silhouette": "silhouette", "silhouetted": "silhouette",
    "profile": "profile", "landscape-format": "wide shot",
}  # fmt: skip

# Palette words: a "… colors/tones/palette" phrase, or a mood word, to colour names.
PALETTE_HEADS = frozenset(
    {"colors", "colours", "color", "colour", "tones", "tone", "hues", "hue", "palette", "scheme",
     "shades", "shade", "tints", "colorway"}
)  # fmt: skip
PALETTE_MOODS: dict[str, tuple[str, ...]] = {
    "pastel": ("pale pink", "pale blue", "mint", "lavender"),
    "pastels": ("pale pink", "pale blue", "mint", "lavender"),
    "monochrome": ("black", "white", "gray"),
    "monochromatic": ("black", "white", "gray"),
    "grayscale": ("black", "white", "gray"),
    "greyscale": ("black", "white", "grey"),
    "sepia": ("brown", "beige", "tan"),
    "earthy": ("brown", "olive", "tan"),
    "warm": ("red", "orange", "amber"),
    "cool": ("blue", "teal", "lavender"),
    "cold": ("blue", "teal", "white"),
    "neon": ("magenta", "cyan", "lime"),
    "autumn": ("orange", "rust", "gold"),
    "autumnal": ("orange", "rust", "gold"),
    "jewel": ("emerald", "crimson", "indigo"),
}
# Palette phrases of more than one word.
PALETTE_PHRASES: dict[str, tuple[str, ...]] = {
    "earth tones": ("brown", "olive", "tan"), "earth tone": ("brown", "olive", "tan"),
    "earth-toned": ("brown", "olive", "tan"), "jewel tones": ("emerald", "crimson", "indigo"),
    "black and white": ("black", "white", "gray"),
}  # fmt: skip
# Backgrounds are painted from the palette, not drawn as objects: "on a white background".
BACKGROUND_HEADS = frozenset({"background", "backdrop", "backgrounds"})

# Nouns that only frame the picture: "an image of", "a scene of", "a view of".
FILLER_NOUNS = frozenset(
    {"image", "images", "picture", "pictures", "scene", "scenes", "view", "views", "shot", "shots",
     "depiction", "composition", "wallpaper", "style", "styles", "theme", "aesthetic", "aesthetics",
     "vibe", "vibes", "mood", "atmosphere", "setting", "version", "quality", "resolution", "details",
     "detail", "focus", "lens", "frame", "angle", "perspective", "way", "something", "anything",
     "everything", "nothing", "thing", "things", "kind", "sort", "type", "lot", "bit", "piece",
     "part", "side", "left", "right", "top", "bottom", "middle", "center", "centre", "front", "back",
     "foreground", "distance", "corner", "edge", "here", "there", "please", "generate", "create",
     "draw", "make", "show", "render", "imagine", "design", "depict", "paint", "give", "want", "need",
     "let", "like", "i", "me", "we", "us", "you", "one", "ones", "other", "others", "each",
     "place", "area", "someone", "somebody", "anyone", "everyone", "nobody", "people's"}
)  # fmt: skip

# "in shades of blue": the colours that follow are the palette.
PALETTE_OF_PHRASES = frozenset(
    {"in shades of", "shades of", "in tones of", "tones of", "in hues of", "hues of", "in the colors of",
     "in the colours of", "a palette of", "palette of", "in a palette of", "colors of", "colours of"}
)  # fmt: skip
# "a clock in the shape of a pentagon": the next noun says how a thing is shaped, it is no new thing.
SHAPE_PHRASES = frozenset({"in the shape of", "shaped like", "in the form of", "shaped as"})
# "in the style of Monet", "art by Mucha": the words after these name an artist or a school.
ARTIST_PHRASES = frozenset(
    {"in the style of", "in the manner of", "style of", "inspired by", "art by", "painted by",
     "drawn by", "illustrated by", "photographed by", "artwork by",
     "in the spirit of", "a la", "à la", "reminiscent of"}
)  # fmt: skip
# Measure nouns ending in -ful, which the "-ful means an adjective" rule must not catch.
MEASURE_NOUNS_ENDING_FUL = frozenset(
    {"handful", "spoonful", "mouthful", "cupful", "armful", "bucketful", "basketful", "boxful",
     "bowlful", "plateful", "pocketful", "houseful", "roomful", "fistful", "truckful", "jarful"}
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Grammar words
# ---------------------------------------------------------------------------------------------

# Relation phrases, to the Scene's RelationKind. "in"/"into" and "by" are decided in context.
RELATION_PHRASES: dict[str, str] = {
    "left of": "left of", "to the left of": "left of", "on the left of": "left of",
    "at the left of": "left of", "on the left side of": "left of", "to the left side of": "left of",
    "on the left-hand side of": "left of", "to the left-hand side of": "left of",
    "right of": "right of", "to the right of": "right of", "on the right of": "right of",
    "at the right of": "right of", "on the right side of": "right of", "to the right side of": "right of",
    "on the right-hand side of": "right of", "to the right-hand side of": "right of",
    "above": "above", "over": "above", "higher than": "above", "hovering over": "above",
    "below": "below", "lower than": "below", "at the bottom of": "below", "at the foot of": "below",
    "under": "under", "beneath": "under", "underneath": "under", "underneath of": "under",
    "on": "on", "upon": "on", "onto": "on", "on top of": "on", "atop": "on", "at the top of": "on",
    "on the top of": "on", "on the side of": "on", "resting on": "on", "riding": "on",
    "next to": "next to", "beside": "next to", "alongside": "next to", "by the side of": "next to",
    "at the side of": "next to", "to the side of": "next to", "adjacent to": "next to",
    "against": "next to", "on the shore of": "next to", "on the bank of": "next to",
    "on the banks of": "next to", "along": "next to",
    "near": "near", "nearby": "near", "near to": "near", "close to": "near", "around": "near",
    "among": "near", "amongst": "near", "amid": "near", "amidst": "near", "across from": "near",
    "opposite": "near", "facing": "near", "at the edge of": "near", "on the edge of": "near",
    "surrounding": "near", "surrounded by": "near",
    "in front of": "in front of", "in the front of": "in front of",
    "behind": "behind", "in back of": "behind", "at the back of": "behind", "beyond": "behind",
    "inside": "inside", "inside of": "inside", "within": "inside", "in the middle of": "inside",
    "in the center of": "inside", "in the centre of": "inside", "in the midst of": "inside",
    "filled with": "contains",
}  # fmt: skip
# Relations written backwards: "A filled with B" means B is inside A.
INVERSE_RELATIONS = {"contains": "inside"}
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
     "cast in", "carved in", "sculpted in", "rendered in"}
)  # fmt: skip

# Words that end a noun phrase and start nothing the planner keeps.
CLAUSE_WORDS = frozenset(
    {"that", "which", "who", "whom", "where", "when", "while", "whilst", "as", "because", "if",
     "then", "than", "but", "yet", "so", "though", "although", "whereas", "until", "after", "before",
     "since", "there", "here", "very", "also", "just", "only", "please"}
)  # fmt: skip
OTHER_PREPOSITIONS = frozenset(
    {"at", "from", "for", "to", "through", "throughout", "across", "toward", "towards", "during",
     "via", "past", "off", "out", "up", "down", "about", "like", "per", "outside", "despite",
     "except", "including", "plus", "versus", "vs", "amid", "onto", "underwater", "beyond"}
)  # fmt: skip
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
     "wander", "seen", "shown", "drawn", "taken", "held", "worn", "viewed", "captured", "photographed",
     "spread", "built", "lit", "set", "hung", "stuck", "caught", "left", "found", "seated"}
)  # fmt: skip
# Words after which a noun phrase describes or accompanies the one before: "a cat with green eyes".
WITH_WORDS = frozenset({"with", "has", "have", "having", "wearing", "holding", "carrying", "featuring"})
# Verbs after which the next noun phrase is what the subject acts on, with a relation implied.
VERB_RELATIONS: dict[str, str] = {"riding": "on", "rides": "on", "ride": "on", "straddling": "on"}
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
     "crossroads", "outing"}
)  # fmt: skip
NOUNS_ENDING_ED = frozenset(
    {"bed", "shed", "sled", "seed", "weed", "reed", "steed", "red", "hundred", "sacred", "need"}
)

# Adjective-first compounds that are one thing, not an adjective and a noun.
FIXED_COMPOUNDS = frozenset(
    {"red panda", "polar bear", "black hole", "white house", "swimming pool", "sleeping bag",
     "rolling pin", "walking stick", "running shoe", "running shoes", "flying saucer", "living room",
     "washing machine", "sewing machine", "high chair", "blue jay", "black widow", "great white shark",
     "green bean", "green beans", "red carpet", "iron man", "tin man", "stone age", "crystal ball",
     "light bulb", "light bulbs", "light saber", "silver screen", "ice cream", "ice cube", "ice cubes",
     "ice skate", "ice skates", "orange juice", "lime juice", "olive oil", "cream cheese", "snow globe",
     "golden retriever", "golden gate bridge", "big ben", "little mermaid", "flying fish",
     "stained glass window", "stained glass", "glass house", "paper towel", "paper towels",
     "toilet paper", "wax paper", "tin foil", "steel wool", "gold fish", "silver fish", "brick wall"}
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
     "lantern", "plate", "tray", "dish", "chest", "coffin", "pod", "capsule", "shelf"}
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Layout hints (by head noun)
# ---------------------------------------------------------------------------------------------

LARGE_THINGS = frozenset(
    {"table", "bed", "house", "car", "bus", "truck", "couch", "sofa", "tree", "building", "train",
     "boat", "ship", "airplane", "plane", "elephant", "horse", "cow", "refrigerator", "fridge",
     "cabin", "castle", "church", "barn", "tent", "piano", "desk", "bench", "wagon", "tractor",
     "motorcycle", "bicycle", "bike", "dinosaur", "whale", "dragon", "bear", "giraffe", "camel",
     "rhino", "hippo", "tank", "helicopter", "rocket", "spaceship", "wardrobe", "bookshelf",
     "fireplace", "oven", "stove", "cart", "van", "jeep", "taxi", "limousine", "yacht", "sailboat",
     "temple", "pyramid", "bridge", "fountain", "statue", "windmill", "lighthouse", "tower",
     "skyscraper", "cottage", "hut", "shed", "zebra", "moose", "bison", "buffalo", "ox", "gorilla",
     "lion", "tiger", "robot", "mech", "carriage", "dining table", "bathtub", "wall", "door", "gate"}
)  # fmt: skip
SMALL_THINGS = frozenset(
    {"cup", "mug", "apple", "orange", "banana", "ball", "phone", "spoon", "fork", "knife", "book",
     "bird", "mouse", "key", "ring", "coin", "egg", "candle", "glass", "bottle", "can", "pen",
     "pencil", "remote", "clock", "watch", "toothbrush", "scissors", "butterfly", "bee", "insect",
     "flower", "rose", "leaf", "donut", "cookie", "cupcake", "muffin", "carrot", "lemon", "lime",
     "pear", "peach", "plum", "cherry", "strawberry", "grape", "tomato", "potato", "onion",
     "mushroom", "shell", "stone", "pebble", "feather", "frog", "snail", "crab", "fish", "hamster",
     "rabbit", "squirrel", "kitten", "puppy", "chick", "duckling", "teacup", "bowl", "plate",
     "vase", "lamp", "tie", "sandwich", "hot dog", "broccoli", "frisbee", "kite", "hat", "shoe",
     "glove", "wallet", "camera", "laptop", "toaster", "handbag", "backpack", "hair drier",
     "dryer", "lantern", "teapot", "candy", "cake", "pizza", "skull", "crown", "gem",
     "diamond", "crystal", "dice", "die", "card", "letter", "envelope", "sign", "mask", "bell"}
)  # fmt: skip
TALL_THINGS = frozenset(
    {"person", "man", "woman", "boy", "girl", "child", "kid", "baby", "people", "knight", "wizard",
     "witch", "king", "queen", "princess", "prince", "soldier", "astronaut", "robot", "giraffe",
     "tree", "lighthouse", "tower", "skyscraper", "bottle", "vase", "lamp", "candle", "statue",
     "totem", "pole", "column", "pillar", "traffic light", "parking meter", "fire hydrant", "stop sign",
     "refrigerator", "fridge", "door", "flamingo", "ostrich", "penguin", "owl", "cactus", "sunflower",
     "ladder", "bookshelf", "wardrobe", "clock tower", "windmill", "rocket", "obelisk", "palm tree"}
)  # fmt: skip
# Things that usually hang in the sky: placed high when nothing else says where.
SKY_THINGS = frozenset(
    {"bird", "airplane", "plane", "kite", "balloon", "hot air balloon", "sun", "moon", "cloud",
     "star", "stars", "helicopter", "drone", "eagle", "hawk", "seagull", "bat", "dragon", "ufo",
     "spaceship", "rocket", "comet", "planet", "rainbow", "butterfly", "blimp", "zeppelin",
     "satellite", "firework", "fireworks", "lantern", "aurora", "galaxy", "nebula", "owl", "crow"}
)  # fmt: skip
# Settings drawn as bands behind everything else, by the part of the canvas they fill.
BACKDROP_BANDS: dict[str, tuple[float, float, float, float]] = {
    "sky": (0.0, 0.0, 1.0, 0.5),
    "horizon": (0.0, 0.15, 1.0, 0.6),
    "ground": (0.0, 0.55, 1.0, 0.45),
    "surround": (0.0, 0.0, 1.0, 1.0),
}
BACKDROPS: dict[str, str] = {
    **{w: "sky" for w in ("sky", "skies", "night sky", "clouds", "heavens", "skyline sky")},
    **{w: "horizon" for w in ("mountain", "mountains", "hill", "hills", "city", "skyline", "forest",
                                "jungle", "woods", "town", "village", "cityscape", "landscape",
                                "mountain range", "volcano", "cliff", "cliffs", "canyon", "valley",
                                "horizon", "treeline", "countryside", "island")},
    **{w: "ground" for w in ("field", "meadow", "grass", "lawn", "beach", "desert", "ocean", "sea",
                               "lake", "river", "water", "snow", "ground", "floor", "road", "street",
                               "pond", "sand", "shore", "path", "park", "garden", "farm", "grassland",
                               "prairie", "savanna", "tundra", "ice", "waves", "swamp", "marsh")},
    **{w: "surround" for w in ("room", "kitchen", "bedroom", "living room", "library", "cave",
                                 "studio", "interior", "hall", "office", "classroom", "space",
                                 "outer space", "universe", "underwater", "galaxy", "nebula", "bathroom",
                                 "cathedral", "museum", "warehouse", "attic", "basement", "alley")},
}  # fmt: skip

# Nouns that take no article in a prompt ("snow", "fog"), and ones that read best with "the".
MASS_NOUNS = frozenset(
    {"snow", "grass", "water", "fog", "mist", "rain", "sand", "smoke", "fire", "ice", "light",
     "text", "lava", "mud", "dust", "steam", "foliage", "moss", "ivy", "hay", "wheat", "rice",
     "coffee", "tea", "milk", "wine", "juice", "soup", "bread", "cheese", "money", "furniture",
     "jewelry", "luggage", "food", "fruit", "spaghetti", "pasta", "popcorn", "candy", "art", "music"}
)  # fmt: skip
UNIQUE_NOUNS = frozenset({"sky", "sun", "moon", "ocean", "sea", "horizon", "earth", "universe", "milky way"})

# ---------------------------------------------------------------------------------------------
# Singular forms
# ---------------------------------------------------------------------------------------------

IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
    "mice": "mouse", "geese": "goose", "feet": "foot", "teeth": "tooth", "oxen": "ox", "lice": "louse",
    "dice": "die", "cacti": "cactus", "fungi": "fungus", "octopi": "octopus", "knives": "knife",
    "wives": "wife", "lives": "life", "leaves": "leaf", "wolves": "wolf", "shelves": "shelf",
    "halves": "half", "calves": "calf", "loaves": "loaf", "thieves": "thief", "scarves": "scarf",
    "elves": "elf", "hooves": "hoof", "selves": "self", "sheaves": "sheaf", "dwarves": "dwarf",
    "sheeps": "sheep", "fishes": "fish", "deers": "deer", "lenses": "lens", "quizzes": "quiz",
    "buses": "bus", "busses": "bus", "gases": "gas", "canvases": "canvas", "atlases": "atlas",
    "axes": "axe", "taxis": "taxi", "alumni": "alumnus", "phenomena": "phenomenon",
    "criteria": "criterion", "bacteria": "bacterium", "data": "data", "media": "media",
    "kitties": "kitty", "puppies": "puppy", "ponies": "pony", "tvs": "tv", "mosquitoes": "mosquito",
    "potatoes": "potato", "tomatoes": "tomato", "heroes": "hero", "volcanoes": "volcano",
    "mangoes": "mango", "echoes": "echo", "torpedoes": "torpedo", "dominoes": "domino",
}  # fmt: skip
# Nouns that look plural but are one thing (or one pair): kept as they are.
UNCHANGED_NOUNS = frozenset(
    {"skis", "scissors", "pants", "jeans", "shorts", "trousers", "pajamas", "pyjamas", "binoculars",
     "pliers", "tongs", "tweezers", "headphones", "earphones", "earbuds", "goggles", "sunglasses",
     "eyeglasses", "spectacles", "clothes", "news", "series", "species", "sheep", "fish", "deer",
     "moose", "bison", "salmon", "trout", "shrimp", "squid", "aircraft", "offspring", "swiss",
     "chess", "mathematics", "physics", "overalls", "leggings", "tights", "shears", "suds",
     "billiards", "darts", "dominos", "stairs", "gymnastics", "athletics", "lungs", "thanks",
     "sweatpants", "briefs", "boxers", "mittens", "remains", "outskirts", "premises", "surroundings",
     "woods", "ruins", "fireworks", "groceries", "belongings"}
)  # fmt: skip
# Things that come in pairs: one of them is "a pair of skis" in a prompt.
PAIR_NOUNS = frozenset(
    {"skis", "scissors", "pants", "jeans", "shorts", "trousers", "pajamas", "pyjamas", "binoculars",
     "pliers", "tongs", "tweezers", "headphones", "earphones", "goggles", "sunglasses", "eyeglasses",
     "spectacles", "glasses", "overalls", "leggings", "tights", "shears", "mittens", "boxers"}
)  # fmt: skip
# Nouns that are plural only and take no article: "formal clothes", not "a formal clothes".
PLURAL_ONLY_NOUNS = frozenset(
    {"clothes", "stairs", "surroundings", "remains", "outskirts", "premises", "suds", "billiards",
     "darts", "groceries", "belongings", "leftovers", "fireworks", "ruins", "woods", "dominos"}
)  # fmt: skip
# Only when it is the whole name: "glasses" (to see with), but "wine glasses" -> "wine glass".
UNCHANGED_WHEN_ALONE = frozenset({"glasses", "stairs", "mittens", "boxers"})
SINGULAR_NOUNS_ENDING_S = frozenset(
    {"bus", "gas", "lens", "canvas", "atlas", "bias", "alias", "christmas", "texas", "pancreas",
     "tennis", "iris", "chassis", "oasis", "basis", "trellis", "ibis", "pelvis", "mantis",
     "metropolis", "acropolis", "analysis", "crisis", "thesis", "axis", "cactus", "octopus",
     "hippopotamus", "walrus", "platypus", "circus", "citrus", "lotus", "hibiscus", "asparagus",
     "crocus", "fungus", "virus", "uterus", "nautilus", "abacus", "campus", "bonus", "status",
     "chorus", "census", "cosmos", "chaos", "thermos", "rhinoceros", "kudos", "asbestos", "pathos",
     "ethos", "papyrus", "narcissus", "eucalyptus", "pegasus", "cerberus", "venus",
     "uranus", "pisces", "aries", "diabetes", "hummus", "couscous", "mucus", "ficus", "torus",
     "plus", "us", "this", "his", "yes", "is", "was", "has", "does", "tortoise", "always",
     "lupus", "stylus", "nimbus", "cumulus", "tuberculosis", "meniscus", "colossus", "fetus",
     "sinus", "exodus", "apparatus", "bogus", "callus", "focus", "radius", "genius", "onus",
     "dais", "cannabis", "kiss", "mess", "dress", "glass",
     "grass", "moss", "boss", "cross", "class", "brass", "mass", "compass", "mattress", "princess",
     "goddess", "lioness", "fortress", "harness", "wilderness", "cypress", "address", "chess",
     "bass", "lass", "pass", "floss", "gloss", "toss", "fuss", "truss", "dross", "hiss", "abyss"}
)  # fmt: skip
# Plurals of nouns ending in -u, which would otherwise look like 'cactus'.
U_PLURALS = frozenset(
    {"menus", "emus", "gnus", "gurus", "tutus", "haikus", "tofus", "bayous", "caribous", "tiramisus", "kudzus", "zebus"}
)
# Words ending in -ies whose singular keeps -ie: "cookies" -> "cookie", not "cooky".
IE_SINGULARS = frozenset(
    {"cookies", "movies", "zombies", "brownies", "selfies", "smoothies", "hoodies", "collies",
     "pixies", "genies", "calories", "rookies", "budgies", "goalies", "veggies", "beanies",
     "magpies", "hippies", "birdies", "sweeties", "bookies", "aussies", "pies", "ties", "lies",
     "dies", "hogties", "neckties", "bowties", "walkies", "talkies", "yorkies", "kiddies",
     "boogies", "cowries", "eyries", "lingeries", "prairies", "reveries", "coteries", "specie",
     "caddies", "doggies", "sherries"}
)  # fmt: skip
# -es words whose singular ends in -e ("horses" -> "horse"), though they look like "buses".
E_SINGULAR_EXCEPTIONS = frozenset(
    {"headaches", "toothaches", "stomachaches", "earaches", "backaches", "mustaches", "moustaches",
     "avalanches", "niches", "caches", "quiches", "cliches", "creches", "psyches", "shoes", "toes",
     "canoes", "oboes", "hoes", "floes", "does", "aloes", "foes", "horseshoes", "tiptoes", "snowshoes",
     "houses", "blouses", "mouses", "causes", "clauses", "pauses", "fuses", "muses", "ruses",
     "greenhouses", "lighthouses", "warehouses", "birdhouses", "doghouses", "treehouses"}
)  # fmt: skip


def singularize(word: str) -> str:
    """The singular of one lowercase noun: 'apples' -> 'apple', 'buses' -> 'bus', 'knives' -> 'knife'.

    Pluralia tantum ('skis', 'scissors') and words that only look plural ('bus', 'glass') are kept.
    """
    if len(word) < 3 or not word.endswith("s") and word not in IRREGULAR_SINGULARS:
        return word
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word in UNCHANGED_NOUNS or word in SINGULAR_NOUNS_ENDING_S or word.endswith(("ss", "'s")):
        return word
    if word in IE_SINGULARS or word in E_SINGULAR_EXCEPTIONS:
        return word[:-1]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("oes"):
        return word[:-2]  # tomatoes, heroes (shoes and toes were handled above)
    if word in U_PLURALS:
        return word[:-1]
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("uses") and not word.endswith(("ouses", "auses")):
        return word[:-2]  # octopuses, viruses, walruses
    if word.endswith("us"):
        return word  # cactus, octopus (the plurals of words in -u are listed in U_PLURALS)
    return word[:-1]  # apples, kiwis, broccolis (singular words in -is were listed above)


def singularize_name(name: str) -> str:
    """The singular of a noun phrase, changing only its head (last word): 'wine glasses' -> 'wine glass'."""
    head, _, last = name.rpartition(" ")
    if not head and last in UNCHANGED_WHEN_ALONE:
        return last
    single = singularize(last)
    return f"{head} {single}" if head else single
