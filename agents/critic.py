"""Looking at an image: which captioner describes it and which judges answer its Scene's checks.

The captioner is chosen like the generator: LIMNER_CAPTIONER names one; otherwise `openai` when a
vision model is configured (LIMNER_VISION_MODEL), `transformers` when a caption model is
(LIMNER_CAPTION_MODEL), and else the embedded `palette`, which only measures. The judges are
whatever this machine can run (judges.available_judges): a vision model's yes/no answers when one
is configured, measured colour and position always, caption text with MiniLM when installed, and
CLIP when LIMNER_CLIP_MODEL names one. Captioners and judges are kept warm across calls.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from limner.agents.captioning import Caption, Captioner, Detail, create_captioner
from limner.agents.evaluation import DEFAULT_THRESHOLD, Evaluation, evaluate
from limner.agents.judges import Judge, available_judges
from limner.agents.scene import Scene
from PIL import Image

from limner.errors import BackendFailed, ModelNotAvailable

log = logging.getLogger(__name__)


def default_captioner_name() -> str:
    named = os.environ.get("LIMNER_CAPTIONER")
    if named:
        return named
    if os.environ.get("LIMNER_VISION_MODEL"):
        return "openai"
    if os.environ.get("LIMNER_CAPTION_MODEL"):
        return "transformers"
    return "palette"


class Critic:
    """Captions images and evaluates them against Scenes; safe to share between threads."""

    def __init__(self, home: Path):
        self.home = home
        self._captioners: dict[str, Captioner] = {}
        self._judges: list[Judge] | None = None
        self._lock = threading.Lock()

    def captioner(self, name: str | None = None) -> Captioner:
        chosen = name or default_captioner_name()
        with self._lock:
            if chosen not in self._captioners:
                self._captioners[chosen] = create_captioner(chosen, home=self.home)
            return self._captioners[chosen]

    def judges(self) -> list[Judge]:
        with self._lock:
            if self._judges is None:
                vision = None
                if os.environ.get("LIMNER_VISION_MODEL"):
                    from limner.agents.openai_captioner import OpenAICaptioner

                    vision = OpenAICaptioner()
                self._judges = available_judges(vision=vision, clip_model=os.environ.get("LIMNER_CLIP_MODEL") or None)
            return self._judges

    def caption(self, image: Image.Image, *, captioner: str | None = None, detail: Detail = "short") -> Caption:
        return self.captioner(captioner).caption(image, detail=detail)

    def look(
        self,
        scene: Scene,
        image: Image.Image,
        *,
        captioner: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> tuple[Caption, Evaluation]:
        """Caption the image, then answer the Scene's checks with the caption and the judges.

        A captioner that fails (an endpoint down, a model missing) does not stop the evaluation: the
        palette captioner measures instead, and the evaluation's note says why.
        """
        fallback = ""
        try:
            caption = self.caption(image, captioner=captioner)
        except (BackendFailed, ModelNotAvailable) as exc:
            if (captioner or default_captioner_name()) == "palette":
                raise
            log.warning("captioner failed, measuring with palette instead: %s", exc)
            caption = self.caption(image, captioner="palette")
            fallback = f" The captioner failed ({exc}); the palette captioner measured instead."
        evaluation = evaluate(scene, image, caption=caption, judges=self.judges(), threshold=threshold)
        if fallback:
            evaluation = evaluation.model_copy(update={"note": evaluation.note + fallback})
        return caption, evaluation
