"""The words the rules planner knows for how a picture is made: styles, quality tags, light, time, viewpoint, palette.

Plain data: single words that set a style or a time wherever they stand ("an anime girl", "a dusk
sky"), fixed phrases matched whole ("oil on canvas", "golden hour", "bird's eye view"), the last
words that make a noun phrase a style, a lighting or a palette ("oil painting", "soft warm light",
"earth tones"), and the nouns that only frame the picture ("an image of").
"""

from __future__ import annotations

from limner.agents.scene import words


def as_written(phrases: set[str]) -> dict[str, str]:
    """Each phrase to itself: a style, quality, light or viewpoint is kept as the description wrote it
    ("octane render", "hyper realism", "award-winning photography"), which is what a generator reads best
    and what a reading is checked against; none is renamed to a house word."""
    return {phrase: phrase for phrase in phrases}


# Words that are a style on their own, anywhere in a noun phrase ("an anime girl", ", watercolor").
STYLE_WORDS = as_written(
    {
     "watercolor", "watercolour", "watercolors", "anime", "manga", "cartoon", "cartoonish", "photorealistic",
     "photo-realistic", "photoreal", "hyperrealistic", "hyper-realistic", "realistic", "impressionist",
     "impressionism", "impressionistic", "expressionist", "expressionism", "cubist", "cubism", "surrealist",
     "surrealism", "minimalist", "minimalism", "minimal", "cinematic", "claymation", "isometric", "lowpoly",
     "low-poly", "voxel", "ukiyo-e", "vaporwave", "synthwave", "pixelated", "8-bit", "16-bit", "polaroid",
     "noir", "cel-shaded", "photographic", "painterly", "3d", "cgi", "chibi", "kawaii", "gouache", "pointillist",
     "pointillism", "graffiti", "woodcut", "linocut", "etching", "lithograph", "papercut", "embroidery",
     "mosaic", "blueprint", "infographic", "storybook", "pixar", "ghibli", "disney", "renaissance",
     "tintype", "daguerreotype", "cyanotype", "screenprint", "silkscreen", "risograph", "halftone", "2d",
     "uplight", "cinematography",
    }
)  # fmt: skip
# A noun phrase whose last word is one of these is the style, as written: "oil painting",
# "pencil sketch", "gouache painting", "pixel art", "3d render", "vintage photograph".
STYLE_HEADS = as_written(
    {
     "photo", "photos", "photograph", "photography", "snapshot", "painting", "paintings", "drawing", "sketch",
     "illustration", "render", "rendering", "art", "artwork", "print", "poster", "engraving", "watercolor",
     "watercolour", "doodle", "cartoon", "comic", "sculpture", "diorama", "photoshoot", "selfie", "still",
     "screenshot", "sticker", "lineart", "portraiture", "cgi", "animation",
     "footage", "video", "shot", "diagram", "rendition", "vector", "pic", "photoshop", "collage", "infographic",
     "genre", "photobook", "clipart", "timelapse", "time-lapse",
    }
)  # fmt: skip
# Style heads (and "picture") that are also things a picture can hold: where only a thing can stand ('holding a photo',
# 'a lamp and a painting on a desk') they are one; elsewhere ('a photo of a cat') they are the style.
HELD_MEDIA = frozenset(
    {"photo", "photos", "photograph", "photographs", "painting", "paintings", "drawing", "drawings", "sketch",
     "sketches", "snapshot", "snapshots", "print", "prints", "selfie", "watercolor", "watercolour", "mosaic",
     "mosaics", "polaroid", "polaroids", "blueprint", "blueprints", "picture", "pictures"}
)  # fmt: skip
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
     "architectural", "architecture", "candid", "underwater", "astro", "glamour", "commercial", "cctv",
     "trailcam", "livestream", "webcam", "security", "surveillance", "television", "tv", "progress", "military",
     "technical", "scientific", "medical", "x-ray", "thermal", "infrared", "drone", "promotional", "press",
     "publicity", "passport", "mugshot", "color", "colour", "closeup", "close-up", "panoramic", "1900s", "1920s",
     "1950s", "1970s", "1980s", "1990s", "80s", "90s",
     # quality words that are nouns too: 'a professional photo' is a photo, not a professional
     "professional", "amateur", "expert", "masterpiece", "masterwork", "quality", "prize", "award"}
)  # fmt: skip
# Fixed multi-word style phrases that the noun-phrase grammar would not see as one.
STYLE_PHRASES = as_written(
    {
     "studio shot", "stock photo", "stock image", "stock vector", "vector image", "vector art", "vray render", "corona render", "redshift render", "3d model", "film still", "movie still", "tv still", "television still",
     "oil on canvas", "pen and ink", "unreal engine", "octane render", "trending on artstation", "studio ghibli",
     "pop art", "art deco", "art nouveau", "line art", "pixel art", "concept art", "digital art", "fantasy art",
     "low poly", "stop motion", "stained glass", "film noir", "comic book", "comic book style",
     "children's book illustration", "oil painting", "black and white photo", "black and white photograph",
     "black-and-white photo", "3d render", "3d rendering", "35mm film", "film photo", "analog photo",
     "product photo", "in black and white", "studio photo", "flat design", "paper cut",
     "paper craft", "still life", "studio still life", "digital image", "digital picture", "digital photo",
     "screen print", "3-d", "2-d", "3 d", "2 d", "3-d render", "3-d rendering", "3 dimensional", "3-dimensional",
     "three-dimensional", "three dimensional", "progress shot", "product shot", "action shot", "beauty shot",
     "glamour shot", "fashion shot", "food shot", "stock illustration", "stock footage", "vector illustration",
     "vector set", "vector drawing", "vector graphic", "vector graphics", "clip art", "edited image",
     "edited photo", "edited picture",
    }
)  # fmt: skip
# Quality tags people add to prompts; kept (after the style) so the prompt keeps asking for them.
QUALITY_PHRASES = as_written(
    {
     "4k resolution", "8k resolution", "hd quality", "4k quality", "8k quality", "ultra-detail", "ultra detail", "high detail", "hyper realism", "hyperrealism", "photorealism", "ultra hd", "ultra-detailed", "very detailed", "award-winning photography", "award winning photography", "physically based rendering", "pbr", "sharp look",
     "highly detailed", "hyper detailed", "hyperdetailed", "ultra detailed", "extremely detailed",
     "intricate details", "intricate detail", "8k", "4k", "hd", "uhd", "hdr", "masterpiece", "best quality",
     "high quality", "sharp focus", "award-winning", "award winning", "high resolution", "high-resolution",
     "bokeh", "shallow depth of field", "depth of field", "film grain", "long exposure", "tilt-shift",
     "tilt shift", "4 k", "8 k", "16k", "32k", "full hd", "high definition", "ultra realistic",
     "ultra-realistic", "ultrarealistic", "hyper realistic", "super realistic", "ray tracing", "raytracing",
     "ray traced", "ray-traced", "insanely detailed", "super detailed", "trending on pixiv",
     "featured on artstation", "artstation", "trending on cgsociety", "cgsociety", "deviantart",
     "global illumination", "subsurface scattering", "ambient occlusion", "rule of thirds", "dof", "shallow dof",
     "professional photography", "cinema 4d", "c4d", "blender render", "vray", "v-ray",
     "redshift render", "unreal engine 5", "ue5", "extreme detail", "extreme details", "fine detail",
     "fine details", "finely detailed", "eps10", "eps 10", "lens flare", "lens flares", "kit bash",
    }
)  # fmt: skip
# Cameras, lenses and film stocks: the look of a photo, kept as written ("Kodak Portra 400"); a model
# number or film speed after one is part of it. Focal lengths ('50mm') and f-stops ('f/1.8') are
# matched by shape (tagging.py).
CAMERA_PHRASES = frozenset(
    {"leica", "hasselblad", "canon", "canon eos", "nikon", "sony alpha", "fujifilm", "fuji", "pentax",
     "olympus", "lumix", "mamiya", "rolleiflex", "kodak", "kodak portra", "portra", "kodak gold",
     "kodachrome", "ektachrome", "ektar", "kodak ektar", "fujifilm velvia", "velvia", "fuji velvia",
     "fujifilm superia", "ilford", "ilford hp5", "cinestill", "imax", "arri alexa", "arri", "red epic",
     "dslr", "mirrorless", "gopro", "instax", "lomography", "holga", "large format", "medium format",
     "35mm", "35 mm", "70mm", "16mm", "super 8", "8mm film", "16mm film", "70mm film", "film camera",
     "telephoto", "telephoto lens", "prime lens", "anamorphic", "anamorphic lens", "wide-angle lens",
     "wide angle lens", "macro lens", "zoom lens", "disposable camera", "iphone photo", "shot on iphone"}
)  # fmt: skip

LIGHTING_PHRASES = as_written(
    {
     "soft light", "soft lighting", "softly lit", "diffused light", "diffuse light", "dramatic lighting",
     "dramatic light", "cinematic lighting", "studio lighting", "studio light", "neon lights", "neon lighting",
     "neon light", "neon-lit", "rim light", "rim lighting", "candle light", "candle-lit", "natural light",
     "natural lighting", "volumetric lighting", "volumetric light", "god rays", "light rays", "crepuscular rays",
     "harsh light", "harsh lighting", "warm light", "warm lighting", "warm glow", "cool light", "cold light",
     "dim light", "dimly lit", "low light", "bright light", "brightly lit", "well lit", "well-lit",
     "moody lighting", "by moonlight", "by candlelight", "lit by candles", "golden light", "ambient light",
     "ambient lighting", "backlighting", "back-lit", "spot light", "hard light", "chiaroscuro", "high contrast",
     "low key", "low-key lighting", "high key", "firelight",
    }
)  # fmt: skip
# "by moonlight" is moonlight: the light itself, not the words that bring it in.
LIGHTING_PHRASES.update({"by moonlight": "moonlight", "by candlelight": "candlelight", "lit by candles": "candlelight"})
# Single lighting words: as a noun phrase of their own, or modifying a noun ("a moonlit lake").
LIGHTING_WORDS = as_written(
    {
     "backlit", "candlelight", "candlelit", "moonlight", "moonlit", "sunlight", "sunlit", "starlight", "starlit",
     "neon", "spotlight", "spotlit", "lamplight", "firelit", "sun-drenched", "chiaroscuro", "daylight",
     "twilight",
    }
)  # fmt: skip
# Last words of a noun phrase that make the whole phrase a lighting description ("soft warm light").
LIGHTING_HEADS = frozenset({"light", "lighting", "lights", "glow", "illumination", "shadows", "shade", "weather"})
# Weather adjectives left without a noun ("..., foggy") say how the scene is lit (scene/words.py).
WEATHER_WORDS = words.WEATHER_WORDS

# Studios whose names are styles on their own (', ghibli,') and part of a thing's name before it ('a Disney
# castle', 'a ghibli animal'): the thing is the studio's.
STUDIO_NAMES = frozenset({"disney", "pixar", "ghibli", "dreamworks"})
# Seasons, which before a noun say when, not what: 'a spring forest', 'fall boots', 'a winter coat'.
SEASON_WORDS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
# Words that stretch a season ('in early spring', 'in the dead of winter' aside) and the one-word seasons
# that say the same ('in summertime').
SEASON_MODIFIERS = frozenset({"early", "late", "mid", "high", "deep"})
SEASON_SPELLINGS = {"springtime": "spring", "summertime": "summer", "wintertime": "winter", "autumntime": "autumn"}
# Holidays, by their words in lower case with no possessive ('new year eve'), to the name as written. After
# 'on', 'at' or 'during' one says when the picture is, its occasion, kept as a style; before a noun it is
# part of the thing's name ('a Valentine's Day card', 'a Christmas tree').
HOLIDAYS: dict[str, str] = {
    "christmas": "Christmas", "christmas eve": "Christmas Eve", "christmas day": "Christmas Day",
    "xmas": "Christmas", "halloween": "Halloween", "hallowe'en": "Halloween", "easter": "Easter",
    "easter sunday": "Easter Sunday", "thanksgiving": "Thanksgiving", "thanksgiving day": "Thanksgiving Day",
    "new year": "New Year", "new year eve": "New Year's Eve", "new year day": "New Year's Day",
    "new years eve": "New Year's Eve", "new years day": "New Year's Day", "chinese new year": "Chinese New Year",
    "lunar new year": "Lunar New Year", "valentine day": "Valentine's Day", "valentines day": "Valentine's Day",
    "mother day": "Mother's Day", "mothers day": "Mother's Day", "father day": "Father's Day",
    "fathers day": "Father's Day", "independence day": "Independence Day", "labor day": "Labor Day",
    "memorial day": "Memorial Day", "st patrick day": "St. Patrick's Day", "saint patrick day": "St. Patrick's Day",
    "st. patrick day": "St. Patrick's Day", "hanukkah": "Hanukkah", "chanukah": "Hanukkah", "diwali": "Diwali",
    "ramadan": "Ramadan", "eid": "Eid", "holi": "Holi", "mardi gras": "Mardi Gras",
    "bonfire night": "Bonfire Night", "guy fawkes night": "Guy Fawkes Night", "midsummer": "Midsummer",
    "midsummer eve": "Midsummer Eve", "boxing day": "Boxing Day", "canada day": "Canada Day",
    "bastille day": "Bastille Day", "cinco de mayo": "Cinco de Mayo", "oktoberfest": "Oktoberfest",
}  # fmt: skip
# Nouns whose first word is a time word and which name a thing, not when it is: 'an evening dress' is worn
# at any hour. A time word before any other noun says when ('a night sky', 'an evening sky', 'a morning sun').
TIME_COMPOUNDS = frozenset(
    {"evening dress", "evening dresses", "evening gown", "evening gowns", "evening wear", "evening bag",
     "evening jacket", "evening primrose", "night gown", "night gowns", "night dress", "night shirt", "night cap",
     "night light", "night lights", "night stand", "night stands", "night table", "night club", "night clubs",
     "night owl", "night watchman", "night vision goggles", "morning glory", "morning glories", "morning coat",
     "day bed", "day beds", "day pack", "day lily", "day lilies", "day planner", "afternoon tea", "dawn redwood"}
)  # fmt: skip
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

VIEWPOINT_PHRASES = as_written(
    {
     "top view", "zenith view", "point of view", "closeup shot", "close-up shot", "close up shot", "panoramic shot", "panoramic view", "ultra wide angle", "ultra-wide angle", "wide angle shot", "studio close-up shot", "full length", "full-length", "overhead shot", "drone shot", "drone view", "street level", "ground level", "side angle",
     "close up", "close-up", "closeup", "extreme close-up", "extreme close up", "macro shot", "macro photo",
     "aerial view", "aerial shot", "aerial photo", "bird's eye view", "bird's-eye view", "birds eye view",
     "birds-eye view", "top-down view", "top down view", "top-down", "top down", "from above", "from below",
     "from behind", "from the side", "worm's eye view", "worm's-eye view", "low angle", "low-angle",
     "low angle shot", "high angle", "high-angle", "wide shot", "wide angle", "wide-angle", "wide-angle shot",
     "long shot", "establishing shot", "medium shot", "full body", "full-body", "full body shot", "side view",
     "front view", "rear view", "back view", "in profile", "eye level", "eye-level", "over the shoulder",
     "first person", "first-person", "first-person view", "overhead view", "satellite view",
     "satellite image", "isometric view", "fisheye", "fish-eye", "fisheye lens", "dutch angle", "pov",
     "three-quarter view", "three-quarters view", "three-quarters front view", "three-quarter front view",
     "centered in the frame", "centered in frame", "centered composition", "symmetrical composition",
     "epic composition",
    }
)  # fmt: skip
# Single viewpoint words that may stand in a noun phrase ("a portrait of", "a panoramic view").
VIEWPOINT_WORDS = as_written(
    {
     "close-up", "closeup", "macro", "panorama", "panoramic", "portrait", "headshot", "aerial", "overhead",
     "silhouette", "silhouetted", "profile", "landscape-format", "foreshortening", "foreshortenings",
    }
)  # fmt: skip

# Palette words: a "… colors/tones/palette" phrase, or a mood word, to colour names.
PALETTE_HEADS = frozenset(
    {"colors", "colours", "color", "colour", "tones", "tone", "hues", "hue", "palette", "scheme",
     "shades", "shade", "tints", "colorway"}
)  # fmt: skip
# Heads that make a noun phrase a way of rendering the picture, a style as written: 'pincushion lens
# effect', 'vivid light refractions', 'simulated scanlines', 'chromatic aberration', 'image transfer'.
EFFECT_HEADS = frozenset(
    {"effect", "effects", "refraction", "refractions", "scanlines", "scanline", "aberration", "datamosh",
     "datamoshing", "kitbash", "transfer", "vignette", "vignetting"}
)  # fmt: skip
# Heads that make any noun phrase a palette phrase, whatever words come before them ('dark neochrome
# colors', 'trending colours'); 'shade' is not one ('a lamp shade').
COLOUR_HEADS = frozenset({"colors", "colours", "color", "colour", "tones", "hues", "palette", "tints", "colorway"})
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
# Backgrounds are painted from the palette, not drawn as objects: "on a white background". The one
# a description talks about ("the background is blurred") is a thing, named so.
BACKGROUND_HEADS = frozenset({"background", "backdrop", "backgrounds"})
BACKGROUND = "background"

# Nouns that only frame the picture: "an image of", "a scene of", "a view of".
FILLER_NOUNS = frozenset(
    {"image", "images", "picture", "pictures", "scene", "scenes", "view", "views", "shot", "shots",
     "depiction", "composition", "wallpaper", "style", "styles", "theme", "aesthetic", "aesthetics",
     "vibe", "vibes", "mood", "atmosphere", "setting", "version", "quality", "resolution", "details",
     "detail", "focus", "lens", "angle", "perspective", "way", "something", "anything",
     "everything", "nothing", "thing", "things", "kind", "sort", "type", "lot", "bit", "piece",
     "part", "side", "left", "right", "top", "bottom", "middle", "center", "centre", "front", "back",
     "foreground", "distance", "corner", "edge", "here", "there", "please", "generate", "create",
     "draw", "make", "show", "render", "imagine", "design", "depict", "paint", "give", "want", "need",
     "let", "like", "i", "me", "we", "us", "you", "one", "ones", "other", "others", "each",
     "place", "area", "someone", "somebody", "anyone", "everyone", "nobody", "people's"}
)  # fmt: skip

# Filler words that are imperatives alone ('show me a cat', 'paint a boat') and things when described or
# after another noun ('a vaudeville show', 'white paint').
IMPERATIVE_NOUNS = frozenset({"show", "paint"})
# Filler nouns that say an amount ('a lot of', 'a piece of'): after another noun they name a thing of
# their own ('a parking lot', 'a puzzle piece', 'a drill bit').
AMOUNT_NOUNS = frozenset({"lot", "piece", "bit"})

# "in shades of blue": the colours that follow are the palette.
PALETTE_OF_PHRASES = frozenset(
    {"in shades of", "shades of", "in tones of", "tones of", "in hues of", "hues of", "in the colors of",
     "in the colours of", "a palette of", "palette of", "in a palette of", "colors of", "colours of"}
)  # fmt: skip
# Words that set a style or a quality only as a whole list item of their own (", cyberpunk, epic,"):
# inside a noun phrase they describe the thing ("a futuristic city" is a city that is futuristic).
STANDALONE_STYLE_WORDS = frozenset(
    {"cyberpunk", "steampunk", "dieselpunk", "solarpunk", "surreal", "abstract", "futuristic", "retro", "vintage",
     "gothic", "horror", "epic", "atmospheric", "dramatic", "ethereal", "dreamy", "whimsical", "gritty",
     "generative", "conceptual", "psychedelic", "dystopian", "utopian", "baroque", "rococo", "lifelike",
     "detailed", "smooth", "sharp", "stunning", "amazing", "beautiful", "gorgeous", "vivid", "vibrant",
     "elegant", "intricate", "ornate", "majestic", "cinematography", "photography", "fantasy", "sci-fi",
     "scifi", "sci fi", "dark fantasy", "high fantasy", "cosmic horror", "body horror", "film grain",
     "trending", "featured", "octane", "unreal", "hyperealistic", "hyperrealism", "realism", "surrealism",
     "moody", "symmetrical", "symmetry", "centered", "volumetric", "bokeh", "unrealistic", "professional",
     "professionally designed", "highly detailed", "very detailed", "extremely detailed", "hyper detailed",
     "ultra realistic", "photoreal", "concept", "illustrative", "painterly", "matte", "glossy", "minimal",
     "clean", "crisp", "colorful", "colourful", "monochrome", "noir", "award winning", "award-winning",
     "masterpiece", "4k", "8k", "hd", "uhd", "hdr", "vaporwave", "synthwave", "y2k", "kawaii", "lofi", "lo-fi",
     "premium"}
)  # fmt: skip
# "a clock in the shape of a pentagon": the next noun says how a thing is shaped, it is no new thing.
SHAPE_PHRASES = frozenset({"in the shape of", "shaped like", "in the form of", "shaped as"})
# "in the style of Monet", "art by Mucha": the words after these name an artist or a school.
ARTIST_PHRASES = frozenset(
    {"in the style of", "in the manner of", "style of", "inspired by", "art by", "painted by",
     "drawn by", "illustrated by", "photographed by", "artwork by",
     "in the spirit of", "a la", "à la", "reminiscent of"}
)  # fmt: skip

# Midjourney-style parameters (parameters.py) whose value may be a word: '--style raw', '--niji cute'.
# Any other word after a parameter is the description's own.
PARAMETER_WORD_VALUES: dict[str, frozenset[str]] = {
    "style": frozenset({"raw", "4a", "4b", "4c", "expressive", "cute", "scenic", "original"}),
    "niji": frozenset({"journey"}),
    "mode": frozenset({"raw", "standard"}),
    "sref": frozenset({"random"}),
}
# Parameters that take no value and say how the picture is rendered ('--uplight', '--tile'): a style of it.
RENDER_SWITCHES = frozenset({"uplight", "upbeta", "upanime", "tile", "hd", "creative"})

# Style list items (style_items.py): words that may stand in an item of style words without making it one
# ('ultra uplight', 'vector modern illustration', 'impressionist brushstrokes').
STYLE_FILLERS = frozenset(
    {"ultra", "super", "hyper", "extra", "very", "modern", "contemporary", "classic", "traditional", "brushstrokes",
     "brushstroke", "brush", "strokes", "stroke", "brushwork"}
)  # fmt: skip
# Words in -ism that name a thing or a theme, not a way of making pictures.
NOT_MOVEMENTS = frozenset(
    {"organism", "mechanism", "tourism", "journalism", "baptism", "magnetism", "heroism", "patriotism",
     "capitalism", "communism", "socialism", "racism", "terrorism", "alcoholism", "autism", "activism",
     "feminism", "optimism", "pessimism", "vandalism", "volunteerism", "metabolism", "parallelism"}
)  # fmt: skip
# Words that may stand before a light and make one lighting phrase with it ('soft warm light').
LIGHT_MODIFIERS = frozenset(
    {"soft", "warm", "cool", "cold", "bright", "dim", "harsh", "natural", "studio", "golden", "beautiful", "perfect",
     "great", "nice", "good", "dark", "low", "high", "strong", "subtle", "gentle", "magical", "magic", "mystical"}
)  # fmt: skip
# Words that praise or call a picture real: before a medium they are a style of their own ('a beautiful photo').
EVALUATIVE_WORDS = (
    "beautiful", "stunning", "amazing", "gorgeous", "lifelike", "realistic", "photorealistic", "hyperrealistic",
    "award winning", "award-winning", "abstract", "black and white", "epic", "breathtaking", "incredible",
)  # fmt: skip
# Words that, on the first thing a description names, are the genre of the whole picture ('a surreal
# cityscape' is a surreal picture): style as well as the thing's own.
GENRE_WORDS = frozenset(
    {"surreal", "surrealist", "futuristic", "retro", "vintage", "gritty", "conceptual", "abstract", "detailed",
     "cyberpunk", "steampunk", "dieselpunk", "dystopian", "utopian", "psychedelic", "gothic", "whimsical",
     "minimalist", "minimalistic", "dreamlike", "dreamy", "ethereal", "noir", "baroque", "rococo"}
)  # fmt: skip
# Style items that say where the picture's subject is ('a vase on a table, centered'): the first thing
# named is centred, so the word describes it as well as the picture.
CENTRED_WORDS = frozenset({"centered", "centred", "centered composition", "centred composition"})
