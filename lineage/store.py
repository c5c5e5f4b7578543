"""The lineage store: every run, Scene, image and parent → child edge, in SQLite beside the image files.

Invariant: a row in `images` always has its file on disk. An image is written as file first, then
its rows and its run's final status in one transaction; if the transaction fails the file is removed
again, so a failure anywhere leaves neither, and the caller is told "stored" exactly when it was.

Several processes may share one data folder (servers, the CLI, the Python API). Every write takes the
write lock up front (`BEGIN IMMEDIATE`) and waits up to the busy timeout for it; a write that still
cannot start raises `StoreBusy` having stored nothing. Reads never wait (WAL). Migrations run under the
same lock, so processes opening a fresh folder together migrate it once. Each open store marks its runs
with its owner (owners.py), so runs of a process that died can be found and closed (recovery.py).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from limner.lineage.files import ImageFiles
from limner.lineage.migrations import migrations
from limner.lineage.owners import OwnerMark
from limner.lineage.provenance import encode_png
from limner.lineage.recovery import GRACE_S, Health, check
from limner.lineage.runs import job_runs, recent_runs
from limner.lineage.search import index_caption, index_evaluation, index_image
from limner.lineage.tree import Tree, lineage_tree
from PIL import Image
from sqlite_utils import Database

from limner.errors import ImageDamaged, InvalidRequest, NotFound, StoreBusy, StoreUnavailable

# "import" names how an imported picture came in; such a root has no edge, its run says it (importing.py).
EdgeRelation = Literal["refine", "variation", "retry", "init", "import"]
RunStatus = Literal["running", "succeeded", "failed", "cancelled", "interrupted"]
DB_NAME = "limner.db"
MIN_PREFIX = 4


@dataclass(frozen=True)
class ImageRecord:
    id: str
    run_id: str
    scene_id: str
    sha256: str
    path: Path
    width: int
    height: int
    generator: str
    seed: int | None
    settings: dict[str, Any]
    created_at: str
    parent_id: str | None
    relation: str | None
    diff: list[dict[str, Any]] | None = None
    mask_path: Path | None = None  # a masked edit's mask, beside the image


@dataclass(frozen=True)
class NewImage:
    """What `add_image` stores: the pixels, the Scene (as JSON data) and how they were made."""

    image: Image.Image
    scene: dict[str, Any]
    scene_id: str
    scene_summary: str
    parameters: str
    generator: str
    seed: int | None
    settings: dict[str, Any]
    parent_id: str | None = None
    relation: EdgeRelation | None = None
    diff: list[dict[str, Any]] | None = None  # what changed from the parent's Scene, for refine edges
    mask: Image.Image | None = None  # for a masked edit: where the child was allowed to differ from its parent


def _locked(method):
    """Serialize use of the one connection: the MCP server calls in from several worker threads."""

    @functools.wraps(method)
    def wrapper(self: Lineage, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            if self.unusable is not None:
                raise self.unusable
            return method(self, *args, **kwargs)

    return wrapper


def _loads(text: str | None) -> Any:
    return json.loads(text) if text else None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def new_id() -> str:
    return secrets.token_hex(6)


class Lineage:
    """Open (creating and migrating as needed) the store under `home`."""

    def __init__(self, home: Path, *, busy_timeout_ms: int = 10_000):
        self.home = Path(home)
        self.files = ImageFiles(self.home / "images")
        self.busy_timeout_s = busy_timeout_ms / 1000
        self._lock = threading.RLock()
        self.recovered: Health | None = None
        # A folder that cannot be used does not stop a server from starting: every call says why instead.
        self.unusable: StoreUnavailable | None = None
        try:
            self._open()
        except (OSError, sqlite3.Error) as exc:
            if getattr(self, "db", None) is not None:
                self.db.close()
            self.unusable = StoreUnavailable(
                f"the data folder {self.home} cannot be used ({type(exc).__name__}: {exc}); nothing was stored. "
                "Point LIMNER_HOME (or --home) at a folder Limner can create and write."
            )

    def _open(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: calls come from worker threads, one at a time under self._lock.
        # isolation_level=None: no implicit transactions; every write says BEGIN IMMEDIATE itself.
        conn = sqlite3.connect(
            self.home / DB_NAME, timeout=self.busy_timeout_s, check_same_thread=False, isolation_level=None
        )
        self.db = Database(conn)
        self._busy(lambda: self.db.execute("PRAGMA journal_mode=WAL"), "opening")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; the files themselves are fsynced
        with self.writing("preparing"):
            migrations.apply(self.db)
        self.owner = OwnerMark(self.home)
        try:  # runs left 'running' by a process that has died: cheap, so done at every open
            self.recovered = check(self, repair=True, files=False)
        except StoreBusy:
            self.recovered = None  # another process is writing; the next open will see to it

    @_locked
    def check(self, *, repair: bool, verify: bool = False, grace_s: float = GRACE_S) -> Health:
        """What crashes left behind, repaired with `repair` (recovery.py)."""
        return check(self, repair=repair, files=True, verify=verify, grace_s=grace_s)

    def close(self) -> None:
        with self._lock:
            if self.unusable is None:
                self.owner.release()
                self.db.close()

    @contextmanager
    def writing(self, what: str = "storing") -> Iterator[Database]:
        """One write transaction holding the write lock from its start; StoreBusy when it cannot be had."""
        with self._lock:
            if self.unusable is not None:
                raise self.unusable
            if self.db.conn.in_transaction:  # nested: part of the transaction already open
                yield self.db
                return
            self._busy(lambda: self.db.execute("BEGIN IMMEDIATE"), what)
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            try:
                self.db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self.db.execute("ROLLBACK")
                raise self._busy_error(what, exc) from None

    def _busy(self, step, what: str):
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise self._busy_error(what, exc) from None
            raise

    def _busy_error(self, what: str, exc: Exception) -> StoreBusy:
        return StoreBusy(
            f"{what} failed: the database in {self.home} stayed locked by another Limner process for "
            f"{self.busy_timeout_s:g} s ({exc}); nothing was stored. Try again; if it persists, another "
            "process is holding a long write (see `limner fsck`)."
        )

    # Runs -------------------------------------------------------------------------------------

    @_locked
    def start_run(
        self,
        kind: str,
        request: dict[str, Any],
        *,
        planner: str | None,
        generator: str | None,
        planning: dict[str, Any] | None = None,
    ) -> str:
        run_id = new_id()
        with self.writing("starting a run"):
            self.db["runs"].insert(
                {
                    "id": run_id,
                    "kind": kind,
                    "status": "running",
                    "request": json.dumps(request, ensure_ascii=False),
                    "planner": planner,
                    "generator": generator,
                    "planning": json.dumps(planning, ensure_ascii=False) if planning is not None else None,
                    "started_at": now(),
                    "owner": self.owner.token,
                }
            )
        return run_id

    @_locked
    def finish_run(self, run_id: str, status: RunStatus, *, error: str | None = None, **fields: Any) -> None:
        with self.writing("finishing a run"):
            self._finish(run_id, status, error=error, **fields)

    def _finish(self, run_id: str, status: RunStatus, *, error: str | None = None, **fields: Any) -> None:
        self.db["runs"].update(run_id, {"status": status, "error": error, "finished_at": now(), **fields})

    @_locked
    def run(self, run_id: str) -> dict[str, Any]:
        rows = list(self.db["runs"].rows_where("id = ?", [run_id]))
        if not rows:
            raise NotFound(f"no run {run_id!r}")
        row = rows[0]
        row["request"] = json.loads(row["request"])
        row["planning"] = json.loads(row["planning"]) if row.get("planning") else None
        return row

    # Images -----------------------------------------------------------------------------------

    @_locked
    def add_image(self, run_id: str, new: NewImage, *, finish: bool = False) -> ImageRecord:
        """Store the image file and its rows together: either both land or neither does. With `finish`, the
        run is marked succeeded in the same transaction, so the image and its run's outcome agree."""
        if new.parent_id is not None and new.relation is None:
            raise InvalidRequest("an image with a parent needs the relation: refine, variation, retry or init")
        image_id = new_id()
        created_at = now()
        provenance = {
            "version": 1,
            "image_id": image_id,
            "parent_id": new.parent_id,
            "relation": new.relation,
            "run_id": run_id,
            "generator": new.generator,
            "settings": new.settings,
            "scene": new.scene,
        }
        data = encode_png(new.image, parameters=new.parameters, limner=provenance)
        stored = self.files.write(data)
        mask = self.files.write_plain(new.mask) if new.mask is not None else None  # a file beside the image
        try:
            with self.writing("storing the image"):
                self._insert_scene(new.scene, new.scene_id, new.scene_summary, created_at)
                self.db["images"].insert(
                    {
                        "id": image_id,
                        "run_id": run_id,
                        "scene_id": new.scene_id,
                        "sha256": stored.sha256,
                        "path": str(stored.path.relative_to(self.home)),
                        "width": new.image.width,
                        "height": new.image.height,
                        "generator": new.generator,
                        "seed": new.seed,
                        "settings": json.dumps(new.settings, ensure_ascii=False),
                        "created_at": created_at,
                    }
                )
                if new.parent_id is not None:
                    self.db["edges"].insert(
                        {
                            "parent_id": new.parent_id,
                            "child_id": image_id,
                            "relation": new.relation,
                            "created_at": created_at,
                            "diff": json.dumps(new.diff, ensure_ascii=False) if new.diff is not None else None,
                            "mask": str(mask.path.relative_to(self.home)) if mask is not None else None,
                        }
                    )
                index_image(self.db, image_id, new.scene)  # searchable exactly when stored (search.py)
                if finish:
                    self._finish(run_id, "succeeded")
        except BaseException:
            self.files.remove(stored)
            if mask is not None:
                self.files.remove(mask)
            raise
        return self.image(image_id)

    # Captions and evaluations --------------------------------------------------------------------

    @_locked
    def add_caption(self, image_id: str, caption: dict[str, Any], *, run_id: str | None = None) -> str:
        """Keep a caption of a stored image; returns its id."""
        caption_id = new_id()
        with self.writing("storing the caption"):
            self.db["captions"].insert(
                {
                    "id": caption_id,
                    "image_id": image_id,
                    "run_id": run_id,
                    "captioner": caption["captioner"],
                    "model": caption.get("model"),
                    "detail": caption["detail"],
                    "semantic": int(bool(caption["semantic"])),
                    "text": caption["text"],
                    "measurements": json.dumps(caption["measurements"]) if caption.get("measurements") else None,
                    "created_at": now(),
                }
            )
            index_caption(self.db, image_id, caption)
        return caption_id

    @_locked
    def add_evaluation(
        self,
        image_id: str,
        scene_id: str,
        evaluation: dict[str, Any],
        *,
        caption_id: str | None = None,
        run_id: str | None = None,
    ) -> str:
        """Keep an evaluation of a stored image against a stored Scene; returns its id."""
        evaluation_id = new_id()
        with self.writing("storing the evaluation"):
            self.db["evaluations"].insert(
                {
                    "id": evaluation_id,
                    "image_id": image_id,
                    "run_id": run_id,
                    "scene_id": scene_id,
                    "caption_id": caption_id,
                    "score": evaluation.get("score"),
                    "passed": int(bool(evaluation["passed"])),
                    "all_required_passed": int(bool(evaluation["all_required_passed"])),
                    "evaluation": json.dumps(evaluation, ensure_ascii=False),
                    "created_at": now(),
                }
            )
            index_evaluation(self.db, image_id, evaluation)
        return evaluation_id

    @_locked
    def store_scene(self, scene: dict[str, Any], scene_id: str, summary: str) -> None:
        """Keep a Scene that no image was rendered from (one an evaluation was checked against)."""
        with self.writing("storing the Scene"):
            self._insert_scene(scene, scene_id, summary, now())

    def _insert_scene(self, scene: dict[str, Any], scene_id: str, summary: str, created_at: str) -> None:
        """One row per distinct Scene; one already kept is left as it is. Call inside a transaction."""
        self.db.execute(
            "INSERT OR IGNORE INTO scenes (id, version, scene, summary, created_at) VALUES (?, ?, ?, ?, ?)",
            [scene_id, scene.get("version", 1), json.dumps(scene, ensure_ascii=False, sort_keys=True), summary, created_at],
        )

    @_locked
    def captions(self, image_id: str) -> list[dict[str, Any]]:
        rows = self.db["captions"].rows_where("image_id = ?", [image_id], order_by="created_at")
        return [{**r, "semantic": bool(r["semantic"]), "measurements": _loads(r["measurements"])} for r in rows]

    @_locked
    def evaluations(self, image_id: str) -> list[dict[str, Any]]:
        rows = self.db["evaluations"].rows_where("image_id = ?", [image_id], order_by="created_at")
        return [{**r, "passed": bool(r["passed"]), "evaluation": json.loads(r["evaluation"])} for r in rows]

    @_locked
    def image(self, image_id: str) -> ImageRecord:
        """An image by its id or an unambiguous prefix of at least four characters."""
        image_id = (image_id or "").strip().lower()
        if len(image_id) < MIN_PREFIX or not all(c in "0123456789abcdef" for c in image_id):
            raise NotFound(
                f"{image_id!r} is not an image id: ids are hex, at least {MIN_PREFIX} characters; "
                "the history tool (`limner history` on the command line) lists them"
            )
        rows = self.db.execute(
            _IMAGE_SELECT + " WHERE i.id >= ? AND i.id < ? ORDER BY i.id LIMIT 6",
            [image_id, image_id + "g"],
        ).fetchall()
        if not rows:
            raise NotFound(
                f"no image {image_id!r}; the history tool (`limner history` on the command line) lists recent images"
            )
        exact = [r for r in rows if r[0] == image_id]
        if not exact and len(rows) > 1:
            raise NotFound(f"{image_id!r} matches several images ({', '.join(r[0] for r in rows)}); give more of the id")
        return self._record(exact[0] if exact else rows[0])

    @_locked
    def history(self, *, limit: int = 20, offset: int = 0) -> list[ImageRecord]:
        """Images newest first."""
        rows = self.db.execute(
            _IMAGE_SELECT + " ORDER BY i.created_at DESC, i.rowid DESC LIMIT ? OFFSET ?", [limit, offset]
        ).fetchall()
        return [self._record(r) for r in rows]

    @_locked
    def scene(self, scene_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT scene FROM scenes WHERE id = ?", [scene_id]).fetchone()
        if row is None:
            raise NotFound(f"no scene {scene_id!r}")
        return json.loads(row[0])

    @_locked
    def scene_summary(self, scene_id: str) -> str:
        row = self.db.execute("SELECT summary FROM scenes WHERE id = ?", [scene_id]).fetchone()
        return row[0] if row else ""

    @_locked
    def scenes(self, scene_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Several Scenes in one query, by id."""
        ids = list(dict.fromkeys(scene_ids))
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, scene FROM scenes WHERE id IN ({marks})", ids).fetchall() if ids else []
        return {scene_id: json.loads(scene) for scene_id, scene in rows}

    @_locked
    def children_of(self, image_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """(child id, relation) pairs of several images in one query, oldest first."""
        ids = list(dict.fromkeys(image_ids))
        found: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
        if ids:
            marks = ",".join("?" * len(ids))
            query = f"SELECT parent_id, child_id, relation FROM edges WHERE parent_id IN ({marks}) ORDER BY created_at"
            for parent, child, relation in self.db.execute(query, ids):
                found[parent].append((child, relation))
        return found

    @_locked
    def recent_runs(self, *, limit: int = 20, running_only: bool = False) -> list[dict[str, Any]]:
        return recent_runs(self.db, limit=limit, running_only=running_only)  # runs.py

    @_locked
    def job_runs(self, job_id: str) -> tuple[list[tuple[str, str, str, str | None]], list[str]]:
        return job_runs(self.db, job_id)  # runs.py

    @_locked
    def tree(self, image_id: str) -> Tree:
        """The image's ancestors up to the root and its descendants, with every edge (tree.py)."""
        return lineage_tree(self, self.image(image_id).id)

    @_locked
    def children(self, image_id: str) -> list[tuple[str, str]]:
        """(child id, relation) pairs, oldest first."""
        return [
            (child, relation)
            for child, relation in self.db.execute(
                "SELECT child_id, relation FROM edges WHERE parent_id = ? ORDER BY created_at", [image_id]
            ).fetchall()
        ]

    def verified_bytes(self, record: ImageRecord) -> bytes:
        """The image file's bytes, checked against the hash it was stored under: never wrong bytes."""
        try:
            data = record.path.read_bytes()
        except FileNotFoundError:
            raise ImageDamaged(
                f"image {record.id}'s file {record.path} is missing; `limner fsck` lists what is damaged"
            ) from None
        if hashlib.sha256(data).hexdigest() != record.sha256:
            raise ImageDamaged(
                f"image {record.id}'s file {record.path} is damaged (its bytes no longer match the hash it was "
                "stored under); `limner fsck` lists what is damaged"
            )
        return data

    def picture(self, record: ImageRecord) -> Image.Image:
        """The stored image, opened from its verified bytes (use as a context manager)."""
        return Image.open(io.BytesIO(self.verified_bytes(record)))

    @_locked
    def count_images(self) -> int:
        return self.db["images"].count

    def _record(self, row: tuple) -> ImageRecord:
        (id_, run_id, scene_id, sha, path, width, height, generator, seed, settings, created, parent, relation, diff,
         mask) = row  # fmt: skip
        return ImageRecord(
            id=id_,
            run_id=run_id,
            scene_id=scene_id,
            sha256=sha,
            path=self.home / path,
            width=width,
            height=height,
            generator=generator,
            seed=seed,
            settings=json.loads(settings or "{}"),
            created_at=created,
            parent_id=parent,
            relation=relation,
            diff=json.loads(diff) if diff else None,
            mask_path=self.home / mask if mask else None,
        )


_IMAGE_SELECT = """
SELECT i.id, i.run_id, i.scene_id, i.sha256, i.path, i.width, i.height, i.generator, i.seed, i.settings,
       i.created_at, e.parent_id, e.relation, e.diff, e.mask
FROM images i
LEFT JOIN edges e ON e.rowid = (SELECT rowid FROM edges WHERE child_id = i.id ORDER BY created_at, rowid LIMIT 1)
"""  # one row per image: a child with two parents (a refine that also started from an image) shows its first
