"""Choosing where and in what precision a model runs: the fastest this machine does well, unless told.

Callers pass what the user configured (`Settings.device`, `Settings.dtype`); None leaves the choice here.
"""

from __future__ import annotations

from dataclasses import dataclass

from limner.errors import InvalidRequest

_DTYPES = {"float16": "float16", "fp16": "float16", "bfloat16": "bfloat16", "bf16": "bfloat16", "float32": "float32", "fp32": "float32"}


@dataclass(frozen=True)
class Placement:
    device: str
    dtype: str  # a torch dtype name: float16, bfloat16, float32
    reason: str

    def torch_dtype(self):
        import torch

        return getattr(torch, self.dtype)


def choose_placement(device: str | None = None, dtype: str | None = None) -> Placement:
    """`device` (cuda, cuda:1, mps, cpu) and `dtype` (float16, bfloat16, float32) as given, else the best here."""
    import torch

    reasons = []
    if device is None:
        if torch.cuda.is_available():
            device, why = "cuda", f"CUDA GPU {torch.cuda.get_device_name(0)}"
        elif getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
            device, why = "mps", "Apple GPU (MPS)"
        else:
            device, why = "cpu", "no GPU found"
        reasons.append(why)
    else:
        reasons.append("device as configured (LIMNER_DEVICE)")
    if dtype is None:
        dtype, why = _best_dtype(device)
        reasons.append(why)
    else:
        if dtype.lower() not in _DTYPES:
            raise InvalidRequest(f"dtype {dtype!r}: use one of float16, bfloat16, float32")
        dtype = _DTYPES[dtype.lower()]
        reasons.append("dtype as configured (LIMNER_DTYPE)")
    return Placement(device=device, dtype=dtype, reason="; ".join(reasons))


def _best_dtype(device: str) -> tuple[str, str]:
    import torch

    if device.startswith("cuda"):
        if torch.cuda.is_bf16_supported():
            return "bfloat16", "the GPU computes in bfloat16"
        return "float16", "the GPU computes in float16"
    if device == "mps":
        return "float16", "MPS computes in float16"
    if _cpu_has_bf16():
        return "bfloat16", "this CPU has bfloat16 instructions (AVX512-BF16 or AMX)"
    return "float32", "this CPU has no bfloat16 instructions"


def _cpu_has_bf16() -> bool:
    import torch

    probes = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(getattr(torch.cpu, probe, lambda: False)() for probe in probes)
