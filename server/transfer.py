"""The `limner import` and `limner export` commands: pictures in as root images, images out with sidecars.

    limner import photo.jpg sketch.png --description "my cat on the sofa"
    limner export 3f2a9c01 77aa5e10 out/        limner export --all out/

`import` prints a line per file, its new id then the file; a file that cannot be imported is said on
stderr and the rest are still imported (exit status 2 if any failed). `export` writes `<id>.png` (the
stored file, provenance included) and `<id>.json` (Scene, lineage edges, captions, evaluations).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from limner.agents.workflow.requests import ImportRequest
from limner.server.options import add_request_options, request_fields

from limner.errors import InvalidRequest, LimnerError
from limner.settings import Settings


def add_transfer_commands(commands: Any) -> None:
    """Add `import` and `export` to the CLI's subcommands."""
    bring = commands.add_parser("import", help="store your own pictures (PNG, JPEG, WebP) as root images")
    bring.add_argument(
        "files", nargs="+", metavar="FILE", help="the pictures; prints a line per file: its id, the file"
    )
    add_request_options(bring, ImportRequest, skip=("image",))
    bring.add_argument("--json", action="store_true", help="print the results as JSON")
    bring.set_defaults(command=_import)

    out = commands.add_parser(
        "export",
        usage="limner export ID... DIR | limner export --all DIR",
        help="write images into a folder as <id>.png and <id>.json (Scene, lineage, captions, scores)",
    )
    out.add_argument(
        "targets", nargs="+", metavar="ID... DIR", help="image ids (or 4+ character prefixes), then the folder"
    )
    out.add_argument("--all", action="store_true", help="every stored image: give only the folder")
    out.add_argument("--json", action="store_true", help="print the result as JSON")
    out.set_defaults(command=_export)


def _studio(args: argparse.Namespace):
    from limner.agents import Studio

    return Studio(settings=Settings.load(home=args.home))


def _import(args: argparse.Namespace) -> int:
    fields = request_fields(args, ImportRequest)
    ImportRequest.parse({**fields, "image": b""})  # a mistake in the options is said once, before any file
    results, failed = [], 0
    with _studio(args) as studio:
        for name in args.files:
            try:
                result = studio.import_image(ImportRequest.parse({**fields, "image": _read_picture(name)}))
            except LimnerError as exc:  # the other files are still imported
                print(f"limner: error: {name}: {exc}", file=sys.stderr)
                failed += 1
                continue
            results.append(result)
            if not args.json:
                print(f"{result.image_id}  {name}", flush=True)
            if result.note:
                print(f"limner: {name}: {result.note}", file=sys.stderr)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in results], indent=2, ensure_ascii=False))
    return 2 if failed else 0


def _read_picture(name: str) -> bytes:
    from limner.agents.workflow.inputs import MAX_INPUT_BYTES

    try:
        size = Path(name).stat().st_size
        if size > MAX_INPUT_BYTES:  # refused before it is read into memory
            raise InvalidRequest(f"the image is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,} (20 MB)")
        return Path(name).read_bytes()
    except OSError as exc:
        raise InvalidRequest(f"cannot read {name}: {exc.strerror or exc}") from None


def _export(args: argparse.Namespace) -> int:
    *ids, folder = args.targets
    if args.all and ids:
        raise InvalidRequest(f"with --all give only the folder (limner export --all DIR), not {' '.join(ids)}")
    if not args.all and not ids:
        raise InvalidRequest("name the images, then the folder: limner export ID... DIR, or limner export --all DIR")
    with _studio(args) as studio:
        result = studio.export(None if args.all else ids, folder)
    if args.json:
        print(result.model_dump_json(indent=2))
        return 0
    for image in result.images:
        print(f"{image.image_id}  {image.png}  {image.sidecar}")
    print(f"exported {len(result.images)} image(s) to {result.folder}", file=sys.stderr)
    return 0
