"""Writing a generator prompt and negative prompt from a Scene.

Any planner can call `write_prompt(scene)`: the prompt is rebuilt from the Scene's fields alone, so
what the generator is asked for is exactly what the checks will ask about. Text encoders read about
77 CLIP tokens, so the most important content comes first (the objects, with their counts,
attributes and relations), then style, light and time, viewpoint and palette, and whole phrases are
dropped from the end, least important first, until the prompt fits the token budget.

Budgets are counted with `prompt_tokens`, an estimate of CLIP's BPE that errs high, so a prompt
that fits here is not cut by the text encoder. Models with longer text encoders (T5 in SD3 and
FLUX, the OpenAI image models) get larger budgets from the Studio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from limner.agents.scene.english import indefinite, owned_name, pluralize, with_the
from limner.agents.scene.predicates import SPATIAL, canonical_predicate, place_phrase, relation_phrase
from limner.agents.scene.words import MASS_NOUNS, MATERIAL_ADJECTIVES, UNIQUE_NOUNS
from limner.generators.base import CLIP_TOKENS

if TYPE_CHECKING:
    from limner.agents.scene.model import Relation, Scene, SceneObject

CLIP_PROMPT_TOKENS = CLIP_TOKENS
PROMPT_WORD_BUDGET = 60  # for text that is not a prompt yet (a fallback from the user's words)
_PIECES = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# A describing word ending in -est before the noun: one of a kind, so 'the' ('the newest phone'). Words
# that only look so ('forest', 'honest', 'modest', 'west', 'interest') are left out by name.
_SUPERLATIVE = re.compile(r"(?!(?:forest|honest|modest|earnest|west|interest|harvest|chest|crest|quest|vest|nest|pest|rest|test|zest)\b)[a-z]{2,}est\b ")

_NUMBER_WORDS = {
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    10: "ten", 11: "eleven", 12: "twelve",
}  # fmt: skip
_NAMING_VERBS = frozenset({"named", "called", "nicknamed", "dubbed"})
# Prepositions, particles and naming verbs: a describing phrase with one of them is written after the noun
# ('with green eyes', 'in the air', 'for sale', 'bent forward', 'full of holes', 'mid leap', 'named Max').
_AFTER_NOUN = frozenset(
    {"with", "in", "on", "at", "for", "into", "under", "inside", "out", "without", "up", "upside", "to", "behind",
     "above", "below", "near", "across", "toward", "towards", "over", "by", "about", "down", "from", "onto",
     "against", "through", "around", "along", "forward", "forwards", "back", "backward", "backwards", "upward",
     "upwards", "downward", "downwards", "ahead", "apart", "sideways", "away", "off", "together", "beside",
     "between", "like", "of", "mid"}
) | _NAMING_VERBS  # fmt: skip
# Particles, said after the noun when they are all of a phrase ('a knee up').
_PARTICLES = frozenset(
    {"up", "down", "out", "forward", "forwards", "back", "backward", "backwards", "upward", "upwards", "downward",
     "downwards", "ahead", "apart", "sideways", "away", "off", "together", "aside", "overhead", "outward", "outwards",
     "behind"}
)  # fmt: skip
# Words that say a depth on their own: a sided part 'angled straight back' is behind the other one.
_DEPTH_WORDS = {
    "behind": frozenset({"back", "backward", "backwards", "behind"}),
    "in front of": frozenset({"forward", "forwards", "front", "ahead"}),
}
_OWNERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "your", "my", "our"})  # 'behind her back'
# Words after a part's name that make it a measure, not the part: 'head level', 'shoulder width'.
_MEASURES = frozenset({"level", "height", "high", "length", "width", "distance"})
# Participles of a held pose, and the words after them that make the phrase read after the noun: 'an arm
# bent a little', 'an arm held close to the face'.
_HELD_WORDS = frozenset({"bent", "held", "kept", "turned", "tilted", "raised", "lifted", "stretched", "extended"})
_DEGREE_AFTER = frozenset({"a", "slightly", "close", "closer", "far", "high", "low", "tight", "tightly", "straight"})
_RESTATED = 6  # the priority of a relation between things the prompt has introduced: cut first
_PRONOUNS = frozenset({"it", "them", "him", "her", "itself", "themselves", "himself", "herself", "you", "me", "us"})
# Nouns ending in -ing, which are no verb forms ('an evening gown').
_ING_NOUNS = frozenset(
    {"evening", "morning", "wedding", "building", "clothing", "ceiling", "painting", "drawing", "lighting",
     "spring", "string", "swing", "thing", "something", "nothing", "everything", "anything", "king", "ring",
     "wing", "sibling", "pudding", "dumpling", "sapling", "viking", "icing", "awning", "railing", "offspring"}
)  # fmt: skip
_TIME_PHRASES = {
    "dawn": "at dawn", "morning": "in the morning", "noon": "at noon", "afternoon": "in the afternoon",
    "golden hour": "at golden hour", "sunset": "at sunset", "dusk": "at dusk", "night": "at night",
}  # fmt: skip


def write_prompt(scene: Scene, *, max_tokens: int = CLIP_PROMPT_TOKENS, empty: str | None = None) -> tuple[str, str]:
    """(prompt, negative prompt) for `scene`: content first, within `max_tokens` text-encoder tokens.

    A Scene with nothing to say gives `empty`, or else its intent's first words.
    """
    phrases = _object_phrases(scene) + _setting_phrases(scene)
    prompt = _fit(phrases, max_tokens)
    if not prompt:
        prompt = empty or _truncate(scene.intent, max_tokens) or "an image"
    return prompt, negative_prompt(scene)


def prompt_tokens(text: str) -> int:
    """About how many CLIP tokens `text` takes, erring high: a word is one token per 8 letters
    (common words are one token, rare ones split), a number one per 3 digits, punctuation one each."""
    total = 0
    for piece in _PIECES.findall(text):
        if piece.isdigit():
            total += (len(piece) + 2) // 3
        elif piece.isalpha():
            total += (len(piece) + 7) // 8
        else:
            total += 1
    return total


def fit_prompt(prompt: str, max_tokens: int = CLIP_PROMPT_TOKENS) -> str:
    """A written prompt cut to `max_tokens` at comma boundaries, keeping its first (most important) parts."""
    if prompt_tokens(prompt) <= max_tokens:
        return prompt
    kept: list[str] = []
    for part in (p.strip() for p in prompt.split(",")):
        if part and prompt_tokens(", ".join([*kept, part])) <= max_tokens:
            kept.append(part)
        elif part:
            break
    return ", ".join(kept) if kept else _truncate(prompt, max_tokens)


def negative_prompt(scene: Scene) -> str:
    """The things to keep out of the picture, comma-separated: 'person, text, watermark'."""
    return ", ".join(scene.exclude)


def noun_phrase(obj: SceneObject, *, definite: bool = False, parts: frozenset[str] = frozenset()) -> str:
    """'two red apples', 'a wooden table', 'a cat with green eyes', 'a dog running', 'a sign that says "OPEN"',
    or 'the table' once introduced. A value that opens with the name of another thing of the Scene, one of
    `parts` ('knee bent' of a leg), is said last, after 'with': 'a left leg lifted with knee bent'."""
    if definite:  # 'the dogs' for more than one
        one = obj.count == 1 or obj.name in MASS_NOUNS or obj.name[:1].isupper()
        return with_the(obj.name if one else pluralize(obj.name))
    attrs = obj.attributes
    material = MATERIAL_ADJECTIVES.get(attrs.material or "", attrs.material)
    # A value another value says with more words ('bent' of 'bent at the knees') is said once, in full.
    widest = _widest([attrs.size, attrs.state, *attrs.other, attrs.action])
    owned = [v for v in attrs.described() if v in widest and _opens_with(v, parts - {obj.name})]
    widest -= set(owned)
    whose = owned_name(obj.name)  # 'your left leg lifted': the state follows a name that says whose it is
    state = attrs.state if attrs.state in widest and not _reads_after(attrs.state) and not whose else None
    action = attrs.action if attrs.action in widest else None
    # A phrase with a preposition or a participle in it reads after the noun: 'a cat with green eyes', 'an
    # arm bent at the elbow', 'a man looking up'.
    after = [w for w in (attrs.state, *attrs.other) if w in widest and _reads_after(w) and w != action]
    # An other word said already ('brown' of 'brown and white', 'heart' of 'heart-shaped', 'small' of
    # 'smaller') is said once.
    said = _words_of(attrs.size, state, attrs.color, material, action, *after)
    before: list[str] = []
    for word in attrs.other:
        if word in widest and not _reads_after(word) and not all(_said(w, said) for w in _words_of(word)):
            before.append(word)
            said |= _words_of(word)
    # A colour said after the noun ('a woman in red') is not said before it too.
    color = attrs.color if not (attrs.color and _words_of(attrs.color) <= _words_of(*after)) else None
    words = " ".join(w for w in (attrs.size, state, *before, color, material, obj.name) if w)
    if obj.count is None:  # 'some apples', 'many trees': a plural without a number
        phrase = f"{obj.quantity} {pluralize(words)}" if obj.quantity else pluralize(words)
    elif obj.count > 1:
        phrase = f"{_NUMBER_WORDS.get(obj.count, str(obj.count))} {pluralize(words)}"
    else:
        phrase = f"{_article(obj.name, words)}{words}"
    text = [f'that {"say" if obj.plural else "says"} "{obj.text}"'] if obj.text else []
    where = [place_phrase(obj.place)] if obj.place else []
    # A name goes right after the noun, before what the thing does: 'a dog named Max sitting on a rug'.
    names = [w for w in after if w.split(" ", 1)[0] in _NAMING_VERBS]
    if whose and attrs.state in widest and not _reads_after(attrs.state) and attrs.state != action:
        names.append(attrs.state)  # 'your right arm bent, reaching ...': after a name that says whose it is
    after = [w for w in after if w not in names]
    with_parts = [f"with {' and '.join(owned)}"] if owned else []
    return " ".join([phrase, *names, *text, *([action] if action else []), *after, *with_parts, *where])


def _opens_with(value: str, names: frozenset[str]) -> bool:
    """Whether a describing phrase opens with one of `names` and says its state: 'knee bent' with 'knee';
    not 'head level', a height."""
    words = value.split()
    for name in names:
        size = len(name.split())
        if words[:size] == name.split() and len(words) > size and words[size] not in _MEASURES:
            return True
    return False


def _said_by_its_owner(obj: SceneObject, others: list[SceneObject]) -> bool:
    """Whether each of a thing's describing phrases is said, after its name, by another thing: the foot of
    'a left leg out straight with foot at waist level' is not written again as 'a foot at waist level'."""
    values = obj.attributes.described()
    if not values or obj.place or obj.text or (obj.count or 1) > 1:
        return False
    said = {v for other in others if other is not obj for v in other.attributes.described()}
    widest = _widest(values)
    return all(f"{obj.name} {v}" in said for v in values if v in widest)


def _widest(values: list[str | None]) -> set[str]:
    """The values no other value contains as a run of its words: of 'bent', 'bent at the knees' and 'at
    the knees', only 'bent at the knees'."""
    present = list(dict.fromkeys(v for v in values if v))
    runs = {v: f" {v.lower()} " for v in present}
    return {v for v in present if not any(o != v and runs[v] in runs[o] for o in present)}


def _words_of(*values: str | None) -> set[str]:
    return {w for value in values for w in (value or "").replace(",", " ").replace("-", " ").split()}


def _said(word: str, said: set[str]) -> bool:
    return word in said or (len(word) > 2 and any(w.startswith(word) for w in said))


def _reads_after(value: str | None) -> bool:
    """Whether a describing phrase goes after the noun: a particle alone ('up'), or words with a preposition
    or a particle in them ('with green eyes', 'bent forward') or a verb's -ing form ('looking upward')."""
    if value is None:
        return False
    words = value.lower().split()
    if len(words) == 1:
        return words[0] in _PARTICLES  # 'a knee up', 'an arm out'
    if words[0] in _HELD_WORDS and words[1] in _DEGREE_AFTER:
        return True  # 'an arm bent a little', 'an arm held close'
    return any(w in _AFTER_NOUN or (w.endswith("ing") and len(w) > 4 and w not in _ING_NOUNS) for w in words)


def object_phrases(scene: Scene) -> list[str]:
    """The objects as phrases for people: each relation one clause, then the unrelated objects."""
    return [phrase for _, phrase in _object_phrases(scene)]


def _object_phrases(scene: Scene) -> list[tuple[int, str]]:
    """(priority, phrase) for every object, each relation written as one clause."""
    objects = scene.objects
    names = frozenset(o.name for o in objects)
    introduced: set[int] = set()
    phrases: list[tuple[int, str]] = []
    written = {(rel.subject, rel.object, relation_phrase(rel.predicate)) for rel in scene.relations}
    run: _Run | None = None  # the relation phrase written last, which the next may join
    carriers = _action_carriers(scene, written)
    having: dict[int, _Run] = {}  # the 'with' phrase of each thing that has others: 'a table with a vase'
    for rel in scene.relations:
        predicate = relation_phrase(rel.predicate)
        if _said_by_a_longer(rel.subject, rel.object, predicate, written):
            continue
        if _said_by_having(rel, objects, having):
            continue
        if _said_in_description(objects[rel.subject], predicate, objects[rel.object]):
            if _plain(objects[rel.object]):
                introduced.add(rel.object)  # 'a person kicking their right leg' says the leg
            continue
        if _depth_said(objects[rel.subject], predicate):
            if _plain(objects[rel.object]):
                introduced.add(rel.object)  # 'a left leg crossed in front of the other' says the right leg
            continue  # 'a right leg angled straight back': behind the left one already
        subject_obj = _unsaid_action(objects[rel.subject], predicate)
        if rel.subject in carriers:  # what it does is said with where it is: 'the man sitting on a bench'
            action = subject_obj.attributes.action
            if carriers[rel.subject] is rel and action:
                predicate = f"{action} {predicate}"
            subject_obj = _without_action(subject_obj)
        if subject_obj.place and subject_obj.place == objects[rel.object].place and rel.object not in introduced:
            # Both in one part of the picture: said once, after the second ('a car on a dais in the center').
            subject_obj = subject_obj.model_copy(update={"place": None})
        subject = noun_phrase(subject_obj, definite=rel.subject in introduced, parts=names)
        other_obj = objects[rel.object]
        if rel.object in carriers:  # said where it is: 'a panda riding a horse, the horse standing on a street'
            other_obj = _without_action(other_obj)
        other = noun_phrase(other_obj, definite=rel.object in introduced, parts=names)
        # A relation between two things said already goes first when the prompt must be cut ('the jet ski
        # through the desert' after 'a man riding a jet ski, the man through a desert').
        known = rel.subject in introduced and rel.object in introduced
        if run is not None and run.predicate == predicate and run.subject_ids == [rel.subject]:
            # One subject doing one thing to several: 'a statue wearing goggles, a t-shirt and a jacket'.
            run.others.append(other)
            run.other_ids.append(rel.object)
        elif run is not None and run.predicate == predicate and run.other_ids == [rel.object] and not run.where:
            # Several in one relation to one: 'keyboards, a mouse and a monitor on a desk'.
            run.subjects.append(subject)
            run.subject_ids.append(rel.subject)
            run.places.append(place_phrase(subject_obj.place) if subject_obj.place else "")
        else:
            place = place_phrase(subject_obj.place) if subject_obj.place else ""
            run = _Run([rel.subject], predicate, [subject], [other], len(phrases), phrases, [rel.object], [place])
            phrases.append((_RESTATED if known else 0, ""))
        run.rewrite()
        if predicate == "with":
            having[rel.subject] = run
        introduced |= {rel.subject, rel.object}
    # Objects not in any relation follow, in the order they were described.
    phrases += [
        (1, noun_phrase(o, parts=names))
        for i, o in enumerate(objects)
        if i not in introduced and not _said_by_its_owner(o, objects)
    ]
    return phrases


def _without_action(obj: SceneObject) -> SceneObject:
    return obj.model_copy(update={"attributes": obj.attributes.model_copy(update={"action": None})})


def _action_carriers(scene: Scene, written: set[tuple[int, int, str]]) -> dict[int, Relation]:
    """For each thing that does something and is somewhere, the relation that says where, which says what
    it does too: 'a man holding a cup, the man sitting on a bench' (not 'a man sitting holding a cup, the man
    on a bench'). A thing already related by its action ('sitting on') needs none."""
    carriers: dict[int, Relation] = {}
    for rel in scene.relations:
        action = scene.objects[rel.subject].attributes.action
        one_verb = bool(action) and " " not in action and action.endswith("ing")  # 'sitting', not 'kicked high'
        if not one_verb or rel.subject in carriers or rel.predicate not in (*SPATIAL, "in"):
            continue
        predicate = relation_phrase(rel.predicate)
        if _said_by_a_longer(rel.subject, rel.object, predicate, written):
            continue
        if any(s == rel.subject and (p == action or p.startswith(action + " ")) for s, _, p in written):
            continue
        carriers[rel.subject] = rel
    return carriers


@dataclass
class _Run:
    """A relation phrase of one predicate: one subject and the objects it names so far, or the subjects so
    far and one object."""

    subject_ids: list[int]
    predicate: str
    subjects: list[str]
    others: list[str]
    at: int  # its index among the phrases
    phrases: list[tuple[int, str]]
    other_ids: list[int]
    places: list[str]  # where in the picture each subject is, as its phrase ends: 'in the foreground'
    where: str = ""  # 'on it': where what the subject has is ('a table with a vase on it')

    def rewrite(self) -> None:
        """Write the phrase anew at its place among the phrases, keeping its priority. Subjects side by side
        in one part of the picture are placed once: 'pillars and grass in the foreground in front of tents'."""
        subjects = list(self.subjects)
        for k in range(len(subjects) - 1):
            place = self.places[k]
            if place and self.places[k + 1] == place:
                subjects[k] = subjects[k].removesuffix(" " + place)
        words = (_listed(subjects), self.predicate, _listed(self.others), self.where)
        self.phrases[self.at] = (self.phrases[self.at][0], " ".join(w for w in words if w))


def _listed(phrases: list[str]) -> str:
    """'a cup', 'a cup and a phone', 'a cup, a phone and a key'."""
    return phrases[0] if len(phrases) == 1 else f"{', '.join(phrases[:-1])} and {phrases[-1]}"


def _said_by_having(rel: Relation, objects: list[SceneObject], having: dict[int, _Run]) -> bool:
    """Whether a thing on or in another is one that other was said to have: 'a kitchen with a refrigerator'
    says the refrigerator is in it; 'a table with a vase' says no more than 'on it' for the vase on it."""
    run = having.get(rel.object)
    meaning = _meaning(rel.predicate) if rel.predicate in (*SPATIAL, "in") else None
    if run is None or rel.subject not in run.other_ids or meaning not in ("on", "inside"):
        return False
    if meaning == "on" and not run.where:
        run.where = "on them" if objects[rel.object].plural else "on it"
        run.rewrite()
    return True


def _said_by_a_longer(subject: int, obj: int, predicate: str, written: set[tuple[int, int, str]]) -> bool:
    """Whether another relation of the same two things says this one and more ('swimming under' says
    'under', 'flying over' says 'above'), so the prompt says it once."""
    meaning = _meaning(predicate)
    for s, o, p in written:
        if s != subject or o != obj or p == predicate:
            continue
        tail = p.partition(" ")[2]  # what follows the verb: 'over' of 'flying over'
        if p.endswith(" " + predicate) or (tail and _meaning(tail) == meaning):
            return True
    return False


def _meaning(predicate: str) -> str:
    """What a spatial predicate says of where things are: 'over' is 'above'; 'in' a room is 'inside' it."""
    meaning = canonical_predicate(predicate)
    return "inside" if meaning == "in" else meaning


def _said_in_description(subject: SceneObject, predicate: str, obj: SceneObject) -> bool:
    """Whether the subject's own description says the relation already: 'kicking their right leg' says
    'kicking' the right leg."""
    said = _stems(noun_phrase(subject))
    return any(_stems(f"{predicate} {name}") <= said for name in (obj.name, pluralize(obj.name)))


def _depth_said(subject: SceneObject, predicate: str) -> bool:
    """Whether a sided part's own words say the relation it has with its other side: 'a right leg angled
    straight back' is behind the left one, 'a left foot in front' before the right one, 'a left leg crossed
    in front of the other' in front of the right one; the relation says nothing more."""
    if subject.name.split(" ", 1)[0] not in ("left", "right"):
        return False
    values = [value.lower() for value in subject.attributes.described()]
    if any(value.endswith(f"{predicate} the {other}") for value in values for other in ("other", "left", "right")):
        return True
    depth = _DEPTH_WORDS.get(predicate, frozenset())
    ends = [value.split()[-2:] for value in values]
    return any(end[-1] in depth and end[0] not in _OWNERS for end in ends)  # not 'behind her back'


def _plain(obj: SceneObject) -> bool:
    """Whether an object has nothing to say but its name."""
    return not (obj.attributes.model_dump(exclude_defaults=True) or obj.place or obj.text)


def _stems(text: str) -> set[str]:
    """Words with their inflection cut ('crosses', 'crossing' -> 'cross')."""
    return {re.sub(r"(?<=..)(?:ing|es|ed|s)$", "", w) for w in _plain_words(text)}


def _unsaid_action(obj: SceneObject, predicate: str) -> SceneObject:
    """`obj` without what the relation written after it says: its action when the relation opens with it
    ('a dog playing with a ball', not 'a dog playing playing with a ball'), and a phrase that is the
    relation with a pronoun for its object ('behind them' before 'behind the person')."""
    attrs = obj.attributes
    action = attrs.action
    update: dict[str, object] = {}
    if action and (predicate == action or predicate.startswith(action + " ") or _pronoun_relation(action, predicate)):
        update["action"] = None
    if attrs.state and (_pronoun_relation(attrs.state, predicate) or predicate.startswith(attrs.state + " ")):
        update["state"] = None
    other = [w for w in attrs.other if not (_pronoun_relation(w, predicate) or predicate.startswith(w + " "))]
    other = [_without_relation(w, predicate) for w in other]  # 'kicked out' of 'kicked out in front of them'
    if other != attrs.other:
        update["other"] = other
    if "action" not in update and action and _without_relation(action, predicate) != action:
        update["action"] = _without_relation(action, predicate)
    return obj.model_copy(update={"attributes": attrs.model_copy(update=update)}) if update else obj


def _without_relation(value: str, predicate: str) -> str:
    """A longer describing phrase without its end when that is the predicate and a pronoun: 'kicked out' of
    'kicked out in front of them' for 'in front of', which the relation written after it says."""
    words = value.split()
    size = len(predicate.split()) + 1
    if len(words) > size and _pronoun_relation(" ".join(words[-size:]), predicate):
        return " ".join(words[:-size])
    return value


def _pronoun_relation(value: str, predicate: str) -> bool:
    """Whether a describing phrase is the predicate, or its last words, with a pronoun after it: 'behind
    them' for 'behind' and for 'reaching back behind'."""
    head, _, last = value.rpartition(" ")
    return bool(head) and (head == predicate or predicate.endswith(" " + head)) and last in _PRONOUNS


def _setting_phrases(scene: Scene) -> list[tuple[int, str]]:
    """Style, light, time, viewpoint and palette, with the priority that decides what is dropped first."""
    phrases: list[tuple[int, str]] = []
    if scene.style:
        phrases.append((2, scene.style))
    if scene.lighting:
        phrases.append((3, scene.lighting))
    if scene.time_of_day:
        phrases.append((3, _TIME_PHRASES.get(scene.time_of_day, scene.time_of_day)))
    if scene.viewpoint:
        phrases.append((4, scene.viewpoint))
    if scene.palette:
        phrases.append((5, _palette_phrase(scene.palette)))
    return phrases


def _palette_phrase(palette: list[str]) -> str:
    colours = palette[:-1] and ", ".join(palette[:-1]) + " and " + palette[-1] or palette[-1]
    return f"{colours} color palette"


def _fit(phrases: list[tuple[int, str]], max_tokens: int) -> str:
    """Join phrases with commas, dropping repeats and then the least important ones until it fits."""
    kept = _without_repeats(phrases)
    while kept and prompt_tokens(", ".join(p for _, p in kept)) > max_tokens:
        if len(kept) == 1:
            return _truncate(kept[0][1], max_tokens)
        least = max(range(len(kept)), key=lambda i: (kept[i][0], i))
        del kept[least]
    return ", ".join(p for _, p in kept)


def _without_repeats(phrases: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the items of a setting phrase whose words are all said already ('a neon sign' makes a style's
    'neon' redundant, 'a cartoon dog' the 'cartoon' of 'cartoon, centered'), and a phrase left empty."""
    kept: list[tuple[int, str]] = []
    said: set[str] = set()
    for priority, phrase in phrases:
        if 2 <= priority < _RESTATED:  # setting phrases; not a relation cut first
            phrase = ", ".join(item for item in phrase.split(", ") if not _plain_words(item) <= said)
            if not phrase:
                continue
        kept.append((priority, phrase))
        said |= _plain_words(phrase)
    return kept


def _plain_words(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", text.lower()))


def _article(name: str, words: str) -> str:
    """'a ', 'an ', 'the ' for the sun and the sky, or nothing for snow and fog."""
    first = indefinite(name, words)
    if first in ("a ", "an ") and (name in UNIQUE_NOUNS or _SUPERLATIVE.match(words)):  # 'the sun', 'the tallest tower'
        return "the "
    return first


def _truncate(text: str, max_tokens: int) -> str:
    """The first words of `text` that fit `max_tokens`."""
    words: list[str] = []
    for word in text.split():
        if prompt_tokens(" ".join([*words, word])) > max_tokens:
            break
        words.append(word)
    return " ".join(words)
