"""How much faster Limner's CPU path makes SD-Turbo than a plain diffusers call, end to end and per stage.

The full-size SD-Turbo architecture (bench/sd_turbo_arch.py, random weights: speed depends only on
the shapes), 512x512, 1 step, guidance 0, prompt to PIL image:

- limner: what DiffusersGenerator does by default on this CPU, with nothing opted into: bfloat16 where
  the CPU has it, channels_last, all cores, and the family's tiny decoder (TAESD), which it uses by
  default on CPU because it finds madebyollin/taesd in the Hub cache, where `limner models pull` puts it
  beside the model (here the TAESD architecture is laid out there as madebyollin/taesd);
- baseline: `StableDiffusionPipeline.from_pretrained(folder)` as loaded by default (float32, the
  full VAE decoder) called as SD-Turbo's model card shows: `pipe(prompt, num_inference_steps=1,
  guidance_scale=0.0).images[0]`;
- variants worth knowing: Limner in bfloat16 with the full VAE (quality="full"), Limner in float32
  (with its default TAESD); on
  request (--variants) `contiguous` (the fast configuration without channels_last) and `compile`
  (LIMNER_COMPILE: torch.compile of the UNet; --freeze adds inductor's freezing, which prepacks the
  weights for oneDNN; compiling takes about two minutes on 2 cores).

Every variant is loaded once, warmed up, then all run in alternating order for --rounds rounds;
medians are reported. Stage times (text encoder, UNet, decoder) come from forward hooks on the same
calls; "other" is the rest of each call (scheduler, latents, image conversion). Shares are each
call's own, then their medians.

    python bench/cpu_speed.py                 # about 5 minutes on 2 cores
    python bench/cpu_speed.py --rounds 3 --variants limner,baseline
    python bench/cpu_speed.py --variants limner,baseline,contiguous --compile --freeze --rounds 4

The last line reads `cpu_speed: speedup=... limner_s=... baseline_s=... ` followed by the stage shares.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sd_turbo_arch import DEFAULT_CACHE, BenchModel, full_size, limner_generator  # noqa: E402
from timing import StageTimer, alternate, median, pipeline_stages  # noqa: E402

PROMPT = "a lighthouse on a cliff at dusk, watercolor"
SEED = 7
SIZE = 512
VARIANTS = ("limner", "baseline", "bf16-full-vae", "fp32-taesd")
OPTIONAL = ("compile", "contiguous")


@dataclass
class Variant:
    name: str
    description: str
    pipe: object  # the pipeline its calls run, for the stage hooks
    call: Callable[[], object]  # prompt to PIL image
    vae: object = None  # the autoencoder it decodes with, when not the pipeline's own (Limner's tiny decoder)

    def stages(self) -> dict[str, object]:
        stages = pipeline_stages(self.pipe)
        return {**stages, "decoder": self.vae.decoder} if self.vae is not None else stages


def limner_variant(name: str, description: str, catalog, model: BenchModel, *, quality: str | None = None,
                   **config) -> Variant:
    from limner.generators import RenderSpec

    generator = limner_generator(catalog, model, **config)
    spec = RenderSpec(prompt=PROMPT, width=SIZE, height=SIZE, seed=SEED, model=model.name, quality=quality)
    pipe = generator.preload(model.name).text_to_image
    placement = generator.placement
    decoder = generator.render(spec).settings["decoder"]  # what this variant decodes with, as recorded
    vae = generator.preload(model.name).decoder(decoder == "tiny")  # swapped in for each render

    def call():
        rendered = generator.render(spec)
        assert rendered.settings["decoder"] == decoder
        return rendered.image

    return Variant(name, f"{description} [{placement.dtype}, {decoder} decoder]", pipe, call, vae)


def catalog_with_taesd(model: BenchModel, home: Path):
    """A catalog with `model` registered and its TAESD in the Hub cache as madebyollin/taesd, as pulled."""
    import shutil

    from limner.generators.models import ModelCatalog

    hub = home / "hub"
    snapshot = hub / "models--madebyollin--taesd" / "snapshots" / ("0" * 40)
    shutil.copytree(model.tiny_vae, snapshot)
    (snapshot.parent.parent / "refs").mkdir(parents=True, exist_ok=True)
    (snapshot.parent.parent / "refs" / "main").write_text("0" * 40)
    catalog = ModelCatalog(home / "models.json", hub_cache=hub)
    catalog.add(model.name, model.pipeline)
    assert catalog.tiny_decoder(catalog.resolve(model.name).family) is not None
    return catalog


def contiguous_variant(catalog, model: BenchModel) -> Variant:
    """Limner's fast configuration with the UNet and decoder put back in the default memory format."""
    import torch

    variant = limner_variant("contiguous", "Limner default (TAESD), not channels_last", catalog, model)
    for module in (variant.pipe.unet, variant.vae):
        module.to(memory_format=torch.contiguous_format)
    return variant


def baseline_variant(model: BenchModel) -> Variant:
    import torch
    from diffusers import StableDiffusionPipeline

    pipe = StableDiffusionPipeline.from_pretrained(model.pipeline)
    pipe.set_progress_bar_config(disable=True)

    def call():
        return pipe(PROMPT, num_inference_steps=1, guidance_scale=0.0,
                    generator=torch.Generator("cpu").manual_seed(SEED)).images[0]

    return Variant("baseline", "StableDiffusionPipeline.from_pretrained defaults [float32, full VAE]", pipe, call)


def build(names: list[str], model: BenchModel, home: Path) -> list[Variant]:
    catalog = catalog_with_taesd(model, home)  # what a machine has after `limner models pull`: no settings
    makers = {
        "limner": lambda: limner_variant("limner", "Limner defaults (TAESD found in the Hub cache)", catalog, model),
        "baseline": lambda: baseline_variant(model),
        "bf16-full-vae": lambda: limner_variant("bf16-full-vae", "Limner, quality='full'", catalog, model,
                                                dtype="bfloat16", quality="full"),
        "fp32-taesd": lambda: limner_variant("fp32-taesd", "Limner defaults in float32", catalog, model,
                                             dtype="float32"),
        "compile": lambda: limner_variant("compile", "Limner defaults + LIMNER_COMPILE", catalog, model, compile=True),
        "contiguous": lambda: contiguous_variant(catalog, model),
    }
    variants = []
    for name in names:
        print(f"loading {name} ...", file=sys.stderr, flush=True)
        variants.append(makers[name]())
    return variants


def timed(variant: Variant, timer: StageTimer) -> Callable[[], object]:
    def call():
        timer.begin()
        image = variant.call()
        timer.end()
        assert image.size == (SIZE, SIZE), image.size
        return image

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="timed calls per variant (default 5)")
    parser.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, from {VARIANTS + OPTIONAL}")
    parser.add_argument("--compile", action="store_true", help="also time LIMNER_COMPILE (torch.compile of the UNet)")
    parser.add_argument("--freeze", action="store_true",
                        help="compile with inductor's freezing (constant weights, prepacked for oneDNN)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the benchmark model is kept")
    args = parser.parse_args()
    names = [n.strip() for n in args.variants.split(",") if n.strip()]
    if args.compile and "compile" not in names:
        names.append("compile")
    for required in ("limner", "baseline"):
        if required not in names:
            names.insert(0, required)

    import torch

    if args.freeze:
        import torch._inductor.config

        torch._inductor.config.freezing = True
    model = full_size(args.cache)
    with tempfile.TemporaryDirectory(prefix="limner-bench-") as home:
        variants = build(names, model, Path(home))
        timers = {v.name: StageTimer(v.stages()) for v in variants}
        calls = {v.name: timed(v, timers[v.name]) for v in variants}
        print(f"warming up ({len(variants)} variants; torch {torch.__version__}, {torch.get_num_threads()} threads, "
              f"{os.cpu_count()} CPUs) ...", file=sys.stderr, flush=True)
        for name, call in calls.items():  # the first call of each pays for oneDNN kernel selection (and compiling)
            started = time.perf_counter()
            call()
            print(f"  first call of {name}: {time.perf_counter() - started:.1f}s", file=sys.stderr, flush=True)
        for timer in timers.values():
            timer.stages.clear()
        times = alternate(calls, rounds=args.rounds, warmup=0)

    baseline_s = median(times["baseline"])
    columns = ("median_s", "speedup", "text_enc", "unet", "decoder", "other")
    print(f"{'variant':<15} " + " ".join(f"{c:>8}" for c in columns) + "  what")
    shares = {}
    for variant in variants:
        totals = times[variant.name]
        per_call = dict(timers[variant.name].stages)  # seconds in each stage, call by call
        per_call["other"] = [t - sum(parts) for t, *parts in zip(totals, *per_call.values())]
        stages = {name: median(values) for name, values in per_call.items()}
        total = median(totals)
        values = (total, baseline_s / total, *(stages[name] for name in ("text_encoder", "unet", "decoder", "other")))
        print(f"{variant.name:<15} " + " ".join(f"{v:8.3f}" for v in values) + f"  {variant.description}")
        # Each call's own shares, then their medians: medians of parts need not add up to the median whole.
        shares[variant.name] = {name: median([v / t for v, t in zip(values, totals)])
                                for name, values in per_call.items()}
    limner_s = median(times["limner"])

    def share_text(name: str) -> str:
        s = shares[name]
        return (f"{name}_text_encoder={s['text_encoder']:.0%} {name}_unet={s['unet']:.0%} "
                f"{name}_decoder={s['decoder']:.0%} {name}_other={s['other']:.0%}")

    print(f"cpu_speed: speedup={baseline_s / limner_s:.2f} limner_s={limner_s:.3f} baseline_s={baseline_s:.3f} "
          f"{share_text('limner')} {share_text('baseline')} n={args.rounds}")


if __name__ == "__main__":
    main()
