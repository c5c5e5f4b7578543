"""What each piece of work asks for: one typed request per tool, shared by the MCP tools, the CLI and `Studio`.

Every limit and default lives here once. The MCP server publishes these fields as the tools' arguments,
the CLI turns them into options, and `Studio` validates its keyword arguments with them, so the three
cannot drift. An argument that does not exist is an error naming the closest one that does.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal, TypeVar

from limner.agents.looking.evaluation import DEFAULT_THRESHOLD
from limner.agents.planning.model_planner import SCENE_DRAFT_SCHEMA
from limner.agents.scene.model import MAX_SEED, Scene, Side
from limner.agents.scene.text import clean_json
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from limner.errors import InvalidRequest, unknown
from limner.plugins import Kind

MAX_ROUNDS = 8
MAX_CANDIDATES = 8
MAX_LOOP_IMAGES = 16  # images one feedback loop may make in all
MAX_HISTORY = 500

# Request fields that name a backend, and its kind: the tools and the CLI list what the registry holds for them.
BACKEND_FIELDS: dict[str, Kind] = {"generator": "generator", "captioner": "captioner", "planner": "planner"}

PLANNER_HELP = (
    "Who writes the Scene: 'sampling' (the calling assistant's own model, through MCP sampling), 'llm' (the "
    "configured OpenAI-compatible endpoint), 'rules' (offline), a plugin's planner, or an order to try such as "
    "'llm,rules'. Default: the configured order, skipping what is not available."
)


def _decoded_image(value: object) -> object:
    """Image bytes as given in Python, or decoded from base64 text (a data: URL works too) as JSON carries them."""
    if not isinstance(value, str):
        return value
    text = value.partition(",")[2] if value.startswith("data:") else value
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("image must be base64-encoded bytes of a PNG, JPEG or WebP (a data: URL works too)") from None


ImageBytes = Annotated[
    bytes,
    BeforeValidator(_decoded_image),
    WithJsonSchema({"type": "string", "contentEncoding": "base64", "contentMediaType": "image/*"}),
]


def _scene_fields(value: object) -> object:
    """A Scene or a sketch of one as JSON-like data, cleaned of bytes that cannot be stored."""
    if isinstance(value, Scene):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return clean_json(value)
    raise ValueError(f"scene must be a JSON object (a Scene or a sketch of one), not {type(value).__name__}")


def _sketch_schema() -> dict[str, Any]:
    """The draft schema the llm planner answers in, every field optional, plus a complete Scene's own fields."""
    properties = dict(SCENE_DRAFT_SCHEMA["properties"])
    properties.update(
        intent={"type": "string", "description": "The user's words; only for a complete Scene sent alone."},
        width={"type": "integer"},
        height={"type": "integer"},
        seed={"type": "integer"},
        steps={"type": "integer"},
        guidance={"type": "number"},
        sampler={"type": "string"},
        version={"type": "integer"},
    )
    return {"type": "object", "properties": properties}


SceneSketch = Annotated[dict[str, Any], BeforeValidator(_scene_fields), WithJsonSchema(_sketch_schema())]
"""What an assistant understood of the picture, any field left out; or a complete Scene."""

SCENE_HELP = (
    "A sketch of what you understood of the picture, which gives better images and checks than words alone: "
    "objects (name, count or null for 'some', attributes: color, material, size, state, action; text written on it; "
    "place), relations by object index (subject, predicate such as 'on', 'left of', 'riding', 'wearing', 'with', "
    "object), style, lighting, time_of_day, palette, viewpoint, exclude. Leave out what you do not know; the "
    "server lays it out, writes the generator prompt and repairs what it must. Send it with `description`, "
    "which stays the user's words. A complete Scene (with intent and prompt) sent without `description` is "
    "rendered exactly as written."
)


class Request(BaseModel):
    """A request's fields are its whole contract: unknown names are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @classmethod
    def parse(cls: type[R], fields: dict[str, Any]) -> R:
        """Validate caller-given fields; every problem becomes one InvalidRequest that says what to change."""
        extra = [name for name in fields if name not in cls.model_fields]
        if extra:
            raise InvalidRequest(
                unknown("argument", extra[0], list(cls.model_fields), known_as="valid arguments", cutoff=0.6)
            )
        try:
            # Whatever bytes the text arrived as (lone surrogates, control characters), it becomes storable text.
            return cls.model_validate({name: clean_json(value) for name, value in fields.items()})
        except ValidationError as exc:
            raise InvalidRequest(explain(exc)) from None


R = TypeVar("R", bound=Request)


class GenerateRequest(Request):
    """Make an image from a description (or a complete Scene) and record it with its lineage."""

    description: str | None = Field(None, description="What to draw, in the user's plain words.")
    scene: SceneSketch | None = Field(None, description=SCENE_HELP)
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="Same seed and Scene, same image.")
    width: Side | None = Field(None, description="Pixels, a multiple of 8 from 64 to 2048 (default 512).")
    height: Side | None = Field(None, description="Pixels, a multiple of 8 from 64 to 2048 (default 512).")
    generator: str | None = Field(None, description="Renderer; default the best available (see `limner doctor`).")
    model: str | None = Field(
        None, description="For diffusers: a registered model name, a folder, or a Hub id already pulled."
    )
    init_image: str | None = Field(None, description="Start from this image id (image-to-image) instead of noise.")
    strength: float | None = Field(
        None, gt=0, le=1, description="With a start image: how much of it to change, above 0 and at most 1."
    )
    layout_guided: bool = Field(
        False, description="Draw the planned layout first and start from it, so objects land where planned."
    )
    planner: str | None = Field(None, description=PLANNER_HELP)
    rounds: int = Field(
        1,
        ge=1,
        le=MAX_ROUNDS,
        description="Above 1: look at each image, revise the Scene from the checks it failed and render again, "
        "up to this many rounds; the best image is returned.",
    )
    candidates: int = Field(
        1, ge=1, le=MAX_CANDIDATES, description="Render this many seeds of each Scene and keep the best."
    )
    captioner: str | None = Field(
        None, description="With rounds or candidates: who describes each image; default the best configured."
    )
    threshold: float = Field(
        DEFAULT_THRESHOLD, ge=0, le=1, description="Share of the checks an image must pass to count as a match."
    )

    @model_validator(mode="after")
    def _one_source(self) -> GenerateRequest:
        if self.description is None and self.scene is None:
            raise ValueError("pass a description (and, if you can, a scene sketch), or a complete scene")
        if self.init_image is not None and self.layout_guided:
            raise ValueError("start from an init_image or from the layout (layout_guided), not both")
        return self


class RefineRequest(Request):
    """Change an image by an instruction: its Scene is revised and a child image rendered and recorded."""

    image_id: str = Field(description="The image to change (an id from generate, refine or history).")
    instruction: str = Field(description="What to change, in plain words: 'make the sky stormier', 'add a red boat'.")
    scene: SceneSketch | None = Field(
        None,
        description="The revised Scene as you understand it (the parent's, changed as the instruction asks); "
        "left out, a planner revises it from the instruction.",
    )
    generator: str | None = Field(None, description="Renderer; default the one that drew the parent.")
    model: str | None = Field(None, description="For diffusers; default the parent's model.")
    strength: float | None = Field(
        None, gt=0, le=1, description="For object edits: how much of the parent to repaint (0.6 if omitted)."
    )
    planner: str | None = Field(None, description=PLANNER_HELP)


class CaptionRequest(Request):
    """Describe an image in words; the caption is kept with a stored image."""

    image_id: str | None = Field(None, description="The image to describe (an id from generate or history).")
    image: ImageBytes | None = Field(
        None, description="Or an image that is not stored: PNG, JPEG or WebP bytes, base64-encoded."
    )
    captioner: str | None = Field(
        None, description="palette (measures colours and light only), transformers, openai or a plugin's; "
        "default the best configured."
    )  # fmt: skip
    detail: Literal["short", "detailed"] = Field("short", description="One line, or a fuller description.")

    @model_validator(mode="after")
    def _one_image(self) -> CaptionRequest:
        if (self.image_id is None) == (self.image is None):
            raise ValueError("pass either an image_id or an image, not both and not neither")
        return self


class EvaluateRequest(Request):
    """Check an image against its Scene: each check's answer, who answered it and how sure, and a score."""

    image_id: str = Field(description="The image to check.")
    description: str | None = Field(None, description="Check against this description instead of the image's Scene.")
    captioner: str | None = Field(None, description="Who describes the image first; default the best configured.")
    planner: str | None = Field(None, description="With a description: who turns it into a Scene. " + PLANNER_HELP)
    threshold: float = Field(
        DEFAULT_THRESHOLD, ge=0, le=1, description="Share of the checks an image must pass to count as a match."
    )


class ShowRequest(Request):
    """One stored image: its preview, file, Scene, parent and children."""

    image_id: str = Field(description="An image id from generate or history (a 4+ character prefix works).")


class HistoryRequest(Request):
    """Recent images, newest first, with their Scenes."""

    limit: int = Field(20, ge=1, le=MAX_HISTORY, description="How many images.")
    offset: int = Field(0, ge=0, le=2**62, description="How many of the newest to skip.")


def explain(exc: ValidationError) -> str:
    """'width: Input should be a multiple of 8 (got 100); ...': each problem with where it is."""
    parts = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(p) for p in error["loc"])
        given = error.get("input")
        shown = f" (got {given!r})" if isinstance(given, (int, float, str)) and len(repr(given)) < 60 else ""
        message = error["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}{shown}" if where else f"{message}{shown}")
    return "; ".join(parts)
