"""What each piece of work asks for: one typed request per tool, shared by the MCP tools, the CLI and `Studio`.

Every limit and default lives here once. The MCP server publishes these fields as the tools' arguments,
the CLI turns them into options, and `Studio` validates its keyword arguments with them, so the three
cannot drift. An argument that does not exist is an error naming the closest one that does.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime, time, timezone
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
MAX_WAIT = 600.0  # seconds an MCP call may wait for its image before answering with a job handle
WAIT_HELP = (
    "Seconds to wait for the image (MCP calls; default 50, at most 600). Not done by then, the call answers "
    "with a job id and the progress so far, and the work goes on: call `job` with the id to wait for the image."
)

# Request fields that name a backend, and its kind: the tools and the CLI list what the registry holds for them.
BACKEND_FIELDS: dict[str, Kind] = {"generator": "generator", "captioner": "captioner", "planner": "planner"}

PLANNER_HELP = (
    "Who writes the Scene: 'sampling' (the calling assistant's own model, through MCP sampling), 'llm' (the "
    "configured OpenAI-compatible endpoint), 'rules' (offline), a plugin's planner, or an order to try such as "
    "'llm,rules'. Default: the configured order, skipping what is not available."
)

LayoutControl = Literal["none", "init", "attention"]
LAYOUT_CONTROL_HELP = (
    "How objects are kept in their planned boxes: 'attention' (each object's words act inside its box, in the "
    "model's cross-attention; SD 1.x/2.x and SDXL models), 'init' (draw the layout first and paint over it at "
    "strength 0.8), or 'none'. Default: 'attention' when two or more objects have boxes and the model can, "
    "else 'none'."
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
    "objects (name, count, or null with quantity 'a few'/'several'/'many', attributes: color, material, size, "
    "state, action; text written on it; "
    "place), relations by object index (subject, predicate such as 'on', 'left of', 'riding', 'wearing', 'with', "
    "object), style, lighting, time_of_day, palette, viewpoint, exclude. Leave out what you do not know; the "
    "server lays it out, writes the generator prompt and repairs what it must. Send it with `description`, "
    "which stays the user's words. A complete Scene (with intent and prompt) sent without `description` is "
    "rendered exactly as written."
)

QUALITY_HELP = (
    "For diffusers: 'fast' decodes with the model family's tiny decoder (TAESD, TAESDXL, TAEF1; much faster, "
    "slightly softer), 'full' with the model's own VAE. Default: fast on CPU when the tiny decoder is on this "
    "machine ('limner models pull' fetches it with the model), full on GPUs."
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
    layout_control: LayoutControl | None = Field(None, description=LAYOUT_CONTROL_HELP)
    quality: Literal["fast", "full"] | None = Field(None, description=QUALITY_HELP)
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
    wait: float | None = Field(None, ge=0, le=MAX_WAIT, description=WAIT_HELP)

    @model_validator(mode="after")
    def _one_source(self) -> GenerateRequest:
        if self.description is None and self.scene is None:
            raise ValueError("pass a description (and, if you can, a scene sketch), or a complete scene")
        if self.init_image is not None and self.layout_control == "init":
            raise ValueError("start from an init_image or from the drawn layout (layout_control='init'), not both")
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
    region: Annotated[list[float], Field(min_length=4, max_length=4)] | None = Field(
        None,
        description="[x, y, w, h] of the part to repaint, as fractions of the picture (or pixels); nothing outside "
        "it changes. Left out, an edit of some objects repaints only where they are.",
    )
    mask_image: ImageBytes | None = Field(
        None, description="A PNG, JPEG or WebP mask: white (or transparent) where to repaint, black where to keep."
    )
    quality: Literal["fast", "full"] | None = Field(None, description=QUALITY_HELP)
    layout_control: LayoutControl | None = Field(None, description=LAYOUT_CONTROL_HELP)
    planner: str | None = Field(None, description=PLANNER_HELP)
    wait: float | None = Field(None, ge=0, le=MAX_WAIT, description=WAIT_HELP)

    @model_validator(mode="after")
    def _one_start(self) -> RefineRequest:
        if self.layout_control == "init" and (self.region is not None or self.mask_image is not None):
            raise ValueError("a masked edit repaints the parent, layout_control='init' starts from the drawn layout: "
                             "not both")  # fmt: skip
        return self


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


class LineageRequest(Request):
    """An image's family: its ancestors up to the root and its descendants, each edge with how it was made."""

    image_id: str = Field(description="An image id from generate or history (a 4+ character prefix works).")


class ImportRequest(Request):
    """Bring in a picture made elsewhere (PNG, JPEG or WebP) as a root image, so it can be captioned, evaluated
    and refined like any other. A1111 `parameters` and Limner's own provenance in the file are kept."""

    image: ImageBytes = Field(
        description="The picture: PNG, JPEG or WebP bytes, base64-encoded; at most 20 MB and 40 megapixels."
    )
    description: str | None = Field(
        None, description="What it shows, in the user's words: its Scene is planned from them (offline, rules)."
    )
    scene_from_caption: bool = Field(
        False, description="Caption it and plan its Scene from the caption (a description, when given, wins)."
    )
    captioner: str | None = Field(
        None, description="With scene_from_caption: who describes it; default the best configured. palette only "
        "measures colours, so no Scene is planned from its caption."
    )  # fmt: skip

    @model_validator(mode="after")
    def _captioner_needs_caption(self) -> ImportRequest:
        if self.captioner is not None and not self.scene_from_caption:
            raise ValueError("captioner only applies with scene_from_caption: pass both, or leave captioner out")
        return self


class JobRequest(Request):
    """Wait for a job that `generate` or `refine` handed back: its image once done, else its progress so far."""

    job_id: str = Field(description="The job id a 'still working' answer gave.")
    wait: float = Field(50.0, ge=0, le=MAX_WAIT, description="Seconds to wait for it to finish (0: just look).")


class CancelRequest(Request):
    """Stop a job at its next step; its run is recorded as cancelled and no image is stored."""

    job_id: str = Field(description="The job id a 'still working' answer gave.")


MAX_SEARCH = 100
SEARCH_RELATIONS = Literal["refine", "retry", "variation", "init", "import"]


def _utc_iso(value: object, *, end_of_day: bool) -> object:
    """An ISO date or time as stored (`2024-05-01T00:00:00.000000+00:00`); a date alone means its whole day."""
    if value is None or not isinstance(value, str):
        return value
    try:
        if len(value.strip()) == 10:  # a date: from its first moment, or up to its last
            when = datetime.combine(date.fromisoformat(value.strip()), time.max if end_of_day else time.min)
        else:
            when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError("give an ISO date or time, such as 2024-05-01 or 2024-05-01T14:30") from None
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    return when.isoformat(timespec="microseconds")


class SearchRequest(Request):
    """Find stored images by what was asked for, what is in them and what was said about them, by words and
    by meaning, within filters."""

    query: str | None = Field(
        None, max_length=1000, description="Plain words: 'the red boat', 'a kitten at night'. Optional with filters."
    )
    generator: str | None = Field(None, description="Only images drawn by this generator.")
    model: str | None = Field(None, description="Only images drawn with this model.")
    since: Annotated[str | None, BeforeValidator(lambda v: _utc_iso(v, end_of_day=False))] = Field(
        None, description="Only images made at or after this ISO date or time (UTC unless it says)."
    )
    until: Annotated[str | None, BeforeValidator(lambda v: _utc_iso(v, end_of_day=True))] = Field(
        None, description="Only images made at or before this ISO date (the whole day) or time."
    )
    min_score: float | None = Field(None, ge=0, le=1, description="Only images whose best evaluation scored this.")
    has_parent: bool | None = Field(None, description="Only images made from another (true) or from nothing (false).")
    relation: SEARCH_RELATIONS | None = Field(None, description="Only images made from their parent this way.")
    limit: int = Field(20, ge=1, le=MAX_SEARCH, description="How many images.")
    offset: int = Field(0, ge=0, le=10_000, description="How many of the best to skip.")

    @model_validator(mode="after")
    def _something_to_search(self) -> SearchRequest:
        filters = ("generator", "model", "since", "until", "min_score", "has_parent", "relation")
        if self.query is None and all(getattr(self, name) is None for name in filters):
            raise ValueError("pass words to search for (query), a filter, or both")
        return self


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
