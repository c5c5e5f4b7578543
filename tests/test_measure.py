"""Measuring images with Pillow alone: colour names and shares, light, warmth and where the mass sits."""

from __future__ import annotations

import pytest
from limner.agents.looking.measure import (
    BASIC_COLORS,
    Measurements,
    aspect,
    basic_terms,
    brightness,
    color_share,
    colors_in,
    contrast,
    mass_center,
    measure,
    name_color,
    warmth,
)
from limner.generators.colors import NAMED_COLORS
from PIL import Image, ImageDraw

from limner.errors import InvalidRequest

BALL = (0.125, 0.6875, 0.25, 0.25)


def blue_sky_scene() -> Image.Image:
    """Blue sky over 59.4% of the height, white ground below, a red square (6.25%) low on the left."""
    image = Image.new("RGB", (512, 512), (40, 110, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 304, 511, 511), fill=(245, 245, 245))
    draw.rectangle((64, 352, 191, 479), fill=(210, 30, 30))
    return image


@pytest.mark.parametrize(
    ("rgb", "expected"),
    [
        ((255, 0, 0), "red"),
        ((0, 255, 0), "green"),
        ((0, 0, 255), "blue"),
        ((255, 255, 0), "yellow"),
        ((255, 140, 0), "orange"),
        ((128, 0, 128), "purple"),
        ((255, 192, 203), "pink"),
        ((139, 69, 19), "brown"),
        ((0, 0, 0), "black"),
        ((255, 255, 255), "white"),
        ((128, 128, 128), "gray"),
        ((135, 206, 235), "blue"),  # sky blue
        ((0, 0, 128), "blue"),  # navy
        ((128, 0, 0), "red"),  # maroon
        ((34, 139, 34), "green"),  # forest green
        ((255, 215, 0), "yellow"),  # gold
        ((75, 0, 130), "purple"),  # indigo
        ((255, 20, 147), "pink"),  # deep pink
        ((169, 169, 169), "gray"),  # dark gray (CSS's, which is lighter than gray)
        ((40, 40, 40), "black"),
        ((230, 230, 235), "white"),
        ((210, 180, 140), "brown"),  # tan
        ((150, 20, 20), "red"),  # a red in shadow is still red
    ],
)
def test_name_color_gives_the_basic_term_people_use(rgb, expected):
    assert name_color(rgb) == expected


def test_every_named_colour_is_named_with_one_of_its_own_basic_terms():
    for word, rgb in NAMED_COLORS.items():
        assert name_color(rgb) in basic_terms(word), word
    assert {name_color(rgb) for rgb in NAMED_COLORS.values()} <= set(BASIC_COLORS)


def test_shade_words_map_to_basic_terms_and_unknown_words_are_refused():
    assert basic_terms("crimson") == ("red",)
    assert basic_terms("navy") == ("blue",)
    assert basic_terms("golden")[0] == "yellow"
    assert basic_terms("Dark-Red") == ("red",)
    assert set(basic_terms("light teal")) == {"blue", "green"}
    assert basic_terms("grey") == ("gray",)
    with pytest.raises(ValueError, match="not a colour word"):
        basic_terms("iridescent")
    with pytest.raises(InvalidRequest, match="crimson"):  # the message lists the words that work
        color_share(Image.new("RGB", (8, 8)), "plaid")


def test_colors_in_reports_names_with_their_share_of_the_pixels_largest_first():
    assert colors_in(blue_sky_scene()) == [("blue", 0.59375), ("white", 0.34375), ("red", 0.0625)]
    assert colors_in(blue_sky_scene(), top=1) == [("blue", 0.59375)]


def test_colors_in_a_box_measures_only_that_region():
    assert colors_in(blue_sky_scene(), BALL) == [("red", 1.0)]
    assert color_share(blue_sky_scene(), "crimson", BALL) == 1.0
    assert color_share(blue_sky_scene(), "red", (0.0, 0.5, 0.5, 0.5)) == 0.25  # a quarter of that quarter
    assert color_share(blue_sky_scene(), "navy", (0, 0, 1, 0.5)) == pytest.approx(1.0)
    assert color_share(blue_sky_scene(), "green") == 0.0
    with pytest.raises(InvalidRequest, match="box"):
        colors_in(blue_sky_scene(), (0.5, 0.5, 0, 0.2))


def test_shades_of_one_colour_merge_into_one_name():
    image = Image.new("RGB", (100, 100))
    draw = ImageDraw.Draw(image)
    for i, shade in enumerate([(220, 30, 30), (180, 20, 25), (240, 60, 50), (140, 10, 15)]):
        draw.rectangle((i * 25, 0, i * 25 + 24, 99), fill=shade)
    assert colors_in(image) == [("red", 1.0)]


def test_brightness_and_contrast_run_from_zero_to_one():
    black, white = Image.new("RGB", (64, 64), "black"), Image.new("RGB", (64, 64), "white")
    half = Image.new("RGB", (64, 64), "black")
    half.paste(white.crop((0, 0, 32, 64)), (0, 0))
    assert brightness(black) == 0.0 and brightness(white) == 1.0
    assert brightness(half) == pytest.approx(0.5, abs=0.01)
    assert brightness(half, (0, 0, 0.5, 1)) == 1.0
    assert contrast(white) == 0.0
    assert contrast(half) == pytest.approx(1.0, abs=0.02)


def test_warmth_is_positive_for_reds_and_yellows_negative_for_blues_and_zero_for_grays():
    assert warmth(Image.new("RGB", (16, 16), (255, 120, 0))) > 0.9
    assert warmth(Image.new("RGB", (16, 16), (40, 110, 220))) < -0.6
    assert warmth(Image.new("RGB", (16, 16), (128, 128, 128))) == 0.0


def test_mass_center_finds_what_stands_out_from_the_background():
    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((40, 20, 119, 59), fill=(20, 20, 160))  # centre at (80, 40) of 400x200
    x, y = mass_center(image)
    assert x == pytest.approx(0.2, abs=0.02) and y == pytest.approx(0.2, abs=0.03)
    assert mass_center(Image.new("RGB", (50, 80), "teal")) == (0.5, 0.5)
    assert aspect(image) == 2.0


def test_measure_bundles_everything_and_describes_it_in_one_honest_sentence():
    measured = measure(blue_sky_scene())
    assert isinstance(measured, Measurements)
    assert (measured.width, measured.height) == (512, 512)
    assert measured.colors[0][0] == "blue" and measured.warmth < -0.05
    assert measured.describe() == (
        "Mostly blue (59%) and white (34%), with some red (6%); mid-toned, high contrast, cool; "
        "the visual mass sits low."
    )
    assert measured.as_dict()["colors"][0] == ["blue", 0.594]


def test_a_uniform_image_is_described_without_inventing_a_subject():
    text = measure(Image.new("RGB", (64, 64), (250, 250, 250))).describe()
    assert text == (
        "Almost entirely white (100%); bright, low contrast, neutral in temperature; "
        "nothing stands out from the background."
    )


def test_transparent_pixels_measure_as_white():
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    assert colors_in(image) == [("white", 1.0)]
