"""Words of names written as tags (tag_names.py): the marks a number follows, the endings of web addresses, and
image-board tags that name no thing (style_items.py)."""

from __future__ import annotations

# Abbreviations of 'number' that a figure follows: 'nr. 1 2', 'vol. 3', 'Chanel No. 5'.
NUMBER_MARKS = frozenset({"no", "nr", "nos", "num", "vol", "ch", "pt", "ep", "fig"})
# The endings of web addresses, which follow a dot: 'ldlc. com'.
WEB_ENDINGS = frozenset({"com", "net", "org", "io", "co", "tv", "gg"})
# Image-board tags that say how a character is drawn, and stock-photo tags for room left in the picture:
# never a thing in it. A list item of one of these is a style ('1girl, solo, looking at viewer', 'copy space').
BOARD_TAGS = frozenset(
    {"solo", "solo focus", "looking at viewer", "facing viewer", "absurdres", "highres", "lowres", "simple background",
     "upper body", "cowboy shot", "official art", "game cg", "copy space", "copyspace", "space for text",
     "free space for text", "with copy space"}
)  # fmt: skip
