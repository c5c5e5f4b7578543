"""Style, quality and light phrases that the tagger sees in pieces, put back together as written.

Prompts for image models are comma lists, and many of their items only say how the picture is made:
", fantasy 4k,", ", vintage futuristic,", ", 8-bit retro art,", ", 1900s picture,", ", stunning volumetric
lighting,". The tagger knows each word, not the item, and the noun-phrase grammar would make a thing of
"retro art" or "1900s picture". This module works on the text before it is tagged and on the tagged items
before the grammar reads them:
- `tidy_text`: decades, lenses and numbered titles written digit by digit ("1 9 2 0 s" is "1920s", "8 5 mm"
  is "85mm", "cyberpunk 2 0 7 7" is "cyberpunk 2077"), words cut at a spaced hyphen that
  the vocabulary knows whole ("8 - bit", "award - winning") and other lowercase words at one parted as list
  items ("cannabis - indica"), a copyright mark that credits an author ("Stock photo (c) veralub" is "by
  veralub"), a prefix written apart joined ("multi colored"), 'of' or 'by' glued to a name ("style ofAlbert") cut off it, and art credited with "by" is art as
  well as its author's ("art by artgerm" is "art" and "artgerm style"); only the tagger sees these, the prompt
  keeps the words as written;
- a list item of words, articles and 'of' that ends in "style" is one style ("breath of the wild style");
- `merge_items`: a list item made only of style words is one style; one made of such words and a light is
  one light ("stunning volumetric lighting"); evaluative words just before a style are styles too
  ("amazing lifelike award winning pencil illustration"); a medium before a style is part of it ("color
  studio photo"), and media one after another are a style each ("trailcam footage livestream video"); a
  capitalised run of style words is no name ("Digital Animation of three walking Manikins"); a list item
  that ends in "style", "lighting" or "photography" is one style or light as a whole (whole_items.py), and
  the words that open an item before a picture noun and "of" say what kind of picture it is (picture_kinds.py);
- `split_styles`: an evaluative word before a medium is a style of its own ("a realistic photo" is
  realistic and a photo; "an hd painting" and "an oil painting" stay one).
"""

from __future__ import annotations

import re

from limner.agents.planning.rules import artist_words, grammar_words, setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.picture_kinds import kind_before_of, made_with
from limner.agents.planning.rules.tag_names import counted_tags, spaced_titles
from limner.agents.planning.rules.tagging import COMMA, DET, LIGHT, NUM, OF, PROPER, QUALITY, STOP, STYLE, WORD, Item
from limner.agents.planning.rules.whole_items import whole_item

# A decade written digit by digit, as some prompts do so that a model reads each digit: '1 9 2 0 s', '8 0's'.
_SPACED_DECADE = re.compile(r"\b(\d)((?: \d){1,3}) ?('?s)\b")
# A spaced hyphen after a word: '8 - bit', 'award - winning', 'lecouffe - deharme', 'cannabis - indica - sativa'.
_SPACED_HYPHEN = re.compile(r"\b([^\W_]+) - (?=([^\W_]+)\b)")
# Grammar words a spaced hyphen joins to the words around it: 'black - and - white', 'mother - of - pearl'.
_BINDING_WORDS = frozenset({"and", "or", "of", "the", "a", "an", "in", "to", "on", "by", "for", "at"})
# Second halves of hyphened describing words: 'water - proof', 'hand - made', 'cat - like'.
_COMPOUND_ENDS = frozenset({"like", "free", "proof", "made", "style", "themed", "sized", "size", "up", "off", "out"})
# A prefix written apart from its word: 'multi colored' is 'multi-colored'.
_PREFIX_APART = re.compile(r"\b(multi) (?=[^\W\d_])", re.IGNORECASE)
# 'of' or 'by' written without a space before a capitalised name: 'in style ofAlbert Bierstadt'.
_GLUED_NAME = re.compile(r"\b(of|by)([A-Z][a-z]{2,})")
# 'art by X': the picture is art, and X made it ('character art by X' is character art, art by X).
_PICTURE_BY = re.compile(r"\b(art|artwork) by\b", re.IGNORECASE)
# Two words each shouted with '!!': 'don!!! bluth!!!'.
_SHOUTED_PAIR = re.compile(r"\b([^\W\d_]+)!{2,} ?([^\W\d_]+)(?:!{2,})?")
# A copyright mark before a name credits its author: '(c) veralub', '\u00a9 John Doe'.
_COPYRIGHT = re.compile(r"(?:\u00a9|\(c\))\s*(?=[^\W\d_])", re.IGNORECASE)
# A lens written digit by digit: '8 5 mm', '3 5 mm'; an aperture with its dot spaced: 'f 1. 8', 'f / 2. 8'.
_SPACED_LENS = re.compile(r"\b(\d)((?: \d){1,2}) ?mm\b")
_SPACED_APERTURE = re.compile(r"\bf ?/? ?(\d{1,2}) ?\. (\d)\b", re.IGNORECASE)
# Titles of films and games written with a year or a number, for joining when the number is spelled digit
# by digit ('cyberpunk 2 0 7 7' is 'cyberpunk 2077').
_NUMBERED_WORKS = {
    re.compile(r"\b" + re.escape(name.rsplit(" ", 1)[0]) + r" " + " ?".join(name.rsplit(" ", 1)[1]) + r"\b"): name
    for name in artist_words.WORK_NAMES
    if name.rsplit(" ", 1)[-1].isdigit() and len(name.rsplit(" ", 1)[-1]) > 1
}
# A decade or a year as a style word: '1920s', '80s', "80's".
_ERA = re.compile(r"^(?:1[5-9]\d0|20[0-2]0)'?s$|^\d0'?s$")
# Words every prefix of which joins the next word with a hyphen ('hyper-realistic', 'sci-fi').
_HYPHEN_PREFIXES = frozenset(
    {"hyper", "ultra", "super", "semi", "sci", "low", "high", "award", "hand", "well", "photo", "cel", "tilt", "8",
     "16", "32", "64", "3", "2"}
)  # fmt: skip

# Words that only say how a picture is made or how good it is: a list item of nothing else is a style.
_STYLE_ONLY = (
    set(setting_words.STYLE_WORDS) | setting_words.STANDALONE_STYLE_WORDS | set(setting_words.STYLE_HEADS)
    | {p for p in setting_words.QUALITY_PHRASES if " " not in p} | {"bit", "picture", "image"}
)  # fmt: skip
# A school or movement: a list item that ends in one is a style ('modular constructivism', 'brutalism').
_MOVEMENT = re.compile(r"^[a-z-]{5,}ism$")
# Words that may stand before a light and make one lighting phrase with it ('stunning volumetric lighting').
_LIGHT_MODIFIERS = (
    setting_words.STANDALONE_STYLE_WORDS | set(setting_words.STYLE_WORDS) | setting_words.WEATHER_WORDS
    | setting_words.LIGHT_MODIFIERS
)  # fmt: skip
# Words that name no artist at the end of a list item: colours, materials, people, parts, scene words.
_KNOWN_NOUNS = (
    vocab.COLORS | frozenset(vocab.MATERIALS) | vocab.SIZES | vocab.STATES | vocab.OTHER_ADJECTIVES
    | grammar_words.PERSON_NOUNS | grammar_words.PART_NOUNS | grammar_words.CONTAINERS | grammar_words.PLACE_NAME_WORDS
    | setting_words.FILLER_NOUNS | frozenset(setting_words.TIME_WORDS) | frozenset(setting_words.LIGHTING_WORDS)
    | setting_words.WEATHER_WORDS | frozenset({"fire", "water", "smoke", "rain", "snow", "sky", "sea", "sun", "moon"})
)  # fmt: skip
_NAMES = artist_words.ARTIST_NAMES | artist_words.WEBSITE_NAMES
_KNOWN_HYPHENED = frozenset(
    word
    for table in (setting_words.STYLE_WORDS, setting_words.STYLE_PHRASES, setting_words.QUALITY_PHRASES,
                  setting_words.LIGHTING_PHRASES, setting_words.VIEWPOINT_PHRASES, setting_words.STANDALONE_STYLE_WORDS,
                  artist_words.ARTIST_NAMES)
    for phrase in table
    for word in phrase.split()
    if "-" in word
)  # fmt: skip


# A word and 'in color' after it: 'pink in color', 'black and white in colour', 'very light in colour'.
_IN_COLOUR = re.compile(r"\b([a-z]+)\s+in\s+colou?rs?\b", re.IGNORECASE)
# Words that say a colour or how light it is: 'in color' after them is filler.
_COLOUR_LIKE = (
    vocab.COLORS | frozenset(vocab.COLOR_SYNONYMS) | vocab.COLOR_MODIFIERS | {"grey", "colorful", "colourful"}
)


def tidy_text(text: str) -> str:
    """The text with spaced decades and known spaced hyphens joined, and a copyright mark read as 'by'."""
    if any(c.isdigit() for c in text):
        text = _SPACED_DECADE.sub(lambda m: m.group(1) + m.group(2).replace(" ", "") + m.group(3), text)
        text = _SPACED_LENS.sub(lambda m: m.group(1) + m.group(2).replace(" ", "") + "mm", text)
        text = _SPACED_APERTURE.sub(r"f/\1.\2", text)
        for spaced, name in _NUMBERED_WORKS.items():
            text = spaced.sub(name, text)
    if " - " in text:
        text = _SPACED_HYPHEN.sub(_joined, text)
    if "!!" in text:
        text = _SHOUTED_PAIR.sub(_unshouted, text)
    if "multi " in text.lower():
        text = _PREFIX_APART.sub(r"\1-", text)
    text = counted_tags(spaced_titles(text))  # 'cs : go sticker', '1girl' (tag_names.py)
    if "of" in text or "by" in text:
        text = _GLUED_NAME.sub(r"\1 \2", text)
    text = _PICTURE_BY.sub(r"\1, \1 by", text)
    if " in colo" in text.lower():
        text = _IN_COLOUR.sub(_without_in_colour, text)
    if "\u00a9" in text or "(c)" in text.lower():
        text = _COPYRIGHT.sub("by ", text)
    return text


def _without_in_colour(match: re.Match[str]) -> str:
    """'pink in color' is 'pink': after a colour word 'in color' says again what kind of word it was, and
    read alone 'color' would be a style (a colour photo). 'a photo in color' keeps it."""
    return match.group(1) if match.group(1).lower() in _COLOUR_LIKE else match.group(0)


def _unshouted(match: re.Match[str]) -> str:
    """'don!!! bluth!!!' is 'don bluth' when the two words name a known artist."""
    name = f"{match.group(1)} {match.group(2)}"
    return name if name.lower() in artist_words.ARTIST_NAMES else match.group(0)


def _joined(match: re.Match[str]) -> str:
    """A spaced hyphen inside a word the vocabulary knows ('8 - bit') joins it; between two other lowercase
    words it separates two list items, as a comma would ('cannabis - indica - sativa', 'icons - vector set');
    colours and grammar words stay together ('blue - green', 'black - and - white')."""
    left, right = match.group(1), match.group(2)
    word = f"{left}-{right}".lower()
    if word in _KNOWN_HYPHENED or (left.lower() in _HYPHEN_PREFIXES and right.islower()) or len(left) == 1:
        return f"{left}-"  # '8 - bit', 't - shirt', 'x - ray'
    if left.isalpha() and right.isalpha() and right.islower() and not (_joins(left.lower()) or _joins(right)):
        return f"{left}, "
    return match.group(0)


def _joins(word: str) -> bool:
    """A word that a spaced hyphen binds to its neighbour: a colour or a grammar word ('blue - green'), or the
    describing end of a compound word ('long - haired', 'sun - kissed', 'water - proof')."""
    return (
        word in vocab.COLORS
        or word in grammar_words.WITH_WORDS
        or word in _BINDING_WORDS
        or word.endswith(("ed", "ing"))
        or word in _COMPOUND_ENDS
    )


def merge_items(items: list[Item]) -> list[Item]:
    """The tagged items with the style and light phrases they make together as one item each."""
    items = _unnamed_style_runs(items)
    spans: list[list[Item]] = []
    marks: list[Item | None] = []  # the comma or stop after each span
    start = 0
    for end in range(len(items) + 1):
        if end == len(items) or items[end].kind in (COMMA, STOP):
            spans.append(_merged(items[start:end]))
            marks.append(items[end] if end < len(items) else None)
            start = end + 1
    _artists_between(spans, marks)
    return [item for span, mark in zip(spans, marks) for item in (*span, *([mark] if mark else []))]


def _artists_between(spans: list[list[Item]], marks: list[Item | None]) -> None:
    """List items of one to three bare words between two artists or sites are artists too: 'makoto shinkai,
    hibbary, dark natasha, furaffinity'. Only commas join such a list."""
    k = 0
    while k < len(spans):
        if not _is_artist(spans[k]):
            k += 1
            continue
        j = k + 1
        while j < len(spans) and marks[j - 1] is not None and marks[j - 1].text == "," and _bare_name(spans[j]):
            j += 1
        if (
            j > k + 1
            and j < len(spans)
            and marks[j - 1] is not None
            and marks[j - 1].text == ","
            and _is_artist(spans[j])
        ):
            for m in range(k + 1, j):
                text = " ".join(item.text for item in spans[m])
                spans[m] = [Item(STYLE, text, text)]
        k = j


def _is_artist(span: list[Item]) -> bool:
    """A list item that is one artist's or site's name, with or without 'by'."""
    if len(span) != 1 or span[0].kind != STYLE:
        return False
    text = span[0].text.lower()
    return span[0].value != span[0].text or text in _NAMES or text.split(" ", 2)[-1] in _NAMES


def _bare_name(span: list[Item]) -> bool:
    """One to three words that may be a name: no grammar, and, unless capitalised, a last word that is no
    plural ('dragons') and no word the vocabulary knows ('fire', 'red', 'night')."""
    if not (0 < len(span) <= 3 and all(item.kind == WORD and item.text[:1].isalpha() for item in span)):
        return False
    last = span[-1]
    if last.value == PROPER:
        return True
    word = last.text
    return not (word.endswith("s") and not word.endswith("ss")) and word not in _KNOWN_NOUNS


def _merged(span: list[Item]) -> list[Item]:
    """One list item's items: one style or light item when its words only say how the picture looks."""
    if not span:
        return span
    span = made_with(kind_before_of(span))  # 'surreal oil painting of', 'made with a palette knife' (picture_kinds.py)
    if _titled_style(span):
        text = " ".join(item.text for item in span)
        return [Item(STYLE, text, text)]
    whole = whole_item(span)  # 'pixar style', 'rembrandt lighting', 'maco photography' (whole_items.py)
    if whole is not None:
        return [whole]
    words = [_words(item) for item in span]
    if any(w is None for w in words):
        return _adjectives_folded(span)
    flat = " ".join(" ".join(w) for w in words if w)
    last = span[-1]
    if last.kind == LIGHT and len(span) > 1 and all(w and set(w) <= _LIGHT_MODIFIERS for w in words[:-1]):
        return [Item(LIGHT, flat, flat)]
    if len(span) <= 3 and all(item.kind == WORD for item in span) and _movement(span[-1].text):
        return [Item(STYLE, flat, flat)]
    if len(span) > 1 and all(w is not None and all(_style_only(x) for x in w) for w in words):
        if any(item.kind in (STYLE, QUALITY) for item in span) or any(_style_sign(x) for w in words for x in w):
            return [Item(STYLE, flat, flat)]
    return _adjectives_folded(span)


def _titled_style(span: list[Item]) -> bool:
    """A list item that names a work's look by its title: 'breath of the wild style', 'lord of the rings
    style'. Only words, articles and 'of', ending in 'style'."""
    return (
        2 < len(span) <= 7
        and span[-1].kind == WORD
        and span[-1].text == "style"
        and any(item.kind == OF for item in span)
        and all(item.kind in (WORD, OF, DET) for item in span)
    )


def _words(item: Item) -> list[str] | None:
    """The words of an item that may be part of a style item; None for any other item (an artist, a 'the')."""
    if item.kind in (STYLE, QUALITY, LIGHT):
        return item.text.split() if item.value == item.text else None
    if item.kind in (WORD, NUM) and item.value != PROPER:
        return [item.text]
    return None


def _style_only(word: str) -> bool:
    """A word that may stand in a list item that is a style: a style word, a medium, an era."""
    return (
        word in _STYLE_ONLY
        or bool(_ERA.match(word))
        or word in setting_words.ART_MEDIA
        or word in setting_words.STYLE_FILLERS
    )


def _movement(word: str) -> bool:
    """Whether a word names a school or movement of art: 'constructivism', 'brutalism', 'futurism'."""
    return bool(_MOVEMENT.match(word)) and word not in setting_words.NOT_MOVEMENTS and len(word) >= 8


def _style_sign(word: str) -> bool:
    """A word that makes a list item of such words a style: not a medium alone ('street food' is a thing)."""
    return word in _STYLE_ONLY or bool(_ERA.match(word))


def _adjectives_folded(span: list[Item]) -> list[Item]:
    """Evaluative words right before a style are styles of their own: 'amazing lifelike' before 'award
    winning pencil illustration', 'stunning' in 'a stunning rendition'."""
    out = list(span)
    for i, item in enumerate(span):
        if not (item.kind == WORD and item.text in setting_words.EVALUATIVE_WORDS):
            continue
        j = i
        while j < len(span) and span[j].kind == WORD and span[j].text in setting_words.EVALUATIVE_WORDS:
            j += 1
        k = j
        while k < len(span) and k - j < 2 and span[k].kind == WORD and span[k].text in setting_words.ART_MEDIA:
            k += 1
        after = span[k] if k < len(span) else None
        if after is not None and (
            (after.kind in (STYLE, QUALITY) and after.value == after.text and k == j)
            or (after.kind == WORD and after.text in setting_words.STYLE_HEADS and after.value != PROPER)
        ):
            out[i] = Item(STYLE, item.text, item.text)
    return _media_folded(_media_runs(out))


def _media_folded(span: list[Item]) -> list[Item]:
    """A medium word right before a style phrase is part of it: 'color' + 'studio photo'."""
    out: list[Item] = []
    for item in span:
        if (
            item.kind == STYLE
            and item.value == item.text
            and out
            and out[-1].kind == WORD
            and out[-1].value != PROPER
            and out[-1].text in setting_words.ART_MEDIA
            and (len(out) == 1 or out[-2].kind == DET)
        ):
            text = f"{out.pop().text} {item.text}"
            item = Item(STYLE, text, text)
        out.append(item)
    return out


def _media_runs(span: list[Item]) -> list[Item]:
    """Two or more media written one after another are a style each: 'trailcam footage livestream video of'."""
    start = 1 if span and span[0].kind == DET else 0
    groups: list[tuple[int, int]] = []
    i = start
    while i < len(span):
        j = i
        while j < len(span) and _plain(span[j]) and span[j].text in setting_words.ART_MEDIA and j - i < 2:
            if span[j].text in setting_words.STYLE_HEADS and not _medium_at(span, j + 1):
                break  # 'video' in 'livestream video of'
            j += 1
        if j < len(span) and _plain(span[j]) and span[j].text in setting_words.STYLE_HEADS:
            groups.append((i, j + 1))
            i = j + 1
        else:
            break
    if len(groups) < 2 or (i < len(span) and span[i].kind not in (OF, COMMA, STOP)):
        return span
    styles = [" ".join(item.text for item in span[a:b]) for a, b in groups]
    return [*span[:start], *(Item(STYLE, text, text) for text in styles), *span[i:]]


def _medium_at(span: list[Item], j: int) -> bool:
    return (
        j < len(span)
        and _plain(span[j])
        and (span[j].text in setting_words.ART_MEDIA or span[j].text in setting_words.STYLE_HEADS)
    )


def _plain(item: Item) -> bool:
    return item.kind == WORD and item.value != PROPER


def _unnamed_style_runs(items: list[Item]) -> list[Item]:
    """Capitalised runs made only of style words, with a medium among them, are no names: 'Digital Animation'."""
    out = list(items)
    i = 0
    while i < len(out):
        if out[i].kind != WORD or out[i].value != PROPER:
            i += 1
            continue
        j = i
        while j < len(out) and out[j].kind == WORD and out[j].value == PROPER:
            j += 1
        run = [o.text.lower() for o in out[i:j]]
        if all(_style_only(w) for w in run) and any(w in setting_words.STYLE_HEADS for w in run):
            out[i:j] = [Item(WORD, w) for w in run]
        i = j
    return out


def _without_repeats(style: str) -> str:
    """A style with a word said twice running said once: 'vector illustration Illustration' (a title and a
    tag run together) is one illustration, and the prompt should not stammer."""
    words = style.split()
    kept = [w for i, w in enumerate(words) if i == 0 or w.lower() != words[i - 1].lower()]
    return style if len(kept) == len(words) else " ".join(kept)


def split_styles(styles: list[str]) -> list[str]:
    """Each style, with the evaluative words before a medium as styles of their own: 'beautiful photo' is
    'beautiful' and 'photo'; 'hd painting', 'oil painting' and 'surreal oil painting' stay whole."""
    out: list[str] = []
    for style in map(_without_repeats, styles):
        rest, parts = style, []
        while True:
            word = next((w for w in setting_words.EVALUATIVE_WORDS if rest.startswith(w + " ")), None)
            if word is None:
                break
            parts.append(word)
            rest = rest[len(word) + 1 :]
        if parts and rest.split()[-1] in setting_words.STYLE_HEADS:
            out += [*parts, rest]
        else:
            out.append(style)
    return out
