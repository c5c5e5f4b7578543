"""What attention layout control costs, and what it does to where objects' words attend.

1. Cost: full-size SD-Turbo architecture (random weights, `sd_turbo_arch.py`), 512 px, one step, the same
   Scene (two boxed objects) rendered through `DiffusersGenerator.render` with `layout_control` 'none' and
   'attention', alternating, after a warm-up of each; the ratio of the median times (target <= 1.10).
2. Effect: the tests' tiny SD- and SDXL-shaped pipelines; the share of the two objects' token attention
   (every cross-attention layer, head and step) that falls inside their boxes, with the region bias and
   without it (the same probe at strength 0, which is the model's own attention).

Random weights say nothing of image quality, only of cost and of where attention goes.

    python bench/layout_control.py                 # full size (builds it once: ~5 GB), then tiny
    python bench/layout_control.py --quick         # cost on the tiny 512 px pipeline instead (seconds)

Last line: `layout_control: cost_ratio=X.XX inside_mass_attention=X.XX inside_mass_none=X.XX`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sd_turbo_arch  # noqa: E402  (puts tests/ on the path too)
from tiny_models import build_tiny_sd, build_tiny_sdxl  # noqa: E402

PROMPT = "a red ball left of a blue box on a wooden table, watercolor"


def _items():
    from limner.generators import RenderItem

    return (RenderItem("ball", color="red", box=(0.05, 0.3, 0.4, 0.45)),
            RenderItem("box", color="blue", box=(0.55, 0.25, 0.4, 0.5)))  # fmt: skip


def cost_ratio(model: sd_turbo_arch.BenchModel, *, size: int, repeats: int, dtype: str | None) -> tuple[float, dict]:
    from limner.generators import RenderSpec

    with tempfile.TemporaryDirectory() as home:
        generator = sd_turbo_arch.limner_generator(sd_turbo_arch.register(model, Path(home)), model, dtype=dtype)
        times: dict[str, list[float]] = {"none": [], "attention": []}
        for round_ in range(repeats + 1):  # round 0 warms both paths up
            for control in ("none", "attention"):
                spec = RenderSpec(prompt=PROMPT, width=size, height=size, seed=7, model=model.name, items=_items(),
                                  layout_control=control)  # fmt: skip
                started = time.perf_counter()
                rendered = generator.render(spec)
                elapsed = time.perf_counter() - started
                assert rendered.settings["layout_control"] == control
                if round_:
                    times[control].append(elapsed)
                print(f"  {model.name} {control:9s} {elapsed:7.3f} s  ({rendered.settings['device']}, "
                      f"{rendered.settings['dtype']}, {rendered.settings['steps']} step)", flush=True)  # fmt: skip
        medians = {control: statistics.median(values) for control, values in times.items()}
        return medians["attention"] / medians["none"], medians


def inside_masses(folder: Path) -> tuple[float, float]:
    """The objects' inside-box attention share with the region bias and without it, on one tiny pipeline."""
    import torch
    from diffusers import AutoPipelineForText2Image
    from limner.generators.region_control import AttentionShare, region_attention

    pipe = AutoPipelineForText2Image.from_pretrained(folder, local_files_only=True)
    pipe.set_progress_bar_config(disable=True)
    shares = []
    for strength in (1.0, 0.0):
        probe = AttentionShare()
        with torch.inference_mode(), region_attention(pipe, PROMPT, _items(), strength=strength, probe=probe):
            pipe(PROMPT, num_inference_steps=2, guidance_scale=5.0, width=64, height=64,
                 generator=torch.Generator("cpu").manual_seed(1))  # fmt: skip
        shares.append(probe.share)
    return shares[0], shares[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=sd_turbo_arch.DEFAULT_CACHE)
    parser.add_argument("--repeats", type=int, default=3, help="timed renders of each, after a warm-up")
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--dtype", default=None, help="float32, bfloat16, float16 (default: Limner's choice)")
    parser.add_argument("--quick", action="store_true", help="time the tiny 512 px pipeline, not the full size")
    args = parser.parse_args()

    model = sd_turbo_arch.tiny_512(args.cache) if args.quick else sd_turbo_arch.full_size(args.cache)
    print(f"cost: {model.name} at {args.size} px, {args.repeats} timed renders each", flush=True)
    ratio, medians = cost_ratio(model, size=args.size, repeats=args.repeats, dtype=args.dtype)
    print(f"  median none {medians['none']:.3f} s, attention {medians['attention']:.3f} s: {ratio:.3f}x")

    print("attention mass inside the boxes (tiny pipelines, 2 steps, guidance 5):")
    with tempfile.TemporaryDirectory() as scratch:
        masses = {}
        for name, build in (("tiny SD", build_tiny_sd), ("tiny SDXL", build_tiny_sdxl)):
            masses[name] = inside_masses(build(Path(scratch) / name.replace(" ", "-")))
            print(f"  {name:9s} attention {masses[name][0]:.3f}  none {masses[name][1]:.3f}")
    with_bias = statistics.mean(m[0] for m in masses.values())
    without = statistics.mean(m[1] for m in masses.values())
    print(
        f"layout_control: cost_ratio={ratio:.2f} inside_mass_attention={with_bias:.2f} inside_mass_none={without:.2f}"
    )


if __name__ == "__main__":
    main()
