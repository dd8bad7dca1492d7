"""Tf-idf sentence vectors kept sparse, and what the features need of the sentence x
sentence cosine similarities, computed a block of rows at a time: no dense matrix over
the whole input (a 5,000-sentence thread would need 100 MB for it, and a dense
sentence x vocabulary matrix several hundred), only a block of rows at once."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BLOCK = 64  # rows of the similarity matrix held at once (64 x n floats, their terms x n)
# a block product of at most this many multiply-adds is done by numpy's own loops
# (einsum), not BLAS: OpenBLAS starts its threads for products this small, and waiting for
# them on a busy machine cost 25x the arithmetic (the 58 summaries of a 200-article digest:
# 0.59 s CPU in this function, 0.02 s without BLAS); larger products are faster in BLAS
SMALL_PRODUCT = 1 << 26


@dataclass(slots=True)
class SparseRows:
    """Row-sorted sparse matrix: ``ptr[i]:ptr[i+1]`` index ``cols``/``vals`` of row i."""

    ptr: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.ptr) - 1

    def dot(self, v: np.ndarray) -> np.ndarray:
        """Each row times a dense vector."""
        return np.bincount(self.rows, weights=self.vals * v[self.cols],
                           minlength=self.n_rows).astype(np.float32)


def tfidf_rows(token_ids: list[list[int]], weights: np.ndarray) -> SparseRows:
    """Unit-length tf-idf rows from each sentence's vocabulary ids.

    The (row, term) counts come from one ``np.unique`` over all rows (one per row cost
    more than the rest of the features on a digest's short inputs); each row's norm is
    still its own float32 dot product, so the values are the same as row by row."""
    n = len(token_ids)
    size = max(len(weights), 1)
    lens = np.fromiter((len(t) for t in token_ids), dtype=np.int64, count=n)
    if not lens.any():
        e = np.zeros(0, dtype=np.int64)
        return SparseRows(np.zeros(n + 1, dtype=np.int64), e, e,
                          np.zeros(0, dtype=np.float32), len(weights))
    flat = np.fromiter((t for ids in token_ids for t in ids), dtype=np.int64,
                       count=int(lens.sum()))
    key, count = np.unique(np.repeat(np.arange(n, dtype=np.int64), lens) * size + flat,
                           return_counts=True)
    rows, cols = key // size, key % size
    v = count.astype(np.float32) * weights[cols]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.add.at(ptr, rows + 1, 1)
    ptr = np.cumsum(ptr)
    norm = np.ones(n, dtype=np.float32)
    for i in np.flatnonzero(lens):
        seg = v[ptr[i]:ptr[i + 1]]
        norm[i] = float(np.sqrt(np.dot(seg, seg))) or 1.0
    return SparseRows(ptr, rows, cols, (v / norm[rows]).astype(np.float32), len(weights))


def unit(v: np.ndarray) -> np.ndarray:
    return v / (float(np.linalg.norm(v)) or 1.0)


@dataclass(slots=True)
class OtherDocStats:
    """Per sentence, against the sentences of the other documents: best similarity, mean
    of the top three (own document counted as 0, as in a full matrix), number of other
    documents holding a near-duplicate, and the mean over the other documents of the best
    match there (consensus)."""

    best: np.ndarray
    top3: np.ndarray
    dup_docs: np.ndarray
    consensus: np.ndarray


def other_doc_stats(vec: SparseRows, doc_of: np.ndarray, n_docs: int,
                    dup_cut: float = 0.8) -> OtherDocStats:
    """``doc_of`` must be non-decreasing (sentences grouped by document)."""
    n = vec.n_rows
    best = np.zeros(n, dtype=np.float32)
    top3 = np.zeros(n, dtype=np.float32)
    dup = np.zeros(n, dtype=np.int64)
    consensus = np.zeros(n, dtype=np.float64)
    if n <= 1:
        return OtherDocStats(best, top3, dup, consensus)
    _, starts = np.unique(doc_of, return_index=True)
    k = min(3, n)
    term_at = np.full(vec.n_cols, -1, dtype=np.int64)
    for r0 in range(0, n, BLOCK):
        r1 = min(r0 + BLOCK, n)
        # only the terms of this block's rows matter: a dense (block x terms) times
        # (terms x all rows) product, both built from the stored values
        a, b = vec.ptr[r0], vec.ptr[r1]
        terms = np.unique(vec.cols[a:b])
        term_at[terms] = np.arange(len(terms))
        hit = term_at[vec.cols] >= 0
        rest = np.zeros((len(terms), n), dtype=np.float32)
        rest[term_at[vec.cols[hit]], vec.rows[hit]] = vec.vals[hit]
        block = np.zeros((r1 - r0, len(terms)), dtype=np.float32)
        block[vec.rows[a:b] - r0, term_at[vec.cols[a:b]]] = vec.vals[a:b]
        term_at[terms] = -1
        small = block.size * n <= SMALL_PRODUCT
        sim = np.einsum("ij,jk->ik", block, rest) if small else block @ rest
        sim[doc_of[r0:r1, None] == doc_of[None, :]] = 0.0  # own document
        best[r0:r1] = sim.max(axis=1)
        top3[r0:r1] = np.partition(sim, n - k, axis=1)[:, n - k:].mean(axis=1)
        per_doc = np.maximum.reduceat(sim, starts, axis=1)
        dup[r0:r1] = (per_doc > dup_cut).sum(axis=1)
        if n_docs > 1:
            consensus[r0:r1] = per_doc.astype(np.float64).sum(axis=1) / (n_docs - 1)
    return OtherDocStats(best, top3, dup, consensus)
