"""Which generators exist, by name. Built-ins register the same way a plugin would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from limner.generators.base import Generator

from limner.errors import UnknownBackend

Factory = Callable[[Path], Generator]
"""Builds a generator, given the data folder (where model registrations and caches live)."""

_FACTORIES: dict[str, Factory] = {}


def register(name: str, factory: Factory) -> None:
    """Make a generator available under `name`; a later registration of the same name replaces it."""
    _FACTORIES[name] = factory


def names() -> list[str]:
    return sorted(_FACTORIES)


def create(name: str, *, home: Path) -> Generator:
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise UnknownBackend(f"unknown generator {name!r}; available: {', '.join(names())}") from None
    return factory(home)


def model_catalog(home: Path):
    from limner.generators.models import ModelCatalog

    return ModelCatalog(Path(home) / "models.json")


def _layout(home: Path) -> Generator:
    from limner.generators.layout import LayoutGenerator

    return LayoutGenerator()


def _diffusers(home: Path) -> Generator:
    from limner.generators.diffusion import DiffusersGenerator

    return DiffusersGenerator(model_catalog(home))


def _openai(home: Path) -> Generator:
    from limner.generators.openai_images import OpenAIImageGenerator

    return OpenAIImageGenerator()


def _register_builtins() -> None:
    # Factories import their module on first use: listing generators never imports torch.
    register("layout", _layout)
    register("diffusers", _diffusers)
    register("openai", _openai)


_register_builtins()
