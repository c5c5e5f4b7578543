"""Finding and repairing what a crash left behind in a data folder.

A process killed mid-work leaves its run `running` for good, and may leave a temporary file, or an image
file whose rows never committed. `check` finds these, and with `repair` fixes them:

- runs whose owner process is gone (owners.py) become `interrupted`, with when that was found;
- image files with no row, and temporary files, older than a grace period are removed (younger ones may
  belong to a write another process is committing right now);
- images missing from the search index (stored by a Limner from before search, sharing the folder) are
  indexed, with their captions and evaluations;
- with `verify`, every image file is read and checked against the hash it is named by; a missing or
  damaged file is reported (its bytes cannot be restored; `show` and friends refuse it with a message).

The store runs the cheap part (runs) every time it opens; `limner serve` sweeps files at start-up;
`limner fsck` reports all of it and `limner fsck --repair` fixes what can be fixed.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from limner.lineage import search
from limner.lineage.owners import owner_alive, sweep_dead_owners

if TYPE_CHECKING:
    from limner.lineage.store import Lineage

GRACE_S = 600.0  # how old a stray file must be before it is taken for an orphan


@dataclass
class Health:
    """What a check found (and, when repairing, fixed)."""

    interrupted: list[str] = field(default_factory=list)  # run ids whose process is gone
    orphans: list[Path] = field(default_factory=list)  # image files with no row
    temporary: list[Path] = field(default_factory=list)  # half-written files
    missing: list[str] = field(default_factory=list)  # image ids whose file is gone
    damaged: list[str] = field(default_factory=list)  # image ids whose bytes do not match their hash
    unindexed: list[str] = field(default_factory=list)  # image ids search cannot find by words
    repaired: bool = False

    @property
    def clean(self) -> bool:
        return not (self.interrupted or self.orphans or self.temporary or self.missing or self.damaged or self.unindexed)

    def lines(self) -> list[str]:
        done = self.repaired
        lines = []
        if self.interrupted:
            verb = "marked interrupted" if done else "left running by a process that has ended"
            lines.append(f"{len(self.interrupted)} runs {verb}: {', '.join(self.interrupted[:10])}")
        if self.orphans:
            lines.append(f"{len(self.orphans)} image files with no row {'removed' if done else 'found'}")
        if self.temporary:
            lines.append(f"{len(self.temporary)} temporary files {'removed' if done else 'found'}")
        if self.unindexed:
            lines.append(f"{len(self.unindexed)} images {'added to' if done else 'missing from'} the search index")
        if self.missing:
            lines.append(f"{len(self.missing)} images whose file is missing: {', '.join(self.missing[:10])}")
        if self.damaged:
            lines.append(f"{len(self.damaged)} images whose file is damaged: {', '.join(self.damaged[:10])}")
        return lines or ["no problems found"]


def check(
    lineage: Lineage, *, repair: bool, files: bool = True, verify: bool = False, grace_s: float = GRACE_S
) -> Health:
    """Look for what crashes leave behind; with `repair`, fix it (see the module docstring)."""
    health = Health(repaired=repair)
    health.interrupted = _dead_runs(lineage, grace_s)
    if repair and health.interrupted:
        _interrupt(lineage, health.interrupted)
    if files:
        known = {row[0] for row in lineage.db.execute("SELECT sha256 FROM images")}
        health.orphans, health.temporary = _stray_files(lineage.files.root, known, grace_s)
        if repair:
            for path in [*health.orphans, *health.temporary]:
                path.unlink(missing_ok=True)
            sweep_dead_owners(lineage.home)
        health.unindexed = _unindexed(lineage)
        if repair and health.unindexed:
            _index(lineage)
    if verify:
        health.missing, health.damaged = _bad_files(lineage)
    return health


def _dead_runs(lineage: Lineage, grace_s: float) -> list[str]:
    rows = lineage.db.execute("SELECT id, owner, started_at FROM runs WHERE status = 'running'").fetchall()
    cutoff = (datetime.now(timezone.utc) - timedelta(seconds=grace_s)).isoformat()
    dead = []
    for run_id, owner, started_at in rows:
        if owner is None:  # started before runs had owners: gone if it has been running past the grace period
            if started_at < cutoff:
                dead.append(run_id)
        elif not owner_alive(lineage.home, owner):
            dead.append(run_id)
    return dead


def _interrupt(lineage: Lineage, run_ids: list[str]) -> None:
    found = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with lineage.writing("marking interrupted runs"):
        for run_id in run_ids:
            lineage.db.execute(
                "UPDATE runs SET status = 'interrupted', error = ?, finished_at = ? WHERE id = ? AND status = 'running'",
                [f"the process running it ended; found at {found}", found, run_id],
            )


def _stray_files(root: Path, known: set[str], grace_s: float) -> tuple[list[Path], list[Path]]:
    if not root.is_dir():
        return [], []
    old = time.time() - grace_s
    orphans, temporary = [], []
    for path in root.rglob("*"):
        if not path.is_file() or path.stat().st_mtime > old:
            continue
        if path.name.startswith(".tmp-"):
            temporary.append(path)
        elif path.stem not in known:
            orphans.append(path)
    return sorted(orphans), sorted(temporary)


def _unindexed(lineage: Lineage) -> list[str]:
    """Images with a Scene and no row in the words index (image_id is not indexed there: one pass reads them)."""
    indexed = {row[0] for row in lineage.db.execute("SELECT DISTINCT image_id FROM image_text")}
    with_scene = lineage.db.execute("SELECT id FROM images WHERE scene_id IS NOT NULL ORDER BY created_at")
    return [row[0] for row in with_scene if row[0] not in indexed]


def _index(lineage: Lineage) -> None:
    """Index what is missing as found under the write lock: another process may have indexed some meanwhile
    (and image_id is not indexed in image_text, so one pass finds them all, not a lookup per image)."""
    with lineage.writing("adding images to the search index") as db:
        for image_id in _unindexed(lineage):
            search.index_image_rows(db, image_id)


def _bad_files(lineage: Lineage) -> tuple[list[str], list[str]]:
    missing, damaged = [], []
    for image_id, sha256, relative in lineage.db.execute("SELECT id, sha256, path FROM images ORDER BY created_at"):
        path = lineage.home / relative
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            missing.append(image_id)
            continue
        if digest != sha256:
            damaged.append(image_id)
    return missing, damaged
