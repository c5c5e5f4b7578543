"""The `openai` captioner: an OpenAI-compatible vision chat model (OpenAI, vLLM, llama.cpp, Ollama, LM Studio).

The image goes as a data URL in an `image_url` content part, the form every compatible server reads.
Besides captions it answers yes/no questions with a probability (`ask_yes_no`), for the evaluator.

Settings come from the environment: LIMNER_VISION_MODEL (default gpt-5-mini), LIMNER_VISION_BASE_URL,
LIMNER_VISION_API_KEY and LIMNER_VISION_TIMEOUT, falling back to the LIMNER_LLM_* endpoint and key, then
to OPENAI_BASE_URL / OPENAI_API_KEY (see `limner.agents.openai_chat.ChatSettings`). The model does not
fall back to LIMNER_LLM_MODEL: a text model named there may not read images.

Reasoning models (gpt-5, o-series) take `max_completion_tokens`, spend part of it thinking, and give no
logprobs; other servers want `max_tokens`. Each request is sent in the form its model is expected to
take, and sent once more in the other form if the server refuses those parameters.
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from limner.agents.captioning import Caption, Detail
from PIL import Image

from limner.errors import BackendFailed, InvalidRequest

if TYPE_CHECKING:
    import openai

DEFAULT_MODEL = "gpt-5-mini"
MODEL_VARIABLE = "LIMNER_VISION_MODEL"
ENV_PREFIX = "LIMNER_VISION"
MAX_IMAGE_SIDE = 1024  # vision APIs scale larger images down themselves; sending them only costs upload time
JPEG_QUALITY = 90

# Without logprobs the model's word is all there is: a 'yes' reads as this probability of yes (a 'no' as one
# minus it). It is a vote, not a measurement, and sits near enough to 0.5 that the evaluator's confidence
# (the distance from 0.5) stays modest.
TEXT_ONLY_P_YES = 0.75

_PROMPTS: dict[str, str] = {
    "short": "Write a one-sentence caption for this image: say plainly what it shows.",
    "detailed": (
        "Describe this image in detail for someone who cannot see it: the main subjects and how many there are, "
        "their colours, materials and positions, the setting, the style or medium, and the lighting. "
        "Describe only what is visible."
    ),
}
_TOKEN_BUDGET = {"short": 80, "detailed": 400}
# Reasoning tokens count against max_completion_tokens: leave room to think before the answer.
_REASONING_BUDGET = 4000
_REASONING_MODEL = re.compile(r"^(?:.*/)?(?:o\d|gpt-5)", re.I)
_YES_NO_PROMPT = "Answer with one word, yes or no. {question}"
_YES_WORDS = frozenset({"yes", "y", "true"})
_NO_WORDS = frozenset({"no", "n", "false"})


class OpenAICaptioner:
    name: ClassVar[str] = "openai"
    semantic: ClassVar[bool] = True

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
    ):
        from limner.agents.chat import ChatFailed
        from limner.agents.openai_chat import ChatSettings

        try:
            settings = ChatSettings.from_env(ENV_PREFIX)
        except ChatFailed as exc:
            raise InvalidRequest(str(exc)) from None
        self.model = model or os.environ.get(MODEL_VARIABLE) or DEFAULT_MODEL
        self.settings = replace(
            settings,
            model=self.model,
            base_url=base_url or settings.base_url,
            api_key=api_key or settings.api_key,
            timeout_s=timeout if timeout is not None else settings.timeout_s,
        )
        # True: max_completion_tokens and no logprobs; False: max_tokens, temperature 0, logprobs when wanted.
        self._reasoning_form = bool(_REASONING_MODEL.match(self.model))
        self._chat = None

    def __repr__(self) -> str:  # never the key
        return f"OpenAICaptioner(model={self.model!r}, base_url={self.where!r})"

    @property
    def where(self) -> str:
        return self.settings.where

    def caption(self, image: Image.Image, *, detail: Detail = "short") -> Caption:
        response = self._create(image, _PROMPTS[detail], budget=_TOKEN_BUDGET[detail], logprobs=False)
        text = " ".join(_reply_text(response, self._label).split())
        return Caption(text=text, captioner=self.name, model=self.model, detail=detail, semantic=True)

    def ask_yes_no(self, image: Image.Image, question: str) -> tuple[bool, float]:
        """The model's answer to a yes/no question about `image`, and its probability of 'yes' (0..1).

        With logprobs (most non-reasoning models), P(yes) is the yes mass over yes + no among the first
        token's top alternatives. Without them, the word alone is read: yes -> TEXT_ONLY_P_YES, no -> 1 - it.
        """
        response = self._create(image, _YES_NO_PROMPT.format(question=question.strip()), budget=1, logprobs=True)
        p_yes = p_yes_from_logprobs(response)
        if p_yes is not None:
            return p_yes >= 0.5, p_yes
        answer = _reply_text(response, self._label)
        word = re.sub(r"[^a-z]", "", answer.strip().split()[0].lower()) if answer.strip() else ""
        if word in _YES_WORDS:
            return True, TEXT_ONLY_P_YES
        if word in _NO_WORDS:
            return False, 1 - TEXT_ONLY_P_YES
        raise BackendFailed(f"{self._label} answered {answer[:80]!r} to a yes/no question, neither yes nor no")

    # Talking to the endpoint ----------------------------------------------------------------------------

    @property
    def _label(self) -> str:
        return f"the vision model {self.model} at {self.where}"

    def _client(self) -> openai.OpenAI:
        from limner.agents.chat import ChatFailed
        from limner.agents.openai_chat import OpenAIChat

        if self.settings.base_url is None and not self.settings.api_key:
            raise InvalidRequest(
                "the openai captioner needs an API key for the OpenAI API: set LIMNER_VISION_API_KEY "
                "(or OPENAI_API_KEY), or LIMNER_VISION_BASE_URL for a local server"
            )
        if self._chat is None:
            self._chat = OpenAIChat(self.settings)
        try:
            return self._chat.client()
        except ChatFailed:
            raise BackendFailed("the openai captioner needs the openai package: pip install 'limner[openai]'") from None

    def _create(self, image: Image.Image, prompt: str, *, budget: int, logprobs: bool) -> Any:
        client = self._client()  # first: it says what to install when openai is missing
        import openai

        messages = [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": prompt},
                    {"type": "image_url", "image_url": {"url": image_data_url(image)}},
                ],
            }
        ]
        try:
            try:
                return self._send(client, messages, budget=budget, logprobs=logprobs)
            except openai.BadRequestError as exc:
                if not _refuses_parameters(exc):
                    raise
                # The server wants the other form (a reasoning model, or a server without logprobs).
                self._reasoning_form = not self._reasoning_form
                return self._send(client, messages, budget=budget, logprobs=logprobs)
        except openai.OpenAIError as exc:
            raise self._explain(exc) from None
        except json.JSONDecodeError as exc:  # the SDK passes a body that is not JSON straight through
            raise BackendFailed(
                f"{self._label} answered with something that is not a chat completion (invalid JSON: {exc.msg}); "
                f"check {_SETTINGS_HINT}"
            ) from None

    def _send(self, client: openai.OpenAI, messages: list[dict], *, budget: int, logprobs: bool) -> Any:
        options: dict[str, Any] = {}
        if self._reasoning_form:
            options["max_completion_tokens"] = budget + _REASONING_BUDGET
        else:
            options["max_tokens"] = budget
            options["temperature"] = 0
            if logprobs:
                options.update(logprobs=True, top_logprobs=5)
        return client.chat.completions.create(model=self.model, messages=messages, **options)

    def _explain(self, exc: openai.OpenAIError) -> BackendFailed:
        message = explain_failure(exc, label=self._label, timeout=self.settings.timeout_s)
        key = self.settings.api_key
        # However the message was built, the key never leaves in it (placeholder keys are no secret).
        return BackendFailed(message.replace(key, "***") if key and len(key) >= 8 else message)


# Reading answers ---------------------------------------------------------------------------------------------


def p_yes_from_logprobs(response: Any) -> float | None:
    """P(yes) from the first answer token's top logprobs, yes mass over yes + no mass; None when absent."""
    try:
        first = response.choices[0].logprobs.content[0]
    except (AttributeError, IndexError, TypeError):
        return None
    candidates = list(getattr(first, "top_logprobs", None) or [])
    if not candidates and getattr(first, "logprob", None) is not None:
        candidates = [first]
    yes = no = 0.0
    for candidate in candidates:
        word = re.sub(r"[^a-z]", "", str(getattr(candidate, "token", "")).lower())
        probability = math.exp(float(candidate.logprob))
        if word in _YES_WORDS:
            yes += probability
        elif word in _NO_WORDS:
            no += probability
    if yes + no <= 0:
        return None
    if len(candidates) == 1:
        # Only the chosen token is known: what it did not take is counted for the other answer.
        return yes if yes else 1 - no
    return yes / (yes + no)


def _reply_text(response: Any, label: str) -> str:
    try:
        content = response.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        raise BackendFailed(f"{label} answered without a message (no choices); is it a chat completions API?") from None
    if not isinstance(content, str) or not content.strip():
        reason = getattr(response.choices[0], "finish_reason", None)
        hint = (
            "; it ran out of tokens before answering (a reasoning model may need a larger budget)"
            if reason == "length"
            else ""
        )
        raise BackendFailed(f"{label} answered with an empty message{hint}")
    return content.strip()


def image_data_url(image: Image.Image) -> str:
    """The image as a data URL, at most MAX_IMAGE_SIDE on a side: PNG when small, JPEG otherwise."""
    picture = _flattened(image)
    if max(picture.size) > MAX_IMAGE_SIDE:
        picture = picture.copy()
        picture.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if max(picture.size) <= 512:
        picture.save(buffer, format="PNG")  # small enough that lossless costs little
        kind = "png"
    else:
        picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        kind = "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(buffer.getvalue()).decode('ascii')}"


def _flattened(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")
    return image.convert("RGB")


# Errors ----------------------------------------------------------------------------------------------------------

_SETTINGS_HINT = "LIMNER_VISION_BASE_URL (or LIMNER_LLM_BASE_URL / OPENAI_BASE_URL)"
_KEY_HINT = "LIMNER_VISION_API_KEY (or LIMNER_LLM_API_KEY / OPENAI_API_KEY)"


def explain_failure(exc: openai.OpenAIError, *, label: str, timeout: float) -> str:
    """What went wrong and what to check, for any exception the SDK raises; never the key."""
    import openai

    if isinstance(exc, openai.APITimeoutError):  # before APIConnectionError: it is one
        return (
            f"{label} did not answer within {timeout:g} s; try again, allow longer with LIMNER_VISION_TIMEOUT, "
            "or choose a faster model"
        )
    if isinstance(exc, openai.APIConnectionError):
        return f"could not reach {label} ({_root_cause(exc)}); check that the server is running and {_SETTINGS_HINT}"
    if isinstance(exc, openai.APIStatusError):
        return _explain_status(exc, label=label)
    if isinstance(exc, openai.APIError):  # among others, a body that is not the API's shape
        return f"{label} answered with something that is not a chat completion ({_short(exc)}); check {_SETTINGS_HINT}"
    return f"{label} failed: {type(exc).__name__}: {_short(exc)}"


def _explain_status(exc: openai.APIStatusError, *, label: str) -> str:
    status = exc.status_code
    message = _api_message(exc)
    if status == 401:
        return f"{label} rejected the API key (401); check {_KEY_HINT}"
    if status == 403:
        return f"{label} may not be used with this key (403: {message}); check the key's model access"
    if status == 404:
        return (
            f"{label} was not found (404: {message}); check LIMNER_VISION_MODEL names a model this endpoint serves "
            f"and that {_SETTINGS_HINT} ends in /v1"
        )
    if status == 429:
        return f"{label} is rate limited (429: {message}); wait a little and retry"
    if status == 400:
        return (
            f"{label} refused the request (400: {message}); if it cannot read images, set LIMNER_VISION_MODEL "
            "to a vision model"
        )
    if status >= 500:
        return f"{label} failed on its side (HTTP {status}: {message}); try again later"
    return f"{label} answered HTTP {status}: {message}"


def _refuses_parameters(exc: openai.BadRequestError) -> bool:
    """Whether a 400 is about the token-limit or logprobs parameters, which the other request form changes."""
    text = f"{exc.param or ''} {exc.code or ''} {_api_message(exc)}".lower()
    return any(word in text for word in ("max_tokens", "max_completion_tokens", "logprobs", "temperature"))


def _api_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return _short(body["message"])
    if isinstance(body, str) and body.strip():
        return _short(body)
    return "no details given"


def _root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return _short(exc) or type(exc).__name__


def _short(exc: BaseException | str, limit: int = 300) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
