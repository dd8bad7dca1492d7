"""The SQLite store: the product's records as tables (docs/store.md), the incremental
indexes, and the runs that wrote them.

One writer at a time (``Store.writer_lock``); readers (the web app, exports) read
alongside it in WAL mode. Every write happens in an explicit transaction
(``Store.transaction``): a page with its articles, or one step of the corpus stage, is
stored whole or not at all, so a killed run leaves a consistent store that the next run
continues.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from thoisu.models import Article, Page
from thoisu.store import records
from thoisu.store.schema import VERSION, migrate

__all__ = ["Store", "StoreLocked", "VERSION", "records"]


class StoreLocked(Exception):
    """Another run is writing this store."""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            if not Path(self.path).exists():
                raise FileNotFoundError(f"{self.path}: no such store")
            self.db = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA busy_timeout=30000")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # a small page cache (8 MB) whatever the store's size: the OS file cache keeps the
        # rest, and memory stays flat as the store grows
        self.db.execute("PRAGMA cache_size=-8000")
        self._lock_fd: int | None = None
        self.migrated_from = None if readonly else migrate(self.db)

    def close(self) -> None:
        self.release()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ locking

    def writer_lock(self, wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the one-writer lock (a lock file beside the store, released by the OS
        if the process dies). Waits up to ``wait`` seconds, telling ``on_wait`` once."""
        fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                msg = f"{self.path} is being written by another run (pid {holder})"
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLocked(msg) from None
                if on_wait and not told:
                    on_wait(msg + "; waiting")
                    told = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock_fd = fd

    def release(self) -> None:
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. Inside ``grouped`` a savepoint: the group's earlier writes stay
        when this one fails."""
        if self.db.in_transaction:
            self.db.execute("SAVEPOINT part")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK TO part")
                self.db.execute("RELEASE part")
                raise
            self.db.execute("RELEASE part")
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def grouped(self, every: int = 50, seconds: float = 2.0) -> Iterator[Callable[[], None]]:
        """One commit for many small transactions (each still whole, as a savepoint): the
        caller ticks after each, and what is done is committed every ``every`` ticks or
        ``seconds``, and at the end, also when it ends on an error. A commit per page
        was a third of storing a page; a kill loses at most one group, which a re-run
        redoes."""
        state = {"n": 0, "t": time.monotonic()}

        def tick() -> None:
            state["n"] += 1
            if state["n"] >= every or time.monotonic() - state["t"] >= seconds:
                if self.db.in_transaction:
                    self.db.execute("COMMIT")
                state["n"], state["t"] = 0, time.monotonic()
            if not self.db.in_transaction:
                self.db.execute("BEGIN IMMEDIATE")

        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield tick
        finally:
            if self.db.in_transaction:
                self.db.execute("COMMIT")

    # ------------------------------------------------------------------ runs

    def begin_run(self, command: str = "digest") -> int:
        with self.transaction() as db:
            # a run that never finished was killed: its work is either committed or not
            db.execute("UPDATE runs SET status='interrupted' WHERE status='running'")
            cur = db.execute(
                "INSERT INTO runs(started, status, command) VALUES (?, 'running', ?)", (_now(), command)
            )
        return int(cur.lastrowid)

    def finish_run(self, run: int, status: str = "done", **counts: int) -> None:
        sets = ", ".join(f"{k}=?" for k in counts)
        with self.transaction() as db:
            db.execute(
                f"UPDATE runs SET finished=?, status=?{', ' + sets if sets else ''} WHERE id=?",
                (_now(), status, *counts.values(), run),
            )

    def last_run(self) -> int | None:
        row = self.db.execute("SELECT MAX(id) FROM runs WHERE status='done'").fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ pages

    def has_page(self, sha: str) -> bool:
        return self.db.execute("SELECT 1 FROM pages WHERE sha=?", (sha,)).fetchone() is not None

    def add_page(self, page: Page, articles: list[Article], run: int | None = None) -> bool:
        """Store a page and its articles in one transaction; False if already stored.
        An article id already taken by another page's article is lengthened (never
        silently merged): ids are page-hash prefixes, so this is a real hash collision."""
        with self.transaction() as db:
            if not records.insert_page(db, page, len(articles), run):
                return False
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            for i, art in enumerate(articles, start=1):
                if db.execute("SELECT 1 FROM articles WHERE id=?", (art.id,)).fetchone():
                    art.id = f"{page.sha[:32]}-{i - 1}"
                    for x in (*art.events, *art.quotes):
                        x.article = art.id
                records.insert_article(db, art, page.sha, seq + i, run)
        return True

    def count(self, table: str) -> int:
        assert table.isidentifier()
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def articles(self, annotations: bool = False) -> Iterator[Article]:
        """All stored articles in the order they were first digested (streamed)."""
        return records.iter_articles(self.db, annotations=annotations)

    def pending(self, limit: int) -> list[Article]:
        """The next articles waiting for the corpus stage, annotated, in a canonical
        order: by publication day (undated last), then by the hash of their text. The
        stories a run makes do not depend on the order its pages arrived in, and the
        chunks of an interrupted run are the same when it is run again."""
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE story_id IS NULL "
            "ORDER BY day IS NULL, day, sha, id LIMIT ?", (limit,)
        )]
        return records.load_articles(self.db, ids)

    # ------------------------------------------------------------------ state

    def get_state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?,?)", (key, value))
