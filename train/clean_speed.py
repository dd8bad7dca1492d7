"""Throughput of thoisu.clean.extract_articles on one core (not a test; no assertions).

Pages: synthetic dev pages (train/clean_pages.py, held-out abmusu-train clusters) plus
the five seeds. Prints MB/s of page text (UTF-8 bytes).

    .venv/bin/python train/clean_speed.py [ROUNDS]
    PYTHONPATH=DIR/src .venv/bin/python train/clean_speed.py   # another copy (git archive REV src)
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_model import to_page  # noqa: E402
from clean_pages import ROOT, build_pages, load_clusters, split_clusters  # noqa: E402

from thoisu.clean import extract_articles  # noqa: E402


def main(rounds: int = 3) -> None:
    _, dev = split_clusters(load_clusters())
    pages = [to_page(p.lines) for p in build_pages(dev, dev, random.Random(3), per_cluster=3)]
    seeds = ROOT.parent / "shared" / "seeds"
    pages += [to_page(f.read_text(encoding="utf-8").split("\n")) for f in sorted(seeds.glob("0*.txt"))]
    extract_articles(pages[0])  # load word lists and weights once
    size = sum(len(p.text.encode()) for p in pages)
    t, c = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for p in pages:
            extract_articles(p)
    dt = (time.perf_counter() - t) / rounds
    cpu = (time.process_time() - c) / rounds
    # CPU time is what to compare on a shared machine; wall time follows the neighbours
    print(f"{len(pages)} pages, {size / 1e6:.2f} MB, {dt:.2f} s, {size / dt / 1e6:.2f} MB/s; "
          f"CPU {cpu:.2f} s, {size / cpu / 1e6:.2f} MB/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
