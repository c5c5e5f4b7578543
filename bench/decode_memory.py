"""Peak memory of decoding images that callers send (`caption`/`evaluate` with image bytes), side by side.

A 40-megapixel PNG (6320x6320, flat colour, so its bytes are small: the kind of input that costs a server
the most memory per byte received) is decoded 1 and 16 times at once, on threads, two ways, each in a fresh
subprocess so that peaks do not mix:

- `plain`: Pillow's open + load + convert("RGB"), with nothing bounding it;
- `limner`: `open_image_bytes` (header checked first, at most two decodes at once, the result reduced to
  the 2048 px working size) + convert("RGB").

Each line gives the growth of the process's peak RSS over its baseline (after imports and reading the
bytes), in MB. The last line reads
    decode_memory: plain_1=X limner_1=X plain_16=X limner_16=X ratio_16=X
where ratio_16 = plain_16 / limner_16.

    python bench/decode_memory.py      # about 30 seconds
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

SIDE = 6320  # 39.9 MP, just under the 40 MP limit

CHILD = r"""
import io, resource, sys, threading
from PIL import Image
from limner.agents.workflow.inputs import open_image_bytes

data = open(sys.argv[1], "rb").read()
how, copies = sys.argv[2], int(sys.argv[3])
Image.MAX_IMAGE_PIXELS = None  # the plain way has no limit of its own beyond Pillow's bomb check

def plain():
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture.convert("RGB")

def limner():
    with open_image_bytes(data) as picture:
        return picture.convert("RGB")

work = plain if how == "plain" else limner
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
results = []
threads = [threading.Thread(target=lambda: results.append(work())) for _ in range(copies)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert len(results) == copies
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - baseline) / 1024)  # ru_maxrss is in KB on Linux
"""


def _growth_mb(path: Path, how: str, copies: int) -> float:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), how, str(copies)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def main() -> int:
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flat.png"
        buffer = io.BytesIO()
        Image.new("RGB", (SIDE, SIDE), (120, 160, 200)).save(buffer, format="PNG", optimize=True)
        path.write_bytes(buffer.getvalue())
        print(f"input: {SIDE}x{SIDE} PNG, {path.stat().st_size / 1024:.0f} KB ({SIDE * SIDE / 1e6:.1f} MP)")
        figures = {}
        for copies in (1, 16):
            for how in ("plain", "limner"):
                figures[f"{how}_{copies}"] = _growth_mb(path, how, copies)
                print(f"{how:<7} x{copies:<3} peak RSS growth {figures[f'{how}_{copies}']:8.0f} MB")
    ratio = figures["plain_16"] / max(figures["limner_16"], 1.0)
    print(
        "decode_memory: "
        + " ".join(f"{k}={v:.0f}" for k, v in figures.items())
        + f" ratio_16={ratio:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
