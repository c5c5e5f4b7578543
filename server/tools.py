"""Publishing the request models as MCP tools, so a tool's arguments are its request's fields.

`publish` turns a request model (`GenerateRequest`, ...) into the signature MCPServer reads, so the tool's
input schema, the CLI's options and `Studio`'s keyword arguments come from one declaration. `LimnerServer`
checks every call's arguments against that model before anything runs (an unknown name such as `sead` is
an error naming `seed`, not silently ignored) and writes the backend lists into the tool descriptions each
time tools are listed, so a plugin installed since start-up shows.
"""

import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from limner.agents import Studio
from limner.agents.workflow.requests import BACKEND_FIELDS, Request
from limner.server.background import BackgroundJobs
from limner.server.chat_view import VIEW_URI, chat_views
from limner.server.failures import explain
from limner.server.tasks import job_tasks
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ToolError, UnexpectedResourceError, UnexpectedToolError
from mcp_types import CallToolResult, ResourceLink, Tool, ToolAnnotations
from mcp_types.version import is_version_at_least
from pydantic import BaseModel, Field

from limner import __version__
from limner.errors import InvalidRequest


class LimnerServer(MCPServer):
    """An MCPServer whose tools take Limner's request models."""

    def __init__(self, studio: Studio, *, instructions: str):
        background = BackgroundJobs(studio.lineage)  # generate and refine run as jobs (background.py)
        tasks = job_tasks(background)  # ... served as MCP Tasks too, where the client speaks them (tasks.py)
        # The MCP App view (chat_view.py): show, lineage and search open as a page in clients that render them.
        super().__init__(
            "limner", version=__version__, instructions=instructions, extensions=[chat_views(), tasks],
            middleware=[tasks.middleware],
        )  # fmt: skip
        self.studio = studio
        self.requests: dict[str, type[Request]] = {}
        self.background = background

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Context | None = None) -> Any:
        request = self.requests.get(name)
        if request is not None:
            try:
                request.parse(arguments)
            except InvalidRequest as exc:
                raise ToolError(str(exc)) from None
        try:
            result = await super().call_tool(name, arguments, context)
        except UnexpectedToolError as exc:
            # The SDK would answer a bare "Error executing tool"; say what failed and what to do.
            cause = exc.__cause__ or exc
            raise ToolError(explain(name, cause)) from cause
        return for_version(result, context.protocol_version if context is not None else None)

    async def read_resource(self, uri: Any, context: Context | None = None) -> Any:
        try:
            return await super().read_resource(uri, context)
        except UnexpectedResourceError as exc:
            cause = exc.__cause__ or exc
            raise ResourceError(explain(f"reading {uri}", cause)) from cause

    async def list_tools(self) -> list[Tool]:
        tools = await super().list_tools()
        return [_scene_by_reference(self._with_backends(tool)) for tool in tools]

    def _with_backends(self, tool: Tool) -> Tool:
        properties = dict(tool.input_schema.get("properties", {}))
        for argument, kind in BACKEND_FIELDS.items():
            if argument in properties:
                names = ", ".join(self.studio.registry.names(kind))
                described = dict(properties[argument])
                described["description"] = f"{described.get('description', '')} Available here: {names}.".strip()
                properties[argument] = described
        # additionalProperties false: a misspelled argument is refused by name (call_tool), never dropped.
        schema = {**tool.input_schema, "properties": properties, "additionalProperties": False}
        return tool.model_copy(update={"input_schema": schema})


SCENE_SCHEMA_URI = "limner://schema/scene"
# Resource links and structured content came with this protocol revision; older clients reject results
# that carry them (their schemas do not know them), though the image was made and stored.
LINKS_AND_STRUCTURE = "2025-06-18"


def for_version(result: Any, version: str | None) -> Any:
    """The result as the negotiated protocol revision can carry it: before 2025-06-18, text and image only
    (the text already names the image's URI)."""
    if not isinstance(result, CallToolResult) or version is None or is_version_at_least(version, LINKS_AND_STRUCTURE):
        return result
    content = [item for item in result.content if not isinstance(item, ResourceLink)]
    return result.model_copy(update={"content": content, "structured_content": None})


def _scene_by_reference(tool: Tool) -> Tool:
    """The tool with its output schema's Scene named, not spelled out: four tools return a Scene, and its
    schema (6 KB) is published once, as the resource SCENE_SCHEMA_URI, instead of once per tool."""
    schema = tool.output_schema
    if not schema or "Scene" not in schema.get("$defs", {}):
        return tool
    defs = dict(schema["$defs"])
    defs["Scene"] = {"type": "object", "description": f"A Scene; its JSON schema is the resource {SCENE_SCHEMA_URI}."}
    compact = {**schema, "$defs": defs}
    reachable = _referenced({k: v for k, v in compact.items() if k != "$defs"}, defs)
    compact["$defs"] = {k: v for k, v in defs.items() if k in reachable}
    return tool.model_copy(update={"output_schema": compact})


def _referenced(node: Any, defs: dict[str, Any], seen: set[str] | None = None) -> set[str]:
    """The names in `defs` that `node` refers to ('#/$defs/Name'), directly or through other definitions."""
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and (name := ref[8:]) not in seen and name in defs:
            seen.add(name)
            _referenced(defs[name], defs, seen)
        for value in node.values():
            _referenced(value, defs, seen)
    elif isinstance(node, list):
        for value in node:
            _referenced(value, defs, seen)
    return seen


def publish(
    mcp: LimnerServer,
    name: str,
    request: type[Request],
    body: Callable[..., Awaitable[Any]],
    output: type[BaseModel] | None,
    *,
    title: str,
    read_only: bool,
    view: bool = False,
    **resolved: Any,
) -> None:
    """Publish `body(request, ctx, **resolved)` as the tool `name`, its arguments `request`'s fields.

    `resolved` names extra parameters filled by MCP resolvers before the body runs (e.g. the sampling
    planner's answers: `assistant=Resolve(...)`); they are not arguments a client sends.
    """
    parameters = [_parameter(field_name, field) for field_name, field in request.model_fields.items()]
    for extra, resolver in resolved.items():
        parameters.append(
            inspect.Parameter(extra, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[Any, resolver])
        )
    parameters.append(inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Context))
    returns = Annotated[CallToolResult, output] if output is not None else body.__annotations__.get("return")

    async def tool(**arguments: Any) -> Any:
        ctx = arguments.pop("ctx", None)
        extras = {key: arguments.pop(key, None) for key in resolved}
        try:
            parsed = request.parse(arguments)
        except InvalidRequest as exc:
            raise ToolError(str(exc)) from None
        return await body(parsed, ctx, **extras)

    tool.__name__ = name
    tool.__doc__ = request.__doc__
    tool.__signature__ = inspect.Signature(parameters, return_annotation=returns)  # type: ignore[attr-defined]
    tool.__annotations__ = {p.name: p.annotation for p in parameters} | {"return": returns}
    # Nothing Limner does deletes or overwrites: a call either only reads, or adds a new row or image.
    annotations = ToolAnnotations(
        title=title, read_only_hint=read_only, destructive_hint=False, idempotent_hint=read_only
    )
    meta = {"ui": {"resourceUri": VIEW_URI}} if view else None  # rendered by clients with MCP Apps; others ignore it
    mcp.add_tool(tool, name=name, title=title, description=request.__doc__, annotations=annotations, meta=meta)
    mcp.requests[name] = request



def _parameter(name: str, field: Any) -> inspect.Parameter:
    """A keyword parameter carrying the field's type, constraints, description and default."""
    annotation = Annotated[(field.annotation, *field.metadata, Field(description=field.description))]
    default = inspect.Parameter.empty if field.is_required() else field.default
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
