"""The hooks a plugin implements to add backends to Limner.

A plugin is a module (or an installed package listed in the `limner` entry-point group) with functions
marked `@hookimpl`. Each hook is handed a `register` callback:

    register(name, factory, *, description="", available=None, priority=None)

- `factory(settings)` builds the backend from the one `Settings` object (planners: `factory(settings, assistant)`);
  it may raise `limner.errors.BackendUnavailable` saying what is missing.
- `available(settings)` says, without building anything, whether it is set up here: an `Availability`.
- `priority` orders the backends when none is named: the highest available one is the default.
  None: never chosen unless named (a paid API, say).

The built-in backends register through these same hooks.
"""

from dataclasses import dataclass

import pluggy

hookspec = pluggy.HookspecMarker("limner")
hookimpl = pluggy.HookimplMarker("limner")


@dataclass(frozen=True)
class Availability:
    """Whether a backend is set up on this machine with these settings, and why (or why not).

    It decides whether a backend may be chosen when a call names none; a backend named explicitly is
    built regardless, and its factory raises `BackendUnavailable` if it truly cannot run.
    """

    ok: bool
    reason: str = ""


@hookspec
def register_generators(register):
    """Register generators: factory(settings) -> limner.generators.Generator."""


@hookspec
def register_captioners(register):
    """Register captioners: factory(settings) -> limner.agents.looking.captioner.Captioner."""


@hookspec
def register_planners(register):
    """Register planners: factory(settings, assistant) -> limner.agents.planning.base.Planner."""


@hookspec
def register_judges(register):
    """Register judges that answer a Scene's checks: factory(settings) -> limner.agents.looking.judging.Judge."""
