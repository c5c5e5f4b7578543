"""Text to render that is written without quotes: only where the words around it say it is text.

quoted.py cuts quoted strings; this module finds the few unquoted texts a description marks clearly
enough, each cut and replaced the same way (by `take`, which returns the placeholder):
- a span set off by double spaces after a text noun, 'with' or a saying verb, where quotes were lost
  ("the text  Coffee is what i like .", "a book with  knowledge is power  painted on it");
- the words after a saying verb that follows a thing that carries text, up to the next punctuation
  ("a sign that says OPEN", "a banner reading Happy Birthday", "a license plate that reads ABC 123");
- the words after a text noun or saying verb and a colon ("a poster with the caption: Keep Calm");
- a capitalised run between "with" and a word of writing ("a cake with Happy Birthday written on it");
- one word after "the word" / "the letter" / "the number" ("the word love in red", "the letter b", "the
  number 7 painted on a door");
- a run in capitals after a verb of writing and 'with' ("a tombstone engraved with RIP");
- a run of two or more words in capitals in a text that is not all capitals ("...: MAY THE LORD OPEN");
- a capitalised run right after a noun that carries text ("a metal band logo Ritual Doom");
- an interjection after a noun that carries text and 'with' ("speech bubbles with lol");
- a word in capitals after a verb of writing ("a dog writing BONEZ on a chalkboard");
- a greeting that is a whole item ("Happy Halloween!", "a card, merry christmas, snow") or an interjection
  that is one with an exclamation mark ("Wow!"): words said or written, which name no thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from limner.agents.planning.rules import setting_words
from limner.agents.planning.rules.narration import SEEING_MODALS, SEEING_VERBS, THINKING_VERBS

# Things that carry words: after these, a capitalised or double-spaced run is what is written.
TEXT_CARRIERS = frozenset(
    {"sign", "signs", "signboard", "banner", "poster", "billboard", "label", "placard", "note", "card",
     "plaque", "logo", "caption", "headline", "title", "slogan", "motto", "captcha", "text", "word", "words",
     "letters", "lettering", "message", "inscription", "tattoo", "graffiti", "sticker", "badge", "stamp",
     "neon", "marquee", "t-shirt", "shirt", "mug", "cake", "book", "cover", "screen", "blackboard",
     "chalkboard", "whiteboard", "board", "menu", "ticket", "flag", "storefront", "bubble", "envelope",
     "letter", "quote", "phrase", "name", "newspaper", "magazine", "album", "jersey", "hoodie", "cap"}
)  # fmt: skip
# Things that carry words only when a saying verb says so: "a license plate that reads ABC 123".
SAID_CARRIERS = TEXT_CARRIERS | frozenset(
    {"plate", "tag", "display", "monitor", "bottle", "can", "jar", "box", "bag", "package", "wall", "door",
     "window", "trophy", "coin", "postcard", "shop", "store", "building", "bus", "truck", "van", "train",
     "tombstone", "gravestone", "headstone", "bench", "sweater", "jacket", "hat", "paper", "notebook",
     "napkin", "receipt", "scroll", "laptop", "phone", "tablet", "computer", "calendar", "map", "comic",
     "balloon", "kite", "cup", "sticky", "post-it", "envelope", "notice", "signpost", "marquee", "scoreboard"}
)  # fmt: skip
_SAYING = r"(?:says|say|saying|reads|reading|read|that says|that reads|which says|which reads|titled|labeled|labelled)"
_MARKERS = r"(?:text|word|words|letters|caption|message|with|says|saying|reads|reading|titled|labeled)"
_DOUBLE_SPACED = re.compile(rf"\b{_MARKERS}  (?=[^\s])([^.,;:!?]{{1,200}}?)(?:  | (?=[.,;:!?])|$)", re.IGNORECASE)
# Words that end an unquoted text: 'a sign reading STOP in red'.
_ENDS = "in|on|at|with|and|above|below|under|over|near|next|beside|behind|written|painted|hanging|while"
_AFTER_SAYING = re.compile(
    rf"\b([\w-]+) {_SAYING}:? ((?![\"'\u2018\u201c])[^.,;:!?()]{{1,120}}?)\s*(?=[.,;:!?()]|$|\s(?:{_ENDS})\b)"
)
# A verb of reading with a thing read after it ('reading a book', 'reads the paper'): no text.
_READ_THING = re.compile(r"\s+(?:reads|reading|read) (?:a|an|the|his|her|their|its|my|your|our) [a-z]")
_ONE_WORD = re.compile(
    r"\bthe (?:word|letter|number) ([A-Za-z0-9]+)(?=\s*(?:[.,;:!?]|$|\s(?:in|on|written|made|painted|spelled|drawn|with)\b))"
)
# "a poster with the caption: Keep Calm", "a sign that reads: OPEN": what follows the colon is the text.
_AFTER_COLON = re.compile(
    r"\b(?:text|words?|caption|message|title|headline|slogan|quote|motto|label|inscription):\s*"
    r"((?![\"'\u2018\u201c])[^.,;:!?()\n]{1,120}?)\s*(?=[.,;!?()]|$)",
    re.IGNORECASE,
)
# "a cake with Happy Birthday written on it": a capitalised run between 'with' and a word of writing.
_WRITTEN_WITH = re.compile(
    r"\bwith ([A-Z][\w'!?-]*(?: [A-Za-z][\w'!?-]*){0,5}) (?=(?:written|painted|printed|carved|engraved|"
    r"inscribed|embroidered|spelled|scrawled|stamped)\b)"
)
# "a tombstone engraved with RIP": a run in capitals after a verb of writing and 'with'.
_WITH_WRITTEN_CAPITALS = re.compile(
    r"\b(?:written|painted|printed|carved|engraved|inscribed|embroidered|stamped|marked|emblazoned|etched) "
    r"with ((?:[A-Z][A-Z0-9'!?]+)(?: [A-Z][A-Z0-9'!?]*){0,5})\b"
)
_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z'!?]*(?: [A-Z][A-Z'!?]*)+\b")
_AFTER_CARRIER = re.compile(r"\b([a-z][\w-]*) (I [^.,;:!?()]{1,100}|[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,5})")
_MAX_SAID_WORDS = 6
# Words that are only ever said or written, never drawn: "a speech bubble with lol".
INTERJECTIONS = frozenset(
    {"lol", "omg", "wow", "hello", "hi", "hey", "bye", "goodbye", "yes", "ok", "okay", "boom", "pow", "bang",
     "zap", "wham", "kapow", "oops", "ouch", "yay", "hooray", "hurray", "welcome", "thanks", "congrats",
     "help", "sos", "stop", "open", "closed", "sale", "exit", "hola", "ciao", "aloha", "bonjour", "yolo",
     "haha", "hahaha", "lmao", "brb", "xoxo", "meow", "woof", "moo", "oink", "zzz", "shh", "psst", "eek",
     "ugh", "yikes", "whoa", "bravo", "cheers", "love"}
)  # fmt: skip
# Words for a drawn sign that carries no words of its own: 'a heart icon Symbol'.
_SIGN_WORDS = frozenset({"symbol", "icon", "emblem", "pictogram", "glyph", "logo"})
_WITH_INTERJECTION = re.compile(r"\b([a-z][\w-]*) with ([a-z]+)(?=\s*(?:[.,;:!?]|$))")
# A word or run in capitals after a verb of writing or spelling: what is written.
_WRITTEN_CAPITALS = re.compile(
    r"\b(?:writing|writes|wrote|written|spelling|spells|spelled|spelt|scrawling|painting|carving) "
    r"([A-Z][A-Z'!?-]+(?: [A-Z][A-Z'!?-]+)*)(?![\w'-])"
)
# Occasions a greeting wishes well for: 'Happy Halloween', 'Merry Christmas'.
_OCCASIONS = (
    r"(?:birthday|halloween|christmas|xmas|easter|new year|holidays|anniversary|thanksgiving|hanukkah|diwali|"
    r"valentine'?s day|mother'?s day|father'?s day|st\.? patrick'?s day|retirement|graduation|wedding day|"
    r"friday|holi|eid|lunar new year|chinese new year|ramadan|passover|independence day|4th of july)"
)
_GREETINGS = (
    rf"(?:happy|merry) {_OCCASIONS}(?: to you)?|season'?s greetings|congratulations|congrats|good luck|welcome home|"
    r"get well soon|thank you|best wishes|bon voyage|happy new year"
)
# A greeting that is a whole item, with an exclamation mark or with the item's end after it.
_GREETING = re.compile(
    rf"(?:^|(?<=[.!?,;:(]))\s*((?:{_GREETINGS})(?-i:,? [A-Z][a-z]+)?)\s*(?=[.,;:!?)]|$)", re.IGNORECASE
)
_EXCLAIMED = re.compile(r"(?:^|(?<=[.!?,;:(]))\s*([A-Za-z]+)(?=!)")
# Words of the style, quality and camera tags, which are no text when written in capitals ('HDR', 'UHD').
_TAG_WORDS = frozenset(
    word
    for table in (setting_words.QUALITY_PHRASES, setting_words.STYLE_PHRASES, setting_words.CAMERA_PHRASES,
                  setting_words.STYLE_WORDS, setting_words.VIEWPOINT_PHRASES)
    for phrase in table
    for word in phrase.split()
)  # fmt: skip


def cut_unquoted(text: str, take: Callable[[str], str]) -> str:
    """The text with the unquoted texts it marks replaced by `take(words)`."""
    text = _DOUBLE_SPACED.sub(lambda m: _tail(m, take), text)
    text = _AFTER_SAYING.sub(lambda m: _said(m, take), text)
    text = _ONE_WORD.sub(lambda m: _tail(m, take), text)
    text = _AFTER_COLON.sub(lambda m: _uncoloned(m, take), text)
    text = _WRITTEN_WITH.sub(lambda m: _tail(m, take), text)
    text = _WITH_WRITTEN_CAPITALS.sub(lambda m: _tail(m, take), text)
    words = re.findall(r"[A-Za-z]+", text)
    upper = sum(1 for w in words if w.isupper() and len(w) > 1)
    if upper and upper <= 0.5 * len(words):
        text = _CAPITALS_RUN.sub(lambda m: _shouted(m, take), text)
    text = _WITH_INTERJECTION.sub(lambda m: _exclaimed(m, take), text)
    text = _WRITTEN_CAPITALS.sub(lambda m: _shouted_after(m, take), text)
    text = _GREETING.sub(lambda m: _greeting(m, take), text)
    text = _EXCLAIMED.sub(lambda m: _interjection(m, take), text)
    titled = sum(1 for w in words if w[0].isupper())
    if titled and titled <= 0.5 * len(words):
        text = _AFTER_CARRIER.sub(lambda m: _carried(m, take), text)
    return text


def _tail(match: re.Match[str], take: Callable[[str], str]) -> str:
    """The match with its group 1 taken as text, unless that holds a quoted string already."""
    if "textquote" in match.group(1).lower():
        return match.group(0)
    return match.group(0)[: match.start(1) - match.start(0)] + take(match.group(1))


def _uncoloned(match: re.Match[str], take: Callable[[str], str]) -> str:
    """'the caption: Keep Calm' -> 'the caption <text>': the noun carries the text, the colon goes."""
    if "textquote" in match.group(1).lower():
        return match.group(0)
    return f"{match.group(0).split(':', 1)[0]} {take(match.group(1))}"


def _said(match: re.Match[str], take: Callable[[str], str]) -> str:
    """'a sign that says OPEN' -> the words after the verb, when the noun before carries text."""
    carrier, said = match.group(1), match.group(2)
    if not _carrier(carrier, SAID_CARRIERS) or len(said.split()) > _MAX_SAID_WORDS or "textquote" in said:
        return match.group(0)
    if _READ_THING.match(match.group(0)[len(carrier) :]):
        return match.group(0)  # 'a woman sits on a bench reading a book': someone reads the book
    before = match.group(0)[: match.start(2) - match.start(0)].rstrip().rstrip(":")  # 'reads: OPEN'
    return f"{before} {take(said)}"


def _shouted(match: re.Match[str], take: Callable[[str], str]) -> str:
    """A run of words in capitals: text, unless it is a known tag ('HDR', 'UHD') or a short name."""
    words = match.group(0).split()
    if max(len(w) for w in words) < 3 or all(w.lower().strip("'!?") in _TAG_WORDS for w in words):
        return match.group(0)
    return take(match.group(0))


def _exclaimed(match: re.Match[str], take: Callable[[str], str]) -> str:
    """'speech bubbles with lol': an interjection a text noun carries."""
    if _carrier(match.group(1)) and match.group(2) in INTERJECTIONS:
        return match.group(0)[: match.start(2) - match.start(0)] + take(match.group(2))
    return match.group(0)


def _shouted_after(match: re.Match[str], take: Callable[[str], str]) -> str:
    """'writing BONEZ': the words in capitals after a verb of writing, unless they are a known tag ('HDR')."""
    words = match.group(1).split()
    if all(w.lower().strip("'!?") in _TAG_WORDS for w in words) or len(match.group(1)) < 2:
        return match.group(0)
    return _tail(match, take)


def _greeting(match: re.Match[str], take: Callable[[str], str]) -> str:
    """A greeting or an exclamation that is a whole item, as text: 'Happy Halloween!', 'Wow!'."""
    if "textquote" in match.group(1).lower():
        return match.group(0)
    space = match.group(0)[: match.start(1) - match.start(0)]
    return space + take(match.group(1))


def _interjection(match: re.Match[str], take: Callable[[str], str]) -> str:
    """An interjection that is a whole item ('Wow!'): what a thing that carries words says, where the
    description names one ('a sign. Welcome!') or where it is all there is; else the speaker's cry, which
    names nothing drawn, and goes."""
    if match.group(1).lower() not in INTERJECTIONS:
        return match.group(0)
    rest = match.string[: match.start()] + match.string[match.end() :]
    if any(_carrier(word) for word in re.findall(r"[\w-]+", rest)) or not re.search(r"[^\W\d_]", rest):
        return _greeting(match, take)
    return match.group(0)[: match.start(1) - match.start(0)]


def _carrier(word: str, carriers: frozenset[str] = TEXT_CARRIERS) -> bool:
    word = word.lower()
    return word in carriers or (word.endswith("s") and word[:-1] in carriers)


def _carried(match: re.Match[str], take: Callable[[str], str]) -> str:
    """'a band logo Ritual Doom', 'a captcha I am not a robot': what a text noun carries."""
    carrier, written = match.group(1), match.group(2)
    if not _carrier(carrier) or "textquote" in written.lower() or _names_a_sign(written) or _seeing(written):
        return match.group(0)
    return f"{carrier} {take(written)}"


def _seeing(written: str) -> bool:
    """Whether the words after a carrier are the speaker looking, not what it says: 'on the board I can
    see a man' (narration.py)."""
    words = written.lower().split()
    if words[:1] != ["i"]:
        return False
    rest = [w for w in words[1:] if w not in SEEING_MODALS]
    return bool(rest) and (rest[0] in SEEING_VERBS or rest[0] in THINKING_VERBS)


def _names_a_sign(written: str) -> bool:
    """Whether a capitalised word after a carrier is one more word for a drawn sign, not what it says:
    'icon sign Symbol', 'a badge Logo'."""
    word = written.lower()
    return " " not in word and (_carrier(word) or _carrier(word, _SIGN_WORDS))
