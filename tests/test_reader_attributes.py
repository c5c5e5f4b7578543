"""The rules reader's attributes: which describing words a thing keeps, and on which thing, one case per row."""

from __future__ import annotations

import pytest
from limner.agents.scene.model import SceneObject
from reader_helpers import named, plan


def values(thing: SceneObject) -> list[str]:
    a = thing.attributes
    return [v for v in (a.color, a.material, a.size, a.state, a.action, *a.other) if v]


# (case, description, {object name: values it must hold})
HELD = [
    (
        "a colour conjunction is one colour, and each of its colours is a value too",
        "A tall brown and white cake is sitting on a table.",
        {"cake": ["brown and white", "brown", "white", "tall"]},
    ),
    (
        "a second colour after 'is' joins the first",
        "There are tiles on the floor. The tiles are white and green.",
        {"tile": ["white and green", "white", "green"]},
    ),
    (
        "colours after 'they are' describe what 'they' means",
        "There are two birds on the ground. They are brown and black.",
        {"bird": ["brown", "black"]},
    ),
    (
        "a state phrase after a participle is also said with it",
        "four ace cards standing in formation on a table",
        {"ace card": ["in formation", "standing in formation"]},
    ),
    (
        "a thing described again keeps every state, not only the first",
        "A broken chair. The chair is wet and dirty.",
        {"chair": ["broken", "wet", "dirty"]},
    ),
    (
        "a phrasal action is also its verb alone",
        "Guy sitting down and using his cell during the party",
        {"guy": ["sitting down", "sitting"]},
    ),
    (
        "a compared size describes the thing",
        "The smaller giraffe is eating leaves.",
        {"giraffe": ["smaller"]},
    ),
    (
        "an undone state describes the thing and leaves its name alone",
        "An unmade bed next to a lamp.",
        {"bed": ["unmade"]},
    ),
    (
        "a face's expression describes it",
        "a screaming face and a grinning cat",
        {"face": ["screaming"], "cat": ["grinning"]},
    ),
    (
        "a hair colour describes the person",
        "a blonde girl with a red hat",
        {"girl": ["blonde"], "hat": ["red"]},
    ),
    (
        "a state written as a phrase after a thing is its state",
        "A man is jumping in the air.",
        {"man": ["jumping", "in the air"]},
    ),
    (
        "'for sale' describes the thing for sale",
        "a croquet game for sale",
        {"croquet game": ["for sale"]},
    ),
    (
        "a state phrase names no thing of its own",
        "a car upside down next to a tree and a vase on display",
        {"car": ["upside down"], "vase": ["on display"]},
    ),
    (
        "a likeness is also what it is like",
        "A heart-shaped spiderweb and a caramel-colored kitten",
        {"spiderweb": ["heart-shaped", "heart"], "kitten": ["caramel-colored", "caramel"]},
    ),
    (
        "a compared size is also its plain size",
        "A smaller giraffe looks at a large giraffe.",
        {"giraffe": ["smaller", "small"]},
    ),
    (
        "'laying' with no object is lying",
        "There are two birds on the ground. They are laying down.",
        {"bird": ["lying down", "lying"]},
    ),
    (
        "what a thing is made of is its material, and the material's colour and state are the thing's",
        "A word made from broken black glass and a statue made out of granite.",
        {"word": ["glass", "black", "broken", "black glass"], "statue": ["granite"]},
    ),
    (
        "a collective noun that arranges things says how they are arranged",
        "A row of motorcycles parked on the side of a road. A flock of geese.",
        {"motorcycle": ["in a row", "row"], "goose": ["in a flock", "flock"]},
    ),
    (
        "describing words before two nouns joined by 'and' describe both",
        "a white cat with black ears and markings",
        {"ear": ["black"], "marking": ["black"], "cat": ["white"]},
    ),
    (
        "colour words before a noun are its colours, not the picture's palette",
        "The person is wearing black and white sneakers.",
        {"sneaker": ["black and white", "black", "white"]},
    ),
    (
        "a describing word said with its degree keeps the degree, and is also the word alone",
        "an old stadium, completely flooded, and a slightly open door",
        {"stadium": ["completely flooded", "flooded"], "door": ["slightly open", "open"]},
    ),
    (
        "'very' after 'is' describes the subject with its degree",
        "The broccoli on the plate is very green. The man is very old.",
        {"broccoli": ["very green", "green"], "man": ["very old", "old"]},
    ),
    (
        "describing words parted by commas after an article all describe the noun",
        "a big, fluffy, white dog on a sofa and two tall, thin men",
        {"dog": ["big", "fluffy", "white"], "man": ["tall", "thin"]},
    ),
    (
        "a list of colours parted by commas is one colour list",
        "a black, white and blue shirt and the red, white, and blue flag",
        {"shirt": ["black, white and blue", "black", "white", "blue"], "flag": ["red, white and blue"]},
    ),
    (
        "colours joined by 'and' before another describing word stay the thing's",
        "a red and white striped shirt on a chair",
        {"shirt": ["red and white", "striped"]},
    ),
    (
        "the describing words of a piece of some stuff are the stuff's",
        "There is a brown piece of paper on top of a wooden table.",
        {"paper": ["brown"], "table": ["wood"]},
    ),
    (
        "a material word before a noun is the thing's material, not part of its name",
        "a woman wearing a jean jacket next to ten lucite chairs",
        {"jacket": ["jean"], "chair": ["lucite"]},
    ),
    (
        "a pattern's print before a noun describes the noun",
        "a man in a blue floral print shirt and a woman in a leopard print coat",
        {"shirt": ["blue", "floral-print"], "coat": ["leopard-print"]},
    ),
    (
        "'made up of' says what a thing is made of",
        "the furniture made up of skateboards",
        {"furniture": ["skateboard"]},
    ),
    (
        "describing words joined by 'and' before a noun all describe it",
        "a tall and skinny boy next to an old and rusty bike",
        {"boy": ["tall", "skinny"], "bike": ["old", "rusty"]},
    ),
    ("two colours joined by 'and' stay one colour", "a blue and yellow kite", {"kite": ["blue and yellow"]}),
    (
        "a describing word ending in -ly is no adverb",
        "a portly old gentleman with a measly dry sandwich",
        {"gentleman": ["portly"], "sandwich": ["measly"]},
    ),
    ("a style before 'style' is also said alone", "a baroque style mirror", {"mirror": ["baroque style", "baroque"]}),
    (
        "a sentence may open with describing words parted by commas",
        "Small, shiny pebbles lie on the beach.",
        {"pebble": ["small", "shiny"]},
    ),  # fmt: skip
    ("a comma before the noun still ends the run", "a huge, hairy, spider", {"spider": ["huge", "hairy"]}),
    (
        "'to the side' is a state, also with its participle",
        "A bicycle leaning to the side.",
        {"bicycle": ["to the side", "leaning to the side"]},
    ),  # fmt: skip
    (
        "phrases of how things stand together are states",
        "two girls walking hand in hand past two benches side by side",
        {"girl": ["hand in hand"], "bench": ["side by side"]},
    ),
    (
        "colours said in a row with one 'and' are one list",
        "A woman in a dress. Her dress is red yellow and green.",
        {"dress": ["red, yellow and green", "yellow"]},
    ),
    (
        "a collective noun's describing words describe what it counts",
        "a shiny set of three spoons",
        {"spoon": ["shiny"]},
    ),
    (
        "a size said with its degree is kept as said too, the plain word in the size field",
        "some extremely small frogs on a very large leaf",
        {"frog": ["extremely small", "small"], "leaf": ["very large", "large"]},
    ),
    (
        "the genre words of the first thing describe it as well as the picture",
        "a retro robot waving at a child",
        {"robot": ["retro"]},
    ),
    (
        "a style word before a noun says how the thing looks, as well as the picture's style",
        "a pixel-art knight and two isometric houses",
        {"house": ["isometric"]},
    ),
    (
        "a centred picture has its first thing in the middle",
        "a teapot beside two cups, centered",
        {"teapot": ["centered"]},
    ),
    (
        "numbers written in numerals describe how they are written",
        "A scoreboard. The scores are in roman numerals.",
        {"score": ["roman numerals"]},
    ),
    (
        "a style word inside a run of describing words before a noun describes the noun",
        "tall, slender, colorful, candles on a cake",
        {"candle": ["tall", "slender", "colorful"]},
    ),
    (
        "adjectives of kind, origin and condition describe the thing and leave its name",
        "a humanoid robot next to a rare vase and a filthy derelict car",
        {"robot": ["humanoid"], "vase": ["rare"], "car": ["filthy", "derelict"]},
    ),
    (
        "describing words parted by commas and 'and' are one run before the noun",
        "an old, dusty and cracked mirror hangs over a sink",
        {"mirror": ["old", "dusty", "cracked"]},
    ),
    (
        "a run of describing words after 'with' describes the noun after it",
        "a boy with short, spiky hair and a puppy with long, droopy ears",
        {"hair": ["short", "spiky"], "ear": ["long", "droopy"]},
    ),
    (
        "a compared word of age or light describes the thing",
        "a petite dancer beside her older sister under a darker sky",
        {"dancer": ["petite"], "sister": ["older", "old"], "sky": ["darker", "dark"]},
    ),
    (
        "two shades of colour joined by 'and' are one colour",
        "a kite with bright red and pale yellow ribbons",
        {"ribbon": ["bright red and pale yellow", "bright red", "pale yellow"]},
    ),
    (
        "what befell a thing describes it and leaves its name alone",
        "a partially eaten sandwich and a burnt slice of bread on a plate",
        {"sandwich": ["partially eaten", "eaten"], "slice of bread": ["burnt"]},
    ),
    (
        "a run ending in a noun shaped like a compared word still names it",
        "a tall, quiet and handsome stranger at the door",
        {"stranger": ["tall", "quiet", "handsome"]},
    ),
    (
        "materials joined by 'and' before a noun are all its material",
        "an office tower of glass and steel beside a wooden and metal bench",
        {"bench": ["wood and metal", "wood", "metal"]},
    ),
    (
        "a list of materials before a noun is one list",
        "a stone, clay and straw hut on a hill",
        {"hut": ["stone", "clay", "straw"]},
    ),
    (
        "materials listed after other describing words describe the noun too",
        "a green, leather and suede armchair with wooden and iron feet",
        {"armchair": ["green", "leather", "suede"], "foot": ["wood", "iron"]},
    ),
    (
        "a second material said later joins the first",
        "A wooden crate sits on the shelf. The crate is metal too.",
        {"crate": ["wood and metal", "wood", "metal"]},
    ),
    ("a colour after a verb of colouring is the thing's", "a fence painted white", {"fence": ["white"]}),
    ("colours after a verb of colouring are all the thing's", "a door dyed red and blue", {"door": ["red", "blue"]}),
    (
        "every material listed after 'made of' is the thing's",
        "a bench made of stone and iron",
        {"bench": ["stone", "iron"]},
    ),
    ("an adverb inside 'made of' keeps the material", "a cup made completely of clay", {"cup": ["clay"]}),
    (
        "a material before a filler noun after 'made of' is the thing's",
        "a lamp made of brass pieces",
        {"lamp": ["brass"]},
    ),
    ("colours worn before a verb are the person's", "three women in white walking on a beach", {"woman": ["white"]}),
    (
        "a name given a thing is the thing's, and a verb after it its action",
        "a dog named Rex Junior sleeping on a rug",
        {"dog": ["named Rex Junior", "sleeping"]},
    ),
    ("a list of colours worn before a verb is the person's", "a boy in blue and green waving", {"boy": ["green"]}),
    ("a degree inside a run keeps its word", "a very tall and thin man", {"man": ["very tall", "tall", "thin"]}),
    ("a degree after 'and' in a run keeps its word", "an old and very rusty truck", {"truck": ["old", "very rusty"]}),
    ("a manner before a participle is kept", "freshly baked rolls on a tray", {"roll": ["freshly baked", "baked"]}),
    ("a colour a thing turns is its colour", "The maple leaves are turning orange.", {"maple leaf": ["orange"]}),
    ("the colour after 'with' is that thing's", "an owl with eyes glowing yellow", {"eye": ["yellow", "glowing"]}),
    ("a switched thing is on or off", "The old radio is switched on.", {"radio": ["switched on"]}),
    ("colours worn with no noun are the wearer's", "a boy wearing green", {"boy": ["green", "wearing green"]}),
    ("colours worn before a verb are the wearer's", "a nurse wearing white holding a tray", {"nurse": ["white"]}),
    ("a last verb after 'and' is the subject's", "a clown holding balloons and laughing", {"clown": ["laughing"]}),
    ("marks a thing is full of are its state", "an old boat full of holes", {"boat": ["full of holes"]}),
    ("a quality a thing is full of is its state", "a meadow full of life", {"meadow": ["full of life"]}),
    ("a thing full of things is full", "the jar is full of marbles", {"jar": ["full"]}),
    ("an adverb of mood after a verb describes the doer", "a fox trotting proudly", {"fox": ["proud", "trotting"]}),
    ("an act caught in the middle is a state", "a diver mid jump over a pool", {"diver": ["mid jump"]}),
    ("how written words look is theirs", "a teacher writing the word 'calm' in cursive", {"word": ["cursive"]}),
    ("a shade said with its degree is kept", "The soup is very pale in colour.", {"soup": ["very pale"]}),
    ("a shade said with its degree and no colour", "The gravy is very light.", {"gravy": ["very light"]}),
    ("a degree before a shade of a colour goes", "a very dark green van", {"van": ["dark green"]}),
    ("colours after 'of' are the thing's", "a scarf with stripes of blue and gold", {"stripe": ["blue and gold"]}),
    ("colours in number after 'of' describe several", "kites of many colors", {"kite": ["many colors"]}),
]


@pytest.mark.parametrize("case,description,wanted", HELD, ids=[row[0] for row in HELD])
def test_attributes_held(case, description, wanted):
    scene = plan(description)
    for name, expected in wanted.items():
        held = values(named(scene, name))
        for value in expected:
            assert value in held, f"{case}: {name!r} holds {held}, not {value!r}"


# (case, description, {object name: values it must not hold})
NOT_HELD = [
    ("a noun with its own article keeps its own description", "a red apple and a banana", {"banana": ["red"]}),
    ("a counted noun keeps its own description", "two brown dogs and three cats", {"cat": ["brown"]}),
    (
        "a plural after a singular keeps its own description",
        "A man is wearing a gray shirt and jeans.",
        {"jeans": ["gray"]},
    ),
    ("a collective noun that only counts says nothing of the things", "a set of four plates", {"plate": ["set"]}),
    (
        "a describing word that names a thing ends its phrase before 'and'",
        "a green square and red rectangle",
        {"rectangle": ["green", "square"]},
    ),  # fmt: skip
    ("a collective noun's build is its own", "a long line of cars", {"car": ["long"]}),
    ("a verb form with an object is not corrected", "a hen laying eggs", {"hen": ["lying"]}),
    ("a list of describing words with no article stays a list", "a cat, cute, fluffy", {"cat": ["cute fluffy"]}),
    ("things parted by commas keep their own words", "a red car, a blue bus", {"bus": ["red"], "car": ["blue"]}),
    (
        "colours in a list after 'in' stay the thing's colours",
        "the soup is in orange, brown and green color",
        {"soup": ["orange brown"]},
    ),
    (
        "a material in a list of things is a thing of its own",
        "a dog, paper and plastic cups on the floor",
        {"cup": ["paper", "paper and plastic"]},
    ),
    ("a predicate keeps to its own clause", "the shirt is green and the hat is yellow", {"shirt": ["yellow"]}),
    ("a material predicate keeps to its own clause", "the cup is clay and the jug is glass", {"cup": ["glass"]}),
    ("a thing full of holes is not full", "a sock full of holes", {"sock": ["full", "holes"]}),
    ("the colour of a thing after 'with' is not the owner's", "a cat with eyes glowing green", {"cat": ["green"]}),
    ("a hedge is no part of the look", "a seemingly abandoned house", {"house": ["seemingly abandoned"]}),
    ("a colour before a noun phrase is that thing's", "a boy wearing red running shoes", {"boy": ["red"]}),
    ("colours in number describe no single thing", "a boat in a pond of many colors", {"pond": ["many colors"]}),
    ("an adverb of how an act is done describes no one", "a man walking slowly", {"man": ["slow"]}),
    ("how written words look is not the writer's", "a girl writing the word 'yes' in cursive", {"girl": ["cursive"]}),
]


@pytest.mark.parametrize("case,description,unwanted", NOT_HELD, ids=[row[0] for row in NOT_HELD])
def test_attributes_not_held(case, description, unwanted):
    scene = plan(description)
    for name, values_ in unwanted.items():
        held = values(named(scene, name))
        for value in values_:
            assert value not in held, f"{case}: {name!r} holds {held}"


# (case, description, words the written prompt must hold, words it must not)
PROMPTS = [
    ("a colour conjunction is said once", "A tall brown and white cake", "brown and white cake", "brown brown"),
    ("a likeness is said once", "A heart-shaped spiderweb", "a heart-shaped spiderweb", "heart spiderweb"),
    ("a compared size is said once", "a smaller giraffe", "a smaller giraffe", "small giraffe"),
    ("an arrangement is said as the group", "A row of motorcycles", "a row of motorcycles", "row motorcycles"),
    ("a misused verb form is said as meant", "Two birds are laying down on the grass.", "lying down", "laying"),
    ("a phrasal action is said once", "Guy sitting down", "guy sitting down", "sitting guy"),
    ("a state phrase reads after the noun", "A man is jumping in the air.", "man jumping in the air", "in the air man"),
    ("'for sale' reads after the noun", "a croquet game for sale", "croquet game for sale", "for sale croquet"),
    ("a degree is said once", "a slightly open door", "a slightly open door", "open slightly"),
    ("materials are said once, joined", "a glass and steel tower at dusk", "a glass and steel tower", "steel glass"),
    ("a person in a colour wears it", "a man in black by the door", "a man in black", "black man"),
    ("a person in colours wears them", "a girl in red and white", "a girl in red and white", "white girl"),
    ("things in a colour are that colour", "labels in blue and yellow", "labels", "in blue"),
    ("what a thing is full of reads after it", "a wall full of cracks", "a wall full of cracks", "full of cracks wall"),
    ("colours worn read after the wearer", "a man wearing black", "a man wearing black", "black man"),
    ("an act caught in the middle reads after the noun", "a dancer mid leap", "a dancer mid leap", "mid leap dancer"),
    (
        "a material said as a phrase reads as written",
        "a bird made from light metallic chrome wire",
        "light wire",
        " and ",
    ),
]


@pytest.mark.parametrize("case,description,said,unsaid", PROMPTS, ids=[row[0] for row in PROMPTS])
def test_attributes_in_the_prompt(case, description, said, unsaid):
    prompt = plan(description).prompt
    assert said in prompt, f"{case}: {prompt!r}"
    assert unsaid not in prompt, f"{case}: {prompt!r}"


# Pose descriptions (poses.py): each state as written, and the same state said plainly.
POSES = [
    (
        "a posture phrase is also the posture alone",
        "standing on left leg right leg up and knee bent left arm down",
        {"person": ["standing on left leg", "standing"]},
    ),
    (
        "a degree word stays with the posture after it",
        "legs apart, left arm out and up, head slightly looking right",
        {"head": ["slightly looking right"]},
    ),
    (
        "two short states joined by 'and' are also one state as written",
        "legs apart, left arm out and up, head slightly looking right",
        {"left arm": ["out", "up", "out and up"]},
    ),
    (
        "a state and a short one after 'and' are also one state as written",
        "legs apart, both arms reaching to the right and down, head up",
        {"arm": ["reaching to the right", "down", "reaching to the right and down"]},
    ),
    (
        "a state with two places is also the state with its first",
        "The left hand is placed on the hip in front of the body, right arm down",
        {"left hand": ["placed on the hip in front of the body", "placed on the hip"]},
    ),
    (
        "a state with a place is also each of the two",
        "The person is standing with arms at head level on the right side of the head and feet apart.",
        {"arm": ["at head level", "on the right side of the head"]},
    ),
    (
        "a state said after another with no 'and' is also each of the two",
        "right arm pointing behind almost straight back, left arm up extended out at face level",
        {"right arm": ["pointing behind", "almost straight back"], "left arm": ["up", "extended out at face level"]},
    ),
    (
        "a second state with a place after it is also the state alone",
        "the left leg is kicked out raised high in front of the body, arms down",
        {"left leg": ["kicked out", "raised high in front of the body", "raised high"]},
    ),
]


@pytest.mark.parametrize("case,description,wanted", POSES, ids=[row[0] for row in POSES])
def test_pose_plain_forms(case, description, wanted):
    scene = plan(description)
    for name, expected in wanted.items():
        held = values(named(scene, name))
        for value in expected:
            assert value in held, f"{case}: {name!r} holds {held}, not {value!r}"


def test_a_rainbow_is_a_thing_and_describes_a_noun_after_it():
    assert named(plan("a rainbow over the hills"), "rainbow")
    assert "rainbow" in values(named(plan("rainbow stripes on a shirt"), "stripe"))


def test_a_size_said_with_a_degree_keeps_the_plain_size_the_layout_reads():
    assert named(plan("a very big bear"), "bear").attributes.size == "big"


def test_a_first_things_genre_word_is_also_the_pictures_style():
    scene = plan("a surreal lighthouse on a cliff")
    assert "surreal" in values(named(scene, "lighthouse"))
    assert "surreal" in (scene.style or "")


def test_a_described_background_is_a_thing_and_its_colour_the_palette():
    scene = plan("A dog sleeps on a rug. The background is pale green.")
    assert "pale green" in values(named(scene, "background"))
    assert "pale green" in scene.palette


def test_a_background_described_by_no_colour_is_a_thing():
    scene = plan("a fox in the snow, blurred background")
    assert "blurred" in values(named(scene, "background"))


def test_a_background_nothing_describes_is_no_thing():
    scene = plan("a lone oak against the background of rolling hills")
    assert "background" not in [o.name for o in scene.objects]


def test_colours_after_with_use_the_role_the_clauses_give():
    from limner.agents.planning.rules import clauses, colouring

    assert colouring._WITH_PART == clauses.WITH_PART


# (case, description, {object name: values it must hold}, names that must not be things)
WORDS_ON_THEIR_NOUN = [
    (
        "a state phrase written before the noun describes it",
        "an inside out sweater on a chair",
        {"sweater": ["inside-out"]},
        [],
    ),
    (
        "a likeness word written apart from 'colored' is one word, not a thing that was coloured",
        "a honey colored horse in a field",
        {"horse": ["honey-colored"]},
        ["honey"],
    ),
    (
        "a colour before 'colored' is the colour",
        "a silver colored teapot",
        {"teapot": ["silver"]},
        [],
    ),
    (
        "'half' before a state says how far it goes and names nothing",
        "a half finished sandcastle on the beach",
        {"sandcastle": ["half-finished"]},
        ["half"],
    ),
    (
        "a container word that is also a material names the thing before 'full of'",
        "a glass full of orange juice",
        {"glass": ["full"]},
        [],
    ),
    (
        "a state of the stuff a portion is of describes the portion, not its name",
        "a mug of hot cocoa",
        {"mug of cocoa": ["hot"]},
        ["mug of hot cocoa"],
    ),
    (
        "a particle after a part named with 'with' says how the part is",
        "a boy with his hands up",
        {"hand": ["up"]},
        [],
    ),
    (
        "a copula with 'a' and a noun phrase classifies the subject: one thing",
        "The car is a small electric hatchback.",
        {"car": ["small", "electric hatchback"]},
        ["hatchback", "electric hatchback"],
    ),
    (
        "a copula with a noun phrase of the subject's own name describes it",
        "The chair is a tall wooden chair.",
        {"chair": ["tall", "wood"]},
        [],
    ),
    (
        "a verb whose object names no thing is what the subject does",
        "a clown doing a trick in a circus tent",
        {"clown": ["doing a trick"]},
        ["trick"],
    ),
    (
        "a colour worn before a verb with a bare noun is worn, and the verb acts on the noun",
        "a girl wearing yellow playing golf",
        {"girl": ["yellow"]},
        ["playing golf"],
    ),
    (
        "seen or not is a state, never part of the name",
        "the lighthouse visible through the fog",
        {"lighthouse": ["visible"]},
        ["lighthouse visible"],
    ),
]


@pytest.mark.parametrize(
    "description, held, absent", [pytest.param(d, h, a, id=case) for case, d, h, a in WORDS_ON_THEIR_NOUN]
)
def test_words_go_to_their_noun(description: str, held: dict[str, list[str]], absent: list[str]):
    scene = plan(description)
    for name, wanted in held.items():
        assert set(wanted) <= set(values(named(scene, name))), values(named(scene, name))
    assert not {o.name for o in scene.objects} & set(absent), [o.name for o in scene.objects]


def test_a_copula_that_classifies_makes_no_second_thing():
    scene = plan("The bird is a small blue parrot sitting on a branch.")
    assert [o.name for o in scene.objects].count("bird") == 1
    assert "parrot" not in [o.name for o in scene.objects]
    assert named(scene, "bird").attributes.action == "sitting"


def test_a_lone_background_or_a_new_subject_after_there_is_is_no_renaming():
    assert "meadow" in [o.name for o in plan("The background is a meadow").objects]
    assert [o.name for o in plan("There is a cat.").objects] == ["cat"]


def test_a_persons_paired_parts_with_a_possessive_are_two():
    assert named(plan("a dancer with her arms out"), "arm").count == 2
    assert named(plan("two dancers with their arms out"), "arm").count is None


def test_a_colour_worn_before_a_compound_noun_stays_on_the_noun():
    scene = plan("a runner wearing blue running shoes")
    assert named(scene, "running shoe").attributes.color == "blue"


def test_colours_after_in_are_one_colour_in_the_order_written():
    scene = plan("a kite in green, orange and black")
    kite = named(scene, "kite")
    assert kite.attributes.color == "green, orange and black"
    assert {"green", "orange", "black"} <= set(values(kite))
    assert scene.prompt == "a green, orange and black kite"


@pytest.mark.parametrize(
    "description, thing, state, other",
    [
        ("a juggler tossing a pin in the air", "pin", "in the air", "juggler"),
        ("a baker slicing a loaf in half", "loaf", "in half", "baker"),
        ("a kangaroo leaping in the air", "kangaroo", "in the air", None),
    ],
)
def test_a_state_phrase_right_after_a_verbs_object_is_the_objects(description, thing, state, other):
    scene = plan(description)
    assert named(scene, thing).attributes.state == state
    if other:
        assert named(scene, other).attributes.state != state
