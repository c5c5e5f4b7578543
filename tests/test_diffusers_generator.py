"""The diffusers generator over real pipelines at tiny sizes, loaded through `from_pretrained`."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops

pytest.importorskip("diffusers")

from limner.agents import Studio  # noqa: E402
from limner.agents.scene.edit_region import edited_boxes  # noqa: E402
from limner.generators import Generator, RenderControl, RenderSpec  # noqa: E402
from limner.generators.diffusion import DiffusersGenerator, LoadOptions  # noqa: E402
from limner.generators.masks import region_mask  # noqa: E402
from limner.generators.models import ModelCatalog  # noqa: E402
from limner.lineage import read_provenance  # noqa: E402
from tiny_models import build_tiny_sd, install_in_hub_cache  # noqa: E402

from limner.errors import Cancelled, InvalidRequest, ModelNotAvailable  # noqa: E402
from limner.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def tiny_sd(tmp_path_factory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("models") / "tiny-sd")


@pytest.fixture(scope="session")
def other_tiny_sd(tmp_path_factory) -> Path:
    return build_tiny_sd(tmp_path_factory.mktemp("models") / "tiny-sd-b", seed=1)


@pytest.fixture
def catalog(isolated_home: Path, tiny_sd: Path) -> ModelCatalog:
    catalog = ModelCatalog.for_settings(Settings())  # the test's data folder and Hub cache, from the environment
    assert catalog.registry_file == isolated_home / "models.json"
    catalog.add("tiny", tiny_sd)
    return catalog


@pytest.fixture
def generator(catalog: ModelCatalog) -> DiffusersGenerator:
    return DiffusersGenerator(catalog, device="cpu", dtype="float32")


def spec(**overrides) -> RenderSpec:
    fields = dict(prompt="a red apple", width=64, height=64, seed=3, model="tiny", steps=2)
    fields.update(overrides)
    return RenderSpec(**fields)


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def test_text_to_image_renders_the_requested_size_and_records_how(generator: DiffusersGenerator):
    rendered = generator.render(spec(width=96, height=64, guidance=0.0))
    assert rendered.image.size == (96, 64) and rendered.image.mode == "RGB"
    settings = rendered.settings
    assert settings["model"] == "tiny" and settings["pipeline"] == "StableDiffusionPipeline"
    assert settings["scheduler"] == "EulerDiscreteScheduler" and settings["sampler"] == "Euler"
    assert (settings["device"], settings["dtype"]) == ("cpu", "float32")
    assert (settings["steps"], settings["guidance"], settings["seed"]) == (2, 0.0, 3)
    assert settings["strength"] is None and len(settings["model_fingerprint"]) == 16


def test_the_same_seed_gives_the_same_image_and_another_seed_another(generator: DiffusersGenerator):
    first = generator.render(spec(seed=5)).image
    assert same_pixels(first, generator.render(spec(seed=5)).image)
    assert not same_pixels(first, generator.render(spec(seed=6)).image)


def test_a_second_call_loads_nothing(generator: DiffusersGenerator):
    generator.render(spec())
    generator.render(spec(prompt="a blue boat", seed=9))
    assert (generator.cache.loads, generator.cache.hits) == (1, 1)


def test_image_to_image_shares_the_weights_and_records_the_strength(generator: DiffusersGenerator):
    init = Image.new("RGB", (64, 64), (200, 30, 30))
    rendered = generator.render(spec(init_image=init, strength=0.5, steps=4))
    loaded = next(iter(generator.cache._loaded.values()))
    assert loaded.image_to_image().unet is loaded.text_to_image.unet
    assert rendered.settings["pipeline"] == "StableDiffusionImg2ImgPipeline"
    assert rendered.settings["strength"] == 0.5
    assert generator.cache.loads == 1


def test_least_recently_used_models_are_evicted_past_the_budget(catalog, other_tiny_sd):
    catalog.add("tiny-b", other_tiny_sd)
    generator = DiffusersGenerator(catalog, device="cpu", dtype="float32")
    generator.render(spec(model="tiny"))
    one_model = generator.cache.loaded_bytes
    generator.cache.budget_bytes = int(one_model * 1.5)  # room for one tiny model, not two
    generator.render(spec(model="tiny-b"))
    assert generator.cache.loaded_names() == ["tiny-b"] and generator.cache.evictions == 1
    generator.render(spec(model="tiny"))
    assert generator.cache.loads == 3 and generator.cache.loaded_names() == ["tiny"]


def test_progress_is_reported_for_every_denoising_step(generator: DiffusersGenerator):
    steps: list[tuple[int, int]] = []
    generator.render(spec(steps=3), RenderControl(on_step=lambda done, total: steps.append((done, total))))
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancelling_stops_at_the_next_step(generator: DiffusersGenerator):
    cancel = threading.Event()
    seen: list[int] = []

    def on_step(done: int, total: int) -> None:
        seen.append(done)
        if done == 1:
            cancel.set()

    with pytest.raises(Cancelled):
        generator.render(spec(steps=6), RenderControl(on_step=on_step, cancel=cancel))
    assert seen == [0, 1]


@pytest.mark.parametrize("sampler, scheduler", [("Euler a", "EulerAncestralDiscreteScheduler"), ("DPM++ 2M", "DPMSolverMultistepScheduler"), ("DDIM", "DDIMScheduler")])
def test_samplers_are_chosen_by_their_a1111_names(generator: DiffusersGenerator, sampler, scheduler):
    rendered = generator.render(spec(sampler=sampler))
    assert rendered.settings["scheduler"] == scheduler and rendered.settings["sampler"] == sampler


def test_a_sampler_is_chosen_for_one_render_only(generator: DiffusersGenerator, catalog: ModelCatalog):
    init = Image.new("RGB", (64, 64), (200, 30, 30))
    assert generator.render(spec(sampler="DDIM")).settings["scheduler"] == "DDIMScheduler"
    assert generator.render(spec(sampler="DPM++ 2M", init_image=init, strength=0.5, steps=4)).settings[
        "scheduler"
    ] == "DPMSolverMultistepScheduler"  # image-to-image shares the text-to-image pipeline's scheduler
    after = generator.render(spec())
    fresh = DiffusersGenerator(catalog, device="cpu", dtype="float32").render(spec())
    assert (after.settings["scheduler"], after.settings["sampler"]) == ("EulerDiscreteScheduler", "Euler")
    assert after.settings == fresh.settings
    assert same_pixels(after.image, fresh.image)
    img2img_after = generator.render(spec(init_image=init, strength=0.5, steps=4))
    assert img2img_after.settings["scheduler"] == "EulerDiscreteScheduler"
    assert generator.cache.loads == 1


def test_settings_configure_the_generator(tiny_sd: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch):
    ModelCatalog.for_settings(Settings()).add("tiny", tiny_sd)
    monkeypatch.setenv("LIMNER_MODEL", "tiny")
    monkeypatch.setenv("LIMNER_MEMORY_BUDGET_GB", "2")
    monkeypatch.setenv("LIMNER_COMPILE", "false")
    settings = Settings(device="cpu", dtype="float32")  # the environment is read here, and only here
    monkeypatch.setenv("LIMNER_MODEL", "something-else")  # too late: the generator reads only its settings
    generator = DiffusersGenerator.from_settings(settings)
    assert isinstance(generator, Generator) and generator.supports_preload and generator.supports_image_to_image
    assert generator.default_model == "tiny" and generator.cache.budget_bytes == 2 * 2**30
    assert generator.options == LoadOptions() and generator.catalog.hub_cache == settings.hub_cache
    settings_used = generator.render(spec(model=None)).settings
    assert (settings_used["model"], settings_used["device"], settings_used["dtype"]) == ("tiny", "cpu", "float32")


def test_an_unknown_sampler_names_the_known_ones(generator: DiffusersGenerator):
    with pytest.raises(InvalidRequest, match="euler a"):
        generator.render(spec(sampler="warp drive"))


def test_a_missing_model_names_the_pull_command(generator: DiffusersGenerator):
    with pytest.raises(ModelNotAvailable, match="limner models pull stabilityai/sd-turbo"):
        generator.render(spec(model="stabilityai/sd-turbo"))
    with pytest.raises(ModelNotAvailable, match="limner models add"):
        generator.render(spec(model="no-such-name"))


def test_models_are_found_by_folder_and_in_the_hub_cache(catalog: ModelCatalog, tiny_sd: Path, isolated_home):
    by_folder = catalog.resolve(str(tiny_sd))
    assert by_folder.origin == "folder" and by_folder.pipeline == "StableDiffusionPipeline"
    install_in_hub_cache(tiny_sd, catalog.hub_cache, "limner-test/tiny-sd-turbo", commit="ab" * 20)
    cached = catalog.resolve("limner-test/tiny-sd-turbo")
    assert cached.origin == "hub-cache" and cached.revision == "ab" * 20 and cached.family == "sd-turbo"
    listed = {e.name: e for e in catalog.list()}
    assert {"tiny", "limner-test/tiny-sd-turbo"} <= set(listed)
    assert listed["tiny"].size_bytes > 100_000
    assert DiffusersGenerator(catalog, device="cpu", dtype="float32").render(
        spec(model="limner-test/tiny-sd-turbo")
    ).settings["model_revision"] == "ab" * 20


def test_families_are_told_apart(tmp_path: Path, tiny_sd: Path):
    from limner.generators.models import FAMILY_DEFAULTS, detect_family

    sd2 = build_tiny_sd(tmp_path / "sd2-like", cross_attention_dim=1024)
    assert detect_family(tiny_sd, "StableDiffusionPipeline", "tiny") == "sd1"
    assert detect_family(sd2, "StableDiffusionPipeline", "stabilityai/stable-diffusion-2-1") == "sd2"
    assert detect_family(sd2, "StableDiffusionPipeline", "stabilityai/sd-turbo") == "sd-turbo"
    assert detect_family(tiny_sd, "StableDiffusionXLPipeline", "stabilityai/sdxl-turbo") == "sdxl-turbo"
    assert detect_family(tiny_sd, "FluxPipeline", "black-forest-labs/FLUX.1-schnell") == "flux-schnell"
    assert FAMILY_DEFAULTS["sd-turbo"].steps == 1 and FAMILY_DEFAULTS["sd-turbo"].guidance == 0
    assert FAMILY_DEFAULTS["sd1"].steps == 25 and FAMILY_DEFAULTS["sd1"].guidance == 7


def test_registering_a_folder_that_is_not_a_model_says_so(catalog: ModelCatalog, tmp_path: Path):
    with pytest.raises(InvalidRequest, match="no model_index.json"):
        catalog.add("empty", tmp_path)
    with pytest.raises(InvalidRequest, match="model name"):
        catalog.add("bad name!", tmp_path)


def test_the_studio_prefers_diffusers_once_a_model_is_on_the_machine(isolated_home: Path, tiny_sd: Path):
    with Studio(isolated_home) as studio:
        assert studio.default_generator().name == "layout"
        ModelCatalog(isolated_home / "models.json").add("tiny", tiny_sd)
        choice = studio.default_generator()
        assert choice.name == "diffusers" and "tiny" in choice.reason


def test_studio_records_every_setting_in_lineage_and_the_file(catalog, isolated_home: Path):
    with Studio(isolated_home) as studio:
        made = studio.generate("a red apple on a table", generator="diffusers", model="tiny", width=64, height=64, seed=4)
        record = studio.lineage.image(made.image_id)
        for key in ("model", "model_revision", "pipeline", "scheduler", "dtype", "device", "steps", "guidance", "seed"):
            assert key in record.settings
        parameters = read_provenance(made.path).parameters
        assert "Seed: 4" in parameters and "Model: tiny" in parameters and "Sampler: Euler" in parameters
        assert studio.lineage.run(made.run_id)["status"] == "succeeded"


def test_a_cancelled_generation_is_recorded_as_cancelled_with_no_image(catalog, isolated_home: Path):
    cancel = threading.Event()
    with Studio(isolated_home) as studio:

        def progress(done: float, total: float, message: str) -> None:
            if message.startswith("step 1/"):
                cancel.set()

        with pytest.raises(Cancelled):
            studio.generate(
                "a cat", generator="diffusers", model="tiny", width=64, height=64, progress=progress, cancel=cancel
            )
        runs = list(studio.lineage.db["runs"].rows)
        assert [r["status"] for r in runs] == ["cancelled"]
        assert studio.lineage.count_images() == 0


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.mark.anyio
async def test_the_mcp_tool_renders_with_a_named_model_and_reports_each_step(catalog, isolated_home: Path):
    from limner.server.app import build_server
    from mcp import Client
    from mcp_helpers import assert_image_result

    messages: list[str] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        messages.append(message or "")

    with Studio(isolated_home) as studio:
        async with Client(build_server(studio)) as client:
            result = await client.call_tool(
                "generate",
                {"description": "a red apple", "generator": "diffusers", "model": "tiny", "width": 64, "height": 64},
                progress_callback=on_progress,
            )
            data = assert_image_result(result)
            missing = await client.call_tool("generate", {"description": "a cat", "model": "org/not-pulled"})
    assert data["generator"] == "diffusers" and data["settings"]["model"] == "tiny"
    # the tiny model is SD 1.x-shaped, so it runs that family's 25 steps by default
    assert [m for m in messages if m.startswith("step")] == [f"step {k}/25" for k in range(26)]
    assert missing.is_error and "limner models pull org/not-pulled" in missing.content[0].text


def test_the_cli_registers_lists_and_generates_with_a_model(isolated_home: Path, tiny_sd: Path):
    import json

    from conftest import run_limner

    def limner(*args: str):
        return run_limner(*args, home=isolated_home)

    assert "layout (no diffusers model" in limner("doctor").stdout
    added = limner("models", "add", "tiny", str(tiny_sd))
    assert added.returncode == 0 and "family sd1" in added.stdout
    assert limner("models", "list").stdout.split()[0] == "tiny"
    made = json.loads(limner("generate", "a red apple", "--model", "tiny", "--width", "64", "--height", "64", "--json").stdout)
    assert made["generator"] == "diffusers" and made["settings"]["pipeline"] == "StableDiffusionPipeline"
    doctor = limner("doctor").stdout
    assert "diffusers (diffusers model tiny is on this machine)" in doctor and "device" in doctor
    failed = limner("models", "add", "again", str(isolated_home))
    assert failed.returncode == 2 and "no model_index.json" in failed.stderr


def test_the_init_layout_control_starts_from_the_drawn_layout_and_keeps_it_as_parent(catalog, isolated_home):
    with Studio(isolated_home) as studio:
        made = studio.generate(
            "a red ball left of a blue box", generator="diffusers", model="tiny", width=64, height=64, seed=2,
            layout_control="init",
        )
        layout = studio.show(made.init_image_id)
        assert layout.generator == "layout" and layout.children == [{"image_id": made.image_id, "relation": "init"}]
        shown = studio.show(made.image_id)
        assert (shown.parent_id, shown.relation) == (layout.image_id, "init")
        assert made.settings["strength"] == 0.8 and made.settings["init_image_id"] == layout.image_id
        assert made.settings["pipeline"] == "StableDiffusionImg2ImgPipeline"
        assert read_provenance(made.path).limner["parent_id"] == layout.image_id
        assert "Denoising strength: 0.8" in read_provenance(made.path).parameters
        assert made.settings["layout_control"] == "init" and "Layout control: init" in read_provenance(made.path).parameters


def test_any_stored_image_can_be_the_start_of_another(catalog, isolated_home):
    with Studio(isolated_home) as studio:
        first = studio.generate("a cat", generator="diffusers", model="tiny", width=64, height=64)
        second = studio.generate(
            "a cat, oil painting", generator="diffusers", model="tiny", width=64, height=64,
            init_image=first.image_id[:6], strength=0.5,
        )
        assert second.init_image_id == first.image_id and second.settings["strength"] == 0.5
        with pytest.raises(InvalidRequest, match="strength"):
            studio.generate("a cat", generator="diffusers", model="tiny", init_image=first.image_id, strength=1.5)
        with pytest.raises(InvalidRequest, match="not both"):
            studio.generate("a cat", init_image=first.image_id, layout_control="init")
        with pytest.raises(InvalidRequest, match="the layout generator cannot start from an image"):
            studio.generate("a cat", generator="layout", init_image=first.image_id)


def test_preloading_in_the_background_leaves_the_first_generate_warm(catalog, isolated_home):
    with Studio(isolated_home) as studio:
        studio.preload("tiny").join(timeout=60)
        backend = studio.generator("diffusers")
        assert backend.cache.loads == 1
        studio.generate("a cat", generator="diffusers", model="tiny", width=64, height=64)
        assert (backend.cache.loads, backend.cache.hits) == (1, 1)


def test_a_failed_preload_is_reported_by_the_first_generate(catalog, isolated_home):
    with Studio(isolated_home) as studio:
        studio.preload("org/never-pulled").join(timeout=60)
        with pytest.raises(ModelNotAvailable, match="limner models pull org/never-pulled"):
            studio.generate("a cat", generator="diffusers", model="org/never-pulled")


def test_inpainting_shares_the_weights_and_repaints_inside_the_mask(generator: DiffusersGenerator):
    init = Image.new("RGB", (64, 64), (200, 30, 30))
    mask = Image.new("L", (64, 64), 0)
    mask.paste(255, (16, 16, 48, 48))
    generator.preload("tiny")
    loaded = next(iter(generator.cache._loaded.values()))
    encodes = []
    hook = loaded.full_vae.encoder.register_forward_hook(lambda *_: encodes.append(1))
    try:
        rendered = generator.render(spec(init_image=init, strength=0.9, steps=4, mask=mask))
    finally:
        hook.remove()
    assert len(encodes) == 1, "the parent is encoded once; the masked picture, which this UNet never reads, is not"
    assert loaded.inpainting().unet is loaded.text_to_image.unet and loaded.inpainting().vae is loaded.text_to_image.vae
    assert rendered.settings["pipeline"] == "StableDiffusionInpaintPipeline"
    assert generator.cache.loads == 1, "nothing loaded twice"


def test_an_object_edit_repaints_only_where_the_object_is_with_its_own_model(catalog, isolated_home):
    with Studio(isolated_home) as studio:
        parent = studio.generate("a red car left of a tree", generator="diffusers", model="tiny", width=64, height=64)
        child = studio.refine(parent.image_id, "make the car blue")
        assert child.mode == "masked edit" and child.init_image_id == parent.image_id and 0 < child.masked < 1
        assert child.generator == "diffusers" and child.settings["model"] == "tiny"
        assert child.settings["strength"] == 0.85 and child.settings["pipeline"] == "StableDiffusionInpaintPipeline"
        assert studio.show(child.image_id).relation == "refine"
        mask = np.asarray(region_mask(edited_boxes(parent.scene, child.scene, child.diff), 64, 64))
        before = np.asarray(Image.open(parent.path).convert("RGB")).astype(int)
        after = np.asarray(Image.open(child.path).convert("RGB")).astype(int)
        changed = np.abs(before - after).sum(axis=-1) > 0
        assert not changed[mask == 0].any(), "every pixel outside the mask is the parent's"
        assert changed[mask == 255].mean() > 0.5, "inside it, the picture was repainted"
        whole = studio.refine(child.image_id, "as an oil painting")
        assert whole.mode == "fresh render" and whole.settings["pipeline"] == "StableDiffusionPipeline"


@pytest.mark.anyio
async def test_a_client_cancelling_the_tool_call_stops_the_render_and_records_it(catalog, isolated_home: Path):
    import time

    import anyio
    from limner.server.app import build_server
    from mcp import Client

    steps_seen = anyio.Event()

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        if (message or "").startswith("step 2/"):
            steps_seen.set()

    with Studio(isolated_home) as studio:
        async with Client(build_server(studio)) as client:
            with anyio.move_on_after(60):
                async with anyio.create_task_group() as tasks:

                    async def call() -> None:
                        await client.call_tool(
                            "generate",
                            {
                                # 150 steps: far more than the cancellation needs to arrive
                                "scene": {"intent": "a cat", "prompt": "a cat", "steps": 150, "width": 64, "height": 64},
                                "generator": "diffusers",
                                "model": "tiny",
                            },
                            progress_callback=on_progress,
                        )

                    tasks.start_soon(call)
                    await steps_seen.wait()
                    tasks.cancel_scope.cancel()  # the client gives up on the request
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            runs = list(studio.lineage.db["runs"].rows)
            if runs and runs[0]["status"] != "running":
                break
            await anyio.sleep(0.05)
        assert [r["status"] for r in runs] == ["cancelled"]
        assert studio.lineage.count_images() == 0


def test_an_sdxl_model_inpaints_on_its_own_weights_too(isolated_home: Path, tmp_path: Path):
    from tiny_models import build_tiny_sdxl

    catalog = ModelCatalog.for_settings(Settings())
    catalog.add("tiny-xl", build_tiny_sdxl(tmp_path / "tiny-sdxl"))
    generator = DiffusersGenerator(catalog, device="cpu", dtype="float32")
    init = Image.new("RGB", (64, 64), (200, 30, 30))
    mask = Image.new("L", (64, 64), 0)
    mask.paste(255, (16, 16, 48, 48))
    rendered = generator.render(spec(model="tiny-xl", init_image=init, strength=0.9, steps=4, mask=mask))
    loaded = next(iter(generator.cache._loaded.values()))
    assert rendered.settings["pipeline"] == "StableDiffusionXLInpaintPipeline"
    assert loaded.inpainting().unet is loaded.text_to_image.unet, "nothing loaded twice"
