"""Publication dates: parse a date line, a metadata value or a dateline prefix into a TimeValue.

Full dates are read by thoisu.annotate.dates (one parser of written dates for the whole
project); what is the cleaner's own is the year-less dateline ("Hà Nội, 8/12 (TTXVN)")."""

from __future__ import annotations

import re

from thoisu.dates import parse_date as _parse_meta
from thoisu.dates import parse_date_line as parse_date
from thoisu.models import TimeValue

__all__ = ["date_in_dateline", "parse_date", "parse_meta_date"]

_DM = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})\b(?![/.\d])")


def parse_meta_date(value: object) -> TimeValue | None:
    """page.meta["published"]: ISO strings, "Thứ 6, 11:03, 20/05/2016", a year or year-month."""
    return None if value is None else _parse_meta(str(value).strip())


def date_in_dateline(prefix: str) -> TimeValue | None:
    """"Hà Nội, 8/12 (TTXVN)": the day and month of the dateline, year unknown unless written."""
    tv = parse_date(prefix)
    if tv is not None:
        return tv
    m = _DM.search(prefix)
    if m and 1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12:
        return TimeValue(value=f"XXXX-{int(m.group('m')):02d}-{int(m.group('d')):02d}", text=m.group(0))
    return None
