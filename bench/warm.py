"""Cold versus warm: a fresh Limner's first generate (which loads the model) against its second.

Each round starts a fresh Python process, as a fresh `limner serve` would be, that imports Limner,
builds a DiffusersGenerator from Settings (read from the environment, as users configure it) and renders
the same 512x512, 1-step spec twice: the first call pays for importing torch and diffusers (timed
apart as import_s), loading the pipeline (load_s) and the first run of each kernel; the second finds
everything in the PipelineCache. cold_s counts all of it, from the first call's start.
Load time per GB is `LoadedModel.load_seconds` over `LoadedModel.size_bytes` (the weights in memory,
GiB); per GB on disk is printed too. Medians over --rounds processes.

By default the model's files are whatever the page cache holds (after the first round: in memory).
--drop-page-cache evicts just the model's files (posix_fadvise DONTNEED, no root needed) before each
round, so loading reads the disk.

    python bench/warm.py                       # full-size SD-Turbo architecture + TAESD, ~2 minutes
    python bench/warm.py --tiny                # the tests' tiny pipeline at 64x64, seconds
    python bench/warm.py --full-vae --drop-page-cache

The last line reads `warm: cold_warm_ratio=... load_s_per_gb=... cold_s=... warm_s=...`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sd_turbo_arch import DEFAULT_CACHE, BenchModel, full_size, register, tiny  # noqa: E402
from timing import median  # noqa: E402

GiB = 2**30


def worker(model: BenchModel, size: int, home: Path) -> dict:
    """One fresh process's two calls; torch and diffusers are not imported before the first."""
    from limner.generators import RenderSpec
    from limner.generators.diffusion import DiffusersGenerator

    from limner.settings import Settings

    register(model, home)
    generator = DiffusersGenerator.from_settings(Settings(home=home))  # LIMNER_TINY_VAE from run_round's environment
    spec = RenderSpec(prompt="a lighthouse on a cliff at dusk, watercolor", width=size, height=size, seed=7,
                      model=model.name)
    started = time.perf_counter()
    import torch  # noqa: F401  what the first render imports, timed apart (Limner imports them lazily)
    from diffusers import AutoPipelineForText2Image  # noqa: F401

    imports = time.perf_counter() - started
    generator.render(spec)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    rendered = generator.render(spec)
    warm = time.perf_counter() - started
    loaded = generator.preload(model.name)  # a cache hit: the LoadedModel the calls used
    return {
        "cold_s": cold,
        "import_s": imports,
        "warm_s": warm,
        "load_s": loaded.load_seconds,
        "size_bytes": loaded.size_bytes,
        "disk_bytes": loaded.entry.size_bytes + (_folder_bytes(model.tiny_vae) if rendered.settings["decoder"] == "tiny" else 0),
        "loads": generator.cache.loads,
        "hits": generator.cache.hits,
        "dtype": loaded.placement.dtype,
        "tiny_vae": rendered.settings["decoder"] == "tiny",
    }


def _folder_bytes(folder: Path | None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder else 0


def drop_page_cache(*folders: Path | None) -> None:
    """Evict these files from the page cache, so the next load reads them from disk."""
    for folder in folders:
        for path in (p for p in (folder.rglob("*") if folder else ()) if p.is_file()):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def run_round(args: argparse.Namespace, model: BenchModel) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error", "DIFFUSERS_VERBOSITY": "error"}
    env.pop("LIMNER_TINY_VAE", None)
    env.pop("LIMNER_COMPILE", None)
    if model.tiny_vae and not args.full_vae:
        env["LIMNER_TINY_VAE"] = str(model.tiny_vae)
    if args.drop_page_cache:
        drop_page_cache(model.pipeline, model.tiny_vae)
    with tempfile.TemporaryDirectory(prefix="limner-bench-") as home:
        command = [sys.executable, __file__, "--worker", "--home", home, "--cache", str(args.cache)]
        if args.tiny:
            command.append("--tiny")
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes (default 3)")
    parser.add_argument("--tiny", action="store_true", help="the tiny pipeline at 64x64 instead of the full size")
    parser.add_argument("--full-vae", action="store_true",
                        help="without TAESD (Limner's default when LIMNER_TINY_VAE is unset)")
    parser.add_argument("--drop-page-cache", action="store_true", help="evict the model's files before each round")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the benchmark models are kept")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    model = tiny(args.cache) if args.tiny else full_size(args.cache)
    size = 64 if args.tiny else 512
    if args.worker:
        print(json.dumps(worker(model, size, args.home)))
        return

    rounds = []
    for number in range(args.rounds):
        result = run_round(args, model)
        rounds.append(result)
        print(f"  round {number + 1}/{args.rounds}: cold {result['cold_s']:.3f}s (load {result['load_s']:.3f}s) "
              f"warm {result['warm_s']:.3f}s", file=sys.stderr, flush=True)
    assert all(r["loads"] == 1 and r["hits"] >= 1 for r in rounds), "the second call should load nothing"

    cold, warm, load, imports = (median([r[key] for r in rounds]) for key in ("cold_s", "warm_s", "load_s", "import_s"))
    memory_gb, disk_gb = rounds[0]["size_bytes"] / GiB, rounds[0]["disk_bytes"] / GiB
    first = rounds[0]
    print(f"{model.name} {size}x{size} {first['dtype']} tiny_vae={first['tiny_vae']} "
          f"page_cache={'dropped' if args.drop_page_cache else 'as is'}: weights {memory_gb:.2f} GiB in memory, "
          f"{disk_gb:.2f} GiB on disk; import_s={imports:.3f} load_s={load:.3f} "
          f"first_render_s={cold - load - imports:.3f} "
          f"load_s_per_disk_gb={load / disk_gb:.2f} n={args.rounds}")
    print(f"warm: cold_warm_ratio={cold / warm:.2f} load_s_per_gb={load / memory_gb:.2f} cold_s={cold:.3f} "
          f"warm_s={warm:.3f}")


if __name__ == "__main__":
    main()
