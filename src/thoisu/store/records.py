"""Rows <-> records: how each product record (models.py) is written to and read from
its tables. One place for the mapping, so the corpus stage, the outputs, the export
and the web app read the same thing."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from thoisu.dates import day_ordinal
from thoisu.models import (
    Article,
    Entity,
    EntityMention,
    Event,
    Mention,
    Page,
    Paragraph,
    Quote,
    Sentence,
    Story,
    SummarySentence,
    Thread,
    TimelineEntry,
    TimeValue,
    Timex,
)

_ANNOTATIONS = ("sentences", "timexes", "mentions", "events", "quotes")


def pack(obj: Any) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode(), 3)


def unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob))


def fts_fold(text: str) -> str:
    """Text as indexed for diacritic-insensitive search: the tokenizer drops every mark
    but cannot see 'đ' as 'd' (a letter of its own), so that one is done here. One
    character for one, so snippets and highlights line up with the stored text."""
    return text.replace("đ", "d").replace("Đ", "D")


# --------------------------------------------------------------------------- pages


def insert_page(db: sqlite3.Connection, page: Page, n_articles: int, run: int | None) -> bool:
    cur = db.execute(
        "INSERT OR IGNORE INTO pages(sha, path, fmt, record, n_articles, run, meta, page) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (page.sha, page.path, page.fmt, page.record, n_articles, run,
         json.dumps(page.meta, ensure_ascii=False), pack(page.to_dict())),
    )
    return cur.rowcount > 0


def load_page(db: sqlite3.Connection, sha: str) -> Page | None:
    row = db.execute("SELECT page FROM pages WHERE sha=?", (sha,)).fetchone()
    if not row or row[0] is None:
        return None
    from thoisu.models import SourceLine

    d = unpack(row[0])
    d["lines"] = [SourceLine(**x) for x in d["lines"]]
    return Page.from_dict(d)


# --------------------------------------------------------------------------- articles

ARTICLE_COLUMNS = (
    "id", "seq", "page_sha", "page", "title", "title_line", "outlet", "author", "via",
    "published", "published_text", "day", "quality", "sha", "duplicate_of", "story_id",
    "run", "body", "annotations",
)


def insert_article(
    db: sqlite3.Connection, art: Article, page_sha: str, seq: int, run: int | None
) -> None:
    ann = {k: [x.to_dict() for x in getattr(art, k)] for k in _ANNOTATIONS}
    pub = art.published
    body = art.text
    db.execute(
        f"INSERT INTO articles({','.join(ARTICLE_COLUMNS)}) VALUES ({','.join('?' * len(ARTICLE_COLUMNS))})",
        (art.id, seq, page_sha, art.page, art.title, art.title_line, art.outlet, art.author,
         art.via, pub.value if pub else None, pub.text if pub else None,
         day_ordinal(pub.value if pub else None), art.quality, art.sha, art.duplicate_of,
         art.story_id, run, body, pack(ann)),
    )
    db.executemany(
        "INSERT INTO paragraphs(article, idx, line, text) VALUES (?,?,?,?)",
        [(art.id, i, p.line, p.text) for i, p in enumerate(art.paragraphs)],
    )
    title = art.title or ""
    db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?,?,?)",
               (seq, fts_fold(title), fts_fold(body)))
    db.execute("INSERT INTO articles_fts_exact(rowid, title, body) VALUES (?,?,?)", (seq, title, body))


def delete_article(db: sqlite3.Connection, aid: str) -> None:
    """Remove an article's own rows (reprocess replaces them); derived rows are the
    corpus stage's to rewrite."""
    row = db.execute("SELECT seq, title, body FROM articles WHERE id=?", (aid,)).fetchone()
    if not row:
        return
    seq, title, body = row
    title = title or ""
    db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete',?,?,?)",
               (seq, fts_fold(title), fts_fold(body)))
    db.execute(
        "INSERT INTO articles_fts_exact(articles_fts_exact, rowid, title, body) VALUES ('delete',?,?,?)",
        (seq, title, body),
    )
    for table in ("paragraphs",):
        db.execute(f"DELETE FROM {table} WHERE article=?", (aid,))
    db.execute("DELETE FROM articles WHERE id=?", (aid,))


_SELECT_ARTICLE = (
    "SELECT id, page, title, title_line, outlet, author, via, published, published_text, "
    "duplicate_of, story_id, quality, sha, annotations FROM articles"
)


def _paragraphs(db: sqlite3.Connection, aid: str) -> list[Paragraph]:
    return [
        Paragraph(text=t, line=ln)
        for t, ln in db.execute("SELECT text, line FROM paragraphs WHERE article=? ORDER BY idx", (aid,))
    ]


def _article(db: sqlite3.Connection, row: tuple, annotations: bool) -> Article:
    aid, page, title, tline, outlet, author, via, pub, pub_text, dup, sid, quality, sha, ann = row
    art = Article(
        id=aid, page=page, title=title, title_line=tline, outlet=outlet, author=author, via=via,
        published=TimeValue(pub, pub_text or "") if pub else None, duplicate_of=dup,
        story_id=sid, quality=quality, sha=sha or "", paragraphs=_paragraphs(db, aid),
    )
    if annotations:
        d = unpack(ann)
        art.sentences = [Sentence(**x) for x in d["sentences"]]
        art.timexes = [Timex(**x) for x in d["timexes"]]
        art.mentions = [Mention(**x) for x in d["mentions"]]
        art.events = [Event.from_dict(x) for x in d["events"]]
        art.quotes = [Quote(**x) for x in d["quotes"]]
    return art


def load_articles(
    db: sqlite3.Connection, ids: Iterable[str], annotations: bool = True
) -> list[Article]:
    """Articles by id, in the order asked (unknown ids left out)."""
    out = []
    for aid in ids:
        row = db.execute(_SELECT_ARTICLE + " WHERE id=?", (aid,)).fetchone()
        if row:
            out.append(_article(db, row, annotations))
    return out


def iter_articles(
    db: sqlite3.Connection, where: str = "", params: tuple = (), annotations: bool = False
) -> Iterator[Article]:
    """Articles in the order they were stored, streamed."""
    sql = _SELECT_ARTICLE + (f" WHERE {where}" if where else "") + " ORDER BY seq"
    for row in db.execute(sql, params).fetchall() if annotations else _stream(db, sql, params):
        yield _article(db, row, annotations)


def _stream(db: sqlite3.Connection, sql: str, params: tuple) -> Iterator[tuple]:
    # a separate cursor, read in pages: memory stays flat however large the table
    cur = db.execute(sql, params)
    while rows := cur.fetchmany(500):
        yield from rows


# --------------------------------------------------------------------------- entities


def load_entity(db: sqlite3.Connection, eid: str, mentions: bool = True) -> Entity | None:
    row = db.execute(
        "SELECT id, name, type, country, role FROM entities WHERE id=?", (eid,)
    ).fetchone()
    if not row:
        return None
    ent = Entity(id=row[0], name=row[1], type=row[2], country=row[3], role=row[4])
    ent.aliases = [
        a for (a,) in db.execute(
            "SELECT alias FROM entity_aliases WHERE entity=? ORDER BY alias", (eid,)
        ) if a != ent.name
    ]
    if mentions:
        ent.mentions = [
            EntityMention(article=a, line=ln, text=t)
            for a, ln, t in db.execute(
                "SELECT m.article, m.line, m.text FROM mentions m JOIN articles a ON a.id = m.article "
                "WHERE m.entity=? ORDER BY a.seq, m.sentence, m.start", (eid,)
            )
        ]
    return ent


def resolve_entity(db: sqlite3.Connection, eid: str) -> str | None:
    """The live id an entity id stands for (itself, or where its merge redirects)."""
    for _ in range(20):
        if db.execute("SELECT 1 FROM entities WHERE id=?", (eid,)).fetchone():
            return eid
        row = db.execute("SELECT target FROM entity_redirects WHERE id=?", (eid,)).fetchone()
        if not row:
            return None
        eid = row[0]
    return None


def retire_thread(db: sqlite3.Connection, tid: str, target: str | None) -> None:
    """A thread left empty when its lone story joined ``target``: its rows go, its id
    redirects (and so do the ids that redirected to it); without a target, it is gone."""
    for table, col in (("threads", "id"), ("summaries", "owner"), ("timeline", "owner")):
        db.execute(f"DELETE FROM {table} WHERE {col}=?", (tid,))
    if target is None:
        return
    db.execute("UPDATE thread_redirects SET target=? WHERE target=?", (target, tid))
    db.execute("INSERT OR REPLACE INTO thread_redirects(id, target) VALUES (?,?)", (tid, target))


def merge_story(db: sqlite3.Connection, old: str, into: str) -> str | None:
    """Story ``old`` merged into ``into`` (stories/cluster.py): its articles and events
    move, its summary, timeline and row go, its id redirects (and so do the ids that
    redirected to it). Returns the thread it was in; None, and nothing done, for a story
    never stored (opened and merged within one chunk: no row, article or id to redirect)."""
    row = db.execute("SELECT thread_id FROM stories WHERE id=?", (old,)).fetchone()
    if row is None:
        return None
    for aid, text in db.execute("SELECT id, json FROM articles WHERE story_id=?", (old,)).fetchall():
        rec = json.loads(text) if text else None
        if rec is not None:
            rec["story_id"] = into
        db.execute("UPDATE articles SET story_id=?, json=? WHERE id=?",
                   (into, dumps(rec) if rec is not None else None, aid))
    db.execute("UPDATE events SET story=? WHERE story=?", (into, old))
    for table, col in (("stories", "id"), ("summaries", "owner"), ("timeline", "owner")):
        db.execute(f"DELETE FROM {table} WHERE {col}=?", (old,))
    db.execute("UPDATE story_redirects SET target=? WHERE target=?", (into, old))
    db.execute("INSERT OR REPLACE INTO story_redirects(id, target) VALUES (?,?)", (old, into))
    return row[0]


def split_story(db: sqlite3.Connection, new: str, article_ids: list[str]) -> None:
    """A story parted (stories/cluster.py, ``StoryIndex.split``): the articles
    ``article_ids`` are in story ``new`` now (the part that keeps the old id is named
    too: a story merged into the one that parted in the same chunk moved its articles
    there), and an id that redirected (a story merged away before) is live again. The
    events, summaries, timelines and rows of the parts are the corpus stage's to write
    again."""
    for i in range(0, len(article_ids), 500):
        part = article_ids[i : i + 500]
        rows = db.execute(f"SELECT id, json FROM articles WHERE id IN ({','.join('?' * len(part))})",
                          part).fetchall()
        for aid, text in rows:
            rec = json.loads(text) if text else None
            if rec is not None:
                rec["story_id"] = new
            db.execute("UPDATE articles SET story_id=?, json=? WHERE id=?",
                       (new, dumps(rec) if rec is not None else None, aid))
    db.execute("DELETE FROM story_redirects WHERE id=?", (new,))


def story_target(db: sqlite3.Connection, sid: str) -> str | None:
    """The story a merged story id redirects to (None for a live or unknown id)."""
    row = db.execute("SELECT target FROM story_redirects WHERE id=?", (sid,)).fetchone()
    return row[0] if row else None


def thread_target(db: sqlite3.Connection, tid: str) -> str | None:
    """The thread a retired thread id redirects to (None for a live or unknown id)."""
    row = db.execute("SELECT target FROM thread_redirects WHERE id=?", (tid,)).fetchone()
    return row[0] if row else None


# --------------------------------------------------------------------------- events

Names = Callable[[str], tuple[str, str | None] | None]


def entity_names(db: sqlite3.Connection) -> Names:
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




def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_events(db: sqlite3.Connection, story: str, events: list[Event], seqs: dict[str, int]) -> None:
    """Replace a story's events (with their digest.json and events.jsonl text)."""
    names = entity_names(db)
    old = [r[0] for r in db.execute("SELECT id FROM events WHERE story=?", (story,))]
    for eid in old:
        db.execute("DELETE FROM event_participants WHERE event=?", (eid,))
        db.execute("DELETE FROM event_mentions WHERE event=?", (eid,))
    db.execute("DELETE FROM events WHERE story=?", (story,))
    for ev in events:
        db.execute(
            "INSERT OR REPLACE INTO events(id, story, type, mode, location, date, date_text, negated, "
            "hypothetical, future, article, line, text, n_mentions, n_articles, reported, "
            "reported_text, seq, json, row_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ev.id, story, ev.type, ev.mode, ev.location,
             ev.date.value if ev.date else None, ev.date.text if ev.date else None,
             int(ev.negated), int(ev.hypothetical), int(ev.future), ev.article, ev.line, ev.text,
             ev.n_mentions, ev.n_articles, ev.reported.value if ev.reported else None,
             ev.reported.text if ev.reported else None, seqs.get(ev.article, 0),
             dumps(ev.to_dict()), dumps(event_row(ev, names))),
        )
        db.executemany(
            "INSERT OR REPLACE INTO event_participants(event, role, pos, entity) VALUES (?,?,?,?)",
            [(ev.id, "actor", i, e) for i, e in enumerate(ev.actors)]
            + [(ev.id, "recipient", i, e) for i, e in enumerate(ev.recipients)],
        )
        db.executemany(
            "INSERT OR REPLACE INTO event_mentions(event, pos, article, line, text) VALUES (?,?,?,?,?)",
            [(ev.id, i, m.article, m.line, m.text) for i, m in enumerate(ev.mentions)],
        )


EVENT_SELECT = (
    "SELECT id, type, mode, location, date, date_text, negated, hypothetical, future, article, "
    "line, text, n_mentions, n_articles, reported, reported_text FROM events"
)


def event_from_row(db: sqlite3.Connection, row: tuple) -> Event:
    (eid, typ, mode, loc, date, date_text, neg, hyp, fut, art, line, text, nm, na,
     rep, rep_text) = row
    parts = db.execute(
        "SELECT role, entity FROM event_participants WHERE event=? ORDER BY role, pos", (eid,)
    ).fetchall()
    mentions = [
        EntityMention(article=a, line=ln, text=t)
        for a, ln, t in db.execute(
            "SELECT article, line, text FROM event_mentions WHERE event=? ORDER BY pos", (eid,)
        )
    ]
    return Event(
        id=eid, type=typ, mode=mode, actors=[e for r, e in parts if r == "actor"],
        recipients=[e for r, e in parts if r == "recipient"], location=loc,
        date=TimeValue(date, date_text or "") if date else None, negated=bool(neg),
        hypothetical=bool(hyp), future=bool(fut), article=art, line=line, text=text,
        mentions=mentions, n_mentions=nm, n_articles=na,
        reported=TimeValue(rep, rep_text or "") if rep else None,
    )


def quote_from_row(row: tuple) -> Quote:
    qid, article, line, speaker, speaker_text, text, direct = row
    return Quote(id=qid, speaker=speaker, speaker_text=speaker_text, text=text,
                 direct=bool(direct), article=article, line=line)


QUOTE_SELECT = "SELECT id, article, line, speaker, speaker_text, text, direct FROM quotes"


# --------------------------------------------------------------------------- stories


def write_summary(db: sqlite3.Connection, owner: str, sents: list[SummarySentence]) -> None:
    db.execute("DELETE FROM summaries WHERE owner=?", (owner,))
    db.executemany(
        "INSERT INTO summaries(owner, pos, text, article, line) VALUES (?,?,?,?,?)",
        [(owner, i, s.text, s.article, s.line) for i, s in enumerate(sents)],
    )


def write_timeline(db: sqlite3.Connection, owner: str, entries: list[TimelineEntry]) -> None:
    db.execute("DELETE FROM timeline WHERE owner=?", (owner,))
    db.executemany(
        "INSERT INTO timeline(owner, pos, date, date_text, text, article, line, event) "
        "VALUES (?,?,?,?,?,?,?,?)",
        [(owner, i, e.date.value, e.date.text, e.text, e.article, e.line, e.event)
         for i, e in enumerate(entries)],
    )


def load_summary(db: sqlite3.Connection, owner: str) -> list[SummarySentence]:
    return [
        SummarySentence(text=t, article=a, line=ln)
        for t, a, ln in db.execute(
            "SELECT text, article, line FROM summaries WHERE owner=? ORDER BY pos", (owner,)
        )
    ]


def load_timeline(db: sqlite3.Connection, owner: str) -> list[TimelineEntry]:
    return [
        TimelineEntry(date=TimeValue(d, dt), text=t, article=a, line=ln, event=ev)
        for d, dt, t, a, ln, ev in db.execute(
            "SELECT date, date_text, text, article, line, event FROM timeline WHERE owner=? "
            "ORDER BY pos", (owner,)
        )
    ]


def load_story(db: sqlite3.Connection, sid: str) -> Story | None:
    row = db.execute("SELECT id, thread_id, title, evidence FROM stories WHERE id=?", (sid,)).fetchone()
    if not row:
        return None
    ids = [a for (a,) in db.execute("SELECT id FROM articles WHERE story_id=? ORDER BY seq", (sid,))]
    return Story(id=row[0], thread_id=row[1], title=row[2], article_ids=ids,
                 summary=load_summary(db, sid), timeline=load_timeline(db, sid),
                 joined_by=_joined_by(row[3]))


def _joined_by(evidence: str | None) -> dict[str, Any] | None:
    """A story's join evidence as its record carries it: the thread is its thread_id."""
    if not evidence:
        return None
    ev = json.loads(evidence)
    if not isinstance(ev, dict):
        return None
    ev.pop("thread", None)
    return ev


def load_thread(db: sqlite3.Connection, tid: str) -> Thread | None:
    row = db.execute("SELECT id, title FROM threads WHERE id=?", (tid,)).fetchone()
    if not row:
        return None
    sids = [s for (s,) in db.execute(
        "SELECT id FROM stories WHERE thread_id=? ORDER BY created_run, rowid", (tid,)
    )]
    return Thread(id=row[0], title=row[1], story_ids=sids,
                  summary=load_summary(db, tid), timeline=load_timeline(db, tid))


# --------------------------------------------------------------------------- stored JSON


def refresh_json(db: sqlite3.Connection, entities: Iterable[str] = (), stories: Iterable[str] = (),
                 threads: Iterable[str] = ()) -> None:
    """Rewrite the stored output text of these records, and of every event and quote
    whose text a merge or rename cleared (json NULL)."""
    for eid in dict.fromkeys(entities):
        ent = load_entity(db, eid, mentions=False)
        if ent is not None:
            # without its mentions: a country has hundreds of thousands, and they only
            # grow; the writers append them from the mentions table (entity_mentions_json)
            d = ent.to_dict()
            del d["mentions"]
            db.execute("UPDATE entities SET json=? WHERE id=?", (dumps(d), eid))
    for sid in dict.fromkeys(stories):
        st = load_story(db, sid)
        if st is not None:
            db.execute("UPDATE stories SET json=? WHERE id=?", (dumps(st.to_dict()), sid))
    for tid in dict.fromkeys(threads):
        th = load_thread(db, tid)
        if th is not None:
            db.execute("UPDATE threads SET json=? WHERE id=?", (dumps(th.to_dict()), tid))
    names = entity_names(db)
    for row in db.execute(EVENT_SELECT + " INDEXED BY events_stale WHERE json IS NULL").fetchall():
        ev = event_from_row(db, row)
        db.execute("UPDATE events SET json=?, row_json=? WHERE id=?",
                   (dumps(ev.to_dict()), dumps(event_row(ev, names)), ev.id))
    for row in db.execute(QUOTE_SELECT + " INDEXED BY quotes_stale WHERE json IS NULL").fetchall():
        q = quote_from_row(row)
        db.execute("UPDATE quotes SET json=? WHERE id=?", (dumps(q.to_dict()), q.id))


def stale_references(db: sqlite3.Connection, eid: str) -> None:
    """An entity's id or name changed: the stored text of events and quotes naming it
    is cleared, for ``refresh_json`` to rewrite."""
    db.execute("UPDATE events SET json=NULL WHERE id IN (SELECT event FROM event_participants WHERE entity=?)",
               (eid,))
    db.execute("UPDATE events SET json=NULL WHERE location=?", (eid,))
    db.execute("UPDATE quotes SET json=NULL WHERE speaker=?", (eid,))


ENTITY_MENTION_ROWS = (
    "SELECT json_object('article', article, 'line', line, 'text', text) FROM mentions "
    "WHERE entity=? ORDER BY rowid"
)
