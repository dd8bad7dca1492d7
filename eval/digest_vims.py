"""Digest every document of ../shared/mds/vims-dev.jsonl as a separate page and score
the stories against the human clusters (B-cubed), timing the whole digest.

    .venv/bin/python eval/digest_vims.py [--workers 2] [--limit N]

Each document is written as a plain-text page (title line, date line when the\ncorpus has one, paragraphs)
into a temporary folder outside the repository, in a shuffled order, then
``thoisu digest`` runs over the folder exactly as a user would run it. Every article
found on a page counts as an item of that page's cluster.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from page_split import page_text  # eval/page_split.py: a document as the text page digest reads
from stories import bcubed, print_mixed  # eval/stories.py: the one B-cubed scorer

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds" / "vims-dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--mixed", action="store_true", help="list the stories holding articles of two clusters")
    args = ap.parse_args()
    if not MDS.exists():
        print(f"eval: {MDS} not found", file=sys.stderr)
        return 1
    clusters = [json.loads(x) for x in MDS.open(encoding="utf-8")]
    if args.limit:
        clusters = clusters[: args.limit]
    docs = [(c["id"], d) for c in clusters for d in c["documents"]]
    random.Random(args.seed).shuffle(docs)
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for n, (cid, d) in enumerate(docs):
            (pages / f"{n:05d}_{cid}_{d['id']}.txt").write_text(page_text(d), "utf-8")
        out = Path(tmp) / "out"
        t = time.perf_counter()
        proc = subprocess.run(
            [str(Path(sys.executable).parent / "thoisu"), "digest", str(pages), "--out", str(out),
             "--workers", str(args.workers), "--quiet"],
            capture_output=True, text=True,
        )
        elapsed = time.perf_counter() - t
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        data = json.loads((out / "digest.json").read_text("utf-8"))
    gold, pred = {}, {}
    for a in data["articles"]:
        gold[a["id"]] = Path(a["page"]).name.split("_")[1]
        pred[a["id"]] = a["story_id"]
    p, r, f = bcubed(pred, gold)
    sizes = Counter(pred.values())
    threads = Counter(s["thread_id"] for s in data["stories"])
    print(f"vims-dev: {len(clusters)} clusters, {len(docs)} pages -> {len(data['articles'])} articles, "
          f"{len(sizes)} stories, {len(threads)} threads (largest thread {max(threads.values())} stories)")
    print(f"stories vs clusters, B-cubed: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (target F1 >= 0.90)")
    print(f"digest time: {elapsed:.1f} s with --workers {args.workers} "
          f"({len(docs) / elapsed:.1f} pages/s); {len(data['events'])} events, "
          f"{len(data['entities'])} entities; {len(proc.stderr.splitlines())} stderr lines")
    if args.mixed:
        print_mixed(pred, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
