"""Output files of ``thoisu digest``: digest.json, articles.jsonl, events.jsonl,
events.csv and report.html (see CONTRACT.md), streamed from the store: one record in
memory at a time, whatever the store's size. Each file is written to a temporary name
and renamed, so a reader (or a killed run) never sees half a file."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from thoisu.models import Event
from thoisu.store import Store
from thoisu.store import read as store_read

EVENT_CSV_FIELDS = (
    "id", "type", "mode", "actors", "actor_names", "actor_countries", "recipients",
    "recipient_names", "recipient_countries", "location", "location_name", "date", "date_text",
    "negated", "hypothetical", "future", "article", "line", "text",
    "n_mentions", "n_articles", "reported",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula (CWE-1236): text starting with
    = + - @ (or a tab or carriage return) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


@contextmanager
def atomic(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline=newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


Names = Callable[[str], tuple[str, str | None] | None]


def entity_names(db: Any) -> Names:
    """id -> (name, country), read per id with a bounded cache."""

    @lru_cache(maxsize=50_000)
    def one(eid: str) -> tuple[str, str | None] | None:
        row = db.execute("SELECT name, country FROM entities WHERE id=?", (eid,)).fetchone()
        return (row[0], row[1]) if row else None

    return one


def event_row(ev: Event, names_of: Names) -> dict[str, Any]:
    """An event with actor and recipient names and country codes written out beside the ids."""

    def names(ids: list[str]) -> list[str]:
        return [(names_of(i) or (i, None))[0] for i in ids]

    def countries(ids: list[str]) -> list[str | None]:
        return [(names_of(i) or (i, None))[1] for i in ids]

    row = ev.to_dict()
    row["actor_names"] = names(ev.actors)
    row["actor_countries"] = countries(ev.actors)
    row["recipient_names"] = names(ev.recipients)
    row["recipient_countries"] = countries(ev.recipients)
    loc = names_of(ev.location) if ev.location else None
    row["location_name"] = loc[0] if loc else None
    return row


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key in EVENT_CSV_FIELDS:
        if key in ("date", "reported"):
            flat[key] = row[key]["value"] if row.get(key) else ""
        elif key == "date_text":
            flat[key] = row["date"]["text"] if row["date"] else ""
        else:
            val = row.get(key)
            if isinstance(val, list):
                val = ";".join("" if v is None else str(v) for v in val)
            flat[key] = csv_safe("" if val is None else val)
    return flat


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _array(fh: IO[str], key: str, items: Iterator[Any], last: bool = False) -> None:
    fh.write(f' "{key}": [')
    first = True
    for item in items:
        fh.write("\n  " if first else ",\n  ")
        fh.write(_dump(item))
        first = False
    fh.write("\n ]" if not first else "]")
    fh.write("\n" if last else ",\n")


def write_digest_json(store: Store, path: Path) -> None:
    db = store.db
    with atomic(path) as fh:
        fh.write('{\n "schema": "thoisu.digest/1",\n')
        _array(fh, "articles", store_read.iter_articles(db))
        _array(fh, "entities", (e.to_dict() for e in store_read.iter_entities(db)))
        _array(fh, "events", (e.to_dict() for e in store_read.iter_events(db)))
        _array(fh, "quotes", store_read.iter_quotes(db))
        _array(fh, "stories", store_read.iter_stories(db))
        _array(fh, "threads", store_read.iter_threads(db), last=True)
        fh.write("}\n")


def write_events(store: Store, jsonl: Path, csv_path: Path) -> None:
    names = entity_names(store.db)
    with atomic(jsonl) as fj, atomic(csv_path, newline="") as fc:
        writer = csv.DictWriter(fc, fieldnames=EVENT_CSV_FIELDS)
        writer.writeheader()
        for ev in store_read.iter_events(store.db):
            row = event_row(ev, names)
            fj.write(_dump(row) + "\n")
            writer.writerow(_flat(row))


def write_outputs(store: Store, out: Path, report_threads: int = 50) -> None:
    """Every output file of a digest, from the store."""
    from thoisu.report.html import render_report

    out.mkdir(parents=True, exist_ok=True)
    write_digest_json(store, out / "digest.json")
    with atomic(out / "articles.jsonl") as fh:
        for art in store_read.iter_articles(store.db):
            fh.write(_dump(art) + "\n")
    write_events(store, out / "events.jsonl", out / "events.csv")
    with atomic(out / "report.html") as fh:
        fh.write(render_report(store, report_threads))
