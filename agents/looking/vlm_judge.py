"""The `vlm:<model>` judge: a vision model asked each check's question, answering yes or no.

The strongest evidence a check can get: passed when the model's p(yes) is at least 0.5, with the
distance from 0.5 as the confidence. A model that fails on an image (a remote API down, say) is not
asked again about that image, and the evaluation's note says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from limner.agents.looking.evaluation import Verdict
from PIL import Image

if TYPE_CHECKING:
    from limner.agents.looking.captioner import Caption
    from limner.agents.scene.checks import Check
    from limner.agents.scene.model import Scene


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

    def prompt_score(self, image: Image.Image, prompt: str) -> float | None:
        return None  # this judge answers checks one by one; it has no whole-prompt score

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

