"""Describing words English writes with a capital: of a people, a land, a faith, an age or a holiday.

The rules planner writes them so wherever it reads them in lowercase ('a japanese garden': 'a Japanese
garden'), and the checks tell them from a place name kept as a describing word ('Is the garden Japanese?'
but 'Is the street in Kyoto?'). 'polish' is left out, as it is also stuff ('nail polish').
"""

from __future__ import annotations

_OF_PEOPLES_AND_LANDS = """
american, canadian, mexican, brazilian, peruvian, argentinian, argentine, chilean, colombian, cuban,
jamaican, caribbean, latin, egyptian, roman, greek, mayan, aztec, inca, incan, japanese, chinese, korean,
indian, thai, vietnamese, filipino, indonesian, balinese, malaysian, nepalese, tibetan, mongolian,
french, italian, spanish, portuguese, german, english, british, irish, scottish, welsh, russian, african,
european, asian, arabian, arabic, persian, turkish, moroccan, israeli, lebanese, iranian, iraqi,
syrian, norse, celtic, viking, australian, dutch, swiss, austrian, belgian, hungarian, czech,
ukrainian, hawaiian, polynesian, nordic, scandinavian, swedish, norwegian, danish, finnish, icelandic,
byzantine, ottoman, venetian, parisian, tuscan, mediterranean, parisien, bavarian, siberian, texan,
californian, kenyan, nigerian, ethiopian, african-american, native american, aboriginal
"""
_OF_FAITHS_AGES_AND_DAYS = """
christian, catholic, buddhist, hindu, muslim, islamic, jewish, biblical, victorian, edwardian,
elizabethan, georgian, tudor, renaissance, christmas, easter, halloween, thanksgiving, hanukkah,
valentine's
"""

PROPER_ADJECTIVES = frozenset(
    word.strip()
    for block in (_OF_PEOPLES_AND_LANDS, _OF_FAITHS_AGES_AND_DAYS)
    for word in block.split(",")
    if word.strip()
)


def with_capitals(words: str, *, head: bool = True) -> str:
    """The words with each proper adjective among them capitalised: 'japanese garden' -> 'Japanese garden',
    'native american art' -> 'Native American art'. With `head` False the last word is kept as written: a
    noun's name is a proper name only when its head has a capital ('a viking', not 'a Viking': english.py)."""
    tokens = words.split(" ")
    last = len(tokens) if head else len(tokens) - 1
    proper = {k for k in range(last) if tokens[k] in PROPER_ADJECTIVES}
    proper |= {j for k in range(last - 1) if f"{tokens[k]} {tokens[k + 1]}" in PROPER_ADJECTIVES for j in (k, k + 1)}
    return " ".join(t[:1].upper() + t[1:] if k in proper else t for k, t in enumerate(tokens))
