"""The `transformers` captioner: a local image-to-text model (BLIP, GIT, ViT-GPT2, Florence-2, small VLMs).

A model is named by a folder written by `save_pretrained` or by a Hub id already in the local Hub cache;
nothing downloads here, and a missing model says which command fetches it. `Settings.caption_model`
(LIMNER_CAPTION_MODEL) picks the default and `Settings.hub_cache` says where Hub ids are looked for.
Loaded models stay warm in a small cache shared by every captioner in the process, keyed by
(folder, device, dtype), because building a captioner per request is cheap and loading weights is not.
Decoding is greedy, so the same image always gets the same caption from the same model.
torch and transformers are imported only when the first caption is asked for.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from limner.agents.looking.captioner import Caption, Detail
from PIL import Image

from limner.errors import BackendFailed, ModelNotAvailable
from limner.ml.devices import choose_placement
from limner.ml.hub import cached_snapshot, is_repo_id
from limner.settings import Settings

DEFAULT_MODEL = "Salesforce/blip-image-captioning-base"
MODEL_VARIABLE = "LIMNER_CAPTION_MODEL"
CACHE_CAPACITY = 2  # captioning models loaded at once; the least recently used goes first

MAX_NEW_TOKENS = {"short": 30, "detailed": 80}

# Prompts for the models that take one. BLIP writes a caption that continues its prompt: "a picture of"
# nudges it to describe the whole scene. Florence-2 is steered by task tokens alone.
_PROMPTS: dict[str, dict[str, str]] = {
    "blip": {"short": "", "detailed": "a picture of"},
    "florence2": {"short": "<CAPTION>", "detailed": "<MORE_DETAILED_CAPTION>"},
}
# Chat vision models get the request in words.
_CHAT_REQUESTS = {
    "short": "Describe this image in one short sentence.",
    "detailed": (
        "Describe this image in detail: the main subjects, their colours and positions, the setting, "
        "the style and the lighting."
    ),
}
# BLIP, trained on web alt-text, sometimes writes a made-up word ("an arafed man"); it means nothing.
_ARTEFACT_WORD = re.compile(r"\b(an? )?(?:arafed|araffe|arafly|arrafed|arafe)\b ?", re.I)


@dataclass(frozen=True)
class CaptionModelRef:
    """Where a captioning model's files are, and what the user called it."""

    name: str
    path: str
    revision: str | None = None


def resolve_caption_model(ref: str, *, hub_cache: Path | None = None) -> CaptionModelRef:
    """A folder holding config.json, then a Hub id in the Hub cache at `hub_cache` (None: none); never a download."""
    ref = ref.strip()
    folder = Path(ref).expanduser()
    if folder.is_dir():
        if not (folder / "config.json").is_file():
            raise ModelNotAvailable(f"{folder} is not a transformers model folder: it has no config.json")
        return CaptionModelRef(name=ref, path=str(folder.resolve()))
    if is_repo_id(ref):
        snapshot = cached_snapshot(ref, hub_cache, containing="config.json") if hub_cache is not None else None
        if snapshot is not None:
            return CaptionModelRef(name=ref, path=str(snapshot), revision=snapshot.name)
        raise ModelNotAvailable(
            f"captioning model {ref!r} is not on this machine; fetch it once with 'hf download {ref}' "
            f"(nothing is downloaded while captioning), or set {MODEL_VARIABLE} to a model folder"
        )
    raise ModelNotAvailable(
        f"no captioning model {ref!r}: not a folder, nor a Hub id like {DEFAULT_MODEL!r}; "
        f"set {MODEL_VARIABLE} or pass a model folder written by save_pretrained"
    )


# Loading and keeping warm -------------------------------------------------------------------------------


@dataclass
class LoadedCaptionModel:
    ref: CaptionModelRef
    device: str
    dtype: str
    model_type: str
    model: Any
    processor: Any  # a ProcessorMixin, or an (image processor, tokenizer) pair for vision-encoder-decoders
    load_seconds: float


class CaptionModelCache:
    """Loaded captioning models, least recently used first out past `capacity`."""

    def __init__(self, capacity: int = CACHE_CAPACITY):
        self.capacity = capacity
        self._loaded: OrderedDict[tuple[str, str, str], LoadedCaptionModel] = OrderedDict()
        self._lock = threading.Lock()  # two requests for a cold model must not load it twice
        self.loads = 0
        self.hits = 0

    def get(self, ref: CaptionModelRef, device: str, dtype: str) -> LoadedCaptionModel:
        key = (ref.path, device, dtype)
        with self._lock:
            if key in self._loaded:
                self.hits += 1
                self._loaded.move_to_end(key)
                return self._loaded[key]
            while len(self._loaded) >= self.capacity:
                _release(self._loaded.popitem(last=False)[1])
            loaded = _load(ref, device, dtype)
            self.loads += 1
            self._loaded[key] = loaded
            return loaded

    def clear(self) -> None:
        with self._lock:
            while self._loaded:
                _release(self._loaded.popitem()[1])


SHARED_CACHE = CaptionModelCache()


def _release(loaded: LoadedCaptionModel) -> None:
    import gc

    loaded.model = None
    gc.collect()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()  # give the GPU memory back now, not when the allocator next needs it
    except ImportError:
        pass


def _load(ref: CaptionModelRef, device: str, dtype: str) -> LoadedCaptionModel:
    import torch
    from transformers import AutoImageProcessor, AutoModelForImageTextToText, AutoProcessor, AutoTokenizer

    started = time.perf_counter()
    model_type = _model_type(Path(ref.path))
    try:
        if model_type == "vision-encoder-decoder":
            # ViT-GPT2-style models ship an image processor and a tokenizer, but no processor joining them.
            processor: Any = (
                AutoImageProcessor.from_pretrained(ref.path, local_files_only=True),
                AutoTokenizer.from_pretrained(ref.path, local_files_only=True),
            )
        else:
            processor = AutoProcessor.from_pretrained(ref.path, local_files_only=True)
        model = AutoModelForImageTextToText.from_pretrained(
            ref.path, dtype=getattr(torch, dtype), local_files_only=True
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ModelNotAvailable(
            f"could not load captioning model {ref.name} from {ref.path}: {_first_line(exc)}; it must be an "
            "image-to-text model transformers can load without remote code (BLIP, GIT, ViT-GPT2, Florence-2 ...)"
        ) from None
    model.to(device).eval()
    return LoadedCaptionModel(
        ref=ref,
        device=device,
        dtype=dtype,
        model_type=model_type,
        model=model,
        processor=processor,
        load_seconds=time.perf_counter() - started,
    )


def _model_type(folder: Path) -> str:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelNotAvailable(f"{folder / 'config.json'} cannot be read: {exc}") from None
    return str(config.get("model_type", "unknown"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


# Captioning ---------------------------------------------------------------------------------------------


class TransformersCaptioner:
    name: ClassVar[str] = "transformers"
    semantic: ClassVar[bool] = True

    def __init__(
        self,
        model: str | None = None,
        *,
        device: str | None = None,
        dtype: str | None = None,
        hub_cache: Path | None = None,
        cache: CaptionModelCache | None = None,
    ):
        """`model`: a folder or Hub id (None: BLIP base); `hub_cache`: the Hub cache to find Hub ids in (None: none)."""
        self.model = model or DEFAULT_MODEL
        self._device, self._dtype = device, dtype
        self.hub_cache = hub_cache
        self.cache = cache or SHARED_CACHE

    @classmethod
    def from_settings(cls, settings: Settings, *, cache: CaptionModelCache | None = None) -> TransformersCaptioner:
        """The captioner `settings` describe: its model, device, precision and Hub cache."""
        return cls(
            settings.caption_model,
            device=settings.device,
            dtype=settings.dtype,
            hub_cache=settings.hub_cache,
            cache=cache,
        )

    def load(self) -> LoadedCaptionModel:
        """Load the model now (or find it warm), so the first caption does not wait for it."""
        placement = choose_placement(self._device, self._dtype)
        ref = resolve_caption_model(self.model, hub_cache=self.hub_cache)
        return self.cache.get(ref, placement.device, placement.dtype)

    def caption(self, image: Image.Image, *, detail: Detail = "short") -> Caption:
        loaded = self.load()
        text = _generate(loaded, image.convert("RGB"), detail)
        if not text:
            raise BackendFailed(f"captioning model {loaded.ref.name} wrote nothing for this image; try another model")
        return Caption(text=text, captioner=self.name, model=loaded.ref.name, detail=detail, semantic=True)


def _generate(loaded: LoadedCaptionModel, image: Image.Image, detail: Detail) -> str:
    import torch

    prompt, inputs = _inputs(loaded, image, detail)
    inputs = inputs.to(loaded.device)
    if "pixel_values" in inputs:
        inputs["pixel_values"] = inputs["pixel_values"].to(getattr(torch, loaded.dtype))
    options: dict[str, Any] = {"max_new_tokens": MAX_NEW_TOKENS[detail], "do_sample": False, "num_beams": 1}
    if detail == "detailed":
        options["no_repeat_ngram_size"] = 3  # long greedy captions otherwise tend to loop on a phrase
    try:
        with torch.inference_mode():
            output = loaded.model.generate(**inputs, **options)
    except (RuntimeError, ValueError) as exc:  # out of memory, a device or dtype the model cannot run in
        raise BackendFailed(
            f"captioning with {loaded.ref.name} on {loaded.device} ({loaded.dtype}) failed: {_first_line(exc)}; "
            "LIMNER_DEVICE=cpu or LIMNER_DTYPE=float32 may help"
        ) from None
    ids = output[0]
    prompt_ids = inputs.get("input_ids")
    if (
        prompt_ids is not None
        and len(ids) > prompt_ids.shape[1]
        and torch.equal(ids[: prompt_ids.shape[1]], prompt_ids[0])
    ):
        ids = ids[prompt_ids.shape[1] :]  # decoder-only models repeat the prompt before their answer
    return clean_caption(_tokenizer(loaded).decode(ids, skip_special_tokens=True), prompt)


def _inputs(loaded: LoadedCaptionModel, image: Image.Image, detail: Detail) -> tuple[str, Any]:
    if isinstance(loaded.processor, tuple):
        image_processor, _ = loaded.processor
        return "", image_processor(images=image, return_tensors="pt")
    processor = loaded.processor
    if loaded.model_type in _PROMPTS:
        prompt = _PROMPTS[loaded.model_type][detail]
        return prompt, processor(images=image, text=prompt or None, return_tensors="pt")
    if getattr(processor, "chat_template", None):
        messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": _CHAT_REQUESTS[detail]}]}]
        text = processor.apply_chat_template(messages, add_generation_prompt=True)
        return "", processor(images=[image], text=text, return_tensors="pt")
    return "", processor(images=image, return_tensors="pt")


def _tokenizer(loaded: LoadedCaptionModel) -> Any:
    return loaded.processor[1] if isinstance(loaded.processor, tuple) else loaded.processor


def clean_caption(text: str, prompt: str = "") -> str:
    """The model's words without the prompt it continued, task tokens, or BLIP's made-up word."""
    text = " ".join(text.split())
    if prompt and not prompt.startswith("<") and text.lower().startswith(prompt.lower()):
        text = text[len(prompt) :].lstrip(" :,")
    text = re.sub(r"<[^>]{1,40}>", "", text).strip()  # Florence-2 may echo its task token
    # "an arafed man" -> "a man": the made-up word goes, the article stays in its plain form.
    return _ARTEFACT_WORD.sub(lambda found: "a " if found.group(1) else "", text).strip()
