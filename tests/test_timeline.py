"""Tests for thoisu.stories.timeline."""

from __future__ import annotations

from thoisu.annotate.dates import find_timexes
from thoisu.annotate.sentences import split_text
from thoisu.models import (
    Article,
    EntityMention,
    Event,
    Paragraph,
    Sentence,
    TimelineEntry,
    TimeValue,
)
from thoisu.stories.timeline import build_timeline, main_timex


def make_article(aid: str, paragraphs: list[str], published: str | None = None) -> Article:
    art = Article(id=aid, page=f"{aid}.txt", published=TimeValue(published, published) if published else None)
    art.paragraphs = [Paragraph(text=t, line=2 * i + 1) for i, t in enumerate(paragraphs)]
    art.sentences = [
        Sentence(text=s, line=p.line, para=i, start=start)
        for i, p in enumerate(art.paragraphs)
        for start, s in split_text(p.text)
    ]
    art.timexes = find_timexes(art)
    return art


def rows(entries: list[TimelineEntry]) -> list[tuple[str, str, int]]:
    return [(e.date.value, e.article, e.line) for e in entries]


# Seed 000 in spirit: an undated reprint, and an article dated by its page
LAUNCH = make_article("launch", [
    "Ngày 4/7, Triều Tiên thông báo phóng thành công tên lửa đạn đạo liên lục địa Hwasong-14.",
], "2017-07-05")
VISIT = make_article("visit", [
    "Ông Burmistrov đến thủ đô Bình Nhưỡng hôm 22/7, trước chuyến thăm kéo dài 4 ngày.",
    "Ngày 4/7, Triều Tiên thông báo phóng thành công tên lửa đạn đạo liên lục địa đầu tiên.",
    "Năm ngoái, nước này thử hạt nhân hai lần.",
])


def test_entries_ordered_unknown_years_last() -> None:
    a = make_article("a", ["Ngày 8/12, hai ngoại trưởng hội đàm tại Vienna. Trước đó hôm 5/12, Thứ trưởng phát biểu."],
                      "2017-12-09")
    b = make_article("b", ["Ngày 3/3, Quốc hội họp phiên bất thường."])
    c = make_article("c", ["Vào tháng 9.2023, ông Kim gặp ông Putin."])
    got = rows(build_timeline([b, a, c]))
    assert got == [("2017-12-05", "a", 1), ("2017-12-08", "a", 1), ("2023-09", "c", 1), ("XXXX-03-03", "b", 1)]


def test_entry_fields_point_to_source() -> None:
    (e,) = build_timeline([make_article("a", ["Mở đầu.", "Ngày 8/12, hai ông hội đàm tại Vienna."], "2017-12-09")])
    assert e.date == TimeValue(value="2017-12-08", text="Ngày 8/12")
    assert e.text == "Ngày 8/12, hai ông hội đàm tại Vienna."
    assert (e.article, e.line, e.event) == ("a", 3, None)


def test_year_from_same_event_in_another_article() -> None:
    got = {(e.date.value, e.article, e.date.text) for e in build_timeline([LAUNCH, VISIT])}
    # the undated article's launch is the dated one: one entry, 2017
    assert ("2017-07-04", "launch", "Ngày 4/7") in got
    assert not any(v.endswith("-07-04") and a == "visit" for v, a, _ in got)
    # its other day three weeks later takes the same year
    assert ("2017-07-22", "visit", "hôm 22/7") in got
    # and once the thread dates the article, its relative year is resolved
    assert ("2016", "visit", "Năm ngoái") in got


def test_unrelated_same_day_keeps_unknown_year() -> None:
    other = make_article("shop", ["Ngày 4/7, công ty ABC khai trương cửa hàng mới ở quận 3."])
    got = rows(build_timeline([LAUNCH, other]))
    assert ("XXXX-07-04", "shop", 1) in got


def test_conflicting_years_keep_unknown() -> None:
    a = make_article("a", ["Ngày 4/7, Triều Tiên phóng thành công tên lửa đạn đạo liên lục địa."], "2017-07-05")
    b = make_article("b", ["Ngày 4/7, Triều Tiên phóng thành công tên lửa đạn đạo liên lục địa."], "2019-07-05")
    c = make_article("c", ["Ngày 4/7, Triều Tiên phóng thành công tên lửa đạn đạo liên lục địa."])
    got = rows(build_timeline([a, b, c]))
    assert ("XXXX-07-04", "c", 1) in got


def test_reprints_and_repeated_captions_give_one_entry() -> None:
    text = "Ngày 12/9, KCNA cho biết ông Kim Jong Un đã đến nhà ga Khasan."
    a = make_article("a", [text, text], "2023-09-13")
    b = make_article("b", [text], "2023-09-13")
    assert rows(build_timeline([a, b])) == [("2023-09-12", "a", 1)]


def test_background_dates_are_skipped_since_dates_kept_when_alone() -> None:
    art = make_article("a", [
        "Đàm phán hạt nhân đã đình trệ kể từ năm 2019.",
        "Ông nhấn mạnh tính chất của thỏa thuận Minsk năm 2015.",
        "Đây là chuyến thăm đầu tiên kể từ chuyến thăm tháng 7.2000.",
        "Năm 2018, hai nhà lãnh đạo gặp nhau tại Singapore.",
        "Ngày 3/5/2018, hai bên nối lại đàm phán bị đình trệ kể từ năm 2016.",
    ])
    # a year naming a thing (Minsk 2015) is never a date of the sentence; a "since" date
    # dates it only when it is the sentence's only date
    assert rows(build_timeline([art])) == [
        ("2000-07", "a", 5), ("2018", "a", 7), ("2018-05-03", "a", 9), ("2019", "a", 1),
    ]


def test_one_entry_per_sentence_the_finest_date() -> None:
    art = make_article("a", [
        "Khi gặp ông Kim tại Viễn Đông năm ngoái, ông Putin nhận lời mời và hai bên bàn kế hoạch hôm 16.1.",
    ], "2024-01-17")
    (e,) = build_timeline([art])
    assert (e.date.value, e.date.text) == ("2024-01-16", "hôm 16.1")
    t = main_timex(art.timexes, art.sentences[0].text)
    assert t is not None and t.text == "hôm 16.1"


def test_events_give_entries_with_ids() -> None:
    art = make_article("a", ["Ngày 8/12, Ngoại trưởng Nga hội đàm với người đồng cấp Mỹ tại Vienna."], "2017-12-09")
    ev = Event(id="a-e0", type="CONSULT", mode="meet", actors=["GPE:RUS"], recipients=["GPE:USA"],
               location=None, date=TimeValue("2017-12-08", "Ngày 8/12"), negated=False,
               hypothetical=False, future=False, article="a", line=1, text=art.sentences[0].text)
    undated = Event(id="a-e1", type="CONSULT", mode=None, actors=[], recipients=[], location=None,
                    date=None, negated=False, hypothetical=False, future=False, article="a", line=1,
                    text=art.sentences[0].text)
    (e,) = build_timeline([art], [ev, undated])
    assert (e.event, e.date.value, e.line) == ("a-e0", "2017-12-08", 1)
    art.events = [ev]
    assert build_timeline([art])[0].event == "a-e0"  # events default to the articles' own


def test_one_entry_for_an_event_reported_twice() -> None:
    # one visit, reported at line 1 (undated) and line 3 ("hôm 22/7"): the event, dated by
    # its second report, is the one entry; its reports are not entries of their own
    art = make_article("v", [
        "Đại sứ Oleg Burmistrov đã tới Bình Nhưỡng để thảo luận về tình hình bán đảo.",
        "Ông Burmistrov đến thủ đô Bình Nhưỡng hôm 22/7, trước chuyến thăm kéo dài 4 ngày.",
    ], "2017-07-24")
    first, second = art.sentences
    ev = Event(id="v-e0", type="CONSULT", mode="visit", actors=["PER:burmistrov"], recipients=["GPE:PRK"],
               location=None, date=TimeValue("2017-07-22", "hôm 22/7"), negated=False,
               hypothetical=False, future=False, article="v", line=first.line, text=first.text,
               mentions=[EntityMention("v", first.line, first.text), EntityMention("v", second.line, second.text)])
    assert rows(build_timeline([art], [ev])) == [("2017-07-22", "v", first.line)]


def test_relative_without_any_anchor_stays_out() -> None:
    art = make_article("a", ["Hôm qua, Bộ Y tế công bố thêm 3 ca nhiễm.", "Triều Tiên hồi đầu tháng kêu gọi dỡ bỏ trừng phạt."])
    assert build_timeline([art]) == []


def test_empty_input() -> None:
    assert build_timeline([]) == []


def test_conditional_sentence_gives_no_entry() -> None:
    art = make_article("a", [
        "Nếu chuyến thăm diễn ra, đây sẽ là lần đầu ông Putin đến Triều Tiên sau khi ông nắm quyền vào cuối năm 1999.",
    ])
    assert build_timeline([art]) == []
