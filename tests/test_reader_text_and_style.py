"""The rules reader on text to render (quoted strings) and on style words (artists, media, quality tags).

General cases, each a kind of sentence: a quoted string is the text of the thing that carries it and
never a thing itself; an apostrophe inside a word is no quote; artists, sites, render engines and
quality tags are the Scene's style, kept as written, never objects.
"""

from __future__ import annotations

import pytest
from limner.agents.planning.rules.reading import read_description
from limner.agents.scene.model import MAX_PHRASES


def _texts(scene) -> dict[str, str]:
    return {o.name: o.text for o in scene.objects if o.text}


def _names(scene) -> list[str]:
    return [o.name for o in scene.objects]


# (description, {carrier: text}, words that must not name any object)
TEXTS = [
    # a quoted string after 'says' / 'reading' / 'that says' is the text of the noun before the verb
    ("a sign that says 'OPEN'", {"sign": "OPEN"}, ["open", "say"]),
    # a text after a sign on another thing is the sign's, not the thing's
    ("a sign on a fence that says KEEP OUT", {"sign": "KEEP OUT"}, ["keep"]),
    ("a label on a bottle reading 'poison'", {"label": "poison"}, ["poison"]),
    # capitals after a verb of writing and 'with', and a number after 'the number', are written
    ("a plaque engraved with HOME SWEET HOME", {"plaque": "HOME SWEET HOME"}, ["home"]),
    ("a locker with the number 42 on it", {"number": "42"}, []),
    ("a wooden board reading \"Fresh Eggs\" by a fence", {"board": "Fresh Eggs"}, ["egg", "reading"]),
    # a quoted string right after a noun is that noun's text, and the noun stays a thing
    ("the word 'START' written in chalk on a sidewalk", {"word": "START"}, ["start", "written"]),
    ("a blackboard with the word 'multiplication'", {"word": "multiplication"}, ["multiplication"]),
    ("a photo of a restaurant 'the gas station'", {"restaurant": "the gas station"}, ["gas station"]),
    # 'with the text X' or 'with the caption X' after a thing: the thing carries it
    ("a heart with the text 'i love you'", {"heart": "i love you"}, ["text", "love"]),
    ("a carving of text 'north' in a cliff", {"carving": "north"}, ["text", "north"]),
    # a text written on a thing is that thing's: what is written is no thing of its own
    ("street art of the text 'go slow' on a fence", {"fence": "go slow"}, ["slow", "text"]),
    ("a glowing lake and the text 'stay awhile' on a boathouse", {"boathouse": "stay awhile"}, ["awhile", "text"]),
    ("an empty desert with the text 'keep going'", {"desert": "keep going"}, ["going", "text"]),
    ("a snowy cabin at dusk, with the caption 'home at last'", {"cabin": "home at last"}, ["caption", "home"]),
    # a quoted string before a noun is that noun's text
    ("a plant in a pot with a 'do not touch' sign on it", {"sign": "do not touch"}, ["touch"]),
    # with no noun before it, the text is written on the thing it is on, or gets a thing of its own
    ("'Welcome home' written on a wall", {"wall": "Welcome home"}, ["home", "written", "text"]),
    ("a cat asleep, and 'do not disturb'", {"text": "do not disturb"}, ["disturb"]),
    # apostrophes inside a quote are the text's; curly quotes are quotes
    ("a mug that says \u2018it's fine, can't stop\u2019", {"mug": "it's fine, can't stop"}, ["stop", "fine"]),
    ("a board with \u201cNO ENTRY\u201d on it", {"board": "NO ENTRY"}, ["entry"]),
    # a text with 'with' before it: the thing before carries it
    ("a storefront with 'The best deli' written on it", {"storefront": "The best deli"}, ["deli"]),
    # unquoted text after a saying verb of a thing that carries words
    ("a banner reading Happy Birthday in gold", {"banner": "Happy Birthday"}, ["birthday"]),
    # a quoted string between a describing word and a noun is the noun's text
    ('a red "STOP" sign on a pole', {"sign": "STOP"}, ["stop", "text"]),
    ('six blue and white "Dover" mugs', {"mug": "Dover"}, ["dover", "text"]),
    # a description copied whole from a spreadsheet cell: its outer quotes quote nothing, inner ones are doubled
    ('"a mug with ""Best Dad"" printed on it"', {"mug": "Best Dad"}, ["dad", "text"]),
]  # fmt: skip


@pytest.mark.parametrize("description, texts, not_things", TEXTS)
def test_a_quoted_string_is_the_text_of_its_carrier(description, texts, not_things):
    scene = read_description(description)
    assert _texts(scene) == texts, (scene.objects,)
    names = " ".join(_names(scene)).lower()
    for word in not_things:
        assert word not in names.split() and word not in names, (word, names)


def test_a_describing_word_before_a_quoted_string_describes_the_noun_after_it():
    sign = read_description('a big yellow "SALE" banner').objects[0]
    assert (sign.name, sign.text, sign.attributes.color, sign.attributes.size) == ("banner", "SALE", "yellow", "big")


@pytest.mark.parametrize(
    "description",
    ["a man's hat on a dog's head", "don't forget the kids' toys on the table", "the 90s style rock 'n roll poster"],
)
def test_an_apostrophe_inside_or_after_a_word_is_no_quote(description):
    scene = read_description(description)
    assert not _texts(scene)
    assert scene.objects


def test_the_prompt_keeps_the_quoted_text():
    scene = read_description("a sign that says 'OPEN'")
    assert "OPEN" in scene.prompt and "textquote" not in scene.prompt


# (description, style items that must be there, words that must name no object)
STYLES = [
    # artists after 'by' in a lowercase comma list are style, with their 'by', never objects or 'next to'
    ("portrait of a knight, by john doe, by jane roe and max moe, concept art",
     ["by john doe", "by jane roe", "max moe"], ["john", "jane", "max"]),
    ("a lighthouse, art by greg rutkowski and alphonse mucha", ["greg rutkowski", "alphonse mucha"], ["greg", "mucha"]),
    # known artists and sites with no 'by' are style too
    ("a castle, artgerm, greg rutkowski, trending on artstation", ["artgerm", "greg rutkowski", "trending on artstation"],
     ["artgerm", "greg", "artstation"]),
    # render engines, cameras and quality tags are kept as written
    ("a robot, octane render, unreal engine, 8k, hyper realism", ["octane render", "unreal engine", "8k", "hyper realism"],
     ["render", "engine", "realism"]),
    ("a fox, 4 k, hyper detailed photograph", ["4k", "hyper detailed photograph"], ["photograph"]),
    ("an hd painting of a mall", ["hd painting"], ["hd", "painting"]),
    ("a girl, DSLR photo, 35mm film, Leica", ["dslr photo", "35mm film", "leica"], ["dslr", "leica", "film"]),
    ("a dog, award-winning photography, highly detailed", ["award-winning photography", "highly detailed"], ["photography"]),
    ("pepe the frog james jean art style", ["james jean art style"], ["james", "jean"]),
    # a style word that is a whole list item of its own is style; in a noun phrase it describes the thing
    ("a futuristic city, cyberpunk, epic", ["cyberpunk", "epic"], ["cyberpunk", "epic"]),
    ("a studio shot of a vase", ["studio shot"], ["studio", "shot"]),
    # the film a still is taken from is its look, up to the end of the list item; no thing of it is drawn
    ("a film still from the director's cut of The Old Lighthouse, a sailor on a dock",
     ["film still", "the director's cut of the Old Lighthouse"], ["cut", "lighthouse"]),
    ("a screenshot from an old cartoon show starring a talking mouse", ["an old cartoon show"], ["show"]),
]  # fmt: skip


@pytest.mark.parametrize("description, styles, not_things", STYLES)
def test_artists_media_and_quality_words_are_style_as_written(description, styles, not_things):
    scene = read_description(description)
    items = [s.strip() for field in (scene.style, scene.lighting, scene.viewpoint) if field for s in field.split(",")]
    for style in styles:  # an artist may be written 'by X', 'X' or 'X style'
        assert style in items or f"{style} style" in items or f"by {style}" in items, (style, items)
    names = " ".join(_names(scene)).lower().split()
    for word in not_things:
        assert word not in names, (word, names)
    assert not any(r.predicate == "next to" for r in scene.relations)


@pytest.mark.parametrize(
    "description, objects",
    [("a cabin by the lake", ["cabin", "lake"]), ("a dog by water", ["dog", "water"])],
)
def test_a_place_after_by_is_still_next_to(description, objects):
    scene = read_description(description)
    assert _names(scene) == objects
    assert [r.predicate for r in scene.relations] == ["next to"]


def test_lighting_and_viewpoints_keep_every_phrase():
    scene = read_description("a street, cinematic lighting, volumetric lighting, top view, closeup shot")
    assert scene.lighting == "cinematic lighting, volumetric lighting"
    assert scene.viewpoint == "top view, closeup shot"


def test_a_long_style_list_keeps_as_many_items_as_fit():
    artists = ", ".join(f"by {name}" for name in ("greg rutkowski", "alphonse mucha", "james jean", "artgerm") * 3)
    scene = read_description(
        "a knight, digital painting, trending on artstation, concept art, sharp focus, illustration, 8k, "
        f"octane render, unreal engine, cinematic, hyper realism, {artists}, highly detailed, 4k"
    )
    assert scene.style is not None and len(scene.style) <= MAX_PHRASES
    assert {"8k", "4k", "illustration", "concept art", "sharp focus"} <= {s.strip() for s in scene.style.split(",")}


# (description, style/light/view items that must be there, words that must name no object)
STYLE_ITEMS = [
    # a comma-list item made only of style, quality and era words is one style, as written
    ("a knight, fantasy 4k, vintage futuristic", ["fantasy 4k", "vintage futuristic"], ["fantasy", "vintage"]),
    ("a man walking with an umbrella, 8 - bit retro art", ["8-bit retro art"], ["bit", "art"]),
    ("a wolf in armor, 1900s picture", ["1900s picture"], ["picture", "1900s"]),
    # a decade written digit by digit is one word
    ("batman dancing, 1 9 2 0 s television still", ["1920s television still"], ["still", "television"]),
    # a light with style words before it is one lighting phrase
    ("a woman, stunning volumetric lighting", ["stunning volumetric lighting"], ["stunning"]),
    # evaluative words before a medium are styles of their own; a medium or quality tag stays with it
    ("a beautiful photo of the alps", ["beautiful", "photo"], ["photo"]),
    ("a stunning rendition", ["stunning", "rendition"], ["stunning", "rendition"]),
    ("amazing lifelike award winning pencil illustration of a nun",
     ["amazing", "lifelike", "award winning", "pencil illustration"], ["amazing", "lifelike"]),
    ("an hd oil painting of two hands", ["hd oil painting"], ["painting"]),
    # a capitalised run of style words is no name
    ("Digital Animation of three walking Manikins", ["digital animation"], ["digital", "animation"]),
    # genre, still life, digital image, stock ids and credits
    ("an album cover, synthwave genre", ["synthwave genre"], ["genre"]),
    ("Studio still life of a nest. Stock Photo #9553777", ["studio still life", "stock photo"], ["studio"]),
    ("a highly detailed digital image of a woman", ["digital image"], ["digital"]),
    ("Set of seven paper bags Stock photo \u00a9 veralub", ["by veralub"], ["veralub"]),
    # bare names between known artists or sites are artists too; a shouted known name is one name
    ("a fox, makoto shinkai, don!!! bluth!!!, hibbary, dark natasha, furaffinity",
     ["don bluth", "hibbary", "dark natasha"], ["hibbary", "natasha", "don"]),
    # 'art by X' is art, by X; a list item that ends in a school of art is a style
    ("a character, art by yoshitaka amano by artgerm", ["art", "yoshitaka amano", "by artgerm"], ["art", "artgerm"]),
    ("a word, trending on polycount, modular constructivism", ["modular constructivism"], ["constructivism"]),
    ("This is an edited image. There are cars on the road.", ["edited image"], ["image", "edited"]),
    # Midjourney switches that say how it is rendered are style; 'centered in the frame' is a viewpoint
    ("aliens praying, 8k --ar 7:5 --uplight", ["uplight"], ["uplight"]),
    ("letters made of spheres, 3-d rendering, centered in the frame", ["3-d rendering", "centered in the frame"],
     ["3-d"]),
    # a phrase headed by a rendering effect, or by colours, says how the picture looks
    ("a temple at dawn, barrel lens effect, prismatic light refractions", ["barrel lens effect", "prismatic light refractions"],
     ["effect", "refraction"]),
    ("a robot, faded scanlines", ["faded scanlines"], ["scanline"]),
    ("a dragon, glowing pastelwave colors", ["glowing pastelwave colors"], ["pastelwave"]),
    # a medium word and a title after 'in the style of' are styles
    ("cinematography rainy Tokyo alley", ["cinematography"], ["cinematography"]),
    ("timelapse of a harbour in the style of the garden of earthly delights",
     ["timelapse", "garden of earthly delights"], ["timelapse", "garden", "delight"]),
    ("a valley at dusk, spirit of the forest style", ["spirit of the forest style"], ["spirit", "forest"]),
    # a film or game whose look is asked for by title is a style, and so is a site
    ("a zeppelin over a harbour, mad max fury road, trending on pixiv fanbox", ["mad max fury road"],
     ["mad", "road", "fanbox"]),
    # 'of' glued to a name is cut off it; two known artists in a row are two
    ("a harbour in the style ofWinslow Homer", ["winslow homer"], ["ofwinslow", "homer"]),
    ("a harbour in style of claude monet edward hopper", ["claude monet", "edward hopper"], ["monet", "hopper"]),
    # the words that open an item before a picture noun and 'of' say what kind of picture it is
    ("surreal oil painting of two foxes", ["surreal oil painting"], ["surreal"]),
    ("maco photography of a beetle on a leaf", ["maco photography"], ["maco"]),
    ("dark fantasy digital art of a wizard", ["dark fantasy digital art"], ["fantasy"]),
    ("close up formal photo portrait of a mayor", ["formal photo portrait"], ["formal"]),
    ("a watercolour painting of a heron", ["watercolour painting"], ["watercolour"]),
    ("cinematic still of a deep sea diver", ["cinematic still"], ["still"]),
    # how the picture was made, after a medium, names no thing in it
    ("an abstract oil painting made with a palette knife", ["made with a palette knife"], ["knife", "palette"]),
    # a list item of a few words that ends in 'style' is one style
    ("a corgi astronaut, pixar style, 3d render", ["pixar style"], ["pixar"]),
    ("a knight on a horse, cyberpunk style", ["cyberpunk style"], ["cyberpunk"]),
    ("a toy robot, vhs quality, cel shaded", ["vhs quality", "cel shaded"], ["vh", "vhs", "cel"]),
    # a list item of a few words that ends in 'lighting' is the light, not what someone does
    ("an old sailor with a pipe, caravaggio lighting", ["caravaggio lighting"], ["lighting"]),
    # 'still' before a picture noun says what kind of picture it is
    ("a still image of a frozen lake", ["still image"], ["still"]),
    ("still photo from the shooting of a spy film, starring two agents", ["still photo"], ["still", "photo"]),
    # a lens, an aperture or a numbered title spelled digit by digit is read whole; a game's look is a style
    ("a cyborg samurai, cyberpunk 2 0 7 7, 3 5 mm, f 2. 8", ["cyberpunk 2077", "35mm", "f/2.8"],
     ["cyberpunk", "mm", "f"]),
    ("a dwarf cleric wearing chainmail, d & d, hearthstone", ["d & d", "hearthstone"], ["d", "hearthstone"]),
    # a practice of picture making ends a style; a part asked to be drawn with care is no thing of its own
    ("a beetle on a leaf, maco photography, vibrant", ["maco photography"], ["maco"]),
    ("a paladin, highly detailed eyes, perfect hands", ["highly detailed eyes", "perfect hands"], ["eye", "hand"]),
    # what the picture was taken with is never in it
    ("a heron at dawn, taken with a polaroid camera", ["taken with a polaroid camera"], ["camera", "polaroid"]),
    # where the film a still comes from is set is its look too, never a thing in it
    ("a film still from a heist movie set in the Scottish Highlands", ["set in the Scottish Highlands"],
     ["highlands"]),
]  # fmt: skip


@pytest.mark.parametrize("description, styles, not_things", STYLE_ITEMS)
def test_style_list_items_are_read_whole(description, styles, not_things):
    scene = read_description(description)
    items = [s.strip() for field in (scene.style, scene.lighting, scene.viewpoint) if field for s in field.split(",")]
    for style in styles:  # an artist may be written 'X' or 'X style'
        assert style in items or f"{style} style" in items, (style, items)
    names = " ".join(_names(scene)).lower().split()
    for word in not_things:
        assert word not in names, (word, names)


@pytest.mark.parametrize(
    "description, objects",
    [("a futuristic city, street food", ["city", "street food"]), ("a beautiful woman", ["woman"]),
     ("a castle by the lake, 1985", ["castle", "lake"]), ("a dog, tourism", ["dog", "tourism"]),
     ("a knight, greg rutkowski, dragons, fire, trending on artstation", ["knight", "dragon", "fire"])],
)  # fmt: skip
def test_things_next_to_style_words_stay_things(description, objects):
    assert set(objects) <= set(_names(read_description(description)))


def test_a_medium_that_is_a_thing_is_no_style():
    scene = read_description("a woman holding a photo, film grain")
    assert "photo" in _names(scene)
    assert scene.style == "film grain"


# (description, the style the Scene must not have, the colour a thing must have)
IN_COLOUR = [
    ("a tulip that is red in colour", "colour", ("tulip", "red")),
    ("the kettle is silver in color and the cup is blue", "color", ("kettle", "silver")),
    ("a bird, yellowish in colour, on a branch", "colour", ("bird", "yellow")),
]


@pytest.mark.parametrize("description, not_style, coloured", IN_COLOUR)
def test_in_colour_after_a_colour_is_filler_not_style(description, not_style, coloured):
    scene = read_description(description)
    assert not_style not in (scene.style or "").split(", "), scene.style
    assert not_style not in scene.prompt.split(", "), scene.prompt
    name, colour = coloured
    colours = [o.attributes.color or "" for o in scene.objects if o.name == name]
    assert colours and colour in colours[0], (colours, scene.prompt)


def test_in_colour_after_a_medium_is_still_style():
    assert "color" in (read_description("a portrait of a sailor in color").style or "")


# (description, things in the prompt, their counts, things excluded)
WEIGHTS = [
    ("a lighthouse::3 a seagull::1", {"lighthouse": 1, "seagull": 1}, []),
    ("owl ::2 feathers ::1.5 night sky", {"owl": 1}, []),
    ("::4 cathedral", {"cathedral": 1}, []),
    ("a forest path:: a deer::-0.5", {"path": 1}, ["deer"]),
    ("a bakery window::2 bread::1 cats::-.7 --ar 3:2", {"window": 1}, ["cat"]),
    # a Stable Diffusion attention weight or a swap's step counts nothing, and its brackets set off no aside
    ("a (lantern:1.3) on a pier, (misty:0.8)", {"lantern": 1, "pier": 1}, []),
    ("a [heron:crane:0.4] in a pond", {"heron": 1, "pond": 1}, []),
]


@pytest.mark.parametrize(
    "description, names",
    [("a (brass:1.2) kettle on a stove", ["kettle", "stove"]), ("2girls, 1boy, beach", ["girl", "boy", "beach"]),
     ("a [heron:crane:0.4] in a pond", ["heron", "pond"]),
     ("/imagine prompt: a heron in a pond --v 6", ["heron", "pond"]),
     ("https://s.example.net/a1b2 https://s.example.net/c3 a heron in a pond", ["heron", "pond"]),
     ("1girl, solo, long hair, looking at viewer, school uniform", ["girl", "hair", "school uniform"]),
     ("a heron BREAK a pond, reeds <lora:ink_wash:0.7>, embedding:BadHands", ["heron", "pond", "reed"]),
     ("two mugs of cocoa on a wooden table, top view, copy space", ["mug of cocoa", "table"])],
)  # fmt: skip
def test_marks_of_prompt_tools_name_no_things(description, names):
    scene = read_description(description)
    assert [o.name for o in scene.objects] == names, scene.objects
    assert not any(c in scene.prompt for c in ":/[]()<>"), scene.prompt


def test_a_web_ui_negative_prompt_excludes_and_its_settings_give_the_size():
    scene = read_description(
        "a lighthouse on a cliff Negative prompt: fog, boats Steps: 25, Sampler: Euler a, Seed: 7, Size: 768x512"
    )
    assert [o.name for o in scene.objects] == ["lighthouse", "cliff"], scene.objects
    assert "fog" in scene.exclude and "boat" in scene.exclude, scene.exclude
    assert scene.width > scene.height and "Seed" not in scene.prompt, (scene.width, scene.prompt)


@pytest.mark.parametrize("description, counts, excluded", WEIGHTS)
def test_a_multi_prompt_weight_is_no_count_and_below_zero_excludes(description, counts, excluded):
    scene = read_description(description)
    found = {o.name.rsplit(" ", 1)[-1]: o.count for o in scene.objects}
    for name, count in counts.items():
        assert found.get(name) == count, (name, found, scene.prompt)
    for word in excluded:
        assert any(word in e for e in scene.exclude), (word, scene.exclude)
        assert word not in scene.prompt, scene.prompt
    assert "::" not in scene.prompt and not any(c.isdigit() for c in scene.prompt.replace("3:2", "")), scene.prompt


@pytest.mark.parametrize(
    "description, style",
    [("a lighthouse at dusk. Watercolor painting Painting", "watercolor painting"),
     ("a fox in the snow. Pencil sketch Sketch", "pencil sketch")],
)  # fmt: skip
def test_a_style_word_said_twice_running_is_said_once(description, style):
    scene = read_description(description)
    assert style in (scene.style or "").split(", "), scene.style
    assert style in scene.prompt, scene.prompt


# (description, objects, lighting words): weather said of a day or the sky lights the picture, and a place
# named after a time, with nothing before it, is what the picture shows
WEATHER = [
    ("a snowy day in the city", ["city"], ["snowy"]),
    ("an overcast afternoon at the harbor", ["harbor"], ["overcast"]),
    ("a windy morning on the coast", ["coast"], ["windy"]),
    ("a drizzly evening in Lisbon", ["Lisbon"], ["drizzly"]),
    ("night in Kyoto", ["Kyoto"], []),
    ("a sailboat in stormy weather", ["sailboat"], ["stormy weather"]),
]


@pytest.mark.parametrize(("description", "objects", "lights"), WEATHER)
def test_weather_lights_the_picture_and_a_place_after_a_time_is_seen(description, objects, lights):
    scene = read_description(description)
    assert _names(scene) == objects
    for word in lights:
        assert word in (scene.lighting or "")
