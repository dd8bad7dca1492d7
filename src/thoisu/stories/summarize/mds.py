"""The ../shared/mds cluster format: records in, SummaryDocs and summary text out."""

from __future__ import annotations

from typing import Any

from thoisu.models import SummarySentence
from thoisu.stories.summarize.documents import SummaryDoc


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
