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
_AGG = ("lead_sim", "centrality", "title_sim", "inv_pos", "support2", "title_bi",
        "lead_sim_rank", "centrality_rank", "support2_rank", "doc_consensus")
_AGG_IDX = [ALL_FEATURES.index(f) for f in _AGG]
CLUSTER_FEATURES = (
    "df_share", "df", "n_docs", "log_count", "log_first_pos", "first_rel_pos", "title_share",
    "first_sent_share", "idf_min", "idf_max", "has_digit", "df_other",
) + tuple(f"max_{f}" for f in _AGG)
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
    doc_n = [len(d.sentences) for d in docs]
    in_docs: dict[Bigram, set[int]] = defaultdict(set)
    count: dict[Bigram, int] = defaultdict(int)
    first_pos: dict[Bigram, int] = {}
    first_rel: dict[Bigram, float] = {}
    first_sent: dict[Bigram, set[int]] = defaultdict(set)
    agg: dict[Bigram, np.ndarray] = {}
    for i, c in enumerate(cands):
        v = sent_x[i, _AGG_IDX]
        rel = c.pos / max(doc_n[c.doc], 1)
        for b in c.bi:
            in_docs[b].add(c.doc)
            count[b] += 1
            first_pos[b] = min(first_pos.get(b, c.pos), c.pos)
            first_rel[b] = min(first_rel.get(b, rel), rel)
            if c.pos == 0:
                first_sent[b].add(c.doc)
            if b in agg:
                np.maximum(agg[b], v, out=agg[b])
            else:
                agg[b] = v.copy()
    in_title: dict[Bigram, int] = defaultdict(int)
    for d in docs:
        for b in bigrams(syllables(heading(d))):
            in_title[b] += 1
    keys = sorted(in_docs)  # fixed order: training row sampling must not follow hash seeds
    x = np.zeros((len(keys), len(CLUSTER_FEATURES)))
    for k, b in enumerate(keys):
        i0, i1 = idf.get(b[0], default_idf), idf.get(b[1], default_idf)
        df = len(in_docs[b])
        x[k, :12] = (
            df / n_docs, df, n_docs, math.log1p(count[b]), math.log1p(first_pos[b]),
            first_rel[b], in_title[b] / n_docs, len(first_sent[b]) / n_docs,
            min(i0, i1), max(i0, i1), float(any(ch.isdigit() for ch in b[0] + b[1])),
            (df - 1) / max(n_docs - 1, 1),
        )
        x[k, 12:] = agg[b]
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
