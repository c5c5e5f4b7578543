"""Tokens and tags: the first two passes of the rules planner's reading of a description.

The description is cleaned to one line of printable text and cut into lowercase tokens, punctuation
kept as separators; words written with a capital inside a sentence ("the Eiffel Tower") are kept whole
as names, with a number, a capital letter or a model's code right after them ("Flight 19", "Agent K",
"Ford F-150"), and the grammar words and acronyms inside them (capitalised_names.py); initials are one
token ("J.R.R."). Tags come from fixed phrases first, longest match ("to the left of", "golden hour", "a pair
of", "in the style of" and the artists after it, or a lowercase "by" before capitalised names that
are no place: "by Peter Elson, Chris Moore"; cameras, lenses and film stocks as qualities), then from single grammar words (articles, numbers,
prepositions, "and", "with"); every other token is a content word for the noun phrases (phrases.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from limner.agents.planning.rules import artist_words, grammar_words, setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.artists import lowercase_artists
from limner.agents.planning.rules.capitalised_names import (
    acronym_in_name,
    add_small_title_words,
    opens_lowercase,
    plain_words,
)
from limner.agents.planning.rules.chat_requests import without_request
from limner.agents.planning.rules.contractions import written_out
from limner.agents.planning.rules.headings import without_heading
from limner.agents.scene import words
from limner.agents.scene.english import singularize
from limner.agents.scene.model import MAX_DESCRIPTION
from limner.agents.scene.text import clean_text

# An f-stop ('f/1.8', 'f2.8') is one token, and so are capital initials ('I.C.', 'U.S.'), whose dots end no
# sentence; else words (with inner hyphens and apostrophes) and punctuation.
_TOKEN = re.compile(
    r"\b[fF]/\d+(?:\.\d+)?|\b[fF]\d+\.\d+|\b(?:[A-Z]\.){2,}(?![^\W_])|[^\W_]+(?:(?:'-|['\-])[^\W_]+)*|[.,;:!?()&/+]"
)
# Camera words by shape: a focal length ('50mm'), an f-stop; and a model number or film speed after a
# camera or film stock ('Kodak Portra 400', 'Canon EOS R5').
_LENS = re.compile(r"^(?:\d{1,4}mm|f/?\d+(?:\.\d+)?)$")
_MODEL = re.compile(r"^(?=[a-z]*\d)[a-z0-9]{1,4}\d[a-z0-9]*$|^\d{3,5}$")
# Control and invisible formatting characters, which separate words at most.
# A model's code after a maker's name: capitals and a number ('F-150', 'X5', 'A320').
_MODEL_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]?$")
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
CAMERA = "camera"  # a camera, lens or film stock: tagged as a quality, kept as written
ADV = "adv"  # a phrase that says how or where something is done ('in the air', 'for sale'): names no thing
TEXT = "text"  # a quoted string cut out by quoted.py: its value is the string's number
# The token that stands for a quoted string (quoted.py): one lowercase word no description writes.
TEXT_TOKEN = "textquote{}x"
_TEXT_TOKEN = re.compile(r"^textquote(\d+)x$")
PHRASE_START = frozenset({WORD, DET, NUM, QUANT, PRON})
# Phrases that are matched even inside a capitalised name: 'Kodak Portra 400', 'Unreal Engine'.
_SETTING_KINDS = frozenset({STYLE, QUALITY, CAMERA, VIEW})
PROPER = "proper"  # the value of a word that is part of a capitalised name


@dataclass(slots=True)
class Item:
    """One tagged token or phrase."""

    kind: str
    text: str
    value: object = None


# What finds a run of items to write anew at an index: the index after the run and the items written
# for it, or None where no run starts.
RunAt = Callable[[list[Item], int], tuple[int, list[Item]] | None]


def rewrite_runs(items: list[Item], run_at: RunAt) -> list[Item]:
    """`items` with each run `run_at` finds written as the items it gives, the rest as they are."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        found = run_at(items, i)
        if found is None:
            out.append(items[i])
            i += 1
        else:
            i, written = found
            out += written
    return out


def clean_description(description: object) -> str:
    """The description as one line of printable text, at most MAX_DESCRIPTION characters."""
    text = clean_text(_CONTROL.sub(" ", as_text(description)[: MAX_DESCRIPTION * 2]))
    return _SPACES.sub(" ", text).strip()[:MAX_DESCRIPTION]


def as_text(description: object) -> str:
    """The description as a string, whatever it came as (None is empty)."""
    return description if isinstance(description, str) else ("" if description is None else str(description))


def tag_text(text: str) -> list[Item]:
    """The tagged items of a cleaned description, with names written in capitals kept as written."""
    text = without_heading(text)  # 'Formation flyers: The four planes ...': the heading names nothing (headings.py)
    text = without_request(text)  # 'Could you draw me a cat?' is 'a cat?' (chat_requests.py)
    text = written_out(text)  # "He's balancing" is "He is balancing" (contractions.py)
    tokens = _tokens(text)
    names = _capitalised(text)
    if "by" in tokens:
        starts = _phrase_at
        names = {
            **lowercase_artists(
                tokens, _known_word, lambda i: starts(tokens, i), lambda i: _artist_at_known(tokens, i)
            ),
            **names,
        }
    return _tag(tokens, _proper_positions(text), names)


def _phrase_at(tokens: list[str], i: int) -> bool:
    """Whether a fixed phrase (a style, a light, a relation ...) starts at i."""
    return any(tuple(tokens[i : i + n]) in _LEXICON for n in range(min(_LONGEST_PHRASE, len(tokens) - i), 0, -1))


def _artist_at_known(tokens: list[str], i: int) -> bool:
    """Whether the name of an artist the vocabulary knows starts at i ('greg rutkowski')."""
    return any(tuple(tokens[i : i + n]) in _ARTISTS for n in range(min(6, len(tokens) - i), 0, -1))


def _known_word(word: str) -> bool:
    """Whether a word is one the vocabulary knows (so it names no artist): grammar, colour, thing, scene word."""
    return word in _KNOWN_WORDS or word in vocab.COLORS or word in vocab.MATERIALS or word.isdigit()


def _capitalised(text: str) -> dict[int, str]:
    """Token positions of every capitalised word that is no grammar word, Title Case or not: after a
    lowercase 'by' they name an artist ('a ship by Peter Elson, Chris Moore')."""
    tokens = _TOKEN.findall(text.translate(_PUNCTUATION))
    return {i: t for i, t in enumerate(tokens) if t[0].isupper() and t.lower() not in _NOT_ARTISTS}


def _tokens(text: str) -> list[str]:
    """The lowercase tokens, cut as written: initials are known by their capitals."""
    return [token.lower() for token in _TOKEN.findall(text.translate(_PUNCTUATION))]


def _proper_positions(text: str) -> dict[int, str]:
    """Token positions that belong to a name written with capitals: 'the Eiffel Tower', 'Times Square'.

    A capital at the start of a sentence is no sign, unless the next word has one too; and text written
    in Title Case (or capitals) says nothing at all, so then there are none.
    """
    tokens = _TOKEN.findall(text.translate(_PUNCTUATION))
    words = [t for t in tokens if t[0].isalpha()]
    initials = [t[0].isalpha() and "." in t for t in tokens]  # 'J.R.R.', 'U.S.': a name wherever it stands
    capitalised = [t[0].isupper() and (not t.isupper() or initials[i]) for i, t in enumerate(tokens)]  # not 'TV'
    if not words or _title_case(tokens, sum(capitalised) - sum(initials), len(words)):
        return {}
    proper: dict[int, str] = {}
    sentence_start = True
    starts: set[int] = set()
    for i, token in enumerate(tokens):
        if sentence_start:
            starts.add(i)
        if capitalised[i] and token.lower() not in _GRAMMAR_WORDS and token.lower() not in _NOT_NAMES:
            following = i + 1 < len(tokens) and capitalised[i + 1]
            if not following and _describing(token.lower()):
                pass  # 'a large Round tray', 'a Red car': a describing word with a capital, no name
            elif sentence_start and following and _state_before_name(token.lower()):
                pass  # 'Wounded Achilles rests': a state of the one named, capitalised as the first word
            elif not sentence_start or following or initials[i] or _named_actor(tokens, i):
                proper[i] = token
        if i - 1 in proper and _name_tail(tokens, i):
            proper[i] = token  # 'Flight 19', 'Agent M'
        elif acronym_in_name(tokens, capitalised, i):
            proper[i] = token  # 'the NASA Space Center', 'Steve Cornwell's SRO Program'
        sentence_start = token in ".!?;:" or (sentence_start and not token[0].isalnum())
    add_small_title_words(tokens, proper, starts, lambda word: word in _GRAMMAR_WORDS or word in _NOT_NAMES)
    return proper


def _named_actor(tokens: list[str], i: int) -> bool:
    """Whether a capitalised word opening a sentence, with no article, is a name because a verb in -ing
    follows it: 'Superman shaking hands', 'Pikachu eating a cake'. A thing that needs no article ('Smoke
    rising'), a plural, a person or an animal ('Dog running'), a material and a describing word stay common
    words, and so does a word before a noun in -ing ('Wood engraving')."""
    word = tokens[i].lower()
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if not (following.islower() and following.endswith("ing") and len(following) > 4 and word.isalpha()):
        return False
    if following in grammar_words.NOUNS_ENDING_ING or following in setting_words.STYLE_HEADS:
        return False  # 'Wood engraving of a letter', 'Building facade'
    common = words.MASS_NOUNS | words.UNIQUE_NOUNS | grammar_words.PERSON_NOUNS | grammar_words.ANIMAL_NOUNS
    kinds = vocab.STATES | vocab.MATERIALS.keys() | setting_words.ART_MEDIA
    return singularize(word) == word and not word.endswith("s") and word not in common and word not in kinds


def _title_case(tokens: list[str], capitals: int, words: int) -> bool:
    """Whether the text is written in Title Case: from its first word on, most words capitalised, with a
    capital on a grammar word after the first ('A Cat On The Mat'), or on every word that names or says
    something. 'Ha Long Bay at dawn' is a name, then plain words; 'Cyberpunk City, neon lights' a list of
    capitalised items; 'the Great Wall' a name, as Title Case would write 'The'."""
    if capitals <= 0.5 * words or opens_lowercase(tokens):
        return False
    if any(t[0].isupper() and t.lower() in _TITLE_SMALL_WORDS for t in tokens[1:]):
        return True
    if "," in tokens:  # a list of capitalised items ('Cyberpunk City, Neon Lights'); but a name may open
        # a list of lowercase keywords ('The Chapel of Bones in Évora, hyperrealistic'), a thing counted
        # with 'a' is no name ('A Dog in a Park, 8k')
        return tokens[0].lower() in ("a", "an") or not plain_words(tokens[tokens.index(",") :], _GRAMMAR_WORDS)
    return not plain_words(tokens, _GRAMMAR_WORDS)  # ('Pot Holders set of three')


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "at", "with", "and", "to", "for", "by", "from"})


def _describing(word: str) -> bool:
    """Whether a word says how a thing looks: a colour, a size or a shape. (A word of praise with a
    capital may start a title: 'Glorious Morning Light'.)"""
    return word in vocab.COLORS or word in vocab.SIZES or word in vocab.SHAPE_ADJECTIVES


def _state_before_name(word: str) -> bool:
    """Whether a word that opens a sentence before a name is a state of the one named ('Wounded', 'Blind');
    a word that starts place names ('Old Delhi', 'Great Britain') is part of the name."""
    return word in vocab.STATES and word not in vocab.NAME_MODIFIERS


def _name_letter(token: str) -> bool:
    """A single capital letter that ends a name ('Agent K', 'Plan B'); not 'A' or 'I', which are words."""
    return len(token) == 1 and token.isupper() and token not in ("A", "I")


def _name_tail(tokens: list[str], i: int) -> bool:
    """Whether a number, a single capital letter or a model's code right after a name ends it: 'Flight 19
    was lost', 'Agent M poses'; not a count of the plural after it ('Nike 3 shoes')."""
    token = tokens[i]
    if _name_letter(token) or _MODEL_CODE.match(token):
        return True  # 'Agent K', 'Ford F-150', 'BMW X5'
    following = tokens[i + 1].lower() if i + 1 < len(tokens) else "."
    counts = following[0].isalpha() and following.endswith("s") and singularize(following) != following
    return token.isdigit() and len(token) <= 4 and not counts


def _phrase_keys(phrase: str) -> set[tuple[str, ...]]:
    """The token tuples a phrase of the vocabulary is matched by: as written, and with its initials in
    capitals, which the tokenizer keeps as one token ('m.c. escher' is written 'M.C. Escher')."""
    return {tuple(_tokens(phrase)), tuple(_tokens(_LOWER_INITIALS.sub(lambda m: m.group(0).upper(), phrase)))}


_LOWER_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")


def _build_lexicon() -> dict[tuple[str, ...], tuple[str, object]]:
    """Every fixed phrase the tagger matches, as a token tuple -> (kind, value)."""
    lexicon: dict[tuple[str, ...], tuple[str, object]] = {}
    tables: list[tuple[dict[str, object], str]] = [
        (setting_words.QUALITY_PHRASES, QUALITY),
        (setting_words.STYLE_PHRASES, STYLE),
        (setting_words.LIGHTING_PHRASES, LIGHT),
        (setting_words.TIME_PHRASES, TIME),
        (setting_words.VIEWPOINT_PHRASES, VIEW),
        (grammar_words.RELATION_PHRASES, REL),
        (grammar_words.ANCHOR_PHRASES, ANCHOR),
        (grammar_words.NEGATION_PHRASES, NEG),
        (vocab.QUANTIFIER_PHRASES, QUANT),
        ({p: None for p in grammar_words.ADVERB_PHRASES}, ADV),
        ({p: None for p in grammar_words.AND_PHRASES}, AND),
        ({p: None for p in grammar_words.MADE_OF_PHRASES}, MADE_OF),
        ({p: None for p in setting_words.PALETTE_OF_PHRASES}, PALETTE_OF),
        ({p: None for p in setting_words.ARTIST_PHRASES}, ARTIST),
        ({p: None for p in setting_words.SHAPE_PHRASES}, SHAPE_OF),
        (setting_words.PALETTE_PHRASES, PALETTE_WORDS),
        ({p: None for p in setting_words.CAMERA_PHRASES}, CAMERA),
        ({p: None for p in artist_words.ARTIST_NAMES}, STYLE),  # 'greg rutkowski', without a 'by'
        ({p: None for p in artist_words.WEBSITE_NAMES}, STYLE),
        ({p: None for p in artist_words.WORK_NAMES}, STYLE),  # 'bioshock infinite'
        ({f"{lead} {p}": None for p in artist_words.WEBSITE_NAMES for lead in artist_words.WEBSITE_LEADS}, STYLE),
    ]
    for table, kind in tables:
        for phrase, value in table.items():
            for key in _phrase_keys(phrase):
                lexicon[key] = (kind, value)
    return lexicon


_LEXICON = _build_lexicon()
_ITEM_BOUNDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "/"})
_SPACED_K = re.compile(r"\b(\d+) k\b")
_ARTISTS = frozenset(key for name in artist_words.ARTIST_NAMES for key in _phrase_keys(name))
_LONGEST_PHRASE = max(len(key) for key in _LEXICON)
# Words that end an artist's name ("in the style of Monet at dusk").
_GRAMMAR_WORDS = (
    grammar_words.CLAUSE_WORDS | grammar_words.OTHER_PREPOSITIONS | grammar_words.COPULAS | grammar_words.NEGATION_WORDS | grammar_words.WITH_WORDS
    | grammar_words.IN_WORDS | {"and", "or", "of", "by", "on", "over", "under", "above", "below", "near", "behind"}
)  # fmt: skip
# Capitalised words that do not start a name: "I", articles, and words that set the scene.
_NOT_NAMES = (
    {"i", "a", "an", "the", "this", "that", "these", "those", "my", "his", "her", "its", "our", "their"}
    | set(setting_words.STYLE_WORDS) | set(setting_words.TIME_WORDS) | set(vocab.NUMBER_WORDS)
)  # fmt: skip
_NOT_ARTISTS = _GRAMMAR_WORDS | _NOT_NAMES
# Words that name no artist after a lowercase 'by': 'by hand', 'by his side', 'by the lake', 'by car'.
_KNOWN_WORDS = (
    _NOT_ARTISTS | vocab.SIZES | vocab.STATES | vocab.OTHER_ADJECTIVES | set(vocab.NUMBER_WORDS) | vocab.PRONOUNS
    | vocab.DEFINITE_DETERMINERS | vocab.SINGULAR_DETERMINERS | grammar_words.PERSON_NOUNS | grammar_words.CONTAINERS
    | grammar_words.PLACE_NAME_WORDS | grammar_words.PART_NOUNS | setting_words.FILLER_NOUNS
    | set(setting_words.STYLE_HEADS) | set(setting_words.LIGHTING_WORDS) | set(setting_words.VIEWPOINT_WORDS)
    | {"his", "her", "their", "its", "my", "our", "your", "himself", "herself", "itself", "themselves", "hand",
       "foot", "car", "train", "boat", "plane", "air", "sea", "land", "far", "now", "day", "night", "light"}
)  # fmt: skip


def _tag(tokens: list[str], proper: dict[int, str] | None = None, names: dict[int, str] | None = None) -> list[Item]:
    """Tagged items; a token at a `proper` position (part of a capitalised name) is a word as written,
    and capitalised `names` after a lowercase 'by' are artists."""
    proper, names = proper or {}, names or {}
    items: list[Item] = []
    i, n = 0, len(tokens)
    while i < n:
        alone = _standalone_style(tokens, i)
        if alone:
            items.append(Item(STYLE, " ".join(tokens[i:alone]), " ".join(tokens[i:alone])))
            i = alone
            continue
        entry, length = None, 0
        for length in range(min(_LONGEST_PHRASE, n - i), 0, -1):
            entry = _LEXICON.get(tuple(tokens[i : i + length]))
            if entry:
                break
        compound = _compound_at(tokens, i)
        if entry and compound > length:  # 'a stained glass window' is a window, not the style 'stained glass'
            items.extend(Item(WORD, token) for token in tokens[i : i + compound])
            i += compound
            continue
        if i in proper and proper[i].lower() == tokens[i] and not (entry and entry[0] in _SETTING_KINDS):
            items.append(Item(WORD, proper[i], PROPER))
            i += 1
            continue
        if entry is None:
            if tokens[i] == "by" and i not in names and _artist_at(tokens, names, i + 1):
                i = _artists(tokens, names, i + 1, items, by=True)  # 'by Peter Elson, Chris Moore'
            else:
                items.append(_tag_word(tokens[i]))
                i += 1
            continue
        kind, value = entry
        text = " ".join(tokens[i : i + length])
        i += length
        if kind == ARTIST:
            i = _artists(tokens, names, i, items, by=False)
            continue
        if kind == CAMERA:
            if i < n and _MODEL.match(tokens[i]):
                text, i = f"{text} {tokens[i]}", i + 1  # 'kodak portra 400'
            kind, value = QUALITY, text
        if kind in (STYLE, QUALITY):
            text = value = _SPACED_K.sub(r"\1k", text)  # as written; '4 k' is '4k'
            head = _style_head_after(tokens, i)
            if head:  # 'hd painting', 'hyper detailed photograph', '35mm film still': one style
                text = value = " ".join([text, *tokens[i:head]])
                kind, i = STYLE, head
        items.append(Item(kind, text, value))
    return items


def _compound_at(tokens: list[str], i: int) -> int:
    """The length of the fixed compound noun starting at i ('stained glass window'), or 0."""
    for length in (3, 2):
        if " ".join(tokens[i : i + length]) in grammar_words.FIXED_COMPOUNDS:
            return length
    return 0


def _standalone_style(tokens: list[str], i: int) -> int | None:
    """The end of a list item that is one style word on its own (', cyberpunk,', ', epic'), else None."""
    if i > 0 and tokens[i - 1] not in _ITEM_BOUNDS:
        return None
    for end in range(i + 1, min(i + 4, len(tokens) + 1)):
        if end == len(tokens) or tokens[end] in _ITEM_BOUNDS:
            return end if " ".join(tokens[i:end]) in setting_words.STANDALONE_STYLE_WORDS else None
    return None


def _style_head_after(tokens: list[str], i: int) -> int | None:
    """The end of 'painting' or 'oil painting' right after a quality or style ('hd painting'), else None."""
    j = i
    while (
        j < len(tokens)
        and j - i < 3
        and tokens[j] not in setting_words.STYLE_HEADS
        and (tokens[j] in setting_words.ART_MEDIA or tokens[j] in setting_words.STYLE_WORDS)
    ):
        j += 1
    if j < len(tokens) and tokens[j] in setting_words.STYLE_HEADS:
        return j + 2 if j + 1 < len(tokens) and tokens[j + 1] == "style" else j + 1  # 'james jean art style'
    return None


def _artist_at(tokens: list[str], names: dict[int, str], i: int) -> bool:
    """Whether a capitalised name that is no place starts at i: 'by Peter Elson', not 'by Lake Tahoe'."""
    if i not in names:
        return False
    j = i
    while j in names:
        if tokens[j] in grammar_words.PLACE_NAME_WORDS:
            return False
        j += 1
    return True


def _artists(tokens: list[str], names: dict[int, str], i: int, items: list[Item], *, by: bool) -> int:
    """Style items for the artists named from i on: the first, then each capitalised name after a comma
    or 'and' ('art by Greg Rutkowski and Alphonse Mucha'); the index after them."""
    first = True
    while True:
        if by or not first:
            words: list[str] = []
            while i in names and len(words) < 4:
                words.append(names[i])
                i += 1
            artist = " ".join(words)
            style = f"by {artist}" if by and first else artist if by else f"{artist.lower()} style"
        else:
            artist, i = artist_name(tokens, i)
            style = f"{artist} style"
        if artist:
            items.append(Item(STYLE, artist, style))
        first = False
        j = i + 1 if i < len(tokens) and tokens[i] in (",", "and", "&") else i
        j += 1 if j < len(tokens) and j > i and tokens[j] == "and" else 0
        if j == i or not _artist_at(tokens, names, j):
            return i
        i = j


def artist_name(tokens: list[str], i: int) -> tuple[str, int]:
    """The artist's name after 'in the style of' / 'by': up to four words, until a grammar word."""
    if i < len(tokens) and tokens[i] == "the":
        i += 1
    words: list[str] = []
    while i < len(tokens) and len(words) < 4 and tokens[i][0].isalnum() and _in_artist_name(tokens, i, words):
        words.append(tokens[i])
        i += 1
    return " ".join(words), i


def _in_artist_name(tokens: list[str], i: int, words: list[str]) -> bool:
    """Whether tokens[i] goes on the name after 'in the style of': no grammar word, but an 'of' between
    two words of a title ('in the style of birth of venus', 'the wizard of oz'); and no known artist's name
    after another's ('style of albert bierstadt craig mullins' names two)."""
    if tuple(words) in _ARTISTS and _artist_at_known(tokens, i):
        return False
    if tokens[i] not in _GRAMMAR_WORDS:
        return True
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return tokens[i] == "of" and bool(words) and following[:1].isalnum() and following not in _GRAMMAR_WORDS


def _tag_word(token: str) -> Item:
    if token.startswith("textquote") and _TEXT_TOKEN.match(token):
        return Item(TEXT, token, int(token[9:-1]))
    if token in ".!?;":
        return Item(STOP, token)
    if token in ",:()/":
        return Item(COMMA, token)
    if token in ("and", "&", "+"):
        return Item(AND, token)
    if token in ("or", "nor"):
        return Item(OR, token)
    if token in grammar_words.NEGATION_WORDS:
        return Item(NEG, token)
    if token == "of":
        return Item(OF, token)
    if token in grammar_words.IN_WORDS:
        return Item(IN, token)
    if token in grammar_words.BETWEEN_WORDS:
        return Item(BETWEEN, token)
    if token == "by":
        return Item(BY, token)
    if token in grammar_words.WITH_WORDS:
        return Item(WITH, token)
    if token in grammar_words.COPULAS:
        return Item(COP, token)
    if token in grammar_words.VERB_RELATIONS:
        return Item(REL, token, grammar_words.VERB_RELATIONS[token])
    if _LENS.match(token):
        return Item(QUALITY, token, f"{token} lens" if token.endswith("mm") else token)
    if token.isdigit() and len(token) <= 3 and int(token) <= 100:
        return Item(NUM, token, int(token))  # larger numbers are years and models: 'a 1997 Porsche 911'
    if token in vocab.NUMBER_WORDS:
        return Item(NUM, token, vocab.NUMBER_WORDS[token])
    if token in ("a", "an") or token in vocab.SINGULAR_DETERMINERS:
        return Item(DET, token, "singular")
    if token in vocab.DEFINITE_DETERMINERS:
        return Item(DET, token, "definite")
    if token in vocab.PRONOUNS:
        return Item(PRON, token)
    if token in grammar_words.CLAUSE_WORDS:
        return Item(CLAUSE, token)
    if token in grammar_words.OTHER_PREPOSITIONS:
        return Item(PREP, token)
    return Item(WORD, token)
