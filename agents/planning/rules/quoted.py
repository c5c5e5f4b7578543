"""Text to render: the words a description asks to be written ('a sign that says "OPEN"') are never things.

A quoted string is the text of the thing that carries it, so its words must not be read as objects
("a sign that says 'do not touch'" is one sign, not a sign and a touch). `cut_quotes` runs on the raw
description, before the tagger sees it: each quoted string ('..', "..", curly quotes, apostrophes inside
kept: "it's", "can't") is cut out and a placeholder word stands in its place, which the tagger tags as
one TEXT item. Quotes are told from apostrophes by where they stand: an apostrophe between two letters
("don't", "man's") or after a word's last letter with no opening quote before it ("the dogs' bowl")
is part of the word. A few unquoted texts are cut the same way (unquoted.py).

`place_quotes` then moves each TEXT item next to its carrier, so that the grammar has just read the
carrier when it meets the text (reading.py records the last thing read):
- after a noun ("the word 'START'", "a restaurant 'the gas station'") the noun carries it;
- after a saying verb ("a sign that says 'OPEN'", "a note reading 'hi'") the verb goes and the thing
  before it carries it; "with 'X' written on it", "with the text 'X'" and "of text 'X'" are carried by the
  thing before;
- before a noun ("a 'do not touch' sign") the noun after it carries it;
- after a verb ("a girl shouting 'help'") and anywhere else ("'X' written on a wall") the text gets a noun
  of its own:
  "letter" for one character, "word" for one word, else "text".
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.grammar_words import COPULAS, NOUNS_ENDING_ING, VERBS
from limner.agents.planning.rules.tagging import CLAUSE, DET, NUM, OF, QUANT, STOP, TEXT, TEXT_TOKEN, WITH, WORD, Item
from limner.agents.planning.rules.unquoted import cut_unquoted
from limner.agents.planning.rules.vocabulary import ARTWORK_THINGS
from limner.agents.planning.rules.word_shapes import colour_of, looks_descriptive
from limner.agents.scene.model import MAX_TEXT
from limner.agents.scene.text import clean_text

PLACEHOLDER = TEXT_TOKEN
_PLACEHOLDER = re.compile(r"\btextquote(\d+)x\b", re.IGNORECASE)
# Straight and curly quotes: what each opening quote may be closed by.
_CLOSERS = {"'": "'\u2019", '"': '"\u201d', "\u2018": "\u2019'", "\u201c": '\u201d"', "\u00ab": "\u00bb"}
_CLOSING = frozenset("'\"\u2019\u201d\u00bb")
_UNCLOSED_ENDS = re.compile(r"[,.;!?]|$")
_MAX_UNCLOSED_WORDS = 8


def cut_quotes(text: str) -> tuple[str, list[str]]:
    """(the text with every quoted string replaced by a placeholder, the quoted strings in order)."""
    quotes: list[str] = []
    text = _unescaped(text)
    if any(mark in text for mark in _CLOSERS):
        text = _cut_marked(text, quotes)
    return cut_unquoted(text, lambda words: stand_in(quotes, words)), quotes


def _unescaped(text: str) -> str:
    """A description copied out of a spreadsheet cell as the cell was written: wrapped whole in double quotes,
    with each quote inside doubled ('"A set of ""Merryman"" plates."'). The wrapping quotes quote nothing;
    the doubled ones are single quotes of the description."""
    stripped = text.strip()
    if len(stripped) > 2 and stripped[0] == stripped[-1] == '"' and '""' in stripped[1:-1]:
        return stripped[1:-1].replace('""', '"')
    return text


def stand_in(quotes: list[str], words: str) -> str:
    """The placeholder for `words`, which are added to `quotes`; the words themselves if they are empty."""
    cleaned = " ".join(clean_text(words).split())[:MAX_TEXT].strip()
    if not cleaned or not any(c.isalnum() for c in cleaned):
        return words
    quotes.append(cleaned)
    return f"\t{PLACEHOLDER.format(len(quotes) - 1)}\t"  # tabs: no double space for unquoted.py to see


def _cut_marked(text: str, quotes: list[str]) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        mark = text[i]
        if mark in _CLOSERS and _opens(text, i):
            end = _closing(text, i)
            if end is None and mark not in ("'", "\u2019"):
                stop = _UNCLOSED_ENDS.search(text, i + 1)
                words = text[i + 1 : stop.start()]
                if len(words.split()) <= _MAX_UNCLOSED_WORDS:  # 'with text \u2018Diffusion Models , in ...'
                    out.append(stand_in(quotes, words))
                    i = stop.start()
                    continue
            if end is not None:
                out.append(stand_in(quotes, text[i + 1 : end]))
                i = end + 1
                continue
        out.append(mark)
        i += 1
    return "".join(out)


def _opens(text: str, i: int) -> bool:
    """Whether the mark at i opens a quote: nothing of a word before it, something after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _closing(text: str, i: int) -> int | None:
    """The index of the mark that closes the quote opened at i: after something, before no letter."""
    closers = _CLOSERS[text[i]]
    for j in range(i + 2, min(len(text), i + 2 + MAX_TEXT)):
        if text[j] in closers and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalnum():
                return j
    return None


def restore(text: str, quotes: list[str]) -> str:
    """The text with each placeholder back as its quoted string, for the prompt."""
    if not quotes:
        return text
    return _PLACEHOLDER.sub(lambda m: f"'{quotes[int(m.group(1))]}'" if int(m.group(1)) < len(quotes) else "", text)


# -- where each text goes -----------------------------------------------------------------------

# Verbs that say what is written on the thing before them: "a sign that says 'OPEN'".
SAYING_WORDS = frozenset(
    {"says", "say", "saying", "reads", "reading", "read", "labeled", "labelled", "titled", "entitled",
     "captioned", "stating", "states", "announcing", "announces", "proclaiming", "declaring", "displaying",
     "displays", "showing", "shows", "spelling", "spells", "spelled", "spelt", "marked", "inscribed", "printed",
     "named", "called"}
)  # fmt: skip
# Participles that only say the text is written: "the word 'START' written in chalk" (the chalk stays).
WRITTEN_WORDS = frozenset(
    {"written", "painted", "drawn", "spelled", "spelt", "printed", "carved", "engraved", "etched", "scrawled",
     "inscribed", "embroidered", "stitched", "displayed", "shown", "lettered", "sprayed", "scribbled", "typed",
     "emblazoned", "stamped", "embossed", "formed", "spelled out", "arranged", "centered", "centred"}
)  # fmt: skip
# Nouns that are only "the words": with a thing before ("a heart with the text 'X'") the thing carries them.
_BARE_TEXT_NOUNS = frozenset({"text", "texts", "phrase", "quote", "quotation", "inscription", "lettering", "writing"})


def place_quotes(items: list[Item], quotes: list[str]) -> list[Item]:
    """The items with every TEXT item where its carrier is (the module docstring's rules)."""
    if not any(item.kind == TEXT for item in items):
        return items
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind != TEXT:
            out.append(item)
            i += 1
            continue
        text = Item(TEXT, item.text, quotes[int(item.value)] if isinstance(item.value, int) else item.text)
        if out and out[-1].kind == WORD and out[-1].text in WRITTEN_WORDS:
            out.pop()  # "with 'X' written on it" is what "with 'X' on it" says
        i = _place(out, items, i, text)
        while i < len(items) and items[i].kind == WORD and items[i].text in WRITTEN_WORDS:
            i += 1
    return out


def _place(out: list[Item], items: list[Item], i: int, text: Item) -> int:
    """Put one TEXT item (items[i]) and what it needs into `out`; the index of the next item."""
    before = out[-1] if out else None
    if before is not None and before.kind == WORD and before.text in SAYING_WORDS and len(out) > 1:
        out.pop()  # 'a sign that says': the sign carries the text
        if out and out[-1].kind == CLAUSE:
            out.pop()
        out.append(text)
        return i + 1
    if before is not None and before.kind == WORD and before.text in _BARE_TEXT_NOUNS:
        start = len(out) - 1
        while start > 0 and out[start - 1].kind == DET:
            start -= 1
        if start > 0 and _carried_before(out, start - 1):
            del out[start - 1 :]  # 'a heart with the text', 'a sculpture of text': the thing before carries it
        out.append(text)
        return i + 1
    if before is not None and before.kind == WORD and before.text not in setting_words.FILLER_NOUNS:
        if _describing(before.text) and i + 1 < len(items) and _noun_at(items, i + 1):
            return _before_noun(out, items, i, text)  # 'a red 'STOP' sign': the sign is red and says it
        if _acting(out):  # 'a robot writing 'X'': what it writes; 'holding a 'STOP' sign': the sign
            return (
                _before_noun(out, items, i, text)
                if i + 1 < len(items) and _noun_at(items, i + 1)
                else _own(out, i, text)
            )
        out.append(text)  # 'the word', 'a restaurant': the noun before carries it
        return i + 1
    if before is not None and before.kind == WITH and _a_thing_before(out[:-1]):
        out.pop()  # 'a storefront with 'X' written on it'
        out.append(text)
        return i + 1
    if (before is None or before.kind in (DET, NUM, QUANT)) and i + 1 < len(items) and _noun_at(items, i + 1):
        return _before_noun(out, items, i, text)
    return _own(out, i, text)


def _before_noun(out: list[Item], items: list[Item], i: int, text: Item) -> int:
    """'a 'do not touch' sign': the noun after the text carries it."""
    after = i + 1
    while after < len(items) and items[after].kind == WORD:
        out.append(items[after])
        after += 1
    out.append(text)
    return after


def _own(out: list[Item], i: int, text: Item) -> int:
    """A text with no noun to carry it gets one: 'letter', 'word' or 'text'."""
    out.append(Item(WORD, _noun_for(str(text.value))))
    out.append(text)
    return i + 1


def _acting(out: list[Item]) -> bool:
    """Whether the word before a text is a verb that acts on it ('a robot writing', 'a girl shouting'),
    not a noun that carries it ('the word', 'a painting')."""
    return not _noun_at(out, len(out) - 1) and out[-1].text not in NOUNS_ENDING_ING  # 'writing' may be either


def _carried_before(out: list[Item], k: int) -> bool:
    """Whether 'with' or 'of' at out[k] gives a bare text noun to the thing before it: 'a heart with the text',
    'a sculpture of text'; not a picture's style ('a graffiti art of the text': the text is a thing)."""
    if out[k].kind == WITH:
        return _a_thing_before(out[:k])
    before = out[k - 1] if k > 0 else None
    return (
        out[k].kind == OF
        and before is not None
        and before.kind == WORD
        and (before.text not in setting_words.STYLE_HEADS or before.text in ARTWORK_THINGS)
        and before.text not in setting_words.FILLER_NOUNS
    )


def _describing(word: str) -> bool:
    """A colour, a size or another describing word, which a noun after the text completes ('a red', 'big')."""
    return (
        colour_of(word) is not None
        or word in vocab.SIZES
        or word in vocab.OTHER_ADJECTIVES
        or word in vocab.STATES
        or looks_descriptive(word)
    )


def _a_thing_before(items: list[Item]) -> bool:
    """Whether some noun was read before, in this sentence: something to carry a text."""
    for item in reversed(items):
        if item.kind == STOP:
            return False
        if item.kind == WORD:
            return True
    return False


def _noun_at(items: list[Item], i: int) -> bool:
    word = items[i].text
    return (
        items[i].kind == WORD and word not in VERBS and word not in COPULAS and word not in WRITTEN_WORDS
        and not word.endswith("ing")
    )  # fmt: skip


def _noun_for(text: str) -> str:
    """The noun that carries a text with nothing else to: 'letter', 'word' or 'text'."""
    if len(text) == 1:
        return "letter"
    return "word" if len(text.split()) == 1 else "text"
