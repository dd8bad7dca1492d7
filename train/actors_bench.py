"""Speed of find_mentions alone (kchar/s, one core) on the first N vims-dev articles.

Sentences and words are made first (annotate_sentences, not timed); then find_mentions
runs over every article, ``--runs`` times; prints the median. The dictionary is loaded
before timing (once per process at run time too). Lives in train/ because bench/ belongs
to the lead; it trains nothing.

Run: .venv/bin/python train/actors_bench.py [--articles 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from thoisu.actors import find_mentions
from thoisu.actors.dictionary import load
from thoisu.annotate.sentences import annotate_sentences
from thoisu.models import Article, Paragraph

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mds", default=str(ROOT.parent / "shared/mds"))
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    arts: list[Article] = []
    with open(Path(args.mds) / "vims-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                paras = [Paragraph(t, i + 1) for i, t in enumerate(doc["text"].split("\n")) if t.strip()]
                a = Article(id=doc["id"], page="vims", paragraphs=paras)
                a.sentences = annotate_sentences(a)
                arts.append(a)
                if len(arts) >= args.articles:
                    break
            if len(arts) >= args.articles:
                break
    chars = sum(len(s.text) for a in arts for s in a.sentences)
    load()
    find_mentions(arts[0])
    rates = []
    n = 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        n = sum(len(find_mentions(a)) for a in arts)
        rates.append(chars / (time.perf_counter() - t0) / 1000)
    print(f"{len(arts)} articles, {chars} chars, {n} mentions; runs kchar/s: "
          + ", ".join(f"{r:.0f}" for r in rates) + f"; median {statistics.median(rates):.0f} kchar/s")


if __name__ == "__main__":
    main()
