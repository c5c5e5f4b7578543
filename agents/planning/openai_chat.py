"""Any OpenAI-compatible chat endpoint (OpenAI, Ollama, LM Studio, vLLM, llama.cpp server) as a ChatModel.

Structured output is asked for in the strongest form the server accepts: a JSON-schema response
format, else a forced tool call whose parameters are the schema, else JSON mode carrying the schema
(llama.cpp's server constrains its output with it), else plain JSON mode, else plain text. A server
that rejects a form (a 4xx, or a 5xx that names the option, as some local servers answer) is asked
again in the next one, and the form that worked is remembered for the endpoint. Whatever comes back is only text to the caller: the planner
validates it.

The endpoint (LIMNER_LLM_BASE_URL, LIMNER_LLM_API_KEY, LIMNER_LLM_MODEL, LIMNER_LLM_TIMEOUT, falling back to
OPENAI_BASE_URL and OPENAI_API_KEY) is a `limner.openai_endpoint.Endpoint`, which also builds the client and
explains failures; LIMNER_LLM_MAX_TOKENS caps each answer.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from limner.agents.planning.chat import ChatFailed, ChatRequest

from limner.errors import LimnerError
from limner.openai_endpoint import LLM, ChatCompletions, Endpoint, api_message
from limner.settings import Settings

MODES = ("json_schema", "tool", "json_object_schema", "json_object", "text")
_OPTION_WORDS = ("response_format", "json_schema", "tool", "function")
_forms_that_work: dict[tuple[str, str], str] = {}  # (base URL, model) -> mode
_forms_lock = threading.Lock()


class OpenAIChat:
    """A chat model behind an OpenAI-compatible endpoint."""

    def __init__(self, endpoint: Endpoint | None = None, *, max_tokens: int | None = None):
        """`endpoint` (default: OpenAI's API, gpt-5.4-mini; `LLM.endpoint(model=..., base_url=...)` for another);
        `max_tokens` caps each answer's length below what a request asks."""
        self.endpoint = endpoint or LLM.endpoint()
        self.max_tokens = max_tokens
        self._completions = ChatCompletions(self.endpoint)

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIChat:
        return cls(Endpoint.for_llm(settings), max_tokens=settings.llm_max_tokens)

    def __repr__(self) -> str:  # never the key
        return f"OpenAIChat({self.label!r})"

    @property
    def label(self) -> str:
        return self.endpoint.label()

    def complete(self, request: ChatRequest) -> str:
        key = (self.endpoint.where, self.endpoint.model)
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

    def _ask(self, request: ChatRequest, mode: str) -> str:
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
        limit = min(request.max_tokens, self.max_tokens or request.max_tokens)
        try:
            response = self._completions.create(messages, limit=limit, **options)
        except LimnerError as exc:  # no key for the OpenAI API, or no openai package
            raise ChatFailed(str(exc)) from None
        except Exception as exc:
            raise self._failure(exc, mode) from None
        return _reply_text(response, mode, self.label)

    def _failure(self, exc: Exception, mode: str) -> Exception:
        """The refusal of a structured-output form (try the next), or why the request failed."""
        import openai

        if isinstance(exc, openai.APIStatusError) and mode != "text" and _refuses_form(exc):
            return _FormRefused(self.endpoint.redact(f"{mode}: HTTP {exc.status_code}: {api_message(exc)}"))
        if isinstance(exc, (openai.OpenAIError, ValueError)):  # ValueError: a body that is not JSON
            return ChatFailed(str(self.endpoint.explain(exc)))
        return exc


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
