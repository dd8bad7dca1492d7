"""Output files of ``thoisu digest``: digest.json, articles.jsonl, events.jsonl,
events.csv and report.html (see CONTRACT.md), streamed from the store: one record in
memory at a time, whatever the store's size. Each file is written to a temporary name
and renamed, so a reader (or a killed run) never sees half a file."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from thoisu.store import Store, records
from thoisu.store.records import Names, entity_names, event_row  # noqa: F401 - re-exported

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


def _texts(db: Any, sql: str, params: tuple = ()) -> Iterator[str]:
    cur = db.cursor()
    cur.execute(sql, params)
    while rows := cur.fetchmany(1000):
        for (text,) in rows:
            yield text


def _array(fh: IO[str], key: str, texts: Iterator[str], last: bool = False) -> None:
    fh.write(f' "{key}": [')
    first = True
    for text in texts:
        fh.write("\n  " if first else ",\n  ")
        fh.write(text)
        first = False
    fh.write("\n ]" if not first else "]")
    fh.write("\n" if last else ",\n")


# the stored output text of each record (kept up to date by the corpus stage), in order
ARTICLES_SQL = "SELECT json FROM articles WHERE json IS NOT NULL ORDER BY seq"
SECTIONS = (
    ("articles", ARTICLES_SQL),
    ("entities", "SELECT json FROM entities WHERE json IS NOT NULL ORDER BY n_mentions DESC, id"),
    ("events", "SELECT json FROM events WHERE json IS NOT NULL ORDER BY seq, id"),
    ("quotes", "SELECT json FROM quotes WHERE json IS NOT NULL ORDER BY rowid"),
    ("stories", "SELECT json FROM stories WHERE json IS NOT NULL ORDER BY rowid"),
    ("threads", "SELECT json FROM threads WHERE json IS NOT NULL ORDER BY last_seq DESC, id"),
)


def _entities(db: Any, fh: IO[str]) -> None:
    """The entities section, each entity's mentions streamed from the mentions table in
    pages (a country's run to hundreds of thousands: never one string)."""
    fh.write(' "entities": [')
    cur = db.cursor()
    cur.execute("SELECT json, id FROM entities WHERE json IS NOT NULL ORDER BY n_mentions DESC, id")
    first = True
    while rows := cur.fetchmany(1000):
        for text, eid in rows:
            fh.write("\n  " if first else ",\n  ")
            first = False
            fh.write(text[:-1] + ', "mentions": [')
            sep = ""
            for m in _texts(db, records.ENTITY_MENTION_ROWS, (eid,)):
                fh.write(sep + m)
                sep = ", "
            fh.write("]}")
    fh.write("\n ],\n" if not first else "],\n")


def write_digest_json(store: Store, path: Path) -> None:
    with atomic(path) as fh:
        fh.write('{\n "schema": "thoisu.digest/1",\n')
        for i, (key, sql) in enumerate(SECTIONS):
            if key == "entities":
                _entities(store.db, fh)
            else:
                _array(fh, key, _texts(store.db, sql), last=i == len(SECTIONS) - 1)
        fh.write("}\n")


def write_events(store: Store, jsonl: Path, csv_path: Path) -> None:
    with atomic(jsonl) as fj, atomic(csv_path, newline="") as fc:
        writer = csv.DictWriter(fc, fieldnames=EVENT_CSV_FIELDS)
        writer.writeheader()
        for text in _texts(store.db, "SELECT row_json FROM events WHERE row_json IS NOT NULL ORDER BY seq, id"):
            fj.write(text + "\n")
            writer.writerow(_flat(json.loads(text)))


def write_outputs(store: Store, out: Path, report_threads: int = 50) -> None:
    """Every output file of a digest, from the store."""
    from thoisu.report.html import render_report

    out.mkdir(parents=True, exist_ok=True)
    write_digest_json(store, out / "digest.json")
    with atomic(out / "articles.jsonl") as fh:
        for text in _texts(store.db, ARTICLES_SQL):
            fh.write(text + "\n")
    write_events(store, out / "events.jsonl", out / "events.csv")
    with atomic(out / "report.html") as fh:
        fh.write(render_report(store, report_threads))
