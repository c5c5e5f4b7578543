"""A masked edit against a plain image-to-image edit at the same strength: its time, and what it keeps.

On the full-size SD-Turbo architecture (random weights, bench/sd_turbo_arch.py) at 512x512, the same
parent picture is edited two ways, alternating for --rounds rounds after a warm-up:

- `image-to-image`: the whole picture repainted at the strength (what object edits did before masks);
- `masked`: the inpainting pipeline made from the same loaded weights (from_pipe) with a mask of one
  object's box, then the parent's pixels put back outside the mask (generators/masks.py), as a
  masked refine does.

`time_ratio` = median(masked) / median(image-to-image); `outside_changed` is the share of pixels outside
the mask that differ from the parent's (it must be 0).

    python bench/masked_edit.py            # full size: builds the 4.8 GB folder once, then a few minutes
    python bench/masked_edit.py --tiny     # the tests' tiny pipeline with SD's 8x VAE: seconds

The last line reads `masked_edit: time_ratio=X.XX outside_changed=0.0000`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from limner.generators import RenderSpec  # noqa: E402
from limner.generators.masks import paste_outside, region_mask  # noqa: E402
from sd_turbo_arch import full_size, limner_generator, register, tiny_512  # noqa: E402

STRENGTH = 0.85
BOX = (0.3, 0.35, 0.35, 0.4)  # the edited object's box


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="the tiny pipeline instead of the full-size one")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args(argv)
    model = tiny_512() if options.tiny else full_size()
    with tempfile.TemporaryDirectory() as home:
        generator = limner_generator(register(model, Path(home)), model)
        size = 512
        base = dict(prompt="a red ball on a wooden table", width=size, height=size, seed=7, model=model.name)
        parent = generator.render(RenderSpec(**base)).image
        mask = region_mask([BOX], size, size)
        edit = dict(base, prompt="a green ball on a wooden table", init_image=parent, strength=STRENGTH)
        timings: dict[str, list[float]] = {"image-to-image": [], "masked": []}
        outside_changed = 0.0
        for round_number in range(options.rounds + 1):  # the first round warms both pipelines up
            for how in timings:
                started = time.perf_counter()
                if how == "masked":
                    rendered = generator.render(RenderSpec(**edit, mask=mask)).image
                    child = paste_outside(rendered, parent, mask)
                else:
                    child = generator.render(RenderSpec(**edit)).image
                elapsed = time.perf_counter() - started
                if round_number:
                    timings[how].append(elapsed)
                if how == "masked":
                    outside = np.asarray(mask) == 0
                    moved = np.abs(np.asarray(child, dtype=int) - np.asarray(parent, dtype=int)).sum(axis=-1) > 0
                    outside_changed = max(outside_changed, float(moved[outside].mean()))
    medians = {how: statistics.median(values) for how, values in timings.items()}
    for how, value in medians.items():
        print(f"{how:<15} {value * 1000:9.1f} ms (median of {options.rounds})")
    ratio = medians["masked"] / medians["image-to-image"]
    print(f"masked_edit: time_ratio={ratio:.2f} outside_changed={outside_changed:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
