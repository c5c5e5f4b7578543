"""CLIP on this machine: the CLIPScore scorer and the `clip` judge.

`ClipScorer` gives CLIPScore (Hessel et al. 2021) of an image against its prompt, from any CLIP model
saved locally or already in the Hub cache (nothing is downloaded). `ClipJudge` uses the same model
zero-shot for entity and exclusion checks only: CLIP binds attributes, counts and relations poorly and
is not calibrated, so it is the weakest judge and is asked last.
"""

from __future__ import annotations

import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from limner.agents.looking.evaluation import Verdict
from limner.agents.scene.english import with_article
from PIL import Image

from limner.errors import BackendUnavailable, ModelNotAvailable
from limner.ml.devices import choose_placement
from limner.ml.hub import cached_snapshot, is_repo_id
from limner.settings import Settings

if TYPE_CHECKING:
    from limner.agents.looking.captioner import Caption
    from limner.agents.scene.checks import Check
    from limner.agents.scene.model import Scene


class ClipScorer:
    """CLIPScore (Hessel et al. 2021): 2.5 * max(cos(image, text), 0), from any CLIP on this machine.

    `model` is a folder written by `save_pretrained` or a Hub id already in the Hub cache at `hub_cache`
    (None: Hub ids are not looked up). The model loads on first use and stays warm;
    nothing is downloaded.
    """

    WEIGHT = 2.5

    def __init__(self, model: str | Path, *, device: str | None = None, hub_cache: Path | None = None):
        self.model_ref = str(model)
        self.device = device
        self.hub_cache = hub_cache
        self._lock = threading.Lock()
        self._loaded = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ClipScorer:
        if not settings.clip_model:
            raise BackendUnavailable("the clip judge needs a CLIP model: set LIMNER_CLIP_MODEL to a folder or cached Hub id")
        return cls(settings.clip_model, device=settings.device, hub_cache=settings.hub_cache)

    def _load(self):
        with self._lock:
            if self._loaded is None:
                from transformers import CLIPModel, CLIPProcessor  # heavy: only when a CLIP model is used

                source = self._source()
                if source is None:
                    raise self._not_here()
                try:
                    model = CLIPModel.from_pretrained(source, local_files_only=True)
                    processor = CLIPProcessor.from_pretrained(source, local_files_only=True)
                except OSError:
                    raise self._not_here() from None
                # float32 whatever the device: CLIPScore is compared across images, so keep it exact.
                device = choose_placement(self.device).device
                self._loaded = (model.to(device).eval(), processor, device)
            return self._loaded

    def _source(self) -> Path | None:
        """The folder to load: the one named, or the Hub id's snapshot in the Hub cache; None when neither."""
        folder = Path(self.model_ref).expanduser()
        if folder.is_dir():
            return folder
        if is_repo_id(self.model_ref) and self.hub_cache is not None:
            return cached_snapshot(self.model_ref, self.hub_cache, containing="config.json")
        return None

    def _not_here(self) -> ModelNotAvailable:
        return ModelNotAvailable(
            f"CLIP model {self.model_ref!r} is not on this machine: give a folder written by "
            "save_pretrained, or a Hub id already in the local Hub cache (nothing is downloaded)"
        )

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

    def prompt_score(self, image: Image.Image, prompt: str) -> float | None:
        return self.scorer.clip_score(image, prompt)

    def answer(self, check: Check, scene: Scene, image: Image.Image, caption: Caption | None) -> Verdict | None:
        if check.kind == "entity":
            thing = scene.objects[check.subject].name
        elif check.kind == "exclusion":
            thing = str(check.value)
        else:
            return None
        with_thing, plain = self.scorer.cosines(image, [f"a photo of {with_article(thing)}", "a photo"])
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

