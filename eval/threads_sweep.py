"""Dev figures of the thread rule over every article order, in one process (the cache read
once): one run and runs of ``--batch`` articles, orders ``--seeds`` (default 13-18), with
settings overridden as in eval/threads_eval.py (``--param``, ``--set``). Prints, per order
and mode, joins right / joins and recall, then the totals, and lists every wrong or
unjudged join. Dev only: the split is fixed.

    PYTHONPATH=src .venv/bin/python eval/threads_sweep.py --cache FILE [--param k=v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import threads_eval as te  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=te.CACHE)
    ap.add_argument("--seeds", default="13,14,15,16,17,18")
    ap.add_argument("--batch", type=int, default=500, help="articles a run; 0: one run only")
    ap.add_argument("--one-run", action="store_true", help="one run only (no runs of --batch)")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    from thoisu.stories.threads import settings, thread_settings

    for kv in args.param:
        k, v = kv.split("=", 1)
        thread_settings()[k] = json.loads(v)
    for kv in args.set:
        k, v = kv.split("=", 1)
        settings()[k] = json.loads(v)
    arts = te.load_articles(args.cache, 1)
    labels = te.load_gold()
    modes = [("one", 10**9)] + ([] if args.one_run or not args.batch else [(f"b{args.batch}", args.batch)])
    for tag, batch in modes:
        tot_r = tot_w = tot_u = 0
        recalls = []
        for seed in [int(s) for s in args.seeds.split(",")]:
            gold_arts, members, thread, _ = te.run(arts, seed, batch, False)
            res = te.score(gold_arts, members, thread, labels, "dev")
            w = len(res["_wrong"])
            r = res["joined_across_stories"] - w
            tot_r, tot_w, tot_u = tot_r + r, tot_w + w, tot_u + res["unjudged_joins"]
            recalls.append(res["recall"])
            print(f"{tag} {seed}: {r}/{r + w} recall {res['recall']:.3f} unjudged {res['unjudged_joins']}", flush=True)
            for a, b in res["_wrong"]:
                print(f"   wrong {a} {b} {labels[(a, b)].get('why', '')}")
            for a, b in res["_unjudged"]:
                print(f"   unjudged {a} {b}")
        print(f"{tag} total: {tot_r} right + {tot_w} wrong, unjudged {tot_u}, recall "
              f"{' / '.join(f'{x:.3f}' for x in recalls)}; mean {sum(recalls) / len(recalls):.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
