"""Article paragraphs cut into plain and highlighted pieces (actor mentions, dates), for
the HTML report and the web app alike."""

from __future__ import annotations

from typing import Any

from thoisu.models import Article


def paragraph_pieces(article: Article, key_entity: dict[str, str] | None = None) -> list[list[dict[str, Any]]]:
    """For each paragraph, its text as pieces in order: {"text"} plain, or {"text",
    "cls", "title"} for a mention (with "entity", its id, when ``key_entity`` resolves
    its key) or a date. Overlapping spans keep the first."""
    spans: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    sents = article.sentences
    for m in article.mentions:
        if 0 <= m.sentence < len(sents):
            s = sents[m.sentence]
            info = {"cls": f"ent ent-{m.type}",
                    "title": f"{m.type}: {m.name or m.text}" + (f" ({m.country})" if m.country else "")}
            if key_entity is not None:
                info["entity"] = key_entity.get(m.key)
            spans.setdefault(s.para, []).append((s.start + m.start, s.start + m.end, info))
    for t in article.timexes:
        if 0 <= t.sentence < len(sents):
            s = sents[t.sentence]
            spans.setdefault(s.para, []).append((s.start + t.start, s.start + t.end, {"cls": "date", "title": t.value}))
    out = []
    for i, p in enumerate(article.paragraphs):
        pieces: list[dict[str, Any]] = []
        pos = 0
        for start, end, info in sorted(spans.get(i, []), key=lambda x: (x[0], -x[1])):
            if start < pos or end > len(p.text) or start >= end:
                continue  # overlapping or out of range: keep the first
            if start > pos:
                pieces.append({"text": p.text[pos:start]})
            pieces.append({"text": p.text[start:end], **info})
            pos = end
        if pos < len(p.text):
            pieces.append({"text": p.text[pos:]})
        out.append(pieces)
    return out
