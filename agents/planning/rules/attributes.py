"""Putting describing words on a thing: merging what a later mention says with what it had, and the
plain forms a description's values are also asked about.

- `merged`: a thing described twice ('a white cat ... the cat is fluffy and black') keeps every value:
  each field keeps its first value, and a second, different one for a field already filled
  (a second colour, a second state) goes among the `other` words rather than being lost; colours
  said one after another are one list ('his shirt is black white and blue');
- `coordinated`: describing words parted by commas or joined by 'and' after an article or a preposition
  ('a big, fluffy, white dog', 'a tall and thin man', 'with short, curly hair'), or opening a sentence
  ('Small, shiny pebbles'), all describe the noun after them; so do materials listed before a noun ('a
  wooden and metal chair');
- `printed`: a pattern's print before a noun describes it ('a floral print shirt' is floral-print), read
  in prints.py;
- `distributed`: describing words before the first of two nouns joined by 'and' describe the second
  too, when both are singular or both plural ('a white breast and belly': a white belly; but 'a gray
  shirt and jeans');
- `made_of`: what 'made of <material>' says of a thing: the material, and the material's own colours and
  states, which are the thing's ('a word made from broken black glass' is broken and black);
- `partitive`: what the piece of a partitive says of its stuff ('a brown piece of paper' is brown paper);
- `adverbial`: what a state phrase says of its thing, with the participle before it ('jumping in the air');
- `arrangement`: what a collective noun says of the things it counts ('a row of motorcycles' are in a
  row, 'a cute set of puppies' are cute);
- `described_after_of`: what the words after 'of' say of a thing ('a sock full of holes' is full of holes,
  'stripes of red and white' are red and white), read in described_of.py;
- `finished`: the values a Scene's checks ask about one by one. A colour written as a conjunction
  ('brown and white') is one colour for the prompt, and each of its colours is a fact of its own
  ('Is the cake brown?', 'Is the cake white?'); so is the verb of a phrasal action ('sitting down' is
  'sitting'), a word said with its degree ('completely flooded' is flooded), what a likeness is like
  ('heart-shaped' is 'heart', 'caramel-colored' 'caramel'), a style's word ('victorian style' is
  'victorian') and a compared word's plain one ('the smaller giraffe' is a small one). They go among
  the `other` words, after the thing's own, as room allows; the prompt writer says each word once. A
  thing of several materials has them all as its material, as a conjunction ('wood and metal').

The word tables are in attribute_words.py.
"""

from __future__ import annotations

from dataclasses import replace

from limner.agents.planning.rules import attribute_words as words
from limner.agents.planning.rules.described_of import described_after_of
from limner.agents.planning.rules.grammar_words import VERBS
from limner.agents.planning.rules.intensity import plain
from limner.agents.planning.rules.made_of import joined_after_made_of, names_thing, portion_material
from limner.agents.planning.rules.owned_words import WORN_THINGS
from limner.agents.planning.rules.phrases import Description, Phrase
from limner.agents.planning.rules.prints import printed
from limner.agents.planning.rules.tagging import (
    AND,
    COMMA,
    DET,
    NUM,
    OF,
    PREP,
    QUANT,
    REL,
    STOP,
    STYLE,
    WITH,
    WORD,
    Item,
)
from limner.agents.planning.rules.vocabulary import (
    ADJECTIVE_NOUNS,
    COLOR_MODIFIERS,
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
from limner.agents.scene.english import article, singularize
from limner.agents.scene.model import MAX_OTHER, MAX_WORD, Attributes
from limner.agents.scene.words import PAIR_NOUNS, PLURAL_ONLY_NOUNS

__all__ = ["described_after_of", "printed"]  # read here with the rest of a description (described_of.py, prints.py)

_COLOUR_NAMES = COLORS | frozenset(COLOR_SYNONYMS.values())
_MATERIAL_NAMES = frozenset(MATERIALS.values())
# Words after which describing words parted by commas run to their noun: an article or a number ('a big,
# fluffy dog'), or a preposition ('with short, curly hair', 'on soft, white pillows'). Not a comma or 'and',
# nor 'in', whose colours the grammar reads as a list ('the food is in yellow, red and green color').
_RUN_OPENERS = frozenset({DET, NUM, QUANT, WITH, PREP, REL, OF})
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
    if phrase.kind == "thing":  # 'made of glass', 'made of brass pieces' (made_of.py)
        material = portion_material(phrase) or MATERIALS.get(phrase.name, phrase.name)
    else:
        material = described.materials[0] if described.materials else " ".join(phrase.chunk.words)
    coloured = [f"{colour} {material}" for colour in described.colors]
    materials = [material, *(m for m in described.materials if m != material)]
    if phrase.kind == "thing" and phrase.name in MATERIALS:  # 'made of wood and metal': as written
        materials = [*(m for m in described.materials if m != material), material]
    return replace(described, materials=materials, others=described.others + coloured)


def made_of_names_thing(phrase: Phrase) -> bool:
    return names_thing(phrase)  # 'a tornado made of tigers': the tigers are there too (made_of.py)


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
        of_things.others += [f"in {article(written)} {written}", written]  # 'in an army'
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
        worn = [w.lower() in WORN_THINGS or w.lower()[:-1] in WORN_THINGS for w in (nouns[-1], second[-1])]
        if _plural(nouns[-1]) == _plural(second[-1]) and worn[0] == worn[1]:  # not 'green eyes and piercings',
            out += [Item(WORD, w) for w in first[:leading]]  # 'a white breast and (white) belly'
    return out


def coordinated(items: list[Item]) -> list[Item]:
    """'a big, fluffy, white dog', 'two tall, thin men': describing words parted by commas after an
    article, a number or a preposition ('with short, curly hair') are one run of describing words before
    the noun; so are materials listed before it ('a wooden and metal chair'). The items with those commas
    dropped. A sentence may open with the run ('chunky, colorful letters'); elsewhere a list after no
    article ('a cat, cute, cinematic, dramatic lighting') is a list, and stays one."""
    items = _joined_materials(joined_after_made_of(items))  # 'made of wood and metal' (made_of.py)
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
        if items[i].kind not in _RUN_OPENERS:
            i += 1
            continue
        end, commas = _coordinated_end(items, i + 1)
        out += [_as_word(it) for k, it in enumerate(items[i + 1 : end], start=i + 1) if k not in commas]
        i = max(end, i + 1)
    return out


def _joined_materials(items: list[Item]) -> list[Item]:
    """'a wooden and metal chair', 'a stone, brick and glass house': materials listed before a noun all
    describe it. The items with the commas and the 'and' between the materials dropped."""
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        end = _material_list_end(items, i)
        if end:
            out += [it for it in items[i:end] if it.kind == WORD]
            i = end
            continue
        out.append(items[i])
        i += 1
    return out


def _material_list_end(items: list[Item], i: int) -> int | None:
    """Where a list of materials joined by 'and' that starts at items[i] ends, at the noun it describes;
    None when no such list starts there ('a glass and a plate', 'paper and glass', 'a glass and steel')."""
    if not _material_at(items, i) or (i and not _opens_material_list(items, i - 1)):
        return None
    k, joined, n = i + 1, False, len(items)
    while k < n:
        if items[k].kind == COMMA and _material_at(items, k + 1):
            k += 2
        elif items[k].kind == COMMA and k + 1 < n and items[k + 1].kind == AND and _material_at(items, k + 2):
            k, joined = k + 3, True  # 'a stone, brick, and glass house'
        elif items[k].kind == AND and _material_at(items, k + 1):
            k, joined = k + 2, True
        else:
            break
    if joined and k < n and items[k].kind == WORD and _names_after_materials(items[k].text.lower()):
        return k
    return None


def _material_at(items: list[Item], k: int) -> bool:
    return k < len(items) and items[k].kind == WORD and items[k].text.lower() in MATERIALS


def _opens_material_list(items: list[Item], k: int) -> bool:
    """Whether items[k] may stand before a list of materials: a describing word ('a big wooden and metal
    chair'), or a comma after one ('a red, wooden and metal chair'), or a word that is no noun ('a', 'with');
    not a noun, nor a comma or 'and' of a list of things ('a cat, paper and glass bottles')."""
    item = items[k]
    if item.kind == WORD:
        return _describing(item.text.lower())
    if item.kind == COMMA:
        return k > 0 and items[k - 1].kind == WORD and _describing(items[k - 1].text.lower())
    return item.kind not in (AND, STYLE)


def _names_after_materials(word: str) -> bool:
    """Whether a word after a list of materials may be the noun they describe ('chair'; not 'is')."""
    return word.isalpha() and word not in MATERIALS and not _describing(word) and word not in VERBS


def _opens_run(items: list[Item], i: int) -> bool:
    """Whether a describing word at items[i] opens a sentence: 'chunky, colorful letters ...'."""
    return items[i].kind == WORD and (i == 0 or items[i - 1].kind == STOP) and _describing(items[i].text.lower())


def _coordinated_end(items: list[Item], start: int) -> tuple[int, set[int]]:
    """(where the run of describing words and its noun ends, the commas inside it) from `start`; no
    commas when the run is not one ('a cat, a dog')."""
    j, commas, n = start, set(), len(items)
    while True:
        k = j
        while k < n and _run_word_at(items, k):
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
            if _describing_after(items, k + 1) and not _colours_joined(items, k):
                commas.add(k)  # 'an old, rusty and broken bicycle': one run of three words
            j = k + 1  # 'a black, white and blue shirt': one colour, said with its 'and'
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
    before = items[k - 1].text.lower()
    if before in NAMING_ADJECTIVES:
        return False  # 'a green square and red rectangle': the square is a thing of its own
    return _describing_after(items, k + 1) and not _colours_joined(items, k)


def _run_word_at(items: list[Item], k: int) -> bool:
    """Whether items[k] is a word of a run of describing words: a describing word, the degree of one
    ('a very tall and thin man'), or a material before its noun ('a red, wooden chair')."""
    material = _material_at(items, k) and k + 1 < len(items) and items[k + 1].kind == WORD
    return _in_run(items[k]) or _degree_at(items, k) or material


def _degree_at(items: list[Item], k: int) -> bool:
    """Whether items[k] is a degree word before a describing word of the run: 'very' of 'a very tall and
    thin man', which phrases.py keeps with its word ('very tall') or drops as mere emphasis."""
    return (
        items[k].kind == WORD
        and items[k].text.lower() in words.RUN_DEGREE_WORDS
        and k + 1 < len(items)
        and items[k + 1].kind == WORD
        and _describing_in_run(items[k + 1].text.lower())
    )


def _describing_after(items: list[Item], k: int) -> bool:
    """Whether a describing word of a run starts at items[k], said with its degree or not ('thin', 'very thin')."""
    return _degree_at(items, k) or _describing_in_run(items[k].text.lower())


def _colours_joined(items: list[Item], k: int) -> bool:
    """Whether the 'and' at items[k] joins two colours, which make one colour ('white and blue', 'white,
    and blue')."""
    before = items[k - 2] if k > 1 and items[k - 1].kind == COMMA else items[k - 1]
    return _is_colour_word(before.text.lower()) and _colour_at(items, k + 1)


def _colour_at(items: list[Item], k: int) -> bool:
    """Whether a colour starts at items[k]: 'blue', or a shade of one ('neon orange', 'dark blue')."""
    word = items[k].text.lower()
    if _is_colour_word(word):
        return True
    following = items[k + 1] if k + 1 < len(items) else None
    return word in COLOR_MODIFIERS and following is not None and _is_colour_word(following.text.lower())


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
    attrs = _materials_listed(_meant(attrs))
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


def _materials_listed(attrs: Attributes) -> Attributes:
    """A thing of two materials or more has them all as its material: 'a wooden and metal chair' is wood and
    metal (its second material was among the other words)."""
    more = [w for w in attrs.other if w in _MATERIAL_NAMES and w != attrs.material]
    if attrs.material not in _MATERIAL_NAMES or not more:
        return attrs  # also a material said as a phrase ('light wire'), which reads as written
    listed = _colour_list(attrs.material, ", ".join(more))
    if listed == attrs.material:
        return attrs  # too long to say as one value: the other words keep the rest
    return attrs.model_copy(update={"material": listed, "other": [w for w in attrs.other if w not in more]})


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
    if attrs.material and " and " in attrs.material:
        forms += _conjuncts(attrs.material)  # 'wood and metal': wood, metal
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
