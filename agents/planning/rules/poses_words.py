"""The words of pose descriptions, as data for poses.py: body parts, people, postures and the little
words that join them ("standing on left leg right leg up and knee bent", "their right fingers are
touching their right cheek")."""

from __future__ import annotations

# Body parts, as written -> (singular name, how many a body has: 2 for paired parts, None for 'some').
_PAIRED = "arm leg hand foot knee elbow shoulder hip eye ear wrist ankle thigh palm cheek heel shin calf forearm " \
    "buttock kneecap knee-cap elbow-pit upper-arm"  # fmt: skip
_SINGLE = "head torso chest back waist neck face chin nose mouth forehead stomach belly abdomen pelvis spine body " \
    "trunk bottom"  # fmt: skip
_SOME = "finger toe"
_IRREGULAR = {"feet": "foot", "calves": "calf", "buttocks": "buttock"}
# The part that is the whole of a body: after a preposition it is the person, when one is named.
WHOLE_BODY = "body"

PARTS: dict[str, tuple[str, int | None]] = {}
for _word in _PAIRED.split():
    PARTS[_word] = (_word, 2)
    PARTS[_word + "s"] = (_word, 2)
for _word in _SINGLE.split():
    PARTS[_word] = (_word, 1)
for _word in _SOME.split():
    PARTS[_word] = (_word, None)
    PARTS[_word + "s"] = (_word, None)
for _plural, _single in _IRREGULAR.items():
    PARTS[_plural] = (_single, 2)
PARTS["calf"] = ("calf", 2)
# Two words that name one part: 'knee cap', 'upper body'.
COMPOUND_PARTS: dict[tuple[str, str], tuple[str, int | None]] = {
    ("knee", "cap"): ("knee cap", 2), ("knee", "caps"): ("knee cap", 2), ("upper", "body"): ("upper body", 1),
    ("lower", "body"): ("lower body", 1), ("upper", "arm"): ("upper arm", 2), ("upper", "arms"): ("upper arm", 2),
    ("lower", "back"): ("lower back", 1), ("upper", "back"): ("upper back", 1),
    ("lower", "leg"): ("lower leg", 2), ("lower", "legs"): ("lower leg", 2),
}  # fmt: skip
# The smaller parts of a limb: after 'and' in a 'with' clause about the limb, one of them still describes
# it ('right arm up with elbow bent and hand open').
LIMB_PARTS = {
    "arm": frozenset({"hand", "elbow", "wrist", "forearm", "palm", "finger", "upper arm"}),
    "leg": frozenset({"foot", "knee", "ankle", "thigh", "shin", "calf", "heel", "toe", "knee cap", "lower leg"}),
}
# Words that make a part one of a pair, kept in its name: 'right knee', 'left inner thigh', 'rear leg'.
SIDES = frozenset({"left", "right"})
PART_MODIFIERS = frozenset({"inner", "outer", "rear", "front", "opposite", "top"})
# Words before a part that say how many: 'both arms', 'one arm', 'each hand', 'the other leg'.
QUANTIFIERS = {"both": 2, "one": 1, "each": 2, "other": 1, "either": 1}
# Words that are not parts after these nouns: 'knee level', 'shoulder width', 'hip height'.
MEASURES = frozenset({"level", "levels", "length", "width", "height", "distance"})
# Common misspellings of pose words: 'laying down' is lying down.
SPELLINGS = {"laying": "lying", "layed": "lay"}
# 'back' and 'side' are directions unless somebody's: 'leaning back', 'to the side' / 'behind their back'.
DIRECTION_PARTS = frozenset({"back", "side", "sides", "front", "bottom", "top"})

PERSON_WORDS = frozenset(
    "person someone somebody figure subject human poser individual man woman boy girl lady guy athlete dancer "
    "character model".split()
)
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "you", "i", "we"})
OBJECT_PRONOUNS = frozenset({"them", "him", "her", "you", "me", "themselves", "himself", "herself", "yourself"})
POSSESSIVES = frozenset({"their", "his", "her", "its", "your", "my", "our"})
DETERMINERS = frozenset({"the", "a", "an"}) | POSSESSIVES
# What a body rests on or reaches to.
GROUNDS = frozenset({"ground", "floor", "air", "wall", "mat", "chair", "bed", "bench", "stool", "table"})
# Prepositions that put a body on (or reach) a ground, which is then a thing of the picture ('sitting on the
# floor', 'legs in the air'); after any other it only says a direction ('off the ground', 'towards the floor').
GROUND_CONTACT = frozenset({"on", "onto", "upon", "atop", "against", "in", "into", "to"})

# Postures of the whole body: a clause with no part of its own that starts with one is the person's.
POSTURES = frozenset(
    "stand standing stands stood sit sitting sits sat seated kneel kneeling kneels knelt squat squatting squats "
    "crouch crouching crouched crouches lie lying lies lay laying lays balance balancing balances lean leaning "
    "leans leant jump jumping jumps walk walking walks run running runs step stepping steps hunch hunched "
    "hunching face facing faces look looking looks turn turned turning turns twist twisting twisted stretch "
    "stretching dance dancing pose posing posed hop hopping lunge lunging crawl crawling fall falling "
    "reclining reclined rest resting doing performing bending bent bend bends appears".split()
)
# Postures that put the body on what follows: 'standing on left leg', 'sitting on the floor'.
SUPPORT_VERBS = frozenset(
    "stand standing stands sit sitting sits kneel kneeling kneels lie lying lies lay laying lays rest resting "
    "rests perched".split()
)
# Verbs that take a part as their object: 'touching their head', 'kicking their right leg'.
CONTACT_VERBS = frozenset(
    "touching touch touches holding hold holds grabbing grab grabs grasping gripping clasping covering cover "
    "covers supporting supports hugging hugs cupping pressing press presses crossing cross crosses".split()
)
# Verbs that move a part, whose words after it are about the part: 'kicking their right leg behind them'.
MOVING_VERBS = frozenset(
    "kicking kicks kick raising raises raise lifting lifts lift extending extends extend bending bends bend "
    "stretching stretches stretch reaching reaches reach swinging swings swing putting puts put placing "
    "places holding holds hold keeping keeps keep tucking tucks".split()
)
# Postures said as orders to the reader ('Sit on the floor. Look straight up.'): the figure's state is their
# -ing form ('sitting on the floor').
ORDERS = frozenset(
    "stand sit kneel squat crouch lie balance lean jump walk run step face look turn twist stretch dance pose hop "
    "lunge crawl rest bend raise lift reach kick put place keep hold".split()
)
# Words that say a part is whole, which add nothing to its name: 'their entire body'.
WHOLENESS = frozenset({"entire", "whole"})
# Irregular past forms -> the -ing form a relation is written with.
PAST_TO_ING = {"bent": "bending", "held": "holding", "hung": "hanging", "spread": "spreading", "put": "putting",
               "stuck": "sticking", "swung": "swinging", "kept": "keeping", "laid": "laying", "crossed": "crossing",
               "lies": "lying"}  # fmt: skip

# Verbs said of a part in the present ('left arm hangs down', 'left leg crosses over right'): its state is
# the -ing form ('hanging down').
PRESENT_VERBS = frozenset(
    "hangs crosses leans points rests reaches extends stretches bends dangles drapes tilts turns twists faces "
    "sticks lifts rises kicks swings curls tucks lies sits stands kneels".split()
)
# Prepositions that relate a part to another, longest first within a start word.
PREPOSITIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "in front of", "on top of", "in back of", "next to", "close to", "on", "onto", "at", "near", "above",
        "below", "over", "under", "underneath", "beneath", "across", "behind", "beside", "against", "around",
        "between", "by", "in", "into", "inside", "toward", "towards", "along", "alongside", "past", "upon",
        "atop", "from", "to", "of", "off", "through", "beyond", "on the side of", "than",
    )
)  # fmt: skip
PREPOSITION_STARTS = frozenset(p[0] for p in PREPOSITIONS)
# A preposition alone that says nothing as a relation between two parts ("than": a comparison, which
# stays in the state: "slightly further back than the left").
EMPTY_PREDICATES = frozenset({"of", "from", "to", "off", "with", "than"})
# Words that say how near, kept with the preposition after them: 'right in front of the face'.
NEARNESS_WORDS = frozenset({"right", "just", "directly", "slightly", "far", "loosely", "almost"})
# Directions a part goes in, kept with the preposition after them: 'down across the chest'.
DIRECTIONS = frozenset({"up", "down", "out", "back", "forward", "forwards", "backward", "backwards", "outward",
                        "outwards", "inward", "inwards", "upward", "upwards", "downward", "downwards", "sideways"})  # fmt: skip
# Particles a moving verb takes after its part, which say how the verb moves it: 'reaching its left arm forward'
# is reaching forward.
VERB_PARTICLES = DIRECTIONS | {"overhead", "apart", "together", "aside"}
# States that relate a part to what follows them with any preposition: 'parallel to the thigh'.
RELATIONAL_STATES = frozenset({"parallel", "perpendicular", "adjacent", "closer", "next"})
# 'with' is a preposition after these ('level with their shoulder'), elsewhere it starts a clause
# about a part ('with their right arm bent').
WITH_AFTER = frozenset({"level", "line", "even", "flush", "aligned", "parallel", "touching", "contact"})
# A side with no noun after these is the other one of a pair: 'crosses over right', 'on top of the left'.
BARE_SIDE_AFTER = frozenset({"over", "of", "with", "behind", "than", "across", "under", "beneath", "above", "past"})
BARE_SIDE_ENDS = frozenset({",", ".", ";", "and", "while", "with", "but"})

# Marks that end a sentence: what follows is said anew.
SENTENCE_ENDS = frozenset(".;:!?()")
# Words that start a new clause whatever follows.
CLAUSE_BREAKS = frozenset({"while", "whilst", "but", "where", "whereas", "meanwhile", "then", "so"})
# Words after which the clause goes on about the same part: 'curled up like they are about to ...'.
ASIDES = frozenset({"like", "as"})
# Words that open a predicate and say nothing ('is bent', 'appears to be stepping').
LEADING_FILLER = frozenset(
    "is are was were be being been am has have had also then now appears appear seems seem currently "
    "there both if that it this".split()
)
# Words that end a predicate and say nothing ('up and', 'bent with').
TRAILING_FILLER = (
    frozenset(
        "and with while but also have has had is are to of the a an their his her its your my as so that at or".split()
    )
    | SUBJECT_PRONOUNS
)
# States a part or a body is in, one word each: the value of its `state`.
STATES = frozenset(
    "bent straight raised lifted extended outstretched stretched folded crossed spread apart together up "
    "down forward forwards backward backwards outward outwards inward inwards upward upwards downward "
    "downwards out back sideways flat tilted turned angled relaxed tucked clasped open closed locked "
    "hunched curled upright level parallel pointed pointing hanging dangling kicked bowed arched twisted "
    "planted flexed rounded cupped hooked diagonal diagonally horizontal vertical loose tense".split()
)
# Adjectives written before a part that are its state: 'crossed legs', 'bent knees'.
STATES_BEFORE = frozenset(
    "crossed bent raised lifted extended outstretched stretched folded spread straight clasped open closed "
    "locked curled planted flexed tucked".split()
)
# Words of degree that only qualify the posture after them: 'slightly looking right', 'almost sitting'.
DEGREE_WORDS = frozenset("slightly almost just still barely partly partially nearly somewhat half very".split())
# Nouns that name a pose, not a thing drawn: 'in throwing position', 'as in a martial arts pose'.
POSE_NOUNS = frozenset({"pose", "poses", "position", "positions", "stance", "posture"})
# Words of a pose description that name no thing drawn, though the grammar may read them as things: a
# pose, and 'close' ('held close to the face').
NOT_DRAWN = POSE_NOUNS | {"close"}
# Words that say a text is about a pose.
POSE_WORDS = STATES | POSTURES | MOVING_VERBS | CONTACT_VERBS
