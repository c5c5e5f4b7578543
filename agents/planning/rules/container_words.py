"""Words for what a container holds, for the rules planner's grammar (containers.py)."""

from __future__ import annotations

# Verbs that act on what a container holds, not on the container: 'eating a bowl of noodles' eats the
# noodles, 'pouring a glass of wine' pours the wine. 'holding', 'carrying', 'filling' act on the container.
CONTENTS_VERBS = frozenset(
    {"eating", "drinking", "sipping", "pouring", "stirring", "slurping", "gulping", "devouring", "tasting",
     "munching", "nibbling", "spilling", "eats", "drinks", "sips", "pours", "stirs", "slurps", "devours"}
)  # fmt: skip

# Containers whose contents lie on them rather than in them: cookies on a plate, books on a shelf.
SURFACE_CONTAINERS = frozenset(
    {"plate", "tray", "platter", "saucer", "shelf", "board", "cutting board", "baking sheet", "cookie sheet",
     "sheet pan", "cake stand"}
)  # fmt: skip

# Plural containers the planner keeps whole when alone ('glasses' to see with): before 'of' ('two
# glasses of wine') and beside a drink ('a bottle of wine and two glasses') they are the container.
PLURAL_CONTAINERS = {"glasses": "glass"}

# Drinks and the vessels they are poured from: next to them, 'glasses' are drinking glasses.
DRINKS = frozenset(
    {"wine", "red wine", "white wine", "champagne", "prosecco", "beer", "ale", "cider", "whiskey", "whisky",
     "scotch", "bourbon", "rum", "vodka", "gin", "brandy", "cognac", "sherry", "liquor", "sake", "cocktail",
     "martini", "water", "milk", "juice", "orange juice", "lemonade", "soda", "iced tea", "tea", "coffee",
     "drink", "punch", "bottle", "wine bottle", "jug", "pitcher", "decanter", "carafe"}
)  # fmt: skip
