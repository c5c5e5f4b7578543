"""The layout generator: the planned composition drawn with Pillow, the same pixels for the same seed."""

from __future__ import annotations

import pytest
from limner.generators import RenderItem, RenderSpec
from limner.generators.colors import NAMED_COLORS
from limner.generators.layout import LayoutGenerator
from PIL import ImageChops, ImageStat

from limner.errors import UnknownBackend
from limner.plugins import registry
from limner.settings import Settings


def spec(**overrides) -> RenderSpec:
    fields = dict(
        prompt="a red ball left of a blue box at dusk",
        width=512,
        height=384,
        seed=11,
        time_of_day="dusk",
        items=(
            RenderItem("ball", 1, "red", (0.05, 0.4, 0.3, 0.3)),
            RenderItem("box", 1, "blue", (0.6, 0.4, 0.3, 0.3)),
        ),
    )
    fields.update(overrides)
    return RenderSpec(**fields)


def near(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def test_layout_is_registered():
    assert "layout" in registry().names("generator")
    assert isinstance(registry().create("generator", "layout", Settings()), LayoutGenerator)
    with pytest.raises(UnknownBackend, match="available: .*layout"):
        registry().create("generator", "no-such-renderer", Settings())


def test_same_spec_and_seed_give_identical_pixels():
    a = LayoutGenerator().render(spec()).image
    b = LayoutGenerator().render(spec()).image
    assert ImageChops.difference(a, b).getbbox() is None


def test_the_seed_changes_the_image():
    a = LayoutGenerator().render(spec(seed=1)).image
    b = LayoutGenerator().render(spec(seed=2)).image
    assert ImageChops.difference(a, b).getbbox() is not None


@pytest.mark.parametrize("size", [(64, 64), (512, 512), (1024, 576), (2048, 2048), (72, 2048)])
def test_any_size_within_the_limits(size):
    image = LayoutGenerator().render(spec(width=size[0], height=size[1])).image
    assert image.size == size and image.mode == "RGB"


def test_objects_are_painted_in_their_colour_inside_their_box():
    image = LayoutGenerator().render(spec()).image
    # Sample off-centre, away from the label drawn across the middle of each form.
    assert near(image.getpixel((int(0.2 * 512), int(0.47 * 384))), NAMED_COLORS["red"])
    assert near(image.getpixel((int(0.75 * 512), int(0.47 * 384))), NAMED_COLORS["blue"])


def test_night_is_darker_than_noon():
    def brightness(time_of_day):
        image = LayoutGenerator().render(spec(time_of_day=time_of_day, items=())).image.convert("L")
        return ImageStat.Stat(image).mean[0]

    assert brightness("night") < brightness("noon") - 60


def test_items_without_boxes_are_still_drawn():
    items = (RenderItem("lighthouse", 1, "white"), RenderItem("boat", 2, "red"))
    image = LayoutGenerator().render(spec(items=items, time_of_day="night")).image
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}
    assert any(near(c, NAMED_COLORS["red"], 10) for c in colours)
    assert any(near(c, NAMED_COLORS["white"], 10) for c in colours)


@pytest.mark.parametrize("style", ["watercolor", "pencil sketch", "pixel art", "oil painting", "photo", None])
def test_every_style_renders(style):
    assert LayoutGenerator().render(spec(style=style)).image.size == (512, 384)


def test_a_material_without_a_colour_paints_the_material():
    from limner.generators.colors import MATERIAL_COLORS

    items = (RenderItem("table", 1, None, (0.1, 0.5, 0.8, 0.4), material="wood"),)
    image = LayoutGenerator().render(spec(items=items)).image
    assert near(image.getpixel((int(0.2 * 512), int(0.6 * 384))), MATERIAL_COLORS["wood"])
