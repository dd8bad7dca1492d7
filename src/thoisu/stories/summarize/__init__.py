"""Multi-document extractive summaries.

Concept coverage with learned concept weights. The concepts are the syllable bigrams
of the cluster; gradient-boosted trees (trained by ``train/summary_model.py`` on news
clusters with human summaries and on copies of them cut to 2 and 3 documents, the recipe
chosen by leave-one-corpus-out so that it holds for references written by other newsrooms
and for clusters of other sizes) predict for each the chance that a human
summary contains it, from evidence that means the same whatever the cluster's size: the
share of documents holding it and its occurrences per document, how early it comes,
whether it is in titles/standfirsts or first sentences, syllable IDF, and the best
position/centrality/cross-document support/title and lead similarity/document size of the
sentences holding it. The model file names the features it reads (``features``); learned
keep rates (``keep``) are read only if it names them. Sentences are then picked greedily
by not-yet-covered concept weight (divided by (position + 1) ** pos_power, a soft
position prior over the whole document; plus a bonus for each document's first
sentences, halved at every position, scaled by the share of the sentence's bigrams not
yet covered) per word**alpha (so repeated content earns nothing); units that do not end
like a sentence (headings, captions, bylines), leave a quotation open (fragments of a
long quotation) or open in lower case (cut by the splitter after an ellipsis) are left
out. A sentence also competes as a shorter variant without the connective that opened
it ("Tuy nhiên, ...": ``compress``, cues in the model file). A near-duplicate of a
picked sentence (the same wire story reprinted) is never picked, exact-duplicate
documents count once, and nothing is truncated: sentences that no longer fit the word
budget are skipped. The picks are printed in reading order: documents by
publication date (then input order), sentences by position.

Cost is bounded: sentence similarities are computed a block of rows at a time from sparse
vectors (``similarity``), and above ``max_candidates`` sentences only the earliest of
every document are considered (bench/summaries.py); only the sentence features the model
reads are computed.

Modules: ``documents`` (inputs, candidate sentences, syllables), ``order`` (dates,
reading order), ``features`` and ``similarity`` (per sentence), ``concepts`` and ``keep``
(per bigram), ``model`` (the trees), ``compress`` (shorter variants), ``select`` (greedy
coverage), ``mds`` (the mds record format). Runtime is pure Python + numpy; the model
lives in ``data/summary_model.json``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from thoisu.models import SummarySentence
from thoisu.stories.summarize.concepts import (
    AGGREGATED,
    CLUSTER_FEATURES,
    CONCEPT_FEATURES,
    KEEP_FEATURES,
    concept_features,
    keep_features,
)
from thoisu.stories.summarize.documents import (
    Bigram,
    Candidate,
    SummaryDoc,
    candidates,
    dedup_docs,
    syllables,
)
from thoisu.stories.summarize.features import ALL_FEATURES, FEATURES, features
from thoisu.stories.summarize.keep import KeepRates
from thoisu.stories.summarize.mds import cluster_docs
from thoisu.stories.summarize.model import compile_model, load_model, predict
from thoisu.stories.summarize.order import date_key, reading_order
from thoisu.stories.summarize.select import is_sentence, pick, quotes_closed, select

# sentences considered at most (the earliest of every document first), when the model
# file does not say: bounds time and memory on large threads (bench/summaries.py)
MAX_CANDIDATES = 3000

__all__ = [
    "AGGREGATED", "ALL_FEATURES", "CLUSTER_FEATURES", "CONCEPT_FEATURES", "FEATURES", "KEEP_FEATURES",
    "Bigram", "Candidate", "KeepRates", "SummaryDoc", "candidates", "cluster_docs",
    "compile_model", "concept_features", "concept_weights",
    "date_key", "dedup_docs", "features", "is_sentence", "keep_features", "load_model",
    "pick", "predict", "quotes_closed", "reading_order", "select", "summarize", "summarize_cluster", "syllables",
]


def concept_weights(docs: list[SummaryDoc], cands: list[Candidate],
                    model: dict[str, Any]) -> dict[Bigram, float]:
    """Predicted chance that each bigram of the cluster is in a human summary."""
    idf, default_idf = model["idf"], float(model["default_idf"])
    names = tuple(model.get("features") or CONCEPT_FEATURES)
    # only the sentence features whose best value the model reads (at most 11 of 57;
    # those not read are not computed: a model without max_doc_consensus skips the
    # sentence x sentence similarities)
    read = [f for f in AGGREGATED if f"max_{f}" in names]
    sent_x = features(docs, cands, idf, default_idf, only=read)
    keys, x = concept_features(docs, cands, sent_x, idf, default_idf)
    if set(names) & set(KEEP_FEATURES):  # keep rates only when the model reads them
        x = np.hstack([x, keep_features(keys, cands, model["_keep"])])
    else:
        x = np.hstack([x, np.zeros((len(keys), len(KEEP_FEATURES)))])
    if names != CONCEPT_FEATURES:  # the model reads a subset, by name
        x = x[:, [CONCEPT_FEATURES.index(f) for f in names]]
    return dict(zip(keys, predict(model, x).tolist(), strict=True))


def summarize(docs: list[SummaryDoc], max_words: int = 200) -> list[SummarySentence]:
    """The picked sentences in reading order; their whitespace words never exceed max_words."""
    model = load_model()
    docs, cands = candidates(docs, int(model["select"].get("max_candidates", MAX_CANDIDATES)))
    if not cands or max_words <= 0:
        return []
    chosen = pick(cands, concept_weights(docs, cands, model), max_words, model["select"])
    rank = {di: r for r, di in enumerate(reading_order(docs))}
    chosen.sort(key=lambda c: (rank[c.doc], c.pos))
    return [c.sent for c in chosen]


def summarize_cluster(cluster: dict[str, Any], max_words: int = 200) -> str:
    """Summary text of one mds-format cluster (its ``summaries`` are ignored)."""
    return " ".join(s.text for s in summarize(cluster_docs(cluster), max_words))
