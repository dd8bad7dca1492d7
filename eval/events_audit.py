"""Precision of the event coder on unseen text: score the rules' events against the audit
judgements of eval/gold/events_audit.jsonl (pointers and labels; no article text).

    PYTHONPATH=src .venv/bin/python eval/events_audit.py [--split dev|test|all] [--show 40]

The audit (eval/gold/events_audit_select.py, EVENTS_GUIDELINE.md "Precision audit") holds
events the rules coded, on main at the audit, on mds documents of clusters no events or
actors gold holds, each judged per the guideline: an event or not; if one, its type, its
actors and its recipients by name. This is PRECISION ONLY: events the rules never coded
there are not in the audit, so nothing here measures recall.

The pipeline is re-run per cluster (every document of the cluster, as at selection). An
audited event still comes out when an event of its coded type (else of its judged type)
is reported on its line; it is then scored at the events_eval.py levels (type, type +
participants, type + roles, all named) against the judgement, plus "strict": type + roles
and no predicted participant outside the judged ones. Audited events that no longer come
out are counted as dropped, with how many of them had been judged right (type + roles).
Halves: "dev" (develop on it) and "test" (held out, read once at the end of a round),
frozen by a hash of the cluster id.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from actors_eval import build_article, names_match, predicted_entities, run_pipeline  # noqa: E402
from events_eval import GEv, PEv, level_ok, participant, predicted  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"
AUDIT = ROOT / "eval" / "gold" / "events_audit.jsonl"
LEVELS = ("type", "participants", "roles", "roles_all", "strict")


def load(split: str) -> list[dict[str, Any]]:
    with open(AUDIT, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [r for r in rows if split == "all" or r["split"] == split]


def judged(r: dict[str, Any]) -> GEv:
    return GEv(type=r["type"] or "NONE", mode=None, paras={r["line"] - 1},
               actors=[participant(a) for a in r["actors"]],
               recipients=[participant(x) for x in r["recipients"]])


def strict_ok(g: GEv, p: PEv) -> bool:
    """Type + roles, and every predicted participant is a judged one."""
    parts = g.actors + g.recipients
    return level_ok(g, p, "roles") and all(
        any(names_match(q, j) for j in parts) for q in p.actors + p.recipients)


def outcome(r: dict[str, Any], pev: list[PEv]) -> tuple[PEv | None, dict[str, bool]]:
    """The predicted event standing for the audited one (None: dropped) and its levels."""
    on_line = [p for p in pev if r["line"] - 1 in p.paras]
    pick = next((p for p in on_line if p.type == r["coded"]), None) or next(
        (p for p in on_line if r["type"] and p.type == r["type"]), None)
    if pick is None:
        return None, {}
    if not r["event"]:
        return pick, {lv: False for lv in LEVELS}
    g = judged(r)
    ok = {lv: level_ok(g, pick, lv) for lv in LEVELS if lv != "strict"}
    ok["strict"] = strict_ok(g, pick)
    return pick, ok


def judged_right_as_coded(r: dict[str, Any]) -> bool:
    """Was the event right (type + roles) when it was audited? (the cause field is empty)"""
    return bool(r["event"]) and not r["cause"]


def score(rows: list[dict[str, Any]], show: int) -> dict[str, Any]:
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_cluster.setdefault(r["cluster"], []).append(r)
    files: dict[str, str] = {r["cluster"]: r["file"] for r in rows}
    docs: dict[str, dict[str, Any]] = {}
    for name in sorted(set(files.values())):
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] in by_cluster:
                    docs[c["id"]] = c
    right = Counter()
    kept = dropped = dropped_right = 0
    causes: Counter[str] = Counter()
    listing: list[str] = []
    for cid, items in by_cluster.items():
        c = docs[cid]
        arts = [build_article({"file": files[cid], "cluster": cid, "doc": i}, d)
                for i, d in enumerate(c["documents"])]
        ids, _ = run_pipeline(arts)
        for r in items:
            art = arts[r["doc"]]
            _, lookup = predicted_entities(art, ids)
            pev, _ = predicted(art, lookup)
            pick, ok = outcome(r, pev)
            where = f"{cid}/{r['doc']} L{r['line']}"
            if pick is None:
                dropped += 1
                dropped_right += judged_right_as_coded(r)
                listing.append(f"DROPPED {where} {r['coded']} (judged "
                               f"{'right' if judged_right_as_coded(r) else 'wrong'})")
                continue
            kept += 1
            for lv in LEVELS:
                right[lv] += ok[lv]
            if not ok["roles"]:
                cause = ("spurious" if not r["event"] else "wrong_type" if not ok["type"]
                         else "role")
                causes[cause] += 1
                parts = f"{[a.name for a in pick.actors]} -> {[x.name for x in pick.recipients]}"
                listing.append(f"{cause:10s} {where} {pick.type} {parts} | judged "
                               f"{r['type']} {r['actors']} -> {r['recipients']}")
            elif not ok["strict"]:  # right, with a participant the judgement does not hold
                parts = f"{[a.name for a in pick.actors]} -> {[x.name for x in pick.recipients]}"
                listing.append(f"{'extra':10s} {where} {pick.type} {parts} | judged "
                               f"{r['type']} {r['actors']} -> {r['recipients']}")
    res = {"audited": len(rows), "still_coded": kept, "dropped": dropped,
           "dropped_judged_right": dropped_right,
           "precision": {lv: round(right[lv] / kept, 3) if kept else None for lv in LEVELS},
           "right": dict(right), "errors_at_roles": dict(causes)}
    for line in listing[:show]:
        print(line)
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    res = score(load(args.split), args.show)
    print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
