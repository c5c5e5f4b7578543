"""The rules reader's relations, actions and counts: general grammatical cases, one per row."""

from __future__ import annotations

import pytest
from limner.agents.scene.model import SceneObject
from reader_helpers import named, plan, relations


def words_of(thing: SceneObject) -> list[str]:
    return thing.attributes.described()


# (case, description, relations that must hold, relations that must not)
RELATIONS = [
    ("a comparison after a noun relates it to the other", "a rabbit bigger than a car",
     {("rabbit", "bigger than", "car")}, set()),
    ("'as ... as' relates two things of one measure", "a kitten as tall as a giraffe",
     {("kitten", "as tall as", "giraffe")}, set()),
    ("a verb between two nouns is their relation", "a man riding a horse", {("man", "riding", "horse")}, set()),
    ("a verb in any form is kept as -ing", "A child draws a flower.", {("child", "drawing", "flower")}, set()),
    (
        "a verb's objects joined by 'and' are all its objects",
        "a wolf wearing a shirt and a tie",
        {("wolf", "wearing", "shirt"), ("wolf", "wearing", "tie")},
        set(),
    ),
    (
        "a list of objects after a verb goes on to its 'and'",
        "a beaver wearing glasses, a vest, and a tie",
        {("beaver", "wearing", "glasses"), ("beaver", "wearing", "vest"), ("beaver", "wearing", "tie")},
        set(),
    ),
    (
        "a place after a verb's object belongs to the subject",
        "a wolf wearing a shirt and a tie on the subway",
        {("wolf", "on", "subway")},
        {("tie", "on", "subway")},
    ),
    (
        "'into' after a verb's object says where the object goes",
        "a man pouring milk into a cup",
        {("man", "pouring", "milk"), ("milk", "inside", "cup")},
        set(),
    ),
    ("'with' is a relation to a thing of its own", "a woman with an umbrella", {("woman", "with", "umbrella")}, set()),
    (
        "'with' after a verb's object belongs to the subject",
        "a child draws a flower with a pencil",
        {("child", "with", "pencil")},
        {("flower", "with", "pencil")},
    ),
    ("'has' is its own relation, the Scene's 'has'", "The man has a hat.", {("man", "has", "hat")}, set()),
    ("'have' and 'having' are 'has'", "Two girls have kites.", {("girl", "has", "kite")}, set()),
    (
        "'nearby' alone is near what the description is about",
        "A man is fishing. A dog sits nearby.",
        {("dog", "near", "man")},
        set(),
    ),
    (
        "'on which' relates what follows to the thing before",
        "a table on which there is a cup",
        {("cup", "on", "table")},
        set(),
    ),
    (
        "'On which' opening a sentence means the sentence before's subject",
        "I can see a car on the road. On which I can see headlights.",
        {("headlight", "on", "car")},
        set(),
    ),
    (
        "'nearby' after 'with' a thing is near its holder",
        "a house with a tree nearby",
        {("tree", "near", "house")},
        set(),
    ),
    ("'in' a thing that holds nothing is 'in'", "a bus in the street", {("bus", "in", "street")}, set()),
    ("'in' a container is 'inside'", "a fish in a bowl", {("fish", "inside", "bowl")}, set()),
    ("'at' relates two things", "a man at the door", {("man", "at", "door")}, set()),
    ("a verb and its preposition may be one meaning", "a dog looking at a cat", {("dog", "looking at", "cat")}, set()),
    (
        "the subject of a clause relates to later phrases",
        "The man is standing behind the fence.",
        {("man", "behind", "fence")},
        set(),
    ),
    (
        "a verb with no noun before it belongs to the clause subject",
        "A surfer on a board, wearing a wet suit",
        {("surfer", "wearing", "wet suit")},
        {("board", "wearing", "wet suit")},
    ),
    (
        "a pronoun object is another thing than the subject",
        "a cup with a spoon in it",
        {("spoon", "inside", "cup")},
        set(),
    ),
    (
        "a pronoun after a person refers to the person",
        "A woman in a park. She is holding a kite.",
        {("woman", "holding", "kite")},
        set(),
    ),
    (
        "a verb's object list ends where a keyword list of other items begins",
        "a whale swallowing a boat, dark fantasy, deep sea, bubbles and fish",
        {("whale", "swallowing", "boat")},
        {("whale", "swallowing", "bubble"), ("whale", "swallowing", "fish")},
    ),
    (
        "bare words after a verb's object with an article, up to another comma, are keyword items",
        "a dragon guarding a castle, stormy clouds, lightning and rain",
        {("dragon", "guarding", "castle")},
        {("dragon", "guarding", "cloud"), ("dragon", "guarding", "rain")},
    ),
    (
        "a verb takes every item of its own list",
        "a woman wearing a hat, a scarf, gloves and boots",
        {("woman", "wearing", "hat"), ("woman", "wearing", "scarf"), ("woman", "wearing", "glove"),
         ("woman", "wearing", "boot")},
        set(),
    ),
    (
        "a pronoun's contraction is the pronoun and its verb",
        "Two foxes by a log. They're sniffing the snow.",
        {("fox", "sniffing", "snow")},
        {("they're", "sniffing", "snow")},
    ),
    (
        "what a holding verb holds is a picture when it is 'a picture of' something",
        "a boy holding a picture of a horse",
        {("boy", "holding", "picture"), ("picture", "of", "horse")},
        {("boy", "holding", "horse")},
    ),
    (
        "'he' with no person is the subject of the sentence before",
        "A beaver next to a lamp. He holds a book.",
        {("beaver", "holding", "book")},
        set(),
    ),
    (
        "a relation after a list of subjects is each one's",
        "a cat, a dog and a rabbit on a sofa",
        {("cat", "on", "sofa"), ("dog", "on", "sofa"), ("rabbit", "on", "sofa")},
        set(),
    ),
    (
        "a verb after subjects joined by 'and' is each one's",
        "men and horses riding through a field",
        {("man", "through", "field"), ("horse", "through", "field")},
        set(),
    ),
    (
        "a list after 'with' is all with the thing",
        "a table with cups, plates and a vase",
        {("table", "with", "cup"), ("table", "with", "plate"), ("table", "with", "vase")},
        set(),
    ),
    (
        "'we can see' and 'there is' are no things and keep the clause going",
        "In this image we can see a cat on a mat. There is a lamp next to the mat.",
        {("cat", "on", "mat"), ("lamp", "next to", "mat")},
        set(),
    ),
    (
        "a relation written first waits for the subject after 'there is'",
        "Behind the table there is a wall.",
        {("wall", "behind", "table")},
        set(),
    ),
    (
        "a pronoun object written first waits for the subject",
        "A woman is posing. Behind her, there is a curtain.",
        {("curtain", "behind", "woman")},
        set(),
    ),
    (
        "a sentence ends what the last 'with' was about",
        "The table has drawers. Beside the table there is a chair.",
        {("chair", "next to", "table")},
        {("drawer", "next to", "table")},
    ),
    (
        "'in the background of' a thing is behind it",
        "a castle in the background of a lake",
        {("castle", "behind", "lake")},
        set(),
    ),
    ("a verb and 'with' may be one meaning", "a dog playing with a ball", {("dog", "playing with", "ball")}, set()),
    (
        "writing with an instrument",
        "a woman writing with a pen",
        {("woman", "writing with", "pen")},
        {("woman", "with", "pen")},
    ),
    ("eating with an instrument", "a boy eating with a fork", {("boy", "eating with", "fork")}, set()),
    ("walking with a thing is only with it", "a man walking with an umbrella", {("man", "with", "umbrella")}, set()),
    (
        "'the bear' is the teddy bear named before",
        "A teddy bear sits on a shelf. The bear holds a book.",
        {("teddy bear", "holding", "book")},
        set(),
    ),
    (
        "notes without articles keep their base-form verbs",
        "person stand next to basket. person drive car.",
        {("person", "next to", "basket"), ("person", "driving", "car")},
        set(),
    ),
    (
        "a verb of motion and a preposition of direction are one meaning",
        "an airplane flying over a city",
        {("airplane", "flying over", "city")},
        set(),
    ),
    ("'into' after a verb of motion joins it", "a car crashing into a wall", {("car", "crashing into", "wall")}, set()),
    (
        "a verb of posture leaves the preposition its own meaning",
        "a man sitting at a table",
        {("man", "at", "table")},
        {("man", "sitting at", "table")},
    ),
    (
        "'with' after the object of a relation belongs to the relation's subject",
        "a crab sitting on a beach with a surfboard",
        {("crab", "with", "surfboard")},
        {("beach", "with", "surfboard")},
    ),
    (
        "a verb of posture after 'with' a thing is what that thing does",
        "a table with a cat sleeping on it",
        {("cat", "on", "table")},
        {("table", "on", "table")},
    ),
    (
        "a past participle after a relation's object describes that object",
        "a dog next to boxes stacked on a shelf",
        {("box", "on", "shelf")},
        {("dog", "on", "shelf")},
    ),
    (
        "'it' opening a sentence is the subject of the sentence before",
        "A map of France made of cheese. It is on a table next to a glass.",
        {("map", "on", "table")},
        set(),
    ),
    (
        "a relation after 'and' that follows a relation's object is about the same subject",
        "A woman is walking on the sidewalk and on the phone.",
        {("woman", "on", "sidewalk"), ("woman", "on", "phone")},
        {("sidewalk", "on", "phone")},
    ),
    (
        "a copula after a list of worn things is the subject's when the sentence has no verb yet",
        "A man wearing a jacket and a tie is standing behind a table.",
        {("man", "wearing", "tie"), ("man", "behind", "table")},
        {("tie", "behind", "table")},
    ),
    (
        "'left to' is 'left of'",
        "a photo of a dog and a cup; the cup is left to the dog",
        {("cup", "left of", "dog")},
        set(),
    ),
    (
        "a copula of looking before 'at' is the verb",
        "The giraffe looks at a fence.",
        {("giraffe", "looking at", "fence")},
        set(),
    ),
    (
        "a finite verb after 'with' a thing is the subject's",
        "a man with a racket waits for the ball",
        {("man", "waiting for", "ball")},
        set(),
    ),
    (
        "a verb with a particle leaves the preposition after it alone",
        "teenagers hanging out at a mall",
        {("teenager", "at", "mall")},
        set(),
    ),
    (
        "a particle before a verb's object goes with the verb",
        "a boy picking up a ball",
        {("boy", "picking up", "ball")},
        set(),
    ),
    ("after a verb of motion 'up' is a preposition", "a boy climbing up a tree", {("boy", "up", "tree")}, set()),
    ("'to' after a verb of motion joins it", "a player running to a base", {("player", "running to", "base")}, set()),
    (
        "a verb of showing after a copula is what the subject does",
        "A woman is showing a book to a man.",
        {("woman", "showing", "book")},
        set(),
    ),
    (
        "a state word after a copula with an object is a verb",
        "The boy is flying a kite.",
        {("boy", "flying", "kite")},
        set(),
    ),
    (
        "a thing 'of' another thing is related to it",
        "the roof of a house on a hill",
        {("roof", "of", "house"), ("house", "on", "hill")},
        set(),
    ),
    (
        "'that has' after a verb's object is about that object",
        "a tiger holding a skateboard that has a sticker on it",
        {("skateboard", "has", "sticker"), ("sticker", "on", "skateboard")},
        {("tiger", "has", "sticker"), ("tiger", "with", "sticker")},
    ),
    (
        "a past participle after 'with' a thing describes that thing",
        "A van with flowers painted on it.",
        {("flower", "on", "van")},
        {("van", "on", "flower")},
    ),
    ("a thing that shows something does it", "An old tablet shows a car.", {("tablet", "showing", "car")}, set()),
    ("'using' is a verb like any other", "A man using a laptop in a cafe", {("man", "using", "laptop")}, set()),
    (
        "a preposition with no object after 'with' a thing relates it to what has it",
        "a fish tank with a fish inside, on a desk",
        {("fish", "inside", "fish tank")},
        set(),
    ),
    (
        "'it' after 'with' a thing is the thing that has it",
        "There is a glass behind the plate with juice in it.",
        {("juice", "inside", "glass"), ("glass", "with", "juice")},
        {("juice", "inside", "plate")},
    ),
    (
        "a relation written first with 'that' is to what the sentence named",
        "There are flowers on the stems, behind that there are trees and houses.",
        {("tree", "behind", "flower"), ("house", "behind", "flower")},
        set(),
    ),
    (
        "a relation after a comma with 'there is' after its object waits for that subject",
        "There is a door, behind the door there is a board.",
        {("board", "behind", "door")},
        set(),
    ),
    (
        "a verb after a thing beside the subject that can act is that thing's",
        "a girl standing beside a horse eating hay",
        {("horse", "eating", "hay"), ("girl", "next to", "horse")},
        {("girl", "eating", "hay")},
    ),
    (
        "a verb after a thing under the subject stays the subject's",
        "a boy on a pony waving a flag",
        {("boy", "waving", "flag")},
        {("pony", "waving", "flag")},
    ),
    (
        "a verb after 'with' a thing that moves is that thing's when the subject cannot act",
        "a meadow with a tractor pulling a plow",
        {("tractor", "pulling", "plow")},
        {("meadow", "pulling", "plow")},
    ),
    (
        "a verb after 'with' a thing stays the subject's when the subject can act",
        "a farmer with a goat carrying a basket",
        {("farmer", "carrying", "basket")},
        {("goat", "carrying", "basket")},
    ),
    (
        "a verb of posture after 'with' a thing that cannot act is the subject's",
        "a sailor with a cap sitting on a crate",
        {("sailor", "on", "crate")},
        {("cap", "on", "crate")},
    ),
    (
        "a verb after 'with' a thing, with a pronoun back to the subject, is that thing's",
        "a child with a kite flying above her",
        {("kite", "above", "child")},
        {("child", "above", "kite")},
    ),
    (
        "'and has' goes back to the clause subject",
        "A girl is walking. She carries a bag over her shoulder and has a scarf around her neck.",
        {("girl", "has", "scarf")},
        {("shoulder", "has", "scarf")},
    ),
    (
        "'are' after a list closed by 'and' is the whole list's",
        "pencils, a ruler and erasers are on a shelf",
        {("pencil", "on", "shelf"), ("ruler", "on", "shelf"), ("eraser", "on", "shelf")},
        set(),
    ),
    (
        "a thing after 'of' with a verb after it is a thing of its own",
        "the paw of a cat touching a ball",
        {("paw", "of", "cat")},
        set(),
    ),
    (
        "'during' says when the clause subject does what it does",
        "a runner heading to a bridge during a storm",
        {("runner", "during", "storm")},
        set(),
    ),
    (
        "'topped with' puts what follows on the thing",
        "a pie topped with strawberries",
        {("strawberry", "on", "pie")},
        set(),
    ),
    (
        "a verb of action before a place says what the subject does there too",
        "a squirrel running on a fence",
        {("squirrel", "on", "fence"), ("squirrel", "running on", "fence")},
        set(),
    ),
    (
        "a verb of action keeps the one word written for the place",
        "a jogger running along a canal",
        {("jogger", "next to", "canal"), ("jogger", "running along", "canal")},
        set(),
    ),
    (
        "a verb of posture before a place says no more than the place",
        "a squirrel sitting on a fence",
        {("squirrel", "on", "fence")},
        {("squirrel", "sitting on", "fence")},
    ),
    (
        "a finite verb of action before a place says what the subject does there too",
        "A lamp hangs over the table.",
        {("lamp", "above", "table"), ("lamp", "hanging over", "table")},
        set(),
    ),
    (
        "a verb of action before 'in' says what the subject does in it",
        "A duck is swimming in a lake.",
        {("duck", "in", "lake"), ("duck", "swimming in", "lake")},
        set(),
    ),
    (
        "a verb joined to its preposition leaves the place true too",
        "a hawk gliding over a valley",
        {("hawk", "gliding over", "valley"), ("hawk", "above", "valley")},
        set(),
    ),
    (
        "an -ing word after a copula joins the preposition after it",
        "The kite is soaring over the beach.",
        {("kite", "soaring over", "beach"), ("kite", "above", "beach")},
        set(),
    ),
    ("'X of Y' names two things, X of Y", "the harbour of a small town", {("harbour", "of", "town")}, set()),
    (
        "a past participle after 'X of Y' is X's",
        "the flag of a city painted on a wall",
        {("flag", "of", "city"), ("flag", "on", "wall")},
        {("city", "on", "wall")},
    ),
    (
        "'seen from' says where a thing is seen from",
        "a valley seen from a balloon",
        {("valley", "seen from", "balloon")},
        set(),
    ),
    (
        "a copula after a relation written first puts the subject after it",
        "Under the bridge is a small boat.",
        {("boat", "under", "bridge")},
        set(),
    ),
    (
        "a participle of showing is only the last listed thing's",
        "a lamp and a poster depicting a tiger",
        {("poster", "depicting", "tiger")},
        {("lamp", "depicting", "tiger")},
    ),
    (
        "a photo held is the thing held, not what it shows",
        "a woman carrying a photograph of her son",
        {("woman", "carrying", "photograph")},
        {("woman", "carrying", "son")},
    ),
    (
        "a verb read with its colours joins no relation after them",
        "two chefs wearing white standing by an oven",
        {("chef", "next to", "oven")},
        {("chef", "wearing next to", "oven")},
    ),
    (
        "things a thing is full of are inside it",
        "the bucket is full of shells",
        {("shell", "inside", "bucket")},
        set(),
    ),
]


@pytest.mark.parametrize("description, holds, absent", [pytest.param(d, h, a, id=case) for case, d, h, a in RELATIONS])
def test_relations(description: str, holds: set, absent: set):
    found = relations(plan(description))
    assert holds <= found, found
    assert not (absent & found), found


# (case, description, relations that must hold, relations that must not)
SENTENCE_RELATIONS = [
    (
        "a place after a worn thing is its wearer's",
        "A cat in a knitted sweater on a sofa.",
        {("cat", "in", "sweater"), ("cat", "on", "sofa")},
        {("sweater", "on", "sofa")},
    ),
    (
        "a container and its contents stay together when a verb follows",
        "A basket of plums stands on the porch.",
        {("plum", "inside", "basket"), ("basket", "on", "porch")},
        set(),
    ),
    (
        "a place after what tops a thing is the thing's",
        "A tart topped with figs and almonds on a tray.",
        {("fig", "on", "tart"), ("almond", "on", "tart"), ("tart", "on", "tray")},
        set(),
    ),
    (
        "those a place is filled with do what follows",
        "a classroom filled with students reading comics",
        {("student", "reading", "comic")},
        {("classroom", "reading", "comic")},
    ),
    (
        "'them' after a word of place means those who can act",
        "Three kids sit on benches and a kite lies in front of them.",
        {("kite", "in front of", "kid")},
        {("kite", "in front of", "bench")},
    ),
    (
        "nothing rests on a thing of the sky: the place after it is the subject's",
        "Two friends camping under the stars in a meadow.",
        {("friend", "under", "star"), ("friend", "in", "meadow")},
        {("star", "in", "meadow")},
    ),
    (
        "'him' with no person read is the one the sentence is about",
        "A scarecrow stands in front of a barn with a crow above him.",
        {("crow", "above", "scarecrow")},
        {("crow", "above", "barn"), ("crow", "in front of", "barn")},
    ),
    (
        "what a wearer has is not in what the wearer wears",
        "a girl with freckles and red hair in a green coat",
        {("girl", "in", "coat")},
        {("hair", "in", "coat"), ("hair", "inside", "coat")},
    ),
    (
        "one more worn thing after 'in' a worn thing and 'and' is worn too",
        "A skier in a yellow jacket and goggles waving from a chairlift.",
        {("skier", "in", "jacket"), ("skier", "in", "goggles")},
        set(),
    ),
    (
        "a finite verb after worn things is the wearer's",
        "A girl wearing mittens and a scarf walks along the river.",
        {("girl", "wearing", "mittens"), ("girl", "wearing", "scarf")},
        {("scarf", "next to", "river")},
    ),
]


@pytest.mark.parametrize(
    "description, holds, absent", [pytest.param(d, h, a, id=case) for case, d, h, a in SENTENCE_RELATIONS]
)
def test_sentence_relations(description: str, holds: set, absent: set):
    found = relations(plan(description))
    assert holds <= found, found
    assert not (absent & found), found


def test_the_container_is_what_a_verb_after_its_contents_says():
    assert named(plan("A basket of plums stands on the porch."), "basket").attributes.action == "standing"
    scene = plan("A crate of oranges knocked over on a rug.")
    assert named(scene, "crate").attributes.action == "knocked over"
    assert named(scene, "orange").attributes.action is None


def test_a_finite_verb_after_worn_things_is_the_wearers_action():
    scene = plan("A girl wearing mittens and a scarf walks along the river.")
    assert named(scene, "girl").attributes.action is not None
    assert named(scene, "scarf").attributes.action is None


def test_reading_a_thing_is_no_text():
    scene = plan("An old man sits on a park bench reading a newspaper.")
    assert all(o.text is None for o in scene.objects)
    assert ("man", "reading", "newspaper") in relations(scene)


@pytest.mark.parametrize(
    "description, name, action",
    [
        ("A puppy looking outside.", "puppy", "looking outside"),
        ("A lantern glowing underwater.", "lantern", "glowing underwater"),
        ("A hare running fast.", "hare", "running fast"),
    ],
)
def test_a_word_of_place_or_speed_completes_the_action(description: str, name: str, action: str):
    scene = plan(description)
    assert named(scene, name).attributes.action == action
    assert len(scene.objects) == 1


def test_a_verb_with_an_instrument_keeps_its_action():
    scene = plan("a woman writing with a pen")
    assert [o.attributes.action for o in scene.objects if o.name == "woman"] == ["writing"]


def test_a_verb_after_a_thing_beside_is_not_the_subjects_action():
    scene = plan("a woman standing on one leg next to a cat sitting down")
    assert named(scene, "cat").attributes.action is not None
    assert "sitting" not in " ".join(words_of(named(scene, "woman")))


def test_a_mountain_holds_nothing_it_has():
    assert ("cloud", "in", "mountain") not in relations(plan("a mountain with a cloud hanging over it"))


# (case, description, thing, a word its attributes must hold, field that holds it or None for any)
ATTRIBUTES = [
    ("a verb with no object is the subject's action", "a dog running on the beach", "dog", "running", "action"),
    ("an action after 'is' is the subject's", "A man. He is jumping in the air", "man", "jumping", None),
    (
        "a participle after a copula is the action",
        "The woman is leaning forward.",
        "woman",
        "leaning forward",
        "action",
    ),
    ("a particle completes the action", "a man leaning back on a wall", "man", "leaning back", "action"),
    (
        "after 'is' the words describe the clause subject, not the last noun",
        "The clock on the brick building is green.",
        "clock",
        "green",
        "color",
    ),
    ("a part after 'with' keeps its own colour", "a man with green hair", "hair", "green", "color"),
    (
        "an adjective of kind is an attribute, not part of the name",
        "three different bird sketches",
        "bird sketch",
        "different",
        None,
    ),
    (
        "loose adjectives after a comma describe the sentence's first thing",
        "a caterpillar, furry, slimy",
        "caterpillar",
        "slimy",
        None,
    ),
    ("they after two subjects is both", "A cat and a dog sit. They are sleeping", "cat", "sleeping", None),
    ("a bare verb after a counted plural is its verb", "Four goats graze on a hill.", "goat", "grazing", "action"),
    ("a bare verb after a plural that looks singular", "The deer stand by a lake.", "deer", "standing", "action"),
    (
        "they after two subjects of its own sentence is both",
        "A goat and a pony stand by a fence and they are muddy",
        "goat",
        "muddy",
        None,
    ),
    (
        "they after a comma is the sentence's two subjects",
        "A hen and a duck resting on straw, they are white.",
        "hen",
        "white",
        "color",
    ),
    ("colours after 'in' describe the thing", "labels in blue and yellow", "label", "yellow", None),
    ("a list of colours after 'in' gives each", "food in yellow, red and green color", "food", "green", None),
    ("'in red' is the colour of what is worn", "a woman in red", "woman", "red", "color"),
    ("'color' after a colour is no part of the name", "a white color surface", "surface", "white", "color"),
    ("an adjective after 'that is' describes the thing", "a shirt that is blue", "shirt", "blue", "color"),
    ("an adjective after ', which is' describes the thing", "the car, which is red", "car", "red", "color"),
    (
        "a verb after 'and' and a list of worn things is the subject's action",
        "a penguin wearing goggles and flying confidently next to an eagle",
        "penguin",
        "flying",
        "action",
    ),
    (
        "'that is' after a verb's object describes that object",
        "a woman holding a cup that is red",
        "cup",
        "red",
        "color",
    ),
    ("an -ed word before a noun describes it", "three speckled eggs", "egg", "speckled", None),
    ("an -able word before a noun describes it", "an inflatable pool", "pool", "inflatable", None),
]


@pytest.mark.parametrize(
    "description, name, word, field", [pytest.param(d, n, w, f, id=case) for case, d, n, w, f in ATTRIBUTES]
)
def test_attributes(description: str, name: str, word: str, field: str | None):
    thing = named(plan(description), name)
    if field:
        assert getattr(thing.attributes, field) == word, thing.attributes
    else:
        assert word in words_of(thing), thing.attributes


# (case, description, name, count)
COUNTS = [
    ("a bare plural says no number", "dogs on a lawn", "dog", None),
    ("'some' says no number", "some apples", "apple", None),
    ("a number word is the count", "three dogs", "dog", 3),
    ("'a pair of' is two", "a pair of shoes", "shoe", 2),
    ("'a dozen' is twelve", "a dozen eggs", "egg", 12),
    ("'a set of four' is four", "a set of four stamps", "stamp", 4),
    ("a singular noun is one", "a dog", "dog", 1),
]


@pytest.mark.parametrize("description, name, count", [pytest.param(d, n, c, id=case) for case, d, n, c in COUNTS])
def test_counts(description: str, name: str, count: int | None):
    assert named(plan(description), name).count == count


# (case, description, the object names exactly)
NAMES = [
    ("left and right stay part of a body part's name", "left leg is bent, right arm is up", ["left leg", "right arm"]),
    ("a verb after a noun is no part of its name", "A child draws a flower.", ["child", "flower"]),
    ("a compound noun is kept", "a teddy bear next to a traffic light", ["teddy bear", "traffic light"]),
    ("a participle after a noun ends the name", "people flying kites", ["person", "kite"]),
    ("'someone' is a thing", "Someone is sitting down", ["someone"]),
    ("a side word after a noun starts the next thing", "left leg right leg", ["left leg", "right leg"]),
    ("an item of a list is a noun, not a verb", "railings, stands and tents", ["railing", "stand", "tent"]),
    (
        "narrative scaffolding names nothing",
        "In this image I can see a bug. This picture consists of a leaf. It looks like a stone.",
        ["bug", "leaf", "stone"],
    ),
    ("'the image shows' names nothing", "The image shows two cats.", ["cat"]),
    ("a compound with an -ed word is kept", "a potted plant", ["potted plant"]),
    ("a verb after colours worn names nothing", "a boy in yellow and green carrying a kite", ["boy", "kite"]),
    ("a material listed after 'made of' names nothing", "a bench made of stone and iron", ["bench"]),
]


# (case, description, name -> the part of the picture it is in)
PLACES = [
    ("an anchor after a thing places it", "a cat on the left", {"cat": "left"}),
    (
        "an anchor written first places every thing of the sentence",
        "In the background there are trees, a building and persons. A man stands.",
        {"tree": "background", "building": "background", "person": "background", "man": None},
    ),
    (
        "an anchor after a list places the whole list",
        "railings, tents and a building in the background",
        {"railing": "background", "tent": "background", "building": "background"},
    ),
    (
        "'of the image' after a part of the picture is that part",
        "At the bottom of the image there is a road. On the left side of the image we can see a tree.",
        {"road": "bottom", "tree": "left"},
    ),
    ("'in the middle of the picture' is the center", "In the middle of the picture there is a dog.", {"dog": "center"}),
    ("a corner is its first side", "there is a lamp in the top right corner", {"lamp": "top"}),
    ("'in the middle of a field' is no anchor", "a cow in the middle of a field", {"cow": None}),
    (
        "a second anchor written first replaces the first",
        "On the left, a red car, on the right, a blue bus",
        {"car": "left", "bus": "right"},
    ),
    (
        "a thing on a thing in the foreground is in the foreground too",
        "In the foreground there is a truck. On which I can see mirrors.",
        {"truck": "foreground", "mirror": "foreground"},
    ),
]


@pytest.mark.parametrize("description, places", [pytest.param(d, p, id=case) for case, d, p in PLACES])
def test_places(description: str, places: dict[str, str | None]):
    scene = plan(description)
    for name, place in places.items():
        assert named(scene, name).place == place, [(o.name, o.place) for o in scene.objects]


@pytest.mark.parametrize("description, names", [pytest.param(d, n, id=case) for case, d, n in NAMES])
def test_names(description: str, names: list[str]):
    assert [o.name for o in plan(description).objects] == names


# (case, description, the text the Scene must hold, the thing that carries it)
TEXTS = [
    ("a text noun and a colon give the text", "a poster with the caption: Keep Calm", "Keep Calm", "poster"),
    ("a saying verb and a colon give the text", "a sign that reads: OPEN.", "OPEN", "sign"),
    (
        "a capitalised run written on a thing is its text",
        "a cake with Happy Birthday written on it",
        "Happy Birthday",
        "cake",
    ),
    ("a saying verb after a thing with words on it", "a license plate that reads ABC 123", "ABC 123", "license plate"),
    ("a text after a verb is what the verb acts on", "a girl shouting 'help'", "help", "word"),
    ("a text between a verb and a noun is the noun's", "a man holding 'STOP' sign", "STOP", "sign"),
]


@pytest.mark.parametrize("description, text, carrier", [pytest.param(d, t, c, id=case) for case, d, t, c in TEXTS])
def test_texts(description: str, text: str, carrier: str):
    assert named(plan(description), carrier).text == text


def test_a_colon_after_a_verb_of_no_text_is_no_text():
    assert all(o.text is None for o in plan("a girl reading: a book on a bench").objects)


@pytest.mark.parametrize(
    "description, name, action",
    [
        ("A few men are playing with a ball. Everyone is running.", "man", "running"),
        ("Two girls and a dog in a park. Everybody is smiling.", "girl", "smiling"),
    ],
)
def test_everyone_is_the_last_group_of_people(description: str, name: str, action: str):
    scene = plan(description)
    acts = [[o.attributes.action, *o.attributes.other] for o in scene.objects if o.name == name]
    assert acts and action in acts[0], [(o.name, o.attributes) for o in scene.objects]
    assert "everyone" not in [o.name for o in scene.objects]


# (case, description, name of what is not a thing, name of the thing it says something of, what it says)
COMPARED_AND_SHOWN = [
    ("what a thing is dressed like is how it is dressed", "a cat dressed up like a pirate", "pirate", "cat", "pirate"),
    ("what a thing looks like is how it looks", "a teapot that looks like an owl", "owl", "teapot", "owl"),
    ("a bare name after 'statue of' is the statue's kind", "a statue of Zeus in a temple", "Zeus", "statue", "Zeus"),
    ("a bare place name after 'map of' is the map's kind", "a map of Peru on a wall", "Peru", "map", "Peru"),
    ("a layout after 'in' is how things are laid out", "bricks stacked in a tidy grid", "tidy grid", "brick", "grid"),
    ("'by hand' says how a thing was made", "a scarf knitted by hand", "hand", "scarf", None),
]


@pytest.mark.parametrize(
    "description, absent, name, word", [pytest.param(d, a, n, w, id=case) for case, d, a, n, w in COMPARED_AND_SHOWN]
)
def test_phrases_that_name_no_thing(description: str, absent: str, name: str, word: str | None):
    scene = plan(description)
    assert absent not in [o.name for o in scene.objects], scene.objects
    if word:
        assert any(word in w for w in words_of(named(scene, name))), named(scene, name).attributes


def test_like_with_nothing_to_compare_only_hedges():
    assert [o.name for o in plan("It looks like a blanket.").objects] == ["blanket"]


def test_what_an_artwork_shows_keeps_its_own_material():
    scene = plan("a statue of a lion made of jade")
    assert named(scene, "statue").attributes.material == "jade"
    assert named(scene, "lion").attributes.material is None


def test_underwater_before_a_noun_describes_it():
    assert "underwater" in words_of(named(plan("an underwater volcano"), "volcano"))


def test_a_particle_with_no_object_completes_the_state():
    scene = plan("A gardener is bent over beside a wheelbarrow.")
    assert named(scene, "gardener").attributes.state == "bent over", named(scene, "gardener").attributes
    assert ("gardener", "next to", "wheelbarrow") in relations(scene)


@pytest.mark.parametrize(
    "description, name, count",
    [
        pytest.param("A crowd of people waits at a bus stop.", "person", "many", id="a crowd says many people"),
        pytest.param("a group of people near a lake", "group of people", 1, id="a group of people is one group"),
        pytest.param("a group of four people near a lake", "person", 4, id="a number says the people are counted"),
        pytest.param("a group of kids near a lake", "kid", "several", id="a group of others says several"),
    ],
)
def test_a_group_of_people_is_named_whole(description: str, name: str, count: int | str):
    thing = named(plan(description), name)
    assert (thing.count or thing.quantity) == count


def test_a_group_of_people_keeps_the_words_for_the_group():
    assert "large" in words_of(named(plan("a large group of people on a pier"), "group of people"))


def test_described_people_in_a_group_are_the_people():
    assert "tired" in words_of(named(plan("a group of tired people on a pier"), "person"))


def test_a_group_of_people_keeps_its_relations():
    assert ("group of people", "near", "lake") in relations(plan("A group of people stands near a lake."))


@pytest.mark.parametrize(
    "description, name, word",
    [
        pytest.param("Three candles. Isolated on a black background.", "candle", "isolated", id="a state"),
        pytest.param("A small dog. Sleeping on a rug.", "dog", "sleeping", id="an action"),
    ],
)
def test_a_sentence_with_no_subject_goes_on_about_the_one_before(description: str, name: str, word: str):
    assert word in words_of(named(plan(description), name))


def test_an_opening_participle_relates_the_sentence_before():
    assert ("dog", "on", "rug") in relations(plan("A small dog. Sleeping on a rug."))


def test_an_opening_participle_after_a_sentence_with_no_subject_describes_its_last_thing():
    scene = plan("Collage from four lanterns. Isolated on a grey background.")
    assert "isolated" in words_of(named(scene, "lantern"))


def test_what_words_are_written_with_describes_the_words():
    scene = plan("a fence with the word 'keep out' sprayed on the boards in bright orange paint")
    assert "bright orange paint" in words_of(named(scene, "word"))
    assert "paint" not in [o.name for o in scene.objects]
    assert "bright orange paint" not in words_of(named(scene, "fence"))


def test_a_bare_verb_of_covering_relates_two_bare_nouns():
    assert ("tarp", "covering", "boat") in relations(plan("tarp cover boat. boat on grass."))


def test_a_bare_verb_of_parking_leaves_the_thing_parked():
    scene = plan("van park on driveway. tree next to van.")
    assert named(scene, "van").attributes.action == "parked"
    assert ("van", "on", "driveway") in relations(scene)


# (case, description, relations that must hold, relations that must not)
HELD_AND_SHOWN = [
    (
        "a thing held by the holder's own part is placed by that part, not the holder",
        "a monkey holding a banana above its head",
        {("banana", "above", "head")},
        {("monkey", "above", "head")},
    ),
    (
        "a thing that cannot act after 'and' is one more object, and the verb after it the subject's",
        "a goat wearing a bell and a ribbon pulling a cart",
        {("goat", "wearing", "ribbon"), ("goat", "pulling", "cart")},
        {("ribbon", "pulling", "cart")},
    ),
    (
        "a creature after 'and' with a verb of its own starts a clause of its own",
        "a farmer holding a rake and a goat pulling a cart",
        {("farmer", "holding", "rake"), ("goat", "pulling", "cart")},
        {("farmer", "holding", "goat")},
    ),
    (
        "a motion in -ing that is also a noun is a verb before a preposition",
        "a helicopter landing on a rooftop",
        {("helicopter", "on", "rooftop")},
        {("helicopter landing", "on", "rooftop")},
    ),
    (
        "'all over' puts a thing on what it covers",
        "a girl with freckles all over her cheeks",
        {("freckle", "on", "cheek")},
        {("girl", "above", "cheek")},
    ),
    (
        "a thing held in a bare part is in that part",
        "a pirate holding a cutlass in hand",
        {("cutlass", "inside", "hand")},
        {("pirate", "inside", "hand")},
    ),
    (
        "the subject's own part that a verb acts on is what a preposition after it places",
        "a child pressing her palms against a window",
        {("palm", "next to", "window")},
        {("child", "next to", "window")},
    ),
    (
        "a thing gripped in the holder's own part is in that part",
        "a hawk clutching a fish in its claws",
        {("hawk", "clutching", "fish")},
        {("hawk", "in", "claw")},
    ),
    (
        "a verb after what a picture shows is done by what it shows",
        "a mural depicting a fox chasing a rabbit",
        {("mural", "depicting", "fox"), ("fox", "chasing", "rabbit")},
        {("mural", "chasing", "rabbit")},
    ),
    (
        "a passive of giving reads as what the one given does",
        "A girl is handed a bouquet of tulips.",
        {("girl", "receiving", "bouquet")},
        set(),
    ),
    (
        "a part written with its owner's possessive is the owner's, and a place on it relates to the owner",
        "a frog sitting on a hippo's back",
        {("frog", "on", "hippo")},
        set(),
    ),
    (
        "a body part written with its owner's possessive is that owner's part",
        "a butterfly on the cat's nose",
        {("butterfly", "on", "nose"), ("nose", "of", "cat")},
        set(),
    ),
    (
        "an -ing word after 'and' goes on with the subject's verbs, its bare noun what it acts on",
        "a robot standing on a ladder and watering plants",
        {("robot", "on", "ladder"), ("robot", "watering", "plant")},
        set(),
    ),
    (
        "a gem word with an article names the gem",
        "a brooch with an emerald and a ruby",
        {("brooch", "with", "emerald"), ("brooch", "with", "ruby")},
        set(),
    ),
    (
        "a verb whose object names no thing joins no preposition after it",
        "a chef giving a presentation in a kitchen",
        {("chef", "inside", "kitchen")},
        {("chef", "giving in", "kitchen")},
    ),
]


@pytest.mark.parametrize(
    "description, holds, absent", [pytest.param(d, h, a, id=case) for case, d, h, a in HELD_AND_SHOWN]
)
def test_held_and_shown_things(description: str, holds: set, absent: set):
    found = relations(plan(description))
    assert holds <= found, found
    assert not (absent & found), found


def test_a_passive_of_giving_describes_nobody():
    scene = plan("A boy is given a red balloon.")
    assert "given" not in str(named(scene, "boy").attributes)
    assert named(scene, "balloon").attributes.color == "red"


def test_a_verb_with_an_object_is_its_subjects_action_too():
    scene = plan("An otter cracking a shell on a rock.")
    assert named(scene, "otter").attributes.action == "cracking"
    assert scene.prompt.count("cracking") == 1
    assert named(plan("A heron wearing a bow tie."), "heron").attributes.action is None
    sitting = plan("A bear sitting on a log eating honey.")
    assert named(sitting, "bear").attributes.action == "sitting"


def test_a_participle_after_with_is_the_things_after_a_container():
    scene = plan("a bucket of sand with a shovel stuck in it")
    assert named(scene, "shovel").attributes.action == "stuck"
    assert named(scene, "bucket").attributes.action is None


def test_a_comparison_with_no_thing_after_than_names_none() -> None:
    assert [o.name for o in plan("the lake is calmer than usual").objects] == ["lake"]
