"""Checking an image against its Scene: one verdict per check, and a DSG score over the required ones.

The Scene's checks (`Scene.checks()`) are asked in order. A check whose parent failed is failed without
asking ("is the apple red?" means nothing when there is no apple): Davidsonian Scene Graph scoring, Cho et
al. 2024. Otherwise each judge is asked in turn and the first that answers decides; a check nobody can
answer is `unverified`, never passed. The score counts only what was answered, and the note says how much
was not, so a high score from colour measurements alone never reads like a vision model's approval.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from limner.agents.looking.judging import Judge
from PIL import Image
from pydantic import BaseModel, Field

from limner.errors import InvalidRequest

if TYPE_CHECKING:
    from limner.agents.looking.captioner import Caption
    from limner.agents.looking.clip_judge import ClipScorer
    from limner.agents.scene.checks import Check
    from limner.agents.scene.model import Scene

DEFAULT_THRESHOLD = 0.75

Status = Literal["passed", "failed", "unverified"]


class Verdict(BaseModel):
    """One check's answer: what was asked, what was found, by whom, and how sure it is."""

    check_id: str
    kind: str
    question: str
    required: bool
    status: Status
    p_yes: float | None = Field(default=None, ge=0, le=1, description="A model's probability of 'yes', if it gave one.")
    answered_by: str = Field(description="'vlm:<model>', 'measure', 'caption-text', 'caption-mention', 'clip', ...")
    confidence: float = Field(ge=0, le=1, description="How far the evidence is from the judge's decision line.")
    detail: str = Field(description="One short sentence for people: 'red covers 64% of the apple's box'.")

    @classmethod
    def of(
        cls,
        check: Check,
        status: Status,
        *,
        answered_by: str,
        confidence: float,
        detail: str,
        p_yes: float | None = None,
    ) -> Verdict:
        """A verdict on `check`, with the confidence clamped to 0..1."""
        return cls(
            check_id=check.id,
            kind=check.kind,
            question=check.question,
            required=check.required,
            status=status,
            p_yes=p_yes,
            answered_by=answered_by,
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            detail=detail,
        )


class Evaluation(BaseModel):
    """Every verdict, the DSG score over the required checks that were answered, and an honest summary.

    - `score`: required checks passed / required checks answered (passed or failed, dependency failures
      included); None when no required check could be answered.
    - `passed`: `score` is not None and at least `threshold`: good enough to show.
    - `all_required_passed`: every required check passed, none failed and none unverified (true when the
      Scene has no required checks). The feedback loop stops on this; with no vision model the entity checks
      stay unverified, so it stays false and the loop ends on its other rules (plateau, caps).
    """

    score: float | None = Field(default=None, ge=0, le=1)
    passed: bool
    all_required_passed: bool
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0, le=1)
    verdicts: list[Verdict] = Field(default_factory=list)
    unverified: int = Field(default=0, ge=0, description="Checks, required or not, that no judge could answer.")
    clip_score: float | None = Field(default=None, ge=0, le=2.5, description="CLIPScore (w=2.5) against the prompt.")
    judges: list[str] = Field(default_factory=list)
    note: str = ""

    def report(self) -> list[str]:
        """For people: the score, one line per check (who answered, how sure), and the note."""
        verdict = "match" if self.passed else "no match"
        lines = [f"score {format_score(self.score)}: {verdict} (threshold {self.threshold})"]
        lines += [f"- {v.status}: {v.question} ({v.answered_by}, {v.confidence:.2f}) {v.detail}" for v in self.verdicts]
        return [*lines, self.note]

    def failed_checks(self) -> list[Verdict]:
        """The required checks that failed, in check order: what the next round should fix."""
        return [v for v in self.verdicts if v.required and v.status == "failed"]


def format_score(score: float | None) -> str:
    """'0.75', or 'n/a' when nothing could be answered (the loop counts that as -1)."""
    return "n/a" if score is None or score < 0 else f"{score:.2f}"


def evaluate(
    scene: Scene,
    image: Image.Image,
    *,
    caption: Caption | None = None,
    judges: list[Judge],
    threshold: float = DEFAULT_THRESHOLD,
    clip: ClipScorer | None = None,
) -> Evaluation:
    """Answer every check of `scene` about `image` (and its caption) with `judges`, first answer wins.

    `clip` scores the image against the Scene's prompt; without one, a CLIP judge among `judges` lends its
    scorer, so the model is loaded once.
    """
    if not 0 <= threshold <= 1:
        raise InvalidRequest(f"threshold {threshold} must be between 0 and 1 (a share of the required checks)")
    by_id: dict[str, Verdict] = {}
    for check in scene.checks():
        by_id[check.id] = _dependency_failure(check, by_id) or _ask(judges, check, scene, image, caption)
    verdicts = list(by_id.values())
    if clip is not None:
        clip_score: float | None = clip.clip_score(image, scene.prompt)
    else:
        clip_score = next((s for j in judges if (s := j.prompt_score(image, scene.prompt)) is not None), None)
    clip_score = round(clip_score, 4) if clip_score is not None else None
    return summarize(verdicts, threshold=threshold, judges=judges, clip_score=clip_score)


def summarize(
    verdicts: list[Verdict], *, threshold: float, judges: list[Judge], clip_score: float | None = None
) -> Evaluation:
    """The score, the flags and the note for a list of verdicts."""
    required = [v for v in verdicts if v.required]
    answered = [v for v in required if v.status != "unverified"]
    passed = [v for v in answered if v.status == "passed"]
    score = round(len(passed) / len(answered), 4) if answered else None
    return Evaluation(
        score=score,
        passed=score is not None and score >= threshold,
        all_required_passed=len(passed) == len(required),
        threshold=threshold,
        verdicts=verdicts,
        unverified=sum(v.status == "unverified" for v in verdicts),
        clip_score=clip_score,
        judges=[j.name for j in judges],
        note=_note(verdicts, judges),
    )


def _dependency_failure(check: Check, earlier: dict[str, Verdict]) -> Verdict | None:
    """A failed verdict when a parent failed. An unverified parent does not fail its children."""
    for parent_id in check.depends_on:
        parent = earlier.get(parent_id)
        if parent is not None and parent.status == "failed":
            return Verdict.of(
                check,
                "failed",
                answered_by="dependency",
                confidence=parent.confidence,
                detail=f"not asked: its parent {parent_id} ({parent.question}) failed",
            )
    return None


def _ask(judges: list[Judge], check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict:
    for judge in judges:
        verdict = judge.answer(check, scene, image, caption)
        if verdict is not None:
            return verdict
    return Verdict.of(
        check,
        "unverified",
        answered_by="none",
        confidence=0.0,
        detail=f"no judge here can answer this {check.kind} check",
    )


def _note(verdicts: list[Verdict], judges: list[Judge]) -> str:
    """'3 of 4 answered required checks passed; 2 semantic checks unverified: no vision model (...)'."""
    required = [v for v in verdicts if v.required]
    answered = [v for v in required if v.status != "unverified"]
    if not required:
        parts = ["the Scene has no required checks"]
    elif not answered:
        parts = [f"none of the {len(required)} required checks could be answered"]
    else:
        passed = sum(v.status == "passed" for v in answered)
        parts = [f"{passed} of {len(answered)} answered required checks passed"]
    unverified = [v for v in verdicts if v.status == "unverified"]
    if unverified:
        kinds = sorted({v.kind for v in unverified})
        noun = "check" if len(unverified) == 1 else "checks"
        parts.append(f"{len(unverified)} {noun} unverified ({', '.join(kinds)}): {_missing_vision(judges)}")
    problems = [f"{j.name}: {j.problem}" for j in judges if j.problem]
    if problems:
        parts.append("judges that failed: " + "; ".join(problems))
    return "; ".join(parts)


def _missing_vision(judges: list[Judge]) -> str:
    names = [j.name for j in judges]
    if any(n.startswith("vlm:") for n in names):
        return "the vision model gave no answer for them"
    if "caption-text" in names:
        return "no vision model, and the caption did not settle them (set LIMNER_VISION_MODEL for a vision model)"
    return "no vision model and no semantic caption (set LIMNER_VISION_MODEL or use a captioner that names content)"
