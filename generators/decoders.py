"""Which decoder turns a render's latents into pixels: the model's own VAE, or its family's tiny one.

A tiny autoencoder (TAESD, TAESDXL, TAEF1) decodes in a few milliseconds what the full VAE takes most of
a CPU turbo render to decode, at a small cost in fine detail. `limner models pull` fetches the family's
tiny decoder beside the model; CPU renders use it unless a request asks for `quality="full"`, GPU renders
use the full VAE unless one asks for `quality="fast"`. LIMNER_TINY_VAE (a folder) names a tiny decoder
to use instead of the cached one, and makes it the default on every device. Nothing here imports torch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from limner.errors import ModelNotAvailable
from limner.ml.hub import cached_snapshot

Quality = Literal["fast", "full"]

# Family (as models.detect_family names it) -> the Hub repo of its tiny decoder. SD 2.x and SD-Turbo share
# SD 1.x's latent space, so TAESD decodes all three.
TINY_DECODERS: dict[str, str] = {
    "sd1": "madebyollin/taesd",
    "sd2": "madebyollin/taesd",
    "sd-turbo": "madebyollin/taesd",
    "sdxl": "madebyollin/taesdxl",
    "sdxl-turbo": "madebyollin/taesdxl",
    "flux": "madebyollin/taef1",
    "flux-schnell": "madebyollin/taef1",
}
# What a tiny decoder's snapshot needs: the diffusers AutoencoderTiny layout.
TINY_DECODER_FILES = ["config.json", "diffusion_pytorch_model.safetensors"]


@dataclass(frozen=True)
class TinyDecoder:
    """A family's tiny decoder as found on this machine."""

    source: str  # the Hub id, or the LIMNER_TINY_VAE folder
    path: Path  # the folder holding the AutoencoderTiny
    forced: bool = False  # named by LIMNER_TINY_VAE: the default on every device


def find_tiny_decoder(family: str, hub_cache: Path | None, *, override: str | Path | None = None) -> TinyDecoder | None:
    """The tiny decoder renders of `family` may use: LIMNER_TINY_VAE's folder when set, else the family's
    in the Hub cache; None when the family has none or it is not on this machine (never a download)."""
    if override:
        return TinyDecoder(source=str(override), path=Path(override), forced=True)
    repo_id = TINY_DECODERS.get(family)
    if repo_id is None or hub_cache is None:
        return None
    snapshot = cached_snapshot(repo_id, hub_cache, containing="config.json")
    return TinyDecoder(source=repo_id, path=snapshot) if snapshot is not None else None


def uses_tiny(quality: Quality | None, *, device: str, tiny: TinyDecoder | None, family: str) -> bool:
    """Whether a render decodes with the tiny decoder: as `quality` asks, else by default on CPU (or
    everywhere with LIMNER_TINY_VAE) when one is on the machine. Asking for "fast" without one is an error
    that says how to fetch it."""
    if quality == "full":
        return False
    if quality == "fast":
        if tiny is None:
            raise ModelNotAvailable(missing_tiny_decoder(family))
        return True
    return tiny is not None and (tiny.forced or device == "cpu")


def missing_tiny_decoder(family: str) -> str:
    repo_id = TINY_DECODERS.get(family)
    if repo_id is None:
        return f"quality='fast' needs a tiny decoder, and none is known for the {family} family; use quality='full'"
    return (
        f"quality='fast' needs the {family} family's tiny decoder, which is not on this machine; fetch it with "
        f"'limner models pull {repo_id}' (pulling a model fetches it too), or use quality='full'"
    )


def describe_decoder(family: str, *, device: str, tiny: TinyDecoder | None) -> str:
    """What `limner doctor` says of a model's default decoder on `device`."""
    if uses_tiny(None, device=device, tiny=tiny, family=family):
        assert tiny is not None
        why = "LIMNER_TINY_VAE" if tiny.forced else f"default on {device}"
        return f"tiny {tiny.source} ({why}; quality='full' for the full VAE)"
    if tiny is not None:
        return f"full VAE (default on {device}; quality='fast' for tiny {tiny.source})"
    repo_id = TINY_DECODERS.get(family)
    if repo_id is None:
        return "full VAE (no tiny decoder for this family)"
    return f"full VAE (tiny {repo_id} not here: 'limner models pull {repo_id}')"
