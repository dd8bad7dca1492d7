"""Do stories depend on how pages arrive? The vims-dev documents, annotated once by the
per-document stage, go through the real store and incremental corpus stage in one run,
in ten runs, in reverse order and shuffled; each partition into stories is compared
with the one-run partition (B-cubed F1 as agreement, target >= 0.98) and with the
human clusters (target >= 0.90).

    .venv/bin/python eval/order_independence.py [--limit N]

Annotated articles are cached in /tmp by eval/threads_eval.py (built on first use).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from stories import bcubed, print_mixed  # eval/stories.py: the one B-cubed scorer
from threads_eval import CACHE, load_articles

from thoisu.corpus import run_corpus_stage
from thoisu.models import Article, Page, SourceLine
from thoisu.store import Store


def digest(arts: list[tuple[str, Article]], runs: int, db: Path) -> tuple[dict[str, str], float]:
    t = time.perf_counter()
    with Store(db) as store:
        per_run = -(-len(arts) // runs)
        for r in range(runs):
            run = store.begin_run("eval")
            for _, a in arts[r * per_run : (r + 1) * per_run]:
                a = Article.from_dict(a.to_dict())
                a.story_id = a.duplicate_of = None
                sha = hashlib.sha256(a.id.encode()).hexdigest()
                store.add_page(Page(path=a.page, lines=[SourceLine("x", 1)], sha=sha, fmt="txt"), [a], run)
            run_corpus_stage(store, run)
            store.finish_run(run)
        part = dict(store.db.execute("SELECT id, story_id FROM articles").fetchall())
        broken = store.db.execute(INTEGRITY).fetchone()[0]
        if broken:
            print(f"  {broken} broken references after {runs} runs (see INTEGRITY)", flush=True)
    return part, time.perf_counter() - t


# stories whose thread is missing or miscounted, story redirects to nowhere, articles
# whose story row is missing: what merges and moves between runs must never leave
INTEGRITY = (
    "SELECT (SELECT COUNT(*) FROM stories WHERE thread_id NOT IN (SELECT id FROM threads)) "
    "+ (SELECT COUNT(*) FROM threads t WHERE n_stories != "
    "(SELECT COUNT(*) FROM stories s WHERE s.thread_id = t.id)) "
    "+ (SELECT COUNT(*) FROM story_redirects WHERE target NOT IN (SELECT id FROM stories)) "
    "+ (SELECT COUNT(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories))"
)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N vims-dev clusters")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=CACHE, help="annotated articles (eval/threads_eval.py builds it)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="try another value of a story setting (data/cluster.json)")
    ap.add_argument("--mixed", action="store_true", help="list the stories holding articles of two clusters")
    ap.add_argument("--orders", default="one run,ten runs,reverse, one run,shuffled, one run,shuffled, ten runs")
    args = ap.parse_args()
    from thoisu.stories.threads import settings

    for kv in args.set:
        k, v = kv.split("=", 1)
        settings()[k] = json.loads(v)
    arts = [(c, a) for c, a in load_articles(args.cache, args.workers) if c.startswith("vims")]
    if args.limit:
        keep = sorted({c for c, _ in arts})[: args.limit]
        arts = [(c, a) for c, a in arts if c in keep]
    gold = {a.id: c for c, a in arts}
    shuffled = list(arts)
    random.Random(7).shuffle(shuffled)
    orders = {
        "one run": (arts, 1),
        "ten runs": (arts, 10),
        "reverse, one run": (arts[::-1], 1),
        "shuffled, one run": (shuffled, 1),
        "shuffled, ten runs": (shuffled, 10),
    }
    orders = {k: v for k, v in orders.items() if k in args.orders or not args.orders}
    print(f"vims-dev: {len(gold)} articles in {len(set(gold.values()))} clusters")
    print(f"{'order':<20} {'stories':>7} {'agreement F1':>12} {'vs clusters P/R/F1':>22} {'time s':>7}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, (seq, runs)) in enumerate(orders.items()):
            part, secs = digest(seq, runs, Path(tmp) / f"{i}.db")
            if base is None:
                base = part
            agree = bcubed(part, base)[2]
            p, r, f = bcubed(part, gold)
            print(f"{name:<20} {len(set(part.values())):>7} {agree:>12.4f} "
                  f"{p:>8.3f} {r:.3f} {f:.3f} {secs:>7.1f}", flush=True)
            if args.mixed:
                print_mixed(part, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
