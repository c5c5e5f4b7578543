"""The one registry of backends: which generators, captioners, planners and judges exist, how to build them,
and which one is the default here, with the reason.

Built-in backends and third-party packages register through the same hooks (`limner.hookspecs`);
packages are found through the `limner` entry-point group:

    [project.entry-points.limner]
    cvae = "limner_cvae.plugin"
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pluggy

from limner import hookspecs
from limner.errors import BackendUnavailable, UnknownBackend, unknown
from limner.hookspecs import Availability
from limner.settings import Settings

log = logging.getLogger(__name__)

Kind = Literal["generator", "captioner", "planner", "judge"]
KINDS: tuple[Kind, ...] = ("generator", "captioner", "planner", "judge")

# Modules holding the built-in backends; each registers through the hooks like any plugin.
BUILTIN_PLUGINS = (
    "limner.generators.plugin",
    "limner.agents.looking.plugin",
    "limner.agents.planning.plugin",
)

# The setting that names a kind's default, and the variable a user sets for it.
_CONFIGURED: dict[Kind, tuple[str, str]] = {
    "generator": ("generator", "LIMNER_GENERATOR"),
    "captioner": ("captioner", "LIMNER_CAPTIONER"),
    "planner": ("planner", "LIMNER_PLANNER"),
}


ALWAYS = Availability(True)


@dataclass(frozen=True)
class Backend:
    """One registered backend: its kind, name, how to build it and when it is the default."""

    kind: Kind
    name: str
    factory: Callable[..., object]
    description: str = ""
    available: Callable[[Settings], Availability] | None = None
    priority: int | None = 0  # the highest available is the default; None: only when named
    plugin: str = ""  # who registered it

    def availability(self, settings: Settings) -> Availability:
        if self.available is None:
            return ALWAYS
        try:
            return self.available(settings)
        except Exception as exc:  # a plugin's check must not break listing
            return Availability(False, f"its availability check failed: {exc}")


@dataclass(frozen=True)
class Choice:
    name: str
    reason: str


class Registry:
    """Backends by kind and name, collected from the plugins a plugin manager holds."""

    def __init__(self, manager: pluggy.PluginManager):
        self.manager = manager
        self._backends: dict[Kind, dict[str, Backend]] = {kind: {} for kind in KINDS}
        hooks = {
            "generator": manager.hook.register_generators,
            "captioner": manager.hook.register_captioners,
            "planner": manager.hook.register_planners,
            "judge": manager.hook.register_judges,
        }
        for kind, hook in hooks.items():
            for impl in hook.get_hookimpls():  # in registration order: built-ins first, so plugins may replace them
                impl.function(register=self._register_callback(kind, impl.plugin_name))

    def _register_callback(self, kind: Kind, plugin: str):
        def register(
            name: str,
            factory: Callable[..., object],
            *,
            description: str = "",
            available: Callable[[Settings], Availability] | None = None,
            priority: int | None = 0,
        ) -> None:
            if name in self._backends[kind]:
                log.info("%s %r from %s replaces the one from %s", kind, name, plugin, self._backends[kind][name].plugin)
            self._backends[kind][name] = Backend(kind, name, factory, description, available, priority, plugin)

        return register

    def names(self, kind: Kind) -> list[str]:
        """Every registered name of this kind, the default candidates first (by priority)."""
        return [b.name for b in self.backends(kind)]

    def backends(self, kind: Kind) -> list[Backend]:
        ranked = sorted(self._backends[kind].values(), key=lambda b: -(b.priority if b.priority is not None else -1))
        return ranked

    def backend(self, kind: Kind, name: str) -> Backend:
        try:
            return self._backends[kind][name]
        except KeyError:
            raise UnknownBackend(unknown(kind, name, self.names(kind))) from None

    def create(self, kind: Kind, name: str, settings: Settings, **context: object) -> object:
        """Build the backend `name`; raises UnknownBackend, or BackendUnavailable saying what is missing."""
        return self.backend(kind, name).factory(settings, **context)

    def usable(self, kind: Kind, settings: Settings) -> list[Backend]:
        """The backends of this kind that are set up here, strongest first."""
        return [b for b in self.backends(kind) if b.availability(settings).ok]

    def default(self, kind: Kind, settings: Settings) -> Choice:
        """The backend used when a call names none, and why: the configured one, else the best available."""
        if kind in _CONFIGURED:
            field, variable = _CONFIGURED[kind]
            configured = getattr(settings, field)
            if configured:
                first = configured.split(",")[0].strip()
                self.backend(kind, first)  # a misspelt setting is an error, not a silent fallback
                return Choice(first, f"set by {variable}")
        passed_over: list[str] = []
        for backend in self.backends(kind):
            if backend.priority is None:
                continue
            availability = backend.availability(settings)
            if availability.ok:
                reason = "; ".join(passed_over) or availability.reason or backend.description
                return Choice(backend.name, reason)
            passed_over.append(availability.reason)
        raise BackendUnavailable(f"no {kind} can run here: " + "; ".join(passed_over))


def plugin_manager(*, entry_points: bool = True) -> pluggy.PluginManager:
    """A plugin manager holding the built-in backends and, unless told not to, installed plugins."""
    manager = pluggy.PluginManager("limner")
    manager.add_hookspecs(hookspecs)
    for module in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(module), name=module)
    if entry_points:
        manager.load_setuptools_entrypoints("limner")
    return manager


_registry: Registry | None = None
_registry_lock = threading.Lock()


def registry() -> Registry:
    """The process-wide registry, built on first use (listing backends imports no torch)."""
    global _registry
    with _registry_lock:
        if _registry is None:
            _registry = Registry(plugin_manager())
        return _registry
