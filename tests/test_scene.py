"""The Scene model: bounds that make any valid Scene safe to render, and the checks derived from it."""

from __future__ import annotations

import json

import pytest
from limner.agents import Attributes, Relation, Scene, SceneObject, scene_json_schema
from limner.agents.scene.composition import layout_boxes
from limner.agents.scene.english import pluralize
from limner.agents.scene.noun_phrases import noun_phrase
from limner.agents.scene.prompting import write_prompt
from pydantic import ValidationError


def apples_on_table(**overrides) -> Scene:
    fields = dict(
        intent="two red apples on a wooden table, watercolor, no text",
        prompt="two red apples on a wooden table, watercolor",
        style="watercolor",
        time_of_day="dusk",
        objects=[
            SceneObject(name="apple", count=2, attributes=Attributes(color="red"), box=(0.3, 0.3, 0.4, 0.2)),
            SceneObject(name="table", attributes=Attributes(material="wood"), box=(0.1, 0.5, 0.8, 0.4)),
        ],
        relations=[Relation(subject=0, predicate="on", object=1)],
        exclude=["text"],
    )
    fields.update(overrides)
    return Scene(**fields)


def test_a_scene_round_trips_through_json_unchanged():
    scene = apples_on_table()
    assert Scene.model_validate_json(scene.model_dump_json()) == scene


def test_the_scene_is_versioned_and_its_schema_is_published():
    schema = scene_json_schema()
    assert schema["properties"]["version"]["const"] == 3
    assert {"intent", "prompt", "objects", "relations", "exclude", "seed", "steps", "guidance"} <= set(
        schema["properties"]
    )
    assert schema["$id"].endswith("scene-v3.json")
    json.dumps(schema)  # serializable as published


@pytest.mark.parametrize(
    "overrides, complaint",
    [
        ({"width": 500}, "multiple of 8"),
        ({"height": 32}, "greater than or equal to 64"),
        ({"steps": 151}, "less than or equal to 150"),
        ({"seed": -1}, "greater than or equal to 0"),
        ({"relations": [Relation(subject=0, predicate="on", object=5)]}, "only 2 objects"),
        ({"relations": [Relation(subject=1, predicate="on", object=1)]}, "to itself"),
        ({"prompt": ""}, "at least 1 character"),
        ({"colour": "red"}, "Extra inputs are not permitted"),
    ],
)
def test_out_of_range_scenes_are_rejected_with_a_reason(overrides, complaint):
    with pytest.raises(ValidationError, match=complaint):
        apples_on_table(**overrides)


def test_the_largest_canvas_is_accepted():
    assert apples_on_table(width=2048, height=2048).width == 2048


@pytest.mark.parametrize("box", [(0.5, 0.5, 0.6, 0.2), (-0.1, 0, 0.5, 0.5), (0, 0, 0, 0.5), (0.2, 0.9, 0.3, 0.2)])
def test_boxes_must_lie_on_the_canvas(box):
    with pytest.raises(ValidationError, match="box"):
        SceneObject(name="cat", box=box)


def test_counts_are_bounded():
    with pytest.raises(ValidationError):
        SceneObject(name="apple", count=100)


def test_checks_cover_entities_counts_attributes_relations_exclusions_and_style():
    checks = {c.id: c for c in apples_on_table().checks()}
    assert list(checks) == [
        "entity:0",
        "count:0",
        "attribute:0:color",
        "entity:1",
        "attribute:1:material",
        "relation:0",
        "exclusion:0",
        "global:style",
        "global:time_of_day",
    ]
    assert checks["entity:0"].question == "Is there an apple?"
    assert checks["count:0"].question == "Are there exactly 2 apples?"
    assert checks["attribute:0:color"].question == "Are the apples red?"
    assert checks["attribute:1:material"].question == "Is the table made of wood?"
    assert checks["relation:0"].question == "Are the apples on the table?"
    assert checks["exclusion:0"].question == "Is there no text?"
    assert checks["global:style"].question == "Is the picture a watercolor?"
    assert checks["global:time_of_day"].question == "Is it dusk?"


def test_a_relation_a_verb_takes_is_asked_with_the_verb():
    fox = SceneObject(name="fox", attributes=Attributes(action="staring"))
    scene = Scene(intent="-", prompt="-", objects=[fox, SceneObject(name="moon")],
                  relations=[Relation(subject=0, predicate="at", object=1)])  # fmt: skip
    assert [c.question for c in scene.checks() if c.kind == "relation"] == ["Is the fox staring at the moon?"]


def test_a_relation_of_time_is_asked_by_its_thing_alone():
    scene = Scene(intent="-", prompt="-", objects=[SceneObject(name="lighthouse"), SceneObject(name="storm")],
                  relations=[Relation(subject=0, predicate="during", object=1)])  # fmt: skip
    assert [c.question for c in scene.checks()] == ["Is there a lighthouse?", "Is there a storm?"]


@pytest.mark.parametrize(
    ("style", "question"),
    [("oil painting", "Is the picture an oil painting?"), ("ukiyo-e style", "Is it in ukiyo-e style?"),
     ("cinematic", "Is the style cinematic?")],
)  # fmt: skip
def test_a_style_is_asked_as_what_the_picture_is(style: str, question: str) -> None:
    assert {c.id: c for c in apples_on_table(style=style).checks()}["global:style"].question == question


def test_lighting_gets_its_own_question():
    checks = {c.id: c for c in apples_on_table(lighting="neon").checks()}
    assert checks["global:lighting"].question == "Is the lighting neon?" and not checks["global:lighting"].required
    # weather is asked of the day, a light by name
    for lighting, question in (
        ("foggy", "Is it foggy?"),
        ("soft morning light", "Does the picture have soft morning light?"),
        ("stormy weather", "Is the weather stormy?"),
    ):
        assert {c.id: c for c in apples_on_table(lighting=lighting).checks()}["global:lighting"].question == question


def test_one_fact_said_twice_among_an_objects_attributes_is_asked_once():
    dog = SceneObject(name="dog", attributes=Attributes(color="brown and white", state="sitting", other=["brown", "white", "sitting down"]))
    scene = Scene(intent="a dog", prompt="a dog", objects=[dog])
    asked = [c.question for c in scene.checks() if c.kind == "attribute"]
    assert asked == ["Is the dog brown?", "Is the dog white?", "Is the dog sitting down?"]
    alone = Scene(intent="a dog", prompt="a dog", objects=[SceneObject(name="dog", attributes=Attributes(color="brown and white"))])
    assert [c.question for c in alone.checks() if c.kind == "attribute"] == ["Is the dog brown and white?"]


def test_child_checks_depend_on_the_entities_they_mention():
    checks = {c.id: c for c in apples_on_table().checks()}
    assert checks["entity:0"].depends_on == [] and checks["entity:1"].depends_on == []
    assert checks["count:0"].depends_on == ["entity:0"]
    assert checks["attribute:0:color"].depends_on == ["entity:0"]
    assert checks["attribute:1:material"].depends_on == ["entity:1"]
    assert checks["relation:0"].depends_on == ["entity:0", "entity:1"]
    assert checks["exclusion:0"].depends_on == []
    # every dependency names a check that exists, and comes before its child
    order = [c.id for c in apples_on_table().checks()]
    for check in apples_on_table().checks():
        for parent in check.depends_on:
            assert order.index(parent) < order.index(check.id)


def test_style_and_lighting_checks_are_not_required():
    checks = {c.id: c for c in apples_on_table().checks()}
    assert not checks["global:style"].required and not checks["global:time_of_day"].required
    assert all(c.required for c in checks.values() if c.kind != "global")


def test_checks_are_deterministic():
    assert apples_on_table().checks() == apples_on_table().checks()


def test_equal_scenes_share_a_fingerprint_and_different_ones_do_not():
    assert apples_on_table().fingerprint() == apples_on_table().fingerprint()
    assert apples_on_table().fingerprint() != apples_on_table(seed=1).fingerprint()


def test_summary_reads_as_a_sentence():
    assert apples_on_table().summary() == "two red apples on a wooden table · watercolor · dusk · no text"


def test_render_spec_carries_the_composition():
    spec = apples_on_table().render_spec(seed=9)
    assert spec.seed == 9 and (spec.width, spec.height) == (512, 512)
    assert [(i.label, i.count, i.color) for i in spec.items] == [("apple", 2, "red"), ("table", 1, None)]
    assert spec.items[1].box == (0.1, 0.5, 0.8, 0.4)


# ---------------------------------------------------------------------------------------------
# Version 2: text to render, actions, places, free predicates, unspecified counts
# ---------------------------------------------------------------------------------------------


def test_a_version_1_scene_loads_as_the_current_version_with_the_same_meaning():
    stored = {
        "version": 1,
        "intent": "two red apples on a table",
        "prompt": "two red apples on a table",
        "objects": [{"name": "apple", "count": 2, "attributes": {"color": "red"}}, {"name": "table"}],
        "relations": [{"subject": 0, "predicate": "on", "object": 1}],
    }
    scene = Scene.model_validate_json(json.dumps(stored))
    assert scene.version == 3
    assert scene.objects[0].count == 2 and scene.objects[0].attributes.color == "red"
    assert scene.relations[0].predicate == "on"
    assert [c.id for c in scene.checks()] == ["entity:0", "count:0", "attribute:0:color", "entity:1", "relation:0"]


def test_a_scene_from_a_newer_version_is_refused():
    with pytest.raises(ValidationError, match="version"):
        Scene(version=4, intent="x", prompt="x")


@pytest.mark.parametrize(
    "written, stored",
    [
        ("on top of", "on"),
        ("Atop", "on"),
        ("to the left of", "left of"),
        ("beside", "next to"),
        ("rides", "riding"),
        ("ride", "riding"),
        ("sits on", "sitting on"),
        ("wears", "wearing"),
        ("lies on", "lying on"),
        ("has", "has"),
        ("have", "has"),
        ("containing", "with"),
        ("in", "in"),
        ("in front of", "in front of"),
        ("looking at", "looking at"),
        ("trots across", "trotting across"),
        ("hums to", "humming to"),
        ("eats", "eating"),
        ("visits", "visiting"),
        ("admits", "admitting"),
        ("fixes", "fixing"),
    ],
)
def test_predicates_are_stored_in_one_form(written, stored):
    assert Relation(subject=0, predicate=written, object=1).predicate == stored


def test_a_predicate_needs_a_word():
    with pytest.raises(ValidationError, match="predicate needs a word"):
        Relation(subject=0, predicate="!!", object=1)


def test_has_is_asked_and_written_as_with_is():
    scene = Scene(
        intent="a road that has a bus",
        prompt="x",
        objects=[SceneObject(name="road"), SceneObject(name="bus")],
        relations=[Relation(subject=0, predicate="has", object=1)],
    )
    checks = {c.id: c for c in scene.checks()}
    assert checks["relation:0"].question == "Does the road have the bus?"
    assert "a road with a bus" in write_prompt(scene)[0]


def rider_scene() -> Scene:
    return Scene(
        intent="some people riding a horse past a sign that says OPEN, in the background",
        prompt="x",
        objects=[
            SceneObject(name="person", count=None, attributes=Attributes(action="waving")),
            SceneObject(name="horse", place="background"),
            SceneObject(name="sign", text="OPEN"),
        ],
        relations=[Relation(subject=0, predicate="riding", object=1)],
    )


def test_new_content_gets_its_own_checks_depending_on_its_entity():
    checks = {c.id: c for c in rider_scene().checks()}
    assert checks["entity:0"].question == "Are there people?"
    assert "count:0" not in checks  # 'some' asks for no number
    assert checks["attribute:0:action"].question == "Are the people waving?"
    assert checks["place:1"].question == "Is the horse in the background?"
    assert checks["text:2"].question == "Does the sign say 'OPEN'?" and checks["text:2"].kind == "text"
    assert checks["relation:0"].question == "Are the people riding the horse?"
    for check in checks.values():
        if check.kind != "entity":
            assert f"entity:{check.subject}" in check.depends_on


def test_the_prompt_says_the_new_content():
    prompt, _ = write_prompt(rider_scene())
    assert "people waving riding a horse" in prompt
    assert 'a sign that says "OPEN"' in prompt
    assert "in the background" in prompt


def test_a_style_item_an_object_says_already_is_not_said_again():
    cartoon_dog = SceneObject(name="dog", attributes=Attributes(other=["cartoon"]))
    for style, expected in (("cartoon, centered, 3d render", "a cartoon dog, centered, 3d render"),
                            ("cartoon", "a cartoon dog")):  # fmt: skip
        prompt, _ = write_prompt(Scene(intent="a cartoon dog", prompt="-", objects=[cartoon_dog], style=style))
        assert prompt == expected


def test_a_material_named_alone_takes_no_article():
    from limner.agents.scene.noun_phrases import noun_phrase

    assert [noun_phrase(SceneObject(name=n)) for n in ("wax", "steel", "graffiti", "candle")] == [
        "wax", "steel", "graffiti", "a candle"]  # fmt: skip


def test_articles_follow_the_sound_and_superlatives_take_the():
    from limner.agents.scene.noun_phrases import noun_phrase

    phrases = [noun_phrase(SceneObject(name=name, attributes=Attributes(other=other))) for name, other in (
        ("unicorn", []), ("man", ["honest"]), ("umbrella", []), ("phone", ["newest"]), ("cabin", ["forest"]),
        ("hat", ["one-eyed"]), ("owl", []))]  # fmt: skip
    assert phrases == ["a unicorn", "an honest man", "an umbrella", "the newest phone", "a forest cabin",
                       "a one-eyed hat", "an owl"]  # fmt: skip


def test_an_action_the_relation_opens_with_is_said_once():
    dog = SceneObject(name="dog", attributes=Attributes(action="playing"))
    scene = Scene(intent="-", prompt="-", objects=[dog, SceneObject(name="ball")],
                  relations=[Relation(subject=0, predicate="playing with", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a dog playing with a ball"
    scene.relations[0] = Relation(subject=0, predicate="next to", object=1)
    assert write_prompt(scene)[0] == "a dog playing next to a ball"


def test_a_relation_another_relation_says_with_more_words_is_written_once():
    ostrich = SceneObject(name="ostrich", attributes=Attributes(action="swimming"))
    scene = Scene(intent="-", prompt="-", objects=[ostrich, SceneObject(name="water")],
                  relations=[Relation(subject=0, predicate="under", object=1),
                             Relation(subject=0, predicate="swimming under", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "an ostrich swimming under water"
    # the verb's question asks the place too: 'Is the woman on the laptop?' would ask her to sit on what she types on
    assert [c.question for c in scene.checks() if c.kind == "relation"] == ["Is the ostrich swimming under the water?"]
    # a verb's preposition that means the spatial relation says it too: 'flying over' is 'above'
    plane = Scene(intent="-", prompt="-", objects=[SceneObject(name="plane"), SceneObject(name="city")],
                  relations=[Relation(subject=0, predicate="above", object=1),
                             Relation(subject=0, predicate="flying over", object=1)])  # fmt: skip
    assert write_prompt(plane)[0] == "a plane flying over a city"
    plane.relations[1] = Relation(subject=0, predicate="looking at", object=1)
    assert write_prompt(plane)[0] == "a plane above a city, the plane looking at the city"
    turkey = Scene(intent="-", prompt="-", objects=[SceneObject(name="turkey"), SceneObject(name="kitchen")],
                   relations=[Relation(subject=0, predicate="inside", object=1),
                              Relation(subject=0, predicate="walking in", object=1)])  # fmt: skip
    assert write_prompt(turkey)[0] == "a turkey walking in a kitchen"


def test_what_a_thing_is_said_to_have_is_on_it_or_in_it_without_a_second_phrase():
    table = Scene(intent="-", prompt="-", objects=[SceneObject(name=n) for n in ("table", "vase", "book")],
                  relations=[Relation(subject=0, predicate="with", object=1), Relation(subject=0, predicate="with", object=2),
                             Relation(subject=1, predicate="on", object=0), Relation(subject=2, predicate="on", object=0)])  # fmt: skip
    assert write_prompt(table)[0] == "a table with a vase and a book on it"
    kitchen = Scene(intent="-", prompt="-", objects=[SceneObject(name="kitchen"), SceneObject(name="fridge")],
                    relations=[Relation(subject=0, predicate="with", object=1),
                               Relation(subject=1, predicate="inside", object=0)])  # fmt: skip
    assert write_prompt(kitchen)[0] == "a kitchen with a fridge"
    assert len([c for c in kitchen.checks() if c.kind == "relation"]) == 2


def test_several_things_in_one_relation_to_one_are_said_in_one_phrase():
    names = ["keyboard", "mouse", "monitor", "desk"]
    objects = [SceneObject(name=n, place="foreground" if n in ("mouse", "monitor") else None) for n in names]
    scene = Scene(intent="-", prompt="-", objects=objects,
                  relations=[Relation(subject=k, predicate="on", object=3) for k in range(3)])  # fmt: skip
    assert write_prompt(scene)[0] == "a keyboard, a mouse and a monitor in the foreground on a desk"


def test_two_things_doing_one_thing_to_each_other_are_said_once():
    boy = SceneObject(name="boy", attributes=Attributes(action="smiling"))
    scene = Scene(intent="-", prompt="-", objects=[boy, SceneObject(name="girl")],
                  relations=[Relation(subject=0, predicate="smiling at", object=1),
                             Relation(subject=1, predicate="smiling at", object=0)])  # fmt: skip
    assert write_prompt(scene)[0] == "a boy and a girl smiling at each other"
    assert len([c for c in scene.checks() if c.kind == "relation"]) == 2


def test_what_a_thing_does_is_said_with_where_it_is():
    man = SceneObject(name="man", attributes=Attributes(action="sitting"))
    scene = Scene(intent="-", prompt="-", objects=[man, SceneObject(name="cup"), SceneObject(name="bench")],
                  relations=[Relation(subject=0, predicate="holding", object=1),
                             Relation(subject=0, predicate="on", object=2)])  # fmt: skip
    assert write_prompt(scene)[0] == "a man holding a cup, the man sitting on a bench"
    horse = SceneObject(name="horse", attributes=Attributes(action="standing"))
    ridden = Scene(intent="-", prompt="-", objects=[SceneObject(name="panda"), horse, SceneObject(name="street")],
                   relations=[Relation(subject=0, predicate="riding", object=1),
                              Relation(subject=1, predicate="on", object=2)])  # fmt: skip
    assert write_prompt(ridden)[0] == "a panda riding a horse, the horse standing on a street"
    alone = Scene(intent="-", prompt="-", objects=[man])
    assert write_prompt(alone)[0] == "a man sitting"


def test_a_background_says_its_colours_so_the_palette_does_not_again():
    background = SceneObject(name="background", attributes=Attributes(color="white"))
    scene = Scene(intent="-", prompt="-", objects=[SceneObject(name="apple"), background], palette=["white", "teal"],
                  relations=[Relation(subject=0, predicate="on", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "an apple on a white background, teal color palette"


def test_a_thing_said_again_is_told_from_another_of_its_name():
    books = [SceneObject(name="book", attributes=Attributes(color=c)) for c in ("green", "red", "blue")]
    scene = Scene(intent="-", prompt="-", objects=books,
                  relations=[Relation(subject=0, predicate="on", object=1), Relation(subject=1, predicate="left of", object=2)])  # fmt: skip
    assert write_prompt(scene)[0] == "a green book on a red book, the red book to the left of a blue book"


def _prompt_of(names: list[str], relations: list[tuple[int, str, int]]) -> str:
    objects = [SceneObject(name=n) for n in names]
    rels = [Relation(subject=s, predicate=p, object=o) for s, p, o in relations]
    return write_prompt(Scene(intent="-", prompt="-", objects=objects, relations=rels))[0]


@pytest.mark.parametrize(
    ("names", "relations", "prompt"),
    [
        pytest.param(["astronaut", "horse", "moon"], [(0, "riding", 1), (0, "on", 2), (0, "on", 1), (1, "on", 2)],
                     "an astronaut riding a horse on the moon", id="doer-and-done-to-share-a-place"),
        pytest.param(["chef", "pasta", "kitchen"], [(0, "cooking", 1), (0, "inside", 2)],
                     "a chef cooking pasta, the chef in a kitchen", id="only-the-doer-there-stays-apart"),
        pytest.param(["man", "cup", "plate", "kitchen"],
                     [(0, "holding", 1), (0, "holding", 2), (0, "in", 3), (1, "in", 3), (2, "in", 3)],
                     "a man holding a cup and a plate in a kitchen", id="all-it-holds-there-too"),
        pytest.param(["cat", "bird", "branch"], [(0, "looking at", 1), (1, "on", 2)],
                     "a cat looking at a bird on a branch", id="place-of-the-thing-named-last"),
        pytest.param(["book", "table", "kitchen"], [(0, "on", 1), (1, "inside", 2), (0, "in", 2)],
                     "a book on a table in a kitchen", id="a-place-through-its-holder-is-said-once"),
        pytest.param(["tower", "street", "tree"], [(0, "above", 1), (1, "below", 2)],
                     "a tower above a street, the street below a tree", id="only-on-and-in-follow-a-phrase"),
        pytest.param(["cup", "laptop", "desk"], [(0, "next to", 1), (1, "on", 2), (0, "on", 2)],
                     "a cup next to a laptop on a desk", id="side-by-side-on-one-ground"),
        pytest.param(["lamp", "laptop", "desk"], [(0, "above", 1), (1, "on", 2), (0, "on", 2)],
                     "a lamp above a laptop on a desk, the lamp on the desk", id="above-says-no-ground"),
        pytest.param(["clock", "tower", "tree", "street"], [(0, "on", 1), (1, "behind", 2), (2, "on", 3)],
                     "a clock on a tower, the tower behind a tree on a street", id="one-place-follows-a-phrase"),
        pytest.param(["desk", "wastebasket"], [(0, "with", 1), (1, "under", 0)],
                     "a desk with a wastebasket under it", id="where-a-thing-had-is-said-of-it"),
        pytest.param(["woman", "dog"], [(0, "with", 1), (1, "next to", 0)],
                     "a woman with a dog next to her", id="a-person-is-her-or-him"),
        pytest.param(["man", "beard", "street"], [(0, "with", 1), (0, "crossing", 2)],
                     "a man with a beard crossing a street", id="what-a-thing-with-another-does"),
        pytest.param(["woman", "hat", "book", "desk"], [(0, "with", 1), (0, "reading", 2), (0, "at", 3), (2, "at", 3)],
                     "a woman with a hat reading a book at a desk", id="and-where-it-does-it"),
    ],
)
def test_a_place_is_said_after_the_phrase_that_names_the_thing(
    names: list[str], relations: list[tuple[int, str, int]], prompt: str
) -> None:
    assert _prompt_of(names, relations) == prompt


def test_things_doing_one_thing_in_one_relation_are_said_doing_it_once():
    sleeping = Attributes(action="sleeping together")
    objects = [SceneObject(name="dog", attributes=sleeping), SceneObject(name="cat", attributes=sleeping),
               SceneObject(name="couch")]  # fmt: skip
    relations = [Relation(subject=0, predicate="on", object=2), Relation(subject=1, predicate="on", object=2)]
    scene = Scene(intent="-", prompt="-", objects=objects, relations=relations)
    assert write_prompt(scene)[0] == "a dog and a cat sleeping together on a couch"


def test_how_a_body_rests_is_said_with_what_it_does():
    fishing = Attributes(action="fishing", other=["sitting"])
    objects = [SceneObject(name="grandfather", attributes=fishing), SceneObject(name="boy", attributes=fishing),
               SceneObject(name="boat")]  # fmt: skip
    relations = [Relation(subject=0, predicate="in", object=2), Relation(subject=1, predicate="in", object=2)]
    scene = Scene(intent="-", prompt="-", objects=objects, relations=relations)
    assert write_prompt(scene)[0] == "a grandfather and a boy sitting and fishing in a boat"
    assert noun_phrase(SceneObject(name="dog", attributes=Attributes(other=["sitting"]))) == "a dog sitting"


def test_a_verb_that_places_says_the_plain_relation_too():
    prompt = _prompt_of(["bicycle", "wall"], [(0, "next to", 1), (0, "leaning against", 1)])
    assert prompt == "a bicycle leaning against a wall"


def test_a_part_is_said_with_its_owner_before_what_it_does():
    trunk = SceneObject(name="trunk", attributes=Attributes(action="curled up"))
    scene = Scene(intent="-", prompt="-", objects=[trunk, SceneObject(name="elephant")],
                  relations=[Relation(subject=0, predicate="of", object=1), Relation(subject=0, predicate="in", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a trunk of an elephant curled up"
    assert len([c for c in scene.checks() if c.kind == "relation"]) == 2


def test_what_is_given_and_to_whom_is_one_phrase_and_things_doing_one_thing_are_said_once():
    dog = SceneObject(name="dog", attributes=Attributes(action="giving"))
    given = Scene(intent="-", prompt="-", objects=[dog, SceneObject(name="apple"), SceneObject(name="squirrel")],
                  relations=[Relation(subject=0, predicate="giving", object=1),
                             Relation(subject=0, predicate="giving to", object=2)])  # fmt: skip
    assert write_prompt(given)[0] == "a dog giving an apple to a squirrel"
    robots = [SceneObject(name="robot", attributes=Attributes(color=c, action="standing together")) for c in ("red", "blue")]
    assert write_prompt(Scene(intent="-", prompt="-", objects=robots))[0] == "a red robot and a blue robot standing together"
    cat = SceneObject(name="cat", attributes=Attributes(action="sitting"))
    beside = Scene(intent="-", prompt="-", objects=[cat, SceneObject(name="car"), SceneObject(name="bike")],
                   relations=[Relation(subject=0, predicate="next to", object=1),
                              Relation(subject=0, predicate="next to", object=2)])  # fmt: skip
    assert write_prompt(beside)[0] == "a cat sitting next to a car and a bike"
    giraffe = SceneObject(name="giraffe", attributes=Attributes(action="stepping"))
    stepping = Scene(intent="-", prompt="-", objects=[giraffe, SceneObject(name="suit"), SceneObject(name="board")],
                     relations=[Relation(subject=0, predicate="wearing", object=1),
                                Relation(subject=0, predicate="stepping to", object=2)])  # fmt: skip
    assert write_prompt(stepping)[0] == "a giraffe wearing a suit, the giraffe stepping to a board"


def test_names_take_the_article_english_gives_them():
    things = ["cat", "Eiffel Tower", "Statue of Liberty", "Superman", "Times Square"]
    scene = Scene(intent="-", prompt="-", objects=[SceneObject(name=n) for n in things],
                  relations=[Relation(subject=0, predicate="next to", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a cat next to the Eiffel Tower, the Statue of Liberty, Superman, Times Square"
    questions = [c.question for c in scene.checks()]
    assert "Is the Eiffel Tower in the picture?" in questions and "Is Superman in the picture?" in questions
    assert "Is Times Square in the picture?" in questions and "Is the cat next to the Eiffel Tower?" in questions
    assert noun_phrase(SceneObject(name="Lada", attributes=Attributes(color="red"))) == "a red Lada"


def test_one_subject_doing_one_thing_to_several_is_said_in_one_phrase():
    things = ["statue", "goggles", "t-shirt", "jacket", "wall"]
    scene = Scene(intent="-", prompt="-", objects=[SceneObject(name=n) for n in things],
                  relations=[Relation(subject=0, predicate="wearing", object=1),
                             Relation(subject=0, predicate="wearing", object=2),
                             Relation(subject=0, predicate="wearing", object=3),
                             Relation(subject=0, predicate="in front of", object=4)])  # fmt: skip
    assert write_prompt(scene)[0] == "a statue wearing a pair of goggles, a t-shirt and a jacket, the statue in front of a wall"
    assert len([c for c in scene.checks() if c.kind == "relation"]) == 4


def test_a_value_another_value_says_in_full_is_said_once_and_phrases_read_after_the_noun():
    from limner.agents.scene.noun_phrases import noun_phrase

    arm = SceneObject(name="left arm", attributes=Attributes(state="bent", other=["bent at the elbow", "at the elbow"]))
    assert noun_phrase(arm) == "a left arm bent at the elbow"
    face = SceneObject(name="face", attributes=Attributes(state="looking", action="looking upward"))
    assert noun_phrase(face) == "a face looking upward"
    knee = SceneObject(name="knee", attributes=Attributes(state="up", color="red", other=["very big"]))
    assert noun_phrase(knee) == "a very big red knee up"
    gown = SceneObject(name="gown", attributes=Attributes(other=["evening wear"]))
    assert noun_phrase(gown) == "an evening wear gown"


def test_a_relation_the_subjects_description_already_says_is_not_written_again():
    person = SceneObject(name="person", attributes=Attributes(action="kicking their right leg"))
    scene = Scene(intent="-", prompt="-", objects=[person, SceneObject(name="right leg")],
                  relations=[Relation(subject=0, predicate="kicking", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a person kicking their right leg"
    leg = SceneObject(name="leg", attributes=Attributes(other=["behind them"]))
    scene = Scene(intent="-", prompt="-", objects=[leg, SceneObject(name="dancer")],
                  relations=[Relation(subject=0, predicate="behind", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a leg behind a dancer"


def test_a_relation_between_things_said_already_is_cut_before_the_style():
    from limner.agents.scene.prompting import prompt_tokens

    scene = Scene(intent="-", prompt="-", objects=[SceneObject(name=n) for n in ("man", "jet ski", "desert")],
                  relations=[Relation(subject=0, predicate="riding", object=1),
                             Relation(subject=0, predicate="in", object=2),
                             Relation(subject=1, predicate="left of", object=0)], style="watercolor")  # fmt: skip
    full = write_prompt(scene)[0]
    assert full == "a man riding a jet ski, the man in a desert, the jet ski to the left of the man, watercolor"
    cut = write_prompt(scene, max_tokens=prompt_tokens(full) - 1)[0]
    assert cut == "a man riding a jet ski, the man in a desert, watercolor"


def test_a_pronoun_name_takes_no_article():
    someone = SceneObject(name="someone", attributes=Attributes(action="sitting"))
    scene = Scene(intent="-", prompt="-", objects=[someone, SceneObject(name="bench")],
                  relations=[Relation(subject=0, predicate="on", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "someone sitting on a bench"
    questions = [c.question for c in scene.checks()]
    assert questions[:2] == ["Is there someone?", "Is someone sitting?"] and "Is someone on the bench?" in questions


def test_a_name_follows_the_noun_and_a_counted_object_is_asked_about_as_a_plural():
    dog = SceneObject(name="dog", attributes=Attributes(action="sitting", other=["named Max"]))
    scene = Scene(intent="-", prompt="-", objects=[dog, SceneObject(name="slipper", count=2)],
                  relations=[Relation(subject=0, predicate="next to", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a dog named Max sitting next to two slippers"
    assert "Is the dog next to the slippers?" in [c.question for c in scene.checks()]


def test_a_place_two_related_things_share_is_said_once():
    car, dais = (SceneObject(name=n, place="center") for n in ("car", "dais"))
    scene = Scene(intent="-", prompt="-", objects=[car, dais], relations=[Relation(subject=0, predicate="on", object=1)])
    assert write_prompt(scene)[0] == "a car on a dais in the center"
    scene.objects[1] = SceneObject(name="dais", place="left")
    assert write_prompt(scene)[0] == "a car in the center on a dais on the left"


def test_nouns_without_a_singular_are_asked_about_as_plurals():
    jeans = SceneObject(name="jeans", attributes=Attributes(color="blue"))
    scene = Scene(intent="-", prompt="-", objects=[SceneObject(name="man"), jeans, SceneObject(name="clothes"),
                                                   SceneObject(name="water")])  # fmt: skip
    questions = [c.question for c in scene.checks()]
    assert "Are the jeans blue?" in questions and "Is there a pair of jeans?" in questions
    assert "Are there clothes?" in questions and "Is there water?" in questions


def test_a_background_is_the_whole_frame_behind_what_stands_in_front_of_it():
    objects = [SceneObject(name="fox"), SceneObject(name="background", attributes=Attributes(state="blurred"))]
    boxes = layout_boxes(objects, [Relation(subject=0, predicate="in front of", object=1)])
    assert boxes[1] == (0.0, 0.0, 1.0, 1.0) and boxes[0][2] < 0.5


def test_an_unspecified_count_is_drawn_as_a_few():
    scene = rider_scene()
    assert scene.objects[0].drawn_count == 3 and scene.objects[0].plural
    assert scene.render_spec(seed=1).items[0].count == 3
    assert scene.render_spec(seed=1).items[2].text == "OPEN"


def test_a_quantity_says_how_many_in_words_and_is_asked_in_words():
    trees = SceneObject(name="tree", quantity="many")
    assert trees.count is None and trees.drawn_count == 6 and trees.plural
    scene = Scene(intent="many trees on a hill", prompt="x", objects=[trees, SceneObject(name="hill")])
    assert noun_phrase(trees) == "many trees"
    (count,) = [c for c in scene.checks() if c.kind == "count"]
    assert (count.question, count.value, count.depends_on) == ("Are there many trees?", "many", ["entity:0"])
    assert not any("exactly" in c.question for c in scene.checks())
    assert SceneObject(name="apple", quantity="a few").drawn_count == 3
    assert SceneObject(name="apple", count=None).drawn_count == 3  # 'some'
    geese = SceneObject(name="goose", quantity="many", attributes=Attributes(other=["in a flock"]))
    assert noun_phrase(geese) == "a flock of geese", "a group word says how many and how they stand"


def test_a_count_and_a_quantity_together_are_refused_with_what_to_change():
    with pytest.raises(ValidationError, match="give a count for a number, or a quantity with count null"):
        SceneObject(name="tree", count=5, quantity="many")
    with pytest.raises(ValidationError):
        SceneObject(name="tree", quantity="dozens")


def test_a_version_2_scene_loads_as_the_current_version():
    stored = {"version": 2, "intent": "apples", "prompt": "apples", "objects": [{"name": "apple", "count": None}]}
    scene = Scene.model_validate(stored)
    assert scene.version == 3 and scene.objects[0].quantity is None and scene.objects[0].drawn_count == 3


def test_text_on_an_object_is_one_line_and_bounded():
    assert SceneObject(name="sign", text="OPEN\nLATE").text == "OPEN LATE"
    with pytest.raises(ValidationError):
        SceneObject(name="sign", text="x" * 201)


@pytest.mark.parametrize(
    "predicate, inside_of_subject",
    [("wearing", True), ("holding", True), ("riding", False), ("sitting on", False)],
)
def test_verb_predicates_place_things_as_their_spatial_meaning(predicate, inside_of_subject):
    objects = [SceneObject(name="man"), SceneObject(name="horse" if not inside_of_subject else "hat")]
    boxes = layout_boxes(objects, [Relation(subject=0, predicate=predicate, object=1)])
    man, other = boxes
    if inside_of_subject:  # the worn or held thing lies within the person's box
        assert man[0] <= other[0] and other[0] + other[2] <= man[0] + man[2] + 1e-6
    else:  # the rider sits on top of what it rides
        assert man[1] < other[1]


def test_a_place_moves_the_object():
    back = layout_boxes([SceneObject(name="tree", place="background")], [])[0]
    front = layout_boxes([SceneObject(name="tree")], [])[0]
    assert back[1] + back[3] < front[1] + front[3]


def test_things_said_again_are_said_in_their_number():
    geese = SceneObject(name="goose", count=3)
    objects = [geese, SceneObject(name="pond"), SceneObject(name="reed", count=None)]
    scene = Scene(intent="-", prompt="-", objects=objects,
                  relations=[Relation(subject=0, predicate="on", object=1),
                             Relation(subject=0, predicate="near", object=2),
                             Relation(subject=2, predicate="next to", object=1)])  # fmt: skip
    prompt = write_prompt(scene)[0]
    assert "the geese near" in prompt and "the reeds next to" in prompt, prompt
    snow = Scene(intent="-", prompt="-", objects=[SceneObject(name="snow"), SceneObject(name="roof")],
                 relations=[Relation(subject=1, predicate="near", object=0),
                            Relation(subject=0, predicate="on", object=1)])  # fmt: skip
    assert "snows" not in write_prompt(snow)[0]


def test_an_idea_takes_no_article():
    board = Scene(intent="-", prompt="-", objects=[SceneObject(name="chalkboard"), SceneObject(name="algebra")],
                  relations=[Relation(subject=0, predicate="showing", object=1)])  # fmt: skip
    prompt = write_prompt(board)[0]
    assert "showing algebra" in prompt and "an algebra" not in prompt, prompt


def test_a_game_that_is_played_takes_no_article():
    girl = SceneObject(name="girl")
    scene = Scene(intent="-", prompt="-", objects=[girl, SceneObject(name="badminton")],
                  relations=[Relation(subject=0, predicate="playing", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a girl playing badminton"


@pytest.mark.parametrize(
    "description, written",
    [
        ("an upside down bucket", "an upside-down bucket"),
        ("a slice of warm bread", "a warm slice of bread"),
        ("a rainbow colored scarf", "a rainbow-colored scarf"),
        ("A woman is served a pizza", "a woman receiving a pizza"),
        ("a boy wearing green playing chess", "a boy in green playing chess"),
        ("a robot giving a speech", "a robot giving a speech"),
    ],
)
def test_the_rules_reader_writes_the_words_where_they_belong(description: str, written: str):
    from limner.agents.planning.rules.planner import RulesPlanner

    assert RulesPlanner().read(description).prompt == written


def test_a_depth_a_sided_parts_own_words_say_is_not_written_again():
    back = SceneObject(name="right leg", attributes=Attributes(action="stretched far back"))
    forward = SceneObject(name="left leg", attributes=Attributes(action="bent forward"))
    scene = Scene(intent="-", prompt="-", objects=[forward, back],
                  relations=[Relation(subject=1, predicate="behind", object=0),
                             Relation(subject=0, predicate="in front of", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a left leg bent forward, a right leg stretched far back"
    hand = SceneObject(name="left hand", attributes=Attributes(other=["behind her back"]))
    scene = Scene(intent="-", prompt="-", objects=[hand, SceneObject(name="back")],
                  relations=[Relation(subject=0, predicate="behind", object=1)])  # fmt: skip
    assert "back" in write_prompt(scene)[0].split(", ")[0]  # a place with its noun is no depth alone
    crossed = SceneObject(name="right ankle", attributes=Attributes(action="hooked behind the other"))
    scene = Scene(intent="-", prompt="-", objects=[crossed, SceneObject(name="left ankle")],
                  relations=[Relation(subject=0, predicate="behind", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a right ankle hooked behind the other"


def test_a_relation_with_its_first_words_in_the_description_says_them_once():
    arm = SceneObject(name="arm", attributes=Attributes(state="swinging", action="swinging up over them",
                                                        other=["swinging up", "over them"]))  # fmt: skip
    scene = Scene(intent="-", prompt="-", objects=[arm, SceneObject(name="dancer")],
                  relations=[Relation(subject=0, predicate="swinging up over", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "an arm swinging up over a dancer"
    leg = SceneObject(name="leg", attributes=Attributes(action="kicked high behind them", other=["kicked high"]))
    scene = Scene(intent="-", prompt="-", objects=[leg, SceneObject(name="dancer")],
                  relations=[Relation(subject=0, predicate="behind", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "a leg kicked high behind a dancer"


def test_a_relation_said_with_the_plural_of_its_object_is_written_once():
    arms = SceneObject(name="arm", count=2, attributes=Attributes(action="resting on the knees"))
    scene = Scene(intent="-", prompt="-", objects=[arms, SceneObject(name="knee", count=2)],
                  relations=[Relation(subject=0, predicate="resting on", object=1)])  # fmt: skip
    assert write_prompt(scene)[0] == "two arms resting on the knees"


def test_a_smaller_part_said_in_its_limbs_description_reads_after_with_and_once():
    leg = SceneObject(name="right leg", attributes=Attributes(state="raised", other=["knee bent", "knee"]))
    knee = SceneObject(name="knee", attributes=Attributes(state="bent"))
    scene = Scene(intent="-", prompt="-", objects=[leg, knee])
    assert write_prompt(scene)[0] == "a raised right leg with knee bent"
    arm = SceneObject(name="left arm", attributes=Attributes(other=["head level"]))
    scene = Scene(intent="-", prompt="-", objects=[arm, SceneObject(name="head")])
    assert "with head" not in write_prompt(scene)[0]  # a height, not the head's state


def test_a_name_said_to_the_reader_takes_no_article():
    scene = Scene(intent="-", prompt="-", objects=[
        SceneObject(name="you", attributes=Attributes(action="kneeling")),
        SceneObject(name="your left hand", attributes=Attributes(action="resting on the hip"))])  # fmt: skip
    assert write_prompt(scene)[0] == "you kneeling, your left hand resting on the hip"


def test_an_adjective_that_opens_a_relation_is_kept_as_written():
    assert Relation(subject=0, predicate="parallel to", object=1).predicate == "parallel to"
    assert Relation(subject=0, predicate="level with", object=1).predicate == "level with"
    assert Relation(subject=0, predicate="rides", object=1).predicate == "riding"


def test_a_held_pose_with_its_degree_reads_after_the_noun():
    from limner.agents.scene.noun_phrases import noun_phrase

    arm = SceneObject(name="right arm", attributes=Attributes(state="bent", other=["bent a little"]))
    assert noun_phrase(arm) == "a right arm bent a little"
    hand = SceneObject(name="hand", attributes=Attributes(action="held close the chest"))
    assert noun_phrase(hand) == "a hand held close the chest"


def test_a_state_of_a_part_said_to_the_reader_follows_its_name():
    from limner.agents.scene.noun_phrases import noun_phrase

    arm = SceneObject(name="your left arm", attributes=Attributes(state="raised", action="reaching for the sky"))
    assert noun_phrase(arm) == "your left arm raised reaching for the sky"


@pytest.mark.parametrize(
    ("predicate", "bigger"),
    [("larger than", True), ("taller than", True), ("smaller than", False)],
)
def test_a_comparison_sizes_the_two_boxes(predicate: str, bigger: bool) -> None:
    # left alone, a mouse is drawn far smaller than an elephant
    objects = [SceneObject(name="mouse"), SceneObject(name="elephant")]
    mouse, elephant = layout_boxes(objects, [Relation(subject=0, predicate=predicate, object=1)])
    assert (mouse[2] * mouse[3] > elephant[2] * elephant[3]) is bigger
    mouse, elephant = layout_boxes(objects[::-1], [Relation(subject=1, predicate=predicate, object=0)])[::-1]
    assert (mouse[2] * mouse[3] > elephant[2] * elephant[3]) is bigger


@pytest.mark.parametrize(
    ("name", "other", "phrase"),
    [("phone", "newest", "the newest phone"), ("sign", "protest", "a protest sign"),
     ("canopy", "rainforest", "a rainforest canopy"), ("room", "guest", "a guest room")],
)  # fmt: skip
def test_only_a_superlative_makes_a_thing_one_of_a_kind(name: str, other: str, phrase: str) -> None:
    assert noun_phrase(SceneObject(name=name, attributes=Attributes(other=[other]))) == phrase


def test_a_name_said_again_keeps_its_number() -> None:
    trees = SceneObject(name="Christmas tree", count=2)
    assert noun_phrase(trees, definite=True) == "the Christmas trees"


def test_nouns_in_o_take_their_plural() -> None:
    assert [pluralize(w) for w in ("potato", "cherry tomato", "photo", "piano")] == [
        "potatoes", "cherry tomatoes", "photos", "pianos"
    ]  # fmt: skip
