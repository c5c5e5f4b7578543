"""What the model-backed planners need from a chat model: one request in, the reply's text out.

Two transports implement it: `OpenAIChat` (any OpenAI-compatible endpoint) and the MCP server's
sampling bridge (the calling assistant's model). Keeping the request a plain value lets both send
exactly the same words, and lets the sampling bridge build a request before the tool body runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from limner.errors import LimnerError

Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class ChatRequest:
    system: str
    messages: tuple[tuple[Role, str], ...]
    schema: dict[str, Any] | None = None  # the JSON schema the reply must follow, where the transport can ask for it
    schema_name: str = "scene"
    max_tokens: int = 1200

    def followed_by(self, reply: str, message: str) -> ChatRequest:
        """This conversation with the model's reply and a new user message appended."""
        return ChatRequest(
            self.system,
            (*self.messages, ("assistant", reply), ("user", message)),
            self.schema,
            self.schema_name,
            self.max_tokens,
        )


class ChatFailed(LimnerError):
    """The chat model could not be reached or gave no answer; the message says why, without secrets."""


class ChatModel(Protocol):
    @property
    def label(self) -> str:
        """Who answers, for records and messages: 'gpt-5.4-mini at https://api.openai.com/v1'."""
        ...

    def complete(self, request: ChatRequest) -> str:
        """The reply's text; raises ChatFailed when there is none."""
        ...
