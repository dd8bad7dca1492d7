"""Concept features: one row per distinct syllable bigram of the cluster (the concepts
whose coverage the selection maximises), from where and how often it occurs, the best
sentence features of the sentences holding it, and the learned keep rates."""

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
from thoisu.stories.summarize.features import ALL_FEATURES
from thoisu.stories.summarize.keep import KeepRates

# sentence features whose best value over the sentences holding a bigram describes it
AGGREGATED = ("lead_sim", "centrality", "title_sim", "inv_pos", "support2", "title_bi",
        "lead_sim_rank", "centrality_rank", "support2_rank", "doc_consensus", "doc_size_rel")
_AGG_IDX = [ALL_FEATURES.index(f) for f in AGGREGATED]
CLUSTER_FEATURES = (
    "df_share", "df", "n_docs", "log_count", "log_first_pos", "first_rel_pos", "title_share",
    "first_sent_share", "idf_min", "idf_max", "has_digit", "df_other",
) + tuple(f"max_{f}" for f in AGGREGATED) + (
    # occurrences per document: a count that means the same in a 2- and a 10-document
    # cluster (raw df / count / n_docs describe one corpus's cluster sizes; see LOCO)
    "log_count_per_doc",
)
# learned keep rates (see KeepRates): how often the bigram and each of its syllables,
# when in a cluster's documents, made it into the human summary of the training clusters
KEEP_FEATURES = ("keep_syl0", "keep_syl1", "keep_syl_min", "keep_bigram", "log_bigram_seen",
                 "keep_sent_max", "keep_sent_first")
CONCEPT_FEATURES = CLUSTER_FEATURES + KEEP_FEATURES


def concept_features(docs: list[SummaryDoc], cands: list[Candidate], sent_x: np.ndarray,
                     idf: dict[str, float], default_idf: float,
                     ) -> tuple[list[Bigram], np.ndarray]:
    """The cluster's distinct bigrams (the "concepts") and one row of
    ``CLUSTER_FEATURES`` for each (``keep_features`` adds the learned keep rates)."""
    n_docs = len(docs)
    # one (bigram, sentence) pair per occurrence; bigram ids follow sorted order, so the
    # rows come out in a fixed order (training row sampling must not follow hash seeds)
    keys = sorted({b for c in cands for b in c.bi})
    if not keys:
        return keys, np.zeros((0, len(CLUSTER_FEATURES)))
    key_id = {b: k for k, b in enumerate(keys)}
    bid = np.fromiter((key_id[b] for c in cands for b in c.bi), dtype=np.int64)
    cid = np.repeat(np.arange(len(cands)), [len(c.bi) for c in cands])
    pos = np.array([c.pos for c in cands], dtype=np.int64)[cid]
    doc = np.array([c.doc for c in cands], dtype=np.int64)[cid]
    doc_n = np.array([len(d.sentences) for d in docs], dtype=np.float64)
    rel = pos / np.maximum(doc_n[doc], 1)
    n_keys = len(keys)
    in_docs = np.unique(bid * n_docs + doc)
    df = np.bincount(in_docs // n_docs, minlength=n_keys).astype(np.float64)
    count = np.bincount(bid, minlength=n_keys)
    first_pos = np.full(n_keys, np.iinfo(np.int64).max)
    np.minimum.at(first_pos, bid, pos)
    first_rel = np.full(n_keys, np.inf)
    np.minimum.at(first_rel, bid, rel)
    opening = np.unique((bid * n_docs + doc)[pos == 0])
    first_sent = np.bincount(opening // n_docs, minlength=n_keys)
    order = np.argsort(bid, kind="stable")
    starts = np.searchsorted(bid[order], np.arange(n_keys))
    agg = np.maximum.reduceat(sent_x[:, _AGG_IDX][cid[order]], starts, axis=0)
    in_title: dict[Bigram, int] = defaultdict(int)
    for d in docs:
        for b in bigrams(syllables(heading(d))):
            in_title[b] += 1
    i0 = np.array([idf.get(b[0], default_idf) for b in keys])
    i1 = np.array([idf.get(b[1], default_idf) for b in keys])
    # digits looked up once per syllable, not once per bigram
    digit = {t: any(ch.isdigit() for ch in t) for t in {t for b in keys for t in b}}
    x = np.zeros((n_keys, len(CLUSTER_FEATURES)))
    x[:, :12] = np.column_stack([
        df / n_docs, df, np.full(n_keys, n_docs), np.log1p(count), np.log1p(first_pos),
        first_rel, np.array([in_title.get(b, 0) for b in keys]) / n_docs,
        first_sent / n_docs, np.minimum(i0, i1), np.maximum(i0, i1),
        np.array([float(digit[a] or digit[b]) for a, b in keys]),
        (df - 1) / max(n_docs - 1, 1),
    ])
    x[:, 12:12 + len(AGGREGATED)] = agg
    x[:, -1] = np.log1p(count / n_docs)
    return keys, x


def keep_features(keys: list[Bigram], cands: list[Candidate],
                  keep: KeepRates) -> np.ndarray:
    """One row of ``KEEP_FEATURES`` per concept: its own keep rates, and the mean
    syllable keep rate of the sentences holding it (best, and the first one's): a
    sentence made of attribution and connectives is seldom copied into a summary."""
    syl: dict[str, float] = {}
    sent_best: dict[Bigram, float] = {}
    sent_first: dict[Bigram, float] = {}
    for c in cands:
        for t in c.toks:
            if t not in syl:
                syl[t] = keep.rate(t, False)[0]
        mean = sum(syl[t] for t in c.toks) / len(c.toks) if c.toks else 0.0
        for bg in c.bi:
            if bg not in sent_first:
                sent_first[bg] = sent_best[bg] = mean
            elif mean > sent_best[bg]:
                sent_best[bg] = mean
    x = np.zeros((len(keys), len(KEEP_FEATURES)))
    for k, (a, b) in enumerate(keys):
        r0 = syl[a] if a in syl else keep.rate(a, False)[0]
        r1 = syl[b] if b in syl else keep.rate(b, False)[0]
        rb, seen = keep.rate(f"{a} {b}", True)
        x[k] = (r0, r1, min(r0, r1), rb, math.log1p(seen),
                sent_best.get((a, b), 0.0), sent_first.get((a, b), 0.0))
    return x
