"""The lead baseline of ../shared/mds/README.md: first sentences of each document in turn.

Evaluation only (eval/summaries.py, eval/summaries_loco.py, train/summary_model.py).
"""

from __future__ import annotations

from thoisu.stories.summarize import SummaryDoc, dedup_docs


def lead_summary(docs: list[SummaryDoc], max_words: int = 200) -> str:
    """First sentences of each document in turn (round robin), cut at max_words; over the
    same sentences the summariser sees (exact-duplicate documents once)."""
    docs = dedup_docs(docs)
    words: list[str] = []
    k = 0
    while len(words) < max_words and any(k < len(d.sentences) for d in docs):
        for d in docs:
            if k < len(d.sentences):
                words.extend(d.sentences[k].text.split())
        k += 1
    return " ".join(words[:max_words])
