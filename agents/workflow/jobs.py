"""The job runner: renders one planned image at a time and records it, with its run, whatever happens.

A `Job` is one image to make: its Scene, the generator, how to start (from noise, a stored image or the
Scene's drawn layout) and how it joins the lineage. `JobRunner.run` takes the render lock, starts a run,
renders, stores the image with its provenance and closes the run as succeeded, failed or cancelled. The
Studio and the feedback loop both make images only through it.
"""

from __future__ import annotations

import contextvars
import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from limner.agents.looking.captioner import Caption
from limner.agents.looking.evaluation import Evaluation
from limner.agents.planning.base import Planned
from limner.agents.scene.model import Scene
from limner.agents.workflow.results import EvaluationResult, Generation, Planning, image_uri
from limner.generators import Generator, RenderControl
from limner.generators.masks import covered, paste_outside
from limner.lineage import ImageRecord, Lineage, NewImage, a1111_parameters
from limner.lineage.runs import finish_after_failure
from PIL import Image

from limner.errors import Cancelled

# Enough change for a model to paint over the drawn layout's flat forms, little enough to keep where they are.
LAYOUT_START_STRENGTH = 0.8

FRESH_IMAGES = 4  # stored images kept in memory for their replies' previews (a loop's candidates among them)

Progress = Callable[[float, float, str], None]
"""Called as (steps done, steps in all, what is happening now); done only ever grows."""


# The background job (server/background.py) a thread works for: its runs keep the id in their request record.
JOB_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("limner_job_id", default=None)


def silent(done: float, total: float, message: str) -> None:
    """A Progress that tells no one."""


@dataclasses.dataclass(frozen=True)
class Job:
    """One image to make: what to render, how to start, and how it joins the lineage."""

    kind: str  # the run's kind: generate, refine, retry, variation
    request: dict[str, Any]
    planning: Planned | None  # None: the caller gave the Scene
    generator: str
    scene: Scene
    model: str | None = None
    init_image: str | None = None  # start from this stored image ...
    # 'init': start from the Scene's layout, drawn first; 'attention': words act in their boxes; 'none';
    # None: the generator's default (generators.region_control)
    layout_control: str | None = None
    strength: float | None = None
    parent: str | None = None  # the image it refines, retries or varies
    relation: str = "refine"
    diff: list[dict[str, Any]] | None = None
    mask: Image.Image | None = None  # a masked edit of `parent`: only where the mask is white may change
    quality: str | None = None  # "fast" or "full" decoding (diffusers); None: the generator's default here

    def planning_record(self) -> Planning | None:
        if self.planning is None:
            return None
        return Planning(
            planner=self.planning.planner,
            repairs=list(self.planning.repairs),
            passed_over=list(self.planning.passed_over),
        )


class JobRunner:
    """Runs jobs one at a time against the lineage; safe to share between threads."""

    def __init__(self, lineage: Lineage, generator: Callable[[str], Generator]):
        self.lineage = lineage
        self.generator = generator  # a warm generator by name
        self.lock = threading.Lock()  # one render at a time: they share the device and the loaded weights
        # The last few images stored, in memory: a reply's preview is made from these pixels rather than by
        # reading back and decoding the file just written (see `fresh`).
        self._fresh: OrderedDict[str, Image.Image] = OrderedDict()
        self._fresh_lock = threading.Lock()

    def run(self, job: Job, report: Progress, cancel: threading.Event | None = None) -> ImageRecord:
        """Render and store one job under the render lock, recording the run's outcome whatever happens."""
        backend = self.generator(job.generator)
        if not self.lock.acquire(blocking=False):
            report(0, 3, "queued: waiting for another generation to finish")
            self.lock.acquire()
        try:
            planning = job.planning_record()
            job_id = JOB_ID.get()
            run_id = self.lineage.start_run(
                job.kind,
                job.request if job_id is None else {**job.request, "job": job_id},
                planner=planning.planner if planning else None,
                generator=job.generator,
                planning=planning.model_dump() if planning else None,
            )
            try:
                report(1, 3, f"rendering with {job.generator}")
                start = self._starting_image(run_id, job)
                control = RenderControl(
                    on_step=lambda done, total: report(1 + done / max(total, 1), 3, f"step {done}/{total}"),
                    cancel=cancel,
                )
                # The image, its rows and the run's success commit together (finish=True).
                record = self._render_and_store(run_id, backend, job, control, report, start=start, finish=True)
            except Cancelled as exc:
                finish_after_failure(self.lineage, run_id, "cancelled", str(exc))
                raise
            except BaseException as exc:
                finish_after_failure(self.lineage, run_id, "failed", f"{type(exc).__name__}: {exc}")
                raise
        finally:
            self.lock.release()
        report(3, 3, f"made {record.id}")
        return record

    def record_evaluation(
        self, record: ImageRecord, scene: Scene, caption: Caption, evaluation: Evaluation, *, run_id: str | None
    ) -> EvaluationResult:
        """Keep an image's caption and its evaluation against `scene`."""
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

    def _starting_image(self, run_id: str, job: Job) -> ImageRecord | None:
        """The image an image-to-image render starts from: a stored one, or the Scene's layout drawn now."""
        if job.init_image is not None:
            return self.lineage.image(job.init_image)
        if job.layout_control == "init":
            layout = Job(kind="layout", request={}, planning=None, generator="layout", scene=job.scene)
            return self._render_and_store(run_id, self.generator("layout"), layout, RenderControl(), silent)
        return None

    def _render_and_store(
        self,
        run_id: str,
        backend: Generator,
        job: Job,
        control: RenderControl,
        report: Progress,
        *,
        start: ImageRecord | None = None,
        finish: bool = False,
    ) -> ImageRecord:
        scene = job.scene
        assert scene.seed is not None
        spec = dataclasses.replace(scene.render_spec(seed=scene.seed, model=job.model), quality=job.quality,
                                   layout_control=job.layout_control)
        if start is not None:
            with self.lineage.picture(start) as init:
                inpaint = job.mask if backend.supports_inpainting else None
                strength = job.strength
                if strength is None and job.layout_control == "init":
                    strength = LAYOUT_START_STRENGTH
                spec = dataclasses.replace(spec, init_image=init.convert("RGB"), strength=strength, mask=inpaint)
        rendered = backend.render(spec, control)
        if control.cancelled:
            raise Cancelled("cancelled after rendering; nothing was stored")
        if job.mask is not None and job.parent is not None:
            # Whatever the generator did outside the mask, the parent's own pixels go back there.
            with self.lineage.picture(self.lineage.image(job.parent)) as kept:
                rendered = dataclasses.replace(rendered, image=paste_outside(rendered.image, kept, job.mask))
            rendered.settings["masked"] = round(covered(job.mask), 4)
        report(2.5, 3, "saving")
        settings = {"layout_control": job.layout_control or "none", **rendered.settings,
                    "init_image_id": start.id if start else None}  # fmt: skip
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
            extra={"Denoising strength": settings.get("strength"), "Layout control": settings["layout_control"],
                   "Generator": f"limner {backend.name}"},  # fmt: skip
        )
        record = self.lineage.add_image(
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
                mask=job.mask,
                **_edge(job, start),
            ),
            finish=finish,
        )
        with self._fresh_lock:  # only once stored: what is here has its file and rows
            self._fresh[record.id] = rendered.image
            while len(self._fresh) > FRESH_IMAGES:
                self._fresh.popitem(last=False)
        return record

    def fresh(self, image_id: str) -> Image.Image | None:
        """The pixels of an image this runner stored moments ago (one of the last few), else None."""
        with self._fresh_lock:
            return self._fresh.get(image_id)


def generation(record: ImageRecord, job: Job, **extra: Any) -> Generation:
    """The result of a render: the stored image and the Scene that made it, plus what the caller adds."""
    return Generation(**generation_fields(record, job), **extra)


def generation_fields(record: ImageRecord, job: Job) -> dict[str, Any]:
    """The fields every result of a render shares (a refine's result adds its own)."""
    planning = job.planning_record()
    return {
        "image_id": record.id,
        "run_id": record.run_id,
        "uri": image_uri(record.id),
        "path": str(record.path),
        "width": record.width,
        "height": record.height,
        "seed": job.scene.seed,
        "generator": job.generator,
        "planner": planning.planner if planning else None,
        "planning": planning,
        "summary": job.scene.summary(),
        "scene": job.scene,
        "settings": record.settings,
    }


def _edge(job: Job, start: ImageRecord | None) -> dict[str, Any]:
    """The new image's parent edge: the image it refines, else the image it started from."""
    if job.parent is not None:
        return {"parent_id": job.parent, "relation": job.relation, "diff": job.diff}
    if start is not None:
        return {"parent_id": start.id, "relation": "init"}
    return {}
