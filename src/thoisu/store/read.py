"""Events and quotes read back from the store as records, streamed (the export and the
report read them; digest.json streams the stored text instead). Each generator holds one
record at a time, so memory does not grow with the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from thoisu.models import Event
from thoisu.store import records


def _pages(db: sqlite3.Connection, sql: str, params: tuple = ()) -> Iterator[tuple]:
    cur = db.cursor()
    cur.execute(sql, params)
    while rows := cur.fetchmany(500):
        yield from rows


def iter_events(db: sqlite3.Connection, where: str = "", params: tuple = ()) -> Iterator[Event]:
    sql = records.EVENT_SELECT + (f" WHERE {where}" if where else "") + " ORDER BY seq, id"
    for row in _pages(db, sql, params):
        yield records.event_from_row(db, row)


def iter_quotes(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    sql = ("SELECT q.id, q.article, q.line, q.speaker, q.speaker_text, q.text, q.direct "
           "FROM quotes q JOIN articles a ON a.id = q.article ORDER BY a.seq, q.line, q.id")
    for row in _pages(db, sql):
        yield records.quote_from_row(row).to_dict()
