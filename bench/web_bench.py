"""Response times of `thoisu serve` pages against a given store (a bench, not a test).

    nice -n 10 .venv/bin/python bench/web_bench.py --db STORE.db [--requests 40] [--json OUT]

Starts the server in a subprocess on a free 127.0.0.1 port, then sends a bounded number
of sequential GETs per page kind (after a short warm-up), the URLs drawn with a fixed
seed from the store itself: the busiest and some random threads and actors, searches
for frequent actor names and title words (some with filters), the events explorer
with and without filters and a few pages deep. Prints p50/p95/max per page kind; the
target is p95 < 300 ms for home, search, thread, actor and events.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlencode

import httpx

KINDS = ("home", "search", "thread", "actor", "events", "article", "api_search", "api_events")
TARGET_MS = 300.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def urls(db_path: str, n: int, seed: int) -> dict[str, list[str]]:
    """n URLs per page kind, drawn from the store (busiest first, then at random)."""
    rnd = random.Random(seed)
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    q = lambda sql, *a: [r[0] for r in db.execute(sql, a)]  # noqa: E731
    threads = q("SELECT id FROM threads ORDER BY n_articles DESC LIMIT 5")
    threads += q("SELECT id FROM threads ORDER BY random() LIMIT ?", n)
    actors = q("SELECT id FROM entities ORDER BY n_mentions DESC LIMIT 5")
    actors += q("SELECT id FROM entities WHERE n_mentions > 1 ORDER BY random() LIMIT ?", n)
    names = q("SELECT name FROM entities ORDER BY n_mentions DESC LIMIT 40")
    words = [w for t in q("SELECT title FROM threads ORDER BY random() LIMIT 60", ) for w in (t or "").split()
             if len(w) > 3 and w.isalpha()]
    articles = q("SELECT id FROM articles ORDER BY random() LIMIT ?", n)
    types = q("SELECT type FROM events GROUP BY type ORDER BY COUNT(*) DESC")
    countries = q("SELECT country FROM entities WHERE country IS NOT NULL GROUP BY country "
                  "ORDER BY COUNT(*) DESC LIMIT 10")
    days = q("SELECT published FROM articles WHERE day IS NOT NULL ORDER BY random() LIMIT 20")
    n_threads = q("SELECT COUNT(*) FROM threads")[0]
    db.close()

    def search_params(i: int) -> dict[str, str]:
        term = rnd.choice(names) if i % 2 == 0 or not words else " ".join(rnd.sample(words, 2))
        params = {"q": _fold(term) if i % 3 else term}
        if i % 5 == 1 and types:
            params["type"] = rnd.choice(types[:6])
        if i % 5 == 2 and days:
            params["from"] = min(rnd.sample(days, 2))
        if i % 5 == 3 and actors:
            params["actor"] = actors[i % len(actors)]
        return params

    def events_params(i: int) -> dict[str, str]:
        params: dict[str, str] = {}
        if i % 4 == 1 and types:
            params["type"] = rnd.choice(types)
        if i % 4 == 2 and actors:
            params["actor"] = actors[i % len(actors)]
        if i % 4 == 3 and countries:
            params["country"] = rnd.choice(countries)
        if i % 6 == 5:
            params["p"] = str(rnd.randint(2, 10))
        return params

    out: dict[str, list[str]] = {k: [] for k in KINDS}
    for i in range(n):
        last_page = max(1, (n_threads + 49) // 50)
        out["home"].append("/" if i % 3 else f"/?p={rnd.randint(1, min(last_page, 20))}")
        out["search"].append("/search?" + urlencode(search_params(i)))
        out["thread"].append(f"/threads/{threads[i % len(threads)]}")
        out["actor"].append(f"/actors/{actors[i % len(actors)]}")
        out["events"].append("/events?" + urlencode(events_params(i)))
        out["article"].append(f"/articles/{articles[i % len(articles)]}")
        out["api_search"].append("/api/search?" + urlencode(search_params(i + 1)))
        ep = events_params(i + 1)
        ep.pop("p", None)
        out["api_events"].append("/api/events?" + urlencode(ep))
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the store to serve")
    ap.add_argument("--requests", type=int, default=40, help="GETs per page kind (default 40)")
    ap.add_argument("--warmup", type=int, default=3, help="unmeasured GETs per kind first")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    if not Path(args.db).exists():
        print(f"web_bench: {args.db}: no such store", file=sys.stderr)
        return 1
    port = _free_port()
    code = ("import sys, uvicorn; from thoisu.web import create_app; "
            f"uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port={port}, log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code, args.db])
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/static/app.css")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("web_bench: the server did not start", file=sys.stderr)
                        return 1
                    time.sleep(0.2)
            plan = urls(args.db, args.requests, args.seed)
            results: dict[str, dict[str, float]] = {}
            for kind, todo in plan.items():
                for url in todo[: args.warmup]:
                    client.get(url)
                times: list[float] = []
                for url in todo:
                    t = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - t) * 1000)
                    if r.status_code != 200:
                        print(f"web_bench: {url} -> {r.status_code} {r.text[:200]}", file=sys.stderr)
                results[kind] = {"n": len(times), "p50": statistics.median(times),
                                 "p95": percentile(times, 95), "max": max(times)}
    finally:
        server.terminate()
        server.wait(10)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    size = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("articles", "threads", "entities", "events")}
    db.close()
    print(f"store {args.db}: " + ", ".join(f"{v:,} {k}" for k, v in size.items()))
    print("| page | requests | p50 ms | p95 ms | max ms | p95 < 300 ms |")
    print("|---|---|---|---|---|---|")
    for kind, r in results.items():
        ok = "yes" if r["p95"] < TARGET_MS else "NO"
        print(f"| {kind} | {r['n']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {ok} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"store": size, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
