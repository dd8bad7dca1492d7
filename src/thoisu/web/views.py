"""Shaping records for the templates: article text cut into highlighted spans, events
with their participants' names."""

from __future__ import annotations

from typing import Any

from thoisu.models import Article, Event
from thoisu.report.highlight import paragraph_pieces


def segments(art: Article, key_entity: dict[str, str], event_lines: dict[int, list[str]]) -> list[dict[str, Any]]:
    """Paragraphs cut into plain and highlighted pieces: actor mentions (linked to the
    actor page) and dates."""
    return [{"line": p.line, "pieces": pieces, "events": event_lines.get(p.line, [])}
            for p, pieces in zip(art.paragraphs, paragraph_pieces(art, key_entity), strict=True)]


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
