"""The built-in generators, registered through the same hook as any third-party plugin."""

from __future__ import annotations

import importlib.util

from limner.generators.diffusion import DiffusersGenerator
from limner.generators.layout import LayoutGenerator
from limner.generators.models import ModelCatalog
from limner.generators.openai_images import OpenAIImageGenerator

from limner.hookspecs import Availability, hookimpl
from limner.settings import Settings


@hookimpl
def register_generators(register):
    register(
        "diffusers",
        DiffusersGenerator.from_settings,
        description=DiffusersGenerator.description,
        available=_diffusers_ready,
        priority=20,
    )
    register("layout", lambda settings: LayoutGenerator(), description=LayoutGenerator.description, priority=10)
    register(
        "openai",
        OpenAIImageGenerator.from_settings,
        description=OpenAIImageGenerator.description,
        priority=None,  # a paid API: used only when named
    )


def _diffusers_ready(settings: Settings) -> Availability:
    models = ModelCatalog.for_settings(settings).list()
    if not models:
        return Availability(False, "no diffusers model on this machine ('limner models pull stabilityai/sd-turbo')")
    if not all(importlib.util.find_spec(m) is not None for m in ("torch", "diffusers")):
        return Availability(
            False, "models are on this machine but diffusers is not installed: pip install 'limner[diffusers]'"
        )
    return Availability(True, f"diffusers model {models[0].name} is on this machine")
