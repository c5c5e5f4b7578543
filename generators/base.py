"""The one small interface every renderer implements, and what it is handed.

Generators know nothing of planners or Scenes: they get a `RenderSpec` (words, size, seed, and the
planned composition) and return pixels plus the settings that made them, for provenance.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol, runtime_checkable

from PIL import Image

from limner.errors import InvalidRequest


@dataclass(frozen=True)
class RenderItem:
    """One planned object: what to call it, how many, its colour and material, its text, and where it goes."""

    label: str
    count: int = 1
    color: str | None = None
    box: tuple[float, float, float, float] | None = None  # normalized x, y, w, h
    material: str | None = None
    text: str | None = None  # words written on it, drawn as they read


@dataclass(frozen=True)
class RenderSpec:
    """Everything a generator needs to draw one image."""

    prompt: str
    width: int
    height: int
    seed: int
    negative_prompt: str = ""
    steps: int | None = None
    guidance: float | None = None
    sampler: str | None = None  # A1111's name: "Euler a", "DPM++ 2M" ...; None: the model's own
    style: str | None = None
    lighting: str | None = None
    time_of_day: str | None = None
    palette: tuple[str, ...] = ()
    items: tuple[RenderItem, ...] = ()
    model: str | None = None  # a generator-specific model name, id or folder; None: its default
    init_image: Image.Image | None = None  # image-to-image: start from this picture ...
    strength: float | None = None  # ... changing it this much (0: keep it, 1: ignore it)
    mask: Image.Image | None = None  # ... only where this greyscale mask is white (supports_inpainting)
    quality: str | None = None  # "fast": a tiny decoder, "full": the model's own; None: the generator's default
    # 'attention': each item's words act inside its box (supports_layout_control); 'init': the init image is
    # the drawn layout; 'none'; None: the generator's default (attention for two or more boxed items, where it can)
    layout_control: str | None = None


StepProgress = Callable[[int, int], None]
"""Called as (steps done, steps in all) while a generator works."""


@dataclass
class RenderControl:
    """How a caller follows and stops a render: progress per step, and an event that cancels it."""

    on_step: StepProgress | None = None
    cancel: threading.Event | None = None

    def step(self, done: int, total: int) -> None:
        if self.on_step is not None:
            self.on_step(done, total)

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()


@dataclass
class Rendered:
    """A generator's output: the image and the settings that reproduce it."""

    image: Image.Image
    generator: str
    settings: dict[str, str | int | float | None] = field(default_factory=dict)


@runtime_checkable
class Generator(Protocol):
    """Renders a RenderSpec to an image. Implementations are registered through the `register_generators` hook.

    A generator that can stop part-way checks `control.cancelled` between steps and raises
    `limner.errors.Cancelled`; one that cannot simply finishes.

    What a generator can do beyond text to image it declares in class attributes, so callers ask
    instead of probing: a generator that subclasses `Generator` inherits False for each, and a
    `preload` that says it has nothing to load.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    supports_image_to_image: ClassVar[bool] = False
    """It honours `RenderSpec.init_image` and `RenderSpec.strength`."""
    supports_inpainting: ClassVar[bool] = False
    """It repaints a masked part of an init image, keeping the rest."""
    supports_layout_control: ClassVar[bool] = False
    """It honours `RenderSpec.layout_control='attention'`: each item's words act inside its box."""
    supports_preload: ClassVar[bool] = False
    """`preload(model)` loads a model ahead of the first render, so that render does not wait for it."""
    takes_model: ClassVar[bool] = False
    """It renders with the model `RenderSpec.model` names; one that does not refuses a `model` argument."""

    def render(self, spec: RenderSpec, control: RenderControl | None = None) -> Rendered: ...

    def prompt_tokens(self, model: str | None = None) -> int:
        """How many prompt tokens the model's text encoder reads, so planners write prompts that fit."""
        ...

    def preload(self, model: str | None = None) -> object:
        """Load `model` (None: the default) now; raises InvalidRequest where `supports_preload` is False."""
        raise InvalidRequest(f"the {self.name} generator has no model to load ahead")


CLIP_TOKENS = 75  # CLIP reads 77 tokens, two of which mark the start and the end
