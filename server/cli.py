"""The `limner` command line: generate, history, show, serve, schema.

Heavy imports (the MCP SDK, uvicorn) happen inside the commands that need them, so
`limner generate` starts fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from limner.agents.looking.evaluation import format_score
from limner.agents.workflow.requests import (
    CaptionRequest,
    EvaluateRequest,
    GenerateRequest,
    HistoryRequest,
    LineageRequest,
    RefineRequest,
    SearchRequest,
    ShowRequest,
)
from limner.lineage.recovery import GRACE_S
from limner.server.failures import explain
from limner.server.options import add_request_options, request_fields
from limner.server.transfer import add_transfer_commands

from limner import __version__
from limner.errors import InvalidRequest, LimnerError
from limner.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except LimnerError as exc:
        print(f"limner: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug or _debug_set():
            raise
        # One line, not a traceback; --debug (or LIMNER_DEBUG=1) shows where it came from.
        print(f"limner: error: {explain(args.command.__name__.strip('_').replace('_', ' '), exc)}", file=sys.stderr)
        return 1


def _debug_set() -> bool:
    try:
        return Settings.load().debug
    except Exception:  # the settings themselves may be what failed
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="limner", description="A local-first image studio that chat assistants drive."
    )
    parser.add_argument("--version", action="version", version=f"limner {__version__}")
    parser.add_argument("--home", type=Path, help="data folder (default: $LIMNER_HOME, else the per-user data folder)")
    parser.add_argument("--debug", action="store_true", help="show the traceback when a command fails unexpectedly")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    gen = commands.add_parser("generate", help="make an image from a description")
    add_request_options(gen, GenerateRequest, positional=("description",), skip=("scene", "wait"))
    gen.add_argument(
        "--scene", metavar="FILE", help="render a Scene JSON file ('-' for stdin) instead of a description"
    )
    gen.add_argument("--json", action="store_true", help="print the result as JSON")
    gen.set_defaults(command=_generate)

    cap = commands.add_parser("caption", help="describe an image in words; the caption is kept with it")
    add_request_options(cap, CaptionRequest, positional=("image_id",), skip=("image",))
    cap.add_argument("--json", action="store_true")
    cap.set_defaults(command=_caption)

    ev = commands.add_parser("evaluate", help="check an image against its Scene and say what failed")
    add_request_options(ev, EvaluateRequest, positional=("image_id", "description"))
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(command=_evaluate)

    refine = commands.add_parser("refine", help="change an image by an instruction; the child joins the lineage")
    add_request_options(refine, RefineRequest, positional=("image_id", "instruction"), skip=("wait",))
    refine.add_argument("--json", action="store_true")
    refine.set_defaults(command=_refine)

    hist = commands.add_parser("history", help="list recent images, newest first")
    add_request_options(hist, HistoryRequest)
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(command=_history)

    show = commands.add_parser("show", help="an image's Scene, file and lineage")
    add_request_options(show, ShowRequest, positional=("image_id",))
    show.add_argument("--json", action="store_true")
    show.set_defaults(command=_show)

    family = commands.add_parser("lineage", help="an image's ancestors up to the root and its descendants")
    add_request_options(family, LineageRequest, positional=("image_id",))
    family.add_argument("--json", action="store_true")
    family.set_defaults(command=_lineage)

    find = commands.add_parser("search", help="find stored images by words and meaning, within filters")
    add_request_options(find, SearchRequest, positional=("query",))
    find.add_argument("--json", action="store_true")
    find.set_defaults(command=_search)

    add_transfer_commands(commands)  # import and export (transfer.py)

    jobs = commands.add_parser("jobs", help="recent generate and refine runs: running, done, or interrupted")
    jobs.add_argument("--limit", type=int, default=20, help="how many of the newest runs (default 20)")
    jobs.add_argument("--running", action="store_true", help="only the runs still running")
    jobs.add_argument("--json", action="store_true")
    jobs.set_defaults(command=_jobs)

    serve = commands.add_parser("serve", help="run the MCP server (stdio unless --http is given)")
    serve.add_argument("--http", metavar="[HOST:]PORT", help="serve streamable HTTP at http://HOST:PORT/mcp")
    serve.add_argument("--token", help="bearer token (default $LIMNER_TOKEN)")
    serve.add_argument("--allow-host", action="append", default=[], help="extra allowed Host header, e.g. 'box:*'")
    serve.add_argument("--allow-origin", action="append", default=[], help="extra allowed browser Origin")
    serve.add_argument(
        "--preload",
        nargs="?",
        const="",
        metavar="MODEL",
        help="load a diffusers model (default: the default one) in the background at start-up ($LIMNER_PRELOAD)",
    )
    serve.set_defaults(command=_serve)

    gallery = commands.add_parser("gallery", help="a web page of the stored images, on 127.0.0.1 (read-only)")
    gallery.add_argument("--port", type=int, default=8765, help="the port to serve on (default 8765)")
    gallery.add_argument("--no-open", action="store_true", help="do not open the page in a browser")
    gallery.set_defaults(command=_gallery)

    fsck = commands.add_parser(
        "fsck", help="check the data folder: runs a crash left running, stray, missing or damaged image files"
    )
    fsck.add_argument("--repair", action="store_true", help="mark dead runs interrupted and remove stray files")
    fsck.add_argument(
        "--grace",
        type=float,
        default=GRACE_S,
        metavar="SECONDS",
        help=f"how old a file with no row must be to count as stray (default {GRACE_S:g}; 0 when nothing else "
        "is writing to the folder)",
    )
    fsck.add_argument("--json", action="store_true")
    fsck.set_defaults(command=_fsck)

    schema = commands.add_parser("schema", help="print the Scene JSON schema")
    schema.set_defaults(command=_schema)

    doctor = commands.add_parser("doctor", help="what this machine can run, and which generator is the default")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(command=_doctor)

    models = commands.add_parser("models", help="diffusers models on this machine").add_subparsers(
        title="models commands", required=True, metavar="ACTION"
    )
    listing = models.add_parser("list", help="registered folders and models in the Hugging Face cache")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(command=_models_list)
    add = models.add_parser("add", help="register a folder written by save_pretrained under a name")
    add.add_argument("name")
    add.add_argument("path")
    add.add_argument("--family", help="override the detected family (sd1, sd2, sdxl, sd-turbo, sdxl-turbo, flux ...)")
    add.set_defaults(command=_models_add)
    remove = models.add_parser("remove", help="forget a registered name (the folder is left alone)")
    remove.add_argument("name")
    remove.set_defaults(command=_models_remove)
    pull = models.add_parser("pull", help="download a model from the Hugging Face Hub into its cache")
    pull.add_argument("repo_id", help="e.g. stabilityai/sd-turbo")
    pull.add_argument("--revision")
    pull.set_defaults(command=_models_pull)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    """The one Settings object: the environment, with --home on top."""
    return Settings.load(home=args.home)


def _studio(args: argparse.Namespace):
    from limner.agents import Studio

    return Studio(settings=_settings(args))


def _generate(args: argparse.Namespace) -> int:
    fields = request_fields(args, GenerateRequest)
    if args.scene:
        fields["scene"] = _read_scene(args.scene)
    elif not fields.get("description"):
        raise InvalidRequest('generate needs a description, e.g. limner generate "a lighthouse at dusk, watercolor"')
    with _studio(args) as studio:
        result = studio.generate(GenerateRequest.parse(fields), progress=_progress_for(args))
    if args.json:
        print(result.model_dump_json(indent=2))
        return 0
    print(f"{result.image_id}  {result.path}")
    print(f"{result.summary}  (seed {result.seed}, {result.generator}, {result.width}x{result.height})")
    for attempt in result.attempts:
        failed = "; ".join(attempt.failed) or "nothing failed"
        print(f"  round {attempt.round}  {attempt.image_id}  score {format_score(attempt.score)}  {failed}")
    if result.stopped:
        print(f"stopped: {result.stopped}")
    return 0


def _caption(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        result = studio.caption(CaptionRequest.parse(request_fields(args, CaptionRequest)))
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        measured = "" if result.caption.semantic else "  (measured from pixels only)"
        print(f"{result.caption.text}{measured}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        result = studio.evaluate(EvaluateRequest.parse(request_fields(args, EvaluateRequest)))
    if args.json:
        print(result.model_dump_json(indent=2))
        return 0
    print(f"{result.image_id} against: {result.summary}")
    print("\n".join(result.evaluation.report()))
    return 0


def _refine(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        result = studio.refine(RefineRequest.parse(request_fields(args, RefineRequest)), progress=_progress_for(args))
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(f"{result.image_id}  {result.path}")
        print(f"{result.summary}  (from {result.parent_id}, {result.mode}, seed {result.seed}, {result.generator})")
        print(result.changes)
    return 0


def _history(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        images = studio.history(HistoryRequest.parse(request_fields(args, HistoryRequest)))
    if args.json:
        print(json.dumps([i.model_dump(mode="json") for i in images], indent=2, ensure_ascii=False))
        return 0
    if not images:
        print('no images yet: try  limner generate "a lighthouse at dusk, watercolor"')
    for image in images:
        created = image.created_at[:19].replace("T", " ")
        print(f"{image.image_id}  {created}  {image.generator:<8} {image.width}x{image.height}  {image.summary}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        details = studio.show(ShowRequest.parse(request_fields(args, ShowRequest)))
    if args.json:
        print(details.model_dump_json(indent=2))
        return 0
    parent = f"{details.parent_id} ({details.relation})" if details.parent_id else "none"
    children = ", ".join(f"{c['image_id']} ({c['relation']})" for c in details.children) or "none"
    print(f"image     {details.image_id}")
    print(f"file      {details.path}")
    print(
        f"made      {details.created_at}  by {details.generator}, {details.width}x{details.height}, seed {details.seed}"
    )
    print(f"summary   {details.summary}")
    print(f"parent    {parent}")
    if details.changes:
        print("changes   " + details.changes.replace("\n", "\n          "))
    if details.mask_path:
        print(f"mask      {details.mask_path}  (a masked edit: only the white could change)")
    print(f"children  {children}")
    print("scene")
    print(details.scene.model_dump_json(indent=2, exclude_defaults=True))
    return 0


def _lineage(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        family = studio.lineage_of(LineageRequest.parse(request_fields(args, LineageRequest)))
    if args.json:
        print(family.model_dump_json(indent=2))
        return 0
    print(family.tree)
    for edge in family.edges:
        if edge.changes:
            print(f"\n{edge.parent_id} -> {edge.child_id} ({edge.relation}):")
            print("  " + edge.changes.replace("\n", "\n  "))
    return 0


def _search(args: argparse.Namespace) -> int:
    with _studio(args) as studio:
        found = studio.search(SearchRequest.parse(request_fields(args, SearchRequest)))
    if args.json:
        print(found.model_dump_json(indent=2))
        return 0
    if not found.semantic and found.semantic_reason and found.words:
        print(f"({found.semantic_reason})", file=sys.stderr)
    if not found.hits:
        print("no stored image matches")
    for hit in found.hits:
        created = hit.created_at[:16].replace("T", " ")
        matched = "+".join(hit.matched_by)
        print(f"{hit.image_id}  {created}  {hit.generator:<8} score {format_score(hit.score):<4}  {matched:<13} {hit.summary}")
    return 0


def _fsck(args: argparse.Namespace) -> int:
    from limner.lineage import Lineage

    lineage = Lineage(_settings(args).home)
    try:
        health = lineage.check(repair=args.repair, verify=True, grace_s=args.grace)
    finally:
        lineage.close()
    if args.json:
        print(json.dumps({**dataclasses.asdict(health), "clean": health.clean}, indent=2, default=str))
    else:
        print("\n".join(health.lines()))
        if not health.clean and not args.repair and (health.interrupted or health.orphans or health.temporary or health.unindexed):
            print("run `limner fsck --repair` to fix what can be fixed")
    unfixable = health.missing or health.damaged
    return 1 if unfixable or (not health.clean and not args.repair) else 0


def _jobs(args: argparse.Namespace) -> int:
    from limner.lineage import Lineage

    lineage = Lineage(_settings(args).home)  # opening marks the runs of dead processes interrupted
    try:
        runs = lineage.recent_runs(limit=args.limit, running_only=args.running)
    finally:
        lineage.close()
    if args.json:
        print(json.dumps(runs, indent=2))
        return 0
    if not runs:
        print("no runs" + (" running" if args.running else " yet"))
    for run in runs:
        made = f"image {run['image_id']}" if run["image_id"] else (run["error"] or "")[:60]
        job = f"job {run['job_id']}" if run["job_id"] else "-"
        started = run["started_at"][:19].replace("T", " ")
        print(f"{run['run_id']}  {started}  {run['kind']:<9} {run['status']:<11} {job:<16} {made}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from limner.server.app import build_server
    from limner.server.gallery import with_gallery
    from limner.server.http import HttpOptions, check_exposure, parse_bind, serve_http

    settings = _settings(args)
    options = None
    if args.http:  # refuse an exposed or weakly guarded server before anything starts
        host, port = parse_bind(args.http)
        token = args.token if args.token is not None else settings.token
        options = HttpOptions(
            host=host,
            port=port,
            token=token.get_secret_value() if hasattr(token, "get_secret_value") else token,
            allowed_hosts=args.allow_host,
            allowed_origins=args.allow_origin,
        )
        check_exposure(options)
    with _studio(args) as studio:
        if studio.lineage.unusable is not None:  # serve anyway: each tool call says why it cannot work
            print(f"limner: {studio.lineage.unusable}", file=sys.stderr, flush=True)
        else:
            health = studio.lineage.check(repair=True)  # what an earlier crash left: dead runs, stray files
            if not health.clean:
                print("limner: " + "; ".join(health.lines()), file=sys.stderr, flush=True)
        mcp = build_server(studio)
        preload = args.preload if args.preload is not None else studio.settings.preload
        if preload is not None:
            studio.preload(preload or None)
        if options is None:
            mcp.run("stdio")
            mcp.background.finish_running(_say)
            return 0
        gallery_url = options.url.removesuffix(options.path) + "/gallery"
        print(f"limner: serving MCP at {options.url} and the gallery at {gallery_url}", file=sys.stderr, flush=True)
        serve_http(
            lambda security: with_gallery(
                mcp.streamable_http_app(transport_security=security, host=options.host), studio, security
            ),
            options,
            browser_paths=("/gallery",),
        )
        mcp.background.finish_running(_say)
    return 0


def _say(line: str) -> None:
    print(f"limner: {line}", file=sys.stderr, flush=True)


def _gallery(args: argparse.Namespace) -> int:
    from limner.server.gallery import serve_gallery

    with _studio(args) as studio:
        serve_gallery(studio, port=args.port, open_browser=not args.no_open)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from limner.agents import scene_json_schema

    print(json.dumps(scene_json_schema(), indent=2))
    return 0


def _progress_for(args: argparse.Namespace):
    """A progress bar for people at a terminal; nothing for scripts reading --json or a pipe."""
    return _progress_line() if not args.json and sys.stderr.isatty() else None


def _progress_line():
    """A one-line progress display on stderr for people at a terminal."""

    def show(done: float, total: float, message: str) -> None:
        width = 24
        filled = int(width * min(done / total, 1.0)) if total else 0
        end = "\n" if done >= total else ""
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {message:<40}", end=end, file=sys.stderr, flush=True)

    return show


def _catalog(args: argparse.Namespace):
    from limner.generators.models import ModelCatalog

    return ModelCatalog.for_settings(_settings(args))


def _models_list(args: argparse.Namespace) -> int:
    entries = _catalog(args).list()
    if args.json:
        print(json.dumps([dataclasses.asdict(e) for e in entries], indent=2))
        return 0
    if not entries:
        print("no diffusers models yet: 'limner models pull stabilityai/sd-turbo', or 'limner models add NAME FOLDER'")
    for e in entries:
        print(f"{e.name:<40} {e.family:<12} {e.size_bytes / 2**30:6.2f} GB  {e.origin:<10} {e.path}")
    return 0


def _models_add(args: argparse.Namespace) -> int:
    entry = _catalog(args).add(args.name, args.path, family=args.family)
    print(f"registered {entry.name}: {entry.pipeline}, family {entry.family}, {entry.size_bytes / 2**30:.2f} GB")
    return 0


def _models_remove(args: argparse.Namespace) -> int:
    _catalog(args).remove(args.name)
    print(f"forgot {args.name}")
    return 0


def _models_pull(args: argparse.Namespace) -> int:
    from limner.generators.decoders import TINY_DECODERS

    catalog = _catalog(args)
    try:
        if args.repo_id in TINY_DECODERS.values():  # a tiny decoder alone, for models already here
            folder = catalog.fetch_tiny_decoder(args.repo_id, revision=args.revision)
            families = ", ".join(f for f, repo in TINY_DECODERS.items() if repo == args.repo_id)
            print(f"pulled tiny decoder {args.repo_id} (for {families}) to {folder}")
            return 0
        entry = catalog.pull(args.repo_id, revision=args.revision)
    except Exception as exc:  # network, auth or a repo that is not a diffusers model
        raise InvalidRequest(f"could not pull {args.repo_id}: {exc}") from None
    print(f"pulled {entry.name} ({entry.family}, {entry.size_bytes / 2**30:.2f} GB) to {entry.path}")
    tiny = catalog.tiny_decoder(entry.family)
    if tiny is not None:
        print(f"  with its tiny decoder {tiny.source} (CPU renders use it; quality='full' for the full VAE)")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from limner.server.doctor import diagnose

    report = diagnose(_settings(args))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:<18} {value}")
    return 0


def _read_scene(source: str) -> dict:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8", errors="replace")
        data = json.loads(text)
    except OSError as exc:
        raise InvalidRequest(f"cannot read the scene file {source!r}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise InvalidRequest(
            f"{source!r} is not JSON ({exc.msg} at line {exc.lineno}); 'limner schema' shows the format"
        ) from None
    if not isinstance(data, dict):
        raise InvalidRequest(f"{source!r} must hold one JSON object following 'limner schema'")
    return data
