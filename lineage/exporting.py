"""Taking images out of the store: each as its PNG (the stored bytes, provenance chunks and all) and a JSON
sidecar with its Scene, its edges in the lineage, its captions and its evaluations.

The PNG is the stored file itself, checked against its hash, so `sha256` in the sidecar names it. The
sidecar is written last: a folder holding `<id>.json` holds that image's PNG too. Both are written to a
temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from limner.lineage.importing import IMPORTED

from limner.errors import InvalidRequest

if TYPE_CHECKING:
    from limner.lineage.store import ImageRecord, Lineage

EXPORT_FORMAT = "limner-export"
EXPORT_VERSION = 1


def export_folder(folder: Path) -> Path:
    """The folder to write into, made if need be; a path that is a file (or cannot be made) is refused."""
    if folder.exists() and not folder.is_dir():
        raise InvalidRequest(f"{folder} exists and is not a folder: name a folder to export into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidRequest(f"cannot make the folder {folder}: {exc.strerror or exc}") from None
    return folder


def export_image(lineage: Lineage, record: ImageRecord, folder: Path) -> tuple[Path, Path]:
    """Write `<id>.png` and `<id>.json` into `folder`; their paths."""
    png = folder / f"{record.id}.png"
    sidecar_path = folder / f"{record.id}.json"
    _write(png, lineage.verified_bytes(record))
    text = json.dumps(sidecar(lineage, record), ensure_ascii=False, indent=2, sort_keys=False)
    _write(sidecar_path, text.encode("utf-8"))
    return png, sidecar_path


def sidecar(lineage: Lineage, record: ImageRecord) -> dict[str, Any]:
    """Everything the store knows about one image, as JSON data."""
    with lineage._lock:  # one consistent read of the rows below (the connection is shared)
        parents = [
            {
                "image_id": parent,
                "relation": relation,
                "created_at": created,
                "diff": json.loads(diff) if diff else None,
            }
            for parent, relation, created, diff in lineage.db.execute(
                "SELECT parent_id, relation, created_at, diff FROM edges WHERE child_id = ? ORDER BY created_at, rowid",
                [record.id],
            )
        ]
        children = [{"image_id": child, "relation": relation} for child, relation in lineage.children(record.id)]
        scene = lineage.scene(record.scene_id)
        summary = lineage.scene_summary(record.scene_id)
        captions = [_without(c, "image_id") for c in lineage.captions(record.id)]
        evaluations = [_without(e, "image_id") for e in lineage.evaluations(record.id)]
    imported = record.generator == IMPORTED and not parents
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "image_id": record.id,
        "file": f"{record.id}.png",
        "sha256": record.sha256,
        "run_id": record.run_id,
        "created_at": record.created_at,
        "width": record.width,
        "height": record.height,
        "generator": record.generator,
        "seed": record.seed,
        "settings": record.settings,
        "scene_id": record.scene_id,
        "summary": summary,
        "scene": scene,
        "lineage": {
            "relation": IMPORTED if imported else record.relation,  # how it came to be: its first parent's edge
            "parent_id": record.parent_id,
            "parents": parents,  # every edge into it (a refine that started from another image has two)
            "children": children,
        },
        "captions": captions,
        "evaluations": evaluations,
        "best_score": max((e["score"] for e in evaluations if e.get("score") is not None), default=None),
    }


def chosen(lineage: Lineage, ids: Iterable[str] | None, *, page: int = 500) -> list[ImageRecord]:
    """The images named (ids or prefixes, each once, in the order given), or with None every image, newest
    first. Every id is found before anything is written, so a mistyped one writes nothing."""
    if ids is not None:
        records = [lineage.image(i) for i in ids]
        if not records:
            raise InvalidRequest("name the images to export (ids from history), or export them all")
        return list({r.id: r for r in records}.values())
    found: dict[str, ImageRecord] = {}
    offset = 0
    while batch := lineage.history(limit=page, offset=offset):
        found.update((r.id, r) for r in batch if r.id not in found)  # a newer image shifts pages: no repeats
        offset += len(batch)
    return list(found.values())


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


def _write(path: Path, data: bytes) -> None:
    """Write to a fresh temporary name beside `path`, then rename: created as any file the user makes (the
    umask applies, unlike mkstemp's private files), and never seen half written."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
