"""Date expressions in Vietnamese news text, normalised to TIMEX3-style values.

``find_timexes(article)`` scans every sentence once with regular expressions compiled
at import (word lists in ``data/dates.json``) and returns :class:`Timex` records:

- absolute dates: "ngày 12/9", "hôm 16.1", "sáng 8-12", "12/9/2023", "ngày 12 tháng 9
  năm 2023", "tháng 9.2023", "tháng 9/2023", "tháng 9 năm 2023", "năm 2019",
  "cuối năm 1999", "giai đoạn 2016-2020", "hôm nay (23/8)", "thứ Hai (12/9)";
- ranges and lists: "từ ngày 22/7 đến 25/7", "22-25/7" (``end_value`` set), "ngày 5 và 6/8"
  (two timexes);
- relative ones against the anchor (the publication date): "hôm qua", "tuần trước",
  "năm ngoái", "cuối tháng trước", "hồi đầu tháng", "3 năm trước", "ngày 26 tới".

A dotted or dashed day.month ("16.1", "8-12") counts only after a day cue word (ngày,
hôm, sáng, ...) or inside brackets after a relative day or weekday, so "3.5%", "1.000
người", "lúc 10.30" and scores like "hòa 1-1" are not dates. Durations ("4 ngày", "3
tháng qua", "những ngày tới") are not dates either.

Years come only from evidence, never from nothing (a wrong year is worse than XXXX):

1. an explicit year in the expression (a range shares its end's year: "22-25/7/2017");
2. the anchor: ``article.published``; where that is missing, the article's own text can
   fix it: "hôm nay (23/8)" gives the anchor's month and day, and a relative year
   ("năm ngoái") that names the same event as an explicitly dated one ("tháng 9.2023",
   linked by a capitalised name rare in the article, e.g. "Viễn Đông") gives the
   publication year (2023 + 1 = 2024), provided all such links agree;
3. a day/month without a year takes the anchor's year when that reading is not more than
   a few days after the anchor (or, with a future cue such as "sẽ"/"tới", within half a
   year after it); the previous year when the same-year reading would be at least half a
   year in the future; otherwise the year stays unknown (``XXXX-07-22``). With an anchor
   known to the year only, first-half-year dates take that year unless a future cue is
   present (thresholds in the data file).

Relative expressions that cannot be resolved (no anchor) get **no** Timex: their only
content is the offset, and a value such as "XXXX" would put them in timelines as noise.
``stories.timeline`` re-runs ``find_timexes`` with an anchor it infers from the story.

This is the project's one date module (ground floor, beside ``text.py``): metadata dates
(``parse_date``, ``parse_date_line``), dates in text (``find_timexes``) and what other
stages need to compare values (``date_key`` to sort, ``day_ordinal`` and ``first_day``
to measure distances in days).
Weeks are written the TIMEX3 way ("2017-W29"); ``date_key`` orders all value forms.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from thoisu.models import Article, Sentence, TimeValue, Timex
from thoisu.text import phrase_alternation as _alt

_DATA = json.loads((Path(__file__).with_name("data") / "dates.json").read_text(encoding="utf-8"))
_WINDOW = _DATA["window"]
_YEAR_ONLY = _DATA["year_only"]
_RARITY = _DATA["name_rarity"]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


_F = re.IGNORECASE
_CUE = _alt(_DATA["day_cues"])
_WD = _alt(_DATA["weekdays"])
_MW = _alt(_DATA["month_words"])
_MOD = _alt(_DATA["modifiers"])
_NUMW = _alt(_DATA["number_words"])
_REL_TABLE = {_key(t): (u, n) for t, u, n in _DATA["relative"]}
_REL = _alt([t for t, _, _ in _DATA["relative"]])
_REL_DAY = _alt([t for t, u, _ in _DATA["relative"] if u == "day"])
_MONTH_WORDS = {_key(k): v for k, v in _DATA["month_words"].items()}
_NUMBER_WORDS = {_key(k): v for k, v in _DATA["number_words"].items()}
_WEEKDAYS = {_key(k): v for k, v in _DATA["weekdays"].items()}
# "tuần trước", "tuần tới": the relative weeks a weekday may name a day of
_WEEK_REL = _alt([t for t, u, _ in _DATA["relative"] if u == "week" and t.startswith("tuần")])
_QUANT = {_key(w) for w in _DATA["quantifiers"]}
_BLOCKED_AFTER = re.compile(r"\s+(?:" + _alt(_DATA["blocked_after"]) + r")(?!\w)", _F)
_DECADE_BEFORE = re.compile(r"(?:" + _alt(_DATA["decade_cues"]) + r")\s+$", _F)
_LUNAR_AFTER = re.compile(
    r"\s*(?:\(\s*)?(?:" + _alt(_DATA["lunar_after"]) + r"|năm\s+(?:" + _alt(_DATA["lunar_year_stems"])
    + r")\s+(?:" + _alt(_DATA["lunar_year_branches"]) + r"))(?!\w)", _F)
_SAME_YEAR = re.compile(r"\s*,?\s*(?:" + _alt(_DATA["same_year_after"]) + r")(?!\w)", _F)
_AGE_NUM = "(?:" + _alt([*_DATA["number_words"], *_DATA["age_number_words"]]) + ")"
_AGE = re.compile(
    r"(?:\s+(?:" + _alt(_DATA["age_between"]) + r"))?\s+(?:\d{1,3}|" + _AGE_NUM + r"(?:\s+" + _AGE_NUM
    + r"){0,3})\s+(?:" + _alt(_DATA["age_after"]) + r")(?!\w)", _F)
_FUTURE = re.compile(r"(?<!\w)(?:" + _alt(_DATA["future_cues"]) + r")(?!\w)", _F)
_FUTURE_AFTER = {_key(w) for w in _DATA["future_after"]}
_PAST_AFTER = {_key(w) for w in _DATA["past_after"]}
_PAST_CUES = {_key(w) for w in _DATA["past_day_cues"]}
_SUFFIX = r"(?:\s+(?P<suf>" + _alt(_DATA["future_after"] + _DATA["past_after"]) + r")(?!\w))?"

_D = r"(?P<{0}>0?[1-9]|[12]\d|3[01])"
_M = r"(?P<{0}>0?[1-9]|1[0-2])"
_Y = r"(?P<{0}>(?:1[89]|20)\d\d)(?!\d)"
_NUM_START = r"(?<![\w.,/\-])"  # a number starts here, not inside "1.000" or "2/3/4"
_NUM_END = r"(?![\w%]|[.,/\-]\d)"  # and ends here: not "3.5%", not "12/9/20..."

d, m, y = _D.format("d"), _M.format("m"), _Y.format("y")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("full", re.compile(
        rf"(?:\b(?P<cue>{_CUE})\s+)?{_NUM_START}{d}(?P<s>[/.\-]){m}(?P=s){y}(?![\w%]|[./\-]\d)", _F)),
    ("text", re.compile(
        rf"(?:\b(?P<cue>{_CUE})\s+)?{_NUM_START}{d}\s+tháng\s+(?P<m>0?[1-9]|1[0-2]|{_MW})(?!\w)"
        rf"(?:\s*(?:năm|,)?\s*{y})?", _F)),
    ("range", re.compile(
        rf"(?:\b(?P<tu>từ)\s+)?(?:\b(?P<cue>{_CUE})\s+)?{_NUM_START}{_D.format('d1')}"
        rf"(?:(?P<s1>[/.\-]){_M.format('m1')}(?:(?P=s1){_Y.format('y1')})?)?"
        rf"\s*(?P<conn>-|–|—|đến|tới|cho\s+đến|và)\s*(?:hết\s+)?(?:(?:{_CUE})\s+)?(?P<second>{_D.format('d2')}"
        rf"(?P<s2>[/.\-]){_M.format('m2')}(?:(?P=s2){_Y.format('y2')})?){_NUM_END}", _F)),
    ("dm", re.compile(rf"\b(?P<cue>{_CUE})\s+{d}(?P<s>[/.\-]){m}{_NUM_END}", _F)),
    ("paren", re.compile(
        rf"(?:\b(?P<rel>{_REL_DAY}|{_WD})\s*,?\s*)?\(\s*{d}(?P<s>[/.\-]){m}(?:(?P=s){y})?\s*\)", _F)),
    ("rel_date", re.compile(
        rf"\b(?P<rel>{_REL_DAY})\s*,?\s+{d}(?P<s>[/.\-]){m}(?:(?P=s){y})?{_NUM_END}", _F)),
    ("weekday", re.compile(rf"\b(?P<wd>{_WD})\s*,?\s+{d}(?P<s>[/.\-]){m}(?:(?P=s){y})?{_NUM_END}", _F)),
    ("quarter", re.compile(
        rf"\b(?i:{_alt(_DATA['quarter_words'])})\s+(?P<q>{_alt(_DATA['quarter_numerals'])})(?![\w%])"
        rf"(?:(?:\s*[/.\-]\s*|\s+năm\s+|\s*,\s*){y}(?![\w%]|[./\-]\d)"
        rf"|\s+(?P<rely>năm\s+(?:ngoái|nay|trước|tới|sau))(?!\w))?")),  # numerals in upper case
    ("month_year", re.compile(
        rf"(?:\b(?P<mod>{_MOD})\s+)?\btháng\s+(?P<m>0?[1-9]|1[0-2]|{_MW})"
        rf"(?:\s*[/.\-]\s*|\s+năm\s+|\s*,\s*){y}(?![\w%]|[./\-]\d)", _F)),
    ("month", re.compile(
        rf"(?:\b(?P<mod>{_MOD})\s+)?\btháng\s+(?P<m>0?[1-9]|1[0-2]|{_MW})(?![\w%]|[./,\-]\d)"
        rf"(?:\s+(?P<rely>năm\s+(?:ngoái|nay|trước|tới|sau))(?!\w)|{_SUFFIX})", _F)),
    ("year", re.compile(
        rf"(?:\b(?P<mod>{_MOD})\s+)?\bnăm\s+{y}"
        rf"(?:\s*(?:-|–|đến|tới)\s*(?:năm\s+)?{_Y.format('y2')})?(?![\w%]|[.,/]\d)", _F)),
    ("year_span", re.compile(
        rf"\b(?:{_alt(_DATA['year_span_cues'])})\s+{y}\s*[-–]\s*{_Y.format('y2')}", _F)),
    ("rel", re.compile(rf"(?<!\w)(?P<rel>{_REL})(?!\w)(?:\s*\(\s*{y}\s*\))?", _F)),
    # "thứ Sáu tuần trước": a day of a relative week (not "six weeks ago")
    ("weekday_rel", re.compile(rf"\b(?P<wd>{_WD})\s*,?\s+(?P<rel>{_WEEK_REL})(?!\w)", _F)),
    ("rel_num", re.compile(
        rf"(?:\b(?P<cach>cách\s+đây)\s+)?(?<![\w.,])(?P<n>\d{{1,3}}|{_NUMW})\s+(?P<u>ngày|tuần|tháng|năm)"
        rf"(?:\s+(?P<tr>(?:về\s+)?trước))?(?!\w)", _F)),
    ("day_only", re.compile(rf"\bngày\s+{d}(?!\d){_SUFFIX}", _F)),
]
del d, m, y
_UNITS = {"ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"}
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?]|$)")
# searched in the lower-cased sentence, case-sensitively: the phrases are lower case, and
# a case-insensitive alternation of them took 3x as long on every sentence
_DIGIT_OR_REL = re.compile(r"\d|" + _REL)
_NAME_WORD = re.compile(r"[^\W\d_][\w\-]*")
# what each pattern cannot match without (checked on the lower-cased sentence first: 15
# patterns tried at every position of every sentence were most of the time spent here)
_ANY_DIGIT = re.compile(r"\d")
_REL_ANY = re.compile(_REL)
_UNIT_WORDS = ("ngày", "tuần", "tháng", "năm")
_QUARTER_WORDS = tuple(_DATA["quarter_words"])
_QUARTER_NOT_AFTER = frozenset(_DATA["quarter_not_after"])
_NEEDS: dict[str, tuple[str, ...]] = {
    "full": ("digit",), "text": ("digit", "tháng"), "range": ("digit",), "dm": ("digit",),
    "paren": ("digit", "("), "rel_date": ("digit",), "weekday": ("digit",),
    "month_year": ("digit", "tháng"), "month": ("tháng",), "year": ("digit", "năm"),
    "year_span": ("digit",), "quarter": ("quarter",), "rel": ("rel",), "weekday_rel": ("rel",),
    "rel_num": ("unit",), "day_only": ("digit", "ngày"),
}


@dataclass(slots=True)
class _Cand:
    """One matched expression before its year is resolved."""

    sent: int
    start: int
    end: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    end_ymd: tuple[int | None, int | None, int | None] | None = None
    rel: tuple[str, int] | None = None  # (unit, offset) for relative expressions
    anchor_day: int | None = None  # "ngày 26 tới": day of a month relative to the anchor
    future: bool = False
    past: bool = False
    evidence_year: int | None = None  # "năm ngoái (2023)": anchor year implied
    paren_rel: int | None = None  # "hôm qua (21/7)": day offset of the explicit date
    weekday: int | None = None  # "thứ Sáu tuần trước": ISO weekday within the relative week
    same_year: bool = False  # "tháng 12 cùng năm": the year the text named last
    quarter: int | None = None  # "quý 2/2016"


@dataclass(slots=True)
class _Anchor:
    y: int | None = None
    m: int | None = None
    d: int | None = None

    @property
    def full(self) -> bool:
        return self.y is not None and self.m is not None and self.d is not None


# --------------------------------------------------------------------------- scanning


def _month(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if not text[:1].isupper():  # "tháng năm" (months and years) is not May; "tháng Năm" is
        return None
    return _MONTH_WORDS.get(_key(text))


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or d is None:
        return True
    try:
        date(y or 2000, m, d)  # 2000 is a leap year: 29/2 stays possible when y is unknown
    except ValueError:
        return False
    return True


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[:pos])
    return m.group(1).lower() if m else ""


def _handle(kind: str, mt: re.Match[str], text: str, si: int) -> list[_Cand]:
    """Turn one regex match into candidates (empty when the context rules it out)."""
    g = mt.groupdict()
    s, e = mt.start(), mt.end()

    def num(name: str) -> int | None:
        v = g.get(name)
        return int(v) if v else None

    if kind == "full":
        c = _Cand(si, s, e, num("y"), num("m"), num("d"))
        return [c] if _valid(c.y, c.m, c.d) else []
    if kind == "text":
        mo = _month(g["m"])
        if mo is None or not (g.get("cue") or g.get("y")):
            return []
        c = _Cand(si, s, e, num("y"), mo, num("d"))
        return [c] if _valid(c.y, c.m, c.d) else []
    if kind == "range":
        if not (g.get("tu") or g.get("cue")):
            return []
        d1, d2, m2, y2 = num("d1"), num("d2"), num("m2"), num("y2")
        m1, y1 = num("m1") or m2, num("y1")
        if y1 is None and y2 is not None:
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1  # "28/12 - 3/1/2018": starts in 2017
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            return []
        if g["conn"] == "và":  # a list: two dates
            if (m1, d1) >= (m2, d2) and num("m1") is None:
                return []
            sec = mt.start("second")
            return [_Cand(si, s, mt.end("d1") if not g.get("s1") else mt.end("m1") if not g.get("y1")
                          else mt.end("y1"), y1, m1, d1),
                    _Cand(si, sec, e, y2, m2, d2)]
        if num("m1") is None and d1 >= d2:
            return []
        return [_Cand(si, s, e, y1, m1, d1, end_ymd=(y2, m2, d2))]
    if kind == "dm":
        c = _Cand(si, s, e, None, num("m"), num("d"))
        c.past = _key(g["cue"]) in _PAST_CUES  # "hôm 16.1" reports a past day
        return [c] if _valid(None, c.m, c.d) else []
    if kind == "paren":
        rel = g.get("rel")
        if g["s"] != "/" and not rel:
            return []  # "(3.5)" or "(1-2)": too often a number or a score
        c = _Cand(si, s, e, num("y"), num("m"), num("d"))
        if not _valid(c.y, c.m, c.d):
            return []
        if rel and _key(rel) in _REL_TABLE:
            c.paren_rel = _REL_TABLE[_key(rel)][1]
        if not rel:  # the expression is the bracketed date only
            c.start = s + text[s:e].index("(") + 1
            c.end = e - 1
            while text[c.start] == " ":
                c.start += 1
            while text[c.end - 1] == " ":
                c.end -= 1
        return [c]
    if kind == "rel_date":  # "hôm qua 31-5", "chiều nay 20/5": the date says which day
        c = _Cand(si, s, e, num("y"), num("m"), num("d"))
        if not _valid(c.y, c.m, c.d):
            return []
        c.paren_rel = _REL_TABLE[_key(g["rel"])][1]
        return [c]
    if kind == "weekday":
        if _prev_word(text, s) in {"lần", "hạng", "vị", "thứ"}:
            return []
        c = _Cand(si, s, e, num("y"), num("m"), num("d"))
        return [c] if _valid(c.y, c.m, c.d) else []
    if kind == "quarter":
        if _prev_word(text, s) in _QUARTER_NOT_AFTER:
            return []
        c = _Cand(si, s, e, num("y"), quarter=_DATA["quarter_numerals"][g["q"]])
        if g.get("rely"):
            c.rel = ("year", _REL_TABLE[_key(g["rely"])][1])
        return [c]
    if kind == "month_year":
        mo = _month(g["m"])
        return [] if mo is None else [_Cand(si, s, e, num("y"), mo)]
    if kind == "month":
        mo = _month(g["m"])
        if mo is None or _LUNAR_AFTER.match(text, e):
            return []
        c = _Cand(si, s, e, None, mo)
        suf = _key(g["suf"]) if g.get("suf") else ""
        c.future, c.past = suf in _FUTURE_AFTER, suf in _PAST_AFTER
        if g.get("rely"):
            c.rel = ("year", _REL_TABLE[_key(g["rely"])][1])
        return [c]
    if kind == "year":
        yv = num("y")
        if _DECADE_BEFORE.search(text, 0, s) and yv % 10 == 0:
            return []  # "những năm 1990": a decade
        c = _Cand(si, s, e, yv)
        if g.get("y2") and num("y2") > yv:
            c.end_ymd = (num("y2"), None, None)
        return [c]
    if kind == "year_span":
        if num("y2") <= num("y"):
            return []
        return [_Cand(si, s, e, num("y"), end_ymd=(num("y2"), None, None))]
    if kind == "rel":
        unit, n = _REL_TABLE[_key(g["rel"])]
        if _BLOCKED_AFTER.match(text, mt.end("rel")):
            return []  # "năm trước đó": relative to another event
        prev = _prev_word(text, s)
        if prev == "thứ":
            return []  # "thứ Năm tới" is next Thursday, not next year
        if unit == "year" and n == 0 and _AGE.match(text, e):
            return []
        if unit != "day" and (prev in _QUANT or prev.isdigit()):
            return []  # "3 tháng qua", "những năm tới": a span of time
        if unit == "month" and re.match(r"\s+(?:\d|" + _MW + ")", text[mt.end("rel"):], _F):
            return []
        c = _Cand(si, s, e, rel=(unit, n))
        if g.get("y"):
            c.evidence_year = int(g["y"]) - n if unit == "year" else None
            c.y = int(g["y"]) if unit == "year" else None
        return [c]
    if kind == "weekday_rel":
        _, n = _REL_TABLE[_key(g["rel"])]
        return [_Cand(si, s, e, rel=("week", n), weekday=_WEEKDAYS[_key(g["wd"])])]
    if kind == "rel_num":
        raw = g["n"]
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(_key(raw))
        if not n:
            return []
        # "4 ngày trước khi ..." counts from another event; "3 năm trước," from now
        if not g.get("cach") and (not g.get("tr") or not _CLAUSE_END.match(text, e)):
            return []
        return [_Cand(si, s, e, rel=(_UNITS[g["u"].lower()], -n))]
    if kind == "day_only":
        suf = _key(g["suf"]) if g.get("suf") else ""
        if not suf:
            return []
        c = _Cand(si, s, e, anchor_day=num("d"))
        c.future, c.past = suf in _FUTURE_AFTER, suf in _PAST_AFTER
        return [c]
    return []


def _scan(sentences: list[Sentence]) -> list[_Cand]:
    out: list[_Cand] = []
    for si, sent in enumerate(sentences):
        text = sent.text
        low = text.lower()
        if not _DIGIT_OR_REL.search(low):
            continue
        has = {"digit": _ANY_DIGIT.search(text) is not None, "(": "(" in text,
               "rel": _REL_ANY.search(low) is not None}
        for w in _UNIT_WORDS:
            has[w] = w in low
        has["unit"] = any(has[w] for w in _UNIT_WORDS)
        has["quarter"] = any(w in low for w in _QUARTER_WORDS)
        found: list[_Cand] = []
        for kind, pat in _PATTERNS:
            if not all(has[n] for n in _NEEDS[kind]):
                continue  # a piece the pattern cannot match without is absent
            for mt in pat.finditer(text):
                found.extend(_handle(kind, mt, text, si))
        if not found:
            continue
        # longest leftmost wins; a list ("5 và 6/8") yields two non-overlapping parts
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        future = bool(_FUTURE.search(text))
        last = -1
        for c in found:
            if c.m is not None and c.rel is None and _LUNAR_AFTER.match(text, c.end):
                continue  # "ngày 19/3 âm lịch": the lunar calendar
            if c.start >= last:
                c.future = c.future or (future and not c.past)
                c.same_year = c.y is None and c.rel is None and c.m is not None and bool(
                    _SAME_YEAR.match(text, c.end))
                out.append(c)
                last = c.end
    return out


# --------------------------------------------------------------------------- anchors


def _parse_value(value: str | None) -> _Anchor:
    a = _Anchor()
    if not value:
        return a
    parts = value.split("T")[0].split("-")
    nums = [int(p) if p.isdigit() else None for p in parts[:3]]
    a.y = nums[0] if nums else None
    a.m = nums[1] if len(nums) > 1 else None
    a.d = nums[2] if len(nums) > 2 else None
    return a


def capitalised_names(text: str) -> set[str]:
    """Capitalised word runs ("Viễn Đông", "Kim Jong-un"), sentence-initial word left out;
    a run stops at punctuation ("Viễn Đông (Nga)" gives two names)."""
    names: set[str] = set()
    run: list[str] = []
    prev_end = 0
    for i, mt in enumerate(_NAME_WORD.finditer(text)):
        w = mt.group(0)
        if run and text[prev_end:mt.start()].strip():
            names.add(" ".join(run))
            run = []
        prev_end = mt.end()
        if w[0].isupper() and i > 0:
            run.append(w)
        elif run:
            names.add(" ".join(run))
            run = []
    if run:
        names.add(" ".join(run))
    return names


def _infer_anchor(anchor: _Anchor, cands: list[_Cand], sentences: list[Sentence]) -> _Anchor:
    """Fill missing anchor parts from the article's own text (see module notes)."""
    a = _Anchor(anchor.y, anchor.m, anchor.d)
    if a.m is None or a.d is None:
        days = set()
        for c in cands:
            if c.paren_rel is not None and c.m and c.d:
                base = date(c.y or 2000, c.m, c.d) - timedelta(days=c.paren_rel)
                days.add((c.y and base.year, base.month, base.day))
        if len(days) == 1:
            yy, a.m, a.d = days.pop()
            a.y = a.y if a.y is not None else yy
    if a.y is None:
        votes = {c.evidence_year for c in cands if c.evidence_year}
        rel_years = [c for c in cands if c.rel and c.rel[0] == "year" and c.y is None and c.m is None]
        explicit = [c for c in cands if c.y is not None and c.rel is None]
        if rel_years and explicit:
            names = [capitalised_names(s.text) for s in sentences]
            count: dict[str, int] = {}
            for ns in names:
                for n in ns:
                    count[n] = count.get(n, 0) + 1
            limit = max(_RARITY["min_sentences"], _RARITY["share"] * len(sentences))
            for r in rel_years:
                for c in explicit:
                    if c.sent == r.sent:
                        continue
                    shared = {n for n in names[r.sent] & names[c.sent] if count[n] <= limit}
                    if shared:
                        votes.add(c.y - r.rel[1])
        # the publication year is not before an explicit year written as past
        past_years = [c.y for c in explicit if not c.future]
        floor = max(past_years, default=0)
        votes = {v for v in votes if v >= floor}
        if len(votes) == 1:
            a.y = votes.pop()
    return a


# --------------------------------------------------------------------------- values


def _fmt(y: int | None, m: int | None = None, d: int | None = None) -> str:
    out = f"{y:04d}" if y is not None else "XXXX"
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


def _year_for(m: int, d: int | None, future: bool, past: bool, a: _Anchor) -> int | None:
    """Year of a day/month (or month) written without one, from the anchor; None if unsure."""
    if a.y is None:
        return None
    if a.m is None:  # anchor known to the year only
        if future:
            return a.y if m >= _YEAR_ONLY["future_min_month"] else None
        return a.y if m <= _YEAR_ONLY["past_max_month"] else None
    if d is None:  # month granularity
        diff = m - a.m
        if diff <= 0:
            # "tháng 3 tới" written in September: next year, if that is near enough
            if future and diff < 0:
                return a.y + 1 if 12 + diff <= 6 else a.y
            return a.y
        if future:
            return a.y if diff <= 6 else None
        return a.y - 1 if diff >= 6 or past else None
    ad = date(a.y, a.m, a.d or 15)
    try:
        same = date(a.y, m, d)
    except ValueError:
        return None
    delta = (same - ad).days
    if future and delta < -_WINDOW["slack_days"] and _valid(a.y + 1, m, d):
        # "sẽ có hiệu lực ngày 19/1" written on 28/12: next January, when that is near
        ahead = (date(a.y + 1, m, d) - ad).days
        if ahead <= _WINDOW["next_year_days"]:
            return a.y + 1
        if ahead <= _WINDOW["future_max_days"]:
            return None
    if delta <= _WINDOW["slack_days"]:
        return a.y
    if future and delta <= _WINDOW["future_max_days"]:
        return a.y
    if delta >= _WINDOW["past_min_days"]:
        return a.y - 1
    return None


def _resolve_rel(c: _Cand, a: _Anchor) -> str | None:
    assert c.rel is not None
    unit, n = c.rel
    if unit == "year":
        if c.m is not None:  # "tháng 9 năm ngoái"
            return _fmt(a.y + n, c.m) if a.y is not None else None
        return _fmt(a.y + n) if a.y is not None else None
    if unit == "month":
        if a.m is None:
            return None
        k = a.m - 1 + n
        yy, mm = (a.y + k // 12 if a.y is not None else None), k % 12 + 1
        if a.y is None and not 0 <= k < 12:
            return None
        return _fmt(yy, mm)
    if a.m is None or a.d is None:
        return None
    base = date(a.y or 2000, a.m, a.d)
    if unit == "day":
        t = base + timedelta(days=n)
        if a.y is None and t.year != 2000:
            return None
        return _fmt(t.year if a.y is not None else None, t.month, t.day)
    if unit == "week":
        if a.y is None:
            return None
        iy, iw, _ = (base + timedelta(weeks=n)).isocalendar()
        if c.weekday is not None:
            day = date.fromisocalendar(iy, iw, c.weekday)
            return _fmt(day.year, day.month, day.day)
        return f"{iy:04d}-W{iw:02d}"
    return None


def _resolve(c: _Cand, a: _Anchor) -> tuple[str | None, str | None]:
    """(value, end_value) of a candidate against the anchor."""
    if c.quarter is not None:
        yy = c.y if c.y is not None else a.y + c.rel[1] if c.rel is not None and a.y is not None else None
        return ("XXXX" if yy is None else f"{yy:04d}") + f"-Q{c.quarter}", None
    if c.rel is not None and c.y is None:
        return _resolve_rel(c, a), None
    if c.anchor_day is not None:  # "ngày 26 tới"
        if a.m is None or a.d is None:
            return None, None
        k = a.m - 1 + (1 if c.future and c.anchor_day < a.d else -1 if c.past and c.anchor_day > a.d else 0)
        yy = a.y + k // 12 if a.y is not None else None
        if a.y is None and not 0 <= k < 12:
            return None, None
        mm = k % 12 + 1
        return (_fmt(yy, mm, c.anchor_day) if _valid(yy, mm, c.anchor_day) else None), None
    if c.y is not None:
        value = _fmt(c.y, c.m, c.d)
    else:
        value = _fmt(_year_for(c.m, c.d, c.future, c.past, a), c.m, c.d) if c.m else None
    end_value = None
    if c.end_ymd is not None:
        y2, m2, d2 = c.end_ymd
        if y2 is None and m2 is not None:
            y1 = int(value[:4]) if value and value[:4].isdigit() else None
            y2 = None if y1 is None else (y1 if (m2, d2 or 0) >= (c.m or 0, c.d or 0) else y1 + 1)
        end_value = _fmt(y2, m2, d2)
    return value, end_value


# --------------------------------------------------------------------------- public


def find_timexes(article: Article, *, anchor: TimeValue | None = None) -> list[Timex]:
    """Date expressions of ``article.sentences``, normalised against the publication date.

    ``anchor`` overrides ``article.published`` (the timeline passes an anchor it inferred
    from other articles of a story).
    """
    sentences = article.sentences
    cands = _scan(sentences)
    if not cands:
        return []
    base = anchor if anchor is not None else article.published
    a = _infer_anchor(_parse_value(base.value if base else None), cands, sentences)
    out: list[Timex] = []
    named_year = None  # the last year the text wrote out
    for c in cands:
        if c.same_year:
            value, end_value = _fmt(named_year, c.m, c.d), None
        else:
            value, end_value = _resolve(c, a)
        if c.y is not None and c.rel is None:
            named_year = c.y
        if value is None:
            continue
        sent = sentences[c.sent]
        out.append(Timex(value=value, text=sent.text[c.start:c.end], sentence=c.sent,
                         start=c.start, end=c.end, line=sent.line, end_value=end_value))
    return out


def date_key(value: str | None) -> tuple[int, int, int, int]:
    """Sort key for any value this module writes: known years first, then by date.

    ("2017-07-22" < "2017-W30" < "2018" < "XXXX-07-04"); a coarser value sorts before
    finer ones of the same period; no value (None, "") sorts last.
    """
    if not value:
        return (2, 0, 0, 0)
    parts = value.split("-")
    unknown = 1 if not parts[0].isdigit() else 0
    yy = int(parts[0]) if parts[0].isdigit() else 0
    mm = dd = 0
    if len(parts) > 1:
        if parts[1].startswith("W") and parts[1][1:].isdigit() and yy:
            monday = date.fromisocalendar(yy, int(parts[1][1:]), 1)
            return (unknown, monday.year, monday.month, monday.day)
        mm = int(parts[1]) if parts[1].isdigit() else _quarter_month(parts[1]) or 0
    if len(parts) > 2 and parts[2].isdigit():
        dd = int(parts[2])
    return (unknown, yy, mm, dd)


def _quarter_month(part: str) -> int | None:
    """First month of a quarter part ("Q2" -> 4)."""
    return 3 * int(part[1]) - 2 if len(part) == 2 and part[0] == "Q" and part[1] in "1234" else None


_FULL_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def day_ordinal(value: str | None) -> int | None:
    """Proleptic ordinal of a full date value ("2017-07-22"); None for anything coarser,
    unknown-year values, or no value. Differences of ordinals are distances in days."""
    m = _FULL_DAY.fullmatch(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def first_day(value: str | None) -> date | None:
    """First day of the period a value with a known year names: "2017-07" -> 2017-07-01,
    "2017-W29" -> its Monday, "2017-Q2" -> 2017-04-01, "2017" -> 2017-01-01, "2017-07-22T10:00" -> 2017-07-22;
    None for unknown years. Places values on the report's and web app's time axes."""
    parts = (value or "").split("T")[0].split("-")
    if len(parts[0]) != 4 or not parts[0].isdigit():
        return None
    try:
        if len(parts) > 1 and parts[1].startswith("W") and parts[1][1:].isdigit():
            return date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
        if len(parts) > 1 and _quarter_month(parts[1]):
            return date(int(parts[0]), _quarter_month(parts[1]), 1)
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1,
                    int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1)
    except ValueError:
        return None


# --------------------------------------------------------------------------- metadata

_META_ISO = re.compile(r"(?<!\d)(?P<y>(?:1[89]|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
# the same separator twice ("20/05/16"), or mixed before a four-digit year ("21/05.2016")
_META_DMY = re.compile(
    r"(?<![\d:])(?P<a>\d{1,2})\s*(?P<s>[/.\-])\s*(?P<b>\d{1,2})\s*"
    r"(?:(?P=s)\s*(?P<y>\d{4}|\d{2})|[/.\-]\s*(?P<y4>(?:1[89]|20)\d\d))(?![\d:])")
_META_TEXT = re.compile(
    r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|,)?\s*(?P<y>(?:1[89]|20)\d\d)", _F)
# "Thứ bảy, 21 Tháng năm 2016": the month as a word, as some outlets' date lines write it
_META_TEXT_WORD = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s+tháng\s+(?P<mw>{_MW})\s*,?\s*(?:năm\s+)?(?P<y>(?:1[89]|20)\d\d)(?!\d)", _F)
_EN_MONTH = _alt(_DATA["english_months"])
_META_EN1 = re.compile(rf"\b(?P<mon>{_EN_MONTH})[a-z]*\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", _F)
_META_EN2 = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_EN_MONTH})[a-z]*\.?,?\s+(?P<y>\d{{4}})", _F)
_META_YEAR = re.compile(r"^\s*(?P<y>(?:1[89]|20)\d\d)(?:-(?P<m>0[1-9]|1[0-2]))?\s*$")


def _checked(yy: int, mm: int, dd: int) -> str | None:
    try:
        date(yy, mm, dd)
    except ValueError:
        return None
    return _fmt(yy, mm, dd)


def _written_date(raw: str) -> tuple[str, str] | None:
    """(value, the date as written) of the one date in a space-collapsed string."""
    if mt := _META_ISO.search(raw):
        v = _checked(int(mt["y"]), int(mt["m"]), int(mt["d"]))
        return (v, mt[0]) if v else None
    if mt := _META_DMY.search(raw):
        a, b, yy = int(mt["a"]), int(mt["b"]), int(mt["y"] or mt["y4"])
        if mt["y"] and len(mt["y"]) == 2:
            yy += 2000 if yy < 70 else 1900
        if not 1800 <= yy <= 2099:
            return None
        v = _checked(yy, b, a) or _checked(yy, a, b)
        return (v, mt[0]) if v else None
    if mt := _META_TEXT.search(raw):
        v = _checked(int(mt["y"]), int(mt["m"]), int(mt["d"]))
        return (v, mt[0]) if v else None
    if mt := _META_TEXT_WORD.search(raw):
        v = _checked(int(mt["y"]), _MONTH_WORDS[_key(mt["mw"])], int(mt["d"]))
        return (v, mt[0]) if v else None
    for pat in (_META_EN1, _META_EN2):
        if mt := pat.search(raw):
            mon = _DATA["english_months"].get(mt["mon"].lower()[:4].rstrip(".")) or \
                _DATA["english_months"].get(mt["mon"].lower()[:3])
            if mon:
                v = _checked(int(mt["y"]), mon, int(mt["d"]))
                return (v, mt[0]) if v else None
    if mt := _META_YEAR.match(raw):
        return _fmt(int(mt["y"]), int(mt["m"]) if mt["m"] else None), raw
    return None


def parse_date(text: str) -> TimeValue | None:
    """One date from a metadata string: "2016-05-20", "Thứ 6, 11:03, 20/05/2016",
    "20/05/2016 11:03", "11:03 ngày 20 tháng 05 năm 2016", "2017-07-24T10:00:00+07:00",
    "May 20, 2016", "Thứ bảy, 21 Tháng năm 2016", "2016-05". Day-first as Vietnamese sites write it; month-first only
    when the day-first reading is impossible ("05/20/2016"). Times and zones are dropped;
    ``text`` is the whole value."""
    raw = " ".join(text.split()) if text else ""
    got = _written_date(raw) if raw else None
    return TimeValue(value=got[0], text=raw) if got else None


def parse_date_line(text: str) -> TimeValue | None:
    """The same date read from a line of a page ("Thứ Hai, 04/03/2024 - 10:20");
    ``text`` is the date as written ("04/03/2024"), not the whole line."""
    raw = " ".join(text.split()) if text else ""
    got = _written_date(raw) if raw else None
    return TimeValue(value=got[0], text=got[1]) if got else None
