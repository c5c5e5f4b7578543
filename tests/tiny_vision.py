"""Real transformers image-to-text models at tiny sizes, built in code and saved as users' models are saved.

The classes are the real ones (BlipForConditionalGeneration with its BlipProcessor; a ViT + GPT-2
VisionEncoderDecoderModel with its image processor and tokenizer); only the sizes are small and the
weights random, so they load and caption in milliseconds and their captions are gibberish.
"""

from __future__ import annotations

from pathlib import Path

# A BERT-style vocabulary: special tokens first (BLIP's decoder starts from [DEC]), then plain words.
_SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[DEC]"]
_WORDS = (
    "a an the of in on with and picture photo detailed dog cat red blue green sky sea tree house "
    "lighthouse dusk watercolor sitting standing small large white black yellow table apple"
).split()
IMAGE_SIDE = 32


def write_bert_vocab(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join([*_SPECIAL, *_WORDS]) + "\n", encoding="utf-8")
    return vocab


def build_tiny_blip(folder: Path, *, seed: int = 0) -> Path:
    """Save a tiny BLIP captioner (model + processor) to `folder` and return it."""
    import torch
    from transformers import (
        BertTokenizer,
        BlipConfig,
        BlipForConditionalGeneration,
        BlipImageProcessorPil,
        BlipProcessor,
    )

    vocab_file = write_bert_vocab(folder / "_tokenizer_source")
    tokenizer = BertTokenizer(str(vocab_file), bos_token="[DEC]", model_max_length=128)
    ids = {token: i for i, token in enumerate([*_SPECIAL, *_WORDS])}
    config = BlipConfig(
        vision_config={
            "hidden_size": 32,
            "intermediate_size": 37,
            "num_hidden_layers": 2,
            "num_attention_heads": 4,
            "image_size": IMAGE_SIDE,
            "patch_size": 8,
        },
        text_config={
            "vocab_size": len(ids),
            "hidden_size": 32,
            "intermediate_size": 37,
            "num_hidden_layers": 2,
            "num_attention_heads": 4,
            "max_position_embeddings": 128,
            "bos_token_id": ids["[DEC]"],
            "eos_token_id": ids["[SEP]"],
            "sep_token_id": ids["[SEP]"],
            "pad_token_id": ids["[PAD]"],
        },
        projection_dim=32,
        image_text_hidden_size=32,
    )
    torch.manual_seed(seed)
    model = BlipForConditionalGeneration(config).eval()
    processor = BlipProcessor(
        image_processor=BlipImageProcessorPil(size={"height": IMAGE_SIDE, "width": IMAGE_SIDE}), tokenizer=tokenizer
    )
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


def build_tiny_vit_gpt2(folder: Path, *, seed: int = 0) -> Path:
    """Save a tiny ViT-encoder, GPT-2-decoder captioner (the vit-gpt2 layout: no processor file) to `folder`."""
    import torch
    from transformers import (
        GPT2Config,
        GPT2TokenizerFast,
        VisionEncoderDecoderConfig,
        VisionEncoderDecoderModel,
        ViTConfig,
        ViTImageProcessorPil,
    )

    # Byte-level BPE over a few whole words: each word is one token, so the output reads as words.
    symbols = [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["Ġ"]
    vocab = {s: i for i, s in enumerate(symbols)}
    for word in _WORDS:
        vocab.setdefault("Ġ" + word, len(vocab))
    vocab["<|endoftext|>"] = len(vocab)
    # No merges: encoding would spell words letter by letter, but captioning only decodes.
    tokenizer = GPT2TokenizerFast(vocab=vocab, merges=[], model_max_length=128)
    end = vocab["<|endoftext|>"]
    encoder = ViTConfig(
        hidden_size=32,
        intermediate_size=37,
        num_hidden_layers=2,
        num_attention_heads=4,
        image_size=IMAGE_SIDE,
        patch_size=8,
    )
    decoder = GPT2Config(
        vocab_size=len(vocab),
        n_embd=32,
        n_layer=2,
        n_head=4,
        n_positions=128,
        bos_token_id=end,
        eos_token_id=end,
        add_cross_attention=True,
        is_decoder=True,
    )
    config = VisionEncoderDecoderConfig.from_encoder_decoder_configs(encoder, decoder)
    config.decoder_start_token_id = end
    config.pad_token_id = end
    config.eos_token_id = end
    torch.manual_seed(seed)
    model = VisionEncoderDecoderModel(config=config).eval()
    model.generation_config.decoder_start_token_id = end
    model.generation_config.pad_token_id = end
    model.generation_config.eos_token_id = end
    # Random weights may end at once; a real captioner's words are what the tests need to see.
    model.generation_config.min_new_tokens = 4
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    ViTImageProcessorPil(size={"height": IMAGE_SIDE, "width": IMAGE_SIDE}).save_pretrained(folder)
    return folder
