"""The built-in captioners and judges, registered through the same hooks as any third-party plugin.

Captioners: `openai` when a vision model is configured, `transformers` when a caption model is, else the
embedded `palette`, which only measures. Judges, strongest first: a vision model's yes/no answers, measured
colour and position, caption text (with MiniLM when installed), and CLIP when a CLIP model is configured.
"""

from __future__ import annotations

from limner.agents.looking.caption_judge import CaptionJudge, minilm_available
from limner.agents.looking.clip_judge import ClipJudge, ClipScorer
from limner.agents.looking.measure_judge import MeasureJudge
from limner.agents.looking.openai_captioner import OpenAICaptioner
from limner.agents.looking.palette import PaletteCaptioner
from limner.agents.looking.transformers_captioner import TransformersCaptioner
from limner.agents.looking.vlm_judge import VlmJudge

from limner.hookspecs import Availability, hookimpl
from limner.settings import Settings


@hookimpl
def register_captioners(register):
    register(
        "openai",
        OpenAICaptioner.from_settings,
        description="An OpenAI-compatible vision chat model (LIMNER_VISION_MODEL).",
        available=_vision_configured,
        priority=30,
    )
    register(
        "transformers",
        TransformersCaptioner.from_settings,
        description="A local transformers image-to-text model: BLIP, GIT, Florence-2 (LIMNER_CAPTION_MODEL).",
        available=lambda s: Availability(bool(s.caption_model), "LIMNER_CAPTION_MODEL is not set"),
        priority=20,
    )
    register(
        "palette",
        lambda settings: PaletteCaptioner(),
        description="Embedded; measures colour and light only and says so.",
        priority=10,
    )


@hookimpl
def register_judges(register):
    register(
        "vlm",
        lambda settings: VlmJudge(OpenAICaptioner.from_settings(settings)),
        description="A vision model's yes/no answer to each check (LIMNER_VISION_MODEL).",
        available=_vision_configured,
        priority=40,
    )
    register("measure", lambda settings: MeasureJudge(), description="Colour and position measured in the pixels.",
             priority=30)  # fmt: skip
    register(
        "caption-text",
        lambda settings: CaptionJudge(),
        description="The caption's words, with MiniLM sentence similarity.",
        available=lambda s: Availability(minilm_available(), "MiniLM is not installed: pip install 'limner[evaluate]'"),
        priority=20,
    )
    register(
        "clip",
        lambda settings: ClipJudge(ClipScorer.from_settings(settings)),
        description="CLIPScore from a local CLIP model (LIMNER_CLIP_MODEL).",
        available=lambda s: Availability(bool(s.clip_model), "LIMNER_CLIP_MODEL is not set"),
        priority=10,
    )


def _vision_configured(settings: Settings) -> Availability:
    return Availability(bool(settings.vision_model), "LIMNER_VISION_MODEL is not set")
