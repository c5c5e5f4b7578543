"""SD-Turbo's architecture at full size with random weights, built in code and saved like a real model.

Speed does not depend on what the weights are, only on their shapes, so this stands in for
`stabilityai/sd-turbo` where no model hub can be reached: the SD 2.1-base UNet, the SD VAE, the
OpenCLIP ViT-H text encoder (23 layers, as SD 2.x uses it) and SD-Turbo's trailing Euler scheduler,
saved in float32 with `save_pretrained` (4.8 GiB, as the Hub's non-variant files are). A random
TAESD (`AutoencoderTiny`) is saved beside it for the tiny-decoder path. The folder names contain
"turbo", so Limner's family detection gives sd-turbo: 1 step, guidance 0.

    python bench/sd_turbo_arch.py            # build (or find) the folders and print where they are

Building takes a minute or two; later calls reuse the folders (a marker file is written last).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = Path("~/.cache/limner-bench").expanduser()
_MARKER = ".limner-bench-complete"
_VERSION = "1"  # bump when the architecture below changes, so stale folders are rebuilt

sys.path.insert(0, str(REPO / "tests"))
from tiny_models import build_tiny_sd, write_tokenizer_files  # noqa: E402


@dataclass(frozen=True)
class BenchModel:
    """A saved pipeline folder and, where there is one, a tiny-decoder (TAESD) folder to use with it."""

    name: str
    pipeline: Path
    tiny_vae: Path | None


def full_size(cache: Path = DEFAULT_CACHE) -> BenchModel:
    """The full-size SD-Turbo architecture and a TAESD, built on first use."""
    pipeline = _once(cache / "sd-turbo-arch", _build_sd_turbo)
    tiny_vae = _once(cache / "taesd-arch", _build_taesd)
    return BenchModel("sd-turbo-arch", pipeline, tiny_vae)


def tiny(cache: Path = DEFAULT_CACHE) -> BenchModel:
    """The tests' tiny Stable Diffusion pipeline (milliseconds per image), named as a turbo model."""
    return BenchModel("tiny-sd-turbo", _once(cache / "tiny-sd-turbo", build_tiny_sd), None)


def tiny_512(cache: Path = DEFAULT_CACHE) -> BenchModel:
    """The tiny pipeline with a 4-level VAE (8x downsampling, like SD's), so 512 px renders stay fast."""
    return BenchModel("tiny-sd-turbo-f8", _once(cache / "tiny-sd-turbo-f8", _build_tiny_f8), None)


def _build_tiny_f8(folder: Path) -> Path:
    import torch
    from diffusers import AutoencoderKL

    build_tiny_sd(folder)
    torch.manual_seed(0)
    AutoencoderKL(
        block_out_channels=(8, 8, 16, 16),
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        latent_channels=4,
        norm_num_groups=4,
        sample_size=512,
    ).save_pretrained(folder / "vae")
    return folder


def _once(folder: Path, build) -> Path:
    marker = folder / _MARKER
    if marker.is_file() and marker.read_text() == _VERSION:
        return folder
    print(f"building {folder.name} in {folder.parent} (once) ...", file=sys.stderr, flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    build(folder)
    marker.write_text(_VERSION)
    return folder


def _build_sd_turbo(folder: Path) -> Path:
    import torch
    from diffusers import AutoencoderKL, EulerDiscreteScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(0)
    unet = UNet2DConditionModel(  # stabilityai/stable-diffusion-2-1-base (and sd-turbo) unet/config.json
        sample_size=64,
        in_channels=4,
        out_channels=4,
        down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
        block_out_channels=(320, 640, 1280, 1280),
        layers_per_block=2,
        cross_attention_dim=1024,
        attention_head_dim=(5, 10, 20, 20),
        use_linear_projection=True,
        norm_num_groups=32,
        act_fn="silu",
    )
    vae = AutoencoderKL(  # the SD VAE
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=(128, 256, 512, 512),
        layers_per_block=2,
        latent_channels=4,
        norm_num_groups=32,
        sample_size=512,
        scaling_factor=0.18215,
    )
    vocab = write_tokenizer_files(folder / "_tokenizer_source")
    tokenizer = CLIPTokenizer(
        str(folder / "_tokenizer_source" / "vocab.json"),
        str(folder / "_tokenizer_source" / "merges.txt"),
        model_max_length=77,
    )
    text_encoder = CLIPTextModel(  # OpenCLIP ViT-H/14 text tower without its last layer, as SD 2.x uses it
        CLIPTextConfig(
            vocab_size=49408,
            hidden_size=1024,
            intermediate_size=4096,
            num_hidden_layers=23,
            num_attention_heads=16,
            max_position_embeddings=77,
            hidden_act="gelu",
            projection_dim=512,
            bos_token_id=vocab["<|startoftext|>"],
            eos_token_id=vocab["<|endoftext|>"],
        )
    )
    scheduler = EulerDiscreteScheduler(  # stabilityai/sd-turbo scheduler/scheduler_config.json
        num_train_timesteps=1000,
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        prediction_type="epsilon",
        steps_offset=1,
        timestep_spacing="trailing",
        interpolation_type="linear",
        use_karras_sigmas=False,
    )
    pipe = StableDiffusionPipeline(
        unet=unet,
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(folder)
    return folder


def _build_taesd(folder: Path) -> Path:
    import torch
    from diffusers import AutoencoderTiny

    torch.manual_seed(0)
    AutoencoderTiny().save_pretrained(folder)  # the default sizes are TAESD's (madebyollin/taesd)
    return folder


# Limner, configured as a caller configures it ----------------------------------------------------


@contextmanager
def environment(**values: str | None) -> Iterator[None]:
    """Set (or, for None, unset) environment variables for the duration of the block."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def register(model: BenchModel, home: Path):
    """A catalog under the data folder `home` with `model` registered by name, as `limner models add` does."""
    from limner.generators.models import ModelCatalog

    catalog = ModelCatalog(Path(home) / "models.json")  # registered models only: no Hub cache
    catalog.add(model.name, model.pipeline)
    return catalog


def limner_generator(catalog, model: BenchModel, *, dtype: str | None = None, tiny_vae: bool = False,
                     compile: bool = False):
    """A DiffusersGenerator with `model` loaded, configured as LIMNER_DTYPE / LIMNER_TINY_VAE / LIMNER_COMPILE would.

    dtype None leaves the choice to Limner (bfloat16 on CPUs that have it, else float32).
    """
    from limner.generators.diffusion import DiffusersGenerator, LoadOptions

    options = LoadOptions(tiny_vae=str(model.tiny_vae) if tiny_vae and model.tiny_vae else None, compile=compile)
    generator = DiffusersGenerator(catalog, dtype=dtype, options=options)
    generator.preload(model.name)
    return generator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"where they go (default {DEFAULT_CACHE})")
    args = parser.parse_args()
    for model in (full_size(args.cache), tiny(args.cache), tiny_512(args.cache)):
        size = sum(p.stat().st_size for p in model.pipeline.rglob("*") if p.is_file())
        print(f"{model.name}: {model.pipeline} ({size / 2**30:.2f} GB)  tiny_vae: {model.tiny_vae}")


if __name__ == "__main__":
    main()
