"""Looking at an image: which captioner describes it and which judges answer its Scene's checks.

Both come from the plugin registry. The captioner is the one named (per call, or LIMNER_CAPTIONER), else
the best one set up here; the judges are every judge set up here, strongest first. Captioners and
judges are kept warm across calls.
"""

from __future__ import annotations

import logging
import threading

from limner.agents.looking.captioner import Caption, Captioner, Detail
from limner.agents.looking.evaluation import DEFAULT_THRESHOLD, Evaluation, evaluate
from limner.agents.looking.judging import Judge
from limner.agents.scene.model import Scene
from PIL import Image

from limner.errors import BackendFailed, ModelNotAvailable
from limner.plugins import Registry
from limner.settings import Settings

log = logging.getLogger(__name__)


class Critic:
    """Captions images and evaluates them against Scenes; safe to share between threads."""

    def __init__(self, settings: Settings, registry: Registry):
        self.settings = settings
        self.registry = registry
        self._captioners: dict[str, Captioner] = {}
        self._judges: list[Judge] | None = None
        self._lock = threading.Lock()

    def default_captioner(self) -> str:
        return self.registry.default("captioner", self.settings).name

    def captioner(self, name: str | None = None) -> Captioner:
        chosen = name or self.default_captioner()
        with self._lock:
            if chosen not in self._captioners:
                self._captioners[chosen] = self.registry.create("captioner", chosen, self.settings)  # type: ignore[assignment]
            return self._captioners[chosen]

    def judges(self) -> list[Judge]:
        """Every judge set up on this machine, strongest first."""
        with self._lock:
            if self._judges is None:
                usable = self.registry.usable("judge", self.settings)
                self._judges = [self.registry.create("judge", b.name, self.settings) for b in usable]  # type: ignore[misc]
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
            if (captioner or self.default_captioner()) == "palette":
                raise
            log.warning("captioner failed, measuring with palette instead: %s", exc)
            caption = self.caption(image, captioner="palette")
            fallback = f" The captioner failed ({exc}); the palette captioner measured instead."
        evaluation = evaluate(scene, image, caption=caption, judges=self.judges(), threshold=threshold)
        if fallback:
            evaluation = evaluation.model_copy(update={"note": evaluation.note + fallback})
        return caption, evaluation
