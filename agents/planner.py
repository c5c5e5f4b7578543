"""The planner interface (words in, Scene out) and the order planners are tried in.

Three planners exist: `rules` (offline, never fails), `llm` (any OpenAI-compatible chat endpoint)
and `sampling` (the calling assistant's own model, through MCP sampling). A model-backed planner
that cannot produce a valid Scene raises `PlannerFailed`; `plan_in_order` then tries the next one,
and `rules` always answers, so a description always becomes a Scene. The result says which planner
made it, what was repaired, and why the planners before it were passed over.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from limner.agents.scene import Scene

from limner.errors import InvalidRequest, LimnerError, UnknownBackend

if TYPE_CHECKING:
    from limner.agents.chat import ChatModel

log = logging.getLogger(__name__)

PLANNER_NAMES = ("sampling", "llm", "rules")  # also the default order


@dataclass(frozen=True)
class Planned:
    """A Scene and how it came to be."""

    scene: Scene
    planner: str
    repairs: tuple[str, ...] = ()  # what was fixed in the model's answer: "objects[2]: count 100 lowered to 12"
    passed_over: tuple[str, ...] = field(default=())  # "llm: timed out after 30 s", one per planner skipped

    def record(self) -> dict[str, object]:
        """What lineage keeps about the planning, as JSON."""
        return {"planner": self.planner, "repairs": list(self.repairs), "passed_over": list(self.passed_over)}


class PlannerFailed(LimnerError):
    """A model-backed planner gave no usable Scene; the reason is recorded and the next planner runs."""


@runtime_checkable
class Planner(Protocol):
    """Turns a description into a Scene, and an edit instruction plus a Scene into a new Scene.

    Planners never render and never touch lineage.
    """

    name: ClassVar[str]

    def plan(self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = 75) -> Planned:
        """A Scene for `description`, its prompt within `prompt_tokens` of the generator's text encoder."""
        ...

    def revise(self, scene: Scene, instruction: str, *, prompt_tokens: int = 75) -> Planned:
        """Change only what `instruction` asks; raise InvalidRequest when it cannot be understood."""
        ...


def planner_order(value: str | None) -> tuple[str, ...]:
    """The planners to try, from 'sampling,llm,rules' (LIMNER_PLANNER or a per-call choice).

    `rules` is appended when missing: it is the fallback that always answers.
    """
    if value is None or not value.strip():
        return PLANNER_NAMES
    names = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [n for n in names if n not in PLANNER_NAMES]
    if unknown:
        raise UnknownBackend(f"unknown planner {unknown[0]!r}; available: {', '.join(PLANNER_NAMES)}")
    return names if "rules" in names else (*names, "rules")


def llm_configured() -> bool:
    """The `llm` planner runs only where an endpoint or model has been named, never by surprise."""
    keys = ("LIMNER_LLM_BASE_URL", "LIMNER_LLM_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY")
    return any(os.environ.get(k) for k in keys)


def available_planners(
    order: Sequence[str], *, assistant: ChatModel | None = None, explicit: bool = False
) -> list[Planner]:
    """The planners of `order` that can run here, in order.

    `assistant` is the calling client's model (MCP sampling), present only when the client offers
    it. A planner that was asked for by name (`explicit`) but cannot run is the caller's error; one
    that merely appears in the default order is skipped.
    """
    planners: list[Planner] = []
    for name in order:
        if name == "sampling":
            if assistant is None:
                if explicit:
                    raise InvalidRequest(
                        "the sampling planner needs an MCP client that offers sampling; "
                        "use planner 'llm' or 'rules', or a client with the sampling capability"
                    )
                continue
            planners.append(_model_planner("sampling", assistant))
        elif name == "llm":
            if not llm_configured():
                if explicit:
                    raise InvalidRequest(
                        "the llm planner has no endpoint: set LIMNER_LLM_BASE_URL (and LIMNER_LLM_MODEL) for a local "
                        "server such as Ollama or llama.cpp, or OPENAI_API_KEY for OpenAI"
                    )
                continue
            planners.append(create_planner("llm"))
        else:
            planners.append(create_planner("rules"))
    return planners


def plan_in_order(
    planners: Sequence[Planner], description: str, *, width: int, height: int, prompt_tokens: int = 75
) -> Planned:
    """The first Scene a planner produces; the reasons the ones before it failed go into the result."""
    return _first(planners, lambda p: p.plan(description, width=width, height=height, prompt_tokens=prompt_tokens))


def revise_in_order(planners: Sequence[Planner], scene: Scene, instruction: str, *, prompt_tokens: int = 75) -> Planned:
    return _first(planners, lambda p: p.revise(scene, instruction, prompt_tokens=prompt_tokens))


def _first(planners: Sequence[Planner], attempt) -> Planned:
    passed_over: list[str] = []
    for planner in planners:
        try:
            planned: Planned = attempt(planner)
        except PlannerFailed as exc:
            log.warning("planner %s failed: %s", planner.name, exc)
            passed_over.append(f"{planner.name}: {exc}")
            continue
        return Planned(planned.scene, planned.planner, planned.repairs, (*passed_over, *planned.passed_over))
    raise PlannerFailed("every planner failed: " + "; ".join(passed_over))


def _model_planner(name: str, chat: ChatModel) -> Planner:
    from limner.agents.model_planner import ModelPlanner

    return ModelPlanner(name, chat)


def create_planner(name: str) -> Planner:
    """`rules`, or `llm` on the configured endpoint; `sampling` needs the client (see available_planners)."""
    if name == "rules":
        from limner.agents.rules_planner import RulesPlanner

        return RulesPlanner()
    if name == "llm":
        from limner.agents.openai_chat import OpenAIChat

        return _model_planner("llm", OpenAIChat.from_env())
    raise UnknownBackend(f"unknown planner {name!r}; available: {', '.join(PLANNER_NAMES)}")
