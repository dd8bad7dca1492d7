"""What a story's summary loses when it is updated from its previous summary and its new
articles only (the incremental corpus stage's way, a cost that does not grow with the
story) instead of being recomputed from all its articles.

Each mds cluster is replayed as a story that grows by --per-run documents a run (1, the
default, is the worst case): the incremental summary after a run is
summarize([previous summary, the run's documents]);
the batch summary is summarize(all documents). Both are scored against the human
references (ROUGE-2 F1, 200 words, as ../shared/mds/README.md), beside the lead baseline.

    .venv/bin/python eval/summaries_incremental.py [--sets vims-dev,abmusu-validation] [--skip N] [--limit N] [--per-run K]

The update rule (last summary + new articles, rather than a pool of longer summaries or
re-reading the first article) was chosen on the first 60 clusters of each set; --skip 60
scores the clusters it was not chosen on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from lead_baseline import lead_summary  # noqa: E402

from thoisu.corpus import prior_summary_doc  # noqa: E402
from thoisu.stories.rouge import mean_scores, score  # noqa: E402
from thoisu.stories.summarize import cluster_docs, summarize  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"


def incremental(docs: list, words: int, per_run: int = 1) -> list:
    summary: list = []
    for k in range(0, len(docs), per_run):
        prior = [prior_summary_doc(summary, docs[0].title, docs[0].published)] if summary else []
        summary = summarize(prior + docs[k : k + per_run], words)
    return summary


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="vims-dev,abmusu-validation")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--skip", type=int, default=0,
                    help="leave out the first N clusters of each set (60: those the update rule was chosen on)")
    ap.add_argument("--words", type=int, default=200)
    ap.add_argument("--per-run", type=int, default=1, help="documents arriving per run (1: the worst case)")
    args = ap.parse_args()
    print(f"{'set':<20} {'clusters':>8} {'lead R2':>8} {'batch R2':>9} {'incr R2':>8} {'incr/batch':>10} "
          f"{'batch s':>8} {'incr s':>7}")
    for name in args.sets.split(","):
        clusters = [json.loads(x) for x in (MDS / f"{name}.jsonl").open(encoding="utf-8") if x.strip()]
        clusters = [c for c in clusters if len(c.get("documents", [])) >= 2][args.skip:]
        clusters = clusters[: args.limit or None]
        lead, batch, incr = [], [], []
        tb = ti = 0.0
        for c in clusters:
            docs = cluster_docs(c)
            lead.append(score(lead_summary(docs, args.words), c["summaries"], args.words))
            t = time.process_time()
            b = summarize(docs, args.words)
            tb += time.process_time() - t
            t = time.process_time()
            i = incremental(docs, args.words, args.per_run)
            ti += time.process_time() - t
            batch.append(score(" ".join(s.text for s in b), c["summaries"], args.words))
            incr.append(score(" ".join(s.text for s in i), c["summaries"], args.words))
        rl, rb, ri = (mean_scores(x)["rouge2"] for x in (lead, batch, incr))
        print(f"{name:<20} {len(clusters):>8} {rl:>8.4f} {rb:>9.4f} {ri:>8.4f} {ri / rb:>10.3f} "
              f"{tb:>8.1f} {ti:>7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
