from thoisu.models import Digest, Entity, Event, TimelineEntry, TimeValue
from thoisu.report.html import network_svg, render_digest, timeline_svg


def _ev(type_: str, actors: list[str], recipients: list[str]) -> Event:
    return Event(id="e", type=type_, mode=None, actors=actors, recipients=recipients, location=None,
                 date=None, negated=False, hypothetical=False, future=False, article="a", line=1, text="t")


def test_network_edges_follow_events():
    ents = {i: Entity(i, n, "PER") for i, n in [("1", "Lavrov"), ("2", "Tillerson"), ("3", "Choe")]}
    net = network_svg([_ev("CONSULT", ["1", "2"], []), _ev("SUPPORT", ["3"], ["1"])], ents)
    assert {n["label"] for n in net["nodes"]} == {"Lavrov", "Tillerson", "Choe"}
    assert sorted(e["type"] for e in net["edges"]) == ["CONSULT", "SUPPORT"]
    assert network_svg([], ents) is None
    # the drawing is as tall as its nodes: two actors on one line are a band, not a square
    pair = network_svg([_ev("CONSULT", ["1", "2"], [])], ents)
    assert pair["height"] < pair["size"] / 2 and net["height"] > pair["height"]
    assert all(pair["top"] <= n["y"] <= pair["top"] + pair["height"] for n in pair["nodes"])


def test_timeline_chart_places_dated_entries_only():
    entries = [TimelineEntry(TimeValue(v, v), "x", "a", 1) for v in ("2017-07-22", "2023-09", "2019", "XXXX-12-08")]
    chart = timeline_svg(entries)
    assert len(chart["points"]) == 3
    xs = {p["label"]: p["x"] for p in chart["points"]}
    assert xs["2017-07-22"] < xs["2019"] < xs["2023-09"]
    assert timeline_svg([entries[-1]]) is None


def test_empty_digest_renders():
    html = render_digest(Digest())
    assert "<html" in html and "0 articles" in html
