"""What a judge is: the protocol every judge of a Scene's checks follows, built in or from a plugin.

A judge answers the kinds of check its evidence covers and returns None for the rest, and the
evaluator (evaluation.py) asks the next judge. The built-in judges each have a module of their own:
measured colour and light (measure_judge.py), a vision model's yes or no (vlm_judge.py), the
caption's words (caption_judge.py) and CLIP zero-shot (clip_judge.py); they are registered as plugins
in plugin.py, strongest first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PIL import Image

if TYPE_CHECKING:
    from limner.agents.looking.captioner import Caption
    from limner.agents.looking.evaluation import Verdict
    from limner.agents.scene.checks import Check
    from limner.agents.scene.model import Scene


@runtime_checkable
class Judge(Protocol):
    """Answers some kinds of check, and says what went wrong when it could not."""

    name: str
    problem: str | None  # why it failed on the current image, shown in the evaluation's note; None when fine

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        """A verdict, or None when this judge has no evidence either way."""
        ...

    def prompt_score(self, image: Image.Image, prompt: str) -> float | None:
        """CLIPScore of the image against the whole prompt, for a judge that can measure it; else None."""
        ...
