"""Named colours: the words the planner recognises and the RGB the layout renderer paints them with."""

from __future__ import annotations

# Basic colour terms first (the ones people and benchmarks use most), then common shades.
NAMED_COLORS: dict[str, tuple[int, int, int]] = {
    "red": (214, 39, 40),
    "orange": (255, 127, 14),
    "yellow": (240, 210, 40),
    "green": (44, 160, 44),
    "blue": (31, 119, 220),
    "purple": (128, 60, 170),
    "pink": (240, 120, 180),
    "brown": (140, 86, 50),
    "black": (20, 20, 20),
    "white": (245, 245, 245),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "gold": (212, 175, 55),
    "golden": (212, 175, 55),
    "silver": (192, 192, 200),
    "beige": (225, 210, 180),
    "cream": (250, 240, 210),
    "tan": (210, 180, 140),
    "turquoise": (64, 224, 208),
    "teal": (0, 128, 128),
    "cyan": (0, 200, 220),
    "navy": (20, 30, 100),
    "maroon": (128, 0, 0),
    "crimson": (200, 20, 60),
    "scarlet": (255, 36, 0),
    "magenta": (220, 0, 180),
    "violet": (143, 0, 255),
    "lavender": (181, 126, 220),
    "indigo": (75, 0, 130),
    "olive": (128, 128, 0),
    "lime": (150, 220, 40),
    "emerald": (80, 200, 120),
    "amber": (255, 191, 0),
    "ivory": (255, 255, 240),
    "bronze": (205, 127, 50),
    "copper": (184, 115, 51),
    "rust": (183, 65, 14),
    "khaki": (195, 176, 145),
    "coral": (255, 127, 80),
    "peach": (255, 200, 160),
    "mint": (170, 240, 200),
}

# What a material looks like, for objects that name a material but no colour.
MATERIAL_COLORS: dict[str, tuple[int, int, int]] = {
    "wood": (150, 105, 60),
    "glass": (190, 225, 235),
    "metal": (165, 170, 178),
    "steel": (160, 165, 172),
    "iron": (95, 95, 100),
    "stone": (140, 138, 130),
    "marble": (232, 230, 225),
    "brick": (165, 75, 55),
    "concrete": (170, 170, 165),
    "leather": (110, 70, 40),
    "paper": (240, 236, 225),
    "plastic": (90, 160, 210),
    "ceramic": (235, 230, 220),
    "clay": (180, 110, 80),
    "wool": (225, 215, 200),
    "gold": (212, 175, 55),
    "silver": (192, 192, 200),
    "copper": (184, 115, 51),
    "bronze": (205, 127, 50),
    "ice": (210, 235, 245),
}

# Colours for objects that have none of their own: distinct, medium-bright, readable under white labels.
FALLBACK_COLORS: tuple[tuple[int, int, int], ...] = (
    (76, 114, 176),
    (221, 132, 82),
    (85, 168, 104),
    (196, 78, 82),
    (129, 114, 179),
    (147, 120, 96),
    (218, 139, 195),
    (140, 140, 140),
)


def rgb(name: str | None) -> tuple[int, int, int] | None:
    """The RGB of a colour name ("light blue" and "dark red" included), or None when it is not a known colour."""
    if not name:
        return None
    words = name.lower().replace("-", " ").split()
    if not words or words[-1] not in NAMED_COLORS:
        return None
    r, g, b = NAMED_COLORS[words[-1]]
    for modifier in words[:-1]:
        if modifier in ("light", "pale", "pastel"):
            r, g, b = (c + (255 - c) // 2 for c in (r, g, b))
        elif modifier in ("dark", "deep"):
            r, g, b = (c * 3 // 5 for c in (r, g, b))
        elif modifier == "bright":
            r, g, b = (min(255, c * 6 // 5) for c in (r, g, b))
    return (r, g, b)
