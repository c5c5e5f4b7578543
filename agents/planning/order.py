"""The order planners are tried in: words in, the first valid Scene out.

Planners are plugins (the built-ins are `sampling`, `llm` and `rules`; see plugin.py). A model-backed
planner that cannot produce a valid Scene raises `PlannerFailed`; the next one is tried, and `rules`
always answers, so a description always becomes a Scene. The result says which planner made it, what
was repaired, and why the planners before it were passed over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from limner.agents.planning.base import Planned, Planner, PlannerFailed
from limner.agents.planning.chat import ChatModel
from limner.agents.scene.model import Scene

from limner.errors import BackendUnavailable, InvalidRequest
from limner.plugins import Registry
from limner.settings import Settings

log = logging.getLogger(__name__)

FALLBACK = "rules"  # offline and never fails: it ends every order


def planner_order(value: str | None, registry: Registry) -> tuple[str, ...]:
    """The planners to try, from 'sampling,llm,rules' (LIMNER_PLANNER or a per-call choice).

    No value: every registered planner, strongest first. `rules` is appended when missing: it is the
    fallback that always answers.
    """
    if value is None or not value.strip():
        return tuple(registry.names("planner"))
    names = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    for name in names:
        registry.backend("planner", name)  # an unknown name is the caller's error, naming what exists
    return names if FALLBACK in names else (*names, FALLBACK)


def available_planners(
    order: Sequence[str],
    registry: Registry,
    settings: Settings,
    *,
    assistant: ChatModel | None = None,
    explicit: bool = False,
) -> list[Planner]:
    """The planners of `order` that can run here, in order.

    `assistant` is the calling client's model (MCP sampling), present only when the client offers it. A
    planner asked for by name (`explicit`) that cannot run is the caller's error; one that merely appears
    in the default order is skipped.
    """
    planners: list[Planner] = []
    for name in order:
        try:
            planners.append(registry.create("planner", name, settings, assistant=assistant))  # type: ignore[arg-type]
        except BackendUnavailable as exc:
            if explicit:
                raise InvalidRequest(str(exc)) from None
            log.debug("planner %s skipped: %s", name, exc)
    return planners


def plan_in_order(
    planners: Sequence[Planner], description: str, *, width: int, height: int, prompt_tokens: int = 75
) -> Planned:
    """The first Scene a planner produces; the reasons the ones before it failed go into the result."""
    return _first(planners, lambda p: p.plan(description, width=width, height=height, prompt_tokens=prompt_tokens))


def revise_in_order(planners: Sequence[Planner], scene: Scene, instruction: str, *, prompt_tokens: int = 75) -> Planned:
    return _first(planners, lambda p: p.revise(scene, instruction, prompt_tokens=prompt_tokens))


def _first(planners: Sequence[Planner], attempt: Callable[[Planner], Planned]) -> Planned:
    passed_over: list[str] = []
    for planner in planners:
        try:
            planned = attempt(planner)
        except PlannerFailed as exc:
            log.warning("planner %s failed: %s", planner.name, exc)
            passed_over.append(f"{planner.name}: {exc}")
            continue
        return Planned(planned.scene, planned.planner, planned.repairs, (*passed_over, *planned.passed_over))
    raise PlannerFailed("every planner failed: " + "; ".join(passed_over))
