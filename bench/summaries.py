"""Cost of one summary of a large input: peak memory and time, one command.

    .venv/bin/python bench/summaries.py [--sentences 5000] [--runs 3] [--shape both]
    .venv/bin/python bench/summaries.py --shape digest [--articles 200] [--runs 5] [--profile]

Builds synthetic inputs from real text: the documents of ../shared/mds/vims-dev.jsonl
then abmusu-train.jsonl, in file order, split into sentences as ``thoisu summarize
--clusters`` splits them, until SENTENCES sentences. Two shapes, as the corpus stage
calls ``summarize``: ``story`` (whole articles as documents) and ``thread`` (one
document per story made of 5 summary-like sentences: each article's first five).
Each run is a fresh process that loads the input, records its resident memory, calls
``summarize(docs, 200)`` once and prints the time and the process's peak resident set
size (``ru_maxrss``, which includes the interpreter, numpy and the model). Prints each
run and the medians. No dense sentence x sentence matrix is built (see
``stories/summarize/similarity.py``), and inputs above the model's candidate cap are cut
to the earliest sentences of every document first.

``digest``: the ``summarize`` calls of a real ``thoisu digest`` of the first N vims-dev
articles (one worker; the calls are recorded from ``thoisu.corpus`` during the run, not
changed), then timed again in one process, all of them per run: CPU seconds per run and
their median (the machine is shared: CPU time, not wall time), and with ``--profile`` a
cProfile of one more pass, sorted by cumulative time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"

CHILD = r"""
import json, resource, sys, time
from thoisu.models import SummarySentence
from thoisu.stories.summarize import SummaryDoc, load_model, summarize
model = load_model()  # loaded before the clock starts, as in a long-running process
if len(sys.argv) > 2:  # another candidate cap than the model file's
    model["select"]["max_candidates"] = int(sys.argv[2])
raw = json.load(open(sys.argv[1], encoding="utf-8"))
docs = [SummaryDoc(id=d["id"], title=d["title"], published=d["published"],
                   sentences=[SummarySentence(t, d["id"], ln) for t, ln in d["sentences"]])
        for d in raw]
del raw
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, c = time.perf_counter(), time.process_time()
out = summarize(docs, 200)
dt, dc = time.perf_counter() - t, time.process_time() - c
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert sum(len(s.text.split()) for s in out) <= 200 and out
print(json.dumps({"seconds": dt, "cpu_seconds": dc, "peak_mb": peak / 1024,
                  "before_mb": before / 1024, "picked": len(out)}))
"""


def build(n_sentences: int, shape: str) -> list[dict]:
    from thoisu.annotate.sentences import split_text

    docs: list[dict] = []
    total = 0
    for name in ("vims-dev.jsonl", "abmusu-train.jsonl"):
        with (MDS / name).open(encoding="utf-8") as fh:
            for line in fh:
                for d in json.loads(line)["documents"]:
                    sents = [(s, ln) for ln, p in enumerate((d["text"] or "").split("\n"), 1)
                             for _, s in split_text(p)]
                    if shape == "thread":
                        sents = sents[:5]
                    sents = sents[: n_sentences - total]
                    if not sents:
                        continue
                    docs.append({"id": f"{len(docs)}", "title": d.get("title"),
                                 "published": d.get("published"), "sentences": sents})
                    total += len(sents)
                    if total >= n_sentences:
                        return docs
    return docs


def run(path: Path, cap: int | None) -> dict:
    argv = [sys.executable, "-c", CHILD, str(path)] + ([str(cap)] if cap else [])
    out = subprocess.run(argv, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def digest_calls(n_articles: int) -> list[tuple]:
    """(docs, args, kwargs) of every ``summarize`` call of a digest of the first
    ``n_articles`` vims-dev articles, recorded while ``thoisu digest`` runs in-process."""
    import thoisu.corpus as corpus
    from thoisu.cli import app

    sys.path.insert(0, str(ROOT / "bench"))
    from end_to_end import pages

    calls: list[tuple] = []
    original = corpus.summarize

    def record(docs, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202 - a recording shim
        calls.append((docs, a, k))
        return original(docs, *a, **k)

    corpus.summarize = record
    try:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "pages"
            src.mkdir()
            for i, text in enumerate(pages(n_articles)):
                (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            try:
                app(["digest", str(src), "--out", str(Path(tmp) / "out"), "--workers", "1",
                     "--quiet"])
            except SystemExit as e:
                if e.code:
                    raise
    finally:
        corpus.summarize = original
    return calls


def bench_digest(n_articles: int, runs: int, profile: bool) -> None:
    import cProfile
    import pstats
    import time

    from thoisu.stories.summarize import load_model, summarize

    calls = digest_calls(n_articles)
    load_model()
    n_sent = sum(len(d.sentences) for docs, _, _ in calls for d in docs)

    def once() -> None:
        for docs, a, k in calls:
            summarize(docs, *a, **k)

    once()  # warm
    cpu = []
    for _ in range(runs):
        t = time.process_time()
        once()
        cpu.append(time.process_time() - t)
    print(f"digest of {n_articles} articles: {len(calls)} summarize calls, {n_sent} sentences; "
          f"CPU s per pass {', '.join(f'{c:.3f}' for c in cpu)}; "
          f"median {statistics.median(cpu):.3f} s")
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        once()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shape", choices=("story", "thread", "both", "digest"), default="both")
    ap.add_argument("--articles", type=int, default=200, help="digest shape: articles")
    ap.add_argument("--profile", action="store_true", help="digest shape: cProfile one pass")
    ap.add_argument("--max-candidates", type=int, default=None,
                    help="candidate cap instead of the model file's (to see the uncapped cost)")
    args = ap.parse_args()
    if args.shape == "digest":
        bench_digest(args.articles, args.runs, args.profile)
        return
    shapes = ("story", "thread") if args.shape == "both" else (args.shape,)
    for shape in shapes:
        docs = build(args.sentences, shape)
        n = sum(len(d["sentences"]) for d in docs)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "docs.json"
            path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
            runs = [run(path, args.max_candidates) for _ in range(args.runs)]
        for r in runs:
            print(f"{shape}: {n} sentences, {len(docs)} documents: {r['seconds']:.2f} s "
                  f"({r['cpu_seconds']:.2f} s CPU), "
                  f"peak RSS {r['peak_mb']:.0f} MB (input loaded: {r['before_mb']:.0f} MB), "
                  f"{r['picked']} sentences picked")
        print(f"{shape} median: {statistics.median(r['seconds'] for r in runs):.2f} s "
              f"({statistics.median(r['cpu_seconds'] for r in runs):.2f} s CPU), "
              f"peak RSS {statistics.median(r['peak_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
