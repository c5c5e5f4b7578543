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
# Games whose worlds are drawn in a look of their own: 'a castle in Minecraft' is a castle drawn as the game
# draws it, not a castle inside a thing called 'minecraft' (named_styles.py).
GAME_WORLDS = frozenset(
    {"minecraft", "roblox", "terraria", "fortnite", "animal crossing", "stardew valley", "the sims", "sims",
     "gta", "gta v", "gta 5", "grand theft auto", "second life", "skyrim", "fallout", "zelda", "mario kart",
     "super mario 64", "red dead redemption", "world of warcraft", "league of legends", "genshin impact",
     "elden ring", "dark souls", "overwatch", "no man's sky", "cyberpunk 2077", "the legend of zelda"}
)  # fmt: skip
