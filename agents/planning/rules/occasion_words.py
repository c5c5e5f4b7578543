"""Which noun phrases name only a season or a holiday ('the winter', 'early spring', 'New Year's Eve',
'Halloween night'): the words alone, read by phrases.py (such a phrase names no thing) and occasions.py."""

from __future__ import annotations

from limner.agents.planning.rules import setting_words


def season_of(words: list[str]) -> str | None:
    """The season a noun phrase's words name, as said after 'in' ('early spring' of 'early spring',
    'summer' of 'summertime'), or None when they name anything else ('the summer sun')."""
    lowered = [setting_words.SEASON_SPELLINGS.get(w.lower(), w.lower()) for w in words]
    if not lowered or lowered[-1] not in setting_words.SEASON_WORDS:
        return None
    if all(w in setting_words.SEASON_MODIFIERS for w in lowered[:-1]):
        return " ".join(lowered)
    return None


def holiday_of(words: list[str]) -> str | None:
    """The holiday a noun phrase's words name, as written ('New Year's Eve'), a time word after it aside
    ('Halloween night'); None when they name a thing ('a Christmas tree')."""
    key = [w.lower().removesuffix("'s").rstrip("'") for w in words]
    while key and key[-1] in setting_words.TIME_WORDS and " ".join(key) not in setting_words.HOLIDAYS:
        key.pop()
    return setting_words.HOLIDAYS.get(" ".join(key))


def names_occasion(words: list[str]) -> bool:
    """Whether a noun phrase's words name only a season or a holiday, no thing."""
    return season_of(words) is not None or holiday_of(words) is not None
