"""Train the shapes CVAE from a seed, on the CPU, in a few minutes.

    python -m limner_cvae.train --seed 0 --out limner_cvae/weights/cvae.pt --preview /tmp/cvae-samples.png

The same seed, step count and thread count give the same weights on the same machine: the data
is drawn from the seed (limner_cvae.data), the initial weights, batch order and noise come from
`torch.manual_seed`, and torch is told to use deterministic algorithms. (Different CPUs may pick
different kernels, so bit-identical weights across machines are not promised.)
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import os
import time
from pathlib import Path

# OpenMP threads that spin while waiting for each other make training several times slower on a
# busy machine (another process holding a core); passive waiting costs nothing when the cores are
# free. It must be set before torch starts its thread pool, hence before the import.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402

from limner_cvae.data import COLOR_NAMES, SHAPES, SIZE, make_dataset  # noqa: E402
from limner_cvae.model import CVAE, Z_DIM, condition, loss  # noqa: E402

FORMAT = "limner-cvae/1"


def train(*, seed: int, steps: int, batch: int, per_class: int, lr: float, threads: int, log_every: int = 50) -> CVAE:
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    # Thread count changes how reductions are split, so it is part of what makes a run reproducible.
    torch.set_num_threads(threads)

    images, shapes, colors = make_dataset(seed, per_class)
    images = torch.from_numpy(images)  # uint8, converted per batch: a float copy of the set would be 4x the memory
    shapes, colors = torch.from_numpy(shapes), torch.from_numpy(colors)
    print(f"dataset: {len(images)} images of {len(SHAPES)} shapes x {len(COLOR_NAMES)} colours, {SIZE}x{SIZE}")

    # channels-last is the layout the CPU convolution kernels (oneDNN) prefer: about a quarter faster here.
    model = CVAE().to(memory_format=torch.channels_last)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    # Cosine decay to a tenth: large early steps to find the shapes, small late ones to sharpen them.
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * step / steps))
    )
    order = torch.Generator().manual_seed(seed)
    permutation, cursor = torch.randperm(len(images), generator=order), 0
    started = time.monotonic()
    for step in range(steps):
        if cursor + batch > len(images):  # a new epoch: reshuffle, from the same seeded generator
            permutation, cursor = torch.randperm(len(images), generator=order), 0
        index = permutation[cursor : cursor + batch]
        cursor += batch
        x = (images[index].float() / 255).contiguous(memory_format=torch.channels_last)
        c = condition(shapes[index], colors[index])
        # KL warm-up over the first fifth: the decoder learns to use z before the prior pulls it in.
        beta = min(1.0, step / (0.2 * steps))
        reconstruction, mu, logvar = model(x, c)
        total, reconstruction_term, kl = loss(x, reconstruction, mu, logvar, beta)
        optimiser.zero_grad()
        total.backward()
        optimiser.step()
        schedule.step()
        if step % log_every == 0 or step == steps - 1:
            print(
                f"step {step:5d}  loss {total.item():9.1f}  reconstruction {reconstruction_term.item():9.1f}"
                f"  kl {kl.item():6.1f}  {time.monotonic() - started:6.1f}s",
                flush=True,
            )
    return model.eval()


def save(model: CVAE, path: Path, *, seed: int, steps: int) -> None:
    """Write the decoder only, in float16.

    Rendering samples z from the prior and decodes it, so the encoder is not needed after training;
    leaving it out and halving the precision keeps the shipped file near 1 MB.
    """
    state = {name: tensor.half() for name, tensor in model.decoder.state_dict().items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    # Serialised in memory first: torch.save names the archive inside the file after the file, and
    # the same weights should be the same bytes wherever they are written.
    buffer = io.BytesIO()
    torch.save(
        {
            "format": FORMAT,
            "decoder": state,
            "shapes": list(SHAPES),
            "colors": list(COLOR_NAMES),
            "size": SIZE,
            "z_dim": Z_DIM,
            "seed": seed,
            "steps": steps,
        },
        buffer,
    )
    path.write_bytes(buffer.getvalue())


def preview(model: CVAE, path: Path, *, seed: int) -> None:
    """A grid of prior samples: one row per shape, two columns per colour, on mid grey."""
    from PIL import Image

    generator = torch.Generator().manual_seed(seed)
    cells = [(s, c) for s in range(len(SHAPES)) for c in range(len(COLOR_NAMES)) for _ in range(2)]
    s_index = torch.tensor([s for s, _ in cells])
    c_index = torch.tensor([c for _, c in cells])
    with torch.no_grad():
        rgba = model.decoder(torch.randn(len(cells), Z_DIM, generator=generator), condition(s_index, c_index))
    # Composite each sample's RGB through its own alpha onto grey, as rendering does onto a canvas.
    grey = torch.full((3, SIZE, SIZE), 0.55)
    columns = 2 * len(COLOR_NAMES)
    sheet = Image.new("RGB", (columns * SIZE, len(SHAPES) * SIZE))
    for i, sample in enumerate(rgba):
        alpha = sample[3:4]
        tile = (sample[:3] * alpha + grey * (1 - alpha)).clamp(0, 1)
        array = (tile.permute(1, 2, 0).numpy() * 255).round().astype("uint8")
        sheet.paste(Image.fromarray(array), ((i % columns) * SIZE, (i // columns) * SIZE))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m limner_cvae.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--out", type=Path, required=True, help="weights file to write (e.g. limner_cvae/weights/cvae.pt)"
    )
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--batch", type=int, default=48)
    parser.add_argument("--per-class", type=int, default=250, help="training images per shape and colour")
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--preview", type=Path, help="also write a PNG grid of samples here")
    args = parser.parse_args(argv)

    started = time.monotonic()
    model = train(
        seed=args.seed, steps=args.steps, batch=args.batch, per_class=args.per_class, lr=args.lr, threads=args.threads
    )
    save(model, args.out, seed=args.seed, steps=args.steps)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    size_kb = args.out.stat().st_size / 1024
    print(f"wrote {args.out} ({size_kb:.0f} KiB, sha256 {digest}) in {time.monotonic() - started:.0f}s")
    if args.preview:
        preview(model, args.preview, seed=args.seed)
        print(f"wrote {args.preview}")


if __name__ == "__main__":
    main()
