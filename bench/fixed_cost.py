"""The fixed cost per image: what Limner does around the render of one 512 px image, stage by stage.

In this process, a Studio with its own data folder draws with the tiny 512 px pipeline
(bench/sd_turbo_arch.py `tiny_512`, registered as `limner models add` does) exactly as the MCP `generate`
tool does: `Studio.generate`, then the tool's reply (`_image_result`: the preview and the result),
serialized as JSON-RPC sends it and parsed as the client does. Each stage is timed where it runs, by
wrapping the real function for the length of the bench (nothing is replaced); the render is subtracted.

    fixed_ms = median over rounds of (generate + reply + serialize + parse - render)

Stages: plan (the rules planner), start_run (its SQLite row), encode_png (pixels and provenance to PNG
bytes), sha256 (timed alone on the stored bytes), file_write_fsync (temp file, fsync, rename; less the
sha256), sqlite (the image's transaction: add_image less the encoding and the file), preview, reply_other
(the rest of the reply), transport (JSON serialize + parse of the result), other (the rest: the Studio's
own bookkeeping, building the result).

    python bench/fixed_cost.py              # about a minute on 2 cores
    python bench/fixed_cost.py --rounds 30
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sd_turbo_arch import DEFAULT_CACHE, environment, register, tiny_512  # noqa: E402
from timing import median  # noqa: E402

DESCRIPTION = "a lighthouse on a cliff at dusk, watercolor"
SIZE = 512
STAGES = ("plan", "start_run", "encode_png", "sha256", "file_write_fsync", "sqlite", "preview", "reply_other",
          "transport", "other")  # fmt: skip


@contextmanager
def timed_functions(spans: dict[str, float], targets: list[tuple[object, str, str]]):
    """Wrap each (owner, attribute, label) so its calls add their seconds to spans[label]; unwrap after."""
    originals = []
    for owner, attribute, label in targets:
        original = getattr(owner, attribute)

        def timed(*args, __original=original, __label=label, **kwargs):
            started = time.perf_counter()
            try:
                return __original(*args, **kwargs)
            finally:
                spans[__label] += time.perf_counter() - started

        setattr(owner, attribute, functools.wraps(original)(timed))
        originals.append((owner, attribute, original))
    try:
        yield
    finally:
        for owner, attribute, original in reversed(originals):
            setattr(owner, attribute, original)


def measure(*, rounds: int = 15, warmup: int = 2, cache: Path = DEFAULT_CACHE) -> tuple[dict[str, float], float]:
    """(median milliseconds of each stage and of `fixed` and `render`, stored PNG KiB)."""
    import limner.agents.workflow.studio as studio_module
    import limner.lineage.store as store_module
    import limner.server.app as app_module
    from limner.agents import Studio
    from limner.generators.diffusion import DiffusersGenerator
    from limner.lineage.files import ImageFiles
    from mcp_types import CallToolResult

    model = tiny_512(cache)
    samples: dict[str, list[float]] = defaultdict(list)
    png_kib = 0.0
    with tempfile.TemporaryDirectory(prefix="limner-fixed-") as folder:
        home = Path(folder) / "home"
        register(model, home)
        with environment(LIMNER_HOME=str(home), LIMNER_TINY_VAE=None), Studio(home) as studio:
            spans: dict[str, float] = defaultdict(float)
            targets = [
                (studio_module, "plan_in_order", "plan"),
                (store_module.Lineage, "start_run", "start_run"),
                (store_module, "encode_png", "encode_png"),
                (ImageFiles, "write", "file_write"),
                (store_module.Lineage, "add_image", "add_image"),
                (DiffusersGenerator, "render", "render"),
                (app_module, "make_preview", "preview"),
            ]
            with timed_functions(spans, targets):
                for round_number in range(warmup + rounds):
                    spans.clear()
                    started = time.perf_counter()
                    made = studio.generate(DESCRIPTION, generator="diffusers", model=model.name, width=SIZE,
                                           height=SIZE, seed=round_number)  # fmt: skip
                    text = f"Made image {made.image_id}"
                    reply_started = time.perf_counter()
                    reply = app_module._image_result(studio, made.image_id, text, made)
                    reply_s = time.perf_counter() - reply_started
                    transport_started = time.perf_counter()
                    sent = reply.model_dump_json(by_alias=True, exclude_none=True)
                    CallToolResult.model_validate_json(sent)
                    transport_s = time.perf_counter() - transport_started
                    whole = time.perf_counter() - started
                    if round_number < warmup:
                        continue
                    data = made_bytes(made.path)
                    hash_started = time.perf_counter()
                    hashlib.sha256(data).hexdigest()
                    sha_s = time.perf_counter() - hash_started
                    png_kib = len(data) / 1024
                    stage = {
                        "plan": spans["plan"],
                        "start_run": spans["start_run"],
                        "encode_png": spans["encode_png"],
                        "sha256": sha_s,
                        "file_write_fsync": spans["file_write"] - sha_s,
                        "sqlite": spans["add_image"] - spans["encode_png"] - spans["file_write"],
                        "preview": spans["preview"],
                        "reply_other": reply_s - spans["preview"],
                        "transport": transport_s,
                    }
                    fixed = whole - spans["render"]
                    stage["other"] = fixed - sum(stage.values())
                    stage["fixed"], stage["render"] = fixed, spans["render"]
                    for name, seconds in stage.items():
                        samples[name].append(seconds)
    return {name: median(values) * 1000 for name, values in samples.items()}, png_kib


def made_bytes(path: str | Path) -> bytes:
    return Path(path).read_bytes()


def breakdown_line(stages: dict[str, float], png_kib: float) -> str:
    parts = " ".join(f"{name}={stages[name]:.1f}" for name in STAGES)
    return f"fixed cost per {SIZE} px image (ms, medians): {parts}  => fixed={stages['fixed']:.1f} " \
           f"(render {stages['render']:.1f}; stored PNG {png_kib:.0f} KiB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="timed images (default 15, after 2 warm-up)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the benchmark models are kept")
    args = parser.parse_args()
    stages, png_kib = measure(rounds=args.rounds, cache=args.cache)
    print(breakdown_line(stages, png_kib))
    print(f"fixed_ms={stages['fixed']:.1f}")


if __name__ == "__main__":
    main()
