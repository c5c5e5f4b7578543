"""Renderers behind one small interface: a RenderSpec in, an image and its settings out."""

from limner.generators.base import Generator, RenderControl, Rendered, RenderItem, RenderSpec, StepProgress
from limner.generators.registry import create, names, register

__all__ = [
    "Generator",
    "RenderControl",
    "Rendered",
    "RenderItem",
    "RenderSpec",
    "StepProgress",
    "create",
    "names",
    "register",
]
