"""Score a planner on GenEval's prompts: does the Scene name the right objects, counts, colours, positions?

    python bench/planner_geneval.py [--data PATH] [--planner rules] [--show-failures N]

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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from limner.agents.planner import Planner
from limner.agents.rules_planner import RulesPlanner
from limner.agents.scene import Scene
from limner.agents.vocabulary import singularize_name

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "geneval_prompts.jsonl"
TAGS = ("single_object", "two_object", "counting", "colors", "position", "color_attr")
FIELDS = ("objects", "counts", "colors", "positions")

# Planners by name; each is built with no arguments and has plan(description) -> Scene.
PLANNERS: dict[str, Callable[[], Planner]] = {"rules": RulesPlanner}

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


def run(planner_name: str, data: Path, show_failures: int) -> int:
    planner = PLANNERS[planner_name]()
    rows = load(data)
    started = time.perf_counter()
    scenes = [planner.plan(row["prompt"]).scene for row in rows]
    elapsed = time.perf_counter() - started
    verdicts = [(row, judge(scene, row["include"])) for row, scene in zip(rows, scenes)]

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
        print(f"FAIL [{row['tag']}] {row['prompt']!r}: {'; '.join(verdict.problems)}")
    print(f"planner: {planner_name}   data: {data}   prompts: {len(rows)}")
    print("per tag:   " + "  ".join(f"{tag}={_mean(by_tag[tag]):.3f} (n={len(by_tag[tag])})" for tag in by_tag))
    print("per field: " + "  ".join(f"{name}={_mean(by_field[name]):.3f} (n={len(by_field[name])})" for name in FIELDS))
    rate = len(rows) / elapsed if elapsed > 0 else float("inf")
    print(f"speed: {rate:,.0f} prompts/second ({1000 * elapsed / max(len(rows), 1):.3f} ms per prompt)")
    overall = _mean([verdict.correct for _, verdict in verdicts])
    tags = " ".join(f"{tag}={_mean(by_tag.get(tag, [])):.3f}" for tag in TAGS)
    print(f"planner_geneval: overall={overall:.3f} {tags} n={len(rows)}")
    return 0


def _mean(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="GenEval prompts, one JSON object a line")
    parser.add_argument("--planner", choices=sorted(PLANNERS), default="rules")
    parser.add_argument("--show-failures", type=int, default=10, metavar="N", help="print the first N failures")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"no data file at {args.data}; pass --data PATH")
    return run(args.planner, args.data, args.show_failures)


if __name__ == "__main__":
    sys.exit(main())
