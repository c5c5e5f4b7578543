"""What Limner's MCP server adds on top of the pipeline call it wraps, end to end over stdio.

For each configuration a real `limner serve` runs as a subprocess over stdio (its own LIMNER_HOME in a
temp folder, the model registered there as `limner models add` does). The `generate` tool is called
with a description, a fixed seed, generator=diffusers and the model's name, and timed at the client
from request to parsed result: planning, the render, the PNG with its provenance, the content-addressed
file, the SQLite rows, the preview and the JSON-RPC round trip. Against it: a bare `pipe(...)` call in
this process on the same pipeline, loaded the way Limner loads it (same dtype, device, channels_last,
decoder) and called with the same prompt, size, steps, guidance and seed. Both are warmed up, then
alternate for --rounds rounds; ratio = median(MCP) / median(bare). The two give the same pixels,
which is checked.

Configurations: `tiny` (the tests' tiny pipeline at 64x64, where almost everything is overhead),
`tiny-512` (a tiny pipeline with SD's 8x VAE at 512x512: the per-image costs of a 512 px image,
PNG and preview, measured where the render is too short for the machine's noise to hide them) and
`full` (the full-size SD-Turbo architecture, bench/sd_turbo_arch.py, 512x512, 1 step, Limner's
defaults for this machine). --tiny-vae also runs `full+taesd` (LIMNER_TINY_VAE: the fast CPU
configuration, whose shorter render makes the same overhead a larger share). --profile adds an
in-process `Studio.generate` (+ the preview) to the alternation and times the post-render steps one
by one, to say where the overhead goes.

    python bench/overhead.py                     # about 4 minutes on 2 CPU cores
    python bench/overhead.py --tiny-vae          # about 5 minutes
    python bench/overhead.py --skip-full --profile   # the tiny pipelines only, with the breakdown (1 minute)

Last, the fixed cost per 512 px image is measured in this process, stage by stage (bench/fixed_cost.py:
planning, the run's row, PNG encoding, sha256, file write + fsync, the SQLite transaction, the preview,
the reply and its JSON), render excluded; --fixed-only measures only that (about a minute).

The last line reads `overhead: overhead_ratio=... tiny_ratio=... full_ms=... bare_ms=... n=... fixed_ms=...`,
where overhead_ratio is the `full` configuration's ratio (the issue's target is at most 1.02) and fixed_ms
the fixed cost per 512 px image (target at most 20).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fixed_cost  # noqa: E402
from sd_turbo_arch import (  # noqa: E402
    DEFAULT_CACHE,
    BenchModel,
    environment,
    full_size,
    limner_generator,
    register,
    tiny,
    tiny_512,
)
from timing import alternate, median  # noqa: E402

from limner.hookspecs import hookimpl  # noqa: E402

DESCRIPTION = "a lighthouse on a cliff at dusk, watercolor"
SEED = 7
QUIET = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error", "DIFFUSERS_VERBOSITY": "error",
         "HF_HUB_DISABLE_PROGRESS_BARS": "1", "PYTHONUNBUFFERED": "1"}


@dataclass
class Config:
    name: str
    model: BenchModel
    size: int
    tiny_vae: bool = False


@dataclass
class Result:
    config: Config
    times: dict[str, list[float]]
    dtype: str
    same_pixels: bool
    profile: dict[str, float] = field(default_factory=dict)  # milliseconds
    png_kb: float = 0.0

    @property
    def mcp_s(self) -> float:
        return median(self.times["mcp"])

    @property
    def bare_s(self) -> float:
        return median(self.times["bare"])

    @property
    def ratio(self) -> float:
        return self.mcp_s / self.bare_s

    @property
    def paired_ratio(self) -> float:
        """The median of each round's own ratio: calls next to each other share the machine's mood."""
        return median([m / b for m, b in zip(self.times["mcp"], self.times["bare"])])


def server_env(home: Path, config: Config) -> dict[str, str]:
    """The server's environment: this one, plus its data folder and the configuration being measured."""
    env = {**os.environ, **QUIET, "LIMNER_HOME": str(home)}
    for name in ("LIMNER_TINY_VAE", "LIMNER_COMPILE", "LIMNER_MODEL", "LIMNER_PRELOAD", "LIMNER_GENERATOR"):
        env.pop(name, None)
    if config.tiny_vae:
        env["LIMNER_TINY_VAE"] = str(config.model.tiny_vae)
    return env


def measure(config: Config, *, rounds: int, profile: bool) -> Result:
    import anyio.from_thread
    import torch
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters
    from PIL import Image, ImageChops

    from limner.settings import Settings

    with ExitStack() as stack:
        home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="limner-bench-")))
        catalog = register(config.model, home / "server")
        print(f"[{config.name}] loading in this process ...", file=sys.stderr, flush=True)
        generator = limner_generator(catalog, config.model, dtype=Settings().dtype,
                                     tiny_vae=config.tiny_vae)
        pipe = generator.preload(config.model.name).text_to_image

        print(f"[{config.name}] starting limner serve ...", file=sys.stderr, flush=True)
        portal = stack.enter_context(anyio.from_thread.start_blocking_portal())
        params = StdioServerParameters(command=sys.executable, args=["-m", "limner", "serve"],
                                       env=server_env(home / "server", config))
        client = stack.enter_context(portal.wrap_async_context_manager(Client(params)))
        arguments = {"description": DESCRIPTION, "seed": SEED, "width": config.size, "height": config.size,
                     "generator": "diffusers", "model": config.model.name,
                     # the bare call has no region control; the first call loads the model: a long wait
                     "layout_control": "none", "wait": 600}

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            pass  # asking for progress makes the server send it, as chat clients do

        def mcp_call():
            result = portal.call(partial(client.call_tool, "generate", arguments, progress_callback=on_progress))
            if result.is_error:
                raise SystemExit(f"generate failed: {result.content[0].text}")
            return result.structured_content

        first = mcp_call()  # loads the model in the server
        settings = first["settings"]
        if settings["dtype"] != generator.placement.dtype or settings["steps"] != 1 or settings["guidance"] != 0:
            raise SystemExit(f"the server runs {settings}, not what this process runs ({generator.placement})")
        prompt = first["scene"]["prompt"]

        def bare_call():
            with torch.inference_mode():
                return pipe(prompt=prompt, num_inference_steps=1, guidance_scale=0.0, width=config.size,
                            height=config.size, generator=torch.Generator("cpu").manual_seed(SEED)).images[0]

        with Image.open(first["path"]) as served:
            same = ImageChops.difference(served.convert("RGB"), bare_call().convert("RGB")).getbbox() is None
        variants = {"mcp": mcp_call, "bare": bare_call}
        in_process = None
        if profile:
            in_process = InProcess(stack, generator, config, home / "in-process")
            variants["studio"] = in_process.call
        print(f"[{config.name}] timing {rounds} rounds of {', '.join(variants)} ...", file=sys.stderr, flush=True)
        times = alternate(variants, rounds=rounds, warmup=1)
        result = Result(config, times, generator.placement.dtype, same)
        if in_process is not None:
            result.profile = in_process.breakdown(times, first)
            result.png_kb = in_process.png_kb
        return result


class InProcess:
    """Studio.generate in this process on the same loaded pipeline, with the render and preview timed apart."""

    def __init__(self, stack: ExitStack, generator, config: Config, home: Path):
        from limner.agents import Studio

        from limner.plugins import Registry, plugin_manager

        self.png_kb = 0.0
        self.home = home
        self.render_s: list[float] = []
        self.preview_s: list[float] = []
        self.config = config
        timed = TimedGenerator(generator, self.render_s)
        manager = plugin_manager(entry_points=False)
        manager.register(_TimedPlugin(timed), name="bench-timed")  # replaces diffusers: the Studio gets our pipeline
        with environment(LIMNER_HOME=str(home)):
            self.studio = stack.enter_context(Studio(home, registry=Registry(manager)))

    def call(self):
        from limner.server.preview import make_preview
        from PIL import Image

        made = self.studio.generate(DESCRIPTION, seed=SEED, width=self.config.size, height=self.config.size,
                                    generator="diffusers", model=self.config.model.name)
        started = time.perf_counter()
        with Image.open(made.path) as image:
            make_preview(image)
        self.preview_s.append(time.perf_counter() - started)
        return made

    def breakdown(self, times: dict[str, list[float]], structured: dict) -> dict[str, float]:
        """Milliseconds: medians of the alternated calls, and each post-render step timed on its own."""
        from limner.agents.planning.rules.planner import RulesPlanner
        from limner.lineage.files import ImageFiles
        from limner.lineage.provenance import encode_png
        from limner.server.preview import make_preview
        from PIL import Image

        runs = len(times["studio"])
        render, preview = self.render_s[-runs:], self.preview_s[-runs:]
        # A "studio" call is Studio.generate and then the preview, as the server's tool does.
        studio_only = [s - r - p for s, r, p in zip(times["studio"], render, preview)]
        parts = {
            "mcp_total": median(times["mcp"]),
            "bare_pipe": median(times["bare"]),
            "generator_render": median(render),
            "render_minus_bare": median(render) - median(times["bare"]),
            "studio_minus_render": median(studio_only),
            "preview": median(preview),
            "transport_rest": median(times["mcp"]) - median(times["studio"]),
        }
        with Image.open(structured["path"]) as stored:
            image = stored.convert("RGB")
            parameters = stored.text.get("parameters", "")
        provenance = {"scene": structured["scene"], "settings": structured["settings"]}
        planner = RulesPlanner()
        data = encode_png(image, parameters=parameters, limner=provenance)
        files = ImageFiles(self.home / "timed-writes")
        steps = {
            "plan_rules": lambda: planner.plan(DESCRIPTION, width=self.config.size, height=self.config.size),
            "encode_png": lambda: encode_png(image, parameters=parameters, limner={**provenance, "n": time.time()}),
            "file_write_fsync": lambda: files.write(data + str(time.perf_counter_ns()).encode()),
            "preview_alone": lambda: make_preview(image),
            "result_json": lambda: json.dumps(structured),
        }
        for name, step in steps.items():
            samples = []
            for _ in range(7):
                started = time.perf_counter()
                step()
                samples.append(time.perf_counter() - started)
            parts[name] = median(samples)
        self.png_kb = len(data) / 1024
        return {k: v * 1000 for k, v in parts.items()}


class _TimedPlugin:
    """A plugin, registered like any other, whose `diffusers` generator is the timed one."""

    def __init__(self, timed):
        self.timed = timed

    @hookimpl
    def register_generators(self, register):
        register("diffusers", lambda settings: self.timed, priority=None)


class TimedGenerator:
    """The Generator interface around another generator, recording how long each render takes."""

    name = "diffusers"
    description = "a DiffusersGenerator whose renders are timed"

    def __init__(self, inner, seconds: list[float]):
        self.inner, self.seconds = inner, seconds

    def render(self, spec, control=None):
        started = time.perf_counter()
        rendered = self.inner.render(spec, control)
        self.seconds.append(time.perf_counter() - started)
        return rendered

    def __getattr__(self, name):
        return getattr(self.inner, name)


def report(result: Result) -> None:
    c = result.config
    print(f"{c.name:<11} {c.size}x{c.size} {result.dtype:<8} mcp_ms={result.mcp_s * 1000:.1f} "
          f"bare_ms={result.bare_s * 1000:.1f} overhead_ms={(result.mcp_s - result.bare_s) * 1000:.1f} "
          f"ratio={result.ratio:.3f} paired_ratio={result.paired_ratio:.3f} same_pixels={result.same_pixels} "
          f"n={len(result.times['mcp'])}")
    if result.profile:
        shown = " ".join(f"{k}={v:.1f}" for k, v in result.profile.items())
        print(f"  profile (ms): {shown}  (stored PNG {result.png_kb:.0f} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9, help="timed calls of each at full size (default 9)")
    parser.add_argument("--tiny-rounds", type=int, default=30, help="timed calls of each for the tiny pipeline")
    parser.add_argument("--skip-full", action="store_true", help="only the tiny pipeline")
    parser.add_argument("--tiny-vae", action="store_true", help="also the full size with TAESD (LIMNER_TINY_VAE)")
    parser.add_argument("--profile", action="store_true", help="break the overhead down (adds an in-process run)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the benchmark models are kept")
    parser.add_argument("--fixed-only", action="store_true", help="only the fixed cost per 512 px image")
    parser.add_argument("--fixed-rounds", type=int, default=15, help="images for the fixed cost (default 15)")
    args = parser.parse_args()
    os.environ.update({k: v for k, v in QUIET.items() if k != "PYTHONUNBUFFERED"})
    if args.fixed_only:
        stages, png_kib = fixed_cost.measure(rounds=args.fixed_rounds, cache=args.cache)
        print(fixed_cost.breakdown_line(stages, png_kib))
        print(f"overhead: overhead_ratio=nan tiny_ratio=nan full_ms=nan bare_ms=nan n=0 fixed_ms={stages['fixed']:.1f}")
        return

    configs = [Config("tiny", tiny(args.cache), 64), Config("tiny-512", tiny_512(args.cache), 512)]
    if not args.skip_full:
        configs.append(Config("full", full_size(args.cache), 512))
        if args.tiny_vae:
            configs.append(Config("full+taesd", full_size(args.cache), 512, tiny_vae=True))
    results = {}
    for config in configs:
        rounds = args.tiny_rounds if config.name.startswith("tiny") else args.rounds
        results[config.name] = measure(config, rounds=rounds, profile=args.profile)
        report(results[config.name])

    stages, png_kib = fixed_cost.measure(rounds=args.fixed_rounds, cache=args.cache)
    print(fixed_cost.breakdown_line(stages, png_kib))
    fixed = f"fixed_ms={stages['fixed']:.1f}"
    tiny_ratio = results["tiny"].ratio
    main_result = results.get("full")
    if main_result is None:
        print(f"overhead: overhead_ratio=nan tiny_ratio={tiny_ratio:.3f} full_ms=nan bare_ms=nan n=0 {fixed}")
        return
    print(f"overhead: overhead_ratio={main_result.ratio:.3f} tiny_ratio={tiny_ratio:.3f} "
          f"full_ms={main_result.mcp_s * 1000:.1f} bare_ms={main_result.bare_s * 1000:.1f} n={args.rounds} {fixed}")


if __name__ == "__main__":
    main()
