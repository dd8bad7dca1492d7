"""Shaping records for the templates: article text cut into highlighted spans, events
with their participants' names."""

from __future__ import annotations

from typing import Any

from thoisu.models import Article, Event


def segments(art: Article, key_entity: dict[str, str], event_lines: dict[int, list[str]]) -> list[dict[str, Any]]:
    """Paragraphs cut into plain and highlighted spans: actor mentions (linked to the
    actor page) and dates. Overlapping spans keep the first."""
    spans: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    for m in art.mentions:
        if 0 <= m.sentence < len(art.sentences):
            s = art.sentences[m.sentence]
            title = f"{m.type}: {m.name or m.text}" + (f" ({m.country})" if m.country else "")
            spans.setdefault(s.para, []).append(
                (s.start + m.start, s.start + m.end,
                 {"cls": f"ent ent-{m.type}", "title": title, "entity": key_entity.get(m.key)}))
    for t in art.timexes:
        if 0 <= t.sentence < len(art.sentences):
            s = art.sentences[t.sentence]
            spans.setdefault(s.para, []).append(
                (s.start + t.start, s.start + t.end, {"cls": "date", "title": t.value}))
    paras = []
    for i, p in enumerate(art.paragraphs):
        pieces: list[dict[str, Any]] = []
        pos = 0
        for start, end, info in sorted(spans.get(i, []), key=lambda x: (x[0], -x[1])):
            if start < pos or end > len(p.text) or start >= end:
                continue
            if start > pos:
                pieces.append({"text": p.text[pos:start]})
            pieces.append({"text": p.text[start:end], **info})
            pos = end
        if pos < len(p.text):
            pieces.append({"text": p.text[pos:]})
        paras.append({"line": p.line, "pieces": pieces, "events": event_lines.get(p.line, [])})
    return paras


def event_view(ev: Event, names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def who(ids: list[str]) -> list[dict[str, Any]]:
        return [names.get(i) or {"id": i, "name": i, "type": "", "country": None} for i in ids]

    flags = [f for f in ("negated", "hypothetical", "future") if getattr(ev, f)]
    return {"ev": ev, "actors": who(ev.actors), "recipients": who(ev.recipients),
            "location": names.get(ev.location) if ev.location else None, "flags": flags}


def entity_ids(events: list[Event]) -> set[str]:
    ids: set[str] = set()
    for ev in events:
        ids.update(ev.actors)
        ids.update(ev.recipients)
        if ev.location:
            ids.add(ev.location)
    return ids
