"""Sentence vectors held in memory for search by meaning: one matrix per encoder model, scanned whole.

The matrix is float16: a scan reads every vector, so it costs what memory bandwidth costs, and half the
bytes halve it (100,000 MiniLM vectors: 77 MB instead of 154 MB). Cosines are summed in float32 by torch
(numpy has no fast half-precision product), so they differ from float32 vectors by about 1e-4, far below
the gap between neighbouring results.
"""

from __future__ import annotations

import threading

import numpy as np


class SentenceVectors:
    """The vectors read so far for one model: a growing float16 matrix and the image id of each row."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids: list[str] = []
        self.positions: dict[str, int] = {}  # image id -> its row
        self.matrix = np.zeros((0, 0), dtype=np.float16)
        self.seq = 0

    def add(self, rows: list[tuple[int, str, bytes]]) -> None:
        """Rows of (seq, image id, float32 vector bytes), in seq order; those already read are skipped."""
        with self.lock:
            rows = [r for r in rows if r[0] > self.seq]  # another thread may have read them already
            if not rows:
                return
            new = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), -1)
            count = len(self.ids)
            if self.matrix.shape[1] != new.shape[1] or count + len(rows) > len(self.matrix):
                grown = np.zeros((max(2 * (count + len(rows)), 1024), new.shape[1]), dtype=np.float16)
                grown[:count] = self.matrix[:count] if count else grown[:0]
                self.matrix = grown
            self.matrix[count : count + len(rows)] = new
            self.positions.update((r[1], count + k) for k, r in enumerate(rows))
            self.ids.extend(r[1] for r in rows)
            self.seq = rows[-1][0]

    def snapshot(self) -> tuple[list[str], np.ndarray]:
        """The ids and the rows for them; later additions never change the rows returned."""
        with self.lock:
            return list(self.ids), self.matrix[: len(self.ids)]


def cosines(matrix: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Each row's dot product with `query` (both unit length: the cosine), as float32."""
    try:
        import torch
    except ImportError:  # the encoders need torch, so this is only a caller with its own encoder
        return matrix.astype(np.float32) @ query.astype(np.float32)
    half = torch.from_numpy(np.ascontiguousarray(query, dtype=np.float16))
    return (torch.from_numpy(matrix) @ half).float().numpy()
