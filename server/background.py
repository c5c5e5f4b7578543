"""Long work past client timeouts: `generate` and `refine` run as jobs of this server process.

A tool call starts its work as a `BackgroundJob`: a thread of its own, not tied to the MCP request, so the
work finishes and is stored even when the client goes away. The call waits up to its `wait` seconds; done
by then, it answers as it always did, else with a job handle (the job id and the progress so far). The
`job` tool waits again and, once the work is done, answers exactly what the first call would have; `cancel`
stops the work at its next step (the run is recorded as cancelled, nothing is stored).

A client that cancels the first call itself (`notifications/cancelled`, before any handle was returned)
cancels the work, as before jobs existed; once a handle has been returned, only `cancel` stops it. A client
that goes away instead (its connection closes: stdio ends, an HTTP stream drops) leaves the work running,
and `limner serve` finishes the running jobs before it exits. On the 2026 HTTP wire, where closing the
stream is also how a client cancels, the two cannot be told apart, and the work goes on. Jobs live in this
process: the running ones and the last KEEP_FINISHED finished ones. Every run a job starts records the
job id (jobs.JOB_ID), so an id this process no longer holds is looked up in the lineage's runs, and
`limner jobs` lists runs from there; a job whose process died shows as interrupted (recovery.py).
"""

from __future__ import annotations

import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import anyio
from limner.agents.workflow.jobs import JOB_ID
from limner.lineage import Lineage
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.shared.direct_dispatcher import DIRECT_TRANSPORT_KIND
from mcp_types import CallToolResult, TextContent
from pydantic import BaseModel, Field, create_model

from limner.errors import Cancelled, LimnerError

DEFAULT_WAIT = 50.0  # under the common 60 s client timeout
KEEP_FINISHED = 100
POLL_S = 0.05

Work = Callable[[Callable[[float, float, str], None], threading.Event], CallToolResult]
"""The job's work: given a progress callback and a cancel event, the tool's result (blocking)."""


class JobStatus(BaseModel):
    """Where a job stands: what a 'still working' answer, `job` and `cancel` carry as structured content."""

    job_id: str
    kind: str
    status: str  # working, succeeded, failed, cancelling, cancelled, interrupted
    progress: float  # percent of the whole
    message: str
    run_ids: list[str] = []
    image_id: str | None = None


def admitting_handle(model: type[BaseModel]) -> type[BaseModel]:
    """generate's (refine's) output model, admitting a job handle too: the result's own fields, or job_id and
    status (the schema says which with anyOf; the server checks structured content against this model)."""
    required = [name for name, info in model.model_fields.items() if info.is_required()]
    extra = {"anyOf": [{"required": required}, {"required": ["job_id", "status"]}]}
    base = type(model.__name__, (model,), {"model_config": {**model.model_config, "json_schema_extra": extra},
                                           "__module__": model.__module__, "__doc__": model.__doc__})  # fmt: skip
    optional: dict[str, Any] = {
        name: (model.model_fields[name].annotation | None, Field(None, description=model.model_fields[name].description))
        for name in required
    }
    handle = "Set when the work was not done in time: pass it to `job`."
    return create_model(
        model.__name__, __base__=base, job_id=(str | None, Field(None, description=handle)),
        status=(str | None, None), progress=(float | None, None), message=(str | None, None), **optional,
    )  # fmt: skip


class BackgroundJob:
    """One piece of work running in its own thread, with its progress and, once done, its outcome."""

    def __init__(self, kind: str, work: Work):
        self.id = secrets.token_hex(6)
        self.kind = kind
        self.cancel = threading.Event()
        self.finished = threading.Event()
        self.started = time.monotonic()
        self.created_at = self.updated_at = time.time()  # wall clock, for MCP Tasks (tasks.py)
        self.percent = 0.0
        self.message = "starting"
        self.result: CallToolResult | None = None
        self.error: BaseException | None = None
        self._listeners: list[queue.SimpleQueue] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, args=(work,), name=f"limner-job-{self.id}", daemon=True)

    def start(self) -> BackgroundJob:
        self._thread.start()
        return self

    def _run(self, work: Work) -> None:
        JOB_ID.set(self.id)  # this thread's own context: its runs record the job id
        try:
            self.result = work(self.report, self.cancel)
        except BaseException as exc:  # kept for whoever waits: the tool's error, as the call would have raised it
            self.error = exc
        finally:
            with self._lock:
                self.updated_at = time.time()
                self.finished.set()
                for listener in self._listeners:
                    listener.put(None)

    def report(self, done: float, total: float, message: str) -> None:
        """The Studio's progress callback (worker thread). The percentage only grows, as MCP progress must."""
        with self._lock:
            percent = min(100.0, max(100.0 * done / total if total else 0.0, self.percent + 0.01))
            if percent <= self.percent:
                return
            self.percent, self.message, self.updated_at = round(percent, 2), message, time.time()
            for listener in self._listeners:
                listener.put((self.percent, message))

    def listen(self) -> queue.SimpleQueue:
        """A queue of every (percent, message) from now on, then None when the job finishes."""
        listener: queue.SimpleQueue = queue.SimpleQueue()
        with self._lock:
            listener.put((self.percent, self.message))
            if self.finished.is_set():
                listener.put(None)
            self._listeners.append(listener)
        return listener

    def unlisten(self, listener: queue.SimpleQueue) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def status(self) -> str:
        if not self.finished.is_set():
            return "cancelling" if self.cancel.is_set() else "working"
        if self.error is None:
            return "succeeded"
        return "cancelled" if isinstance(self.error, Cancelled) else "failed"

    def describe(self) -> JobStatus:
        image_id = None
        if self.result is not None and isinstance(self.result.structured_content, dict):
            image_id = self.result.structured_content.get("image_id")
        return JobStatus(
            job_id=self.id, kind=self.kind, status=self.status, progress=self.percent, message=self.message,
            image_id=image_id,
        )  # fmt: skip

    def outcome(self) -> CallToolResult:
        """What the original call would have returned, or raised."""
        if self.error is None:
            assert self.result is not None
            return self.result
        if isinstance(self.error, LimnerError):
            raise ToolError(f"job {self.id}: {self.error}") from None
        raise self.error


@dataclass
class Claim:
    """A tools/call the MCP Tasks extension (tasks.py) answers with a task: `run` records the job the call
    starts here and waits `wait` seconds instead of the call's own (0: the job handle at once)."""

    wait: float | None = None
    job: BackgroundJob | None = None


CLAIM: ContextVar[Claim | None] = ContextVar("limner_task_claim", default=None)


class BackgroundJobs:
    """This process's jobs: every running one and the last KEEP_FINISHED finished ones."""

    def __init__(self, lineage: Lineage):
        self.lineage = lineage
        self._jobs: OrderedDict[str, BackgroundJob] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, kind: str, work: Work) -> BackgroundJob:
        job = BackgroundJob(kind, work)
        with self._lock:
            self._jobs[job.id] = job
            finished = [j for j in self._jobs.values() if j.finished.is_set()]
            for old in finished[: max(0, len(finished) - KEEP_FINISHED)]:
                del self._jobs[old.id]
        return job.start()

    def get(self, job_id: str) -> BackgroundJob | None:
        with self._lock:
            return self._jobs.get(job_id.strip())

    def held(self) -> list[BackgroundJob]:
        """Every job this process holds, oldest first."""
        with self._lock:
            return list(self._jobs.values())

    async def run(self, kind: str, work: Work, wait: float | None, ctx: Context | None) -> CallToolResult:
        """Start `work` as a job and wait for it up to `wait` seconds: its result, else a job handle.

        Cancelled by the client while waiting (before any handle), the work is cancelled too; cancelled because
        the client went away, the work goes on and is stored.
        """
        job = self.start(kind, work)
        if (claim := CLAIM.get()) is not None:  # an MCP task (tasks.py): it learns the job, may shorten the wait
            claim.job = job
            wait = wait if claim.wait is None else claim.wait
        try:
            return await wait_for(job, DEFAULT_WAIT if wait is None else wait, ctx)
        except anyio.get_cancelled_exc_class():
            if peer_cancelled(ctx):
                job.cancel.set()
            raise

    def running(self) -> list[BackgroundJob]:
        with self._lock:
            return [job for job in self._jobs.values() if not job.finished.is_set()]

    def finish_running(self, say: Callable[[str], None]) -> None:
        """Wait for every running job to finish and be stored (the server is stopping: nobody is left to ask)."""
        running = self.running()
        if running:
            names = ", ".join(f"{job.id} ({job.kind}, {job.percent:.0f}%)" for job in running)
            say(f"finishing {len(running)} running job(s) before exiting: {names}")
        for job in running:
            job.finished.wait()

    def cancel(self, job_id: str) -> CallToolResult:
        job = self.get(job_id)
        if job is None:
            return self.not_here(job_id)
        if not job.finished.is_set():
            job.cancel.set()
            text = f"Cancelling job {job.id} ({job.kind}): it stops at its next step and stores nothing."
        else:
            text = f"Job {job.id} ({job.kind}) had already finished: {job.status}; nothing to cancel."
        return status_result(job.describe(), text)

    def not_here(self, job_id: str) -> CallToolResult:
        """An id this process does not hold: what the lineage's runs say about it (or about a run of that id)."""
        runs, images = self.lineage.job_runs(job_id.strip())
        if not runs:
            raise ToolError(
                f"no job {job_id!r}: this server holds no such job (it keeps the running ones and the last "
                f"{KEEP_FINISHED} finished) and no stored run records it. Job ids come from a generate or refine "
                "answer that said 'still working'; `history` lists the images that were made."
            )
        last = runs[-1]
        status = last[2]
        text = (
            f"Job {job_id} is not held by this server (it ran in another process, or finished long ago); "
            f"its last run {last[0]} ({last[1]}) ended {status}" + (f": {last[3]}" if last[3] else "") + "."
        )
        if status == "running":
            text = f"Job {job_id} is running in another Limner process (run {last[0]}, {last[1]}); ask that server."
        if images:
            text += f" Stored image: {images[-1]}; call show(image_id='{images[-1]}') to see it."
        described = JobStatus(
            job_id=job_id, kind=last[1], status=status, progress=100.0 if images else 0.0, message=text,
            run_ids=[r[0] for r in runs], image_id=images[-1] if images else None,
        )  # fmt: skip
        return status_result(described, text)


def peer_cancelled(ctx: Context | None) -> bool:
    """Whether the client sent `notifications/cancelled` for this call, as opposed to its connection closing.

    The SDK sets the request's `cancel_requested` event before it cancels the handler for that notification,
    and only for it; the event sits on the request's outbound channel, which the SDK does not expose by a
    public name yet. An in-process client (the SDK's direct transport) has no connection to lose: its call
    is cancelled only when its caller gives up, so that is always the client's own cancel.
    """
    try:
        channel = getattr(ctx.request_context.session, "_request_outbound", None) if ctx is not None else None
    except ValueError:  # a Context outside a request
        return False
    if getattr(getattr(channel, "transport", None), "kind", None) == DIRECT_TRANSPORT_KIND:
        return True
    event = getattr(channel, "cancel_requested", None)
    return bool(event is not None and event.is_set())


async def wait_for(job: BackgroundJob, wait: float, ctx: Context | None) -> CallToolResult:
    """The job's outcome if it finishes within `wait` seconds, else a 'still working' handle.

    Progress reaches the client (when it gave a progress token) as it happens, each step in order.
    """
    listener = job.listen()
    sent = -1.0
    deadline = time.monotonic() + wait
    try:
        while True:
            done = False
            while True:
                try:
                    item = listener.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    done = True
                    break
                percent, message = item
                if ctx is not None and percent > sent and not job.cancel.is_set():
                    sent = percent
                    await ctx.report_progress(percent, 100.0, message)
            if done:
                break
            if time.monotonic() >= deadline:
                return still_working(job)
            await anyio.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))
    finally:
        job.unlisten(listener)
    return job.outcome()


def still_working(job: BackgroundJob) -> CallToolResult:
    described = job.describe()
    state = "cancelling" if job.cancel.is_set() else "still working"
    text = (
        f"{state.capitalize()}: job {job.id} ({job.kind}), {described.progress:.0f}% ({described.message}), "
        f"{time.monotonic() - job.started:.0f} s so far. Call job(job_id='{job.id}') to wait for its result, "
        f"or cancel(job_id='{job.id}') to stop it. The work goes on and is stored even if you leave."
    )
    return status_result(described, text)


def status_result(described: JobStatus, text: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(text=text)], structured_content=described.model_dump(mode="json"))


