"""Every failure explained: what an unexpected exception means to the person who called a tool.

The MCP SDK answers a crash with a bare "Error executing tool X", and a command line prints a traceback;
neither tells the caller whether anything was stored or what to do. `explain` turns any exception into one
message that names what failed, says that nothing was stored (the store commits an image, its rows and its
run's outcome together, so a call that failed stored no image), and says what to do about it.
"""

from __future__ import annotations

import errno
import sqlite3

from limner.errors import LimnerError

NOTHING_STORED = "Nothing was stored."


def explain(what: str, exc: BaseException) -> str:
    """One message for `exc`, raised while doing `what` ('generate', 'show ...')."""
    if isinstance(exc, LimnerError):
        return str(exc)
    if isinstance(exc, ModuleNotFoundError):
        package = exc.name or "a package"
        return (
            f"{what} failed: the Python package {package!r} is not installed here. {NOTHING_STORED} Install the "
            f"extra that brings it (`pip install 'limner[diffusers]'` for diffusers generators and captioners, "
            f"`pip install 'limner[evaluate]'` for CLIP and MiniLM) or choose another backend; `limner doctor` "
            "lists what this machine can run."
        )
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{what} failed: the disk is full ({exc.strerror}). {NOTHING_STORED} Free some disk space and retry."
    if isinstance(exc, PermissionError):
        return f"{what} failed: no permission to use {exc.filename or 'a file'}. {NOTHING_STORED} Check the data folder."
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
        return f"{what} failed: the database was locked by another process. {NOTHING_STORED} Retry in a moment."
    if isinstance(exc, MemoryError):
        return f"{what} failed: out of memory. {NOTHING_STORED} Try a smaller size or another generator."
    detail = " ".join(str(exc).split())[:300]
    return (
        f"{what} failed unexpectedly ({type(exc).__name__}{': ' + detail if detail else ''}). {NOTHING_STORED} "
        "This is a bug in Limner or one of its backends; the server log has the details."
    )
