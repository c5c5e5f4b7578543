"""The rules reader's pose descriptions (poses.py): body parts, their states and what they touch, one case per row."""

from __future__ import annotations

import pytest
from limner.agents.scene.model import SceneObject
from reader_helpers import named, plan, relations


def values(thing: SceneObject) -> list[str]:
    a = thing.attributes
    return [v for v in (a.state, a.action, *a.other) if v]


# (case, description, {object name: values it must hold})
STATES = [
    (
        "a run-on description splits at each part",
        "standing on left leg right leg up and knee bent left arm down",
        {"right leg": ["up"], "knee": ["bent"], "left arm": ["down"], "person": ["standing on left leg"]},
    ),
    (
        "'with their X' starts a clause about X; 'their' is the person's",
        "The person is leaning forward with their right arm bent and left arm behind them.",
        {"person": ["leaning forward"], "right arm": ["bent"], "left arm": ["behind them"]},
    ),
    (
        "each side of 'and' is a value of its own, as written",
        "left arm is up and bent, right leg is bent forward off the ground",
        {
            "left arm": ["up", "bent"],
            "right leg": ["bent forward off the ground"],
        },
    ),
    (
        "a sentence with no part of its own is the person's",
        "The head is turned to the right and the arms are down. They are hunched over and looking down.",
        {"head": ["turned to the right"], "person": ["hunched over", "looking down"]},
    ),
    (
        "a state written before a part is its state",
        "Someone is sitting down with crossed legs and hands reaching down",
        {"someone": ["sitting down"], "leg": ["crossed"], "hand": ["reaching down"]},
    ),
    (
        "a part after a comma keeps the clause's words",
        "subject is squatting, arms are bent up at the elbows, head is forward",
        {"subject": ["squatting"], "arm": ["bent up at the elbows"], "head": ["forward"]},
    ),
    (
        "'with' after 'level' is a preposition, not a new part",
        "hands reaching down with their right hand level with their right knee",
        {"right hand": ["level with their right knee"], "hand": ["reaching down"]},
    ),
    (
        "a second posture in one clause is a value of its own",
        "legs very far apart standing straight with left arm to the side",
        {"leg": ["very far apart", "standing straight"], "left arm": ["to the side"]},
    ),
    (
        "a 'with' clause about a smaller part also describes the limb",
        "Left leg is lifted behind the body with knee bent and left arm up.",
        {"left leg": ["lifted behind the body", "knee bent"], "knee": ["bent"], "left arm": ["up"]},
    ),
    (
        "a pose named as a thing the part is in is also that pose",
        "right arm in a boxing stance, left leg bent",
        {"right arm": ["in a boxing stance", "boxing stance"], "left leg": ["bent"]},
    ),
    (
        "a sided limb's noun in its 'with' clause is the limb",
        "left leg forward with leg bent, right arm down",
        {"left leg": ["forward", "bent"], "right arm": ["down"]},
    ),
    (
        "a smaller part after 'and' in a limb's 'with' clause also describes the limb",
        "right arm up with elbow bent and hand open, left leg straight",
        {"right arm": ["up", "elbow bent", "hand open"], "hand": ["open"]},
    ),
    (
        "a comparison with the other side stays in the state",
        "right arm is slightly further forward than the left, head down",
        {"right arm": ["slightly further forward than the left"], "head": ["down"]},
    ),
    (
        "a verb said of a part is its state as an -ing form",
        "right arm hangs loosely, left knee points outward",
        {"right arm": ["hanging loosely"], "left knee": ["pointing outward"]},
    ),
    (
        "a part the person moves with takes the movement",
        "The man is leaning left while reaching up with the left arm. Head down.",
        {"man": ["leaning left", "reaching up"], "left arm": ["reaching up"], "head": ["down"]},
    ),
    (
        "'laying' is read as lying",
        "The person is laying down with their arms bent forward and head up",
        {"person": ["lying down"], "arm": ["bent forward"]},
    ),
]


@pytest.mark.parametrize("case,description,wanted", STATES, ids=[row[0] for row in STATES])
def test_pose_states(case, description, wanted):
    scene = plan(description)
    for name, expected in wanted.items():
        held = values(named(scene, name))
        for value in expected:
            assert value in held, f"{case}: {name!r} holds {held}, not {value!r}"


# (case, description, relations that must hold)
RELATIONS = [
    (
        "a contact verb relates two parts",
        "Their right fingers are touching the bottom of their right cheek and left arm bent.",
        {("right finger", "touching the bottom of", "right cheek")},
    ),
    ("a part rests on the ground", "The left foot is on the ground and the right leg is kicked out.", {("left foot", "on", "ground")}),
    ("a posture puts the person on a part", "standing on right leg left leg out straight", {("person", "standing on", "right leg")}),
    ("a preposition relates a part to a part", "left arm hangs down with hand near knee right arm up", {("hand", "near", "knee")}),
    ("a bare side is the other one of the pair", "left leg crosses over right, right arm above head", {("left leg", "crossing over", "right leg"), ("right arm", "above", "head")}),
    ("'the other' is the other side", "The left leg is crossed in front of the other and the arms are up.", {("left leg", "in front of", "right leg")}),
    ("the body after a preposition is the person named", "The woman holds both hands in front of the body, left knee raised",
     {("hand", "in front of", "woman")}),
    ("a state that relates keeps its preposition", "the right foot is parallel to the left shin, arms up",
     {("right foot", "parallel to", "left shin")}),
    ("a movement keeps its words before the preposition", "knees pulled in towards the chest, head down",
     {("knee", "pulled in towards", "chest")}),
    ("a direction keeps its preposition", "right arm up over the head, left leg bent", {("right arm", "up over", "head")}),
    ("a word of nearness keeps its preposition", "both hands just above the knees, head up", {("hand", "just above", "knee")}),
    ("a look keeps its direction", "The woman is looking straight down at her hands, legs crossed",
     {("woman", "looking straight down at", "hand")}),
    ("a particle after a moved part is the verb's", "The dancer is lifting her right leg up, arms out",
     {("dancer", "lifting up", "right leg")}),
    ("a part the person acts with does what the person does", "The woman is covering her mouth with her right hand, knees bent",
     {("right hand", "covering", "mouth"), ("woman", "covering", "mouth")}),
    ("a limb's smaller part relates the limb too", "right leg lifted with foot on the left knee, arms up",
     {("foot", "on", "left knee"), ("right leg", "on", "left knee")}),
    ("a moving verb's relation ends before the object's article", "both arms are reaching forward to the floor, knees bent",
     {("arm", "reaching forward to", "floor")}),
    ("a particle with its own object stays the part's", "The man is swinging his left arm back behind him",
     {("man", "swinging", "left arm")}),
]  # fmt: skip


@pytest.mark.parametrize("case,description,wanted", RELATIONS, ids=[row[0] for row in RELATIONS])
def test_pose_relations(case, description, wanted):
    found = relations(plan(description))
    assert wanted <= found, f"{case}: {found}"


# (case, description, {name: count})
PARTS = [
    ("a side is kept in the name", "right knee up and left elbow bent", {"right knee": 1, "left elbow": 1}),
    ("a plural part with no number has none", "arms raised and legs apart", {"arm": None, "leg": None}),
    ("'both' makes two", "both knees bent and both arms straight", {"knee": 2, "arm": 2}),
    ("'right and left X' is two parts", "right and left legs bent at the knee, head down", {"right leg": 1, "left leg": 1}),
    ("a modifier is kept", "the left ankle is parallel to the right inner thigh, arms down", {"right inner thigh": 1}),
    ("a person word is the person", "The figure is bending forward with its left arm up and right arm down", {"figure": 1}),
    ("'he' is a man", "He is balancing on his left leg with his right knee up", {"man": 1, "left leg": 1, "right knee": 1}),
    ("told to 'you', the parts are 'your' parts", "You are standing on your right leg, your left leg is lifted",
     {"you": 1, "your right leg": 1, "your left leg": 1}),
    ("an order with 'your' is told to 'you'", "Sit on the floor with legs forward. Your arms are spread behind the back.",
     {"you": 1, "your arm": None}),
    ("told to 'you', a ground is no part", "You are sitting on the floor with your legs forward and bent", {"floor": 1}),
    ("'the other' limb after a sided one is the other side", "left leg raised and the other leg straight, head up",
     {"left leg": 1, "right leg": 1}),
    ("'the other' limb in a 'with' clause is the other side", "right arm bent with the other arm hanging down",
     {"right arm": 1, "left arm": 1}),
]  # fmt: skip


@pytest.mark.parametrize("case,description,wanted", PARTS, ids=[row[0] for row in PARTS])
def test_pose_parts(case, description, wanted):
    scene = plan(description)
    for name, count in wanted.items():
        assert named(scene, name).count == count, case


def test_a_particle_after_a_moved_part_is_no_state_of_the_mover():
    held = values(named(plan("The dancer is lifting her right leg up, arms out"), "dancer"))
    assert "lifting her right leg up" in held and "up" not in held


def test_a_limbs_with_clause_goes_on_after_its_own_noun():
    held = values(
        named(plan("right arm raised with arm by the side and forearm at chin level, left leg back"), "right arm")
    )
    assert "by the side" in held and "forearm at chin level" in held and "arm by the side" not in held


def test_a_thing_held_with_a_part_is_held_once():
    scene = plan("The man is lifting a box with both hands, knees bent and head down")
    assert not any("box" in v for v in values(named(scene, "hand")))


def test_another_limb_after_and_is_not_the_limbs():
    held = values(named(plan("left leg lifted with knee bent and arms up, head down"), "left leg"))
    assert "knee bent" in held and "arms up" not in held


def test_measures_and_directions_name_no_part():
    scene = plan("right arm up at shoulder level, left arm reaching back, head turned to the side")
    names = [o.name for o in scene.objects]
    assert "shoulder" not in names and "back" not in names and "side" not in names
    assert "right arm" in names and "left arm" in names


def test_a_short_verb_doubles_its_consonant():
    assert ("person", "sitting on", "floor") in relations(
        plan("Sit on the floor with legs forward and bent at the knees. Look straight up.")
    )


# (case, description, names that must be things, names that must not)
REFERENCES = [
    ("a ground a part leaves is a direction", "right leg is bent forward off the ground, head down", ["right leg"], ["ground"]),
    ("a ground reached towards is a direction", "the left arm is held towards the floor, head up", ["left arm"], ["floor"]),
    ("a ground said of no part is no thing", "shoes are pointed to the floor, left arm up, right knee bent",
     ["left arm", "right knee"], ["floor"]),
    ("a ground stood on is a thing", "the person is sitting on the floor with the hands raised", ["person", "floor"], []),
    ("'close' is no thing drawn", "one arm held close the face, the other arm down", ["arm"], ["close"]),
    ("a pose is no thing drawn", "left arm raised in a waving position, right leg back", ["left arm"], ["waving position"]),
    ("a limb's noun in its 'with' clause is no other limb", "left leg forward with leg bent, right arm down", ["left leg"], ["leg"]),
    ("'away from the body' says how far", "both arms are extended away from the body, knees bent", ["arm"], ["body"]),
    ("a thing in a likeness is not drawn", "lying on their back with both legs up as if pedaling a unicycle, arms bent",
     ["leg", "arm"], ["unicycle"]),
    ("the body after a preposition is the person named", "The woman holds both hands in front of the body, left knee raised",
     ["woman", "hand"], ["body"]),
    ("a part a hand is level with is a height", "left hand held level with their hip, right leg bent, head up",
     ["left hand", "right leg"], ["hip"]),
    ("standing on both feet is the stance, not two more parts", "the figure stands on both feet, arms raised and head tilted",
     ["figure", "arm", "head"], ["foot"]),
]  # fmt: skip


@pytest.mark.parametrize("case,description,present,absent", REFERENCES, ids=[row[0] for row in REFERENCES])
def test_reference_words_are_not_drawn(case, description, present, absent):
    names = [o.name for o in plan(description).objects]
    assert all(n in names for n in present) and not any(n in names for n in absent), f"{case}: {names}"


def test_their_back_is_a_part():
    assert "back" in [o.name for o in plan("lying on their back with the left leg up and right leg bent").objects]


def test_a_pose_keeps_its_words_as_the_prompt():
    text = "The person is leaning toward the right with their right arm up and left arm bent."
    assert plan(text).prompt == text


# Ordinary prompts with a body part or two are not pose descriptions: the grammar reads them as before.
ORDINARY = [
    ("a man raising his arm on a beach", {"man", "beach"}),
    ("A young man in a suit and tie with a beer in his hand.", {"man", "suit", "tie", "beer"}),
    ("surreal oil painting of two hands holding a brain between them", {"hand", "brain"}),
    ("a woman with her hands on her hips on a beach at sunset", {"woman", "beach"}),
    ("an old man with grey hair and large grey wings on his back, wearing a monocle", {"man", "wing", "monocle"}),
]


@pytest.mark.parametrize("description,kept", ORDINARY, ids=[row[0][:40] for row in ORDINARY])
def test_ordinary_prompts_are_not_poses(description, kept):
    scene = plan(description)
    names = {o.name for o in scene.objects}
    assert kept <= names, names
    assert scene.prompt != description or not scene.objects


def test_a_pose_with_a_setting_keeps_the_setting():
    scene = plan("A woman standing with her arms crossed and her head tilted in a park")
    assert {"woman", "arm", "head", "park"} <= {o.name for o in scene.objects}
    assert ("woman", "in", "park") in relations(scene)


def test_styles_are_not_part_states():
    scene = plan("a woman with her hands on her hips and her left leg bent, watercolor painting")
    assert "watercolor painting" not in values(named(scene, "left leg"))


@pytest.mark.parametrize(
    "text",
    [
        "left left left arm arm arm",
        "with with their their right",
        "the other the other, right, left.",
        "legs " * 300,
        "standing on left leg right leg up " * 40,
        "'s 's his her their right and left and right legs",
    ],
)
def test_odd_text_never_fails(text):
    scene = plan(text)
    assert len(scene.objects) <= 16


# (case, description, words the generator prompt says, words it must not say)
WRITTEN = [
    ("a side's depth its own words say is not written again",
     "left arm is bent forward, right arm is angled straight back, head is tilted down",
     ["a left arm bent forward", "a right arm angled straight back"], ["behind a left arm", "in front of a right arm"]),
    ("a smaller part in a part's phrase follows 'with' and is not written again",
     "left leg lifted behind the body with knee bent, arms down",
     ["a left leg lifted behind the body with knee bent"], ["a knee bent left leg", "a bent knee"]),
    ("a verb said of a part is written as its -ing form", "right arm hangs down with hand near the hip, head up",
     ["a right arm hanging down with hand near the hip"], ["hangs"]),
    ("plural parts with no number are said without one", "arms raised and legs apart", ["legs apart"], ["two legs"]),
    ("told to 'you', the parts take no article", "You are kneeling on your left knee, your right arm is raised",
     ["you kneeling on your left knee", "your right arm raised"], ["a you", "a your"]),
    ("a particle after a moved part is said once, after the part", "The dancer is lifting her right leg up, arms out",
     ["a dancer lifting her right leg up"], ["a right leg up", "lifting up"]),
    ("another part in a limb's 'with' clause is not the limb's", "left arm bent and right arm raised with head looking down",
     ["a raised right arm, a head looking down"], ["head looking down raised", "a head right arm"]),
    ("an order is written as what the figure is doing", "Kneel on the mat with the arms up and the head tilted. Look left.",
     ["a person kneeling on the mat looking left"], ["kneel on", "look left"]),
    ("a whole body is the body", "She is bent forward so her whole body leans left, arms down", ["body leaning left"],
     ["whole"]),
    ("a plural smaller part in a limb's 'with' clause is said after 'with'", "both arms up and bent with wrists bent, head down",
     ["two arms up and bent with wrist bent"], ["wrists bent arms"]),
    ("two states joined by 'and' are written as joined", "left arm down and bent at the elbow, head turned to the left",
     ["a left arm down and bent at the elbow"], ["bent at the elbow down"]),
    ("'the other' limb is written as the other side", "left arm up with the other arm down, head up",
     ["a left arm up, a right arm down"], ["other arm"]),
]  # fmt: skip


@pytest.mark.parametrize("case,description,present,absent", WRITTEN, ids=[row[0] for row in WRITTEN])
def test_a_pose_is_written_as_a_clean_prompt(case, description, present, absent):
    from limner.agents.scene.prompting import write_prompt

    prompt = write_prompt(plan(description))[0]
    assert all(p in prompt for p in present) and not any(a in prompt for a in absent), f"{case}: {prompt}"
