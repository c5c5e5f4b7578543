"""The rules planner: what a description must become in the Scene, for any text, offline and fast."""

from __future__ import annotations

import importlib.util
import random
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from limner.agents.planning.base import Planner
from limner.agents.planning.rules.planner import RulesPlanner
from limner.agents.scene.model import MAX_COUNT, MAX_OBJECTS, Attributes, Relation, Scene, SceneObject
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS, PROMPT_WORD_BUDGET, prompt_tokens, write_prompt

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench" / "planner_geneval.py"
GENEVAL = REPO.parent / "shared" / "data" / "geneval_prompts.jsonl"

PLANNER = RulesPlanner()


def plan(description: str, **size) -> Scene:
    return PLANNER.read(description, **size)


def named(scene: Scene, name: str) -> SceneObject:
    matches = [o for o in scene.objects if o.name == name]
    assert matches, f"no {name!r} in {[o.name for o in scene.objects]}"
    return matches[0]


def index_of(scene: Scene, name: str) -> int:
    return [o.name for o in scene.objects].index(name)


def relations(scene: Scene) -> set[tuple[str, str, str]]:
    return {(scene.objects[r.subject].name, r.predicate, scene.objects[r.object].name) for r in scene.relations}


# ---------------------------------------------------------------------------------------------
# What a description becomes: a table of descriptions and what the Scene must contain
# ---------------------------------------------------------------------------------------------

# objects: the exact names and counts; the other keys name things that must hold for some objects.
READINGS = [
    pytest.param(
        "a lighthouse at dusk, watercolor",
        {"objects": {"lighthouse": 1}, "style": "watercolor", "time_of_day": "dusk"},
        id="a thing, a time of day and a medium",
    ),
    pytest.param(
        "two red apples on a wooden table, watercolor",
        {
            "objects": {"apple": 2, "table": 1},
            "colors": {"apple": "red"},
            "materials": {"table": "wood"},
            "relations": {("apple", "on", "table")},
            "style": "watercolor",
        },
        id="counts colours materials and 'on'",
    ),
    pytest.param(
        "a cozy cabin in snowy mountains at night, no people",
        {"objects": {"cabin": 1, "mountain": None}, "time_of_day": "night", "exclude": ["person"]},
        id="a setting at night with people excluded",
    ),
    pytest.param(
        "a photo of a dog right of a teddy bear",
        {"objects": {"dog": 1, "teddy bear": 1}, "relations": {("dog", "right of", "teddy bear")}, "style": "photo"},
        id="'a photo of' is a style and 'right of' a relation",
    ),
    pytest.param(
        "an orange computer mouse",
        {"objects": {"computer mouse": 1}, "colors": {"computer mouse": "orange"}},
        id="orange before a noun is a colour",
    ),
    pytest.param(
        "a photo of an orange", {"objects": {"orange": 1}, "colors": {"orange": None}}, id="orange alone is a fruit"
    ),
    pytest.param(
        "a photo of an orange orange",
        {"objects": {"orange": 1}, "colors": {"orange": "orange"}},
        id="an orange orange is an orange-coloured fruit",
    ),
    pytest.param(
        "a red orange and three oranges",
        {"counts_of_all": [("orange", 1), ("orange", 3)], "colors": {"orange": "red"}},
        id="oranges are counted as fruit",
    ),
    pytest.param(
        "a pair of socks and a pair of scissors",
        {"objects": {"sock": 2, "scissors": 1}},
        id="a pair of socks is two socks but a pair of scissors is one",
    ),
    pytest.param(
        "3 cats and 12 dogs and 40 birds", {"objects": {"cat": 3, "dog": 12, "bird": MAX_COUNT}}, id="digits, clamped"
    ),
    pytest.param(
        "a couple of knives, several buses and a few people",
        {"objects": {"knife": 2, "bus": "several", "person": "a few"}},
        id="quantifier words and irregular plurals",
    ),
    pytest.param("many balloons", {"objects": {"balloon": "many"}}, id="many is a quantity, never a number"),
    pytest.param("apples", {"objects": {"apple": None}}, id="a bare plural has no count (some)"),
    pytest.param("some apples", {"objects": {"apple": None}}, id="some has no count"),
    pytest.param(
        "a herd of elephants", {"objects": {"elephant": "many"}}, id="a collective noun says how many, not a thing"
    ),
    pytest.param("a herd of 7 elephants", {"objects": {"elephant": 7}}, id="a number with a collective is the count"),
    pytest.param(
        "a fire hydrant, a cell phone, a hot dog and two wine glasses",
        {"objects": {"fire hydrant": 1, "cell phone": 1, "hot dog": 1, "wine glass": 2}},
        id="compound names need no class list",
    ),
    pytest.param(
        "a photo of a zorblax quibble next to a vintage borogove snark",
        {
            "objects": {"zorblax quibble": 1, "borogove snark": 1},
            "others": {"borogove snark": "vintage"},
            "relations": {("zorblax quibble", "next to", "borogove snark")},
        },
        id="unknown words are names",
    ),
    pytest.param(
        "a dark red car and a red and white lighthouse",
        {"objects": {"car": 1, "lighthouse": 1}, "colors": {"car": "dark red", "lighthouse": "red and white"}},
        id="shaded and two-colour colours",
    ),
    pytest.param(
        "a metallic robot beside a golden crown and a tiny broken vase",
        {
            "objects": {"robot": 1, "crown": 1, "vase": 1},
            "materials": {"robot": "metal"},
            "colors": {"crown": "gold"},
            "sizes": {"vase": "tiny"},
            "states": {"vase": "broken"},
            "relations": {("robot", "next to", "crown")},
        },
        id="material, golden, size and state",
    ),
    pytest.param(
        "a sleeping cat under a glass table",
        {
            "objects": {"cat": 1, "table": 1},
            "actions": {"cat": "sleeping"},
            "materials": {"table": "glass"},
            "relations": {("cat", "under", "table")},
        },
        id="glass before a noun is a material",
    ),
    pytest.param(
        "a cat sitting on a mat",
        {"objects": {"cat": 1, "mat": 1}, "actions": {"cat": "sitting"}, "relations": {("cat", "on", "mat")}},
        id="a verb after the noun ends the phrase",
    ),
    pytest.param(
        "a cat with green eyes",
        {"objects": {"cat": 1, "eye": None}, "colors": {"eye": "green"}, "relations": {("cat", "with", "eye")}},
        id="parts are things, with their own colour",
    ),
    pytest.param("a house made of candy", {"objects": {"house": 1}, "materials": {"house": "candy"}}, id="made of"),
    pytest.param(
        "a statue of marble", {"objects": {"statue": 1}, "materials": {"statue": "marble"}}, id="of a material"
    ),
    pytest.param("three cups of coffee", {"objects": {"cup of coffee": 3}}, id="a cup of coffee is one thing"),
    pytest.param(
        "a dog to the left of a cat, a bird on the left of a fox",
        {"relations": {("dog", "left of", "cat"), ("bird", "left of", "fox")}},
        id="left of, said two ways",
    ),
    pytest.param(
        "a moon over the sea, a chair beneath a tree, a lamp atop a desk, a cabin by the lake, a house near a river",
        {
            "relations": {
                ("moon", "above", "sea"),
                ("chair", "under", "tree"),
                ("lamp", "on", "desk"),
                ("cabin", "next to", "lake"),
                ("house", "near", "river"),
            }
        },
        id="over beneath atop by near",
    ),
    pytest.param(
        "a bird above a tree, a car below a bridge, a cup on top of a book, a dog in front of a house, "
        "a man behind a wall, a fish inside a bowl",
        {
            "relations": {
                ("bird", "above", "tree"),
                ("car", "below", "bridge"),
                ("cup", "on", "book"),
                ("dog", "in front of", "house"),
                ("man", "behind", "wall"),
                ("fish", "inside", "bowl"),
            }
        },
        id="every relation kind",
    ),
    pytest.param(
        "a goldfish in a bowl and a cabin in a forest",
        {"relations": {("goldfish", "inside", "bowl")}, "objects": {"goldfish": 1, "bowl": 1, "cabin": 1, "forest": 1}},
        id="'in' is inside only for containers",
    ),
    pytest.param(
        "two dogs and a cat on a sofa",
        {"relations": {("dog", "on", "sofa"), ("cat", "on", "sofa")}},
        id="a relation applies to every subject joined by and",
    ),
    pytest.param(
        "Above the city, a full moon",
        {"relations": {("moon", "above", "city")}},
        id="a relation may come before its subject",
    ),
    pytest.param("an astronaut riding a horse", {"relations": {("astronaut", "riding", "horse")}}, id="riding"),
    pytest.param(
        "a man pouring milk into a cup",
        {"objects": {"man": 1, "milk": 1, "cup": 1}, "relations": {("milk", "inside", "cup")}},
        id="a preposition after a verb's object attaches to that object",
    ),
    pytest.param(
        "The Eiffel Tower in a desert, with Dois Irmãos in the background",
        {"objects": {"Eiffel Tower": 1, "desert": 1, "Dois Irmãos": 1}},
        id="capitalised names are kept whole and counted once",
    ),
    pytest.param(
        "A Red Car On A Wooden Table",
        {"objects": {"car": 1, "table": 1}, "colors": {"car": "red"}, "relations": {("car", "on", "table")}},
        id="title case is no sign of a name",
    ),
    pytest.param("a red 1997 Porsche", {"objects": {"Porsche": 1}}, id="a year is not a count"),
    pytest.param("no text or watermark", {"objects": {}, "exclude": ["text", "watermark"]}, id="negated list"),
    pytest.param(
        "a street at night without cars, not a single person",
        {"objects": {"street": 1}, "exclude": ["car", "person"]},
        id="without and not a single",
    ),
    pytest.param(
        "a busy street with cars, no cars",
        {"objects": {"street": 1}, "exclude": ["car"]},
        id="an excluded thing is never an object",
    ),
    pytest.param("an oil painting of a ship", {"objects": {"ship": 1}, "style": "oil painting"}, id="oil painting"),
    pytest.param("a pencil sketch of an owl", {"objects": {"owl": 1}, "style": "pencil sketch"}, id="pencil sketch"),
    pytest.param("anime girl with a sword", {"objects": {"girl": 1, "sword": 1}, "style": "anime"}, id="anime"),
    pytest.param("pixel art castle", {"objects": {"castle": 1}, "style": "pixel art"}, id="pixel art"),
    pytest.param("a 3d render of a chair", {"objects": {"chair": 1}, "style": "3d render"}, id="3d render"),
    pytest.param("a photograph of a bridge", {"objects": {"bridge": 1}, "style": "photograph"}, id="photograph"),
    pytest.param(
        "a vase of flowers in the style of Van Gogh",
        {"objects": {"vase": 1, "flower": None}, "style": "van gogh style"},
        id="in the style of an artist",
    ),
    pytest.param(
        "photorealistic portrait of an old man",
        {"objects": {"man": 1}, "others": {"man": "old"}, "style": "photorealistic", "viewpoint": "portrait"},
        id="photorealistic portrait",
    ),
    pytest.param(
        "a close-up of a bee on a flower",
        {"viewpoint": "close-up", "relations": {("bee", "on", "flower")}},
        id="close-up",
    ),
    pytest.param("aerial view of a city", {"objects": {"city": 1}, "viewpoint": "aerial view"}, id="aerial view"),
    pytest.param("a wide shot of a beach", {"objects": {"beach": 1}, "viewpoint": "wide shot"}, id="wide shot"),
    pytest.param("a forest seen from above", {"objects": {"forest": 1}, "viewpoint": "from above"}, id="from above"),
    pytest.param("a harbor at golden hour", {"objects": {"harbor": 1}, "time_of_day": "golden hour"}, id="golden hour"),
    pytest.param("a city at sunrise", {"time_of_day": "dawn"}, id="sunrise is dawn"),
    pytest.param("a castle at midnight", {"time_of_day": "night"}, id="midnight is night"),
    pytest.param("a field at sunset", {"time_of_day": "sunset"}, id="sunset"),
    pytest.param("a room in soft light", {"lighting": "soft light"}, id="soft light"),
    pytest.param("a dancer, dramatic lighting", {"lighting": "dramatic lighting"}, id="dramatic lighting"),
    pytest.param("a neon sign", {"objects": {"sign": 1}, "lighting": "neon"}, id="neon"),
    pytest.param("a backlit tree", {"objects": {"tree": 1}, "lighting": "backlit"}, id="backlit"),
    pytest.param("a table by candlelight", {"objects": {"table": 1}, "lighting": "candlelight"}, id="candlelight"),
    pytest.param("a garden in pastel colors", {"palette": ["pale pink", "pale blue"]}, id="pastel colours"),
    pytest.param("a city in shades of blue and purple", {"palette": ["blue", "purple"]}, id="shades of"),
    pytest.param(
        "a red apple on a white background",
        {"objects": {"apple": 1, "background": 1}, "colors": {"background": "white"}, "palette": ["white"]},
        id="a coloured background is the background, and its colour the palette's",
    ),
]


@pytest.mark.parametrize("description, expected", READINGS)
def test_a_description_is_read_into_the_scene(description: str, expected: dict):
    scene = plan(description)
    if "objects" in expected and "counts_of_all" not in expected:
        assert {o.name: o.count or o.quantity for o in scene.objects} == expected["objects"]
        assert len(scene.objects) == len(expected["objects"])
    if "counts_of_all" in expected:
        assert sorted((o.name, o.count or o.quantity) for o in scene.objects) == sorted(expected["counts_of_all"])
    for key, field in (
        ("colors", "color"), ("materials", "material"), ("sizes", "size"), ("states", "state"), ("actions", "action")
    ):  # fmt: skip
        for name, value in expected.get(key, {}).items():
            assert getattr(named(scene, name).attributes, field) == value, f"{name}.{field}"
    for name, word in expected.get("others", {}).items():
        assert word in named(scene, name).attributes.other
    assert expected.get("relations", set()) <= relations(scene)
    for field in ("style", "time_of_day", "lighting", "viewpoint"):
        if field in expected:
            assert getattr(scene, field) == expected[field], field
    if "exclude" in expected:
        assert scene.exclude == expected["exclude"]
    for colour in expected.get("palette", []):
        assert colour in scene.palette


def test_a_material_is_stored_as_a_noun_so_its_check_reads_well():
    questions = [c.question for c in plan("a wooden table").checks()]
    assert "Is the table made of wood?" in questions


def test_a_long_prompt_in_the_style_of_partiprompts_keeps_its_main_facts():
    scene = plan(
        "A raccoon wearing formal clothes, wearing a tophat and holding a cane. "
        "The raccoon is holding a garbage bag. Oil painting in the style of Rembrandt."
    )
    names = [o.name for o in scene.objects]
    assert names[0] == "raccoon" and names.count("raccoon") == 1  # 'The raccoon' is the same raccoon
    assert {"tophat", "cane", "garbage bag"} <= set(names)
    assert scene.style == "oil painting, rembrandt style"


# ---------------------------------------------------------------------------------------------
# Odd input
# ---------------------------------------------------------------------------------------------

_rng = random.Random(1234)
JUNK = "".join(_rng.choice(string.printable + "éß漢字🙂\u200b") for _ in range(4000))
ODD_INPUTS = [
    pytest.param("", id="empty"),
    pytest.param("   \n\t  ", id="blank"),
    pytest.param("🙂🎨🙂", id="emoji"),
    pytest.param("!!! ??? ...", id="punctuation"),
    pytest.param("\x00\x07a red\x1b[31m apple\x7f on a table\u200b", id="control characters"),
    pytest.param("a red \ud800 apple \udfff", id="lone surrogates"),
    pytest.param("cafe\u0301 au lait, pi\u00f1ata", id="combining accents"),
    pytest.param(JUNK, id="4000 characters of junk"),
    pytest.param("cat " * 3000, id="longer than the limit"),
    pytest.param("of of the the and a a an with by in", id="only grammar words"),
    pytest.param("99999999999999999999 cats", id="a huge number"),
    pytest.param("0 cats", id="zero"),
    pytest.param("no", id="a lone negation"),
    pytest.param("between and between", id="an unfinished between"),
    pytest.param("it is red. they are on it.", id="pronouns with nothing to refer to"),
    pytest.param("a cat on a cat on a cat left of a cat right of a cat", id="a relation cycle of one name"),
    pytest.param("a b c d e f g h i j k l m n o p q r s t u v w x y z " * 10, id="letters"),
]


@pytest.mark.parametrize("description", ODD_INPUTS)
def test_odd_input_never_raises_and_gives_a_valid_scene(description: str, caplog: pytest.LogCaptureFixture):
    scene = plan(description)
    assert not caplog.records, "the grammar itself must cope, not the last-resort fallback"
    assert isinstance(scene, Scene)
    assert scene.prompt
    assert len(scene.prompt.split()) <= PROMPT_WORD_BUDGET
    assert len(scene.objects) <= MAX_OBJECTS
    assert all(o.box is not None for o in scene.objects)
    Scene.model_validate(scene.model_dump())  # still valid after a round trip


def test_text_with_nothing_to_name_gives_no_objects_and_its_own_words_as_the_prompt():
    scene = plan("  🙂 !!! 🙂  ")
    assert scene.objects == []
    assert scene.prompt == "🙂 !!! 🙂"


def test_control_characters_are_dropped_before_reading():
    scene = plan("a red\x00 apple\n\ton a\x1b table")
    assert {o.name for o in scene.objects} == {"apple", "table"}
    assert named(scene, "apple").attributes.color == "red"


def test_a_description_that_only_excludes_does_not_ask_for_what_it_excludes():
    scene = plan("no people")
    assert scene.exclude == ["person"]
    assert "people" not in scene.prompt and "person" not in scene.prompt
    assert scene.negative_prompt == "person"


def test_zero_of_something_excludes_it():
    assert plan("a street with 0 cars").exclude == ["car"]


# ---------------------------------------------------------------------------------------------
# The Scene around the objects
# ---------------------------------------------------------------------------------------------


def test_the_intent_is_the_users_words_and_the_size_is_passed_through():
    scene = plan("  A Lighthouse at dusk  ", width=768, height=512)
    assert scene.intent == "A Lighthouse at dusk"
    assert (scene.width, scene.height) == (768, 512)
    assert (scene.seed, scene.steps, scene.guidance) == (None, None, None)


def test_the_intent_is_cut_to_the_scene_limit():
    assert len(plan("x" * 5000).intent) == 4000


def test_the_same_description_always_gives_the_same_scene():
    description = "two red apples and a pear on a wooden table next to a window, watercolor, no text"
    first = RulesPlanner().read(description)
    second = RulesPlanner().read(description)
    assert first == second
    assert first.fingerprint() == second.fingerprint()


def test_the_rules_planner_is_a_planner_named_rules():
    assert isinstance(PLANNER, Planner)
    assert RulesPlanner.name == "rules"


# ---------------------------------------------------------------------------------------------
# The prompt
# ---------------------------------------------------------------------------------------------


def test_the_prompt_puts_objects_first_then_style_light_and_viewpoint():
    scene = plan("watercolor, close-up, at dusk: two red apples on a wooden table, no text")
    assert scene.prompt.startswith("two red apples on a wooden table")
    assert scene.prompt.index("watercolor") < scene.prompt.index("dusk") < scene.prompt.index("close-up")
    assert scene.negative_prompt == "text"


def test_the_prompt_stays_within_the_token_budget_dropping_the_least_important_first():
    description = (
        "a huge ancient stone castle on a green hill next to a calm blue lake with three white swans, "
        "a red dragon above the castle, a knight in silver armor in front of the castle, a wooden bridge "
        "over a river, a small village behind the hill, tall pine trees, oil painting, dramatic lighting, "
        "at sunset, wide shot, in shades of orange and purple, highly detailed"
    )
    scene = plan(description)
    assert 60 <= prompt_tokens(scene.prompt) <= CLIP_PROMPT_TOKENS
    assert scene.prompt.startswith("a huge ancient stone castle on a green hill")
    assert "color palette" not in scene.prompt  # the palette goes first


def test_write_prompt_can_be_reused_for_any_scene():
    scene = Scene(
        intent="apples",
        prompt="placeholder",
        style="watercolor",
        time_of_day="dusk",
        objects=[
            SceneObject(name="apple", count=2, attributes=Attributes(color="red")),
            SceneObject(name="table", attributes=Attributes(material="wood")),
        ],
        relations=[Relation(subject=0, predicate="on", object=1)],
        exclude=["person", "text"],
    )
    assert write_prompt(scene) == ("two red apples on a wooden table, watercolor, at dusk", "person, text")


def test_things_that_come_in_pairs_and_plural_only_nouns_read_naturally():
    assert plan("a photo of a skis").prompt.startswith("a pair of skis")
    assert plan("a raccoon in formal clothes").prompt.startswith("a raccoon in formal clothes")


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------


def centre(box):
    x, y, w, h = box
    return x + w / 2, y + h / 2


def overlap(a, b) -> float:
    """Intersection over the smaller box's area."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    return w * h / min(aw * ah, bw * bh)


def boxes_of(description: str) -> dict[str, tuple[float, float, float, float]]:
    scene = plan(description)
    return {o.name: o.box for o in scene.objects}


@pytest.mark.parametrize(
    "description, holds",
    [
        ("a dog left of a cat", lambda b: centre(b["dog"])[0] < centre(b["cat"])[0]),
        ("a dog right of a cat", lambda b: centre(b["dog"])[0] > centre(b["cat"])[0]),
        ("a kite above a car", lambda b: centre(b["kite"])[1] < centre(b["car"])[1]),
        ("a couch below a cup", lambda b: centre(b["couch"])[1] > centre(b["cup"])[1]),
        ("a cat under a table", lambda b: centre(b["cat"])[1] > centre(b["table"])[1]),
        (
            "a cup on a table",
            lambda b: b["cup"][1] + b["cup"][3] <= b["table"][1] + b["table"][3] / 2
            and b["table"][0] <= centre(b["cup"])[0] <= b["table"][0] + b["table"][2],
        ),
        (
            "a fish inside a bowl",
            lambda b: b["bowl"][0] <= b["fish"][0]
            and b["fish"][0] + b["fish"][2] <= b["bowl"][0] + b["bowl"][2] + 1e-9
            and b["bowl"][1] <= b["fish"][1]
            and b["fish"][1] + b["fish"][3] <= b["bowl"][1] + b["bowl"][3] + 1e-9,
        ),
        (
            "a dog in front of a house",
            lambda b: b["dog"][1] + b["dog"][3] >= b["house"][1] + b["house"][3] and overlap(b["dog"], b["house"]) > 0,
        ),
        ("a tree behind a house", lambda b: b["tree"][1] + b["tree"][3] < b["house"][1] + b["house"][3]),
        ("a lamp next to a chair", lambda b: overlap(b["lamp"], b["chair"]) == 0),
        (
            "a cat on the left and a dog on the right",
            lambda b: centre(b["cat"])[0] < centre(b["dog"])[0],
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_boxes_honour_the_relations(description: str, holds):
    assert holds(boxes_of(description))


def test_a_chain_of_relations_is_laid_out_consistently():
    b = boxes_of("a cat left of a dog, the dog left of a bird, a ball above the dog")
    assert centre(b["cat"])[0] < centre(b["dog"])[0] < centre(b["bird"])[0]
    assert centre(b["ball"])[1] < centre(b["dog"])[1]


def test_unrelated_objects_do_not_overlap_and_bigger_things_get_bigger_boxes():
    b = boxes_of("a cup, a table, an apple and a bed")
    names = list(b)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            assert overlap(b[first], b[second]) == 0, (first, second)
    area = {name: box[2] * box[3] for name, box in b.items()}
    assert area["table"] > area["cup"] and area["bed"] > area["apple"]


def test_a_sky_is_drawn_as_a_band_across_the_top():
    assert boxes_of("a bird in the sky")["sky"][:3] == (0.0, 0.0, 1.0)


@pytest.mark.parametrize("width, height", [(512, 512), (1024, 512), (512, 1024), (64, 2048)])
def test_every_box_lies_on_the_canvas_whatever_its_shape(width: int, height: int):
    descriptions = [p.values[0] for p in READINGS] + [
        "twelve huge elephants on a tiny cup above a giant whale left of a bus on a bed inside a box"
    ]
    for description in descriptions:
        for obj in plan(description, width=width, height=height).objects:
            x, y, w, h = obj.box
            assert 0 <= x and 0 <= y and 0 < w <= 1 and 0 < h <= 1 and x + w <= 1.0001 and y + h <= 1.0001


# ---------------------------------------------------------------------------------------------
# The GenEval bench
# ---------------------------------------------------------------------------------------------


def _load_bench():
    spec = importlib.util.spec_from_file_location("planner_geneval", BENCH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_the_bench_scoring_can_fail():
    bench = _load_bench()
    include = [
        {"class": "cow", "count": 1},
        {"class": "laptop", "count": 1, "color": "red", "position": ["left of", 0]},
    ]
    right = plan("a red laptop left of a cow")
    assert bench.judge(right, include).correct
    assert bench.judge(plan("a cow right of a red laptop"), include).correct  # the same fact, inverted
    assert not bench.judge(plan("a red laptop right of a cow"), include).positions
    assert not bench.judge(plan("a blue laptop left of a cow"), include).colors
    assert not bench.judge(plan("two red laptops left of a cow"), include).counts
    assert not bench.judge(plan("a red laptop left of a cow and a dog"), include).objects


@pytest.mark.slow
@pytest.mark.skipif(not GENEVAL.is_file(), reason=f"no GenEval prompts at {GENEVAL}")
def test_the_rules_planner_reads_geneval_prompts_correctly():
    result = subprocess.run(
        [sys.executable, str(BENCH), "--data", str(GENEVAL)], capture_output=True, text=True, timeout=120, check=True
    )
    last = result.stdout.strip().splitlines()[-1]
    match = re.fullmatch(
        r"planner_geneval: planner=rules overall=(\d\.\d{3}) single_object=\S+ two_object=\S+ counting=\S+ "
        r"colors=\S+ position=\S+ color_attr=\S+ ms_per_prompt=\S+ no_scene=0\.000 n=553",
        last,
    )
    assert match, last
    assert float(match.group(1)) >= 0.95


# -- style, camera and quality words, artists and Midjourney parameters -----------------------------

# (description, size asked for, size expected): '--ar W:H' keeps the pixel count, sides multiples of 8.
ASPECTS = [
    ("a castle on a hill --ar 16:9", (512, 512), (680, 384)),
    ("a castle on a hill --ar 9:16 --v 5", (512, 512), (384, 680)),
    ("a lighthouse --aspect 2:3", (1024, 1024), (840, 1256)),
    ("a ship --w 8988 --h 6024", (512, 512), (624, 416)),
    ("a ship \u2014ar 3:2 --niji 5", (512, 512), (624, 416)),
    ("a banner --ar 100:1", (512, 512), (1024, 256)),  # at most 4:1
    ("a castle --ar 16:9", (2048, 2048), (2048, 1152)),  # within the Scene's sides and pixels
    ("a castle --q 2", (512, 768), (512, 768)),  # no aspect: the size asked for
]


@pytest.mark.parametrize("description, size, expected", ASPECTS)
def test_a_midjourney_ar_sets_the_aspect(description, size, expected):
    scene = plan(description, width=size[0], height=size[1])
    assert (scene.width, scene.height) == expected
    assert scene.width % 8 == 0 and scene.height % 8 == 0 and scene.width * scene.height <= 4_200_000


# (description, the objects, the exclusions): parameters never become objects; '--no' excludes.
PARAMETERS = [
    ("c3po --no humans", ["c3po"], ["human"]),
    ("a forest --no humans, text --s 750 --chaos 20 --seed 5", ["forest"], ["human", "text"]),
    ("a castle on a hill --ar 16:9 --v 5 --q 2 --stylize 250", ["castle", "hill"], []),
    ("a ship --w 8988 --h 6024 --niji --tile --style raw", ["ship"], []),
    ("a red car --version 5.2 --iw 2 --weird 100 --no trees and people", ["car"], ["tree", "person"]),
]


@pytest.mark.parametrize("description, objects, exclude", PARAMETERS)
def test_midjourney_parameters_are_dropped_or_excluded(description, objects, exclude):
    scene = plan(description)
    assert [o.name for o in scene.objects] == objects
    assert scene.exclude == exclude
    assert "--" not in scene.prompt


# Quality, camera, lens and film words: style (or viewpoint), never objects.
QUALITY_WORDS = [
    ("a cat, 4k, 8k, hd, uhd, highly detailed, ultra realistic", ["4k", "8k", "highly detailed"]),
    ("a cat, photorealistic, hyperrealistic, masterpiece, best quality", ["photorealistic", "hyperrealistic"]),
    ("a dog, trending on artstation, octane render, unreal engine", ["trending on artstation", "octane render"]),
    ("a dog, ray tracing, award winning, sharp focus", ["ray tracing", "award winning", "sharp focus"]),
    ("a vehicle flying through a city 4 k, hyper detailed photograph", ["4k"]),
    ("a woman, 35mm film, 50mm, f/1.8", ["35mm film", "50mm lens", "f/1.8"]),
    ("a portrait of a woman, shot on Leica, Hasselblad", ["leica", "hasselblad"]),
    ("an old man, Kodak Portra 400, IMAX", ["kodak portra 400", "imax"]),
    ("a man, depth of field, tilt shift, DSLR, polaroid", ["depth of field", "tilt shift", "dslr"]),
    ("a fox in the snow, bokeh, f2.8", ["bokeh", "f2.8"]),
]


@pytest.mark.parametrize("description, styles", QUALITY_WORDS)
def test_quality_and_camera_words_are_style_not_objects(description, styles):
    scene = plan(description)
    names = " ".join(o.name.lower() for o in scene.objects)
    for word in ("4k", "8k", " k", "hd", "render", "engine", "artstation", "ray", "leica", "hasselblad"):
        assert word not in f" {names}", (word, names)
    for word in ("kodak", "imax", "dslr", "mm", "f/", "tilt", "bokeh", "masterpiece", "quality"):
        assert word not in names, (word, names)
    assert scene.style is not None
    for style in styles:
        assert style in scene.style, (style, scene.style)


def test_wide_angle_is_a_viewpoint():
    scene = plan("a man on a beach, wide angle")
    assert scene.viewpoint == "wide angle" and [o.name for o in scene.objects] == ["man", "beach"]


# (description, the objects, the relations, words the style must hold)
ARTISTS = [
    ("a spaceship by Peter Elson, Chris Moore, Jim Burns", ["spaceship"], [], ["by Peter Elson, Chris Moore, Jim Burns"]),
    ("a lighthouse by Ivan Aivazovsky", ["lighthouse"], [], ["Ivan Aivazovsky"]),
    ("a painting of a fox by Claude Monet", ["fox"], [], ["Claude Monet"]),
    ("a city, in the style of Moebius, art by Greg Rutkowski and Alphonse Mucha", ["city"], [],
     ["moebius", "greg rutkowski", "alphonse mucha"]),
    ("a boat, a watercolor painting by monet", ["boat"], [], ["monet"]),
    ("a chair by the window", ["chair", "window"], [("chair", "next to", "window")], []),
    ("a cabin by a lake at dusk", ["cabin", "lake"], [("cabin", "next to", "lake")], []),
    ("a cabin by Lake Tahoe", ["cabin", "Lake Tahoe"], [("cabin", "next to", "Lake Tahoe")], []),
    ("a dog by the Eiffel Tower", ["dog", "Eiffel Tower"], [("dog", "next to", "Eiffel Tower")], []),
]  # fmt: skip


@pytest.mark.parametrize("description, objects, relations, styles", ARTISTS)
def test_an_artist_after_by_is_style_a_place_after_by_is_next_to(description, objects, relations, styles):
    scene = plan(description)
    assert [o.name for o in scene.objects] == objects
    named = [(scene.objects[r.subject].name, r.predicate, scene.objects[r.object].name) for r in scene.relations]
    assert named == relations
    for style in styles:
        assert scene.style and style in scene.style, (style, scene.style)


# -- repeated mentions: a definite or bare mention of a thing already read is that thing -------------

# (description, the objects as (name, count), the relations as (subject, predicate, object) names)
MENTIONS = [
    (  # a bare mention in a short list refers to the thing already there, with all its relations
        "bus in street. person next to traffic light. wheel on car. person on sidewalk.",
        [("bus", 1), ("street", 1), ("person", 1), ("traffic light", 1), ("wheel", 1), ("car", 1), ("sidewalk", 1)],
        {
            ("bus", "in", "street"),
            ("person", "next to", "traffic light"),
            ("wheel", "on", "car"),
            ("person", "on", "sidewalk"),
        },
    ),
    ("a cat on a mat. cat is asleep.", [("cat", 1), ("mat", 1)], {("cat", "on", "mat")}),
    ("a cat and a dog. the cat is black", [("cat", 1), ("dog", 1)], set()),
    ("three dogs on a lawn. the dogs are brown.", [("dog", 3), ("lawn", 1)], {("dog", "on", "lawn")}),
    # an indefinite mention adds another, whatever it looks like
    ("a red car and a blue car", [("car", 1), ("car", 1)], set()),
    ("a car. a car.", [("car", 1), ("car", 1)], set()),
    # a mention whose colour disagrees is another thing, bare or definite
    ("red car and blue car", [("car", 1), ("car", 1)], set()),
    ("a red car. the blue car.", [("car", 1), ("car", 1)], set()),
    # a thing is not related to itself: the object of a relation is another one
    ("person next to person", [("person", 1), ("person", 1)], {("person", "next to", "person")}),
    ("the car behind the car", [("car", 1), ("car", 1)], {("car", "behind", "car")}),
]


@pytest.mark.parametrize("description, objects, relations", MENTIONS)
def test_a_definite_or_bare_mention_refers_to_the_thing_already_there(description, objects, relations):
    scene = plan(description)
    assert [(o.name, o.count) for o in scene.objects] == objects
    names = [o.name for o in scene.objects]
    assert {(names[r.subject], r.predicate, names[r.object]) for r in scene.relations} == relations


def test_a_later_mention_describes_the_thing_already_there():
    scene = plan("a cat and a dog. the cat is black")
    assert named(scene, "cat").attributes.color == "black"
    colours = [o.attributes.color for o in plan("a red car. the red car is shiny. the blue car.").objects]
    assert colours == ["red", "blue"]


def test_the_definite_mention_finds_the_thing_its_colour_agrees_with():
    scene = plan("a red car and a blue car. the blue car is on a road.")
    assert [(o.name, o.attributes.color) for o in scene.objects] == [("car", "red"), ("car", "blue"), ("road", None)]
    assert [(r.subject, r.predicate, r.object) for r in scene.relations] == [(1, "on", 2)]


def test_repeated_mentions_do_not_fill_the_scene():
    scene = plan(" ".join(["cat on mat."] * MAX_OBJECTS * 2) + " a dog")
    assert [(o.name, o.count) for o in scene.objects] == [("cat", 1), ("mat", 1), ("dog", 1)]


def test_a_full_scene_takes_a_new_mention_of_a_thing_it_has_as_that_thing():
    things = [f"thing{n}" for n in range(MAX_OBJECTS - 1)] + ["mat"]
    scene = plan(". ".join(f"a {t}" for t in things) + ". a mat on a thing0.")
    assert [o.name for o in scene.objects] == things
    assert [(r.subject, r.predicate, r.object) for r in scene.relations] == [(MAX_OBJECTS - 1, "on", 0)]


# -- collective counts: a set, pair, dozen, couple, trio, group ... of X is X, that many --------------

COLLECTIVES = [
    ("a set of four baseball stamps", "stamp", 4),
    ("a set of twelve stamps", "stamp", 12),
    ("a pair of shoes", "shoe", 2),
    ("a pair of scissors", "scissors", 1),  # one pair of scissors
    ("a dozen eggs", "egg", 12),
    ("half a dozen eggs", "egg", 6),
    ("a couple of birds", "bird", 2),
    ("a trio of ducks", "duck", 3),
    ("a bunch of 3 bananas", "banana", 3),
]


@pytest.mark.parametrize("description, head, count", COLLECTIVES)
def test_a_set_of_n_counts_n(description: str, head: str, count: int):
    (thing,) = plan(description).objects
    assert thing.name.rsplit(" ", 1)[-1] == head
    assert thing.count == count


@pytest.mark.parametrize("collective", ["group", "bunch", "flock", "herd", "crowd", "set", "pack"])
def test_a_group_of_things_is_several_of_them_not_a_group(collective: str):
    (thing,) = plan(f"a {collective} of horses on a hill").objects[:1]
    assert thing.name == "horse"
    assert thing.count is None and thing.quantity in ("several", "many")
    assert collective not in [o.name for o in plan(f"a {collective} of horses").objects]


@pytest.mark.parametrize(
    "description, action",
    [("a family of four walking on a beach", "walking"), ("a team of 4 posing", "posing"), ("a crew of four", None)],
)
def test_a_group_of_people_counted_by_a_number_alone_is_that_many_people(description: str, action: str | None):
    people = named(plan(description), "person")
    assert people.count == 4 and people.attributes.action == action
    assert named(plan("a team of four players"), "player").count == 4  # a noun after the number is what it counts


def test_a_collective_count_above_the_limit_is_the_limit():
    assert named(plan("a set of 40 stamps"), "stamp").count == MAX_COUNT
    assert named(plan("a couple of dozen eggs"), "egg").count <= MAX_COUNT


# -- relative clauses: 'that', 'which', 'who' open a clause about the thing before -------------------

RELATIVE_CLAUSES = [
    ("a cat that sits on a mat", {"cat", "mat"}, ("cat", "on", "mat"), "a cat sitting on a mat"),
    ("a woman that carries a basket", {"woman", "basket"}, ("woman", "carrying", "basket"), None),
    ("a goose that flies over a pond", {"goose", "pond"}, ("goose", "flying over", "pond"), "a goose flying over a pond"),
    ("a gull which flies above the waves", {"gull", "wave"}, ("gull", "above", "wave"), "a gull flying above waves"),
    ("a robot who walks through a door", {"robot", "door"}, ("robot", "walking through", "door"), None),
]


@pytest.mark.parametrize("description, names, relation, prompt", RELATIVE_CLAUSES)
def test_a_relative_clause_says_what_the_thing_before_it_does(description, names, relation, prompt):
    scene = plan(description)
    assert {o.name for o in scene.objects} == names, "the verb is no thing of its own"
    assert relation in relations(scene)
    if prompt:
        assert write_prompt(scene)[0] == prompt


def test_that_before_one_thing_is_still_a_determiner():
    scene = plan("a man holding that cup")
    assert {o.name for o in scene.objects} == {"man", "cup"} and ("man", "holding", "cup") in relations(scene)
    assert {o.name for o in plan("fruit flies on a banana").objects} == {"fruit fly", "banana"}


# -- lengths: a number and a unit name no thing -------------------------------------------------------

LENGTHS = [
    ("a goat standing a few feet in front of a barn", {"goat", "barn"}, ("goat", "in front of", "barn"), {}),
    ("a lamp hanging two meters above a desk", {"lamp", "desk"}, ("lamp", "above", "desk"), {}),
    ("a 12 feet tall statue in a park", {"statue", "park"}, ("statue", "in", "park"), {"statue": "12-foot-tall"}),
    ("a huge snake, 30 meters long", {"snake"}, None, {"snake": "long"}),
    ("a horse with four feet in the mud", {"horse", "foot", "mud"}, ("foot", "in", "mud"), {}),
]


@pytest.mark.parametrize("description, names, relation, described", LENGTHS)
def test_a_length_says_how_far_or_how_big_and_names_no_thing(description, names, relation, described):
    scene = plan(description)
    assert {o.name for o in scene.objects} == names
    if relation:
        assert relation in relations(scene)
    for name, word in described.items():
        assert word in named(scene, name).attributes.other


# -- places: a well-known place written in lowercase is a name ----------------------------------------


def test_a_well_known_place_in_lowercase_is_a_name():
    cafe = plan("a cafe in paris")
    assert [o.name for o in cafe.objects] == ["cafe"] and "Paris" in cafe.objects[0].attributes.other
    square = plan("a dog on a bench in times square")
    assert ("bench", "in", "Times Square") in relations(square), "a place one sees is a thing of the picture"
    assert "a dog on a bench in Times Square" in write_prompt(square)[0]
    assert {o.name for o in plan("a dolphin on saturn").objects} == {"dolphin", "Saturn"}
    assert [o.name for o in plan("the statue of liberty at dawn").objects] == ["Statue of Liberty"]
    # words that are also common nouns stay common nouns
    assert {o.name for o in plan("white china plates next to a roast turkey").objects} == {"china plate", "roast turkey"}


# -- each other: every one of the subjects does it to the others ------------------------------------


def test_things_doing_one_thing_to_each_other_each_do_it():
    pair = plan("a fox and a badger staring at each other")
    assert {("fox", "staring at", "badger"), ("badger", "staring at", "fox")} <= relations(pair)
    assert write_prompt(pair)[0] == "a fox and a badger staring at each other"
    goats = plan("two goats butting one another on a hill")
    assert [o.name for o in goats.objects] == ["goat", "hill"], "'each other' names no thing"
    assert "butting each other" in goats.objects[0].attributes.other and ("goat", "on", "hill") in relations(goats)
    facing = plan("two boxers facing each other")
    assert write_prompt(facing)[0] == "two boxers facing each other"
    assert ("man", "facing", "wall") in relations(plan("a man facing a wall")), "'facing' says more than 'near'"


# -- pronouns: the last thing the pronoun can mean, not the last noun -----------------------------

# (description, {name: state or other word it must carry}, relations that must hold (subject, predicate, object))
PRONOUNS = [
    (  # a pronoun after a person refers to the person, not the last noun
        "A man in a red coat walks. He is jumping on top of a black skateboard",
        {"man": "jumping"},
        {("man", "on", "skateboard")},
    ),
    ("A boy next to a tree. He is on a bench", {}, {("boy", "on", "bench"), ("boy", "next to", "tree")}),
    ("A woman holds a cat. She is smiling", {"woman": "smiling"}, set()),
    # "he" and "she" each find their own person
    ("A man and a woman. He is tall. She is smiling", {"man": "tall", "woman": "smiling"}, set()),
    ("A woman beside a man with a hat. She is laughing", {"woman": "laughing"}, set()),
    # 'it' skips people
    ("A dog next to a girl. It is sleeping", {"dog": "sleeping"}, set()),
    ("A lamp and a chef. It is on the table", {}, {("lamp", "on", "table")}),
    # 'they' is the last plural thing, else the subjects of the sentence before
    ("A boy and two dogs. They are running", {"dog": "running"}, set()),
    ("A cat and a dog sit. They are sleeping", {"cat": "sleeping", "dog": "sleeping"}, set()),
    # with no person to mean, "he" is the subject of the sentence before
    ("A dog near a bowl. He is sleeping", {"dog": "sleeping"}, set()),
]


def _carries(thing: SceneObject, word: str) -> bool:
    return word in (thing.attributes.state, thing.attributes.action, *thing.attributes.other)


@pytest.mark.parametrize("description, carried, holds", PRONOUNS)
def test_a_pronoun_refers_to_the_last_thing_it_can_mean(description, carried, holds):
    scene = plan(description)
    for name, word in carried.items():
        assert _carries(named(scene, name), word), (name, word, scene.objects)
        others = [o for o in scene.objects if o.name not in carried]
        assert not any(_carries(o, word) for o in others), (word, scene.objects)
    assert holds <= relations(scene)


def test_a_pronoun_that_is_not_a_subject_changes_nothing():
    assert [o.name for o in plan("a cup with a spoon in it").objects] == ["cup", "spoon"]
    scene = plan("A man walks a dog. He holds it.")
    assert [o.name for o in scene.objects] == ["man", "dog"]
