"""Ranking rows of the `image_text` FTS5 table by words, in memory, with FTS5's own bm25.

FTS5 tokenizes and stores every row (search.py writes them). Its bm25() costs about 0.8 µs for each row a
query matches, and common words match most rows: at 100,000 images a five-word query spent some 50 ms
there, on one core. The same scores computed with numpy over postings held in memory cost a few ms.

The postings are read from FTS5's own index (its fts5vocab tables), so the tokens are FTS5's (unicode61,
diacritics removed, porter stems), and the score is the formula of FTS5's bm25 (fts5_aux.c), step for
step in float64, so it gives the same numbers: for each query token, idf = ln((N - n + 0.5) / (n + 0.5))
(at least 1e-6) over the N rows, n of them holding the token; a row adds idf * f * (k1 + 1) / (f + k1 * (1
- b + b * D / avgdl)), where f sums the column weights of the token's occurrences in the row and D counts
the row's tokens. FTS5 returns the score negated; here higher is better. A test checks the ranking
against bm25() in SQL.

Rows are only ever appended to `image_text`, and a committed row's rowid is larger than every row
committed before it, so the postings are topped up by rowid, as the sentence vectors are by sequence: the
first search reads the whole index at once (about 0.8 s at 100,000 images); later ones tokenize only the
rows added since, in a scratch FTS5 table in memory with the same definition.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

COLUMNS = ("image_id", "description", "prompt", "objects", "captions", "notes")
TABLE = (
    "fts5(image_id UNINDEXED, description, prompt, objects, captions, notes, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"
)
K1, B = 1.2, 0.75  # FTS5's bm25 constants
MIN_IDF = 1e-6  # FTS5's floor for words in more than half the rows
# An occurrence's column, packed with its row as rowid * 8 + column, so SQL hands back one list of numbers.
_NONE = (np.zeros(0, dtype=np.int32), np.zeros(0))
_COLUMN_NUMBER = "CASE col " + " ".join(f"WHEN '{name}' THEN {n}" for n, name in enumerate(COLUMNS)) + " END"


class WordPostings:
    """For one FTS5 table: which rows hold each token, how much (by column weight), and each row's length.

    Safe to share between threads. `database` finds the store's file when first needed; `weights` are
    bm25's column weights, in COLUMNS order."""

    def __init__(self, database: Callable[[], Path], weights: tuple[float, ...], busy_timeout_s: float):
        self.lock = threading.Lock()
        self._database, self._timeout = database, busy_timeout_s
        self._weights = np.asarray(weights + (1.0,) * (8 - len(weights)), dtype=np.float64)
        self.rowids = np.zeros(0, dtype=np.int64)  # each row's rowid, ascending
        self.images = np.zeros(0, dtype=np.int32)  # each row's image, an index into image_ids
        self.lengths = np.zeros(0, dtype=np.float64)  # each row's tokens, all columns
        self.total_tokens = 0
        self.image_ids: list[str] = []
        self._image_index: dict[str, int] = {}
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # token -> its rows, its weighted counts
        self._reader: sqlite3.Connection | None = None
        self._scratch: sqlite3.Connection | None = None

    # Reading the index ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the rows committed since the last refresh: all of FTS5's index the first time."""
        with self.lock:
            reader = self._reader = self._reader or self._connect()
            reader.execute("BEGIN")  # one snapshot: the rows, and the index of the same rows
            try:
                last = int(self.rowids[-1]) if len(self.rowids) else 0
                if not last:
                    rows = reader.execute("SELECT rowid, image_id FROM image_text ORDER BY rowid").fetchall()
                    postings = _occurrences(reader, "temp.words_by_token", "temp.words_by_occurrence")
                else:
                    rows = reader.execute(
                        f"SELECT rowid, {', '.join(COLUMNS)} FROM image_text WHERE rowid > ? ORDER BY rowid", [last]
                    ).fetchall()
                    postings = self._tokenized(rows) if rows else None
            finally:
                reader.execute("COMMIT")
            if rows and postings is not None:
                self._add(rows, *postings)

    def _connect(self) -> sqlite3.Connection:
        reader = sqlite3.connect(
            f"{self._database().as_uri()}?mode=ro", uri=True, check_same_thread=False,
            timeout=self._timeout, isolation_level=None,
        )  # fmt: skip
        _add_vocabularies(reader, "main", "image_text", "temp.words")
        return reader

    def _tokenized(self, rows: list[tuple]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The occurrences in `rows` (rowid first, then COLUMNS), tokenized by a scratch table like image_text."""
        scratch = self._scratch_table()
        scratch.executemany(f"INSERT INTO scratch (rowid, {', '.join(COLUMNS)}) VALUES (?{', ?' * len(COLUMNS)})", rows)
        try:
            return _occurrences(scratch, "scratch_by_token", "scratch_by_occurrence")
        finally:
            scratch.execute("DELETE FROM scratch")

    def _scratch_table(self) -> sqlite3.Connection:
        if self._scratch is None:
            self._scratch = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            self._scratch.execute(f"CREATE VIRTUAL TABLE scratch USING {TABLE}")
            _add_vocabularies(self._scratch, "main", "scratch", "temp.scratch")
        return self._scratch

    def _add(self, rows: list[tuple], tokens: list[str], counts: np.ndarray, packed: np.ndarray) -> None:
        """Append `rows` (rowid, image id first) with their occurrences, as `_occurrences` returns them."""
        base, known = len(self.rowids), len(self._image_index)
        rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        index = self._image_index  # image id -> its number, in the order first seen
        images = np.fromiter((index.setdefault(r[1], len(index)) for r in rows), dtype=np.int32, count=len(rows))
        self.image_ids.extend(itertools.islice(index, known, None))
        token_of = np.repeat(np.arange(len(tokens)), counts)
        row_of = np.searchsorted(rowids, packed >> 3) + base
        weight = self._weights[packed & 7]
        lengths = np.bincount(row_of - base, minlength=len(rows)).astype(np.float64)
        # occurrences come by token, then row: one posting per run of the same (token, row)
        starts = np.ones(len(packed), dtype=bool)
        starts[1:] = (row_of[1:] != row_of[:-1]) | (token_of[1:] != token_of[:-1])
        group = np.cumsum(starts) - 1
        posting_rows = row_of[starts].astype(np.int32)
        posting_weights = np.bincount(group, weights=weight) if len(group) else np.zeros(0)
        per_token = np.bincount(token_of[starts], minlength=len(tokens))
        edges = [0, *np.cumsum(per_token).tolist()]
        postings = self._postings
        for token, start, end in zip(tokens, edges, edges[1:]):
            where, weighted = posting_rows[start:end], posting_weights[start:end]
            if token in postings:  # a word seen before: rows come in rowid order, so the new ones go last
                where = np.concatenate([postings[token][0], where])
                weighted = np.concatenate([postings[token][1], weighted])
            postings[token] = (where, weighted)
        self.rowids = np.concatenate([self.rowids, rowids])
        self.images = np.concatenate([self.images, images])
        self.lengths = np.concatenate([self.lengths, lengths])
        self.total_tokens += int(lengths.sum())

    # Queries ----------------------------------------------------------------------------------------------

    def tokens(self, words: list[str]) -> list[str]:
        """The tokens FTS5 makes of `words` (stemmed, folded), each once, in order."""
        if not words:
            return []
        with self.lock:
            scratch = self._scratch_table()
            scratch.executemany("INSERT INTO scratch (rowid, description) VALUES (?, ?)", enumerate(words, 1))
            try:
                found = scratch.execute("SELECT term, doc, offset FROM scratch_by_occurrence").fetchall()
            finally:
                scratch.execute("DELETE FROM scratch")
        return list(dict.fromkeys(term for term, _, _ in sorted(found, key=lambda t: (t[1], t[2]))))

    def best_rows(self, tokens: list[str], count: int, among: list[str] | None = None) -> list[tuple[str, float, int]]:
        """The `count` best rows for `tokens` (any of them), as (image id, score, rowid), by score and then newest
        row. `among`: only rows of these images."""
        with self.lock:
            rowids, images, lengths, rows = self.rowids, self.images, self.lengths, len(self.rowids)
            postings = [self._postings.get(token, _NONE) for token in tokens]
            average = self.total_tokens / rows if rows else 0.0
            allowed = None
            if among is not None:
                allowed = np.zeros(len(self.image_ids), dtype=bool)
                allowed[[self._image_index[i] for i in among if i in self._image_index]] = True
        if not rows or count <= 0:
            return []
        score = np.zeros(rows, dtype=np.float64)
        for where, weighted in postings:
            if len(where):  # each term of fts5_aux.c's bm25, in the same order of operations
                idf = math.log((rows - len(where) + 0.5) / (len(where) + 0.5))
                idf = idf if idf > 0.0 else MIN_IDF
                score[where] += idf * (
                    (weighted * (K1 + 1.0)) / (weighted + K1 * (1 - B + B * lengths[where] / average))
                )
        if allowed is not None:
            score[~allowed[images]] = 0.0
        matched = np.flatnonzero(score)
        if len(matched) > count:  # keep every row tied with the last one kept, then order exactly
            cut = np.partition(score[matched], len(matched) - count)[len(matched) - count]
            matched = matched[score[matched] >= cut]
        best = matched[np.lexsort((-rowids[matched], -score[matched]))][:count]
        return [(self.image_ids[images[r]], float(score[r]), int(rowids[r])) for r in best]

    def close(self) -> None:
        with self.lock:
            for connection in (self._reader, self._scratch):
                if connection is not None:
                    connection.close()
            self._reader = self._scratch = None


def _add_vocabularies(connection: sqlite3.Connection, schema: str, table: str, prefix: str) -> None:
    """fts5vocab tables over `table`: one row per token (with its occurrence count), one per occurrence."""
    for kind, suffix in (("row", "by_token"), ("instance", "by_occurrence")):
        connection.execute(f"CREATE VIRTUAL TABLE {prefix}_{suffix} USING fts5vocab({schema}, {table}, {kind})")


def _occurrences(
    connection: sqlite3.Connection, by_token: str, by_occurrence: str
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Every token with its occurrence count, and every occurrence packed as rowid * 8 + column, in the index's
    order: by token, then row. Both tables walk the same index in the same order, which the counts check."""
    found = connection.execute(f"SELECT term, cnt FROM {by_token}").fetchall()
    (packed,) = connection.execute(f"SELECT group_concat(doc * 8 + {_COLUMN_NUMBER}) FROM {by_occurrence}").fetchone()
    tokens = [term for term, _ in found]
    counts = np.fromiter((cnt for _, cnt in found), dtype=np.int64, count=len(found))
    occurrences = np.fromstring(packed, dtype=np.int64, sep=",") if packed else np.zeros(0, dtype=np.int64)
    if int(counts.sum()) != len(occurrences):
        raise RuntimeError(f"the word index changed while it was read ({counts.sum()} != {len(occurrences)})")
    return tokens, counts, occurrences
