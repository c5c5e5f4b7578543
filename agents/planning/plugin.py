"""The built-in planners, registered through the same hook as any third-party plugin.

Tried in priority order: `sampling` (the calling assistant's own model, when the client offers it),
`llm` (an OpenAI-compatible chat endpoint, when one is configured), `rules` (offline; always answers).
"""

from __future__ import annotations

from limner.agents.planning.chat import ChatModel
from limner.agents.planning.model_planner import ModelPlanner
from limner.agents.planning.openai_chat import OpenAIChat
from limner.agents.planning.rules.planner import RulesPlanner

from limner.errors import BackendUnavailable
from limner.hookspecs import Availability, hookimpl
from limner.settings import Settings


@hookimpl
def register_planners(register):
    register(
        "sampling",
        _sampling,
        description="The calling assistant's own model, through MCP sampling.",
        available=lambda s: Availability(True, "when the MCP client offers sampling"),
        priority=30,
    )
    register(
        "llm",
        _llm,
        description="An OpenAI-compatible chat endpoint (OpenAI, Ollama, llama.cpp, vLLM, LM Studio).",
        available=lambda s: Availability(
            s.llm_configured, "set LIMNER_LLM_BASE_URL and LIMNER_LLM_MODEL, or OPENAI_API_KEY"
        ),
        priority=20,
    )
    register("rules", lambda settings, assistant=None: RulesPlanner(), description="Offline and deterministic.",
             priority=10)  # fmt: skip


def _sampling(settings: Settings, assistant: ChatModel | None = None) -> ModelPlanner:
    if assistant is None:
        raise BackendUnavailable(
            "the sampling planner needs an MCP client that offers sampling; "
            "use planner 'llm' or 'rules', or a client with the sampling capability"
        )
    return ModelPlanner("sampling", assistant)


def _llm(settings: Settings, assistant: ChatModel | None = None) -> ModelPlanner:
    if not settings.llm_configured:
        raise BackendUnavailable(
            "the llm planner has no endpoint: set LIMNER_LLM_BASE_URL (and LIMNER_LLM_MODEL) for a local "
            "server such as Ollama or llama.cpp, or OPENAI_API_KEY for OpenAI"
        )
    return ModelPlanner("llm", OpenAIChat.from_settings(settings))
