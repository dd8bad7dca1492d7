"""Index state read by key from the store, never whole.

``LazyMap`` stands for a dict of JSON values in one space of ``index_kv``: an entry is
loaded when first asked for and every entry loaded is written back at ``flush`` when it
changed (values are mutated in place by the index code, so each is compared with its
stored text, through a hash of it: keeping the texts beside the parsed values doubled
the memory of a chunk). ``LazyCounter`` does the same for the document frequencies. A run thus
reads and writes what its new articles touch, not what is stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

_MISSING = object()
_CHUNK = 500  # SQLite allows 999 parameters a statement


def _dumps(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


class LazyMap:
    def __init__(self, db: sqlite3.Connection, space: str) -> None:
        self.db = db
        self.space = space
        self._cache: dict[str, Any] = {}
        self._stored: dict[str, int | None] = {}  # key -> hash of the text as stored (None: absent)
        self._deleted: set[str] = set()  # keys whose rows flush deletes
        self.reads = 0  # rows fetched, for tests of bounded work

    def _load(self, key: str) -> Any:
        if key in self._cache:
            return self._cache[key]
        if key in self._stored:  # known absent
            return _MISSING
        self.reads += 1
        row = self.db.execute(
            "SELECT value FROM index_kv WHERE space=? AND key=?", (self.space, key)
        ).fetchone()
        if row is None:
            self._stored[key] = None
            return _MISSING
        self._stored[key] = hash(row[0])
        value = self._cache[key] = json.loads(row[0])
        return value

    def prefetch(self, keys: Iterable[str]) -> None:
        """Load many entries in a few queries (what a batch is about to touch)."""
        todo = [k for k in dict.fromkeys(keys) if k not in self._cache and k not in self._stored]
        for i in range(0, len(todo), _CHUNK):
            part = todo[i : i + _CHUNK]
            self.reads += len(part)
            rows = self.db.execute(
                f"SELECT key, value FROM index_kv WHERE space=? AND key IN ({','.join('?' * len(part))})",
                (self.space, *part),
            ).fetchall()
            found = dict(rows)
            for k in part:
                if k in found:
                    self._stored[k] = hash(found[k])
                    self._cache[k] = json.loads(found[k])
                else:
                    self._stored[k] = None

    def peek_many(self, keys: list[str]) -> dict[str, Any]:
        """Entries read for a look only: those not already loaded are parsed and handed
        back but not kept (a new article's candidates are many and seldom read twice,
        and keeping them all made a chunk's memory grow with the store)."""
        out = {k: self._cache[k] for k in keys if k in self._cache}
        todo = [k for k in dict.fromkeys(keys) if k not in out and self._stored.get(k, 0) is not None]
        for i in range(0, len(todo), _CHUNK):
            part = todo[i : i + _CHUNK]
            self.reads += len(part)
            for k, v in self.db.execute(
                f"SELECT key, value FROM index_kv WHERE space=? AND key IN ({','.join('?' * len(part))})",
                (self.space, *part),
            ):
                if k not in self._deleted:
                    out[k] = json.loads(v)
        return out

    def get(self, key: str, default: Any = None) -> Any:
        v = self._load(key)
        return default if v is _MISSING else v

    def __getitem__(self, key: str) -> Any:
        v = self._load(key)
        if v is _MISSING:
            raise KeyError(key)
        return v

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key) is not _MISSING

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._stored:
            self._load(key)
        self._deleted.discard(key)
        self._cache[key] = value

    def __delitem__(self, key: str) -> None:
        if self._load(key) is _MISSING:
            raise KeyError(key)
        del self._cache[key]
        self._deleted.add(key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        v = self._load(key)
        if v is _MISSING:
            self._cache[key] = default
            return default
        return v

    def loaded(self) -> dict[str, Any]:
        """The entries read or written so far."""
        return self._cache

    def __iter__(self) -> Iterator[str]:
        raise TypeError(f"{self.space}: a lazy index is read by key, never iterated whole")

    def flush(self) -> int:
        """Write back every changed entry; returns how many were written."""
        rows = []
        for k, v in self._cache.items():
            text = _dumps(v)
            h = hash(text)
            if h != self._stored.get(k):
                rows.append((self.space, k, text))
                self._stored[k] = h
        self.db.executemany(
            "INSERT OR REPLACE INTO index_kv(space, key, value) VALUES (?,?,?)", rows
        )
        gone = [(self.space, k) for k in self._deleted if self._stored.get(k) is not None]
        self.db.executemany("DELETE FROM index_kv WHERE space=? AND key=?", gone)
        for _, k in gone:
            self._stored[k] = None
        self._deleted.clear()
        return len(rows) + len(gone)


class LazyCounter(dict):
    """Document frequencies under integer term keys, loaded per key from ``index_df``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self.db = db
        self._dirty: set[int] = set()
        self._known: set[int] = set()

    def prefetch(self, keys: Iterable[int]) -> None:
        todo = list(set(keys).difference(self._known))
        for i in range(0, len(todo), _CHUNK):
            part = todo[i : i + _CHUNK]
            for k, n in self.db.execute(
                f"SELECT term, n FROM index_df WHERE term IN ({','.join('?' * len(part))})", part
            ):
                dict.__setitem__(self, k, n)
            self._known.update(part)

    def get(self, key: int, default: Any = 0) -> Any:  # type: ignore[override]
        if key not in self._known:
            self.prefetch([key])
        return dict.get(self, key, default)

    def update(self, keys: Iterable[int]) -> None:  # type: ignore[override]
        keys = list(keys)
        self.prefetch(keys)
        get, put = dict.get, dict.__setitem__
        for k in keys:
            put(self, k, get(self, k, 0) + 1)
        self._dirty.update(keys)

    def flush(self) -> int:
        rows = [(k, dict.__getitem__(self, k)) for k in self._dirty]
        self.db.executemany("INSERT OR REPLACE INTO index_df(term, n) VALUES (?,?)", rows)
        self._dirty.clear()
        return len(rows)
