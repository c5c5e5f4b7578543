"""One plugin mechanism: every kind of backend registers through the same pluggy hooks, built-ins included."""

from __future__ import annotations

import sys
import types

import pytest
from limner.agents import Studio
from limner.generators import RenderControl, Rendered, RenderSpec
from PIL import Image

from limner.errors import UnknownBackend
from limner.hookspecs import Availability, hookimpl
from limner.plugins import Registry, plugin_manager, registry
from limner.settings import Settings


class FlatGenerator:
    """A third party's generator: one flat colour, from the hook like any plugin's."""

    name = "flat"
    description = "One flat colour."
    supports_image_to_image = False
    supports_preload = False
    supports_inpainting = False

    def render(self, spec: RenderSpec, control: RenderControl | None = None) -> Rendered:
        return Rendered(Image.new("RGB", (spec.width, spec.height), (10, 20, 30)), self.name, {"flat": 1})

    def prompt_tokens(self, model: str | None = None) -> int:
        return 75

    def preload(self, model: str | None = None) -> None:
        raise NotImplementedError


def _plugin_module(priority: int | None) -> types.ModuleType:
    module = types.ModuleType("limner_test_flat")

    @hookimpl
    def register_generators(register):
        register(
            "flat",
            lambda settings: FlatGenerator(),
            description=FlatGenerator.description,
            available=lambda s: Availability(True, "always ready"),
            priority=priority,
        )

    module.register_generators = register_generators  # type: ignore[attr-defined]
    return module


def _registry_with(module: types.ModuleType) -> Registry:
    manager = plugin_manager(entry_points=False)
    manager.register(module, name="limner-test-flat")
    return Registry(manager)


def test_every_kind_lists_its_built_ins_default_candidates_first():
    names = {kind: registry().names(kind) for kind in ("generator", "captioner", "planner", "judge")}
    assert names["generator"][:2] == ["diffusers", "layout"] and "openai" in names["generator"]
    assert names["captioner"] == ["openai", "transformers", "palette"]
    assert names["planner"] == ["sampling", "llm", "rules"]
    assert names["judge"] == ["vlm", "measure", "caption-text", "clip"]


def test_defaults_come_with_their_reason():
    bare = Settings()
    assert registry().default("generator", bare).name == "layout"
    assert "no diffusers model" in registry().default("generator", bare).reason
    assert registry().default("captioner", bare).name == "palette"
    assert registry().default("captioner", Settings(vision_model="some-vlm")).name == "openai"
    chosen = registry().default("generator", Settings(generator="openai"))
    assert (chosen.name, chosen.reason) == ("openai", "set by LIMNER_GENERATOR")


def test_an_unknown_name_says_what_exists_and_the_closest():
    with pytest.raises(UnknownBackend, match=r"unknown generator 'difusers' \(did you mean 'diffusers'\?\); available"):
        registry().create("generator", "difusers", Settings())
    with pytest.raises(UnknownBackend, match="unknown captioner 'nope'; available: openai, transformers, palette"):
        registry().default("captioner", Settings(captioner="nope"))


def test_a_plugin_registers_through_the_same_hook_and_may_become_the_default():
    plugged = _registry_with(_plugin_module(priority=50))
    assert plugged.names("generator")[0] == "flat"
    assert plugged.default("generator", Settings()).reason == "always ready"
    assert plugged.backend("generator", "flat").plugin == "limner-test-flat"
    assert isinstance(plugged.create("generator", "flat", Settings()), FlatGenerator)


def test_a_plugin_with_no_priority_is_used_only_when_named():
    plugged = _registry_with(_plugin_module(priority=None))
    assert plugged.default("generator", Settings()).name == "layout"
    assert "flat" in plugged.names("generator")


def test_the_studio_renders_and_records_through_a_plugin(isolated_home):
    plugged = _registry_with(_plugin_module(priority=None))
    with Studio(registry=plugged) as studio:
        made = studio.generate("a red ball", generator="flat", seed=3)
        assert made.generator == "flat" and made.settings["flat"] == 1
        assert studio.show(made.image_id).generator == "flat"
        assert studio.lineage.run(made.run_id)["status"] == "succeeded"


def test_the_registry_is_built_without_importing_torch():
    import subprocess

    code = "import sys; from limner.plugins import registry; registry().names('generator'); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
