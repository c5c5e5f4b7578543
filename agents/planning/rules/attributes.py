"""Putting describing words on a thing: merging what a later mention says with what it had, and the
plain forms a description's values are also asked about.

- `merged`: a thing described twice ('a white cat ... the cat is fluffy and black') keeps every value:
  each field keeps its first value, and a second, different one for a field already filled
  (a second colour, a second state) goes among the `other` words rather than being lost; colours
  said one after another are one list ('his shirt is black white and blue');
- `coordinated`: describing words parted by commas or joined by 'and' after an article ('a big,
  fluffy, white dog', 'a tall and thin man'), or opening a sentence ('Small, shiny pebbles'), all
  describe the noun after them;
- `printed`: a pattern's print before a noun describes it ('a floral print shirt' is floral-print);
- `distributed`: describing words before the first of two nouns joined by 'and' describe the second
  too, when both are singular or both plural ('a white breast and belly': a white belly; but 'a gray
  shirt and jeans');
- `made_of`: what 'made of <material>' says of a thing: the material, and the material's own colours and
  states, which are the thing's ('a word made from broken black glass' is broken and black);
- `partitive`: what the piece of a partitive says of its stuff ('a brown piece of paper' is brown paper);
- `adverbial`: what a state phrase says of its thing, with the participle before it ('jumping in the air');
- `arrangement`: what a collective noun says of the things it counts ('a row of motorcycles' are in a
  row, 'a cute set of puppies' are cute);
- `finished`: the values a Scene's checks ask about one by one. A colour written as a conjunction
  ('brown and white') is one colour for the prompt, and each of its colours is a fact of its own
  ('Is the cake brown?', 'Is the cake white?'); so is the verb of a phrasal action ('sitting down' is
  'sitting'), a word said with its degree ('completely flooded' is flooded), what a likeness is like
  ('heart-shaped' is 'heart', 'caramel-colored' 'caramel'), a style's word ('victorian style' is
  'victorian') and a compared word's plain one ('the smaller giraffe' is a small one). They go among
  the `other` words, after the thing's own, as room allows; the prompt writer says each word once.

The word tables are in attribute_words.py.
"""

from __future__ import annotations

from dataclasses import replace

from limner.agents.planning.rules import attribute_words as words
from limner.agents.planning.rules.grammar_words import VERBS
from limner.agents.planning.rules.intensity import plain
from limner.agents.planning.rules.phrases import Description, Phrase
from limner.agents.planning.rules.tagging import AND, COMMA, DET, NUM, STOP, STYLE, WORD, Item
from limner.agents.planning.rules.vocabulary import (
    ADJECTIVE_NOUNS,
    COLOR_NOUNS,
    COLOR_SYNONYMS,
    COLORS,
    MATERIAL_NOUNS,
    MATERIALS,
    OTHER_ADJECTIVES,
    SIZE_NOUNS,
    SIZES,
    STATES,
)
from limner.agents.planning.rules.word_shapes import describes_by_shape, looks_descriptive
from limner.agents.scene.english import singularize
from limner.agents.scene.model import MAX_OTHER, MAX_WORD, Attributes
from limner.agents.scene.words import PAIR_NOUNS, PLURAL_ONLY_NOUNS

_COLOUR_NAMES = COLORS | frozenset(COLOR_SYNONYMS.values())
# Describing words that may also name the thing they end: 'a green square', 'an orange', 'a giant'.
NAMING_ADJECTIVES = ADJECTIVE_NOUNS | COLOR_NOUNS | SIZE_NOUNS
_FIELDS = ("color", "material", "size", "state", "action")


def merged(old: Attributes, new: Attributes) -> Attributes:
    """`old` with what `new` adds: an empty field takes new's value, a filled one keeps its own and
    new's different value joins the other words."""
    values = {f: getattr(old, f) for f in _FIELDS}
    spilled: list[str] = []
    for f in _FIELDS:
        value = getattr(new, f)
        if not value:
            continue
        if not values[f]:
            values[f] = value
        elif f == "color" and _is_colour_list(values[f]) and _is_colour_list(value):
            listed = [values[f], *_second_colours(old)]  # 'black white and blue': white went among the others
            values[f] = _colour_list(", ".join(listed), value)  # 'the tiles are white and green'
        elif value != values[f]:
            spilled.append(value)
    said = {v for v in values.values() if v}
    other = [w for w in _unique(old.other + new.other + spilled) if w not in said]
    return Attributes(**values, other=other[:MAX_OTHER])


def _second_colours(attrs: Attributes) -> list[str]:
    """The colour words among a thing's other words: a second colour said with its first ('black white')."""
    return [w for w in attrs.other if w in _COLOUR_NAMES and w != attrs.color]


def made_of(phrase: Phrase) -> Description:
    """What 'made of <phrase>' says of a thing: its material, and the material's colours and states
    ('made from broken black glass': glass, black, broken), with the coloured material as written
    ('black glass') among the other words."""
    described = phrase.loose if phrase.kind == "loose" else phrase.described
    if phrase.kind == "thing":
        material = MATERIALS.get(phrase.name, phrase.name)
    else:
        material = described.materials[0] if described.materials else " ".join(phrase.chunk.words)
    coloured = [f"{colour} {material}" for colour in described.colors]
    materials = [material, *(m for m in described.materials if m != material)]
    return replace(described, materials=materials, others=described.others + coloured)


def arrangement(phrase: Phrase) -> Description | None:
    """What a collective noun says of the things it counts: how they are arranged ('a row of
    motorcycles' are in a row, and the row is a fact about them), and what its describing words say
    of them ('a cute set of puppies' are cute; but 'a large group' is large, not its people). None
    for one that only counts ('a set of', 'a team of')."""
    words_ = phrase.chunk.words
    said = phrase.described
    of_things = Description(colors=list(said.colors), materials=list(said.materials), states=list(said.states))
    of_things.others = [w for w in said.others if w not in words.GROUP_ONLY_WORDS]
    if words_ and words_[-1] in words.ARRANGEMENT_NOUNS:
        written = " ".join(words_)
        of_things.others += [f"in a {written}", written]
    if not (of_things.colors or of_things.materials or of_things.states or of_things.others):
        return None
    return of_things


def partitive(phrase: Phrase) -> Description | None:
    """What a piece says of the stuff it is a piece of: 'a brown piece of paper' is brown paper (its
    colours, materials and states; its size is the piece's own). None for any other phrase."""
    words_ = phrase.chunk.words
    if phrase.kind != "filler" or not words_ or words_[-1].lower() not in words.PARTITIVE_NOUNS:
        return None
    d = phrase.described
    if not (d.colors or d.materials or d.states):
        return None
    return Description(colors=list(d.colors), materials=list(d.materials), states=list(d.states))


def adverbial(phrase: str, verb: str | None) -> Description:
    """What a state phrase says of its thing ('in the air', 'in formation'): the state, and after a
    participle just read, the participle with it ('jumping in the air', 'standing in formation')."""
    verb = (verb or "").lower()
    acted = [f"{verb} {phrase}"] if verb.endswith(("ing", "ed")) and verb.isalpha() else []
    return Description(states=[phrase], others=acted)


def distributed(items: list[Item]) -> list[Item]:
    """'a white breast and belly', 'black ears and markings': describing words before the first of two
    nouns joined by 'and' describe the second too, when it is a bare noun ending the phrase. The items
    with those words copied before the second noun."""
    out: list[Item] = []
    n = len(items)
    for i, item in enumerate(items):
        out.append(item)
        if item.kind != AND or i + 1 >= n or items[i + 1].kind != WORD:
            continue
        end = i + 1
        while end < n and items[end].kind == WORD:
            end += 1
        second = [it.text for it in items[i + 1 : end]]
        start = i
        while start > 0 and items[start - 1].kind == WORD:
            start -= 1
        first = [it.text for it in items[start:i]]
        leading = 0
        while leading < len(first) and _describing(first[leading]):
            leading += 1
        nouns = first[leading:]
        if not (leading and nouns and len(second) <= 2 and all(_plain_noun(w) for w in nouns + second)):
            continue
        if _plural(nouns[-1]) == _plural(second[-1]):  # but 'a gray shirt and jeans': the jeans are not gray
            out += [Item(WORD, w) for w in first[:leading]]  # 'a white breast and (white) belly'
    return out


def coordinated(items: list[Item]) -> list[Item]:
    """'a big, fluffy, white dog', 'two tall, thin men': describing words parted by commas after an
    article or a number are one run of describing words before the noun. The items with those commas
    dropped. A sentence may open with the run ('chunky, colorful letters'); elsewhere a list after no
    article ('a cat, cute, cinematic, dramatic lighting') is a list, and stays one."""
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        if _opens_run(items, i):
            end, commas = _coordinated_end(items, i)
            if commas:
                out += [_as_word(it) for k, it in enumerate(items[i:end], start=i) if k not in commas]
                i = end
                continue
        out.append(items[i])
        if items[i].kind not in (DET, NUM):
            i += 1
            continue
        end, commas = _coordinated_end(items, i + 1)
        out += [_as_word(it) for k, it in enumerate(items[i + 1 : end], start=i + 1) if k not in commas]
        i = max(end, i + 1)
    return out


def _opens_run(items: list[Item], i: int) -> bool:
    """Whether a describing word at items[i] opens a sentence: 'chunky, colorful letters ...'."""
    return items[i].kind == WORD and (i == 0 or items[i - 1].kind == STOP) and _describing(items[i].text.lower())


def printed(items: list[Item]) -> list[Item]:
    """'a floral print shirt', 'a leopard print coat': a pattern's print before a noun describes the
    noun ('floral-print') rather than naming a print; 'a floral print' alone is still a print."""
    out: list[Item] = []
    for k, item in enumerate(items):
        if (
            item.kind == WORD
            and item.text.lower() in words.PRINT_NOUNS
            and out
            and out[-1].kind == WORD
            and out[-1].text.lower() in words.PRINT_PATTERNS
            and k + 1 < len(items)
            and items[k + 1].kind == WORD
        ):
            out[-1] = Item(WORD, f"{out[-1].text}-{item.text}")
            continue
        out.append(item)
    return out


def _coordinated_end(items: list[Item], start: int) -> tuple[int, set[int]]:
    """(where the run of describing words and its noun ends, the commas inside it) from `start`; no
    commas when the run is not one ('a cat, a dog')."""
    j, commas, n = start, set(), len(items)
    while True:
        k = j
        while k < n and _in_run(items[k]):
            k += 1
        if k == j:
            if commas and items[j - 1].kind == COMMA and _plain_noun(items[j].text.lower()):
                return j + 1, commas  # 'chunky, organic, colorful, letters'
            return start, set()
        if k < n and items[k].kind == COMMA and k + 1 < n and (items[k + 1].kind == WORD or _in_run(items[k + 1])):
            commas.add(k)
            j = k + 1
            continue
        if k + 2 < n and items[k].kind == COMMA and items[k + 1].kind == AND and items[k + 2].kind == WORD:
            commas.add(k)  # 'a red, white, and blue flag'
            k += 1
        if commas and k < n and items[k].kind == AND and k + 1 < n and items[k + 1].kind == WORD:
            j = k + 1  # 'a black, white and blue shirt'
            continue
        if _joined_describing(items, k):
            commas.add(k)  # 'a tall and thin man': the 'and' parts two words of one run
            j = k + 1
            continue
        if commas and k < n and items[k].kind == WORD and _plain_noun(items[k].text.lower()):
            return k + 1, commas  # 'a big, fluffy, white dog'
        return start, set()


def _joined_describing(items: list[Item], k: int) -> bool:
    """Whether items[k] is an 'and' between two describing words of one run ('tall and thin'); not
    between two colours, which are one colour ('a red and white flag')."""
    if k == 0 or k + 1 >= len(items) or items[k].kind != AND or items[k + 1].kind != WORD:
        return False
    before, after = items[k - 1].text.lower(), items[k + 1].text.lower()
    if before in NAMING_ADJECTIVES:
        return False  # 'a green square and red rectangle': the square is a thing of its own
    return _describing_in_run(after) and not (_is_colour_word(before) and _is_colour_word(after))


def _in_run(item: Item) -> bool:
    """Whether an item is a describing word of a run. A style word the tagger read as a list item of its
    own (', colorful,') is one too when the run goes on to its noun ('tall, colorful, candles')."""
    return item.kind in (WORD, STYLE) and _describing_in_run(item.text.lower())


def _as_word(item: Item) -> Item:
    """A style word inside a run of describing words, as the word it is there."""
    return Item(WORD, item.text) if item.kind == STYLE else item


def _describing_in_run(word: str) -> bool:
    """A describing word of a run before a noun: a known one, or one by its shape ('underdeveloped')."""
    return _describing(word) or describes_by_shape(word) or looks_descriptive(word)


def _is_colour_word(word: str) -> bool:
    return word in _COLOUR_NAMES or word in COLOR_SYNONYMS


def _plural(noun: str) -> bool:
    noun = noun.lower()
    return singularize(noun) != noun or noun in PLURAL_ONLY_NOUNS or noun in PAIR_NOUNS


def _describing(word: str) -> bool:
    return (
        word in COLORS or word in COLOR_SYNONYMS or word in SIZES or word in STATES or word in OTHER_ADJECTIVES
    ) or (word in MATERIALS and word not in MATERIAL_NOUNS)


def _plain_noun(word: str) -> bool:
    """A word that can only be naming here: no describing word, verb or participle."""
    return not _describing(word) and word not in VERBS and not word.endswith(("ing", "ed")) and word.isalpha()


def finished(attrs: Attributes) -> Attributes:
    """The attributes with the plain forms of their values among the other words (see the module)."""
    attrs = _meant(attrs)
    said = set(attrs.described())
    extra = [w for w in _plain_forms(attrs) if w not in said and w not in attrs.other]
    if not extra or len(attrs.other) >= MAX_OTHER:
        return attrs
    return attrs.model_copy(update={"other": (attrs.other + _unique(extra))[:MAX_OTHER]})


def _meant(attrs: Attributes) -> Attributes:
    """A verb form written for another, as meant: an action has no object, so 'laying down' is lying down."""
    if not any(_misused(v) for v in (attrs.action, attrs.state, *attrs.other)):
        return attrs
    return attrs.model_copy(
        update={
            "action": _as_meant(attrs.action),
            "state": _as_meant(attrs.state),
            "other": _unique([_as_meant(v) or "" for v in attrs.other]),
        }
    )


def _misused(value: str | None) -> bool:
    return value is not None and value.split(" ", 1)[0] in words.MEANT_FORMS


def _as_meant(value: str | None) -> str | None:
    if not value or not _misused(value):
        return value
    first, _, rest = value.partition(" ")
    return f"{words.MEANT_FORMS[first]} {rest}".strip()


def _plain_forms(attrs: Attributes) -> list[str]:
    forms: list[str] = []
    for value in [attrs.color, *attrs.other]:
        if value and " and " in value and _is_colour_list(value):
            forms += _conjuncts(value)  # 'brown and white': brown, white
    for value in [attrs.action, attrs.state, *attrs.other]:
        head = _phrasal_head(value or "")
        if head:
            forms.append(head)  # 'sitting down': sitting
    for value in [attrs.color, attrs.state, *attrs.other]:
        if value and plain(value):
            forms.append(plain(value))  # 'completely flooded': flooded (intensity.py)
    for value in [attrs.size, *attrs.other]:
        if value in words.PLAIN_OF_COMPARED:
            forms.append(words.PLAIN_OF_COMPARED[value])  # 'smaller': small
    for value in [attrs.color, attrs.state, *attrs.other]:
        base, _, suffix = (value or "").rpartition("-")
        if base and suffix in words.LIKENESS_SUFFIXES:
            forms.append(base)  # 'heart-shaped': heart; 'caramel-colored': caramel
    for value in attrs.other:
        base, _, suffix = value.rpartition(" ")
        if base and " " not in base and suffix in words.STYLE_SUFFIXES:
            forms.append(base)  # 'a victorian style room' is victorian
    return forms


def _colour_list(first: str, second: str) -> str:
    """'white' and 'green' -> 'white and green'; 'white and red' and 'black' -> 'white, red and black'."""
    parts = _unique(_conjuncts(first) + _conjuncts(second))
    joined = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return joined if len(joined) <= MAX_WORD else first


def _is_colour_list(value: str) -> bool:
    return all(_is_colour(c) for c in _conjuncts(value))


def _conjuncts(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", " and ").split(" and ") if part.strip()]


def _is_colour(word: str) -> bool:
    return word.split()[-1] in _COLOUR_NAMES


def _phrasal_head(value: str) -> str | None:
    """'sitting down' -> 'sitting', 'curled up' -> 'curled'; None for one word or any other phrase."""
    parts = value.split()
    if len(parts) == 2 and parts[1] in words.VERB_PARTICLES and parts[0].endswith(("ing", "ed")):
        return parts[0]
    return None


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
