"""The MCP surface: tools, resources and their results, over a Studio.

Every tool that makes or shows an image returns the same shape: text saying what it is (some clients
drop images), a small inline preview, a resource link to the full image, and structured content.
"""

# No `from __future__ import annotations` here: the tools' annotations name resolvers defined inside
# build_server, which only evaluating them where they are written can see.
import io
import json
import threading
from typing import Annotated, Any, Literal

import anyio
from limner.agents import ImageDetails, Scene, Studio, scene_json_schema
from limner.agents.chat import ChatRequest
from limner.agents.evaluation import format_score
from limner.agents.studio import CaptionResult, EvaluationResult, Generation, Refinement
from limner.generators import names as generator_names
from limner.server.preview import make_preview
from limner.server.sampling import (
    AssistantAnswers,
    answers,
    ask_again,
    ask_first,
    plan_question,
    revise_question,
    sampling_offered,
)
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp.server.mcpserver.resolve import Resolve
from mcp_types import CallToolResult, ImageContent, ResourceLink, TextContent
from PIL import Image
from pydantic import BaseModel, Field

from limner import __version__
from limner.errors import LimnerError, NotFound

INSTRUCTIONS = """\
Limner makes images from plain descriptions and keeps every image's Scene and lineage.
Call `generate` with a description ("a lighthouse at dusk, watercolor"); the result holds an image_id,
a preview, the file path and the Scene it was made from. Pass `seed` to reproduce an image.
`refine` changes an image by an instruction ("make the sky stormier", "add a red boat") and keeps
the child in the lineage. `caption` describes an image; `evaluate` checks it against its Scene (or a
description) and says which checks failed ("why is the boat missing?"). `generate` with `rounds`
above 1 does that itself: it revises the Scene from the failed checks and renders again, returning
the best image. `history` lists recent images; `show` returns one image with its Scene.
"""


class HistoryResult(BaseModel):
    images: list[ImageDetails] = Field(description="Newest first.")


PLANNER_HELP = (
    "Who writes the Scene: 'sampling' (your own model, through MCP sampling), 'llm' (the configured "
    "OpenAI-compatible endpoint) or 'rules' (offline), or an order to try such as 'llm,rules'. "
    "Default: the configured order, sampling then llm then rules, skipping what is not available."
)


def build_server(studio: Studio) -> MCPServer:
    """An MCP server whose tools work on `studio`. The caller owns the studio and closes it."""
    mcp = MCPServer("limner", version=__version__, instructions=INSTRUCTIONS)

    # The sampling planner's questions, asked before a tool body runs (see server/sampling.py): the
    # question (None when the client is not to be asked), its answer, the retry, and both answers.

    async def plan_question_for(
        description: str | None, scene: Scene | None, planner: str | None, generator: str | None,
        model: str | None, ctx: Context,
    ) -> ChatRequest | None:  # fmt: skip
        if scene is not None or description is None or not sampling_offered(ctx, studio, planner):
            return None
        try:
            return await anyio.to_thread.run_sync(plan_question, studio, description, generator, model)
        except LimnerError:
            return None  # the tool body reports the problem

    async def plan_first(question: Annotated[Any, Resolve(plan_question_for)], ctx: Context) -> Any:
        return await ask_first(ctx, question)

    async def plan_retry(
        question: Annotated[Any, Resolve(plan_question_for)], first: Annotated[Any, Resolve(plan_first)], ctx: Context
    ) -> Any:
        return await ask_again(ctx, question, first)

    async def plan_answers(
        question: Annotated[Any, Resolve(plan_question_for)], first: Annotated[Any, Resolve(plan_first)],
        second: Annotated[Any, Resolve(plan_retry)],
    ) -> AssistantAnswers | None:  # fmt: skip
        return answers(question, first, second)

    async def revise_question_for(
        image_id: str, instruction: str, planner: str | None, generator: str | None, model: str | None, ctx: Context
    ) -> ChatRequest | None:
        if not sampling_offered(ctx, studio, planner):
            return None
        try:
            return await anyio.to_thread.run_sync(revise_question, studio, image_id, instruction, generator, model)
        except LimnerError:
            return None

    async def revise_first(question: Annotated[Any, Resolve(revise_question_for)], ctx: Context) -> Any:
        return await ask_first(ctx, question)

    async def revise_retry(
        question: Annotated[Any, Resolve(revise_question_for)], first: Annotated[Any, Resolve(revise_first)],
        ctx: Context,
    ) -> Any:  # fmt: skip
        return await ask_again(ctx, question, first)

    async def revise_answers(
        question: Annotated[Any, Resolve(revise_question_for)], first: Annotated[Any, Resolve(revise_first)],
        second: Annotated[Any, Resolve(revise_retry)],
    ) -> AssistantAnswers | None:  # fmt: skip
        return answers(question, first, second)

    @mcp.tool()
    async def generate(
        description: Annotated[
            str | None, Field(description="What to draw, in plain words. Omit when passing `scene`.")
        ] = None,
        scene: Annotated[
            Scene | None,
            Field(description="A complete Scene to render as is; no planner runs. Omit with `description`."),
        ] = None,
        seed: Annotated[int | None, Field(ge=0, le=2**32 - 1, description="Same seed, same image.")] = None,
        width: Annotated[int | None, Field(ge=64, le=2048, description="Pixels, a multiple of 8.")] = None,
        height: Annotated[int | None, Field(ge=64, le=2048, description="Pixels, a multiple of 8.")] = None,
        generator: Annotated[
            str | None,
            Field(description=f"Renderer: one of {', '.join(generator_names())}; default the best available."),
        ] = None,
        model: Annotated[
            str | None,
            Field(description="For diffusers: a registered model name, a folder, or a Hub id already pulled."),
        ] = None,
        init_image: Annotated[
            str | None, Field(description="Start from this image id (image-to-image) instead of noise.")
        ] = None,
        strength: Annotated[
            float | None, Field(gt=0, le=1, description="With a start image: how much to change it (0.6 if omitted).")
        ] = None,
        layout_guided: Annotated[
            bool, Field(description="Draw the planned layout first and start from it, so objects land where planned.")
        ] = False,
        planner: Annotated[str | None, Field(description=PLANNER_HELP)] = None,
        rounds: Annotated[
            int,
            Field(
                ge=1,
                le=8,
                description="Above 1: look at each image, revise the Scene from the checks it failed and render "
                "again, up to this many rounds; the best image is returned.",
            ),
        ] = 1,
        candidates: Annotated[
            int, Field(ge=1, le=8, description="Render this many seeds of the Scene and return the best.")
        ] = 1,
        assistant: Annotated[AssistantAnswers | None, Resolve(plan_answers)] = None,
        ctx: Context | None = None,
    ) -> Annotated[CallToolResult, Generation]:
        """Make an image from a description (or a complete Scene) and record it with its lineage."""
        cancel = threading.Event()
        result = await _call(
            studio.generate,
            description,
            scene=scene,
            seed=seed,
            width=width,
            height=height,
            generator=generator,
            model=model,
            init_image=init_image,
            strength=strength,
            layout_guided=layout_guided,
            planner=planner,
            rounds=rounds,
            candidates=candidates,
            assistant=assistant,
            progress=_progress_reporter(ctx, cancel),
            cancel=cancel,
        )
        text = (
            f"Made image {result.image_id} ({result.width}x{result.height}, seed {result.seed}, "
            f"{result.generator}): {result.summary}\nFile: {result.path}\nFull image: {result.uri}"
        )
        if result.attempts:
            scores = ", ".join(f"{a['image_id']} {format_score(a['score'])}" for a in result.attempts)
            text += f"\nBest of {len(result.attempts)} images (score {format_score(result.evaluation['score'])}): {scores}"
            text += f"\nStopped: {result.stopped}" if result.stopped else ""
        return await anyio.to_thread.run_sync(_image_result, studio, result.image_id, text, result)

    @mcp.tool()
    async def refine(
        image_id: Annotated[str, Field(description="The image to change (an id from generate, refine or history).")],
        instruction: Annotated[
            str, Field(description="What to change, in plain words: 'make the sky stormier', 'add a red boat'.")
        ],
        generator: Annotated[str | None, Field(description="Renderer; default the one that drew the parent.")] = None,
        model: Annotated[str | None, Field(description="For diffusers; default the parent's model.")] = None,
        strength: Annotated[
            float | None, Field(gt=0, le=1, description="For object edits: how much of the parent to repaint (0.6).")
        ] = None,
        planner: Annotated[str | None, Field(description=PLANNER_HELP)] = None,
        assistant: Annotated[AssistantAnswers | None, Resolve(revise_answers)] = None,
        ctx: Context | None = None,
    ) -> Annotated[CallToolResult, Refinement]:
        """Change an image by an instruction: its Scene is revised and a child image rendered and recorded."""
        cancel = threading.Event()
        result = await _call(
            studio.refine,
            image_id,
            instruction,
            generator=generator,
            model=model,
            strength=strength,
            planner=planner,
            assistant=assistant,
            progress=_progress_reporter(ctx, cancel),
            cancel=cancel,
        )
        text = (
            f"Made image {result.image_id} from {result.parent_id} ({result.mode}, seed {result.seed}, "
            f"{result.generator}): {result.summary}\nChanges:\n{result.changes}\nFile: {result.path}\n"
            f"Full image: {result.uri}"
        )
        return await anyio.to_thread.run_sync(_image_result, studio, result.image_id, text, result)

    @mcp.tool()
    async def caption(
        image_id: Annotated[
            str | None, Field(description="The image to describe (an id from generate or history).")
        ] = None,
        image: Annotated[
            str | None, Field(description="Or an image that is not stored: PNG, JPEG or WebP bytes, base64-encoded.")
        ] = None,
        captioner: Annotated[
            str | None,
            Field(
                description="palette (measures colours and light only), transformers or openai; default the best configured."
            ),
        ] = None,
        detail: Annotated[
            Literal["short", "detailed"], Field(description="One line, or a fuller description.")
        ] = "short",
    ) -> Annotated[CallToolResult, CaptionResult]:
        """Describe an image in words; the caption is kept with a stored image."""
        data = _base64_image(image) if image is not None else None
        result = await _call(studio.caption, image_id, image=data, captioner=captioner, detail=detail)
        kind = "" if result.caption.semantic else " (measured from pixels; says nothing about what is shown)"
        if result.image_id is None:
            return CallToolResult(
                content=[TextContent(text=f"Caption by {result.caption.captioner}{kind}: {result.caption.text}")],
                structured_content=result.model_dump(mode="json"),
            )
        text = (
            f"Caption of {result.image_id} by {result.caption.captioner}{kind}: {result.caption.text}\n"
            f"File: {result.path}"
        )
        return await anyio.to_thread.run_sync(_image_result, studio, result.image_id, text, result)

    @mcp.tool()
    async def evaluate(
        image_id: Annotated[str, Field(description="The image to check.")],
        description: Annotated[
            str | None, Field(description="Check against this description instead of the image's own Scene.")
        ] = None,
        captioner: Annotated[
            str | None, Field(description="Who describes the image first; default the best configured.")
        ] = None,
        threshold: Annotated[
            float, Field(ge=0, le=1, description="Share of checks to pass to count as a match.")
        ] = 0.75,
    ) -> Annotated[CallToolResult, EvaluationResult]:
        """Check an image against its Scene: each check's answer, who answered it and how sure, and a score."""
        result = await _call(studio.evaluate, image_id, description, captioner=captioner, threshold=threshold)
        lines = [f"Image {result.image_id} against: {result.summary}", f"File: {result.path}"]
        lines += result.evaluation.report()
        return await anyio.to_thread.run_sync(_image_result, studio, result.image_id, "\n".join(lines), result)

    @mcp.tool()
    async def show(
        image_id: Annotated[
            str, Field(description="An image id from generate or history (a 4+ character prefix works).")
        ],
    ) -> Annotated[CallToolResult, ImageDetails]:
        """One stored image: its preview, file, Scene, parent and children."""
        details = await _call(studio.show, image_id)
        text = f"Image {details.image_id}: {details.summary}\nFile: {details.path}"
        if details.parent_id:
            text += f"\nParent: {details.parent_id} ({details.relation})"
        if details.changes:
            text += f"\nChanges from the parent:\n{details.changes}"
        return await anyio.to_thread.run_sync(_image_result, studio, details.image_id, text, details)

    @mcp.tool()
    async def history(
        limit: Annotated[int, Field(ge=1, le=500)] = 20,
        offset: Annotated[int, Field(ge=0)] = 0,
    ) -> HistoryResult:
        """Recent images, newest first, with their Scenes."""
        return HistoryResult(images=await _call(studio.history, limit=limit, offset=offset))

    @mcp.resource("limner://images/{image_id}", mime_type="image/png", description="A stored image, full size.")
    async def image_resource(image_id: str) -> bytes:
        try:
            _, data = await anyio.to_thread.run_sync(studio.image_bytes, image_id)
        except NotFound as exc:
            raise ResourceNotFoundError(str(exc)) from None
        return data

    @mcp.resource("limner://schema/scene", mime_type="application/schema+json", description="The Scene JSON schema.")
    def scene_schema() -> str:
        return json.dumps(scene_json_schema(), indent=2)

    return mcp


async def _call(function: Any, *args: Any, cancel: threading.Event | None = None, **kwargs: Any) -> Any:
    """Run blocking Studio work off the event loop; errors the caller can fix become tool errors.

    When the client cancels the request, `cancel` is set and the call returns at once; the worker
    stops at its next step and records the run as cancelled.
    """
    if cancel is not None:
        kwargs["cancel"] = cancel
    try:
        return await anyio.to_thread.run_sync(lambda: function(*args, **kwargs), abandon_on_cancel=cancel is not None)
    except anyio.get_cancelled_exc_class():
        if cancel is not None:
            cancel.set()
        raise
    except LimnerError as exc:
        raise ToolError(str(exc)) from None


def _base64_image(text: str) -> bytes:
    import base64
    import binascii

    if text.startswith("data:"):
        text = text.partition(",")[2]
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ToolError("image must be base64-encoded bytes of a PNG, JPEG or WebP (a data: URL works too)") from None


def _progress_reporter(ctx: Context | None, cancel: threading.Event):
    """A Studio progress callback (called from a worker thread) that sends MCP progress notifications."""
    if ctx is None:
        return None

    def report(done: float, total: float, message: str) -> None:
        if not cancel.is_set():  # a cancelled request has no one left to tell
            anyio.from_thread.run(ctx.report_progress, done, total, message)

    return report


def _image_result(studio: Studio, image_id: str, text: str, structured: BaseModel) -> CallToolResult:
    """Blocking (reads and shrinks the image): run it in a worker thread."""
    record = studio.lineage.image(image_id)
    stored = record.path.read_bytes()
    with Image.open(io.BytesIO(stored)) as image:
        preview = make_preview(image, stored_png=stored)
    return CallToolResult(
        content=[
            TextContent(text=text),
            ImageContent(data=preview.data, mime_type=preview.mime_type),
            ResourceLink(
                uri=f"limner://images/{record.id}",
                name=f"limner-{record.id}.png",
                mime_type="image/png",
                description=f"Full image, {record.width}x{record.height}, at {record.path}",
                size=len(stored),
            ),
        ],
        structured_content=structured.model_dump(mode="json"),
    )
