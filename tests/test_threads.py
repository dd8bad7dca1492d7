"""Threads join stories on one matter, not stories that merely share a place."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from thoisu.stories.threads import ThreadIndex, gazetteer_places, joins, settings, thread_parts

SHARED = Path(__file__).resolve().parents[2] / "shared"

# synthetic story centroids (term -> weight), as cluster.StoryIndex builds them:
# "n:" names, "k:" entity keys, plain words and syllable bigrams
QUAKE = {
    "n:đài loan": 0.5, "đài loan": 0.35, "n:loan": 0.3, "k:GPE:TWN": 0.1, "n:hoa liên": 0.3,
    "động đất": 0.6, "độ richter": 0.4, "rung chuyển": 0.3, "tâm chấn": 0.3, "của đài": 0.05,
    "cho biết": 0.05,
}
INAUGURATION = {
    "n:đài loan": 0.5, "đài loan": 0.35, "n:loan": 0.3, "k:GPE:TWN": 0.1, "n:thái anh": 0.4,
    "n:anh văn": 0.4, "nhậm chức": 0.6, "tuyên thệ": 0.4, "lãnh đạo": 0.3, "của đài": 0.05,
    "cho biết": 0.05,
}
STORM = {  # a place the gazetteer does not know, typed by the actor annotations' key
    "n:xã đàn": 0.6, "xã đàn": 0.4, "k:LOC:xã đàn": 0.2, "mưa lốc": 0.5, "sập đổ": 0.4,
    "người bị": 0.1, "bị thương": 0.2,
}
BUILDING = {
    "n:xã đàn": 0.6, "xã đàn": 0.4, "k:LOC:xã đàn": 0.2, "khởi công": 0.5, "trung tâm": 0.3,
    "thương mại": 0.4, "người bị": 0.05, "bị thương": 0.1,
}
TALKS_1 = {
    "n:triều tiên": 0.5, "n:nga": 0.4, "n:lavrov": 0.5, "n:sergei lavrov": 0.3, "hạt nhân": 0.5,
    "đàm phán": 0.5, "ngoại trưởng": 0.4, "bình nhưỡng": 0.1,
}
TALKS_2 = {
    "n:triều tiên": 0.5, "n:mỹ": 0.4, "n:lavrov": 0.4, "n:tillerson": 0.5, "hạt nhân": 0.4,
    "đàm phán": 0.5, "ngoại trưởng": 0.5, "đối thoại": 0.3,
}


def test_place_alone_does_not_join() -> None:
    idx = ThreadIndex()
    a = idx.add_story("s-quake", QUAKE)
    b = idx.add_story("s-inauguration", INAUGURATION)
    assert a != b
    # a province or street the gazetteer does not know, typed by a place key
    c = idx.add_story("s-storm", STORM)
    d = idx.add_story("s-building", BUILDING)
    assert c != d


def test_shared_actors_and_matter_join() -> None:
    idx = ThreadIndex()
    a = idx.add_story("s-talks-1", TALKS_1)
    idx.add_story("s-quake", QUAKE)
    b = idx.add_story("s-talks-2", TALKS_2)
    assert a == b
    assert idx.threads()[a] == ["s-talks-1", "s-talks-2"]


def test_parts_keep_place_names_out_of_names_and_words() -> None:
    sn, sp, sw = thread_parts(QUAKE, INAUGURATION)
    assert sn == 0.0  # Taiwan, Hualien, TWN are places
    assert sp == 0.0  # one country shared is no evidence
    assert sw < settings()["thread_word_floor"]  # "đài loan" read as words is the name
    assert not joins(sn, sp, sw, settings())
    sn, sp, sw = thread_parts(TALKS_1, TALKS_2)
    assert sn > 0.3 and sw > 0.3
    assert joins(sn, sp, sw, settings())


def test_places_of_several_countries_count_a_little() -> None:
    places = gazetteer_places()
    assert "n:đài loan" in places and "n:triều tiên" in places and "n:lavrov" not in places
    one = {"n:triều tiên": 1.0, "n:nga": 1.0, "n:mỹ": 1.0}
    _, sp, _ = thread_parts(one, dict(one))
    assert sp > 0.5  # a relation between states is something two stories share
    _, sp, _ = thread_parts({"n:đài loan": 1.0, "n:loan": 0.5}, {"n:đài loan": 1.0})
    assert sp == 0.0


def test_thread_ids_survive_a_round_trip() -> None:
    idx = ThreadIndex()
    idx.add_story("s-talks-1", TALKS_1)
    idx.add_story("s-quake", QUAKE)
    back = ThreadIndex.from_dict(idx.to_dict(), {"s-talks-1": TALKS_1, "s-quake": QUAKE})
    assert back.add_story("s-talks-2", TALKS_2) == "t-s-talks-1"
    assert back.add_story("s-inauguration", INAUGURATION) == "t-s-inauguration"


@pytest.mark.skipif(not (SHARED / "mds" / "vims-dev.jsonl").exists(), reason="mds absent")
def test_vims_place_only_stories_stay_apart() -> None:
    """Real stories sharing only a place (Taiwan: inauguration and earthquake; Yên Bái:
    building project and storm; Bắc Giang: deaths and ivory bribe) land in different
    threads, while the halves of one split event may still join."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from stories import load  # type: ignore[import-not-found]

    from thoisu.stories.cluster import StoryIndex

    arts, gold = load("vims-dev")
    keep = {"vims-003", "vims-191", "vims-025", "vims-047", "vims-006", "vims-095"}
    mixed = [a for a in arts]
    random.Random(5).shuffle(mixed)
    idx = StoryIndex()
    idx.assign(mixed)
    thread_of = {}
    for a in mixed:
        if gold[a.id] in keep:
            thread_of.setdefault(gold[a.id], set()).add(idx.threads.thread_of(a.story_id))
    for x, y in [("vims-003", "vims-191"), ("vims-025", "vims-047"), ("vims-006", "vims-095")]:
        assert not thread_of[x] & thread_of[y], (x, y)


def test_titles_are_no_shared_actor() -> None:
    # "Hoa hậu" (Miss), "Tổng thống" written with capitals look like names; two beauty
    # queens in two countries share a kind of person, not an actor
    a = {"n:hoa hậu": 0.6, "hoa hậu": 0.4, "n:diệu hân": 0.5, "thua kiện": 0.5, "bồi thường": 0.4}
    b = {"n:hoa hậu": 0.6, "hoa hậu": 0.4, "n:merve": 0.5, "án tù": 0.5, "xúc phạm": 0.4}
    sn, _, _ = thread_parts(a, b)
    assert sn == 0.0
    idx = ThreadIndex()
    assert idx.add_story("s-a", a) != idx.add_story("s-b", b)
