"""The openai generator, against a real HTTP server on loopback that answers like the OpenAI Images API.

Nothing here reaches a real API: every client points at `tests/fake_images_api.py`.
"""

from __future__ import annotations

import io
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from conftest import free_port
from fake_images_api import FakeImagesAPI, masked
from limner.generators import Generator, RenderControl, RenderSpec
from limner.generators.openai_images import OpenAIImageGenerator
from PIL import Image, ImageDraw

from limner.errors import BackendFailed, Cancelled, InvalidRequest, ModelNotAvailable
from limner.openai_endpoint import IMAGES
from limner.settings import Settings

pytest.importorskip("openai")

CONFIG_VARIABLES = (
    "LIMNER_OPENAI_BASE_URL",
    "OPENAI_BASE_URL",
    "LIMNER_OPENAI_API_KEY",
    "OPENAI_API_KEY",
    "LIMNER_OPENAI_IMAGE_MODEL",
)


@pytest.fixture(autouse=True)
def no_openai_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own key or endpoint must never leak into these tests."""
    for name in CONFIG_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def api() -> Iterator[FakeImagesAPI]:
    with FakeImagesAPI() as server:
        yield server


def generator(api: FakeImagesAPI, *, quality: str | None = None, **options: object) -> OpenAIImageGenerator:
    # No retries: an error answer is seen once, and a 429's retry-after never makes a test sleep.
    # gpt-image-1's three fixed sizes exercise the size mapping; tests that need another model name it.
    settings: dict[str, object] = dict(
        model="gpt-image-1", base_url=api.base_url, api_key=api.api_key, timeout=5.0, max_retries=0
    )
    settings.update(options)
    return OpenAIImageGenerator(IMAGES.endpoint(**settings), quality=quality)


def spec(**overrides: object) -> RenderSpec:
    fields: dict[str, object] = dict(prompt="a lighthouse at dusk, watercolor", width=768, height=512, seed=7)
    fields.update(overrides)
    return RenderSpec(**fields)  # type: ignore[arg-type]


def sent(api: FakeImagesAPI) -> dict[str, object]:
    """The parameters of the one request the API received."""
    assert len(api.api_requests) == 1
    return api.api_requests[0].params


# Text to image ------------------------------------------------------------------------------------


def test_it_is_a_generator_named_openai():
    assert isinstance(OpenAIImageGenerator(), Generator)
    assert OpenAIImageGenerator.name == "openai"
    assert "OPENAI_API_KEY" in OpenAIImageGenerator.description


def test_a_base64_answer_becomes_an_rgb_image_of_the_requested_size_with_its_settings(api):
    rendered = generator(api).render(spec())

    assert rendered.generator == "openai"
    assert rendered.image.mode == "RGB"
    assert rendered.image.size == (768, 512)
    assert rendered.image.getpixel((384, 256)) == api.colour
    assert rendered.settings == {
        "model": "gpt-image-1",
        "mode": "generate",
        "size": "1536x1024",
        "api_size": "1536x1024",
        "resized": True,
        "quality": None,
        "base_url_host": f"127.0.0.1:{api.port}",
        "prompt_sent": "a lighthouse at dusk, watercolor",
        "seed": 7,
        "seed_honoured": False,
    }


def test_the_request_carries_the_key_model_size_and_one_image_and_no_response_format_for_gpt_image(api):
    generator(api).render(spec())

    request = api.api_requests[0]
    assert request.path == "/v1/images/generations"
    assert request.headers["authorization"] == f"Bearer {api.api_key}"
    assert request.content_type == "application/json"
    # gpt-image-1 always answers in base64 and refuses response_format, so it must not be sent.
    prompt = "a lighthouse at dusk, watercolor"
    assert request.params == {"model": "gpt-image-1", "prompt": prompt, "size": "1536x1024", "n": 1}


def test_progress_is_reported_before_sending_and_after_the_answer(api):
    steps: list[tuple[int, int]] = []
    generator(api).render(spec(), RenderControl(on_step=lambda done, total: steps.append((done, total))))
    assert steps == [(0, 1), (1, 1)]


def test_a_url_answer_is_downloaded(api):
    api.mode = "url"
    rendered = generator(api).render(spec(width=512, height=512))

    assert rendered.image.size == (512, 512)
    assert rendered.image.getpixel((0, 0)) == api.colour
    download = api.requests[-1]
    assert download.method == "GET" and download.path.startswith("/files/")
    assert "authorization" not in download.headers  # the key goes to the API, never to an image host


def test_dall_e_models_are_asked_for_base64_and_dall_e_3_revised_prompt_is_recorded(api):
    rendered = generator(api, model="dall-e-3").render(spec(width=512, height=512))

    assert sent(api)["response_format"] == "b64_json"
    assert rendered.settings["revised_prompt"] == "A detailed picture: a lighthouse at dusk, watercolor"
    assert [r.method for r in api.requests] == ["POST"]  # base64 came back: nothing to download


def test_a_url_that_is_not_http_is_refused(api):
    api.mode = "file_url"
    with pytest.raises(BackendFailed, match="only http and https"):
        generator(api).render(spec())


def test_quality_is_sent_and_recorded_when_configured(api):
    rendered = generator(api, quality="high").render(spec())
    assert sent(api)["quality"] == "high"
    assert rendered.settings["quality"] == "high"


# Size ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "width", "height", "size_sent"),
    [
        ("gpt-image-1", 512, 512, "1024x1024"),
        ("gpt-image-1", 1024, 576, "1536x1024"),
        ("gpt-image-1", 576, 1024, "1024x1536"),
        ("dall-e-3", 1024, 576, "1792x1024"),
        ("dall-e-3", 512, 896, "1024x1792"),
        ("dall-e-3", 640, 640, "1024x1024"),
        ("dall-e-2", 200, 200, "256x256"),
        ("dall-e-2", 384, 512, "512x512"),
        ("dall-e-2", 2048, 1024, "1024x1024"),
        ("gpt-image-2", 776, 512, "784x512"),
        ("gpt-image-2.5-flare", 1024, 1024, "1024x1024"),
        ("local-sd-turbo", 640, 384, "640x384"),
    ],
)
def test_the_size_sent_is_one_the_model_draws_closest_in_aspect_and_the_image_comes_back_as_asked(
    api, model, width, height, size_sent
):
    rendered = generator(api, model=model).render(spec(width=width, height=height))

    assert sent(api)["size"] == size_sent
    assert rendered.settings["size"] == rendered.settings["api_size"] == size_sent
    assert rendered.image.size == (width, height)


def test_an_aspect_the_api_cannot_draw_is_cropped_from_the_centre_not_stretched(api):
    # 4:1 asked, 3:2 drawn: the middle band is kept and scaled, so a centred circle stays round.
    drawn = Image.new("RGB", (1536, 1024), "white")
    ImageDraw.Draw(drawn).ellipse((668, 412, 868, 612), fill="black")
    api.picture = drawn

    rendered = generator(api).render(spec(width=1024, height=256))

    assert rendered.image.size == (1024, 256)
    assert rendered.settings["api_size"] == "1536x1024" and rendered.settings["resized"] is True
    left, top, right, bottom = rendered.image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    assert abs((right - left) - (bottom - top)) <= 3  # stretched, it would be 133 wide and 50 high
    assert abs((left + right) / 2 - 512) <= 2 and abs((top + bottom) / 2 - 128) <= 2


def test_the_model_in_the_spec_wins_over_the_configured_one(api):
    generator(api, model="dall-e-3").render(spec(model="gpt-image-1"))
    assert sent(api)["model"] == "gpt-image-1"


# Prompt -------------------------------------------------------------------------------------------


def test_the_negative_prompt_is_folded_into_the_prompt_as_avoid(api):
    rendered = generator(api).render(spec(negative_prompt="people, text, watermark"))

    assert sent(api)["prompt"] == "a lighthouse at dusk, watercolor\nAvoid: people, text, watermark"
    assert rendered.settings["prompt_sent"] == sent(api)["prompt"]


def test_an_empty_negative_prompt_leaves_the_prompt_alone(api):
    generator(api).render(spec(negative_prompt="   "))
    assert sent(api)["prompt"] == "a lighthouse at dusk, watercolor"


# Image to image -----------------------------------------------------------------------------------


def test_an_init_image_is_sent_to_edits_as_a_multipart_png_at_the_requested_size(api):
    init = Image.new("RGB", (768, 512), (20, 60, 200))
    rendered = generator(api).render(spec(init_image=init, strength=0.4))

    request = api.api_requests[0]
    assert request.path == "/v1/images/edits"
    assert request.content_type.startswith("multipart/form-data; boundary=")
    prompt = "a lighthouse at dusk, watercolor"  # form fields arrive as text, n included
    assert request.params == {"model": "gpt-image-1", "prompt": prompt, "size": "1536x1024", "n": "1"}
    upload = request.files["image"]
    assert (upload.filename, upload.content_type) == ("init.png", "image/png")
    received = Image.open(io.BytesIO(upload.data))
    assert received.format == "PNG" and received.size == (1536, 1024)
    assert received.convert("RGB").getpixel((10, 10)) == (20, 60, 200)
    assert rendered.image.size == (768, 512)
    assert rendered.settings["mode"] == "edit"
    assert rendered.settings["strength"] == 0.4 and rendered.settings["strength_honoured"] is False


def test_a_mask_goes_to_edits_transparent_where_the_model_may_paint(api):
    init = Image.new("RGB", (512, 512), (20, 60, 200))
    mask = Image.new("L", (512, 512), 0)
    mask.paste(255, (0, 0, 256, 512))  # Limner's convention: white where the edit may paint
    generator(api).render(spec(init_image=init, width=512, height=512, strength=0.9, mask=mask))
    upload = api.api_requests[0].files["mask"]
    assert (upload.filename, upload.content_type) == ("mask.png", "image/png")
    sent = Image.open(io.BytesIO(upload.data))
    assert sent.mode == "RGBA" and sent.size == (1024, 1024)
    assert sent.getpixel((10, 500))[3] == 0, "transparent on the left: the API edits there"
    assert sent.getpixel((1000, 500))[3] == 255, "opaque on the right: kept"


# Errors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "error", "says"),
    [
        ("unauthorized", BackendFailed, ["401", "OPENAI_API_KEY", "LIMNER_OPENAI_API_KEY"]),
        ("forbidden", BackendFailed, ["403", "gpt-image-1", "must be verified"]),
        ("rate_limit", BackendFailed, ["429", "Rate limit reached", "retry after 12 s"]),
        ("content_policy", InvalidRequest, ["content policy", "content_policy_violation", "rephrase"]),
        ("moderation_blocked", InvalidRequest, ["content policy", "moderation_blocked", "rephrase"]),
        ("invalid_size", InvalidRequest, ["400", "'size'", "Invalid value: '1536x1024'"]),
        ("model_not_found", ModelNotAvailable, ["404", "'gpt-image-1'", "LIMNER_OPENAI_IMAGE_MODEL"]),
        ("server_error", BackendFailed, ["HTTP 500", "request id req_", "try again later"]),
    ],
)
def test_each_error_answer_becomes_a_limner_error_saying_what_to_do(api, mode, error, says):
    api.mode = mode
    with pytest.raises(error) as raised:
        generator(api).render(spec())

    message = str(raised.value)
    for words in says:
        assert words in message
    assert api.api_key not in message
    assert "Traceback" not in message and "Error code:" not in message  # the SDK's raw body dump
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_a_wrong_key_is_reported_without_the_key_or_the_apis_partial_quote_of_it(api):
    wrong_key = "sk-wrong-key-0000000000000000abcd"
    with pytest.raises(BackendFailed, match="rejected the API key") as raised:
        generator(api, api_key=wrong_key).render(spec())

    message = str(raised.value)
    assert wrong_key not in message
    assert masked(wrong_key) not in message and "abcd" not in message


def test_a_timeout_fails_quickly_and_says_how_long_it_waited(api):
    api.mode = "slow"
    started = time.monotonic()
    with pytest.raises(BackendFailed, match=r"timed out after 0\.5 s"):
        generator(api, timeout=0.5).render(spec())
    assert time.monotonic() - started < 2.5


def test_an_unreachable_server_fails_naming_its_url():
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there now
    with pytest.raises(BackendFailed, match="could not reach") as raised:
        endpoint = IMAGES.endpoint(base_url=url, api_key="sk-local-placeholder", max_retries=0, timeout=2)
        OpenAIImageGenerator(endpoint).render(spec())
    assert url in str(raised.value)


def test_a_missing_key_says_which_variables_to_set_and_sends_nothing(api):
    with pytest.raises(InvalidRequest) as raised:
        OpenAIImageGenerator(IMAGES.endpoint(base_url=api.base_url)).render(spec())
    assert "LIMNER_OPENAI_API_KEY" in str(raised.value) and "OPENAI_API_KEY" in str(raised.value)
    assert api.requests == []


def test_cancelling_before_the_request_raises_cancelled_and_sends_nothing(api):
    cancel = threading.Event()
    cancel.set()
    steps: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        generator(api).render(spec(), RenderControl(on_step=lambda *step: steps.append(step), cancel=cancel))
    assert api.requests == []
    assert steps == []


# Configuration ------------------------------------------------------------------------------------


def test_configuration_comes_from_limner_variables_before_openai_ones(api, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-the-wrong-one-for-limner")
    monkeypatch.setenv("LIMNER_OPENAI_BASE_URL", api.base_url)
    monkeypatch.setenv("LIMNER_OPENAI_API_KEY", api.api_key)
    monkeypatch.setenv("LIMNER_OPENAI_IMAGE_MODEL", "dall-e-3")

    rendered = OpenAIImageGenerator.from_settings(Settings()).render(spec())
    assert rendered.settings["model"] == "dall-e-3"
    assert api.api_requests[0].headers["authorization"] == f"Bearer {api.api_key}"


def test_the_openai_variables_are_used_when_limner_ones_are_unset(api, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", api.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", api.api_key)
    OpenAIImageGenerator.from_settings(Settings()).render(spec())
    assert sent(api)["model"] == "gpt-image-2"


def test_the_key_never_shows_in_the_generators_repr():
    assert "sk-secret-value-123" not in repr(OpenAIImageGenerator(IMAGES.endpoint(api_key="sk-secret-value-123")))


def test_importing_the_module_does_not_import_openai():
    code = "import sys, limner.generators.openai_images; print('openai' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
