"""Body parts a pose description names only as a height or as the stance of the whole body.

A part after some phrases is no part singled out to be drawn: "right hand level with their knee" says how
high the hand is (like "at knee level", which the pose reader already reads as a measure), and "standing on
both feet" says the stance of the whole body, where "standing on the left leg" singles the leg out. The
words stay in the state phrase of the clause's part ("held level with their shoulder"), so nothing said is
lost; the part is not made a thing of its own.
"""

from __future__ import annotations

from limner.agents.planning.rules.poses_words import DETERMINERS

# Words right before a part that make it a height: 'level with their shoulder', 'even with the hip'.
HEIGHT_WORDS = frozenset({("level", "with"), ("even", "with")})
# Verbs of standing, after which 'on both feet' is the plain stance: 'stands on both feet'.
STANDING_VERBS = frozenset({"stand", "stands", "standing", "stood"})
BOTH_FEET = ["both", "feet"]


def only_a_reference(said: list[str], written: list[str]) -> bool:
    """Whether a part written as `written`, after the clause words `said`, names no thing to draw: a
    height ('level with their knee') or the stance of the whole body ('standing on both feet')."""
    before = [w for w in said if w not in DETERMINERS and w != "'s"]
    if tuple(before[-2:]) in HEIGHT_WORDS:
        return True
    return len(before) >= 2 and before[-1] == "on" and before[-2] in STANDING_VERBS and written == BOTH_FEET
