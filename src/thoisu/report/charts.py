"""Charts as data for inline SVG templates (no script, no style attributes: the web
app's CSP allows neither): a timeline, an actor network and monthly bars. One
implementation for the HTML report and the web app; only their links differ."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from thoisu.dates import first_day
from thoisu.models import TimelineEntry


def _web_link(e: TimelineEntry) -> str:
    return f"/articles/{e.article}#L{e.line}"


def timeline(
    entries: list[TimelineEntry], width: int = 880, height: int = 150,
    link: Callable[[TimelineEntry], str] = _web_link,
) -> dict[str, Any] | None:
    """Dated entries on a time axis, each a link to its source line; entries whose
    year is unknown are listed under the chart, not drawn."""
    dated = [(d, e) for e in entries if (d := first_day(e.date.value))]
    if not dated:
        return None
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((hi - lo).days, 1)
    pad = 40
    points = []
    for i, (d, e) in enumerate(dated):
        x = pad + (width - 2 * pad) * (d - lo).days / span
        points.append({"x": round(x, 1), "y": 34 + 16 * (i % 6), "label": e.date.value,
                       "title": f"{e.date.value}: {e.text}",
                       "href": link(e)})
    ticks = [{"x": round(pad + (width - 2 * pad) * (date(y, 1, 1) - lo).days / span, 1), "label": y}
             for y in range(lo.year, hi.year + 1) if lo <= date(y, 1, 1) <= hi]
    return {"width": width, "height": height, "points": points, "ticks": ticks, "pad": pad,
            "lo": lo.isoformat(), "hi": hi.isoformat()}


def network(
    events: list[tuple[str, str, list[str], list[str]]], names: dict[str, dict[str, Any]],
    size: int = 560, max_nodes: int = 24,
) -> dict[str, Any] | None:
    """Who met, criticised or aided whom: the most connected actors on a circle, one
    edge per pair and event type, thicker for more events."""
    edges: Counter[tuple[str, str, str]] = Counter()
    for _eid, typ, actors, recips in events:
        acts = [a for a in actors if a in names]
        recs = [r for r in recips if r in names]
        if recs:
            for a in acts:
                for r in recs:
                    if a != r:
                        edges[(a, r, typ)] += 1
        else:
            for i, a in enumerate(acts):
                for b in acts[i + 1:]:
                    if a != b:
                        edges[(a, b, typ)] += 1
    if not edges:
        return None
    degree: Counter[str] = Counter()
    for (a, b, _), n in edges.items():
        degree[a] += n
        degree[b] += n
    keep = [n for n, _ in degree.most_common(max_nodes)]
    keep_set = set(keep)
    # a circle as large as its nodes need (two actors on a 560-pixel circle were a page
    # of white), with room for labels on either side
    r = min(size / 2 - 130, max(45.0, 22.0 * len(keep)))
    size = round(2 * r + 260)
    c = size / 2
    pos = {n: (c + r * math.cos(2 * math.pi * i / len(keep)), c + r * math.sin(2 * math.pi * i / len(keep)))
           for i, n in enumerate(keep)}
    ys = [y for _, y in pos.values()]
    return {
        "size": size,
        # the band the nodes occupy (two actors sit on one line: no square of white)
        "top": round(min(ys) - 30), "height": round(max(ys) - min(ys) + 60),
        "nodes": [{"id": n, "x": round(pos[n][0], 1), "y": round(pos[n][1], 1),
                   "label": names[n]["name"], "type": names[n]["type"],
                   "anchor": "end" if pos[n][0] < c - 1 else "start",
                   "lx": round(pos[n][0] + (-8 if pos[n][0] < c - 1 else 8), 1)} for n in keep],
        "edges": [{"x1": round(pos[a][0], 1), "y1": round(pos[a][1], 1), "x2": round(pos[b][0], 1),
                   "y2": round(pos[b][1], 1), "type": t, "n": k, "w": min(1 + k, 6),
                   "title": f"{names[a]['name']} → {names[b]['name']}: {t} ×{k}"}
                  for (a, b, t), k in edges.items() if a in keep_set and b in keep_set],
        "hidden": max(0, len(degree) - len(keep)),
    }


def bars(series: list[tuple[str, int]], width: int = 880, height: int = 140) -> dict[str, Any] | None:
    """Counts per month as bars (mentions over time); empty months between are kept so
    gaps show as gaps."""
    if not series:
        return None
    counts = dict(series)
    first, last = series[0][0], series[-1][0]
    months = []
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last and len(months) < 600:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    top = max(counts.values())
    pad, bw = 30, (width - 60) / len(months)
    out = []
    for i, mo in enumerate(months):
        n = counts.get(mo, 0)
        h = 0 if not n else max(2.0, (height - 40) * n / top)
        out.append({"x": round(pad + i * bw, 1), "y": round(height - 20 - h, 1), "w": round(max(bw - 2, 1), 1),
                    "h": round(h, 1), "title": f"{mo}: {n}"})
    return {"width": width, "height": height, "bars": out, "first": months[0], "last": months[-1],
            "top": top}
