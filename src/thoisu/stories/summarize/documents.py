"""What the summariser reads: documents, their candidate sentences and syllable tokens."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from thoisu.models import SummarySentence
from thoisu.text import syllables  # noqa: F401 - the summariser's tokens, re-exported

# letters and digits only: "_" and every punctuation/symbol separate syllables. Defined
# once in thoisu.text; the scoring of ../shared/mds/README.md (stories/rouge.py) imports
# the same function, and the summariser never imports its evaluation module
Bigram = tuple[str, str]


def bigrams(toks: list[str]) -> set[Bigram]:
    return {(toks[i], toks[i + 1]) for i in range(len(toks) - 1)}


@dataclass(slots=True)
class SummaryDoc:
    """One document to summarise: sentences in document order, each with its article/line."""

    id: str
    title: str | None = None
    published: str | None = None  # any common date string ("20/05/2016 11:03", ISO, ...)
    sentences: list[SummarySentence] = field(default_factory=list)
    lead: str | None = None  # standfirst/sapo kept apart from the body: read like the title


@dataclass(slots=True)
class Candidate:
    doc: int  # index in the deduplicated document list
    pos: int  # sentence index within its document
    sent: SummarySentence
    toks: list[str]
    bi: set[Bigram]
    words: int  # whitespace words (the budget unit)


def dedup_docs(docs: list[SummaryDoc]) -> list[SummaryDoc]:
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


def candidates(docs: list[SummaryDoc], limit: int | None = None,
               ) -> tuple[list[SummaryDoc], list[Candidate]]:
    """Deduplicated documents and their sentences, grouped by document in input order.

    Above ``limit`` sentences only the earliest of every document are kept (all first
    sentences, then all second ones, ...): the cost of the similarity features grows with
    the square of the count, and news puts the gist first."""
    docs = dedup_docs(docs)
    where = [(di, si) for di, d in enumerate(docs) for si in range(len(d.sentences))]
    if limit is not None and len(where) > limit:
        where = sorted(sorted(where, key=lambda p: (p[1], p[0]))[:limit])
    cands: list[Candidate] = []
    for di, si in where:
        s = docs[di].sentences[si]
        toks = syllables(s.text)
        cands.append(Candidate(di, si, s, toks, bigrams(toks), len(s.text.split())))
    return docs, cands


def heading(doc: SummaryDoc) -> str:
    """Title and standfirst: what the outlet itself chose to put first."""
    return f"{doc.title or ''}\n{doc.lead or ''}"
