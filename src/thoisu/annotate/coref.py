"""Event co-reference: the reports of one happening become one event.

``merge_event_mentions(events, published)`` takes the coded events of one story (or of
one article), in the order they were reported, and returns one event per happening,
carrying every report of it (``mentions``: article, line, sentence), ``n_mentions``,
``n_articles``, the union of participants, the best-evidenced date and ``reported``
(the date of the first reporting article; never passed off as the event's date).

Two reports are one happening when (rules and sizes in ``data/coref.json``):

- they have the same PLOVER type and the same flags (negated, hypothetical, future: a
  planned visit and a past one are two happenings, as are a denied and a reported one);
- they share a participant, and one's participants contain the other's or they share
  at least two ("Nga tấn công Ukraine" and "Nga tấn công Kharkiv, Ukraine" are one), or
  they are visits by the same visitors (the host written as the country or its capital);
- roles do not cross: an actor of one is no recipient of the other, except for the
  types where both sides act alike (meetings, agreements, cooperation);
- their dates do not contradict (a known year, month or day that differs).

A report with no participant is never merged (nothing says which happening it is).
Near-linear: reports are bucketed by (type, participant) and each is compared with at
most ``max_candidates`` recent events of its buckets. Greedy and order-preserving: an
event keeps the id of its earliest input report, so ids stay stable when later reports
of a growing story are appended to the input.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from thoisu.models import EntityMention, Event, TimeValue

_DATA = Path(__file__).parent / "data" / "coref.json"


@dataclass(frozen=True, slots=True)
class CorefConfig:
    symmetric_types: frozenset[str]  # both sides act alike: roles may be written either way
    max_candidates: int  # events of a bucket a report is compared with (most recent first)
    min_shared_if_not_subset: int  # shared participants needed when neither set holds the other
    same_actor_modes: frozenset[str]  # one actor makes one such trip per story: hosts may differ
    distinct_mode_types: frozenset[str] = frozenset()  # its modes are different acts


@lru_cache(maxsize=1)
def config() -> CorefConfig:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return CorefConfig(frozenset(raw["symmetric_types"]), int(raw["max_candidates"]),
                       int(raw["min_shared_if_not_subset"]), frozenset(raw["same_actor_modes"]),
                       frozenset(raw.get("distinct_mode_types", ())))


def _parts(value: str) -> tuple[str | None, str | None, str | None]:
    """(year, month, day) of a TIMEX3 value; None where unknown or not given."""
    p = value.split("-")
    year = p[0] if p and p[0].isdigit() else None
    month = p[1] if len(p) > 1 and p[1].isdigit() else None
    day = p[2] if len(p) > 2 and p[2].isdigit() else None
    return year, month, day


def dates_compatible(a: TimeValue | None, b: TimeValue | None) -> bool:
    """No known part of the two values differs ("XXXX-07-22" fits "2017-07-22", "2017-07"
    fits "2017-07-22"; "2017-07-21" does not fit "2017-07-22"). Weeks fit their year."""
    if a is None or b is None:
        return True
    return all(x is None or y is None or x == y
               for x, y in zip(_parts(a.value), _parts(b.value), strict=True))


def _specificity(tv: TimeValue) -> tuple[int, int]:
    y, m, d = _parts(tv.value)
    return (y is not None, (m is not None) + (d is not None))


def best_date(dates: list[TimeValue]) -> TimeValue | None:
    """The date most reports agree with; ties go to the most specific value (a known
    year first), then to the earliest report."""
    if not dates:
        return None
    scored = [(sum(dates_compatible(d, o) for o in dates), _specificity(d), -k, d)
              for k, d in enumerate(dates)]
    return max(scored, key=lambda s: s[:3])[3]


@dataclass(slots=True)
class _Group:
    first: Event  # the earliest report (gives id, type and the contract's article/line/text)
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    dates: list[TimeValue] = field(default_factory=list)
    members: list[Event] = field(default_factory=list)

    def participants(self) -> set[str]:
        return set(self.actors) | set(self.recipients)

    def add(self, ev: Event) -> None:
        self.members.append(ev)
        self.actors += [k for k in ev.actors if k not in self.actors]
        self.recipients += [k for k in ev.recipients if k not in self.recipients]
        if ev.date is not None:
            self.dates.append(ev.date)


def _fits(g: _Group, ev: Event, cfg: CorefConfig) -> bool:
    first = g.first
    if (ev.type != first.type or ev.negated != first.negated
            or ev.hypothetical != first.hypothetical or ev.future != first.future):
        return False
    if ev.type in cfg.distinct_mode_types and ev.mode and first.mode and ev.mode != first.mode:
        return False  # an arrest and a sentence: two happenings of one case
    mine = set(ev.actors) | set(ev.recipients)
    theirs = g.participants()
    shared = mine & theirs
    if not shared:
        return False
    same_trip = bool(ev.mode and ev.mode in cfg.same_actor_modes and ev.mode == first.mode
                     and ev.actors and set(ev.actors) == set(g.actors))
    if not (mine <= theirs or theirs <= mine or len(shared) >= cfg.min_shared_if_not_subset
            or same_trip):
        return False  # same_trip: "Burmistrov thăm Bình Nhưỡng" / "... thăm Triều Tiên"
    if ev.type not in cfg.symmetric_types and (
        set(ev.actors) & set(g.recipients) or set(ev.recipients) & set(g.actors)
    ):
        return False  # "A tấn công B" and "B tấn công A" are two happenings
    return all(dates_compatible(ev.date, d) for d in g.dates)


def _mentions_of(ev: Event) -> list[EntityMention]:
    return list(ev.mentions) or [EntityMention(article=ev.article, line=ev.line, text=ev.text)]


def _merged(g: _Group, published: dict[str, TimeValue | None]) -> Event:
    mentions: list[EntityMention] = []
    seen: set[tuple[str, int, str]] = set()
    for ev in g.members:
        for m in _mentions_of(ev):
            if (m.article, m.line, m.text) not in seen:
                seen.add((m.article, m.line, m.text))
                mentions.append(m)
    articles = list(dict.fromkeys(m.article for m in mentions))
    modes = Counter(ev.mode for ev in g.members if ev.mode)
    mode = max(modes, key=lambda k: (modes[k], -[e.mode for e in g.members].index(k))) \
        if modes else None
    location = next((ev.location for ev in g.members if ev.location), None)
    reported = next((published[a] for a in articles if published.get(a) is not None), None)
    first = g.first
    return replace(
        first,
        mode=mode,
        actors=list(g.actors),
        recipients=[k for k in g.recipients if k not in g.actors],
        location=location,
        date=best_date(g.dates),
        mentions=mentions,
        n_mentions=len(mentions),
        n_articles=len(articles),
        reported=reported if reported is not None else first.reported,
    )


def merge_event_mentions(events: list[Event],
                         published: dict[str, TimeValue | None] | None = None) -> list[Event]:
    """One event per happening from the coded events of one story or article.

    ``events``: in reporting order (articles by date, sentences in order), participants
    already mapped to entity ids; events that already carry ``mentions`` (merged before)
    bring them along. ``published``: article id -> its publication date, for ``reported``.
    Returns new Event records (inputs are not modified), in order of first report.
    """
    cfg = config()
    published = published or {}
    groups: list[_Group] = []
    buckets: dict[tuple[str, str], list[int]] = {}
    for ev in events:
        keys = [(ev.type, k) for k in dict.fromkeys(ev.actors + ev.recipients)]
        best: tuple[int, int] | None = None  # (-shared participants, group index)
        tried: set[int] = set()
        for key in keys:
            for gi in reversed(buckets.get(key, [])[-cfg.max_candidates:]):
                if gi in tried:
                    continue
                tried.add(gi)
                g = groups[gi]
                if _fits(g, ev, cfg):
                    rank = (-len(g.participants() & set(ev.actors + ev.recipients)), gi)
                    if best is None or rank < best:
                        best = rank
        if best is None:
            gi = len(groups)
            groups.append(_Group(first=ev))
        else:
            gi = best[1]
        before = groups[gi].participants()
        groups[gi].add(ev)
        for k in groups[gi].participants() - before:
            buckets.setdefault((ev.type, k), []).append(gi)
    return [_merged(g, published) for g in groups]
