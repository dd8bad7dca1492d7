"""The incremental corpus stage over the real store: the same stories whatever the runs
and order, ids that never dangle, crash safety under kill -9, one writer, exports."""

from __future__ import annotations

import html
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thoisu.cli import app
from thoisu.models import Article, Mention, Paragraph
from thoisu.runner import digest_paths, reprocess, watch
from thoisu.store import Store

from .conftest import ROOT, page_from_text

EXAMPLES = ROOT / "examples"
SEED_FILES = sorted(str(p) for p in EXAMPLES.glob("*.txt"))


def fingerprint(db_path: Path) -> dict:
    """Everything the corpus stage derives, in a comparable form."""
    db = sqlite3.connect(db_path)
    q = lambda sql: sorted(map(tuple, db.execute(sql).fetchall()))  # noqa: E731
    out = {
        "articles": q("SELECT id, story_id, duplicate_of FROM articles"),
        "stories": q("SELECT id, thread_id, title, n_articles FROM stories"),
        "threads": q("SELECT id, title, n_stories FROM threads"),
        "entities": q("SELECT id, name, type, n_mentions FROM entities"),
        "events": q("SELECT id, type, story, n_mentions FROM events"),
        "participants": q("SELECT * FROM event_participants"),
        "quotes": q("SELECT id, speaker FROM quotes"),
        "summaries": q("SELECT * FROM summaries"),
        "timeline": q("SELECT * FROM timeline"),
    }
    db.close()
    return out


def dangling(db_path: Path) -> list[str]:
    db = sqlite3.connect(db_path)
    live = "(SELECT id FROM entities)"
    bad = db.execute(
        f"SELECT 'participant ' || entity FROM event_participants WHERE entity NOT IN {live} "
        f"UNION ALL SELECT 'speaker ' || speaker FROM quotes WHERE speaker IS NOT NULL AND speaker NOT IN {live} "
        f"UNION ALL SELECT 'mention ' || entity FROM mentions WHERE entity NOT IN {live} "
        f"UNION ALL SELECT 'location ' || location FROM events WHERE location IS NOT NULL AND location NOT IN {live} "
        f"UNION ALL SELECT 'redirect ' || target FROM entity_redirects WHERE target NOT IN {live}"
        # every story's thread exists and counts it; a story redirect leads to a story
        "UNION ALL SELECT 'thread ' || thread_id FROM stories WHERE thread_id NOT IN (SELECT id FROM threads) "
        "UNION ALL SELECT 'thread size ' || t.id FROM threads t WHERE t.n_stories != "
        "(SELECT COUNT(*) FROM stories s WHERE s.thread_id = t.id) "
        "UNION ALL SELECT 'story redirect ' || target FROM story_redirects WHERE target NOT IN (SELECT id FROM stories)"
    ).fetchall()
    db.close()
    return [r[0] for r in bad]


@pytest.fixture(scope="module")
def one_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one")
    digest_paths(SEED_FILES, out_dir=out)
    return out / "thoisu.db"


def _partition(db_path: Path) -> set[frozenset[str]]:
    db = sqlite3.connect(db_path)
    groups: dict[str, set[str]] = {}
    for aid, sid in db.execute("SELECT id, story_id FROM articles"):
        groups.setdefault(sid, set()).add(aid)
    db.close()
    return {frozenset(g) for g in groups.values()}


def test_page_by_page_runs_equal_one_run(one_run, tmp_path):
    for f in SEED_FILES:
        digest_paths([f], out_dir=tmp_path, outputs=False)
    a, b = fingerprint(one_run), fingerprint(tmp_path / "thoisu.db")
    for key in ("articles", "stories", "entities", "events", "participants", "quotes"):
        assert a[key] == b[key], key
    assert dangling(tmp_path / "thoisu.db") == []


def _halves(one_run: Path, tmp_path: Path) -> list[str]:
    """Seed 000's two articles (one story) as two pages."""
    db = sqlite3.connect(one_run)
    rows = db.execute("SELECT id, story_id FROM articles WHERE page LIKE '%000_%' ORDER BY seq").fetchall()
    arts = [Article.from_dict(json.loads(db.execute("SELECT json FROM articles WHERE id=?", (aid,)).fetchone()[0]))
            for aid, _ in rows]
    db.close()
    assert len(arts) == 2 and rows[0][1] == rows[1][1]
    pages = []
    for i, a in enumerate(arts):
        p = tmp_path / f"half{i}.txt"
        p.write_text(a.title + "\n\n" + "\n\n".join(x.text for x in a.paragraphs) + "\n", "utf-8")
        pages.append(str(p))
    return pages


def test_a_story_grown_over_two_runs_has_the_events_of_one_run(one_run, tmp_path):
    # the second run merges the story's stored events with the new article's reports
    # instead of re-reading every article: the same events as both articles in one run
    pages = _halves(one_run, tmp_path)
    together = digest_paths(pages, out_dir=tmp_path / "a", outputs=False)
    first = digest_paths(pages[:1], out_dir=tmp_path / "b", outputs=False)
    second = digest_paths(pages[1:], out_dir=tmp_path / "b", outputs=False)
    for r in (together, first, second):
        assert r.corpus is not None and r.corpus.retried == []  # no chunk failed and was redone
    events = [fingerprint(tmp_path / d / "thoisu.db")["events"] for d in ("a", "b")]
    parts = [fingerprint(tmp_path / d / "thoisu.db")["participants"] for d in ("a", "b")]
    assert events[0] and events[0] == events[1] and parts[0] == parts[1]
    assert any(n > 1 for *_, n in events[1])  # a happening reported by both articles


def test_other_order_gives_the_same_stories(one_run, tmp_path):
    for f in reversed(SEED_FILES):
        digest_paths([f], out_dir=tmp_path, outputs=False)
    assert _partition(tmp_path / "thoisu.db") == _partition(one_run)
    assert dangling(tmp_path / "thoisu.db") == []


def test_no_id_ever_dangles_across_runs(tmp_path):
    # the case: 003 and 004 first, then 000-002
    digest_paths(SEED_FILES[3:], out_dir=tmp_path, outputs=False)
    digest_paths(SEED_FILES[:3], out_dir=tmp_path)
    assert dangling(tmp_path / "thoisu.db") == []
    data = json.loads((tmp_path / "digest.json").read_text("utf-8"))
    ids = {e["id"] for e in data["entities"]}
    refs = {x for ev in data["events"] for x in ev["actors"] + ev["recipients"]}
    refs |= {q["speaker"] for q in data["quotes"] if q["speaker"]}
    assert refs <= ids
    stories = {a["id"]: a["story_id"] for a in data["articles"]}
    assert stories["4b9760e36088-0"] != stories["b133c34b757e-0"]  # 2024 and 2017 stay apart


def test_a_second_run_reads_what_it_touches(one_run, tmp_path):
    shutil.copy(one_run, tmp_path / "thoisu.db")
    page = page_from_text("Hà Nội mở thêm ba tuyến buýt điện\n\n" + "Thành phố Hà Nội hôm nay mở thêm ba tuyến xe buýt điện nối các quận nội thành. " * 5,
                          path="bus.txt")
    with Store(tmp_path / "thoisu.db") as st:
        st.add_page(page, [Article(id="bus-0", page="bus.txt", title="Hà Nội mở thêm ba tuyến buýt điện",
                                   paragraphs=[Paragraph(page.lines[2].text, 3)])])
        from thoisu.stories.cluster import StoryIndex

        idx = StoryIndex.stored(st.db)
        arts = st.pending(10)
        idx.prefetch(arts)
        idx.assign(arts)
        # a few posting lists and candidate stories, not the five stored stories' whole index
        assert len(idx._stories.loaded()) <= 2
        assert arts[0].story_id == "s-bus-0"


def _fresh_digest(out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    code = ("import sys; from thoisu.runner import digest_paths; from thoisu.corpus import Options; "
            f"digest_paths({SEED_FILES!r}, out_dir={str(out)!r}, options=Options(chunk=2))")
    return subprocess.run([sys.executable, "-c", code], env={**os.environ, **(env or {})},
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("point", ["page:2", "page:5", "chunk:2", "chunk:4", "outputs"])
def test_kill_9_then_rerun_gives_the_uninterrupted_store(point, tmp_path_factory):
    ref = tmp_path_factory.mktemp("ref")
    assert _fresh_digest(ref).returncode == 0
    out = tmp_path_factory.mktemp("killed")
    killed = _fresh_digest(out, {"THOISU_KILL_AT": point})
    assert killed.returncode == -9, killed.stderr  # really killed, at that point
    assert _fresh_digest(out).returncode == 0
    assert fingerprint(out / "thoisu.db") == fingerprint(ref / "thoisu.db")
    assert (out / "digest.json").read_text("utf-8") == (ref / "digest.json").read_text("utf-8")
    db = sqlite3.connect(out / "thoisu.db")
    first = "done" if point == "outputs" else "interrupted"  # outputs come after the run's commit
    assert [r[0] for r in db.execute("SELECT status FROM runs ORDER BY id")] == [first, "done"]


def test_an_article_that_breaks_the_corpus_stage_is_set_aside(tmp_path):
    bad = Article(id="bad-0", page="bad.txt", title="x", paragraphs=[Paragraph("Một câu.", 1)])
    bad.mentions = [Mention(text="X", type="PER", key=None, sentence=0, start=0, end=1, line=1)]  # type: ignore[arg-type]
    with Store(tmp_path / "thoisu.db") as st:
        st.add_page(page_from_text("bad"), [bad])
    errors: list[str] = []
    result = digest_paths(SEED_FILES[:2], out_dir=tmp_path, on_error=errors.append)
    assert result.pages_new == 2
    assert any("bad.txt: article bad-0 broke the corpus stage" in e for e in errors)
    # the chunk that failed whole is named too, and the others were placed anyway
    assert any(e.startswith("corpus stage: a chunk of ") and "failed" in e for e in errors), errors
    assert result.corpus is not None and len(result.corpus.retried) == 1
    db = sqlite3.connect(tmp_path / "thoisu.db")
    assert db.execute("SELECT story_id FROM articles WHERE id='bad-0'").fetchone() == ("",)
    assert db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone() == (0,)
    # and the next run is not broken by it
    assert digest_paths(SEED_FILES[2:3], out_dir=tmp_path).pages_new == 1


def test_lone_name_merges_into_its_person_and_redirects(tmp_path):
    def art(aid: str, key: str, text: str) -> Article:
        a = Article(id=aid, page=f"{aid}.txt", title=text, paragraphs=[Paragraph(f"{text} phát biểu.", 1)])
        a.mentions = [Mention(text=text, type="PER", key=key, sentence=0, start=0, end=len(text), line=1)]
        return a

    with Store(tmp_path / "t.db") as st:
        st.add_page(page_from_text("1"), [art("a1", "PER:lavrov", "Lavrov")])
        from thoisu.corpus import run_corpus_stage

        run_corpus_stage(st, 1)
        old = st.db.execute("SELECT entity FROM entity_keys WHERE key='PER:lavrov'").fetchone()[0]
        st.add_page(page_from_text("2"), [art("a2", "PER:sergei lavrov", "Sergei Lavrov")])
        run_corpus_stage(st, 2)
        new = st.db.execute("SELECT entity FROM entity_keys WHERE key='PER:sergei lavrov'").fetchone()[0]
        assert new != old
        assert st.db.execute("SELECT entity FROM entity_keys WHERE key='PER:lavrov'").fetchone()[0] == new
        from thoisu.store.records import load_entity, resolve_entity

        assert resolve_entity(st.db, old) == new  # the old id stays valid
        ent = load_entity(st.db, new)
        assert ent.name == "Sergei Lavrov" and "Lavrov" in ent.aliases and len(ent.mentions) == 2
    assert dangling(tmp_path / "t.db") == []


def test_second_digest_on_a_locked_store_says_so(one_run, tmp_path):
    shutil.copy(one_run, tmp_path / "thoisu.db")
    with Store(tmp_path / "thoisu.db") as st:
        st.writer_lock()
        res = CliRunner().invoke(app, ["digest", SEED_FILES[0], "--out", str(tmp_path), "--wait", "0", "--quiet"])
    assert res.exit_code == 1
    assert "being written by another run" in res.output
    assert "Traceback" not in res.output


def test_outputs_are_bounded_and_csv_safe(tmp_path):
    digest_paths(SEED_FILES, out_dir=tmp_path, report_threads=0)
    html = (tmp_path / "report.html").read_text("utf-8")
    n = sqlite3.connect(tmp_path / "thoisu.db").execute("SELECT COUNT(*) FROM threads").fetchone()[0]
    assert f"{n} more are in the store" in html
    from thoisu.report.writers import csv_safe

    assert csv_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_safe("Nga") == "Nga"
    assert not any(t.startswith(".") and t.endswith(".tmp") for t in os.listdir(tmp_path))


def test_export_parquet(one_run, tmp_path):
    import pyarrow.parquet as pq

    res = CliRunner().invoke(app, ["export", str(tmp_path / "x"), "--format", "parquet", "--db", str(one_run)])
    assert res.exit_code == 0, res.output
    arts = pq.read_table(tmp_path / "x" / "articles.parquet")
    assert arts.num_rows == 6 and "story_id" in arts.column_names
    events = pq.read_table(tmp_path / "x" / "events.parquet").to_pylist()
    db = sqlite3.connect(one_run)
    assert len(events) == db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert all(isinstance(e["actor_names"], list) for e in events)
    stories = pq.read_table(tmp_path / "x" / "stories.parquet")
    assert "joined_by" in stories.column_names


def test_parquet_column_empty_in_the_first_batch(tmp_path, monkeypatch):
    # no story joined a thread in the first batch: the column is still text, not null
    import pyarrow.parquet as pq

    from thoisu import export

    monkeypatch.setattr(export, "_BATCH", 2)
    rows = [{"id": "a", "joined_by": None}, {"id": "b", "joined_by": None},
            {"id": "c", "joined_by": "joined by: Sung Kim"}]
    assert export._write_parquet(tmp_path / "s.parquet", iter(rows)) == 3
    assert pq.read_table(tmp_path / "s.parquet").to_pylist()[2]["joined_by"] == "joined by: Sung Kim"


def test_reprocess_keeps_ids(one_run, tmp_path):
    shutil.copy(one_run, tmp_path / "thoisu.db")
    before = fingerprint(tmp_path / "thoisu.db")
    result = reprocess(tmp_path / "thoisu.db")
    assert result.pages_ok == 5 and not result.errors
    after = fingerprint(tmp_path / "thoisu.db")
    assert after["articles"] == before["articles"] and after["stories"] == before["stories"]
    assert {e[0] for e in after["entities"]} == {e[0] for e in before["entities"]}
    assert dangling(tmp_path / "thoisu.db") == []


def test_watch_digests_files_as_they_land(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    out = tmp_path / "out"
    runs: list[list[str]] = []
    stop = threading.Event()
    t = threading.Thread(target=lambda: watch(
        inbox, out, interval=0.2, on_run=lambda r, files: runs.append(files), should_stop=stop.is_set,
        outputs=False), daemon=True)
    shutil.copy(SEED_FILES[0], inbox / "a.txt")
    t.start()
    deadline = time.monotonic() + 120
    while not runs and time.monotonic() < deadline:
        time.sleep(0.1)
    shutil.copy(SEED_FILES[1], inbox / "b.txt")
    while len(runs) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    t.join(30)
    assert [len(r) for r in runs] == [1, 1]
    with Store(out / "thoisu.db") as st:
        assert st.count("articles") == 3


def _die_on_003(page):  # runs in a forked pool worker
    if "003_" in page.path:
        os._exit(1)
    from thoisu.pipeline import safe_process_page

    return safe_process_page(page)


def test_a_dead_worker_process_is_one_line_and_the_rest_is_kept(tmp_path, monkeypatch):
    import thoisu.runner as runner

    monkeypatch.setattr(runner, "safe_process_page", _die_on_003)
    errors: list[str] = []
    result = digest_paths(SEED_FILES, out_dir=tmp_path, workers=2, on_error=errors.append)
    assert errors == [f"{SEED_FILES[3]}: crashed a worker process, skipped"]
    assert result.pages_new == 4 and result.articles == 5  # the pages in flight with it are kept
    with Store(tmp_path / "thoisu.db") as st:
        assert st.db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone() == (0,)
    monkeypatch.undo()
    again = digest_paths(SEED_FILES, out_dir=tmp_path, workers=2)  # the next run takes it
    assert again.pages_new == 1 and again.articles == 6


def test_a_story_is_summarised_from_a_bounded_number_of_its_articles():
    from thoisu.corpus import BOUNDS, _bounded

    first, latest = BOUNDS["story_docs_first"], BOUNDS["story_docs_latest"]
    arts = [Article(id=f"a{i}", page="p") for i in range(first + latest + 25)]
    picked = [a.id for a in _bounded(arts)]
    assert picked == [a.id for a in arts[:first] + arts[-latest:]]
    few = arts[: first + latest]
    assert _bounded(few) == few


def test_the_corpus_stage_summarises_a_story_from_its_bounded_articles(one_run, tmp_path, monkeypatch):
    # seed 000's two articles (one story) in one run, with the bounds at "the latest one":
    # the story summary must be built from that article alone
    import thoisu.corpus as corpus

    pages = _halves(one_run, tmp_path)
    seen: list = []
    real = corpus.summarize
    monkeypatch.setattr(corpus, "STORY_DOCS_FIRST", 0)
    monkeypatch.setattr(corpus, "STORY_DOCS_LATEST", 1)
    monkeypatch.setattr(corpus, "summarize", lambda docs, words: seen.append(docs) or real(docs, words))
    out = tmp_path / "o"
    digest_paths(pages, out_dir=out, outputs=False)
    with Store(out / "thoisu.db") as st:
        members = [r[0] for r in st.db.execute("SELECT id FROM articles ORDER BY seq")]
        (n_stories,) = st.db.execute("SELECT COUNT(DISTINCT story_id) FROM articles").fetchone()
    assert n_stories == 1 and len(members) == 2
    story_docs = [d for d in seen if d and all(x.id in members for x in d)]
    assert story_docs and all(len(d) == 1 for d in story_docs)


def test_a_thread_left_empty_redirects_to_the_thread_its_story_joined(one_run, tmp_path):
    # what the corpus stage does when a lone story, grown, joins another matter's thread
    from fastapi.testclient import TestClient

    from thoisu.store import records
    from thoisu.web import create_app

    shutil.copy(one_run, tmp_path / "thoisu.db")
    # the seeds make two threads (their matter and a lone story); a typhoon makes a third
    digest_paths([str(MERGE / "a.txt")], out_dir=tmp_path, outputs=False)
    with Store(tmp_path / "thoisu.db") as st:
        old, new, third = [r[0] for r in st.db.execute("SELECT id FROM threads ORDER BY id LIMIT 3")]
        with st.transaction():
            records.retire_thread(st.db, third, old)
            records.retire_thread(st.db, old, new)  # a chain is flattened
        assert records.thread_target(st.db, old) == new and records.thread_target(st.db, third) == new
        assert st.db.execute("SELECT COUNT(*) FROM threads WHERE id IN (?,?)", (old, third)).fetchone()[0] == 0
        assert st.db.execute("SELECT COUNT(*) FROM summaries WHERE owner=?", (old,)).fetchone()[0] == 0
    client = TestClient(create_app(str(tmp_path / "thoisu.db"), token=None))
    r = client.get(f"/threads/{third}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/threads/{new}"
    assert client.get(f"/api/threads/{old}").json()["id"] == new


@pytest.mark.parametrize("version", [2, 3])
def test_an_older_store_is_brought_forward(one_run, tmp_path, version):
    shutil.copy(one_run, tmp_path / "thoisu.db")
    db = sqlite3.connect(tmp_path / "thoisu.db")
    db.execute("DROP TABLE story_redirects")
    db.execute("DELETE FROM index_kv WHERE space='article_postings'")
    if version == 2:
        db.execute("DROP TABLE thread_redirects")
    else:  # a version-3 store's redirects are kept: an emptied thread's id still leads on
        live = db.execute("SELECT id FROM threads ORDER BY id LIMIT 1").fetchone()[0]
        db.execute("INSERT INTO thread_redirects(id, target) VALUES ('t-gone', ?)", (live,))
    redirects = dict(db.execute("SELECT id, target FROM thread_redirects").fetchall()) if version == 3 else {}
    db.execute(f"PRAGMA user_version={version}")
    db.commit()
    db.close()
    with Store(tmp_path / "thoisu.db") as st:
        assert st.db.execute("PRAGMA user_version").fetchone()[0] == 4
        assert dict(st.db.execute("SELECT id, target FROM thread_redirects").fetchall()) == redirects
        assert st.db.execute("SELECT COUNT(*) FROM story_redirects").fetchone()[0] == 0
        assert st.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 6
        # the stored articles are in the posting lists again: new articles can find them
        assert st.db.execute("SELECT COUNT(*) FROM index_kv WHERE space='article_postings'").fetchone()[0] > 0


MERGE = ROOT / "tests" / "data" / "merge"


def test_an_article_alike_to_two_stories_merges_them_and_the_old_id_redirects(tmp_path):
    # a.txt (a typhoon) and b.txt (a volcano) are two stories; c.txt reports both and
    # joins them: stories are components, so one run of the three gives the same story
    from fastapi.testclient import TestClient

    from thoisu.store import records
    from thoisu.web import create_app

    a, b, c = (str(MERGE / f) for f in ("a.txt", "b.txt", "c.txt"))
    out = tmp_path / "o"
    digest_paths([a, b], out_dir=out, outputs=False)
    db_path = out / "thoisu.db"
    with Store(db_path) as st:
        before = dict(st.db.execute("SELECT page, story_id FROM articles").fetchall())
    assert len(set(before.values())) == 2
    stats = digest_paths([c], out_dir=out)
    with Store(db_path) as st:
        q = st.db.execute
        (into,) = {r[0] for r in q("SELECT story_id FROM articles")}
        (old,) = set(before.values()) - {into}
        assert records.story_target(st.db, old) == into
        assert q("SELECT COUNT(*) FROM stories").fetchone()[0] == 1
        assert q("SELECT n_articles FROM stories WHERE id=?", (into,)).fetchone()[0] == 3
        for table, col in (("summaries", "owner"), ("timeline", "owner"), ("events", "story")):
            assert q(f"SELECT COUNT(*) FROM {table} WHERE {col}=?", (old,)).fetchone()[0] == 0, table
        # the articles' output text follows the column
        assert all(json.loads(j)["story_id"] == sid for sid, j in q("SELECT story_id, json FROM articles"))
        # every story's thread exists and counts only live stories; the merged story's
        # lone thread redirects to the thread of the story it merged into
        (tid,) = q("SELECT thread_id FROM stories").fetchone()
        assert q("SELECT id, n_stories FROM threads").fetchall() == [(tid, 1)]
        assert records.thread_target(st.db, "t-" + old) == tid
    assert stats is not None
    assert stats.corpus is not None and stats.corpus.stories_merged == [(old, into)]
    assert dangling(db_path) == []
    digest = json.loads((out / "digest.json").read_text("utf-8"))
    assert [s["id"] for s in digest["stories"]] == [into]
    assert {a["story_id"] for a in digest["articles"]} == {into}
    client = TestClient(create_app(str(db_path), token=None))
    r = client.get(f"/stories/{old}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/stories/{into}"
    assert client.get(f"/api/stories/{old}").json()["id"] == into
    one = tmp_path / "one"
    digest_paths([c, b, a], out_dir=one, outputs=False)
    assert _partition(one / "thoisu.db") == _partition(db_path)


def test_a_grown_story_is_summarised_from_its_last_summary_and_its_new_articles(one_run, tmp_path, monkeypatch):
    # the two articles of seed 000 (one story) arrive in two runs; with the threshold at 0
    # the second run must summarise [the story's last summary, the new article] only
    import thoisu.corpus as corpus
    from thoisu.store import records

    pages = _halves(one_run, tmp_path)
    out = tmp_path / "o"
    digest_paths(pages[:1], out_dir=out, outputs=False)
    with Store(out / "thoisu.db") as st:
        (sid,) = st.db.execute("SELECT story_id FROM articles").fetchone()
        before = records.load_summary(st.db, sid)
    seen: list = []
    real = corpus.summarize
    monkeypatch.setattr(corpus, "STORY_RECOMPUTE_UPTO", 0)
    monkeypatch.setattr(corpus, "summarize", lambda docs, words: seen.append(docs) or real(docs, words))
    digest_paths(pages[1:], out_dir=out, outputs=False)
    with Store(out / "thoisu.db") as st:
        ids = [r[0] for r in st.db.execute("SELECT id FROM articles ORDER BY seq")]
        assert {r[0] for r in st.db.execute("SELECT story_id FROM articles")} == {sid}
        after = records.load_summary(st.db, sid)
        lines = {(r[0], r[1]) for r in st.db.execute("SELECT article, line FROM paragraphs")}
    story_docs = [d for d in seen if d and d[0].id == "summary"]
    assert len(story_docs) == 1
    docs = story_docs[0]
    assert docs[0].sentences == before and [d.id for d in docs[1:]] == ids[1:]
    assert after and all((s.article, s.line) in lines for s in after)


def test_a_grown_story_that_leaves_its_thread_leaves_its_counts_right(tmp_path, monkeypatch):
    # threads joined loosely on the seeds' first articles (a low join threshold stands in
    # for what a story's first article may share with a thread); one story grows with a
    # report of its own matter and is judged again by a rule that no longer joins it (the
    # usual one without the states signal): it leaves (ThreadIndex.left), and the thread
    # it left is refreshed by the corpus stage
    import thoisu.stories.threads as threads

    usual = threads.thread_settings()
    assert usual.get("recheck_grown")
    monkeypatch.setattr(threads, "thread_settings", lambda: dict(usual, join_threshold=0.05))
    digest_paths(SEED_FILES, out_dir=tmp_path)
    db = sqlite3.connect(tmp_path / "thoisu.db")
    lavrov = db.execute("SELECT id, thread_id FROM stories WHERE title LIKE 'Ngoại trưởng Nga khẳng định%'").fetchone()
    before = db.execute("SELECT n_stories FROM threads WHERE id=?", (lavrov[1],)).fetchone()[0]
    db.close()
    assert before > 1 and lavrov[1] != "t-" + lavrov[0]  # it joined another story's thread
    # the join says why, in digest.json and in the report
    story = next(s for s in json.loads((tmp_path / "digest.json").read_text("utf-8"))["stories"]
                 if s["id"] == lavrov[0])
    why = story["joined_by"]
    assert why["text"].startswith("joined by: ") and why["with"] and "thread" not in why
    assert html.escape(why["text"], quote=False) in (tmp_path / "report.html").read_text("utf-8")
    from thoisu.export import stories as exported_stories

    db = sqlite3.connect(tmp_path / "thoisu.db")
    assert next(s for s in exported_stories(db) if s["id"] == lavrov[0])["joined_by"] == why["text"]
    db.close()
    # with the states signal the seeds' North Korea stories are one matter and it stays
    monkeypatch.setattr(threads, "thread_settings", lambda: dict(usual, state_who=None))
    page = tmp_path / "lavrov.txt"
    page.write_text(
        "Ông Lavrov: Bình Nhưỡng muốn đối thoại trực tiếp với Washington\n\n"
        "Ngoại trưởng Nga Sergey Lavrov ngày 8/12 cho biết Triều Tiên muốn đàm phán trực tiếp với Mỹ "
        "về các bảo đảm an ninh.\n\n"
        "Phát biểu sau cuộc hội đàm với Ngoại trưởng Mỹ Rex Tillerson bên lề hội nghị ngoại trưởng OSCE "
        "tại Vienna, ông Lavrov nói đã chuyển nguyện vọng của Bình Nhưỡng tới phía Mỹ.\n\n"
        "Theo ông Lavrov, Nga sẵn sàng hỗ trợ các cuộc đàm phán trực tiếp giữa Mỹ và Triều Tiên.\n\n"
        "Thứ trưởng Ngoại giao Nga Igor Morgulov trước đó khẳng định Moskva có nhiều kênh liên lạc với "
        "Triều Tiên.\n", encoding="utf-8")
    digest_paths([str(page)], out_dir=tmp_path)
    db = sqlite3.connect(tmp_path / "thoisu.db")
    grown = db.execute("SELECT thread_id, n_articles FROM stories WHERE id=?", (lavrov[0],)).fetchone()
    after = db.execute("SELECT n_stories FROM threads WHERE id=?", (lavrov[1],)).fetchone()[0]
    db.close()
    assert grown[1] == 2 and grown[0] != lavrov[1]  # it grew and left
    assert after == before - 1
    story = next(s for s in json.loads((tmp_path / "digest.json").read_text("utf-8"))["stories"]
                 if s["id"] == lavrov[0])
    assert story["joined_by"] is None or story["joined_by"]["with"] != why["with"]  # not the old join
    assert dangling(tmp_path / "thoisu.db") == []
