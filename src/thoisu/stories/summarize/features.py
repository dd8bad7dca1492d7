"""Sentence features: position, length, cross-document support, centrality, similarity
to titles and openings, each also relative to the cluster (rank and share of the best)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from thoisu.stories.summarize.documents import (
    Bigram,
    Candidate,
    SummaryDoc,
    bigrams,
    heading,
    syllables,
)
from thoisu.stories.summarize.order import reading_order
from thoisu.stories.summarize.similarity import SparseRows, other_doc_stats, tfidf_rows, unit

FEATURES = (
    "pos", "inv_pos", "rel_pos", "para_rank", "first_in_para", "is_first",
    "n_tok", "log_n_tok", "doc_n_sent", "doc_rank", "n_docs",
    "support2", "support1", "support1_idf", "max_sim_other", "mean_top3_other",
    "centrality", "title_sim", "title_bi", "lead_sim", "dup_docs",
    "num_ratio", "cap_ratio", "quote", "ends_colon", "question", "mean_idf",
    "support2_idf", "support2_sum", "support2_multi", "doc_consensus", "doc_central",
    "own_title_sim", "n_bi_log",
    # the document's words over the longest document's: one corpus's references follow
    # one (long) document far more than the other's, a cue that holds in both
    "doc_size_rel",
)
# features also given relative to the cluster (rank percentile and share of the maximum):
# what matters is how a sentence compares with the others of its cluster
RELATIVE = (
    "support2", "support2_idf", "support2_multi", "support1_idf", "title_bi", "title_sim",
    "lead_sim", "centrality", "doc_consensus", "mean_top3_other", "own_title_sim",
)
ALL_FEATURES = FEATURES + tuple(f"{f}_rank" for f in RELATIVE) + tuple(
    f"{f}_rel" for f in RELATIVE)
_REL_IDX = [FEATURES.index(f) for f in RELATIVE]

_QUOTES = set("\"“”«»")


def _counts(token_lists: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    """Term counts over the sentence vocabulary (tokens outside it are dropped)."""
    out = np.zeros(len(vocab), dtype=np.float32)
    for toks in token_lists:
        for t in toks:
            j = vocab.get(t)
            if j is not None:
                out[j] += 1.0
    return out


def _pairs(groups: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(item id, row) pairs of per-row item lists, rows in order, items in list order."""
    ids = np.fromiter((k for g in groups for k in g), dtype=np.int64)
    return ids, np.repeat(np.arange(len(groups), dtype=np.int64), [len(g) for g in groups])


def _doc_freq(item: np.ndarray, doc: np.ndarray, n_items: int, n_docs: int) -> np.ndarray:
    """Number of documents holding each item, from (item, document) pairs."""
    held = np.unique(item * n_docs + doc)
    return np.bincount(held // n_docs, minlength=n_items)


def _share(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, 0 where den is 0 (a sentence without bigrams or words)."""
    return np.divide(num, den, out=np.zeros_like(num, dtype=np.float64), where=den > 0)


def _doc_central(ids: list[list[int]], doc_of: np.ndarray, w: np.ndarray,
                 n_docs: int) -> np.ndarray:
    """Per document: its unit tf-idf vector . the sum of the other documents' unit
    vectors, over n_docs - 1; sparse, as (document, term) pairs."""
    size = len(w)
    if not any(ids):
        return np.zeros(n_docs)
    key = np.concatenate([np.asarray(t, dtype=np.int64) + int(doc_of[k]) * size
                          for k, t in enumerate(ids) if t])
    key, count = np.unique(key, return_counts=True)
    doc, col = key // size, key % size
    val = count * w[col].astype(np.float64)
    norm = np.sqrt(np.bincount(doc, weights=val * val, minlength=n_docs))
    norm[norm == 0] = 1.0
    val /= norm[doc]
    total = np.bincount(col, weights=val, minlength=size)
    own = np.bincount(doc, weights=val * val, minlength=n_docs)
    return (np.bincount(doc, weights=val * total[col], minlength=n_docs) - own) / max(
        n_docs - 1, 1)


def _own_heading_sim(vec: SparseRows, doc_of: np.ndarray, heads: list[list[str]],
                     vocab: dict[str, int], w: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with its own document's title and standfirst."""
    size = len(w)
    keys: list[int] = []
    vals: list[float] = []
    for d, toks in enumerate(heads):
        tv = {}
        for t in toks:
            j = vocab.get(t)
            if j is not None:
                tv[j] = tv.get(j, 0.0) + float(w[j])
        norm = float(np.sqrt(sum(v * v for v in tv.values()))) or 1.0
        for j in sorted(tv):
            keys.append(d * size + j)
            vals.append(tv[j] / norm)
    if not keys:
        return np.zeros(vec.n_rows)
    hk, hv = np.asarray(keys, dtype=np.int64), np.asarray(vals)
    nz = doc_of[vec.rows] * size + vec.cols
    at = np.minimum(np.searchsorted(hk, nz), len(hk) - 1)
    hit = hk[at] == nz
    return np.bincount(vec.rows[hit], weights=vec.vals[hit] * hv[at[hit]],
                       minlength=vec.n_rows)


# what each group of computed values feeds (a lean call skips the groups it does not need)
_STATS = {"max_sim_other", "mean_top3_other", "dup_docs", "doc_consensus"}
_BIGRAM = {"support2", "support2_idf", "support2_sum", "support2_multi", "title_bi"}
_UNIGRAM = {"support1", "support1_idf", "mean_idf"}
_LOOP = {"para_rank", "first_in_para", "cap_ratio", "quote", "ends_colon", "question"}


def features(docs: list[SummaryDoc], cands: list[Candidate], idf: dict[str, float],
             default_idf: float, only: Sequence[str] | None = None) -> np.ndarray:
    """Feature matrix, one row per candidate sentence, columns as ``ALL_FEATURES``.

    ``only``: the columns a caller reads (names of ``ALL_FEATURES``); the others are left
    0 and what only they need is not computed (the summariser's concept model reads 11 of
    57; the values it reads are the same as in a full call)."""
    n = len(cands)
    n_docs = len(docs)
    if not n:
        return np.zeros((0, len(ALL_FEATURES)))
    want = set(ALL_FEATURES if only is None else only)
    base = {f if f in FEATURES else f.rsplit("_", 1)[0] for f in want}
    col: dict[str, np.ndarray] = {}
    pos = np.array([c.pos for c in cands], dtype=np.float64)
    doc_of = np.array([c.doc for c in cands], dtype=np.int64)
    doc_n = np.array([len(d.sentences) for d in docs], dtype=np.float64)[doc_of]
    n_tok = np.array([len(c.toks) for c in cands], dtype=np.float64)
    col["pos"], col["inv_pos"] = pos, 1.0 / (pos + 1)
    col["rel_pos"], col["is_first"] = pos / np.maximum(doc_n, 1), (pos == 0).astype(float)
    col["n_tok"], col["log_n_tok"], col["doc_n_sent"] = n_tok, np.array([math.log1p(v) for v in n_tok]), doc_n
    order = reading_order(docs)
    rank_of = np.zeros(n_docs)
    rank_of[order] = np.arange(n_docs)
    col["doc_rank"], col["n_docs"] = rank_of[doc_of] / max(n_docs, 1), np.full(n, n_docs)
    col["n_bi_log"] = np.array([math.log1p(len(c.bi)) for c in cands])
    if "doc_size_rel" in base:
        doc_words = np.array([sum(len(s.text.split()) for s in d.sentences) for d in docs],
                             dtype=np.float64)
        col["doc_size_rel"] = doc_words[doc_of] / max(doc_words.max(), 1)
    # tf-idf unigram vectors, sparse (see similarity.py)
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(t, len(vocab)) for t in c.toks] for c in cands]
    w = np.array([idf.get(t, default_idf) for t in vocab], dtype=np.float32)
    vec = tfidf_rows(ids, w)
    if base & _STATS:
        stats = other_doc_stats(vec, doc_of, n_docs)
        col["max_sim_other"], col["mean_top3_other"] = stats.best, stats.top3
        col["dup_docs"], col["doc_consensus"] = stats.dup_docs, stats.consensus
    if "centrality" in base:
        raw_tf = np.bincount(np.concatenate([np.asarray(i, dtype=np.int64) for i in ids]),
                             minlength=len(vocab)).astype(np.float32)
        col["centrality"] = vec.dot(unit(raw_tf * w))
    # titles and opening sentences of every document
    heads = [syllables(heading(d)) for d in docs]
    if "title_sim" in base:
        col["title_sim"] = vec.dot(unit(_counts(heads, vocab) * w))
    if "lead_sim" in base:
        lead_tf = np.bincount(
            np.asarray([t for i, c in zip(ids, cands, strict=True) if c.pos == 0 for t in i],
                       dtype=np.int64), minlength=len(vocab)).astype(np.float32)
        col["lead_sim"] = vec.dot(unit(lead_tf * w))
    if "doc_central" in base:  # how central each document is: against the sum of the others'
        col["doc_central"] = _doc_central(ids, doc_of, w, n_docs)[doc_of]
    if "own_title_sim" in base:
        col["own_title_sim"] = _own_heading_sim(vec, doc_of, heads, vocab, w)
    others = max(n_docs - 1, 1)
    # cross-document support of each sentence's bigrams and words, over (item, sentence)
    # pairs; a sentence's items in sorted order, so every per-sentence sum adds the same
    # floats in the same order as before (set order follows the per-process string hash
    # seed, and last-bit differences flipped rank ties between runs)
    if base & _BIGRAM:
        title_bi: set[Bigram] = set()
        for h in heads:
            title_bi |= bigrams(h)
        bkeys = sorted({b for c in cands for b in c.bi})
        bkey_id = {b: k for k, b in enumerate(bkeys)}
        bid, brow = _pairs([sorted(bkey_id[b] for b in c.bi) for c in cands])
        bdf = _doc_freq(bid, doc_of[brow], len(bkeys), n_docs)
        bw = np.array([idf.get(a, default_idf) + idf.get(b, default_idf) for a, b in bkeys])
        sup2 = (bdf[bid] - 1) / others
        n_bi = np.array([len(c.bi) for c in cands], dtype=np.float64)
        in_title = np.array([b in title_bi for b in bkeys], dtype=np.float64)
        col["support2_sum"] = np.bincount(brow, weights=sup2, minlength=n)
        col["support2"] = _share(col["support2_sum"], n_bi)
        col["support2_idf"] = _share(np.bincount(brow, weights=sup2 * bw[bid], minlength=n),
                                     np.bincount(brow, weights=bw[bid], minlength=n))
        col["support2_multi"] = _share(np.bincount(brow, weights=bdf[bid] >= 3, minlength=n),
                                       n_bi)
        col["title_bi"] = _share(np.bincount(brow, weights=in_title[bid], minlength=n), n_bi)
    if base & _UNIGRAM:
        ukeys = sorted(vocab)
        ukey_id = {t: k for k, t in enumerate(ukeys)}
        uid, urow = _pairs([sorted(ukey_id[t] for t in set(c.toks)) for c in cands])
        sup1 = (_doc_freq(uid, doc_of[urow], len(ukeys), n_docs)[uid] - 1) / others
        uw = np.array([idf.get(t, default_idf) for t in ukeys])[uid]
        n_uniq = np.bincount(urow, minlength=n).astype(np.float64)
        col["support1"] = _share(np.bincount(urow, weights=sup1, minlength=n), n_uniq)
        uw_sum = np.bincount(urow, weights=uw, minlength=n)
        col["support1_idf"] = _share(np.bincount(urow, weights=sup1 * uw, minlength=n), uw_sum)
        col["mean_idf"] = _share(uw_sum, n_uniq)
    if "num_ratio" in base:  # syllables holding a digit, repeats counted
        digit = np.array([any(ch.isdigit() for ch in t) for t in vocab], dtype=np.float64)
        tid, trow = _pairs(ids)
        col["num_ratio"] = np.bincount(trow, weights=digit[tid], minlength=n) / np.maximum(
            n_tok, 1)
    if base & _LOOP:
        col.update(_text_features(cands))
    x = np.zeros((n, len(FEATURES)))
    for j, f in enumerate(FEATURES):
        if f in col:
            x[:, j] = col[f]
    return _relative(x, None if only is None else want)


def _text_features(cands: list[Candidate]) -> dict[str, np.ndarray]:
    """Paragraph rank (a new ``line`` starts a paragraph) and surface cues of the text."""
    out = {f: np.zeros(len(cands)) for f in _LOOP}
    para_rank = 0
    prev_line: int | None = None
    prev_doc = -1
    for i, c in enumerate(cands):
        if c.doc != prev_doc:
            para_rank, prev_line, prev_doc = 0, None, c.doc
        first_in_para = prev_line is None or c.sent.line != prev_line
        if prev_line is not None and first_in_para:
            para_rank += 1
        prev_line = c.sent.line
        raw = c.sent.text
        words = raw.split()
        caps = sum(1 for wd in words[1:] if wd[:1].isupper())
        out["para_rank"][i], out["first_in_para"][i] = para_rank, float(first_in_para)
        out["cap_ratio"][i] = caps / max(len(words) - 1, 1)
        out["quote"][i] = float(any(ch in _QUOTES for ch in raw))
        out["ends_colon"][i] = float(raw.rstrip().endswith(":"))
        out["question"][i] = float("?" in raw)
    return out


def _relative(x: np.ndarray, want: set[str] | None) -> np.ndarray:
    """``x`` and its ``RELATIVE`` columns as rank percentiles and shares of the maximum;
    with ``want``, only the rank columns named there are ranked (the others left 0)."""
    base = x[:, _REL_IDX]
    n = len(x)
    ranked = [k for k, f in enumerate(RELATIVE) if want is None or f"{f}_rank" in want]
    ranks = np.zeros_like(base)
    # ranked on rounded values: float noise in the last bits must not reorder ties
    ranks[:, ranked] = np.argsort(np.argsort(np.round(base[:, ranked], 6), axis=0,
                                             kind="stable"), axis=0) / max(n - 1, 1)
    top = base.max(axis=0)
    top[top <= 0] = 1.0
    return np.hstack([x, ranks, base / top])
