"""The words the rules planner knows for how a picture is made: styles, quality tags, light, time, viewpoint, palette.

Plain data: single words that set a style or a time wherever they stand ("an anime girl", "a dusk
sky"), fixed phrases matched whole ("oil on canvas", "golden hour", "bird's eye view"), the last
words that make a noun phrase a style, a lighting or a palette ("oil painting", "soft warm light",
"earth tones"), and the nouns that only frame the picture ("an image of").
"""

from __future__ import annotations

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
    "tilt shift": "tilt-shift", "4 k": "4k", "8 k": "8k", "16k": "16k", "32k": "32k", "full hd": "hd",
    "ultra hd": "uhd", "high definition": "hd", "ultra realistic": "ultra realistic",
    "ultra-realistic": "ultra realistic", "ultrarealistic": "ultra realistic", "hyper realistic": "hyperrealistic",
    "super realistic": "ultra realistic", "ray tracing": "ray tracing", "raytracing": "ray tracing",
    "ray traced": "ray tracing", "ray-traced": "ray tracing", "insanely detailed": "highly detailed",
    "super detailed": "highly detailed", "very detailed": "highly detailed", "trending on pixiv": "trending on pixiv",
    "featured on artstation": "digital art", "artstation": "digital art", "trending on cgsociety": "digital art",
    "cgsociety": "digital art", "deviantart": "digital art", "global illumination": "global illumination",
    "subsurface scattering": "subsurface scattering", "ambient occlusion": "ambient occlusion",
    "rule of thirds": "rule of thirds", "dof": "depth of field", "shallow dof": "shallow depth of field",
    "high detail": "highly detailed", "professional photography": "professional photo",
    "cinema 4d": "3d render", "c4d": "3d render", "blender render": "3d render", "vray": "3d render",
    "v-ray": "3d render", "redshift render": "3d render", "unreal engine 5": "3d render", "ue5": "3d render",
}  # fmt: skip
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

# Midjourney-style parameters (parameters.py) whose value may be a word: '--style raw', '--niji cute'.
# Any other word after a parameter is the description's own.
PARAMETER_WORD_VALUES: dict[str, frozenset[str]] = {
    "style": frozenset({"raw", "4a", "4b", "4c", "expressive", "cute", "scenic", "original"}),
    "niji": frozenset({"journey"}),
    "mode": frozenset({"raw", "standard"}),
    "sref": frozenset({"random"}),
}
