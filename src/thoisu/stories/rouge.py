"""ROUGE-1/2/L F1 exactly as ../shared/mds/README.md scores summaries.

- the candidate is cut at ``max_words`` whitespace-separated words first;
- tokens: NFC, lower-case, split into syllables on whitespace and underscores,
  punctuation dropped (any run of characters that are neither letters nor digits
  separates tokens, so "19/5" gives "19", "5" and "(NATO)" gives "nato");
- F1 against each reference, averaged over the references of a cluster
  (averaging over clusters is left to the caller, see ``mean_scores``).

ROUGE-L is the sentence-free LCS variant over the whole token sequences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

# letters and digits only: "_" and every punctuation/symbol act as separators; the
# summariser reads the same tokens (thoisu.text.syllables), not this module
from thoisu.text import syllables


def cut_words(text: str, max_words: int | None) -> str:
    """The first ``max_words`` whitespace-separated words of ``text``."""
    if max_words is None:
        return text
    return " ".join(text.split()[:max_words])


def tokens(text: str) -> list[str]:
    """Scoring tokens: NFC, lower-cased syllables, punctuation dropped (text.syllables)."""
    return syllables(text)


def ngrams(toks: Sequence[str], n: int) -> Counter:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def _f1(overlap: float, n_cand: int, n_ref: int) -> float:
    if overlap <= 0 or n_cand == 0 or n_ref == 0:
        return 0.0
    p = overlap / n_cand
    r = overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(cand: Sequence[str], ref: Sequence[str], n: int) -> float:
    """ROUGE-N F1 with clipped n-gram counts."""
    c, r = ngrams(cand, n), ngrams(ref, n)
    overlap = sum((c & r).values())
    return _f1(overlap, sum(c.values()), sum(r.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (O(len(a)*len(b)) time, O(len(b)) space)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(cand: Sequence[str], ref: Sequence[str]) -> float:
    return _f1(lcs_length(cand, ref), len(cand), len(ref))


def score(summary: str, references: Iterable[str], max_words: int | None = 200) -> dict[str, float]:
    """ROUGE-1/2/L F1 of one summary, averaged over its references."""
    cand = tokens(cut_words(summary, max_words))
    refs = [tokens(r) for r in references]
    if not refs:
        raise ValueError("no reference summaries")
    out = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for ref in refs:
        out["rouge1"] += rouge_n(cand, ref, 1)
        out["rouge2"] += rouge_n(cand, ref, 2)
        out["rougeL"] += rouge_l(cand, ref)
    return {k: v / len(refs) for k, v in out.items()}


def mean_scores(per_cluster: Sequence[dict[str, float]]) -> dict[str, float]:
    """Average of per-cluster scores (the README's final figure)."""
    if not per_cluster:
        return {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    keys = per_cluster[0].keys()
    return {k: sum(s[k] for s in per_cluster) / len(per_cluster) for k in keys}
