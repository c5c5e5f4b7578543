"""Renderers behind one small interface: a RenderSpec in, an image and its settings out."""

from limner.generators.base import Generator, Rendered, RenderItem, RenderSpec
from limner.generators.registry import create, names, register

__all__ = ["Generator", "Rendered", "RenderItem", "RenderSpec", "create", "names", "register"]
