"""Leave-one-batch-out figures of the learned parts of the event coder (type + roles).

    .venv/bin/python eval/events_lobo.py [--batches 1 2 3 4 5 6 8 9 10] [--parts roles args filter]
                                         [--filter-l2 3] [--filter-threshold 0.3] [--json OUT]

For each dev batch k of the events gold: each learned part is retrained without batch k
(``train/events_roles.py --hold-batch k``, ``train/events_arguments.py --hold-batch k``,
``train/events_filter.py --batches <the others>``), into a temporary file, and batch k is
scored (eval/events_eval.py's matching) with
- shipped: the data files of the package as they are (they saw batch k in training, or
  are stale: in-batch);
- one part held out at a time (the others shipped), and all parts held out together
  (the roles picker trained first, then the others trained over its output);
- none: the rules alone (no roles picker, no argument model, no filter).
The held-out sums over the batches are the yardstick for a learned part: a change to a
part or its features is kept when it raises the held-out sum and loses on no part.
The test split and batch 7 are never read here.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "train"))

import events_arguments as train_args  # noqa: E402
import events_filter as train_filter  # noqa: E402
import events_roles as train_roles  # noqa: E402
from actors_eval import PRF, load_docs, load_gold  # noqa: E402
from events_eval import evaluate  # noqa: E402

from thoisu.annotate import event_arguments, event_filter, event_model  # noqa: E402

PARTS = {"roles": event_model, "args": event_arguments, "filter": event_filter}
DEV_BATCHES = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11)  # 7 and 12 stay held out of every training


@contextlib.contextmanager
def using(paths: dict[str, Path | None]) -> Iterator[None]:
    """Point the named parts at these data files (None: no model) for the duration."""
    saved = {name: PARTS[name]._DATA for name in paths}
    try:
        for name, path in paths.items():
            PARTS[name]._DATA = path if path is not None else Path("/nonexistent")
            PARTS[name].model.cache_clear()
        yield
    finally:
        for name, path in saved.items():
            PARTS[name]._DATA = path
            PARTS[name].model.cache_clear()


def quiet(fn: Any, argv: list[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        fn(argv)


def train_without(k: int, batches: tuple[int, ...], tmp: Path, l2: float, thr: float,
                  parts: list[str], extra: dict[str, list[str]] | None = None,
                  roles_from: Path | None = None) -> dict[str, Path]:
    """Each part trained without batch k, the roles picker first (the others learn over
    its output, so it must not have seen k either). ``extra``: more options for a part's
    training script; ``roles_from``: a directory holding the pickers of an earlier run
    (``--keep``), reused as they are (the picker's training is the slow step)."""
    extra = extra or {}
    out: dict[str, Path] = {}
    if "roles" in parts:
        out["roles"] = tmp / f"roles-{k}.json"
        if roles_from is not None and (roles_from / out["roles"].name).exists():
            out["roles"].write_bytes((roles_from / out["roles"].name).read_bytes())
        else:
            quiet(train_roles.main, ["--hold-batch", str(k), "--out", str(out["roles"]),
                                     *extra.get("roles", [])])
    with using({"roles": out["roles"]} if "roles" in out else {}):
        if "args" in parts:
            out["args"] = tmp / f"args-{k}.json"
            quiet(train_args.main, ["--batches", *map(str, batches), "--hold-batch", str(k),
                                    "--out", str(out["args"]), *extra.get("args", [])])
        with using({"args": out["args"]} if "args" in out else {}):
            if "filter" in parts:
                out["filter"] = tmp / f"filter-{k}.json"
                quiet(train_filter.main, ["--batches", *(str(b) for b in batches if b != k),
                                          "--actors-gold", "--l2", str(l2), "--threshold",
                                          str(thr), "--out", str(out["filter"]),
                                          *extra.get("filter", [])])
    return out


def variant_name(t: float | None, a: float | None) -> str:
    return f"held:all roles thr {t}" if t is not None else f"held:all args add {a}"


def variant(held: dict[str, Path], t: float | None, a: float | None, tmp: Path
            ) -> dict[str, Path | None]:
    """The held-out parts with the roles picker's threshold or the argument model's 'add'
    changed (the weights as trained)."""
    out: dict[str, Path | None] = dict(held)
    for name, key, val in (("roles", "threshold", t), ("args", "add", a)):
        if val is not None and name in held:
            raw = json.loads(held[name].read_text(encoding="utf-8"))
            raw[key] = val
            out[name] = tmp / f"{held[name].stem}-{key}-{val}.json"
            out[name].write_text(json.dumps(raw), encoding="utf-8")
    return out


def score(gold: list[dict], docs: dict) -> tuple[PRF, int]:
    """Type + roles, and how many events are right at type + participants (the events
    whose roles were to be told apart: role accuracy = roles tp / that)."""
    with contextlib.redirect_stdout(io.StringIO()):
        prf = evaluate(gold, docs, 0)["_prf"]
    return prf["roles"], prf["participants"].tp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    ap.add_argument("--batches", type=int, nargs="+", default=list(DEV_BATCHES))
    ap.add_argument("--parts", nargs="+", default=list(PARTS), choices=list(PARTS))
    ap.add_argument("--filter-l2", type=float, default=train_filter.L2)
    ap.add_argument("--filter-threshold", type=float, default=train_filter.THRESHOLD)
    ap.add_argument("--roles-threshold", type=float, nargs="*", default=[],
                    help="also score all parts held out with the roles picker at these thresholds")
    ap.add_argument("--args-add", type=float, nargs="*", default=[],
                    help="also score all parts held out with the argument model at these 'add'")
    ap.add_argument("--json", help="also write the figures to this file")
    for p in PARTS:
        ap.add_argument(f"--{p}-opt", action="append", default=[], metavar="OPT",
                        help=f"pass this option to the {p} part's training script (repeat)")
    ap.add_argument("--keep", help="keep the held-out data files in this directory")
    ap.add_argument("--roles-from", help="reuse the held-out pickers kept (--keep) by an "
                    "earlier run with the same picker code and gold")
    args = ap.parse_args(argv)
    extra = {p: getattr(args, f"{p}_opt") for p in PARTS}
    batches = tuple(args.batches)
    gold = [g for g in load_gold(ROOT / "eval" / "gold" / "events.jsonl")
            if g["split"] == "dev" and g.get("batch", 1) in batches]
    docs = load_docs(Path(args.mds), gold)
    variants = [(t, None) for t in args.roles_threshold] + [(None, a) for a in args.args_add]
    configs = ["none", "shipped", *(f"held:{p}" for p in args.parts), "held:all",
               *(variant_name(*v) for v in variants)]
    sums = {c: PRF() for c in configs}
    parts_tp = dict.fromkeys(configs, 0)
    table: dict[str, dict[int, dict[str, float]]] = {c: {} for c in configs}
    with tempfile.TemporaryDirectory() as d:
        for k in batches:
            gk = [g for g in gold if g.get("batch", 1) == k]
            held = train_without(k, batches, Path(d), args.filter_l2, args.filter_threshold,
                                 args.parts, extra,
                                 Path(args.roles_from) if args.roles_from else None)
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                for p in held.values():
                    (Path(args.keep) / p.name).write_bytes(p.read_bytes())
            runs: dict[str, dict[str, Path | None]] = {
                "none": {p: None for p in PARTS}, "shipped": {},
                **{f"held:{p}": {p: held[p]} for p in args.parts},
                "held:all": dict(held),
                **{variant_name(*v): variant(held, *v, Path(d)) for v in variants}}
            for c, paths in runs.items():
                with using(paths):
                    prf, ptp = score(gk, docs)
                sums[c].add(prf.tp, prf.pred, prf.gold)
                parts_tp[c] += ptp
                table[c][k] = {"tp": prf.tp, "pred": prf.pred, "gold": prf.gold,
                               "participants_tp": ptp}
            print(f"batch {k}: " + "  ".join(
                f"{c} {table[c][k]['tp']}/{table[c][k]['pred']}/{table[c][k]['gold']}"
                for c in configs), flush=True)
    print(f"\ntype + roles over batches {' '.join(map(str, batches))}, each scored by parts "
          "trained without it (tp/pred/gold):")
    for c in configs:
        acc = sums[c].tp / parts_tp[c] if parts_tp[c] else 0.0
        print(sums[c].row(c) + f"  role accuracy {acc:.3f} ({sums[c].tp}/{parts_tp[c]})")
    if args.json:
        Path(args.json).write_text(json.dumps(
            {c: {"sum": {"tp": s.tp, "pred": s.pred, "gold": s.gold,
                         "participants_tp": parts_tp[c],
                         "p": round(s.p, 4), "r": round(s.r, 4), "f": round(s.f, 4)},
                 "batches": table[c]} for c, s in sums.items()}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
