"""Spans of double-quoted passages, tracked per paragraph so that a quote the sentence
splitter cut in two is one span. Event coding treats them as asides; quotes.py reads them.
"""

from __future__ import annotations

import re

from thoisu.models import Article, Sentence

OPEN_Q = "“\"«"
CLOSE_Q = "”\"»"
_MARKS = re.compile("[" + re.escape(OPEN_Q + CLOSE_Q) + "]")


def quoted_spans(article: Article) -> dict[int, list[tuple[int, int]]]:
    """Character spans (per sentence index) inside double quotes, tracked per paragraph."""
    out: dict[int, list[tuple[int, int]]] = {}
    by_para: dict[int, list[tuple[int, Sentence]]] = {}
    for k, s in enumerate(article.sentences):
        by_para.setdefault(s.para, []).append((k, s))
    for p, sents in by_para.items():
        if p < len(article.paragraphs):
            text = article.paragraphs[p].text
        else:
            continue
        for qs, qe in paragraph_quotes(text):
            for k, s in sents:
                a, b = max(qs, s.start), min(qe, s.start + len(s.text))
                if a < b:
                    out.setdefault(k, []).append((a - s.start, b - s.start))
    return out


def paragraph_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (open mark .. close mark inclusive) of double-quoted passages."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _MARKS.finditer(text):  # only the quote marks, not every character
        i, ch = m.start(), m.group(0)
        if open_at < 0:
            if ch in OPEN_Q and ch != "”":
                open_at = i
        elif ch in CLOSE_Q:
            spans.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, len(text)))
    return spans

