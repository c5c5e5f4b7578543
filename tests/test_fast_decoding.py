"""Fast decoding: a family's tiny decoder (TAESD) found in the Hub cache, used on CPU unless asked otherwise.

Real tiny diffusers models (tests/tiny_models.py): a tiny Stable Diffusion pipeline, and a tiny
AutoencoderTiny laid out in the Hub cache as `limner models pull` leaves madebyollin/taesd.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageChops

pytest.importorskip("diffusers")

from limner.agents import Studio  # noqa: E402
from limner.agents.workflow.requests import GenerateRequest, RefineRequest  # noqa: E402
from limner.generators import RenderSpec  # noqa: E402
from limner.generators.decoders import TINY_DECODERS, describe_decoder, uses_tiny  # noqa: E402
from limner.generators.diffusion import DiffusersGenerator  # noqa: E402
from limner.generators.models import ModelCatalog  # noqa: E402
from limner.lineage import read_provenance  # noqa: E402
from tiny_models import build_tiny_sd, build_tiny_taesd, install_in_hub_cache  # noqa: E402

from limner.errors import InvalidRequest, ModelNotAvailable  # noqa: E402
from limner.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def tiny_sd(tmp_path_factory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("models") / "tiny-sd")


@pytest.fixture(scope="session")
def tiny_taesd(tmp_path_factory) -> Path:
    return build_tiny_taesd(tmp_path_factory.mktemp("models") / "tiny-taesd")


@pytest.fixture
def catalog(isolated_home: Path, tiny_sd: Path) -> ModelCatalog:
    catalog = ModelCatalog.for_settings(Settings())
    catalog.add("tiny", tiny_sd)  # SD 1.x-shaped: the sd1 family, whose tiny decoder is madebyollin/taesd
    return catalog


@pytest.fixture
def with_taesd(catalog: ModelCatalog, tiny_taesd: Path) -> ModelCatalog:
    """The catalog with madebyollin/taesd in its Hub cache, as `limner models pull` leaves it."""
    install_in_hub_cache(tiny_taesd, catalog.hub_cache, "madebyollin/taesd", commit="cd" * 20)
    return catalog


def spec(**overrides) -> RenderSpec:
    return RenderSpec(**{"prompt": "a red apple", "width": 64, "height": 48, "seed": 3, "model": "tiny",
                         "steps": 2, **overrides})  # fmt: skip


def same_pixels(a, b) -> bool:
    return ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def test_each_family_has_its_tiny_decoder_and_the_cache_lookup_finds_it(catalog: ModelCatalog, tiny_taesd: Path):
    assert TINY_DECODERS["sd1"] == TINY_DECODERS["sd-turbo"] == "madebyollin/taesd"
    assert TINY_DECODERS["sdxl"] == "madebyollin/taesdxl" and TINY_DECODERS["flux-schnell"] == "madebyollin/taef1"
    assert catalog.tiny_decoder("sd1") is None  # nothing pulled yet
    snapshot = install_in_hub_cache(tiny_taesd, catalog.hub_cache, "madebyollin/taesd", commit="cd" * 20)
    found = catalog.tiny_decoder("sd-turbo")
    assert found is not None and found.source == "madebyollin/taesd" and found.path == snapshot and not found.forced
    assert catalog.tiny_decoder("sdxl") is None and catalog.tiny_decoder("unknown") is None
    # `pull`'s second step, offline: the Hub client answers from the cache it has just filled
    assert catalog.pull_tiny_decoder("sd1") == found
    assert "tiny" in {e.name for e in catalog.list()} and "madebyollin/taesd" not in {e.name for e in catalog.list()}


def test_cpu_renders_decode_with_the_tiny_decoder_unless_full_quality_is_asked(with_taesd: ModelCatalog):
    generator = DiffusersGenerator(with_taesd, device="cpu", dtype="float32")
    fast = generator.render(spec())
    assert fast.image.size == (64, 48)
    assert (fast.settings["decoder"], fast.settings["tiny_vae"]) == ("tiny", "madebyollin/taesd")
    loaded = generator.preload("tiny")
    assert type(loaded.text_to_image.vae).__name__ == "AutoencoderKL"  # the full VAE is put back after
    full = generator.render(spec(quality="full"))
    assert (full.settings["decoder"], full.settings["tiny_vae"]) == ("full", None)
    assert not same_pixels(fast.image, full.image)  # a different decoder of the same latents
    assert same_pixels(fast.image, generator.render(spec(quality="fast")).image)
    # the full decoder gives exactly what a machine without a tiny decoder renders
    plain = DiffusersGenerator(ModelCatalog(with_taesd.registry_file), device="cpu", dtype="float32").render(spec())
    assert plain.settings["decoder"] == "full" and same_pixels(plain.image, full.image)
    image_to_image = generator.render(spec(init_image=fast.image, strength=0.5))
    assert image_to_image.settings["decoder"] == "tiny" and image_to_image.image.size == (64, 48)
    assert generator.cache.loads == 1


def test_without_a_tiny_decoder_renders_are_full_and_fast_says_how_to_fetch_one(catalog: ModelCatalog):
    generator = DiffusersGenerator(catalog, device="cpu", dtype="float32")
    assert generator.render(spec()).settings["decoder"] == "full"
    with pytest.raises(ModelNotAvailable, match="limner models pull madebyollin/taesd"):
        generator.render(spec(quality="fast"))


def test_gpus_decode_fully_by_default_and_limner_tiny_vae_still_wins(catalog: ModelCatalog, tiny_taesd: Path):
    cached = install_in_hub_cache(tiny_taesd, catalog.hub_cache, "madebyollin/taesd", commit="cd" * 20)
    found = catalog.tiny_decoder("sd1")
    assert uses_tiny(None, device="cpu", tiny=found, family="sd1")
    assert not uses_tiny(None, device="cuda", tiny=found, family="sd1")
    assert uses_tiny("fast", device="cuda", tiny=found, family="sd1")
    assert not uses_tiny("full", device="cpu", tiny=found, family="sd1")
    assert "quality='fast'" in describe_decoder("sd1", device="cuda", tiny=found)
    # LIMNER_TINY_VAE names a folder: it is used instead of the cached one, by default on every device
    settings = Settings(device="cpu", dtype="float32", model="tiny", tiny_vae=tiny_taesd)
    forced = catalog.tiny_decoder("sd1", override=settings.tiny_vae)
    assert forced.forced and forced.path == tiny_taesd and forced.path != cached
    assert uses_tiny(None, device="cuda", tiny=forced, family="sd1")
    generator = DiffusersGenerator.from_settings(settings)
    assert generator.render(spec(model=None)).settings["tiny_vae"] == str(tiny_taesd)
    assert generator.render(spec(model=None, quality="full")).settings["decoder"] == "full"


def test_the_tools_take_quality_and_the_choice_is_recorded_with_the_image(with_taesd, isolated_home: Path):
    assert GenerateRequest.parse({"description": "a pear", "quality": "full"}).quality == "full"
    assert RefineRequest.parse({"image_id": "abcd", "instruction": "bluer", "quality": "fast"}).quality == "fast"
    with pytest.raises(InvalidRequest, match="quality"):
        GenerateRequest.parse({"description": "a pear", "quality": "best"})
    with Studio(isolated_home) as studio:
        fast = studio.generate("a red apple", generator="diffusers", model="tiny", width=64, height=64, seed=1)
        full = studio.generate("a red apple", generator="diffusers", model="tiny", width=64, height=64, seed=1,
                               quality="full")  # fmt: skip
        child = studio.refine(fast.image_id, "make it blue", quality="full")
        assert studio.lineage.image(fast.image_id).settings["decoder"] == "tiny"
        assert studio.lineage.run(full.run_id)["request"]["quality"] == "full"
    assert fast.settings["decoder"] == "tiny" and full.settings["decoder"] == "full"
    assert child.settings["decoder"] == "full"
    assert read_provenance(fast.path).limner["settings"]["tiny_vae"] == "madebyollin/taesd"


def test_doctor_names_each_models_decoder(with_taesd: ModelCatalog, tiny_sd: Path):
    from limner.server.doctor import diagnose

    with_taesd.add("other", tiny_sd, family="sdxl")  # no TAESDXL here
    report = diagnose(Settings(device="cpu", dtype="float32"))
    assert "tiny [sd1; decoder: tiny madebyollin/taesd (default on cpu" in report["models"]
    assert "other [sdxl; decoder: full VAE (tiny madebyollin/taesdxl not here" in report["models"]
    assert "limner models pull madebyollin/taesdxl" in report["hint"]
