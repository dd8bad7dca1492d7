"""The web app's reads: one function per page or API answer, each a few indexed
queries on the store's tables (docs/store.md). Values from the request are always
bound as parameters; the only SQL assembled here is from constant fragments chosen by
which filters are present."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from thoisu.models import Article, Event, Quote
from thoisu.store import records
from thoisu.store.records import EVENT_SELECT, QUOTE_SELECT, event_from_row, quote_from_row


def connect(db_path: str) -> sqlite3.Connection:
    """A read-only connection: the web app never writes through it (ingest runs the
    digest, which opens its own writer)."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"{db_path}: no such store")
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None,
                         check_same_thread=False)
    db.execute("PRAGMA busy_timeout=5000")
    db.execute("PRAGMA cache_size=-16000")
    return db


class Connections:
    """One read-only connection per worker thread (FastAPI runs sync routes on a
    thread pool); SQLite connections are cheap to keep and costly to reopen."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = connect(self.db_path)
        return db


def day_str(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def _marks(n: int) -> str:
    return ",".join("?" * n)


# --------------------------------------------------------------------------- entities


def entity_names(db: sqlite3.Connection, ids: set[str] | list[str]) -> dict[str, dict[str, Any]]:
    """id -> {name, type, country} for the ids that exist."""
    ids = [i for i in set(ids) if i]
    out: dict[str, dict[str, Any]] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        for eid, name, typ, country in db.execute(
            f"SELECT id, name, type, country FROM entities WHERE id IN ({_marks(len(chunk))})", chunk
        ):
            out[eid] = {"id": eid, "name": name, "type": typ, "country": country}
    return out


def resolve_entity(db: sqlite3.Connection, eid: str) -> str | None:
    return records.resolve_entity(db, eid)


# --------------------------------------------------------------------------- home


def last_run(db: sqlite3.Connection) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT id, started, finished, pages_new, articles_new, stories_new, stories_changed, "
        "threads_changed, entities_new FROM runs WHERE status='done' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if not row:
        return None
    keys = ("id", "started", "finished", "pages_new", "articles_new", "stories_new",
            "stories_changed", "threads_changed", "entities_new")
    return dict(zip(keys, row, strict=True))


def _thread_row(row: tuple) -> dict[str, Any]:
    tid, title, n_stories, n_articles, first, last, created, updated = row
    return {"id": tid, "title": title, "n_stories": n_stories, "n_articles": n_articles,
            "first": day_str(first), "last": day_str(last), "created_run": created,
            "updated_run": updated}


_THREAD_COLS = "id, title, n_stories, n_articles, first_day, last_day, created_run, updated_run"


def home(db: sqlite3.Connection, limit: int, offset: int) -> dict[str, Any]:
    run = last_run(db)
    new_stories: list[dict[str, Any]] = []
    grown: list[dict[str, Any]] = []
    new_actors: list[dict[str, Any]] = []
    if run:
        rid = run["id"]
        new_stories = [
            {"id": s, "title": t, "n_articles": n, "thread_id": th, "first": day_str(f),
             "last": day_str(la)}
            for s, t, n, th, f, la in db.execute(
                # a story made in a run was also updated in it: the updated_run index finds it
                "SELECT id, title, n_articles, thread_id, first_day, last_day FROM stories "
                "WHERE updated_run = ? AND created_run = ? ORDER BY n_articles DESC, id LIMIT 30",
                (rid, rid))
        ]
        grown = [_thread_row(r) for r in db.execute(
            f"SELECT {_THREAD_COLS} FROM threads WHERE updated_run = ? AND created_run < ? "
            "ORDER BY last_seq DESC LIMIT 30", (rid, rid))]
        new_actors = [
            {"id": i, "name": n, "type": t, "country": c, "n_mentions": m}
            for i, n, t, c, m in db.execute(
                "SELECT id, name, type, country, n_mentions FROM entities WHERE first_run = ? "
                "ORDER BY n_mentions DESC, id LIMIT 30", (rid,))
        ]
    threads = [_thread_row(r) for r in db.execute(
        f"SELECT {_THREAD_COLS} FROM threads ORDER BY last_seq DESC LIMIT ? OFFSET ?",
        (limit, offset))]
    total = db.execute("SELECT COUNT(*) FROM threads").fetchone()[0]
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "stories", "entities", "events")}
    return {"run": run, "new_stories": new_stories, "grown_threads": grown,
            "new_actors": new_actors, "threads": threads, "total_threads": total, "counts": counts}


# --------------------------------------------------------------------------- search


@dataclass(slots=True)
class SearchFilters:
    match: str  # a safe FTS5 query (security.fts_query)
    exact: bool = False
    day_from: int | None = None
    day_to: int | None = None
    outlet: str | None = None
    actor: str | None = None  # resolved entity id
    event_type: str | None = None


def _search_where(f: SearchFilters) -> tuple[str, list[Any]]:
    table = "articles_fts_exact" if f.exact else "articles_fts"
    where, params = [f"{table} MATCH ?"], [f.match]
    if f.day_from is not None:
        where.append("a.day >= ?")
        params.append(f.day_from)
    if f.day_to is not None:
        where.append("a.day <= ?")
        params.append(f.day_to)
    if f.outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(f.outlet)
    if f.actor:
        where.append("a.id IN (SELECT article FROM mentions WHERE entity = ?)")
        params.append(f.actor)
    if f.event_type:
        where.append(
            "a.id IN (SELECT article FROM events WHERE type = ? UNION "
            "SELECT m.article FROM events e JOIN event_mentions m ON m.event = e.id WHERE e.type = ?)"
        )
        params += [f.event_type, f.event_type]
    return " AND ".join(where), params


SNIP_OPEN, SNIP_CLOSE = "\x02", "\x03"  # marks the highlight; the template escapes, then marks


def search(db: sqlite3.Connection, f: SearchFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
    table = "articles_fts_exact" if f.exact else "articles_fts"
    where, params = _search_where(f)
    base = f"FROM {table} JOIN articles a ON a.seq = {table}.rowid WHERE {where}"
    total = db.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT a.id, a.title, a.outlet, a.published, a.story_id, a.duplicate_of, "
        f"snippet({table}, -1, char(2), char(3), '…', 20) {base} ORDER BY rank LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [
        {"article": {"id": i, "title": t, "outlet": o, "published": p, "story_id": s},
         "duplicate_of": d, "snippet": snip}
        for i, t, o, p, s, d, snip in rows
    ]


def group_by_story(db: sqlite3.Connection, results: list[dict]) -> list[dict[str, Any]]:
    """Ranked results grouped by story, the groups in the order of their best hit."""
    groups: dict[str, dict[str, Any]] = {}
    for r in results:
        sid = r["article"]["story_id"] or r["article"]["id"]
        groups.setdefault(sid, {"story_id": r["article"]["story_id"], "results": []})["results"].append(r)
    sids = [g["story_id"] for g in groups.values() if g["story_id"]]
    info = {s: (t, th, n) for s, t, th, n in db.execute(
        f"SELECT id, title, thread_id, n_articles FROM stories WHERE id IN ({_marks(len(sids))})", sids)}
    for g in groups.values():
        t, th, n = info.get(g["story_id"], (None, None, None))
        g.update(title=t, thread_id=th, n_articles=n)
    return list(groups.values())


_outlets_cache: dict[tuple[str, int], list[str]] = {}


def outlets(db: sqlite3.Connection, key: str) -> list[str]:
    """The most frequent outlets, for the search form; recomputed when articles change."""
    top = db.execute("SELECT MAX(seq) FROM articles").fetchone()[0] or 0
    ck = (key, top)
    if ck not in _outlets_cache:
        _outlets_cache.clear()
        _outlets_cache[ck] = [o for (o,) in db.execute(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
            "ORDER BY COUNT(*) DESC LIMIT 60")]
    return _outlets_cache[ck]


# --------------------------------------------------------------------------- events


@dataclass(slots=True)
class EventFilters:
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    negated: bool | None = None
    hypothetical: bool | None = None
    future: bool | None = None
    story: str | None = None


def _event_where(f: EventFilters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.type:
        where.append("e.type = ?")
        params.append(f.type)
    if f.actor:
        where.append("e.id IN (SELECT event FROM event_participants WHERE entity = ? AND role = 'actor')")
        params.append(f.actor)
    if f.recipient:
        where.append(
            "e.id IN (SELECT event FROM event_participants WHERE entity = ? AND role = 'recipient')")
        params.append(f.recipient)
    if f.country:
        where.append("e.id IN (SELECT p.event FROM entities n JOIN event_participants p "
                     "ON p.entity = n.id WHERE n.country = ?)")
        params.append(f.country)
    if f.date_from:  # full dates compare as text; partial and XXXX dates fall outside a range
        where.append("e.date >= ? AND e.date GLOB '[0-9]*'")
        params.append(f.date_from)
    if f.date_to:
        where.append("e.date <= ? AND e.date GLOB '[0-9]*'")
        params.append(f.date_to)
    for flag in ("negated", "hypothetical", "future"):
        value = getattr(f, flag)
        if value is not None:
            where.append(f"e.{flag} = ?")
            params.append(int(value))
    if f.story:
        where.append("e.story = ?")
        params.append(f.story)
    return (" WHERE " + " AND ".join(where)) if where else "", params


_EVENT_SELECT_E = EVENT_SELECT.replace("SELECT ", "SELECT e.", 1).replace(", ", ", e.").replace(
    " FROM events", " FROM events e")


def events(db: sqlite3.Connection, f: EventFilters, limit: int, offset: int) -> tuple[int, list[Event]]:
    where, params = _event_where(f)
    total = db.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]
    rows = db.execute(f"{_EVENT_SELECT_E}{where} ORDER BY e.seq DESC, e.id LIMIT ? OFFSET ?",
                      [*params, limit, offset]).fetchall()
    return total, [event_from_row(db, r) for r in rows]


def iter_events(db: sqlite3.Connection, f: EventFilters, limit: int | None,
                offset: int = 0) -> Iterator[Event]:
    """Every filtered event, newest first, read in batches (downloads)."""
    where, params = _event_where(f)
    cur = db.execute(f"{_EVENT_SELECT_E}{where} ORDER BY e.seq DESC, e.id LIMIT ? OFFSET ?",
                     [*params, -1 if limit is None else limit, offset])
    while batch := cur.fetchmany(500):
        for row in batch:
            yield event_from_row(db, row)


# --------------------------------------------------------------------------- articles


def article(db: sqlite3.Connection, aid: str) -> Article | None:
    found = records.load_articles(db, [aid], annotations=True)
    return found[0] if found else None


def article_row(db: sqlite3.Connection, aid: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, page_sha, page, title, title_line, story_id, duplicate_of, seq "
                     "FROM articles WHERE id = ?", (aid,)).fetchone()
    if not row:
        return None
    keys = ("id", "page_sha", "page", "title", "title_line", "story_id", "duplicate_of", "seq")
    return dict(zip(keys, row, strict=True))


def article_events(db: sqlite3.Connection, art: Article) -> list[Event]:
    """Events reported in this article: coded in it, or merged from it into an event
    of its story (events are stored per story, indexed by story)."""
    origin = art.duplicate_of or art.id
    sid = art.story_id
    if not sid:
        return []
    out = []
    for row in db.execute(EVENT_SELECT + " WHERE story = ? ORDER BY line, id", (sid,)):
        ev = event_from_row(db, row)
        if ev.article == origin or any(m.article == origin for m in ev.mentions):
            out.append(ev)
    return out


def article_quotes(db: sqlite3.Connection, aid: str) -> list[Quote]:
    return [quote_from_row(r) for r in db.execute(QUOTE_SELECT + " WHERE article = ? ORDER BY line",
                                                  (aid,))]


def mention_entities(db: sqlite3.Connection, keys: set[str]) -> dict[str, str]:
    """Mention key -> live entity id (through the registry and merge redirects)."""
    keys_l = list(keys)
    out: dict[str, str] = {}
    for k in range(0, len(keys_l), 500):
        chunk = keys_l[k:k + 500]
        for key, eid in db.execute(
            f"SELECT key, entity FROM entity_keys WHERE key IN ({_marks(len(chunk))})", chunk
        ):
            out[key] = eid
    return out


def raw_lines(db: sqlite3.Connection, row: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The page as ingested, each line marked: in this article, in another article
    of the page, or dropped as furniture."""
    page = records.load_page(db, row["page_sha"])
    if page is None:
        return None
    own: set[int] = set()
    kept: set[int] = set()
    for aid, tline in db.execute("SELECT id, title_line FROM articles WHERE page_sha = ?",
                                 (row["page_sha"],)).fetchall():
        lines = {ln for (ln,) in db.execute("SELECT line FROM paragraphs WHERE article = ?", (aid,))}
        if tline:
            lines.add(tline)
        (own if aid == row["id"] else kept).update(lines)
    out, seen = [], set()
    for s in page.lines:
        cls = "own" if s.line in own else "kept" if s.line in kept else "dropped"
        out.append({"line": s.line, "text": s.text, "cls": cls, "anchor": s.line not in seen})
        seen.add(s.line)
    return out


# --------------------------------------------------------------------------- stories, threads


def story_row(db: sqlite3.Connection, sid: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, thread_id, title, n_articles, first_day, last_day, created_run, "
                     "updated_run, evidence FROM stories WHERE id = ?", (sid,)).fetchone()
    if not row:
        return None
    s, th, t, n, f, la, c, u, ev = row
    try:
        evidence = json.loads(ev) if ev else None
    except ValueError:
        evidence = ev
    return {"id": s, "thread_id": th, "title": t, "n_articles": n, "first": day_str(f),
            "last": day_str(la), "created_run": c, "updated_run": u, "evidence": evidence}


def thread_row(db: sqlite3.Connection, tid: str) -> dict[str, Any] | None:
    row = db.execute(f"SELECT {_THREAD_COLS} FROM threads WHERE id = ?", (tid,)).fetchone()
    return _thread_row(row) if row else None


def stories_of_thread(db: sqlite3.Connection, tid: str) -> list[dict[str, Any]]:
    sids = [s for (s,) in db.execute(
        "SELECT id FROM stories WHERE thread_id = ? ORDER BY first_day, id", (tid,))]
    return [r for s in sids if (r := story_row(db, s))]


def shown_title(db: sqlite3.Connection, aid: str, title: str | None, words: int = 15) -> str:
    """An article's title, or for a page without one its first words (as its story is
    named): an id means nothing to a reader."""
    if title:
        return title
    row = db.execute("SELECT text FROM paragraphs WHERE article = ? ORDER BY idx LIMIT 1", (aid,)).fetchone()
    if not row:
        return aid
    head = row[0].split()
    return " ".join(head[:words]) + (" …" if len(head) > words else "")


def story_articles(db: sqlite3.Connection, sids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Articles of each story, duplicates folded under the article they copy."""
    out: dict[str, list[dict[str, Any]]] = {}
    for sid in sids:
        rows = db.execute(
            "SELECT id, title, outlet, published, duplicate_of, page FROM articles "
            "WHERE story_id = ? ORDER BY seq", (sid,)).fetchall()
        originals: dict[str, dict[str, Any]] = {}
        dups: list[tuple] = []
        for aid, title, outlet, pub, dup, page in rows:
            item = {"id": aid, "title": shown_title(db, aid, title), "outlet": outlet, "published": pub,
                    "page": page, "copies": []}
            if dup:
                dups.append((dup, item))
            else:
                originals[aid] = item
        for dup, item in dups:
            if dup in originals:
                originals[dup]["copies"].append(item)
            else:  # the original is in another story: show the copy on its own
                originals[item["id"]] = item
        out[sid] = list(originals.values())
    return out


def participants_of_stories(db: sqlite3.Connection, sids: list[str]) -> list[tuple[str, str, list[str], list[str]]]:
    """(event id, type, actors, recipients) of the stories' events, for the network."""
    by_event: dict[str, tuple[str, list[str], list[str]]] = {}
    for k in range(0, len(sids), 200):
        chunk = sids[k:k + 200]
        for eid, typ, role, ent in db.execute(
            "SELECT e.id, e.type, p.role, p.entity FROM events e JOIN event_participants p "
            f"ON p.event = e.id WHERE e.story IN ({_marks(len(chunk))}) ORDER BY e.id, p.role, p.pos",
            chunk,
        ):
            item = by_event.setdefault(eid, (typ, [], []))
            (item[1] if role == "actor" else item[2]).append(ent)
    return [(eid, t, a, r) for eid, (t, a, r) in by_event.items()]


# --------------------------------------------------------------------------- actors


def actor(db: sqlite3.Connection, eid: str, limit: int = 50) -> dict[str, Any] | None:
    ent = records.load_entity(db, eid, mentions=False)
    if ent is None:
        return None
    n_mentions, = db.execute("SELECT n_mentions FROM entities WHERE id = ?", (eid,)).fetchone()
    # per article first: one article lookup per article, not per mention
    months = db.execute(
        "SELECT substr(a.published, 1, 7) AS m, SUM(x.n) FROM (SELECT article, COUNT(*) AS n "
        "FROM mentions WHERE entity = ? GROUP BY article) x JOIN articles a ON a.id = x.article "
        "WHERE a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY m ORDER BY m",
        (eid,)).fetchall()
    roles = {}
    for role in ("actor", "recipient"):
        total = db.execute("SELECT COUNT(*) FROM event_participants WHERE entity = ? AND role = ?",
                           (eid, role)).fetchone()[0]
        rows = db.execute(
            f"{_EVENT_SELECT_E} JOIN event_participants p ON p.event = e.id "
            "WHERE p.entity = ? AND p.role = ? ORDER BY e.seq DESC, e.id LIMIT ?",
            (eid, role, limit)).fetchall()
        roles[role] = {"total": total, "events": [event_from_row(db, r) for r in rows]}
    quotes_total = db.execute("SELECT COUNT(*) FROM quotes WHERE speaker = ?", (eid,)).fetchone()[0]
    quotes = [quote_from_row(r) for r in db.execute(
        QUOTE_SELECT + " WHERE speaker = ? ORDER BY rowid DESC LIMIT ?", (eid, limit))]
    counterparts = Counter({e: n for e, n in db.execute(
        "SELECT p2.entity, COUNT(DISTINCT p2.event) FROM event_participants p1 "
        "JOIN event_participants p2 ON p2.event = p1.event AND p2.entity != p1.entity "
        "WHERE p1.entity = ? GROUP BY p2.entity ORDER BY 2 DESC LIMIT 15", (eid,))})
    # the latest articles naming it: for a frequent actor, walk articles newest first
    # (the first few hold it); for a rare one, collect its few articles and sort them
    n_articles = db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    if n_mentions * 10 > n_articles:
        sql = ("SELECT a.id, a.title, a.published FROM articles a WHERE EXISTS (SELECT 1 FROM "
               "mentions m WHERE m.article = a.id AND m.entity = ?) ORDER BY a.seq DESC LIMIT 20")
    else:
        sql = ("SELECT a.id, a.title, a.published FROM articles a WHERE a.id IN "
               "(SELECT article FROM mentions WHERE entity = ?) ORDER BY a.seq DESC LIMIT 20")
    articles = [{"id": a, "title": shown_title(db, a, t), "published": p}
                for a, t, p in db.execute(sql, (eid,)).fetchall()]
    return {"entity": ent, "n_mentions": n_mentions, "months": months, "roles": roles,
            "quotes": quotes, "quotes_total": quotes_total, "counterparts": counterparts.most_common(),
            "articles": articles}


def actor_record(db: sqlite3.Connection, eid: str, limit: int) -> dict[str, Any] | None:
    """The API's actor: the Entity (with its mentions) plus its events and quotes."""
    ent = records.load_entity(db, eid, mentions=True)
    if ent is None:
        return None
    ev_rows = db.execute(
        f"{_EVENT_SELECT_E} WHERE e.id IN (SELECT event FROM event_participants WHERE entity = ?) "
        "ORDER BY e.seq DESC, e.id LIMIT ?", (eid, limit)).fetchall()
    n_events = db.execute("SELECT COUNT(DISTINCT event) FROM event_participants WHERE entity = ?",
                          (eid,)).fetchone()[0]
    quotes = [quote_from_row(r) for r in db.execute(
        QUOTE_SELECT + " WHERE speaker = ? ORDER BY rowid DESC LIMIT ?", (eid, limit))]
    d = ent.to_dict()
    d["events"] = [event_from_row(db, r).to_dict() for r in ev_rows]
    d["n_events"] = n_events
    d["quotes"] = [q.to_dict() for q in quotes]
    return d


def find_entities(db: sqlite3.Connection, name: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entities whose name or alias starts with the text (search form's actor filter)."""
    like = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id, name, type, country, n_mentions FROM entities WHERE name LIKE ? ESCAPE '\\' "
        "OR id IN (SELECT entity FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\') "
        "ORDER BY n_mentions DESC LIMIT ?", (like, like, limit)).fetchall()
    return [{"id": i, "name": n, "type": t, "country": c, "n_mentions": m} for i, n, t, c, m in rows]


def titles(db: sqlite3.Connection, ids: list[str]) -> dict[str, str | None]:
    ids = ids[:500]
    return dict(db.execute(f"SELECT id, title FROM articles WHERE id IN ({_marks(len(ids))})", ids))


def titles_cited(db: sqlite3.Connection, owner: str) -> dict[str, str | None]:
    """Titles of the articles a story's or thread's summary and timeline cite."""
    return dict(db.execute(
        "SELECT id, title FROM articles WHERE id IN (SELECT article FROM summaries WHERE owner = ?) "
        "OR id IN (SELECT article FROM timeline WHERE owner = ?)", (owner, owner)))
