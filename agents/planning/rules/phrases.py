"""Noun phrases: the third pass of the rules planner's reading, from tagged words to what a phrase names.

A run of articles, numbers and content words is one noun phrase (a `Chunk`, read by chunks.py; what a
single word's shape says is word_shapes.py's). Its words are classified:
the ones the vocabulary knows as attributes describe the thing (colour, material, size, state, other),
style, time, light and viewpoint words set the scene, and the rest name it, so "a purple wine glass" is
a wine glass that is purple, with no class list. `analyse` says what the phrase is: a thing with its
name and count, or a style, lighting, palette or quality phrase, or only describing words. The grammar
(grammar.py) decides what each phrase is to the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from limner.agents.planning.rules import grammar_words, setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.chunks import Chunk, colour_list, split_owner, take_chunk
from limner.agents.planning.rules.full_of_words import FULLNESS_WORDS
from limner.agents.planning.rules.intensity import intensified, plain
from limner.agents.planning.rules.non_things import IDEA_HEADS, INDEFINITE_THINGS, names_no_thing
from limner.agents.planning.rules.occasion_words import names_occasion
from limner.agents.planning.rules.tagging import DET, Item
from limner.agents.planning.rules.word_shapes import (
    COLOUR_WORDS,
    adverb_before,
    colour_of,
    compared,
    describes_by_shape,
    is_adverb,
    looks_descriptive,
    looks_like_participle,
)
from limner.agents.scene.english import UNCHANGED_NOUNS, singularize_name
from limner.agents.scene.model import MAX_COUNT, MAX_OTHER, MAX_WORD, Attributes

__all__ = [
    "Chunk",
    "Description",
    "Phrase",
    "analyse",
    "colour_list",
    "comma_joined",
    "scene_word",
    "split_owner",
    "take_chunk",
    "unique",
]

_MAX_NAME_WORDS = 4
_ONE_OWNER = frozenset({"his", "her", "my", "your"})  # possessives of one person
_COMPOUNDS = grammar_words.FIXED_COMPOUNDS


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
        if following.lower() in ("style", "styled") and j + 2 < len(words) and j + 1 not in fixed:
            out.append(_Word("other", f"{word.lower()} style", f"{word} {following}"))  # 'a gothic style church'
            j += 1
        elif f"{word} {following}" in vocab.MATERIAL_PHRASES and j + 2 < len(words):
            out.append(_Word("material", f"{word} {following}", f"{word} {following}"))  # 'a gold leaf mandala'
            j += 1
        elif word.lower() in vocab.ORIGIN_ADJECTIVES and _person(following):
            out.append(_Word("noun", word, word))  # 'an Indian woman', 'two Japanese girls': the kind of person
        elif j in proper and word.lower() in vocab.KIND_ADJECTIVES and following and j + 1 not in proper:
            out.append(_Word("other", word.lower(), word))  # 'an Egyptian tablet'; but 'the Great Wall'
        elif _holiday_at(words, j):
            holiday, length = _holiday_at(words, j)
            out.append(_Word("noun", holiday, holiday))  # 'a Valentine's Day card': the day names the card
            j += length - 1
        elif j in fixed:
            out.append(_Word("noun", word, word))
        elif word == "and":
            out.append(_Word("and", word, word))
        elif word in COLOUR_WORDS and out and out[-1].role == "color":
            pass  # 'white color': the colour word says it
        elif word in vocab.INTENSIFIERS or word in vocab.NOT_NOUNS or is_adverb(word) and adverb_before(following):
            said = intensified(word, following, words[j + 2] if j + 2 < len(words) else "")  # (intensity.py)
            if said:
                out.append(_with_degree(following, said))
                j += 1
        elif word in vocab.COLOR_MODIFIERS and following and colour_of(following):
            colour = f"{word} {colour_of(following)}"
            out.append(_Word("color", colour, f"{word} {following}"))
            j += 1
        elif word.lower() in setting_words.STUDIO_NAMES and following and _names_thing_after(following):
            out.append(_Word("noun", word, word))  # 'a Disney castle', 'a ghibli animal': the studio's own
        elif word in setting_words.SEASON_WORDS and following and _names_thing_after(following):
            out.append(_Word("other", word, word))  # 'a spring forest', 'fall boots': when, not what
        elif "-" in word and following and not colour_of(word):
            out.append(_Word("other", word, word))  # 'a high-contrast photo'; but 'a blue t-shirt'
        elif (following or word.endswith("ed")) and describes_by_shape(word):
            out.append(_Word("state", word, word))  # 'a speckled egg', 'an inflatable pool'; but 'the speckled'
        else:
            out.append(_classify_word(word))
        j += 1
    return _join_colours(out)


def _with_degree(word: str, said: str) -> _Word:
    """A describing word said with its degree or manner ('very big', 'freshly baked'): a participle the
    tables do not know describes too, as a state, and names nothing."""
    classified = _classify_word(word)
    return replace(classified, role="state" if classified.role == "noun" else classified.role, value=said, text=said)


def _person(word: str) -> bool:
    """Whether a word names a person ('woman', 'girls'), whom a word of origin before it names the kind of."""
    return word.lower() in grammar_words.PERSON_NOUNS or singularize_name(word.lower()) in grammar_words.PERSON_NOUNS


def _names_thing_after(word: str) -> bool:
    """Whether the word after a season word may be the thing it describes: not 'and', no time noun
    ('the summer season')."""
    return word != "and" and not names_no_thing(word)


def _classify_word(word: str) -> _Word:
    colour = colour_of(word)
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
    if word in vocab.OTHER_ADJECTIVES or word in vocab.KIND_ADJECTIVES or looks_descriptive(word) or compared(word):
        return _Word("other", word, word, word in vocab.ADJECTIVE_NOUNS)
    return _Word("noun", word, word)


def _fixed_compound_positions(words: list[str]) -> set[int]:
    positions: set[int] = set()
    for length in (3, 2):
        for j in range(len(words) - length + 1):
            if " ".join(words[j : j + length]) in grammar_words.FIXED_COMPOUNDS or _named_time(words[j : j + length]):
                positions.update(range(j, j + length))
    return positions


def _named_time(words: list[str]) -> bool:
    """Whether words that start with a time word name a thing, not when it is: 'an evening dress'."""
    return " ".join(words).lower() in setting_words.TIME_COMPOUNDS


def _holiday_at(words: list[str], j: int) -> tuple[str, int] | None:
    """The holiday of two or three words at j, as written, and its length: 'Valentine Day' (possessive
    already stripped) is "Valentine's Day", whose 'day' says no time."""
    for length in (3, 2):
        said = " ".join(words[j : j + length]).lower()
        if j + length <= len(words) and said in setting_words.HOLIDAYS:
            return setting_words.HOLIDAYS[said], length
    return None


def _indefinite(chunk: Chunk) -> bool:
    """Whether a noun phrase opens with 'a' or 'an': 'a Christmas' is a thing, 'at Christmas' a time."""
    return any(item.kind == DET and item.text.lower() in ("a", "an") for item in chunk.lead)


def _join_colours(words: list[_Word]) -> list[_Word]:
    """'red', 'and', 'white' -> one colour 'red and white'."""
    out: list[_Word] = []
    for word in words:
        if out and len(out) >= 2 and out[-1].role == "and" and out[-2].role == "color" and word.role == "color":
            out.pop()
            first = out.pop()
            listed = [first]
            while out and out[-1].role == "color" and " and " not in out[-1].value:
                listed.insert(0, out.pop())  # 'black, white and blue': one list of colours
            value, text = (", ".join(w.value for w in listed), ", ".join(w.text for w in listed))
            out.append(_Word("color", f"{value} and {word.value}", f"{text} and {word.text}"))
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
        sizes = [plain(s) or s for s in self.sizes]  # 'very big' is drawn big, and said among the others
        extra = self.colors[1:] + self.materials[1:] + sizes[1:] + states[1:] + actions[1:]
        extra += [s for s in self.sizes if plain(s)]
        return Attributes(
            color=scene_word(self.colors[0]) if self.colors else None,
            material=scene_word(self.materials[0]) if self.materials else None,
            size=scene_word(sizes[0]) if sizes else None,
            state=scene_word(states[0]) if states else None,
            action=scene_word(actions[0]) if actions else None,
            # a style word before the noun ('an isometric house', 'cartoon dogs') is the picture's
            # style, and says how the thing itself looks too
            other=unique([scene_word(w) for w in self.others + extra + self.styles])[:MAX_OTHER],
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
    if words and words[-1].role == "style" and _held(chunk, words[-1].text):
        words[-1] = _Word("noun", words[-1].text, words[-1].text)  # 'a floor with a mosaic': the mosaic
    loose = Description.of(words)
    if chunk.pronoun:
        return Phrase("pronoun", chunk, loose, loose)
    if names_occasion(chunk.words) and not _indefinite(chunk):  # 'in winter', 'on New Year's Eve' (occasions.py)
        return Phrase("filler", chunk, loose, loose, count=count, definite=definite)
    # Unknown words were read as naming; the last word names the thing when it can ('an orange').
    unknown = [w.text for w in words if w.role == "noun"]
    if words and words[-1].role != "noun" and words[-1].names_a_thing:
        words[-1] = _Word("noun", words[-1].text, words[-1].text)  # 'an orange', 'a wine glass'
    elif len(words) > 1 and words[-1].text in FULLNESS_WORDS and words[-2].names_a_thing and chunk.lead:
        words[-2] = _Word("noun", words[-2].text, words[-2].text)  # 'a glass full (of milk)': the glass
    nouns = [w.text for w in words if w.role == "noun"]
    described = Description.of([w for w in words if w.role != "noun"])
    phrase = Phrase("loose", chunk, described, loose, count=count, definite=definite, nouns=unknown)
    while len(nouns) > 1 and _framing(nouns[-1]) and " ".join(nouns[-2:]) not in _COMPOUNDS:
        nouns.pop()  # 'a mountain scene' is a mountain
    if not nouns:
        return phrase
    head = nouns[-1]
    text = " ".join(w.text for w in words)
    if head in setting_words.STYLE_HEADS and not _artwork_thing(head, count) and not _held(chunk, head):
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
    elif head in setting_words.EFFECT_HEADS and not followed_by_of:
        phrase.kind, phrase.value = "style", text  # 'pincushion lens effect', 'simulated scanlines'
    elif all(n in setting_words.BACKGROUND_HEADS for n in nouns):
        # 'the background is white', 'a blurred background', 'on a white background': the picture's
        # background, a thing when something is said of it (reading.py drops it otherwise)
        phrase.kind = "thing"
        _name_thing(phrase, [setting_words.BACKGROUND], 1, pair, proper=False)
    elif head in setting_words.COLOUR_HEADS or all(
        n in setting_words.PALETTE_HEADS or n in setting_words.BACKGROUND_HEADS for n in nouns
    ):  # 'dark neochrome colors': colours are the picture's, whatever names them
        phrase.kind, phrase.value = ("palette", text) if described.palette() else ("quality", text)
    elif len(nouns) == 1 and head in vocab.COLLECTIVE_NOUNS and followed_by_of:
        phrase.kind, phrase.count = "collective", vocab.COLLECTIVE_NOUNS[head] if count in (None, 1) else count
    elif (
        _filler(head, described=_described(words, chunk)) and not _held(chunk, head)  # 'holding a picture'
        if len(nouns) == 1
        else all(names_no_thing(noun) for noun in nouns)
    ):  # 'the summer season'
        phrase.kind = "filler"
    elif head in IDEA_HEADS or nouns[0] in INDEFINITE_THINGS:
        phrase.kind = "filler"  # 'a feeling lucky concept' names an idea; 'something written' names nothing
    else:
        phrase.kind = "thing"
        named = len(chunk.words) - 1 in chunk.proper
        measure = _number_compound(chunk, nouns)
        if measure:  # 'a two door garage' is one garage, with two doors; 'a two headed dragon' one dragon
            for said in (phrase.described.states, phrase.described.others):
                if chunk.words[0] in said:
                    said.remove(chunk.words[0])
            phrase.described.others.append(measure)
            nouns, count = nouns[1:] if nouns[0] == chunk.words[0] else nouns, None
        _name_thing(phrase, nouns[-_MAX_NAME_WORDS:], count, pair, proper=named)
        phrase.count = _owned_pair(chunk.lead, phrase.name, phrase.count)
    return phrase


def _owned_pair(lead: list[Item], name: str, count: int | None) -> int | None:
    """A person's paired parts said with 'his' or 'her' are two: 'with her arms up', 'his hands'."""
    if count is None and name in vocab.PAIRED_PARTS and any(item.text.lower() in _ONE_OWNER for item in lead):
        return 2
    return count


def _number_compound(chunk: Chunk, nouns: list[str]) -> str | None:
    """'two-door' for 'two door garage', 'two-headed' for 'a two headed dragon': a number right before a word
    that with it describes the noun after ('a three story house'), so counts no thing; else None. A plural
    after them is what the number counts ('two door knobs'), unless 'a' says there is one."""
    number = chunk.lead[-1] if chunk.lead else None
    if number is None or not isinstance(number.value, int) or not chunk.words:
        return None
    first = chunk.words[0]
    if first.lower() not in vocab.NUMBER_COMPOUND_NOUNS or len(nouns) < (2 if nouns[0] == first else 1):
        return None
    one = any(item.kind == DET and item.value == "singular" for item in chunk.lead)  # 'a two door car'
    if not one and singularize_name(nouns[-1].lower()) != nouns[-1].lower():
        return None  # 'two door knobs' are two knobs
    return f"{number.text}-{first.lower()}"


def _described(words: list[_Word], chunk: Chunk) -> bool:
    """Whether an article, a number or a describing word comes with the noun: 'a show', 'white paint'."""
    return bool(chunk.lead) or any(w.role != "noun" for w in words)


def _framing(noun: str) -> bool:
    """Whether a last noun only frames the one before it ('a mountain scene'); 'a vaudeville show' is a show."""
    return noun in setting_words.FILLER_NOUNS and noun not in setting_words.IMPERATIVE_NOUNS | setting_words.AMOUNT_NOUNS


def _filler(head: str, *, described: bool = False) -> bool:
    """Whether a lone noun names nothing drawn: 'the scene', 'the sides', 'a trick' (non_things.py); 'show' or
    'paint' only when nothing describes it ('paint a cat'; but 'white paint')."""
    if head in grammar_words.PERSON_NOUNS or (described and head in setting_words.IMPERATIVE_NOUNS):
        return False
    if looks_like_participle(head.lower()) and head.lower().endswith("ed"):
        return True  # 'Illustrated four ace cards', 'one raw, one baked': a participle alone draws nothing
    return head in setting_words.FILLER_NOUNS or names_no_thing(head)


def _held(chunk: Chunk, medium: str) -> bool:
    """Whether a medium, the phrase's last word, names a thing where only a thing can stand: 'holding a
    photo', 'a floor with a mosaic'; not 'a portrait with painting style'."""
    return chunk.placed and medium in setting_words.HELD_MEDIA and chunk.words[-1] == medium


def _artwork_thing(head: str, count: int | None) -> bool:
    """Whether a style word names a thing here: a sculpture or a poster always, any other when
    counted ('five black and white photos on a wall')."""
    return head in vocab.ARTWORK_THINGS or (count is not None and count > 1)


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
    # 'Dois Irmãos' is one place; but a counted name ('nine Lilies') is a plural noun with a capital
    name = written if proper and not _counted(count) else singularize_name(written)
    if count is None and name == written:
        count = 1  # a bare plural keeps no count: more than one, no number said
    elif pair and nouns[-1] in UNCHANGED_NOUNS:
        count = 1  # a pair of scissors is one pair of scissors
    phrase.name = scene_word(name)
    phrase.count = min(count, MAX_COUNT) if count is not None else None


def _counted(count: int | None) -> bool:
    return count is not None and count > 1


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
