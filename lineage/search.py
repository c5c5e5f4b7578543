"""Finding stored images again: by the words said about them, and by what those words mean.

Words: an FTS5 table, `image_text`, holds one row per thing said about an image: its Scene (the user's
description, the prompt, the objects with their attributes and text), each semantic caption, each
evaluation's note and failed checks. The store writes these rows in the same transaction as the rows they
describe, so no process sharing the folder ever sees an image half-indexed. A user's words are never
FTS5 syntax: stop words are dropped and the rest tokenized as FTS5 tokenizes, any of them matching, ranked
by FTS5's bm25 with the description and the objects weighted above prompt boilerplate ("everything I made
with the red boat" becomes red OR boat). The ranking runs in memory over postings read from FTS5's index
(words.py): bm25() in SQL cost about 50 ms a query at 100,000 images.

Meaning: sentence vectors (MiniLM, float32 blobs) in `image_vectors`, computed at search time for the
images that have none yet, in batches, each written in one short transaction; scanned as one numpy
matrix kept in memory and topped up by sequence number (vectors are only ever appended). The encoder is
handed in by the caller: the store itself never needs sentence-transformers, and says so when it is
missing. The two rankings are merged by reciprocal rank fusion, and each hit says which matched.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from limner.lineage.importing import IMPORTED
from limner.lineage.vectors import SentenceVectors, cosines
from limner.lineage.words import TABLE, WordPostings
from sqlite_utils import Database

from limner.errors import StoreBusy

if TYPE_CHECKING:
    from limner.lineage.store import Lineage

# Column weights for bm25, in table order: the image id (not indexed), then what the user said and what
# is in the picture above the prompt, which repeats style boilerplate across many images.
WEIGHTS = (0.0, 4.0, 1.0, 3.0, 2.0, 1.5)
RRF_K = 60  # reciprocal rank fusion's usual constant: a hit's share is 1 / (RRF_K + rank)
# Cosine (all-MiniLM-L6-v2) between the query and an image's description at which the image counts as
# meaning what was asked. Measured: "a kitten" / "a cat sitting on a sofa" 0.59, "everything I made with
# the red boat" / "a red boat on a lake" 0.56, "sea beacon" / "a lighthouse at dusk" 0.43, "fruit" / "two
# red apples" 0.37; unrelated pairs 0.0-0.27 ("a car" / "a red boat" 0.26, "banana" / apples 0.23).
MIN_SIMILARITY = 0.3
BATCH = 256  # images embedded, then written, per transaction
MAX_TERMS = 32
MIN_DEPTH = 100  # how far down each ranking is read before fusing
WORDS_READ = 8  # rows read by bm25 order per image wanted (then 8 times as many, while filters leave too few)

STOP_WORDS = frozenset(
    """a about all also am an and any anything are as at be been being but by can could did do does done
    drawn drew each every everything find for from get got had has have having her here his how i if image
    images in into is it its just made make me mine my of on one ones or our picture pictures please show
    so some something that the their them then there these they this those to was we were what when where
    which while who with you your near not""".split()
)  # fmt: skip

Encoder = Callable[[list[str]], np.ndarray]  # texts -> unit-length float32 rows
FEW_PASSING = 2_000  # filters passed by at most this many images: search among those alone
_SCANNING = ThreadPoolExecutor(max_workers=2, thread_name_prefix="limner-search")  # new words; the query's cosines
_NOTHING: Future[np.ndarray | None] = Future()
_NOTHING.set_result(None)


def create_tables(db: Database) -> None:
    db.execute(f"CREATE VIRTUAL TABLE image_text USING {TABLE}")
    db.execute(
        "CREATE TABLE image_vectors (seq INTEGER PRIMARY KEY, image_id TEXT NOT NULL REFERENCES images(id), "
        "model TEXT NOT NULL, vector BLOB NOT NULL, UNIQUE (model, image_id))"
    )


# Indexing: called by the store inside the transaction that writes the indexed row ------------------


def index_image(db: Database, image_id: str, scene: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO image_text (image_id, description, prompt, objects) VALUES (?, ?, ?, ?)",
        [image_id, scene.get("intent") or "", scene.get("prompt") or "", object_words(scene)],
    )


def index_caption(db: Database, image_id: str, caption: dict[str, Any]) -> None:
    """Semantic captions only: a palette caption measures colours, and would make every red image match 'red'."""
    if caption.get("semantic") and (caption.get("text") or "").strip():
        db.execute("INSERT INTO image_text (image_id, captions) VALUES (?, ?)", [image_id, caption["text"]])


def index_evaluation(db: Database, image_id: str, evaluation: dict[str, Any]) -> None:
    failed = [v.get("question", "") for v in evaluation.get("verdicts", []) if v.get("status") == "failed"]
    text = "\n".join(t for t in [evaluation.get("note") or "", *failed] if t)
    if text:
        db.execute("INSERT INTO image_text (image_id, notes) VALUES (?, ?)", [image_id, text])


def index_image_rows(db: Database, image_id: str) -> None:
    """Index one stored image with its captions and evaluations (for an image the index lacks)."""
    row = db.execute(
        "SELECT s.scene FROM images i JOIN scenes s ON s.id = i.scene_id WHERE i.id = ?", [image_id]
    ).fetchone()
    if row is not None:
        index_image(db, image_id, json.loads(row[0]))
    for (text,) in db.execute("SELECT text FROM captions WHERE semantic = 1 AND image_id = ?", [image_id]).fetchall():
        index_caption(db, image_id, {"semantic": True, "text": text})
    for (evaluation,) in db.execute("SELECT evaluation FROM evaluations WHERE image_id = ?", [image_id]).fetchall():
        index_evaluation(db, image_id, json.loads(evaluation))


def index_everything(db: Database) -> None:
    """Index every stored image, caption and evaluation (for a store made before search existed)."""
    for image_id, scene in db.execute("SELECT i.id, s.scene FROM images i JOIN scenes s ON s.id = i.scene_id"):
        index_image(db, image_id, json.loads(scene))
    for image_id, text in db.execute("SELECT image_id, text FROM captions WHERE semantic = 1"):
        index_caption(db, image_id, {"semantic": True, "text": text})
    for image_id, evaluation in db.execute("SELECT image_id, evaluation FROM evaluations"):
        index_evaluation(db, image_id, json.loads(evaluation))


def object_words(scene: dict[str, Any]) -> str:
    """'red wooden boat "OPEN"; lighthouse': each object with its attributes and the text written on it."""
    parts = []
    for obj in scene.get("objects") or []:
        attributes = obj.get("attributes") or {}
        words = [str(attributes[k]) for k in ("size", "color", "material", "state", "action") if attributes.get(k)]
        words += [str(w) for w in attributes.get("other") or []]
        words.append(str(obj.get("name", "")))
        if obj.get("text"):
            words.append(f'"{obj["text"]}"')
        parts.append(" ".join(words))
    return "; ".join(parts)


def meaning_text(scene: dict[str, Any]) -> str:
    """What an image's vector is made from: the user's description and the objects in it."""
    said = scene.get("intent") or scene.get("prompt") or ""
    objects = object_words(scene)
    return f"{said}. {objects}" if objects else said


# Queries ----------------------------------------------------------------------------------------------


def query_terms(text: str) -> list[str]:
    """The words worth searching for: lower-cased, stop words dropped, each once, at most MAX_TERMS."""
    words = [w.casefold() for w in re.findall(r"[^\W_]+", text or "")]  # FTS5's unicode61 splits at "_" too
    kept = [w for w in words if w not in STOP_WORDS]
    return list(dict.fromkeys(kept))[:MAX_TERMS]


@dataclass(frozen=True)
class Filters:
    """Which images may be found. Dates are ISO 8601 in UTC, as `created_at` is stored; both bounds inclusive."""

    generator: str | None = None
    model: str | None = None
    since: str | None = None
    until: str | None = None
    min_score: float | None = None
    has_parent: bool | None = None
    relation: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in vars(self).values())

    def where(self) -> tuple[str, list[Any]]:
        """An SQL condition on `images i`, and its parameters."""
        clauses, params = ["1"], []
        for clause, value in (
            ("i.generator = ?", self.generator),
            ("json_extract(i.settings, '$.model') = ?", self.model),
            ("i.created_at >= ?", self.since),
            ("i.created_at <= ?", self.until),
            # once for all images, not per image: few images have evaluations
            ("i.id IN (SELECT image_id FROM evaluations GROUP BY image_id HAVING max(score) >= ?)", self.min_score),
            (_RELATION_IMPORT if self.relation == IMPORTED else _RELATION, self.relation),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if self.has_parent is not None:
            clauses.append(("" if self.has_parent else "NOT ") + "EXISTS (SELECT 1 FROM edges e WHERE e.child_id = i.id)")
        return " AND ".join(clauses), params


_RELATION = "EXISTS (SELECT 1 FROM edges e WHERE e.child_id = i.id AND e.relation = ?)"
# An imported picture is a root (no edge): its run's kind says it came in by import (importing.py).
_RELATION_IMPORT = "EXISTS (SELECT 1 FROM runs r WHERE r.id = i.run_id AND r.kind = ?)"


@dataclass(frozen=True)
class Hit:
    image_id: str
    path: Path
    generator: str
    model: str | None
    created_at: str
    summary: str
    score: float | None  # the image's best evaluation score
    relevance: float  # fused rank share: higher is better
    matched_by: tuple[str, ...]  # "words", "meaning", or "filters" when no words were given


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    terms: list[str]
    semantic: bool
    semantic_reason: str | None


class ImageSearch:
    """Search one store. Safe to share between threads; keeps the vectors it has read in memory."""

    def __init__(self, lineage: Lineage):
        self.lineage = lineage
        self._cache_lock = threading.Lock()
        self._vectors: dict[str, SentenceVectors] = {}  # by encoder model name
        self.words = WordPostings(self._database_file, WEIGHTS, lineage.busy_timeout_s)  # read on first search

    def find(
        self,
        query: str | None,
        filters: Filters,
        *,
        limit: int,
        offset: int = 0,
        encoder: Encoder | None = None,
        model_name: str = "",
        no_encoder: str | None = None,
    ) -> Found:
        """Images matching `query` (words and meaning) within `filters`, best first; without a query, the
        newest images within the filters. `no_encoder` says why meaning cannot be searched."""
        terms = query_terms(query or "")
        depth = max(MIN_DEPTH, 2 * (offset + limit))
        if query is None:
            with _reading(self.lineage) as db:
                where, params = filters.where()
                rows = db.execute(
                    f"SELECT i.id FROM images i WHERE {where} ORDER BY i.created_at DESC, i.rowid DESC LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                ).fetchall()
            ranked = [(r[0], 0.0, ("filters",)) for r in rows]
            return Found(self._hits(ranked), terms, semantic=False, semantic_reason="no words were given")
        wordy = re.search(r"\w", query) is not None
        # new rows' words are read while the vectors are (the first search of a process reads all of both)
        words_read = _SCANNING.submit(self.words.refresh) if terms else _NOTHING
        semantic, reason, meaning, scan = False, no_encoder, [], None
        if not wordy:
            reason = "there were no words to search for"
        elif encoder is not None:
            try:  # the query is encoded and the vectors scanned on another thread while bm25 ranks the words
                scan = self._start_scan(query, encoder, model_name)
            except Exception as exc:  # a broken model install: say so and search by words
                reason = f"the sentence model failed ({type(exc).__name__}: {exc}); searched by words only"
        few = self._few_passing(filters) if filters else None
        words_read.result()
        words = self._by_words(terms, filters, depth, few)
        if scan is not None:
            try:
                meaning = self._by_meaning(*scan, filters, depth, few)
                semantic, reason = True, None
            except Exception as exc:
                reason = f"the sentence model failed ({type(exc).__name__}: {exc}); searched by words only"
        fused: dict[str, list[Any]] = {}
        for source, ranking in (("words", words), ("meaning", meaning)):
            for rank, image_id in enumerate(ranking):
                entry = fused.setdefault(image_id, [0.0, []])
                entry[0] += 1.0 / (RRF_K + rank + 1)
                entry[1].append(source)
        order = sorted(fused.items(), key=lambda item: -item[1][0])[offset : offset + limit]
        ranked = [(image_id, share, tuple(sources)) for image_id, (share, sources) in order]
        return Found(self._hits(ranked), terms, semantic, reason)

    def _few_passing(self, filters: Filters) -> list[str] | None:
        """The images passing `filters` when they are few (FEW_PASSING at most), else None. Searching among
        a few is quicker than checking ever more of the best matches of all images against the filters."""
        where, params = filters.where()
        with _reading(self.lineage) as db:
            rows = db.execute(f"SELECT i.id FROM images i WHERE {where} LIMIT ?", [*params, FEW_PASSING + 1]).fetchall()
        return [row[0] for row in rows] if len(rows) <= FEW_PASSING else None

    def _passing(self, candidates: list[str], filters: Filters) -> list[str]:
        """The candidates that pass `filters`, in their order."""
        where, params = filters.where()
        with _reading(self.lineage) as db:
            allowed = {r[0] for r in db.execute(
                f"SELECT i.id FROM images i WHERE i.id IN (SELECT value FROM json_each(?)) AND {where}",
                [json.dumps(candidates), *params],
            )}  # fmt: skip
        return [image_id for image_id in candidates if image_id in allowed]

    def _by_words(self, terms: list[str], filters: Filters, depth: int, few: list[str] | None) -> list[str]:
        """Image ids by their best-ranked row (bm25; among equal ranks the newer row first), `depth` at most.

        Rank and then rowid order the rows totally, so an image first seen among the rows read is ranked
        exactly; when filters leave fewer than `depth` of them, eight times as many rows are read, until every
        matching row has been. When only `few` images pass the filters, only their rows are ranked.
        """
        tokens = self.words.tokens(terms)
        if not tokens:
            return []
        fetch = WORDS_READ * depth
        while True:
            rows = self.words.best_rows(tokens, fetch, among=few)
            ranked = list(dict.fromkeys(row[0] for row in rows))  # an image's first row is its best
            if filters and few is None:
                ranked = self._passing(ranked, filters)
            if len(ranked) >= depth or len(rows) < fetch:
                return ranked[:depth]
            fetch *= 8

    def _database_file(self) -> Path:
        with _reading(self.lineage) as db:
            return Path(db.execute("PRAGMA database_list").fetchone()[2])

    def close(self) -> None:
        self.words.close()

    def _start_scan(
        self, query: str, encoder: Encoder, model_name: str
    ) -> tuple[list[str], dict[str, int], Future[np.ndarray | None]]:
        """Vectors for every image (computing the missing), then, on another thread (numpy and torch leave
        the GIL), the query's cosine to each."""
        vectors = self._vectors_for(model_name)
        with _reading(self.lineage) as db:
            images = db.execute("SELECT count(*) FROM images").fetchone()[0]
        if images > len(vectors.ids):  # each vector is one image's (UNIQUE): some images have none yet
            self.embed_missing(encoder, model_name)
            vectors = self._vectors_for(model_name)
        ids, matrix = vectors.snapshot()
        if not ids:
            return ids, vectors.positions, _NOTHING
        return ids, vectors.positions, _SCANNING.submit(lambda: cosines(matrix, np.asarray(encoder([query]), dtype=np.float32)[0]))

    def _by_meaning(
        self,
        ids: list[str],
        positions: dict[str, int],
        scan: Future[np.ndarray | None],
        filters: Filters,
        depth: int,
        few: list[str] | None,
    ) -> list[str]:
        """The `depth` images nearest in meaning (at least MIN_SIMILARITY) that pass the filters.

        The filters are checked on the nearest candidates only, four times as many as wanted, then sixteen
        ... until enough pass or no candidate is near enough: asking SQL which of all the images pass cost a
        quarter of a second at 100,000 images."""
        similarity = scan.result()
        if similarity is None:
            return []
        if few is not None:  # only these pass: their own similarities, best first
            rows = np.asarray([r for r in map(positions.get, few) if r is not None and r < len(ids)], dtype=np.intp)
            order = rows[_nearest(similarity[rows], min(depth, len(rows)))] if len(rows) else rows
            return [ids[i] for i in order if similarity[i] >= MIN_SIMILARITY]
        near = int(np.count_nonzero(similarity >= MIN_SIMILARITY))
        wanted = min(depth, near) if not filters else min(4 * depth, near)
        while True:
            order = _nearest(similarity, wanted)
            if not filters:
                return [ids[i] for i in order]
            passed = self._passing([ids[i] for i in order], filters)
            if len(passed) >= depth or wanted >= near:
                return passed[:depth]
            wanted = min(4 * wanted, near)

    def embed_missing(self, encoder: Encoder, model_name: str) -> int:
        """Compute and store vectors for images that have none under `model_name`; how many were stored.

        Encoding runs outside any lock; each batch is written in its own short transaction, and a vector
        another process stored meanwhile is left as it is.
        """
        stored = 0
        with _reading(self.lineage) as db:
            missing = db.execute(
                "SELECT (SELECT count(*) FROM images) - (SELECT count(*) FROM image_vectors WHERE model = ?)",
                [model_name],
            ).fetchone()[0]
        while missing > 0:
            with _reading(self.lineage) as db:
                rows = db.execute(
                    "SELECT i.id, s.scene FROM images i JOIN scenes s ON s.id = i.scene_id WHERE NOT EXISTS "
                    "(SELECT 1 FROM image_vectors v WHERE v.model = ? AND v.image_id = i.id) LIMIT ?",
                    [model_name, BATCH],
                ).fetchall()
            if not rows:
                break
            matrix = np.asarray(encoder([meaning_text(json.loads(scene)) for _, scene in rows]), dtype=np.float32)
            try:
                with self.lineage.writing("storing search vectors") as db:
                    db.conn.executemany(
                        "INSERT OR IGNORE INTO image_vectors (image_id, model, vector) VALUES (?, ?, ?)",
                        [(image_id, model_name, vector.tobytes()) for (image_id, _), vector in zip(rows, matrix)],
                    )
            except StoreBusy:  # another process holds a long write: search with the vectors there are
                break
            stored += len(rows)
            missing -= len(rows)
        return stored

    def _vectors_for(self, model_name: str) -> SentenceVectors:
        with self._cache_lock:
            vectors = self._vectors.setdefault(model_name, SentenceVectors())
        with _reading(self.lineage) as db:
            rows = db.execute(
                # +model: walk the primary key from `seq` (the (model, image_id) index would read every row)
                "SELECT seq, image_id, vector FROM image_vectors WHERE +model = ? AND seq > ? ORDER BY seq",
                [model_name, vectors.seq],
            ).fetchall()
        vectors.add(rows)
        return vectors

    def _hits(self, ranked: list[tuple[str, float, tuple[str, ...]]]) -> list[Hit]:
        if not ranked:
            return []
        marks = ", ".join("?" * len(ranked))
        with _reading(self.lineage) as db:
            rows = {
                r[0]: r
                for r in db.execute(
                    f"""SELECT i.id, i.path, i.generator, json_extract(i.settings, '$.model'), i.created_at,
                               coalesce(s.summary, ''), (SELECT max(score) FROM evaluations v WHERE v.image_id = i.id)
                        FROM images i LEFT JOIN scenes s ON s.id = i.scene_id WHERE i.id IN ({marks})""",
                    [image_id for image_id, _, _ in ranked],
                )
            }
        home = self.lineage.home
        return [
            Hit(row[0], home / row[1], row[2], row[3], row[4], row[5], row[6], round(share, 6), sources)
            for image_id, share, sources in ranked
            if (row := rows.get(image_id)) is not None
        ]


def _nearest(similarity: np.ndarray, count: int) -> np.ndarray:
    """The rows of the `count` highest similarities, highest first (ties in row order)."""
    if count <= 0:
        return np.zeros(0, dtype=np.intp)
    top = np.argpartition(-similarity, count - 1)[:count] if count < len(similarity) else np.arange(len(similarity))
    return top[np.argsort(-similarity[top], kind="stable")]


@contextmanager
def _reading(lineage: Lineage) -> Iterator[Database]:
    """The store's one connection, held for a read (reads never wait for writers: WAL)."""
    with lineage._lock:
        if lineage.unusable is not None:
            raise lineage.unusable
        yield lineage.db
