"""Moved to :mod:`thoisu.dates` (the one date module, beside ``text.py``); this
re-export keeps old imports working until their owners switch."""

from thoisu.dates import (  # noqa: F401
    capitalised_names,
    date_key,
    day_ordinal,
    find_timexes,
    first_day,
    parse_date,
    parse_date_line,
)
