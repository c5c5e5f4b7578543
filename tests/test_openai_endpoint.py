"""One OpenAI-compatible endpoint: which variables configure each use, the client, failures explained, the key hidden.

Errors are the SDK's own exception classes, built as the SDK builds them from a response; nothing is sent.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from limner.errors import BackendFailed, InvalidRequest, ModelNotAvailable
from limner.openai_endpoint import (
    IMAGES,
    LLM,
    VISION,
    Endpoint,
    is_reasoning_model,
    refuses_token_limit,
    token_limit,
)
from limner.settings import Settings

openai = pytest.importorskip("openai")
try:
    import httpx2 as http
except ImportError:
    import httpx as http

KEY = "sk-proj-a-real-looking-secret-0123456789"
VARIABLES = (
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    *(f"LIMNER_{use}_{part}" for use in ("LLM", "VISION") for part in ("BASE_URL", "API_KEY", "MODEL", "TIMEOUT")),
    "LIMNER_LLM_MAX_TOKENS",
    "LIMNER_OPENAI_BASE_URL",
    "LIMNER_OPENAI_API_KEY",
    "LIMNER_OPENAI_IMAGE_MODEL",
)


@pytest.fixture(autouse=True)
def no_endpoint_of_the_developers(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def settings(monkeypatch: pytest.MonkeyPatch, **variables: str) -> Settings:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return Settings()


# Which variables, for which use ------------------------------------------------------------------------------


def test_nothing_set_means_the_openai_api_with_each_uses_default_model_timeout_and_retries(monkeypatch):
    s = settings(monkeypatch)
    llm, vision, images = Endpoint.for_llm(s), Endpoint.for_vision(s), Endpoint.for_images(s)
    assert (llm.model, llm.timeout, llm.max_retries) == ("gpt-5.4-mini", 60.0, 0)
    assert (vision.model, vision.timeout, vision.max_retries) == ("gpt-5-mini", 60.0, 0)
    assert (images.model, images.timeout, images.max_retries) == ("gpt-image-2", 120.0, 1)
    for endpoint in (llm, vision, images):
        assert endpoint.base_url is None and endpoint.api_key is None
        assert endpoint.where == "https://api.openai.com/v1" and endpoint.host == "api.openai.com"


OPENAI_VARIABLES = {"OPENAI_BASE_URL": "http://openai:1/v1", "OPENAI_API_KEY": "sk-openai-variable"}
LLM_VARIABLES = {
    **OPENAI_VARIABLES,
    "LIMNER_LLM_BASE_URL": "http://llm:2/v1/",
    "LIMNER_LLM_API_KEY": "sk-llm-variable",
    "LIMNER_LLM_MODEL": "qwen3:4b",
    "LIMNER_LLM_TIMEOUT": "9",
}
VISION_VARIABLES = {
    **LLM_VARIABLES,
    "LIMNER_VISION_BASE_URL": "http://vision:3/v1",
    "LIMNER_VISION_API_KEY": "sk-vision-variable",
    "LIMNER_VISION_MODEL": "qwen2.5-vl",
    "LIMNER_VISION_TIMEOUT": "4",
}
IMAGES_VARIABLES = {
    **VISION_VARIABLES,
    "LIMNER_OPENAI_BASE_URL": "http://images:4/v1",
    "LIMNER_OPENAI_API_KEY": "sk-images-variable",
    "LIMNER_OPENAI_IMAGE_MODEL": "dall-e-3",
}


@pytest.mark.parametrize(
    ("build", "variables", "expected"),
    [
        (Endpoint.for_llm, OPENAI_VARIABLES, ("http://openai:1/v1", "sk-openai-variable", "gpt-5.4-mini", 60.0)),
        (Endpoint.for_llm, IMAGES_VARIABLES, ("http://llm:2/v1", "sk-llm-variable", "qwen3:4b", 9.0)),
        (Endpoint.for_vision, OPENAI_VARIABLES, ("http://openai:1/v1", "sk-openai-variable", "gpt-5-mini", 60.0)),
        # The LLM's endpoint, key and timeout, but not its model: a text model may not read images.
        (Endpoint.for_vision, LLM_VARIABLES, ("http://llm:2/v1", "sk-llm-variable", "gpt-5-mini", 9.0)),
        (Endpoint.for_vision, IMAGES_VARIABLES, ("http://vision:3/v1", "sk-vision-variable", "qwen2.5-vl", 4.0)),
        # Never the LLM's or the vision model's endpoint.
        (Endpoint.for_images, VISION_VARIABLES, ("http://openai:1/v1", "sk-openai-variable", "gpt-image-2", 120.0)),
        (Endpoint.for_images, IMAGES_VARIABLES, ("http://images:4/v1", "sk-images-variable", "dall-e-3", 120.0)),
    ],
)
def test_each_use_reads_its_own_variables_first_and_falls_back_as_documented(monkeypatch, build, variables, expected):
    endpoint = build(settings(monkeypatch, **variables))
    assert (endpoint.base_url, endpoint.api_key, endpoint.model, endpoint.timeout) == expected


def test_labels_say_the_model_and_where_it_is(monkeypatch):
    s = settings(monkeypatch, **IMAGES_VARIABLES)
    assert Endpoint.for_llm(s).label() == "qwen3:4b at http://llm:2/v1"
    assert Endpoint.for_vision(s).label() == "the vision model qwen2.5-vl at http://vision:3/v1"
    assert Endpoint.for_images(s).label("gpt-image-1") == "the image model gpt-image-1 at http://images:4/v1"


def test_explicit_values_fill_in_the_uses_defaults():
    endpoint = VISION.endpoint(model="local-vlm", base_url=" http://127.0.0.1:8080/v1/ ", api_key="")
    assert (endpoint.model, endpoint.base_url, endpoint.api_key, endpoint.timeout) == (
        "local-vlm",
        "http://127.0.0.1:8080/v1",
        None,
        60.0,
    )
    assert IMAGES.endpoint(max_retries=0).max_retries == 0 and IMAGES.endpoint().max_retries == 1


# The client ---------------------------------------------------------------------------------------------------------


def test_the_client_gets_the_url_explicitly_so_the_sdk_reads_no_variables_of_its_own(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://not-this-one:9/v1")
    client = LLM.endpoint(api_key=KEY).client()
    assert str(client.base_url).rstrip("/") == "https://api.openai.com/v1"
    assert (client.timeout, client.max_retries) == (60.0, 0)


def test_a_local_server_without_a_key_gets_a_placeholder_but_the_openai_api_asks_for_one():
    assert LLM.endpoint(base_url="http://127.0.0.1:1/v1").client().api_key == "not-needed"
    with pytest.raises(InvalidRequest, match=r"LIMNER_VISION_API_KEY \(or LIMNER_LLM_API_KEY / OPENAI_API_KEY\)"):
        VISION.endpoint().client()
    with pytest.raises(InvalidRequest, match="LIMNER_LLM_API_KEY.*or LIMNER_LLM_BASE_URL for a local server"):
        LLM.endpoint().client()


def test_the_image_api_asks_for_a_key_even_for_a_local_server():
    with pytest.raises(InvalidRequest, match=r"LIMNER_OPENAI_API_KEY \(or OPENAI_API_KEY\).*accepts any value"):
        IMAGES.endpoint(base_url="http://127.0.0.1:1/v1").client()


def test_without_the_openai_package_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "openai", None)  # `import openai` raises ImportError
    with pytest.raises(
        ModelNotAvailable, match=r"the openai captioner needs the openai package: pip install 'limner\[openai\]'"
    ):
        VISION.endpoint(api_key=KEY).client()


def test_importing_the_module_does_not_import_openai():
    code = "import sys, limner.openai_endpoint; print('openai' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# The key never shows ----------------------------------------------------------------------------------------------


def test_the_key_is_in_no_repr_or_str():
    endpoint = LLM.endpoint(base_url="http://127.0.0.1:1/v1", api_key=KEY)
    assert KEY not in repr(endpoint) and KEY not in str(endpoint)
    assert repr(endpoint) == "Endpoint(llm: 'gpt-5.4-mini' at 'http://127.0.0.1:1/v1')"


def test_the_key_is_starred_out_of_any_message_but_short_placeholders_are_left_alone():
    assert LLM.endpoint(api_key=KEY).redact(f"the server said {KEY}!") == "the server said ***!"
    assert LLM.endpoint(api_key="local").redact("a local server") == "a local server"


def test_user_and_password_in_the_base_url_are_not_shown():
    endpoint = LLM.endpoint(base_url="https://user:pa55word@proxy.example:8443/v1?token=abc")
    assert endpoint.where == "https://proxy.example:8443/v1" and endpoint.host == "proxy.example:8443"
    assert "pa55word" not in endpoint.label() and "abc" not in endpoint.label()


# Failures explained ----------------------------------------------------------------------------------------------

_STATUS_ERRORS = {
    400: openai.BadRequestError,
    401: openai.AuthenticationError,
    403: openai.PermissionDeniedError,
    404: openai.NotFoundError,
    422: openai.UnprocessableEntityError,
    429: openai.RateLimitError,
    500: openai.InternalServerError,
    503: openai.InternalServerError,
}


def status_error(status: int, message: str, *, code: str | None = None, param: str | None = None, headers=None):
    """The exception the SDK raises for an `{"error": {...}}` answer with `status`."""
    body = {"message": message, "type": "invalid_request_error", "param": param, "code": code}
    request = http.Request("POST", "http://127.0.0.1:1/v1/chat/completions")
    response = http.Response(status, json={"error": body}, headers=headers or {}, request=request)
    kind = _STATUS_ERRORS[status]
    return kind(f"Error code: {status} - {json.dumps({'error': body})}", response=response, body=body)


def explained(endpoint: Endpoint, exc: BaseException, **options) -> tuple[type, str]:
    error = endpoint.explain(exc, **options)
    message = str(error)
    assert KEY not in message and "Error code:" not in message
    return type(error), message


LOCAL = dict(base_url="http://127.0.0.1:1/v1", api_key=KEY)


@pytest.mark.parametrize(
    ("use", "hint"),
    [(LLM, "LIMNER_LLM_API_KEY"), (VISION, "LIMNER_VISION_API_KEY"), (IMAGES, "LIMNER_OPENAI_API_KEY")],
)
def test_a_rejected_key_names_the_uses_key_variables_and_never_the_key(use, hint):
    kind, message = explained(
        use.endpoint(**LOCAL), status_error(401, f"Incorrect API key provided: {KEY[:3]}***{KEY[-4:]}")
    )
    assert kind is BackendFailed
    assert "rejected the API key (401)" in message and hint in message and "OPENAI_API_KEY" in message
    assert KEY[-4:] not in message  # the API's own partial quote of the key is left out


@pytest.mark.parametrize(
    ("status", "options", "kind", "says"),
    [
        (
            400,
            {},
            InvalidRequest,
            ["refused the request (400: it went wrong)", "LIMNER_VISION_MODEL", "a vision model"],
        ),
        (400, {"param": "size"}, InvalidRequest, ["refused the request in 'size' (400: it went wrong)"]),
        (400, {"code": "content_policy_violation"}, InvalidRequest, ["content policy", "rephrase"]),
        (403, {}, BackendFailed, ["may not use model 'qwen2.5-vl'", "403: it went wrong", "LIMNER_VISION_MODEL"]),
        (404, {"code": "model_not_found"}, ModelNotAvailable, ["model 'qwen2.5-vl' is not available", "404"]),
        (404, {}, BackendFailed, ["has no chat completions API (404", "ends in /v1", "LIMNER_VISION_BASE_URL"]),
        (429, {}, BackendFailed, ["rate limited (429: it went wrong)", "wait a little and retry"]),
        (429, {"code": "insufficient_quota"}, BackendFailed, ["quota is used up (429", "billing"]),
        (422, {}, BackendFailed, ["answered HTTP 422: it went wrong"]),
        (500, {}, BackendFailed, ["failed on its side (HTTP 500: it went wrong)", "try again later"]),
        (503, {}, BackendFailed, ["failed on its side (HTTP 503"]),
    ],
)
def test_each_status_class_is_explained_with_what_to_check(status, options, kind, says):
    endpoint = VISION.endpoint(model="qwen2.5-vl", **LOCAL)
    got, message = explained(endpoint, status_error(status, "it went wrong", **options))
    assert got is kind
    for words in says:
        assert words in message, message


def test_a_rate_limit_says_when_to_retry_and_a_server_error_gives_its_request_id():
    endpoint = IMAGES.endpoint(**LOCAL)
    _, message = explained(endpoint, status_error(429, "Rate limit reached", headers={"retry-after": "12"}))
    assert "retry after 12 s" in message
    _, message = explained(endpoint, status_error(500, "oops", headers={"x-request-id": "req_123"}))
    assert "request id req_123" in message


def test_the_model_a_request_named_is_the_one_explained():
    _, message = explained(
        IMAGES.endpoint(**LOCAL), status_error(404, "no such model", code="model_not_found"), model="dall-e-3"
    )
    assert "'dall-e-3'" in message and "LIMNER_OPENAI_IMAGE_MODEL" in message


def test_what_the_server_says_is_starred_where_it_quotes_the_key():
    _, message = explained(LLM.endpoint(**LOCAL), status_error(500, f"upstream refused key {KEY}"))
    assert "upstream refused key ***" in message


def test_timeouts_name_the_uses_timeout_variable_and_count_the_attempts():
    request = http.Request("POST", "http://127.0.0.1:1/v1/images/generations")
    kind, message = explained(LLM.endpoint(timeout=0.5, **LOCAL), openai.APITimeoutError(request))
    assert kind is BackendFailed and "timed out after 0.5 s" in message and "LIMNER_LLM_TIMEOUT" in message
    _, message = explained(IMAGES.endpoint(**LOCAL), openai.APITimeoutError(request))
    assert "did not answer within 120 s on each of 2 attempts" in message and "allow a longer timeout" in message


def test_a_refused_connection_names_the_endpoint_and_the_base_url_variables():
    request = http.Request("POST", "http://127.0.0.1:1/v1/chat/completions")
    exc = openai.APIConnectionError(request=request)
    exc.__cause__ = ConnectionRefusedError(111, "Connection refused")
    kind, message = explained(VISION.endpoint(**LOCAL), exc)
    assert kind is BackendFailed
    assert "could not connect to http://127.0.0.1:1/v1 ([Errno 111] Connection refused)" in message
    assert "check that the server is running and LIMNER_VISION_BASE_URL" in message


def test_a_body_that_is_not_the_apis_shape_or_not_json_is_said_to_be_no_answer():
    _, message = explained(LLM.endpoint(**LOCAL), json.JSONDecodeError("Expecting value", "<html>", 0))
    assert "not a chat completion (invalid JSON: Expecting value)" in message
    request = http.Request("POST", "http://127.0.0.1:1/v1/images/generations")
    response = http.Response(200, json={"data": 3}, request=request)
    _, message = explained(IMAGES.endpoint(**LOCAL), openai.APIResponseValidationError(response, {"data": 3}))
    assert "not an Images API answer" in message and "LIMNER_OPENAI_BASE_URL" in message


# Reasoning models and the token limit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "reasoning"),
    [
        ("gpt-5", True),
        ("gpt-5-mini", True),
        ("gpt-5.4-mini", True),
        ("o1", True),
        ("o3-mini", True),
        ("o4-mini", True),
        ("openai/gpt-5-nano", True),
        ("openrouter/openai/o3", True),
        ("GPT-5", True),
        ("gpt-4o-mini", False),
        ("gpt-4.1", False),
        ("qwen3:4b", False),
        ("smollm2", False),
        ("openai/gpt-oss-20b", False),
        ("llama-3.1-8b", False),
    ],
)
def test_reasoning_models_are_told_by_name(model, reasoning):
    assert is_reasoning_model(model) is reasoning


def test_the_token_limit_form_follows_the_kind_of_model():
    assert token_limit(80, reasoning=True, room_to_think=4000) == {"max_completion_tokens": 4080}
    assert token_limit(80, reasoning=False, room_to_think=4000) == {"max_tokens": 80, "temperature": 0}


def test_a_refusal_of_the_limit_parameters_is_told_from_other_refusals():
    assert refuses_token_limit(status_error(400, "Use 'max_completion_tokens' instead.", param="max_tokens"))
    assert refuses_token_limit(status_error(400, "logprobs are not supported with this model"))
    assert not refuses_token_limit(status_error(400, "json_schema is not supported"))
