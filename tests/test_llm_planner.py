"""The `llm` planner: structured output, repair, retry and fallback, against a real local HTTP server."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from limner.agents import Studio
from limner.agents.planning.base import PlannerFailed
from limner.agents.planning.model_planner import ModelPlanner
from limner.agents.planning.openai_chat import OpenAIChat
from limner.agents.planning.order import available_planners, planner_order
from limner.agents.planning.scene_repair import SceneRejected, read_scene
from limner.agents.scene.prompting import prompt_tokens

from limner.errors import InvalidRequest, UnknownBackend
from limner.openai_endpoint import LLM
from limner.plugins import registry
from limner.settings import Settings
from tests.fake_chat_api import APPLES_ON_A_TABLE, FakeChatAPI

GOOD = APPLES_ON_A_TABLE


@pytest.fixture
def api() -> Iterator[FakeChatAPI]:
    with FakeChatAPI() as server:
        yield server


def planner(api: FakeChatAPI, *, timeout_s: float = 5.0, model: str = "test-model") -> ModelPlanner:
    return ModelPlanner("llm", OpenAIChat(LLM.endpoint(model=model, base_url=api.base_url, timeout=timeout_s)))


def configure(monkeypatch: pytest.MonkeyPatch, api: FakeChatAPI, model: str = "test-model") -> None:
    monkeypatch.setenv("LIMNER_LLM_BASE_URL", api.base_url)
    monkeypatch.setenv("LIMNER_LLM_MODEL", model)


@pytest.fixture
def llm_studio(api, monkeypatch: pytest.MonkeyPatch, isolated_home):
    """A Studio built after the llm endpoint is configured: Settings are read once, when it is built."""
    configure(monkeypatch, api)
    with Studio() as studio:
        yield studio


# Reading answers ----------------------------------------------------------------------------------


def read(text: str, **options):
    return read_scene(text, intent="two red apples", width=512, height=512, **options)


def test_a_good_answer_is_read_as_is():
    scene, repairs = read(json.dumps(GOOD))
    assert repairs == []
    assert [(o.name, o.count, o.attributes.color) for o in scene.objects] == [("apple", 2, "red"), ("table", 1, None)]
    assert scene.relations[0].predicate == "on" and scene.intent == "two red apples"


@pytest.mark.parametrize(
    ("answer", "repaired", "check"),
    [
        (
            'Sure! ```json\n{"prompt": "a cat", "objects": [{"name": "cat"}]}\n```',
            "words around",
            lambda s: s.objects[0].name == "cat",
        ),
        ('{"scene": {"prompt": "a cat", "objects": ["a cat"]}}', "unwrapped", lambda s: s.objects[0].name == "cat"),
        (
            '{"prompt": "apples", "objects": [{"name": "apple", "count": 100}]}',
            "lowered to 12",
            lambda s: s.objects[0].count == 12,
        ),
        ('{"prompt": "apples", "objects": [{"name": "apple", "count": "3"}]}', None, lambda s: s.objects[0].count == 3),
        (
            '{"prompt": "x", "objects": [{"name": "apple", "color": "red"}, {"name": "apple", "attributes": {"color": "red"}}]}',
            "merged",
            lambda s: len(s.objects) == 1,
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat", "box": [0.9, 0.9, 0.5, 0.5]}]}',
            "clipped",
            lambda s: s.objects[0].box[0] + s.objects[0].box[2] <= 1,
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat", "box": [256, 0, 256, 256]}]}',
            "pixels",
            lambda s: s.objects[0].box == (0.5, 0.0, 0.5, 0.5),
        ),
        (
            '{"prompt": "", "objects": [{"name": "boat", "attributes": {"color": "red"}}]}',
            "prompt was empty",
            lambda s: s.prompt == "a red boat",
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat"}, {"name": "dog"}], "relations": [{"subject": "cat", "predicate": "to the left of", "object": "dog"}]}',
            None,
            lambda s: (s.relations[0].subject, s.relations[0].predicate, s.relations[0].object) == (0, "left of", 1),
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat"}], "relations": [{"subject": 0, "predicate": "on", "object": 5}]}',
            "does not relate",
            lambda s: s.relations == [],
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat"}], "time_of_day": "sunrise"}',
            "as 'dawn'",
            lambda s: s.time_of_day == "dawn",
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat"}], "time_of_day": "teatime"}',
            "dropped 'teatime'",
            lambda s: s.time_of_day is None,
        ),
        (
            '{"prompt": "x", "objects": [{"name": "cat"}], "exclude": "text, watermark"}',
            None,
            lambda s: s.negative_prompt == "text, watermark",
        ),
        (
            '{"prompt": "two red apples", "objects": [{"name": "apple", "count": 2, "attributes": {"color": "re',
            "cut off",
            lambda s: s.objects[0].name == "apple",
        ),
        ('{"prompt": "x", "objects": [{"name": "cat"}], "mood": "gloomy"}', "ignored fields", lambda s: True),
    ],
)
def test_what_is_safe_to_repair_is_repaired_and_said(answer: str, repaired: str | None, check):
    scene, repairs = read(answer)
    assert check(scene), scene
    if repaired is None:
        assert not any("dropped" in r for r in repairs), repairs
    else:
        assert any(repaired in r for r in repairs), repairs


def test_a_prompt_over_the_budget_is_cut_at_commas_keeping_its_start():
    long_prompt = ", ".join(["a red apple on a table"] + [f"detail number {i} of the background" for i in range(30)])
    scene, repairs = read(json.dumps({"prompt": long_prompt, "objects": [{"name": "apple"}]}), max_prompt_tokens=40)
    assert prompt_tokens(scene.prompt) <= 40 and scene.prompt.startswith("a red apple on a table")
    assert any("cut it to 40" in r for r in repairs)


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("", "empty"),
        ("I cannot help with that.", "no JSON object"),
        ("[1, 2, 3]", "no JSON object"),
        ('{"prompt": "", "objects": []}', "no objects and no prompt"),
        ('{"prompt": "' + "a " * 2500 + '", "objects": [{"name": "cat"}]}', "prompt: String should have at most 4000"),
        ("{'prompt': 'single quotes'}", "not valid JSON"),
    ],
)
def test_what_is_not_safe_to_guess_is_rejected_with_errors_a_model_can_act_on(answer: str, says: str):
    with pytest.raises(SceneRejected) as caught:
        read(answer)
    assert says in str(caught.value)


# Talking to an endpoint ---------------------------------------------------------------------------


def test_the_scene_is_asked_for_as_a_json_schema_and_read_back(api: FakeChatAPI):
    api.answers = [json.dumps(GOOD)]
    planned = planner(api).plan("two red apples on a wooden table, watercolor")
    assert planned.planner == "llm" and planned.repairs == () and planned.passed_over == ()
    sent = api.requests[0]
    assert sent["response_format"]["type"] == "json_schema"
    assert "objects" in sent["response_format"]["json_schema"]["schema"]["properties"]
    assert sent["messages"][0]["role"] == "system" and "two red apples" in sent["messages"][-1]["content"]
    assert sent["model"] == "test-model" and sent["temperature"] == 0
    assert all(o.box is not None for o in planned.scene.objects), "boxes are laid out when the model gives none"


def test_a_server_without_json_schema_is_asked_with_a_tool_call_and_the_form_is_remembered(api: FakeChatAPI):
    api.refuse = {"json_schema"}
    api.answers = [json.dumps(GOOD)]
    chat = planner(api, model="no-schema-model")
    chat.plan("two red apples")
    chat.plan("two red apples")
    forms = [("tools" if r.get("tools") else r.get("response_format", {}).get("type")) for r in api.requests]
    assert forms == ["json_schema", "tools", "tools"]


def test_a_server_with_only_json_mode_gets_json_mode(api: FakeChatAPI):
    api.refuse = {"json_schema", "tools"}
    api.answers = [json.dumps(GOOD)]
    planner(api, model="json-mode-model").plan("two red apples")
    assert api.requests[-1]["response_format"]["type"] == "json_object"


def test_an_unusable_answer_is_retried_once_with_its_errors(api: FakeChatAPI):
    api.answers = ["I think the picture should have apples.", json.dumps(GOOD)]
    planned = planner(api).plan("two red apples")
    assert planned.scene.objects[0].name == "apple"
    assert "asked again" in planned.repairs[0]
    retry = api.requests[1]["messages"]
    assert retry[-2] == {"role": "assistant", "content": "I think the picture should have apples."}
    assert "no JSON object" in retry[-1]["content"]


def test_two_unusable_answers_fail_the_planner_with_the_reason(api: FakeChatAPI):
    api.answers = ["no", "still no"]
    with pytest.raises(PlannerFailed, match="no usable Scene in two attempts"):
        planner(api).plan("two red apples")
    assert len(api.requests) == 2


@pytest.mark.parametrize(
    ("behaviour", "says"),
    [
        ("malformed", "not a chat completion"),
        ("no_choices", "no message"),
        ("server_error", "HTTP 500"),
        ("slow", "timed out after 0.5 s"),
    ],
)
def test_transport_failures_fail_the_planner_with_a_reason_that_names_the_endpoint(api, behaviour, says):
    api.behaviour = [behaviour]
    api.delay = 2.0
    with pytest.raises(PlannerFailed) as caught:
        planner(api, timeout_s=0.5).plan("two red apples")
    assert says in str(caught.value)
    assert len(api.requests) == 1, "a failure falls back at once, with no retries"


def test_a_refused_connection_says_so():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed when the block ends: nothing listens there
    chat = OpenAIChat(LLM.endpoint(model="m", base_url=f"http://127.0.0.1:{port}/v1", timeout=2))
    with pytest.raises(PlannerFailed, match="could not connect to http://127.0.0.1.*is the server running"):
        ModelPlanner("llm", chat).plan("a cat")


def test_the_api_key_never_appears_in_a_failure(api: FakeChatAPI):
    api.behaviour = ["server_error"]
    chat = OpenAIChat(LLM.endpoint(model="m", base_url=api.base_url, api_key="sk-secret-123", timeout=2))
    with pytest.raises(PlannerFailed) as caught:
        ModelPlanner("llm", chat).plan("a cat")
    assert "sk-secret" not in str(caught.value)


# The order and the record -------------------------------------------------------------------------


def test_the_order_is_configuration_and_rules_always_ends_it():
    assert planner_order(None, registry()) == ("sampling", "llm", "rules")
    assert planner_order("llm", registry()) == ("llm", "rules")
    assert planner_order(" LLM , rules ", registry()) == ("llm", "rules")
    with pytest.raises(UnknownBackend, match="available: sampling, llm, rules"):
        planner_order("oracle", registry())


def test_unconfigured_planners_are_skipped_by_default_but_are_an_error_when_asked_for():
    bare = Settings()
    assert [p.name for p in available_planners(planner_order(None, registry()), registry(), bare)] == ["rules"]
    with pytest.raises(InvalidRequest, match="LIMNER_LLM_BASE_URL"):
        available_planners(("llm", "rules"), registry(), bare, explicit=True)
    with pytest.raises(InvalidRequest, match="sampling capability"):
        available_planners(("sampling", "rules"), registry(), bare, explicit=True)


def test_a_failed_llm_falls_back_to_rules_and_the_run_records_why(api, llm_studio: Studio):
    studio = llm_studio
    api.behaviour = ["server_error"]
    made = studio.generate("two red apples on a wooden table", generator="layout", seed=1)
    assert made.planner == "rules"
    assert made.planning.passed_over[0].startswith("llm: test-model at http://127.0.0.1")
    run = studio.lineage.run(made.run_id)
    assert run["planner"] == "rules" and run["planning"] == made.planning.model_dump()
    assert [o.name for o in made.scene.objects] == ["apple", "table"]


def test_a_configured_llm_plans_by_default_and_its_repairs_are_recorded(api, llm_studio: Studio):
    studio = llm_studio
    api.answers = [json.dumps({**GOOD, "objects": [{**GOOD["objects"][0], "count": 40}, GOOD["objects"][1]]})]
    made = studio.generate("lots of red apples on a wooden table", generator="layout", seed=1)
    assert made.planner == "llm"
    assert any("count 40 of apple lowered to 12" in r for r in made.planning.repairs)
    assert studio.lineage.run(made.run_id)["planning"]["repairs"] == made.planning.repairs
    assert Path(made.path).is_file()


def test_refine_with_the_llm_keeps_the_seed_size_and_unchanged_boxes(api, llm_studio: Studio):
    studio = llm_studio
    made = studio.generate("two red apples on a wooden table", generator="layout", seed=7, planner="rules")
    revised = json.loads(made.scene.model_dump_json(include={"prompt", "style", "objects", "relations"}))
    for obj in revised["objects"]:
        obj.pop("box")  # models seldom copy boxes back
    revised["objects"][0]["attributes"]["color"] = "green"
    api.answers = [json.dumps(revised)]
    child = studio.refine(made.image_id, "make the apples green", planner="llm")
    assert child.planner == "llm"
    assert child.scene.seed == 7 and child.scene.width == made.scene.width
    assert child.scene.objects[0].attributes.color == "green"
    assert child.scene.objects[1].box == made.scene.objects[1].box, "the untouched table keeps its place"
    assert child.scene.intent.endswith("; make the apples green")
    assert child.diff == [{"op": "~", "path": "objects[apple].color", "old": "red", "new": "green"}]
    sent = api.requests[0]["messages"][-1]["content"]
    assert "make the apples green" in sent and '"apple"' in sent
