"""Bringing your own pictures in (`import_image`, `limner import`) and taking images out (`export`).

An imported picture is a root image: run kind 'import', no parent edge, its pixels at full size, the A1111
parameters or Limner chunk it carried kept. It is captioned, evaluated and refined like any other. An export
writes each image's stored PNG and a JSON sidecar that together say everything the store knows about it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import run_limner
from fake_chat_api import FakeChatAPI
from limner.agents import Scene, Studio
from limner.agents.workflow.imports import scene_size
from limner.lineage import read_provenance
from limner.lineage.provenance import encode_png
from limner.server.app import build_server
from mcp import Client
from mcp_helpers import assert_image_result
from PIL import Image, ImageDraw, PngImagePlugin

from limner.errors import InvalidRequest, NotFound

pytestmark = pytest.mark.anyio

PARAMETERS = (
    "a red barn in a wheat field, oil painting\n"
    "Negative prompt: blurry, lowres\n"
    'Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 320x240, Model: "v1-5, pruned"'
)


@pytest.fixture
def anyio_backend():
    return "asyncio"


def picture(width: int = 320, height: int = 240) -> Image.Image:
    """A red square on a blue ground: easy to find again after a round trip."""
    image = Image.new("RGB", (width, height), (30, 60, 200))
    ImageDraw.Draw(image).rectangle((20, 20, width // 3, height // 3), fill=(210, 30, 30))
    return image


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def a1111_png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", PARAMETERS)
    return encoded(picture(), "PNG", pnginfo=info)


def limner_png(scene: Scene) -> bytes:
    """A PNG as another Limner store writes it: both chunks, made by encode_png itself."""
    provenance = {"version": 1, "image_id": "0123456789ab", "parent_id": None, "relation": None,
                  "run_id": "ba9876543210", "generator": "layout", "settings": {"steps": 1},
                  "scene": scene.model_dump(mode="json")}  # fmt: skip
    return encode_png(picture(scene.width, scene.height), parameters=scene.prompt, limner=provenance)


BOAT = Scene(
    intent="a red boat on a lake",
    prompt="a red boat on a lake",
    objects=[
        {"name": "boat", "attributes": {"color": "red"}, "box": (0.3, 0.4, 0.3, 0.2)},
        {"name": "lake", "box": (0.0, 0.5, 1.0, 0.5)},
    ],
    width=320,
    height=240,
    seed=77,
)


def pixels(path: str | Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


# Importing -------------------------------------------------------------------------------------------------


def test_a_png_with_a1111_parameters_keeps_them_and_its_prompt_becomes_the_scene(studio: Studio):
    data = a1111_png()
    result = studio.import_image(data)
    assert (result.scene_from, result.provenance, result.original_format) == ("parameters", ["parameters"], "PNG")
    assert result.original_sha256 == hashlib.sha256(data).hexdigest()
    scene = result.scene
    assert (scene.intent, scene.prompt, scene.negative_prompt) == (
        "a red barn in a wheat field, oil painting", "a red barn in a wheat field, oil painting", "blurry, lowres")  # fmt: skip
    assert [(o.name, o.attributes.color) for o in scene.objects] == [("barn", "red"), ("wheat field", None)]
    assert "oil painting" in scene.style and result.planner == "rules"
    assert (scene.seed, scene.width, scene.height) == (1234, 320, 240)

    record = studio.lineage.image(result.image_id)
    assert (record.generator, record.parent_id, record.seed) == ("import", None, 1234)
    assert (record.width, record.height) == (320, 240)
    assert record.settings["imported"] == {"format": "PNG", "width": 320, "height": 240, "mode": "RGB",
                                           "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}  # fmt: skip
    assert record.settings["parameters"] == PARAMETERS and record.settings["scene_from"] == "parameters"
    stored = read_provenance(str(record.path))
    assert stored.parameters == PARAMETERS, "the stored PNG still carries the A1111 text for other tools"
    assert stored.limner["generator"] == "import" and stored.limner["image_id"] == result.image_id
    assert (pixels(record.path) == np.asarray(picture())).all(), "a lossless import keeps every pixel"
    assert studio.lineage.run(result.run_id)["kind"] == "import"
    assert studio.lineage.run(result.run_id)["status"] == "succeeded"


def test_a_png_from_limner_brings_its_scene_and_says_where_it_came_from(studio: Studio):
    result = studio.import_image(limner_png(BOAT))
    assert result.scene_from == "limner" and result.provenance == ["parameters", "limner"]
    assert result.scene == BOAT, "the Scene it was made from, seed and all"
    assert result.summary == BOAT.summary()
    origin = studio.lineage.image(result.image_id).settings["origin"]
    assert origin["image_id"] == "0123456789ab" and origin["generator"] == "layout"
    assert studio.lineage.image(result.image_id).seed == 77


def test_a_jpeg_keeps_full_resolution_is_turned_upright_and_reads_a1111_from_exif(studio: Studio):
    image = picture(3000, 2000)  # larger than the 2048 a captioner looks at: an import keeps it all
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: show it rotated 90 degrees clockwise
    exif.get_ifd(0x8769)[0x9286] = b"UNICODE\0" + PARAMETERS.encode("utf-16-be")  # as A1111 writes JPEGs
    result = studio.import_image(encoded(image, "JPEG", quality=95, exif=exif))
    assert result.original_format == "JPEG" and result.provenance == ["parameters"]
    assert (result.width, result.height) == (2000, 3000), "upright, and not scaled down"
    assert (result.scene.width, result.scene.height) == scene_size(2000, 3000) == (1360, 2048)
    assert result.scene.prompt == "a red barn in a wheat field, oil painting"
    record = studio.lineage.image(result.image_id)
    assert record.settings["imported"]["width"] == 3000 and record.settings["imported"]["format"] == "JPEG"
    assert read_provenance(str(record.path)).parameters == PARAMETERS


def test_a_webp_with_transparency_is_kept_with_its_alpha(studio: Studio):
    image = picture().convert("RGBA")
    image.putalpha(Image.new("L", image.size, 128))
    result = studio.import_image(image=encoded(image, "WEBP", lossless=True))
    assert (result.original_format, result.scene_from, result.provenance) == ("WEBP", "default", [])
    assert (result.scene.intent, result.scene.prompt) == ("imported image", "an imported image")
    assert result.scene.seed is not None, "a seed is drawn so that its refines can be repeated"
    with Image.open(studio.lineage.image(result.image_id).path) as stored:
        assert stored.mode == "RGBA" and stored.getpixel((5, 5))[3] == 128


def test_modes_a_png_cannot_hold_become_rgb_and_palettes_stay(studio: Studio):
    cmyk = studio.import_image(encoded(picture().convert("CMYK"), "JPEG"))
    indexed = picture().convert("P")
    palette = studio.import_image(encoded(indexed, "PNG"))
    with Image.open(cmyk.path) as stored:
        assert stored.mode == "RGB" and studio.lineage.image(cmyk.image_id).settings["imported"]["mode"] == "CMYK"
    with Image.open(palette.path) as stored:
        assert stored.mode == "P" and (pixels(palette.path) == np.asarray(indexed.convert("RGB"))).all()


def test_a_description_becomes_the_scene_intent(studio: Studio):
    result = studio.import_image(a1111_png(), description="my red barn at noon")
    assert result.scene_from == "description" and result.planner == "rules"
    assert result.scene.intent == "my red barn at noon"
    assert [o.name for o in result.scene.objects] == ["barn"] and result.scene.time_of_day == "noon"
    assert result.provenance == ["parameters"], "the file's provenance is still kept"
    assert studio.lineage.run(result.run_id)["planning"]["planner"] == "rules"


def test_odd_sizes_fit_what_a_scene_may_be():
    assert scene_size(320, 240) == (320, 240)
    assert scene_size(10, 10) == (64, 64)
    assert scene_size(8000, 5000) == (2048, 1280)
    assert scene_size(40000, 1000) == (2048, 64)
    width, height = scene_size(2100, 2100)
    assert width == height and width * height <= 4_200_000


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (encoded(picture(), "GIF"), "the image is GIF; send a PNG, JPEG or WebP"),
        (b"certainly not a picture", "not an image Limner can read"),
        (b"\x89PNG" + bytes(21 * 1024 * 1024), "the limit is 20,971,520 (20 MB)"),
        (encoded(Image.new("1", (8000, 5001)), "PNG"), "the image is 8000x5001; the limit is 40 megapixels"),
    ],
)
def test_formats_and_sizes_caption_refuses_are_refused_alike(studio: Studio, data: bytes, message: str):
    with pytest.raises(InvalidRequest, match=message.replace("(", r"\(").replace(")", r"\)")):
        studio.import_image(data)
    assert studio.lineage.count_images() == 0


def test_mistakes_in_the_request_say_what_to_change(studio: Studio):
    with pytest.raises(InvalidRequest, match="the description is empty"):
        studio.import_image(a1111_png(), description="   ")
    with pytest.raises(InvalidRequest, match="captioner only applies with scene_from_caption"):
        studio.import_image(a1111_png(), captioner="palette")
    with pytest.raises(InvalidRequest, match="base64"):
        studio.import_image(image="this is not base64!")
    with pytest.raises(InvalidRequest, match="scene_from_caption"):
        studio.import_image(a1111_png(), scene_from_caption_=True)


# Like any other image ----------------------------------------------------------------------------------------


def test_an_import_shows_in_history_show_and_search(studio: Studio):
    made = studio.generate("a red ball left of a blue cube", generator="layout", seed=3)
    imported = studio.import_image(a1111_png())
    history = studio.history(limit=5)
    assert [i.image_id for i in history] == [imported.image_id, made.image_id]
    shown = studio.show(imported.image_id)
    assert (shown.generator, shown.parent_id, shown.relation, shown.children) == ("import", None, "import", [])
    assert shown.scene == imported.scene and shown.summary == imported.summary
    assert [h.image_id for h in studio.search(relation="import").hits] == [imported.image_id]
    assert [h.image_id for h in studio.search("barn").hits] == [imported.image_id]
    assert imported.image_id in {h.image_id for h in studio.search(has_parent=False).hits}
    assert [h.image_id for h in studio.search(generator="import").hits] == [imported.image_id]


def test_an_import_is_captioned_evaluated_and_refined(studio: Studio):
    imported = studio.import_image(limner_png(BOAT))
    caption = studio.caption(imported.image_id)
    assert caption.caption.text and caption.caption_id
    evaluated = studio.evaluate(imported.image_id)
    assert evaluated.scene_id == BOAT.fingerprint() and evaluated.evaluation.verdicts
    assert studio.lineage.evaluations(imported.image_id)[0]["id"] == evaluated.evaluation_id

    child = studio.refine(imported.image_id, "make the boat green")
    assert child.parent_id == imported.image_id and child.generator == "layout", "an import is redrawn by the default"
    assert child.mode == "masked edit" and child.scene.objects[0].attributes.color == "green"
    assert studio.show(child.image_id).relation == "refine"
    family = studio.lineage_of(child.image_id)
    assert family.roots == [imported.image_id]
    assert [(e.parent_id, e.relation) for e in family.edges] == [(imported.image_id, "refine")]

    night = studio.refine(imported.image_id, "make it night")
    assert night.mode == "fresh render" and night.seed == 77, "a whole-picture edit redraws from the Scene's seed"


def test_a_scene_from_a_semantic_caption_has_its_objects(studio: Studio, monkeypatch: pytest.MonkeyPatch):
    with FakeChatAPI() as api:
        api.answers = ["A red boat floating on a calm lake."]
        monkeypatch.setenv("LIMNER_VISION_BASE_URL", api.base_url)
        monkeypatch.setenv("LIMNER_VISION_API_KEY", "sk-test-import")
        with Studio(studio.settings.home) as seeing:  # settings are read when a Studio opens
            result = seeing.import_image(a1111_png(), scene_from_caption=True, captioner="openai")
            kept = seeing.lineage.captions(result.image_id)
    assert result.scene_from == "caption" and result.planner == "rules" and result.note is None
    assert result.caption.semantic and result.caption.captioner == "openai"
    assert result.scene.intent == "A red boat floating on a calm lake."
    assert {o.name for o in result.scene.objects} >= {"boat", "lake"}
    assert [c["id"] for c in kept] == [result.caption_id] and kept[0]["text"] == result.caption.text
    sent = api.requests[0]["messages"][-1]["content"]
    assert any(part["type"] == "image_url" for part in sent), "the picture itself went to the captioner"


def test_a_palette_caption_plans_nothing_and_the_result_says_so(studio: Studio):
    result = studio.import_image(a1111_png(), scene_from_caption=True, captioner="palette")
    assert result.caption is not None and not result.caption.semantic
    assert result.scene_from == "parameters", "the next rule gives the Scene"
    assert "only measures colours" in result.note and "description" in result.note
    assert studio.lineage.captions(result.image_id)[0]["captioner"] == "palette"
    described = studio.import_image(a1111_png(), description="a barn", scene_from_caption=True)
    assert described.scene_from == "description" and described.caption is not None


# Exporting ---------------------------------------------------------------------------------------------------


def test_export_writes_the_stored_png_and_a_sidecar_that_round_trip(studio: Studio, tmp_path: Path):
    root = studio.import_image(limner_png(BOAT))
    studio.evaluate(root.image_id)
    child = studio.refine(root.image_id, "make the boat green")
    out = tmp_path / "nested" / "export"
    result = studio.export([root.image_id[:6], child.image_id], out)
    assert Path(result.folder) == out and [i.image_id for i in result.images] == [root.image_id, child.image_id]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{i}.{ext}" for i in (root.image_id, child.image_id) for ext in ("png", "json"))  # fmt: skip

    for image_id in (root.image_id, child.image_id):
        record, stored = studio.image_bytes(image_id)
        png = (out / f"{image_id}.png").read_bytes()
        assert png == stored and hashlib.sha256(png).hexdigest() == record.sha256
        sidecar = json.loads((out / f"{image_id}.json").read_text())
        assert sidecar["image_id"] == image_id and sidecar["file"] == f"{image_id}.png"
        assert Scene.model_validate(sidecar["scene"]) == studio.show(image_id).scene
        assert read_provenance(png).limner["scene"] == sidecar["scene"]

    first = json.loads((out / f"{root.image_id}.json").read_text())
    assert first["lineage"]["relation"] == "import" and first["lineage"]["parents"] == []
    assert first["lineage"]["children"] == [{"image_id": child.image_id, "relation": "refine"}]
    assert first["settings"]["imported"]["format"] == "PNG"
    assert len(first["captions"]) == 1 and first["evaluations"][0]["scene_id"] == BOAT.fingerprint()
    assert first["best_score"] == first["evaluations"][0]["score"]
    second = json.loads((out / f"{child.image_id}.json").read_text())
    (edge,) = second["lineage"]["parents"]
    assert (edge["image_id"], edge["relation"]) == (root.image_id, "refine")
    assert any(change["path"].startswith("objects") for change in edge["diff"])
    assert second["lineage"]["relation"] == "refine" and second["lineage"]["children"] == []

    again = studio.import_image((out / f"{child.image_id}.png").read_bytes())
    assert again.scene_from == "limner" and again.scene == child.scene, "an exported PNG imports with its Scene"


def test_export_all_and_what_it_refuses(studio: Studio, tmp_path: Path):
    ids = {studio.import_image(a1111_png()).image_id for _ in range(3)}
    everything = studio.export(None, tmp_path / "all")
    assert {i.image_id for i in everything.images} == ids
    assert len(list((tmp_path / "all").glob("*.json"))) == 3
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    with pytest.raises(InvalidRequest, match="exists and is not a folder"):
        studio.export(None, a_file)
    with pytest.raises(NotFound, match="no image 'abcdef'"):
        studio.export([next(iter(ids)), "abcdef"], tmp_path / "partial")
    assert not (tmp_path / "partial").exists(), "an unknown id writes nothing"
    one = studio.export(next(iter(ids)), tmp_path / "one")  # a single id, not its characters
    assert [i.image_id for i in one.images] == [next(iter(ids))]


# MCP and the command line -----------------------------------------------------------------------------------------


async def test_the_import_image_tool_takes_base64(studio: Studio):
    async with Client(build_server(studio)) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        tool = tools["import_image"]
        assert tool.title == "Import an image" and tool.annotations.read_only_hint is False
        assert tool.input_schema["properties"]["image"]["contentEncoding"] == "base64"
        assert {"image_id", "scene", "scene_from", "provenance"} <= set(tool.output_schema["properties"])
        data = base64.b64encode(a1111_png()).decode()
        result = await client.call_tool("import_image", {"image": data, "description": "a red barn"})
        structured = assert_image_result(result)
        assert structured["scene_from"] == "description" and structured["original_format"] == "PNG"
        assert "Imported image" in result.content[0].text and "parameters provenance" in result.content[0].text
        shown = await client.call_tool("show", {"image_id": structured["image_id"]})
        assert shown.structured_content["relation"] == "import"
        refused = await client.call_tool("import_image", {"image": base64.b64encode(b"GIF89a....").decode()})
        assert refused.is_error and "PNG, JPEG or WebP" in refused.content[0].text
    assert studio.lineage.count_images() == 1


def test_the_command_line_imports_files_and_exports_them(tmp_path: Path, isolated_home: Path):
    first, second, broken = tmp_path / "barn.png", tmp_path / "photo.jpg", tmp_path / "broken.png"
    first.write_bytes(a1111_png())
    second.write_bytes(encoded(picture(), "JPEG"))
    broken.write_bytes(b"not a picture at all")
    done = run_limner("import", str(first), str(broken), str(second), "--description", "a red barn", home=isolated_home)
    assert done.returncode == 2, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[1] for line in lines] == [str(first), str(second)], "one line per imported file"
    ids = [line.split()[0] for line in lines]
    assert f"{broken}: that is not an image Limner can read" in done.stderr

    shown = run_limner("show", ids[1], "--json", home=isolated_home)
    assert json.loads(shown.stdout)["scene"]["intent"] == "a red barn"

    out = tmp_path / "out"
    exported = run_limner("export", *ids, str(out), home=isolated_home)
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.{e}" for i in ids for e in ("png", "json"))
    everything = run_limner("export", "--all", str(tmp_path / "all"), "--json", home=isolated_home)
    assert {i["image_id"] for i in json.loads(everything.stdout)["images"]} == set(ids)

    not_a_folder = run_limner("export", ids[0], str(first), home=isolated_home)
    assert not_a_folder.returncode == 2 and "exists and is not a folder" in not_a_folder.stderr
    mixed = run_limner("export", "--all", ids[0], str(out), home=isolated_home)
    assert mixed.returncode == 2 and "with --all give only the folder" in mixed.stderr
    caption = run_limner("import", str(first), "--scene-from-caption", "--json", home=isolated_home)
    (result,) = json.loads(caption.stdout)
    assert result["caption"]["captioner"] == "palette" and "only measures colours" in caption.stderr


def test_an_a1111_prompt_with_emphasis_and_networks_plans_objects_that_can_be_scored(studio: Studio):
    parameters = ("masterpiece, (a red fox:1.3) sitting on a [mossy] log <lora:forest_v2:0.7>, BREAK watercolor\n"
                  "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 9, Size: 320x240")  # fmt: skip
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", parameters)
    result = studio.import_image(encoded(picture(), "PNG", pnginfo=info))
    scene = result.scene
    assert scene.intent == "masterpiece, a red fox sitting on a mossy log, watercolor"
    assert scene.prompt == parameters.split("\n")[0], "the prompt stays as written, for the generator that made it"
    assert {(o.name, o.attributes.color) for o in scene.objects} >= {("fox", "red"), ("log", None)}
    assert "lora" not in " ".join(o.name for o in scene.objects)
    evaluated = studio.evaluate(result.image_id)
    assert evaluated.evaluation.score is not None, "objects to check give an imported picture a score"
