"""The runs table: the newest runs, the runs a background job made, and recording a failed run.

`limner jobs` lists runs, and a job id the server no longer holds is answered from the runs that record
it (`request.job`). Both are queries of the store, called through `Lineage` under its lock.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from limner.errors import StoreBusy

if TYPE_CHECKING:
    from limner.lineage.store import Lineage, RunStatus

log = logging.getLogger(__name__)

_NAMES = ("run_id", "kind", "status", "started_at", "finished_at", "owner", "error", "job_id", "image_id")


def recent_runs(db: Database, *, limit: int, running_only: bool) -> list[dict[str, Any]]:
    """The newest runs: kind, status, when, the job that ran them and the image kept."""
    where = "WHERE r.status = 'running'" if running_only else ""
    rows = db.execute(
        "SELECT r.id, r.kind, r.status, r.started_at, r.finished_at, r.owner, r.error, "
        "json_extract(r.request, '$.job'), (SELECT i.id FROM images i WHERE i.run_id = r.id "
        f"ORDER BY i.created_at DESC LIMIT 1) FROM runs r {where} ORDER BY r.started_at DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [dict(zip(_NAMES, row, strict=True)) for row in rows]


def job_runs(db: Database, job_id: str) -> tuple[list[tuple[str, str, str, str | None]], list[str]]:
    """(run id, kind, status, error) of the runs a job made (or the run of that id), oldest first, and the
    ids of the images they stored."""
    runs = db.execute(
        "SELECT id, kind, status, error FROM runs WHERE json_extract(request, '$.job') = ? OR id = ? "
        "ORDER BY started_at",
        [job_id, job_id],
    ).fetchall()
    images = [row[0] for run in runs for row in db.execute("SELECT id FROM images WHERE run_id = ?", [run[0]])]
    return runs, images


RETRY_S = 2.0
GIVE_UP_S = 600.0


def finish_after_failure(lineage: Lineage, run_id: str, status: RunStatus, error: str) -> None:
    """Record a run that failed or was cancelled, without hiding why it did.

    Called while the failure propagates: if the store is busy (another process holds a long write), the
    failure must still reach the user as itself, not as "the database is locked". The record is then
    retried on a thread of its own every RETRY_S for up to GIVE_UP_S; a process that exits first leaves the
    run `running`, and the next open marks it interrupted (recovery.py)."""
    try:
        lineage.finish_run(run_id, status, error=error)
        return
    except StoreBusy:
        pass

    def retry() -> None:
        deadline = time.monotonic() + GIVE_UP_S
        while time.monotonic() < deadline:
            time.sleep(RETRY_S)
            try:
                lineage.finish_run(run_id, status, error=error)
                return
            except StoreBusy:
                continue
            except Exception:  # the store was closed meanwhile: recovery marks the run at the next open
                log.warning("could not record run %s as %s", run_id, status, exc_info=True)
                return

    threading.Thread(target=retry, name=f"limner-finish-{run_id}", daemon=True).start()
