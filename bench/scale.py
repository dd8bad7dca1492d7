"""Does a run cost what it adds? Grow one store in runs of pages and record, per run,
wall time, CPU time, peak resident memory (the digest process and its workers) and store size;
then add a few pages to the grown store.

Pages: real news text from ../shared/mds, recombined so that there are enough distinct
articles. The documents of the three sets are shuffled once (fixed seed), so that every
run holds the same mix of ViMs and AbMuSu clusters (in file order the first runs would
be all ViMs, large clusters, and the next ones AbMuSu, many small stories: a difference
of content, not of store size). Page k takes document A = docs[k mod N] (its title, its date line when it has
one, the first half of its paragraphs) and the second half of another document B chosen
by k // N, so the variants of one document share half their text (they cluster into
stories, as follow-up reports do) without being duplicates of one another. Nothing from
../shared is written into the repository: pages go to a temporary directory.

    python bench/scale.py                       # 20 runs of 1,000 pages, then 10 pages
    python bench/scale.py --runs 3 --per-run 200 --last 10 --workers 2
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"

_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from thoisu.runner import digest_paths
r = digest_paths([sys.argv[1]], out_dir=sys.argv[2], workers=int(sys.argv[3]))
wall = time.perf_counter() - t0
self_, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
me, kids = self_.ru_maxrss / 1024, children.ru_maxrss / 1024
cpu = sum(u.ru_utime + u.ru_stime for u in (self_, children))
print(json.dumps({"wall": wall, "cpu": cpu, "rss_main": me, "rss_worker": kids, "pages_new": r.pages_new,
                  "articles": r.articles, "errors": len(r.errors)}))
"""


def documents() -> list[dict]:
    docs = []
    for name in ("vims-dev.jsonl", "abmusu-train.jsonl", "abmusu-validation.jsonl"):
        path = MDS / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            for d in json.loads(line)["documents"]:
                paras = [p.strip() for p in d["text"].split("\n") if p.strip()]
                if len(paras) >= 2 and d.get("title"):
                    docs.append({"title": d["title"], "published": d.get("published"), "paras": paras})
    random.Random(2024).shuffle(docs)
    return docs


def page_text(docs: list[dict], k: int) -> str:
    n = len(docs)
    a = docs[k % n]
    b = docs[(k % n + 1 + (k // n) * 7919) % n] if k >= n else None
    half = max(1, len(a["paras"]) // 2)
    paras = a["paras"][:half] + (b["paras"][len(b["paras"]) // 2:] if b else a["paras"][half:])
    head = [a["title"]] + ([a["published"]] if a["published"] else [])
    return "\n\n".join(head + paras) + "\n"


def write_pages(docs: list[dict], start: int, count: int, into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    for k in range(start, start + count):
        (into / f"p{k:06d}.txt").write_text(page_text(docs, k), encoding="utf-8")


def one_run(pages: Path, out: Path, workers: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(pages), str(out), str(workers)],
        capture_output=True, text=True, check=True,
    )
    rec = json.loads(proc.stdout.strip().splitlines()[-1])
    db = out / "thoisu.db"
    rec["store_mb"] = sum(
        p.stat().st_size for p in out.glob("thoisu.db*") if p.is_file()
    ) / 1e6 if db.exists() else 0.0
    rec["outputs_mb"] = sum(
        (out / f).stat().st_size for f in ("digest.json", "articles.jsonl", "events.jsonl", "report.html")
        if (out / f).exists()
    ) / 1e6
    return rec


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--per-run", type=int, default=1000)
    ap.add_argument("--last", type=int, default=10, help="pages added to the grown store at the end")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep the store here (e.g. for bench/web_bench.py)")
    ap.add_argument("--json", type=Path, help="write the table as JSON here")
    args = ap.parse_args()
    docs = documents()
    if not docs:
        sys.exit("../shared/mds not found")
    tmp = Path(tempfile.mkdtemp(prefix="thoisu-scale-"))
    out = args.keep or tmp / "out"
    rows = []
    print(f"{len(docs)} source documents; {args.runs} runs of {args.per_run} pages, workers={args.workers}")
    print(f"{'run':>4} {'stored before':>13} {'wall s':>8} {'CPU s':>7} {'RSS main MB':>11} {'RSS worker MB':>13} {'store MB':>9} {'outputs MB':>10}")
    stored = 0
    for r in range(args.runs + 1):
        count = args.per_run if r < args.runs else args.last
        pages = tmp / f"run{r:03d}"
        write_pages(docs, r * args.per_run, count, pages)
        rec = one_run(pages, out, args.workers)
        rec.update(run=r + 1, pages=count, stored_before=stored)
        rows.append(rec)
        stored = rec["articles"]
        print(f"{r + 1:>4} {rec['stored_before']:>13} {rec['wall']:>8.1f} {rec['cpu']:>7.1f} {rec['rss_main']:>11.0f} "
              f"{rec['rss_worker']:>13.0f} {rec['store_mb']:>9.0f} {rec['outputs_mb']:>10.1f}"
              + ("   <- the last pages" if r == args.runs else ""), flush=True)
        shutil.rmtree(pages)
    full = rows[:-1]
    first, last = full[0], full[-1]
    peak_first = max(first["rss_main"], first["rss_worker"])
    summary = {
        "last_over_first_time": last["wall"] / first["wall"],
        # CPU time (main process and workers): what the run costs, whatever else loads the machine
        "last_over_first_cpu": last["cpu"] / first["cpu"],
        "max_rss_over_first": max(max(r["rss_main"], r["rss_worker"]) for r in full) / peak_first,
        "median_wall": statistics.median(r["wall"] for r in full),
        "last_pages_wall": rows[-1]["wall"],
        "last_pages_rss": max(rows[-1]["rss_main"], rows[-1]["rss_worker"]),
    }
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "summary": summary}, indent=1), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
