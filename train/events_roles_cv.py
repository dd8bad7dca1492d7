"""An honest estimate of event roles on the dev split: both learned role parts (the
recipient picker of ``events_roles.py`` and the argument model of ``events_arguments.py``)
retrained without each fold of clusters, the held-out fold scored by
``eval/events_eval.py``; beside them the shipped weights (in-sample on dev) and the rules
alone (both parts off).

    .venv/bin/python train/events_roles_cv.py [--mds ../shared/mds] [--folds 5]

Printed per batch group (events_cv.PARTS) and for all dev: type + roles tp/pred/gold, and
role accuracy, the share of the events right at type + participants that are also right
at type + roles (actor and recipient on the right sides). Batch 7 (held out) and the test
split are never read. Nothing is written.

Round 9 (after its changes): shipped 162/206 (role accuracy 162/173), both parts
retrained per fold 159/207 (159/174), rules alone 148/199 (148/167); main before the round:
161/207 (161/172), 158/208 (158/173), 148/200 (148/167).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "train"))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "src"))

import events_arguments as ea  # noqa: E402
import events_cv  # noqa: E402
import events_roles as er  # noqa: E402
from actors_eval import PRF  # noqa: E402
from events_eval import evaluate  # noqa: E402

from thoisu.annotate import event_arguments, event_model  # noqa: E402

SETTINGS = ("shipped", "cv_both", "none")


def picker_examples(mds: Path) -> tuple[list[dict], list, list]:
    """(dev pointers in gold order, gold examples, silver examples) as events_roles.py
    makes them, the rules alone coding."""
    event_model.model.cache_clear()
    real = event_model.model
    event_model.model = lambda: None  # type: ignore[assignment]
    try:
        docs = er.load_docs_all(mds)
        golds = er.gold_sets(True)
        c: Counter = Counter()
        arts, recs = er.run([g for g, _ in golds], docs)
        gold = er.gold_examples(arts, recs, [e for _, e in golds], c)
        _, srecs = er.run(er.silver_pointers(docs, 1500), docs)
        silver = er.silver_examples(srecs, c)
    finally:
        event_model.model = real  # type: ignore[assignment]
    return [g for g, _ in golds if g.get("split") == "dev"], gold, silver


def argument_rows(mds: Path) -> tuple[list[dict], dict, dict[int, list], list]:
    """(dev articles, docs, their rows by article, the rows that always train) as
    events_arguments.py makes them."""
    dev, old = ea.gold_articles()
    dev = [g for g in dev if g.get("batch", 1) in (1, 2, 3, 4, 5, 6, 8, 9)]
    docs = ea.load_docs(mds, dev + old)
    c: Counter = Counter()
    real = event_arguments.model
    event_arguments.model = ea.null_model  # type: ignore[assignment]
    try:
        dev_rows = ea.examples_of(dev, docs, c)
        old_rows = [r for rows in ea.examples_of(old, docs, c).values() for r in rows]
        if ea.SILVER:
            old_rows += ea.silver_rows(ea.SILVER, mds, c)
    finally:
        event_arguments.model = real  # type: ignore[assignment]
    return dev, docs, dev_rows, old_rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    mds = Path(args.mds)
    dev_p, gold_ex, silver_ex = picker_examples(mds)
    dev, docs, dev_rows, old_rows = argument_rows(mds)
    if [(g["cluster"], g["doc"]) for g in dev] != [(g["cluster"], g["doc"]) for g in dev_p]:
        raise SystemExit("the two training scripts read the dev articles in different orders")
    fold = events_cv.folds_of(dev, args.folds)
    def fold_of(a: int) -> int:  # the articles of the older actors gold always train
        return fold[a] if a < len(dev) else -1

    shipped = (event_model.model(), event_arguments.model())
    real = (event_model.model, event_arguments.model)
    roles: dict[str, dict[str, PRF]] = {s: {p: PRF() for p in (*events_cv.PARTS, "all")}
                                        for s in SETTINGS}
    parts: dict[str, dict[str, PRF]] = {s: {p: PRF() for p in (*events_cv.PARTS, "all")}
                                        for s in SETTINGS}
    try:
        for k in range(args.folds):
            wp = er.fit([(f, y, er.GOLD_WEIGHT) for a, _, _, lab in gold_ex
                         if fold_of(a) != k for f, y in lab] + silver_ex)
            picker = event_model.RoleModel(wp, er.THRESHOLD, frozenset(er.TYPES))
            wa = ea.fit(old_rows + [r for n, fo in enumerate(fold) if fo != k
                                    for r in dev_rows.get(n, [])])
            models: dict[str, tuple[Any, Any]] = {
                "shipped": shipped, "cv_both": (picker, ea.as_model(wa, ea.ADD)),
                "none": (None, None)}
            for p in events_cv.PARTS:
                held = [g for g, fo in zip(dev, fold, strict=True)
                        if fo == k and events_cv.part_of(g) == p]
                if not held:
                    continue
                for s, (mp, ma) in models.items():
                    event_model.model = lambda mp=mp: mp  # type: ignore[assignment]
                    event_arguments.model = lambda ma=ma: ma  # type: ignore[assignment]
                    prf = evaluate(held, docs, show=0)["_prf"]
                    for q in (p, "all"):
                        roles[s][q].add(prf["roles"].tp, prf["roles"].pred, prf["roles"].gold)
                        parts[s][q].add(prf["participants"].tp, prf["participants"].pred,
                                        prf["participants"].gold)
    finally:
        event_model.model, event_arguments.model = real  # type: ignore[assignment]
    print(f"{args.folds}-fold CV by cluster over {len(dev)} dev articles: type + roles "
          "tp/pred/gold | role accuracy (roles tp / participants tp)")
    for s in SETTINGS:
        print(f"  {s:8s} " + " | ".join(
            f"{p} {roles[s][p].tp}/{roles[s][p].pred}/{roles[s][p].gold} "
            f"({roles[s][p].tp}/{parts[s][p].tp})" for p in (*events_cv.PARTS, "all")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
