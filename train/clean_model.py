"""Train the cleaner's line scorer (src/thoisu/clean/data/line_model.json).

Builds synthetic pages from the abmusu train split (train/clean_pages.py; every fifth
cluster is held out for train/clean_eval.py), runs the rule layer on each, and fits a
logistic regression on the lines the rules leave: furniture (1) vs body or a later
article's headline (0). scikit-learn is used here only; run time reads the JSON.

    .venv/bin/python train/clean_model.py
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_pages import build_pages, load_clusters, split_clusters  # noqa: E402

from thoisu.clean.extract import classify_lines  # noqa: E402
from thoisu.clean.scorer import FEATURES, features  # noqa: E402
from thoisu.models import Page, SourceLine  # noqa: E402

THRESHOLD = 0.6
OUT = Path(__file__).resolve().parents[1] / "src" / "thoisu" / "clean" / "data" / "line_model.json"


def to_page(lines: list[str], path: str = "synthetic.txt") -> Page:
    raw = "\n".join(lines)
    return Page(path=path, lines=[SourceLine(t, i + 1) for i, t in enumerate(lines)],
                sha=hashlib.sha256(raw.encode()).hexdigest(), fmt="txt")


def dataset(pages) -> tuple[np.ndarray, np.ndarray]:
    xs: list[list[float]] = []
    ys: list[int] = []
    for sp in pages:
        lines, title_idx = classify_lines(to_page(sp.lines), use_model=False)
        for i, vec in features(lines, title_idx).items():
            lab = sp.labels[lines[i].line - 1]
            if lab in ("body", "title"):
                ys.append(0)
            elif lab == "furniture":
                ys.append(1)
            else:
                continue
            xs.append(vec)
    return np.array(xs), np.array(ys)


def main() -> None:
    clusters = load_clusters()
    train, _ = split_clusters(clusters)
    pages = build_pages(train, train, random.Random(0), per_cluster=6)
    x, y = dataset(pages)
    print(f"{len(pages)} pages, {len(y)} candidate lines, {y.mean():.3f} furniture")
    # bias column is in the features; no separate intercept
    clf = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000, class_weight={0: 1.0, 1: 1.0})
    clf.fit(x, y)
    p = clf.predict_proba(x)[:, 1]
    for th in (0.5, 0.6, 0.7, 0.8):
        pred = p >= th
        print(f"th={th}: body lost {((pred) & (y == 0)).sum() / max(1, (y == 0).sum()):.4f}, "
              f"furniture caught {((pred) & (y == 1)).sum() / max(1, (y == 1).sum()):.3f}")
    OUT.write_text(json.dumps({
        "about": "Logistic regression over thoisu.clean.scorer.FEATURES; trained by train/clean_model.py",
        "features": list(FEATURES),
        "weights": [round(float(w), 5) for w in clf.coef_[0]],
        "threshold": THRESHOLD,
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    for name, w in sorted(zip(FEATURES, clf.coef_[0], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:18s} {w:+.3f}")


if __name__ == "__main__":
    main()
