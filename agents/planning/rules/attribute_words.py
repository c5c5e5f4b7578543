"""Word tables for describing things: plain data, no rules.

vocabulary.py adds the adjective tables here to its own (its SIZES, STATES and OTHER_ADJECTIVES), so a
word listed here describes a thing wherever the rules planner reads one; attributes.py uses the rest.
The lists hold whole classes of common English words, each a word that describes how a thing looks or
is, and none that often starts a compound noun ('baby' of 'baby chair', 'high' of 'high chair').
"""

from __future__ import annotations

from limner.agents.planning.rules.portrait_words import AGE_PHRASES, BEARING_PHRASES, FEELING_WORDS, GAZE_PHRASES

# Sizes compared: 'the smaller giraffe', 'the tallest tree'.
_COMPARED = {
    "small": ("smaller", "smallest"), "big": ("bigger", "biggest"), "large": ("larger", "largest"),
    "tiny": ("tinier", "tiniest"), "huge": ("huger", "hugest"), "tall": ("taller", "tallest"),
    "short": ("shorter", "shortest"), "long": ("longer", "longest"), "wide": ("wider", "widest"),
    "narrow": ("narrower", "narrowest"), "thin": ("thinner", "thinnest"), "thick": ("thicker", "thickest"),
    "fat": ("fatter", "fattest"),
}  # fmt: skip
MORE_SIZES: frozenset[str] = frozenset(form for forms in _COMPARED.values() for form in forms)
_COMPARED_OTHER = {
    "old": ("older", "oldest"), "young": ("younger", "youngest"), "new": ("newer", "newest"),
    "dark": ("darker", "darkest"), "bright": ("brighter", "brightest"),
}  # fmt: skip
# Each compared form to its plain one: 'smaller' -> 'small' ('the smaller giraffe' is also a small one).
PLAIN_OF_COMPARED: dict[str, str] = {
    form: plain for table in (_COMPARED, _COMPARED_OTHER) for plain, forms in table.items() for form in forms
}

# States a thing is in, beyond vocabulary.py's: undone things, marks of wear, faces and voices, bodies.
MORE_STATES = frozenset(
    # not done, or undone
    "unmade untidy unfinished unopened unpaved unplugged uncooked unpeeled unused uneaten unkempt unshaven "
    "unwrapped uncovered unlocked unoccupied unbuttoned untied unfolded unlit unmown unlaced "
    # marks of use and wear
    "chipped scratched stained frayed peeling moldy mouldy faded worn-out patched dented splintered "
    "eaten burnt "
    # faces and voices
    "screaming shouting yelling grinning frowning snarling growling glaring staring weeping sobbing "
    "giggling yawning smirking pouting winking scowling sneering blushing "
    # bodies
    "alive sick healthy naked nude shirtless masked hooded armed winged horned bearded "
    "obese pregnant bleeding bloody tattooed pierced blind deaf blindfolded armored armoured uniformed costumed veiled "
    "crowned "
    # kept apart, spoilt, cursed: what befell a thing
    "isolated blighted cursed derelict dilapidated decrepit filthy greasy oily soggy stale slippery sticky "
    "boiling knotted braided "
    # moods of a creature
    "lazy brave shy hostile sinister nervous anxious drowsy weary thirsty "
    # worn out or knocked about
    "frail feeble battered smashed damp moist "
    # seen or not
    "visible invisible hidden".split()
) | FEELING_WORDS  # 'worried', 'surprised': what a face shows (portrait_words.py)
# Phrases that say what state a thing is in, written after it: 'a man jumping in the air', 'a house for
# sale'. They name no thing (grammar_words.py tags them as adverb phrases) and are states (vocabulary.py).
PHRASE_STATES = frozenset(
    {"in the air", "into the air", "up in the air", "in mid-air", "in midair", "in mid air", "for sale",
     "on sale", "in line", "in a row", "on fire", "in flames", "in flight", "in bloom", "in full bloom",
     "at rest", "in motion", "on display", "in pieces", "in half", "in love", "in focus", "out of focus",
     "upside down", "inside out", "on its side", "on their side", "on its back", "on their backs",
     "in formation", "in unison", "in a pile", "in a heap", "in a circle", "to the side", "to one side",
     "hand in hand", "side by side", "back to back", "at an angle"}
)  # fmt: skip
# Acts a thing is caught in the middle of, after 'mid': 'a dancer mid leap', 'a horse in mid-gallop' (states).
_MID_ACTS = (
    "jump leap swing stride step flight fall dive run sprint gallop kick throw turn spin twirl bite roar laugh "
    "yawn sentence song dance pounce climb bounce punch stretch".split()
)
PHRASE_STATES = PHRASE_STATES | frozenset(
    phrase for act in _MID_ACTS for phrase in (f"mid {act}", f"mid-{act}", f"in mid {act}", f"in mid-{act}")
) | GAZE_PHRASES | BEARING_PHRASES | AGE_PHRASES  # 'looking at the camera', 'in her 30s' (portrait_words.py)

# Other adjectives of look and build: shape, surface, texture, age, origin.
MORE_OTHER_ADJECTIVES = frozenset(
    # build
    "petite plump stocky lanky bony slender burly portly scrawny "
    # surface and texture
    "wrinkly saggy lumpy bumpy knobby grainy gritty velvety leathery rubbery waxy powdery wispy "
    "feathery puffy bulky flimsy frosted tinted dull crinkled crumply "
    # shape
    "crooked wonky lopsided jagged skeletal infinite "
    # age and condition
    "aged ageing aging teenage measly commercial blond blonde brunette auburn "
    # kind, origin and worth
    "humanoid underwater exotic legendary historic primitive prehistoric rare cheap expensive popular "
    "chaotic elaborate streamlined portable artificial recyclable "
    "flexible rigid globular wooded crocheted fluorescent spicy salty bitter crunchy "
    # ears, tails and hair
    "floppy droopy pointy perky stubby bushy scraggly "
    # looks and charm
    "handsome attractive glamorous stylish trendy classy luxurious dainty quirky "
    # mood of a place
    "terrifying fearsome bleak verdant arid humid rugged noisy serious cruel".split()
    # compared
    + [form for forms in _COMPARED_OTHER.values() for form in forms]
)

# Degree words that may stand inside a run of describing words before a noun, each before its word: 'a
# very tall and thin man', 'a quite old, rusty car'.
RUN_DEGREE_WORDS = frozenset(
    {"very", "extremely", "highly", "slightly", "completely", "fully", "partly", "partially", "totally",
     "incredibly", "really", "super", "quite", "rather", "fairly", "somewhat", "so", "too"}
)  # fmt: skip

# Adverbs of mood and bearing, each to the adjective it comes from: after a verb they say how the one
# acting looks ('flying confidently': confident), as manner.py reads them.
MOOD_ADVERBS = {
    "confidently": "confident", "happily": "happy", "sadly": "sad", "proudly": "proud", "angrily": "angry",
    "lazily": "lazy", "calmly": "calm", "peacefully": "peaceful", "playfully": "playful", "gracefully": "graceful",
    "elegantly": "elegant", "nervously": "nervous", "curiously": "curious", "excitedly": "excited",
    "joyfully": "joyful", "joyously": "joyous", "cheerfully": "cheerful", "fiercely": "fierce", "shyly": "shy",
    "bravely": "brave", "sleepily": "sleepy", "lovingly": "loving", "menacingly": "menacing",
    "majestically": "majestic", "triumphantly": "triumphant", "anxiously": "anxious", "gleefully": "gleeful",
    "merrily": "merry", "boldly": "bold", "casually": "casual", "awkwardly": "awkward", "eagerly": "eager",
    "furiously": "furious", "serenely": "serene", "wearily": "weary", "tiredly": "tired", "sheepishly": "sheepish",
    "smugly": "smug", "gloomily": "gloomy", "grumpily": "grumpy", "innocently": "innocent",
    "mischievously": "mischievous", "defiantly": "defiant", "thoughtfully": "thoughtful", "dreamily": "dreamy",
    "wistfully": "wistful", "fearfully": "fearful", "timidly": "timid", "contentedly": "contented",
    "relaxedly": "relaxed", "regally": "regal", "heroically": "heroic", "sternly": "stern", "solemnly": "solemn",
    "warily": "wary", "suspiciously": "suspicious", "dejectedly": "dejected", "enthusiastically": "enthusiastic",
    "confusedly": "confused", "crazily": "crazy", "madly": "mad", "silently": "silent", "quietly": "quiet",
}  # fmt: skip

# Adverb particles of phrasal verbs: 'sitting down', 'curled up', 'bent over', 'lying back'.
VERB_PARTICLES = frozenset(
    {"down", "up", "out", "over", "back", "forward", "forwards", "backward", "backwards", "around", "away",
     "off", "in", "aside", "along", "about", "through", "together", "apart"}
)  # fmt: skip
# Endings of a likeness written with a hyphen: 'heart-shaped', 'caramel-colored', 'rose-tinted'.
LIKENESS_SUFFIXES = frozenset({"shaped", "colored", "coloured", "toned", "tinted", "hued"})
# Words after a describing word that say it is a style: 'a gothic style church' is gothic.
STYLE_SUFFIXES = frozenset({"style", "styled", "themed"})
# Verb forms written for another with no object after them, to the one meant: 'the birds are laying down'.
MEANT_FORMS = {"laying": "lying"}
# Collective nouns that say how the things they count are arranged: 'a row of motorcycles', 'a flock of geese'.
ARRANGEMENT_NOUNS = frozenset(
    {"row", "line", "pile", "stack", "heap", "cluster", "group", "flock", "herd", "pack", "swarm", "school",
     "bunch", "crowd", "column", "circle", "ring", "pod", "troop", "gaggle", "colony", "fleet", "army"}
)  # fmt: skip
# Describing words of a collective noun that describe the collection, not its things: 'a long row', 'a
# dense crowd', 'a whole set' (its size words are its own too: 'a large group').
GROUP_ONLY_WORDS = frozenset(
    {"long", "short", "wide", "narrow", "dense", "sparse", "tight", "loose", "whole", "entire", "full", "complete",
     "straight", "neat", "orderly", "single", "double", "endless", "tall", "thick", "thin"}
)  # fmt: skip
# Nouns for a piece of some stuff, whose describing words are the stuff's: 'a brown piece of paper'.
PARTITIVE_NOUNS = frozenset({"piece", "pieces", "bit", "bits", "scrap", "scraps"})
# Materials beyond vocabulary.py's, each to the material it names: plastics, metals, fabrics, woods and
# stones. Each also names the stuff itself ('a sheet of plexiglass'), so it names a thing as a last word.
MORE_MATERIALS = {
    "lucite": "lucite", "acrylic": "acrylic", "plexiglass": "plexiglass", "fiberglass": "fiberglass",
    "fibreglass": "fiberglass", "styrofoam": "styrofoam", "vinyl": "vinyl", "latex": "latex",
    "cement": "cement", "bronze": "bronze", "copper": "copper", "titanium": "titanium",
    "corduroy": "corduroy", "burlap": "burlap", "chiffon": "chiffon", "cashmere": "cashmere",
    "teak": "teak", "limestone": "limestone", "sandstone": "sandstone", "cobblestone": "cobblestone",
    "jean": "jean",
}  # fmt: skip
# Patterns whose print, written before a noun, describes it: 'a floral print shirt', 'a leopard print coat'.
PRINT_PATTERNS = frozenset(
    {"floral", "flower", "leopard", "cheetah", "tiger", "zebra", "snake", "snakeskin", "animal", "paisley",
     "camo", "camouflage", "tropical", "graphic", "geometric", "abstract", "batik", "tie-dye", "polka-dot",
     "checkered", "plaid", "striped", "houndstooth", "cow"}
)  # fmt: skip
PRINT_NOUNS = frozenset({"print", "printed", "patterned", "pattern"})
# Phrases that say a thing's state and may be written before its name as one word: 'an upside down
# umbrella' is an upside-down umbrella, as 'an umbrella upside down' is (joined_words.py).
ATTRIBUTIVE_PHRASES = frozenset(
    {"upside down", "inside out", "for sale", "out of focus", "in focus", "on fire", "mid-air", "in mid-air"}
)
# Passive verbs of giving, to what the one given something does: 'a man is given a cup' receives it.
GIVEN_PASSIVES = {
    "given": "receiving", "handed": "receiving", "offered": "receiving", "sent": "receiving",
    "served": "receiving", "awarded": "receiving", "gifted": "receiving", "fed": "eating",
}  # fmt: skip
# Words before the stuff a portion is of that say how the portion is, also where they are no state of
# their own elsewhere ('hot' starts 'hot dog'): 'a cup of hot coffee' is a hot cup of coffee (portions.py).
PORTION_STATES = frozenset({"hot", "cold", "warm", "iced", "chilled", "lukewarm", "steaming", "fresh", "freshly"})
# Nouns that say how far a state goes when a state follows them: 'a half eaten apple', 'a half empty glass'
# (phrases.py); before a noun they name it as ever ('a half moon').
DEGREE_NOUNS = frozenset({"half", "part"})
