"""Dev figures of the thread rule over every article order: one run and runs of
``--batch`` articles, orders ``--seeds`` (default 13-18), each in its own process
(eval/threads_eval.py: a run leaves state behind in the articles it was given, so runs
in one process are not independent), with settings overridden as there (``--param``,
``--set``). Prints, per order and mode, joins right / joins and recall, then the totals,
and lists every wrong or unjudged join. Dev only: the split is fixed.

    PYTHONPATH=src .venv/bin/python eval/threads_sweep.py --cache FILE [--param k=v]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().with_name("threads_eval.py")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--seeds", default="13,14,15,16,17,18")
    ap.add_argument("--batch", type=int, default=500, help="articles a run in the incremental mode")
    ap.add_argument("--one-run", action="store_true", help="one run only (no runs of --batch)")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    extra = [x for kv in args.param for x in ("--param", kv)] + [x for kv in args.set for x in ("--set", kv)]
    modes = [("one", 5000)] + ([] if args.one_run else [(f"b{args.batch}", args.batch)])
    for tag, batch in modes:
        tot_r = tot_w = tot_u = 0
        recalls = []
        for seed in args.seeds.split(","):
            out = subprocess.run(
                [sys.executable, str(EVAL), "--split", "dev", "--cache", str(args.cache), "--workers", "1",
                 "--seed", seed, "--batch", str(batch), "--show", *extra],
                capture_output=True, text=True, check=True).stdout.splitlines()
            res = json.loads(out[-1])
            n, precision = res["joined_across_stories"], res["precision"] or 1.0
            r = round(n * precision)
            w = n - r
            tot_r, tot_w, tot_u = tot_r + r, tot_w + w, tot_u + res["unjudged_joins"]
            recalls.append(res["recall"])
            print(f"{tag} {seed}: {r}/{n} recall {res['recall']:.3f} unjudged {res['unjudged_joins']}", flush=True)
            for line in out[:-1]:
                if line.startswith(("wrong:", "unjudged:")):
                    print("   " + line)
        print(f"{tag} total: {tot_r} right + {tot_w} wrong, unjudged {tot_u}, recall "
              f"{' / '.join(f'{x:.3f}' for x in recalls)}; mean {sum(recalls) / len(recalls):.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
