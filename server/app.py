"""The MCP surface: tools, resources and their results, over a Studio.

Every tool that makes or shows an image returns the same shape: text saying what it is (some clients
drop images), a small inline preview, a resource link to the full image, and structured content.
"""

# No `from __future__ import annotations` here: the tools' annotations name resolvers defined inside
# build_server, which only evaluating them where they are written can see.
import io
import json
import threading
from pathlib import Path
from typing import Annotated, Any

import anyio
from limner.agents import Scene, Studio, scene_json_schema
from limner.agents.looking.evaluation import format_score
from limner.agents.planning.chat import ChatRequest
from limner.agents.workflow.requests import (
    CancelRequest,
    CaptionRequest,
    EvaluateRequest,
    GenerateRequest,
    HistoryRequest,
    ImportRequest,
    JobRequest,
    LineageRequest,
    RefineRequest,
    SearchRequest,
    ShowRequest,
)
from limner.agents.workflow.results import (
    CaptionResult,
    EvaluationResult,
    Generation,
    HistoryResult,
    ImageDetails,
    ImportResult,
    LineageResult,
    Refinement,
    SearchResult,
)
from limner.server.background import BackgroundJobs, admitting_handle, wait_for
from limner.server.preview import make_preview, make_thumbnail, sendable_as_is
from limner.server.sampling import (
    AssistantAnswers,
    answers,
    ask_again,
    ask_first,
    plan_question,
    revise_question,
    sampling_offered,
)
from limner.server.tools import SCENE_SCHEMA_URI, LimnerServer, publish
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp.server.mcpserver.resolve import Resolve
from mcp_types import CallToolResult, ImageContent, ResourceLink, TextContent
from PIL import Image
from pydantic import BaseModel

from limner.errors import LimnerError, NotFound

INSTRUCTIONS = """\
Limner makes images from plain descriptions and keeps every image's Scene and lineage.
Call `generate` with a description ("a lighthouse at dusk, watercolor"); the result holds an image_id,
a preview, the file path and the Scene it was made from. Pass `seed` to reproduce an image.
You plan better than any planner here: with the description, send `scene`, a sketch of what you
understood (objects with counts and attributes, relations by object index, style, lighting, exclude);
the server lays it out and writes the prompt, and the image's checks come from it.
`refine` changes an image by an instruction ("make the sky stormier", "add a red boat"), with the
revised `scene` sketch if you can, and keeps the child in the lineage. `caption` describes an image; `evaluate` checks it against its Scene (or a
description) and says which checks failed ("why is the boat missing?"). `generate` with `rounds`
above 1 does that itself: it revises the Scene from the failed checks and renders again, returning
the best image. `history` lists recent images; `show` returns one image with its Scene; `search` finds
stored images by words and meaning ("the red boat"), within filters. `import_image` brings in the user's own
picture (base64) as a root image that can then be captioned, evaluated and refined. A `generate` or
`refine` still working after `wait` seconds (default 50) answers with a job_id: call `job(job_id)` to
wait for the result, `cancel(job_id)` to stop it; the work goes on if you do neither.
"""


def build_server(studio: Studio) -> MCPServer:
    """An MCP server whose tools work on `studio`. The caller owns the studio and closes it."""
    mcp = LimnerServer(studio, instructions=INSTRUCTIONS)
    tools = ToolBodies(studio, mcp.background)
    plan_answers, revise_answers = _sampling_resolvers(studio)
    publish(
        mcp, "generate", GenerateRequest, tools.generate, admitting_handle(Generation),
        title="Generate an image", read_only=False, assistant=Resolve(plan_answers),
    )  # fmt: skip
    publish(
        mcp, "refine", RefineRequest, tools.refine, admitting_handle(Refinement),
        title="Refine an image", read_only=False, assistant=Resolve(revise_answers),
    )  # fmt: skip
    publish(mcp, "job", JobRequest, tools.job, None, title="Wait for a job", read_only=True)
    publish(mcp, "cancel", CancelRequest, tools.cancel, None, title="Cancel a job", read_only=False)
    publish(mcp, "caption", CaptionRequest, tools.caption, CaptionResult, title="Caption an image", read_only=False)
    publish(
        mcp, "evaluate", EvaluateRequest, tools.evaluate, EvaluationResult,
        title="Check an image against its Scene", read_only=False,
    )  # fmt: skip
    publish(mcp, "show", ShowRequest, tools.show, ImageDetails, title="Show a stored image", read_only=True, view=True)
    publish(mcp, "history", HistoryRequest, tools.history, HistoryResult, title="Recent images", read_only=True)
    publish(
        mcp, "search", SearchRequest, tools.search, SearchResult, title="Search images", read_only=True, view=True
    )
    publish(
        mcp, "lineage", LineageRequest, tools.lineage, LineageResult,
        title="An image's family tree", read_only=True, view=True,
    )  # fmt: skip
    publish(
        mcp, "import_image", ImportRequest, tools.import_image, ImportResult, title="Import an image", read_only=False
    )
    _add_resources(mcp, studio)
    return mcp


def _sampling_resolvers(studio: Studio) -> tuple[Any, Any]:
    """The resolvers that ask the client's own model for a Scene before `generate` or `refine` runs.

    Each chain is the question (None when the client is not to be asked), its answer, the retry, and both
    answers (see server/sampling.py); the last of each chain is what the tool receives as `assistant`.
    """

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
        return await ask_first(ctx, question, studio.settings.llm_timeout)

    async def plan_retry(
        question: Annotated[Any, Resolve(plan_question_for)], first: Annotated[Any, Resolve(plan_first)], ctx: Context
    ) -> Any:
        return await ask_again(ctx, question, first, studio.settings.llm_timeout)

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
        return await ask_first(ctx, question, studio.settings.llm_timeout)

    async def revise_retry(
        question: Annotated[Any, Resolve(revise_question_for)], first: Annotated[Any, Resolve(revise_first)],
        ctx: Context,
    ) -> Any:  # fmt: skip
        return await ask_again(ctx, question, first, studio.settings.llm_timeout)

    async def revise_answers(
        question: Annotated[Any, Resolve(revise_question_for)], first: Annotated[Any, Resolve(revise_first)],
        second: Annotated[Any, Resolve(revise_retry)],
    ) -> AssistantAnswers | None:  # fmt: skip
        return answers(question, first, second)

    return plan_answers, revise_answers


class ToolBodies:
    """What each tool does with its request: the Studio's work off the event loop, then the result blocks."""

    def __init__(self, studio: Studio, background: BackgroundJobs):
        self.studio = studio
        self.background = background

    async def generate(
        self, request: GenerateRequest, ctx: Context | None, assistant: AssistantAnswers | None = None
    ) -> CallToolResult:
        def work(progress: Any, cancel: threading.Event) -> CallToolResult:
            result = self.studio.generate(request, assistant=assistant, progress=progress, cancel=cancel)
            return _generation_result(self.studio, result)

        return await self.background.run("generate", work, request.wait, ctx)

    async def refine(
        self, request: RefineRequest, ctx: Context | None, assistant: AssistantAnswers | None = None
    ) -> CallToolResult:
        def work(progress: Any, cancel: threading.Event) -> CallToolResult:
            result = self.studio.refine(request, assistant=assistant, progress=progress, cancel=cancel)
            text = (
                f"Made image {result.image_id} from {result.parent_id} ({result.mode}, seed {result.seed}, "
                f"{result.generator}): {result.summary}\nChanges:\n{result.changes}\nFile: {result.path}\n"
                f"Full image: {result.uri}"
            )
            return _image_result(self.studio, result.image_id, text, result)

        return await self.background.run("refine", work, request.wait, ctx)

    async def job(self, request: JobRequest, ctx: Context | None) -> CallToolResult:
        """A job's result once done (waiting up to `wait`), else its progress; cancelling the wait leaves it running."""
        job = self.background.get(request.job_id)
        if job is None:
            return await anyio.to_thread.run_sync(self.background.not_here, request.job_id)
        return await wait_for(job, request.wait, ctx)

    async def cancel(self, request: CancelRequest, ctx: Context | None) -> CallToolResult:
        return await anyio.to_thread.run_sync(self.background.cancel, request.job_id)

    async def caption(self, request: CaptionRequest, ctx: Context | None) -> CallToolResult:
        result = await _call(self.studio.caption, request)
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
        return await anyio.to_thread.run_sync(_image_result, self.studio, result.image_id, text, result)

    async def evaluate(self, request: EvaluateRequest, ctx: Context | None) -> CallToolResult:
        result = await _call(self.studio.evaluate, request)
        lines = [f"Image {result.image_id} against: {result.summary}", f"File: {result.path}"]
        lines += result.evaluation.report()
        return await anyio.to_thread.run_sync(_image_result, self.studio, result.image_id, "\n".join(lines), result)

    async def show(self, request: ShowRequest, ctx: Context | None) -> CallToolResult:
        details = await _call(self.studio.show, request)
        text = f"Image {details.image_id}: {details.summary}\nFile: {details.path}"
        if details.parent_id:
            text += f"\nParent: {details.parent_id} ({details.relation})"
        if details.changes:
            text += f"\nChanges from the parent:\n{details.changes}"
        if details.mask_uri:
            text += f"\nMasked edit: only the white of {details.mask_uri} could change ({details.mask_path})"
        return await anyio.to_thread.run_sync(_image_result, self.studio, details.image_id, text, details)

    async def import_image(self, request: ImportRequest, ctx: Context | None) -> CallToolResult:
        result = await _call(self.studio.import_image, request)
        kept = f", keeping its {' and '.join(result.provenance)} provenance" if result.provenance else ""
        text = (
            f"Imported image {result.image_id} ({result.width}x{result.height}, from a {result.original_format}"
            f"{kept}): {result.summary}\nScene from: {result.scene_from}\nFile: {result.path}\nFull image: {result.uri}"
        )
        if result.caption is not None:
            text += f"\nCaption by {result.caption.captioner}: {result.caption.text}"
        text += f"\nNote: {result.note}" if result.note else ""
        return await anyio.to_thread.run_sync(_image_result, self.studio, result.image_id, text, result)

    async def lineage(self, request: LineageRequest, ctx: Context | None) -> CallToolResult:
        family = await _call(self.studio.lineage_of, request)
        refines = [e for e in family.edges if e.changes]
        text = family.tree + "".join(f"\n\n{e.parent_id} -> {e.child_id}:\n{e.changes}" for e in refines)
        return CallToolResult(content=[TextContent(text=text)], structured_content=family.model_dump(mode="json"))

    async def search(self, request: SearchRequest, ctx: Context | None) -> CallToolResult:
        found = await _call(self.studio.search, request)
        return await anyio.to_thread.run_sync(_search_result, self.studio, found)

    async def history(self, request: HistoryRequest, ctx: Context | None) -> CallToolResult:
        images = await _call(self.studio.history, request)
        # One short line per image: the full details (Scenes and all) are in the structured content and `show`.
        lines = [
            f"{i.image_id}  {i.created_at[:16].replace('T', ' ')}  {i.generator}  {i.width}x{i.height}  {i.summary}"
            + (f"  (from {i.parent_id}, {i.relation})" if i.parent_id else "")
            for i in images
        ]
        text = "\n".join(lines) if lines else "No images yet: generate one."
        return CallToolResult(
            content=[TextContent(text=text)],
            structured_content=HistoryResult(images=images).model_dump(mode="json"),
        )


def _generation_result(studio: Studio, result: Generation) -> CallToolResult:
    """generate's answer. Blocking (reads and shrinks the image): run it in a worker thread."""
    text = (
        f"Made image {result.image_id} ({result.width}x{result.height}, seed {result.seed}, "
        f"{result.generator}): {result.summary}\nFile: {result.path}\nFull image: {result.uri}"
    )
    if result.attempts:
        scores = ", ".join(f"{a.image_id} {format_score(a.score)}" for a in result.attempts)
        best = format_score(result.evaluation.score if result.evaluation else None)
        text += f"\nBest of {len(result.attempts)} images (score {best}): {scores}"
        text += f"\nStopped: {result.stopped}" if result.stopped else ""
    return _image_result(studio, result.image_id, text, result)


def _add_resources(mcp: MCPServer, studio: Studio) -> None:
    @mcp.resource(
        "limner://masks/{image_id}", mime_type="image/png", description="A masked edit's mask: white where it changed."
    )
    async def mask_resource(image_id: str) -> bytes:
        try:
            return await anyio.to_thread.run_sync(studio.mask_bytes, image_id)
        except NotFound as exc:
            raise ResourceNotFoundError(str(exc)) from None

    @mcp.resource("limner://images/{image_id}", mime_type="image/png", description="A stored image, full size.")
    async def image_resource(image_id: str) -> bytes:
        try:
            _, data = await anyio.to_thread.run_sync(studio.image_bytes, image_id)
        except NotFound as exc:
            raise ResourceNotFoundError(str(exc)) from None
        return data

    @mcp.resource(SCENE_SCHEMA_URI, mime_type="application/schema+json", description="The Scene JSON schema.")
    def scene_schema() -> str:
        return json.dumps(scene_json_schema(), indent=2)


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


SEARCH_THUMBNAILS = 4  # the first hits get a small picture; the rest are a line each


def _search_result(studio: Studio, found: SearchResult) -> CallToolResult:
    """One short line per hit, thumbnails of the first few. Blocking (reads images): run it in a worker thread."""
    lines = [
        f"{h.image_id}  {h.created_at[:16].replace('T', ' ')}  {h.generator}  score {format_score(h.score)}  "
        f"[{'+'.join(h.matched_by)}]  {h.summary[:90]}"
        for h in found.hits
    ]
    if not found.semantic and found.semantic_reason and found.words:
        lines.insert(0, f"({found.semantic_reason})")
    content: list[Any] = [TextContent(text="\n".join(lines) if found.hits else "No stored image matches.")]
    for hit in found.hits[:SEARCH_THUMBNAILS]:
        try:
            with studio.lineage.picture(studio.lineage.image(hit.image_id)) as image:
                thumbnail = make_thumbnail(image)
        except LimnerError:  # a damaged file still has its line; `show` says what is wrong with it
            continue
        content.append(ImageContent(data=thumbnail.data, mime_type=thumbnail.mime_type))
    return CallToolResult(content=content, structured_content=found.model_dump(mode="json"))


def _image_result(studio: Studio, image_id: str, text: str, structured: BaseModel) -> CallToolResult:
    """Blocking (reads and shrinks the image): run it in a worker thread."""
    record = studio.lineage.image(image_id)
    fresh = studio.jobs.fresh(record.id)  # stored moments ago by this server: its pixels are in memory
    size = _file_size(record.path) if fresh is not None else None
    if fresh is not None and size is not None and not sendable_as_is(size, record.width, record.height):
        preview = make_preview(fresh, stored_size=size)  # not the file read back, hashed and decoded again
    else:
        stored = studio.lineage.verified_bytes(record)
        size = len(stored)
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
                size=size,
            ),
        ],
        structured_content=structured.model_dump(mode="json"),
    )


def _file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None  # gone since: the verified read says what is wrong
