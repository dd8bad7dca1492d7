"""Reading order of documents: by publication date, undated ones after in input order.

The summariser keeps its own loose date key (any date string of a page or an mds record,
to the minute); ``thoisu.annotate.dates.date_key`` sorts TIMEX3 values, a different job.
"""

from __future__ import annotations

import re

from thoisu.stories.summarize.documents import SummaryDoc

_DMY = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_YMD = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})")
_HM = re.compile(r"\b(\d{1,2})[:h](\d{2})\b(?:\s*([AaPp])\.?[Mm])?")


def date_key(published: str | None) -> tuple[int, ...] | None:
    """Sortable (year, month, day, minute-of-day) from a loosely formatted date, or None."""
    if not published:
        return None
    m = _YMD.search(published)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DMY.search(published)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    minutes = 0
    rest = published[: m.start()] + " " + published[m.end() :]
    t = _HM.search(rest)
    if t:
        h, mi = int(t.group(1)), int(t.group(2))
        if t.group(3) and t.group(3).lower() == "p" and h < 12:
            h += 12
        if t.group(3) and t.group(3).lower() == "a" and h == 12:
            h = 0
        minutes = h * 60 + mi
    return (y, mo, d, minutes)


def reading_order(docs: list[SummaryDoc]) -> list[int]:
    """Document indices by date (undated ones keep their input place after dated ones)."""
    keys = [date_key(d.published) for d in docs]
    return sorted(range(len(docs)), key=lambda i: (keys[i] is None, keys[i] or (), i))
