"""MCP Tasks: `generate` and `refine` served as tasks to clients that speak them (background.py's jobs).

A task is a BackgroundJob seen through the Tasks methods: the task id is the job id, so `job` and `cancel`
work on a task, and `tasks/get` and `tasks/cancel` on a job a call answered with a handle. Two revisions:

- 2025-11-25 (tasks in the core protocol). A `tools/call` for generate or refine carrying `task` (its ttl)
  answers at once with `{"task": ...}` (CreateTaskResult); `tasks/get` gives the status (working, completed,
  failed, cancelled) with the job's progress as statusMessage; `tasks/result` waits for the end and gives
  the CallToolResult the call would have returned, marked with the related-task `_meta`; `tasks/list` and
  `tasks/cancel` (which sets the job's cancel event) as the spec has them. Advertised as the `tasks`
  server capability, and generate and refine carry `execution.taskSupport: "optional"`. A finished task
  is gone from the Tasks methods once the ttl it asked for (counted from its creation) has passed;
  without a ttl it stays while the server holds the job (`job` still answers for it either way).
- 2026-07-28 (the `io.modelcontextprotocol/tasks` extension, advertised in capabilities.extensions). Task
  creation is the server's choice, for clients that declare the extension on the request: a generate or
  refine still working after its `wait` answers with a task (`resultType: "task"`, the task's fields
  inline) instead of a job handle, and at once when the call carries `task`. `tasks/get` inlines the
  result once completed; `tasks/cancel` and `tasks/update` acknowledge. A job that failed the way a call
  fails (a tool error) is `completed` with that error result, as the extension requires.

The SDK has no Tasks runtime; its extension API serves the new methods and intercepts `tools/call`, but
on handshake-era wires it sieves every `tools/call` result through CallToolResult's schema, which a
CreateTaskResult fails. `TasksMiddleware` delivers it there (a middleware that answers owns its result),
and adds the `tasks` capability and the tools' `execution` hint, which the SDK has no setting for. Without
the middleware, a task-augmented call gets the job handle, as a client without Tasks would.
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import anyio
from limner.server.background import CLAIM, KEEP_FINISHED, POLL_S, BackgroundJob, BackgroundJobs, Claim
from limner.server.failures import explain
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.extension import Extension, MethodBinding
from mcp.server.mcpserver.exceptions import ToolError
from mcp.shared.exceptions import MCPError
from mcp_types import (
    CallToolRequestParams,
    CallToolResult,
    CancelTaskRequestParams,
    GetTaskPayloadRequestParams,
    GetTaskRequestParams,
    PaginatedRequestParams,
    RequestParams,
    TextContent,
)
from mcp_types import methods as wire
from mcp_types.jsonrpc import INVALID_PARAMS, METHOD_NOT_FOUND
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS, MODERN_PROTOCOL_VERSIONS, is_version_at_least

TASKS = "io.modelcontextprotocol/tasks"
RELATED_TASK = "io.modelcontextprotocol/related-task"
CORE_TASKS = "2025-11-25"  # the revision with tasks in the core protocol
TASK_TOOLS = ("generate", "refine")
POLL_INTERVAL_MS = 1000
CANCEL_WAIT_S = 5.0  # tasks/cancel (2025-11-25) waits this long for the work to stop at its next step
MISSING_CAPABILITY = -32021
CAPABILITY = {"list": {}, "cancel": {}, "requests": {"tools": {"call": {}}}}

CORE = frozenset(v for v in HANDSHAKE_PROTOCOL_VERSIONS if is_version_at_least(v, CORE_TASKS))
MODERN = frozenset(MODERN_PROTOCOL_VERSIONS)


def core_tasks(version: Any) -> bool:
    """Whether `version` has tasks in the core protocol (`task` on requests, `tasks` capability)."""
    return version in CORE


class UpdateTaskParams(RequestParams):
    """`tasks/update` (2026 extension): responses to a task's input requests; Limner's tasks ask none."""

    task_id: str
    input_responses: dict[str, Any] | None = None


@dataclass
class _Delivery:
    """A CreateTaskResult the interceptor made on a handshake-era wire, for the middleware to send."""

    result: dict[str, Any] | None = None


_DELIVERY: ContextVar[_Delivery | None] = ContextVar("limner_task_delivery", default=None)


class JobTasks(Extension):
    """The Tasks methods over a server's BackgroundJobs, and the `tools/call` interceptor making tasks."""

    identifier = TASKS

    def __init__(self, jobs: BackgroundJobs):
        self.jobs = jobs
        self._ttl: dict[str, int | None] = {}  # job id -> the ttl its task was created with
        self.middleware = TasksMiddleware()

    def methods(self) -> list[MethodBinding]:
        both = CORE | MODERN
        return [
            MethodBinding("tasks/get", GetTaskRequestParams, self.get, protocol_versions=both),
            MethodBinding("tasks/cancel", CancelTaskRequestParams, self.cancel, protocol_versions=both),
            MethodBinding("tasks/result", GetTaskPayloadRequestParams, self.result, protocol_versions=CORE),
            MethodBinding("tasks/list", PaginatedRequestParams, self.list_tasks, protocol_versions=CORE),
            MethodBinding("tasks/update", UpdateTaskParams, self.update, protocol_versions=MODERN),
        ]

    async def intercept_tool_call(
        self, params: CallToolRequestParams, ctx: ServerRequestContext[Any, Any], call_next: CallNext
    ) -> HandlerResult:
        version = ctx.protocol_version
        if params.name not in TASK_TOOLS:
            if core_tasks(version) and params.task is not None:  # the spec's answer to a tool without taskSupport
                raise MCPError(
                    code=METHOD_NOT_FOUND,
                    message=f"{params.name!r} does not run as a task (only {' and '.join(TASK_TOOLS)} do): "
                    "call it without `task`.",
                )
            return await call_next(ctx)
        if core_tasks(version) and params.task is not None:
            claim = Claim(wait=0.0)
        elif version in MODERN and _declared(ctx):
            claim = Claim(wait=0.0 if params.task is not None else None)
        else:
            return await call_next(ctx)
        token = CLAIM.set(claim)
        try:
            result = await call_next(ctx)
        finally:
            CLAIM.reset(token)
        job = claim.job
        if job is None:  # refused before any work started (arguments, a model that is missing): as before
            return result
        self._remember(job, params.task.ttl if params.task is not None else None)
        if version in MODERN:
            if claim.wait == 0 or _is_handle(result, job):
                return {**self.task(job, version), "resultType": "task"}
            return result  # done within the call's wait: its own result
        delivery = _DELIVERY.get()
        if delivery is not None:
            delivery.result = {"task": self.task(job, version)}
        return result  # the job handle: what reaches a client when no middleware delivers the task

    def _remember(self, job: BackgroundJob, ttl: int | None) -> None:
        held = {j.id for j in self.jobs.held()}
        self._ttl = {job_id: kept for job_id, kept in self._ttl.items() if job_id in held}
        self._ttl[job.id] = ttl

    # --- the methods ---

    async def get(self, ctx: ServerRequestContext[Any, Any], params: GetTaskRequestParams) -> dict[str, Any]:
        version = ctx.protocol_version
        job = self._job(ctx, params.task_id, "retrieve")
        task = self.task(job, version)
        if version in MODERN and task["status"] == "completed":
            task["result"] = _call_result(job, version)
        return task

    async def result(self, ctx: ServerRequestContext[Any, Any], params: GetTaskPayloadRequestParams) -> dict[str, Any]:
        """What the call would have returned, once the work is done (2025-11-25 `tasks/result`)."""
        job = self._job(ctx, params.task_id, "retrieve the result of")
        while not job.finished.is_set():
            await anyio.sleep(POLL_S)
        payload = _call_result(job, ctx.protocol_version)
        payload["_meta"] = {**payload.get("_meta", {}), RELATED_TASK: {"taskId": job.id}}
        return payload

    async def list_tasks(self, ctx: ServerRequestContext[Any, Any], params: PaginatedRequestParams) -> dict[str, Any]:
        """Every job this server holds (the running ones and the last KEEP_FINISHED finished) whose ttl has not
        passed, oldest first."""
        return {"tasks": [self.task(job, ctx.protocol_version) for job in self.jobs.held() if not self._expired(job)]}

    async def cancel(self, ctx: ServerRequestContext[Any, Any], params: CancelTaskRequestParams) -> dict[str, Any]:
        version = ctx.protocol_version
        job = self._job(ctx, params.task_id, "cancel")
        if version in MODERN:  # an acknowledgement; the status follows when the work stops
            if not job.finished.is_set():
                job.cancel.set()
            return {}
        if job.finished.is_set():
            status = self.task(job, version)["status"]
            raise MCPError(
                code=INVALID_PARAMS,
                message=f"Cannot cancel task {job.id}: it already ended ({status}). Call tasks/result for its result.",
            )
        job.cancel.set()
        with anyio.move_on_after(CANCEL_WAIT_S):  # it stops at its next step: answer with where it ended
            while not job.finished.is_set():
                await anyio.sleep(POLL_S)
        return self.task(job, version)

    async def update(self, ctx: ServerRequestContext[Any, Any], params: UpdateTaskParams) -> dict[str, Any]:
        self._job(ctx, params.task_id, "update")
        return {}  # Limner's tasks never wait on input: any responses are for no outstanding request

    # --- tasks from jobs ---

    def _job(self, ctx: ServerRequestContext[Any, Any], task_id: str, doing: str) -> BackgroundJob:
        if ctx.protocol_version in MODERN and not _declared(ctx):
            raise MCPError(
                code=MISSING_CAPABILITY,
                message=f"Missing required client capability: declare the {TASKS} extension to use tasks.",
                data={"requiredCapabilities": {"extensions": {TASKS: {}}}},
            )
        job = self.jobs.get(task_id)
        if job is not None and self._expired(job):
            raise MCPError(
                code=INVALID_PARAMS,
                message=f"Failed to {doing} task: task {task_id!r} finished and its ttl of {self._ttl[job.id]} ms "
                f"has passed. Its work is kept: job(job_id='{task_id}') gives its result.",
            )
        if job is None:
            raise MCPError(
                code=INVALID_PARAMS,
                message=(
                    f"Failed to {doing} task: no task {task_id!r} here. Task ids come from a generate or refine "
                    f"call answered with a task; this server keeps the running ones and the last {KEEP_FINISHED} "
                    f"finished. A task id is a job id too: job(job_id='{task_id}') looks up older work in the "
                    "lineage, and `history` lists the images made."
                ),
            )
        return job

    def _expired(self, job: BackgroundJob) -> bool:
        """Whether `job` finished and the ttl its task asked for, counted from its creation, has passed."""
        ttl = self._ttl.get(job.id)
        return ttl is not None and job.finished.is_set() and time.time() > job.created_at + ttl / 1000

    def task(self, job: BackgroundJob, version: str) -> dict[str, Any]:
        """The job as a Task, in `version`'s field names."""
        status = _status(job, version)
        task: dict[str, Any] = {
            "taskId": job.id,
            "status": status,
            "statusMessage": _status_message(job, status),
            "createdAt": _iso(job.created_at),
            "lastUpdatedAt": _iso(job.updated_at),
        }
        ttl = self._ttl.get(job.id)
        if version in MODERN:
            return {**task, "ttlMs": ttl, "pollIntervalMs": POLL_INTERVAL_MS}
        return {**task, "ttl": ttl, "pollInterval": POLL_INTERVAL_MS}


class TasksMiddleware:
    """What the SDK's extension API cannot say on handshake-era wires (2025-11-25): the `tasks` capability,
    the tools' `execution.taskSupport`, and a CreateTaskResult for `tools/call`, which the SDK would sieve
    through CallToolResult's schema and refuse. Every other message passes through untouched."""

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        method, version = ctx.method, ctx.protocol_version
        if method == "tools/call" and core_tasks(version) and (ctx.params or {}).get("task") is not None:
            delivery = _Delivery()
            token = _DELIVERY.set(delivery)
            try:
                result = await call_next(ctx)
            finally:
                _DELIVERY.reset(token)
            return delivery.result if delivery.result is not None else result
        result = await call_next(ctx)
        if not isinstance(result, dict):
            return result
        if method == "initialize" and core_tasks(result.get("protocolVersion")):
            return {**result, "capabilities": {**result.get("capabilities", {}), "tasks": CAPABILITY}}
        if method == "tools/list" and core_tasks(version) and isinstance(result.get("tools"), list):
            tools = [
                {**tool, "execution": {"taskSupport": "optional"}} if tool.get("name") in TASK_TOOLS else tool
                for tool in result["tools"]
            ]
            return {**result, "tools": tools}
        return result


def job_tasks(jobs: BackgroundJobs) -> JobTasks:
    """The Tasks extension over `jobs`; register it with its `middleware` too."""
    return JobTasks(jobs)


def _declared(ctx: ServerRequestContext[Any, Any]) -> bool:
    """Whether the client declared the tasks extension (2026: on this request's capabilities)."""
    capabilities = ctx.session.client_capabilities
    extensions = getattr(capabilities, "extensions", None) or {}
    return TASKS in extensions


def _is_handle(result: Any, job: BackgroundJob) -> bool:
    """Whether the call answered with `job`'s 'still working' handle (its results never carry a job_id)."""
    content = getattr(result, "structured_content", None)
    return isinstance(content, dict) and content.get("job_id") == job.id


def _status(job: BackgroundJob, version: str) -> str:
    status = job.status
    if status in ("working", "cancelling"):
        return "working"
    if status == "succeeded":
        return "completed"
    if status == "cancelled":
        return "cancelled"
    # A failed job answers as a failed call does, with a tool error result: the 2026 extension keeps
    # `failed` for JSON-RPC errors, so there it is `completed` with that result.
    return "completed" if version in MODERN else "failed"


def _status_message(job: BackgroundJob, status: str) -> str:
    if status == "working":
        state = "cancelling" if job.cancel.is_set() else job.message
        return f"{job.kind}: {job.percent:.0f}%, {state}"
    outcome = _outcome(job)
    first = next((item.text for item in outcome.content if isinstance(item, TextContent)), "")
    if status == "cancelled":
        return f"{job.kind} cancelled: nothing was stored."
    return first.splitlines()[0] if first else f"{job.kind} {status}"


def _outcome(job: BackgroundJob) -> CallToolResult:
    """The CallToolResult the call would have returned, tool errors included (as LimnerServer words them)."""
    try:
        return job.outcome()
    except ToolError as exc:
        text = str(exc)
    except Exception as exc:  # an unexpected failure: what went wrong and what to do, no traceback
        text = explain(job.kind, exc)
    return CallToolResult(content=[TextContent(text=text)], is_error=True)


def _call_result(job: BackgroundJob, version: str) -> dict[str, Any]:
    """The outcome as the `tools/call` answer is put on `version`'s wire (the same per-version sieve)."""
    dumped = _outcome(job).model_dump(by_alias=True, mode="json", exclude_none=True)
    return wire.serialize_server_result("tools/call", version, dumped)


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
