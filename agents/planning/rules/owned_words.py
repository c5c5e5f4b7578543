"""Word tables for what an owner has (owned_links.py): the things an owner wears, and the words that say
who the owner is.

'the man's hat' is a hat the man wears; 'the man's dog' is a dog with him. Singular heads, lowercase.
"""

from __future__ import annotations

WORN_THINGS = frozenset(
    # clothes
    {"shirt", "t-shirt", "tshirt", "blouse", "sweater", "jumper", "hoodie", "cardigan", "vest", "jacket", "coat",
     "overcoat", "raincoat", "parka", "blazer", "suit", "tuxedo", "dress", "gown", "skirt", "trousers", "pants",
     "jeans", "shorts", "leggings", "uniform", "robe", "kimono", "cloak", "cape", "poncho", "apron", "tunic",
     "pajamas", "pyjamas", "overalls", "swimsuit", "bikini", "top", "tank top", "sweatshirt", "jersey", "costume",
     "outfit", "clothes", "armor", "armour", "sari", "kilt", "tie", "bowtie", "bow tie", "scarf", "shawl",
     # on the head and face
     "hat", "cap", "beanie", "beret", "helmet", "crown", "tiara", "hood", "bandana", "headband", "turban",
     "veil", "mask", "glasses", "sunglasses", "goggles", "spectacles", "monocle", "earring", "earrings",
     # on the hands and feet
     "glove", "gloves", "mitten", "shoe", "shoes", "boot", "boots", "sneaker", "sneakers", "sandal",
     "sandals", "slipper", "slippers", "sock", "socks", "heels", "stockings",
     # worn things that are not clothes
     "necklace", "bracelet", "ring", "watch", "wristwatch", "belt", "backpack", "collar", "badge", "medal",
     "wig", "lipstick", "makeup", "piercing", "tattoo"}
)  # fmt: skip

# Possessive determiners: 'her baby' is someone of the owner's, never the owner herself.
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "my", "your", "our"})
# The pronoun each possessive of a third person stands for: 'her hand' is the hand of whom 'her' means.
POSSESSIVE_PRONOUNS = {"his": "him", "her": "her", "its": "it", "their": "them"}
