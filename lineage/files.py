"""Content-addressed image files, written atomically.

A file's name is the sha256 of its bytes, so the same bytes are stored once and a path can be
checked against its content. Writes go to a temporary file in the same folder and are renamed into
place, so a reader never sees half an image.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    path: Path
    created: bool  # False when identical bytes were already stored


class ImageFiles:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str, suffix: str = ".png") -> Path:
        # Two levels of fan-out keep folders small even with millions of images.
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}{suffix}"

    def write(self, data: bytes, suffix: str = ".png") -> StoredFile:
        sha256 = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha256, suffix)
        if path.exists():
            return StoredFile(sha256, path, created=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=suffix)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return StoredFile(sha256, path, created=True)

    def write_plain(self, image: Image.Image) -> StoredFile:
        """An image with no provenance of its own (a masked edit's mask), as a plain PNG."""
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return self.write(buffer.getvalue())

    def remove(self, stored: StoredFile) -> None:
        """Undo a write that created a file; a file that was already there stays."""
        if stored.created:
            stored.path.unlink(missing_ok=True)
