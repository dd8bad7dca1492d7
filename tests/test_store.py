"""The store: records as tables, one transaction a page, migrations, one writer."""

from __future__ import annotations

import json
import sqlite3

import pytest

from thoisu.models import Article, Paragraph, TimeValue
from thoisu.store import VERSION, Store, StoreLocked, records

from .conftest import page_from_text


def _article(aid: str) -> Article:
    return Article(id=aid, page="p.txt", title="Bình Nhưỡng phản đối",
                   paragraphs=[Paragraph("Đà Nẵng và Bình Nhưỡng.", 3)],
                   published=TimeValue("2017-07-22", "22/7/2017"))


def test_page_and_articles_round_trip(tmp_path):
    page = page_from_text("Tiêu đề\n\nMột đoạn.")
    with Store(tmp_path / "t.db") as st:
        assert st.add_page(page, [_article("a-0"), _article("a-1")])
        assert not st.add_page(page, [_article("a-0")])  # same content: nothing stored twice
        arts = list(st.articles())
        assert records.load_page(st.db, page.sha).lines == page.lines  # what reprocess re-reads
        assert st.db.execute("SELECT day FROM articles WHERE id='a-0'").fetchone()[0] is not None
    assert [a.id for a in arts] == ["a-0", "a-1"]
    assert arts[0].published == TimeValue("2017-07-22", "22/7/2017")
    assert arts[0].paragraphs == [Paragraph("Đà Nẵng và Bình Nhưỡng.", 3)]


def test_full_text_search_folds_marks_and_d(tmp_path):
    with Store(tmp_path / "t.db") as st:
        st.add_page(page_from_text("x"), [_article("a-0")])
        hit = st.db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("binh nhuong da nang",)
        ).fetchall()
        exact = st.db.execute(
            "SELECT rowid FROM articles_fts_exact WHERE articles_fts_exact MATCH ?", ("binh",)
        ).fetchall()
    assert hit == [(1,)]
    assert exact == []  # the exact index keeps the marks


def test_failed_page_write_leaves_nothing(tmp_path):
    page = page_from_text("x")
    with Store(tmp_path / "t.db") as st:
        with pytest.raises(AttributeError):
            st.add_page(page, [_article("a-0"), object()])  # second article cannot be written
        assert not st.has_page(page.sha)
        assert st.count("articles") == 0
        assert st.count("paragraphs") == 0


def test_grouped_pages_commit_together_and_a_failed_one_leaves_the_others(tmp_path):
    good, bad, late = page_from_text("one"), page_from_text("two"), page_from_text("three")
    with Store(tmp_path / "t.db") as st:
        other = sqlite3.connect(tmp_path / "t.db")  # a reader, as the web app is
        with pytest.raises(RuntimeError), st.grouped(every=50, seconds=3600) as tick:
            st.add_page(good, [_article("g-0")])
            tick()
            assert other.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 0  # not yet committed
            with pytest.raises(AttributeError):
                st.add_page(bad, [_article("b-0"), object()])  # its savepoint is rolled back
            tick()
            st.add_page(late, [_article("l-0")])
            raise RuntimeError("the run is interrupted")  # what is done is still committed
        assert other.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 2
        assert st.has_page(good.sha) and st.has_page(late.sha) and not st.has_page(bad.sha)
        assert st.count("articles") == 2
        with st.grouped(every=1) as tick:  # every tick commits
            st.add_page(page_from_text("four"), [_article("f-0")])
            tick()
            assert other.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 3
        other.close()


def test_article_id_collision_is_not_silent(tmp_path):
    with Store(tmp_path / "t.db") as st:
        st.add_page(page_from_text("one"), [_article("same-0")])
        st.add_page(page_from_text("two"), [_article("same-0")])
        ids = [r[0] for r in st.db.execute("SELECT id FROM articles ORDER BY seq")]
    assert len(set(ids)) == 2 and ids[0] == "same-0"


def test_one_writer_at_a_time(tmp_path):
    with Store(tmp_path / "t.db") as a, Store(tmp_path / "t.db") as b:
        a.writer_lock()
        told = []
        with pytest.raises(StoreLocked, match="being written by another run"):
            b.writer_lock(wait=0.3, on_wait=told.append)
        assert told and "waiting" in told[0]
        a.release()
        b.writer_lock()  # free again


def _v1_store(path) -> None:
    db = sqlite3.connect(path)
    db.executescript("""
    CREATE TABLE pages (sha TEXT PRIMARY KEY, path TEXT NOT NULL, fmt TEXT NOT NULL,
      n_articles INTEGER NOT NULL, added TEXT NOT NULL DEFAULT (datetime('now')));
    CREATE TABLE articles (id TEXT PRIMARY KEY, page_sha TEXT NOT NULL REFERENCES pages(sha),
      seq INTEGER NOT NULL, title TEXT, data TEXT NOT NULL);
    CREATE INDEX articles_seq ON articles(seq);
    CREATE TABLE corpus (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """)
    art = _article("old-0")
    art.story_id = "s-old-0"
    db.execute("INSERT INTO pages(sha, path, fmt, n_articles) VALUES ('abc', 'p.txt', 'txt', 1)")
    db.execute("INSERT INTO articles VALUES ('old-0', 'abc', 1, 'T', ?)", (json.dumps(art.to_dict()),))
    db.execute("INSERT INTO corpus VALUES ('stories', 's-old-0', '{}')")
    db.commit()
    db.close()


def test_version_1_store_is_migrated_and_requeued(tmp_path):
    path = tmp_path / "old.db"
    _v1_store(path)
    with Store(path) as st:
        assert st.migrated_from == 1
        assert st.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        pending = st.pending(10)
        assert [a.id for a in pending] == ["old-0"]  # the corpus stage rebuilds from it
        assert pending[0].paragraphs == [Paragraph("Đà Nẵng và Bình Nhưỡng.", 3)]
        tables = {r[0] for r in st.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "corpus" not in tables and {"entities", "events", "stories", "threads"} <= tables


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={VERSION + 1}")
    db.close()
    with pytest.raises(RuntimeError, match="newer than this thoisu"):
        Store(path)


def test_a_lazy_map_entry_deleted_is_gone_after_flush(tmp_path):
    from thoisu.store.lazy import LazyMap

    with Store(tmp_path / "s.db") as st:
        m = LazyMap(st.db, "stories")
        m["a"], m["b"] = {"n": 1}, {"n": 2}
        m.flush()
        again = LazyMap(st.db, "stories")
        del again["a"]
        assert "a" not in again and again.get("a") is None
        with pytest.raises(KeyError):
            del again["zz"]
        again.flush()
        fresh = LazyMap(st.db, "stories")
        assert "a" not in fresh and fresh["b"] == {"n": 2}
        fresh["a"] = {"n": 3}  # set again after a delete: stored again
        fresh.flush()
        assert LazyMap(st.db, "stories")["a"] == {"n": 3}


def test_a_lazy_map_peek_reads_without_keeping(tmp_path):
    from thoisu.store.lazy import LazyMap

    with Store(tmp_path / "s.db") as st:
        m = LazyMap(st.db, "arts")
        m["a"], m["b"] = [1], [2]
        m.flush()
        fresh = LazyMap(st.db, "arts")
        fresh["b"] = [3]  # changed in this chunk: the peek sees the change
        assert fresh.peek_many(["a", "b", "zz"]) == {"a": [1], "b": [3]}
        assert "a" not in fresh.loaded()  # read for a look, not kept
