"""Word tables for 'full of' (full_of.py): plain data, no rules."""

from __future__ import annotations

# Words that say a thing is full, before 'of'.
FULLNESS_WORDS = frozenset({"full"})

# What a thing is full of that is no thing of its own but how it looks: marks, gaps and bumps in itself,
# and qualities ('full of holes', 'full of cracks', 'full of life'). Singular forms.
FULL_OF_STATES = frozenset(
    # marks and gaps in a surface
    {"hole", "crack", "dent", "scratch", "spot", "stain", "wrinkle", "crease", "bump", "lump", "patch",
     "pothole", "crater", "scar", "mark", "chip", "tear", "rip", "gap", "knot", "ridge", "groove",
     "pockmark", "blemish", "freckle", "pimple", "wart", "pore", "puncture", "gash", "nick", "notch",
     "bruise", "burn", "blister", "rust", "mold", "mould", "dust", "grime",
     # qualities
     "life", "energy", "color", "colour", "light", "joy", "wonder", "mystery", "hope", "character",
     "detail", "texture", "movement", "motion", "emotion", "charm", "personality", "magic", "sorrow"}
)  # fmt: skip
