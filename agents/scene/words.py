"""Words the Scene layer needs about nouns: which are mass, paired or unique, and how big things are."""

from __future__ import annotations

from limner.agents.scene.mass_words import MORE_MASS_NOUNS

# How the prompt writer puts a material noun back before a noun: "a wooden table".
MATERIAL_ADJECTIVES: dict[str, str] = {"wood": "wooden", "wool": "woolen", "gold": "golden", "silk": "silk"}

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
                                 "cathedral", "museum", "warehouse", "attic", "basement", "alley",
                                 "background", "backdrop")},
}  # fmt: skip

# Nouns that take no article in a prompt ("snow", "fog"), and ones that read best with "the".
MASS_NOUNS = frozenset(
    {"snow", "grass", "water", "fog", "mist", "rain", "sand", "smoke", "fire", "ice", "light",
     "text", "lava", "mud", "dust", "steam", "foliage", "moss", "ivy", "hay", "wheat", "rice",
     "coffee", "tea", "milk", "wine", "juice", "soup", "bread", "cheese", "money", "furniture",
     "jewelry", "luggage", "food", "fruit", "spaghetti", "pasta", "popcorn", "candy", "art", "music",
     # materials named alone, as keyword prompts list them ('wax, steel, blood'), and paint on walls
     "graffiti", "wax", "steel", "iron", "blood", "concrete", "marble", "clay", "porcelain", "plastic",
     "cotton", "wool", "silk", "leather", "velvet", "lace", "denim", "ink", "paint", "chalk", "rust",
     "hair", "fur", "outer space", "lightning", "thunder", "sunlight", "moonlight",
     # games and sports, which are played, never one of them ('playing tennis')
     "tennis", "golf", "soccer", "chess", "hockey", "rugby", "badminton", "poker", "lacrosse", "polo",
     "table tennis", "ping pong",
     # fields of study, forces and feelings, which are ideas, never one thing ('a chalkboard showing calculus')
     "calculus", "algebra", "geometry", "mathematics", "math", "maths", "physics", "chemistry", "biology",
     "philosophy", "history", "geography", "economics", "science", "gravity", "electricity", "magnetism",
     "energy", "time", "love", "peace", "freedom", "happiness", "sadness", "joy", "fear", "anger", "hope",
     "knowledge", "wisdom", "justice", "democracy", "nature", "chaos", "silence", "darkness", "evolution",
     "information", "technology", "poetry", "literature", "architecture", "life", "fairness", "gender",
     "intelligence", "artificial intelligence", "bias", "hate", "hatred", "commonsense", "common sense",
     "insight", "inspiration", "derision", "inertia", "motion", "momentum", "creativity", "imagination",
     "beauty", "truth", "faith", "courage", "loneliness", "nostalgia", "metal", "air"}
) | MORE_MASS_NOUNS  # fmt: skip

UNIQUE_NOUNS = frozenset({"sky", "sun", "moon", "ocean", "sea", "horizon", "earth", "universe", "milky way"})

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

# Nouns that name a person: the reader's pronouns refer to one by "he" and "she" (never "it"), and a
# prompt says "him", "her" or "them" for one said just before.
# Kept as a list: a word ending in "-er" is not safe to guess ("a poster", "a tower").
MALE_NOUNS = frozenset(
    {"man", "boy", "guy", "gentleman", "king", "prince", "father", "dad", "son", "brother", "husband",
     "grandfather", "grandpa", "uncle", "nephew", "monk", "priest", "wizard", "knight", "emperor",
     "groom", "businessman", "fisherman", "policeman", "fireman", "cowboy", "sir", "lord", "duke"}
)  # fmt: skip
FEMALE_NOUNS = frozenset(
    {"woman", "girl", "lady", "queen", "princess", "mother", "mom", "mum", "daughter", "sister",
     "wife", "grandmother", "grandma", "aunt", "niece", "nun", "witch", "empress", "bride",
     "businesswoman", "policewoman", "ballerina", "actress", "waitress", "goddess", "duchess", "cowgirl"}
)  # fmt: skip
PERSON_NOUNS = MALE_NOUNS | FEMALE_NOUNS | frozenset(
    {"person", "people", "child", "children", "kid", "baby", "toddler", "teenager", "adult", "human",
     "someone", "somebody", "player", "skateboarder", "surfer", "skier", "snowboarder", "chef",
     "cook", "doctor", "nurse", "teacher", "student", "worker", "farmer", "soldier", "pilot",
     "astronaut", "musician", "guitarist", "pianist", "singer", "dancer", "artist", "painter",
     "athlete", "runner", "rider", "biker", "cyclist", "swimmer", "diver", "hiker", "climber",
     "tourist", "traveler", "traveller", "pedestrian", "officer", "police", "firefighter",
     "scientist", "engineer", "friend", "couple", "family", "crowd", "warrior", "samurai",
     "ninja", "pirate", "explorer", "sailor", "hunter", "shopper", "customer",
     "vendor", "waiter", "bartender", "barista", "photographer", "parent",
     "grandparent", "spectator", "umpire", "referee", "catcher",
     "goalkeeper", "jockey", "shepherd", "passenger", "driver",
     "mechanic", "builder", "carpenter", "judge", "lawyer", "clown", "magician", "superhero",
     "boxer", "wrestler", "centurion", "legionary", "gladiator", "archer", "peasant", "merchant", "villager"}
)  # fmt: skip

# Weather words, which the Scene keeps as how the picture is lit ('a lighthouse, foggy') and asks of the
# day ('Is it foggy?').
WEATHER_WORDS = frozenset(
    {"foggy", "misty", "hazy", "rainy", "stormy", "overcast", "cloudy", "moody", "gloomy", "sunny", "snowy", "windy",
     "drizzly"}
)
