"""The words a chat message asks with, cut before the description is read: they name nothing drawn.

'I'd love a picture of a koala', 'Could you paint me a lighthouse?', 'Hi! Please draw me a sheep',
'Let's see a dragon', 'How about a cat on a roof' ask for a picture: what is left ('a picture of a koala',
'a lighthouse') is the description, with its style words ('a realistic photo of a fox') kept for the
grammar to read. Only an opening is cut, at the start of the text or of a sentence, and an imperative
only before 'me', 'us' or a noun phrase's first word ('paint me a boat', 'draw a cat'), so a thing that
starts with such a word ('paint peeling off a wall') stays. A closing 'please' or 'thanks' is cut too.
Edit requests ('add a hat to the dog', 'make the sky purple') are read as what they ask to see
(edit_requests.py), at a sentence's start or after a comma or 'and'.
"""

from __future__ import annotations

import re

from limner.agents.planning.rules.edit_requests import EDIT_VERB, edit_at, edit_starts

# Greetings and fillers that open a message: 'Hi!', 'Hey there,', 'ok so'.
GREETINGS = r"(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening))(?: there)?\s*[,!.:;-]+"
FILLERS = r"(?:ok|okay|um|umm|hmm|alright)(?:\s*,|\s)|(?:so|well|now|all right)\s*,"
# Verbs of making a picture, the imperative of a request: 'draw', 'could you paint'.
MAKING_VERBS = (
    r"(?:draw|paint|make|show|give|generate|create|render|sketch|design|imagine|produce|illustrate|picture|"
    r"depict|photograph|get|do|whip up|come up with|put together|craft|visuali[sz]e|dream up|conjure up|bring)"
)
# Verbs of wanting, after a speaker: 'I'd love', 'we want', 'I would like to see'.
WANTING_VERBS = r"(?:love|like|want|need|prefer|fancy|enjoy|request|wish for|be happy with|appreciate)"
_SPEAKER = r"(?:i|we)(?:['\u2019]d|['\u2019]ll| would| will| do| really| also| just| kind of| kinda)*"
_THEN = r"(?:\s+(?:to\s+)?(?:(?:see|have|get|view)|(?:you\s+to\s+)?" + MAKING_VERBS + r"))?"
_FOR_ME = r"(?:\s+(?:me|us|for me|for us))?"
# What may follow an imperative for it to be one: a noun phrase's first word, or 'me'/'us'.
_NOUN_PHRASE_NEXT = (
    r"(?=\s+(?:me|us|a|an|the|some|my|our|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
    r"several|few|many|this|that|these|those)\b)"
)
# Asking words before an edit verb, which edit_requests.py reads: 'could you add', 'I want you to remove'.
_ASKING = (
    r"(?:please|now|then|also|(?:can|could|would|will|won['\u2019]t)\s+(?:you|u|ya)(?:\s+(?:please|also|just|maybe|perhaps|now))*|"
    + _SPEAKER
    + r"\s+"
    + WANTING_VERBS
    + r"\s+(?:you\s+)?to|let['\u2019]s|let us)"
)
_REQUESTS = (
    _ASKING + r"(?=\s+" + EDIT_VERB + r"\s)",  # 'could you add', the edit left to edit_requests.py
    _SPEAKER + r"\s+" + WANTING_VERBS + _THEN + _FOR_ME,  # 'I'd love to see', 'I want you to draw me'
    r"(?:i|we)(?:['\u2019]m| am| are)\s+(?:looking for|after|thinking of|thinking about|picturing)",
    r"(?:can|could|would|will|won['\u2019]t)\s+(?:you|u|ya)(?:\s+(?:please|also|just|maybe|perhaps|now))*\s+"
    + MAKING_VERBS
    + _FOR_ME,  # 'could you also paint me'
    r"(?:let['\u2019]s|let us|let me)\s+(?:see|have|get|make|draw|paint|create|imagine|try)" + _FOR_ME,
    r"(?:how|what)\s+about",
    MAKING_VERBS + _NOUN_PHRASE_NEXT + _FOR_ME,  # 'draw me a sheep', 'paint a boat'
)
_REQUEST = re.compile(r"(?:please\s+)?(?:" + "|".join(_REQUESTS) + r")\s*[,:]?\s+", re.IGNORECASE)
# Verbs of making that name a medium, kept as its style: 'sketch me a bicycle' is a sketch of a bicycle.
MEDIUM_VERBS = {"sketch": "a sketch of ", "illustrate": "an illustration of ", "photograph": "a photo of "}
_MEDIUM_VERB = re.compile(r"\b(" + "|".join(MEDIUM_VERBS) + r")\b", re.IGNORECASE)
_OPENING = re.compile(r"(?:" + GREETINGS + r"|" + FILLERS + r")\s*", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+)")
# What joined an edit applied to earlier words ('a red car. change it to blue' -> 'a blue car.'), cut.
_DANGLING = re.compile(r"(?:\s*(?:,|\band\b|\bbut\b|\bthen\b))*\s*$", re.IGNORECASE)
_JOINER = re.compile(r",\s*(?:and|but|then|and then)\s+$", re.IGNORECASE)
_SKIPPED = re.compile(r"\s*[.!?]*")
_CLOSING = re.compile(r"[\s,]*\b(?:please|pls|thanks|thank you|thx)\s*[.!?]*\s*$", re.IGNORECASE)


def without_request(text: str) -> str:
    """`text` with the chat request words that open its sentences cut ('Could you draw me a cat?' is 'a cat?')."""
    text = _CLOSING.sub("", text) or text
    pieces = []
    last = 0
    starts = sorted({start.end() for start in _SENTENCE_START.finditer(text)} | set(edit_starts(text)))
    for at in starts:
        if at < last:
            continue
        pieces.append(text[last:at])
        last = _request_end(text, at)
        medium = _MEDIUM_VERB.search(text, at, last)
        if medium:
            pieces.append(MEDIUM_VERBS[medium.group(1).lower()])
        edit = edit_at(text, last, "".join(pieces))  # 'add a hat to the dog' is a dog with a hat (edit_requests.py)
        if edit and edit.described:  # after a comma, a phrase of its own: 'and' would share the last one's verb
            pieces = [_JOINER.sub(", ", edit.before), edit.described]
            last = edit.end
        elif edit:  # the edit changed the words before it: what joined it to them goes
            pieces = [_DANGLING.sub("", edit.before)]
            ended = pieces[0].endswith((".", "!", "?"))  # its sentence's end is said already
            last = _SKIPPED.match(text, edit.end).end() if ended else edit.end
    pieces.append(text[last:])
    cut = "".join(pieces).strip()
    return cut or text


def _request_end(text: str, at: int) -> int:
    """Where the description starts after the greetings and request words at `at` (at itself if none)."""
    while not edit_at(text, at, text[:at]):
        found = _OPENING.match(text, at) or _REQUEST.match(text, at)
        if not found or found.end() == at:
            return at
        at = found.end()
    return at
