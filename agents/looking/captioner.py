"""The captioner interface: an image in, words about it out.

Captioners are plugins, chosen by name like generators: `palette` (measured colours and light, no model),
`transformers` (a local image-to-text model), `openai` (an OpenAI-compatible vision chat model), or a
third party's.
A caption says whether it is `semantic`: the palette captioner reports measurements, not content, so
an evaluator must not read "a red circle" into it.
"""

from __future__ import annotations

from typing import ClassVar, Literal, Protocol, runtime_checkable

from PIL import Image
from pydantic import BaseModel, Field

Detail = Literal["short", "detailed"]


class Caption(BaseModel):
    text: str
    captioner: str = Field(description="The captioner's name: 'palette', 'transformers', 'openai'.")
    model: str | None = Field(default=None, description="The model that wrote it; None for the palette captioner.")
    detail: Detail = "short"
    semantic: bool = Field(description="True when the text is about content; False when it only reports measurements.")
    measurements: dict | None = Field(default=None, description="The numbers behind a palette caption.")


@runtime_checkable
class Captioner(Protocol):
    """Describes an image in words. Captioners never render and never touch lineage."""

    name: ClassVar[str]
    semantic: ClassVar[bool]

    def caption(self, image: Image.Image, *, detail: Detail = "short") -> Caption: ...
