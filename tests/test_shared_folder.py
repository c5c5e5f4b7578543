"""One data folder shared by several processes, and what a crash leaves behind: nothing lost, nothing stuck.

Every test here starts real processes (Python writing through `Lineage`, the `limner` command line) on a
real SQLite file, and kills one with SIGKILL where a crash is the point.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio
import pytest
from conftest import run_limner
from limner.agents import Studio
from limner.lineage import Lineage
from limner.lineage.migrations import migrations
from limner.server.app import build_server
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from limner.errors import ImageDamaged

pytestmark = pytest.mark.anyio

WRITER = """
import sys
from pathlib import Path
from PIL import Image
from limner.lineage import Lineage, NewImage

home, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
lineage = Lineage(home)
for n in range(count):
    run = lineage.start_run("generate", {"n": n}, planner=None, generator="layout")
    image = Image.new("RGB", (16, 16), (n % 256, len(name) * 40 % 256, 7))
    scene = {"version": 2, "intent": name, "prompt": f"{name} {n}"}
    lineage.add_image(run, NewImage(image=image, scene=scene, scene_id=f"{name}-{n}", scene_summary=name,
                                    parameters="", generator="layout", seed=n, settings={}), finish=True)
lineage.close()
"""

SLEEPER = """
import sys, time
from pathlib import Path
from limner.lineage import Lineage
lineage = Lineage(Path(sys.argv[1]))
run = lineage.start_run("generate", {}, planner=None, generator="layout")
print(run, flush=True)
time.sleep(60)
"""


@pytest.fixture
def anyio_backend():
    return "asyncio"


def _python(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_processes_writing_at_once_through_one_folder_all_succeed(tmp_path: Path):
    writers = [_python(WRITER, str(tmp_path), f"writer{k}", "25") for k in range(4)]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    lineage = Lineage(tmp_path)
    assert lineage.count_images() == 100
    statuses = dict(lineage.db.execute("SELECT status, count(*) FROM runs GROUP BY status").fetchall())
    assert statuses == {"succeeded": 100}, "every run finished with its image, none left running"
    lineage.close()


def test_command_lines_opening_a_fresh_folder_together_all_succeed(tmp_path: Path):
    home = tmp_path / "fresh"
    with ThreadPoolExecutor(6) as pool:
        made = list(
            pool.map(
                lambda n: run_limner("generate", f"a red ball number {n}", "--generator", "layout", home=home),
                range(6),
            )
        )
    for result in made:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    lineage = Lineage(home)
    assert lineage.count_images() == 6
    rows, names = lineage.db.execute("SELECT count(*), count(DISTINCT name) FROM _sqlite_migrations").fetchone()
    assert rows == names and not list(migrations.pending(lineage.db)), "each migration applied once"
    lineage.close()


def test_a_killed_process_leaves_its_run_interrupted_at_the_next_open(tmp_path: Path):
    sleeper = _python(SLEEPER, str(tmp_path))
    run_id = sleeper.stdout.readline().strip()
    lineage = Lineage(tmp_path)
    assert lineage.run(run_id)["status"] == "running", "a live process's run is left alone"
    lineage.close()
    os.kill(sleeper.pid, signal.SIGKILL)
    sleeper.wait(timeout=10)
    lineage = Lineage(tmp_path)
    run = lineage.run(run_id)
    assert run["status"] == "interrupted" and "the process running it ended" in run["error"]
    assert run["finished_at"]
    assert lineage.recovered is not None and lineage.recovered.interrupted == [run_id]
    lineage.close()


def _age(path: Path, seconds: float = 3600) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_fsck_reports_then_repairs_stray_files_and_names_damaged_images(tmp_path: Path):
    studio = Studio(tmp_path)
    kept = studio.generate("a red ball", generator="layout", seed=1)
    damaged = studio.generate("a blue cube", generator="layout", seed=2)
    studio.close()
    images = tmp_path / "images"
    orphan = images / "ab" / "cd" / ("abcd" + "0" * 60 + ".png")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"a file whose rows never committed")
    temporary = images / "ab" / "cd" / ".tmp-half.png"
    temporary.write_bytes(b"half")
    fresh = images / "ab" / "cd" / ("abce" + "0" * 60 + ".png")
    fresh.write_bytes(b"a write another process is committing right now")
    for path in (orphan, temporary):
        _age(path)
    Path(damaged.path).write_bytes(b"not the bytes it was stored with")

    report = run_limner("fsck", home=tmp_path)
    assert report.returncode == 1
    assert "1 image files with no row found" in report.stdout and "1 temporary files found" in report.stdout
    assert f"images whose file is damaged: {damaged.image_id}" in report.stdout
    assert orphan.exists(), "a check alone changes nothing"

    repaired = run_limner("fsck", "--repair", "--json", home=tmp_path)
    health = json.loads(repaired.stdout)
    assert repaired.returncode == 1, "a damaged image cannot be repaired, so fsck still fails"
    assert len(health["orphans"]) == 1 and len(health["temporary"]) == 1 and health["damaged"] == [damaged.image_id]
    assert not orphan.exists() and not temporary.exists()
    assert fresh.exists(), "a young file may belong to a write in progress"
    assert Path(kept.path).exists()


async def test_a_damaged_or_missing_file_is_refused_with_a_message_never_served(tmp_path: Path):
    studio = Studio(tmp_path)
    made = studio.generate("a red ball", generator="layout", seed=1)
    Path(made.path).write_bytes(Path(made.path).read_bytes()[:100])  # truncated
    with pytest.raises(ImageDamaged, match=r"is damaged .*`limner fsck`"):
        studio.caption(made.image_id)
    with pytest.raises(ImageDamaged):
        studio.evaluate(made.image_id)
    async with Client(build_server(studio)) as client:
        shown = await client.call_tool("show", {"image_id": made.image_id})
        assert shown.is_error and "damaged" in shown.content[0].text
        with pytest.raises(Exception, match="damaged"):
            await client.read_resource(f"limner://images/{made.image_id}")
    Path(made.path).unlink()
    with pytest.raises(ImageDamaged, match="missing"):
        studio.caption(made.image_id)
    studio.close()


def test_an_unexpected_failure_is_one_line_on_the_command_line_and_a_traceback_with_debug(tmp_path: Path):
    with Studio(tmp_path) as studio:
        made = studio.generate("a red ball", generator="layout", seed=1)
    Path(made.path).unlink()
    Path(made.path).mkdir()  # a folder where the image file should be
    failed = run_limner("caption", made.image_id, home=tmp_path)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert failed.stderr.startswith("limner: error: caption failed unexpectedly (IsADirectoryError")
    assert "Nothing was stored" in failed.stderr and len(failed.stderr.strip().splitlines()) == 1
    debug = run_limner("--debug", "caption", made.image_id, home=tmp_path)
    assert debug.returncode == 1 and "Traceback" in debug.stderr


def test_a_corrupt_database_is_named_with_what_to_do(tmp_path: Path):
    (tmp_path / "limner.db").write_bytes(b"this is not a database" * 100)
    failed = run_limner("history", home=tmp_path)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert f"the data folder {tmp_path} cannot be used (DatabaseError" in failed.stderr
    assert "LIMNER_HOME" in failed.stderr


async def test_a_server_on_an_unusable_folder_starts_and_every_call_says_why(tmp_path: Path):
    home = tmp_path / "a-file"
    home.write_text("not a folder")
    env = {**os.environ, "LIMNER_HOME": str(home)}
    params = StdioServerParameters(command=sys.executable, args=["-m", "limner", "serve"], env=env)
    async with Client(params) as client:
        assert {t.name for t in (await client.list_tools()).tools} >= {"generate", "history"}
        for name, arguments in (("generate", {"description": "a red ball"}), ("history", {})):
            result = await client.call_tool(name, arguments)
            assert result.is_error and "cannot be used" in result.content[0].text, name
            assert "LIMNER_HOME" in result.content[0].text


def test_two_http_servers_on_one_folder_lose_no_call(tmp_path: Path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from soak import soak

    soaked = soak(tmp_path / "home", servers=2, clients=2, calls=5)
    assert soaked.calls == 20 and soaked.failed == []
    assert (soaked.stuck_runs, soaked.orphans, soaked.missing) == (0, 0, 0)
    lineage = Lineage(tmp_path / "home")
    assert lineage.count_images() == 20
    lineage.close()


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.6])
def test_a_server_killed_mid_work_is_reconciled_when_it_starts_again(tmp_path: Path, delay: float):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from soak import serving

    home = tmp_path / "home"
    with serving(home) as (url, process):

        async def keep_generating() -> None:
            async with Client(url) as client:
                for n in range(1000):
                    await client.call_tool("generate", {"description": f"a red ball number {n}", "rounds": 2})

        async def kill_after_a_while() -> None:
            async with anyio.create_task_group() as group:
                group.start_soon(keep_generating)
                await anyio.sleep(delay)
                os.kill(process.pid, signal.SIGKILL)
                await anyio.sleep(0.5)
                group.cancel_scope.cancel()

        try:
            anyio.run(kill_after_a_while)
        except BaseException:  # the client's connection dies with the server: that is the point
            pass
    # Starting again reconciles; --grace 0 because nothing else writes to this folder now.
    repaired = run_limner("fsck", "--repair", "--grace", "0", "--json", home=home)
    health = json.loads(repaired.stdout)
    assert health["missing"] == [] and health["damaged"] == []
    lineage = Lineage(home)
    assert lineage.db.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0] == 0
    check = lineage.check(repair=False, verify=True, grace_s=0)
    assert check.clean, check.lines()
    lineage.close()


def test_images_missing_from_the_search_index_are_found_and_indexed(tmp_path: Path):
    """An older Limner sharing the folder stores images without index rows: fsck and serve's start-up add them."""
    studio = Studio(tmp_path)
    made = studio.generate("a violet teapot on a shelf", generator="layout", seed=1)
    studio.caption(made.image_id)
    studio.lineage.db.execute("DELETE FROM image_text WHERE image_id = ?", [made.image_id])
    assert all("words" not in hit.matched_by for hit in studio.search("teapot").hits)
    studio.close()

    report = run_limner("fsck", home=tmp_path)
    assert report.returncode == 1 and "1 images missing from the search index" in report.stdout
    assert "limner fsck --repair" in report.stdout
    repaired = run_limner("fsck", "--repair", home=tmp_path)
    assert repaired.returncode == 0 and "1 images added to the search index" in repaired.stdout
    with Studio(tmp_path) as again:
        (hit,) = [hit for hit in again.search("violet teapot", limit=5).hits if hit.image_id == made.image_id]
        assert "words" in hit.matched_by
        assert again.lineage.check(repair=False).clean, "indexed once, not again"


def test_a_failed_run_is_recorded_after_a_long_write_elsewhere_without_hiding_the_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import sqlite3
    import time

    from limner.lineage import runs

    monkeypatch.setattr(runs, "RETRY_S", 0.05)
    lineage = Lineage(tmp_path, busy_timeout_ms=100)
    run_id = lineage.start_run("generate", {}, planner=None, generator="layout")
    other = sqlite3.connect(tmp_path / "limner.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process's long write
    try:
        runs.finish_after_failure(lineage, run_id, "failed", "RuntimeError: the render broke")  # does not raise
        assert lineage.run(run_id)["status"] == "running"
    finally:
        other.execute("ROLLBACK")
        other.close()
    deadline = time.monotonic() + 10
    while lineage.run(run_id)["status"] == "running":
        assert time.monotonic() < deadline, "the run was never recorded"
        time.sleep(0.02)
    assert lineage.run(run_id)["status"] == "failed" and lineage.run(run_id)["error"] == "RuntimeError: the render broke"
    lineage.close()
