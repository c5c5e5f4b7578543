"""Which process a run belongs to, and whether that process is still alive.

Each open `Lineage` holds an exclusive `flock` on a small file of its own under `<home>/owners/`, for as
long as it is open. The kernel drops the lock when the process ends, however it ends (kill -9 too), so a
run whose owner's file can be locked by someone else belongs to a dead process and will never finish.
Lock files are per process and per open store; a reused process id cannot be mistaken for the old owner.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; every owner is taken to be alive, so nothing is reconciled
    fcntl = None  # type: ignore[assignment]

OWNERS = "owners"


class OwnerMark:
    """This store's mark: a token, and the lock that says it is alive."""

    def __init__(self, home: Path):
        self.folder = Path(home) / OWNERS
        self.folder.mkdir(parents=True, exist_ok=True)
        self.token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._file = open(self.folder / f"{self.token}.lock", "a+b")  # noqa: SIM115 - held open while alive
        if fcntl is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        if self._file.closed:
            return
        self._file.close()
        (self.folder / f"{self.token}.lock").unlink(missing_ok=True)


def owner_alive(home: Path, token: str | None) -> bool:
    """Whether the process that wrote `token` still holds its lock (True when this cannot be told)."""
    if fcntl is None or not token:
        return True
    path = Path(home) / OWNERS / f"{token}.lock"
    try:
        handle = open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        return False  # released cleanly or swept: the owner has gone
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def sweep_dead_owners(home: Path) -> int:
    """Remove the lock files of owners that have gone; how many."""
    folder = Path(home) / OWNERS
    if fcntl is None or not folder.is_dir():
        return 0
    gone = 0
    for path in folder.glob("*.lock"):
        if not owner_alive(home, path.stem):
            path.unlink(missing_ok=True)
            gone += 1
    return gone
