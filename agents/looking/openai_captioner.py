"""The `openai` captioner: an OpenAI-compatible vision chat model (OpenAI, vLLM, llama.cpp, Ollama, LM Studio).

The image goes as a data URL in an `image_url` content part, the form every compatible server reads.
Besides captions it answers yes/no questions with a probability (`ask_yes_no`), for the evaluator.

The endpoint is a `limner.openai_endpoint.Endpoint` (`Endpoint.for_vision`): LIMNER_VISION_MODEL (default
gpt-5-mini), LIMNER_VISION_BASE_URL, LIMNER_VISION_API_KEY and LIMNER_VISION_TIMEOUT, falling back to the
LIMNER_LLM_* endpoint, key and timeout, then to OPENAI_BASE_URL / OPENAI_API_KEY. The model does not fall back
to LIMNER_LLM_MODEL: a text model named there may not read images. Requests go through
`limner.openai_endpoint.ChatCompletions`, which asks reasoning models (gpt-5, o-series) in their own form:
they spend part of the budget thinking and give no logprobs.
"""

from __future__ import annotations

import base64
import io
import math
import re
from typing import Any, ClassVar

from limner.agents.looking.captioner import Caption, Detail
from PIL import Image

from limner.errors import BackendFailed
from limner.openai_endpoint import VISION, ChatCompletions, Endpoint
from limner.settings import Settings

MAX_IMAGE_SIDE = 1024  # vision APIs scale larger images down themselves; sending them only costs upload time
JPEG_QUALITY = 90

# Without logprobs the model's word is all there is: a 'yes' reads as this probability of yes (a 'no' as one
# minus it). It is a vote, not a measurement, and sits near enough to 0.5 that the evaluator's confidence
# (the distance from 0.5) stays modest.
TEXT_ONLY_P_YES = 0.75

_PROMPTS: dict[str, str] = {
    "short": "Write a one-sentence caption for this image: say plainly what it shows.",
    "detailed": (
        "Describe this image in detail for someone who cannot see it: the main subjects and how many there are, "
        "their colours, materials and positions, the setting, the style or medium, and the lighting. "
        "Describe only what is visible."
    ),
}
_TOKEN_BUDGET = {"short": 80, "detailed": 400}
# Reasoning tokens count against max_completion_tokens: leave room to think before the answer.
_REASONING_BUDGET = 4000
_YES_NO_PROMPT = "Answer with one word, yes or no. {question}"
_YES_WORDS = frozenset({"yes", "y", "true"})
_NO_WORDS = frozenset({"no", "n", "false"})


class OpenAICaptioner:
    name: ClassVar[str] = "openai"
    semantic: ClassVar[bool] = True

    def __init__(self, endpoint: Endpoint | None = None):
        """`endpoint` default: OpenAI's API, gpt-5-mini; `VISION.endpoint(model=..., base_url=...)` for another."""
        self.endpoint = endpoint or VISION.endpoint()
        self._completions = ChatCompletions(self.endpoint)

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAICaptioner:
        return cls(Endpoint.for_vision(settings))

    def __repr__(self) -> str:  # never the key
        return f"OpenAICaptioner(model={self.model!r}, base_url={self.where!r})"

    @property
    def model(self) -> str:
        return self.endpoint.model

    @property
    def where(self) -> str:
        return self.endpoint.where

    def caption(self, image: Image.Image, *, detail: Detail = "short") -> Caption:
        response = self._create(image, _PROMPTS[detail], budget=_TOKEN_BUDGET[detail], logprobs=False)
        text = " ".join(_reply_text(response, self.endpoint.label()).split())
        return Caption(text=text, captioner=self.name, model=self.model, detail=detail, semantic=True)

    def ask_yes_no(self, image: Image.Image, question: str) -> tuple[bool, float]:
        """The model's answer to a yes/no question about `image`, and its probability of 'yes' (0..1).

        With logprobs (most non-reasoning models), P(yes) is the yes mass over yes + no among the first
        token's top alternatives. Without them, the word alone is read: yes -> TEXT_ONLY_P_YES, no -> 1 - it.
        """
        response = self._create(image, _YES_NO_PROMPT.format(question=question.strip()), budget=1, logprobs=True)
        p_yes = p_yes_from_logprobs(response)
        if p_yes is not None:
            return p_yes >= 0.5, p_yes
        answer = _reply_text(response, self.endpoint.label())
        word = re.sub(r"[^a-z]", "", answer.strip().split()[0].lower()) if answer.strip() else ""
        if word in _YES_WORDS:
            return True, TEXT_ONLY_P_YES
        if word in _NO_WORDS:
            return False, 1 - TEXT_ONLY_P_YES
        raise BackendFailed(
            f"{self.endpoint.label()} answered {answer[:80]!r} to a yes/no question, neither yes nor no"
        )

    # Talking to the endpoint ----------------------------------------------------------------------------

    def _create(self, image: Image.Image, prompt: str, *, budget: int, logprobs: bool) -> Any:
        """One answer about `image`; InvalidRequest without a key for the OpenAI API, BackendFailed on any failure."""
        self._completions.client()  # first: it says what to install, or which key to set
        import openai

        messages = [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": prompt},
                    {"type": "image_url", "image_url": {"url": image_data_url(image)}},
                ],
            }
        ]
        try:
            return self._completions.create(messages, limit=budget, room_to_think=_REASONING_BUDGET, logprobs=logprobs)
        except (openai.OpenAIError, ValueError) as exc:  # ValueError: a body that is not JSON
            # BackendFailed whatever the kind: the critic measures with the palette instead.
            raise BackendFailed(str(self.endpoint.explain(exc))) from None


# Reading answers ---------------------------------------------------------------------------------------------


def p_yes_from_logprobs(response: Any) -> float | None:
    """P(yes) from the first answer token's top logprobs, yes mass over yes + no mass; None when absent."""
    try:
        first = response.choices[0].logprobs.content[0]
    except (AttributeError, IndexError, TypeError):
        return None
    candidates = list(getattr(first, "top_logprobs", None) or [])
    if not candidates and getattr(first, "logprob", None) is not None:
        candidates = [first]
    yes = no = 0.0
    for candidate in candidates:
        word = re.sub(r"[^a-z]", "", str(getattr(candidate, "token", "")).lower())
        probability = math.exp(float(candidate.logprob))
        if word in _YES_WORDS:
            yes += probability
        elif word in _NO_WORDS:
            no += probability
    if yes + no <= 0:
        return None
    if len(candidates) == 1:
        # Only the chosen token is known: what it did not take is counted for the other answer.
        return yes if yes else 1 - no
    return yes / (yes + no)


def _reply_text(response: Any, label: str) -> str:
    try:
        content = response.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        raise BackendFailed(f"{label} answered without a message (no choices); is it a chat completions API?") from None
    if not isinstance(content, str) or not content.strip():
        reason = getattr(response.choices[0], "finish_reason", None)
        hint = (
            "; it ran out of tokens before answering (a reasoning model may need a larger budget)"
            if reason == "length"
            else ""
        )
        raise BackendFailed(f"{label} answered with an empty message{hint}")
    return content.strip()


def image_data_url(image: Image.Image) -> str:
    """The image as a data URL, at most MAX_IMAGE_SIDE on a side: PNG when small, JPEG otherwise."""
    picture = _flattened(image)
    if max(picture.size) > MAX_IMAGE_SIDE:
        picture = picture.copy()
        picture.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if max(picture.size) <= 512:
        picture.save(buffer, format="PNG")  # small enough that lossless costs little
        kind = "png"
    else:
        picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        kind = "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(buffer.getvalue()).decode('ascii')}"


def _flattened(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")
    return image.convert("RGB")
