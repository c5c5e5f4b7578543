"""Words for cutting runs of nouns (runs.py): nouns that name a shade when a colour word follows them."""

from __future__ import annotations

# Nouns that, before a colour word, name a shade of it ('wine red', 'ocean blue', 'army green'): a colour
# after one of them is no new thing of a keyword run. Colour modifiers (vocabulary.COLOR_MODIFIERS) and
# colour nouns are such words too.
SHADE_NOUNS = frozenset(
    {"wine", "ocean", "ice", "rose", "salmon", "coffee", "chocolate", "sand", "steel", "gun", "pearl",
     "ash", "slate", "wheat", "moss", "plum", "berry", "peacock", "smoke", "bubblegum", "candy", "apple",
     "army", "hunter", "kelly", "tomato", "lipstick", "racing", "petrol", "cobalt", "egg", "eggshell",
     "bone", "mustard", "sunflower", "canary", "denim", "cornflower", "tiffany", "ink", "stone", "dove",
     "pine", "sage", "grass", "leaf", "blush", "flamingo", "grape", "rust", "burnt", "honey", "caramel",
     "cream", "milk", "butter", "lemon", "banana", "mango", "tangerine", "pumpkin", "clay", "earth",
     "storm", "cloud", "fog", "ghost", "shadow", "oxblood", "sea", "sky", "water", "jungle", "mint",
     "electric", "neon", "cyber", "cherry", "strawberry", "raspberry", "blueberry", "lilac",
     "orchid", "fuchsia", "magenta", "champagne", "sapphire", "ruby", "emerald", "jade", "amethyst",
     "turquoise", "teal", "aqua", "baby", "royal", "navy", "midnight", "forest", "olive", "lime", "blood",
     "brick", "powder", "dusty", "hot", "jet", "snow", "fire", "bottle", "copper", "bronze", "gold",
     "silver", "platinum", "charcoal", "graphite", "carbon", "cement", "concrete", "metal", "chrome"}
)  # fmt: skip
