"""Noun phrases: the third pass of the rules planner's reading, from tagged words to what a phrase names.

A run of articles, numbers and content words is one noun phrase (a `Chunk`). Its words are classified:
the ones the vocabulary knows as attributes describe the thing (colour, material, size, state, other),
style, time, light and viewpoint words set the scene, and the rest name it, so "a purple wine glass" is
a wine glass that is purple, with no class list. `analyse` says what the phrase is: a thing with its
name and count, or a style, lighting, palette or quality phrase, or only describing words. The grammar
(grammar.py) decides what each phrase is to the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from limner.agents.planning.rules import grammar_words, setting_words, verbs
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.tagging import AND, COMMA, COP, DET, NUM, OR, PRON, PROPER, QUANT, STOP, WORD, Item
from limner.agents.scene.english import UNCHANGED_NOUNS, singularize_name
from limner.agents.scene.model import MAX_COUNT, MAX_OTHER, MAX_WORD, Attributes

_MAX_NAME_WORDS = 4
_LIST_ENDS = frozenset({COMMA, AND, OR, STOP})
_SIDES = frozenset({"left", "right"})
# Words that say a colour word before them is a colour: 'a white color surface', 'black colored border'.
_COLOUR_WORDS = frozenset({"color", "colour", "colored", "coloured", "colors", "colours", "shade", "tone", "toned"})


@dataclass
class Chunk:
    """The raw words of one noun phrase: its articles and numbers, then its content words."""

    lead: list[Item] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    proper: set[int] = field(default_factory=set)  # positions in `words` that are part of a name
    pronoun: str = ""  # the pronoun ("he", "it") when the phrase is one, else ""
    verb: str | None = None  # the verb or participle that ended it ("sitting"), if one did

    @property
    def text(self) -> str:
        return " ".join([*(item.text for item in self.lead), *self.words])


def take_chunk(items: list[Item], i: int) -> tuple[Chunk, int]:
    """The noun phrase starting at items[i], and the index after it."""
    chunk = Chunk()
    n = len(items)
    opens = i == 0 or items[i - 1].kind == STOP  # a sentence starts with the phrase
    while i < n and items[i].kind in (DET, NUM, QUANT):
        chunk.lead.append(items[i])
        i += 1
    if i < n and items[i].kind == PRON and not chunk.words:
        chunk.pronoun = "" if chunk.lead else items[i].text
        return chunk, i + 1
    if len(chunk.lead) == 1 and chunk.lead[0].text == "her" and (i >= n or items[i].kind != WORD):
        chunk.lead, chunk.pronoun = [], "her"  # 'behind her', not 'her hat'
        return chunk, i
    seen_noun = False
    while i < n:
        item = items[i]
        if item.kind == AND and chunk.words and _joins_colours(chunk.words[-1], items, i):
            chunk.words.append("and")
            i += 1
            continue
        if item.kind != WORD:
            break
        word = item.text
        if word in _SIDES and seen_noun and chunk.words[-1] not in _SIDES and item.value != PROPER:
            break  # 'left leg right leg': a side word after a noun starts the next thing
        if item.value == PROPER:
            chunk.proper.add(len(chunk.words))
        elif _is_verb_here(word, seen_noun, chunk, items, i) or (opens and _bare_verb(word, chunk, items, i)):
            chunk.verb = word
            return chunk, i + 1
        chunk.words.append(word)
        seen_noun = seen_noun or item.value == PROPER or _may_be_noun(word)
        i += 1
    return chunk, i


def _is_verb_here(word: str, seen_noun: bool, chunk: Chunk, items: list[Item], i: int) -> bool:
    """Whether `word` ends the phrase as a verb: after its noun ('a cat sitting'), or opening a clause."""
    if not seen_noun:
        if chunk.lead or chunk.words:
            return False
        alone = i + 1 >= len(items) or items[i + 1].kind != WORD or items[i + 1].text in verbs.PARTICLES
        if i > 0 and items[i - 1].kind in (COMMA, AND) and (i + 1 >= len(items) or items[i + 1].kind in _LIST_ENDS):
            return False  # 'railings, stands, tents': an item of a list is a noun
        after_copula = i > 0 and items[i - 1].kind == COP  # 'He is leaning back'
        return word in grammar_words.VERBS or ((alone or after_copula) and _looks_like_participle(word))
    if word in vocab.STATES and word.endswith("ing"):
        return True  # 'a dog running', 'people flying kites' (but 'a running dog')
    # A word between a noun and an article is a verb: 'a child draws a flower', 'centurions fire a cannon'.
    acts_on = i + 1 < len(items) and items[i + 1].kind in (DET, PRON) and bool(chunk.words) and len(word) > 2
    return word in grammar_words.VERBS or _looks_like_participle(word) or (acts_on and _may_be_noun(word))


def _bare_verb(word: str, chunk: Chunk, items: list[Item], i: int) -> bool:
    """A verb in its base form right after a bare noun opening a sentence, in notes written without
    articles: 'person stand next to basket', 'person drive car'."""
    following = items[i + 1] if i + 1 < len(items) else None
    return (
        not chunk.lead
        and len(chunk.words) == 1
        and word in verbs.BARE_VERBS
        and following is not None
        and following.kind not in (STOP, COMMA, AND, OR)
    )


def _looks_like_participle(word: str) -> bool:
    """'swooping', 'covered' (but not 'building', 'bed' or 'speed')."""
    if len(word) <= 4 or "-" in word or word in vocab.STATES:
        return False
    if word.endswith("ing"):
        return word not in grammar_words.NOUNS_ENDING_ING
    return word.endswith("ed") and word not in grammar_words.NOUNS_ENDING_ED and not word.endswith(("bed", "eed"))


def _may_be_noun(word: str) -> bool:
    """A quick test of whether a word could name the thing (it is no known describing word)."""
    return not (
        word in vocab.INTENSIFIERS or word in vocab.STATES or word in vocab.OTHER_ADJECTIVES or word in vocab.KIND_ADJECTIVES
        or word in vocab.SIZES or word in vocab.MATERIALS or _colour_of(word) is not None
        or word in setting_words.STYLE_WORDS or _is_adverb(word)
    )  # fmt: skip


def _joins_colours(previous: str, items: list[Item], i: int) -> bool:
    """'red and white': an 'and' between two colour words inside one noun phrase."""
    if _colour_of(previous) is None or i + 1 >= len(items) or items[i + 1].kind != WORD:
        return False
    j = i + 1
    if items[j].text in vocab.COLOR_MODIFIERS and j + 1 < len(items) and items[j + 1].kind == WORD:
        j += 1  # 'red and dark blue'
    # "apples and oranges": an orange after 'and' that ends the phrase is a fruit, not a colour.
    after = items[j + 1] if j + 1 < len(items) else None
    return _colour_of(items[j].text) is not None and after is not None and after.kind == WORD


def _colour_of(word: str) -> str | None:
    """The colour a single word names ('golden' -> 'gold', 'dark-red' -> 'dark red'), or None."""
    if word in vocab.COLORS:
        return "gold" if word == "golden" else word
    if word in vocab.COLOR_SYNONYMS:
        return vocab.COLOR_SYNONYMS[word]
    if "-" in word:
        parts = word.split("-")
        if parts[-1] in ("colored", "coloured", "toned", "tinted", "hued") and len(parts) == 2:
            return _colour_of(parts[0])
        shades = vocab.COLORS | vocab.COLOR_MODIFIERS | {"and"}
        if parts[-1] in vocab.COLORS and all(p in shades for p in parts):
            return " ".join(parts)  # 'dark-red', 'black-and-white'
    return None


def colour_list(items: list[Item], i: int) -> tuple[list[str], int]:
    """The colours written from items[i] on as a list ('blue and yellow', 'yellow, red and green color')
    and the index after them; ([], i) when the words there are not only colours ('red paint')."""
    colours: list[str] = []
    j, n = i, len(items)
    while j < n and items[j].kind == WORD:
        word, k = items[j].text, j + 1
        if word in vocab.COLOR_MODIFIERS and k < n and items[k].kind == WORD and _colour_of(items[k].text):
            colour, k = f"{word} {_colour_of(items[k].text)}", k + 1
        else:
            colour = _colour_of(word) or ""
        if not colour:
            return [], i
        colours.append(colour)
        if k < n and items[k].kind == WORD and items[k].text in _COLOUR_WORDS:
            k += 1  # 'in white color'
        more = k + 1 < n and items[k].kind in (COMMA, AND, OR) and items[k + 1].kind == WORD
        if more and _colour_of(items[k + 1].text) is None and items[k + 1].text not in vocab.COLOR_MODIFIERS:
            more = False  # 'in red, a cat': the list is over
        j = k + 1 if more else k
        if not more:
            break
    if not colours or (j < n and items[j].kind == WORD):
        return [], i
    return colours, j


def _is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in vocab.LY_NOT_ADVERBS


def _describes(word: str) -> bool:
    """Whether a word describes rather than names, so an -ly word before it is an adverb."""
    return bool(word) and (not _may_be_noun(word) or word.endswith(("ed", "ing")))


def _describes_by_shape(word: str) -> bool:
    """A word before a noun that describes it by its ending: 'covered', 'zombified', 'inflatable'."""
    if len(word) <= 5 or word in grammar_words.NOUNS_ENDING_ED or word in vocab.ABLE_NOUNS:
        return False
    if word.endswith("ed"):
        return not word.endswith(("bed", "eed")) and _may_be_noun(word)
    return word.endswith(("able", "ible"))


def _looks_descriptive(word: str) -> bool:
    """Adjectives recognised by shape: 'snow-capped', 'beautiful', 'enormous', '1950s'."""
    if "-" in word:
        return word.endswith(vocab.DESCRIPTIVE_HYPHEN_ENDINGS)
    if word[0].isdigit():
        return True  # '1950s', '8k', '1997'; a name may hold digits after a letter: 'c3po', 'r2d2'
    if word.endswith("ful") and word not in vocab.MEASURE_NOUNS_ENDING_FUL:
        return len(word) > 5
    return len(word) > 6 and word.endswith(("ous", "less", "esque", "istic", "ical", "etic", "atic", "eric", "ific"))


@dataclass
class _Word:
    """One content word of a noun phrase, classified."""

    role: str  # noun, color, material, size, state, other, style, time, view, light, mood
    value: str
    text: str
    names_a_thing: bool = False  # a describing word that can also be the thing: 'orange', 'glass'


def _classify(words: list[str], proper: set[int] | frozenset[int] = frozenset()) -> list[_Word]:
    fixed = _fixed_compound_positions(words) | proper
    out: list[_Word] = []
    j = 0
    while j < len(words):
        word = words[j]
        following = words[j + 1] if j + 1 < len(words) else ""
        if j in fixed and word.lower() in vocab.KIND_ADJECTIVES and following:
            out.append(_Word("other", word.lower(), word))  # 'an Egyptian tablet', 'three different sketches'
        elif j in fixed:
            out.append(_Word("noun", word, word))
        elif word == "and":
            out.append(_Word("and", word, word))
        elif word in _COLOUR_WORDS and out and out[-1].role == "color":
            pass  # 'white color': the colour word says it
        elif word in vocab.INTENSIFIERS or _is_adverb(word) and _describes(following):
            pass  # 'very', 'brightly (lit)'; but 'grizzly bear' keeps its -ly word
        elif word in vocab.COLOR_MODIFIERS and following and _colour_of(following):
            colour = f"{word} {_colour_of(following)}"
            out.append(_Word("color", colour, f"{word} {following}"))
            j += 1
        elif "-" in word and following and not _colour_of(word):
            out.append(_Word("other", word, word))  # 'a high-contrast photo'; but 'a blue t-shirt'
        elif following and _describes_by_shape(word):
            out.append(_Word("state", word, word))  # 'a speckled egg', 'an inflatable pool'; but 'the speckled'
        else:
            out.append(_classify_word(word))
        j += 1
    return _join_colours(out)


def _classify_word(word: str) -> _Word:
    colour = _colour_of(word)
    if colour:
        return _Word("color", colour, word, word in vocab.COLOR_NOUNS)
    for role, table, nouns in (
        ("material", vocab.MATERIALS, vocab.MATERIAL_NOUNS),
        ("style", setting_words.STYLE_WORDS, ()),
        ("time", setting_words.TIME_WORDS, ()),
        ("view", setting_words.VIEWPOINT_WORDS, ()),
        ("light", setting_words.LIGHTING_WORDS, ()),
    ):
        if word in table:
            return _Word(role, table[word], word, word in nouns)
    if word in vocab.SIZES:
        return _Word("size", word, word, word in vocab.SIZE_NOUNS)
    if word in vocab.STATES:
        return _Word("state", word, word)
    if word in setting_words.PALETTE_MOODS:
        return _Word("mood", word, word)
    if word in vocab.OTHER_ADJECTIVES or word in vocab.KIND_ADJECTIVES or _looks_descriptive(word):
        return _Word("other", word, word)
    return _Word("noun", word, word)


def _fixed_compound_positions(words: list[str]) -> set[int]:
    positions: set[int] = set()
    for length in (3, 2):
        for j in range(len(words) - length + 1):
            if " ".join(words[j : j + length]) in grammar_words.FIXED_COMPOUNDS:
                positions.update(range(j, j + length))
    return positions


def _join_colours(words: list[_Word]) -> list[_Word]:
    """'red', 'and', 'white' -> one colour 'red and white'."""
    out: list[_Word] = []
    for word in words:
        if out and len(out) >= 2 and out[-1].role == "and" and out[-2].role == "color" and word.role == "color":
            out.pop()
            first = out.pop()
            out.append(_Word("color", f"{first.value} and {word.value}", f"{first.text} and {word.text}"))
        else:
            out.append(word)
    return [w for w in out if w.role != "and"]


@dataclass
class Description:
    """What the describing words of a phrase say, by kind."""

    colors: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    sizes: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)
    lights: list[str] = field(default_factory=list)
    moods: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, words: list[_Word]) -> Description:
        d = cls()
        slots = {
            "color": d.colors, "material": d.materials, "size": d.sizes, "state": d.states,
            "other": d.others, "style": d.styles, "time": d.times, "view": d.views, "light": d.lights,
            "mood": d.moods,
        }  # fmt: skip
        for word in words:
            if word.role in slots:
                slots[word.role].append(word.value)
            if word.role in ("light", "mood"):
                d.others.append(word.text)  # 'a neon sign' keeps its neon; the scene's light is set too
        return d

    def palette(self) -> list[str]:
        colours = [c for colour in self.colors for c in colour.split(" and ")]
        return colours + [c for mood in self.moods for c in setting_words.PALETTE_MOODS[mood]]

    def attributes(self) -> Attributes:
        # What a thing does ('running', 'sitting') is its action; the other states are its state.
        actions = [s for s in self.states if s.endswith("ing") and s not in vocab.STATE_ADJECTIVES_ING]
        states = [s for s in self.states if s not in actions]
        extra = self.colors[1:] + self.materials[1:] + self.sizes[1:] + states[1:] + actions[1:]
        return Attributes(
            color=scene_word(self.colors[0]) if self.colors else None,
            material=scene_word(self.materials[0]) if self.materials else None,
            size=scene_word(self.sizes[0]) if self.sizes else None,
            state=scene_word(states[0]) if states else None,
            action=scene_word(actions[0]) if actions else None,
            other=unique([scene_word(w) for w in self.others + extra])[:MAX_OTHER],
        )


@dataclass
class Phrase:
    """One analysed noun phrase: a thing, or a style/lighting/palette phrase, or only describing words."""

    kind: str  # thing, style, lighting, palette, quality, filler, collective, pronoun, loose
    chunk: Chunk
    described: Description
    loose: Description  # every describing word, the one that might have been the name included
    name: str = ""
    count: int | None = None
    definite: bool = False
    value: str = ""  # the style, lighting or quality text
    nouns: list[str] = field(default_factory=list)  # the words read as naming, as written

    @property
    def has_lead(self) -> bool:
        return bool(self.chunk.lead)

    @property
    def head(self) -> str:
        return self.name.rsplit(" ", 1)[-1]

    def as_predicate(self) -> Description:
        """Every word as a description of something else: 'orange' and 'visible' in 'X is orange, visible'."""
        d = self.loose
        return replace(d, others=d.others + [w for w in self.nouns if w not in d.others])


def analyse(chunk: Chunk, *, followed_by_of: bool) -> Phrase:
    """What a noun phrase is; `followed_by_of` lets a collective noun count what follows ('a herd of ...')."""
    count, definite, pair = _count_of(chunk.lead)
    words = _classify([_strip_possessive(w) for w in chunk.words], chunk.proper)
    loose = Description.of(words)
    if chunk.pronoun:
        return Phrase("pronoun", chunk, loose, loose)
    # Unknown words were read as naming; the last word names the thing when it can ('an orange').
    unknown = [w.text for w in words if w.role == "noun"]
    if words and words[-1].role != "noun" and words[-1].names_a_thing:
        words[-1] = _Word("noun", words[-1].text, words[-1].text)  # 'an orange', 'a wine glass'
    nouns = [w.text for w in words if w.role == "noun"]
    described = Description.of([w for w in words if w.role != "noun"])
    phrase = Phrase("loose", chunk, described, loose, count=count, definite=definite, nouns=unknown)
    while len(nouns) > 1 and nouns[-1] in setting_words.FILLER_NOUNS:
        nouns.pop()  # 'a mountain scene' is a mountain
    if not nouns:
        return phrase
    head = nouns[-1]
    text = " ".join(w.text for w in words)
    if head in setting_words.STYLE_HEADS:
        subject = [n for n in nouns[:-1] if n not in setting_words.ART_MEDIA]
        if not subject:
            phrase.kind, phrase.value = "style", _style_text(words, head)
            return phrase
        # 'a cat photo', 'a landscape painting': a thing, drawn in a style
        media = [n for n in nouns[:-1] if n in setting_words.ART_MEDIA]
        phrase.loose.styles.append(" ".join([*media, setting_words.STYLE_HEADS[head]]))
        nouns = subject
        head = nouns[-1]
    if len(nouns) == 1 and head in setting_words.LIGHTING_HEADS and len(words) > 1:
        phrase.kind, phrase.value = "lighting", text
    elif all(n in setting_words.PALETTE_HEADS or n in setting_words.BACKGROUND_HEADS for n in nouns):
        phrase.kind, phrase.value = ("palette", text) if described.palette() else ("quality", text)
    elif len(nouns) == 1 and head in vocab.COLLECTIVE_NOUNS and followed_by_of:
        phrase.kind, phrase.count = "collective", vocab.COLLECTIVE_NOUNS[head] if count in (None, 1) else count
    elif len(nouns) == 1 and head in setting_words.FILLER_NOUNS and head not in grammar_words.PERSON_NOUNS:
        phrase.kind = "filler"
    else:
        phrase.kind = "thing"
        named = len(chunk.words) - 1 in chunk.proper
        _name_thing(phrase, nouns[-_MAX_NAME_WORDS:], count, pair, proper=named)
    return phrase


def _count_of(lead: list[Item]) -> tuple[int | None, bool, bool]:
    """(count, definite, 'a pair of') from the articles and numbers before a noun phrase."""
    count: int | None = None
    definite = pair = False
    for item in lead:
        if item.kind == DET:
            definite = definite or item.value == "definite"
            if item.value == "singular" and count is None:
                count = 1
        elif isinstance(item.value, int):
            count = item.value
            pair = "pair" in item.text
    return count, definite, pair


def _name_thing(phrase: Phrase, nouns: list[str], count: int | None, pair: bool, *, proper: bool) -> None:
    written = " ".join(nouns)
    name = written if proper else singularize_name(written)  # 'Dois Irmãos' is one place
    if count is None and name == written:
        count = 1  # a bare plural keeps no count: more than one, no number said
    elif pair and nouns[-1] in UNCHANGED_NOUNS:
        count = 1  # a pair of scissors is one pair of scissors
    phrase.name = scene_word(name)
    phrase.count = min(count, MAX_COUNT) if count is not None else None


def _style_text(words: list[_Word], head: str) -> str:
    """'oil painting', 'vintage photo': the phrase as written, its last word in its usual form."""
    text = (
        " ".join([*(w.text for w in words[:-1]), setting_words.STYLE_HEADS[head]]) if words[-1].text == head else head
    )
    return setting_words.STYLE_PHRASES.get(text, text)


def _strip_possessive(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def scene_word(text: str) -> str:
    """`text` cut to what the Scene takes as one name or attribute."""
    return text[:MAX_WORD].strip()


def unique(values: list[str]) -> list[str]:
    """The non-empty values, each once, in their first order."""
    return list(dict.fromkeys(v for v in values if v))


def comma_joined(parts: list[str]) -> str | None:
    """Several style words as one style, within the Scene's word limit: 'watercolor, highly detailed'."""
    joined = ""
    for part in unique(parts):
        candidate = f"{joined}, {part}" if joined else part
        if len(candidate) > MAX_WORD:
            break
        joined = candidate
    return joined or None
