"""Sentence features: position, length, cross-document support, centrality, similarity
to titles and openings, each also relative to the cluster (rank and share of the best)."""

from __future__ import annotations

import math
from collections import defaultdict

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

FEATURES = (
    "pos", "inv_pos", "rel_pos", "para_rank", "first_in_para", "is_first",
    "n_tok", "log_n_tok", "doc_n_sent", "doc_rank", "n_docs",
    "support2", "support1", "support1_idf", "max_sim_other", "mean_top3_other",
    "centrality", "title_sim", "title_bi", "lead_sim", "dup_docs",
    "num_ratio", "cap_ratio", "quote", "ends_colon", "question", "mean_idf",
    "support2_idf", "support2_sum", "support2_multi", "doc_consensus", "doc_central",
    "own_title_sim", "n_bi_log",
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


def _unit_rows(m: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    norm[norm == 0] = 1.0
    return m / norm


def features(docs: list[SummaryDoc], cands: list[Candidate], idf: dict[str, float],
             default_idf: float) -> np.ndarray:
    """Feature matrix, one row per candidate sentence, columns as ``FEATURES``."""
    n = len(cands)
    n_docs = len(docs)
    x = np.zeros((n, len(FEATURES)))
    if not n:
        return np.zeros((0, len(ALL_FEATURES)))
    # per-document sentence counts, paragraph ranks (a new ``line`` starts a paragraph)
    doc_n = [len(d.sentences) for d in docs]
    order = reading_order(docs)
    rank_of = {di: r for r, di in enumerate(order)}
    # where each bigram / word occurs: set of documents
    bi_docs: dict[Bigram, set[int]] = defaultdict(set)
    uni_docs: dict[str, set[int]] = defaultdict(set)
    for c in cands:
        for b in c.bi:
            bi_docs[b].add(c.doc)
        for t in c.toks:
            uni_docs[t].add(c.doc)
    # tf-idf unigram vectors
    vocab: dict[str, int] = {}
    for c in cands:
        for t in c.toks:
            vocab.setdefault(t, len(vocab))
    w = np.array([idf.get(t, default_idf) for t in vocab], dtype=np.float32)
    tf = np.zeros((n, len(vocab)), dtype=np.float32)  # float32: large threads stay small
    for i, c in enumerate(cands):
        for t in c.toks:
            tf[i, vocab[t]] += 1.0
    vec = _unit_rows(tf * w)
    sim = vec @ vec.T
    doc_of = np.array([c.doc for c in cands])
    other = doc_of[:, None] != doc_of[None, :]
    sim_other = np.where(other, sim, 0.0)
    centroid = tf.sum(axis=0) * w
    centroid /= np.linalg.norm(centroid) or 1.0
    central = vec @ centroid
    # titles and opening sentences of every document
    title_toks = [t for d in docs for t in syllables(heading(d))]
    title_bi: set[Bigram] = set()
    for d in docs:
        title_bi |= bigrams(syllables(heading(d)))
    tvec = np.zeros(len(vocab), dtype=np.float32)
    for t in title_toks:
        if t in vocab:
            tvec[vocab[t]] += 1.0
    tvec *= w
    tvec /= np.linalg.norm(tvec) or 1.0
    lead_rows = [i for i, c in enumerate(cands) if c.pos == 0]
    lvec = tf[lead_rows].sum(axis=0) * w
    lvec /= np.linalg.norm(lvec) or 1.0
    title_sim = vec @ tvec
    lead_sim = vec @ lvec
    # consensus: for each other document, the best match there; averaged over documents
    consensus = np.zeros(n)
    if n_docs > 1:
        for dj in range(n_docs):
            cols = doc_of == dj
            best = np.where(other[:, cols], sim[:, cols], 0.0).max(axis=1)
            consensus += best
        consensus /= n_docs - 1
    # how central each document is: its vector against the other documents' centroid
    doc_vec = np.zeros((n_docs, len(vocab)), dtype=np.float32)
    np.add.at(doc_vec, doc_of, tf * w)
    doc_unit = _unit_rows(doc_vec)
    total = doc_unit.sum(axis=0)
    doc_central = np.array([
        float(doc_unit[d] @ (total - doc_unit[d])) / max(n_docs - 1, 1) for d in range(n_docs)
    ])
    own_title = np.zeros(n)
    for di, d in enumerate(docs):
        tv = np.zeros(len(vocab), dtype=np.float32)
        for t in syllables(heading(d)):
            if t in vocab:
                tv[vocab[t]] += 1.0
        tv *= w
        tv /= np.linalg.norm(tv) or 1.0
        rows_d = doc_of == di
        own_title[rows_d] = vec[rows_d] @ tv
    bi_idf: dict[Bigram, float] = {}

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
        nt = len(c.toks)
        others = max(n_docs - 1, 1)
        if c.bi:
            # sums in a fixed (sorted) order: set order follows the per-process string
            # hash seed, and the last-bit differences flipped rank ties between runs
            bis = sorted(c.bi)
            sup2 = [(len(bi_docs[b]) - 1) / others for b in bis]
            bw = []
            for b in bis:
                if b not in bi_idf:
                    bi_idf[b] = idf.get(b[0], default_idf) + idf.get(b[1], default_idf)
                bw.append(bi_idf[b])
            support2 = sum(sup2) / len(c.bi)
            support2_idf = sum(a * q for a, q in zip(sup2, bw, strict=True)) / sum(bw)
            support2_sum = sum(sup2)
            support2_multi = sum(1 for b in c.bi if len(bi_docs[b]) >= 3) / len(c.bi)
            tbi = len(c.bi & title_bi) / len(c.bi)
        else:
            support2 = tbi = support2_idf = support2_sum = support2_multi = 0.0
        uniq = sorted(set(c.toks))
        if uniq:
            sup = [(len(uni_docs[t]) - 1) / others for t in uniq]
            wts = [idf.get(t, default_idf) for t in uniq]
            support1 = sum(sup) / len(uniq)
            support1_idf = sum(s * q for s, q in zip(sup, wts, strict=True)) / sum(wts)
            mean_idf = sum(wts) / len(wts)
        else:
            support1 = support1_idf = mean_idf = 0.0
        row = sim_other[i]
        top = np.sort(row)[-3:] if n > 1 else np.zeros(1)
        # documents holding a near-duplicate of this sentence (same wire copy)
        dup = len({cands[j].doc for j in np.nonzero(row > 0.8)[0]})
        raw = c.sent.text
        words = raw.split()
        caps = sum(1 for wd in words[1:] if wd[:1].isupper())
        nums = sum(1 for t in c.toks if any(ch.isdigit() for ch in t))
        x[i] = (
            c.pos, 1.0 / (c.pos + 1), c.pos / max(doc_n[c.doc], 1), para_rank,
            float(first_in_para), float(c.pos == 0),
            nt, math.log1p(nt), doc_n[c.doc], rank_of[c.doc] / max(n_docs, 1), n_docs,
            support2, support1, support1_idf, float(row.max()) if n > 1 else 0.0,
            float(top.mean()), float(central[i]), float(title_sim[i]), tbi,
            float(lead_sim[i]), dup,
            nums / max(nt, 1), caps / max(len(words) - 1, 1),
            float(any(ch in _QUOTES for ch in raw)), float(raw.rstrip().endswith(":")),
            float("?" in raw), mean_idf,
            support2_idf, support2_sum, support2_multi, float(consensus[i]),
            float(doc_central[c.doc]), float(own_title[i]), math.log1p(len(c.bi)),
        )
    return _relative(x)


def _relative(x: np.ndarray) -> np.ndarray:
    base = x[:, _REL_IDX]
    n = len(x)
    ranks = np.argsort(np.argsort(base, axis=0, kind="stable"), axis=0) / max(n - 1, 1)
    top = base.max(axis=0)
    top[top <= 0] = 1.0
    return np.hstack([x, ranks, base / top])
