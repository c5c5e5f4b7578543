"""What each piece of work returns: typed results shared by the MCP tools (as structured content), the CLI
(`--json`) and Python callers."""

from __future__ import annotations

from typing import Literal

from limner.agents.looking.captioner import Caption
from limner.agents.looking.evaluation import Evaluation
from limner.agents.scene.model import Scene
from pydantic import BaseModel, Field
from typing_extensions import TypedDict


def mask_uri(image_id: str) -> str:
    return f"limner://masks/{image_id}"


def image_uri(image_id: str) -> str:
    return f"limner://images/{image_id}"


class Planning(BaseModel):
    """Who wrote the Scene, what was repaired in a model's answer, and why planners before it were passed over."""

    planner: str
    repairs: list[str] = Field(default_factory=list)
    passed_over: list[str] = Field(default_factory=list)


class AttemptSummary(BaseModel):
    """One image the feedback loop made: its round, score and the checks it failed."""

    round: int
    image_id: str
    seed: int | None
    score: float | None
    failed: list[str] = Field(default_factory=list)
    unverified: int = 0


class Generation(BaseModel):
    """What `generate` made: the image's id and file, and the Scene that made it."""

    image_id: str
    run_id: str
    uri: str = Field(description="The full image as an MCP resource.")
    path: str
    width: int
    height: int
    seed: int
    generator: str
    planner: str | None = Field(description="Who wrote the Scene; None when the caller passed a complete Scene.")
    planning: Planning | None = Field(default=None, description="How the Scene was planned.")
    summary: str
    scene: Scene
    settings: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="What the generator needs to reproduce it."
    )
    init_image_id: str | None = Field(default=None, description="The image it started from, if image-to-image.")
    evaluation: Evaluation | None = Field(
        default=None, description="With rounds or candidates: the returned image's evaluation against its Scene."
    )
    attempts: list[AttemptSummary] = Field(
        default_factory=list, description="With rounds or candidates: every image made, its round and score."
    )
    stopped: str | None = Field(default=None, description="With rounds: why the feedback loop stopped.")


class Refinement(Generation):
    """A refine's child image, with what changed from its parent."""

    parent_id: str
    instruction: str
    mode: Literal["masked edit", "image-to-image", "fresh render"] = Field(
        description="Object edits repaint only where the objects are (a mask); whole-picture edits render afresh "
        "from the parent's seed."
    )
    masked: float | None = Field(
        default=None, description="For a masked edit: the share of the picture the mask let change (0 to 1)."
    )
    diff: list[dict[str, object]] = Field(description="The Scene changes, as data.")
    changes: str = Field(description="The Scene changes, one per line: '+ object boat (1, red)'.")


class CaptionResult(BaseModel):
    """An image described in words."""

    image_id: str | None = Field(description="None for an image passed in, which is not stored.")
    uri: str | None
    path: str | None
    caption_id: str | None
    caption: Caption


class EvaluationResult(BaseModel):
    """A stored image checked against a Scene: its own, or one planned from a description."""

    image_id: str
    uri: str
    path: str
    evaluation_id: str
    scene_id: str
    summary: str = Field(description="The Scene that was checked, in one line.")
    caption: Caption
    evaluation: Evaluation


class ChildImage(TypedDict):
    """A child of an image, and how it came from it: refine, retry, variation, init."""

    image_id: str
    relation: str


class ImageDetails(BaseModel):
    """One stored image with its Scene and its place in the lineage."""

    image_id: str
    run_id: str
    uri: str
    path: str
    width: int
    height: int
    seed: int | None
    generator: str
    created_at: str
    summary: str
    parent_id: str | None
    relation: str | None
    changes: str | None = Field(default=None, description="For a refine: what changed from the parent's Scene.")
    mask_uri: str | None = Field(default=None, description="For a masked edit: the mask (white: where it could change).")
    mask_path: str | None = None
    children: list[ChildImage]
    scene: Scene


class HistoryResult(BaseModel):
    images: list[ImageDetails] = Field(description="Newest first.")


class LineageNode(BaseModel):
    image_id: str
    uri: str
    summary: str
    generator: str
    created_at: str
    width: int
    height: int


class LineageEdge(BaseModel):
    parent_id: str
    child_id: str
    relation: str = Field(description="refine, retry, variation, init or import.")
    created_at: str
    changes: str | None = Field(default=None, description="For a refine: what changed from the parent's Scene.")


class LineageResult(BaseModel):
    """An image's ancestors up to the root and its descendants below it."""

    image_id: str
    roots: list[str] = Field(description="The ancestors with no parent (usually one).")
    nodes: list[LineageNode]
    edges: list[LineageEdge]
    tree: str = Field(description="The same as an indented text tree.")
    cut: bool = Field(default=False, description="True when the tree was too large and was cut.")


class SearchHit(BaseModel):
    """A stored image that matched a search, and what matched."""

    image_id: str
    uri: str
    path: str
    summary: str
    score: float | None = Field(description="The image's best evaluation score; None if never evaluated.")
    relevance: float = Field(description="How well it matched, words and meaning fused: higher is better.")
    created_at: str
    generator: str
    model: str | None = None
    matched_by: list[Literal["words", "meaning", "filters"]] = Field(
        description="What found it: its words, its meaning, or only the filters (no query given)."
    )


class SearchResult(BaseModel):
    """Images found, best first."""

    hits: list[SearchHit]
    words: list[str] = Field(description="The words searched for, stop words dropped.")
    semantic: bool = Field(description="Whether the search was by meaning as well as by words.")
    semantic_reason: str | None = Field(default=None, description="Why not, when semantic is false.")


class ImportResult(BaseModel):
    """A picture brought in from elsewhere, stored as a root image (relation 'import', generator 'import')."""

    image_id: str
    run_id: str
    uri: str = Field(description="The full image as an MCP resource.")
    path: str
    width: int
    height: int
    original_format: str = Field(description="What came in: PNG, JPEG or WEBP (stored as PNG either way).")
    original_sha256: str = Field(description="sha256 of the bytes as they came in.")
    summary: str
    scene: Scene
    scene_from: Literal["description", "caption", "limner", "parameters", "default"] = Field(
        description="Where its Scene came from: the description given, its caption, the Limner Scene in the file, "
        "the prompt of the A1111 parameters in the file, or nothing ('an imported image')."
    )
    planner: str | None = Field(default=None, description="Who planned the Scene, when one was planned.")
    provenance: list[Literal["parameters", "limner"]] = Field(
        default_factory=list, description="The provenance found in the file and kept with the image."
    )
    caption: Caption | None = Field(default=None, description="With scene_from_caption: the caption, kept with it.")
    caption_id: str | None = None
    note: str | None = Field(default=None, description="What did not go as asked, and why (never an error).")


class ExportedImage(BaseModel):
    image_id: str
    png: str = Field(description="The stored PNG, provenance chunks included.")
    sidecar: str = Field(description="The JSON beside it: Scene, lineage edges, captions and evaluations.")


class ExportResult(BaseModel):
    """Images written to a folder, each as `<id>.png` and `<id>.json`."""

    folder: str
    images: list[ExportedImage]
