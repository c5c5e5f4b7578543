"""The `rules` planner: free text to a Scene with no model, deterministically and offline.

It is the fallback for every other planner, so it must take any text and never fail. It reads a
description in three passes:

1. tokens: lowercase words, with punctuation kept as separators and control characters dropped;
   words written with a capital inside a sentence ("the Eiffel Tower") are kept whole as names;
2. tags: fixed phrases first, longest match ("to the left of", "golden hour", "a pair of", "no",
   "in the style of"), then single grammar words (articles, numbers, prepositions, "and", "with");
3. noun phrases: a run of articles, numbers and content words is one noun phrase. Words the
   vocabulary knows as attributes describe the thing (colour, material, size, state, other) and
   the rest name it, so "a purple wine glass" is a wine glass that is purple, with no class list.
   The grammar words between noun phrases decide what each phrase is: the subject, the object of a
   relation, an exclusion, a part ("with green eyes"), a material ("made of glass") ...

Then the boxes are laid out (composition.py) and the prompt is written from the Scene (prompting.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from limner.agents import vocabulary as vocab
from limner.agents.composition import layout_boxes
from limner.agents.planner import Planned
from limner.agents.prompting import CLIP_PROMPT_TOKENS, PROMPT_WORD_BUDGET, write_prompt
from limner.agents.scene import MAX_COUNT, MAX_DESCRIPTION, MAX_OBJECTS, Attributes, Relation, Scene, SceneObject
from limner.agents.text import clean_text

log = logging.getLogger(__name__)

_MAX_WORD = 80  # the Scene's limit on one name or attribute
_MAX_NAME_WORDS = 4
_MAX_RELATIONS = 32
_MAX_EXCLUDE = 16
_MAX_PALETTE = 8
_MAX_OTHER = 8

_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[.,;:!?()&/+]")
# Control and invisible formatting characters, which separate words at most.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]+")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2014": ",", "\u2013": ",", "\u2026": "."})

# Tag kinds.
WORD, DET, NUM, QUANT, PRON = "word", "det", "num", "quant", "pron"
AND, OR, COMMA, STOP = "and", "or", "comma", "stop"
NEG, OF, IN, BETWEEN, BY, WITH, COP, CLAUSE, PREP, REL = (
    "neg", "of", "in", "between", "by", "with", "cop", "clause", "prep", "rel",
)  # fmt: skip
ANCHOR, STYLE, QUALITY, LIGHT, TIME, VIEW, MADE_OF, PALETTE_OF, PALETTE_WORDS, ARTIST, SHAPE_OF = (
    "anchor", "style", "quality", "light", "time", "view", "made_of", "palette_of", "palette_words", "artist",
    "shape_of",
)  # fmt: skip
_PHRASE_START = frozenset({WORD, DET, NUM, QUANT, PRON})
PROPER = "proper"  # the value of a word that is part of a capitalised name

# What the next noun phrase is, given the grammar words before it.
SUBJECT, REL_OBJECT, INSIDE, BETWEEN_FIRST, BETWEEN_WAIT, BETWEEN_SECOND = (
    "subject", "rel_object", "inside", "between_first", "between_wait", "between_second",
)  # fmt: skip
ASIDE, WITH_PART, COPULA, EXCLUDED, MATERIAL, PALETTE, SHAPE = (
    "aside", "with", "copula", "excluded", "material", "palette", "shape",
)  # fmt: skip


@dataclass(slots=True)
class _Item:
    """One tagged token or phrase."""

    kind: str
    text: str
    value: object = None


# ---------------------------------------------------------------------------------------------
# Tokens and tags
# ---------------------------------------------------------------------------------------------


def clean_description(description: object) -> str:
    """The description as one line of printable text, at most MAX_DESCRIPTION characters."""
    text = clean_text(_CONTROL.sub(" ", _as_text(description)[: MAX_DESCRIPTION * 2]))
    return _SPACES.sub(" ", text).strip()[:MAX_DESCRIPTION]


def _as_text(description: object) -> str:
    return description if isinstance(description, str) else ("" if description is None else str(description))


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().translate(_PUNCTUATION))


def _proper_positions(text: str) -> dict[int, str]:
    """Token positions that belong to a name written with capitals: 'the Eiffel Tower', 'Times Square'.

    A capital at the start of a sentence is no sign, unless the next word has one too; and text written
    in Title Case (or capitals) says nothing at all, so then there are none.
    """
    tokens = _TOKEN.findall(text.translate(_PUNCTUATION))
    words = [t for t in tokens if t[0].isalpha()]
    capitalised = [t[0].isupper() and not t.isupper() for t in tokens]  # 'Eiffel'; not 'A', 'TV' or 'NO'
    if not words or sum(capitalised) > 0.5 * len(words):
        return {}
    proper: dict[int, str] = {}
    sentence_start = True
    for i, token in enumerate(tokens):
        if capitalised[i] and token.lower() not in _GRAMMAR_WORDS and token.lower() not in _NOT_NAMES:
            following = i + 1 < len(tokens) and capitalised[i + 1]
            if not sentence_start or following:
                proper[i] = token
        sentence_start = token in ".!?;" or (sentence_start and not token[0].isalnum())
    return proper


def _build_lexicon() -> dict[tuple[str, ...], tuple[str, object]]:
    """Every fixed phrase the tagger matches, as a token tuple -> (kind, value)."""
    lexicon: dict[tuple[str, ...], tuple[str, object]] = {}
    tables: list[tuple[dict[str, object], str]] = [
        (vocab.QUALITY_PHRASES, QUALITY),
        (vocab.STYLE_PHRASES, STYLE),
        (vocab.LIGHTING_PHRASES, LIGHT),
        (vocab.TIME_PHRASES, TIME),
        (vocab.VIEWPOINT_PHRASES, VIEW),
        (vocab.RELATION_PHRASES, REL),
        (vocab.ANCHOR_PHRASES, ANCHOR),
        (vocab.NEGATION_PHRASES, NEG),
        (vocab.QUANTIFIER_PHRASES, QUANT),
        ({p: None for p in vocab.MADE_OF_PHRASES}, MADE_OF),
        ({p: None for p in vocab.PALETTE_OF_PHRASES}, PALETTE_OF),
        ({p: None for p in vocab.ARTIST_PHRASES}, ARTIST),
        ({p: None for p in vocab.SHAPE_PHRASES}, SHAPE_OF),
        (vocab.PALETTE_PHRASES, PALETTE_WORDS),
    ]
    for table, kind in tables:
        for phrase, value in table.items():
            lexicon[tuple(_tokens(phrase))] = (kind, value)
    return lexicon


_LEXICON = _build_lexicon()
_LONGEST_PHRASE = max(len(key) for key in _LEXICON)
# Words that end an artist's name ("in the style of Monet at dusk").
_GRAMMAR_WORDS = (
    vocab.CLAUSE_WORDS | vocab.OTHER_PREPOSITIONS | vocab.COPULAS | vocab.NEGATION_WORDS | vocab.WITH_WORDS
    | vocab.IN_WORDS | {"and", "or", "of", "by", "on", "over", "under", "above", "below", "near", "behind"}
)  # fmt: skip
# Capitalised words that do not start a name: "I", articles, and words that set the scene.
_NOT_NAMES = (
    {"i", "a", "an", "the", "this", "that", "these", "those", "my", "his", "her", "its", "our", "their"}
    | set(vocab.STYLE_WORDS) | set(vocab.TIME_WORDS) | set(vocab.NUMBER_WORDS)
)  # fmt: skip


def _tag(tokens: list[str], proper: dict[int, str] | None = None) -> list[_Item]:
    """Tagged items; a token at a `proper` position (part of a capitalised name) is a word as written."""
    proper = proper or {}
    items: list[_Item] = []
    i, n = 0, len(tokens)
    while i < n:
        if i in proper and proper[i].lower() == tokens[i]:
            items.append(_Item(WORD, proper[i], PROPER))
            i += 1
            continue
        for length in range(min(_LONGEST_PHRASE, n - i), 0, -1):
            entry = _LEXICON.get(tuple(tokens[i : i + length]))
            if entry:
                break
        else:
            items.append(_tag_word(tokens[i]))
            i += 1
            continue
        kind, value = entry
        text = " ".join(tokens[i : i + length])
        i += length
        if kind == ARTIST:
            artist, i = _artist(tokens, i)
            if artist:
                items.append(_Item(STYLE, artist, f"{artist} style"))
            continue
        items.append(_Item(kind, text, value))
    return items


def _artist(tokens: list[str], i: int) -> tuple[str, int]:
    """The artist's name after 'in the style of' / 'by': up to four words, until a grammar word."""
    if i < len(tokens) and tokens[i] == "the":
        i += 1
    words: list[str] = []
    while i < len(tokens) and len(words) < 4 and tokens[i][0].isalnum() and tokens[i] not in _GRAMMAR_WORDS:
        words.append(tokens[i])
        i += 1
    return " ".join(words), i


def _tag_word(token: str) -> _Item:
    if token in ".!?;":
        return _Item(STOP, token)
    if token in ",:()/":
        return _Item(COMMA, token)
    if token in ("and", "&", "+"):
        return _Item(AND, token)
    if token in ("or", "nor"):
        return _Item(OR, token)
    if token in vocab.NEGATION_WORDS:
        return _Item(NEG, token)
    if token == "of":
        return _Item(OF, token)
    if token in vocab.IN_WORDS:
        return _Item(IN, token)
    if token in vocab.BETWEEN_WORDS:
        return _Item(BETWEEN, token)
    if token == "by":
        return _Item(BY, token)
    if token in vocab.WITH_WORDS:
        return _Item(WITH, token)
    if token in vocab.COPULAS:
        return _Item(COP, token)
    if token in vocab.VERB_RELATIONS:
        return _Item(REL, token, vocab.VERB_RELATIONS[token])
    if token.isdigit() and len(token) <= 3 and int(token) <= 100:
        return _Item(NUM, token, int(token))  # larger numbers are years and models: 'a 1997 Porsche 911'
    if token in vocab.NUMBER_WORDS:
        return _Item(NUM, token, vocab.NUMBER_WORDS[token])
    if token in ("a", "an") or token in vocab.SINGULAR_DETERMINERS:
        return _Item(DET, token, "singular")
    if token in vocab.DEFINITE_DETERMINERS:
        return _Item(DET, token, "definite")
    if token in vocab.PRONOUNS:
        return _Item(PRON, token)
    if token in vocab.CLAUSE_WORDS:
        return _Item(CLAUSE, token)
    if token in vocab.OTHER_PREPOSITIONS:
        return _Item(PREP, token)
    return _Item(WORD, token)


# ---------------------------------------------------------------------------------------------
# Noun phrases
# ---------------------------------------------------------------------------------------------


@dataclass
class _Chunk:
    """The raw words of one noun phrase: its articles and numbers, then its content words."""

    lead: list[_Item] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    proper: set[int] = field(default_factory=set)  # positions in `words` that are part of a name
    pronoun: bool = False
    verb: str | None = None  # the verb or participle that ended it ("sitting"), if one did

    @property
    def text(self) -> str:
        return " ".join([*(item.text for item in self.lead), *self.words])


def _take_chunk(items: list[_Item], i: int) -> tuple[_Chunk, int]:
    """The noun phrase starting at items[i], and the index after it."""
    chunk = _Chunk()
    n = len(items)
    while i < n and items[i].kind in (DET, NUM, QUANT):
        chunk.lead.append(items[i])
        i += 1
    if i < n and items[i].kind == PRON and not chunk.words:
        chunk.pronoun = not chunk.lead
        return chunk, i + 1
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
        if item.value == PROPER:
            chunk.proper.add(len(chunk.words))
        elif _is_verb_here(word, seen_noun, chunk, items, i):
            chunk.verb = word
            return chunk, i + 1
        chunk.words.append(word)
        seen_noun = seen_noun or item.value == PROPER or _may_be_noun(word)
        i += 1
    return chunk, i


def _is_verb_here(word: str, seen_noun: bool, chunk: _Chunk, items: list[_Item], i: int) -> bool:
    """Whether `word` ends the phrase as a verb: after its noun ('a cat sitting'), or opening a clause."""
    if not seen_noun:
        if chunk.lead or chunk.words:
            return False
        alone = i + 1 >= len(items) or items[i + 1].kind != WORD
        return word in vocab.VERBS or (alone and _looks_like_participle(word))
    return word in vocab.VERBS or _looks_like_participle(word)


def _looks_like_participle(word: str) -> bool:
    """'swooping', 'covered' (but not 'building', 'bed' or 'speed')."""
    if len(word) <= 4 or "-" in word or word in vocab.STATES:
        return False
    if word.endswith("ing"):
        return word not in vocab.NOUNS_ENDING_ING
    return word.endswith("ed") and word not in vocab.NOUNS_ENDING_ED and not word.endswith(("bed", "eed"))


def _may_be_noun(word: str) -> bool:
    """A quick test of whether a word could name the thing (it is no known describing word)."""
    return not (
        word in vocab.INTENSIFIERS or word in vocab.STATES or word in vocab.OTHER_ADJECTIVES
        or word in vocab.SIZES or word in vocab.MATERIALS or _colour_of(word) is not None
        or word in vocab.STYLE_WORDS or _is_adverb(word)
    )  # fmt: skip


def _joins_colours(previous: str, items: list[_Item], i: int) -> bool:
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


def _is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in vocab.LY_NOT_ADVERBS


def _describes(word: str) -> bool:
    """Whether a word describes rather than names, so an -ly word before it is an adverb."""
    return bool(word) and (not _may_be_noun(word) or word.endswith(("ed", "ing")))


def _looks_descriptive(word: str) -> bool:
    """Adjectives recognised by shape: 'snow-capped', 'beautiful', 'enormous', '1950s'."""
    if "-" in word:
        return word.endswith(vocab.DESCRIPTIVE_HYPHEN_ENDINGS)
    if any(c.isdigit() for c in word):
        return True  # '1950s', '8k', '1997'
    if word.endswith("ful") and word not in vocab.MEASURE_NOUNS_ENDING_FUL:
        return len(word) > 5
    return len(word) > 6 and word.endswith(("ous", "less", "esque"))


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
        if j in fixed:
            out.append(_Word("noun", word, word))
        elif word == "and":
            out.append(_Word("and", word, word))
        elif word in vocab.INTENSIFIERS or _is_adverb(word) and _describes(following):
            pass  # 'very', 'brightly (lit)'; but 'grizzly bear' keeps its -ly word
        elif word in vocab.COLOR_MODIFIERS and following and _colour_of(following):
            colour = f"{word} {_colour_of(following)}"
            out.append(_Word("color", colour, f"{word} {following}"))
            j += 1
        elif "-" in word and following and not _colour_of(word):
            out.append(_Word("other", word, word))  # 'a high-contrast photo'; but 'a blue t-shirt'
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
        ("style", vocab.STYLE_WORDS, ()),
        ("time", vocab.TIME_WORDS, ()),
        ("view", vocab.VIEWPOINT_WORDS, ()),
        ("light", vocab.LIGHTING_WORDS, ()),
    ):
        if word in table:
            return _Word(role, table[word], word, word in nouns)
    if word in vocab.SIZES:
        return _Word("size", word, word, word in vocab.SIZE_NOUNS)
    if word in vocab.STATES:
        return _Word("state", word, word)
    if word in vocab.PALETTE_MOODS:
        return _Word("mood", word, word)
    if word in vocab.OTHER_ADJECTIVES or _looks_descriptive(word):
        return _Word("other", word, word)
    return _Word("noun", word, word)


def _fixed_compound_positions(words: list[str]) -> set[int]:
    positions: set[int] = set()
    for length in (3, 2):
        for j in range(len(words) - length + 1):
            if " ".join(words[j : j + length]) in vocab.FIXED_COMPOUNDS:
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
class _Description:
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
    def of(cls, words: list[_Word]) -> _Description:
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
        return colours + [c for mood in self.moods for c in vocab.PALETTE_MOODS[mood]]

    def attributes(self) -> Attributes:
        extra = self.colors[1:] + self.materials[1:] + self.sizes[1:] + self.states[1:]
        return Attributes(
            color=_word(self.colors[0]) if self.colors else None,
            material=_word(self.materials[0]) if self.materials else None,
            size=_word(self.sizes[0]) if self.sizes else None,
            state=_word(self.states[0]) if self.states else None,
            other=_unique([_word(w) for w in self.others + extra])[:_MAX_OTHER],
        )


@dataclass
class _Phrase:
    """One analysed noun phrase: a thing, or a style/lighting/palette phrase, or only describing words."""

    kind: str  # thing, style, lighting, palette, quality, filler, collective, pronoun, loose
    chunk: _Chunk
    described: _Description
    loose: _Description  # every describing word, the one that might have been the name included
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

    def as_predicate(self) -> _Description:
        """Every word as a description of something else: 'orange' and 'visible' in 'X is orange, visible'."""
        d = self.loose
        return replace(d, others=d.others + [w for w in self.nouns if w not in d.others])


def _analyse(chunk: _Chunk, *, followed_by_of: bool) -> _Phrase:
    count, definite, pair = _count_of(chunk.lead)
    words = _classify([_strip_possessive(w) for w in chunk.words], chunk.proper)
    loose = _Description.of(words)
    if chunk.pronoun:
        return _Phrase("pronoun", chunk, loose, loose)
    # Unknown words were read as naming; the last word names the thing when it can ('an orange').
    unknown = [w.text for w in words if w.role == "noun"]
    if words and words[-1].role != "noun" and words[-1].names_a_thing:
        words[-1] = _Word("noun", words[-1].text, words[-1].text)  # 'an orange', 'a wine glass'
    nouns = [w.text for w in words if w.role == "noun"]
    described = _Description.of([w for w in words if w.role != "noun"])
    phrase = _Phrase("loose", chunk, described, loose, count=count, definite=definite, nouns=unknown)
    while len(nouns) > 1 and nouns[-1] in vocab.FILLER_NOUNS:
        nouns.pop()  # 'a mountain scene' is a mountain
    if not nouns:
        return phrase
    head = nouns[-1]
    text = " ".join(w.text for w in words)
    if head in vocab.STYLE_HEADS:
        subject = [n for n in nouns[:-1] if n not in vocab.ART_MEDIA]
        if not subject:
            phrase.kind, phrase.value = "style", _style_text(words, head)
            return phrase
        # 'a cat photo', 'a landscape painting': a thing, drawn in a style
        media = [n for n in nouns[:-1] if n in vocab.ART_MEDIA]
        phrase.loose.styles.append(" ".join([*media, vocab.STYLE_HEADS[head]]))
        nouns = subject
        head = nouns[-1]
    if len(nouns) == 1 and head in vocab.LIGHTING_HEADS and len(words) > 1:
        phrase.kind, phrase.value = "lighting", text
    elif all(n in vocab.PALETTE_HEADS or n in vocab.BACKGROUND_HEADS for n in nouns):
        phrase.kind, phrase.value = ("palette", text) if described.palette() else ("quality", text)
    elif len(nouns) == 1 and head in vocab.COLLECTIVE_NOUNS and followed_by_of:
        phrase.kind, phrase.count = "collective", vocab.COLLECTIVE_NOUNS[head] if count in (None, 1) else count
    elif len(nouns) == 1 and head in vocab.FILLER_NOUNS:
        phrase.kind = "filler"
    else:
        phrase.kind = "thing"
        named = len(chunk.words) - 1 in chunk.proper
        _name_thing(phrase, nouns[-_MAX_NAME_WORDS:], count, pair, proper=named)
    return phrase


def _count_of(lead: list[_Item]) -> tuple[int | None, bool, bool]:
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


def _name_thing(phrase: _Phrase, nouns: list[str], count: int | None, pair: bool, *, proper: bool) -> None:
    written = " ".join(nouns)
    name = written if proper else vocab.singularize_name(written)  # 'Dois Irmãos' is one place
    if count is None:
        count = vocab.BARE_PLURAL_COUNT if name != written else 1
    elif pair and nouns[-1] in vocab.UNCHANGED_NOUNS:
        count = 1  # a pair of scissors is one pair of scissors
    phrase.name = _word(name)
    phrase.count = min(count, MAX_COUNT)


def _style_text(words: list[_Word], head: str) -> str:
    """'oil painting', 'vintage photo': the phrase as written, its last word in its usual form."""
    text = " ".join([*(w.text for w in words[:-1]), vocab.STYLE_HEADS[head]]) if words[-1].text == head else head
    return vocab.STYLE_PHRASES.get(text, text)


def _strip_possessive(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def _word(text: str) -> str:
    return text[:_MAX_WORD].strip()


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


# ---------------------------------------------------------------------------------------------
# Reading: noun phrases and the grammar words between them
# ---------------------------------------------------------------------------------------------


@dataclass
class _Thing:
    name: str
    count: int
    attributes: Attributes


@dataclass
class _Reading:
    """Everything read so far, and what the next noun phrase will be."""

    things: list[_Thing] = field(default_factory=list)
    relations: list[tuple[int, str, int]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    qualities: list[str] = field(default_factory=list)
    lights: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)
    palette: list[str] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=dict)

    role: str = SUBJECT
    last_role: str = SUBJECT  # the role of the last thing read, which "and" continues
    group: list[int] = field(default_factory=list)  # the current subjects: "a cat and a dog (on a sofa)"
    extend_group: bool = False
    relation: str | None = None  # the relation waiting for its object
    relation_subjects: list[int] = field(default_factory=list)
    fronted: list[tuple[str, int]] = field(default_factory=list)  # "Above the city, (a moon)"
    between_first: int | None = None
    last_thing: int | None = None
    last_kind: str = ""
    pending_count: int | None = None
    pending_anchor: str | None = None

    # -- the loop ---------------------------------------------------------------------------

    def read(self, items: list[_Item]) -> None:
        i = 0
        while i < len(items):
            if items[i].kind in _PHRASE_START:
                chunk, i = _take_chunk(items, i)
                followed_by_of = i < len(items) and items[i].kind == OF
                self.accept(_analyse(chunk, followed_by_of=followed_by_of))
                if chunk.verb:
                    self.after_verb(chunk.verb)
                continue
            i = self.handle(items, i)

    def handle(self, items: list[_Item], i: int) -> int:
        """Act on the grammar item items[i]; return the index of the next item to read."""
        item = items[i]
        kind = item.kind
        if kind == OF:
            return self.after_of(items, i)
        if kind == BY:
            return self.after_by(items, i)
        if kind in (AND, OR):
            self.after_and(items, i)
        elif kind == COMMA:
            self.after_comma(items, i)
        elif kind == STOP:
            self.end_sentence()
        elif kind == REL:
            self.expect_relation(str(item.value))
        elif kind == IN:
            self.relation_subjects, self.role = self.nearest_subjects(), INSIDE
        elif kind == BETWEEN:
            self.relation_subjects, self.role = list(self.group), BETWEEN_FIRST
        elif kind == NEG:
            self.role = EXCLUDED
            if item.value:
                self.exclude_word(str(item.value))
        else:
            self.handle_marker(item)
        return i + 1

    def handle_marker(self, item: _Item) -> None:
        """Style, light, time and viewpoint phrases, and the words that set the next phrase's role."""
        kind, value = item.kind, str(item.value) if item.value is not None else item.text
        if kind in (STYLE, QUALITY, LIGHT, TIME, VIEW) and self.role == EXCLUDED:
            self.exclude_word(item.text)  # 'no bokeh'
            return
        targets = {STYLE: self.styles, QUALITY: self.qualities, LIGHT: self.lights, TIME: self.times, VIEW: self.views}
        if kind in targets:
            targets[kind].append(value)
            self.role, self.extend_group = SUBJECT, False
        elif kind == ANCHOR:
            self.place(value)
        elif kind == WITH:
            self.role = WITH_PART
        elif kind == COP:
            self.role = COPULA
        elif kind == MADE_OF:
            self.role = MATERIAL
        elif kind == PALETTE_OF:
            self.role = PALETTE
        elif kind == PALETTE_WORDS and isinstance(item.value, tuple):
            self.palette += list(item.value)  # 'earth tones'
        elif kind == SHAPE_OF:
            self.role = SHAPE
        elif kind == CLAUSE:
            self.role, self.extend_group = SUBJECT, False
        elif kind == PREP:
            self.role = ASIDE

    # -- grammar words ----------------------------------------------------------------------

    def after_and(self, items: list[_Item], i: int) -> None:
        if self.role == EXCLUDED:
            following = items[i + 1] if i + 1 < len(items) else None
            if following is None or following.kind not in (DET, NUM) or items[i].kind == OR:
                return  # 'no text or watermark', 'without people and cars'
        if self.role == PALETTE:
            return  # 'in shades of orange and purple'
        if self.role == BETWEEN_WAIT:
            self.role = BETWEEN_SECOND
        elif self.last_role in (ASIDE, WITH_PART):
            self.role = self.last_role  # 'holding a cup and a saucer'
        else:
            self.role, self.extend_group = SUBJECT, self.last_role == SUBJECT

    def after_comma(self, items: list[_Item], i: int) -> None:
        if self.role == EXCLUDED and _list_goes_on(items, i):
            return  # 'no text, logo or watermark'
        self.role, self.extend_group = SUBJECT, False

    def end_sentence(self) -> None:
        self.role, self.extend_group, self.group = SUBJECT, False, []
        self.relation, self.fronted, self.pending_anchor = None, [], None

    def expect_relation(self, predicate: str) -> None:
        self.relation, self.relation_subjects, self.role = predicate, self.nearest_subjects(), REL_OBJECT

    def nearest_subjects(self) -> list[int]:
        """What a relation starts from: the thing just named after a verb or 'with' ('pouring milk into
        a cup', 'a piano with a book above the keys'), else the current subjects."""
        if self.last_role in (ASIDE, WITH_PART) and self.last_kind == "thing" and self.last_thing is not None:
            return [self.last_thing]
        return list(self.group)

    def after_verb(self, verb: str) -> None:
        """'a cat sleeping on a mat': the cat is sleeping; what follows the verb is not a new subject."""
        if verb in vocab.STATES and self.last_thing is not None and self.last_kind == "thing":
            attrs = self.things[self.last_thing].attributes
            if attrs.state is None:
                self.things[self.last_thing].attributes = attrs.model_copy(update={"state": verb})
        self.role = ASIDE

    def after_of(self, items: list[_Item], i: int) -> int:
        """'a photo of X' frames X; 'a cup of coffee' is one thing; 'a statue of marble' a material."""
        if self.last_kind != "thing" or self.last_thing is None or self.role == EXCLUDED:
            return i + 1
        chunk, after = _take_chunk(items, i + 1)
        if chunk.lead or chunk.pronoun or chunk.verb or not chunk.words:
            self.role = ASIDE  # 'the roof of a house': the house is a thing of its own
            return i + 1
        phrase = _analyse(chunk, followed_by_of=False)
        thing = self.things[self.last_thing]
        if phrase.kind == "thing" and phrase.name in vocab.MATERIALS and not phrase.described.colors:
            self.set_material(self.last_thing, vocab.MATERIALS[phrase.name])
            return after
        if phrase.kind == "thing":
            thing.name = _word(f"{thing.name} of {' '.join(chunk.words)}")
            return after
        return i + 1

    def after_by(self, items: list[_Item], i: int) -> int:
        """'a painting by Monet' names an artist; 'a cabin by the lake' is next to it."""
        if self.last_kind == "style":
            tokens = [item.text for item in items[i + 1 : i + 6]]
            artist, used = _artist(tokens, 0)
            if artist:
                self.styles.append(f"{artist} style")
                return i + 1 + used
        self.expect_relation("next to")
        return i + 1

    def place(self, where: str) -> None:
        if not self.group:
            self.pending_anchor = where  # 'On the left, a red car'
            return
        for index in self.group:
            self.anchors.setdefault(index, where)

    # -- noun phrases -----------------------------------------------------------------------

    def accept(self, phrase: _Phrase) -> None:
        role = self.role
        if role == EXCLUDED:
            self.exclude_phrase(phrase)
            return
        self.absorb_setting(phrase)
        if phrase.kind != "thing":
            self.last_kind = phrase.kind
        if phrase.kind == "collective":
            self.pending_count = phrase.count
            return
        if phrase.kind == "pronoun":
            # 'it is red': only as a subject; 'a cup with a spoon in it' is beyond these rules.
            if role in (SUBJECT, COPULA) and self.last_thing is not None:
                self.group = [self.last_thing]
            return
        predicate = role == COPULA and not phrase.has_lead and bool(self.group)
        if phrase.kind == "loose" or (predicate and phrase.kind == "thing"):
            # 'the sky is orange', 'the continent is visible': words after 'is' describe the subject
            self.accept_description(phrase.as_predicate() if phrase.kind == "thing" else phrase.described, role)
            return
        if phrase.kind != "thing":
            if role in (REL_OBJECT, INSIDE, BETWEEN_FIRST, BETWEEN_SECOND) and phrase.kind != "filler":
                self.role = SUBJECT  # 'on a white background': nothing to relate to ('on a piece of' waits)
            return
        if role == MATERIAL:
            self.set_material(self.last_thing, vocab.MATERIALS.get(phrase.name, phrase.name))
            self.role = SUBJECT
            return
        if role == PALETTE:
            self.palette += phrase.loose.palette() or [phrase.name]  # 'in shades of orange'
            return
        if role == SHAPE:
            if self.last_thing is not None:
                self.add_other(self.last_thing, f"{phrase.name}-shaped")
            self.role = SUBJECT
            return
        if role == WITH_PART and phrase.head in vocab.PART_NOUNS and self.last_thing is not None:
            self.add_other(self.last_thing, "with " + phrase.chunk.text)
            self.last_role = WITH_PART
            return
        index = self.add_thing(phrase)
        if index is not None:
            self.place_thing(index, role)

    def place_thing(self, index: int, role: str) -> None:
        """Relate a thing just read to the others, by the role the grammar gave it."""
        if role == COPULA and not self.group:
            role = SUBJECT  # 'there is a cat'
        if role == REL_OBJECT and self.relation:
            self.relate_all(self.relation_subjects, self.relation, index)
            self.group, self.last_role = [index], REL_OBJECT
        elif role == INSIDE:
            if _is_container(self.things[index].name):
                self.relate_all(self.relation_subjects, "inside", index)
            self.last_role = ASIDE
        elif role == BETWEEN_FIRST:
            self.between_first, self.role, self.last_role = index, BETWEEN_WAIT, ASIDE
            return
        elif role == BETWEEN_SECOND and self.between_first is not None:
            self.relate_all(self.relation_subjects, "right of", self.between_first)
            self.relate_all(self.relation_subjects, "left of", index)
            self.last_role = ASIDE
        elif role in (SUBJECT, BETWEEN_WAIT):
            self.group = [*self.group, index] if self.extend_group else [index]
            for predicate, other in self.fronted:
                self.relate(index, predicate, other)
            self.fronted = []
            if self.pending_anchor:
                self.anchors.setdefault(index, self.pending_anchor)
                self.pending_anchor = None
            self.last_role = SUBJECT
        else:
            self.last_role = role
        self.role = SUBJECT if role not in (ASIDE, WITH_PART) else role
        self.extend_group = False

    def accept_description(self, described: _Description, role: str) -> None:
        """Describing words with no noun: 'the sky is orange', ', foggy', ', pastel'."""
        targets = self.group or ([self.last_thing] if self.last_thing is not None else [])
        if role == COPULA and targets:
            for index in targets:
                self.describe(index, described)
            return
        if role == PALETTE:
            self.palette += described.palette()
            return
        self.lights += [w for w in described.others if w in vocab.WEATHER_WORDS]
        self.palette += [c for mood in described.moods for c in vocab.PALETTE_MOODS[mood]]

    def absorb_setting(self, phrase: _Phrase) -> None:
        d = phrase.loose
        if phrase.kind != "style":  # a style phrase is kept whole: 'watercolor painting'
            self.styles += d.styles
        self.times += d.times
        self.views += d.views
        self.lights += d.lights
        if phrase.kind == "style":
            self.styles.append(phrase.value)
        elif phrase.kind == "lighting":
            self.lights.append(phrase.value)
        elif phrase.kind == "quality":
            self.qualities.append(phrase.value)
        elif phrase.kind == "palette":
            self.palette += phrase.described.palette()

    def add_thing(self, phrase: _Phrase) -> int | None:
        """The index of the thing a noun phrase names: a new one, or one named before with 'the'."""
        count = phrase.count if phrase.count is not None else 1
        if self.pending_count and not phrase.has_lead:
            count = min(self.pending_count, MAX_COUNT)
        self.pending_count = None
        if count <= 0:
            self.exclude_word(phrase.name)
            return None
        if phrase.name in self.exclude:
            return None
        attributes = phrase.described.attributes()
        if phrase.definite:
            for index, thing in enumerate(self.things):
                if thing.name == phrase.name:
                    self.describe(index, phrase.described)
                    self.last_thing, self.last_kind = index, "thing"
                    return index
        if len(self.things) >= MAX_OBJECTS:
            return None
        self.things.append(_Thing(phrase.name, count, attributes))
        self.last_thing, self.last_kind = len(self.things) - 1, "thing"
        return self.last_thing

    def relate_all(self, subjects: list[int], predicate: str, other: int) -> None:
        if not subjects:
            self.fronted.append((predicate, other))  # 'Above the city, a full moon'
        for subject in subjects:
            self.relate(subject, predicate, other)

    def relate(self, subject: int, predicate: str, other: int) -> None:
        if predicate in vocab.INVERSE_RELATIONS:
            subject, predicate, other = other, vocab.INVERSE_RELATIONS[predicate], subject
        relation = (subject, predicate, other)
        if subject != other and relation not in self.relations and len(self.relations) < _MAX_RELATIONS:
            self.relations.append(relation)

    def exclude_phrase(self, phrase: _Phrase) -> None:
        if phrase.kind == "thing":
            self.exclude_word(phrase.name)
        elif phrase.chunk.words:
            self.exclude_word(" ".join(phrase.chunk.words))

    def exclude_word(self, word: str) -> None:
        word = _word(vocab.singularize_name(word))
        if word and word not in self.exclude and len(self.exclude) < _MAX_EXCLUDE:
            self.exclude.append(word)

    def describe(self, index: int, described: _Description) -> None:
        """Add describing words to a thing, keeping what it already has."""
        new = described.attributes()
        old = self.things[index].attributes
        self.things[index].attributes = Attributes(
            color=old.color or new.color,
            material=old.material or new.material,
            size=old.size or new.size,
            state=old.state or new.state,
            other=_unique(old.other + new.other)[:_MAX_OTHER],
        )

    def set_material(self, index: int | None, material: str) -> None:
        if index is not None and material:
            self.describe(index, _Description(materials=[_word(material)]))

    def add_other(self, index: int, words: str) -> None:
        self.describe(index, _Description(others=[_word(words)]))


def _list_goes_on(items: list[_Item], i: int) -> bool:
    """After a comma in 'no text, logo or watermark': whether an 'or' still ends the list."""
    j = i + 1
    while j < len(items) and items[j].kind in (WORD, COMMA):
        j += 1
    return j > i + 1 and j < len(items) and items[j].kind == OR


def _is_container(name: str) -> bool:
    return name in vocab.CONTAINERS or name.rsplit(" ", 1)[-1] in vocab.CONTAINERS


# ---------------------------------------------------------------------------------------------
# The planner
# ---------------------------------------------------------------------------------------------


class RulesPlanner:
    """Plans a Scene from a description with word lists and a small grammar: offline and deterministic."""

    name: ClassVar[str] = "rules"

    def plan(
        self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
    ) -> Planned:
        return Planned(self.read(description, width=width, height=height, prompt_tokens=prompt_tokens), self.name)

    def read(
        self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
    ) -> Scene:
        """The Scene a description asks for. Never fails on odd text; bad sizes are the caller's error."""
        text = clean_description(description)
        intent = clean_text(_as_text(description)[: MAX_DESCRIPTION * 2])[:MAX_DESCRIPTION].strip()
        try:
            reading = _Reading()
            reading.read(_tag(_tokens(text), _proper_positions(text)))
            return _scene(reading, text, intent, width, height, prompt_tokens)
        except (ValueError, LookupError, TypeError, RecursionError):
            # The rules planner is the fallback for every other planner, so a sentence its grammar
            # trips over still gets a Scene: the words themselves, as the prompt.
            log.warning("rules planner could not read %r; using the words as the prompt", text[:200], exc_info=True)
            prompt = " ".join(text.split()[:PROMPT_WORD_BUDGET]) or "an image"
            return Scene(intent=intent, prompt=prompt, width=width, height=height)

    def revise(self, scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> Planned:
        """A new Scene that changes only what the instruction asks ("make it night", "add a boat")."""
        from limner.agents.rules_editor import revise

        return Planned(revise(scene, instruction, prompt_tokens=prompt_tokens), self.name)


def _scene(reading: _Reading, text: str, intent: str, width: int, height: int, prompt_tokens: int) -> Scene:
    things, relations, anchors = _without_excluded(reading)
    objects = [SceneObject(name=t.name, count=t.count, attributes=t.attributes) for t in things]
    scene_relations = [Relation(subject=s, predicate=p, object=o) for s, p, o in relations]  # type: ignore[arg-type]
    boxes = layout_boxes(objects, scene_relations, anchors=anchors, aspect=width / height)
    objects = [o.model_copy(update={"box": box}) for o, box in zip(objects, boxes)]
    draft = Scene(
        intent=intent,
        prompt=" ".join(text.split()[:PROMPT_WORD_BUDGET]) or "an image",
        style=_joined(reading.styles + reading.qualities),
        lighting=_word(reading.lights[0]) if reading.lights else None,
        time_of_day=reading.times[0] if reading.times else None,  # type: ignore[arg-type]
        palette=_unique(reading.palette)[:_MAX_PALETTE],
        viewpoint=_word(reading.views[0]) if reading.views else None,
        objects=objects,
        relations=scene_relations,
        exclude=reading.exclude,
        negative_prompt=", ".join(reading.exclude),
        width=width,
        height=height,
    )
    if not objects and not reading.exclude:
        return draft  # nothing the grammar could name: the cleaned words are the best prompt
    # With exclusions the words themselves would ask for what is excluded ('no people').
    prompt, negative = write_prompt(draft, max_tokens=prompt_tokens, empty="an empty scene")
    return draft.model_copy(update={"prompt": prompt, "negative_prompt": negative})


def _without_excluded(reading: _Reading) -> tuple[list[_Thing], list[tuple[int, str, int]], dict[int, str]]:
    """Things that were also excluded ('a street, no cars ... cars') are dropped, indices renumbered."""
    excluded = set(reading.exclude)
    keep = [i for i, t in enumerate(reading.things) if t.name not in excluded]
    new_index = {old: new for new, old in enumerate(keep)}
    things = [reading.things[i] for i in keep]
    relations = [(new_index[s], p, new_index[o]) for s, p, o in reading.relations if s in new_index and o in new_index]
    anchors = {new_index[i]: where for i, where in reading.anchors.items() if i in new_index}
    return things, relations, anchors


def _joined(parts: list[str]) -> str | None:
    """Several style words as one style, within the Scene's word limit: 'watercolor, highly detailed'."""
    joined = ""
    for part in _unique(parts):
        candidate = f"{joined}, {part}" if joined else part
        if len(candidate) > _MAX_WORD:
            break
        joined = candidate
    return joined or None
