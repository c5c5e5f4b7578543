"""Many servers and clients on one data folder: no failed call, no stuck run, no stray file.

N real `limner serve --http` processes share one LIMNER_HOME; M clients per server each make K `generate`
calls over streamable HTTP (layout generator: the load is on the store, not a model). Then the folder is
checked: runs left `running`, image files without rows (any age), rows without files.

    python bench/soak.py                         # 2 servers x 4 clients x 25 calls
    python bench/soak.py --servers 4 --clients 8 --calls 25

The last line reads
    soak: calls=N failed=0 locked=0 stuck_runs=0 orphans=0 missing=0 p50_ms=X p95_ms=X
`tests/test_shared_folder.py` runs a small soak (2 x 2 x 5) and asserts the zeros.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import anyio
from mcp import Client

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from limner.lineage import Lineage  # noqa: E402


@dataclass
class Soaked:
    calls: int = 0
    failed: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    stuck_runs: int = 0
    orphans: int = 0
    missing: int = 0

    @property
    def locked(self) -> int:
        return sum("locked" in f or "busy" in f for f in self.failed)

    def line(self) -> str:
        p50 = statistics.median(self.latencies_ms) if self.latencies_ms else 0.0
        p95 = sorted(self.latencies_ms)[int(0.95 * (len(self.latencies_ms) - 1))] if self.latencies_ms else 0.0
        return (
            f"soak: calls={self.calls} failed={len(self.failed)} locked={self.locked} stuck_runs={self.stuck_runs} "
            f"orphans={self.orphans} missing={self.missing} p50_ms={p50:.0f} p95_ms={p95:.0f}"
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(home: Path):
    """`limner serve --http` on a free port, yielded as its URL once it accepts connections."""
    port = _free_port()
    env = {**os.environ, "LIMNER_HOME": str(home), "LIMNER_GENERATOR": "layout", "LIMNER_PLANNER": "rules"}
    process = subprocess.Popen(
        [sys.executable, "-m", "limner", "serve", "--http", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("a server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp", process
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _client(url: str, calls: int, name: str, soaked: Soaked) -> None:
    async with Client(url) as client:
        for n in range(calls):
            started = time.perf_counter()
            result = await client.call_tool("generate", {"description": f"a red ball and {name} blue cube {n}"})
            soaked.calls += 1
            if result.is_error:
                soaked.failed.append(" ".join(getattr(c, "text", "") for c in result.content)[:300])
            else:
                soaked.latencies_ms.append((time.perf_counter() - started) * 1000)


def check_folder(home: Path, soaked: Soaked) -> None:
    """Runs left running, files without rows (any age), rows without files."""
    lineage = Lineage(home)
    soaked.stuck_runs = lineage.db.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
    health = lineage.check(repair=False, verify=True, grace_s=0)
    soaked.orphans = len(health.orphans) + len(health.temporary)
    soaked.missing = len(health.missing) + len(health.damaged)
    lineage.close()


def soak(home: Path, servers: int, clients: int, calls: int) -> Soaked:
    soaked = Soaked()
    with ExitStack() as stack:
        urls = [stack.enter_context(serving(home))[0] for _ in range(servers)]

        async def everyone() -> None:
            async with anyio.create_task_group() as group:
                for s, url in enumerate(urls):
                    for c in range(clients):
                        group.start_soon(_client, url, calls, f"s{s}c{c}", soaked)

        anyio.run(everyone)
    check_folder(home, soaked)
    return soaked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4, help="clients per server")
    parser.add_argument("--calls", type=int, default=25, help="generate calls per client")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        soaked = soak(Path(home), options.servers, options.clients, options.calls)
    for failure in soaked.failed[:5]:
        print("failed:", failure)
    print(soaked.line())
    return 0 if not soaked.failed and not soaked.stuck_runs and not soaked.orphans and not soaked.missing else 1


if __name__ == "__main__":
    raise SystemExit(main())
