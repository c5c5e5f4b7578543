"""Which generators exist, by name. Built-ins register the same way a plugin would."""

from __future__ import annotations

from collections.abc import Callable

from limner.errors import UnknownBackend
from limner.generators.base import Generator

_FACTORIES: dict[str, Callable[[], Generator]] = {}


def register(name: str, factory: Callable[[], Generator]) -> None:
    """Make a generator available under `name`; a later registration of the same name replaces it."""
    _FACTORIES[name] = factory


def names() -> list[str]:
    return sorted(_FACTORIES)


def create(name: str) -> Generator:
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise UnknownBackend(f"unknown generator {name!r}; available: {', '.join(names())}") from None
    return factory()


def _register_builtins() -> None:
    from limner.generators.layout import LayoutGenerator

    register("layout", LayoutGenerator)


_register_builtins()
