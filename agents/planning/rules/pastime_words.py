"""Word tables for pastimes: meals, gatherings and games that are what people do, not things. Plain data.

'a family having a picnic', 'a couple having dinner', 'two men playing chess': after 'having' or 'eating'
a meal, and after 'playing' a game, the noun names what the doers do (activities.py), not a thing drawn.
Words are singular; 'cards' and the games written with 'and' are kept as said.
"""

from __future__ import annotations

# Meals: had or eaten ('having lunch', 'eating breakfast').
MEAL_NOUNS = frozenset(
    {"picnic", "dinner", "lunch", "breakfast", "brunch", "supper", "tea", "meal", "feast", "barbecue", "bbq",
     "cookout", "snack", "dessert", "banquet", "tea party", "dinner party", "lunch break", "coffee break"}
)  # fmt: skip
# Other things had that are done, not drawn: 'having a party', 'having a conversation', 'having a nap'.
HAD_ACTS = frozenset(
    {"party", "conversation", "chat", "discussion", "argument", "debate", "fight", "quarrel", "meeting",
     "bath", "shower", "nap", "rest", "break", "snowball fight", "pillow fight", "water fight", "food fight",
     "sword fight", "dance", "race", "tantrum", "celebration", "sleepover", "photo shoot", "photoshoot",
     "good time", "great time", "blast", "laugh", "singalong", "jam session"}
)  # fmt: skip
# Games played: 'playing chess', 'kids playing tag'.
GAME_NOUNS = frozenset(
    {"soccer", "football", "chess", "tennis", "cards", "basketball", "baseball", "volleyball", "golf", "hockey",
     "cricket", "rugby", "badminton", "ping pong", "table tennis", "squash", "polo", "lacrosse", "softball",
     "checkers", "draughts", "poker", "bridge", "dominoes", "mahjong", "backgammon", "billiards", "pool",
     "snooker", "darts", "bowling", "tag", "catch", "hopscotch", "hide and seek", "hide-and-seek",
     "leapfrog", "tug of war", "video games", "video game", "board games", "board game", "a game",
     "game", "games", "charades", "bingo", "croquet", "handball", "dodgeball", "water polo", "marbles"}
)  # fmt: skip

# The verbs of each: had ('having', 'has'), eaten, played; each with its '-ing' form, how the action says it.
HAVING_VERBS = {"having": "having", "has": "having", "have": "having", "had": "having", "enjoying": "enjoying",
                "enjoys": "enjoying", "enjoy": "enjoying", "enjoyed": "enjoying"}  # fmt: skip
EATING_VERBS = {"eating": "eating", "eats": "eating", "eat": "eating", "ate": "eating"}
PLAYING_VERBS = {"playing": "playing", "plays": "playing", "play": "playing", "played": "playing"}

# Words after the pastime that say how it is done, and go with it: 'having tea together', 'playing chess alone'.
PASTIME_ADVERBS = frozenset({"together", "outside", "outdoors", "indoors", "alone", "again"})
