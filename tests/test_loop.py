"""caption, evaluate and the feedback loop, with the layout generator and the palette captioner,
where colour and position are measurable."""

from __future__ import annotations

import json

import pytest
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client

from limner.errors import InvalidRequest
from tests.conftest import run_limner
from tests.mcp_helpers import assert_image_result

# The cube is drawn over the ball (same size, listed later): the ball's colour check fails until the
# loop moves the ball out from under it.
HIDDEN_BALL = {
    "intent": "a red ball and a blue cube",
    "prompt": "a red ball, a blue cube",
    "objects": [
        {"name": "ball", "attributes": {"color": "red"}, "box": [0.3, 0.3, 0.4, 0.4]},
        {"name": "cube", "attributes": {"color": "blue"}, "box": [0.3, 0.3, 0.4, 0.4]},
    ],
    "seed": 3,
}
# A pencil sketch is drawn in greys: no revision makes the apple measurably red.
GREY_APPLE = {
    "intent": "a red apple, pencil sketch",
    "prompt": "a red apple, pencil sketch",
    "style": "pencil sketch",
    "objects": [{"name": "apple", "attributes": {"color": "red"}, "box": [0.3, 0.3, 0.3, 0.3]}],
    "seed": 3,
}


def test_a_failed_colour_check_is_revised_and_passes_in_a_later_round(studio: Studio):
    seen: list[str] = []
    made = studio.generate(
        scene=HIDDEN_BALL, generator="layout", rounds=4, progress=lambda d, t, m: seen.append(m)
    )
    first, second = made.attempts
    assert first.failed == ["Is the ball red?"] and first.score == 0.5
    assert second.failed == [] and second.score == 1.0
    assert made.image_id == second.image_id, "the best image is returned"
    assert made.stopped.startswith("every check that could be verified passed")
    assert made.evaluation.score == 1.0
    ball = next(o for o in made.scene.objects if o.name == "ball")
    assert ball.box != (0.3, 0.3, 0.4, 0.4), "the ball was moved out from under the cube"
    details = studio.show(made.image_id)
    assert (details.parent_id, details.relation) == (first.image_id, "retry")
    assert "ball" in details.changes
    assert [e["evaluation"]["score"] for e in studio.lineage.evaluations(first.image_id)] == [0.5]
    assert studio.lineage.captions(made.image_id)[0]["captioner"] == "palette"
    assert any(m.startswith("round 2/4") for m in seen) and "stopped" in seen[-1]


def test_a_scene_that_cannot_pass_stops_by_a_rule_and_returns_the_best_image(studio: Studio):
    made = studio.generate(scene=GREY_APPLE, generator="layout", rounds=6)
    assert made.stopped == "the revision repeats a Scene already tried"
    assert len(made.attempts) == 2 and all(a.score == 0.0 for a in made.attempts)
    assert made.image_id == made.attempts[0].image_id, "ties keep the earlier image"
    retry = studio.show(made.attempts[1].image_id)
    assert (retry.parent_id, retry.relation) == (made.image_id, "retry")


def test_candidates_are_ranked_and_kept_as_variations_of_the_first(studio: Studio):
    made = studio.generate("a red ball to the left of a blue cube", generator="layout", seed=10, candidates=3)
    assert [a.seed for a in made.attempts] == [10, 11, 12]
    first = made.attempts[0].image_id
    for attempt in made.attempts[1:]:
        details = studio.show(attempt.image_id)
        assert (details.parent_id, details.relation) == (first, "variation")
    assert made.evaluation.score == max(a.score for a in made.attempts)


@pytest.mark.parametrize(("options", "says"), [({"rounds": 0}, "rounds"), ({"candidates": 9}, "candidates")])
def test_loop_settings_out_of_range_say_what_is_allowed(studio: Studio, options, says):
    with pytest.raises(InvalidRequest, match=says):
        studio.generate("a cat", generator="layout", **options)


def test_evaluate_checks_the_image_s_own_scene_or_a_description(studio: Studio):
    made = studio.generate("a red ball to the left of a blue cube", generator="layout", seed=1)
    own = studio.evaluate(made.image_id)
    assert own.evaluation.score == 1.0 and own.scene_id == made.scene.fingerprint()
    statuses = {v.check_id: (v.status, v.answered_by) for v in own.evaluation.verdicts}
    assert statuses["entity:0"] == ("unverified", "none"), "no vision here: an object's presence is unverified"
    assert statuses["attribute:0:color"] == ("passed", "measure")
    assert "unverified" in own.evaluation.note
    other = studio.evaluate(made.image_id, "a green ball")
    assert other.evaluation.score == 0.0 and not other.evaluation.passed
    assert [e["evaluation"]["score"] for e in studio.lineage.evaluations(made.image_id)] == [1.0, 0.0]


def test_a_palette_caption_reports_measurements_and_is_kept(studio: Studio):
    made = studio.generate("a red ball", generator="layout", seed=1)
    result = studio.caption(made.image_id, detail="detailed")
    assert not result.caption.semantic and result.caption.measurements["brightness"] > 0
    assert "red" in result.caption.text
    assert studio.lineage.captions(made.image_id)[0]["id"] == result.caption_id


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.mark.anyio
async def test_the_caption_evaluate_and_looping_generate_tools(studio: Studio):
    async with Client(build_server(studio)) as client:
        looped = await client.call_tool("generate", {"scene": HIDDEN_BALL, "generator": "layout", "rounds": 3})
        data = assert_image_result(looped)
        assert len(data["attempts"]) == 2 and "Best of 2 images" in looped.content[0].text
        captioned = await client.call_tool("caption", {"image_id": data["image_id"]})
        assert_image_result(captioned)
        assert "measured from pixels" in captioned.content[0].text
        checked = await client.call_tool("evaluate", {"image_id": data["image_id"]})
        result = assert_image_result(checked)
        assert result["evaluation"]["score"] == 1.0 and "passed: Is the ball red?" in checked.content[0].text
        missing = await client.call_tool("evaluate", {"image_id": "ffffffff"})
        assert missing.is_error and "ffffffff" in missing.content[0].text


def test_the_cli_captions_and_evaluates_with_json(isolated_home):
    made = json.loads(run_limner("generate", "a red ball to the left of a blue cube", "--json", home=isolated_home).stdout)
    caption = json.loads(run_limner("caption", made["image_id"], "--json", home=isolated_home).stdout)
    assert caption["caption"]["captioner"] == "palette"
    evaluation = json.loads(run_limner("evaluate", made["image_id"], "--json", home=isolated_home).stdout)
    assert evaluation["evaluation"]["score"] == 1.0
    looped = run_limner("generate", "a red ball", "--rounds", "2", "--candidates", "2", home=isolated_home).stdout
    assert "round 1" in looped and "stopped:" in looped


@pytest.mark.anyio
async def test_an_image_that_is_not_stored_can_be_captioned_and_bad_bytes_are_refused(studio: Studio):
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="PNG")
    async with Client(build_server(studio)) as client:
        described = await client.call_tool("caption", {"image": base64.b64encode(buffer.getvalue()).decode()})
        assert not described.is_error, described.content[0].text
        assert described.structured_content["image_id"] is None and "red" in described.content[0].text
        garbage = await client.call_tool("caption", {"image": base64.b64encode(b"\x00\xffnot an image").decode()})
        assert garbage.is_error and "not an image" in garbage.content[0].text
        not_base64 = await client.call_tool("caption", {"image": "%%%"})
        assert not_base64.is_error and "base64" in not_base64.content[0].text
        neither = await client.call_tool("caption", {})
        assert neither.is_error and "either an image_id or an image" in neither.content[0].text
    assert studio.lineage.count_images() == 0


def test_a_captioner_that_fails_gives_way_to_palette_and_the_note_says_why(isolated_home, monkeypatch):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the block ends
    monkeypatch.setenv("LIMNER_VISION_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("LIMNER_VISION_TIMEOUT", "2")
    with Studio() as studio:  # Settings are read once, when the Studio is built
        made = studio.generate("a red ball", generator="layout", seed=1)
        result = studio.evaluate(made.image_id, captioner="openai")
    assert result.caption.captioner == "palette"
    assert "the palette captioner measured instead" in result.evaluation.note
    assert result.evaluation.score == 1.0
