"""The Scene model: bounds that make any valid Scene safe to render, and the checks derived from it."""

from __future__ import annotations

import json

import pytest
from limner.agents import Attributes, Relation, Scene, SceneObject, scene_json_schema
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
    assert schema["properties"]["version"]["const"] == 1
    assert {"intent", "prompt", "objects", "relations", "exclude", "seed", "steps", "guidance"} <= set(
        schema["properties"]
    )
    assert schema["$id"].endswith("scene-v1.json")
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
    assert checks["attribute:0:color"].question == "Is the apple red?"
    assert checks["attribute:1:material"].question == "Is the table made of wood?"
    assert checks["relation:0"].question == "Is the apple on the table?"
    assert checks["exclusion:0"].question == "Is there no text?"
    assert checks["global:style"].question == "Is the style watercolor?"
    assert checks["global:time_of_day"].question == "Is it dusk?"


def test_lighting_gets_its_own_question():
    checks = {c.id: c for c in apples_on_table(lighting="neon").checks()}
    assert checks["global:lighting"].question == "Is the lighting neon?" and not checks["global:lighting"].required


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
