"""Event co-reference over whole stories: how many reports become how many events.

    .venv/bin/python eval/events_coref.py [--file vims-dev.jsonl] [--clusters 40] [--show 5]
                                          [--seeds]

Each mds cluster is taken as one story (its articles are reports of one matter). Every
document goes through the per-document pieces (sentences, dates, mentions, events with
their within-article merging), the entity merge runs over the cluster, participants are
mapped to entity ids as the corpus stage does, and ``merge_event_mentions`` merges the
story's events, articles in order of publication. Printed: reports (sentence-level
mentions), events per article summed, events per story, events reported by several
articles, reports that had no date of their own and got one from another report, and
the time per story. ``--seeds`` runs the same over the seed page 000 (two articles of one story) through
the real per-document stage (pipeline.process_page) and prints the merged events.
There is no gold for cross-article co-reference here: the figures are counts, and the
listed examples are for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from actors_eval import PIECES, STEPS, build_article  # noqa: E402

from thoisu.annotate.coref import merge_event_mentions  # noqa: E402
from thoisu.dates import date_key  # noqa: E402
from thoisu.models import Article, Event  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"
SEEDS = ROOT.parent / "shared" / "seeds"


def remap(ev: Event, ids: dict[str, str]) -> Event:
    """The corpus stage's mapping of mention keys to entity ids (a copy)."""
    def one(k: str) -> str:
        return ids.get(k, k)

    actors = list(dict.fromkeys(one(k) for k in ev.actors))
    recipients = [r for r in dict.fromkeys(one(k) for k in ev.recipients) if r not in actors]
    return replace(ev, actors=actors, recipients=recipients,
                   location=one(ev.location) if ev.location else None)


def story_events(articles: list[Article]) -> tuple[list[Event], list[Event], float]:
    """(article-level events mapped to entity ids, story events, seconds to merge)."""
    merge = PIECES["merge_entities"]
    _, ids = merge(articles)
    order = sorted(articles, key=lambda a: (date_key(a.published.value if a.published else None),
                                            a.id))
    evs = [remap(e, ids) for a in order for e in a.events]
    t0 = time.perf_counter()
    merged = merge_event_mentions(evs, {a.id: a.published for a in articles})
    return evs, merged, time.perf_counter() - t0


def count(evs: list[Event], merged: list[Event], c: Counter) -> None:
    c["reports"] += sum(max(1, e.n_mentions) for e in evs)
    c["article_events"] += len(evs)
    c["story_events"] += len(merged)
    c["multi_article"] += sum(1 for e in merged if e.n_articles > 1)
    dated = {m for e in merged if e.date for m in (e.id,)}
    c["undated_in"] += sum(1 for e in evs if e.date is None)
    by_id = {e.id: e for e in merged}
    # an input event without a date of its own that ends in a dated story event
    owner: dict[tuple[str, int], str] = {}
    for e in merged:
        for m in e.mentions:
            owner[(m.article, m.line)] = e.id
    for e in evs:
        if e.date is None:
            eid = owner.get((e.article, e.line))
            if eid in dated and by_id[eid].date is not None:
                c["dated_by_other_report"] += 1


def describe(e: Event) -> str:
    lines = [f"{m.article}:{m.line}" for m in e.mentions]
    return (f"{e.id} {e.type}{'/' + e.mode if e.mode else ''} {e.actors} -> {e.recipients} "
            f"date={e.date.value if e.date else None} reported="
            f"{e.reported.value if e.reported else None} n_mentions={e.n_mentions} "
            f"n_articles={e.n_articles} {lines}")


def run_mds(fname: str, n: int, show: int) -> None:
    c: Counter = Counter()
    slowest = 0.0
    examples: list[str] = []
    with open(MDS / fname, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= n:
                break
            cl = json.loads(line)
            arts = []
            for d in cl["documents"]:
                art = build_article({"file": fname, "cluster": cl["id"], "doc": d["id"]}, d)
                for attr, piece in STEPS:
                    setattr(art, attr, PIECES[piece](art))
                arts.append(art)
            evs, merged, secs = story_events(arts)
            slowest = max(slowest, secs)
            count(evs, merged, c)
            c["stories"] += 1
            examples += [f"{cl['id']}: {describe(e)}" for e in merged if e.n_articles > 1]
    print(f"EVENT CO-REFERENCE ({fname}, {c['stories']} clusters as stories)")
    print(f"  reports (sentences coding an event): {c['reports']}")
    print(f"  events after merging within articles: {c['article_events']}")
    print(f"  events after merging across each story: {c['story_events']}"
          f" ({c['multi_article']} reported by several articles)")
    print(f"  reports without a date of their own dated by another report of the event:"
          f" {c['dated_by_other_report']} of {c['undated_in']}")
    print(f"  slowest story merge: {slowest * 1000:.1f} ms")
    print("\nevents reported by several articles (first ones):")
    for s in examples[:show] or ["(none)"]:
        print(f"  {s}")


def run_seeds() -> None:
    from thoisu.ingest import read_inputs
    from thoisu.pipeline import process_page

    page = next(SEEDS.glob("000_*.txt"))  # one page, two articles of one story
    arts = [a for p in read_inputs([str(page)]) for a in process_page(p)]
    evs, merged, _ = story_events(arts)
    print(f"\nSEED {page.name} ({len(arts)} articles, one story): {len(evs)} article-level"
          f" events -> {len(merged)} events")
    for e in merged:
        if e.n_mentions > 1:
            print(f"  {describe(e)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", default="vims-dev.jsonl")
    ap.add_argument("--clusters", type=int, default=40)
    ap.add_argument("--show", type=int, default=8)
    ap.add_argument("--seeds", action="store_true")
    args = ap.parse_args(argv)
    if not MDS.exists():
        print(f"mds data not found at {MDS}", file=sys.stderr)
        return 1
    run_mds(args.file, args.clusters, args.show)
    if args.seeds and SEEDS.exists():
        run_seeds()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
