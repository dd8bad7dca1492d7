"""Event co-reference: one event per happening (thoisu.annotate.coref)."""

from __future__ import annotations

import pytest

from thoisu.annotate.coref import best_date, dates_compatible, merge_event_mentions
from thoisu.models import Event, TimeValue

from .conftest import SEEDS, seed_articles


def ev(eid: str, typ: str, actors: list[str], recipients: list[str] = (), *, article: str = "a1",
       line: int = 1, date: str | None = None, **flags: bool) -> Event:
    return Event(id=eid, type=typ, mode=None, actors=list(actors), recipients=list(recipients),
                 location=None, date=TimeValue(date, date) if date else None,
                 negated=flags.get("negated", False), hypothetical=flags.get("hypothetical", False),
                 future=flags.get("future", False), article=article, line=line, text=f"s{line}")


def test_one_visit_reported_three_times_is_one_event() -> None:
    evs = [ev("a1-e0", "CONSULT", ["B"], ["PRK"], line=5),
           ev("a1-e3", "CONSULT", ["B"], ["PRK"], line=13, date="XXXX-07-22"),
           ev("a2-e0", "CONSULT", ["B"], ["PRK"], article="a2", line=37, date="2017-07-22")]
    pub = {"a1": TimeValue("2017-07-23", "23/7/2017"), "a2": None}
    (out,) = merge_event_mentions(evs, pub)
    assert out.id == "a1-e0" and out.line == 5
    assert [(m.article, m.line) for m in out.mentions] == [("a1", 5), ("a1", 13), ("a2", 37)]
    assert (out.n_mentions, out.n_articles) == (3, 2)
    assert out.date.value == "2017-07-22"  # the undated first report takes the event's date
    assert out.reported.value == "2017-07-23"  # the article's date, kept apart
    assert evs[0].mentions == []  # inputs untouched


def test_distinct_happenings_stay_apart() -> None:
    evs = [ev("e0", "ASSAULT", ["A"], ["B"]),
           ev("e1", "ASSAULT", ["B"], ["A"]),  # retaliation: roles crossed
           ev("e2", "ASSAULT", ["A"], ["C"]),  # another target, nothing shared but A
           ev("e3", "MOBILIZE", ["P"], [], date="2016-01-06"),
           ev("e4", "MOBILIZE", ["P"], [], date="2016-09-09"),  # another test, another day
           ev("e5", "CONSULT", ["X"], ["Y"], future=True),
           ev("e6", "CONSULT", ["X"], ["Y"]),  # a past meeting, not the planned one
           ev("e7", "AID", [], []), ev("e8", "AID", [], [])]  # no participant: never merged
    assert len(merge_event_mentions(evs)) == 9


def test_an_arrest_and_a_sentence_are_two_happenings_but_a_visit_and_its_meeting_one() -> None:
    import dataclasses

    arrest = dataclasses.replace(ev("e0", "COERCE", ["POLICE"], ["X"]), mode="arrest")
    sentence = dataclasses.replace(ev("e1", "COERCE", ["POLICE"], ["X"], line=2), mode="sentence")
    assert len(merge_event_mentions([arrest, sentence])) == 2  # the guideline counts both
    visit = dataclasses.replace(ev("e2", "CONSULT", ["B"], ["PRK"]), mode="visit")
    meet = dataclasses.replace(ev("e3", "CONSULT", ["B"], ["PRK"], line=2), mode="meet")
    assert len(merge_event_mentions([visit, meet])) == 1


def test_partial_reports_join_and_roles_union() -> None:
    evs = [ev("e0", "COERCE", [], ["N"], line=2),  # "N bị bắt"
           ev("e1", "COERCE", ["POL"], ["N"], line=6),  # "cảnh sát X bắt N"
           ev("e2", "CONSULT", ["X"], ["Y"], line=7),
           ev("e3", "CONSULT", ["Y", "X"], [], line=9)]  # meetings: sides written either way
    out = merge_event_mentions(evs)
    assert [(e.id, e.actors, e.recipients, e.n_mentions) for e in out] == [
        ("e0", ["POL"], ["N"], 2), ("e2", ["X", "Y"], [], 2)]


def test_ids_stable_when_reports_arrive_later() -> None:
    first = [ev("a1-e0", "SANCTION", ["USA"], ["PRK"]), ev("a1-e1", "ACCUSE", ["PRK"], ["USA"])]
    later = first + [ev("a9-e0", "SANCTION", ["USA", "EU"], ["PRK"], article="a9")]
    assert [e.id for e in merge_event_mentions(first)] == ["a1-e0", "a1-e1"]
    out = merge_event_mentions(later)
    assert [e.id for e in out] == ["a1-e0", "a1-e1"] and out[0].n_articles == 2
    assert merge_event_mentions(out) == out  # merged events may be merged again


def test_dates() -> None:
    t = lambda v: TimeValue(v, v)  # noqa: E731
    assert dates_compatible(t("XXXX-07-22"), t("2017-07-22"))
    assert dates_compatible(t("2017-07"), t("2017-07-22"))
    assert not dates_compatible(t("2017-07-21"), t("2017-07-22"))
    assert best_date([t("XXXX-07-22"), t("2017-07-22"), t("XXXX-07-22")]).value == "2017-07-22"
    assert best_date([]) is None


def test_near_linear_on_a_large_story() -> None:
    evs = [ev(f"e{i}", "ASSAULT", [f"A{i % 50}"], [f"B{i % 7}"], article=f"a{i}",
              date=f"2020-01-{1 + i % 28:02d}") for i in range(5000)]
    out = merge_event_mentions(evs)
    assert sum(e.n_mentions for e in out) == 5000


@pytest.mark.skipif(not (SEEDS / "000_4162ccc8912c061b.txt").exists(), reason="seeds absent")
def test_seed_visit_reports_merge_within_article() -> None:
    art = seed_articles("000_4162ccc8912c061b.txt")[0]
    visits = [e for e in art.events if e.type == "CONSULT" and e.mode == "visit"
              and any("burmistrov" in k for k in e.actors)]
    assert len(visits) == 1 and visits[0].n_mentions >= 2
    assert visits[0].date is not None and visits[0].date.value.endswith("07-22")


def test_one_visit_to_a_country_written_as_its_capital() -> None:
    evs = [ev("e0", "CONSULT", ["B"], ["PRK"]), ev("e1", "CONSULT", ["B"], ["PYONGYANG"], line=9),
           ev("e2", "CONSULT", ["C"], ["PRK"], line=12)]
    for e in evs:
        e.mode = "visit"
    out = merge_event_mentions(evs)
    assert [(e.id, e.n_mentions) for e in out] == [("e0", 2), ("e2", 1)]
