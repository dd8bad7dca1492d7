"""Per-document throughput of thoisu against underthesea's ner() on the same text.

    .venv/bin/python bench/throughput.py [--articles 200] [--runs 3] [--memory-pages 2000]

Takes the first N articles of ../shared/mds/vims-dev.jsonl as pages, runs the whole
per-document stage (clean, sentences and words, dates, actors, events, quotes) on one
core, and underthesea's ner() over the same article texts; prints characters per
second for both, per run, and the medians and the ratio of medians. Then streams
many pages through the stage and prints the resident memory at checkpoints, to show
that it stays flat as the number of pages grows.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time

from vims import MDS, documents

from thoisu.models import Page, SourceLine
from thoisu.pipeline import process_page


def load_pages(limit: int) -> list[Page]:
    pages: list[Page] = []
    for _, doc in documents(limit):
        text = doc["text"]
        sha = hashlib.sha256(text.encode()).hexdigest()
        lines = [SourceLine(t, i + 1) for i, t in enumerate(text.split("\n"))]
        meta = {"title": doc.get("title"), "outlet": doc.get("outlet")}
        pages.append(Page(path=f"vims/{doc['id']}", lines=lines, sha=sha, fmt="jsonl", meta=meta))
    return pages


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--memory-pages", type=int, default=2000)
    args = ap.parse_args()
    if not MDS.exists():
        print(f"bench: {MDS} not found", file=sys.stderr)
        return 1
    from underthesea import ner

    pages = load_pages(args.articles)
    chars = sum(len(p.text) for p in pages)
    process_page(pages[0])  # load resources once, as a worker process would
    ner(pages[0].lines[0].text)
    ours, theirs, cpu = [], [], []
    from thoisu.actors.words import _syllable_parts, _word_shape
    from thoisu.annotate.sentences import forget_words

    for run in range(args.runs):
        # every run reads the pages as new, as a fresh worker would: no sentence segmented
        # and no word read before
        forget_words()
        for cache in (_syllable_parts, _word_shape):
            cache.cache_clear()
        t, c = time.perf_counter(), time.process_time()
        n_art = sum(len(process_page(p)) for p in pages)
        t_ours, c_ours = time.perf_counter() - t, time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        for p in pages:
            for sl in p.lines:
                if sl.text.strip():
                    ner(sl.text)
        t_ner, c_ner = time.perf_counter() - t, time.process_time() - c
        ours.append(chars / t_ours)
        theirs.append(chars / t_ner)
        cpu.append(c_ner / c_ours)
        print(f"run {run + 1}: thoisu {chars / t_ours / 1000:7.1f} kchar/s ({n_art} articles, "
              f"{len(pages) / t_ours:5.1f} pages/s)   underthesea ner() {chars / t_ner / 1000:6.1f} kchar/s")
    m_ours, m_ner = statistics.median(ours), statistics.median(theirs)
    print(f"median over {args.runs} runs, {len(pages)} articles, {chars} chars, one core:")
    print(f"  thoisu per-document stage  {m_ours / 1000:7.1f} kchar/s")
    print(f"  underthesea ner()          {m_ner / 1000:7.1f} kchar/s")
    print(f"  ratio                      {m_ours / m_ner:7.2f}x  (target >= 8x, issue 10)")
    # CPU time is what other jobs on a shared machine do not inflate
    print(f"  ratio of CPU times         {statistics.median(cpu):7.2f}x")

    # memory: stream pages (cycling the sample with fresh hashes) and watch RSS
    checkpoints = sorted({max(1, args.memory_pages // 8), args.memory_pages // 4, args.memory_pages // 2,
                          args.memory_pages})
    print("resident memory while streaming pages:")
    for i in range(1, args.memory_pages + 1):
        process_page(pages[i % len(pages)])
        if i in checkpoints:
            print(f"  after {i:6d} pages: {rss_mb():7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
