"""The store's tables, one per product record, and the forward migrations between
schema versions (``PRAGMA user_version``). docs/store.md documents them for SQL users.

Version 1 was the first store: pages, articles as opaque JSON, the corpus as a blob.
Version 2 makes the records tables. Migrating a version-1 store keeps its articles and
queues them for the corpus stage (``articles.story_id IS NULL``), which rebuilds every
derived table on the next run. Version 3 adds ``thread_redirects``: a thread id stays
valid when its lone story moves into another matter's thread. Version 4 adds
``story_redirects`` (a story id stays valid when the story merges into another: stories
are components of an article graph, ``stories/cluster.py``) and posts the stored
articles in the index's article posting lists, which replace the story posting lists.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

VERSION = 4

TABLES = """
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
  command TEXT, pages_new INTEGER NOT NULL DEFAULT 0, articles_new INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0, stories_new INTEGER NOT NULL DEFAULT 0,
  stories_changed INTEGER NOT NULL DEFAULT 0, threads_changed INTEGER NOT NULL DEFAULT 0,
  entities_new INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pages (
  sha TEXT PRIMARY KEY, path TEXT NOT NULL, fmt TEXT NOT NULL, record INTEGER,
  n_articles INTEGER NOT NULL, run INTEGER, added TEXT NOT NULL DEFAULT (datetime('now')),
  meta TEXT, page BLOB  -- zlib(JSON of the Page as ingested: lines with their source line numbers)
);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, page_sha TEXT NOT NULL REFERENCES pages(sha),
  page TEXT NOT NULL, title TEXT, title_line INTEGER, outlet TEXT, author TEXT, via TEXT,
  published TEXT, published_text TEXT, day INTEGER, quality TEXT, sha TEXT,
  duplicate_of TEXT, story_id TEXT, run INTEGER, body TEXT NOT NULL,
  annotations BLOB NOT NULL,  -- zlib(JSON): sentences, timexes, mentions, events, quotes as coded
  json TEXT  -- the record as digest.json writes it, kept up to date by the corpus stage
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id, seq);
CREATE INDEX IF NOT EXISTS articles_page ON articles(page_sha);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE TABLE IF NOT EXISTS paragraphs (
  article TEXT NOT NULL, idx INTEGER NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  country TEXT, role TEXT, n_mentions INTEGER NOT NULL DEFAULT 0,
  first_run INTEGER, last_run INTEGER, json TEXT
);
CREATE INDEX IF NOT EXISTS entities_mentions ON entities(n_mentions DESC, id);
CREATE TABLE IF NOT EXISTS entity_keys (   -- the registry: mention key -> entity id
  key TEXT PRIMARY KEY, entity TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_keys_entity ON entity_keys(entity);
CREATE TABLE IF NOT EXISTS entity_redirects (  -- a merged id -> the entity it became
  id TEXT PRIMARY KEY, target TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS thread_redirects (  -- a thread left empty -> the thread its story joined
  id TEXT PRIMARY KEY, target TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_redirects (  -- a story merged into another -> that story
  id TEXT PRIMARY KEY, target TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_aliases (
  entity TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
  article TEXT NOT NULL, line INTEGER NOT NULL, sentence INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  key TEXT NOT NULL, entity TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE INDEX IF NOT EXISTS mentions_entity_article ON mentions(entity, article);

CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, story TEXT, type TEXT NOT NULL, mode TEXT, location TEXT,
  date TEXT, date_text TEXT, negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL,
  future INTEGER NOT NULL, article TEXT NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL,
  n_mentions INTEGER NOT NULL DEFAULT 1, n_articles INTEGER NOT NULL DEFAULT 1,
  reported TEXT, reported_text TEXT, seq INTEGER NOT NULL,
  json TEXT, row_json TEXT  -- as digest.json and events.jsonl (names beside ids) write it
);
CREATE INDEX IF NOT EXISTS events_location ON events(location);
CREATE INDEX IF NOT EXISTS events_stale ON events(id) WHERE json IS NULL;
CREATE INDEX IF NOT EXISTS events_story ON events(story);
CREATE INDEX IF NOT EXISTS events_type ON events(type, date);
CREATE INDEX IF NOT EXISTS events_seq ON events(seq);
CREATE TABLE IF NOT EXISTS event_participants (
  event TEXT NOT NULL, role TEXT NOT NULL, pos INTEGER NOT NULL, entity TEXT NOT NULL,
  PRIMARY KEY (event, role, pos)
) WITHOUT ROWID;  -- role: 'actor' | 'recipient'
CREATE INDEX IF NOT EXISTS event_participants_entity ON event_participants(entity, role);
CREATE TABLE IF NOT EXISTS event_mentions (
  event TEXT NOT NULL, pos INTEGER NOT NULL, article TEXT NOT NULL, line INTEGER NOT NULL,
  text TEXT NOT NULL, PRIMARY KEY (event, pos)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS quotes (
  id TEXT PRIMARY KEY, article TEXT NOT NULL, line INTEGER NOT NULL, speaker TEXT,
  speaker_text TEXT, text TEXT NOT NULL, direct INTEGER NOT NULL, json TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_stale ON quotes(id) WHERE json IS NULL;

CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, title TEXT NOT NULL, n_articles INTEGER NOT NULL,
  first_day INTEGER, last_day INTEGER, created_run INTEGER, updated_run INTEGER,
  evidence TEXT,  -- JSON: what joined the story to its thread (null for the thread's first)
  json TEXT
);
CREATE INDEX IF NOT EXISTS stories_thread ON stories(thread_id);
CREATE INDEX IF NOT EXISTS stories_updated ON stories(updated_run);
CREATE TABLE IF NOT EXISTS threads (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, n_stories INTEGER NOT NULL, n_articles INTEGER NOT NULL,
  first_day INTEGER, last_day INTEGER, created_run INTEGER, updated_run INTEGER,
  last_seq INTEGER,  -- newest article in the thread: orders threads by latest activity
  json TEXT
);
CREATE INDEX IF NOT EXISTS threads_activity ON threads(last_seq DESC);
CREATE TABLE IF NOT EXISTS summaries (   -- story or thread summary sentences, in order
  owner TEXT NOT NULL, pos INTEGER NOT NULL, text TEXT NOT NULL, article TEXT NOT NULL,
  line INTEGER NOT NULL, PRIMARY KEY (owner, pos)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeline (    -- story or thread timeline entries, in order
  owner TEXT NOT NULL, pos INTEGER NOT NULL, date TEXT NOT NULL, date_text TEXT NOT NULL,
  text TEXT NOT NULL, article TEXT NOT NULL, line INTEGER NOT NULL, event TEXT,
  PRIMARY KEY (owner, pos)
) WITHOUT ROWID;

-- the incremental indexes (stories, threads, duplicates): read by key, never whole
CREATE TABLE IF NOT EXISTS index_kv (
  space TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (space, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS index_df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dedup_sigs (article TEXT PRIMARY KEY, sig BLOB NOT NULL, root TEXT)
  WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dedup_bands (band INTEGER NOT NULL, hash INTEGER NOT NULL,
  article TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS dedup_bands_key ON dedup_bands(band, hash);

CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- full text search (diacritic-insensitive: 'đ' is folded to 'd' before indexing, the
-- tokenizer removes the other marks; and exact), over the articles' own columns
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, body, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts_exact USING fts5(
  title, body, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 0'
);
"""


def statements(script: str) -> list[str]:
    """The SQL statements of a script, split where SQLite says one is complete (so a
    ';' in a comment does not split one), to run them inside our own transaction:
    ``executescript`` would commit first."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]


def create_tables(db: sqlite3.Connection) -> None:
    for stmt in statements(TABLES):
        db.execute(stmt)


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 1 kept articles as JSON in articles.data and the corpus as one blob: move
    the articles into the new columns, drop the blobs, queue every article for the
    corpus stage (story_id NULL), which rebuilds entities, events, stories and threads."""
    import json

    from thoisu.models import Article

    db.execute("ALTER TABLE articles RENAME TO articles_v1")
    db.execute("ALTER TABLE pages RENAME TO pages_v1")
    db.execute("DROP INDEX IF EXISTS articles_seq")
    create_tables(db)
    db.execute(
        "INSERT INTO pages(sha, path, fmt, n_articles, added) "
        "SELECT sha, path, fmt, n_articles, added FROM pages_v1"
    )
    from thoisu.store.records import insert_article

    for page_sha, seq, data in db.execute(
        "SELECT page_sha, seq, data FROM articles_v1 ORDER BY seq"
    ).fetchall():
        art = Article.from_dict(json.loads(data))
        art.duplicate_of = art.story_id = None
        insert_article(db, art, page_sha, seq, None)
    db.execute("DROP TABLE articles_v1")
    db.execute("DROP TABLE pages_v1")
    db.execute("DROP TABLE IF EXISTS corpus")
    db.execute("DELETE FROM state")


def _v2_to_v3(db: sqlite3.Connection) -> None:
    create_tables(db)  # thread_redirects


def _v3_to_v4(db: sqlite3.Connection) -> None:
    """story_redirects; the stored articles go into the article posting lists (in the
    order they came, each list keeping its latest entries), so that new articles find
    them. Their stored vectors are their 12 strongest terms, not the 60 a new article
    keeps: a pair with an old article scores a little lower than it would."""
    import json

    from thoisu.stories.cluster import StoryIndex, settings, top_terms

    create_tables(db)
    db.execute("DELETE FROM index_kv WHERE space='story_postings'")
    idx = StoryIndex.stored(db)
    rows = db.execute(
        "SELECT k.key, k.value FROM index_kv k JOIN articles a ON a.id=k.key "
        "WHERE k.space='arts' ORDER BY a.seq"
    )
    for aid, value in rows:
        vec = json.loads(value)[1]
        if vec:
            idx._post(aid, top_terms(vec, settings()["query_terms"]))
    idx._postings.flush()  # type: ignore[attr-defined]


# version n -> n + 1; a store is brought forward one step at a time, in one transaction
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
}


def current_version(db: sqlite3.Connection) -> int:
    v = db.execute("PRAGMA user_version").fetchone()[0]
    if v == 0:  # version-1 stores did not set user_version; tell them by their tables
        has = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "corpus" in has:
            return 1
    return v


def migrate(db: sqlite3.Connection) -> int:
    """Create or bring forward the schema; returns the version found."""
    found = current_version(db)
    if found > VERSION:
        raise RuntimeError(
            f"store schema version {found} is newer than this thoisu ({VERSION}); upgrade thoisu"
        )
    if found == 0:
        db.execute("BEGIN IMMEDIATE")
        create_tables(db)
        db.execute(f"PRAGMA user_version={VERSION}")
        db.execute("COMMIT")
        return 0
    v = found
    while v < VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[v](db)
            db.execute(f"PRAGMA user_version={v + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        v += 1
    return found
