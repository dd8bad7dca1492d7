"""The cleaner's dates come from the one written-date parser (thoisu.annotate.dates)."""

from __future__ import annotations

import pytest

from thoisu.annotate.dates import parse_date, parse_date_line
from thoisu.clean.dateline import date_in_dateline, parse_meta_date


@pytest.mark.parametrize(
    ("line", "value", "text"),
    [
        ("Thứ Hai, 04/03/2024 - 10:20", "2024-03-04", "04/03/2024"),
        ("13:37 21/05.2016", "2016-05-21", "21/05.2016"),  # mixed separators
        ("19/05/16 15:47", "2016-05-19", "19/05/16"),  # two-digit year
        ("Cập nhật: 5/20/2016 11:40:52 PM", "2016-05-20", "5/20/2016"),  # month first
        ("Thứ sáu, 20 Tháng 5 2016 12:02:40", "2016-05-20", "20 Tháng 5 2016"),
        ("May 19, 2016", "2016-05-19", "May 19, 2016"),
    ],
)
def test_date_line_keeps_the_date_as_written(line: str, value: str, text: str) -> None:
    tv = parse_date_line(line)
    assert tv is not None and (tv.value, tv.text) == (value, text)


@pytest.mark.parametrize("line", ["Thứ ba, 31/02/2016 - 10:00", "11:03", "Tin mới nhất", "1/5-16"])
def test_no_date_line(line: str) -> None:
    assert parse_date_line(line) is None


def test_meta_date_is_the_whole_value() -> None:
    assert parse_meta_date("  19/05/16 15:47 ") == parse_date("19/05/16 15:47")
    assert parse_meta_date("19/05/16 15:47").text == "19/05/16 15:47"
    assert parse_meta_date("2016-05").value == "2016-05"
    assert parse_meta_date(2016).value == "2016"
    assert parse_meta_date("") is None and parse_meta_date(None) is None


def test_dateline_without_year() -> None:
    assert date_in_dateline("Hà Nội, 8/12").value == "XXXX-12-08"
    assert date_in_dateline("Hà Nội, 8/12/2016").value == "2016-12-08"
    assert date_in_dateline("Hà Nội, 40/12") is None
