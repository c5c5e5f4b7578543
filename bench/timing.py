"""Timing on a noisy machine: compared variants alternate round by round, and medians are reported.

`alternate` runs every variant once per round, rotating the order each round (A B C, B C A,
C A B ...), so each variant takes each place equally often and slow drift falls on all alike.
`StageTimer` times a pipeline's parts (text encoder, UNet, decoder) with forward hooks, so the stage
shares come from the same calls as the end-to-end times.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def alternate(
    variants: dict[str, Callable[[], Any]], *, rounds: int, warmup: int = 1, log: bool = True
) -> dict[str, list[float]]:
    """Seconds per call of each variant, `rounds` each, after `warmup` untimed calls of each."""
    for _ in range(warmup):
        for call in variants.values():
            call()
    times: dict[str, list[float]] = {name: [] for name in variants}
    for round_number in range(rounds):
        order = list(variants.items())
        shift = round_number % len(order)
        order = order[shift:] + order[:shift]
        for name, call in order:
            started = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - started)
        if log:
            shown = "  ".join(f"{name} {times[name][-1]:.3f}s" for name in variants)
            print(f"  round {round_number + 1}/{rounds}: {shown}", file=sys.stderr, flush=True)
    return times


class StageTimer:
    """Wall time spent inside chosen modules' forward calls, per call of the whole pipeline.

    Attach it to a pipeline's text encoder, UNet and decoder; `begin()` before a call, then
    `stages[name]` holds each call's seconds in that stage.
    """

    def __init__(self, modules: dict[str, Any]):
        self.stages: dict[str, list[float]] = defaultdict(list)
        self._current: dict[str, float] = {}
        self._started: dict[str, float] = {}
        self._handles = []
        for name, module in modules.items():
            self._handles.append(module.register_forward_pre_hook(self._enter(name)))
            self._handles.append(module.register_forward_hook(self._leave(name)))

    def _enter(self, name: str):
        def hook(module, args):
            self._started[name] = time.perf_counter()

        return hook

    def _leave(self, name: str):
        def hook(module, args, output):
            self._current[name] = self._current.get(name, 0.0) + time.perf_counter() - self._started.pop(name)

        return hook

    def begin(self) -> None:
        self._current = {}

    def end(self) -> None:
        for name, seconds in self._current.items():
            self.stages[name].append(seconds)

    def remove(self) -> None:
        for handle in self._handles:
            handle.remove()


def pipeline_stages(pipe: Any) -> dict[str, Any]:
    """The modules whose forward calls are a text-to-image pipeline's stages."""
    return {"text_encoder": pipe.text_encoder, "unet": pipe.unet, "decoder": pipe.vae.decoder}
