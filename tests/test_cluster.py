"""Stories and threads: seeds grouping, incremental stability, linear candidate work."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from thoisu.models import Article, Paragraph, TimeValue
from thoisu.stories.cluster import StoryIndex, article_terms

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

# Our own fixture: for each seed page, the articles on it as (title line, body lines),
# 1-based lines of the page, picked by hand (furniture, captions and inserted related
# headlines left out). Page 003 has no title line.
SEED_BODIES: dict[str, list[tuple[int | None, list[int]]]] = {
    "000_4162ccc8912c061b.txt": [
        (1, [5, 11, 13, 17, 19, 21, 23]),
        (29, [31, 37, 39, 41, 43, 45, 47]),
    ],
    "001_ecbe991e6b69410b.txt": [(1, [4, 9, 11, 16, 18, 20, 22, 24, 26, 28])],
    "002_c70f31e49f116288.txt": [(1, [3, 5, 7, 9, 11])],
    "003_7383740b45c812be.txt": [(None, [1, 2, 3, 4, 5, 6, 7, 8, 10, 11])],
    "004_fe5636f689ffc1f1.txt": [(1, [3, 5, 7, 9, 11, 13, 15, 17])],
}


def seed_articles() -> list[Article]:
    out = []
    for name, parts in SEED_BODIES.items():
        lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
        for k, (title, body) in enumerate(parts):
            out.append(
                Article(
                    id=f"{name[:3]}-{k}",
                    page=name,
                    title=lines[title - 1] if title else None,
                    paragraphs=[Paragraph(text=lines[i - 1], line=i) for i in body],
                )
            )
    return out


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds absent")
@pytest.mark.parametrize(("order", "annotated"), [(0, False), (1, False), (2, False), (3, True)])
def test_seeds_five_stories_one_thread(order: int, annotated: bool) -> None:
    arts = seed_articles()
    if annotated:  # with the per-document stage's words and actor mentions (entity keys)
        sentences = pytest.importorskip("thoisu.annotate.sentences")
        actors = pytest.importorskip("thoisu.actors")
        for a in arts:
            a.sentences = sentences.annotate_sentences(a)
            a.mentions = actors.find_mentions(a)
        assert any(a.mentions for a in arts)
    random.Random(order).shuffle(arts)
    idx = StoryIndex()
    idx.assign(arts)
    by_id = {a.id: a for a in arts}
    assert by_id["000-0"].story_id == by_id["000-1"].story_id
    stories = idx.stories()
    assert len(stories) == 5
    assert len({s[0] for s in stories}) == 5
    assert all(a.duplicate_of is None for a in arts)  # two write-ups, not copies
    # a story's id comes from its first article
    for sid, _, title, ids in stories:
        assert sid == "s-" + ids[0]
        assert title
    recs, threads = idx.records()
    assert len(recs) == 5
    assert sorted(s for t in threads for s in t.story_ids) == sorted(r.id for r in recs)
    assert all(t.title in {r.title for r in recs} for t in threads)


# The five seed stories are one matter (Russia's part in the North Korea nuclear
# question, 2017-2021), but what they share -- Russia, North Korea and the US, an
# official or two, few subject words -- is what hard negatives of the judged pairs
# share too (Kim Jong-un giving up smoking vs Pyongyang mocking Trump's offer). At the
# join threshold chosen for precision on the dev split (0.4; the seeds' best pairs score
# 0.19, where dev precision falls to about 0.4), they are not joined. Kept as a known
# failure, not tuned to (docs/threads.md, "The seeds").
_SEEDS_SPLIT = ("seed stories share too little for the precision-first join threshold; their kind of matter "
                "(the same states over one object, years apart) is three dev pairs of the mds files, too few "
                "to fit a join to (docs/threads.md, Round 12)")


@pytest.mark.xfail(reason=_SEEDS_SPLIT, strict=False)
@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds absent")
def test_seeds_one_thread() -> None:
    arts = seed_articles()
    sentences = pytest.importorskip("thoisu.annotate.sentences")
    actors = pytest.importorskip("thoisu.actors")
    for a in arts:
        a.sentences = sentences.annotate_sentences(a)
        a.mentions = actors.find_mentions(a)
    idx = StoryIndex()
    idx.assign(arts)
    assert len({s[1] for s in idx.stories()}) == 1


def test_empty_and_title_only_articles() -> None:
    arts = [
        Article(id="e-0", page="e"),
        Article(id="e-1", page="e", title="Chỉ có tiêu đề"),
        Article(id="e-2", page="e", paragraphs=[Paragraph(text="...", line=1)]),
    ]
    idx = StoryIndex()
    idx.assign(arts)
    assert all(a.story_id for a in arts)
    idx2 = StoryIndex.from_json(idx.to_json())
    assert [s[0] for s in idx2.stories()] == [s[0] for s in idx.stories()]


# --------------------------------------------------------------------------- synthetic

SYLL = ["an", "bac", "cam", "dan", "em", "gia", "hai", "kim", "lam", "minh", "nam", "oanh", "phong", "quang", "son", "tam", "uyen", "vinh", "xuan", "yen", "bao", "chau", "dung", "giang", "hoa", "khanh", "linh", "mai", "ngoc", "phuc", "quynh", "thanh", "trung", "vu"]
COMMON = ["và", "của", "là", "có", "được", "trong", "cho", "với", "các", "những", "một", "đã", "này", "đến", "khi", "không", "người", "về"]


def topic_words(rng: random.Random, n: int = 12) -> list[str]:
    # capitalised two-syllable names and rare two-syllable words, unique per topic
    return [
        (rng.choice(SYLL).capitalize() + " " + rng.choice(SYLL).capitalize() + str(rng.randrange(10**6)))
        if i % 2 == 0 else (rng.choice(SYLL) + "x" + str(rng.randrange(10**6)))
        for i in range(n)
    ]


def synthetic(n_topics: int, per_topic: int, seed: int = 1) -> tuple[list[Article], dict[str, int]]:
    rng = random.Random(seed)
    arts, gold = [], {}
    for t in range(n_topics):
        words = topic_words(rng)
        for k in range(per_topic):
            paras = []
            for _ in range(4):
                sent = [rng.choice(words if rng.random() < 0.35 else COMMON) for _ in range(25)]
                paras.append(" ".join(sent) + ".")
            aid = f"t{t}-{k}"
            arts.append(
                Article(
                    id=aid, page=aid, title=" ".join(rng.sample(words, 4)),
                    published=TimeValue(value=f"2020-01-{1 + t % 28:02d}", text=""),
                    paragraphs=[Paragraph(text=p, line=i + 1) for i, p in enumerate(paras)],
                )
            )
            gold[aid] = t
    rng.shuffle(arts)
    return arts, gold


def test_incremental_ids_stable_across_round_trip() -> None:
    arts, gold = synthetic(30, 4)
    first, second = arts[:60], arts[60:]
    idx = StoryIndex()
    idx.assign(first)
    before = {s[0]: (s[1], s[3]) for s in idx.stories()}
    story_of = {a.id: a.story_id for a in first}
    blob = idx.to_json()
    assert json.loads(blob)["schema"] == "thoisu.stories/1"
    idx2 = StoryIndex.from_json(blob)
    # a reprint of an already stored article, arriving in the next run
    copy = Article(id="copy-0", page="copy", title=first[0].title, paragraphs=list(first[0].paragraphs))
    idx2.assign([*second, copy])
    after = {s[0]: (s[1], s[3]) for s in idx2.stories()}
    for sid, (tid, ids) in before.items():
        assert sid in after
        assert after[sid][0] == tid  # thread id unchanged
        assert after[sid][1][: len(ids)] == ids  # members kept, in order
    assert copy.duplicate_of == first[0].id
    assert copy.story_id == story_of[first[0].id]
    # new articles of topics seen in the first run join the existing stories
    first_story_of_topic = {gold[a.id]: a.story_id for a in first}
    joined = [a for a in second if gold[a.id] in first_story_of_topic]
    assert joined
    assert sum(a.story_id == first_story_of_topic[gold[a.id]] for a in joined) >= 0.9 * len(joined)
    # seeing the same articles again changes nothing
    again = [Article(id=a.id, page=a.page, title=a.title, paragraphs=a.paragraphs) for a in first]
    idx2.assign(again)
    assert {a.id: a.story_id for a in again} == story_of


def test_batch_sizes_do_not_change_stories() -> None:
    arts, _ = synthetic(20, 4, seed=3)
    one = StoryIndex()
    one.assign(arts)
    whole = {a.id: a.story_id for a in arts}
    for a in arts:
        a.story_id = None
    many = StoryIndex()
    for i in range(0, len(arts), 7):
        many.assign(arts[i : i + 7])
    assert {a.id: a.story_id for a in arts} == whole


def test_copy_in_the_same_batch_takes_its_originals_story() -> None:
    arts, _ = synthetic(5, 2, seed=9)
    orig = arts[3]
    copy = Article(id="copy-1", page="copy", title=orig.title, paragraphs=list(orig.paragraphs))
    idx = StoryIndex()
    idx.assign([*arts[:5], copy, *arts[5:]])
    assert copy.duplicate_of == orig.id
    assert copy.story_id == orig.story_id
    assert idx.n_docs == len(arts)  # a copy does not count twice in the frequencies
    sid = orig.story_id
    assert copy.id in dict((s[0], s[3]) for s in idx.stories())[sid]


def test_synthetic_topics_become_stories() -> None:
    arts, gold = synthetic(40, 5)
    idx = StoryIndex()
    idx.assign(arts)
    by_story: dict[str, set[int]] = {}
    for a in arts:
        by_story.setdefault(a.story_id, set()).add(gold[a.id])
    assert all(len(t) == 1 for t in by_story.values())  # no story mixes topics
    assert len(by_story) <= 45


def test_candidate_work_grows_linearly() -> None:
    from thoisu.stories.cluster import settings
    from thoisu.stories.threads import thread_settings

    cfg = settings()
    for n_topics in (50, 200):
        arts, _ = synthetic(n_topics, 4, seed=n_topics)
        idx = StoryIndex()
        idx.assign(arts)
        n_stories = len(idx.stories())
        # each article is compared with a bounded number of candidate articles, not
        # with every stored one: the total grows with the articles, not their square
        # (at 800 articles the bound is a tenth of all pairs)
        assert idx.comparisons <= cfg["candidates"] * len(arts)
        # and reads a bounded stretch of the inverted index
        assert idx.posting_reads <= cfg["query_terms"] * (cfg["posting_cap"] + 1) * len(arts)
        # a new story is compared with a few stored stories of a few candidate threads
        tcfg = thread_settings()
        assert idx.threads.comparisons <= tcfg["candidates"] * tcfg["compared_stories"] * n_stories


def test_terms_use_mention_keys_and_names() -> None:
    a = Article(
        id="m-0", page="m", title="Ngoại trưởng Nga Sergei Lavrov tới Bình Nhưỡng",
        paragraphs=[Paragraph(text="Theo KCNA, ông Lavrov gặp bà Choe Son Hui.", line=3)],
    )
    from thoisu.models import Mention

    a.mentions = [Mention(text="Lavrov", type="PER", key="PER:sergei lavrov", sentence=0,
                          start=0, end=6, line=3)]
    t = article_terms(a)
    assert t["k:PER:sergei lavrov"] == 1
    assert t["n:lavrov"] >= 2 and t["n:bình nhưỡng"] >= 1 and t["n:kcna"] == 1
    assert "n:theo" not in t and "n:ngoại" not in t  # sentence-initial function words


@pytest.mark.skipif(not (SHARED / "mds" / "vims-dev.jsonl").exists(), reason="mds absent")
def test_vims_clusters_recovered() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from stories import bcubed, load  # type: ignore[import-not-found]

    arts, gold = load("vims-dev", (101, 140))
    random.Random(3).shuffle(arts)
    idx = StoryIndex()
    idx.assign(arts[:100])
    idx = StoryIndex.from_json(idx.to_json())
    idx.assign(arts[100:])
    p, r, f = bcubed({a.id: a.story_id for a in arts}, gold)
    assert f >= 0.85, (p, r, f)


@pytest.mark.skipif(
    not (SEEDS.exists() and (SHARED / "mds" / "vims-dev.jsonl").exists()), reason="data absent"
)
def test_seeds_keep_apart_inside_a_larger_corpus() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from stories import load  # type: ignore[import-not-found]

    arts, _ = load("vims-dev")
    seeds = seed_articles()
    mixed = arts + seeds
    random.Random(7).shuffle(mixed)
    idx = StoryIndex()
    for i in range(0, len(mixed), 400):
        idx.assign(mixed[i : i + 400])
        idx = StoryIndex.from_json(idx.to_json())
    stories = {a.story_id for a in seeds}
    assert len(stories) == 5
    # the seeds' threads stay a matter, not the corpus (whether the five are one thread:
    # test_seeds_one_thread)
    for thread in {idx.threads.thread_of(s) for s in stories}:
        assert len(idx.threads.threads()[thread]) < 20


def test_an_undated_article_does_not_chain_stories_of_years_apart() -> None:
    # one text about a matter, reported in 2016 and again in 2022, and an undated copy
    # with a word changed: the undated one is alike to both, but their years are apart
    body = ("Bộ Ngoại giao Triều Tiên tuyên bố bác bỏ đề nghị đàm phán về chương trình hạt nhân "
            "của Washington, gọi đó là âm mưu lừa bịp nhằm kéo dài thời gian và gây sức ép.")

    def art(aid: str, published: str | None, tail: str) -> Article:
        return Article(id=aid, page=aid, title="Triều Tiên bác đề nghị đàm phán hạt nhân của Mỹ",
                       paragraphs=[Paragraph(f"{body} {tail}", 3)],
                       published=TimeValue(published, published) if published else None)

    # (each with sentences of its own: alike, not copies, which join their original's story)
    old = art("y-2016", "2016-05-20", "Hãng thông tấn KCNA cho biết quân đội đã sẵn sàng cho một "
              "vụ thử mới trong mùa hè, sau khi Hội đồng Bảo an áp đặt thêm lệnh cấm vận.")
    new = art("y-2022", "2022-05-20", "Tuyên bố được đưa ra vài ngày sau khi Seoul và Tokyo tổ chức "
              "tập trận chung, điều mà giới chức miền Bắc coi là hành động khiêu khích nghiêm trọng.")
    undated = art("y-none", None, "Giới phân tích cho rằng căng thẳng trên bán đảo khó hạ nhiệt "
                  "trong thời gian tới khi các bên chưa tìm được tiếng nói chung.")
    idx = StoryIndex()
    idx.assign([old, new])
    assert old.story_id != new.story_id  # their pair is refused on the years
    idx.assign([undated])
    assert undated.story_id in {old.story_id, new.story_id}  # alike to both, joins one
    assert old.story_id != new.story_id and not idx.merged


def test_years_a_text_only_mentions_do_not_part_two_undated_reports() -> None:
    # two undated reports of one death: a career's years ("năm 2004", "năm 2018") say when
    # a text was written at the earliest, not when; a date with a month dates the report
    from thoisu.models import Timex

    body = ("Nữ diễn viên Shion Nakamaru qua đời ở tuổi 39 vì bệnh tật, công ty quản lý của cô "
            "thông báo, tang lễ được tổ chức kín đáo theo nguyện vọng của gia đình.")

    def art(aid: str, tail: str, years: list[str], published: str | None = None) -> Article:
        a = Article(id=aid, page=aid, title="Nữ diễn viên Shion Nakamaru qua đời ở tuổi 39",
                    paragraphs=[Paragraph(f"{body} {tail}", 3)],
                    published=TimeValue(published, published) if published else None)
        a.timexes = [Timex(value=y, text=y, sentence=0, start=0, end=0, line=3) for y in years]
        return a

    a = art("n-1", "Năm 2004, cô đóng vai chính trong bộ phim truyền hình nổi tiếng đầu tiên, được "
            "khán giả nhỏ tuổi yêu mến và nhận nhiều lời mời quảng cáo sau đó.", ["2004"])
    b = art("n-2", "Năm 2018, cô tham gia bộ phim điện ảnh cuối cùng trước khi lâm bệnh nặng, vai "
            "diễn được giới phê bình đánh giá cao về chiều sâu tâm lý nhân vật.", ["2018"])
    idx = StoryIndex()
    idx.assign([a, b])
    assert a.story_id == b.story_id
    # a report dated 16/1/2024 in its text is not one of 2017
    # (each with sentences of its own: alike, not copies, which join their original's story)
    c = art("n-3", "Hãng tin NHK đưa tin ngày 16/1/2024, người hâm mộ khắp nơi đã đặt hoa tưởng "
            "niệm trước trụ sở công ty và chia sẻ những kỷ niệm về các vai diễn của cô.", ["2024-01-16"])
    d = art("n-4", "Trước đó, cô từng nhiều lần phải nhập viện điều trị dài ngày và tạm ngừng mọi "
            "hoạt động nghệ thuật để dành thời gian chăm sóc sức khỏe bản thân.", [], "2017-07-15")
    idx = StoryIndex()
    idx.assign([c, d])
    assert c.story_id != d.story_id


def test_a_name_counts_once_in_a_pair() -> None:
    """A name spelt as a name and again as words ("n:kim jong-un" and "kim jong-un") counts
    once in a pair's cosine: a famous name alone chained a week of its news into one story."""
    from thoisu.stories.cluster import _pair_cosine

    a = {"n:kim jong-un": 0.5, "kim jong-un": 0.3, "hút thuốc": 0.6}
    b = {"n:kim jong-un": 0.5, "kim jong-un": 0.3, "lời đề nghị": 0.6}
    assert _pair_cosine(a, b, names_once=False) == pytest.approx(0.25 + 0.09)
    assert _pair_cosine(a, b, names_once=True) == pytest.approx(0.25)
    # a word that spells no name of either article still counts
    c = {"n:kim jong-un": 0.5, "hút thuốc": 0.6}
    assert _pair_cosine(a, c, names_once=True) == pytest.approx(0.25 + 0.36)


class _PairIndex(StoryIndex):
    """A story index whose article pairs are given (which stored articles each new one is
    alike to, and how much): the join rule tested apart from the vectors."""

    pairs: dict[str, dict[str, float]] = {}

    def _linked(self, vec, query, day, year, dated):  # type: ignore[no-untyped-def]
        self._matches = {}
        out: dict[str, float] = {}
        for other, s in self.pairs.get(self._current, {}).items():
            sid = self._arts[other][0]
            out.setdefault(sid, s)
            self._matches.setdefault(sid, []).append((other, s))
        return out

    def assign(self, articles: list[Article]) -> None:
        for a in articles:  # one at a time, so _linked knows whose pairs to give
            self._current = a.id
            super().assign([a])


def _arts(*ids: str) -> list[Article]:
    return [Article(id=i, page=i, title=f"Bài {i}", paragraphs=[Paragraph(text=f"Nội dung {i}.", line=2)])
            for i in ids]


def test_one_article_alike_to_two_stories_does_not_glue_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from thoisu.stories.cluster import settings

    monkeypatch.setitem(settings(), "bridge_min_size", 1)
    monkeypatch.setitem(settings(), "bridge_strong", 0.9)  # every pair below: none glues alone
    idx = _PairIndex()
    pairs = idx.pairs = {"a2": {"a1": 0.5}, "b2": {"b1": 0.5},
                         # x is alike to both stories, to a's the more: it joins a's story alone
                 "x": {"a1": 0.45, "b1": 0.35},
                         # y is alike to both through x again and b1 again: still one
                         # bridge (x with b1)
                         "y": {"x": 0.4, "b1": 0.5},
                         # z: a second, separate pair across (a2 with b2): they merge
                         "z": {"a2": 0.6, "b2": 0.4}}
    idx.assign(_arts("a1", "a2", "b1", "b2", "x"))
    a_story, b_story = idx.story_of("a1"), idx.story_of("b1")
    assert a_story != b_story and idx.story_of("x") == a_story
    assert idx.merged == {}
    idx = _PairIndex.from_json(idx.to_json())  # the bridge is stored with the stories
    idx.pairs = pairs
    idx.assign(_arts("y"))
    assert idx.story_of("y") == b_story  # its best pair is in b's story
    assert idx.story_of("a1") != idx.story_of("b1")
    idx.assign(_arts("z"))
    assert idx.story_of("a1") == idx.story_of("b1") == idx.story_of("x") == idx.story_of("z")
    # the smaller merges into the larger (ties: the smaller id), and names the merged one
    assert idx.merged == {b_story: a_story}
    assert [s[0] for s in idx.stories()] == [a_story]


def test_without_bridges_one_article_glues_two_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    from thoisu.stories.cluster import settings

    monkeypatch.setitem(settings(), "bridge_min_size", 0)  # components, as before
    idx = _PairIndex()
    idx.pairs = {"a2": {"a1": 0.5}, "b2": {"b1": 0.5}, "x": {"a1": 0.45, "b1": 0.35}}
    idx.assign(_arts("a1", "a2", "b1", "b2", "x"))
    assert idx.story_of("a1") == idx.story_of("b1")


def test_bridges_carry_over_when_a_story_merges(monkeypatch: pytest.MonkeyPatch) -> None:
    from thoisu.stories.cluster import settings

    monkeypatch.setitem(settings(), "bridge_min_size", 2)
    monkeypatch.setitem(settings(), "bridge_strong", 0.9)
    idx = _PairIndex()
    idx.pairs = {"a2": {"a1": 0.5}, "b2": {"b1": 0.5}, "c2": {"c1": 0.5}, "c3": {"c1": 0.5},
                 "x": {"a1": 0.45, "b1": 0.35},  # joins a's story; a bridge (x, b1) to b's
                 "y": {"c1": 0.5, "a2": 0.4},  # joins c's; a bridge (y, a2) to a's
                 # (z, a1) crosses (y, a2): a's story merges into c's, the larger
                 "z": {"c2": 0.5, "a1": 0.45},
                 # (u, b2) crosses (x, b1), which a's story brought into c's
                 "u": {"c1": 0.5, "b2": 0.4}}
    idx.assign(_arts("a1", "a2", "b1", "b2", "c1", "c2", "c3", "x", "y"))
    assert len({idx.story_of(i) for i in ("a1", "b1", "c1")}) == 3
    idx.assign(_arts("z"))
    assert idx.story_of("a1") == idx.story_of("c1") == "s-c1" != idx.story_of("b1")
    idx.assign(_arts("u"))
    assert len({idx.story_of(i) for i in ("a1", "b1", "c1", "x", "y", "z", "u")}) == 1


def test_a_very_alike_pair_glues_two_stories_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from thoisu.stories.cluster import settings

    monkeypatch.setitem(settings(), "bridge_min_size", 2)
    monkeypatch.setitem(settings(), "bridge_strong", 0.4)
    idx = _PairIndex()
    idx.pairs = {"a2": {"a1": 0.5}, "b2": {"b1": 0.5}, "c2": {"c1": 0.5},
                 # x: best with a's story, 0.42 with b's (merges), 0.35 with c's (a bridge)
                 "x": {"a1": 0.45, "b1": 0.42, "c1": 0.35}}
    idx.assign(_arts("a1", "a2", "b1", "b2", "c1", "c2", "x"))
    assert idx.story_of("x") == idx.story_of("a1") == idx.story_of("b1") != idx.story_of("c1")
