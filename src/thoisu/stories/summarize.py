"""Multi-document extractive summaries.

Concept coverage with learned concept weights. The concepts are the syllable bigrams
of the cluster; a small bag of gradient-boosted tree models (averaged; trained by
``train/summary_model.py`` on news clusters with human summaries) predicts for each
the chance that a human summary contains it, from cheap evidence: in how many
documents and how often it occurs, how early, whether it is in titles/standfirsts or
first sentences, syllable IDF, and the best position/centrality/cross-document
support/title and lead similarity of the sentences holding it, and learned keep rates
(how often the bigram and its syllables, when in a training cluster, were in its human
summary: speech verbs and connectives seldom are). Sentences are then
picked greedily by not-yet-covered concept weight (plus a small bonus for a
document's opening sentence) per word**alpha (so repeated content earns nothing);
units that do not end like a sentence (headings, captions, bylines) are left out; a
near-duplicate of a picked sentence (the same wire story
reprinted) is never picked, exact-duplicate documents count once, and nothing is
truncated: sentences that no longer fit the word budget are skipped. The picks are
printed in reading order: documents by publication date (then input order),
sentences by position.

Runtime is pure Python + numpy; the model lives in ``data/summary_model.json``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from thoisu.models import SummarySentence
from thoisu.stories.rouge import tokens

_MODEL_PATH = Path(__file__).with_name("data") / "summary_model.json"


@dataclass(slots=True)
class SummaryDoc:
    """One document to summarise: sentences in document order, each with its article/line."""

    id: str
    title: str | None = None
    published: str | None = None  # any common date string ("20/05/2016 11:03", ISO, ...)
    sentences: list[SummarySentence] = field(default_factory=list)
    lead: str | None = None  # standfirst/sapo kept apart from the body: read like the title


# --------------------------------------------------------------------------- dates

_DMY = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_YMD = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})")
_HM = re.compile(r"\b(\d{1,2})[:h](\d{2})\b(?:\s*([AaPp])\.?[Mm])?")


def date_key(published: str | None) -> tuple[int, ...] | None:
    """Sortable (year, month, day, minute-of-day) from a loosely formatted date, or None."""
    if not published:
        return None
    m = _YMD.search(published)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DMY.search(published)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    minutes = 0
    rest = published[: m.start()] + " " + published[m.end() :]
    t = _HM.search(rest)
    if t:
        h, mi = int(t.group(1)), int(t.group(2))
        if t.group(3) and t.group(3).lower() == "p" and h < 12:
            h += 12
        if t.group(3) and t.group(3).lower() == "a" and h == 12:
            h = 0
        minutes = h * 60 + mi
    return (y, mo, d, minutes)


def reading_order(docs: list[SummaryDoc]) -> list[int]:
    """Document indices by date (undated ones keep their input place after dated ones)."""
    keys = [date_key(d.published) for d in docs]
    return sorted(range(len(docs)), key=lambda i: (keys[i] is None, keys[i] or (), i))


# --------------------------------------------------------------------------- model


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    with _MODEL_PATH.open(encoding="utf-8") as fh:
        return compile_model(json.load(fh))


def compile_model(model: dict[str, Any]) -> dict[str, Any]:
    """Turn the JSON tree lists into numpy arrays once (kept under ``_trees``).

    A model is either one boosted-tree model (``init``, ``learning_rate``, ``max_depth``,
    ``trees``) or a bag of them under ``members`` whose predictions are averaged."""
    if "keep" in model:
        model["_keep"] = KeepRates.from_json(model["keep"])
    for member in model.get("members", [model]):
        member["_trees"] = [
            (
                np.asarray(t["feature"], dtype=np.int64),
                np.asarray(t["threshold"], dtype=np.float64),
                np.asarray(t["left"], dtype=np.int64),
                np.asarray(t["right"], dtype=np.int64),
                np.asarray(t["value"], dtype=np.float64),
            )
            for t in member["trees"]
        ]
    return model


def predict(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Mean prediction of the bag's members (a single model is a bag of one)."""
    members = model.get("members", [model])
    return np.mean([_predict_trees(m, x) for m in members], axis=0)


def _predict_trees(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Gradient-boosted trees (exported from scikit-learn) evaluated with numpy."""
    out = np.full(len(x), float(model["init"]))
    if not len(x):
        return out
    rows = np.arange(len(x))
    depth = int(model["max_depth"])
    lr = float(model["learning_rate"])
    for feat, thr, left, right, value in model["_trees"]:
        node = np.zeros(len(x), dtype=np.int64)
        for _ in range(depth):
            f = feat[node]
            leaf = f < 0
            go_left = x[rows, np.where(leaf, 0, f)] <= thr[node]
            node = np.where(leaf, node, np.where(go_left, left[node], right[node]))
        out += lr * value[node]
    return out


# --------------------------------------------------------------------------- features

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


def _bigrams(toks: list[str]) -> set[tuple[str, str]]:
    return {(toks[i], toks[i + 1]) for i in range(len(toks) - 1)}


@dataclass(slots=True)
class _Cand:
    doc: int  # index in the deduplicated document list
    pos: int  # sentence index within its document
    sent: SummarySentence
    toks: list[str]
    bi: set[tuple[str, str]]
    words: int  # whitespace words (the budget unit)


def _dedup_docs(docs: list[SummaryDoc]) -> list[SummaryDoc]:
    """Exact-duplicate documents (same sentence text after spacing) count once."""
    seen: set[str] = set()
    out: list[SummaryDoc] = []
    for d in docs:
        key = hashlib.sha1(
            "\n".join(" ".join(s.text.split()) for s in d.sentences).encode("utf-8")
        ).hexdigest()
        if key in seen or not d.sentences:
            continue
        seen.add(key)
        out.append(d)
    return out


def candidates(docs: list[SummaryDoc]) -> tuple[list[SummaryDoc], list[_Cand]]:
    docs = _dedup_docs(docs)
    cands: list[_Cand] = []
    for di, d in enumerate(docs):
        for si, s in enumerate(d.sentences):
            toks = tokens(s.text)
            cands.append(_Cand(di, si, s, toks, _bigrams(toks), len(s.text.split())))
    return docs, cands


def _heading(doc: SummaryDoc) -> str:
    """Title and standfirst: what the outlet itself chose to put first."""
    return f"{doc.title or ''}\n{doc.lead or ''}"


def _unit_rows(m: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    norm[norm == 0] = 1.0
    return m / norm


def features(docs: list[SummaryDoc], cands: list[_Cand], idf: dict[str, float],
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
    bi_docs: dict[tuple[str, str], set[int]] = defaultdict(set)
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
    title_toks = [t for d in docs for t in tokens(_heading(d))]
    title_bi: set[tuple[str, str]] = set()
    for d in docs:
        title_bi |= _bigrams(tokens(_heading(d)))
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
        for t in tokens(_heading(d)):
            if t in vocab:
                tv[vocab[t]] += 1.0
        tv *= w
        tv /= np.linalg.norm(tv) or 1.0
        rows_d = doc_of == di
        own_title[rows_d] = vec[rows_d] @ tv
    bi_idf: dict[tuple[str, str], float] = {}

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


# --------------------------------------------------------------------------- concepts

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


def concept_features(docs: list[SummaryDoc], cands: list[_Cand], sent_x: np.ndarray,
                     idf: dict[str, float], default_idf: float,
                     ) -> tuple[list[tuple[str, str]], np.ndarray]:
    """The cluster's distinct bigrams (the "concepts") and one row of
    ``CLUSTER_FEATURES`` for each (``keep_features`` adds the learned keep rates)."""
    n_docs = len(docs)
    doc_n = [len(d.sentences) for d in docs]
    in_docs: dict[tuple[str, str], set[int]] = defaultdict(set)
    count: dict[tuple[str, str], int] = defaultdict(int)
    first_pos: dict[tuple[str, str], int] = {}
    first_rel: dict[tuple[str, str], float] = {}
    first_sent: dict[tuple[str, str], set[int]] = defaultdict(set)
    agg: dict[tuple[str, str], np.ndarray] = {}
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
    in_title: dict[tuple[str, str], int] = defaultdict(int)
    for d in docs:
        for b in _bigrams(tokens(_heading(d))):
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


Stats = dict[str, tuple[float, float]]  # key -> (training clusters holding it, summed share)


@dataclass(slots=True)
class KeepRates:
    """Keep rates learned from training clusters: for a syllable or a bigram ("a b"), in
    how many clusters' documents it occurs and the summed share of those clusters'
    references that contain it. Speech verbs and connectives ("cho biết", "bên cạnh đó")
    are in many documents and few summaries; names and figures are usually kept. A rate
    is smoothed toward the overall rate (``smooth`` pseudo-clusters), so rare entries
    say little. ``own_*`` (training only) are a cluster's own statistics, left out so
    its features never see its own summaries."""

    syllables: Stats
    bigrams: Stats
    prior_syllable: float
    prior_bigram: float
    smooth: float
    own_syllables: dict[str, float] | None = None
    own_bigrams: dict[str, float] | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeepRates:
        return cls({k: (v[0], v[1]) for k, v in data["syllables"].items()},
                   {k: (v[0], v[1]) for k, v in data["bigrams"].items()},
                   float(data["prior_syllable"]), float(data["prior_bigram"]),
                   float(data["smooth"]))

    def rate(self, key: str, bigram: bool) -> tuple[float, float]:
        """(smoothed keep rate, clusters seen) of a syllable or a bigram key."""
        table, own = ((self.bigrams, self.own_bigrams) if bigram
                      else (self.syllables, self.own_syllables))
        seen, kept = table.get(key, (0.0, 0.0))
        if own and key in own and seen:
            seen, kept = seen - 1, kept - own[key]
        prior = self.prior_bigram if bigram else self.prior_syllable
        return (kept + self.smooth * prior) / (seen + self.smooth), seen


def keep_features(keys: list[tuple[str, str]], cands: list[_Cand],
                  keep: KeepRates) -> np.ndarray:
    """One row of ``KEEP_FEATURES`` per concept: its own keep rates, and the mean
    syllable keep rate of the sentences holding it (best, and the first one's): a
    sentence made of attribution and connectives is seldom copied into a summary."""
    syl: dict[str, float] = {}
    sent_best: dict[tuple[str, str], float] = {}
    sent_first: dict[tuple[str, str], float] = {}
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


# --------------------------------------------------------------------------- selection


def _overlap(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> float:
    """Share of the smaller sentence's bigrams found in the other (1.0 = contained)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# a sentence unit ends like a sentence; headings, captions ("Ảnh: ..."), bylines, list
# stubs and units ending in ":" (they announce a list that is not picked with them) do not
_SENTENCE_END = re.compile(r"[.!?…\"”»)]\s*$")


def is_sentence(text: str) -> bool:
    """Whether a candidate unit reads as a full sentence (ends with final punctuation)."""
    return bool(_SENTENCE_END.search(text))


def select(cands: list[_Cand], weights: dict[tuple[str, str], float], max_words: int,
           params: dict[str, float]) -> list[int]:
    """Greedy concept coverage: repeatedly take the sentence adding the most
    (not yet covered bigram weight + first_bonus if it opens its document) per
    word**alpha, skipping near-duplicates of picked sentences, units that do not end like
    a sentence (when ``need_end``; all units are kept if none does) and sentences that no
    longer fit the budget. The opening bonus is a position prior: news writers put the
    gist first, and on short clusters the lead baseline is hard to beat without it."""
    min_tok = int(params.get("min_tokens", 6))
    dup_cut = float(params.get("dup_cut", 0.5))
    alpha = float(params.get("alpha", 0.8))
    bonus = float(params.get("first_bonus", 0.0))
    pool = [i for i, c in enumerate(cands) if len(c.toks) >= min_tok and c.words <= max_words]
    if params.get("need_end"):
        ended = [i for i in pool if is_sentence(cands[i].sent.text)]
        pool = ended or pool
    covered: set[tuple[str, str]] = set()
    chosen: list[int] = []
    used = 0
    while pool:
        best, best_val = -1, 0.0
        for i in pool:
            c = cands[i]
            gain = sum(max(weights.get(b, 0.0), 0.0) for b in c.bi - covered)
            if c.pos == 0:
                gain += bonus
            val = gain / c.words**alpha
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            break
        chosen.append(best)
        used += cands[best].words
        covered |= cands[best].bi
        pool = [
            i for i in pool
            if i != best and cands[i].words <= max_words - used
            and _overlap(cands[i].bi, cands[best].bi) < dup_cut
        ]
    return chosen


def concept_weights(docs: list[SummaryDoc], cands: list[_Cand],
                    model: dict[str, Any]) -> dict[tuple[str, str], float]:
    """Predicted chance that each bigram of the cluster is in a human summary."""
    idf, default_idf = model["idf"], float(model["default_idf"])
    sent_x = features(docs, cands, idf, default_idf)
    keys, x = concept_features(docs, cands, sent_x, idf, default_idf)
    x = np.hstack([x, keep_features(keys, cands, model["_keep"])])
    return dict(zip(keys, predict(model, x).tolist(), strict=True))


def summarize(docs: list[SummaryDoc], max_words: int = 200) -> list[SummarySentence]:
    """The picked sentences in reading order; their whitespace words never exceed max_words."""
    docs, cands = candidates(docs)
    if not cands or max_words <= 0:
        return []
    model = load_model()
    chosen = select(cands, concept_weights(docs, cands, model), max_words, model["select"])
    rank = {di: r for r, di in enumerate(reading_order(docs))}
    chosen.sort(key=lambda i: (rank[cands[i].doc], cands[i].pos))
    return [cands[i].sent for i in chosen]


# --------------------------------------------------------------------------- mds records


def cluster_docs(cluster: dict[str, Any]) -> list[SummaryDoc]:
    """SummaryDocs of one record in the ../shared/mds JSONL format.

    Sentences come from ``text`` only (line = 1-based paragraph index); the ``lead``
    (sapo) is kept as ``SummaryDoc.lead`` and used like the title: sapos are teasers
    ("... luật sư nhận định"), and on the training clusters putting them in the body
    lowered both the lead baseline and the summaries.
    """
    from thoisu.annotate.sentences import split_text

    out: list[SummaryDoc] = []
    for k, d in enumerate(cluster.get("documents", [])):
        art = str(d.get("id") or k)
        sents = [
            SummarySentence(text=s, article=art, line=ln)
            for ln, p in enumerate((d.get("text") or "").split("\n"), start=1)
            for _, s in split_text(p)
        ]
        out.append(SummaryDoc(id=art, title=d.get("title"), published=d.get("published"),
                              sentences=sents, lead=(d.get("lead") or "").strip() or None))
    return out


def summarize_cluster(cluster: dict[str, Any], max_words: int = 200) -> str:
    """Summary text of one mds-format cluster (its ``summaries`` are ignored)."""
    return " ".join(s.text for s in summarize(cluster_docs(cluster), max_words))


def lead_summary(docs: list[SummaryDoc], max_words: int = 200) -> str:
    """Baseline: first sentences of each document in turn (round robin), cut at max_words."""
    docs = _dedup_docs(docs)
    words: list[str] = []
    k = 0
    while len(words) < max_words and any(k < len(d.sentences) for d in docs):
        for d in docs:
            if k < len(d.sentences):
                words.extend(d.sentences[k].text.split())
        k += 1
    return " ".join(words[:max_words])
