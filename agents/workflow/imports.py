"""Bringing pictures in and taking them out: the work behind `Studio.import_image` and `Studio.export`.

An imported picture is stored as a root image: no parent edge, a run of kind 'import', generator 'import'
(shown, and found by search, with relation 'import'). Its pixels are kept at full size (up to the 40 MP
input limit) and re-encoded as PNG with Limner's provenance; an A1111 `parameters` text found in the file
stays in the PNG as it was, and the image's settings say what came in (format, size, sha256 of its bytes).

Its Scene, by the first rule that applies:
1. `description` given: planned from the user's words by the rules planner (offline); they are its intent.
2. `scene_from_caption` and the caption is about content: planned from the caption the same way. The
   palette captioner only measures colours, so its caption is kept with the image but plans nothing, and
   the result's note says so.
3. the file carries a Limner Scene (an image exported from Limner): that Scene.
4. the file carries A1111 parameters: planned from their prompt by the rules planner (emphasis, weights and
   extra networks dropped: those words are its intent), keeping the prompt and negative prompt as written,
   so the image has objects to check like any other.
5. otherwise a minimal Scene: intent 'imported image', prompt 'an imported image'.
Whatever the rule, the Scene's size is the picture's, fitted to what a Scene may be (multiples of 8, 64 to
2048 a side, 4.2 MP), and it has a seed (the file's, else one drawn now), so a refine of it can be repeated.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from limner.agents.looking.captioner import Caption
from limner.agents.planning.order import plan_in_order
from limner.agents.scene.model import MAX_DESCRIPTION, MAX_PIXELS, MAX_SEED, MAX_SIDE, MIN_SIDE, Scene
from limner.agents.scene.text import clean_text
from limner.agents.workflow.inputs import WORKING_SIDE, checked_description, open_image_bytes
from limner.agents.workflow.requests import ImportRequest
from limner.agents.workflow.results import (
    ExportedImage,
    ExportResult,
    ImportResult,
    Planning,
    image_uri,
)
from limner.lineage import ImageRecord, NewImage
from limner.lineage.exporting import chosen, export_folder, export_image
from limner.lineage.importing import IMPORTED, Carried, a1111_words, carried, original, read_a1111, storable
from limner.lineage.runs import finish_after_failure
from PIL import Image
from pydantic import ValidationError

from limner.errors import BackendFailed, ModelNotAvailable, StoreBusy

if TYPE_CHECKING:
    from limner.agents.planning.base import Planned
    from limner.agents.workflow.studio import Studio

DEFAULT_INTENT = "imported image"
DEFAULT_PROMPT = "an imported image"


def import_picture(studio: Studio, request: ImportRequest) -> ImportResult:
    """Store the picture in `request` as a root image with its Scene and provenance (the rules above)."""
    description = checked_description(request.description) if request.description is not None else None
    with open_image_bytes(request.image, working_side=None) as picture:
        came_in = original(request.image, picture)
        found = carried(picture)
        pixels = storable(picture)
        caption, note = _caption(studio, pixels, request) if request.scene_from_caption else (None, None)
        scene, scene_from, planning, why = _scene(studio, pixels.size, description, caption, found)
        note = " ".join(n for n in (note, why) if n) or None
        run_id = studio.lineage.start_run(
            IMPORTED,
            {"description": description, "scene_from_caption": request.scene_from_caption,
             "captioner": request.captioner, "original": came_in},
            planner=planning.planner if planning else None,
            generator=IMPORTED,
            planning=_planning(planning),
        )  # fmt: skip
        try:
            record = studio.lineage.add_image(
                run_id, _new_image(pixels, scene, found, came_in, scene_from), finish=True
            )
        except BaseException as exc:
            finish_after_failure(studio.lineage, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
    caption_id = None
    if caption is not None:
        try:
            caption_id = studio.lineage.add_caption(record.id, caption.model_dump(mode="json"), run_id=run_id)
        except StoreBusy as exc:  # the image is stored: say so, and that its caption is not
            note = " ".join(n for n in (note, f"The image is stored but its caption is not: {exc}") if n)
    return ImportResult(
        image_id=record.id,
        run_id=run_id,
        uri=image_uri(record.id),
        path=str(record.path),
        width=record.width,
        height=record.height,
        original_format=came_in["format"],
        original_sha256=came_in["sha256"],
        summary=scene.summary(),
        scene=scene,
        scene_from=scene_from,
        planner=planning.planner if planning else None,
        provenance=found.kinds(),
        caption=caption,
        caption_id=caption_id,
        note=note,
    )


def export_images(studio: Studio, ids: Iterable[str] | None, folder: Path) -> ExportResult:
    """Write each image named (every image with None) as `<id>.png` and `<id>.json` into `folder`."""
    named = None if ids is None else [ids] if isinstance(ids, str) else list(ids)
    records = chosen(studio.lineage, named)  # every one found before any is written
    target = export_folder(folder)
    written = []
    for record in records:
        png, sidecar = export_image(studio.lineage, record, target)
        written.append(ExportedImage(image_id=record.id, png=str(png), sidecar=str(sidecar)))
    return ExportResult(folder=str(target), images=written)


def redraw_with(studio: Studio, parent: ImageRecord, generator: str | None) -> str:
    """The generator a refine of `parent` draws with: the one asked for, else the parent's own; an imported
    picture was drawn by none, so the default one."""
    if generator:
        return generator
    return studio.default_generator().name if parent.generator == IMPORTED else parent.generator


def root_relation(record: ImageRecord) -> str | None:
    """How an image came to be: its first parent's edge, or 'import' for an imported root."""
    return record.relation or (IMPORTED if record.generator == IMPORTED and record.parent_id is None else None)


def scene_size(width: int, height: int) -> tuple[int, int]:
    """The picture's size as a Scene may have it: the same shape, multiples of 8, 64 to 2048 a side, 4.2 MP."""
    scale = min(1.0, MAX_SIDE / max(width, height), math.sqrt(MAX_PIXELS / (width * height)))

    def side(value: int) -> int:
        return min(MAX_SIDE, max(MIN_SIDE, int(value * scale) // 8 * 8))

    return side(width), side(height)


def _caption(studio: Studio, pixels: Image.Image, request: ImportRequest) -> tuple[Caption | None, str | None]:
    """The picture's caption, looked at WORKING_SIDE pixels a side at most; a captioner that fails is a note."""
    working = pixels.convert("RGB")
    if max(working.size) > WORKING_SIDE:
        working.thumbnail((WORKING_SIDE, WORKING_SIDE))
    try:
        return studio.critic.caption(working, captioner=request.captioner), None
    except (BackendFailed, ModelNotAvailable) as exc:
        return None, f"Captioning failed ({exc}), so no Scene was planned from a caption."


def _scene(
    studio: Studio,
    size: tuple[int, int],
    description: str | None,
    caption: Caption | None,
    found: Carried,
) -> tuple[Scene, str, Planned | None, str | None]:
    """The Scene by the module's rules: (Scene, where it came from, its planning, a note)."""
    width, height = scene_size(*size)
    note = None
    words, scene_from = description, "description"
    if words is None and caption is not None:
        if caption.semantic and clean_text(caption.text):
            words, scene_from = clean_text(caption.text)[:MAX_DESCRIPTION], "caption"
        else:
            note = (f"The {caption.captioner} captioner only measures colours and light, so no Scene was planned "
                    "from its caption (it is kept with the image); give a description, or use a captioner that "
                    "says what is shown (transformers, openai).")  # fmt: skip
    planning = None
    if words is not None:
        planning = plan_in_order(studio.planners("rules", None), words, width=width, height=height)
        scene, seed = planning.scene, None
    else:
        scene, scene_from, seed, why = _carried_scene(found, width, height)
        note = " ".join(n for n in (note, why) if n) or None
        words = a1111_words(scene.prompt) if scene_from == "parameters" else ""
        if words:
            planning = plan_in_order(studio.planners("rules", None), words, width=width, height=height)
            as_written = {"prompt": scene.prompt, "negative_prompt": scene.negative_prompt}
            scene = Scene.model_validate({**planning.scene.model_dump(), **as_written})
    if seed is None and scene.seed is None:
        seed = secrets.randbelow(MAX_SEED + 1)
    updates: dict[str, Any] = {"width": width, "height": height}
    if seed is not None:
        updates["seed"] = seed
    return Scene.model_validate({**scene.model_dump(), **updates}), scene_from, planning, note


def _carried_scene(found: Carried, width: int, height: int) -> tuple[Scene, str, int | None, str | None]:
    """The file's own Limner Scene, else a minimal one from its A1111 prompt, else the default one."""
    note = None
    if found.limner is not None and isinstance(found.limner.get("scene"), dict):
        try:
            return (
                Scene.model_validate({**found.limner["scene"], "width": width, "height": height}),
                "limner",
                None,
                None,
            )
        except ValidationError as exc:
            note = f"The Limner Scene in the file is not valid here ({exc.error_count()} problems), so it was not used."
    if found.parameters:
        a1111 = read_a1111(found.parameters)
        prompt = clean_text(a1111.prompt)[:MAX_DESCRIPTION]
        if prompt:
            seed = a1111.seed if a1111.seed is not None and a1111.seed <= MAX_SEED else None
            negative = clean_text(a1111.negative_prompt)[:MAX_DESCRIPTION]
            scene = Scene(intent=DEFAULT_INTENT, prompt=prompt, negative_prompt=negative, width=width, height=height)
            return scene, "parameters", seed, note
    return Scene(intent=DEFAULT_INTENT, prompt=DEFAULT_PROMPT, width=width, height=height), "default", None, note


def _new_image(pixels: Image.Image, scene: Scene, found: Carried, came_in: dict[str, Any], scene_from: str) -> NewImage:
    origin = found.limner or {}
    settings = {
        "imported": came_in,
        "scene_from": scene_from,
        "parameters": found.parameters,  # the A1111 text the file carried
        # the ids and generator a Limner file named, from the store that made it
        "origin": {k: origin.get(k) for k in ("image_id", "run_id", "generator", "settings")} if origin else None,
    }
    # The PNG keeps the A1111 text the file had, so other tools still read how it was made; else a short one.
    parameters = found.parameters or f"{scene.prompt}\nSize: {pixels.width}x{pixels.height}, Generator: limner import"
    seed = _made_with_seed(found)
    return NewImage(
        image=pixels,
        scene=scene.model_dump(mode="json"),
        scene_id=scene.fingerprint(),
        scene_summary=scene.summary(),
        parameters=parameters,
        generator=IMPORTED,
        seed=seed,
        settings=settings,
    )


def _made_with_seed(found: Carried) -> int | None:
    """The seed the picture was made with, when the file says (its Limner Scene's, else its A1111 one)."""
    scene = (found.limner or {}).get("scene")
    seed = scene.get("seed") if isinstance(scene, dict) else None
    if seed is None and found.parameters:
        seed = read_a1111(found.parameters).seed
    return seed if isinstance(seed, int) and 0 <= seed <= MAX_SEED else None


def _planning(planned: Planned | None) -> dict[str, Any] | None:
    if planned is None:
        return None
    return Planning(
        planner=planned.planner, repairs=list(planned.repairs), passed_over=list(planned.passed_over)
    ).model_dump()
