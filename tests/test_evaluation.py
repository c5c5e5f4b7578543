"""Evaluating an image against its Scene: verdicts, DSG dependencies, the score and an honest note.

Images come from the real layout renderer (where a colour check should pass) or are painted by hand
with Pillow (where it must fail). The vision model is the one edge stood in for: a remote API, played by
a small class with the same `ask_yes_no` shape that answers from a script.
"""

from __future__ import annotations

import pytest
from limner.agents.looking.evaluation import Evaluation, Verdict, evaluate
from limner.agents.looking.measure_judge import MeasureJudge
from limner.agents.looking.vlm_judge import VlmJudge
from limner.agents.scene.model import Attributes, Relation, Scene, SceneObject
from limner.generators.layout import LayoutGenerator
from PIL import Image, ImageDraw

from limner.errors import InvalidRequest

APPLE_BOX = (0.1, 0.35, 0.35, 0.3)
BOWL_BOX = (0.55, 0.35, 0.35, 0.3)


class ScriptedVision:
    """A vision backend shaped like the OpenAI one: p(yes) per question, `default` for the rest."""

    model = "scripted"

    def __init__(self, answers: dict[str, float] | None = None, *, default: float = 0.9, fail: bool = False):
        self.answers = answers or {}
        self.default = default
        self.fail = fail
        self.asked: list[str] = []

    def ask_yes_no(self, image: Image.Image, question: str) -> tuple[bool, float]:
        self.asked.append(question)
        if self.fail:
            raise ConnectionError("the vision endpoint is unreachable")
        p_yes = self.answers.get(question, self.default)
        return p_yes >= 0.5, p_yes


def apples_and_bowl(**extra) -> Scene:
    return Scene(
        intent="two red apples left of a blue bowl",
        prompt="two red apples to the left of a blue bowl",
        objects=[
            SceneObject(name="apple", count=2, attributes=Attributes(color="red"), box=APPLE_BOX),
            SceneObject(name="bowl", attributes=Attributes(color="blue"), box=BOWL_BOX),
        ],
        relations=[Relation(subject=0, predicate="left of", object=1)],
        **extra,
    )


def rendered(scene: Scene) -> Image.Image:
    return LayoutGenerator().render(scene.render_spec(seed=7)).image


def by_id(evaluation: Evaluation) -> dict[str, Verdict]:
    return {v.check_id: v for v in evaluation.verdicts}


def test_measured_colours_pass_on_the_layout_render_and_fail_when_the_box_is_another_colour():
    scene = apples_and_bowl()
    good = by_id(evaluate(scene, rendered(scene), judges=[MeasureJudge()]))
    assert good["attribute:0:color"].status == "passed"
    assert good["attribute:0:color"].answered_by == "measure"
    assert "red covers" in good["attribute:0:color"].detail and "apple's box" in good["attribute:0:color"].detail

    # The same picture with the apples' box painted green: the measurement must say no.
    painted = rendered(scene)
    w, h = painted.size
    x, y, bw, bh = APPLE_BOX
    ImageDraw.Draw(painted).rectangle((x * w, y * h, (x + bw) * w, (y + bh) * h), fill=(44, 160, 44))
    bad = by_id(evaluate(scene, painted, judges=[MeasureJudge()]))
    assert bad["attribute:0:color"].status == "failed"
    assert bad["attribute:0:color"].confidence > 0.5
    assert bad["attribute:1:color"].status == "passed"  # the bowl was left alone


def test_with_only_measurements_entities_are_unverified_never_passed_and_the_note_says_why():
    scene = apples_and_bowl(exclude=["cat"])
    result = evaluate(scene, rendered(scene), judges=[MeasureJudge()])
    verdicts = by_id(result)
    for check_id in ("entity:0", "entity:1", "count:0", "exclusion:0"):
        assert verdicts[check_id].status == "unverified"
    # An unverified parent does not fail its children: the colours were still measured.
    assert verdicts["attribute:0:color"].status == "passed"
    assert result.unverified == 4
    assert result.score == 1.0  # 3 of 3 answered (two colours and the left-of)
    assert result.passed is True
    assert result.all_required_passed is False  # the loop must not stop on colour alone
    assert "3 of 3 answered required checks passed" in result.note
    assert "4 checks unverified" in result.note and "no vision model" in result.note
    assert result.judges == ["measure"]


def test_a_failed_entity_fails_its_children_by_dependency_without_asking():
    scene = apples_and_bowl()
    vision = ScriptedVision({"Is there an apple?": 0.1})
    result = evaluate(scene, rendered(scene), judges=[VlmJudge(vision), MeasureJudge()])
    verdicts = by_id(result)
    assert verdicts["entity:0"].status == "failed"
    assert verdicts["entity:0"].answered_by == "vlm:scripted"
    assert verdicts["entity:0"].p_yes == 0.1
    assert verdicts["entity:0"].confidence == 0.8
    for child in ("count:0", "attribute:0:color", "relation:0"):
        assert verdicts[child].status == "failed"
        assert verdicts[child].answered_by == "dependency"
        assert "entity:0" in verdicts[child].detail
    # Children of a failed parent are never put to the model.
    assert vision.asked == ["Is there an apple?", "Is there a bowl?", "Is the bowl blue?"]
    assert verdicts["attribute:1:color"].status == "passed"
    assert result.score == pytest.approx(2 / 6, abs=1e-4)
    assert [v.check_id for v in result.failed_checks()] == ["entity:0", "count:0", "attribute:0:color", "relation:0"]


def test_the_first_judge_that_answers_wins():
    scene = apples_and_bowl()
    # The vision model says the apples are not red; the measurement would say they are. Vision is asked first.
    vision = ScriptedVision({"Are the apples red?": 0.3})
    verdicts = by_id(evaluate(scene, rendered(scene), judges=[VlmJudge(vision), MeasureJudge()]))
    assert verdicts["attribute:0:color"].answered_by == "vlm:scripted"
    assert verdicts["attribute:0:color"].status == "failed"
    verdicts = by_id(evaluate(scene, rendered(scene), judges=[MeasureJudge(), VlmJudge(vision)]))
    assert verdicts["attribute:0:color"].answered_by == "measure"
    assert verdicts["entity:0"].answered_by == "vlm:scripted"  # measure has nothing to say about objects


def test_all_required_passed_when_every_required_check_passes_and_the_score_against_the_threshold():
    scene = apples_and_bowl(style="watercolor")
    vision = ScriptedVision({"Is the picture a watercolor?": 0.2})
    result = evaluate(scene, rendered(scene), judges=[VlmJudge(vision)])
    assert result.all_required_passed is True  # the style check failed, but it is not required
    assert result.score == 1.0 and result.passed
    assert result.failed_checks() == []
    assert by_id(result)["global:style"].status == "failed"

    one_wrong = ScriptedVision({"Is the bowl blue?": 0.4})
    result = evaluate(scene, rendered(scene), judges=[VlmJudge(one_wrong)], threshold=0.9)
    assert result.score == pytest.approx(5 / 6, abs=1e-4)
    assert result.passed is False and result.all_required_passed is False
    assert [v.check_id for v in result.failed_checks()] == ["attribute:1:color"]


def test_a_vision_backend_that_fails_leaves_the_checks_to_the_others_and_is_named_in_the_note():
    scene = apples_and_bowl()
    vision = ScriptedVision(fail=True)
    judges = [VlmJudge(vision), MeasureJudge()]  # kept across evaluations, as the loop keeps them
    result = evaluate(scene, rendered(scene), judges=judges)
    assert len(vision.asked) == 1  # it is not hammered once it has failed
    assert by_id(result)["attribute:0:color"].answered_by == "measure"
    assert by_id(result)["entity:0"].status == "unverified"
    assert "vlm:scripted: ConnectionError" in result.note
    # Back on its feet, it is asked again about the next image, and the old failure is not reported.
    vision.fail = False
    again = evaluate(scene, rendered(scene), judges=judges)
    assert by_id(again)["entity:0"].answered_by == "vlm:scripted"
    assert "ConnectionError" not in again.note


def test_a_threshold_outside_zero_to_one_is_refused():
    scene = apples_and_bowl()
    with pytest.raises(InvalidRequest, match="threshold 1.5"):
        evaluate(scene, rendered(scene), judges=[MeasureJudge()], threshold=1.5)


def test_no_judges_at_all_gives_no_score():
    scene = apples_and_bowl()
    result = evaluate(scene, rendered(scene), judges=[])
    assert result.score is None and result.passed is False and result.all_required_passed is False
    assert result.unverified == len(scene.checks())
    assert "none of the 6 required checks could be answered" in result.note


def test_measured_light_answers_time_of_day_but_never_counts_towards_the_score():
    night = Scene(intent="a boat at night", prompt="a boat at night", time_of_day="night")
    noon = night.model_copy(update={"time_of_day": "noon"})
    dark = by_id(evaluate(night, rendered(night), judges=[MeasureJudge()]))["global:time_of_day"]
    assert dark.status == "passed" and not dark.required
    bright = evaluate(noon, rendered(noon), judges=[MeasureJudge()])
    assert by_id(bright)["global:time_of_day"].status == "passed"
    wrong = by_id(evaluate(night, rendered(noon), judges=[MeasureJudge()]))["global:time_of_day"]
    assert wrong.status == "failed" and "brightness" in wrong.detail
    # No required checks: nothing to score, nothing left to fix.
    assert bright.score is None and bright.all_required_passed is True
    assert "no required checks" in bright.note
