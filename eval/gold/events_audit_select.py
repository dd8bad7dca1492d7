"""Pointers for the events precision audit (eval/gold/events_audit.jsonl), by a rule fixed
before any of its output was read.

Text: every mds document of a cluster that no events or actors gold names (any split, any
batch) and the quotes test split does not hold. Only 41 clusters are in no events, actors
or quotes gold at all (and they give 42 events: sports and technology pages), so the 30
clusters of the quotes dev split (another task's development set, never an events gold)
are read too; the threads and dates golds judge other things and are not excluded. Clusters are taken in the md5 order of "audit10:" + id;
the pipeline runs on all documents of each; of the events it codes with at least one
participant, up to 2 per cluster are taken in each of ``--passes`` passes over the
clusters (md5 order of the event's pointer, preferring a type the cluster has not given
yet), at most ``--per-type`` of one type, until ``--n`` events: the first pass spreads the
sample over every cluster (71 clusters give fewer than 150 at 2 a cluster), the second
fills it towards 150 (at most 4 a cluster). Half of the clusters (md5 of the id, first hex digit even) are the audit's
held-out half, read once at the end of a round; the other half is the audit's dev half.

    PYTHONPATH=src .venv/bin/python eval/gold/events_audit_select.py > pointers.tsv

The stored audit (87 events, 43 clusters: 37 in the dev half, 50 held out) was selected by
this script on main at 7755afa (round 10); run on a later tree it selects other events,
since the coded events change. Prints one line per selected event: cluster, doc index, line, type, split, actors ->
recipients, sentence (for the annotator; the stored gold holds pointers and labels only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MDS = ROOT.parent / "shared" / "mds"
FILES = ("abmusu-train.jsonl", "vims-dev.jsonl", "abmusu-validation.jsonl")
CLUSTER_ID = re.compile(r"(?:abmusu-(?:train|validation)|vims)-\d+")


def md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def audit_split(cluster: str) -> str:
    """The audit's frozen halves: held out ("test") when md5(id) starts with an even digit."""
    return "test" if int(md5(cluster)[0], 16) % 2 == 0 else "dev"


def gold_clusters() -> set[str]:
    """Every cluster id written in an events or actors gold file (any split) or in the
    quotes test split."""
    out: set[str] = set()
    for path in (ROOT / "eval" / "gold").iterdir():
        if (path.suffix == ".jsonl" and path.name.startswith(("events", "actors", "quotes_test"))
                and path.name != "events_audit.jsonl"):
            out.update(CLUSTER_ID.findall(path.read_text(encoding="utf-8")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--per-type", type=int, default=30)
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "eval"))
    from actors_eval import build_article, run_pipeline

    skip = gold_clusters()
    clusters: list[tuple[str, str, dict]] = []
    for name in FILES:
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] not in skip:
                    clusters.append((c["id"], name, c))
    clusters.sort(key=lambda t: md5("audit10:" + t[0]))
    pools: list[tuple[str, list]] = []
    for cid, fname, c in clusters:
        arts = [build_article({"file": fname, "cluster": cid, "doc": i}, d)
                for i, d in enumerate(c["documents"])]
        run_pipeline(arts)
        cands = [(md5(f"{cid}/{i}/{e.line}/{e.type}"), i, e)
                 for i, a in enumerate(arts) for e in a.events if e.actors or e.recipients]
        cands.sort(key=lambda t: t[0])
        pools.append((cid, cands))
    per_type: dict[str, int] = {}
    chosen: dict[str, list] = {cid: [] for cid, _ in pools}
    taken = 0
    # pass k takes up to 2 more events of each cluster in cluster order: the first pass
    # spreads the sample over every cluster, later passes fill it to --n
    for _ in range(args.passes):
        for cid, cands in pools:
            got = 0
            for key, i, e in cands:
                if taken >= args.n or got == 2:
                    break
                if any(key == k for k, _, _ in chosen[cid]) or per_type.get(e.type, 0) >= args.per_type:
                    continue
                seen = {x.type for _, _, x in chosen[cid]}
                if e.type in seen and any(x.type not in seen and per_type.get(x.type, 0) < args.per_type
                                          and all(k != y for y, _, _ in chosen[cid])
                                          for k, _, x in cands):
                    continue  # prefer a type the cluster has not given yet
                chosen[cid].append((key, i, e))
                per_type[e.type] = per_type.get(e.type, 0) + 1
                taken += 1
                got += 1
    for cid, _ in pools:
        for _, i, e in chosen[cid]:
            print(cid, i, e.line, e.type, audit_split(cid),
                  ",".join(e.actors) + " -> " + ",".join(e.recipients), e.text[:300], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
