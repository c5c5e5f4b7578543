"""The one small interface every renderer implements, and what it is handed.

Generators know nothing of planners or Scenes: they get a `RenderSpec` (words, size, seed, and the
planned composition) and return pixels plus the settings that made them, for provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Protocol, runtime_checkable

from PIL import Image


@dataclass(frozen=True)
class RenderItem:
    """One planned object: what to call it, how many, its colour and material, and where it goes."""

    label: str
    count: int = 1
    color: str | None = None
    box: tuple[float, float, float, float] | None = None  # normalized x, y, w, h
    material: str | None = None


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
    style: str | None = None
    lighting: str | None = None
    time_of_day: str | None = None
    palette: tuple[str, ...] = ()
    items: tuple[RenderItem, ...] = ()


@dataclass
class Rendered:
    """A generator's output: the image and the settings that reproduce it."""

    image: Image.Image
    generator: str
    settings: dict[str, str | int | float | None] = field(default_factory=dict)


@runtime_checkable
class Generator(Protocol):
    """Renders a RenderSpec to an image. Implementations are registered in `limner.generators.registry`."""

    name: ClassVar[str]
    description: ClassVar[str]

    def render(self, spec: RenderSpec) -> Rendered: ...
