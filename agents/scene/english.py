"""English for the words a Scene holds: plurals, singulars and the article "a" or "an".

One implementation of each, for every part of Limner that writes or reads nouns: the checks ("Is there
an apple?", "Are there exactly 2 apples?"), the prompt writer, the caption and CLIP judges, and the
rules planner, which reads "three wine glasses" as three of a "wine glass". Names are noun phrases
whose last word is the head ("red apple"), except before "of", where the head comes first
("cup of coffee" -> "cups of coffee").
"""

from __future__ import annotations

from limner.agents.scene.mass_words import COUNTABLE_COMPOUND_HEADS
from limner.agents.scene.words import MASS_NOUNS, PAIR_NOUNS, PLURAL_ONLY_NOUNS

# ---------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------


# Words whose first sound is not what their first letter says: a silent h ('an hour'), and a vowel letter
# said as 'you' or 'w' ('a unicorn', 'a one-eyed cat').
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
_CONSONANT_SOUND = ("unicorn", "uniform", "unique", "unicycle", "univers", "unit", "union", "use", "usu", "uten",
                    "uku", "usb", "eu", "one", "ewe")  # fmt: skip


def article(phrase: str) -> str:
    """'an' before a vowel sound ('an apple', 'an Owl', 'an hour'), else 'a' ('a unicorn'; also for an empty
    phrase)."""
    word = phrase.lower()
    if word.startswith(_SILENT_H):
        return "an"
    if word.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


# Names that are pronouns, which take no article: 'someone sitting down'.
_PRONOUN_NAMES = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "you"})
# Words that make a name somebody's, which then takes no article: 'your left leg'.
_OWNING_WORDS = frozenset({"your", "my", "our", "their", "his", "her", "its"})


# Last words of names that take 'the': 'the Eiffel Tower', 'the Great Wall', 'the Pacific Ocean' (but
# 'Times Square', 'Central Park', 'Superman'); and names that take it alone ('the Kremlin').
THE_NAME_HEADS = frozenset(
    {"tower", "towers", "bridge", "building", "wall", "pyramid", "pyramids", "house", "palace", "cathedral", "clock",
     "constellation", "monument", "memorial", "basilica", "fountain", "lighthouse",
     "canyon", "river", "ocean", "sea", "desert", "mountains", "museum", "gate", "sign", "temple", "sphinx",
     "kremlin", "colosseum", "acropolis", "parthenon", "alps", "himalayas", "andes", "rockies", "sahara",
     "amazon", "nile", "thames", "seine", "vatican", "louvre", "pentagon"}
)  # fmt: skip


def proper_name(name: str) -> bool:
    """Whether a name is a proper name, which takes no 'a': its first word and its head have capitals ('Times
    Square', 'the Statue of Liberty', 'Superman'), or its head is a number ('Flight 19'). A capitalised word
    before a lowercase head only describes a common noun, which takes articles as any other: 'a Christmas
    tree', 'the Victorian house'."""
    head = _head(name)[:1]
    return name[:1].isupper() and (head.isupper() or head.isdigit())  # 'Porsche 911', 'U.S. 101'


def _head(name: str) -> str:
    """The word a noun phrase names: its last word, or before 'of' the last word before it ('cup of tea')."""
    return name.partition(" of ")[0].rsplit(" ", 1)[-1]


def mass_noun(name: str) -> bool:
    """Whether a name is of stuff, which takes no 'a': 'snow', 'maple syrup', 'orange juice' (by its head);
    not 'a traffic light' or 'a waffle iron', whose heads are things in a compound."""
    if name in MASS_NOUNS:
        return True
    head = _head(name)
    return head != name and head in MASS_NOUNS and head not in COUNTABLE_COMPOUND_HEADS


def name_article(name: str) -> str:
    """'the ' before a name that takes it ('the Eiffel Tower', 'the Statue of Liberty'), else nothing
    ('Times Square', 'Mount Fuji', 'Superman')."""
    if not proper_name(name):
        return ""
    last = name.rsplit(" ", 1)[-1].lower()
    return "the " if last in THE_NAME_HEADS or " of " in name else ""


def indefinite(name: str, words: str | None = None) -> str:
    """What goes before `words` (the name with the words describing it, by default the name alone): 'a ',
    'an ', 'a pair of ' ('a pair of jeans'), or nothing for a mass noun ('snow'), a noun with no singular
    ('clothes'), a proper name ('Times Square') or a pronoun ('someone')."""
    words = name if words is None else words
    last = name.rsplit(" ", 1)[-1]
    if proper_name(name):  # a name: 'the Eiffel Tower', 'Times Square'; described, 'a red Lada'
        return name_article(name) or (f"{article(words)} " if words != name else "")
    if mass_noun(name) or name in _PRONOUN_NAMES or last in PLURAL_ONLY_NOUNS:
        return ""
    if owned_name(name):
        return ""  # 'your left leg'
    if last in PAIR_NOUNS:
        return "a pair of "
    return f"{article(words)} "


def with_the(name: str) -> str:
    """'the cat', 'the Eiffel Tower', and 'someone', 'your left leg' or 'Superman' alone."""
    if proper_name(name):
        return f"{name_article(name)}{name}"
    return name if name in _PRONOUN_NAMES or owned_name(name) else f"the {name}"


def owned_name(name: str) -> bool:
    """Whether a name says whose the thing is: 'your left leg', 'his hat'."""
    return " " in name and name.split(" ", 1)[0] in _OWNING_WORDS


def with_article(phrase: str) -> str:
    """'an apple', 'a red apple', 'water', 'a pair of scissors'."""
    return f"{indefinite(phrase)}{phrase}"


# ---------------------------------------------------------------------------------------------
# Plurals
# ---------------------------------------------------------------------------------------------

_IRREGULAR_PLURALS = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "mouse": "mice",
    "goose": "geese",
    "foot": "feet",
    "tooth": "teeth",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "knife": "knives",
    "leaf": "leaves",
    "wolf": "wolves",
    "shelf": "shelves",
    "skis": "skis",
    "scissors": "scissors",
}


def pluralize(phrase: str) -> str:
    """The plural of a noun phrase: 'red apple' -> 'red apples', 'wine glass' -> 'wine glasses', and before
    'of' its first part: 'cup of coffee' -> 'cups of coffee'."""
    noun, of, tail = phrase.partition(" of ")
    return f"{_plural_of_last(noun)}{of}{tail}"


def _plural_of_last(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last in PLURAL_ONLY_NOUNS or last in PAIR_NOUNS:  # 'clothes', 'scissors' are plural already
        plural = last
    elif last in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[last]
    elif last in _PLURALS_IN_OES:
        plural = _PLURALS_IN_OES[last]  # 'potatoes', 'heroes'
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


# ---------------------------------------------------------------------------------------------
# Singulars
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
# Nouns in -o whose plural takes -es: the singulars above read back.
_PLURALS_IN_OES = {one: many for many, one in IRREGULAR_SINGULARS.items() if many.endswith("oes")}
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
