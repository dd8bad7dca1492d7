"""Development figures of the cleaner on synthetic pages built from held-out abmusu-train
clusters (every fifth; the model never trains on them).

    .venv/bin/python train/clean_eval.py [--pages-per-cluster 3] [--seed 7]

body kept %      body lines returned as paragraphs / body lines
furniture kept % furniture lines returned as paragraphs / furniture lines
article count    pages whose number of articles is right
title / author   exact matches among articles matched by order (pages with the right count)
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_model import to_page  # noqa: E402
from clean_pages import build_pages, load_clusters, split_clusters  # noqa: E402

from thoisu.clean import extract_articles  # noqa: E402


def evaluate(pages) -> dict[str, float]:
    c: Counter[str] = Counter()
    why: Counter[str] = Counter()
    for sp in pages:
        arts = extract_articles(to_page(sp.lines))
        kept = {p.line for a in arts for p in a.paragraphs}
        for i, lab in enumerate(sp.labels, start=1):
            if lab == "body":
                c["body"] += 1
                c["body_kept"] += i in kept
            elif lab == "furniture":
                c["furn"] += 1
                if i in kept:
                    c["furn_kept"] += 1
                    why[sp.lines[i - 1][:60]] += 1
        c["pages"] += 1
        c["count_ok"] += len(arts) == len(sp.gold)
        if len(arts) == len(sp.gold):
            for a, g in zip(arts, sp.gold, strict=True):
                c["arts"] += 1
                c["title_ok"] += a.title == g["title"]
                if g["author"] is not None:
                    c["auth"] += 1
                    c["auth_ok"] += a.author == g["author"]
                if g["via"]:
                    c["via"] += 1
                    c["via_ok"] += a.via == g["via"]
    res = {
        "pages": c["pages"],
        "body_kept_%": 100 * c["body_kept"] / max(1, c["body"]),
        "furniture_kept_%": 100 * c["furn_kept"] / max(1, c["furn"]),
        "article_count_acc_%": 100 * c["count_ok"] / max(1, c["pages"]),
        "title_acc_%": 100 * c["title_ok"] / max(1, c["arts"]),
        "author_acc_%": 100 * c["auth_ok"] / max(1, c["auth"]),
        "via_acc_%": 100 * c["via_ok"] / max(1, c["via"]),
    }
    return res, why


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages-per-cluster", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print the most frequent kept furniture lines")
    args = ap.parse_args()
    clusters = load_clusters()
    _, dev = split_clusters(clusters)
    pages = build_pages(dev, dev, random.Random(args.seed), per_cluster=args.pages_per_cluster)
    res, why = evaluate(pages)
    for k, v in res.items():
        print(f"{k:22s} {v:.2f}" if isinstance(v, float) else f"{k:22s} {v}")
    for t, n in why.most_common(args.show):
        print(f"  {n:3d}  {t}")


if __name__ == "__main__":
    main()
