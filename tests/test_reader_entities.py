"""The rules reader's things: which words name them and which do not, one general case per row."""

from __future__ import annotations

import pytest
from reader_helpers import named, plan, relations

# (case, description, names that must be things, names that must not)
THINGS = [
    (
        "a container and what it holds are two things",
        "A bowl of ice cream is inside the microwave",
        ["bowl", "ice cream", "microwave"],
        ["bowl of ice cream"],
    ),
    ("a portion of something is one thing", "a slice of pizza on a plate", ["slice of pizza", "plate"], ["pizza"]),
    ("a plural after 'of' is a thing of its own", "a field of daisies", ["field", "daisy"], ["field of daisies"]),
    (
        "a name after 'of' a common noun is a thing of its own",
        "the skyline of New York City",
        ["skyline", "New York City"],
        ["skyline of New York City"],
    ),
    ("a name with 'of' in it stays whole", "The Statue of Liberty at dusk", ["Statue of Liberty"], ["Statue"]),
    ("a possessive names the thing owned", "a cat on the man's lap", ["cat", "man", "lap"], ["man lap"]),
    (
        "a person's part is the person's, and the person is a thing",
        "A woman's mirror reflection is wearing different clothes.",
        ["woman", "mirror reflection"],
        ["woman mirror reflection"],
    ),
    ("an indefinite possessive with no person stays one name", "a bird's nest with eggs", ["bird nest", "egg"], []),
    (
        "an indefinite possessive that names a part is the owner and its part",
        "a hiker on a hill's peak beside a truck's wheel",
        ["hiker", "hill", "peak", "truck", "wheel"],
        ["hill peak", "truck wheel"],
    ),
    ("a way numbers are written is no thing", "a sundial with hours in roman numerals", ["sundial"], ["numeral"]),
    ("an amount word after a noun is a thing", "a van in a parking lot near a puzzle piece", ["parking lot", "puzzle piece"], ["parking", "puzzle"]),
    ("a plural after 'covered in' is things, not a material", "a desk covered in papers", ["desk", "paper"], []),
    ("a direction after a verb is how it moves", "a flock of ducks flying south over a pond", ["duck", "pond"], ["south"]),
    ("a person doing what an -ing noun says acts", "a painter painting on a canvas", ["painter", "canvas"], ["painter painting"]),
    (
        "a name given after 'named' is no thing",
        "a parrot named Captain Jack perched on a branch",
        ["parrot", "branch"],
        ["Captain Jack"],
    ),
    (
        "a lowercase name after 'called' ends at a verb",
        "a houseboat called blue heron moored by a pier",
        ["houseboat", "pier"],
        ["blue heron"],
    ),
    (
        "a price with no letter in it is no thing",
        "a pair of brass candlesticks, 1820 (£1,000-2,000)",
        ["candlestick"],
        ["000-2"],
    ),
    (
        "a bend is a part of a road, no thing",
        "a cyclist racing around a bend in the mountain road",
        ["cyclist"],
        ["bend"],
    ),
    (
        "the filming of a film is no thing",
        "a behind the scenes photo from the filming of a pirate movie",
        [],
        ["filming"],
    ),
    (
        "a medium beside 'and' and a place is a thing",
        "a mug and a photograph beside a laptop",
        ["mug", "photograph", "laptop"],
        [],
    ),
    ("a medium a verb acts on is a thing", "a man holding a painting", ["man", "painting"], []),
    ("a style word after 'with' is a thing", "a hallway floor with a mosaic", ["hallway floor", "mosaic"], []),
    ("a bare medium listed before a place is a thing", "a lamp, keys and photo on a shelf", ["photo", "shelf"], []),
    ("a medium before 'of' is how the picture is made", "a photo of a lighthouse", ["lighthouse"], ["photo"]),
    ("what 'which looks like' compares with is no thing", "a cloud which looks like a dragon", ["cloud"], ["dragon"]),
    (
        "a material after a noun in a long keyword run starts a thing",
        "workshop bench anvil steel hammer leather apron",
        ["hammer", "apron"],
        ["workshop bench anvil steel hammer"],
    ),
    (
        "a colour, size or shape written with a capital before a lowercase noun is no name",
        "The tray is a large Round tray next to a Green kettle.",
        ["tray", "kettle"],
        ["Round tray", "Green kettle"],
    ),
    (
        "a state opening a sentence before a name describes the one named",
        "Wounded Achilles sits by the shore.",
        ["Achilles", "shore"],
        ["Wounded Achilles"],
    ),
    ("a place name's first word stays in the name", "Old Delhi after the rain", ["Old Delhi"], ["Delhi"]),
    ("an archaic pronoun names nothing", "Thee are three owls on a branch.", ["owl", "branch"], ["thee"]),
    ("'as well' is no thing", "the handles on the bike are black as well.", ["handle", "bike"], ["well"]),
    ("'in the air' says where, not what", "A man is jumping in the air.", ["man"], ["air"]),
    ("'for sale' is no thing", "a bicycle for sale", ["bicycle"], ["sale"]),
    ("'on fire' is a state", "a city on fire", ["city"], ["fire"]),
    ("an adverb names nothing", "a penguin flying confidently next to an eagle", ["penguin", "eagle"], ["confidently"]),
    (
        "an adverb after a noun goes with the verb after it",
        "a woman elegantly wrapped with leaves",
        ["woman", "leaf"],
        ["woman elegantly"],
    ),
    ("'either' and 'ahead' name nothing", "stairs and railing on either side", ["stairs", "railing"], ["either"]),
    (
        "a verb in -s after 'a' and a noun is its verb",
        "A hamster hatches from an egg.",
        ["hamster", "egg"],
        ["hamster hatch"],
    ),
    (
        "a noun in -ing acting on something is a verb",
        "A woman writing with a dart.",
        ["woman", "dart"],
        ["woman writing"],
    ),
    ("'can' with no verb after it is a can", "umbrella next to can. can on person", ["umbrella", "can", "person"], []),
    (
        "'other objects' keeps its 'other'",
        "a plate and other objects on a table",
        ["plate", "other object"],
        ["object"],
    ),
    ("a kind word inside a name is part of the name", "A section of the Great Wall.", ["Great Wall"], ["Wall"]),
    ("a material after 'in' is what a thing is made of", "a statue in marble", ["statue"], ["marble"]),
    (
        "a plural inside a run of nouns ends a thing",
        "Vintage Crocheted Doilies Pot Holders",
        ["doily", "pot holder"],
        ["doilies pot holder"],
    ),
    (
        "a name after a common noun starts a thing",
        "marvel character Ghost Rider",
        ["marvel character", "Ghost Rider"],
        ["marvel character Ghost Rider"],
    ),
    ("a name keeps its own small words", "a street near Rio de Janeiro", ["street", "Rio de Janeiro"], ["Janeiro"]),
    (
        "a describing word after nouns starts the next thing",
        "taxidermy sheet cloth detailed diorama",
        ["taxidermy sheet cloth", "diorama"],
        ["taxidermy sheet cloth diorama"],
    ),
    ("a compound noun is never cut", "chocolate ice cream", ["chocolate ice cream"], ["ice cream"]),
    ("how words are written is no thing", "the word 'jazz' written in flowing cursive", ["word"], ["cursive"]),
    ("a place name after 'in' is where, not a thing", "seven pubs in Paddington", ["pub"], ["Paddington"]),
    ("a sculpture is a thing, and what it shows too", "a sculpture of letter W", ["sculpture", "letter"], []),
    ("what a thing is made of, in the plural, is there too", "a tornado made of tigers", ["tornado", "tiger"], []),
    ("counted photos are things", "five photos on a wall", ["photo", "wall"], []),
    ("a verb after 'to' is a verb", "a soccer player about to kick a bowling ball", ["bowling ball"], ["kick"]),
    ("'that' after a noun opens a clause", "A coffee cup that is full of holes", ["coffee cup"], ["coffee"]),
    ("a compound beats a style phrase", "a stained glass window", ["stained glass window"], ["window"]),
    ("a frame is a thing", "a cat in a frame", ["cat", "frame"], []),
    ("a comparative describes", "a fish with darker spots", ["fish", "spot"], ["darker spot"]),
    ("an idiom of purpose names nothing", "a boy taking his dog for a walk", ["boy", "dog"], ["walk"]),
    ("a name's own verb in -s ends it", "Agent Smith poses with a cat", ["Agent Smith", "cat"], ["Agent Smith pose"]),
    ("a participle in -en describes", "a handwritten note", ["note"], ["handwritten note"]),
    ("a group of anything else is a count", "a group of children on the grass", ["child", "grass"], []),
    (
        "a verb in -s after a longer noun phrase is its verb",
        "A red bus drives past a school",
        ["bus", "school"],
        ["bus drive"],
    ),
    ("a described thing after 'of' is a thing of its own", "a field of tall grass", ["field", "grass"], []),
    ("a describing word that is also a thing names it last", "a busy city square", ["city square"], ["city"]),
    (
        "a quantifier after its noun leaves the verb a verb",
        "the women are each wearing caps",
        ["woman", "cap"],
        ["wearing"],
    ),
    ("an idea names nothing drawn", "a portrait of chaos, concept art", [], ["chaos"]),
    ("a trick is what someone does, not a thing", "a skateboarder doing a trick on a ramp", ["ramp"], ["trick"]),
    ("a measure names nothing", "an arm bent at 90 degrees", ["arm"], ["degree"]),
    (
        "directions say how, not what",
        "three guards looking in three different directions",
        ["guard"],
        ["direction"],
    ),
    ("a time names nothing", "two riders in the early 20th century", ["rider"], ["century"]),
    (
        "seasons are times, not things",
        "four calendars showing the seasons of spring and summer",
        ["calendar"],
        ["season", "summer"],
    ),
    ("a plural region names nothing", "windows on both sides of the fireplace", ["window", "fireplace"], ["side"]),
    ("'the end of' something names nothing", "the end of the world", [], ["end"]),
    (
        "a caption's heading before a colon names nothing",
        "Formation flyers: The four planes fly over the sea",
        ["plane", "sea"],
        ["formation flyer"],
    ),
    ("a shop's name before a dash names nothing", "bluezoo - Pack of two pink leggings", ["leggings"], ["bluezoo"]),
    ("a counted thing before a colon is a thing", "Two dogs: A big one and a small one", ["dog"], []),
    ("a Midjourney weight mark is no heading", "black paper:: zodiac tarot::2 moon", ["paper", "moon"], []),
    (
        "a decade in figures is no plural that ends a thing",
        "a bulldog dressed up like a 1970s disco dancer",
        ["bulldog"],
        ["disco dancer", "dancer"],
    ),
    (
        "a shop's call to act after a last dash names nothing",
        "Set of three ceramic mugs with gold rims - add to cart",
        ["mug", "rim"],
        ["cart", "add"],
    ),
    (
        "a caption is the text of the thing that has it",
        "a snowy cabin at dusk, with the caption 'home at last'",
        ["cabin"],
        ["caption"],
    ),
    ("a season before a thing describes it, and the thing stays", "a spring flower in a vase", ["flower", "vase"], []),
    ("a row is how things stand, not a thing", "Row from seven beer bottles", ["beer bottle"], ["row"]),
    ("a prospect is an idea, not a thing", "rating the prospects of eight strikers", ["striker"], ["prospect"]),
    ("'using' after a comma is a verb", "a band, using blue tones only", ["band"], ["using tone"]),
    (
        "'admiring' after 'and' is a verb",
        "a girl looking and admiring the forest",
        ["girl", "forest"],
        ["admiring forest"],
    ),
    (
        "'X style' before a noun describes it",
        "a gothic style cathedral on a hill",
        ["cathedral", "hill"],
        ["style cathedral"],
    ),
    (
        "a fixed compound after a style word stays whole",
        "a large Victorian style living room",
        ["living room"],
        ["Victorian", "room"],
    ),
    (
        "a lone participle draws nothing",
        "Illustrated four ace cards standing in formation",
        ["ace card"],
        ["Illustrated"],
    ),
    (
        "a verb after 'about to' is no thing",
        "a tractor about to run over a sunflower",
        ["tractor", "sunflower"],
        ["run"],
    ),
    ("a verb after 'set to' is no thing", "eight strikers, with Benteke set to join", ["striker"], ["join"]),
    ("an amount of colour is no thing", "a burst of colors over a city", ["city"], ["burst"]),
    ("an explosion of something else is a thing", "an explosion of a car", ["explosion", "car"], []),
    (
        "an -ing compound noun stays one thing",
        "a swimming pool next to a fishing boat",
        ["swimming pool", "fishing boat"],
        [],
    ),
    (
        "a spaced dash between lowercase words separates list items",
        "tulip - daffodil - meadow, oil on canvas",
        ["tulip", "daffodil", "meadow"],
        ["tulip daffodil meadow"],
    ),
    ("a word before a counted plural is a verb", "The three kites trail 12 ribbons", ["kite", "ribbon"], ["trail"]),
    ("a number with no plural after it ends no verb", "the jersey number 10 on a hanger", ["hanger"], []),
    ("a number after a name is part of it", "the crew of Apollo 11 waved from a boat", ["Apollo 11", "boat"], []),
    ("a number before a plural still counts it", "a shelf of Lego 4 boxes", ["box"], ["Lego 4"]),
    ("a capital letter after a name is part of it", "the diary of Agent K on a desk", ["Agent K", "desk"], []),
    ("a prefix written apart names nothing", "a multi colored kite above a beach", ["kite", "beach"], ["multi"]),
    ("'something' names no thing", "there is something written below a clock", ["clock"], ["something written"]),
    (
        "a spaced dash inside a colour pair joins it",
        "a blue - green lake under a red - orange sky",
        ["lake", "sky"],
        ["green", "orange"],
    ),
    ("a studio before a thing names whose it is", "a pixar lamp on a desk", ["pixar lamp", "desk"], ["lamp"]),
    (
        "an -ing word after a colour said as a thing is a verb",
        "the wall has pale green covering the old bricks",
        ["wall", "brick"],
        ["covering", "green covering"],
    ),
    ("a spaced dash after one letter joins the word", "a boy in a green t - shirt", ["boy", "t-shirt"], ["shirt"]),
    ("a spaced dash in a describing word joins it", "a long - haired goat on a hill", ["goat", "hill"], ["haired"]),
    ("a season before a noun says when", "a winter cabin beside frozen pines", ["cabin", "pine"], ["winter cabin"]),
    ("a season word alone is still read", "flowers in spring", ["flower"], ["spring"]),
    ("a described show is a thing", "a puppet show in a park", ["puppet show", "park"], ["puppet"]),
    ("described paint is a thing", "a brush dipped in red paint", ["brush", "paint"], []),
    ("a bare imperative is no thing", "paint a lighthouse on a cliff", ["lighthouse", "cliff"], ["paint"]),
    ("a concept names an idea", "teamwork success concept with four hands", ["hand"], ["teamwork success concept"]),
    (
        "words for a drawn sign listed one after another are things each",
        "Gemini icon sign symbol on round badge",
        ["sign", "symbol"],
        ["gemini icon sign symbol"],
    ),
    ("a capitalised word for a sign is no text", "a hazard sign Symbol on a door", ["hazard sign", "Symbol"], []),
    (
        "a thing after a coloured background is a thing of its own",
        "six stars on blue background sparkles",
        ["star", "sparkle"],
        ["background sparkle"],
    ),
    ("a word that describes a part names the part", "a barefoot girl on a dock", ["girl", "foot", "dock"], []),
    ("'bearded' names a beard", "a bearded sailor on a pier", ["sailor", "beard", "pier"], []),
    (
        "a compound ending in a portion word holds what follows 'of'",
        "three cookie sheets of muffins on a counter",
        ["cookie sheet", "muffin", "counter"],
        ["cookie sheet of muffins", "cookie sheet of muffin"],
    ),
    (
        "a kind of thing written material first is one name",
        "a fur coat and paper cups on a bench",
        ["fur coat", "paper cup", "bench"],
        ["coat", "cup"],
    ),
    (
        "a word of origin before a person names the kind of person",
        "a Korean chef beside a Greek temple",
        ["Korean chef", "temple"],
        ["chef", "Greek temple"],
    ),
    ("a two-word material describes the noun after it", "a gold leaf frame", ["frame"], ["leaf frame"]),
    ("a plural a number counts is no verb", "five garden sheds this spring", ["garden shed"], ["garden"]),
    ("a number before a noun that describes the next is no count", "two door shed", ["shed"], ["door shed"]),
    (
        "a year spelled digit by digit belongs to the name before it",
        "team falcon sticker 2 0 1 9, glossy",
        ["team falcon sticker 2 0 1 9"],
        ["team falcon sticker"],
    ),
    (
        "a number after an abbreviated 'number' belongs to the name",
        "race car nr. 4 4 on a track",
        ["race car nr. 4 4", "track"],
        ["race car nr"],
    ),
    ("'No.' and a number after a name belong to it", "a bottle of Chanel No. 5 on a shelf", ["Chanel No. 5"], []),
    ("'no.' that says no is no name", "I said no. 3 cats sat there.", ["cat"], ["no. 3 cat"]),
    (
        "a web address spaced after its dot is one name",
        "banner for shop. com on a wall",
        ["banner", "shop.com", "wall"],
        ["com"],
    ),
    ("a short title spaced around its colon is one word", "sw : ep poster, movie", ["poster"], ["sw", "ep poster"]),
    (
        "materials listed one after another in a keyword run are things each",
        "attic with dusty trunk leather steel brass candle",
        ["trunk", "leather", "steel", "candle"],
        ["trunk leather"],
    ),
    (
        "a colour between two nouns of a keyword run starts a thing",
        "garden shed white fence stone path gravel",
        ["garden shed", "fence"],
        ["garden shed fence"],
    ),
    (
        "a colour after a colour modifier stays one colour",
        "cabin porch sky blue door frame lamp",
        [],
        ["sky", "cabin porch sky"],
    ),
    (
        "a colour of two words between two nouns of a keyword run starts a thing",
        "kitchen shelves mint green mugs copper pans",
        ["kitchen shelf", "mug", "pan"],
        ["kitchen shelves mug"],
    ),
    (
        "a colour modifier with no colour after it is part of the next noun",
        "lake reflection white clouds blue sky sunrise",
        ["cloud", "sky"],
        ["clouds sky", "cloud sky"],
    ),
    (
        "a colour before a material that names a thing starts it",
        "cat orange fur blue eyes on a rug",
        ["cat", "fur", "eye", "rug"],
        ["cat eye"],
    ),
    (
        "a colour after a noun that names its shade starts no thing",
        "bedroom interior ocean blue walls oak bed lamp",
        [],
        ["bedroom interior ocean", "bedroom interior"],
    ),
    ("a name with an epithet is one thing", "Sonic the Hedgehog racing a fox", ["Sonic the Hedgehog"], ["Hedgehog"]),
    ("an opening name takes an epithet", "Thomas the Tank Engine on a rail", ["Thomas the Tank Engine"], []),
    ("a verb before a capitalised name is no name", "a cat watching the Northern Lights", ["Northern Lights"], []),
    ("a colour after a plural starts a thing", "ripe plums yellow lemons", ["plum", "lemon"], ["plums lemon"]),
    ("a music genre named for a material stays whole", "a heavy metal band poster", ["heavy metal band poster"], []),
    ("who a thing is sold for is no thing", "Set of three knitted hats for toddlers", ["hat"], ["toddler"]),
]


@pytest.mark.parametrize(("case", "description", "present", "absent"), THINGS, ids=[row[0] for row in THINGS])
def test_things_named(case: str, description: str, present: list[str], absent: list[str]) -> None:
    names = [o.name for o in plan(description).objects]
    for name in present:
        assert name in names, f"{case}: no {name!r} in {names}"
    for name in absent:
        assert name not in names, f"{case}: {name!r} should not be a thing in {names}"


# (case, description, the one thing a later mention names, how many things there are)
MENTIONS = [
    ("'the man' is the one person read before", "A surfer waits. There are waves behind the man.", "surfer", 2),
    ("a vague person takes the later name", "Someone is skating. The person is wearing sneakers.", "person", 2),
    ("a group counted again is the same group", "four candles, 4 candles on a cake", "candle", 2),
    ("a group counted again in a new sentence", "Three ducks. Three ducks swim in a pond.", "duck", 2),
]


@pytest.mark.parametrize(
    "description, counts",
    [("two goats butting two goats", [2, 2]), ("three cups and three cups", [3, 3]), ("a bee and a bee", [1, 1])],
)  # fmt: skip
def test_a_group_acted_on_or_listed_again_is_another(description: str, counts: list[int]) -> None:
    assert [o.count for o in plan(description).objects] == counts


@pytest.mark.parametrize(("case", "description", "name", "count"), MENTIONS, ids=[row[0] for row in MENTIONS])
def test_mentions_merged(case: str, description: str, name: str, count: int) -> None:
    scene = plan(description)
    assert len(scene.objects) == count, f"{case}: {[o.name for o in scene.objects]}"
    named(scene, name)


def test_a_person_of_another_age_or_gender_is_someone_else() -> None:
    names = [o.name for o in plan("A woman and a boy. The man is tall.").objects]
    assert names == ["woman", "boy", "man"]


def test_what_a_container_holds_is_in_it_and_the_subject_goes_on() -> None:
    scene = plan("a man holding a bowl of soup on a bench")
    assert {("man", "holding", "bowl"), ("soup", "inside", "bowl"), ("man", "on", "bench")} <= relations(scene)


def test_written_in_a_material_is_its_material() -> None:
    scene = plan("the word 'START' written in chalk on a sidewalk")
    assert named(scene, "word").attributes.material == "chalk"


def test_a_position_after_a_possessive_is_a_part_of_someone_not_of_the_picture() -> None:
    scene = plan("a knight with a sword on his back")
    assert named(scene, "knight").place is None
    assert named(scene, "sword").place is None


def test_a_hedge_after_a_comma_starts_a_new_clause() -> None:
    scene = plan("There are men wearing helmets, it seems like wooden poles and grass in the background")
    assert ("man", "wearing", "helmet") in relations(scene)
    assert not {("man", "wearing", "pole"), ("man", "wearing", "grass")} & relations(scene)


@pytest.mark.parametrize(
    "description, said, count",
    [("seven Tulips and a watering can", "seven Tulips", 7), ("a vase of four Peonies. Vector.", "four Peonies", 4)],
)  # fmt: skip
def test_a_counted_name_with_a_capital_is_a_plural_said_once(description: str, said: str, count: int) -> None:
    scene = plan(description)
    assert f" {said} " in f" {scene.prompt.replace(',', ' ')} ", scene.prompt
    assert count in [o.count for o in scene.objects], scene.prompt


def test_a_part_a_describing_word_names_is_the_owners_and_looks_as_said() -> None:
    scene = plan("a red haired boy flying a kite")
    assert named(scene, "hair").attributes.color == "red"
    assert ("boy", "with", "hair") in relations(scene)
    assert named(plan("a long-haired woman on a sofa"), "hair").attributes.other == ["long"]
    assert [o.name for o in plan("a long-haired cat on a sofa").objects] == ["cat", "sofa"]
    feet = named(plan("The dancer is barefoot."), "foot")
    assert (feet.count, feet.attributes.state) == (2, "bare")


def test_a_part_the_description_names_is_not_named_twice() -> None:
    names = [o.name for o in plan("a bearded sailor stroking his beard").objects]
    assert names.count("beard") == 1


def test_a_two_word_material_is_the_material() -> None:
    assert named(plan("a cast iron pan on a stove"), "pan").attributes.material == "cast iron"


@pytest.mark.parametrize(
    ("description", "name", "said"),
    [("a three story house on a hill", "house", "three-story"), ("a two headed dragon", "dragon", "two-headed")],
)
def test_a_number_before_a_describing_noun_counts_nothing(description: str, name: str, said: str) -> None:
    thing = named(plan(description), name)
    assert (thing.count, said in thing.attributes.other) == (1, True)


@pytest.mark.parametrize(
    ("description", "things"),
    [
        ("a white mug next to a black one", [("mug", 1, "white"), ("mug", 1, "black")]),
        ("a tall tree and a short one", [("tree", 1, "tall"), ("tree", 1, "short")]),
        ("a wooden chair and two metal ones", [("chair", 1, "wood"), ("chair", 2, "metal")]),
    ],
)  # fmt: skip
def test_one_after_a_describing_word_repeats_the_noun_before(description: str, things: list) -> None:
    scene = plan(description)
    said = [(o.name, o.count, next(iter(o.attributes.described()), None)) for o in scene.objects]
    assert said == things


def test_ones_after_a_group_are_its_members() -> None:
    scene = plan("two mugs, a white one and a black one")
    assert [(o.name, o.count, o.attributes.color) for o in scene.objects] == [("mug", 1, "white"), ("mug", 1, "black")]
