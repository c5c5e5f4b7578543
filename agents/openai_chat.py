"""Any OpenAI-compatible chat endpoint (OpenAI, Ollama, LM Studio, vLLM, llama.cpp server) as a ChatModel.

Structured output is asked for in the strongest form the server accepts: a JSON-schema response
format, else a forced tool call whose parameters are the schema, else JSON mode carrying the schema
(llama.cpp's server constrains its output with it), else plain JSON mode, else plain text. A server
that rejects a form (a 4xx, or a 5xx that names the option, as some local servers answer) is asked
again in the next one, and the form that worked is remembered for the endpoint. Whatever comes back is only text to the caller: the planner
validates it.

Settings come from the environment: LIMNER_LLM_BASE_URL, LIMNER_LLM_API_KEY, LIMNER_LLM_MODEL,
LIMNER_LLM_TIMEOUT, LIMNER_LLM_MAX_TOKENS (a cap on each answer), falling back to the OpenAI SDK's own OPENAI_BASE_URL and OPENAI_API_KEY.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from typing import Any

from limner.agents.chat import ChatFailed, ChatRequest

DEFAULT_MODEL = "gpt-5.4-mini"
DEFAULT_TIMEOUT_S = 60.0
# Local servers take any key; the SDK insists on one.
_NO_KEY = "not-needed"

MODES = ("json_schema", "tool", "json_object_schema", "json_object", "text")
_OPTION_WORDS = ("response_format", "json_schema", "tool", "function")
_forms_that_work: dict[tuple[str, str], str] = {}  # (base URL, model) -> mode
_forms_lock = threading.Lock()


@dataclass(frozen=True)
class ChatSettings:
    model: str = DEFAULT_MODEL
    base_url: str | None = None  # None: the OpenAI API
    api_key: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_tokens: int | None = None  # a cap on each answer's length, below what the request asks

    @classmethod
    def from_env(cls, prefix: str = "LIMNER_LLM") -> ChatSettings:
        """`<prefix>_MODEL`, `_BASE_URL`, `_API_KEY`, `_TIMEOUT`; then OPENAI_BASE_URL / OPENAI_API_KEY."""
        env = os.environ
        timeout = env.get(f"{prefix}_TIMEOUT") or env.get("LIMNER_LLM_TIMEOUT")
        cap = env.get(f"{prefix}_MAX_TOKENS") or env.get("LIMNER_LLM_MAX_TOKENS")
        try:
            timeout_s = float(timeout) if timeout else DEFAULT_TIMEOUT_S
            max_tokens = int(cap) if cap else None
        except ValueError:
            raise ChatFailed(
                f"{prefix}_TIMEOUT must be seconds and {prefix}_MAX_TOKENS a whole number, not {timeout!r} / {cap!r}"
            ) from None
        return cls(
            model=env.get(f"{prefix}_MODEL") or env.get("LIMNER_LLM_MODEL") or DEFAULT_MODEL,
            base_url=env.get(f"{prefix}_BASE_URL") or env.get("LIMNER_LLM_BASE_URL") or env.get("OPENAI_BASE_URL"),
            api_key=env.get(f"{prefix}_API_KEY") or env.get("LIMNER_LLM_API_KEY") or env.get("OPENAI_API_KEY"),
            timeout_s=timeout_s,
            max_tokens=max_tokens,
        )

    @property
    def where(self) -> str:
        return self.base_url or "https://api.openai.com/v1"


class OpenAIChat:
    """A chat model behind an OpenAI-compatible endpoint."""

    def __init__(self, settings: ChatSettings):
        self.settings = settings
        self._client = None

    @classmethod
    def from_env(cls, prefix: str = "LIMNER_LLM") -> OpenAIChat:
        return cls(ChatSettings.from_env(prefix))

    @property
    def label(self) -> str:
        return f"{self.settings.model} at {self.settings.where}"

    def complete(self, request: ChatRequest) -> str:
        key = (self.settings.where, self.settings.model)
        with _forms_lock:
            known = _forms_that_work.get(key)
        modes = (known,) if known else MODES if request.schema else ("text",)
        last_refusal = ""
        for mode in modes:
            try:
                text = self._ask(request, mode)
            except _FormRefused as refused:
                last_refusal = str(refused)
                continue
            with _forms_lock:
                _forms_that_work[key] = mode
            return text
        raise ChatFailed(f"{self.label} refused every form of structured output: {last_refusal}")

    def client(self):
        if self._client is None:
            try:
                import openai
            except ImportError:
                raise ChatFailed("the llm planner needs the openai package: pip install 'limner[openai]'") from None
            self._client = openai.OpenAI(
                base_url=self.settings.base_url,
                api_key=self.settings.api_key or _NO_KEY,
                timeout=self.settings.timeout_s,
                max_retries=0,  # a failure falls back to the next planner at once, instead of after backoffs
            )
        return self._client

    def _ask(self, request: ChatRequest, mode: str) -> str:
        import openai

        messages: list[dict[str, Any]] = [{"role": "system", "content": request.system}]
        messages += [{"role": role, "content": text} for role, text in request.messages]
        options: dict[str, Any] = {}
        if mode == "json_schema":
            options["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": request.schema_name, "schema": request.schema, "strict": False},
            }
        elif mode == "tool":
            options["tools"] = [
                {
                    "type": "function",
                    "function": {
                        "name": request.schema_name,
                        "description": "Give the answer as this function's arguments.",
                        "parameters": request.schema,
                    },
                }
            ]
            options["tool_choice"] = {"type": "function", "function": {"name": request.schema_name}}
        elif mode == "json_object_schema":
            options["response_format"] = {"type": "json_object", "schema": request.schema}
        elif mode == "json_object":
            options["response_format"] = {"type": "json_object"}
        limit = min(request.max_tokens, self.settings.max_tokens or request.max_tokens)
        if self.settings.base_url is None or "api.openai.com" in self.settings.base_url:
            # OpenAI's reasoning models take only max_completion_tokens and their own temperature.
            options["max_completion_tokens"] = limit
        else:
            # Local servers (llama.cpp, Ollama, vLLM, LM Studio) know max_tokens; 0 makes answers repeatable.
            options.update(max_tokens=limit, temperature=0)
        try:
            response = self.client().chat.completions.create(model=self.settings.model, messages=messages, **options)
        except openai.APITimeoutError:
            raise ChatFailed(f"{self.label} timed out after {self.settings.timeout_s:g} s") from None
        except openai.APIConnectionError as exc:
            cause = exc.__cause__ or exc
            raise ChatFailed(
                f"could not connect to {self.settings.where} ({_short(cause)}); is the server running?"
            ) from None
        except openai.AuthenticationError:
            raise ChatFailed(f"{self.settings.where} refused the API key (401); set LIMNER_LLM_API_KEY") from None
        except openai.APIStatusError as exc:
            if mode != "text" and _refuses_form(exc):
                raise _FormRefused(f"{mode}: {_short(exc)}") from None
            raise ChatFailed(f"{self.label} answered HTTP {exc.status_code}: {_short(exc)}") from None
        except (openai.APIError, ValueError) as exc:  # a body that is not the API's shape, or not JSON at all
            raise ChatFailed(f"{self.label} gave an answer that is not a chat completion: {_short(exc)}") from None
        return _reply_text(response, mode, self.label)


def _refuses_form(exc: Any) -> bool:
    """A rejection of the structured-output option rather than of the request as a whole."""
    status = exc.status_code
    if status in (400, 422):
        return True
    return status >= 500 and any(word in str(exc).lower() for word in _OPTION_WORDS)


class _FormRefused(Exception):
    """The server rejected this form of structured output; try the next."""


def _reply_text(response: Any, mode: str, label: str) -> str:
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        raise ChatFailed(f"{label} gave an answer with no message in it") from None
    if mode == "tool" and getattr(message, "tool_calls", None):
        call = message.tool_calls[0]
        arguments = getattr(getattr(call, "function", None), "arguments", None)
        if isinstance(arguments, str) and arguments.strip():
            return arguments
        if isinstance(arguments, dict):
            return json.dumps(arguments)
    content = getattr(message, "content", None)
    if not isinstance(content, str) or not content.strip():
        raise ChatFailed(f"{label} answered with an empty message")
    return content


def _short(exc: BaseException, limit: int = 300) -> str:
    """An error's text on one line, cut to `limit` characters (server errors can echo whole pages)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
