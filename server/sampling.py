"""The `sampling` planner's transport: the calling assistant's own model, asked through MCP sampling.

MCP asks the client for input before a tool body runs: on 2026-07-28 and later protocols the tool
answers `input_required` and the client calls again with the answers; earlier ones send
`sampling/createMessage` during the call. The SDK's resolvers (`Resolve`, `Sample`) carry both, so
the planner's questions are asked from resolvers:

1. `first` asks for the Scene (the same request the `llm` planner sends, from model_planner.py);
2. `retry` reads that answer and, when it cannot be used, asks once more with the errors.

The tool body then hands the answers to the Studio as `AssistantAnswers`, a ChatModel that replays
them, so the planner order and the repair/retry logic are the same code for every planner. A client
without the sampling capability, or a configuration without `sampling` in the planner order, is
asked nothing. On the older protocols a client that refuses to sample does not fail the call:
the refusal is the recorded reason and the next planner runs.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from dataclasses import dataclass

import anyio
from limner.agents import Studio
from limner.agents.planning.chat import ChatFailed, ChatRequest
from limner.agents.planning.model_planner import plan_request, retry_request, revise_request
from limner.agents.planning.order import planner_order
from limner.agents.planning.scene_repair import SceneRejected, read_scene
from limner.agents.scene.model import Scene
from limner.agents.workflow.imports import redraw_with
from limner.agents.workflow.inputs import checked_description, checked_instruction
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import Sample
from mcp_types import CreateMessageResult, SamplingMessage, TextContent
from mcp_types.version import is_version_at_least

from limner.errors import LimnerError

log = logging.getLogger(__name__)

_INPUT_REQUIRED_VERSION = "2026-07-28"


@dataclass(frozen=True)
class Asked:
    """One question put to the assistant and its answer (None: it could not answer)."""

    request: ChatRequest
    answer: str | None
    refusal: str | None = None


class AssistantAnswers:
    """A ChatModel that replays what the assistant answered before the tool body ran: the answer to
    the first question, and to the retry when the first answer could not be used."""

    def __init__(self, first: Asked, retry_answer: str | None = None, model: str | None = None):
        self.first = first
        self.retry_answer = retry_answer
        self.model = model

    @property
    def label(self) -> str:
        return f"the assistant's model ({self.model})" if self.model else "the assistant's model"

    def complete(self, request: ChatRequest) -> str:
        first = self.first
        if first.answer is None:
            raise ChatFailed(f"{self.label} did not answer: {first.refusal}")
        if request == first.request:
            return first.answer
        asked_before = (*first.request.messages, ("assistant", first.answer[:4000]))
        if request.messages[: len(asked_before)] == asked_before and self.retry_answer is not None:
            return self.retry_answer
        raise ChatFailed(f"{self.label} was not asked this question")


def sampling_offered(ctx: Context | None, studio: Studio, planner: str | None) -> bool:
    """Whether to ask the client's model: it offers sampling, and the planner order includes it."""
    if ctx is None:
        return False
    capabilities = ctx.client_capabilities
    if capabilities is None or capabilities.sampling is None:
        return False
    try:
        order = planner_order(planner if planner and planner.strip() else studio.settings.planner, studio.registry)
    except LimnerError:
        return False  # the tool body reports the unknown planner
    return "sampling" in order


def plan_question(studio: Studio, description: str | None, generator: str | None, model: str | None) -> ChatRequest:
    text = checked_description(description or "")
    return plan_request(text, prompt_tokens=studio.prompt_budget(generator, model))


def revise_question(
    studio: Studio, image_id: str, instruction: str, generator: str | None, model: str | None
) -> ChatRequest:
    parent = studio.lineage.image(image_id)
    scene = Scene.model_validate(studio.lineage.scene(parent.scene_id))
    generator_name = redraw_with(studio, parent, generator)  # an imported parent: the default generator
    if model is None and generator_name == parent.generator:
        model = parent.settings.get("model")
    return revise_request(
        scene, checked_instruction(instruction), prompt_tokens=studio.prompt_budget(generator_name, model)
    )


async def ask_first(ctx: Context, question: ChatRequest | None, timeout: float) -> Sample | Asked | None:
    """The first question, when there is one to ask."""
    return None if question is None else await ask(ctx, question, timeout)


async def ask_again(
    ctx: Context, question: ChatRequest | None, first: CreateMessageResult | Asked | None, timeout: float
) -> Sample | Asked | None:
    """The retry, when the first answer came but cannot be read as a Scene."""
    if question is None or first is None:
        return None
    retry = needs_retry(asked(question, first))
    return None if retry is None else await ask(ctx, retry, timeout)


def answers(
    question: ChatRequest | None, first: CreateMessageResult | Asked | None, second: CreateMessageResult | Asked | None
) -> AssistantAnswers | None:
    """What the assistant said, for the tool body to hand to the Studio; None when it was not asked."""
    if question is None or first is None:
        return None
    retry = second.answer if isinstance(second, Asked) else answer_text(second) if second is not None else None
    return AssistantAnswers(asked(question, first), retry, model=getattr(first, "model", None))


async def ask(ctx: Context, request: ChatRequest, timeout: float) -> Sample | Asked:
    """The question as the protocol wants it: a `Sample` marker on new protocols, else asked now, waiting
    at most `timeout` seconds (the llm planner's) for a client that never answers."""
    messages = [SamplingMessage(role=role, content=TextContent(text=text)) for role, text in request.messages]
    if ctx.protocol_version and is_version_at_least(ctx.protocol_version, _INPUT_REQUIRED_VERSION):
        return Sample(messages, max_tokens=request.max_tokens, system_prompt=request.system, temperature=0)
    try:
        with contextlib.suppress(Exception):  # progress is a courtesy: a client without a token gets none
            await ctx.report_progress(0, 100, "asking your assistant's model to plan the Scene (MCP sampling)")
        with warnings.catch_warnings(), anyio.fail_after(timeout):  # deprecated by SEP-2577, still the way here
            warnings.simplefilter("ignore")
            result = await ctx.session.create_message(
                messages,
                max_tokens=request.max_tokens,
                system_prompt=request.system,
                temperature=0,
                related_request_id=ctx.request_id,
            )
    except TimeoutError:
        log.warning("the client did not answer the sampling request within %g s", timeout)
        return Asked(request, None, refusal=f"the client did not answer within {timeout:g} s")
    except Exception as exc:  # a client that declines or errs: the next planner runs
        log.warning("the client did not sample: %s", exc)
        return Asked(request, None, refusal=" ".join(str(exc).split())[:200] or type(exc).__name__)
    return Asked(request, answer_text(result))


def asked(request: ChatRequest, outcome: CreateMessageResult | Asked) -> Asked:
    """A resolver's outcome (a sampled result, or what was asked directly) as one Asked."""
    if isinstance(outcome, Asked):
        return outcome
    text = answer_text(outcome)
    return Asked(request, text, refusal=None if text else "an empty answer")


def answer_text(result: CreateMessageResult) -> str | None:
    content = result.content
    parts = content if isinstance(content, list) else [content]
    text = "".join(getattr(p, "text", "") or "" for p in parts)
    return text or None


def needs_retry(first: Asked) -> ChatRequest | None:
    """The follow-up question when the first answer cannot be read as a Scene, else None.

    Whether an answer is rejected does not depend on the canvas or the prompt budget (those only
    change what is repaired), so any size reads it the same way here as in the planner.
    """
    if first.answer is None:
        return None
    try:
        read_scene(first.answer, intent="", width=512, height=512)
    except SceneRejected as rejected:
        return retry_request(first.request, first.answer, rejected)
    return None
