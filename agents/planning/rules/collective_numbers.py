"""'A family of four': a group of people said by its number alone is that many people.

With no noun after the number, the grammar read 'four' as counting the next word ('four walkings') or
nothing at all, and the family was lost. `numbered_people` writes the people the number counts ('a
family of four people walking'), which collectives.py then reads as four people in a family.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules.tagging import NUM, OF, WORD, Item, rewrite_runs

# Collective nouns that, counted by a number alone, count people: 'a family of four', 'a team of five'.
PEOPLE_COLLECTIVES = frozenset({"family", "group", "team", "crew", "band", "party", "gang", "squad", "couple"})


def numbered_people(items: list[Item]) -> list[Item]:
    """The items with 'people' after a number that follows a collective of people and 'of' and counts no
    noun of its own: 'a family of four walking' (but 'a team of five players')."""
    return rewrite_runs(items, _people_counted_at)


def _people_counted_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    item = items[i]
    if (
        item.kind == NUM
        and i >= 2
        and items[i - 1].kind == OF
        and items[i - 2].kind == WORD
        and items[i - 2].text.lower() in PEOPLE_COLLECTIVES
        and not _noun_next(items, i + 1)
    ):
        return i + 1, [item, Item(WORD, "people")]
    return None


def _noun_next(items: list[Item], j: int) -> bool:
    """Whether a noun (or its describing words) follows at j: a word that is no verb in -ing."""
    if j >= len(items) or items[j].kind != WORD:
        return False
    word = items[j].text.lower()
    return not (word.endswith("ing") and word not in grammar_words.NOUNS_ENDING_ING)
