"""Attention layout control over real tiny pipelines (SD- and SDXL-shaped), loaded through `from_pretrained`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageChops

pytest.importorskip("diffusers")

from limner.agents import Studio  # noqa: E402
from limner.generators import RenderItem, RenderSpec  # noqa: E402
from limner.generators.diffusion import DiffusersGenerator  # noqa: E402
from limner.generators.models import ModelCatalog  # noqa: E402
from limner.generators.region_control import (  # noqa: E402
    AttentionShare,
    region_attention,
    regions_for,
    resolve_layout_control,
    tokenizers_of,
)
from limner.lineage import read_provenance  # noqa: E402
from tiny_models import build_tiny_sd, build_tiny_sdxl  # noqa: E402

from limner.errors import InvalidRequest  # noqa: E402
from limner.settings import Settings  # noqa: E402

PROMPT = "a red ball left of a blue box, watercolor"
BALL = RenderItem("ball", color="red", box=(0.0, 0.0, 0.5, 1.0))
BOX = RenderItem("box", color="blue", box=(0.55, 0.25, 0.45, 0.5))


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("layout-models")
    return {"tiny": build_tiny_sd(folder / "tiny-sd"), "tiny-xl": build_tiny_sdxl(folder / "tiny-sdxl")}


@pytest.fixture
def generator(isolated_home: Path, tiny_models: dict[str, Path]) -> DiffusersGenerator:
    catalog = ModelCatalog.for_settings(Settings())
    for name, folder in tiny_models.items():
        catalog.add(name, folder)
    return DiffusersGenerator(catalog, device="cpu", dtype="float32")


def spec(**overrides) -> RenderSpec:
    fields = dict(prompt=PROMPT, width=64, height=64, seed=3, model="tiny", steps=2, items=(BALL, BOX))
    fields.update(overrides)
    return RenderSpec(**fields)


def same_pixels(a, b) -> bool:
    return ImageChops.difference(a, b).getbbox() is None


def inside_share(pipe, *, strength: float, guidance: float) -> float:
    """How much of the ball's and box's token attention lands inside their boxes over a whole render."""
    import torch

    probe = AttentionShare()
    with torch.inference_mode(), region_attention(pipe, PROMPT, (BALL, BOX), strength=strength, probe=probe):
        pipe(PROMPT, num_inference_steps=2, guidance_scale=guidance, width=64, height=64,
             generator=torch.Generator("cpu").manual_seed(1))  # fmt: skip
    assert probe.total > 0
    return probe.share


@pytest.mark.parametrize("model", ["tiny", "tiny-xl"])
def test_an_objects_words_attend_inside_its_box_with_attention_and_not_without(generator, model):
    pipe = generator.preload(model).text_to_image
    before = dict(pipe.unet.attn_processors)
    # strength 0 is the model's own attention (`none`), measured by the same probe
    uncontrolled = inside_share(pipe, strength=0.0, guidance=5.0)
    controlled = inside_share(pipe, strength=1.0, guidance=5.0)
    assert controlled > 0.75 and uncontrolled < 0.5, (controlled, uncontrolled)
    # put back: the very processors the UNet had, self-attention never replaced
    assert pipe.unet.attn_processors == before


def test_each_item_binds_its_own_words_with_the_pipelines_tokenizer(generator):
    pipe = generator.preload("tiny").text_to_image
    tokenizer = pipe.tokenizer
    prompt = "two apples beside a red ball and a blue ball"
    items = (RenderItem("apple", count=2, box=(0, 0, 0.3, 0.3)), RenderItem("ball", color="red", box=(0.4, 0, 0.2, 0.2)),
             RenderItem("ball", color="blue", box=(0.7, 0, 0.2, 0.2)), RenderItem("cat"))  # fmt: skip
    apples, red_ball, blue_ball = regions_for(tokenizers_of(pipe), prompt, items)  # the unboxed cat binds nothing

    def words(region) -> str:
        ids = tokenizer(prompt).input_ids
        return tokenizer.decode([ids[k] for k in sorted(region.tokens)])

    assert (words(apples), words(red_ball), words(blue_ball)) == ("apples", "red ball", "blue ball")
    assert len(tokenizers_of(generator.preload("tiny-xl").text_to_image)) == 2


def test_attention_is_the_default_for_two_boxed_objects_and_renders_reproducibly(generator):
    controlled = generator.render(spec())
    assert controlled.settings["layout_control"] == "attention"
    assert same_pixels(controlled.image, generator.render(spec()).image)  # same seed, same image
    plain = generator.render(spec(layout_control="none"))
    assert plain.settings["layout_control"] == "none" and not same_pixels(controlled.image, plain.image)
    one_box = generator.render(spec(items=(BALL, RenderItem("box"))))
    assert one_box.settings["layout_control"] == "none" and same_pixels(one_box.image, plain.image)


def test_sdxl_renders_with_attention_control_reproducibly(generator):
    first = generator.render(spec(model="tiny-xl", guidance=5.0))
    assert first.settings["pipeline"] == "StableDiffusionXLPipeline" and first.settings["layout_control"] == "attention"
    assert same_pixels(first.image, generator.render(spec(model="tiny-xl", guidance=5.0)).image)
    plain = generator.render(spec(model="tiny-xl", guidance=5.0, layout_control="none"))
    assert not same_pixels(first.image, plain.image)


def test_image_to_image_takes_attention_control_too(generator):
    start = generator.render(spec(layout_control="none")).image
    edited = generator.render(spec(init_image=start, strength=0.9, layout_control="attention"))
    assert edited.settings["layout_control"] == "attention"
    assert edited.settings["pipeline"] == "StableDiffusionImg2ImgPipeline"


def test_the_default_rule_and_what_is_refused():
    boxed = (BALL, BOX)
    assert resolve_layout_control(None, boxed, "sd-turbo") == "attention"
    assert resolve_layout_control(None, boxed, "sdxl") == "attention"
    assert resolve_layout_control(None, boxed, "flux") == "none"
    assert resolve_layout_control(None, (BALL,), "sd1") == "none"
    assert resolve_layout_control("init", boxed, "flux") == "init"
    with pytest.raises(InvalidRequest, match="SD 1.x/2.x and SDXL"):
        resolve_layout_control("attention", boxed, "flux-schnell")


def test_the_studio_records_the_choice_in_settings_and_parameters(generator, isolated_home):
    with Studio(isolated_home) as studio:
        studio._generators["diffusers"] = generator
        made = studio.generate("a red ball left of a blue box", generator="diffusers", model="tiny",
                               width=64, height=64, seed=2, layout_control="attention")  # fmt: skip
        assert made.settings["layout_control"] == "attention"
        assert "Layout control: attention" in read_provenance(made.path).parameters
        drawn = studio.generate("a red ball left of a blue box", generator="layout", width=64, height=64)
        assert drawn.settings["layout_control"] == "none"
        with pytest.raises(InvalidRequest, match="no attention layout control"):
            studio.generate("a red ball", generator="layout", layout_control="attention")
