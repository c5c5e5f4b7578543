"""Word tables for portraits: where a person's gaze goes and how they hold themselves. Plain data.

'a woman looking at the camera', 'a man staring into the lens': the camera and the viewer of a portrait
are no things in the picture; the phrase says where the gaze goes, so it is a state of the one looking,
like 'in the air' (attribute_words.PHRASE_STATES takes these in).
"""

from __future__ import annotations

# What a portrait's subject looks at that is not in the picture: the camera taking it, the one seeing it.
_LOOKED_AT = ("the camera", "camera", "the camera lens", "the lens", "the viewer", "the viewers", "the spectator")
_TOWARD = ("at", "into", "toward", "towards", "straight at", "straight into", "directly at", "directly into")
GAZE_PHRASES = frozenset(f"{toward} {looked_at}" for toward in _TOWARD for looked_at in _LOOKED_AT)

# How a body or two are held, written after the one held so: 'sitting cross-legged', 'two cats face to face'.
# After a verb they make one action with it ('walking hand in hand': acted_states.py).
BEARING_PHRASES = frozenset(
    {"hand in hand", "side by side", "back to back", "face to face", "face-to-face", "nose to nose", "cheek to cheek", "arm in arm", "shoulder to shoulder",
     "cross-legged", "cross legged", "a thumbs up", "a thumbs-up", "thumbs up", "thumbs-up", "a peace sign",
     "on all fours", "on tiptoe", "on tiptoes", "on one knee", "on his knees", "on her knees",
     "on their knees"}
)  # fmt: skip

# Nouns a face wears, which say how the one wearing it feels, not a thing: 'with a worried look', 'with a
# smile'. Each to the state it says by itself ('smiling'), or None when only its describing words say one.
EXPRESSION_NOUNS: dict[str, str | None] = {
    "look": None, "expression": None, "face": None, "smile": "smiling", "grin": "grinning",
    "frown": "frowning", "scowl": "scowling", "smirk": "smirking", "pout": "pouting", "glare": "glaring",
    "stare": "staring", "sneer": "sneering", "wink": "winking",
}  # fmt: skip
# Feelings after 'a look of' or 'an expression of', each to the state it says: 'a look of surprise'.
FEELING_STATES = {
    "surprise": "surprised", "horror": "horrified", "fear": "afraid", "terror": "terrified", "joy": "happy",
    "disgust": "disgusted", "confusion": "confused", "shock": "shocked", "delight": "delighted",
    "concern": "concerned", "determination": "determined", "amazement": "amazed", "astonishment": "astonished",
    "awe": "awestruck", "wonder": "amazed", "anger": "angry", "rage": "furious", "fury": "furious",
    "sadness": "sad", "sorrow": "sad", "grief": "grieving", "happiness": "happy", "boredom": "bored",
    "pain": "pained", "curiosity": "curious", "contempt": "contemptuous", "satisfaction": "satisfied",
    "relief": "relieved", "excitement": "excited", "worry": "worried", "panic": "panicked",
    "despair": "despairing", "bliss": "blissful", "disbelief": "incredulous",
    "exhaustion": "exhausted", "guilt": "guilty",
}  # fmt: skip
# Describing words that say how much a face shows, not a feeling: 'a big smile', 'a look of pure joy'.
EXPRESSION_DEGREES = frozenset(
    {"big", "huge", "broad", "wide", "slight", "faint", "little", "small", "gentle", "soft", "pure", "utter",
     "complete", "total", "sheer", "deep", "very", "somewhat", "mild"}
)  # fmt: skip
# The feelings above and others a face shows: states of the one showing them (attribute_words.MORE_STATES).
FEELING_WORDS = frozenset(FEELING_STATES.values()) | frozenset(
    "pensive thoughtful smug stern startled bewildered stunned annoyed irritated frustrated disappointed "
    "embarrassed puzzled perplexed quizzical skeptical sceptical mischievous wistful".split()
)

# A person's age said as the decade of their life: 'a woman in her 30s', 'a man in his early forties'.
_DECADES = (
    [f"{tens}0s" for tens in range(2, 10)]
    + [f"{tens}0's" for tens in range(2, 10)]
    + ("twenties thirties forties fifties sixties seventies eighties nineties teens".split())
)
AGE_PHRASES = frozenset(
    f"in {owner} {when}{decade}"
    for owner in ("her", "his", "their")
    for when in ("", "early ", "mid ", "mid-", "late ")
    for decade in _DECADES
)
