"""Fuzz every MCP tool through the in-memory client: every outcome is a result or an explained error.

Arguments are drawn by `hypothesis` from each tool's own request model: a field at a time, either
near-valid (a real description, a seed, a size, an id that exists, a sketch with odd boxes) or junk
(unicode with control characters, huge and negative numbers, NaN and infinity, wrong types, unknown
argument names, oversized text and Scenes, random ids, base64 that is not an image). Each call must
end as a result, or as a tool error whose message says something: never the SDK's bare
"Error executing tool X", never a traceback, never a hang. The layout generator draws (offline, fast);
backends that are not set up here must be refused with a reason.

    python bench/fuzz.py --cases 10000      # about 10 minutes on 2 cores

The last line reads `fuzz: cases=N results=N errors=N bare=0 tracebacks=0` followed by the error kinds.
`tests/test_fuzz_tools.py` runs a few hundred cases of the same strategies in CI.
"""

from __future__ import annotations

import argparse
import base64
import io
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import anyio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from limner.agents import Studio  # noqa: E402
from limner.agents.workflow.requests import (  # noqa: E402
    CaptionRequest,
    EvaluateRequest,
    GenerateRequest,
    HistoryRequest,
    RefineRequest,
    ShowRequest,
)
from limner.server.app import build_server  # noqa: E402
from mcp import Client  # noqa: E402

TOOLS = {
    "generate": GenerateRequest,
    "refine": RefineRequest,
    "caption": CaptionRequest,
    "evaluate": EvaluateRequest,
    "show": ShowRequest,
    "history": HistoryRequest,
}
BARE = re.compile(r"^Error executing tool \w+$")
DESCRIPTIONS = [
    "a red ball left of a blue cube", "two cats on a sofa, watercolor", "a sign that says 'OPEN'",
    "a lighthouse at dusk --ar 16:9 --no boats", "a man riding a horse in the background", "",
]  # fmt: skip
BACKENDS = ["layout", "rules", "palette", "diffusers", "openai", "transformers", "llm", "sampling", "nope"]


def _png(size: tuple[int, int] = (32, 24)) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


junk = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=12000),
        st.sampled_from(["\x00\n\r\t", "\u202e\u200b", "🦊" * 50, "a" * 10_000, "NaN", "-1", "1e400"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)

box = st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5000, 5000)), max_size=5)
sketch_object = st.fixed_dictionaries(
    {"name": st.one_of(st.text(max_size=30), st.sampled_from(["cat", "red\nball", "x" * 500]))},
    optional={
        "count": st.one_of(st.integers(-3, 100), st.none(), st.text(max_size=5)),
        "attributes": st.dictionaries(st.sampled_from(["color", "action", "other", "wings"]), junk, max_size=3),
        "text": st.one_of(st.text(max_size=300), junk),
        "place": st.one_of(st.sampled_from(["left", "background", "upside"]), junk),
        "box": box,
    },
)
sketch = st.fixed_dictionaries(
    {},
    optional={
        "objects": st.lists(sketch_object, max_size=20),
        "relations": st.lists(
            st.fixed_dictionaries(
                {"subject": st.integers(-2, 25), "predicate": st.text(max_size=50), "object": st.integers(-2, 25)}
            ),
            max_size=5,
        ),
        "style": st.text(max_size=300),
        "width": st.integers(-10, 5000),
        "version": st.integers(0, 5),
    },
)


def near_valid(field: str, ids: list[str]) -> st.SearchStrategy:
    """A value close to what the field takes."""
    by_field = {
        "description": st.sampled_from(DESCRIPTIONS),
        "instruction": st.sampled_from(["make the ball green", "add a red boat", "remove everything", ""]),
        "scene": sketch,
        "seed": st.one_of(st.integers(0, 2**32 - 1), st.integers(2**32, 2**64)),
        "width": st.sampled_from([64, 128, 500, 2048, 4096, 0]),
        "height": st.sampled_from([64, 96, 504, 2056]),
        "generator": st.sampled_from(BACKENDS),
        "planner": st.sampled_from([*BACKENDS, "llm,rules", "rules,,", ","]),
        "captioner": st.sampled_from(BACKENDS),
        "model": st.sampled_from(["stabilityai/sd-turbo", "../../etc/passwd", "x"]),
        "image_id": st.sampled_from([*ids, "abc", "ffffffffffff", "0000", "ZZZZ", ""]),
        "init_image": st.sampled_from([*ids, "ffff"]),
        "image": st.sampled_from([_png(), _png((1, 1)), "bm90IGFuIGltYWdl", "%%%", ""]),
        "rounds": st.integers(0, 9),
        "candidates": st.integers(0, 5),
        "threshold": st.one_of(st.floats(-1, 2), st.just(float("nan"))),
        "strength": st.one_of(st.floats(-1, 2), st.just(float("nan"))),
        "limit": st.integers(-1, 10_000),
        "offset": st.integers(-1, 2**70),
        "detail": st.sampled_from(["short", "detailed", "long"]),
        "layout_control": st.sampled_from(["none", "init", "attention", "boxes", ""]),
    }
    return by_field.get(field, junk)


@st.composite
def arguments(draw, tool: str, ids: list[str]) -> dict:
    fields = list(TOOLS[tool].model_fields)
    chosen = draw(st.lists(st.sampled_from(fields), unique=True, max_size=len(fields)))
    args = {f: draw(st.one_of(near_valid(f, ids), junk) if draw(st.booleans()) else near_valid(f, ids)) for f in chosen}
    if draw(st.integers(0, 9)) == 0:
        args[draw(st.sampled_from(["sead", "colour", "", "x" * 300]))] = draw(junk)  # an argument that does not exist
    return args


def outcome(result) -> str:
    """'result', or the kind of error: the message's first words, or 'bare' / 'traceback'."""
    if not result.is_error:
        return "result"
    text = " ".join(getattr(item, "text", "") for item in result.content)
    if BARE.match(text.strip()) or not text.strip():
        return "bare"
    if "Traceback" in text:
        return "traceback"
    said = text.removeprefix("Error executing tool ").split(": ", 1)[-1]
    return "error: " + " ".join(re.sub(r"['\"].*?['\"]|\d+", "…", said).split()[:5])


async def call_once(client: Client, tool: str, args: dict) -> str:
    with anyio.fail_after(60):
        return outcome(await client.call_tool(tool, args))


class Fuzzer:
    """One Studio and in-memory client, reused across cases."""

    def __init__(self, home: Path):
        self.studio = Studio(home)
        self.ids = [self.studio.generate("a red ball and a blue cube", generator="layout", seed=1).image_id]
        self.outcomes: Counter[str] = Counter()

    def run(self, tool: str, args: dict) -> str:
        async def go() -> str:
            async with Client(build_server(self.studio)) as client:
                return await call_once(client, tool, args)

        kind = anyio.run(go)
        self.outcomes[kind] += 1
        return kind

    def close(self) -> None:
        self.studio.close()


def strategy_for(fuzzer: Fuzzer) -> st.SearchStrategy:
    return st.sampled_from(list(TOOLS)).flatmap(lambda tool: st.tuples(st.just(tool), arguments(tool, fuzzer.ids)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        fuzzer = Fuzzer(Path(home))

        @settings(max_examples=options.cases, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(strategy_for(fuzzer))
        def case(call: tuple[str, dict]) -> None:
            tool, args = call
            fuzzer.run(tool, args)

        case()
        fuzzer.close()
    counts = fuzzer.outcomes
    total = sum(counts.values())
    for kind, n in counts.most_common(25):
        print(f"{n:7d}  {kind}")
    errors = total - counts["result"]
    print(
        f"fuzz: cases={total} results={counts['result']} errors={errors} bare={counts['bare']} "
        f"tracebacks={counts['traceback']} kinds={len(counts)}"
    )
    return 0 if counts["bare"] == 0 and counts["traceback"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
