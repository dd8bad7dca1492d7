"""The store's records as the contract's JSON shapes, streamed: what digest.json, the
JSONL/CSV/Parquet exports and the web app read. Each generator holds one record at a
time, so memory does not grow with the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from thoisu.models import Entity, Event
from thoisu.store import records


def _pages(db: sqlite3.Connection, sql: str, params: tuple = ()) -> Iterator[tuple]:
    cur = db.cursor()
    cur.execute(sql, params)
    while rows := cur.fetchmany(500):
        yield from rows


_ARTICLE_SQL = (
    "SELECT id, page, title, title_line, outlet, author, via, published, published_text, "
    "duplicate_of, story_id, quality FROM articles"
)


def article_dict(db: sqlite3.Connection, row: tuple) -> dict[str, Any]:
    aid, page, title, tline, outlet, author, via, pub, pub_text, dup, sid, quality = row
    d: dict[str, Any] = {
        "id": aid, "page": page, "title": title, "title_line": tline, "outlet": outlet,
        "author": author, "via": via,
        "published": {"value": pub, "text": pub_text or ""} if pub else None,
        "paragraphs": [
            {"text": t, "line": ln}
            for t, ln in db.execute(
                "SELECT text, line FROM paragraphs WHERE article=? ORDER BY idx", (aid,)
            )
        ],
        "duplicate_of": dup, "story_id": sid or None,
    }
    if quality:
        d["quality"] = quality
    return d


def iter_articles(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in _pages(db, _ARTICLE_SQL + " ORDER BY seq"):
        yield article_dict(db, row)


def iter_entities(db: sqlite3.Connection, mentions: bool = True) -> Iterator[Entity]:
    for (eid,) in _pages(db, "SELECT id FROM entities ORDER BY n_mentions DESC, id"):
        ent = records.load_entity(db, eid, mentions=mentions)
        if ent is not None:
            yield ent


def iter_events(db: sqlite3.Connection, where: str = "", params: tuple = ()) -> Iterator[Event]:
    sql = records.EVENT_SELECT + (f" WHERE {where}" if where else "") + " ORDER BY seq, id"
    for row in _pages(db, sql, params):
        yield records.event_from_row(db, row)


def iter_quotes(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    sql = records.QUOTE_SELECT + " q JOIN articles a ON a.id = q.article ORDER BY a.seq, q.line, q.id"
    sql = sql.replace("SELECT id, article, line, speaker, speaker_text, text, direct",
                      "SELECT q.id, q.article, q.line, q.speaker, q.speaker_text, q.text, q.direct")
    for row in _pages(db, sql):
        yield records.quote_from_row(row).to_dict()


def iter_stories(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for (sid,) in _pages(db, "SELECT id FROM stories ORDER BY rowid"):
        st = records.load_story(db, sid)
        if st is not None:
            yield st.to_dict()


def iter_threads(db: sqlite3.Connection, limit: int | None = None) -> Iterator[dict[str, Any]]:
    sql = "SELECT id FROM threads ORDER BY last_seq DESC, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    for (tid,) in _pages(db, sql):
        th = records.load_thread(db, tid)
        if th is not None:
            yield th.to_dict()


def entity_index(db: sqlite3.Connection) -> Iterator[tuple[str, str, str | None]]:
    """(id, name, country) of every entity, for writing names beside ids."""
    yield from _pages(db, "SELECT id, name, country FROM entities")
