"""Lineage: the schema from empty, atomic image writes, content addressing and provenance in the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from limner.lineage import Lineage, NewImage, a1111_parameters, read_provenance
from limner.lineage.migrations import migrations
from PIL import Image

from limner.errors import InvalidRequest, NotFound, StoreBusy


def new_image(colour=(200, 30, 30), **overrides) -> NewImage:
    fields = dict(
        image=Image.new("RGB", (64, 48), colour),
        scene={"version": 1, "intent": "a red square", "prompt": "a red square ünïcödé"},
        scene_id="s" * 64,
        scene_summary="a red square",
        parameters="a red square\nSteps: 1, Seed: 3, Size: 64x48, Model: layout",
        generator="layout",
        seed=3,
        settings={"seed": 3},
    )
    fields.update(overrides)
    return NewImage(**fields)


@pytest.fixture
def lineage(tmp_path: Path):
    store = Lineage(tmp_path / "home")
    yield store
    store.close()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


MIGRATED = [
    "m001_initial", "m002_edge_diff", "m003_run_planning", "m004_captions_and_evaluations", "m005_run_owner",
    "m006_search", "m007_edge_mask",
]  # fmt: skip


def test_migrations_from_empty_create_the_whole_schema(lineage: Lineage):
    db = lineage.db
    assert {"runs", "scenes", "images", "edges"} <= set(db.table_names())
    assert set(db["images"].columns_dict) == {
        "id", "run_id", "scene_id", "sha256", "path", "width", "height", "generator", "seed", "settings", "created_at",
    }
    assert set(db["edges"].columns_dict) == {"parent_id", "child_id", "relation", "created_at", "diff", "mask"}
    assert {fk.other_table for fk in db["images"].foreign_keys} == {"runs", "scenes"}
    assert [m.name for m in migrations.applied(db)] == MIGRATED
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_nothing_twice(tmp_path: Path):
    Lineage(tmp_path).close()
    again = Lineage(tmp_path)
    assert [m.name for m in migrations.applied(again.db)] == MIGRATED
    again.close()


def test_a_database_from_the_first_release_is_upgraded_with_its_rows_intact(tmp_path: Path):
    """A database migrated only as far as m001, holding an edge, opens with the current code."""
    from sqlite_utils import Database

    db = Database(tmp_path / "limner.db")
    migrations.apply(db, stop_before="m002_edge_diff")
    assert "diff" not in db["edges"].columns_dict
    db["runs"].insert({"id": "r1", "kind": "generate", "status": "succeeded", "request": "{}", "started_at": "t"})
    db["scenes"].insert({"id": "s1", "version": 1, "scene": "{}", "summary": "", "created_at": "t"})
    for image_id in ("aaaaaaaaaaaa", "bbbbbbbbbbbb"):
        db["images"].insert(
            {"id": image_id, "run_id": "r1", "scene_id": "s1", "sha256": "x", "path": "images/x.png",
             "width": 8, "height": 8, "generator": "layout", "seed": 1, "settings": "{}", "created_at": "t"}
        )
    db["edges"].insert({"parent_id": "aaaaaaaaaaaa", "child_id": "bbbbbbbbbbbb", "relation": "refine", "created_at": "t"})
    db.close()

    upgraded = Lineage(tmp_path)
    assert [m.name for m in migrations.applied(upgraded.db)] == MIGRATED
    child = upgraded.image("bbbbbbbbbbbb")
    assert (child.parent_id, child.relation, child.diff) == ("aaaaaaaaaaaa", "refine", None)
    assert upgraded.run("r1")["planning"] is None
    upgraded.close()


def test_an_image_lands_with_its_file_rows_and_edge(lineage: Lineage):
    run = lineage.start_run("generate", {"description": "a red square"}, planner="rules", generator="layout")
    parent = lineage.add_image(run, new_image())
    change = [{"op": "~", "path": "time_of_day", "old": "dusk", "new": "night"}]
    child = lineage.add_image(run, new_image((10, 10, 200), parent_id=parent.id, relation="refine", diff=change))
    assert parent.path.is_file() and child.path.is_file()
    assert parent.path.name == f"{parent.sha256}.png"
    assert lineage.image(child.id).parent_id == parent.id
    assert lineage.image(child.id).relation == "refine"
    assert lineage.image(child.id).diff == change
    assert lineage.children(parent.id) == [(child.id, "refine")]
    assert [r.id for r in lineage.history()] == [child.id, parent.id]
    assert lineage.scene(parent.scene_id)["intent"] == "a red square"


def test_images_are_found_by_an_unambiguous_prefix(lineage: Lineage):
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    record = lineage.add_image(run, new_image())
    assert lineage.image(record.id[:4].upper()).id == record.id
    with pytest.raises(NotFound, match="limner history"):
        lineage.image("ffff" if not record.id.startswith("ffff") else "0000")
    with pytest.raises(NotFound, match="hex"):
        lineage.image("../etc/passwd")


def test_a_parent_needs_a_relation(lineage: Lineage):
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    with pytest.raises(InvalidRequest, match="relation"):
        lineage.add_image(run, new_image(parent_id="abcdefabcdef"))


def test_a_failed_row_insert_leaves_no_file(lineage: Lineage):
    """A parent that does not exist breaks the edge's foreign key after the file was written."""
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    with pytest.raises(sqlite3.IntegrityError):
        lineage.add_image(run, new_image(parent_id="abcdefabcdef", relation="refine"))
    assert files_under(lineage.home / "images") == []
    assert lineage.count_images() == 0
    assert lineage.db.execute("select count(*) from scenes").fetchone()[0] == 0


def test_a_locked_database_leaves_neither_file_nor_row(tmp_path: Path):
    """Another process holding the write lock makes the transaction fail between file and row."""
    lineage = Lineage(tmp_path, busy_timeout_ms=50)
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    blocker = sqlite3.connect(tmp_path / "limner.db")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreBusy, match="stayed locked by another Limner process .* nothing was stored"):
            lineage.add_image(run, new_image())
    finally:
        blocker.rollback()
        blocker.close()
    assert files_under(tmp_path / "images") == []
    assert lineage.count_images() == 0
    lineage.close()


def test_an_unwritable_image_folder_leaves_no_row(tmp_path: Path):
    lineage = Lineage(tmp_path)
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    (tmp_path / "images").write_text("a file where the image folder should be")
    with pytest.raises(OSError):
        lineage.add_image(run, new_image())
    assert lineage.count_images() == 0
    lineage.close()


def test_a_file_already_stored_is_kept_when_a_later_write_fails(lineage: Lineage):
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    kept = lineage.add_image(run, new_image())
    stored = lineage.files.write(kept.path.read_bytes())
    assert not stored.created
    lineage.files.remove(stored)  # undoing a write that created nothing removes nothing
    assert kept.path.is_file()


def test_provenance_round_trips_through_the_png(lineage: Lineage):
    run = lineage.start_run("generate", {}, planner=None, generator="layout")
    record = lineage.add_image(run, new_image())
    provenance = read_provenance(str(record.path))
    assert provenance.parameters.startswith("a red square\n")
    assert provenance.limner["image_id"] == record.id
    assert provenance.limner["run_id"] == run
    assert provenance.limner["parent_id"] is None
    assert provenance.limner["scene"]["prompt"] == "a red square ünïcödé"
    assert read_provenance(record.path.read_bytes()) == provenance


def test_a_png_without_chunks_reads_as_unknown_provenance(tmp_path: Path):
    path = tmp_path / "plain.png"
    Image.new("RGB", (8, 8)).save(path)
    provenance = read_provenance(str(path))
    assert provenance.parameters is None and provenance.limner is None


def test_a1111_parameters_follow_the_web_ui_format():
    text = a1111_parameters(
        prompt="a cat, watercolor",
        negative_prompt="text, watermark",
        steps=4,
        sampler="Euler a",
        guidance=0.0,
        seed=42,
        width=512,
        height=768,
        model="sd-turbo",
        extra={"Note": "a, b: c"},
    )
    assert text.splitlines() == [
        "a cat, watercolor",
        "Negative prompt: text, watermark",
        'Steps: 4, Sampler: Euler a, CFG scale: 0.0, Seed: 42, Size: 512x768, Model: sd-turbo, Note: "a, b: c"',
    ]


def test_a1111_parameters_leave_out_unknown_settings_and_an_empty_negative():
    text = a1111_parameters(
        prompt="a cat", negative_prompt="", steps=None, sampler=None, guidance=None, seed=1, width=64, height=64,
        model="layout",
    )
    assert text == "a cat\nSeed: 1, Size: 64x64, Model: layout"


def test_runs_record_their_outcome(lineage: Lineage):
    run = lineage.start_run("generate", {"description": "x"}, planner="rules", generator="layout")
    assert lineage.run(run)["status"] == "running"
    lineage.finish_run(run, "failed", error="ValueError: boom")
    row = lineage.run(run)
    assert row["status"] == "failed" and row["error"] == "ValueError: boom" and row["finished_at"]
    assert row["request"] == {"description": "x"}
