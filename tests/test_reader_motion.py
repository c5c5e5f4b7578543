"""The rules reader's prepositions of motion, source, light and 'between': one case per row."""

from __future__ import annotations

import pytest
from limner.agents.scene.prompting import write_prompt
from reader_helpers import named, plan, relations

# (case, description, relations that must hold, relations that must not)
RELATIONS = [
    (
        "'out of' after a verb of motion is one relation with it",
        "an otter climbing out of a bucket",
        {("otter", "climbing out of", "bucket")},
        {("otter", "of", "bucket")},
    ),
    (
        "'out of' after a verb of looking too",
        "a grandmother staring out of a train window",
        {("grandmother", "staring out of", "train window")},
        set(),
    ),
    (
        "'out of' after a verb's object says where the object comes from",
        "a farmer lifting a lamb out of a ditch",
        {("farmer", "lifting", "lamb"), ("lamb", "out of", "ditch")},
        {("lamb", "of", "ditch")},
    ),
    (
        "'out from' is one relation with the verb",
        "a rabbit peering out from a hedge",
        {("rabbit", "peering out from", "hedge")},
        set(),
    ),
    (
        "'off' after a verb of motion is one relation with it; after another verb, a particle",
        "a man taking off his coat next to a kid sliding off a rock",
        {("man", "taking off", "coat"), ("kid", "sliding off", "rock")},
        {("man", "off", "coat")},
    ),
    (
        "'off' after a verb's object says where the object goes from",
        "a waiter brushing crumbs off a tablecloth",
        {("crumb", "off", "tablecloth")},
        set(),
    ),
    (
        "'off' with no verb is where a thing is",
        "a lighthouse off a rocky island",
        {("lighthouse", "off", "island")},
        set(),
    ),
    (
        "'from' after a verb and its particle is one relation with both",
        "a helicopter lifting off from a rooftop and a goat climbing down from a ledge",
        {("helicopter", "lifting off from", "rooftop"), ("goat", "climbing down from", "ledge")},
        set(),
    ),
    (
        "'from' after the object of a verb of taking: the object was in the source",
        "a boy rescuing a kitten from a well",
        {("boy", "rescuing", "kitten"), ("kitten", "in", "well")},
        set(),
    ),
    (
        "a source one stands on takes 'on'",
        "a librarian pulling a book from a shelf",
        {("book", "on", "shelf")},
        set(),
    ),
    (
        "'from' after the object of a verb done from where one stands: the doer is there",
        "a sailor tossing a rope from a pier",
        {("sailor", "tossing", "rope"), ("sailor", "on", "pier")},
        set(),
    ),
    (
        "a person is no source of place",
        "a woman buying flowers from a vendor and a boy rescuing a kitten from a well",
        {("woman", "buying", "flower"), ("kitten", "in", "well")},
        {("flower", "in", "vendor")},
    ),
    (
        "'between' and one counted plural is one relation",
        "a vase between two candles",
        {("vase", "between", "candle")},
        set(),
    ),
    (
        "'in between' a plural with no count is 'between' it",
        "a puppy sleeping in between its owners",
        {("puppy", "between", "owner")},
        set(),
    ),
    (
        "a thing lit by another is related to it by the light",
        "a cave lit by a lantern",
        {("cave", "lit by", "lantern")},
        {("cave", "next to", "lantern")},
    ),
    (
        "what lights a thing goes on after 'and'",
        "a plaza lit by street lamps and a bonfire",
        {("plaza", "lit by", "street lamp"), ("plaza", "lit by", "bonfire")},
        set(),
    ),
    (
        "'illuminated by' is kept as written",
        "a stage illuminated by spotlights",
        {("stage", "illuminated by", "spotlight")},
        set(),
    ),
    (
        "'in the middle of' is said as written, not as inside",
        "a horse standing in the middle of a meadow",
        {("horse", "in the middle of", "meadow")},
        {("horse", "inside", "meadow")},
    ),
]


@pytest.mark.parametrize(
    ("description", "holds", "absent"), [row[1:] for row in RELATIONS], ids=[row[0] for row in RELATIONS]
)
def test_motion_relations(description: str, holds: set, absent: set):
    found = relations(plan(description))
    assert holds <= found, found
    assert not absent & found, found


# (case, description, words the prompt must hold, words it must not)
PROMPTS = [
    ("'out of' reads in its place", "a squirrel peeking out of a mailbox", "squirrel peeking out of a mailbox", "of a mailbox peeking"),
    ("'off' reads in its place", "a goat jumping off a rock", "goat jumping off a rock", "jumping, a rock"),
    ("'in between' is not 'standing in'", "a girl standing in between two horses", "between two horses", "standing in,"),
    ("a participle of light is no action", "a garden bathed in moonlight", "garden", "bathed"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("description", "holds", "absent"), [row[1:] for row in PROMPTS], ids=[row[0] for row in PROMPTS]
)
def test_motion_prompts(description: str, holds: str, absent: str):
    prompt = write_prompt(plan(description))[0]
    assert holds in prompt and absent not in prompt, prompt


def test_a_light_after_a_participle_of_light_is_the_lighting():
    scene = plan("a library bathed in candlelight")
    assert "candlelight" in (scene.lighting or "")
    assert not named(scene, "library").attributes.action


# (description, relation words it must not hold): words that only look like motion or light
LOOKALIKES = [
    ("a blurry photo out of focus of a cat climbing out of a box", {"out of"}),
    ("an off white sofa between two lamps", {"off"}),
    ("a baby holding a lit candle in a cave lit by a lantern", set()),
]


@pytest.mark.parametrize(("description", "absent"), LOOKALIKES)
def test_words_that_only_look_like_motion_stay_as_they_were(description: str, absent: set):
    scene = plan(description)
    found = relations(scene)
    assert not {r for r in found if r[1] in absent}, found
    assert {r for r in found if r[1] in ("climbing out of", "between", "lit by")}, found
    assert all(o.name != "candle" or o.attributes.state == "lit" for o in scene.objects)
