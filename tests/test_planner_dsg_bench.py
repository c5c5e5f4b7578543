"""The DSG-1k bench's matcher (bench/planner_dsg.py) on hand-made Scenes and tuples: strict, and able to fail."""

from __future__ import annotations

import sys
from pathlib import Path

from limner.agents.scene.model import Attributes, Relation, Scene, SceneObject

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import planner_dsg as bench  # noqa: E402


def scene(*objects: SceneObject, relations=(), **fields) -> Scene:
    return Scene(intent="x", prompt="x", objects=list(objects), relations=[Relation(subject=s, predicate=p, object=o) for s, p, o in relations], **fields)  # fmt: skip


def obj(name: str, count: int = 1, **attributes) -> SceneObject:
    return SceneObject(name=name, count=count, attributes=Attributes(**attributes))


def fact(raw: str) -> bench.Fact:
    broad, _, rest = raw.partition(" - ")
    detailed = rest.split(" (", 1)[0]
    return bench.read_tuple("p_1", raw, broad, detailed)


def kept(s: Scene, raw: str) -> bool:
    [(_, hit)] = bench.judge(s, [fact(raw)]).hits
    return hit


def test_a_name_with_a_modifier_does_not_match_and_a_plural_matches_the_singular():
    assert not kept(scene(obj("different bird sketch")), "entity - whole (bird sketch)")
    assert kept(scene(obj("bird sketches")), "entity - whole (bird sketch)")
    assert kept(scene(obj("Wine Glass")), "entity - whole (the wine glasses)")
    assert kept(scene(obj("cups of coffee")), "entity - whole (cup of coffee)")
    assert not kept(scene(obj("bird")), "entity - whole (bird sketch)")


def test_a_possessive_part_matches_by_the_part_not_by_its_last_word():
    assert kept(scene(obj("right arm")), "entity - part (someone's right arm)")
    assert kept(scene(obj("uniform")), "entity - part (security guards' uniform)")
    assert not kept(scene(obj("arm")), "entity - part (someone's right arm)")


def test_attributes_need_the_entity_and_the_value_on_that_object():
    cube = "attribute - color (rubix cube, purple)"
    assert kept(scene(obj("rubix cube", color="purple")), cube)
    assert not kept(scene(obj("rubix cube"), obj("square", color="purple")), cube)
    assert not kept(scene(obj("rubix cube", color="dark purple")), cube)
    assert kept(scene(obj("ostrich", state="swimming")), "attribute - state (ostrich, swim)")
    assert kept(scene(obj("person", state="squatting")), "attribute - state (person, squat)")
    assert not kept(scene(obj("guards", count=3)), "other - count (security guards, ==3)")
    assert kept(scene(obj("security guard", count=3)), "other - count (security guards, ==3)")
    assert not kept(scene(obj("security guard", count=2)), "other - count (security guards, ==3)")
    assert kept(scene(obj("tree", count=4)), "attribute - count (trees, many)")
    assert not kept(scene(obj("tree")), "attribute - count (trees, many)")
    assert kept(scene(SceneObject(name="tree", quantity="many")), "attribute - count (trees, many)")
    assert not kept(scene(SceneObject(name="tree", quantity="many")), "other - count (trees, ==5)")
    assert kept(scene(SceneObject(name="tree", count=None)), "other - count (trees, >1)"), "more than one"
    assert not kept(scene(obj("tree")), "other - count (trees, >1)")
    # an instance number names one of several groups of a thing: matched by name, counted one group at a time
    flowers = scene(obj("flower", count=2, color="red"), obj("flower", count=3, color="white"))
    assert kept(flowers, "attribute - color (flowers_2, white)") and kept(flowers, "other - count (flowers_2, ==3)")
    assert not kept(flowers, "other - count (flowers_2, ==4)")


def test_a_relation_needs_both_ends_and_the_same_meaning():
    on = "relation - spatial (cat, table, on top of)"
    assert kept(scene(obj("cat"), obj("table"), relations=[(0, "on", 1)]), on)
    assert not kept(scene(obj("cat"), obj("table"), relations=[(0, "next to", 1)]), on)
    assert not kept(scene(obj("cat"), obj("wooden table"), relations=[(0, "on", 1)]), on)
    assert not kept(scene(obj("cat"), obj("table"), relations=[(1, "on", 0)]), on)  # the other way round is not "on"
    assert kept(scene(obj("cat"), obj("dog"), relations=[(1, "right of", 0)]), "relation - spatial (cat, dog, left to)")
    assert kept(scene(obj("cat"), obj("sofa"), relations=[(0, "on", 1)]), "relation - spatial (cat, sofa, sitting on)")
    assert kept(
        scene(obj("bench"), obj("tree", 3), relations=[(0, "next to", 1)]), "relation - spatial (bench, trees, near)"
    )
    # An action is not a place: a man "on" a horse does not say he rides it.
    assert not kept(scene(obj("man"), obj("horse"), relations=[(0, "on", 1)]), "relation - action (men, horses, ride)")
    assert kept(scene(obj("ostrich", state="swimming")), "relation - action (ostrich, swim)")


def test_globals_and_text():
    styled = scene(obj("cat"), style="watercolor, greg rutkowski style", time_of_day="night")
    assert kept(styled, "global - - (watercolor)")
    assert kept(styled, "global - - (by Greg Rutkowski)")
    assert kept(styled, "global - - (at night)")
    assert not kept(styled, "global - - (watercolor painting)")
    assert kept(scene(obj("cat"), width=904, height=512), "global - - (--ar 16:9)")
    assert not kept(scene(obj("cat")), "global - - (--ar 16:9)")
    sign = fact('other - text rendering (pot\'s sign, "do not touch, please")')
    assert sign.group == "text" and sign.args[-1] == "do not touch, please"
    assert not bench.judge(scene(obj("sign")), [sign]).hits[0][1]  # today's Scene holds no text

    class TextScene(Scene):
        text: list[str] = []

    said = TextScene(intent="x", prompt="x", objects=[obj("sign")], text=["Do not touch, please!"])
    assert bench.judge(said, [sign]).hits[0][1]


def test_junk_counts_objects_that_match_no_entity():
    facts = [fact("entity - whole (cat)"), fact("entity - part (cat's tail)")]
    judged = bench.judge(scene(obj("cat"), obj("tail"), obj("fluffy cat"), obj("leaning forward")), facts)
    assert judged.objects == 4
    assert judged.junk == ["fluffy cat", "leaning forward"]
    assert [hit for _, hit in judged.hits] == [True, True]
