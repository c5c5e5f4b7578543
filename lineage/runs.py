"""Reading the runs table: the newest runs, and the runs a background job made.

`limner jobs` lists runs, and a job id the server no longer holds is answered from the runs that record
it (`request.job`). Both are queries of the store, called through `Lineage` under its lock.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

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
