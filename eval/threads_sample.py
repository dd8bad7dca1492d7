"""Read threads as a new user would: digest every document of ../shared/mds as a page into
one store, then print a seeded random sample of the threads that hold several stories,
each story with its title, its mds cluster(s) and why it joined (``joined_by``).

    .venv/bin/python eval/threads_sample.py [--sample 15] [--seed 5] [--cross] [--workers 1] [--out DIR]
    .venv/bin/python eval/threads_sample.py --split dev --cross --sample 100 --out DIR   # dev clusters only

Whether each thread holds one matter is judged by reading (docs/threads.md's definition);
the script only prints. Stories of one mds cluster split in two are marked "same cluster":
their thread is one matter by construction, and the cross-cluster joins are the ones to
read. With --out DIR an existing digest there is read again instead of digesting anew.

``--split dev`` digests only the documents of *dev clusters*: clusters in no judged pair
of the test split of eval/gold/threads.jsonl (the clusters of dev pairs and the unjudged
ones), so the joins read are never those of a test cluster and can be judged into the
dev split. Each cross-cluster thread then lists its joined cluster pairs with their
judgement (one matter / different / unjudged), and the counts over all of them close
the output: the before/after figure of a rule change at user level.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from page_split import page_text  # eval/page_split.py: a document as the text page digest reads
from threads_eval import load_gold, split_of

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"
FILES = ("vims-dev.jsonl", "abmusu-train.jsonl", "abmusu-validation.jsonl")


def test_clusters() -> set[str]:
    """Clusters named by a judged pair of the frozen test split."""
    return {c for (a, b), g in load_gold().items() if g.get("split", split_of(a, b)) == "test" for c in (a, b)}


def write_pages(folder: Path, seed: int = 13, split: str = "all") -> int:
    skip = test_clusters() if split == "dev" else set()
    docs = []
    for name in FILES:
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] not in skip:
                    docs += [(c["id"], d) for d in c["documents"]]
    random.Random(seed).shuffle(docs)
    for n, (cid, d) in enumerate(docs):
        (folder / f"{n:05d}_{cid}_{d['id']}.txt").write_text(page_text(d), "utf-8")
    return len(docs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=15)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--cross", action="store_true", help="only threads joining stories of several clusters")
    ap.add_argument("--out", type=Path, help="digest here (kept), or read the digest already there")
    ap.add_argument("--split", choices=("all", "dev"), default="all",
                    help="dev: only the documents of clusters in no judged test pair")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        if not (out / "digest.json").exists():
            pages = Path(tmp) / "pages"
            pages.mkdir()
            n = write_pages(pages, split=args.split)
            print(f"digesting {n} pages ...", file=sys.stderr)
            proc = subprocess.run([str(ROOT / ".venv" / "bin" / "thoisu"), "digest", str(pages), "--out",
                                   str(out), "--workers", str(args.workers), "--quiet"],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return proc.returncode
        data = json.loads((out / "digest.json").read_text("utf-8"))
    cluster = {a["id"]: Path(a["page"]).name.split("_")[1] for a in data["articles"]}
    by_thread: dict[str, list[dict]] = defaultdict(list)
    for s in data["stories"]:
        by_thread[s["thread_id"]].append(s)
    multi = sorted(t for t, ss in by_thread.items() if len(ss) > 1)
    cross = [t for t in multi if len({c for s in by_thread[t] for c in
                                      {cluster[a] for a in s["article_ids"]}}) > 1]
    print(f"{len(data['articles'])} articles, {len(data['stories'])} stories, {len(by_thread)} threads; "
          f"{len(multi)} with several stories ({len(cross)} across mds clusters), the largest "
          f"{max(len(v) for v in by_thread.values())} stories")
    pool = cross if args.cross else multi
    gold = load_gold()
    for t in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
        ss = by_thread[t]
        clusters = [sorted({cluster[a] for a in s["article_ids"]}) for s in ss]
        same = len({c for cs in clusters for c in cs}) == 1
        print(f"\n== {t}{' (same cluster)' if same else ''}")
        for s, cs in zip(ss, clusters, strict=True):
            why = (s.get("joined_by") or {}).get("text") or "(opened the thread)"
            print(f"   {s['title'][:90]}  [{', '.join(cs)}]\n      {why}")
        for p in _cross_pairs(clusters):
            g = gold.get(p)
            print(f"   pair {p[0]} {p[1]}: {_verdict(g)}{' -- ' + g['why'] if g else ''}")
    counts = Counter(_verdict(gold.get(p)) for t in cross for p in _cross_pairs(
        [sorted({cluster[a] for a in s["article_ids"]}) for s in by_thread[t]]))
    print(f"\ncross-cluster pairs joined across stories: {dict(sorted(counts.items()))}")
    return 0


def _cross_pairs(clusters: list[list[str]]) -> list[tuple[str, str]]:
    """Pairs of clusters held by different stories of one thread; pairs that one story
    holds were merged by the story stage, not joined by threads, and are left out."""
    merged = {tuple(sorted((a, b))) for cs in clusters for a in cs for b in cs if a != b}
    out = {tuple(sorted((a, b))) for i, ca in enumerate(clusters) for cb in clusters[i + 1:]
           for a in ca for b in cb if a != b} - merged
    return sorted(out)  # type: ignore[arg-type]


def _verdict(g: dict | None) -> str:
    return "unjudged" if g is None else ("one matter" if g["same_matter"] else "different")


if __name__ == "__main__":
    sys.exit(main())
