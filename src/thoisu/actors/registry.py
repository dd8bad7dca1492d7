"""The entity registry: every mention key resolves to an entity id that, once given,
stays valid.

This is ``merge.merge_entities`` made incremental. A new key joins an entity already
registered when it is a spelling variant of one of its person keys (same phonetic key)
or a lone surname/given name of the single multi-word person ending or starting with
it; otherwise it opens an entity ("E-" + hash of the key). When a new multi-word person
arrives and a lone-name entity ("PER:lavrov", seen before anyone called him Sergei) can
only be that person, the two are merged: the lone name's id is recorded in
``entity_redirects`` and every stored reference is rewritten to the surviving id, so
nothing ever points at a missing id.

Lookups read the rows of the keys at hand (tables entity_keys, index_kv spaces
``phon`` and ``ends``), never the whole registry.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from thoisu.actors.merge import _phonetic_word, entity_id, phonetic_key
from thoisu.models import Article, Mention
from thoisu.store.lazy import LazyMap
from thoisu.store.records import stale_references


def _words(key: str) -> list[str]:
    return key[4:].split()


@dataclass(slots=True)
class RegistryStats:
    new: int = 0
    merged: list[tuple[str, str]] = field(default_factory=list)  # (old id, surviving id)


class EntityRegistry:
    def __init__(self, db: sqlite3.Connection, run: int | None) -> None:
        self.db = db
        self.run = run
        self.phon = LazyMap(db, "phon")  # phonetic person key -> entity id
        self.ends = LazyMap(db, "ends")  # phonetic first/last word -> [multi-word person ids]
        self.lone = LazyMap(db, "lone")  # phonetic lone name -> [one-word person entity ids]
        self.stats = RegistryStats()
        self.touched: set[str] = set()  # entities whose record changed in this batch

    # ------------------------------------------------------------------ lookups

    def live(self, eid: str) -> str:
        """Follow merge redirects to the entity an id became."""
        for _ in range(20):
            row = self.db.execute("SELECT target FROM entity_redirects WHERE id=?", (eid,)).fetchone()
            if not row:
                return eid
            eid = row[0]
        return eid

    def live_many(self, ids: dict[str, str]) -> dict[str, str]:
        """``live`` for many ids at once: one query a redirect hop, not one an id."""
        out = dict(ids)
        for _ in range(20):
            targets = list(dict.fromkeys(out.values()))
            moved: dict[str, str] = {}
            for i in range(0, len(targets), 500):
                part = targets[i : i + 500]
                moved.update(self.db.execute(
                    f"SELECT id, target FROM entity_redirects WHERE id IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall())
            if not moved:
                return out
            out = {k: moved.get(v, v) for k, v in out.items()}
        return out

    def lookup(self, keys: list[str]) -> dict[str, str]:
        """Entity ids of keys already registered."""
        out: dict[str, str] = {}
        todo = list(dict.fromkeys(keys))
        for i in range(0, len(todo), 500):
            part = todo[i : i + 500]
            out.update(self.db.execute(
                f"SELECT key, entity FROM entity_keys WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall())
        return out

    # ------------------------------------------------------------------ resolve

    def resolve(self, articles: list[Article]) -> dict[str, str]:
        """Register every mention key of these articles; return key -> live entity id.
        Also writes their mention rows and alias counts."""
        by_key: dict[str, list[Mention]] = defaultdict(list)
        for a in articles:
            for m in a.mentions:
                by_key[m.key].append(m)
        ids = self.lookup(list(by_key))
        # multi-word keys first, so a lone name in the same batch finds its person
        new = sorted((k for k in by_key if k not in ids), key=lambda k: (" " not in k, k))
        for k in new:
            ids[k] = self._register(k, by_key[k])
        ids = self.live_many(ids)
        self._write_mentions(articles, ids)
        return ids

    def _register(self, key: str, mentions: list[Mention]) -> str:
        eid = None
        pkey = phonetic_key(key)
        if pkey is not None and pkey in self.phon:
            eid = self.live(self.phon[pkey])
        elif key.startswith("PER:") and len(_words(key)) == 1:
            roots = {self.live(e) for e in self.ends.get(_phonetic_word(_words(key)[0]), [])}
            if len(roots) == 1:
                eid = next(iter(roots))
        opened = eid is None
        if eid is None:
            eid = self._open(key, mentions)
        self.db.execute("INSERT OR REPLACE INTO entity_keys(key, entity) VALUES (?,?)", (key, eid))
        if pkey is not None and pkey not in self.phon:
            self.phon[pkey] = eid
        if key.startswith("PER:"):
            words = _words(key)
            if len(words) > 1:
                for w in dict.fromkeys((_phonetic_word(words[0]), _phonetic_word(words[-1]))):
                    lst = self.ends.setdefault(w, [])
                    if eid not in lst:
                        lst.append(eid)
                    self._absorb_lone(w, eid)
            elif opened:  # a lone name no person could claim yet: a later one may
                lst = self.lone.setdefault(_phonetic_word(words[0]), [])
                if eid not in lst:
                    lst.append(eid)
        return eid

    def _open(self, key: str, mentions: list[Mention]) -> str:
        eid = entity_id(key)
        n = 0
        while self.db.execute(
            "SELECT 1 FROM entities WHERE id=? UNION SELECT 1 FROM entity_redirects WHERE id=?",
            (eid, eid),
        ).fetchone():  # a hash taken (by a merged id): never reuse an id
            n += 1
            eid = entity_id(f"{key}#{n}")
        names = [m.name for m in mentions if m.name]
        name = Counter(names).most_common(1)[0][0] if names else mentions[0].text
        countries = Counter(m.country for m in mentions if m.country)
        roles = Counter(m.role for m in mentions if m.role)
        self.db.execute(
            "INSERT INTO entities(id, key, name, type, country, role, n_mentions, first_run, last_run) "
            "VALUES (?,?,?,?,?,?,0,?,?)",
            (eid, key, name, Counter(m.type for m in mentions).most_common(1)[0][0],
             countries.most_common(1)[0][0] if countries else None,
             roles.most_common(1)[0][0] if roles else None, self.run, self.run),
        )
        self.stats.new += 1
        return eid

    def _absorb_lone(self, word: str, person: str) -> None:
        """Lone-name entities of this word merge into the person, when it is the only
        multi-word person the word can stand for."""
        roots = {self.live(e) for e in self.ends.get(word, [])}
        if roots != {person}:
            return
        for lone in self.lone.get(word, []):
            lone = self.live(lone)
            if lone != person:
                self.merge(lone, person)
        self.lone[word] = []

    # ------------------------------------------------------------------ merge

    def merge(self, old: str, new: str) -> None:
        """Entity ``old`` is ``new``: redirect it and rewrite every reference."""
        db = self.db
        db.execute("INSERT OR REPLACE INTO entity_redirects(id, target) VALUES (?,?)", (old, new))
        db.execute("UPDATE entity_redirects SET target=? WHERE target=?", (new, old))
        db.execute("UPDATE entity_keys SET entity=? WHERE entity=?", (new, old))
        db.execute("UPDATE mentions SET entity=? WHERE entity=?", (new, old))
        db.execute("UPDATE event_participants SET entity=? WHERE entity=?", (new, old))
        db.execute("UPDATE events SET location=? WHERE location=?", (new, old))
        db.execute("UPDATE quotes SET speaker=? WHERE speaker=?", (new, old))
        db.execute(
            "INSERT INTO entity_aliases(entity, alias, n) SELECT ?, alias, n FROM entity_aliases "
            "WHERE entity=? ON CONFLICT(entity, alias) DO UPDATE SET n = n + excluded.n",
            (new, old),
        )
        db.execute("DELETE FROM entity_aliases WHERE entity=?", (old,))
        row = db.execute("SELECT n_mentions, first_run FROM entities WHERE id=?", (old,)).fetchone()
        if row:
            db.execute(
                "UPDATE entities SET n_mentions = n_mentions + ?, first_run = MIN(COALESCE(first_run, ?), ?) "
                "WHERE id=?", (row[0], row[1], row[1], new),
            )
        db.execute("DELETE FROM entities WHERE id=?", (old,))
        self._rename(new)
        stale_references(db, new)
        self.touched.discard(old)
        self.touched.add(new)
        self.stats.merged.append((old, new))

    # ------------------------------------------------------------------ rows

    def _write_mentions(self, articles: list[Article], ids: dict[str, str]) -> None:
        rows = []
        aliases: Counter[tuple[str, str]] = Counter()
        counts: Counter[str] = Counter()
        for a in articles:
            for m in a.mentions:
                eid = ids[m.key]
                rows.append((a.id, m.line, m.sentence, m.start, m.end, m.text, m.type, m.key, eid))
                aliases[(eid, m.text)] += 1
                counts[eid] += 1
        self.db.executemany(
            'INSERT INTO mentions(article, line, sentence, start, "end", text, type, key, entity) '
            "VALUES (?,?,?,?,?,?,?,?,?)", rows,
        )
        self.db.executemany(
            "INSERT INTO entity_aliases(entity, alias, n) VALUES (?,?,?) "
            "ON CONFLICT(entity, alias) DO UPDATE SET n = n + excluded.n",
            [(e, t, n) for (e, t), n in aliases.items()],
        )
        self.db.executemany(
            "UPDATE entities SET n_mentions = n_mentions + ?, last_run = ? WHERE id=?",
            [(n, self.run, e) for e, n in counts.items()],
        )
        for eid in counts:
            self._rename(eid)
        self.touched.update(counts)

    def _rename(self, eid: str) -> None:
        """A person's name: the most complete form written (most syllables, then most
        used), as ``merge_entities`` chooses it; other entities keep their dictionary name."""
        row = self.db.execute("SELECT type, key FROM entities WHERE id=?", (eid,)).fetchone()
        if not row or not row[1].startswith("PER:"):
            return
        forms = self.db.execute("SELECT alias, n FROM entity_aliases WHERE entity=?", (eid,)).fetchall()
        if forms:
            name = sorted(forms, key=lambda f: (-len(f[0].replace("-", " ").split()), -f[1], f[0]))[0][0]
            if self.db.execute("UPDATE entities SET name=? WHERE id=? AND name<>?", (name, eid, name)).rowcount:
                stale_references(self.db, eid)

    def flush(self) -> None:
        for m in (self.phon, self.ends, self.lone):
            m.flush()
