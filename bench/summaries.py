"""Cost of one summary of a large input: peak memory and time, one command.

    .venv/bin/python bench/summaries.py [--sentences 5000] [--runs 3] [--shape both]

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
t = time.perf_counter()
out = summarize(docs, 200)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert sum(len(s.text.split()) for s in out) <= 200 and out
print(json.dumps({"seconds": dt, "peak_mb": peak / 1024, "before_mb": before / 1024,
                  "picked": len(out)}))
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shape", choices=("story", "thread", "both"), default="both")
    ap.add_argument("--max-candidates", type=int, default=None,
                    help="candidate cap instead of the model file's (to see the uncapped cost)")
    args = ap.parse_args()
    shapes = ("story", "thread") if args.shape == "both" else (args.shape,)
    for shape in shapes:
        docs = build(args.sentences, shape)
        n = sum(len(d["sentences"]) for d in docs)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "docs.json"
            path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
            runs = [run(path, args.max_candidates) for _ in range(args.runs)]
        for r in runs:
            print(f"{shape}: {n} sentences, {len(docs)} documents: {r['seconds']:.2f} s, "
                  f"peak RSS {r['peak_mb']:.0f} MB (input loaded: {r['before_mb']:.0f} MB), "
                  f"{r['picked']} sentences picked")
        print(f"{shape} median: {statistics.median(r['seconds'] for r in runs):.2f} s, "
              f"peak RSS {statistics.median(r['peak_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
