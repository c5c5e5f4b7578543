"""The feedback loop on GenEval's colour and position prompts, and what looking costs next to drawing.

    python bench/loop.py [--data PATH] [--rounds 3] [--limit N] [--skip-tiny]

Part 1, with the `layout` generator and the `palette` captioner, where colour and position checks
are measurable: every colour and position prompt of ../shared/data/geneval_prompts.jsonl is
generated with `rounds=N`, and the share of the checks that could be verified (the colour and
relation checks; an object's presence needs a vision model) that passed after round 1 and after the
loop is reported, with the rounds used and the time per round. The planner is `rules`.

Part 2, the tiny pipelines the tests build (an SD UNet/VAE/CLIP text encoder and a BLIP captioner, a
few hundred kilobytes each, at 64x64): the time of caption + evaluate as a fraction of the time of
generating, both measured in this run, side by side, after a warm-up.

The last line reads `loop: passed_round1=X.XX passed_after_loop=X.XX rounds_mean=... s_per_round=...
look_over_generate=...`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "geneval_prompts.jsonl"
TAGS = ("colors", "color_attr", "position")


def measured_share(evaluation: dict) -> tuple[int, int]:
    """(passed, answered) among the required checks a judge could answer."""
    answered = [v for v in evaluation["verdicts"] if v["required"] and v["status"] != "unverified"]
    return sum(v["status"] == "passed" for v in answered), len(answered)


def loop_part(data: Path, rounds: int, limit: int | None) -> dict[str, float]:
    from limner.agents import Studio

    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["tag"] in TAGS][:limit]
    first_passed = first_answered = last_passed = last_answered = 0
    rounds_used: list[int] = []
    seconds_per_round: list[float] = []
    with tempfile.TemporaryDirectory() as home, Studio(home) as studio:
        for i, row in enumerate(rows):
            started = time.perf_counter()
            made = studio.generate(row["prompt"], generator="layout", planner="rules", seed=i, rounds=rounds)
            elapsed = time.perf_counter() - started
            used = max(a.round for a in made.attempts)
            rounds_used.append(used)
            seconds_per_round.append(elapsed / used)
            first_image = made.attempts[0].image_id
            first = studio.lineage.evaluations(first_image)[0]["evaluation"]
            p, a = measured_share(first)
            first_passed, first_answered = first_passed + p, first_answered + a
            p, a = measured_share(made.evaluation.model_dump(mode="json"))
            last_passed, last_answered = last_passed + p, last_answered + a
    print(f"loop: {len(rows)} prompts ({', '.join(TAGS)}), rounds<={rounds}, layout + palette")
    print(f"  verifiable checks passed after round 1: {first_passed}/{first_answered}")
    print(f"  verifiable checks passed after the loop: {last_passed}/{last_answered}")
    print(f"  rounds used: mean {statistics.mean(rounds_used):.2f}, max {max(rounds_used)}")
    print(f"  time per round: median {1000 * statistics.median(seconds_per_round):.1f} ms")
    return {
        "passed_round1": first_passed / max(first_answered, 1),
        "passed_after_loop": last_passed / max(last_answered, 1),
        "rounds_mean": statistics.mean(rounds_used),
        "s_per_round": statistics.median(seconds_per_round),
    }


def tiny_part(repeats: int = 5) -> float:
    """Median (caption + evaluate) / generate on the tests' tiny pipelines, interleaved in one run."""
    sys.path.insert(0, str(REPO))
    from tests.tiny_models import build_tiny_sd
    from tests.tiny_vision import build_tiny_blip

    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        sd = build_tiny_sd(scratch_path / "sd")
        blip = build_tiny_blip(scratch_path / "blip")
        os.environ["LIMNER_CAPTION_MODEL"] = str(blip)
        from limner.agents import Studio

        with Studio(scratch_path / "home") as studio:
            kwargs = dict(generator="diffusers", model=str(sd), width=64, height=64, planner="rules")
            studio.generate("a red ball to the left of a blue cube", seed=0, **kwargs)  # warm-up: load both
            made = studio.generate("a red ball to the left of a blue cube", seed=1, **kwargs)
            studio.evaluate(made.image_id, captioner="transformers")
            ratios = []
            for k in range(repeats):
                started = time.perf_counter()
                made = studio.generate("a red ball to the left of a blue cube", seed=2 + k, **kwargs)
                drawn = time.perf_counter() - started
                started = time.perf_counter()
                studio.evaluate(made.image_id, captioner="transformers")
                looked = time.perf_counter() - started
                ratios.append(looked / drawn)
    ratio = statistics.median(ratios)
    print(f"tiny pipelines (64x64): caption + evaluate took {ratio:.2f}x the time of generate (median of {repeats})")
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N colour and position prompts")
    parser.add_argument("--skip-tiny", action="store_true", help="skip the tiny-pipeline timing (needs torch)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"no data file at {args.data}; pass --data PATH")
    result = loop_part(args.data, args.rounds, args.limit)
    look = "n/a" if args.skip_tiny else f"{tiny_part():.2f}"
    print(
        f"loop: passed_round1={result['passed_round1']:.2f} passed_after_loop={result['passed_after_loop']:.2f} "
        f"rounds_mean={result['rounds_mean']:.2f} s_per_round={result['s_per_round']:.3f} look_over_generate={look}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
