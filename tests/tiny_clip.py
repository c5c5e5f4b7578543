"""A real CLIPModel at a tiny size, built in code and saved the way users' CLIP folders are saved.

Every class is the real one (CLIPModel, CLIPTokenizer, CLIPImageProcessor, CLIPProcessor); only the sizes
are small, so it loads and scores in milliseconds. Its weights are random (seeded): it tells texts apart,
but what it says about them means nothing, so tests assert shape, range and determinism, not meaning.
"""

from __future__ import annotations

from pathlib import Path

from tiny_models import write_tokenizer_files

IMAGE_SIDE = 32


def build_tiny_clip(folder: Path, *, seed: int = 0) -> Path:
    """Save a tiny CLIPModel with its processor to `folder` and return it."""
    import torch
    import transformers
    from transformers import CLIPConfig, CLIPModel, CLIPProcessor, CLIPTokenizer

    # transformers 5 names the Pillow-only processor apart (the default one wants torchvision).
    image_processor_class = getattr(transformers, "CLIPImageProcessorPil", None) or transformers.CLIPImageProcessor

    source = folder / "_tokenizer_source"
    vocab = write_tokenizer_files(source)
    tokenizer = CLIPTokenizer(str(source / "vocab.json"), str(source / "merges.txt"), model_max_length=77)
    image_processor = image_processor_class(
        size={"shortest_edge": IMAGE_SIDE}, crop_size={"height": IMAGE_SIDE, "width": IMAGE_SIDE}
    )
    config = CLIPConfig(
        text_config={
            "vocab_size": len(vocab),
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_attention_heads": 2,
            "num_hidden_layers": 2,
            "max_position_embeddings": 77,
            "bos_token_id": vocab["<|startoftext|>"],
            "eos_token_id": vocab["<|endoftext|>"],
        },
        vision_config={
            "image_size": IMAGE_SIDE,
            "patch_size": 8,
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_attention_heads": 2,
            "num_hidden_layers": 2,
        },
        projection_dim=16,
    )
    torch.manual_seed(seed)
    model = CLIPModel(config).eval()
    model.save_pretrained(folder)
    CLIPProcessor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(folder)
    return folder
