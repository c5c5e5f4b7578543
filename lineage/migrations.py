"""The lineage schema, as sqlite-utils migrations. A released migration is never edited: add a new one."""

from __future__ import annotations

from limner.lineage.search import create_tables, index_everything
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("limner")


@migrations()
def m001_initial(db: Database) -> None:
    db["runs"].create(
        {
            "id": str,
            "kind": str,  # generate, refine, caption, evaluate ...
            "status": str,  # running, succeeded, failed, cancelled
            "request": str,  # JSON of what was asked
            "planner": str,
            "generator": str,
            "error": str,
            "started_at": str,
            "finished_at": str,
        },
        pk="id",
        not_null={"kind", "status", "request", "started_at"},
    )
    db["scenes"].create(
        {"id": str, "version": int, "scene": str, "summary": str, "created_at": str},
        pk="id",  # sha256 of the canonical JSON: one row per distinct Scene
        not_null={"version", "scene", "created_at"},
    )
    db["images"].create(
        {
            "id": str,
            "run_id": str,
            "scene_id": str,
            "sha256": str,
            "path": str,  # relative to the data directory
            "width": int,
            "height": int,
            "generator": str,
            "seed": int,
            "settings": str,  # JSON: what the generator needs to reproduce the image
            "created_at": str,
        },
        pk="id",
        not_null={"run_id", "scene_id", "sha256", "path", "width", "height", "generator", "created_at"},
        foreign_keys=[("run_id", "runs", "id"), ("scene_id", "scenes", "id")],
    )
    db["edges"].create(
        {"parent_id": str, "child_id": str, "relation": str, "created_at": str},
        pk=("parent_id", "child_id", "relation"),
        not_null={"created_at"},
        foreign_keys=[("parent_id", "images", "id"), ("child_id", "images", "id")],
    )
    db["images"].create_index(["created_at"])
    db["images"].create_index(["sha256"])
    db["images"].create_index(["run_id"])
    db["edges"].create_index(["child_id"])


@migrations()
def m002_edge_diff(db: Database) -> None:
    # What changed from parent to child (a refine's Scene diff), as JSON; empty for other edges.
    db["edges"].add_column("diff", str)


@migrations()
def m003_run_planning(db: Database) -> None:
    # Which planner made the run's Scene, what it repaired in a model's answer, and why the
    # planners before it were passed over, as JSON.
    db["runs"].add_column("planning", str)


@migrations()
def m004_captions_and_evaluations(db: Database) -> None:
    db["captions"].create(
        {
            "id": str,
            "image_id": str,
            "run_id": str,
            "captioner": str,  # palette, transformers, openai
            "model": str,
            "detail": str,  # short, detailed
            "semantic": int,  # 0 for captions that only measure (palette)
            "text": str,
            "measurements": str,  # JSON, for captioners that measure
            "created_at": str,
        },
        pk="id",
        not_null={"image_id", "captioner", "detail", "semantic", "text", "created_at"},
        foreign_keys=[("image_id", "images", "id"), ("run_id", "runs", "id")],
    )
    db["evaluations"].create(
        {
            "id": str,
            "image_id": str,
            "run_id": str,
            "scene_id": str,  # the Scene whose checks were answered
            "caption_id": str,
            "score": float,  # the DSG score; NULL when no required check could be answered
            "passed": int,
            "all_required_passed": int,
            "evaluation": str,  # JSON: every verdict, who answered it, how sure, the note
            "created_at": str,
        },
        pk="id",
        not_null={"image_id", "scene_id", "passed", "all_required_passed", "evaluation", "created_at"},
        foreign_keys=[
            ("image_id", "images", "id"),
            ("run_id", "runs", "id"),
            ("scene_id", "scenes", "id"),
            ("caption_id", "captions", "id"),
        ],
    )
    db["captions"].create_index(["image_id"])
    db["evaluations"].create_index(["image_id"])


@migrations()
def m005_run_owner(db: Database) -> None:
    # Which open store (process) started the run: a run whose owner has died is interrupted (owners.py).
    db["runs"].add_column("owner", str)


@migrations()
def m006_search(db: Database) -> None:
    # Full-text search over what is said about each image, and sentence vectors for searching by meaning
    # (search.py); every image, caption and evaluation stored so far is indexed here.
    create_tables(db)
    index_everything(db)


@migrations()
def m007_edge_mask(db: Database) -> None:
    # A masked edit's mask: a greyscale PNG beside the images (white where the child could differ), by path.
    db["edges"].add_column("mask", str)
