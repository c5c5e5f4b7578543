"""Pose descriptions: which parts of a body are where, read part by part.

A pose description names a person (or nobody) and several body parts, each with its state:
"The person is leaning toward the right with their right arm up and left arm bent. Their right fingers
are touching their right cheek", or run on with no punctuation: "standing on left leg right leg up and
knee bent with foot just above knee level of left leg". The noun-phrase grammar reads such text badly
(it joins "left leg right leg" into one name), so when a description is one (`read_pose`), this reader
replaces the things and relations the grammar found:

1. words: lowercase tokens, with ". , ;" kept as breaks and "he's" read as "he is";
2. mentions: a body part with its side and modifiers ("left arm", "right inner thigh", "both knees"),
   a person ("someone", "the figure", a subject pronoun), or what a body rests on ("the ground");
   "knee level" and "to the side" name no part, "their back" does;
3. clauses: a part that does not follow a preposition or a verb ("on left leg", "touching their head")
   starts a clause about itself ("left leg right leg up" is two clauses; "with their left arm behind
   them" one about the left arm). A clause with no part of its own is the person's when it opens a
   sentence or a posture ("standing on left leg", ", leaning back"), else the last part's. A limb's
   own noun in a 'with' clause about it is the limb again ("right arm up with arm bent"), and "the other
   arm" after it the other side's; a part after 'with' that ends the person's clause is what the person
   acts with ("touching their left ear with their left hand": the hand touches the ear too);
4. values: each clause's words, as written, are the part's state phrases: the whole ("bent forward
   off the ground"), each side of "and" ("up", "bent"), the first word ("bent"), and the words before
   the first preposition ("bent forward"); one word is its `state`, the first phrase its `action`, the
   rest `other`. The person's clauses are its posture ("leaning forward", "sitting down");
5. relations: a part after a preposition or a contact verb is related to the clause's part
   ("right hand touching right cheek", "foot on the ground", "person standing on left leg"); "the body"
   there is the person, when one is named ("arms in front of the body"); a particle after a moved part is
   the verb's ("reaching its left arm forward": reaching forward), and a limb's smaller part in a 'with'
   clause relates the limb too ("left arm down with hand near knee": the arm is near the knee).

An order to the reader ("Sit on the floor") is said as what the figure is doing ("sitting on the floor").

Parts are objects named as written, one per name ("arms" is "arm", with no number, as a body's arms need
none; "both arms" is two); "their", "his", "her", "its" and "your" are the person's. Nouns the grammar
read that are no part of a body are kept, but a pose named as a thing ("in throwing position") is a
state, not a thing drawn, and so is a thing named only in a likeness ("legs in the air like pedaling a
bicycle").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from limner.agents.planning.rules import poses_words as words
from limner.agents.planning.rules.grammar import Reading, Thing
from limner.agents.planning.rules.pose_foreign import bodily, keep_foreign, likened_words, only_likened
from limner.agents.planning.rules.pose_phrases import ing_form, names_a_thing, particle_at, predicate, state_phrases
from limner.agents.planning.rules.pose_references import only_a_reference
from limner.agents.scene.model import MAX_OBJECTS, MAX_OTHER, MAX_RELATIONS, Attributes

PERSON = "\0person"  # the key of the person among the parts
_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*|'s\b|\d+|[.,;:!?()]")
_OPENERS = frozenset({"", "with", "and", ","})
_FOREIGN_SHARE = 4  # a pose description has four pose words or part mentions for each other noun


@dataclass
class _Mention:
    kind: str  # part, person, pronoun, object_pronoun, ground
    names: list[tuple[str, int | None]]  # (name, count) of the parts it names
    end: int  # the index after its last token


@dataclass
class _Body:
    """The parts read so far, with their state phrases, and the relations between them."""

    person: str = "person"
    order: list[str] = field(default_factory=list)
    counts: dict[str, int | None] = field(default_factory=dict)
    values: dict[str, list[str]] = field(default_factory=dict)
    relations: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, name: str, count: int | None = 1) -> str:
        if name not in self.counts:
            self.order.append(name)
            self.counts[name], self.values[name] = count, []
        elif count is None or (self.counts[name] is not None and count > self.counts[name]):  # type: ignore[operator]
            self.counts[name] = count
        return name

    def describe(self, name: str, phrase: list[str]) -> None:
        self.add(name)
        for value in state_phrases(phrase):
            if value not in self.values[name]:
                self.values[name].append(value)

    def relate(self, subject: str, predicate: str | None, other: str) -> None:
        if predicate and subject != other and (subject, predicate, other) not in self.relations:
            self.add(subject)
            self.relations.append((subject, predicate, other))


def read_pose(text: str, reading: Reading) -> bool:
    """Replace the grammar's things and relations with the pose reader's when `text` is a pose
    description; say whether it was one. Nothing changes for any other text."""
    if getattr(reading, "texts", None):
        return False  # a text to render belongs to a thing the grammar found
    tokens = _tokens(text)
    if sum(t in words.PARTS for t in tokens) < 2:
        return False  # the common case, read quickly
    mentions = _mentions(tokens)
    parts = [name for m in mentions.values() if m.kind == "part" for name, _ in m.names]
    posed = sum(t in words.POSE_WORDS for t in tokens)
    foreign = [k for k, thing in enumerate(reading.things) if not bodily(thing.name)]
    if len(set(parts)) < 2 or not posed or len(foreign) * _FOREIGN_SHARE > len(parts) + posed:
        return False  # 'a woman with her hands on her hips on a beach': a scene with a person in it
    setting = reading.styles + reading.qualities + reading.lights + reading.views + reading.times
    things, relations = _scene_parts(_read(tokens, mentions, frozenset(" ".join(setting).split())))
    likened = likened_words(tokens)
    drawn = [k for k in foreign if not only_likened(reading.things[k].name, likened)]  # not 'like a bicycle'
    keep_foreign(reading, drawn, things, relations)
    reading.things, reading.relations, reading.anchors = things, relations[:MAX_RELATIONS], {}
    return True


def _tokens(text: str) -> list[str]:
    tokens = _TOKEN.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))
    for i, token in enumerate(tokens):
        tokens[i] = token = words.SPELLINGS.get(token, token)
        if token == "'s":
            tokens[i] = "is" if i and tokens[i - 1] in words.SUBJECT_PRONOUNS else "'s"
    return [t for k, t in enumerate(tokens) if t not in words.WHOLENESS or not _part_at(tokens, k + 1)]  # 'entire body'


def _mentions(tokens: list[str]) -> dict[int, _Mention]:
    """Each mention by the index of its first token."""
    found: dict[int, _Mention] = {}
    i = 0
    while i < len(tokens):
        found[i] = mention = _mention_at(tokens, i)  # type: ignore[assignment]
        i = mention.end if mention else i + 1
    return {k: m for k, m in found.items() if m}


def _mention_at(tokens: list[str], i: int) -> _Mention | None:
    token = tokens[i]
    before = tokens[i - 1] if i else ""
    if token in words.PERSON_WORDS and not _part_at(tokens, i + 1):
        return _Mention("person", [], i + 1)
    if token in words.SUBJECT_PRONOUNS and before not in words.PREPOSITION_STARTS:
        return _Mention("pronoun", [], i + 1)
    if token in words.OBJECT_PRONOUNS and (token != "her" or not _word_at(tokens, i + 1)):
        return _Mention("object_pronoun", [], i + 1)
    if token in words.GROUNDS and (before in words.DETERMINERS or before in words.PREPOSITION_STARTS):
        return _Mention("ground", [(token, 1)], i + 1)
    return _part_mention(tokens, i)


def _part_mention(tokens: list[str], i: int) -> _Mention | None:
    """'left arm', 'both knees', 'right and left legs', 'right inner thigh', 'their back'."""
    j, count, sides, modifiers = i, None, [], []
    if tokens[j] in words.QUANTIFIERS:
        count, j = words.QUANTIFIERS[tokens[j]], j + 1
    while j < len(tokens) and (tokens[j] in words.SIDES or tokens[j] == "and" and sides and _side_at(tokens, j + 1)):
        if tokens[j] != "and":
            sides.append(tokens[j])
        j += 1
    while j < len(tokens) and tokens[j] in words.PART_MODIFIERS and _part_at(tokens, j + 1):
        modifiers.append(tokens[j])
        j += 1
    part = _part_at(tokens, j)
    if not part:
        return None
    noun, default, plural, end = part
    if noun in words.DIRECTION_PARTS and not sides and (not _owned(tokens, i) or tokens[end : end + 1] == ["of"]):
        return None  # 'leaning back', 'to the side', 'in front', 'the bottom of'
    if count is None:
        count = (None if plural or default is None else 1) if len(sides) < 2 else 1  # "arms": no number
    named = [(" ".join([side, *modifiers, noun]), count) for side in sides] or [(" ".join([*modifiers, noun]), count)]
    return _Mention("part", named, end)


def _word_at(tokens: list[str], j: int) -> bool:
    """Whether a noun may be at j: 'her hands', not 'her.' or 'her with'."""
    return j < len(tokens) and tokens[j][0].isalpha() and tokens[j] not in words.PREPOSITION_STARTS | {"and"}


def _side_at(tokens: list[str], j: int) -> bool:
    return j < len(tokens) and tokens[j] in words.SIDES


def _part_at(tokens: list[str], j: int) -> tuple[str, int | None, bool, int] | None:
    """(singular name, count a body has, whether written plural, end) of a part noun at j."""
    if j >= len(tokens):
        return None
    pair = (tokens[j], tokens[j + 1]) if j + 1 < len(tokens) else None
    if pair in words.COMPOUND_PARTS:
        name, count = words.COMPOUND_PARTS[pair]  # type: ignore[index]
        return name, count, pair[1].endswith("s") and not name.endswith("s"), j + 2  # type: ignore[index]
    if tokens[j] not in words.PARTS:
        return None
    if j + 1 < len(tokens) and tokens[j + 1] in words.MEASURES and tokens[j + 2 : j + 3] != ["with"]:
        return None  # 'knee level', 'shoulder width'
    name, count = words.PARTS[tokens[j]]
    return name, count, tokens[j] != name, j + 1


def _owned(tokens: list[str], i: int) -> bool:
    """Whether a direction-like part ('back', 'side') is somebody's: 'their back', 'the back is'."""
    before, two_before = tokens[i - 1] if i else "", tokens[i - 2] if i >= 2 else ""
    return (
        before in words.POSSESSIVES
        or before == "'s"
        or (before == "the" and two_before not in words.PREPOSITION_STARTS)
    )


@dataclass
class _Walk:
    """The clause being read: whose it is and its words so far."""

    body: _Body
    head: str | None = None  # the part this clause is about; None: not said yet
    shared: list[str] = field(default_factory=list)  # other parts it is about: 'right and left legs'
    parent: str | None = None  # the part a 'with' clause is part of: 'left leg lifted with knee bent'
    lead: list[str] = field(default_factory=list)  # the words naming the clause's part ('knee')
    setting: frozenset[str] = frozenset()  # the style and light words the grammar read ('watercolor')
    topic: str | None = None  # what the sentence is about: its first clause's part or person
    last: str | None = None  # whose the clause before was
    words: list[str] = field(default_factory=list)
    since: int = 0  # where the words that relate the next object start
    opens: bool = True  # whether the clause opens a sentence
    related: list[tuple[str, str]] = field(default_factory=list)  # (predicate, object) the clause has said

    def flush(self) -> None:
        said = [w for w in self.words if w not in words.TRAILING_FILLER]
        owner = self.owner() if said and not set(said) <= self.setting else None
        if owner == PERSON and self.opens and self.words[0] in words.ORDERS:
            self.words[0] = ing_form(self.words[0])  # 'Sit on the floor': the figure is sitting on the floor
        if owner:
            for name in [owner, *self.shared]:
                self.body.describe(name, self.words)
            if self.parent:
                self.body.describe(self.parent, self.lead + self.words)  # 'left leg, knee bent'
            self.last = owner
        elif self.head:
            self.last = self.head
        self.words, self.since = [], 0

    def owner(self) -> str | None:
        if self.head:
            return self.head
        first = next((w for w in self.words if w not in words.LEADING_FILLER), "")
        if first not in words.POSTURES and self.words[1:2] in (["is"], ["are"]):
            return None  # 'toys are pointed to the ground': about something that is no part
        if self.opens or first in words.POSTURES or self.last is None:
            return PERSON
        return self.last

    def new_clause(self, head: str | None, *, opens: bool = False) -> None:
        self.flush()
        self.head, self.opens, self.shared, self.parent, self.related = head, opens, [], None, []
        self.topic = self.topic or head

    def last_word(self) -> str:
        """The last word of the clause that is not an article or a possessive."""
        for word in reversed(self.words[self.since :]):
            if word not in words.DETERMINERS and word != "'s":
                return word
        return ""


def _read(tokens: list[str], mentions: dict[int, _Mention], setting: frozenset[str] = frozenset()) -> _Body:
    body = _Body()
    if any(t in ("you", "your", "yourself") for t in tokens):
        body.person = "you"  # 'Sit on the floor ... your arms spread': told to the reader, who is the figure
        body.add(PERSON)
    walk = _Walk(body, setting=setting)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        mention = mentions.get(i) or _bare_side(walk, tokens, i)
        if mention:
            _take(walk, tokens, i, mention)
            i = mention.end
            continue
        if token in words.SENTENCE_ENDS:
            walk.new_clause(None, opens=True)
            walk.last = walk.topic = None
        elif token == ",":
            walk.new_clause(None)
        elif token in words.CLAUSE_BREAKS:
            walk.new_clause(None, opens=token in ("while", "whilst"))
        elif token in words.ASIDES and walk.words:
            walk.flush()  # 'curled up like they are about to do a sit-up': still the head's
            if i + 1 < len(tokens) and tokens[i + 1] in words.SUBJECT_PRONOUNS:
                i += 1
        elif token == "and" and tokens[i + 1 : i + 2] in (["is"], ["are"]) and walk.topic:
            walk.new_clause(walk.topic)  # 'kicking their right leg behind them and is touching ...': the person
        elif token != "'s":
            walk.words.append(token)
            if token == "and":
                walk.since = len(walk.words)
        i += 1
    walk.flush()
    return body


def _bare_side(walk: _Walk, tokens: list[str], i: int) -> _Mention | None:
    """'crosses over right', 'resting on top of the left', 'in front of the other': a side with no
    noun is the other one of the clause's part."""
    side = tokens[i]
    if side not in words.SIDES and not (side == "other" and i and tokens[i - 1] == "the"):
        return None
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if after and after not in words.BARE_SIDE_ENDS and not after.endswith("ing"):
        return None
    owner = walk.head or walk.last
    if walk.last_word() not in words.BARE_SIDE_AFTER or not owner or owner == PERSON:
        return None
    *sides, noun = owner.split()
    if side == "other":
        if not sides or sides[0] not in words.SIDES:
            return None
        side = "right" if sides[0] == "left" else "left"
    return _Mention("part", [(f"{side} {noun}", 1)], i + 1)


def _take(walk: _Walk, tokens: list[str], i: int, mention: _Mention) -> None:
    """A mention: the start of a clause about it, or the object of the clause being read."""
    body = walk.body
    written = tokens[i : mention.end]
    if mention.kind == "person":
        if tokens[i] not in ("model", "character") or body.person == "person":
            body.person = tokens[i] if body.person == "person" else body.person
        body.add(PERSON)
        if mention.end < len(tokens) and tokens[mention.end] == "'s":
            return  # "the person's left foot": the part is the subject
        if _after_relating_word(walk):
            _relate_to(walk, PERSON, written)
        else:
            walk.new_clause(PERSON)
        return
    if mention.kind == "pronoun":
        if tokens[i] in ("he", "she", "you") and body.person == "person":
            body.person = {"he": "man", "she": "woman"}.get(tokens[i], "you")  # 'you are standing on your right leg'
        walk.new_clause(body.add(PERSON))
        return
    if mention.kind == "object_pronoun":
        if _after_relating_word(walk):
            _relate_to(walk, body.add(PERSON), written)
        else:
            walk.words += written
        return
    if mention.kind == "ground":
        if _after_relating_word(walk) and walk.last_word() in words.GROUND_CONTACT and walk.owner():
            _relate_to(walk, body.add(mention.names[0][0]), written)
        else:
            walk.words += written
        return
    if _only_a_place(walk) or only_a_reference(walk.words[walk.since :], written):
        walk.words += written  # "away from the body", "level with their knee": no thing drawn (pose_references.py)
        return
    named = mention.names
    if named == [(words.WHOLE_BODY, 1)] and PERSON in body.counts and _after_relating_word(walk):
        _relate_to(walk, PERSON, written)  # 'arms in front of the body': in front of the person named
        return
    if (walk.last_word() == "with" or _word_before(walk) == "and") and not _after_relating_word(walk):
        named = _sided_like(walk.head, named, written, alone=walk.last_word() == "with")  # 'right arm up with arm bent'
    names = [body.add(name, count) for name, count in named]
    if _after_relating_word(walk):
        verb = walk.last_word()
        particle = particle_at(tokens, mention.end) if verb in words.MOVING_VERBS else None
        for name in names:
            _relate_to(walk, name, written, advance=name == names[-1], particle=particle)
        if verb in words.MOVING_VERBS and not particle:  # 'kicking their right leg behind them': the rest is the leg's
            walk.new_clause(names[0])
        return
    if _instrument(walk, tokens, mention.end):
        for name in names:  # 'touching their left ear with their left hand': the hand touches the ear
            if not names_a_thing(walk.words):  # 'holding a ball with both hands': one ball, held by the person
                body.describe(name, walk.words)
            for said, other in walk.related:
                body.relate(name, said, other)
        return
    before = walk.words[-2] if len(walk.words) > 1 else ("" if walk.head is None else "-")
    state = None
    if walk.words and walk.words[-1] in words.STATES_BEFORE and (before in words.DETERMINERS or before in _OPENERS):
        state = walk.words.pop()  # 'with crossed legs'; not 'legs spread right arm'
    parent = walk.head if walk.last_word() == "with" and _may_describe(walk.head, names[0]) else None
    if walk.words[-1:] == ["and"] and walk.parent and _part_of_limb(names[0], walk.parent):
        parent = walk.parent  # 'right arm up with elbow bent and hand open': the hand is the arm's too
    walk.new_clause(names[0])
    walk.shared = names[1:]
    if parent == names[0]:
        walk.parent, walk.lead = parent, []  # 'right arm up with arm by the side and forearm level': the arm's still
    elif parent and not any(n.split(" ", 1)[0] in words.SIDES for n in names):
        walk.parent, walk.lead = parent, names[0].split()  # "with wrists bent": "wrist bent", said of the part
    for name in names:
        if state:
            body.describe(name, [state])  # 'crossed legs'


def _word_before(walk: _Walk) -> str:
    """The clause's last word that is not an article or a possessive: 'and' before 'the other arm'."""
    return next((w for w in reversed(walk.words) if w not in words.DETERMINERS and w != "'s"), "")


def _sided_like(
    limb: str | None, named: list[tuple[str, int | None]], written: list[str], *, alone: bool
) -> list[tuple[str, int | None]]:
    """A sided limb's noun, written `alone` (bare, in a 'with' clause about the limb), is the limb itself:
    'right arm up with arm bent' is about the right arm; 'the other arm' after 'with' or 'and' is the arm of
    the other side ('left arm raised and the other arm bent'). (Its smaller parts keep their bare names:
    'left arm down with hand on the knee' is the left arm's hand.) Any other mention as written ('one arm')."""
    side, _, noun = (limb or "").partition(" ")
    if side not in words.SIDES or len(named) != 1 or named[0] != (noun, 1):
        return named
    said = [w for w in written[:-1] if w not in words.DETERMINERS]
    if not said and alone:
        return [(limb, 1)]  # type: ignore[list-item]
    if said == ["other"]:
        return [(f"{'right' if side == 'left' else 'left'} {noun}", 1)]
    return named


def _may_describe(head: str | None, part: str) -> bool:
    """Whether a part in a 'with' clause after `head` also describes it: a limb's own smaller part ('left leg
    lifted with knee bent'), or any part after a part that is no limb; not another limb or the head after
    an arm ('right arm raised with head looking up')."""
    if head in (None, PERSON):
        return False
    return head.rsplit(" ", 1)[-1] not in words.LIMB_PARTS or part == head or _part_of_limb(part, head)  # type: ignore[union-attr]


def _part_of_limb(part: str, limb: str) -> bool:
    """Whether a part is one of a limb's smaller parts: 'hand' of 'right arm', 'knee' of 'left leg'."""
    return part in words.LIMB_PARTS.get(limb.rsplit(" ", 1)[-1], ())


def _only_a_place(walk: _Walk) -> bool:
    """Whether a part here only says how far another part is from it: 'away from the body'."""
    said = [w for w in walk.words[walk.since :] if w not in words.DETERMINERS and w != "'s"]
    if not said:
        return False
    before = said[-2] if len(said) > 1 else ""
    return said[-1] == "from" and before == "away"


def _after_relating_word(walk: _Walk) -> bool:
    """Whether a mention here is the object of the clause: after a preposition or a contact verb."""
    word = walk.last_word()
    if not word or not walk.words:
        return False
    if word == "with":
        said = [w for w in walk.words[walk.since :] if w not in words.DETERMINERS and w != "'s"]
        return len(said) > 1 and said[-2] in words.WITH_AFTER
    if word == "and":
        return False
    return word in words.PREPOSITION_STARTS or word in words.CONTACT_VERBS or word in words.MOVING_VERBS


def _instrument(walk: _Walk, tokens: list[str], end: int) -> bool:
    """Whether a part after 'with' at the end of the person's clause is what the person acts with:
    'touching their left ear with their left hand', 'reaching up with the right arm'; not a part with its
    own state ('with their right arm bent') or after a posture ('sitting with crossed legs')."""
    after = tokens[end] if end < len(tokens) else "."
    if walk.last_word() != "with" or walk.owner() != PERSON:
        return False
    verb = next((w for w in walk.words if w not in words.LEADING_FILLER), "")
    ends = after in words.BARE_SIDE_ENDS or after in words.SENTENCE_ENDS
    return ends and (verb in words.CONTACT_VERBS or verb in words.MOVING_VERBS)


def _relate_to(
    walk: _Walk, other: str, written: list[str], *, advance: bool = True, particle: str | None = None
) -> None:
    subject = walk.owner()
    said = predicate(walk.words[walk.since :])
    if subject and said:
        said = f"{said} {particle}" if particle else said
        walk.body.relate(subject, said, other)
        walk.related.append((said, other))
        if walk.parent and _part_of_limb(subject, walk.parent):
            walk.body.relate(walk.parent, said, other)  # 'left arm down with hand near knee': the arm reaches the knee
    if advance:
        walk.words += written
        walk.since = len(walk.words)


def _scene_parts(body: _Body) -> tuple[list[Thing], list[tuple[int, str, int]]]:
    """The parts as things, the person first, and the relations between them."""
    order = ([PERSON] if PERSON in body.counts else []) + [n for n in body.order if n != PERSON]
    order = order[:MAX_OBJECTS]
    index = {name: k for k, name in enumerate(order)}
    own = "your " if body.person == "you" else ""  # told to the reader: 'your left leg' is the reader's
    names = {n: body.person if n == PERSON else n if n in words.GROUNDS else own + n for n in order}
    things = [Thing(names[n], body.counts[n], _attributes(body.values[n])) for n in order]
    relations = [(index[s], p, index[o]) for s, p, o in body.relations if s in index and o in index]
    return things, relations


def _attributes(values: list[str]) -> Attributes:
    """One word is the state; the first phrase the action; the rest other words."""
    state = next((v for v in values if " " not in v), None)
    action = next((v for v in values if v != state), None)
    other = [v for v in values if v not in (state, action)][:MAX_OTHER]
    return Attributes(state=state, action=action, other=other)
