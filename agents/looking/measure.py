"""What an image can be measured to be, without a model: its colours, brightness, contrast, warmth and mass.

Everything here is Pillow alone and works on a small copy of the image (at most 128 px on the long side),
so a measurement takes milliseconds whatever the image's size. Colours are named with the eleven basic
colour terms people agree on (red, orange, yellow, green, blue, purple, pink, brown, black, white, gray),
by nearest neighbour in OKLab, a colour space where equal distances look equally different. Shade words
(crimson, navy, teal ...) are accepted in questions and answered with the basic terms they belong to.

These numbers say nothing about what is in the picture; the palette captioner says so in its captions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

from limner.agents.scene.geometry import Box, box_problem, pixel_box
from limner.generators.colors import NAMED_COLORS
from PIL import Image, ImageChops, ImageStat

from limner.errors import InvalidRequest

RGB = tuple[int, int, int]

BASIC_COLORS: tuple[str, ...] = (
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "pink",
    "brown",
    "black",
    "white",
    "gray",
)

# Each colour word and the basic terms its pixels may be named with, the usual one first. Words between two
# basic terms (teal: blue or green) accept both, so "is it teal?" is not answered "no" for blue-green pixels.
COLOR_TERMS: dict[str, tuple[str, ...]] = {
    **{basic: (basic,) for basic in BASIC_COLORS},
    "grey": ("gray",),
    "gold": ("yellow", "orange"),
    "golden": ("yellow", "orange"),
    "silver": ("gray", "white"),
    "beige": ("white", "brown"),
    "cream": ("white", "yellow"),
    "tan": ("brown", "orange"),
    "turquoise": ("blue", "green"),
    "teal": ("blue", "green"),
    "cyan": ("blue", "green"),
    "navy": ("blue",),
    "maroon": ("red", "brown"),
    "crimson": ("red",),
    "scarlet": ("red", "orange"),
    "magenta": ("pink", "purple"),
    "violet": ("purple",),
    "lavender": ("purple", "pink"),
    "indigo": ("purple", "blue"),
    "olive": ("green", "brown", "yellow"),
    "lime": ("green", "yellow"),
    "emerald": ("green",),
    "amber": ("orange", "yellow"),
    "ivory": ("white",),
    "bronze": ("orange", "brown"),
    "copper": ("orange", "brown"),
    "rust": ("orange", "red", "brown"),
    "khaki": ("brown", "green"),
    "coral": ("orange", "pink", "red"),
    "peach": ("orange", "pink"),
    "mint": ("green",),
}

# Words that shade a colour ("dark red") without changing which basic term it belongs to.
_SHADE_MODIFIERS = frozenset({"light", "dark", "pale", "deep", "bright", "pastel", "vivid", "muted", "dull"})

# Reference colours beyond the named ones, for the regions one reference per term covers badly: pure
# screen primaries (sRGB blue sits near violet even in OKLab), dark and light variants, and skin-like tones.
_EXTRA_REFERENCES: tuple[tuple[str, RGB], ...] = (
    ("blue", (0, 0, 255)),
    ("blue", (0, 60, 200)),
    ("blue", (65, 105, 225)),
    ("blue", (135, 190, 235)),
    ("blue", (180, 215, 245)),
    ("blue", (20, 40, 70)),
    ("green", (0, 255, 0)),
    ("green", (0, 100, 0)),
    ("green", (20, 60, 30)),
    ("green", (150, 220, 150)),
    ("green", (90, 130, 60)),
    ("red", (255, 0, 0)),
    ("red", (150, 20, 20)),
    ("red", (90, 10, 15)),
    ("yellow", (255, 255, 0)),
    ("yellow", (190, 165, 30)),
    ("yellow", (250, 240, 150)),
    ("orange", (200, 90, 10)),
    ("orange", (255, 165, 0)),
    ("pink", (255, 0, 255)),
    ("pink", (250, 200, 215)),
    ("pink", (200, 100, 130)),
    ("purple", (70, 30, 90)),
    ("purple", (40, 15, 60)),
    ("purple", (160, 120, 190)),
    ("brown", (75, 45, 25)),
    ("brown", (110, 80, 55)),
    ("brown", (165, 120, 80)),
    ("gray", (70, 70, 70)),
    ("gray", (100, 102, 108)),
    ("gray", (165, 165, 165)),
    ("white", (255, 255, 255)),
    ("black", (0, 0, 0)),
)

THUMBNAIL_SIDE = 128  # long side of the copy measurements are taken from
_LEVELS_BITS = 4  # colours are counted on a 16x16x16 grid before naming: at most 4,096 names to look up
MIN_SHARE = 0.005  # colours under half a percent of the pixels are not reported
_SALIENCE_FLOOR = 12  # colour differences (0..255) below this are texture and noise, not a subject
_CHROMA_WEIGHT = 2.0  # hue and chroma count for more than lightness: shading should not rename a colour


# Colour names ---------------------------------------------------------------------------------------------


def name_color(rgb: RGB) -> str:
    """The basic colour term (one of BASIC_COLORS) perceptually nearest to an (r, g, b) colour."""
    r, g, b = (min(255, max(0, int(c))) for c in rgb)
    return _nearest_term(r, g, b)


def basic_terms(color: str) -> tuple[str, ...]:
    """The basic terms a colour word is answered with: 'crimson' -> ('red',), 'dark teal' -> ('blue', 'green').

    Raises InvalidRequest (a ValueError) for a word that is not a colour.
    """
    words = color.lower().replace("-", " ").split()
    while len(words) > 1 and words[0] in _SHADE_MODIFIERS:
        words = words[1:]
    word = " ".join(words)
    if word in COLOR_TERMS:
        return COLOR_TERMS[word]
    known = ", ".join(sorted(COLOR_TERMS))
    raise InvalidRequest(f"{color!r} is not a colour word this measures; use one of: {known}")


@lru_cache(maxsize=4096)
def _nearest_term(r: int, g: int, b: int) -> str:
    lightness, a, bb = _oklab(r, g, b)
    best, best_distance = "gray", float("inf")
    for term, (ref_l, ref_a, ref_b) in _references():
        distance = (lightness - ref_l) ** 2 + _CHROMA_WEIGHT * ((a - ref_a) ** 2 + (bb - ref_b) ** 2)
        if distance < best_distance:
            best, best_distance = term, distance
    return best


@lru_cache(maxsize=1)
def _references() -> tuple[tuple[str, tuple[float, float, float]], ...]:
    named = [(COLOR_TERMS[word][0], rgb) for word, rgb in NAMED_COLORS.items() if word in COLOR_TERMS]
    return tuple((term, _oklab(*rgb)) for term, rgb in (*named, *_EXTRA_REFERENCES))


def _oklab(r: int, g: int, b: int) -> tuple[float, float, float]:
    """OKLab (Björn Ottosson, 2020) of an sRGB colour: lightness 0..1 and two opponent axes."""
    red, green, blue = (_linear(c / 255) for c in (r, g, b))
    long = (0.4122214708 * red + 0.5363325363 * green + 0.0514459929 * blue) ** (1 / 3)
    medium = (0.2119034982 * red + 0.6806995451 * green + 0.1073969566 * blue) ** (1 / 3)
    short = (0.0883024619 * red + 0.2817188376 * green + 0.6299787005 * blue) ** (1 / 3)
    return (
        0.2104542553 * long + 0.7936177850 * medium - 0.0040720468 * short,
        1.9779984951 * long - 2.4285922050 * medium + 0.4505937099 * short,
        0.0259040371 * long + 0.7827717662 * medium - 0.8086757660 * short,
    )


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


# Measurements of a region -----------------------------------------------------------------------------------


def colors_in(image: Image.Image, box: Box | None = None, *, top: int = 5) -> list[tuple[str, float]]:
    """The `top` colour names in `box` (normalized [x, y, w, h]; None: the whole image) with their share of its
    pixels (0..1), largest first."""
    return _colors(_thumbnail(_region(image, box)), top=top)


def color_share(image: Image.Image, color: str, box: Box | None = None) -> float:
    """The share (0..1) of the pixels in `box` named with one of `color`'s basic terms ('navy' counts blue)."""
    terms = basic_terms(color)
    return sum(share for name, share in _colors(_thumbnail(_region(image, box)), top=None) if name in terms)


def brightness(image: Image.Image, box: Box | None = None) -> float:
    """Mean luma, 0 (black) .. 1 (white)."""
    return _brightness(_thumbnail(_region(image, box)))


def contrast(image: Image.Image, box: Box | None = None) -> float:
    """Standard deviation of luma, scaled so that half black, half white is 1."""
    return _contrast(_thumbnail(_region(image, box)))


def warmth(image: Image.Image) -> float:
    """-1 (all blue) .. +1 (all red, orange or yellow): the mean of red minus blue. Grays and greens are 0."""
    return _warmth(_thumbnail(image))


def mass_center(image: Image.Image) -> tuple[float, float]:
    """Normalized (x, y) of where the visual mass sits: pixels weighted by how far their colour is from the
    image's median colour (its background, for most pictures). A uniform image gives the centre."""
    return _mass(_thumbnail(image))[0]


def aspect(image: Image.Image) -> float:
    """Width over height."""
    return image.width / image.height


# Everything at once -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measurements:
    colors: list[tuple[str, float]]  # basic colour names with their share of the pixels, largest first
    brightness: float  # 0..1
    contrast: float  # 0..1
    warmth: float  # -1 cool .. +1 warm
    mass_center: tuple[float, float]  # normalized x, y
    width: int
    height: int
    salience: float = 0.0  # 0..1: how far, on average, pixels stand out from the median colour

    def describe(self) -> str:
        """One honest sentence: the colours, the light, and where the mass of the picture sits."""
        return f"{describe_colors(self.colors)}; {self._tone()}; {self._mass()}."

    def as_dict(self) -> dict:
        """Plain JSON-ready values, rounded to what the numbers are worth."""
        data = asdict(self)
        data["colors"] = [[name, round(share, 3)] for name, share in self.colors]
        data["mass_center"] = [round(v, 3) for v in self.mass_center]
        for key in ("brightness", "contrast", "warmth", "salience"):
            data[key] = round(data[key], 3)
        return data

    def _tone(self) -> str:
        light = _first_below(self.brightness, ((0.25, "dark"), (0.45, "dim"), (0.62, "mid-toned")), "bright")
        spread = _first_below(self.contrast, ((0.15, "low contrast"), (0.32, "moderate contrast")), "high contrast")
        temperature = _first_below(self.warmth, ((-0.05, "cool"), (0.05, "neutral in temperature")), "warm")
        return f"{light}, {spread}, {temperature}"

    def _mass(self) -> str:
        if self.salience < 0.02:
            return "nothing stands out from the background"
        return f"the visual mass sits {place_words(self.mass_center)}"


def measure(image: Image.Image) -> Measurements:
    """All measurements of `image`, from one small copy."""
    small = _thumbnail(image)
    center, salience = _mass(small)
    return Measurements(
        colors=_colors(small, top=6),
        brightness=_brightness(small),
        contrast=_contrast(small),
        warmth=_warmth(small),
        mass_center=center,
        width=image.width,
        height=image.height,
        salience=salience,
    )


def describe_colors(colors: list[tuple[str, float]]) -> str:
    """'Mostly blue (41%) and white (22%), with some red (9%)'; colours under 5% are left out."""
    main = [(n, s) for n, s in colors if s >= 0.15]
    some = [(n, s) for n, s in colors if 0.05 <= s < 0.15]
    if main and main[0][1] >= 0.9:  # what is left is under 10%, so nothing else can be "mostly"
        text = f"Almost entirely {_percent(main[0])}"
    elif main:
        text = f"Mostly {_joined(main)}"
    elif some:
        return f"A mix of many colours, none over 15%: {_joined(some)}"
    else:
        return "A mix of many colours, none over 5%"
    return f"{text}, with some {_joined(some)}" if some else text


def place_words(point: tuple[float, float]) -> str:
    """'left of centre and low', 'high', 'in the centre' for a normalized (x, y)."""
    x, y = point
    across = "left of centre" if x < 0.42 else "right of centre" if x > 0.58 else ""
    down = "high" if y < 0.42 else "low" if y > 0.58 else ""
    if across and down:
        return f"{across} and {down}"
    return across or down or "in the centre"


def _first_below(value: float, steps: tuple[tuple[float, str], ...], otherwise: str) -> str:
    """The word of the first step whose limit `value` is under, else `otherwise`."""
    return next((word for limit, word in steps if value < limit), otherwise)


def _percent(item: tuple[str, float]) -> str:
    return f"{item[0]} ({round(item[1] * 100)}%)"


def _joined(items: list[tuple[str, float]]) -> str:
    words = [_percent(item) for item in items]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


# The work, on a thumbnail ----------------------------------------------------------------------------------


def _thumbnail(image: Image.Image) -> Image.Image:
    """An RGB copy at most THUMBNAIL_SIDE on the long side; transparency shows as white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    small = image if image.mode == "RGB" else image.convert("RGB")
    if max(small.size) > THUMBNAIL_SIDE:
        scale = THUMBNAIL_SIDE / max(small.size)
        size = (max(1, round(small.width * scale)), max(1, round(small.height * scale)))
        # `reducing_gap` lets Pillow shrink by whole factors first: much faster on big images, same result.
        small = small.resize(size, Image.Resampling.BOX, reducing_gap=2.0)
    return small


def _region(image: Image.Image, box: Box | None) -> Image.Image:
    """The part of `image` inside a normalized box, cut from the full image so small boxes keep their detail."""
    if box is None:
        return image
    if len(box) != 4:
        raise InvalidRequest(f"box {list(box)} must be [x, y, w, h]")
    problem = box_problem(box, whole=False)
    if problem:
        raise InvalidRequest(problem)
    return image.crop(pixel_box(box, image.width, image.height))


def _colors(small: Image.Image, *, top: int | None) -> list[tuple[str, float]]:
    shift = 8 - _LEVELS_BITS
    half_step = 1 << (shift - 1)
    # Snap each channel to the centre of its grid cell, so few distinct colours remain to be named.
    snapped = small.point([((v >> shift) << shift) + half_step for v in range(256)] * 3)
    counts: dict[str, int] = {}
    for count, (r, g, b) in snapped.getcolors(maxcolors=1 << (3 * _LEVELS_BITS)):
        name = _nearest_term(r, g, b)
        counts[name] = counts.get(name, 0) + count
    total = small.width * small.height
    shares = sorted(((name, count / total) for name, count in counts.items()), key=lambda item: -item[1])
    shares = [(name, share) for name, share in shares if share >= MIN_SHARE]
    return shares if top is None else shares[:top]


def _brightness(small: Image.Image) -> float:
    return ImageStat.Stat(small.convert("L")).mean[0] / 255


def _contrast(small: Image.Image) -> float:
    return min(1.0, ImageStat.Stat(small.convert("L")).stddev[0] / 127.5)


def _warmth(small: Image.Image) -> float:
    red, _, blue = ImageStat.Stat(small).mean
    return (red - blue) / 255


def _mass(small: Image.Image) -> tuple[tuple[float, float], float]:
    """The salience-weighted centre and the mean salience (0..1)."""
    median = tuple(ImageStat.Stat(small).median)
    difference = ImageChops.difference(small, Image.new("RGB", small.size, median))
    # The largest channel difference, less a floor so faint texture and gradients do not pull the centre.
    r, g, b = difference.split()
    salience = ImageChops.lighter(ImageChops.lighter(r, g), b).point([max(0, v - _SALIENCE_FLOOR) for v in range(256)])
    mean = ImageStat.Stat(salience).mean[0] / 255
    if mean * 255 < 0.05:
        return (0.5, 0.5), mean
    # Box-resizing to one row (and one column) gives the mean of every column (and row), computed in C.
    weights = salience.convert("F")  # floats, so faint columns do not round to zero
    row = weights.resize((weights.width, 1), Image.Resampling.BOX)
    column = weights.resize((1, weights.height), Image.Resampling.BOX)
    columns = [row.getpixel((x, 0)) for x in range(row.width)]
    rows = [column.getpixel((0, y)) for y in range(column.height)]
    return (_weighted_position(columns), _weighted_position(rows)), mean


def _weighted_position(weights: list[float]) -> float:
    total = sum(weights)
    if total <= 0:
        return 0.5
    # Pixel i covers [i, i + 1): its centre is at i + 0.5.
    return sum((i + 0.5) * w for i, w in enumerate(weights)) / (total * len(weights))
