"""SQLite store: pages, articles with their annotations, and the corpus-stage results.

Writes are idempotent: a page is keyed by the hash of its content, so digesting the
same page again stores nothing. Each page is written in one transaction (page row and
its articles together), so a crash leaves the database consistent. Corpus-stage
results (entities, events, quotes, stories, threads) are derived from the articles and
replaced as a whole in one transaction at the end of a run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from thoisu.models import Article, Digest, Page

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
  sha TEXT PRIMARY KEY, path TEXT NOT NULL, fmt TEXT NOT NULL, n_articles INTEGER NOT NULL,
  added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, page_sha TEXT NOT NULL REFERENCES pages(sha), seq INTEGER NOT NULL,
  title TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE TABLE IF NOT EXISTS corpus (
  kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_CORPUS_KINDS = ("entities", "events", "quotes", "stories", "threads")


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ pages

    def has_page(self, sha: str) -> bool:
        return self.db.execute("SELECT 1 FROM pages WHERE sha=?", (sha,)).fetchone() is not None

    def add_page(self, page: Page, articles: list[Article]) -> bool:
        """Store a page and its articles in one transaction; False if already stored."""
        with self.db:  # one transaction: all or nothing
            cur = self.db.execute(
                "INSERT OR IGNORE INTO pages(sha, path, fmt, n_articles) VALUES (?,?,?,?)",
                (page.sha, page.path, page.fmt, len(articles)),
            )
            if cur.rowcount == 0:
                return False
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            for i, art in enumerate(articles, start=1):
                self.db.execute(
                    "INSERT OR IGNORE INTO articles(id, page_sha, seq, title, data) VALUES (?,?,?,?,?)",
                    (art.id, page.sha, seq + i, art.title, json.dumps(art.to_dict(), ensure_ascii=False)),
                )
        return True

    def articles(self) -> Iterator[Article]:
        """All stored articles in the order they were first digested."""
        for (data,) in self.db.execute("SELECT data FROM articles ORDER BY seq"):
            yield Article.from_dict(json.loads(data))

    def update_articles(self, articles: list[Article]) -> None:
        """Write back corpus-stage fields (duplicate_of, story_id, resolved ids)."""
        with self.db:
            self.db.executemany(
                "UPDATE articles SET data=? WHERE id=?",
                [(json.dumps(a.to_dict(), ensure_ascii=False), a.id) for a in articles],
            )

    def count(self, table: str) -> int:
        assert table in {"pages", "articles", "corpus"}
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # ------------------------------------------------------------------ corpus

    def save_corpus(self, digest: Digest) -> None:
        rows = []
        for kind in _CORPUS_KINDS:
            for rec in getattr(digest, kind):
                rows.append((kind, rec.id, json.dumps(rec.to_dict(), ensure_ascii=False)))
        with self.db:
            self.db.execute("DELETE FROM corpus")
            self.db.executemany("INSERT INTO corpus(kind, id, data) VALUES (?,?,?)", rows)

    def corpus(self, kind: str) -> list[dict]:
        return [
            json.loads(d)
            for (d,) in self.db.execute("SELECT data FROM corpus WHERE kind=? ORDER BY rowid", (kind,))
        ]

    # ------------------------------------------------------------------ state

    def get_state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?,?)", (key, value))
