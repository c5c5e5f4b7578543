"""Real diffusers pipelines at tiny sizes, built in code and saved the way users' models are saved.

Every class is the real one (UNet2DConditionModel, AutoencoderKL, CLIPTextModel, CLIPTokenizer, a
real scheduler); only the sizes are small, so a whole pipeline loads and denoises in milliseconds.
The tokenizer's vocabulary is the 256 byte symbols of CLIP's byte-level BPE with no merges.
"""

from __future__ import annotations

import json
from pathlib import Path


def _byte_symbols() -> list[str]:
    # GPT-2/CLIP's reversible byte-to-unicode table.
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    codes = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            codes.append(256 + extra)
            extra += 1
    return [chr(c) for c in codes]


def write_tokenizer_files(folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    symbols = _byte_symbols()
    vocab = {s: i for i, s in enumerate(symbols)}
    vocab.update({s + "</w>": len(symbols) + i for i, s in enumerate(symbols)})
    vocab["<|startoftext|>"] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (folder / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    return vocab


def build_tiny_sd(folder: Path, *, cross_attention_dim: int = 16, seed: int = 0) -> Path:
    """Save a tiny StableDiffusionPipeline to `folder` and return it."""
    import torch
    from diffusers import AutoencoderKL, EulerDiscreteScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    vocab = write_tokenizer_files(folder / "_tokenizer_source")
    tokenizer = CLIPTokenizer(
        str(folder / "_tokenizer_source" / "vocab.json"),
        str(folder / "_tokenizer_source" / "merges.txt"),
        model_max_length=77,
    )
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        block_out_channels=(8, 16),
        layers_per_block=1,
        sample_size=16,
        in_channels=4,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=cross_attention_dim,
        norm_num_groups=4,
        attention_head_dim=2,
    )
    torch.manual_seed(seed)
    vae = AutoencoderKL(
        block_out_channels=(8, 16),
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D", "DownEncoderBlock2D"),
        up_block_types=("UpDecoderBlock2D", "UpDecoderBlock2D"),
        latent_channels=4,
        norm_num_groups=4,
        sample_size=32,
    )
    torch.manual_seed(seed)
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=vocab["<|startoftext|>"],
            eos_token_id=vocab["<|endoftext|>"],
            hidden_size=cross_attention_dim,
            intermediate_size=32,
            num_attention_heads=2,
            num_hidden_layers=2,
            vocab_size=len(vocab),
            max_position_embeddings=77,
            projection_dim=cross_attention_dim,
        )
    )
    scheduler = EulerDiscreteScheduler(
        beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", timestep_spacing="trailing",
        steps_offset=1
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


def install_in_hub_cache(model_folder: Path, hub_cache: Path, repo_id: str, commit: str = "0" * 40) -> Path:
    """Lay a saved model out as the Hugging Face Hub cache stores a download: blobs, snapshot, refs."""
    import shutil

    repo = hub_cache / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / commit
    shutil.copytree(model_folder, snapshot, ignore=shutil.ignore_patterns("_tokenizer_source"))
    (repo / "refs").mkdir(parents=True, exist_ok=True)
    (repo / "refs" / "main").write_text(commit)
    (repo / "blobs").mkdir(exist_ok=True)
    return snapshot


def build_tiny_taesd(folder: Path, *, seed: int = 0) -> Path:
    """Save a tiny AutoencoderTiny (TAESD's class) that fits `build_tiny_sd`'s pipeline: 4 latent channels and
    one 2x step, as that pipeline's VAE has, so it decodes the same latents to the same size."""
    import torch
    from diffusers import AutoencoderTiny

    torch.manual_seed(seed)
    AutoencoderTiny(
        encoder_block_out_channels=(8, 8),
        decoder_block_out_channels=(8, 8),
        num_encoder_blocks=(1, 1),
        num_decoder_blocks=(1, 1),
        latent_channels=4,
    ).save_pretrained(folder)
    return folder


def build_tiny_sdxl(folder: Path, *, seed: int = 0) -> Path:
    """Save a tiny StableDiffusionXLPipeline to `folder`: SDXL's shape (two text encoders whose hidden states
    are joined for cross-attention, the pooled projection and size ids as added conditions), tiny sizes."""
    import torch
    from diffusers import AutoencoderKL, EulerDiscreteScheduler, StableDiffusionXLPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection, CLIPTokenizer

    vocab = write_tokenizer_files(folder / "_tokenizer_source")
    source = folder / "_tokenizer_source"
    tokenizers = [CLIPTokenizer(str(source / "vocab.json"), str(source / "merges.txt"), model_max_length=77)
                  for _ in range(2)]  # fmt: skip
    config = CLIPTextConfig(
        bos_token_id=vocab["<|startoftext|>"], eos_token_id=vocab["<|endoftext|>"], hidden_size=8,
        intermediate_size=16, num_attention_heads=2, num_hidden_layers=2, vocab_size=len(vocab),
        max_position_embeddings=77, projection_dim=8,
    )  # fmt: skip
    torch.manual_seed(seed)
    text_encoder, text_encoder_2 = CLIPTextModel(config), CLIPTextModelWithProjection(config)
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        block_out_channels=(8, 16), layers_per_block=1, sample_size=16, in_channels=4, out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"), up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        attention_head_dim=(2, 4), use_linear_projection=True, addition_embed_type="text_time",
        addition_time_embed_dim=4, transformer_layers_per_block=(1, 2),
        projection_class_embeddings_input_dim=6 * 4 + 8,  # six size ids of 4 each, and the pooled text
        cross_attention_dim=16, norm_num_groups=4,  # the two encoders' 8 each
    )  # fmt: skip
    torch.manual_seed(seed)
    vae = AutoencoderKL(
        block_out_channels=(8, 16), in_channels=3, out_channels=3, latent_channels=4, norm_num_groups=4,
        down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2, sample_size=32,
    )  # fmt: skip
    scheduler = EulerDiscreteScheduler(
        beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", timestep_spacing="trailing", steps_offset=1
    )
    StableDiffusionXLPipeline(
        vae=vae, text_encoder=text_encoder, text_encoder_2=text_encoder_2, tokenizer=tokenizers[0],
        tokenizer_2=tokenizers[1], unet=unet, scheduler=scheduler,
    ).save_pretrained(folder)  # fmt: skip
    return folder
