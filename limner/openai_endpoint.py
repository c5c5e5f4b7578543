"""One OpenAI-compatible endpoint: where it is, how to reach it, and what to say when it fails.

Three backends talk to OpenAI-compatible servers (OpenAI itself, Ollama, llama.cpp, vLLM, LM Studio):
the `llm` planner (chat), the `openai` captioner and `vlm` judge (vision chat), and the `openai`
generator (the Images API). Each is configured by its own variables, falling back as the README's
table says; everything else is the same for all three and lives here:

- `Endpoint`: base URL, key, model, timeout and retries, built from `Settings` for one use
  (`Endpoint.for_llm`, `for_vision`, `for_images`); it never shows its key.
- `Endpoint.client()`: the `openai` client, imported only when asked for, with a clear error when the
  package is missing and a placeholder key for local servers that take none.
- `Endpoint.explain(exc)`: a Limner error for anything the SDK raises, naming the variables to check
  for this use, with the key cut out of whatever the server said.
- `ChatCompletions`: chat completions in the token-limit form the model takes (reasoning models
  such as gpt-5 and the o-series take `max_completion_tokens`; other servers `max_tokens` and
  temperature 0), switching form when a server refuses those parameters.

`openai` is imported only when a client is built or an SDK error explained: importing this module is cheap.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from limner.errors import BackendFailed, InvalidRequest, LimnerError, ModelNotAvailable

if TYPE_CHECKING:
    from types import ModuleType

    import openai
    from pydantic import SecretStr

    from limner.settings import Settings

OPENAI_API_URL = "https://api.openai.com/v1"
# Local servers take any key; the SDK insists on one.
PLACEHOLDER_KEY = "not-needed"
# Shorter "keys" are placeholders ("local", "x"), not secrets; replacing them would mangle ordinary words.
MIN_SECRET_LENGTH = 8
MAX_API_TEXT = 300  # characters of a server's error text worth passing on; error pages can be long

# gpt-5*, o1, o3-mini, o4-mini ..., with or without an `org/` prefix (OpenRouter, vLLM served names).
_REASONING_MODEL = re.compile(r"^(?:[^/\s]+/)*(?:o\d|gpt-5)", re.IGNORECASE)
# Words in a 400 that say the token-limit form was refused, not the request as a whole.
_LIMIT_PARAMETERS = ("max_tokens", "max_completion_tokens", "logprobs", "temperature")
_POLICY_CODES = frozenset({"content_policy_violation", "moderation_blocked"})


@dataclass(frozen=True)
class Use:
    """What an endpoint is used for: its defaults, and the variables every hint names."""

    name: str  # llm | vision | images
    what: str  # the backend, as a message names it
    noun: str  # before the model's name in a label
    base_url_variables: tuple[str, ...]
    api_key_variables: tuple[str, ...]
    model_variable: str
    timeout_variable: str | None
    default_model: str
    default_timeout: float
    default_max_retries: int
    api: str  # what a wrong base URL lacks
    answer: str  # what a good answer is
    model_kind: str  # what the model must be to take the request
    key_always: bool  # True: a key even for a local server; False: only for the OpenAI API

    @property
    def base_url_hint(self) -> str:
        return _hint(self.base_url_variables)

    @property
    def api_key_hint(self) -> str:
        return _hint(self.api_key_variables)

    def endpoint(
        self,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> Endpoint:
        """An endpoint for this use: the values given, this use's defaults for those that are None."""
        return Endpoint(
            model=model or self.default_model,
            base_url=base_url,
            api_key=api_key,
            timeout=timeout if timeout is not None else self.default_timeout,
            max_retries=max_retries if max_retries is not None else self.default_max_retries,
            use=self,
        )


def _hint(variables: tuple[str, ...]) -> str:
    first, *rest = variables
    return f"{first} (or {' / '.join(rest)})" if rest else first


LLM = Use(
    name="llm",
    what="the llm planner",
    noun="",
    base_url_variables=("LIMNER_LLM_BASE_URL", "OPENAI_BASE_URL"),
    api_key_variables=("LIMNER_LLM_API_KEY", "OPENAI_API_KEY"),
    model_variable="LIMNER_LLM_MODEL",
    timeout_variable="LIMNER_LLM_TIMEOUT",
    default_model="gpt-5.4-mini",
    default_timeout=60.0,
    default_max_retries=0,  # a failure falls back to the next planner at once, instead of after backoffs
    api="chat completions API",
    answer="a chat completion",
    model_kind="a chat model",
    key_always=False,
)
VISION = Use(
    name="vision",
    what="the openai captioner",
    noun="the vision model ",
    base_url_variables=("LIMNER_VISION_BASE_URL", "LIMNER_LLM_BASE_URL", "OPENAI_BASE_URL"),
    api_key_variables=("LIMNER_VISION_API_KEY", "LIMNER_LLM_API_KEY", "OPENAI_API_KEY"),
    model_variable="LIMNER_VISION_MODEL",
    timeout_variable="LIMNER_VISION_TIMEOUT",
    default_model="gpt-5-mini",
    default_timeout=60.0,
    default_max_retries=0,  # the evaluation goes on without it at once
    api="chat completions API",
    answer="a chat completion",
    model_kind="a vision model",
    key_always=False,
)
IMAGES = Use(
    name="images",
    what="the openai generator",
    noun="the image model ",
    base_url_variables=("LIMNER_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
    api_key_variables=("LIMNER_OPENAI_API_KEY", "OPENAI_API_KEY"),
    model_variable="LIMNER_OPENAI_IMAGE_MODEL",
    timeout_variable=None,
    default_model="gpt-image-2",  # gpt-image-1 was shut down on 2026-10-23
    default_timeout=120.0,  # large images from gpt-image models can take over a minute
    # One retry rides out a dropped connection; more would multiply a slow model's wait past a client's patience.
    default_max_retries=1,
    api="Images API",
    answer="an Images API answer",
    model_kind="an image model",
    key_always=True,  # a paid API by default: no key is a mistake to report before anything is sent
)


@dataclass(frozen=True)
class Endpoint:
    """One OpenAI-compatible endpoint as configured for one use. Its repr and messages never show the key."""

    model: str
    base_url: str | None = None  # None: the OpenAI API
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 60.0
    max_retries: int = 0
    use: Use = LLM

    def __post_init__(self) -> None:
        base_url = (self.base_url or "").strip().rstrip("/") or None
        object.__setattr__(self, "base_url", base_url)
        object.__setattr__(self, "api_key", (self.api_key or "").strip() or None)

    # From Settings ------------------------------------------------------------------------------------

    @classmethod
    def for_llm(cls, settings: Settings) -> Endpoint:
        """LIMNER_LLM_* then OPENAI_BASE_URL / OPENAI_API_KEY; model gpt-5.4-mini unless named."""
        return LLM.endpoint(
            model=settings.llm_model,
            base_url=settings.llm_base_url or settings.sdk_base_url,
            api_key=_secret(settings.llm_api_key or settings.sdk_api_key),
            timeout=settings.llm_timeout,
        )

    @classmethod
    def for_vision(cls, settings: Settings) -> Endpoint:
        """LIMNER_VISION_* then the LIMNER_LLM_* endpoint and key, then OPENAI_*.

        The model does not fall back to LIMNER_LLM_MODEL: a text model named there may not read images.
        """
        return VISION.endpoint(
            model=settings.vision_model,
            base_url=settings.vision_base_url or settings.llm_base_url or settings.sdk_base_url,
            api_key=_secret(settings.vision_api_key or settings.llm_api_key or settings.sdk_api_key),
            timeout=settings.vision_timeout if settings.vision_timeout is not None else settings.llm_timeout,
        )

    @classmethod
    def for_images(cls, settings: Settings) -> Endpoint:
        """LIMNER_OPENAI_BASE_URL / _API_KEY / _IMAGE_MODEL, then OPENAI_*; model gpt-image-2 unless named."""
        return IMAGES.endpoint(
            model=settings.images_model,
            base_url=settings.images_base_url or settings.sdk_base_url,
            api_key=_secret(settings.images_api_key or settings.sdk_api_key),
        )

    # Saying where it is ---------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL the client is given: never None, so the SDK reads no variables of its own."""
        return self.base_url or OPENAI_API_URL

    @property
    def where(self) -> str:
        """The base URL as a message may show it: without user:password, query or fragment."""
        parts = urlsplit(self.url)
        return parts._replace(netloc=self.host, query="", fragment="").geturl()

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc.rpartition("@")[2]  # host[:port], never user:password

    def label(self, model: str | None = None) -> str:
        """'gpt-5.4-mini at https://api.openai.com/v1', 'the vision model qwen2.5-vl at http://...'."""
        return f"{self.use.noun}{model or self.model} at {self.where}"

    def __repr__(self) -> str:
        return f"Endpoint({self.use.name}: {self.model!r} at {self.where!r})"

    def redact(self, text: str) -> str:
        """`text` with the key starred out: whatever path built a message, the key never leaves in it."""
        key = self.api_key
        return text.replace(key, "***") if key and len(key) >= MIN_SECRET_LENGTH else text

    # Talking to it --------------------------------------------------------------------------------------

    def client(self) -> openai.OpenAI:
        """A new `openai.OpenAI` client for this endpoint; InvalidRequest when a key is needed and missing."""
        openai = import_openai(self.use.what)
        if not self.api_key and (self.use.key_always or self.base_url is None):
            raise InvalidRequest(self._missing_key())
        return openai.OpenAI(
            base_url=self.url,
            api_key=self.api_key or PLACEHOLDER_KEY,
            timeout=self.timeout,
            max_retries=self.max_retries,
        )

    def _missing_key(self) -> str:
        use = self.use
        if use.key_always:
            local = " (a local server that ignores keys accepts any value, e.g. 'local')"
        else:
            local = f", or {use.base_url_variables[0]} for a local server"
        return f"{use.what} needs an API key for {self.where}: set {use.api_key_hint}{local}"

    # Explaining failures ----------------------------------------------------------------------------------

    def explain(self, exc: BaseException, *, model: str | None = None) -> LimnerError:
        """What went wrong and what to check, for any exception the SDK raises (or a body that is not JSON).

        BackendFailed as a rule; InvalidRequest for a request the server refused (400) and ModelNotAvailable
        for a model it does not serve (404). Callers that promise one error type keep the message only.
        Raise it `from None`: the SDK's exception carries the raw request and body.
        """
        error = self._explain(exc, model or self.model)
        return type(error)(self.redact(str(error)))

    def _explain(self, exc: BaseException, model: str) -> LimnerError:
        use, label = self.use, self.label(model)
        if isinstance(exc, json.JSONDecodeError):  # the SDK passes a body that is not JSON straight through
            return self._not_an_answer(label, f"invalid JSON: {exc.msg}")
        openai = import_openai(use.what)
        if isinstance(exc, openai.APITimeoutError):  # before APIConnectionError: it is one
            # The SDK retries timeouts, so say how often, or "after 120 s" would undercount the wait.
            attempts = 1 + self.max_retries
            each = f" on each of {attempts} attempts" if attempts > 1 else ""
            longer = f"allow longer with {use.timeout_variable}" if use.timeout_variable else "allow a longer timeout"
            return BackendFailed(
                f"{label} timed out after {self.timeout:g} s: it did not answer within {self.timeout:g} s{each}; "
                f"try again, {longer}, or choose a faster model"
            )
        if isinstance(exc, openai.APIConnectionError):
            return BackendFailed(
                f"could not reach {use.noun}{model}: could not connect to {self.where} ({_root_cause(exc)}); "
                f"check that the server is running and {use.base_url_hint} points at it "
                "(is the server running at that address?)"
            )
        if isinstance(exc, openai.APIStatusError):
            return self._explain_status(exc, model, label)
        if isinstance(exc, (openai.APIError, ValueError)):  # among others, a body that is not the API's shape
            return self._not_an_answer(label, clip(str(exc)))
        return BackendFailed(f"{label} failed: {type(exc).__name__}: {clip(str(exc))}")

    def _not_an_answer(self, label: str, detail: str) -> BackendFailed:
        return BackendFailed(
            f"{label} answered with something that is not {self.use.answer} ({detail}); check {self.use.base_url_hint}"
        )

    def _explain_status(self, exc: openai.APIStatusError, model: str, label: str) -> LimnerError:
        use, status, message = self.use, exc.status_code, api_message(exc)
        if status == 401:
            # The API's own 401 text quotes part of the key; it is left out on purpose.
            return BackendFailed(f"{label} rejected the API key (401); check {use.api_key_hint}")
        if status == 403:
            return BackendFailed(
                f"the API key may not use model {model!r} at {self.where} (403: {message}); check the key's model "
                f"access or the organization's verification, or choose another model with {use.model_variable}"
            )
        if status == 404:
            if exc.code == "model_not_found" or "model" in message.lower():
                return ModelNotAvailable(
                    f"model {model!r} is not available at {self.where} (404: {message}); "
                    f"set {use.model_variable} to a model this endpoint serves"
                )
            return BackendFailed(
                f"{self.where} has no {use.api} (404: {message}); check {use.base_url_hint} (it usually ends in /v1)"
            )
        if status == 429:
            if exc.code == "insufficient_quota":
                return BackendFailed(f"the API key's quota is used up (429: {message}); check the plan and billing")
            retry_after = exc.response.headers.get("retry-after")
            when = f"retry after {retry_after} s" if retry_after else "wait a little and retry"
            return BackendFailed(f"{label} is rate limited (429: {message}); {when}")
        if status == 400:
            if exc.code in _POLICY_CODES:
                return InvalidRequest(
                    f"the prompt was refused by the provider's content policy ({exc.code}); rephrase the description "
                    "without the part that could read as disallowed, and try again"
                )
            if exc.param:
                return InvalidRequest(f"{label} refused the request in {exc.param!r} (400: {message})")
            return InvalidRequest(
                f"{label} refused the request (400: {message}); "
                f"if {model!r} is not {use.model_kind}, set {use.model_variable} to one"
            )
        if status >= 500:
            request_id = f", request id {exc.request_id}" if exc.request_id else ""
            return BackendFailed(f"{label} failed on its side (HTTP {status}{request_id}: {message}); try again later")
        return BackendFailed(f"{label} answered HTTP {status}: {message}")


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None


# Chat completions -------------------------------------------------------------------------------------------


def is_reasoning_model(model: str) -> bool:
    """gpt-5*, o1, o3, o4-mini ..., with or without an `org/` prefix: models that think before answering."""
    return bool(_REASONING_MODEL.match(model.strip()))


def token_limit(limit: int, *, reasoning: bool, room_to_think: int = 0) -> dict[str, Any]:
    """The answer-length parameters of a chat request.

    Reasoning models take only `max_completion_tokens`, which their thinking counts against (hence
    `room_to_think`), and their own temperature. Other models, and the local servers (llama.cpp,
    Ollama, vLLM, LM Studio), know `max_tokens`; temperature 0 makes their answers repeatable.
    """
    if reasoning:
        return {"max_completion_tokens": limit + room_to_think}
    return {"max_tokens": limit, "temperature": 0}


def refuses_token_limit(exc: openai.BadRequestError) -> bool:
    """Whether a 400 is about the token-limit, temperature or logprobs parameters, which the other form changes."""
    text = f"{exc.param or ''} {exc.code or ''} {api_message(exc)}".lower()
    return any(word in text for word in _LIMIT_PARAMETERS)


class ChatCompletions:
    """`chat.completions.create` on one endpoint, in the token-limit form its model takes.

    The form is guessed from the model's name; a server that refuses its parameters (a 400 naming them)
    is asked once more in the other form, which is then kept for every later request. SDK errors come
    out as the SDK raised them: `endpoint.explain` turns them into messages.
    """

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self.reasoning = is_reasoning_model(endpoint.model)
        self._client: openai.OpenAI | None = None
        self._lock = threading.Lock()

    def client(self) -> openai.OpenAI:
        """The client, built on first use; raises what `Endpoint.client` raises."""
        with self._lock:
            if self._client is None:
                self._client = self.endpoint.client()
            return self._client

    def create(
        self,
        messages: list[dict[str, Any]],
        *,
        limit: int,
        room_to_think: int = 0,
        logprobs: bool = False,
        **options: Any,
    ) -> Any:
        """One completion; `logprobs` asks for the first token's top 5 where the form allows (not reasoning)."""
        client = self.client()  # first: it says what to install when openai is missing
        import openai

        def send() -> Any:
            limits = token_limit(limit, reasoning=self.reasoning, room_to_think=room_to_think)
            if logprobs and not self.reasoning:
                limits.update(logprobs=True, top_logprobs=5)
            return client.chat.completions.create(model=self.endpoint.model, messages=messages, **options, **limits)

        try:
            return send()
        except openai.BadRequestError as exc:
            if not refuses_token_limit(exc):
                raise
            # The server wants the other form (a reasoning model, or a server without logprobs).
            self.reasoning = not self.reasoning
            return send()


# Helpers ----------------------------------------------------------------------------------------------------


def import_openai(what: str = "this backend") -> ModuleType:
    """The `openai` package; ModelNotAvailable naming the extra to install when it is missing."""
    try:
        import openai
    except ImportError:
        raise ModelNotAvailable(f"{what} needs the openai package: pip install 'limner[openai]'") from None
    return openai


def api_message(exc: openai.APIStatusError) -> str:
    """The server's own explanation from the error body, not the SDK's 'Error code: ...' dump."""
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return clip(body["message"])
    if isinstance(body, str) and body.strip():
        return clip(body)
    return "no details given"


def clip(text: str, limit: int = MAX_API_TEXT) -> str:
    """`text` on one line, cut to `limit` characters (server errors can echo whole pages)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return clip(str(exc)) or type(exc).__name__
