"""Timelines of a story or thread: dated events and dated sentences, ordered by date.

``build_timeline(articles, events)`` gathers

- every event with a date (its sentence, article, line and id), standing for all its
  reports, and
- every other sentence whose main date expression reports something: the finest-grained
  timex of the sentence that is not background ("kể từ năm 2019", a year naming a thing
  as in "thỏa thuận Minsk năm 2015"); at most one entry per sentence;

then fills unknown years from evidence across the articles, drops near-identical entries
(reprints, repeated captions) and orders them by date, entries whose year stays unknown
("XXXX-07-04") last.

Years across articles: an undated entry takes the year of a dated entry with the same
month-day (or month) that shares names or mention keys with it and overlaps in words:
the same event, dated elsewhere. The article's other undated days near a date fixed
this way take the year that puts them nearest to it. An article without a publication
year whose latest fixed date is not in the last months of a year is taken as published
that year, and its relative years ("năm ngoái") are then resolved against it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from thoisu.annotate.dates import capitalised_names, date_key, find_timexes
from thoisu.models import Article, Event, TimelineEntry, TimeValue, Timex
from thoisu.text import phrase_alternation

_CFG = json.loads(
    (Path(__file__).resolve().parents[1] / "annotate" / "data" / "dates_timeline.json").read_text(
        encoding="utf-8"
    )
)


def _tail(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?:^|\W)(?:" + phrase_alternation(words) + r")\W*$", re.IGNORECASE)


_BACKGROUND = _tail(_CFG["background_before"])
# "kể từ chuyến thăm tháng 7.2000": "since" anywhere earlier in the same clause
_SINCE = re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, _CFG["background_clause"])) + r")\s[^,;:]*$",
                    re.IGNORECASE)
_YEAR_PREP = _tail(_CFG["year_preps"])
_CONDITIONAL = re.compile(r"\W*(?:" + "|".join(map(re.escape, _CFG["conditional_start"])) + r")\b",
                          re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class _Entry:
    value: str
    date_text: str
    text: str
    article: str
    line: int
    event: str | None
    order: int  # article position, for stable ordering
    names: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    fixed_by_match: bool = False


def _granularity(value: str) -> int:
    """3 for a day, 2 for a week or month, 1 for a year."""
    parts = value.split("-")
    return 3 if len(parts) >= 3 else 2 if len(parts) == 2 else 1


def _is_background(t: Timex, sentence: str) -> bool:
    before = sentence[: t.start]
    if (_BACKGROUND.search(before) or _SINCE.search(before)) and not t.text.lower().startswith("từ"):
        return True
    if _granularity(t.value) == 1 and t.end_value is None:
        # a bare year dates the sentence only as an adverbial: "Năm 2019, ...", "vào năm 2019"
        lead = before.strip(" ,;:-–\"“(")
        return bool(lead) and not _YEAR_PREP.search(before)
    return False


def main_timex(timexes: list[Timex], sentence: str) -> Timex | None:
    """The date a sentence reports: the finest non-background timex, the first on ties.

    A sentence whose only date is a "since" date ("đình trệ kể từ năm 2019 sau cuộc gặp
    ...") is dated by it: the text itself fixes when that state began, and a timeline
    that dropped explicit years would hide what the thread says."""
    best: Timex | None = None
    since: Timex | None = None
    for t in timexes:
        if _is_background(t, sentence):
            if _SINCE.search(sentence[: t.start]) and (
                since is None or _granularity(t.value) > _granularity(since.value)
            ):
                since = t
            continue
        if best is None or _granularity(t.value) > _granularity(best.value):
            best = t
    return best or since


def _words(article: Article, index: int | None, text: str) -> set[str]:
    if index is not None and article.sentences[index].tokens:
        toks = article.sentences[index].tokens
        return {w.lower() for w in toks if any(c.isalpha() for c in w)}
    return {w.lower() for w in _WORD.findall(text)}


def _salient(article: Article, index: int | None, text: str) -> set[str]:
    names: set[str] = set()
    for n in capitalised_names(text):
        names.add(n.lower())
        names.update(w.lower() for w in n.split())  # "Oleg Burmistrov" also matches "Burmistrov"
    if index is not None:
        names |= {m.key for m in article.mentions if m.sentence == index}
    return names


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _sentence_of(article: Article, line: int, text: str) -> int | None:
    for i, s in enumerate(article.sentences):
        if s.line == line and (s.text == text or text in s.text or s.text in text):
            return i
    return None


def _entries(
    articles: list[Article], events: list[Event], timexes: dict[str, list[Timex]]
) -> list[_Entry]:
    by_id = {a.id: (k, a) for k, a in enumerate(articles)}
    out: list[_Entry] = []
    covered: set[tuple[str, int]] = set()
    for ev in events:
        if ev.date is None or ev.article not in by_id:
            continue
        k, art = by_id[ev.article]
        idx = _sentence_of(art, ev.line, ev.text)
        if idx is not None:
            covered.add((art.id, idx))
        # the event's other reports ("Ông Burmistrov đến Bình Nhưỡng hôm 22/7") are the
        # same happening: the event's entry stands for them
        for m in ev.mentions:
            if m.article in by_id and (m.article, m.line) != (ev.article, ev.line):
                j = _sentence_of(by_id[m.article][1], m.line, m.text)
                if j is not None:
                    covered.add((m.article, j))
        out.append(_Entry(ev.date.value, ev.date.text, ev.text, art.id, ev.line, ev.id, k,
                          _salient(art, idx, ev.text), _words(art, idx, ev.text)))
    for k, art in enumerate(articles):
        per_sentence: dict[int, list[Timex]] = {}
        for t in timexes[art.id]:
            per_sentence.setdefault(t.sentence, []).append(t)
        for idx, ts in per_sentence.items():
            if (art.id, idx) in covered or idx >= len(art.sentences):
                continue
            sent = art.sentences[idx]
            if _CONDITIONAL.match(sent.text):
                continue  # "Nếu chuyến thăm diễn ra, ..." reports nothing that happened
            t = main_timex(ts, sent.text)
            if t is None:
                continue
            out.append(_Entry(t.value, t.text, sent.text, art.id, sent.line, None, k,
                              _salient(art, idx, sent.text), _words(art, idx, sent.text)))
    return out


def _match_years(entries: list[_Entry]) -> None:
    """Undated entries take the year of the same event dated in another entry."""
    cfg = _CFG["match"]
    dated: dict[str, list[_Entry]] = {}
    for e in entries:
        if e.value[:4].isdigit() and _granularity(e.value) >= 2 and "W" not in e.value:
            dated.setdefault(e.value[4:], []).append(e)
    # names on most entries of the thread ("Triều Tiên" in a thread about it) tell nothing
    df: dict[str, int] = {}
    for e in entries:
        for n in e.names:
            df[n] = df.get(n, 0) + 1
    limit = max(cfg["common_min_entries"], cfg["common_share"] * len(entries))
    for e in entries:
        if not e.value.startswith("XXXX"):
            continue
        years = set()
        for o in dated.get(e.value[4:], []):
            shared = sum(1 for n in e.names & o.names if df[n] <= limit)
            jac = _jaccard(e.words, o.words)
            if (shared >= cfg["strong_shared_names"] or jac >= cfg["strong_jaccard"]
                    or (shared >= cfg["min_shared_names"] and jac >= cfg["min_jaccard"])):
                years.add(o.value[:4])
        if len(years) == 1:
            e.value = years.pop() + e.value[4:]
            e.fixed_by_match = True


def _as_date(value: str, year: int) -> date | None:
    parts = value.split("-")
    try:
        return date(year, int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None


def _propagate(entries: list[_Entry]) -> None:
    """Other undated days of an article take the year nearest to a date fixed by a match."""
    cfg = _CFG["propagate"]
    fixed: dict[str, list[date]] = {}
    for e in entries:
        if e.fixed_by_match and _granularity(e.value) == 3:
            d = _as_date(e.value, int(e.value[:4]))
            if d:
                fixed.setdefault(e.article, []).append(d)
    for e in entries:
        if not e.value.startswith("XXXX") or _granularity(e.value) != 3 or e.article not in fixed:
            continue
        best: tuple[int, int] | None = None
        gaps: list[int] = []
        for ref in fixed[e.article]:
            for y in (ref.year - 1, ref.year, ref.year + 1):
                d = _as_date(e.value, y)
                if d is None:
                    continue
                gap = abs((d - ref).days)
                gaps.append(gap)
                if best is None or gap < best[0]:
                    best = (gap, y)
        if best is None or best[0] > cfg["max_days"]:
            continue
        others = [g for g in gaps if g != best[0]]
        if all(g >= cfg["min_gap_days"] for g in others):
            e.value = f"{best[1]:04d}" + e.value[4:]


def _anchor_years(articles: list[Article], entries: list[_Entry]) -> dict[str, int]:
    """Publication years implied by matched dates, for articles that have none."""
    latest: dict[str, date] = {}
    for e in entries:
        if e.fixed_by_match and _granularity(e.value) == 3:
            d = _as_date(e.value, int(e.value[:4]))
            if d and (e.article not in latest or d > latest[e.article]):
                latest[e.article] = d
    out = {}
    for a in articles:
        has_year = a.published is not None and a.published.value[:4].isdigit()
        if not has_year and a.id in latest and latest[a.id].month <= _CFG["anchor"]["max_month"]:
            out[a.id] = latest[a.id].year
    return out


def _dedup(entries: list[_Entry]) -> list[_Entry]:
    kept: list[_Entry] = []
    for e in entries:
        if any(k.value == e.value and (k.text == e.text or _jaccard(k.words, e.words) >= _CFG["dedup_jaccard"])
               for k in kept):
            continue
        kept.append(e)
    return kept


def build_timeline(articles: list[Article], events: list[Event] | None = None) -> list[TimelineEntry]:
    """Dated entries of a story or thread, ordered by date, unknown years last."""
    if events is None:
        events = [e for a in articles for e in a.events]
    timexes = {a.id: (a.timexes or find_timexes(a)) for a in articles}
    entries = _entries(articles, events, timexes)
    for _ in range(3):  # a year fixed by propagation can date another article's entry
        before = [e.value for e in entries]
        _match_years(entries)
        _propagate(entries)
        if [e.value for e in entries] == before:
            break
    anchors = _anchor_years(articles, entries)
    if anchors:  # relative years resolvable now: add what they date
        for a in articles:
            if a.id in anchors:
                y = str(anchors[a.id])
                timexes[a.id] = find_timexes(a, anchor=TimeValue(value=y, text=y))
        again = _entries(articles, events, timexes)
        known = {(e.article, e.line, e.text) for e in entries}
        # keep the years fixed so far; take only what the new anchor newly dates
        entries += [e for e in again if (e.article, e.line, e.text) not in known]
    # events first so that a sentence entry repeating an event is the one dropped
    # and an entry whose year was written or anchored before one given it by a match
    entries.sort(key=lambda e: (date_key(e.value), e.event is None, e.fixed_by_match, e.order, e.line))
    entries = _dedup(entries)
    return [
        TimelineEntry(date=TimeValue(value=e.value, text=e.date_text), text=e.text,
                      article=e.article, line=e.line, event=e.event)
        for e in entries
    ]
