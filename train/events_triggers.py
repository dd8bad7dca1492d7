"""Train the learned trigger proposer (src/thoisu/annotate/trigger_model.py).

    .venv/bin/python train/events_triggers.py [--batches 1 2 3 4 5 6 8] [--hold-batch K]
                                              [--c 0.3] [--threshold 0.5] [--out PATH]
                                              [--lobo] [--thresholds 0.4 0.5 0.6]

Examples are the verb positions of sentences (trigger_model.positions), each labelled with
a PLOVER type or none:
- silver: every mds document no gold holds (clusters of the events test split, of held-out
  batches 7 and 10's candidates, of the actors gold and of the precision audit's held-out
  half left out, as eval/events_silver.py does), run through the pipeline with no proposer:
  a position where a lexicon trigger coded an event of its type in the sentence is that
  type, one where a trigger coded nothing is left out (unknown), any other is none;
- gold: the dev batches named (``--batches``, without ``--hold-batch``): a lexicon trigger
  whose type the gold holds in its paragraph is that type, else none; a position inside a
  gold happening's anchor (the words the annotator quoted) is the happening's type; any
  other is none.
Softmax regression (scikit-learn, L2 by ``--c``) over trigger_model.features.

``--lobo``: for each dev batch k, train without batch k's gold and score batch k (type +
roles, eval/events_eval.py's matching) with the proposer at each of ``--thresholds``,
beside no proposer; the sums over the batches are the yardstick (a proposer is shipped
only when the held-out sum rises, batch 9 read once after). Test, batch 7, batch 9 and
batch 10 are never read here unless named.

Outcome (round 13a; ``--lobo --thresholds 0.1 0.2 0.3 0.5``, C 0.3): 13,732 verb positions
(1,013 silver documents, the dev batches' 342 articles), 560 of them a type. Held-out
type + roles over batches 1-6 and 8: no proposer 197/261 (P 0.755 R 0.456); threshold 0.1
200/274, 0.2 197/265, 0.3 197/262, 0.5 197/262 (C 1.0: 0.1 199/277, 0.2 197/265): three
right events for thirteen more predictions at best. The silver pool is small (mds holds
2,239 documents, about 1,000 outside the test and held-out clusters), the positives are
the lexicon's own words, and a word the lexicon lacks gets its score from syllables it
shares with listed triggers, which is as often another sense ('bắt chước', 'bắt buộc' for
'bắt'). Not adopted: no data file ships, so trigger_model proposes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from actors_eval import build_article, load_docs, load_gold, run_pipeline  # noqa: E402

from thoisu.annotate import events as events_mod  # noqa: E402
from thoisu.annotate import trigger_model  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"
FILES = ("abmusu-train.jsonl", "vims-dev.jsonl", "abmusu-validation.jsonl")
DEV = (1, 2, 3, 4, 5, 6, 8)


def _silver_docs(gold: list[dict]) -> list[tuple[str, dict]]:
    """mds documents no gold holds, outside test / held-out clusters (events_silver.py)."""
    used: set[tuple[str, str]] = set()
    clusters, dev, held = set(), set(), set()
    for name in ("events.jsonl", "actors.jsonl"):
        for g in load_gold(ROOT / "eval" / "gold" / name):
            clusters.add(g["cluster"])
            used.add((g["cluster"], str(g.get("doc"))))
            if g.get("split") == "dev":
                dev.add(g["cluster"])
            if g.get("batch") in (7, 10):
                held.add(g["cluster"])
    test = (clusters - dev) | held
    for a in load_gold(ROOT / "eval" / "gold" / "events_audit.jsonl"):
        if a["split"] == "test":
            test.add(a["cluster"])
    later = _batch_10_candidates()
    out = []
    for name in FILES:
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] in test:
                    continue
                for i, d in enumerate(c["documents"]):
                    key = (c["id"], str(d.get("id", i)))
                    if key in used or key in later:
                        continue
                    out.append((f"{c['id']}/{i}", d))
    return out


def _batch_10_candidates() -> set[tuple[str, str]]:
    """Documents of the selection order after batches 8 and 9 (batch 10 is drawn from them
    while this round works): never read here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("sel", ROOT / "eval/gold/events_select.py")
    sel = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(sel)
    head, rounds = sel._rounds(MDS)
    return {(p["cluster"], str(p["doc"])) for p in (head + rounds)[sel.BATCH_8 + sel.BATCH_9:]}


def collect(arts: list, gold_by_art: dict[str, dict] | None) -> list[tuple[str, int, list[str]]]:
    """(article id, gold batch or 0, label, features) of every verb position."""
    rows: list[Any] = []
    orig = events_mod._code_sentence

    def hook(an, timexes, state, article, line, before=None):  # noqa: ANN001, ANN202
        out = orig(an, timexes, state, article, line, before)
        res = an.res
        w = res.words
        glue = w["proposer_glue"] | w["aux"] | w["negation"]
        starts = {i: t.type for i, j, t in events_mod._find_triggers(an)}
        inside = {k for i, j, t in events_mod._find_triggers(an) for k in range(i, j)}
        coded = {e.type for e in out}
        g = gold_by_art.get(article) if gold_by_art else None
        for k, how in trigger_model.positions(an, glue).items():
            if g is None:  # silver
                if k in starts:
                    if starts[k] not in coded:
                        continue
                    y = starts[k]
                elif k in inside:
                    continue
                else:
                    y = "none"
            else:
                types, anchors = g["paras"].get(line - 1, (set(), []))
                if k in starts:
                    y = starts[k] if starts[k] in types else "none"
                elif k in inside:
                    continue
                else:
                    a, b = an.spans[k]
                    y = next((t for t, s, e in anchors if s <= g["offset"](an.text, line) + a < e),
                             "none")
            rows.append((article, g["batch"] if g else 0, y, trigger_model.features(an, k, how)))
        return out

    events_mod._code_sentence = hook
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            run_pipeline(arts)
    finally:
        events_mod._code_sentence = orig
    return rows


def _gold_index(g: dict, art: Any) -> dict:
    """Per paragraph (line - 1): the gold types and the anchors' character spans."""
    text_of = {p.line: p.text for p in art.paragraphs}
    paras: dict[int, tuple[set[str], list[tuple[str, int, int]]]] = {}
    for e in g["events"]:
        for p in e["paras"]:
            types, anchors = paras.setdefault(p, (set(), []))
            types.add(e["type"])
            t = text_of.get(p + 1, "")
            a = (e.get("anchor") or "").strip()
            at = t.lower().find(a.lower()) if a else -1
            if at >= 0:
                anchors.append((e["type"], at, at + len(a)))

    def offset(sent: str, line: int) -> int:
        return max(0, text_of.get(line, "").find(sent))

    return {"paras": paras, "batch": g.get("batch", 1), "offset": offset}


def gather(batches: tuple[int, ...]) -> list[Any]:
    gold = [g for g in load_gold(ROOT / "eval" / "gold" / "events.jsonl")
            if g["split"] == "dev" and g.get("batch", 1) in batches]
    docs = load_docs(MDS, gold)
    arts = [build_article(g, docs[(g["file"], g["cluster"], g["doc"])]) for g in gold]
    index = {a.id: _gold_index(g, a) for g, a in zip(gold, arts, strict=True)}
    rows = collect(arts, index)
    silver = [build_article({"file": "", "cluster": cid, "doc": ""}, d)
              for cid, d in _silver_docs(gold)]
    rows += collect(silver, None)
    return rows


def train(rows: list[Any], c: float, threshold: float) -> dict[str, Any]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for r in rows for f in r[3])
    index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= 2))}
    labels = sorted({r[2] for r in rows})
    ri, ci = [], []
    for n, r in enumerate(rows):
        for f in r[3]:
            if f in index:
                ri.append(n)
                ci.append(index[f])
    x = csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(rows), len(index)))
    y = np.array([labels.index(r[2]) for r in rows])
    clf = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    clf.fit(x, y)
    names = sorted(index, key=index.get)
    weights = {}
    for f, col in zip(names, clf.coef_.T, strict=True):
        if max(abs(v) for v in col) >= 0.01:
            weights[f] = [round(float(v), 3) for v in col]
    return {"labels": labels, "threshold": threshold, "weights": weights,
            "_doc": "train/events_triggers.py; softmax regression over trigger_model.features"}


def score(batch: int, path: Path | None) -> tuple[int, int, int]:
    from events_eval import evaluate

    gold = [g for g in load_gold(ROOT / "eval" / "gold" / "events.jsonl")
            if g["split"] == "dev" and g.get("batch", 1) == batch]
    docs = load_docs(MDS, gold)
    trigger_model._DATA = path if path is not None else Path("/nonexistent")
    trigger_model.model.cache_clear()
    with contextlib.redirect_stdout(io.StringIO()):
        prf = evaluate(gold, docs, 0)["_prf"]["roles"]
    return prf.tp, prf.pred, prf.gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", type=int, nargs="+", default=list(DEV))
    ap.add_argument("--hold-batch", type=int)
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.4, 0.5, 0.6, 0.7])
    ap.add_argument("--lobo", action="store_true")
    ap.add_argument("--out", default=str(trigger_model._DATA))
    args = ap.parse_args(argv)
    saved = trigger_model._DATA
    trigger_model._DATA = Path("/nonexistent")  # collect with the lexicon alone
    trigger_model.model.cache_clear()
    rows = gather(tuple(args.batches))
    print(f"{len(rows)} positions:", Counter(r[2] for r in rows).most_common(), file=sys.stderr)
    if not args.lobo:
        keep = [r for r in rows if r[1] != args.hold_batch]
        m = train(keep, args.c, args.threshold)
        Path(args.out).write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.out}: {len(m['weights'])} features", file=sys.stderr)
        return 0
    sums: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in args.batches:
            m = train([r for r in rows if r[1] != k], args.c, 0.0)
            line = [f"batch {k}"]
            for thr in [None, *args.thresholds]:
                path = None
                if thr is not None:
                    m["threshold"] = thr
                    path = Path(tmp) / f"trig-{k}-{thr}.json"
                    path.write_text(json.dumps(m), encoding="utf-8")
                tp, pred, gold = score(k, path)
                s = sums.setdefault(str(thr), [0, 0, 0])
                s[0] += tp
                s[1] += pred
                s[2] += gold
                line.append(f"{thr}: {tp}/{pred}")
            print("  ".join(line), flush=True)
    trigger_model._DATA = saved
    for thr, (tp, pred, gold) in sums.items():
        print(f"threshold {thr}: type + roles {tp}/{pred} of {gold}  P {tp / max(pred, 1):.3f}"
              f"  R {tp / max(gold, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
