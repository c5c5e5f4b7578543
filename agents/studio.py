"""The Python workflow API. The CLI and the MCP tools are thin layers over a `Studio`.

from limner.agents import Studio

with Studio() as studio:
    result = studio.generate("two red apples on a wooden table, watercolor", seed=7)
    print(result.image_id, result.path, result.summary)
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, NamedTuple

from limner.agents.captioning import Caption, Detail
from limner.agents.chat import ChatModel
from limner.agents.config import Config
from limner.agents.critic import Critic
from limner.agents.evaluation import DEFAULT_THRESHOLD, Evaluation
from limner.agents.planner import (
    Planned,
    Planner,
    available_planners,
    plan_in_order,
    planner_order,
    revise_in_order,
)
from limner.agents.scene import MAX_DESCRIPTION, MAX_SEED, Scene, Side
from limner.agents.scene_diff import format_diff, scene_diff
from limner.agents.text import clean_json, clean_text
from limner.generators import Generator, RenderControl, registry
from limner.lineage import ImageRecord, Lineage, NewImage, a1111_parameters
from PIL import Image
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from limner.errors import Cancelled, InvalidRequest


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
    planning: dict[str, Any] | None = Field(
        default=None,
        description="The planner, what it repaired in a model's answer, and why planners before it were passed over.",
    )
    summary: str
    scene: Scene
    settings: dict[str, Any] = Field(default_factory=dict, description="What the generator needs to reproduce it.")
    init_image_id: str | None = Field(default=None, description="The image it started from, if image-to-image.")
    evaluation: dict[str, Any] | None = Field(
        default=None, description="With rounds or candidates: the returned image's evaluation against its Scene."
    )
    attempts: list[dict[str, Any]] = Field(
        default_factory=list, description="With rounds or candidates: every image made, its round and score."
    )
    stopped: str | None = Field(default=None, description="With rounds: why the feedback loop stopped.")


class CaptionResult(BaseModel):
    """A stored image described in words."""

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


class Refinement(Generation):
    """A refine's child image, with what changed from its parent."""

    parent_id: str
    instruction: str
    mode: Literal["image-to-image", "fresh render"] = Field(
        description="Object edits start from the parent image; whole-picture edits render afresh from its seed."
    )
    diff: list[dict[str, Any]] = Field(description="The Scene changes, as data.")
    changes: str = Field(description="The Scene changes, one per line: '+ object boat (1, red)'.")


class DefaultChoice(NamedTuple):
    name: str
    reason: str


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
    children: list[dict[str, str]]
    scene: Scene


logger = logging.getLogger(__name__)

# A refine that edits objects repaints the parent this much: enough for the edit, little enough to keep
# the rest of the picture.
REFINE_STRENGTH = 0.6
# Scene fields that change the whole picture: a refine touching them renders afresh from the seed.
_GLOBAL_FIELDS = frozenset({"style", "lighting", "time_of_day", "palette", "viewpoint", "width", "height"})

# Enough change for a model to paint over the flat forms, little enough to keep where they are.
LAYOUT_GUIDED_STRENGTH = 0.8

Progress = Callable[[float, float, str], None]
"""Called as (steps done, steps in all, what is happening now); done only ever grows."""


def image_uri(image_id: str) -> str:
    return f"limner://images/{image_id}"


class Studio:
    """Plans, renders and records images. Safe to share between threads: one generation runs at a time."""

    def __init__(self, home: Path | str | None = None, *, config: Config | None = None):
        self.config = config or Config.from_env(home)
        self.lineage = Lineage(self.config.home)
        self._generators: dict[str, Generator] = {}  # kept warm across calls
        self.critic = Critic(self.config.home)
        self._lock = threading.Lock()

    def __enter__(self) -> Studio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.lineage.close()

    # Work -------------------------------------------------------------------------------------

    def generate(
        self,
        description: str | None = None,
        *,
        scene: Scene | dict[str, Any] | None = None,
        seed: int | None = None,
        width: int | None = None,
        height: int | None = None,
        generator: str | None = None,
        model: str | None = None,
        planner: str | None = None,
        assistant: ChatModel | None = None,
        init_image: str | None = None,
        strength: float | None = None,
        layout_guided: bool = False,
        rounds: int = 1,
        candidates: int = 1,
        captioner: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Generation:
        """Plan a Scene from `description` (or take the complete `scene` given), render it, record it.

        `init_image` (an image id) makes it image-to-image, changing the picture by `strength`
        (0 keeps it, 1 ignores it); `layout_guided` first draws the Scene's layout and starts from
        that, so a diffusion model follows the planned composition. Either start is kept in
        lineage as the new image's `init` parent.

        `planner` names one planner, or an order to try ('llm,rules'); by default the configured
        order (LIMNER_PLANNER, else sampling, llm, rules) runs, skipping what is not available.
        `assistant` is the calling client's own model (MCP sampling), for the `sampling` planner.

        `rounds` > 1 runs the feedback loop: each image is captioned and evaluated against its Scene,
        the Scene is revised from the checks that failed and rendered again, until every check that
        could be verified passes, the best score stops improving, a Scene repeats, or a cap is hit;
        every attempt is kept as a `retry`, and the best image is returned. `candidates` > 1 renders
        that many seeds of each Scene and keeps the best, the others recorded as its `variation`s.

        `progress` hears each stage and denoising step; setting `cancel` stops the render at its next
        step, records the run as cancelled and raises `Cancelled`.
        """
        report = progress or (lambda done, total, message: None)
        _check_loop(rounds=rounds, candidates=candidates, threshold=threshold)
        if (description is None) == (scene is None):
            raise InvalidRequest("pass either a description or a complete scene, not both and not neither")
        _check_sizes(width=width, height=height)
        _check_start(init_image=init_image, strength=strength, layout_guided=layout_guided)
        generator_name = generator or self.default_generator().name
        self._generator(generator_name)  # an unknown name fails here, before any planning
        if init_image is not None and generator_name == "layout":
            raise InvalidRequest(
                "the layout generator draws the Scene itself; starting from an image needs diffusers or openai"
            )
        planning: Planned | None = None
        if scene is None:
            text = checked_description(description or "")
            planners = self._planners(planner, assistant)
            report(0, 3, f"planning with {planners[0].name}")
            planning = plan_in_order(
                planners,
                text,
                width=width or 512,
                height=height or 512,
                prompt_tokens=self.prompt_budget(generator_name, model),
            )
            planned = planning.scene
        else:
            planned = parse_scene(scene)
        planned = _with_overrides(planned, width=width, height=height, seed=seed)
        if planned.seed is None:
            planned = planned.model_copy(update={"seed": secrets.randbelow(MAX_SEED + 1)})
        request = {
            "description": planned.intent if planning else None,
            "scene": scene is not None,
            "seed": seed,
            "width": width,
            "height": height,
            "model": model,
            "init_image": init_image,
            "strength": strength,
            "layout_guided": layout_guided,
        }
        job = _Job(
            kind="generate",
            request=request,
            planning=planning,
            generator=generator_name,
            scene=planned,
            model=model,
            init_image=init_image,
            draw_layout=layout_guided and generator_name != "layout",
            strength=strength if strength is not None or not layout_guided else LAYOUT_GUIDED_STRENGTH,
        )
        if rounds == 1 and candidates == 1:
            record = self._execute(job, report, cancel)
            return Generation(**_made(record, job), init_image_id=record.parent_id)
        from limner.agents.loop import FeedbackLoop

        loop = FeedbackLoop(self, rounds=rounds, candidates=candidates, captioner=captioner, threshold=threshold)
        return loop.run(job, report, cancel)

    def refine(
        self,
        image_id: str,
        instruction: str,
        *,
        generator: str | None = None,
        model: str | None = None,
        planner: str | None = None,
        assistant: ChatModel | None = None,
        strength: float | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Refinement:
        """Revise an image's Scene by an instruction ("make the sky stormier") and render the child.

        Edits to objects (add, remove, recolour, move) start from the parent image, so the rest of
        the picture stays; edits to the whole picture (style, light, time of day, viewpoint) render
        afresh from the parent's seed. The child joins the lineage as the parent's `refine`, with
        the Scene diff on the edge.
        """
        report = progress or _silent
        text = checked_instruction(instruction)
        _check_start(init_image=None, strength=strength, layout_guided=False)
        parent = self.lineage.image(image_id)
        parent_scene = Scene.model_validate(self.lineage.scene(parent.scene_id))
        generator_name = generator or parent.generator
        if model is None and generator_name == parent.generator:
            model = parent.settings.get("model")  # keep drawing with what drew the parent
        budget = self.prompt_budget(generator_name, model)
        planners = self._planners(planner, assistant)
        report(0, 3, f"revising the Scene with {planners[0].name}")
        planning = revise_in_order(planners, parent_scene, text, prompt_tokens=budget)
        child_scene = planning.scene
        diff = scene_diff(parent_scene, child_scene)
        local = generator_name != "layout" and not any(change["path"] in _GLOBAL_FIELDS for change in diff)
        job = _Job(
            kind="refine",
            request={"image_id": parent.id, "instruction": text, "generator": generator, "model": model},
            planning=planning,
            generator=generator_name,
            scene=child_scene,
            model=model,
            init_image=parent.id if local else None,
            strength=(strength or REFINE_STRENGTH) if local else None,
            parent=parent.id,
            diff=diff,
        )
        record = self._execute(job, report, cancel)
        return Refinement(
            **_made(record, job),
            init_image_id=parent.id if local else None,
            parent_id=parent.id,
            instruction=text,
            mode="image-to-image" if local else "fresh render",
            diff=diff,
            changes=format_diff(diff),
        )

    def _execute(self, job: _Job, report: Progress, cancel: threading.Event | None) -> ImageRecord:
        """Run one job under the render lock, recording the run's outcome whatever happens."""
        backend = self._generator(job.generator)
        if not self._lock.acquire(blocking=False):
            report(0, 3, "queued: waiting for another generation to finish")
            self._lock.acquire()
        try:
            run_id = self.lineage.start_run(
                job.kind,
                job.request,
                planner=job.planning.planner if job.planning else None,
                generator=job.generator,
                planning=job.planning.record() if job.planning else None,
            )
            try:
                report(1, 3, f"rendering with {job.generator}")
                start = self._starting_image(run_id, job.scene, job.init_image, job.draw_layout)
                control = RenderControl(
                    on_step=lambda done, total: report(1 + done / max(total, 1), 3, f"step {done}/{total}"),
                    cancel=cancel,
                )
                record = self._render_and_store(run_id, backend, job, control, report, start=start)
            except Cancelled as exc:
                self.lineage.finish_run(run_id, "cancelled", error=str(exc))
                raise
            except BaseException as exc:
                self.lineage.finish_run(run_id, "failed", error=f"{type(exc).__name__}: {exc}")
                raise
            self.lineage.finish_run(run_id, "succeeded")
        finally:
            self._lock.release()
        report(3, 3, f"made {record.id}")
        return record

    def _starting_image(
        self, run_id: str, scene: Scene, init_image: str | None, draw_layout: bool
    ) -> ImageRecord | None:
        """The image an image-to-image render starts from: a stored one, or the Scene's layout drawn now."""
        if init_image is not None:
            return self.lineage.image(init_image)
        if draw_layout:
            layout = _Job(kind="layout", request={}, planning=None, generator="layout", scene=scene)
            return self._render_and_store(run_id, self._generator("layout"), layout, RenderControl(), _silent)
        return None

    def _render_and_store(
        self,
        run_id: str,
        backend: Generator,
        job: _Job,
        control: RenderControl,
        report: Progress,
        *,
        start: ImageRecord | None = None,
    ) -> ImageRecord:
        scene = job.scene
        assert scene.seed is not None
        spec = scene.render_spec(seed=scene.seed, model=job.model)
        if start is not None:
            with Image.open(start.path) as init:
                spec = dataclasses.replace(spec, init_image=init.convert("RGB"), strength=job.strength)
        rendered = backend.render(spec, control)
        if control.cancelled:
            raise Cancelled("cancelled after rendering; nothing was stored")
        report(2.5, 3, "saving")
        settings = {**rendered.settings, "init_image_id": start.id if start else None}
        parameters = a1111_parameters(
            prompt=scene.prompt,
            negative_prompt=scene.negative_prompt,
            steps=settings.get("steps", scene.steps),  # type: ignore[arg-type]
            sampler=settings.get("sampler"),  # type: ignore[arg-type]
            guidance=settings.get("guidance", scene.guidance),  # type: ignore[arg-type]
            seed=scene.seed,
            width=rendered.image.width,
            height=rendered.image.height,
            model=str(settings.get("model") or backend.name),
            extra={"Denoising strength": settings.get("strength"), "Generator": f"limner {backend.name}"},
        )
        return self.lineage.add_image(
            run_id,
            NewImage(
                image=rendered.image,
                scene=scene.model_dump(mode="json"),
                scene_id=scene.fingerprint(),
                scene_summary=scene.summary(),
                parameters=parameters,
                generator=rendered.generator,
                seed=scene.seed,
                settings=settings,
                **_edge(job, start),
            ),
        )

    def caption(
        self,
        image_id: str | None = None,
        *,
        image: bytes | None = None,
        captioner: str | None = None,
        detail: Detail = "short",
    ) -> CaptionResult:
        """Describe a stored image in words and keep the caption with it; or describe `image`, the bytes
        of a PNG/JPEG/WebP that is not stored (nothing is kept then)."""
        if detail not in ("short", "detailed"):
            raise InvalidRequest(f"detail must be 'short' or 'detailed', not {detail!r}")
        if (image_id is None) == (image is None):
            raise InvalidRequest("pass either an image_id or an image, not both and not neither")
        if image is not None:
            with open_image_bytes(image) as picture:
                caption = self.critic.caption(picture.convert("RGB"), captioner=captioner, detail=detail)
            return CaptionResult(image_id=None, uri=None, path=None, caption_id=None, caption=caption)
        assert image_id is not None
        record = self.lineage.image(image_id)
        with Image.open(record.path) as image:
            caption = self.critic.caption(image.convert("RGB"), captioner=captioner, detail=detail)
        caption_id = self.lineage.add_caption(record.id, caption.model_dump(mode="json"))
        return CaptionResult(
            image_id=record.id, uri=image_uri(record.id), path=str(record.path), caption_id=caption_id, caption=caption
        )

    def evaluate(
        self,
        image_id: str,
        description: str | None = None,
        *,
        captioner: str | None = None,
        planner: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> EvaluationResult:
        """Check a stored image against its own Scene, or against a Scene planned from `description`."""
        _check_loop(rounds=1, candidates=1, threshold=threshold)
        record = self.lineage.image(image_id)
        if description is None:
            scene = Scene.model_validate(self.lineage.scene(record.scene_id))
        else:
            text = checked_description(description)
            planners = self._planners(planner, None)
            scene = plan_in_order(planners, text, width=record.width, height=record.height).scene
            self.lineage.store_scene(scene.model_dump(mode="json"), scene.fingerprint(), scene.summary())
        with Image.open(record.path) as image:
            caption, evaluation = self.critic.look(scene, image.convert("RGB"), captioner=captioner, threshold=threshold)
        return self._keep_evaluation(record, scene, caption, evaluation, run_id=None)

    def _keep_evaluation(
        self, record: ImageRecord, scene: Scene, caption: Caption, evaluation: Evaluation, *, run_id: str | None
    ) -> EvaluationResult:
        caption_id = self.lineage.add_caption(record.id, caption.model_dump(mode="json"), run_id=run_id)
        evaluation_id = self.lineage.add_evaluation(
            record.id, scene.fingerprint(), evaluation.model_dump(mode="json"), caption_id=caption_id, run_id=run_id
        )
        return EvaluationResult(
            image_id=record.id,
            uri=image_uri(record.id),
            path=str(record.path),
            evaluation_id=evaluation_id,
            scene_id=scene.fingerprint(),
            summary=scene.summary(),
            caption=caption,
            evaluation=evaluation,
        )

    def preload(self, model: str | None = None, *, generator: str = "diffusers") -> threading.Thread:
        """Start loading `model` in the background, so the first generate finds it warm.

        Generations wait for the load (they would need it anyway); a load that fails is only logged,
        and the first generate then reports the same problem to its caller.
        """
        backend = self._generator(generator)

        def load() -> None:
            with self._lock:
                try:
                    backend.preload(model)  # type: ignore[attr-defined]
                except Exception as exc:  # reported again, to the caller, by the first generate
                    logger.warning("preloading %s failed: %s", model or "the default model", exc)

        thread = threading.Thread(target=load, name="limner-preload", daemon=True)
        thread.start()
        return thread

    def default_generator(self) -> DefaultChoice:
        """The configured generator, else diffusers when a model is on this machine, else layout."""
        if self.config.generator:
            return DefaultChoice(self.config.generator, "set by LIMNER_GENERATOR")
        models = registry.model_catalog(self.config.home).list()
        if models and _diffusers_installed():
            return DefaultChoice("diffusers", f"diffusers model {models[0].name} is on this machine")
        if models:
            return DefaultChoice(
                "layout", "models are on this machine but diffusers is not installed: pip install 'limner[diffusers]'"
            )
        return DefaultChoice("layout", "no diffusers model on this machine ('limner models pull stabilityai/sd-turbo')")

    # Reading ----------------------------------------------------------------------------------

    def show(self, image_id: str) -> ImageDetails:
        record = self.lineage.image(image_id)
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
            summary=self.lineage.scene_summary(record.scene_id),
            parent_id=record.parent_id,
            relation=record.relation,
            changes=format_diff(record.diff) if record.diff else None,
            children=[{"image_id": c, "relation": r} for c, r in self.lineage.children(record.id)],
            scene=Scene.model_validate(self.lineage.scene(record.scene_id)),
        )

    def history(self, *, limit: int = 20, offset: int = 0) -> list[ImageDetails]:
        if not 1 <= limit <= 500:
            raise InvalidRequest(f"limit must be between 1 and 500, not {limit}")
        return [self.show(r.id) for r in self.lineage.history(limit=limit, offset=max(0, offset))]

    def image_bytes(self, image_id: str) -> tuple[ImageRecord, bytes]:
        record = self.lineage.image(image_id)
        return record, record.path.read_bytes()

    def prompt_budget(self, generator: str | None, model: str | None) -> int:
        """How many prompt tokens the generator's text encoder reads (75 for CLIP models)."""
        return self._generator(generator or self.default_generator().name).prompt_tokens(model)

    def _planners(self, planner: str | None, assistant: ChatModel | None) -> list[Planner]:
        """The planners to try: the one (or the order) asked for, else the configured order."""
        explicit = planner is not None and planner.strip() != ""
        order = planner_order(planner if explicit else self.config.planner)
        return available_planners(order, assistant=assistant, explicit=explicit)

    def _generator(self, name: str) -> Generator:
        if name not in self._generators:
            self._generators[name] = registry.create(name, home=self.config.home)
        return self._generators[name]


def _diffusers_installed() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "diffusers"))


def parse_scene(scene: Scene | dict[str, Any]) -> Scene:
    """Validate a caller's Scene, turning pydantic's errors into one message that says what to fix."""
    if isinstance(scene, Scene):
        return scene
    if not isinstance(scene, dict):
        raise InvalidRequest(f"scene must be a JSON object following the Scene schema, not {type(scene).__name__}")
    try:
        return Scene.model_validate(clean_json(scene))
    except ValidationError as exc:
        raise InvalidRequest("invalid scene: " + explain(exc)) from None


def explain(exc: ValidationError) -> str:
    """'width: Input should be a multiple of 8; objects.0.count: ...' — each problem with where it is."""
    parts = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(p) for p in error["loc"])
        given = error.get("input")
        shown = f" (got {given!r})" if isinstance(given, (int, float, str)) and len(repr(given)) < 60 else ""
        parts.append(f"{where}: {error['msg']}{shown}" if where else f"{error['msg']}{shown}")
    return "; ".join(parts)


def checked_instruction(instruction: str) -> str:
    return _checked_words(instruction, "instruction", "say what to change, e.g. 'make the sky stormier'")


def checked_description(description: str) -> str:
    return _checked_words(description, "description", "say what to draw, e.g. 'a lighthouse at dusk, watercolor'")


def _checked_words(text: str, what: str, example: str) -> str:
    """The caller's words cleaned of control characters; empty or overlong words are the caller's error."""
    cleaned = clean_text(text or "")
    if not cleaned:
        raise InvalidRequest(f"the {what} is empty: {example}")
    if len(cleaned) > MAX_DESCRIPTION:
        raise InvalidRequest(f"the {what} is {len(cleaned)} characters; shorten it to at most {MAX_DESCRIPTION}")
    return cleaned


_SIDE = TypeAdapter(Side)


@dataclasses.dataclass(frozen=True)
class _Job:
    """One image to make: what to render, how to start, and how it joins the lineage."""

    kind: str  # the run's kind: generate, refine
    request: dict[str, Any]
    planning: Planned | None  # None: the caller gave the Scene
    generator: str
    scene: Scene
    model: str | None = None
    init_image: str | None = None  # start from this stored image ...
    draw_layout: bool = False  # ... or from the Scene's layout, drawn first
    strength: float | None = None
    parent: str | None = None  # the image it refines, retries or varies
    relation: str = "refine"
    diff: list[dict[str, Any]] | None = None


def _made(record: ImageRecord, job: _Job) -> dict[str, Any]:
    """The fields every result of a render shares: the stored image and the Scene that made it."""
    return {
        "image_id": record.id,
        "run_id": record.run_id,
        "uri": image_uri(record.id),
        "path": str(record.path),
        "width": record.width,
        "height": record.height,
        "seed": job.scene.seed,
        "generator": job.generator,
        "planner": job.planning.planner if job.planning else None,
        "planning": job.planning.record() if job.planning else None,
        "summary": job.scene.summary(),
        "scene": job.scene,
        "settings": record.settings,
    }


def _edge(job: _Job, start: ImageRecord | None) -> dict[str, Any]:
    """The new image's parent edge: the image it refines, else the image it started from."""
    if job.parent is not None:
        return {"parent_id": job.parent, "relation": job.relation, "diff": job.diff}
    if start is not None:
        return {"parent_id": start.id, "relation": "init"}
    return {}


MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_INPUT_PIXELS = 40_000_000


def open_image_bytes(data: bytes) -> Image.Image:
    """An image a caller sent, checked: at most 20 MB and 40 MP, and really an image."""
    import io

    from PIL import UnidentifiedImageError

    if len(data) > MAX_INPUT_BYTES:
        raise InvalidRequest(f"the image is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,} (20 MB)")
    try:
        picture = Image.open(io.BytesIO(data))
        if picture.width * picture.height > MAX_INPUT_PIXELS:
            raise InvalidRequest(f"the image is {picture.width}x{picture.height}; the limit is 40 megapixels")
        picture.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InvalidRequest(f"that is not an image Limner can read (PNG, JPEG, WebP): {exc}") from None
    return picture


MAX_ROUNDS = 8
MAX_CANDIDATES = 8
MAX_LOOP_IMAGES = 16


def _check_loop(*, rounds: int, candidates: int, threshold: float) -> None:
    if not isinstance(rounds, int) or not 1 <= rounds <= MAX_ROUNDS:
        raise InvalidRequest(f"rounds must be a whole number from 1 to {MAX_ROUNDS}, not {rounds!r}")
    if not isinstance(candidates, int) or not 1 <= candidates <= MAX_CANDIDATES:
        raise InvalidRequest(f"candidates must be a whole number from 1 to {MAX_CANDIDATES}, not {candidates!r}")
    if not 0 <= threshold <= 1:
        raise InvalidRequest(f"threshold must be between 0 and 1 (the share of checks to pass), not {threshold}")


def _check_start(*, init_image: str | None, strength: float | None, layout_guided: bool) -> None:
    if init_image is not None and layout_guided:
        raise InvalidRequest("start from an init_image or from the layout (layout_guided), not both")
    if strength is not None and not 0 < strength <= 1:
        raise InvalidRequest(
            f"strength must be above 0 and at most 1 (how much of the start to change), not {strength}"
        )


def _silent(done: float, total: float, message: str) -> None:
    pass


def _check_sizes(**sides: int | None) -> None:
    for name, value in sides.items():
        if value is None:
            continue
        try:
            _SIDE.validate_python(value)
        except ValidationError as exc:
            raise InvalidRequest(f"{name}: {explain(exc)}") from None


def _with_overrides(scene: Scene, **overrides: int | None) -> Scene:
    updates = {k: v for k, v in overrides.items() if v is not None}
    if not updates:
        return scene
    try:
        return Scene.model_validate({**scene.model_dump(), **updates})
    except ValidationError as exc:
        raise InvalidRequest(explain(exc)) from None
