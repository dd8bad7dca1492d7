"""A story that two events chained through one article splits (stories/cluster.py,
``StoryIndex._split_mixed``), in memory and through the store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from thoisu.models import Article, Event, Page, Paragraph, SourceLine
from thoisu.stories.cluster import StoryIndex, settings

# two made-up events with words of their own, and words every article has
_FLOOD = ["đập thủy điện", "vỡ đê bao", "lũ quét tràn", "cứu hộ khẩn cấp", "sơ tán dân làng",
          "mưa lớn kéo dài", "sạt lở núi đồi", "nước dâng cao"]
_FINAL = ["giải bóng chuyền", "đội tuyển nữ", "huấn luyện viên", "trận chung kết", "vô địch khu vực",
          "cúp vàng danh giá", "sân vận động", "cổ động viên"]
_FILL = ["phóng viên", "buổi sáng", "chiều tối", "người dân", "địa phương", "tin tức", "cập nhật",
         "hiện trường", "thông báo", "báo chí", "theo dõi", "ghi nhận", "sự việc", "cơ quan",
         "tiếp tục", "diễn biến"]


def _article(aid: str, words: list[str], k: int) -> Article:
    fill = " ".join(_FILL[(k * 3 + j) % len(_FILL)] for j in range(5))
    return Article(id=aid, page=f"{aid}.txt", title=f"{words[0]} {words[1]}",
                   paragraphs=[Paragraph(text=f"{fill}. " + ". ".join(words) + ".", line=2)])


def _event(words: list[str], start: int, n: int = 6) -> list[str]:
    return [words[(start + j) % len(words)] for j in range(n)]


def _articles() -> dict[str, Article]:
    """a1-a3 on the flood, b1-b3 on the final; x on the flood, with four words of the final:
    alike to a1 (0.48) and b1 (0.33), to no other article of the final. In this order x
    comes when each event has one article, so it glues the two (a lone article merges)."""
    arts = [_article("a1", _event(_FLOOD, 0), 0), _article("b1", _event(_FINAL, 0), 1),
            _article("x", _event(_FLOOD, 1, 4) + _FINAL[:4], 2),
            _article("a2", _event(_FLOOD, 2), 3), _article("a3", _event(_FLOOD, 3), 4),
            _article("b2", _event(_FINAL, 2), 5), _article("b3", _event(_FINAL, 3), 6)]
    return {a.id: a for a in arts}


def _assign(idx: StoryIndex, arts: dict[str, Article], ids: str) -> None:
    idx.assign([arts[i] for i in ids.split()])


def test_two_events_chained_through_one_article_split(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = _articles()
    idx = StoryIndex()
    _assign(idx, arts, "a1 b1 x a2 a3 b2 b3")
    flood, final = idx.story_of("a1"), idx.story_of("b1")
    assert flood != final
    assert {idx.story_of(i) for i in ("x", "a2", "a3")} == {flood}
    assert {idx.story_of(i) for i in ("b2", "b3")} == {final}
    assert idx.split == {final: flood} and final not in idx.merged  # b1's story, merged by x, is back
    assert {a.story_id for a in arts.values()} == {flood, final}
    # both placed in threads, each with its own articles; the pair across is a bridge
    assert idx.threads.thread_of(flood) and idx.threads.thread_of(final)
    assert sorted(idx._stories[final]["a"]) == ["b1", "b2", "b3"]
    assert idx._stories[flood]["br"] == {final: [["x", "b1"]]}
    assert idx._stories[final]["br"] == {flood: [["b1", "x"]]}
    assert idx.partners(final) == [flood] and idx.partners(flood) == [final]
    # without the split (as before), x keeps the two events in one story
    monkeypatch.setitem(settings(), "split_min_size", 0)
    arts = _articles()
    _assign(StoryIndex(), arts, "a1 b1 x a2 a3 b2 b3")
    assert len({a.story_id for a in arts.values()}) == 1


def test_a_stored_story_splits_in_a_later_run_and_its_thread_follows() -> None:
    """Runs through JSON as the digest keeps them: the mixed story forms in the first run
    and is placed in a thread; the run that grows the final's side splits it."""
    arts = _articles()
    idx = StoryIndex()
    _assign(idx, arts, "a1 b1 x a2")
    mixed = idx.story_of("a1")
    assert idx.story_of("b1") == mixed and idx.threads.thread_of(mixed)
    idx = StoryIndex.from_json(idx.to_json())
    _assign(idx, arts, "a3 b2 b3")
    assert idx.split == {"s-b1": mixed}
    assert idx.story_of("b1") == idx.story_of("b2") == "s-b1" != idx.story_of("x") == mixed
    placed = {sid for sids in idx.threads.threads().values() for sid in sids}
    assert placed == {mixed, "s-b1"}
    # a later article alike across both sides with no article in common with x's pair
    # merges them again, as any bridge: the split is no wall
    idx = StoryIndex.from_json(idx.to_json())
    assert idx._stories["s-b1"]["br"] == {mixed: [["b1", "x"]]}


def test_the_store_moves_a_split_storys_articles_events_and_thread(tmp_path: Path) -> None:
    from thoisu.corpus import run_corpus_stage
    from thoisu.pipeline import annotate_article
    from thoisu.store import Store

    # annotated for real, so each story has sentences to summarise and date
    arts = {aid: annotate_article(a) for aid, a in _articles().items()}
    # b1 reports a happening: stored with the mixed story in the first run, it must go with
    # b1's part when the story splits, not stay in the events merged from the stored ones
    arts["b1"].events.append(Event(
        id="b1-e1", type="AID", mode=None, actors=[], recipients=[], location=None, date=None,
        negated=False, hypothetical=False, future=False, article="b1", line=2,
        text=arts["b1"].paragraphs[0].text))
    with Store(tmp_path / "s.db") as store:
        for ids in ("a1 b1 x a2", "a3 b2 b3"):
            run = store.begin_run("test")
            for aid in ids.split():
                a = arts[aid]
                sha = hashlib.sha256(a.id.encode()).hexdigest()
                store.add_page(Page(path=a.page, lines=[SourceLine("x", 1)], sha=sha, fmt="txt"), [a], run)
            run_corpus_stage(store, run)
            store.finish_run(run)
        db = store.db
        story = dict(db.execute("SELECT id, story_id FROM articles").fetchall())
        assert story["b1"] == story["b2"] == story["b3"] == "s-b1"
        assert story["a1"] == story["x"] == story["a2"] == story["a3"] != "s-b1"
        rows = dict(db.execute("SELECT id, n_articles FROM stories").fetchall())
        assert rows == {story["a1"]: 4, "s-b1": 3}
        # s-b1 was merged away in the first run: its redirect is gone, it is live again
        assert db.execute("SELECT COUNT(*) FROM story_redirects WHERE id='s-b1'").fetchone()[0] == 0
        threads = dict(db.execute("SELECT id, thread_id FROM stories").fetchall())
        for sid, tid in threads.items():
            n = db.execute("SELECT n_stories FROM threads WHERE id=?", (tid,)).fetchone()
            assert n is not None and n[0] == sum(t == tid for t in threads.values()), sid
        for aid, text in db.execute("SELECT id, json FROM articles").fetchall():
            assert text is None or f'"story_id":"{story[aid]}"' in text.replace(" ", "")
        events = db.execute("SELECT e.story, m.article FROM events e "
                            "JOIN event_mentions m ON m.event = e.id").fetchall()
        assert ("s-b1", "b1") in events
        assert all(story[aid] == owner for owner, aid in events)
        # both parts are written again whole: each summary and timeline cites only its own
        # articles (the mixed story's summary, written in the first run, cited b1)
        cited = db.execute("SELECT owner, article FROM summaries UNION ALL "
                           "SELECT owner, article FROM timeline").fetchall()
        owners = {o for o, _ in cited if o in rows}
        assert owners == set(rows)
        assert all(story[aid] == owner for owner, aid in cited if owner in rows)



def test_a_story_does_not_join_a_thread_through_the_story_it_was_parted_from(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two parts of a split story are no evidence of one matter for each other
    (``apart_split``): they were one story through one article alike to both; through
    other stories they may still meet."""
    from tests.test_threads import TALKS_1, TALKS_2, TALKS_ARTS_1, TALKS_ARTS_2
    from thoisu.stories.threads import ThreadIndex, thread_settings

    for apart in (True, False):
        monkeypatch.setitem(thread_settings(), "apart_split", apart)
        idx = ThreadIndex()
        idx.apart = lambda sid: {"s-talks-2": ["s-talks-1"]}.get(sid, [])
        a = idx.add_story("s-talks-1", TALKS_1, TALKS_ARTS_1)
        b = idx.add_story("s-talks-2", TALKS_2, TALKS_ARTS_2)
        assert (a != b) if apart else (a == b)
