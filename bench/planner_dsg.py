"""Score a planner on DSG-1k: which entities, attributes, relations, style words and quoted text does its Scene keep?

    python bench/planner_dsg.py [--data PATH] [--planner rules[,llm]] [--per-source N] [--limit N] [--show-failures N]
    python bench/planner_dsg.py --planner rules,llm --llama --per-source 10   # SmolLM2 via llama.cpp

`--planner` takes one planner or several, run side by side on the same prompts; `--llama` serves
SmolLM2-135M-Instruct with llama.cpp for the `llm` planner (the helper of planner_geneval.py). A model
planner that gives no usable Scene scores nothing for that prompt (no rules fallback here).

The data (`dsg1k_dev.csv`, read in place) holds, for each prompt `text`, its Davidsonian Scene Graph
tuples, written `broad - detailed (arg, arg, ...)`. Every tuple is scored against the planned Scene
`planner.plan(text, width=512, height=512).scene`, and recall is micro-averaged over the file.

What each tuple is, from its `category_broad` and its arguments:
- entity (`entity - whole (cat)`, `entity - part (someone's right arm)`): one noun phrase. An entity
  tuple with two arguments (the data has `entity - scale (boy, little)`) is read as an attribute.
- attribute (`attribute - color (cat, black)`): an entity and a value; `category_detailed` is its kind
  (color, state, type, material, shape, texture, style, scale, size, ...). `other - count (cats, ==3)`
  and `attribute - count (trees, many)` are attributes of kind `count`. An attribute tuple with one
  argument names no entity (`attribute - style (matte painting)`) and is read as a global.
- relation (`relation - spatial (cat, table, on)`, `relation - action (man, horse, ride)`): subject,
  object, predicate; with two arguments (`relation - action (ostrich, swim)`): subject and verb.
- global (`global - - (watercolor)`): one phrase about the whole image. Aspect-ratio tuples of any
  category (`global - - (ar 16:9)`, `other - aspect ratio (sculpture, 16:9)`) are globals too.
- text (`other - text rendering (sign, "do not touch")`): the double-quoted string is the text.
- anything else (`other - id`) is listed as unscored.

Matching is strict, the same for every prompt (no rule names a prompt of the file):
- Normalising a name: lowercase; a possessive "'s" or a trailing "'" dropped; every other character
  that is not a letter or a digit becomes a space; the articles a/an/the dropped; spaces collapsed;
  the head made singular with `singularize_name` (the last word, and also the word before " of ":
  "cups of coffee" == "cup of coffee").
- An entity with an instance number (`flowers_2`: the second of two groups of flowers, "three white
  flowers" after "two red flowers") is named without it; its count is that of one matching object.
- A Scene object matches an entity when its normalised name EQUALS the entity's normalised phrase,
  or, for a possessive entity ("someone's right arm", "security guards' uniform"), equals the part
  after the last possessive ("right arm", "uniform"). Nothing else: "different bird sketch" does not
  match "bird sketch", "arm" does not match "right arm", and "alphabet cereal" does not match
  "cereal". The same rule finds the objects an attribute or a relation talks about.
- Values (attribute values, global phrases, verbs) are compared word by word after the same
  normalisation: equal words, or the same noun in singular and plural, or forms of one verb
  ("lean"/"leaning", "swim"/"swimming", "ride"/"riding", "bend"/"bent"); the phrases must have the same
  number of words, so "red" does not match "dark red".
- attribute: some matching object has the value in one of its attribute fields (every string and
  list-of-strings field of `Attributes`: color, material, size, state, other, and any field added
  later), whatever the tuple's kind. count: the matching objects' counts add up to the number
  (`==3`, `three`), or to two or more for a vague plural ("many", "a bunch", "few", "a lot", `>1`); an
  unspecified count (`count` null: "some", or a `quantity` such as "many") matches a vague plural and
  never a number.
- relation: objects matching the subject and the object, and a Scene relation between them whose
  predicate means the same. Spatial meanings: on (on, on top of, atop, upon), in (in, inside,
  within, into), next to (next to, beside, near, nearby, close to, by, alongside, adjacent to),
  left of (left of, to the left of, on the left of, left to), right of (likewise), above (above,
  over), below (below, under, beneath, underneath), in front of (in front of, in front), behind
  (behind, in back of, in the background of), in front of also "in the foreground of"; a posture
  verb before one of them says no more ("sitting on" means on, "stand behind" means behind).
  A relation to a part of the picture (`(trees, background, in)`, `(cat, left, on)`: background,
  foreground, left, right, top, bottom, center/middle, with in, on or at) is kept when an object
  matching the subject has that `place`: the Scene says where things are in the picture that way. A fact stated the other way round counts ("A left of B" is
  "B right of A"; likewise above/below, in front of/behind; next to both ways). Every other
  predicate ("wear", "hold", "ride", "with", "in the background") means itself: only a Scene
  predicate with the same words (as verb forms) matches it (the Scene keeps such predicates as
  written: "wearing", "holding", "riding"). A two-argument action ("ostrich, swim") matches when an object matching the
  subject has the verb among its attribute values ("swimming").
- global: the phrase, with an attribution marker stripped ("by ", "art by ", "in the style of ",
  "style of ", "at ", "in ", a trailing " style"/" art style"), equals one item of the Scene's style,
  lighting, time_of_day or viewpoint (each split at commas, also stripped) or one palette colour. An
  aspect ratio ("--ar 16:9", "aspect ratio 16:9") matches when width/height is within 3% of it.
- text: the quoted text, lowercased with punctuation as spaces, equals a text the Scene holds: its
  `text` field (a string or a list), or an object's `text` field or attribute (version 2 Scenes
  keep the words to render on the object that carries them).
- junk: the share of Scene objects that match no entity tuple of their prompt.

The last lines, one per planner in `--planner` order, read exactly:
    planner_dsg: entity=0.XXX attribute=0.XXX relation=0.XXX global=0.XXX text=0.XXX junk=0.XXX ms=X.XX
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from limner.agents.scene.english import singularize, singularize_name  # noqa: E402
from limner.agents.scene.model import Scene  # noqa: E402
from planner_geneval import _llama_server, build_planner, planner_names  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dsg1k_dev.csv"
GROUPS = ("entity", "attribute", "relation", "global", "text")

# ---------------------------------------------------------------------------------------------
# Tuples
# ---------------------------------------------------------------------------------------------

_TUPLE = re.compile(r"^\s*(\w+)\s+-\s+(.+?)\s+\((.*)\)\s*$")
_QUOTED = re.compile(r'"(.*)"')
_RATIO = re.compile(r"^(?:-*\s*ar|aspect ratio)?\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class Fact:
    """One DSG tuple, read: what it is (`group`, `kind`) and what it names."""

    item: str
    raw: str
    group: str  # entity, attribute, relation, global, text, or unscored
    kind: str  # category_detailed: whole, part, color, count, spatial, action, text rendering, ...
    args: tuple[str, ...]


def read_tuple(item: str, raw: str, broad: str, detailed: str) -> Fact:
    """A tuple of the file as a Fact; the rules are the module docstring's."""
    match = _TUPLE.match(raw)
    inside = match.group(3) if match else raw
    quoted = _QUOTED.search(inside)
    if quoted:  # text rendering: the quoted text may hold commas
        head = [a.strip() for a in inside[: quoted.start()].split(",") if a.strip()]
        args = (*head, quoted.group(1))
    else:
        args = tuple(a.strip() for a in inside.split(",") if a.strip())
    broad, detailed = broad.strip().lower(), detailed.strip().lower()
    if detailed == "aspect ratio" or (broad == "global" and args and _ratio(args[-1])):
        return Fact(item, raw, "global", "aspect ratio", (args[-1],) if args else ())
    if detailed == "text rendering":
        return Fact(item, raw, "text", detailed, args)
    if detailed == "count":
        return Fact(item, raw, "attribute", "count", (args[0], ", ".join(args[1:])))
    if broad == "entity":
        if len(args) >= 2:
            return Fact(item, raw, "attribute", detailed, (args[0], ", ".join(args[1:])))
        return Fact(item, raw, "entity", detailed, args)
    if broad == "attribute":
        if len(args) == 1:
            return Fact(item, raw, "global", detailed, args)
        return Fact(item, raw, "attribute", detailed, (args[0], ", ".join(args[1:])))
    if broad == "relation":
        return Fact(item, raw, "relation", detailed, args)
    if broad == "global":
        return Fact(item, raw, "global", "-", (", ".join(args),))
    return Fact(item, raw, "unscored", f"{broad} {detailed}", args)


@dataclass
class Prompt:
    item: str
    text: str
    facts: list[Fact] = field(default_factory=list)


def load(path: Path) -> list[Prompt]:
    """The prompts of the file in file order, each with its tuples."""
    prompts: dict[str, Prompt] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            prompt = prompts.setdefault(row["item_id"], Prompt(row["item_id"], row["text"]))
            prompt.facts.append(
                read_tuple(row["item_id"], row["tuple"], row["category_broad"], row["category_detailed"])
            )
    return list(prompts.values())


# ---------------------------------------------------------------------------------------------
# Normalising
# ---------------------------------------------------------------------------------------------

ARTICLES = frozenset({"a", "an", "the"})
_POSSESSIVE = re.compile(r"(?:'s|s')(?=\s|$)")  # "someone's", "guards'"


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return [w for w in text.split() if w not in ARTICLES]


def normalize_name(name: str) -> str:
    """A noun phrase as compared: lowercase, no punctuation or articles, singular head."""
    phrase = " ".join(_words(name))
    head, of, tail = phrase.partition(" of ")
    if of:
        return f"{singularize_name(head)} of {singularize_name(tail)}"
    return singularize_name(phrase)


_INSTANCE = re.compile(r"_\d+$")


def entity_keys(phrase: str) -> frozenset[str]:
    """The names a Scene object may have to match this entity: the phrase, and for a possessive
    phrase the part after its last possessive ("someone's right arm" -> also "right arm")."""
    phrase = _INSTANCE.sub("", phrase.strip())  # 'flowers_2': the second flowers, matched by their name
    keys = {normalize_name(phrase)}
    cut = list(_POSSESSIVE.finditer(phrase.lower().replace("\u2019", "'")))
    if cut:
        part = phrase[cut[-1].end() :]
        if part.strip():
            keys.add(normalize_name(part))
    keys.discard("")
    return frozenset(keys)


def matching_objects(scene: Scene, phrase: str) -> list[int]:
    """Indices of the Scene objects whose name matches the entity phrase (strictly)."""
    keys = entity_keys(phrase)
    return [i for i, obj in enumerate(scene.objects) if normalize_name(obj.name) in keys]


# Irregular verb forms, each to its base.
_IRREGULAR_VERBS = {
    "bent": "bend", "sat": "sit", "stood": "stand", "lay": "lie", "lain": "lie", "lying": "lie",
    "worn": "wear", "wore": "wear", "held": "hold", "rode": "ride", "ridden": "ride", "flew": "fly",
    "flown": "fly", "drew": "draw", "drawn": "draw", "ran": "run", "ate": "eat", "eaten": "eat",
    "swam": "swim", "hung": "hang", "drove": "drive", "driven": "drive", "wrote": "write",
    "written": "write", "spun": "spin", "struck": "strike", "fought": "fight", "caught": "catch",
    "has": "have", "had": "have", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
    "being": "be", "made": "make", "took": "take", "taken": "take", "led": "lead", "gave": "give",
    "given": "give", "threw": "throw", "thrown": "throw", "knelt": "kneel", "leant": "lean",
}  # fmt: skip


def _verb_forms(word: str) -> set[str]:
    """Regular inflections of a base verb: lean -> leans, leaning, leaned; ride -> riding, rode is irregular."""
    forms = {word, word + "s", word + "es", word + "ing", word + "ed", word + "d"}
    if word.endswith("e") and len(word) > 2:
        forms |= {word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    stem = word.replace("qu", "q")  # the u of 'squat' is no vowel of its own
    if len(stem) >= 3 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou" and stem[-3] not in "aeiou":
        forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}  # swim -> swimming, squat -> squatting
    return forms


def same_word(a: str, b: str) -> bool:
    """Equal, the same noun in singular and plural, or forms of one verb."""
    if a == b or singularize(a) == singularize(b):
        return True
    a, b = _IRREGULAR_VERBS.get(a, a), _IRREGULAR_VERBS.get(b, b)
    return a == b or (len(a) > 1 and b in _verb_forms(a)) or (len(b) > 1 and a in _verb_forms(b))


def same_value(a: str, b: str) -> bool:
    """Two value phrases (normalised words) say the same thing, word by word."""
    wa, wb = _words(a), _words(b)
    return bool(wa) and len(wa) == len(wb) and all(same_word(x, y) for x, y in zip(wa, wb))


# ---------------------------------------------------------------------------------------------
# Counts
# ---------------------------------------------------------------------------------------------

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "dozen": 12,
    "pair": 2, "couple": 2, "single": 1,
}  # fmt: skip
VAGUE_PLURALS = frozenset(
    {"many", "bunch", "few", "lot", "lots", "several", "some", "multiple", "numerous", "group", "plenty",
     "various", "crowd", "herd", "flock", "set", "pack"}
)  # fmt: skip


def count_wanted(value: str) -> int | str | None:
    """'==3' -> 3, 'three' -> 3, 'many' / '==bunch' / 'a lot' / '>1' (more than one) -> 'plural', else None."""
    words = [w for w in _words(value.replace("=", " ").replace(">", " ").replace("<", " ")) if w != "of"]
    if not words:
        return None
    if value.strip().startswith(">") and len(words) == 1 and words[0].isdigit():
        least = int(words[0]) + (0 if value.strip().startswith(">=") else 1)
        return "plural" if least <= 2 else None  # '>1': two or more, as a vague plural says
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if len(words) == 1 and words[0] in NUMBER_WORDS:
        return NUMBER_WORDS[words[0]]
    if any(w in VAGUE_PLURALS for w in words):
        return "plural"
    return None


# ---------------------------------------------------------------------------------------------
# Relations
# ---------------------------------------------------------------------------------------------

SPATIAL = {
    "on": ("on", "on top of", "on the top of", "on top", "atop", "upon", "onto"),
    "in": ("in", "inside", "inside of", "within", "into"),
    "next to": ("next to", "beside", "besides", "near", "nearby", "near to", "close to", "by",
                "alongside", "adjacent to"),
    "left of": ("left of", "to the left of", "on the left of", "left to", "to left of",
                "on the left side of"),
    "right of": ("right of", "to the right of", "on the right of", "right to", "to right of",
                 "on the right side of"),
    "above": ("above", "over"),
    "below": ("below", "under", "beneath", "underneath"),
    "in front of": ("in front of", "in front", "in the foreground", "in the foreground of", "in foreground"),
    "behind": ("behind", "in back of", "in the background", "in the background of", "in background"),
}  # fmt: skip
_SPATIAL_MEANING = {" ".join(_words(p)) or p: meaning for meaning, ps in SPATIAL.items() for p in ps}
# The same fact stated the other way round.
INVERSE = {
    "left of": "right of", "right of": "left of", "above": "below", "below": "above",
    "in front of": "behind", "behind": "in front of", "next to": "next to",
}  # fmt: skip
# Parts of the picture, which a Scene says with an object's `place`, not with an object.
REGIONS = {
    "background": "background", "foreground": "foreground", "left": "left", "left side": "left",
    "right": "right", "right side": "right", "top": "top", "bottom": "bottom", "center": "center",
    "centre": "center", "middle": "center",
}  # fmt: skip
# Verbs of posture that add nothing to the place: "sitting on" is "on".
POSTURE_VERBS = ("sit", "stand", "lie", "rest", "perch", "place", "be", "locate", "situate", "set", "kneel")


def spatial_meaning(predicate: str) -> str | None:
    """The spatial meaning of a predicate ('on top of' -> 'on'), or None when it is not one."""
    words = _words(predicate)
    phrase = " ".join(words)
    if phrase in _SPATIAL_MEANING:
        return _SPATIAL_MEANING[phrase]
    if len(words) > 1 and any(same_word(words[0], verb) for verb in POSTURE_VERBS):
        return _SPATIAL_MEANING.get(" ".join(words[1:]))
    return None


def same_meaning(wanted: str, stated: str) -> bool:
    """Two predicates mean the same: one spatial meaning, or (not spatial) the same words."""
    a, b = spatial_meaning(wanted), spatial_meaning(stated)
    if a or b:
        return a == b
    return same_value(wanted, stated)


# ---------------------------------------------------------------------------------------------
# Judging one prompt
# ---------------------------------------------------------------------------------------------


def _attribute_values(obj) -> list[str]:
    """Every value the object's attributes hold, whatever fields the model has."""
    values: list[str] = []
    attrs = obj.attributes
    for name in type(attrs).model_fields:
        value = getattr(attrs, name, None)
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, list | tuple):
            values += [v for v in value if isinstance(v, str)]
    return values


def _texts(scene: Scene) -> list[str]:
    """The texts to render that the Scene holds, when its model has a text field."""
    found: list[str] = []

    def take(value) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list | tuple):
            for v in value:
                take(v)
        elif value is not None:
            for key in ("text", "content", "value"):
                if hasattr(value, key):
                    take(getattr(value, key))
                    break
                if isinstance(value, dict) and key in value:
                    take(value[key])
                    break

    if "text" in type(scene).model_fields:
        take(scene.text)  # type: ignore[attr-defined]
    for obj in scene.objects:
        if "text" in type(obj).model_fields:
            take(obj.text)  # type: ignore[attr-defined]
        if "text" in type(obj.attributes).model_fields:
            take(obj.attributes.text)  # type: ignore[attr-defined]
    return found


def _text_key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower().replace("\u2019", "'").replace("'", "")).split())


_ATTRIBUTION = ("in the style of", "in style of", "style of", "art by", "by", "at", "in")


def _global_key(phrase: str) -> str:
    words = _words(phrase)
    for marker in _ATTRIBUTION:
        lead = marker.split()
        if words[: len(lead)] == lead and len(words) > len(lead):
            words = words[len(lead) :]
            break
    for tail in (["art", "style"], ["style"]):
        if words[-len(tail) :] == tail and len(words) > len(tail):
            words = words[: -len(tail)]
            break
    return " ".join(words)


def _ratio(text: str) -> float | None:
    match = _RATIO.match(text.strip().lower())
    if not match or float(match.group(2)) == 0:
        return None
    return float(match.group(1)) / float(match.group(2))


def _global_items(scene: Scene) -> list[str]:
    items: list[str] = []
    for value in (scene.style, scene.lighting, scene.time_of_day, scene.viewpoint):
        if value:
            items += [part for part in value.split(",") if part.strip()]
    return items + list(scene.palette)


@dataclass
class Judged:
    """Which tuples of one prompt the Scene kept, and which Scene objects match no entity."""

    hits: list[tuple[Fact, bool]]
    junk: list[str]
    objects: int


def judge(scene: Scene | None, facts: Iterable[Fact]) -> Judged:
    """Score one Scene against the tuples of its prompt, by the rules of the module docstring."""
    facts = list(facts)
    if scene is None:
        return Judged([(f, False) for f in facts if f.group != "unscored"], [], 0)
    names = [normalize_name(o.name) for o in scene.objects]
    entity_names = set().union(*(entity_keys(f.args[0]) for f in facts if f.group == "entity" and f.args))
    junk = [obj.name for obj, name in zip(scene.objects, names) if name not in entity_names]
    hits = [(f, _kept(scene, f)) for f in facts if f.group != "unscored"]
    return Judged(hits, junk, len(scene.objects))


def _kept(scene: Scene, fact: Fact) -> bool:
    args = fact.args
    if not args:
        return False
    if fact.group == "entity":
        return bool(matching_objects(scene, args[0]))
    if fact.group == "attribute":
        found = matching_objects(scene, args[0])
        if fact.kind == "count":
            wanted = count_wanted(args[1])
            counts = [scene.objects[i].count for i in found]
            if wanted == "plural":  # 'some' (count None) is a vague plural too
                return bool(found) and (None in counts or sum(counts) >= 2)
            if _INSTANCE.search(args[0].strip()):  # 'flowers_2, ==3': one of the kinds counts three
                return wanted in counts
            return bool(found) and None not in counts and sum(counts) == wanted
        return any(same_value(args[1], v) for i in found for v in _attribute_values(scene.objects[i]))
    if fact.group == "relation":
        subjects = matching_objects(scene, args[0])
        if len(args) == 2:  # an intransitive action: a state of its subject
            return any(same_value(args[1], v) for i in subjects for v in _attribute_values(scene.objects[i]))
        predicate = ", ".join(args[2:])
        region = REGIONS.get(normalize_name(args[1]))
        if region and (spatial_meaning(predicate) in ("in", "on") or _words(predicate) in (["at"], ["to"])):
            return any(getattr(scene.objects[i], "place", None) == region for i in subjects)
        objects = matching_objects(scene, args[1])
        inverse = INVERSE.get(spatial_meaning(predicate) or "")
        for rel in scene.relations:
            if rel.subject in subjects and rel.object in objects and same_meaning(predicate, rel.predicate):
                return True
            if inverse and rel.subject in objects and rel.object in subjects and same_meaning(inverse, rel.predicate):
                return True
        return False
    if fact.group == "global":
        ratio = _ratio(args[0]) if fact.kind == "aspect ratio" else None
        if ratio is not None:
            return abs(scene.width / scene.height - ratio) <= 0.03 * ratio
        wanted = _global_key(args[0])
        return bool(wanted) and any(_global_key(item) == wanted for item in _global_items(scene))
    if fact.group == "text":
        wanted = _text_key(args[-1])
        return bool(wanted) and any(_text_key(t) == wanted for t in _texts(scene))
    return False


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


def _ratio_of(pairs: list[bool]) -> float:
    return sum(pairs) / len(pairs) if pairs else 0.0


def _line(label: str, pairs: list[bool]) -> str:
    return f"{label}={_ratio_of(pairs):.3f} ({sum(pairs)}/{len(pairs)})"


def run(planner_name: str, prompts: list[Prompt], show_failures: int) -> dict[str, float]:
    """Plan every prompt, score the Scenes, print the report; returns the summary figures."""
    from limner.agents.planning.base import PlannerFailed

    planner = build_planner(planner_name)
    latencies: list[float] = []
    judged: list[tuple[Prompt, Scene | None, Judged]] = []
    failed = 0
    for prompt in prompts:
        started = time.perf_counter()
        try:
            scene: Scene | None = planner.plan(prompt.text, width=512, height=512).scene
        except PlannerFailed:
            scene, failed = None, failed + 1
        latencies.append(time.perf_counter() - started)
        judged.append((prompt, scene, judge(scene, prompt.facts)))

    by_group: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[tuple[str, str], list[bool]] = defaultdict(list)
    misses: dict[str, list[str]] = defaultdict(list)
    junk = objects = 0
    unscored: Counter[str] = Counter()
    for prompt, scene, verdict in judged:
        unscored.update(f.kind for f in prompt.facts if f.group == "unscored")
        junk += len(verdict.junk)
        objects += verdict.objects
        for fact, hit in verdict.hits:
            by_group[fact.group].append(hit)
            by_kind[(fact.group, fact.kind)].append(hit)
            if not hit and len(misses[fact.group]) < show_failures:
                misses[fact.group].append(f"{prompt.item}: {fact.raw}   | scene: {_scene_brief(scene)}")
        if verdict.junk and len(misses["junk"]) < show_failures:
            misses["junk"].append(f"{prompt.item}: {verdict.junk}   | {prompt.text[:100]!r}")

    for group in (*GROUPS, "junk"):
        for line in misses.get(group, []):
            print(f"MISS [{planner_name}] [{group}] {line}"[:400])
    ordered = sorted(latencies)
    ms = 1000 * sum(latencies) / max(len(latencies), 1)
    p95 = 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
    tuples = sum(len(v) for v in by_group.values())
    print(f"planner: {planner_name}   prompts: {len(prompts)}   tuples scored: {tuples}   no usable Scene: {failed}")
    if unscored:
        print("unscored: " + "  ".join(f"{k}={n}" for k, n in sorted(unscored.items())))
    for group in GROUPS:
        kinds = sorted((k for k in by_kind if k[0] == group), key=lambda k: -len(by_kind[k]))
        detail = "  ".join(_line(k[1], by_kind[k]) for k in kinds) if group != "attribute" else ""
        print(f"{_line(group, by_group[group])}   {detail}".rstrip())
    attribute_kinds = sorted((k for k in by_kind if k[0] == "attribute"), key=lambda k: (-len(by_kind[k]), k[1]))
    small = [k for k in attribute_kinds if len(by_kind[k]) < 10]
    for key in attribute_kinds:
        if key not in small:
            print(f"  attribute[{key[1]}]: {_ratio_of(by_kind[key]):.3f} ({sum(by_kind[key])}/{len(by_kind[key])})")
    if small:
        pooled = [hit for k in small for hit in by_kind[k]]
        print(
            f"  attribute[rest]: {_ratio_of(pooled):.3f} ({sum(pooled)}/{len(pooled)})   "
            + " ".join(f"{k[1]}={sum(by_kind[k])}/{len(by_kind[k])}" for k in small)
        )
    print(f"junk={junk / max(objects, 1):.3f} ({junk}/{objects} Scene objects match no entity)")
    print(f"latency: {ms:.2f} ms per prompt on average, p95 {p95:.2f} ms")
    return {
        **{group: _ratio_of(by_group[group]) for group in GROUPS},
        "junk": junk / max(objects, 1),
        "ms": ms,
    }


def _scene_brief(scene: Scene | None) -> str:
    if scene is None:
        return "no Scene"
    objects = ", ".join(
        f"{o.name}"
        + (f"x{o.count}" if o.count is not None and o.count > 1 else "x?" if o.count is None else "")
        + (f"[{','.join(_attribute_values(o))}]" if _attribute_values(o) else "")
        for o in scene.objects
    )
    relations = "; ".join(f"{r.subject} {r.predicate} {r.object}" for r in scene.relations)
    extras = [
        f"{k}={getattr(scene, k)}" for k in ("style", "lighting", "time_of_day", "viewpoint") if getattr(scene, k)
    ]
    return " | ".join(p for p in (objects, relations, " ".join(extras)) if p)


def sample(prompts: list[Prompt], per_source: int | None, limit: int | None) -> list[Prompt]:
    """The first `per_source` prompts of each source (coco, whoops, drawtext ...), then the first `limit`."""
    if per_source is not None:
        taken: Counter[str] = Counter()
        chosen = []
        for prompt in prompts:
            source = prompt.item.rsplit("_", 1)[0]
            if taken[source] < per_source:
                taken[source] += 1
                chosen.append(prompt)
        prompts = chosen
    return prompts[:limit] if limit is not None else prompts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="DSG-1k tuples (csv)")
    parser.add_argument("--planner", default="rules", help="one or more planners (rules, llm ...), comma-separated")
    parser.add_argument("--per-source", type=int, metavar="N", help="only the first N prompts of each source")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N prompts (after --per-source)")
    parser.add_argument("--llama", action="store_true", help="serve SmolLM2 with llama.cpp for the llm planner")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N", help="print N missed tuples per category")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"no data file at {args.data}; pass --data PATH")
    names = planner_names(parser, args.planner)
    prompts = sample(load(args.data), args.per_source, args.limit)
    with ExitStack() as stack:
        if args.llama:
            stack.enter_context(_llama_server())
        results = {name: run(name, prompts, args.show_failures) for name in names}
    print(f"data: {args.data}   prompts: {len(prompts)}   planners: {', '.join(names)}")
    for result in results.values():
        print(
            f"planner_dsg: entity={result['entity']:.3f} attribute={result['attribute']:.3f} "
            f"relation={result['relation']:.3f} global={result['global']:.3f} text={result['text']:.3f} "
            f"junk={result['junk']:.3f} ms={result['ms']:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
