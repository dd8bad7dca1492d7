"""``thoisu export``: the store's main records as flat tables for analysts (pandas,
DuckDB, Spark): articles, entities, events, quotes, stories, threads. Parquet (pyarrow),
JSONL or CSV; streamed in batches, so memory does not grow with the store."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from thoisu.report.writers import csv_safe, entity_names, event_row
from thoisu.store import Store
from thoisu.store import read as store_read

FORMATS = ("parquet", "jsonl", "csv")
_BATCH = 1000


def _day(n: int | None) -> str | None:
    return date.fromordinal(n).isoformat() if n else None


def _rows(db: sqlite3.Connection, sql: str) -> Iterator[tuple]:
    cur = db.cursor()
    cur.execute(sql)
    while rows := cur.fetchmany(_BATCH):
        yield from rows


def articles(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for r in _rows(db, "SELECT id, page, title, outlet, author, via, published, published_text, "
                       "duplicate_of, NULLIF(story_id, ''), quality, run, body FROM articles ORDER BY seq"):
        yield dict(zip(("id", "page", "title", "outlet", "author", "via", "published", "published_text",
                        "duplicate_of", "story_id", "quality", "run", "text"), r, strict=True))


def entities(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for r in _rows(db, "SELECT id, name, type, country, role, n_mentions, key FROM entities "
                       "ORDER BY n_mentions DESC, id"):
        d = dict(zip(("id", "name", "type", "country", "role", "n_mentions", "key"), r, strict=True))
        d["aliases"] = [a for (a,) in db.execute(
            "SELECT alias FROM entity_aliases WHERE entity=? ORDER BY alias", (r[0],)) if a != r[1]]
        yield d


def events(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    names = entity_names(db)
    for ev in store_read.iter_events(db):
        row = event_row(ev, names)
        for k in ("date", "reported"):
            tv = row.pop(k)
            row[k] = tv["value"] if tv else None
            row[k + "_text"] = tv["text"] if tv else None
        row["mentions"] = [f"{m['article']}:{m['line']}" for m in row["mentions"]]
        yield row


def quotes(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    yield from store_read.iter_quotes(db)


def stories(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for r in _rows(db, "SELECT id, thread_id, title, n_articles, first_day, last_day, "
                       "json_extract(evidence, '$.text') FROM stories ORDER BY rowid"):
        yield {"id": r[0], "thread_id": r[1], "title": r[2], "n_articles": r[3],
               "first_date": _day(r[4]), "last_date": _day(r[5]), "joined_by": r[6],
               "summary": " ".join(t for (t,) in db.execute(
                   "SELECT text FROM summaries WHERE owner=? ORDER BY pos", (r[0],)))}


def threads(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for r in _rows(db, "SELECT id, title, n_stories, n_articles, first_day, last_day FROM threads "
                       "ORDER BY last_seq DESC"):
        yield {"id": r[0], "title": r[1], "n_stories": r[2], "n_articles": r[3],
               "first_date": _day(r[4]), "last_date": _day(r[5])}


TABLES = {"articles": articles, "entities": entities, "events": events, "quotes": quotes,
          "stories": stories, "threads": threads}


def _write_parquet(path: Path, rows: Iterator[dict[str, Any]]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
        if writer is None:
            # a column empty in the first batch (no story joined a thread yet, no dates)
            # is typed null, which a later batch's values could not be written as: text
            schema = pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
                                for f in table.schema])
            table = table.cast(schema)
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(table)
        batch.clear()

    for row in rows:
        batch.append(row)
        n += 1
        if len(batch) >= _BATCH:
            flush()
    if batch or writer is None:
        if batch:
            flush()
        else:  # no rows: an empty file with no columns still opens in pandas
            pq.write_table(pa.table({}), path)
    if writer is not None:
        writer.close()
    return n


def _write_jsonl(path: Path, rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(path: Path, rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = None
        for row in rows:
            flat = {k: csv_safe(";".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()}
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
            n += 1
    return n


def export_store(db_path: str | Path, out_dir: str | Path, fmt: str = "parquet") -> dict[str, int]:
    """Write one file per table into ``out_dir``; returns rows written per table. Each
    file is written under a temporary name and renamed when complete."""
    write = {"parquet": _write_parquet, "jsonl": _write_jsonl, "csv": _write_csv}[fmt]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    with Store(db_path, readonly=True) as store:
        for name, rows in TABLES.items():
            final = out / f"{name}.{fmt}"
            tmp = out / f".{name}.{fmt}.tmp"
            written[name] = write(tmp, rows(store.db))
            os.replace(tmp, final)
    return written
