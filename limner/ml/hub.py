"""Finding a model already in the local Hugging Face Hub cache: never a download.

Generators, captioners and judges name models by Hub id; each looks the id up here, in the cache folder
`Settings.hub_cache` names, and says which command fetches the model when it is not there.
huggingface_hub is imported only when a lookup is made, and its absence means nothing is cached.
"""

from __future__ import annotations

import re
from pathlib import Path

_REPO_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


def is_repo_id(ref: str) -> bool:
    """Whether `ref` has the shape of a Hub id ("owner/name"), as opposed to a name or a folder."""
    return bool(_REPO_ID.match(ref.strip()))


def cached_snapshot(repo_id: str, cache_dir: Path, *, containing: str | None = None) -> Path | None:
    """The folder of `repo_id`'s snapshot in the Hub cache at `cache_dir`, from local files only.

    None when the model is not cached, when huggingface_hub is not installed, or when the snapshot
    lacks the file `containing` names (such as "config.json" or "model_index.json").
    """
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import LocalEntryNotFoundError
    except ImportError:
        return None
    try:
        snapshot = Path(snapshot_download(repo_id, local_files_only=True, cache_dir=cache_dir))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None
    if containing is not None and not (snapshot / containing).is_file():
        return None
    return snapshot
