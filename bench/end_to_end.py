"""A whole ``thoisu digest`` (start-up, per-document stage, corpus stage, outputs) of
the first N vims-dev articles into an empty store on one worker, against underthesea's
ner() over the same text, measured in the same run.

    .venv/bin/python bench/end_to_end.py [--articles 200] [--runs 3]

Each run writes the articles as text pages (title, date line, paragraphs) into a
temporary folder outside the repository and times ``thoisu digest DIR --workers 1`` as
a user would run it; then times ner() over every non-empty line of the same pages in
this process (its model loaded beforehand). Prints per-run figures and the ratio of the
medians (target >= 5x).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vims import MDS, documents


def pages(limit: int) -> list[str]:
    out: list[str] = []
    for _, d in documents(limit):
        body = "\n\n".join(p for p in d["text"].split("\n") if p.strip())
        date = f"{d['published']}\n\n" if d.get("published") else ""
        out.append(f"{d.get('title') or ''}\n\n{date}{body}\n")
    return out


def _child_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not MDS.exists():
        print(f"bench: {MDS} not found", file=sys.stderr)
        return 1
    from underthesea import ner

    texts = pages(args.articles)
    chars = sum(len(t) for t in texts)
    ner("Hà Nội")  # model loaded before timing
    thoisu = str(Path(sys.executable).with_name("thoisu"))
    ours, theirs, cpu = [], [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "pages"
            src.mkdir()
            for i, t in enumerate(texts):
                (src / f"{i:05d}.txt").write_text(t, encoding="utf-8")
            t0, c0 = time.perf_counter(), _child_cpu()
            subprocess.run([thoisu, "digest", str(src), "--out", str(Path(tmp) / "out"),
                            "--workers", "1", "--quiet"], check=True)
            t_ours, c_ours = time.perf_counter() - t0, _child_cpu() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            for line in t.split("\n"):
                if line.strip():
                    ner(line)
        t_ner, c_ner = time.perf_counter() - t0, time.process_time() - c0
        cpu.append(c_ner / c_ours)
        ours.append(t_ours)
        theirs.append(t_ner)
        print(f"run {run + 1}: thoisu digest {t_ours:6.1f} s ({chars / t_ours / 1000:5.1f} kchar/s)   "
              f"underthesea ner() {t_ner:6.1f} s ({chars / t_ner / 1000:5.1f} kchar/s)", flush=True)
    m_ours, m_ner = statistics.median(ours), statistics.median(theirs)
    print(f"median over {args.runs} runs, {len(texts)} articles, {chars} chars, one worker:")
    print(f"  thoisu digest, end to end  {m_ours:6.1f} s")
    print(f"  underthesea ner()          {m_ner:6.1f} s")
    print(f"  ratio                      {m_ner / m_ours:6.2f}x  (target >= 5x)")
    # CPU time (the digest's process and its children) is what other jobs on a shared
    # machine do not inflate
    print(f"  ratio of CPU times         {statistics.median(cpu):6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
