"""A counted group and then its members, told apart: 'three balloons, one red, one blue and one yellow'.

Read as written, the members' words would all describe the whole group (three balloons, each red, blue
and yellow). `members_listed` writes the group out as its members instead, each with the group's noun:
'a red balloon, a blue balloon and a yellow balloon'. A member opens with a count ('one', 'two', 'one of
them'), 'some', an article before 'one' ('a red one') or 'the other', 'the rest'; what follows it says how
it differs: describing words, a place ('one on the branch', 'one in the air') or what it does ('one
sleeping'). The group's count stays right: members that leave some of it untold leave the rest as it
was ('six eggs, one of them cracked' is five eggs and a cracked egg), and 'the other' or 'the rest' is
what the other members leave. Where the group is (its place before the comma, or the container it is 'a
bouquet of') is where all its members are: 'red roses and white roses in a bouquet'. A member with a verb
of its own after a copula ('one of them is sleeping') is left to members.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from limner.agents.planning.rules.container_words import SURFACE_CONTAINERS
from limner.agents.planning.rules.tagging import (
    ADV,
    AND,
    COMMA,
    DET,
    IN,
    NUM,
    OF,
    PREP,
    PRON,
    QUANT,
    REL,
    STOP,
    WITH,
    WORD,
    Item,
    rewrite_runs,
)
from limner.agents.planning.rules.vocabulary import NUMBER_WORDS, Quantified
from limner.agents.planning.rules.word_shapes import describes, looks_like_participle
from limner.agents.scene.english import pluralize, singularize

# Words that count a member without a number: 'some red and some white'.
_SOME = frozenset({"some", "several", "many", "few", "a few", "most"})
_GROUP_PRONOUNS = frozenset({"them", "those", "these"})
_ONES = frozenset({"one", "ones"})
# 'the other', 'the rest': the members the others leave.
_REMAINDER = frozenset({"other", "others", "rest"})
_ARTICLES = frozenset({"a", "an"})
_EACH = frozenset({"each", "every"})
_GROUP_ARTICLES = frozenset({"the", "these", "those"})
_SEPARATORS = frozenset({COMMA, AND})
_ENDS = _SEPARATORS | {STOP}
_PLACE_KINDS = frozenset({REL, PREP, IN})
# What a member's own words may open with after its count: 'one on the branch', 'one in the air', 'one with
# a hat'.
_MEMBER_PHRASE_KINDS = frozenset({REL, PREP, IN, ADV, WITH})
_NUMBER_NAMES = {
    value: word
    for word, value in NUMBER_WORDS.items()
    if value <= 20 and word not in ("single", "lone", "solitary", "both")
}


# The count of 'the other' or 'the rest' until the other members are counted.
_THE_REST = -1


@dataclass(slots=True)
class _Member:
    """One member as written: how many (None: 'some'), its describing words, its own words after them
    ('on the branch', 'sleeping') and the count word to keep ('some')."""

    count: int | None
    looks: list[Item] = field(default_factory=list)
    said: list[Item] = field(default_factory=list)
    kept: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    """The group before the members: its count (None: not said), describing words, noun words, where it is
    and the index after it."""

    count: int | None
    looks: list[Item]
    noun: list[str]
    where: list[Item]
    end: int


def members_listed(items: list[Item]) -> list[Item]:
    """The items with each counted group followed by members that differ written as those members."""
    return rewrite_runs(items, _listed_at)


def _listed_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    group = _group_at(items, i)
    if group is None or group.end >= len(items) or items[group.end].kind != COMMA:
        return None
    members: list[_Member] = []
    separators: list[Item] = []
    j = group.end
    while j < len(items) and items[j].kind in _SEPARATORS:
        read = _member_at(items, j + 1)
        if read is None:
            break
        separators.append(items[j])
        member, j = read
        members.append(member)
    if not members or not _counted(group, members):
        return None
    written: list[Item] = []
    counted = all(m.count is not None for m in members)
    if counted and group.count is not None and sum(m.count or 0 for m in members) < group.count:
        rest = group.count - sum(m.count or 0 for m in members)  # 'six eggs, one of them cracked': five more
        written += _thing(group, _Member(rest))
        written.append(Item(COMMA, ",") if len(members) > 1 else Item(AND, "and"))
    elif counted and group.count is None:
        written += _thing(group, _Member(None))  # 'eggs, one of them cracked': eggs, and a cracked one
        written.append(Item(COMMA, ",") if len(members) > 1 else Item(AND, "and"))
    if len(members) > 1 and not any(item.kind == AND for item in separators):
        separators[-1] = Item(AND, "and")  # 'one older, one younger': an older man and a younger man
    for k, member in enumerate(members):
        if k:
            written.append(Item(COMMA, ",") if _holds_with(members) else separators[k])
        written += _thing(group, member)
    return j, written + group.where


def _counted(group: _Group, members: list[_Member]) -> bool:
    """Whether the members' counts fit the group's, with 'the rest' made the count the others leave."""
    told = sum(m.count for m in members if m.count is not None and m.count > 0)
    rests = [m for m in members if m.count == _THE_REST]
    if len(rests) > 1 or rests and group.count is None:
        return False
    if group.count is not None and told + len(rests) > group.count:
        return False
    for member in rests:
        member.count = group.count - told  # type: ignore[operator]
    return True


def _thing(group: _Group, member: _Member) -> list[Item]:
    """The member written as a thing of the group's noun: 'a red balloon', 'two white cupcakes'."""
    if member.count == 1:
        counted = [Item(DET, "a", "singular")]
        noun = group.noun[:-1] + [singularize(group.noun[-1])]
    else:
        counted = member.kept or ([] if member.count is None else [_number(member.count)])
        noun = group.noun[:-1] + [pluralize(singularize(group.noun[-1]))]
    return counted + group.looks + member.looks + [Item(WORD, w) for w in noun] + member.said


def _holds_with(members: list[_Member]) -> bool:
    """Whether a member has something 'with' it: 'and' after it would join the next member to what it has
    ('a boy with a red hat and a boy with a blue hat'), so a comma parts the members."""
    return any(item.kind == WITH for member in members for item in member.said)


def _number(count: int) -> Item:
    return Item(NUM, _NUMBER_NAMES.get(count, str(count)), count)


def _group_at(items: list[Item], i: int) -> _Group | None:
    """The group that starts at items[i]: 'the three balloons', 'six eggs in a carton', 'a bouquet of roses'."""
    where: list[Item] = []
    start = i
    if (
        items[i].kind == DET
        and items[i].text.lower() in _GROUP_ARTICLES
        and i + 1 < len(items)
        and items[i + 1].kind == NUM
    ):
        start += 1  # 'the two dogs'
    if items[start].kind in (NUM, QUANT) and isinstance(items[start].value, int):
        count = items[start].value  # 'two', 'a pair of', 'a dozen'
        if isinstance(count, Quantified) or count < 2:
            return None  # 'a few': how many members leave no number said
        start += 1
    elif _container_at(items, i):
        count = None
        on = items[i + 1].text.lower() in SURFACE_CONTAINERS  # 'a plate of cookies': on it
        where = [Item(REL, "on", "on") if on else Item(IN, "in"), items[i], items[i + 1]]  # 'a bouquet of roses': in it
        start = i + 3
    else:
        return None
    end = start
    while end < len(items) and items[end].kind == WORD:
        end += 1
    words = [item.text.lower() for item in items[start:end]]
    if not words or singularize(words[-1]) == words[-1] or words[-1] in _REMAINDER:
        return None  # the members of a group are many: 'three balloons'
    looks = 0
    while looks < len(words) - 1 and describes(words[looks]):
        looks += 1
    if not where:
        place = _place_end(items, end)
        where, end = items[end:place], place
    return _Group(count, list(items[start : start + looks]), words[looks:], where, end)


def _container_at(items: list[Item], i: int) -> bool:
    """'a bouquet of', 'a basket of': an article, one noun and 'of', before the group."""
    return (
        i + 3 < len(items)
        and items[i].kind == DET
        and items[i].text.lower() in _ARTICLES
        and items[i + 1].kind == WORD
        and not describes(items[i + 1].text.lower())
        and items[i + 2].kind == OF
    )


def _place_end(items: list[Item], i: int) -> int:
    """The end of a place right after the group ('in a carton'), or i where none is."""
    if i >= len(items) or items[i].kind not in _PLACE_KINDS:
        return i
    j = i + 1
    if j < len(items) and items[j].kind in (DET, NUM):
        j += 1
    k = j
    while k < len(items) and items[k].kind == WORD:
        k += 1
    return k if k > j and k < len(items) and items[k].kind == COMMA else i


def _member_at(items: list[Item], i: int) -> tuple[_Member, int] | None:
    """The member that starts at items[i] and the index after its words."""
    head = _head_at(items, i)
    if head is None:
        return None
    count, kept, j, ones = head
    looks_end = j
    while looks_end < len(items) and items[looks_end].kind == WORD and _looks(items[looks_end].text.lower()):
        looks_end += 1
    looks = list(items[j:looks_end])
    if ones:  # 'a red one': the describing words come before 'one'
        looks, looks_end = list(items[ones[0] : ones[1]]), j
    end = looks_end
    while end < len(items) and items[end].kind not in _ENDS:
        end += 1
    said = list(items[looks_end:end])
    if said and not _says_more(said[0]):
        return None  # 'two dogs, one cat': no member
    if any(item.kind == DET and item.text.lower() in _EACH for item in said):
        return None  # 'four paintings, one in each corner': said of each of the group
    if not looks and not said:
        return None
    return _Member(count, looks, said, kept), end


def _head_at(items: list[Item], i: int) -> tuple[int | None, list[Item], int, tuple[int, int] | None] | None:
    """A member's count, the count words kept, where its words start and where the words before 'one' are."""
    if i >= len(items):
        return None
    item, word = items[i], items[i].text.lower()
    if item.kind == DET and word == "the" and i + 1 < len(items) and items[i + 1].text.lower() in _REMAINDER:
        return _THE_REST, [], i + 2, None  # 'the other', 'the rest'
    if item.kind == WORD and word == "others":
        return _THE_REST, [], i + 1, None
    if item.kind == DET and word in _ARTICLES or item.kind == NUM and isinstance(item.value, int):
        j = i + 1
        while j < len(items) and items[j].kind == WORD and _looks(items[j].text.lower()):
            j += 1
        if j > i + 1 and j < len(items) and items[j].text.lower() in _ONES:
            count = 1 if item.kind == DET else item.value
            return count, [], j + 1, (i + 1, j)  # 'a red one', 'two white ones'
    if item.kind == NUM and isinstance(item.value, int) or item.kind == QUANT and word in _SOME:
        count = item.value if item.kind == NUM else None
        kept = [] if item.kind == NUM else [item]
        j = i + 1
        if (
            j + 1 < len(items)
            and items[j].kind == OF
            and items[j + 1].kind == PRON
            and items[j + 1].text.lower() in _GROUP_PRONOUNS
        ):
            j += 2  # 'one of them'
        return count, kept, j, None  # type: ignore[return-value]
    return None


def _looks(word: str) -> bool:
    """A describing word that goes before the noun: 'red', 'big', 'cracked' (not 'sleeping')."""
    return describes(word) and not (word.endswith("ing") and looks_like_participle(word))


def _says_more(item: Item) -> bool:
    """Whether a member's own words open here: a place, a manner or what it does ('sleeping')."""
    word = item.text.lower()
    return (
        item.kind in _MEMBER_PHRASE_KINDS or item.kind == WORD and word.endswith("ing") and looks_like_participle(word)
    )
