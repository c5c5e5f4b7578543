"""The captioner interface: an image in, words about it out.

Captioners are chosen by name, like generators: `palette` (measured colours and light, no model),
`transformers` (a local image-to-text model) and `openai` (an OpenAI-compatible vision chat model).
A caption says whether it is `semantic`: the palette captioner reports measurements, not content, so
an evaluator must not read "a red circle" into it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Literal, Protocol, runtime_checkable

from PIL import Image
from pydantic import BaseModel, Field

from limner.errors import InvalidRequest, UnknownBackend

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


Factory = Callable[[Path, str | None], Captioner]
"""Builds a captioner, given the data folder and the model asked for (None: the captioner's default)."""


def _palette(home: Path, model: str | None) -> Captioner:
    from limner.agents.palette_captioner import PaletteCaptioner

    if model:
        raise InvalidRequest("the palette captioner uses no model; leave the model out, or choose 'transformers'")
    return PaletteCaptioner()


def _transformers(home: Path, model: str | None) -> Captioner:
    from limner.agents.transformers_captioner import TransformersCaptioner

    return TransformersCaptioner(model=model)


def _openai(home: Path, model: str | None) -> Captioner:
    from limner.agents.openai_captioner import OpenAICaptioner

    return OpenAICaptioner(model=model)


# Factories import their module on first use: listing captioners never imports torch or openai.
_FACTORIES: dict[str, Factory] = {"palette": _palette, "transformers": _transformers, "openai": _openai}


def captioner_names() -> list[str]:
    return list(_FACTORIES)


def create_captioner(name: str, *, home: Path, model: str | None = None) -> Captioner:
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise UnknownBackend(f"unknown captioner {name!r}; available: {', '.join(captioner_names())}") from None
    return factory(Path(home), model)
