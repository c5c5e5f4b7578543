"""Which diffusers models this machine has, by name, and what family each belongs to.

A model is named by a registered name (`limner models add NAME FOLDER`), a folder written by
`save_pretrained`, or a Hugging Face Hub id already in the local Hub cache. Nothing downloads
implicitly: only `pull` fetches, and a model that is missing says which command fetches it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from limner.generators.decoders import TINY_DECODER_FILES, TINY_DECODERS, TinyDecoder, find_tiny_decoder

from limner.errors import InvalidRequest, ModelNotAvailable, NotFound
from limner.ml.hub import cached_snapshot, is_repo_id
from limner.settings import Settings

Origin = Literal["registered", "hub-cache", "folder"]

# Distilled few-step families first: their names are what tells them apart from their parents.
_FEW_STEP_MARKERS = ("turbo", "lcm", "lightning", "hyper", "schnell")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class FamilyDefaults:
    steps: int
    guidance: float
    img2img_steps: int  # turbo img2img runs steps * strength denoising steps, so it needs at least 2
    prompt_tokens: int = 75  # what the text encoder reads: CLIP's 77 less its start and end marks


FAMILY_DEFAULTS: dict[str, FamilyDefaults] = {
    "sd-turbo": FamilyDefaults(1, 0.0, 2),
    "sdxl-turbo": FamilyDefaults(1, 0.0, 2),
    "sd1": FamilyDefaults(25, 7.0, 30),
    "sd2": FamilyDefaults(25, 7.0, 30),
    "sdxl": FamilyDefaults(30, 6.0, 35),
    "flux-schnell": FamilyDefaults(4, 0.0, 4, prompt_tokens=256),  # T5, as the pipeline's max_sequence_length
    "flux": FamilyDefaults(28, 3.5, 28, prompt_tokens=512),
    "unknown": FamilyDefaults(25, 7.0, 30),
}


@dataclass(frozen=True)
class ModelEntry:
    name: str  # what the user calls it: a registered name or a Hub id
    path: str  # the folder holding model_index.json
    family: str
    pipeline: str  # the pipeline class named in model_index.json
    size_bytes: int
    origin: Origin
    revision: str | None = None  # the Hub commit for cached models

    @property
    def defaults(self) -> FamilyDefaults:
        return FAMILY_DEFAULTS.get(self.family, FAMILY_DEFAULTS["unknown"])


def describe_folder(folder: Path, *, name: str, origin: Origin, revision: str | None = None) -> ModelEntry:
    index = folder / "model_index.json"
    if not index.is_file():
        raise InvalidRequest(f"{folder} is not a diffusers model folder: it has no model_index.json")
    try:
        pipeline = json.loads(index.read_text(encoding="utf-8")).get("_class_name", "unknown")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidRequest(f"{index} is not valid JSON: {exc}") from None
    return ModelEntry(
        name=name,
        path=str(folder),
        family=detect_family(folder, pipeline, name),
        pipeline=pipeline,
        size_bytes=_folder_size(folder),
        origin=origin,
        revision=revision,
    )


def detect_family(folder: Path, pipeline: str, name: str) -> str:
    """sd1, sd2, sdxl, flux and their few-step distillations, from the pipeline class, UNet and name."""
    few_step = any(marker in name.lower() for marker in _FEW_STEP_MARKERS)
    if pipeline.startswith("Flux"):
        return "flux-schnell" if few_step else "flux"
    if "XL" in pipeline:
        return "sdxl-turbo" if few_step else "sdxl"
    if pipeline.startswith("StableDiffusion"):
        # SD 2.x conditions on OpenCLIP ViT-H (1024 wide); SD 1.x on CLIP ViT-L (768).
        family = "sd2" if _cross_attention_dim(folder) == 1024 else "sd1"
        return "sd-turbo" if few_step else family
    return "unknown"


def _cross_attention_dim(folder: Path) -> int | None:
    try:
        config = json.loads((folder / "unet" / "config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    value = config.get("cross_attention_dim")
    return value if isinstance(value, int) else None


def _folder_size(folder: Path) -> int:
    # Hub snapshots hold symlinks into blobs/: follow them to count the real bytes.
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class ModelCatalog:
    """Registered folders (kept in `models.json` under the data folder) plus the local Hub cache.

    `hub_cache` is the Hub cache folder to read (`Settings.hub_cache`); None reads none, so only
    registered models and folders are found.
    """

    def __init__(self, registry_file: Path, *, hub_cache: Path | None = None):
        self.registry_file = Path(registry_file)
        self.hub_cache = Path(hub_cache) if hub_cache is not None else None

    @classmethod
    def for_settings(cls, settings: Settings) -> ModelCatalog:
        """The catalog of the data folder's registered models and the Hub cache's."""
        return cls(settings.home / "models.json", hub_cache=settings.hub_cache)

    # Registered folders -----------------------------------------------------------------------

    def _read(self) -> dict[str, dict]:
        if not self.registry_file.is_file():
            return {}
        try:
            data = json.loads(self.registry_file.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise InvalidRequest(f"{self.registry_file} is not valid JSON; fix or delete it") from None
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict]) -> None:
        self.registry_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.registry_file.parent, prefix=".models-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, sort_keys=True)
        os.replace(tmp, self.registry_file)

    def add(self, name: str, folder: str | Path, *, family: str | None = None) -> ModelEntry:
        if not _NAME.match(name):
            raise InvalidRequest(f"model name {name!r}: use letters, digits, '.', '_' or '-' (at most 64)")
        folder = Path(folder).expanduser().resolve()
        entry = describe_folder(folder, name=name, origin="registered")
        if family is not None:
            if family not in FAMILY_DEFAULTS:
                raise InvalidRequest(f"unknown family {family!r}; one of {', '.join(FAMILY_DEFAULTS)}")
            entry = ModelEntry(**{**asdict(entry), "family": family})
        data = self._read()
        data[name] = {"path": str(folder), "family": entry.family}
        self._write(data)
        return entry

    def remove(self, name: str) -> None:
        data = self._read()
        if name not in data:
            raise NotFound(f"no registered model {name!r}; 'limner models list' shows them")
        del data[name]
        self._write(data)

    def registered(self) -> list[ModelEntry]:
        entries = []
        for name, item in sorted(self._read().items()):
            folder = Path(item.get("path", ""))
            if not (folder / "model_index.json").is_file():
                continue  # the folder was moved or deleted; `list` shows only what can load
            entry = describe_folder(folder, name=name, origin="registered")
            entries.append(ModelEntry(**{**asdict(entry), "family": item.get("family", entry.family)}))
        return entries

    # The Hub cache ----------------------------------------------------------------------------

    def cached(self) -> list[ModelEntry]:
        if self.hub_cache is None:
            return []
        try:
            from huggingface_hub import scan_cache_dir
            from huggingface_hub.errors import CacheNotFound
        except ImportError:  # installed without the diffusers extra: no Hub cache to read
            return []

        try:
            cache = scan_cache_dir(self.hub_cache)
        except CacheNotFound:
            return []
        entries = []
        for repo in sorted(cache.repos, key=lambda r: r.repo_id):
            if repo.repo_type != "model":
                continue
            newest = max(repo.revisions, key=lambda r: r.last_modified, default=None)
            if newest is not None and (Path(newest.snapshot_path) / "model_index.json").is_file():
                entries.append(
                    describe_folder(
                        Path(newest.snapshot_path), name=repo.repo_id, origin="hub-cache", revision=newest.commit_hash
                    )
                )
        return entries

    def list(self) -> list[ModelEntry]:
        return self.registered() + self.cached()

    # Naming a model ---------------------------------------------------------------------------

    def resolve(self, ref: str) -> ModelEntry:
        """A registered name, then a folder, then a Hub id in the local cache; never a download."""
        ref = ref.strip()
        registered = {e.name: e for e in self.registered()}
        if ref in registered:
            return registered[ref]
        folder = Path(ref).expanduser()
        if folder.is_dir():
            return describe_folder(folder.resolve(), name=str(folder), origin="folder")
        if is_repo_id(ref):
            snapshot = cached_snapshot(ref, self.hub_cache) if self.hub_cache is not None else None
            if snapshot is not None:
                return describe_folder(snapshot, name=ref, origin="hub-cache", revision=snapshot.name)
            raise ModelNotAvailable(
                f"model {ref!r} is not on this machine; fetch it with 'limner models pull {ref}' "
                "(nothing is downloaded during generation)"
            )
        known = ", ".join(sorted(registered)) or "none registered"
        raise ModelNotAvailable(
            f"no model {ref!r}: not a registered name ({known}), a folder, or a Hub id like 'stabilityai/sd-turbo'; "
            "register a folder with 'limner models add NAME FOLDER'"
        )

    def pull(self, repo_id: str, *, revision: str | None = None) -> ModelEntry:
        """Download a diffusers model from the Hub into the local cache, explicitly."""
        try:
            from huggingface_hub import snapshot_download
        except ImportError:
            raise InvalidRequest("pulling models needs the diffusers extra: pip install 'limner[diffusers]'") from None
        if self.hub_cache is None:
            raise InvalidRequest("this model catalog has no Hub cache folder to pull into")

        folder = snapshot_download(
            repo_id,
            revision=revision,
            cache_dir=self.hub_cache,
            # The diffusers layout in safetensors; skip single-file checkpoints and other formats.
            allow_patterns=["*.json", "*.txt", "*.safetensors", "*.model", "tokenizer*/*"],
            ignore_patterns=["*.ckpt", "*.bin", "*.onnx", "*.msgpack", "*.h5", "*.pt"],
        )
        entry = describe_folder(Path(folder), name=repo_id, origin="hub-cache", revision=Path(folder).name)
        self.pull_tiny_decoder(entry.family)
        return entry

    def pull_tiny_decoder(self, family: str) -> TinyDecoder | None:
        """Download the family's tiny decoder (TAESD, TAESDXL, TAEF1) into the Hub cache; None when it has none."""
        repo_id = TINY_DECODERS.get(family)
        if repo_id is None or self.hub_cache is None:
            return None
        self.fetch_tiny_decoder(repo_id)
        return self.tiny_decoder(family)

    def fetch_tiny_decoder(self, repo_id: str, *, revision: str | None = None) -> Path:
        """Download one tiny decoder repo (an AutoencoderTiny such as madebyollin/taesd) into the Hub cache."""
        from huggingface_hub import snapshot_download

        if self.hub_cache is None:
            raise InvalidRequest("this model catalog has no Hub cache folder to pull into")
        return Path(
            snapshot_download(repo_id, revision=revision, cache_dir=self.hub_cache, allow_patterns=TINY_DECODER_FILES)
        )

    def tiny_decoder(self, family: str, *, override: str | Path | None = None) -> TinyDecoder | None:
        """The tiny decoder on this machine for `family` (LIMNER_TINY_VAE's `override` first); never a download."""
        return find_tiny_decoder(family, self.hub_cache, override=override)

