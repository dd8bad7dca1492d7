"""Publication dates: parse a date line, a metadata value or a dateline prefix into a TimeValue."""

from __future__ import annotations

import re

from thoisu.models import TimeValue

_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(r"\b(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})\b")
_WORDS = re.compile(
    r"(?i)(?:\bngày\s+|(?<![\d/.-]))(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>(?:19|20)\d{2}))?"
)
_DM = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})\b(?![/.\d])")


def _valid(d: int, m: int) -> bool:
    return 1 <= d <= 31 and 1 <= m <= 12


def _tv(y: str | None, m: int, d: int, text: str) -> TimeValue:
    year = y if y else "XXXX"
    return TimeValue(value=f"{year}-{m:02d}-{d:02d}", text=text)


def parse_date(text: str) -> TimeValue | None:
    """A full date (day, month, year) written on a date line or in metadata."""
    for rx in (_ISO, _DMY, _WORDS):
        m = rx.search(text)
        if m and m.group("y") is not None and _valid(int(m.group("d")), int(m.group("m"))):
            return _tv(m.group("y"), int(m.group("m")), int(m.group("d")), m.group(0))
    return None


def parse_meta_date(value: object) -> TimeValue | None:
    """page.meta["published"]: ISO strings, "Thứ 6, 11:03, 20/05/2016", or a year-less day."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    tv = parse_date(text)
    if tv is not None:
        tv.text = text
        return tv
    m = re.match(r"^((?:19|20)\d{2})(?:-(\d{2}))?$", text)
    if m:
        return TimeValue(value=m.group(0), text=text)
    return None


def date_in_dateline(prefix: str) -> TimeValue | None:
    """"Hà Nội, 8/12 (TTXVN)": the day and month of the dateline, year unknown unless written."""
    tv = parse_date(prefix)
    if tv is not None:
        return tv
    m = _DM.search(prefix)
    if m and _valid(int(m.group("d")), int(m.group("m"))):
        return _tv(None, int(m.group("m")), int(m.group("d")), m.group(0))
    return None
