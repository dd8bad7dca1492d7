"""Duplicate articles."""

from __future__ import annotations

import random

import pytest

from thoisu.models import Article, Paragraph
from thoisu.stories.dedup import DuplicateIndex, mark_duplicates, shingles, signature

BODY = [
    "Đại sứ Oleg Burmistrov, cấp phó đàm phán của Nga về vấn đề hạt nhân, đã tới Bình Nhưỡng "
    "để thảo luận các vấn đề liên quan tới tình hình trên bán đảo Triều Tiên.",
    "Theo hãng thông tấn quốc gia Triều Tiên (KCNA), ông Burmistrov đã gặp Thứ trưởng Ngoại giao "
    "Triều Tiên Sin Hong-chol và trò chuyện với một lãnh đạo phụ trách các vấn đề Bắc Mỹ.",
    "Ông Burmistrov đến thủ đô Bình Nhưỡng hôm 22/7, trước khi bắt đầu chuyến thăm kéo dài 4 ngày "
    "tới Triều Tiên. Đại sứ Burmistrov là phó trưởng đoàn đàm phán của Nga trong cuộc đàm phán 6 bên.",
    "Chuyến thăm diễn ra trong bối cảnh Bình Nhưỡng liên tiếp tiến hành các vụ thử tên lửa đạn đạo "
    "trong những tháng vừa qua, bất chấp sự phản đối của cộng đồng quốc tế.",
]
OTHER = [
    "Manchester United đã giành Cúp FA sau khi ngược dòng đánh bại Crystal Palace với tỉ số 2-1 "
    "trong trận chung kết trên sân Wembley tối thứ Bảy.",
    "Jesse Lingard ghi bàn thắng quyết định trong hiệp phụ, mang về danh hiệu đầu tiên cho đội "
    "bóng kể từ khi huấn luyện viên Alex Ferguson nghỉ hưu.",
]


def art(aid: str, paras: list[str], title: str = "Đại sứ Nga tới Triều Tiên") -> Article:
    return Article(
        id=aid, page=f"{aid}.txt", title=title,
        paragraphs=[Paragraph(text=p, line=2 * i + 1) for i, p in enumerate(paras)],
    )


def test_exact_copy_points_to_first_seen() -> None:
    a, b = art("a-0", BODY), art("b-0", list(BODY))
    assert mark_duplicates([a, b]) == 1
    assert a.duplicate_of is None
    assert b.duplicate_of == "a-0"


def test_reprint_with_small_edits_is_a_duplicate() -> None:
    edited = [p.replace("Bình Nhưỡng", "Pyongyang") for p in BODY[:3]] + [BODY[3] + " Theo UPI."]
    a, b = art("a-0", BODY), art("b-0", edited, title="Đặc phái viên Nga tới Triều Tiên")
    mark_duplicates([a, b])
    assert b.duplicate_of == "a-0"


def test_copy_of_copy_points_to_root() -> None:
    a, b, c = art("a-0", BODY), art("b-0", list(BODY)), art("c-0", BODY + ["Thành Đạt"])
    mark_duplicates([a, b, c])
    assert b.duplicate_of == "a-0" and c.duplicate_of == "a-0"


def test_different_article_not_flagged() -> None:
    a = art("a-0", BODY)
    b = art("b-0", OTHER, title="Man United vô địch FA Cup")
    # same event, written independently: shares names, not sentences
    c = art("c-0", [
        "Nga cử đại sứ lưu động Oleg Burmistrov sang Bình Nhưỡng trong bốn ngày, gặp Thứ trưởng "
        "Sin Hong-chol giữa lúc căng thẳng hạt nhân trên bán đảo gia tăng.",
    ])
    assert mark_duplicates([a, b, c]) == 0
    assert b.duplicate_of is None and c.duplicate_of is None


def test_index_round_trip_finds_copies_across_runs() -> None:
    idx = DuplicateIndex()
    mark_duplicates([art("a-0", BODY), art("b-0", OTHER, title="Cúp FA")], idx)
    idx2 = DuplicateIndex.from_json(idx.to_json())
    assert len(idx2) == 2
    later = art("c-0", list(BODY))
    mark_duplicates([later], idx2)
    assert later.duplicate_of == "a-0"


def test_candidate_checks_stay_few() -> None:
    # many unrelated articles: LSH proposes (almost) no candidate pairs to verify
    rng = random.Random(5)
    vocab = sorted({w for p in BODY + OTHER for w in p.split()})
    arts = [
        art(f"x-{i}", [" ".join(rng.choice(vocab) for _ in range(60))], title=f"Tin {i}")
        for i in range(300)
    ]
    idx = DuplicateIndex()
    assert mark_duplicates(arts, idx) == 0
    assert idx.comparisons < 30



def test_signatures_match_those_stored_by_earlier_versions() -> None:
    # stores made before thoisu.stories.minhash hold datasketch "affine32" signatures:
    # a reprint digested after the upgrade must still find its original
    datasketch = pytest.importorskip("datasketch")
    import zlib

    import numpy as np

    from thoisu.stories.minhash import hashvalues

    perms = datasketch.MinHash(num_perm=128, scheme="affine32").permutations
    for n in (0, 1, 7, 300):
        items = [f"shingle {i} {i * 7919}".encode() for i in range(n)]
        ref = datasketch.MinHash(num_perm=128, scheme="affine32", permutations=perms, hashfunc=zlib.crc32)
        ref.update_batch(items)
        assert np.array_equal(ref.hashvalues.astype(np.uint64), hashvalues(items, 128).astype(np.uint64))


def test_signature_is_pinned() -> None:
    # the 8-bit signature of one fixed text, as stored by every version so far
    sig = signature(shingles("Bộ Ngoại giao Nga cho biết hôm 22/7 rằng đoàn đại biểu sẽ thăm Bình Nhưỡng"))
    assert list(sig[:16]) == [175, 87, 17, 149, 143, 38, 66, 162, 108, 32, 250, 232, 26, 66, 13, 119]
