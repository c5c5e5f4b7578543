"""One of a group named before, for the rules planner's grammar: 'Raccoons sit on the seats. One of them
is reading a newspaper.'

Read as 'them', the whole group read the newspaper. `joined_members` writes 'one of them' (or 'those',
'these') as one pronoun before the grammar reads the items, and `resolve` makes it a member of the group
the pronoun means: one more thing of the group's name, which the rest of the clause is about. Any
other pronoun is resolved as pronouns.py says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import pronouns
from limner.agents.planning.rules.mentions import Thing
from limner.agents.planning.rules.tagging import NUM, OF, PRON, Item
from limner.agents.scene.model import MAX_OBJECTS, Attributes

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

_ONE_OF = "one of "
_GROUP_PRONOUNS = frozenset({"them", "those", "these"})


def joined_members(items: list[Item]) -> list[Item]:
    """The items with 'one of them' written as the one pronoun 'one of them'."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        if (
            i + 2 < len(items)
            and items[i].kind == NUM
            and items[i].text.lower() == "one"
            and items[i + 1].kind == OF
            and items[i + 2].kind == PRON
            and items[i + 2].text.lower() in _GROUP_PRONOUNS
        ):
            out.append(Item(PRON, _ONE_OF + items[i + 2].text.lower()))
            i += 3
            continue
        out.append(items[i])
        i += 1
    return out


def resolve(reading: Reading, pronoun: str, *, opening: bool) -> list[int]:
    """The things a pronoun in a clause's subject means; for 'one of them', a new member of the group."""
    one = pronoun.startswith(_ONE_OF)
    word = pronoun[len(_ONE_OF) :] if one else pronoun
    meant = pronouns.resolve(
        word, reading.things, reading.recent, reading.last_group, opening=opening, current=reading.subjects
    )
    if not one or len(meant) != 1 or len(reading.things) >= MAX_OBJECTS:
        return meant
    group = reading.things[meant[0]]
    if not pronouns.is_plural(group.count) or group.count == 1:
        return meant
    looks = group.attributes  # a member looks like its group: 'Three red kites. One of them ...'
    reading.things.append(Thing(group.name, 1, Attributes(color=looks.color, material=looks.material, size=looks.size)))
    reading.recent.append(len(reading.things) - 1)
    return [len(reading.things) - 1]
