"""Captioners: the palette describer, local transformers models at tiny sizes, and an OpenAI-compatible vision API.

The transformers models are real classes with random weights, saved and loaded back through
`from_pretrained`; their captions are gibberish, so the tests check everything but the words. The vision
API is a real HTTP server on 127.0.0.1 that answers in the chat completions wire format.
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import free_port
from limner.agents.looking.captioner import Caption, Captioner
from limner.agents.looking.measure import measure
from limner.agents.looking.palette import PaletteCaptioner
from PIL import Image, ImageDraw

from limner.errors import BackendFailed, InvalidRequest, ModelNotAvailable, UnknownBackend
from limner.plugins import registry
from limner.settings import Settings


def red_square_on_white() -> Image.Image:
    image = Image.new("RGB", (96, 64), "white")
    ImageDraw.Draw(image).rectangle((8, 8, 39, 39), fill=(210, 30, 30))
    return image


# Choosing a captioner -----------------------------------------------------------------------------------------


def test_captioners_are_chosen_by_name_and_an_unknown_name_lists_the_known_ones():
    assert registry().names("captioner") == ["openai", "transformers", "palette"]
    assert isinstance(registry().create("captioner", "palette", Settings()), PaletteCaptioner)
    with pytest.raises(UnknownBackend, match="available: openai, transformers, palette"):
        registry().create("captioner", "blip", Settings())


def test_importing_the_captioners_loads_neither_torch_nor_transformers_nor_openai():
    code = (
        "import sys\n"
        "import limner.agents.looking.captioner, limner.agents.looking.measure, limner.agents.looking.palette\n"
        "import limner.agents.looking.transformers_captioner, limner.agents.looking.openai_captioner\n"
        "print(sorted(m for m in ('torch', 'transformers', 'openai') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# palette --------------------------------------------------------------------------------------------------------


def test_the_palette_caption_reports_measurements_and_is_marked_not_semantic():
    image = red_square_on_white()
    caption = PaletteCaptioner().caption(image)
    assert isinstance(PaletteCaptioner(), Captioner)
    assert caption.text == measure(image).describe()
    assert caption.text.startswith("Mostly white (83%) and red (17%); bright")
    assert (caption.captioner, caption.model, caption.detail, caption.semantic) == ("palette", None, "short", False)
    assert caption.measurements["colors"][0] == ["white", 0.833]
    json.dumps(caption.model_dump())  # a caption goes into lineage as JSON


def test_the_detailed_palette_caption_adds_quarters_and_numbers_and_says_what_it_cannot_know():
    caption = PaletteCaptioner().caption(red_square_on_white(), detail="detailed")
    assert caption.detail == "detailed" and not caption.semantic
    assert "top left: mostly white" in caption.text and "red" in caption.text
    assert "96x64 px" in caption.text
    assert "says nothing about what the picture shows" in caption.text
    assert set(caption.measurements["quadrants"]) == {"top left", "top right", "bottom left", "bottom right"}
    assert caption.measurements["quadrants"]["bottom right"] == [["white", 1.0]]


# transformers -----------------------------------------------------------------------------------------------------

transformers_needed = pytest.mark.skipif(
    not all(__import__("importlib").util.find_spec(m) for m in ("torch", "transformers")),
    reason="needs the diffusers extra (torch, transformers)",
)


@pytest.fixture(scope="module")
def tiny_blip(tmp_path_factory) -> Path:
    from tiny_vision import build_tiny_blip

    return build_tiny_blip(tmp_path_factory.mktemp("captioners") / "tiny-blip")


@pytest.fixture
def fresh_cache():
    from limner.agents.looking.transformers_captioner import CaptionModelCache

    return CaptionModelCache()


@pytest.fixture(autouse=True)
def no_caption_model_of_the_developers(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("LIMNER_CAPTION_MODEL", raising=False)


@transformers_needed
def test_a_blip_folder_captions_deterministically_and_loads_once(tiny_blip: Path, fresh_cache):
    from limner.agents.looking.transformers_captioner import TransformersCaptioner

    first = TransformersCaptioner(str(tiny_blip), device="cpu", dtype="float32", cache=fresh_cache)
    second = TransformersCaptioner(str(tiny_blip), device="cpu", dtype="float32", cache=fresh_cache)
    a = first.caption(red_square_on_white())
    b = second.caption(red_square_on_white())
    assert isinstance(a.text, str) and a.text.strip()
    assert a.text == b.text
    assert (a.captioner, a.model, a.semantic, a.detail) == ("transformers", str(tiny_blip), True, "short")
    assert (fresh_cache.loads, fresh_cache.hits) == (1, 1)


@transformers_needed
def test_the_detailed_blip_caption_is_prompted_and_the_prompt_is_cut_from_the_answer(tiny_blip: Path, fresh_cache):
    from limner.agents.looking.transformers_captioner import TransformersCaptioner

    captioner = TransformersCaptioner(str(tiny_blip), device="cpu", dtype="float32", cache=fresh_cache)
    detailed = captioner.caption(red_square_on_white(), detail="detailed")
    assert detailed.detail == "detailed" and detailed.text
    assert not detailed.text.lower().startswith("a picture of")


@transformers_needed
def test_a_hub_id_is_found_in_the_local_hub_cache_and_picked_by_the_environment(
    tiny_blip: Path, fresh_cache, monkeypatch: pytest.MonkeyPatch
):
    from limner.agents.looking.transformers_captioner import TransformersCaptioner
    from tiny_models import install_in_hub_cache

    from limner.plugins import registry
    from limner.settings import Settings

    install_in_hub_cache(tiny_blip, Path(os.environ["HF_HUB_CACHE"]), "tiny-org/tiny-blip")
    monkeypatch.setenv("LIMNER_CAPTION_MODEL", "tiny-org/tiny-blip")
    settings = Settings(device="cpu", dtype="float32")  # reads LIMNER_CAPTION_MODEL and HF_HUB_CACHE now
    captioner = registry().create("captioner", "transformers", settings)
    assert captioner.model == "tiny-org/tiny-blip"
    cached = TransformersCaptioner.from_settings(settings, cache=fresh_cache).caption(red_square_on_white())
    from_folder = TransformersCaptioner(str(tiny_blip), device="cpu", dtype="float32", cache=fresh_cache)
    assert cached.model == "tiny-org/tiny-blip"
    assert cached.text == from_folder.caption(red_square_on_white()).text  # the same weights, the same words


@transformers_needed
def test_a_model_that_is_not_here_says_how_to_fetch_it(tmp_path: Path):
    from limner.agents.looking.transformers_captioner import TransformersCaptioner

    with pytest.raises(ModelNotAvailable, match="hf download Salesforce/blip-image-captioning-base"):
        TransformersCaptioner().caption(red_square_on_white())
    (tmp_path / "not-a-model").mkdir()
    with pytest.raises(ModelNotAvailable, match="no config.json"):
        TransformersCaptioner(str(tmp_path / "not-a-model")).caption(red_square_on_white())


@transformers_needed
def test_a_vit_gpt2_vision_encoder_decoder_captions_too(tmp_path: Path, fresh_cache):
    from limner.agents.looking.transformers_captioner import TransformersCaptioner
    from tiny_vision import build_tiny_vit_gpt2

    folder = build_tiny_vit_gpt2(tmp_path / "tiny-vit-gpt2")
    captioner = TransformersCaptioner(str(folder), device="cpu", dtype="float32", cache=fresh_cache)
    first, again = captioner.caption(red_square_on_white()), captioner.caption(red_square_on_white())
    assert first.text and first.text == again.text
    assert fresh_cache.loads == 1


def test_caption_cleaning_drops_the_prompt_task_tokens_and_blips_made_up_word():
    from limner.agents.looking.transformers_captioner import clean_caption

    assert clean_caption("a picture of  a red apple on a table", "a picture of") == "a red apple on a table"
    assert clean_caption("<MORE_DETAILED_CAPTION>The image shows a cat.", "<MORE_DETAILED_CAPTION>") == (
        "The image shows a cat."
    )
    assert clean_caption("there is an arafed man on a bench") == "there is a man on a bench"
    assert clean_caption("arafed dog running") == "dog running"


# openai: a real HTTP server that speaks the chat completions wire format --------------------------------------

API_KEY = "sk-test-vision-7f3a9c2e5d"
CAPTION_TEXT = "A red square in the top left corner of a white background."


class FakeChatAPI:
    """POST /v1/chat/completions answered as OpenAI answers it; `mode` picks a behaviour, `requests` records."""

    def __init__(self) -> None:
        self.mode = "ok"  # ok | no_logprobs | reasoning_only | server_error | malformed | no_choices | empty | slow
        self.answer_text = CAPTION_TEXT
        self.top_logprobs: list[tuple[str, float]] = []
        self.delay = 3.0
        self.requests: list[dict[str, Any]] = []
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _chat_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FakeChatAPI:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def respond(self, headers: dict[str, str], body: dict[str, Any]) -> tuple[int, bytes]:
        self.requests.append(body)
        if headers.get("authorization") != f"Bearer {API_KEY}":
            return _error(
                401, f"Incorrect API key provided: {headers.get('authorization', '')[-6:]}.", "invalid_api_key"
            )
        if self.mode == "server_error":
            return _error(500, "The server had an error while processing your request.", None, kind="server_error")
        if self.mode == "malformed":
            return 200, b'{"id": "chatcmpl-1", "choices": [{"index": 0, "mess'
        if self.mode == "slow":
            self._release.wait(self.delay)
        if self.mode == "reasoning_only" and "max_tokens" in body:
            return _error(
                400,
                "Unsupported parameter: 'max_tokens' is not supported with this model. "
                "Use 'max_completion_tokens' instead.",
                "unsupported_parameter",
                param="max_tokens",
            )
        return 200, json.dumps(self._completion(body)).encode()

    def _completion(self, body: dict[str, Any]) -> dict[str, Any]:
        choices: list[dict[str, Any]] = []
        if self.mode != "no_choices":
            text = "" if self.mode == "empty" else self.answer_text
            if body.get("max_tokens") == 1:
                text = text.split()[0]
            choice: dict[str, Any] = {
                "index": 0,
                "message": {"role": "assistant", "content": text, "refusal": None},
                "finish_reason": "length" if body.get("max_tokens") == 1 else "stop",
                "logprobs": None,
            }
            if body.get("logprobs") and self.mode == "ok":
                top = [{"token": t, "logprob": lp, "bytes": list(t.encode())} for t, lp in self.top_logprobs]
                first = top[0] if top else {"token": text, "logprob": 0.0, "bytes": list(text.encode())}
                choice["logprobs"] = {"content": [{**first, "top_logprobs": top}], "refusal": None}
            choices.append(choice)
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model"),
            "choices": choices,
            "usage": {"prompt_tokens": 300, "completion_tokens": 12, "total_tokens": 312},
        }


def _error(status: int, message: str, code: str | None, *, kind: str = "invalid_request_error", param=None):
    return status, json.dumps({"error": {"message": message, "type": kind, "param": param, "code": code}}).encode()


def _chat_handler(api: FakeChatAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            headers = {name.lower(): value for name, value in self.headers.items()}
            body = json.loads(self.rfile.read(int(headers.get("content-length", "0"))) or b"{}")
            if self.path != "/v1/chat/completions":
                status, data = _error(404, f"Invalid URL (POST {self.path})", None)
            else:
                status, data = api.respond(headers, body)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def chat_api():
    pytest.importorskip("openai")
    with FakeChatAPI() as api:
        yield api


def vision(api: FakeChatAPI, *, model: str = "vision-test-model", timeout: float = 10.0):
    from limner.agents.looking.openai_captioner import OpenAICaptioner

    from limner.openai_endpoint import VISION

    return OpenAICaptioner(VISION.endpoint(model=model, base_url=api.base_url, api_key=API_KEY, timeout=timeout))


def test_the_openai_captioner_sends_the_image_as_a_data_url_and_returns_the_models_words(chat_api: FakeChatAPI):
    caption = vision(chat_api).caption(red_square_on_white())
    assert caption == Caption(
        text=CAPTION_TEXT, captioner="openai", model="vision-test-model", detail="short", semantic=True
    )
    (request,) = chat_api.requests
    assert request["model"] == "vision-test-model"
    parts = request["messages"][0]["content"]
    image_part = next(p for p in parts if p["type"] == "image_url")
    prefix, _, data = image_part["image_url"]["url"].partition(",")
    assert prefix == "data:image/png;base64"
    sent = Image.open(io.BytesIO(base64.b64decode(data)))
    assert sent.size == (96, 64) and sent.convert("RGB").getpixel((20, 20)) == (210, 30, 30)
    assert any(p["type"] == "text" and "caption" in p["text"] for p in parts)


def test_settings_come_from_the_vision_variables_then_the_llm_ones(chat_api: FakeChatAPI, monkeypatch):
    from limner.agents.looking.openai_captioner import OpenAICaptioner

    from limner.settings import Settings

    monkeypatch.setenv("LIMNER_LLM_BASE_URL", chat_api.base_url)
    monkeypatch.setenv("LIMNER_LLM_API_KEY", API_KEY)
    monkeypatch.setenv("LIMNER_LLM_MODEL", "a-text-only-model")
    captioner = OpenAICaptioner.from_settings(Settings())
    assert isinstance(captioner, OpenAICaptioner) and captioner.model == "gpt-5-mini"  # not the LLM's model
    monkeypatch.setenv("LIMNER_VISION_MODEL", "local-vlm")
    assert OpenAICaptioner.from_settings(Settings()).caption(red_square_on_white()).model == "local-vlm"
    assert chat_api.requests[-1]["model"] == "local-vlm"
    assert API_KEY not in repr(OpenAICaptioner.from_settings(Settings()))


def test_yes_no_reads_the_probability_of_yes_from_the_first_tokens_logprobs(chat_api: FakeChatAPI):
    chat_api.answer_text = "Yes"
    chat_api.top_logprobs = [("Yes", math.log(0.6)), ("No", math.log(0.3)), ("yes", math.log(0.05)), (".", -6.0)]
    answer, p_yes = vision(chat_api).ask_yes_no(red_square_on_white(), "Is there a red square?")
    assert answer is True
    assert p_yes == pytest.approx(0.65 / 0.95)
    request = chat_api.requests[-1]
    assert (request["max_tokens"], request["logprobs"], request["top_logprobs"]) == (1, True, 5)
    assert "Is there a red square?" in request["messages"][0]["content"][0]["text"]

    chat_api.answer_text = "No"
    chat_api.top_logprobs = [("No", math.log(0.9)), ("Yes", math.log(0.1))]
    assert vision(chat_api).ask_yes_no(red_square_on_white(), "Is there a dog?") == (False, pytest.approx(0.1))


def test_yes_no_without_logprobs_reads_the_word_with_modest_confidence(chat_api: FakeChatAPI):
    from limner.agents.looking.openai_captioner import TEXT_ONLY_P_YES

    chat_api.mode = "no_logprobs"
    chat_api.answer_text = "Yes."
    assert vision(chat_api).ask_yes_no(red_square_on_white(), "Is it red?") == (True, TEXT_ONLY_P_YES)
    chat_api.answer_text = "no"
    assert vision(chat_api).ask_yes_no(red_square_on_white(), "Is it blue?") == (False, 1 - TEXT_ONLY_P_YES)
    chat_api.answer_text = "Perhaps"
    with pytest.raises(BackendFailed, match="neither yes nor no"):
        vision(chat_api).ask_yes_no(red_square_on_white(), "Is it green?")


def test_a_server_that_wants_max_completion_tokens_is_asked_again_that_way(chat_api: FakeChatAPI):
    chat_api.mode = "reasoning_only"
    chat_api.answer_text = "yes"
    captioner = vision(chat_api, model="some-reasoning-model")
    assert captioner.ask_yes_no(red_square_on_white(), "Is it red?") == (True, pytest.approx(0.75))
    first, second = chat_api.requests
    assert "max_tokens" in first and "max_completion_tokens" in second and "logprobs" not in second
    captioner.caption(red_square_on_white())  # remembered: asked in the form that works straight away
    assert "max_completion_tokens" in chat_api.requests[-1] and len(chat_api.requests) == 3


def test_gpt5_models_are_asked_in_the_reasoning_form_from_the_start(chat_api: FakeChatAPI):
    vision(chat_api, model="gpt-5-mini").caption(red_square_on_white())
    (request,) = chat_api.requests
    assert "max_completion_tokens" in request and "max_tokens" not in request and "temperature" not in request


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("server_error", r"failed on its side \(HTTP 500"),
        ("malformed", "not a chat completion"),
        ("no_choices", "no choices"),
        ("empty", "empty message"),
    ],
)
def test_a_broken_answer_is_a_backend_failure_that_says_what_happened(chat_api: FakeChatAPI, mode, message):
    chat_api.mode = mode
    with pytest.raises(BackendFailed, match=message) as failure:
        vision(chat_api).caption(red_square_on_white())
    assert chat_api.base_url in str(failure.value)
    assert API_KEY not in str(failure.value)


def test_a_wrong_key_is_named_without_repeating_it(chat_api: FakeChatAPI):
    from limner.agents.looking.openai_captioner import OpenAICaptioner

    from limner.openai_endpoint import VISION

    wrong = VISION.endpoint(model="vision-test-model", base_url=chat_api.base_url, api_key="sk-wrong-key-0123456789")
    captioner = OpenAICaptioner(wrong)
    with pytest.raises(BackendFailed, match="rejected the API key.*LIMNER_VISION_API_KEY") as failure:
        captioner.caption(red_square_on_white())
    assert "sk-wrong-key" not in str(failure.value)


def test_a_server_slower_than_the_timeout_is_a_backend_failure(chat_api: FakeChatAPI):
    chat_api.mode = "slow"
    started = time.perf_counter()
    with pytest.raises(BackendFailed, match="did not answer within 0.3 s"):
        vision(chat_api, timeout=0.3).caption(red_square_on_white())
    assert time.perf_counter() - started < 2.5  # no retries multiplied the wait


def test_nothing_listening_is_a_backend_failure_that_names_the_endpoint():
    pytest.importorskip("openai")
    from limner.agents.looking.openai_captioner import OpenAICaptioner

    from limner.openai_endpoint import VISION

    base_url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(BackendFailed, match="could not reach .*check that the server is running") as failure:
        endpoint = VISION.endpoint(model="vision-test-model", base_url=base_url, api_key=API_KEY)
        OpenAICaptioner(endpoint).caption(red_square_on_white())
    assert base_url in str(failure.value)


def test_the_openai_api_without_a_key_asks_for_one():
    pytest.importorskip("openai")
    from limner.agents.looking.openai_captioner import OpenAICaptioner

    with pytest.raises(InvalidRequest, match="LIMNER_VISION_API_KEY"):
        OpenAICaptioner().caption(red_square_on_white())
