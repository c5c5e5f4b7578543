"""The `diffusers` generator: any diffusers text-to-image pipeline, kept warm between calls.

A pipeline is loaded once per (model, device, dtype) and reused until it is evicted, least recently
used first, when a new one would push the loaded weights past the memory budget. Image-to-image
shares the text-to-image pipeline's weights through `from_pipe` instead of loading them twice.
A sampler chosen for one render is that render's alone: every render sets the scheduler it runs,
built from the model's own, and puts the model's own back when it ends.
Everything configurable comes from `Settings` through `DiffusersGenerator.from_settings`, or from
constructor arguments. torch and diffusers are imported here only, when the first render needs them.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from limner.generators.base import CLIP_TOKENS, RenderControl, Rendered, RenderSpec
from limner.generators.decoders import TinyDecoder, uses_tiny
from limner.generators.models import ModelCatalog, ModelEntry
from limner.generators.region_control import region_attention, resolve_layout_control

from limner.errors import Cancelled, InvalidRequest, LimnerError, ModelNotAvailable
from limner.ml.devices import Placement, choose_placement
from limner.settings import Settings

# A1111's sampler names (what its `parameters` text records) to diffusers scheduler classes.
SCHEDULERS: dict[str, tuple[str, dict[str, Any]]] = {
    "euler": ("EulerDiscreteScheduler", {}),
    "euler a": ("EulerAncestralDiscreteScheduler", {}),
    "dpm++ 2m": ("DPMSolverMultistepScheduler", {}),
    "dpm++ 2m karras": ("DPMSolverMultistepScheduler", {"use_karras_sigmas": True}),
    "ddim": ("DDIMScheduler", {}),
    "lcm": ("LCMScheduler", {}),
}
_SAMPLER_NAMES = {"EulerDiscreteScheduler": "Euler", "EulerAncestralDiscreteScheduler": "Euler a",
                  "DPMSolverMultistepScheduler": "DPM++ 2M", "DDIMScheduler": "DDIM", "LCMScheduler": "LCM",
                  "FlowMatchEulerDiscreteScheduler": "Euler (flow matching)"}
DEFAULT_STRENGTH = 0.6


@dataclass(frozen=True)
class LoadOptions:
    """How pipelines are prepared when loaded."""

    # A folder holding an AutoencoderTiny (TAESD) to decode with by default on every device, instead of the
    # family's tiny decoder from the Hub cache (decoders.py), which is the default on CPU only.
    tiny_vae: str | None = None
    compile: bool = False  # torch.compile the UNet: slower first call, faster after (mostly on GPUs)
    cpu_offload: bool = False  # CUDA only: keep weights in RAM, move each model to the GPU when it runs

    @classmethod
    def from_settings(cls, settings: Settings) -> LoadOptions:
        """LIMNER_TINY_VAE, LIMNER_COMPILE and LIMNER_CPU_OFFLOAD, as `settings` read them."""
        return cls(
            tiny_vae=str(settings.tiny_vae) if settings.tiny_vae else None,
            compile=settings.compile,
            cpu_offload=settings.cpu_offload,
        )


@dataclass
class LoadedModel:
    entry: ModelEntry
    placement: Placement
    text_to_image: Any
    size_bytes: int
    load_seconds: float
    fingerprint: str
    _image_to_image: Any = field(default=None, repr=False)
    tiny: TinyDecoder | None = None  # the family's tiny decoder on this machine (decoders.py)
    _tiny_vae: Any = field(default=None, repr=False)  # ... loaded when first used
    _inpainting: Any = field(default=None, repr=False)
    # The scheduler the model was saved with: what a render that names no sampler runs, and what every
    # render leaves in place when it ends.
    scheduler: Any = field(init=False, repr=False)
    full_vae: Any = field(init=False, repr=False)
    # One render at a time per pipeline: a render sets the pipeline's scheduler for its own steps.
    lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self.scheduler = self.text_to_image.scheduler
        self.full_vae = self.text_to_image.vae  # the model's own decoder: what every render leaves in place

    def decoder(self, tiny: bool) -> Any:
        """The full VAE, or the tiny decoder (loaded on first use)."""
        if not tiny:
            return self.full_vae
        if self._tiny_vae is None:
            assert self.tiny is not None
            self._tiny_vae = _load_tiny(self.tiny.path, self.placement)
        return self._tiny_vae

    def image_to_image(self) -> Any:
        if self._image_to_image is None:
            from diffusers import AutoPipelineForImage2Image

            self._image_to_image = AutoPipelineForImage2Image.from_pipe(self.text_to_image)
        return self._image_to_image

    def inpainting(self) -> Any:
        """The inpainting pipeline on the same weights (from_pipe shares every component: nothing loads
        twice). With an ordinary text-to-image UNet it repaints inside the mask by blending latents."""
        if self._inpainting is None:
            from diffusers import AutoPipelineForInpainting

            self._inpainting = AutoPipelineForInpainting.from_pipe(self.text_to_image)
        return self._inpainting


class PipelineCache:
    """Loaded pipelines, least recently used first out when the memory budget would be exceeded.

    `budget_bytes` None: most of the GPU's memory, else half the machine's RAM, worked out when first needed.
    """

    def __init__(self, budget_bytes: int | None = None):
        self._budget_bytes = budget_bytes
        self._loaded: OrderedDict[tuple[str, str, str], LoadedModel] = OrderedDict()
        self.loads = 0
        self.hits = 0
        self.evictions = 0

    def get(
        self, entry: ModelEntry, placement: Placement, *, options: LoadOptions,
        tiny: Callable[[], TinyDecoder | None] | None = None,
    ) -> LoadedModel:
        """The loaded model, loading it (and finding its tiny decoder with `tiny`) when it is not."""
        key = (entry.path, placement.device, placement.dtype)
        if key in self._loaded:
            self.hits += 1
            self._loaded.move_to_end(key)
            return self._loaded[key]
        self._make_room(entry.size_bytes)
        loaded = _load(entry, placement, options, tiny() if tiny is not None else None)
        self.loads += 1
        self._loaded[key] = loaded
        return loaded

    def _make_room(self, incoming: int) -> None:
        while self._loaded and self.loaded_bytes + incoming > self.budget_bytes:
            _, evicted = self._loaded.popitem(last=False)
            self.evictions += 1
            _release(evicted)

    @property
    def budget_bytes(self) -> int:
        if self._budget_bytes is None:
            self._budget_bytes = _default_budget()
        return self._budget_bytes

    @budget_bytes.setter
    def budget_bytes(self, value: int) -> None:
        self._budget_bytes = value

    @property
    def loaded_bytes(self) -> int:
        return sum(m.size_bytes for m in self._loaded.values())

    def loaded_names(self) -> list[str]:
        return [m.entry.name for m in self._loaded.values()]

    def clear(self) -> None:
        while self._loaded:
            _release(self._loaded.popitem()[1])



def _unread_masked_latents(pipe: Any, width: int, height: int, accepted: Any) -> dict[str, Any]:
    """Zeros for the masked picture's latents where the UNet never reads them.

    A UNet with the plain latent channels (an ordinary text-to-image checkpoint) blends the parent back in
    by the mask at each step; only dedicated inpainting UNets (9 channels) take the masked picture's latents.
    The pipeline encodes them anyway, a second VAE encode that made a 512 px CPU edit about a fifth slower
    than image-to-image; handed latents, it skips the encode."""
    unet = getattr(pipe, "unet", None)
    channels = getattr(getattr(pipe.vae, "config", None), "latent_channels", None)
    if unet is None or channels is None or "masked_image_latents" not in accepted or unet.config.in_channels != channels:
        return {}
    import torch

    scale = pipe.vae_scale_factor
    return {"masked_image_latents": torch.zeros((1, channels, height // scale, width // scale), dtype=unet.dtype)}

class DiffusersGenerator:
    name: ClassVar[str] = "diffusers"
    description: ClassVar[str] = "Any diffusers text-to-image model by Hub id or folder, kept warm between calls."
    supports_image_to_image: ClassVar[bool] = True
    takes_model: ClassVar[bool] = True
    supports_inpainting: ClassVar[bool] = True
    supports_layout_control: ClassVar[bool] = True  # SD 1.x/2.x and SDXL families (region_control.py)
    supports_preload: ClassVar[bool] = True

    def __init__(
        self,
        catalog: ModelCatalog,
        *,
        default_model: str | None = None,
        device: str | None = None,
        dtype: str | None = None,
        budget_bytes: int | None = None,
        options: LoadOptions | None = None,
    ):
        """`default_model` None: the catalog's first model; `device`/`dtype` None: the best here (chosen at
        the first load); `budget_bytes` None: see `PipelineCache`; `options` None: `LoadOptions()`."""
        self.catalog = catalog
        self.default_model = default_model
        self._device, self._dtype = device, dtype
        self._placement: Placement | None = None
        self.options = options or LoadOptions()
        self.cache = PipelineCache(budget_bytes)

    @classmethod
    def from_settings(cls, settings: Settings) -> DiffusersGenerator:
        """The generator `settings` describe: its catalog, default model, device, dtype, budget and load options."""
        return cls(
            ModelCatalog.for_settings(settings),
            default_model=settings.model,
            device=settings.device,
            dtype=settings.dtype,
            budget_bytes=int(settings.memory_budget_gb * 2**30) if settings.memory_budget_gb else None,
            options=LoadOptions.from_settings(settings),
        )

    @property
    def placement(self) -> Placement:
        if self._placement is None:
            self._placement = choose_placement(self._device, self._dtype)
        return self._placement

    def prompt_tokens(self, model: str | None = None) -> int:
        """The family's text-encoder budget; CLIP's when the model is not on this machine (rendering will say so)."""
        try:
            return self._entry(model).defaults.prompt_tokens
        except LimnerError:
            return CLIP_TOKENS

    def render(self, spec: RenderSpec, control: RenderControl | None = None) -> Rendered:
        import torch

        control = control or RenderControl()
        if control.cancelled:
            raise Cancelled("cancelled before rendering started")
        loaded = self.preload(spec.model)
        entry = loaded.entry
        image_to_image = spec.init_image is not None
        inpaint = image_to_image and spec.mask is not None
        scheduler = _scheduler_for(loaded.scheduler, spec.sampler)
        tiny = uses_tiny(spec.quality, device=loaded.placement.device, tiny=loaded.tiny, family=entry.family)  # type: ignore[arg-type]
        layout = resolve_layout_control(spec.layout_control, spec.items, entry.family)
        defaults = entry.defaults
        steps = spec.steps or (defaults.img2img_steps if image_to_image else defaults.steps)
        guidance = defaults.guidance if spec.guidance is None else spec.guidance
        strength = (spec.strength if spec.strength is not None else DEFAULT_STRENGTH) if image_to_image else None
        total = max(1, int(steps * strength)) if strength is not None else steps

        def on_step_end(pipeline: Any, step: int, timestep: Any, tensors: dict) -> dict:
            control.step(min(step + 1, total), total)
            if control.cancelled:
                pipeline._interrupt = True  # the denoising loop skips every remaining step
            return tensors

        arguments: dict[str, Any] = {
            "prompt": spec.prompt,
            "num_inference_steps": steps,
            "guidance_scale": guidance,
            # A CPU generator makes a seed mean the same noise on every device.
            "generator": torch.Generator("cpu").manual_seed(spec.seed),
            "callback_on_step_end": on_step_end,
            "output_type": "pil",
        }
        if image_to_image:
            arguments["image"] = spec.init_image.convert("RGB").resize((spec.width, spec.height))
            arguments["strength"] = strength
            if inpaint:
                arguments["mask_image"] = spec.mask.convert("L").resize((spec.width, spec.height))
                arguments["width"], arguments["height"] = spec.width, spec.height
        else:
            arguments["width"], arguments["height"] = spec.width, spec.height
        with loaded.lock:
            decoder = loaded.decoder(tiny)
            # Image-to-image shares the text-to-image pipeline's components, the scheduler among them, so
            # each render sets the scheduler of the pipeline it runs and puts the model's own back after.
            pipe = loaded.inpainting() if inpaint else loaded.image_to_image() if image_to_image else loaded.text_to_image
            accepted = inspect.signature(pipe.__call__).parameters
            if spec.negative_prompt and "negative_prompt" in accepted and guidance > 1:
                arguments["negative_prompt"] = spec.negative_prompt  # without guidance it has no effect
            control.step(0, total)
            pipe.scheduler = scheduler
            pipe.vae = decoder  # like the scheduler: this render's own, the full VAE put back after
            if inpaint:
                arguments.update(_unread_masked_latents(pipe, spec.width, spec.height, accepted))
            try:
                # Region control sets the UNet's cross-attention processors for this render alone, too.
                regions = region_attention(pipe, spec.prompt, spec.items, enabled=layout == "attention")
                with torch.inference_mode(), regions:
                    output = pipe(**arguments)
            finally:
                pipe.scheduler = loaded.scheduler
                pipe.vae = loaded.full_vae
        if control.cancelled:
            raise Cancelled(f"cancelled during denoising ({total} steps planned)")
        return Rendered(
            image=output.images[0].convert("RGB"),
            generator=self.name,
            settings={
                "model": entry.name,
                "model_revision": entry.revision,
                "model_fingerprint": loaded.fingerprint,
                "family": entry.family,
                "pipeline": type(pipe).__name__,
                "scheduler": type(scheduler).__name__,
                "sampler": spec.sampler or _SAMPLER_NAMES.get(type(scheduler).__name__),
                "dtype": loaded.placement.dtype,
                "device": loaded.placement.device,
                "steps": steps,
                "guidance": guidance,
                "seed": spec.seed,
                "strength": strength,
                "layout_control": layout,
                "decoder": "tiny" if tiny else "full",
                "tiny_vae": loaded.tiny.source if tiny and loaded.tiny else None,
            },
        )

    def preload(self, model: str | None = None) -> LoadedModel:
        """Load `model` (or the default) now, so the first render does not wait for it."""
        entry = self._entry(model)
        return self.cache.get(
            entry, self.placement, options=self.options,
            tiny=lambda: self.catalog.tiny_decoder(entry.family, override=self.options.tiny_vae),
        )

    def _entry(self, model: str | None) -> ModelEntry:
        ref = model or self.default_model
        if ref is None:
            available = self.catalog.list()
            if not available:
                raise ModelNotAvailable(
                    "no diffusers model on this machine: 'limner models pull stabilityai/sd-turbo' fetches one, "
                    "'limner models add NAME FOLDER' registers a saved pipeline"
                )
            return available[0]
        return self.catalog.resolve(ref)


def _scheduler_for(own: Any, sampler: str | None) -> Any:
    """The scheduler one render runs: the model's own (`own`) when `sampler` is None or names its kind,
    else a new one of the named kind built from the model's own config, for this render alone."""
    if sampler is None:
        return own
    key = sampler.strip().lower().replace("_", " ")
    if key not in SCHEDULERS:
        raise InvalidRequest(f"unknown sampler {sampler!r}; one of: {', '.join(SCHEDULERS)}")
    if "FlowMatch" in type(own).__name__:
        raise InvalidRequest("this model samples by flow matching; it takes no sampler choice")
    import diffusers

    class_name, options = SCHEDULERS[key]
    scheduler_class = getattr(diffusers, class_name)
    if isinstance(own, scheduler_class) and not options:
        return own
    return scheduler_class.from_config(own.config, **options)


def _load(entry: ModelEntry, placement: Placement, options: LoadOptions, tiny: TinyDecoder | None) -> LoadedModel:
    import torch
    from diffusers import AutoPipelineForText2Image

    started = time.perf_counter()
    if placement.device == "cpu":
        torch.set_num_threads(os.cpu_count() or 1)
    try:
        pipe = AutoPipelineForText2Image.from_pretrained(
            entry.path, dtype=placement.torch_dtype(), local_files_only=True
        )
    except (OSError, ValueError) as exc:
        raise ModelNotAvailable(f"could not load {entry.name} from {entry.path}: {exc}") from None
    if options.cpu_offload and placement.device.startswith("cuda"):
        pipe.enable_model_cpu_offload()
    else:
        pipe.to(placement.device)
    if placement.device == "cpu":
        # channels_last lets oneDNN pick its fastest convolution kernels on CPU.
        for module in (getattr(pipe, "unet", None), getattr(pipe, "vae", None)):
            if module is not None:
                module.to(memory_format=torch.channels_last)
    if options.compile and hasattr(pipe, "unet"):
        if placement.device == "cpu":
            # Freezing folds the weights into the compiled graph; on CPU compiling gains nothing without it.
            import torch._inductor.config as inductor

            inductor.freezing = True
        pipe.unet = torch.compile(pipe.unet)
    pipe.set_progress_bar_config(disable=True)
    loaded = LoadedModel(
        entry=entry,
        placement=placement,
        text_to_image=pipe,
        size_bytes=_module_bytes(pipe),
        load_seconds=time.perf_counter() - started,
        fingerprint=_fingerprint(Path(entry.path)),
        tiny=tiny,
    )
    if uses_tiny(None, device=placement.device, tiny=tiny, family=entry.family):
        loaded.decoder(tiny=True)  # the default here: load it with the model, not at the first render
        loaded.load_seconds = time.perf_counter() - started
    return loaded


def _load_tiny(folder: Path, placement: Placement) -> Any:
    """A tiny decoder (AutoencoderTiny) on the model's device, in its dtype."""
    import torch
    from diffusers import AutoencoderTiny

    try:
        vae = AutoencoderTiny.from_pretrained(folder, dtype=placement.torch_dtype(), local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelNotAvailable(f"could not load the tiny decoder from {folder}: {exc}") from None
    vae.to(placement.device)
    if placement.device == "cpu":
        vae.to(memory_format=torch.channels_last)
    vae.eval()
    return vae


def _module_bytes(pipe: Any) -> int:
    import torch

    total = 0
    for component in pipe.components.values():
        if isinstance(component, torch.nn.Module):
            total += sum(t.numel() * t.element_size() for t in (*component.parameters(), *component.buffers()))
    return total


def _fingerprint(folder: Path) -> str:
    """A cheap identity for a model folder: its files' names and sizes (hashing gigabytes would be slow)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(f"{path.relative_to(folder)}:{path.stat().st_size}\n".encode())
    return digest.hexdigest()[:16]


def _release(loaded: LoadedModel) -> None:
    import gc

    loaded.text_to_image = None
    loaded._image_to_image = None
    loaded._tiny_vae = None
    loaded._inpainting = None
    gc.collect()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except ImportError:
        pass


def _default_budget() -> int:
    """Most of the GPU's memory, else half the machine's RAM (LIMNER_MEMORY_BUDGET_GB sets one instead)."""
    try:
        import torch

        if torch.cuda.is_available():
            return int(torch.cuda.get_device_properties(0).total_memory * 0.8)
    except ImportError:
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    except (ValueError, OSError, AttributeError):
        return 8 * 2**30
