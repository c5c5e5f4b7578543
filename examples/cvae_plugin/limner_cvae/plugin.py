"""Registers the `cvae` generator with Limner, through the same hook the built-in generators use.

Limner finds this module through the entry point in pyproject.toml:

    [project.entry-points.limner]
    cvae = "limner_cvae.plugin"

Only this module is imported when Limner lists its backends; torch and the weights are loaded the
first time something renders with `cvae`, so `limner doctor` stays quick.
"""

from __future__ import annotations

import importlib.util

from limner.hookspecs import Availability, hookimpl

DESCRIPTION = "Example plugin: a small conditional VAE that draws circles, squares, triangles and stars in 8 colours."


@hookimpl
def register_generators(register):
    register(
        "cvae",
        _create,
        description=DESCRIPTION,
        available=_available,
        # A toy next to layout and diffusers: used when asked for by name, never chosen as the default.
        priority=None,
    )


def _create(settings):
    from limner_cvae.generator import CVAEGenerator  # imports torch: only once someone renders with it

    return CVAEGenerator()


def _available(settings) -> Availability:
    if importlib.util.find_spec("torch") is None:
        return Availability(False, "the cvae plugin needs torch: pip install torch")
    return Availability(True, "draws with the weights shipped in the limner-cvae package")
