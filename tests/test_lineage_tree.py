"""An image's family tree: ancestors up to the root, descendants below, each edge with how it was made."""

from __future__ import annotations

import json

import pytest
from conftest import run_limner
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def family(studio: Studio) -> dict[str, str]:
    """root -> (refine) stormy -> (refine) boat; root -> (refine) other; boat -> (variation) boat2."""
    root = studio.generate("a lighthouse at dusk, watercolor", generator="layout", seed=1).image_id
    stormy = studio.refine(root, "make it night").image_id
    boat = studio.refine(stormy, "add a red boat").image_id
    other = studio.refine(root, "make the lighthouse blue").image_id
    looped = studio.generate("a red ball left of a blue cube", generator="layout", seed=2, rounds=2, candidates=2)
    return {"root": root, "stormy": stormy, "boat": boat, "other": other, "looped": looped.image_id}


def test_the_tree_holds_the_line_up_to_the_root_and_everything_below(studio: Studio):
    ids = family(studio)
    middle = studio.lineage_of(ids["stormy"])
    assert middle.roots == [ids["root"]]
    assert {n.image_id for n in middle.nodes} == {ids["root"], ids["stormy"], ids["boat"]}, "no siblings"
    relations = {(e.parent_id, e.child_id): e for e in middle.edges}
    assert relations[(ids["root"], ids["stormy"])].relation == "refine"
    assert "~ time_of_day" in (relations[(ids["root"], ids["stormy"])].changes or "")
    assert "+ object boat" in (relations[(ids["stormy"], ids["boat"])].changes or "")
    lines = middle.tree.splitlines()
    assert lines[0].startswith(ids["root"])
    assert lines[1].startswith(f"└─ refine {ids['stormy']}") and lines[1].endswith("← this image")
    assert lines[2].startswith(f"   └─ refine {ids['boat']}")

    whole = studio.lineage_of(ids["root"][:6])
    assert {n.image_id for n in whole.nodes} == {ids["root"], ids["stormy"], ids["boat"], ids["other"]}


def test_history_is_three_queries_and_one_row_per_image(studio: Studio):
    ids = family(studio)
    statements: list[str] = []
    studio.lineage.db.conn.set_trace_callback(statements.append)
    images = studio.history(limit=50)
    studio.lineage.db.conn.set_trace_callback(None)
    assert len(statements) <= 3, statements
    assert len({i.image_id for i in images}) == len(images), "no image twice"
    by_id = {i.image_id: i for i in images}
    assert {c["image_id"] for c in by_id[ids["root"]].children} == {ids["stormy"], ids["other"]}


async def test_the_lineage_tool_and_command_show_the_same_tree(studio: Studio):
    ids = family(studio)
    async with Client(build_server(studio)) as client:
        result = await client.call_tool("lineage", {"image_id": ids["boat"]})
    assert not result.is_error
    assert result.structured_content["roots"] == [ids["root"]]
    assert result.content[0].text.splitlines()[0].startswith(ids["root"])
    printed = run_limner("lineage", ids["boat"], home=studio.settings.home)
    assert printed.returncode == 0 and printed.stdout.splitlines()[0].startswith(ids["root"])
    as_json = json.loads(run_limner("lineage", ids["boat"], "--json", home=studio.settings.home).stdout)
    assert as_json == result.structured_content
