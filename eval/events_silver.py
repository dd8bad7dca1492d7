"""The rules' events on mds documents no gold covers ("silver" text), one line per event,
to read what a change to the event coder does beyond the golds: run it before and after
(``--src`` imports another copy of the package, ``git archive REV src | tar -x -C DIR``)
and read the diff. Clusters of the events test split are left out, so reading the diff
never shows a test article.

    .venv/bin/python eval/events_silver.py [--n 1200] [--src DIR] > after.tsv
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"
FILES = ("abmusu-train.jsonl", "vims-dev.jsonl", "abmusu-validation.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--src", default="", help="package source dir to import thoisu from")
    args = ap.parse_args()
    if args.src:
        sys.path.insert(0, str(Path(args.src) / "src" if (Path(args.src) / "src").is_dir() else args.src))
    sys.path.insert(1, str(ROOT / "eval"))
    from actors_eval import build_article, run_pipeline

    used: set[tuple[str, str]] = set()
    gold: set[str] = set()
    dev: set[str] = set()
    for name in ("events.jsonl", "actors.jsonl"):
        with open(ROOT / "eval" / "gold" / name, encoding="utf-8") as fh:
            for line in fh:
                g = json.loads(line)
                gold.add(g["cluster"])
                used.add((g["cluster"], str(g.get("doc"))))
                if g.get("split") == "dev":
                    dev.add(g["cluster"])
    test = gold - dev  # the events test split's clusters, and the actors gold's
    docs = []
    for name in FILES:
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] in test:
                    continue
                for i, d in enumerate(c["documents"]):
                    if {(c["id"], str(d.get("id", i))), (c["id"], f"d{i}"), (c["id"], str(i))} & used:
                        continue
                    docs.append((c["id"] + f"/{i}", d))
    random.Random(args.seed).shuffle(docs)
    arts = [build_article({"file": "", "cluster": cid, "doc": ""}, d) for cid, d in docs[: args.n]]
    run_pipeline(arts)
    for a in arts:
        for e in a.events:
            print(a.id, e.line, e.type, e.mode, ",".join(e.actors), "->", ",".join(e.recipients), "|",
                  e.text[:200], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
