"""Word tables for reading verbs told in the past ('a dog chased a cat'): past_narration.py uses them.

Plain data: irregular past forms with their -ing forms, and the verbs whose past form before a
preposition tells what the subject did there ('a boy jumped into a pool'), not a state it is in ('a man
dressed in black').
"""

from __future__ import annotations

from limner.agents.planning.rules import verbs

# Past forms that are never past participles: before an object or a preposition they are what was done.
SIMPLE_PASTS = {
    "ate": "eating", "drank": "drinking", "threw": "throwing", "ran": "running", "rode": "riding",
    "swam": "swimming", "flew": "flying", "drove": "driving", "wore": "wearing", "took": "taking",
    "gave": "giving", "sang": "singing", "drew": "drawing", "wrote": "writing", "fell": "falling",
    "went": "going", "came": "coming", "grew": "growing", "blew": "blowing", "broke": "breaking",
    "hid": "hiding", "shook": "shaking", "tore": "tearing", "stole": "stealing", "chose": "choosing",
    "froze": "freezing", "began": "beginning", "sank": "sinking", "spoke": "speaking", "bit": "biting",
    "forgot": "forgetting", "sprang": "springing", "slid": "sliding",
}  # fmt: skip
# Past forms that are also past participles ('a race held at'): a verb only before what it acts on.
SHARED_PASTS = {
    "held": "holding", "caught": "catching", "fed": "feeding", "brought": "bringing", "bought": "buying",
    "hung": "hanging", "led": "leading", "sold": "selling", "taught": "teaching", "fought": "fighting",
    "swung": "swinging", "spun": "spinning", "dug": "digging", "struck": "striking", "sent": "sending",
    "kept": "keeping", "met": "meeting", "won": "winning", "shot": "shooting", "stuck": "sticking",
}  # fmt: skip
# Past forms of verbs of posture and motion, which say what was done before a preposition too ('a cat sat
# on the mat', 'a bird leapt from a branch'); no participle before a preposition is written with them.
POSTURE_PASTS = {
    "sat": "sitting", "stood": "standing", "knelt": "kneeling", "slept": "sleeping", "leapt": "leaping",
    "crept": "creeping", "sped": "speeding",
}  # fmt: skip

# Verbs (base forms) whose regular past before a preposition is what the subject did ('jumped into',
# 'rolled down', 'crashed into'); other pasts there are a state ('dressed in', 'covered in', 'topped with').
MOVING_PAST_VERBS = (verbs.MOTION_VERBS - {"park"}) | frozenset(
    {"crash", "dive", "hop", "leap", "bounce", "tumble", "splash", "skip", "wave", "smile", "bark", "peek",
     "peer", "glance", "point", "crouch", "kneel", "dart", "zoom", "scramble", "sprint", "trot", "gallop",
     "waddle", "swoop", "plunge", "escape", "flee", "climb", "laugh", "shout", "yell", "scream", "play",
     "dance", "cry", "nap", "lean", "rest", "wait", "chat", "work", "relax", "lounge", "sunbathe", "reach", "turn"}
)  # fmt: skip

# Participles that name or label what follows ('a photo captioned the best day'), never act on it.
NAMING_PARTICIPLES = frozenset(
    {"captioned", "titled", "entitled", "named", "called", "labeled", "labelled", "dubbed", "nicknamed",
     "marked", "stamped", "branded", "signed", "inscribed", "engraved", "embroidered", "printed", "shaped",
     "aged", "priced", "sized", "styled", "themed"}
)  # fmt: skip
