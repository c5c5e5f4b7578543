"""Generators: renderers behind one small interface, a RenderSpec in, an image and its settings out (plugin.py registers the built-ins)."""

from limner.generators.base import Generator, RenderControl, Rendered, RenderItem, RenderSpec, StepProgress

__all__ = [
    "Generator",
    "RenderControl",
    "Rendered",
    "RenderItem",
    "RenderSpec",
    "StepProgress",
]
