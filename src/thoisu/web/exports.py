"""Filtered events as downloads, streamed so any number of rows fits: CSV rows as in
the CLI's events.csv (cells neutralised against spreadsheet formulas) and JSON in the
API's own shape."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from thoisu.models import Event
from thoisu.web import queries, views

try:  # the report package's helper (CWE-1236); the same rule if it is not there
    from thoisu.report.writers import csv_safe
except ImportError:  # pragma: no cover - depends on the report package's version

    def csv_safe(value: Any) -> Any:
        """A cell a spreadsheet would read as a formula gets a leading quote."""
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
        return value


try:
    from thoisu.report.writers import EVENT_CSV_FIELDS
except ImportError:  # pragma: no cover
    EVENT_CSV_FIELDS = ("id", "type", "mode", "actors", "actor_names", "actor_countries",
                        "recipients", "recipient_names", "recipient_countries", "location",
                        "location_name", "date", "date_text", "negated", "hypothetical", "future",
                        "article", "line", "text")

BATCH = 500


def csv_rows(db_path: str, f: queries.EventFilters, limit: int | None) -> Iterator[str]:
    # a connection of its own: the stream is read on other threads, after the route
    conn = queries.connect(db_path)
    try:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=EVENT_CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        yield buf.getvalue()
        batch: list[Event] = []

        def flush() -> str:
            names = queries.entity_names(conn, views.entity_ids(batch))
            buf.seek(0)
            buf.truncate()
            for ev in batch:
                writer.writerow({k: csv_safe(v) for k, v in flat_event(ev, names).items()})
            batch.clear()
            return buf.getvalue()

        for ev in queries.iter_events(conn, f, limit):
            batch.append(ev)
            if len(batch) >= BATCH:
                yield flush()
        if batch:
            yield flush()
    finally:
        conn.close()


def json_rows(db_path: str, f: queries.EventFilters, total: int, limit: int | None,
              offset: int) -> Iterator[str]:
    """{"total": N, "events": [...]} written as it is read."""
    conn = queries.connect(db_path)
    try:
        yield '{"total": ' + str(total) + ', "events": ['
        for i, ev in enumerate(queries.iter_events(conn, f, limit, offset)):
            yield ("," if i else "") + "\n" + json.dumps(ev.to_dict(), ensure_ascii=False)
        yield "\n]}\n"
    finally:
        conn.close()


def flat_event(ev: Event, names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One events.csv row: ids with names and countries written out beside them."""
    def col(ids: list[str], key: str) -> str:
        return ";".join(str((names.get(i) or {}).get(key) or ("" if key == "country" else i)) for i in ids)

    loc = names.get(ev.location) if ev.location else None
    return {
        "id": ev.id, "type": ev.type, "mode": ev.mode or "", "actors": ";".join(ev.actors),
        "actor_names": col(ev.actors, "name"), "actor_countries": col(ev.actors, "country"),
        "recipients": ";".join(ev.recipients), "recipient_names": col(ev.recipients, "name"),
        "recipient_countries": col(ev.recipients, "country"), "location": ev.location or "",
        "location_name": loc["name"] if loc else "", "date": ev.date.value if ev.date else "",
        "date_text": ev.date.text if ev.date else "", "negated": ev.negated,
        "hypothetical": ev.hypothetical, "future": ev.future, "article": ev.article,
        "line": ev.line, "text": ev.text,
    }
