"""Tests for thoisu.dates (re-exported by thoisu.annotate.dates).

Run as a script for the figures of the report:
    .venv/bin/python tests/test_dates.py
prints precision/recall on tests/data/dates_gold.json and, if ../shared/mds is present,
the speed of find_timexes in kchar/s over its article texts.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from thoisu.dates import date_key, day_ordinal, find_timexes, first_day, parse_date
from thoisu.models import Timex

GOLD = Path(__file__).parent / "data" / "dates_gold.json"
_spec = importlib.util.spec_from_file_location(
    "dates_eval", Path(__file__).resolve().parents[1] / "eval" / "dates_eval.py")
assert _spec is not None and _spec.loader is not None
dates_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dates_eval)
make_article = dates_eval.make_article
SHARED = dates_eval.SHARED


def timexes(text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.end_value) for t in find_timexes(make_article([text], published))]


# --------------------------------------------------------------------------- expressions


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ông tới Bình Nhưỡng hôm 22/7.", "2017-07-24", [("hôm 22/7", "2017-07-22", None)]),
        ("Ngày 12/9, KCNA đưa tin.", "2023-09-13", [("Ngày 12/9", "2023-09-12", None)]),
        ("Phát ngôn viên ngày 16.1 cho biết.", "2024-01-17", [("ngày 16.1", "2024-01-16", None)]),
        ("Ngày 8-12, hai ông hội đàm.", "2017-12-09", [("Ngày 8-12", "2017-12-08", None)]),
        ("Văn bản ký ngày 12/9/2023.", None, [("ngày 12/9/2023", "2023-09-12", None)]),
        ("Hội nghị diễn ra 12/9/2023 tại Nga.", None, [("12/9/2023", "2023-09-12", None)]),
        ("Ông gặp ông Putin vào tháng 9.2023.", None, [("tháng 9.2023", "2023-09", None)]),
        ("Xung đột nổ ra vào tháng 2.2022.", None, [("tháng 2.2022", "2022-02", None)]),
        ("Dự án khởi công tháng 9/2023.", None, [("tháng 9/2023", "2023-09", None)]),
        ("Dự án khởi công tháng 9 năm 2023.", None, [("tháng 9 năm 2023", "2023-09", None)]),
        ("Chuyến thăm tháng 7.2000 là lần đầu.", None, [("tháng 7.2000", "2000-07", None)]),
        ("Đàm phán đình trệ kể từ năm 2019.", None, [("năm 2019", "2019", None)]),
        ("Ông lên nắm quyền vào cuối năm 1999.", None, [("cuối năm 1999", "1999", None)]),
        ("Ông sinh ngày 12 tháng 9 năm 1960.", None, [("ngày 12 tháng 9 năm 1960", "1960-09-12", None)]),
        ("Hiệp ước ký tháng Tám năm 1945.", None, [("tháng Tám năm 1945", "1945-08", None)]),
        ("Ông thăm Triều Tiên từ ngày 22/7 đến 25/7, KCNA đưa tin.", None,
         [("từ ngày 22/7 đến 25/7", "XXXX-07-22", "XXXX-07-25")]),
        ("Đoàn sẽ làm việc từ 22-25/7.", "2019-07-15", [("từ 22-25/7", "2019-07-22", "2019-07-25")]),
        ("Triển lãm kéo dài từ 28/12 đến 3/1/2018.", None,
         [("từ 28/12 đến 3/1/2018", "2017-12-28", "2018-01-03")]),
        ("Kế hoạch giai đoạn 2016-2020 được duyệt.", None, [("giai đoạn 2016-2020", "2016", "2020")]),
        ("Ngày 5 và 6/11, hai bên đàm phán.", "2015-11-20",
         [("Ngày 5", "2015-11-05", None), ("6/11", "2015-11-06", None)]),
        ("Đặc phái viên phát biểu hôm nay (23/8).", None, [("hôm nay (23/8)", "XXXX-08-23", None)]),
        ("Cuộc hội đàm diễn ra vào thứ Hai (23/5).", "2016-05-23", [("thứ Hai (23/5)", "2016-05-23", None)]),
        ("Hôm qua 31-5, giải đấu khép lại.", "2016-06-01", [("Hôm qua 31-5", "2016-05-31", None)]),
        ("Sự việc xảy ra (22/7) tại Hà Nội.", None, [("22/7", "XXXX-07-22", None)]),
    ],
)
def test_absolute(text: str, published: str | None, expected: list) -> None:
    assert timexes(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Hôm qua, Bộ công bố số liệu.", "2020-05-10", [("Hôm qua", "2020-05-09", None)]),
        ("Hôm nay, Bộ công bố số liệu.", "2020-05-10", [("Hôm nay", "2020-05-10", None)]),
        ("Ngày mai sẽ có kết quả.", "2020-05-31", [("Ngày mai", "2020-06-01", None)]),
        ("Tuần trước, Quốc hội họp.", "2020-05-10", [("Tuần trước", "2020-W18", None)]),
        ("Tuần tới, Quốc hội họp.", "2020-05-10", [("Tuần tới", "2020-W20", None)]),
        # a weekday of a relative week is a day, not "six weeks ago" (2016-05-31 is a Tuesday)
        ("Máy bay gặp sự cố hôm thứ sáu tuần trước.", "2016-05-31",
         [("thứ sáu tuần trước", "2016-05-27", None)]),
        ("Hai bên gặp nhau vào thứ Hai tuần tới.", "2016-05-31", [("thứ Hai tuần tới", "2016-06-06", None)]),
        ("Sáu tuần trước, ông nghỉ việc.", "2016-05-31", [("Sáu tuần trước", "2016-W16", None)]),
        # "cùng năm": the year the text named last, not the publication's; unknown without one
        ("Xe ra mắt tháng 8 năm 1997 và được bán từ tháng 12 cùng năm.", "2016-05-20",
         [("tháng 8 năm 1997", "1997-08", None), ("tháng 12", "1997-12", None)]),
        ("Xe được bán từ tháng 12 cùng năm.", "2016-05-20", [("tháng 12", "XXXX-12", None)]),
        # quarters: TIMEX3 YYYY-Qn; the year unknown when neither written nor implied
        ("Lợi nhuận quý II/2022 tăng 20%.", None, [("quý II/2022", "2022-Q2", None)]),
        ("Quý 4 năm ngoái, doanh thu giảm.", "2016-05-20", [("Quý 4 năm ngoái", "2015-Q4", None)]),
        ("Doanh thu quý 2 tăng.", "2016-05-20", [("quý 2", "XXXX-Q2", None)]),
        ("Năm ngoái, kinh tế tăng 7%.", "2020-05-10", [("Năm ngoái", "2019", None)]),
        ("Năm nay, kinh tế tăng 7%.", "2020-05-10", [("Năm nay", "2020", None)]),
        ("Tháng trước, giá xăng giảm.", "2020-01-10", [("Tháng trước", "2019-12", None)]),
        ("Bình Nhưỡng hồi cuối tháng trước phóng tên lửa.", "2017-12-09",
         [("cuối tháng trước", "2017-11", None)]),
        ("Triều Tiên thử tên lửa hồi đầu tháng.", "2017-07-26", [("đầu tháng", "2017-07", None)]),
        ("Cách đây 4 năm, đội tuyển vô địch.", "2016-05-23", [("Cách đây 4 năm", "2012", None)]),
        ("Ông thăm Nga hồi tháng 7 năm ngoái.", "2024-03-01", [("tháng 7 năm ngoái", "2023-07", None)]),
        ("Cuộc tập trận kéo dài tới ngày 26 tới.", "2021-08-24", [("ngày 26 tới", "2021-08-26", None)]),
        ("Kết quả công bố vào tháng 8 tới.", "2019-07-15", [("tháng 8 tới", "2019-08", None)]),
        ("Kết quả công bố vào tháng 3 tới.", "2019-11-15", [("tháng 3 tới", "2020-03", None)]),
    ],
)
def test_relative(text: str, published: str | None, expected: list) -> None:
    assert timexes(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lãi suất tăng 3.5% trong quý.",
        "Có 1.000 người tham gia.",
        "Có 2.022 người tham gia.",
        "Cuộc họp bắt đầu lúc 10.30 sáng.",
        "Chuyến thăm kéo dài 4 ngày tới Triều Tiên.",
        "Hai đội hòa 1-1, đội khách giữ bóng 1/3 thời gian.",
        "Giá xăng tăng 3 tháng qua và còn biến động trong những tuần tới.",
        "Cuộc gặp sẽ diễn ra những ngày tới.",
        "Bình Nhưỡng thử tên lửa trong những tháng vừa qua.",
        "Khu vực này phát triển từ những năm 1990.",
        "(09.13) Ông Kim duyệt đội danh dự.",
        "Ông hoàn thành trước 3 tháng trước khi hết hạn.",
        "Năm trước đó, ông rời chức vụ.",
        "Doanh thu đạt 20.5 tỷ đồng, lãi 12.5%.",
        "Ông Kim gặp ông Putin sau 4 năm.",
        "Ông ở lại tháng năm dài đằng đẵng.",
        "Lễ hội diễn ra ngày 19/3 âm lịch hằng năm.",
        "Đại lễ diễn ra ngày 15/4 năm Bính Thân.",
        "Chồng cô năm nay 34 tuổi.",
        "Chị năm nay mới hai mươi tuổi.",
        "Kim loại quý 3 loại được tìm thấy.",
        "Quý khách vui lòng chờ.",
        "Vào thứ Năm tới, đội bóng sẽ tập luyện.",
        "Ông gặp vấn đề cổ tay suốt nửa tháng qua.",
    ],
)
def test_not_dates(text: str) -> None:
    assert timexes(text, "2020-05-10") == []


def test_relative_without_anchor_is_left_out() -> None:
    assert timexes("Hôm qua, Bộ Y tế công bố thêm 3 ca nhiễm.") == []
    assert timexes("Tuần trước, Quốc hội họp; năm ngoái kinh tế tăng 7%.") == []


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Vụ việc xảy ra tối 28/12 tại quận 1.", "2020-01-05", "2019-12-28"),  # past: previous year
        ("Hội nghị sẽ được tổ chức vào ngày 20/2.", "2020-01-05", "2020-02-20"),  # future cue
        ("Hiệp định sẽ có hiệu lực vào ngày 19/1.", "2022-12-28", "2023-01-19"),  # next January
        ("Ông nói rằng ngày 20/8 đã ký văn bản.", "2020-07-10", "XXXX-08-20"),  # 6 weeks ahead, no cue: unsure
        ("Ngày 25/7, hai bên ký kết.", "2017-07-24", "2017-07-25"),  # a day ahead: time zones
        ("Ngày 12/9, KCNA đưa tin.", "2017", "XXXX-09-12"),  # year-only anchor, second half of year
        ("Ngày 12/3, KCNA đưa tin.", "2017", "2017-03-12"),  # year-only anchor, first half
        ("Ngày 12/3, KCNA đưa tin.", None, "XXXX-03-12"),
    ],
)
def test_year_window(text: str, published: str | None, value: str) -> None:
    assert [t[1] for t in timexes(text, published)] == [value]


def test_year_from_relative_year_linked_by_name() -> None:
    # "năm ngoái" and "tháng 9.2023" both about the meeting in Viễn Đông: written in 2024
    art = make_article([
        "Người phát ngôn Điện Kremlin ngày 16.1 cho biết hai ngoại trưởng đã báo cáo kết quả. "
        "Hai bên thảo luận các thỏa thuận đạt được tại Viễn Đông (Nga) năm ngoái.",
        "Nga và Triều Tiên xích lại gần nhau từ khi xung đột nổ ra vào tháng 2.2022.",
        "Ông Kim gặp ông Putin tại Viễn Đông vào tháng 9.2023.",
        "Đây sẽ là chuyến thăm đầu tiên của ông Putin kể từ tháng 7.2000, sau khi ông nắm quyền cuối năm 1999.",
        "Khi gặp ông Kim tại Viễn Đông năm ngoái, ông Putin nhận lời mời; hai ngoại trưởng bàn kế hoạch hôm 16.1.",
    ])
    got = {(t.text, t.value) for t in find_timexes(art)}
    assert ("ngày 16.1", "2024-01-16") in got
    assert ("hôm 16.1", "2024-01-16") in got
    assert ("năm ngoái", "2023") in got
    assert ("tháng 9.2023", "2023-09") in got
    assert ("cuối năm 1999", "1999") in got


def test_no_year_from_unlinked_relative_year() -> None:
    art = make_article(["Năm ngoái, kinh tế tăng trưởng 6%. Năm 2019, con số này là 7%. Ngày 16.1, Bộ công bố."])
    got = [(t.text, t.value) for t in find_timexes(art)]
    assert got == [("Năm 2019", "2019"), ("Ngày 16.1", "XXXX-01-16")]


def test_conflicting_links_fix_nothing() -> None:
    art = make_article([
        "Ông Kim tới Viễn Đông năm ngoái.",
        "Ông Kim tới Viễn Đông lần đầu năm 2022.",
        "Ông Kim tới Viễn Đông lần hai năm 2023.",
        "Ngày 16.1, ông trở lại.",
    ])
    got = {t.text: t.value for t in find_timexes(art)}
    assert "năm ngoái" not in got
    assert got["Ngày 16.1"] == "XXXX-01-16"


def test_anchor_day_from_bracketed_today() -> None:
    art = make_article(["Đặc phái viên phát biểu hôm nay (23/8). Triều Tiên hồi đầu tháng kêu gọi dỡ bỏ trừng phạt."])
    got = [(t.text, t.value) for t in find_timexes(art)]
    assert got == [("hôm nay (23/8)", "XXXX-08-23"), ("đầu tháng", "XXXX-08")]


def test_timex_fields_point_into_sentence() -> None:
    art = make_article(["Mở đầu bài. Ông Burmistrov đến Bình Nhưỡng hôm 22/7, trước chuyến thăm."], "2017-07-24")
    (t,) = find_timexes(art)
    assert isinstance(t, Timex)
    assert t.sentence == 1 and t.line == 10
    assert art.sentences[t.sentence].text[t.start:t.end] == "hôm 22/7"


def test_date_key_orders_known_years_first() -> None:
    values = ["XXXX-07-04", "2018", "2017-W30", "2017-07-22", "2017-07", "XXXX-01-02"]
    assert sorted(values, key=date_key) == ["2017-07", "2017-07-22", "2017-W30", "2018", "XXXX-01-02", "XXXX-07-04"]


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2016-05-20", "2016-05-20"),
        ("Thứ 6, 11:03, 20/05/2016", "2016-05-20"),
        ("20/05/2016 11:03", "2016-05-20"),
        ("2017-07-24T10:00:00+07:00", "2017-07-24"),
        ("11:03 ngày 20 tháng 05 năm 2016", "2016-05-20"),
        ("Thứ ba, 24/05/2016 - 10:00", "2016-05-24"),
        ("20.05.2016 | 11:03 PM", "2016-05-20"),
        ("20/05/16 11:03", "2016-05-20"),
        ("05/20/2016", "2016-05-20"),
        ("May 20, 2016", "2016-05-20"),
        ("Thứ bảy, 21 Tháng năm 2016, 03:05 GMT+7", "2016-05-21"),
        ("Thứ tư, 01 Tháng Mười Một 2016", "2016-11-01"),
        ("2017", "2017"),
    ],
)
def test_parse_date(text: str, value: str) -> None:
    tv = parse_date(text)
    assert tv is not None and tv.value == value and tv.text == text


@pytest.mark.parametrize("text", ["", "11:03", "Thứ ba, 31/02/2016 - 10:00", "không rõ", "31 Tháng Hai 2016"])
def test_parse_date_none(text: str) -> None:
    assert parse_date(text) is None


# --------------------------------------------------------------------------- gold set


def evaluate(path: Path = GOLD) -> dict[str, float]:
    """Span and value precision/recall on the hand-labelled set.

    A found timex matches a gold one when one text contains the other (span edges are
    not scored); it counts for "value" only if value and end_value are equal too.
    """
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    pairs = []
    for item in items:
        art = make_article(item["paragraphs"], item["published"])
        pairs.append((find_timexes(art), item["timexes"], ""))
    return {"items": len(items), **dates_eval.score(pairs)}


def test_mds_sample() -> None:
    scores = dates_eval.evaluate_mds(dates_eval.SPLITS["dev"])
    if scores is None:
        pytest.skip("../shared/mds absent")
    assert scores["span_p"] >= 0.85 and scores["span_r"] >= 0.8
    assert scores["value_p"] >= 0.75 and scores["value_r"] >= 0.7


def test_gold_set() -> None:
    scores = evaluate()
    assert scores["span_p"] >= 0.9 and scores["span_r"] >= 0.9
    assert scores["value_p"] >= 0.85 and scores["value_r"] >= 0.85


def _speed() -> str:
    import time

    path = SHARED / "mds" / "vims-dev.jsonl"
    if not path.exists():
        return "speed: ../shared/mds absent"
    arts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                pub = parse_date(doc.get("published") or "")
                arts.append(make_article(doc["text"].split("\n"), pub.value if pub else None))
    chars = sum(len(s.text) for a in arts for s in a.sentences)
    t0 = time.perf_counter()
    n = sum(len(find_timexes(a)) for a in arts)
    dt = time.perf_counter() - t0
    return f"speed: {len(arts)} articles, {chars / 1000:.0f} kchar, {n} timexes, {chars / 1000 / dt:.0f} kchar/s"


if __name__ == "__main__":
    for name, s in (("dates_gold.json", evaluate()), ("dates_mds_gold.json", dates_eval.evaluate_mds(dates_eval.SPLITS["dev"]))):
        if s is None:
            print(f"{name}: ../shared/mds absent")
            continue
        print(f"{name}: {s['items']} items, {s['gold']} gold timexes, {s['found']} found; "
              f"span P={s['span_p']:.3f} R={s['span_r']:.3f}; value P={s['value_p']:.3f} R={s['value_r']:.3f}")
    print(_speed())


def test_day_ordinal_and_first_day() -> None:
    assert day_ordinal("2017-07-23") - day_ordinal("2017-07-22") == 1
    for v in (None, "", "2017-07", "XXXX-07-22", "2017-02-30", "2017-W29"):
        assert day_ordinal(v) is None
    assert str(first_day("2017-07")) == "2017-07-01"
    assert str(first_day("2017-W29")) == "2017-07-17"
    assert str(first_day("2017-Q3")) == "2017-07-01"
    assert sorted(["2017-07", "2017-Q2", "2017-03-01", "2017"], key=date_key) == [
        "2017", "2017-03-01", "2017-Q2", "2017-07"]
    assert first_day("XXXX-07-22") is None
    assert str(first_day("2017-07-22T10:00")) == "2017-07-22"


def test_date_key_none_last_and_old_import_path() -> None:
    assert date_key("XXXX-07-04") < date_key(None) and date_key("") == date_key(None)
    from thoisu.annotate import dates as old

    assert old.find_timexes is find_timexes and old.parse_date is parse_date
