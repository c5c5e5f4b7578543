"""One of a group named before, for the rules planner's grammar: 'Raccoons sit on the seats. One of them
is reading a newspaper.'

Read as 'them', the whole group read the newspaper. `joined_members` writes 'one of them' (or 'those',
'these') as one pronoun before the grammar reads the items, and `resolve` makes it a member of the group
the pronoun means: one more thing of the group's name, which the rest of the clause is about. A bare
'one' and 'the other' opening a clause are members too: 'Two girls on a bench. One is reading a book and
the other is eating an ice cream.' 'The other' is the rest of the group the last member came from: a
counted group is then that many fewer, and its members are where it is (two girls on a bench are one
girl on it and the other). Any other pronoun is resolved as pronouns.py says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from limner.agents.planning.rules import pronouns
from limner.agents.planning.rules.group_members import members_listed
from limner.agents.planning.rules.mentions import Thing
from limner.agents.planning.rules.tagging import AND, COMMA, COP, DET, NUM, OF, PRON, STOP, WORD, Item
from limner.agents.scene.model import MAX_OBJECTS, Attributes

if TYPE_CHECKING:
    from limner.agents.planning.rules.grammar import Reading

_ONE_OF = "one of "
_GROUP_PRONOUNS = frozenset({"them", "those", "these"})
_OTHER = "the other"
_OTHERS = frozenset({"other", "others"})
_CLAUSE_STARTS = frozenset({STOP, COMMA, AND})


def joined_members(items: list[Item]) -> list[Item]:
    """The items with a group's members listed as things of their own ('three balloons, one red and two
    blue': group_members.py) and 'one of them' written as the one pronoun 'one of them'."""
    items = members_listed(items)
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
        if _opens_clause(items, i) and items[i].kind == NUM and items[i].text.lower() == "one" and _acts(items, i + 1):
            out.append(Item(PRON, _ONE_OF + "them"))  # 'One is reading a book'
            i += 1
            continue
        if _opens_clause(items, i) and _other_at(items, i) and _acts(items, i + 2):
            out.append(Item(PRON, _OTHER))  # 'and the other is eating'
            i += 2
            continue
        out.append(items[i])
        i += 1
    return out


def _opens_clause(items: list[Item], i: int) -> bool:
    return i == 0 or items[i - 1].kind in _CLAUSE_STARTS


def _other_at(items: list[Item], i: int) -> bool:
    """Whether 'the other' or 'the others' stands alone at items[i]."""
    return (
        i + 1 < len(items)
        and items[i].kind == DET
        and items[i].text.lower() == "the"
        and items[i + 1].kind == WORD
        and items[i + 1].text.lower() in _OTHERS
    )


def _acts(items: list[Item], i: int) -> bool:
    """Whether a copula or a verb comes at items[i]: 'is reading', 'reads', 'sleeping'."""
    if i >= len(items):
        return False
    word = items[i].text.lower()
    if items[i].kind == COP:
        return True
    verb_form = word.endswith("ing") and len(word) > 4 or word.endswith("s") and not word.endswith("ss")
    return items[i].kind == WORD and verb_form


def resolve(reading: Reading, pronoun: str, *, opening: bool) -> list[int]:
    """The things a pronoun in a clause's subject means; for 'one of them', a new member of the group."""
    if pronoun == _OTHER:
        return _rest(reading)
    one = pronoun.startswith(_ONE_OF)
    word = pronoun[len(_ONE_OF) :] if one else pronoun
    meant = pronouns.resolve(
        word, reading.things, reading.recent, reading.last_group, opening=opening, current=reading.subjects
    )
    if one and len(meant) > 1:
        return meant[:1]  # 'A cat and a dog. One is sleeping': the first
    if not one or len(meant) != 1 or len(reading.things) >= MAX_OBJECTS:
        return meant
    group = reading.things[meant[0]]
    if not pronouns.is_plural(group.count) or group.count == 1:
        return meant
    looks = group.attributes  # a member looks like its group: 'Three red kites. One of them ...'
    reading.things.append(Thing(group.name, 1, Attributes(color=looks.color, material=looks.material, size=looks.size)))
    reading.recent.append(len(reading.things) - 1)
    return [len(reading.things) - 1]


def _rest(reading: Reading) -> list[int]:
    """What 'the other' means: the rest of the group the last member was taken from ('One is reading and
    the other is eating'), which its members leave fewer (two girls are one girl and the other), else the
    last of the things the sentence before was about."""
    for index in reversed(reading.recent):
        name = reading.things[index].name
        group = [j for j in range(index) if reading.things[j].name == name]
        if group:
            _split(reading, group[-1])
            return group[-1:]
    others = [i for i in reading.last_group if i not in reading.subjects]
    return others[-1:]


def _split(reading: Reading, group: int) -> None:
    """The counted group at `group` less the members read after it, which are where the group is: 'Two
    girls on a bench. One is reading and the other ...' are two girls on the bench, one each."""
    rest = reading.things[group]
    members = [j for j in range(group + 1, len(reading.things)) if reading.things[j].name == rest.name]
    members = [j for j in members if reading.things[j].count == 1]
    if not isinstance(rest.count, int) or rest.count - len(members) < 1:
        return
    rest.count -= len(members)
    for subject, predicate, other in list(reading.relations):
        for member in members if subject == group else ():
            reading.relate(member, predicate, other)
