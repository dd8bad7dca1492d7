"""Train the gate that codes dropped triggers (src/thoisu/annotate/event_rescue.py).

    .venv/bin/python train/events_rescue.py [--batches 1 2 3 4 5 6 8 9 10] [--hold-batch N]
                                            [--l2 1] [--threshold 0.6] [--cv] [--out PATH]

Examples: with the gate switched off and recording, every trigger the rules drop for want
of a participant is coded with the argument model's likeliest sides (``event_rescue.pick``);
the dev articles' coded events are then matched one to one with the gold happenings at
type + roles (eval/events_eval.py's matching), and a candidate event is labelled 1 when it
takes a gold happening no other event took. Logistic regression (train/events_filter.py's
``fit``: numpy, L2, deterministic). Train after ``train/events_roles.py`` and
``train/events_arguments.py`` (the gate learns over their output).

``--cv``: leave one batch out over the training batches, the gate's gain on each held-out
batch counted from the labels (tp added / events added) for a grid of L2 and threshold.
``--hold-batch N`` leaves batch N out of training (eval/events_lobo.py's "rescue" part).
The test split and the held-out batches (7, 12) are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train"))

import events_filter as train_filter  # noqa: E402
from actors_eval import build_article, load_docs, load_gold, predicted_entities, run_pipeline  # noqa: E402
from events_eval import gold_events, match, predicted  # noqa: E402

from thoisu.annotate import event_rescue  # noqa: E402

OUT = ROOT / "src" / "thoisu" / "annotate" / "data" / "event_rescue.json"
# batch 11 is round 15's validation batch: it never trains the gate
TRAIN_BATCHES = (1, 2, 3, 4, 5, 6, 8, 9, 10)
L2 = 1.0
THRESHOLD = 0.6  # chosen on the --cv table
GRID = {"l2": (1.0, 3.0), "threshold": (0.4, 0.5, 0.6, 0.7)}


def examples_of(golds: list[dict], docs: dict, c: Counter) -> list[tuple[int, list[str], int]]:
    """(batch, features, label) of every candidate event the gate could code."""
    out: list[tuple[int, list[str], int]] = []
    real = event_rescue.model
    # every candidate coded (threshold 0), with the hedges the shipped gate reads
    event_rescue.model = lambda: event_rescue.RescueModel({}, 0.0, tuple(  # type: ignore[assignment]
        tuple(h.split()) for h in train_filter.HEDGES))
    try:
        for g in golds:
            art = build_article(g, docs[(g["file"], g["cluster"], g["doc"])])
            with event_rescue.recording() as recs:
                ids, _ = run_pipeline([art])
            if not recs:
                continue
            _, lookup = predicted_entities(art, ids)
            pev, _ = predicted(art, lookup)
            events = [e for e in art.events if e.actors or e.recipients]  # pev's order
            taken = {j for _, j in match(gold_events(g), pev, "roles")}
            for line, typ, acts, rcs, feats in recs:
                base = typ.split("/")[0]
                # the coded event that holds the candidate (later steps may add a side)
                j = next((j for j, e in enumerate(events) if e.type == base and (
                    line in {m.line for m in e.mentions} or e.line == line)
                    and set(acts) <= set(e.actors) and set(rcs) <= set(e.recipients)), None)
                if j is None:
                    c["merged_or_dropped"] += 1
                    continue
                y = int(j in taken)
                c[f"label_{y}"] += 1
                out.append((g.get("batch", 1), feats, y))
    finally:
        event_rescue.model = real  # type: ignore[assignment]
    return out


def cross_validate(rows: list[tuple[int, list[str], int]]) -> None:
    batches = sorted({b for b, _, _ in rows})
    print("leave one batch out: events added (right/all) per setting")
    for l2, thr in itertools.product(*GRID.values()):
        per = []
        tot = [0, 0]
        for b in batches:
            w = train_filter.fit([(f, y) for bb, f, y in rows if bb != b], l2)
            m = event_rescue.RescueModel(w, thr, ())
            kept = [y for bb, f, y in rows if bb == b and event_rescue.score(m, f) >= thr]
            per.append(f"{b}:{sum(kept)}/{len(kept)}")
            tot[0] += sum(kept)
            tot[1] += len(kept)
        print(f"  l2 {l2} thr {thr}: +{tot[0]}/+{tot[1]}  ({' '.join(per)})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--batches", type=int, nargs="+", default=list(TRAIN_BATCHES))
    ap.add_argument("--hold-batch", type=int, action="append", default=[])
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--cv", action="store_true", help="print the leave-one-batch-out grid")
    ap.add_argument("--show", type=int, default=0, help="print the N heaviest weights")
    args = ap.parse_args(argv)
    batches = [b for b in args.batches if b not in args.hold_batch and b not in (7, 12)]
    dev = [g for g in load_gold(ROOT / "eval" / "gold" / "events.jsonl")
           if g["split"] == "dev" and g.get("batch", 1) in batches]
    docs = load_docs(Path(args.mds), dev)
    c: Counter = Counter()
    rows = examples_of(dev, docs, c)
    print(f"{len(dev)} articles of batches {' '.join(map(str, batches))}: candidate events {dict(c)}")
    if args.cv:
        cross_validate(rows)
    weights = train_filter.fit([(f, y) for _, f, y in rows], args.l2)
    if args.show:
        for f, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[: args.show]:
            print(f"  {w:+.3f} {f}")
    Path(args.out).write_text(json.dumps({
        "about": "learned gate over the triggers dropped for want of a participant "
                 "(thoisu.annotate.event_rescue); made by train/events_rescue.py --l2 "
                 f"{args.l2} --threshold {args.threshold} from the events gold's dev batches "
                 f"{' '.join(map(str, batches))}; a candidate event scored at or above "
                 "threshold is coded",
        "threshold": args.threshold, "hedges": list(train_filter.HEDGES),
        "weights": dict(sorted(weights.items())),
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    np.seterr(over="ignore")
    raise SystemExit(main())
