"""Round 16 of the threads judging: bystander stories beside the matters among states
(docs/threads.md, *Round 16*).

A *bystander* reports a war, a dispute or another state's matter in passing: a third
country's reaction, a trade or price story that names the war, an analysis piece. Such
stories name the matter's states as often as the matter's own stories do, and a rule
that lets shared states or their acts join stories must keep them out.

The rule, fixed before any system output of the round was read:

1. **Matters among states.** The groups of clusters joined by one-matter judgements of
   eval/gold/threads.jsonl (any split: the group is a fact of the gold, not a choice)
   with two or more clusters, more than half of them selected by round 12's interstate
   rule (threads_select12.py).
2. **Their states.** The countries (countries.tsv names, whole syllables, case-
   sensitive, as round 12) named in the titles and leads of more than half the group's
   clusters, Vietnam left out (these are Vietnamese corpora: Vietnam is named
   everywhere). A group with fewer than two such states is no matter among states here.
3. **Bystanders.** A cluster outside the group whose documents (title, lead and text)
   name at least two of the group's states, each at least ``MIN_MENTIONS`` times.
4. **Pairs.** Every bystander with every cluster of the group, kept when its frozen
   split (threads_eval.split_of) is dev; pairs of the test split are neither listed nor
   judged. Each pair is printed with whether the gold judges it already.

The judging itself is by hand, from both clusters' titles, leads and text, against the
thread definition (docs/threads.md); judged pairs go to threads.jsonl with ``"round":
16``.

    .venv/bin/python eval/gold/threads_select16.py            # groups, bystanders, pairs
    .venv/bin/python eval/gold/threads_select16.py --unjudged # unjudged dev pairs only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(HERE))

from threads_eval import MDS, SETS, load_gold, split_of  # noqa: E402
from threads_select12 import _pattern, country_names, heads, select  # noqa: E402

MIN_MENTIONS = 2
HOME = "VNM"


def clusters() -> dict[str, dict]:
    out = {}
    for name in SETS:
        for line in (MDS / f"{name}.jsonl").read_text("utf-8").splitlines():
            c = json.loads(line)
            out[c["id"]] = c
    return out


def groups(gold: dict[tuple[str, str], dict]) -> list[list[str]]:
    """Connected components of the one-matter judgements (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), g in gold.items():
        if g["same_matter"]:
            parent[find(a)] = find(b)
    comp: dict[str, list[str]] = {}
    for x in list(parent):
        comp.setdefault(find(x), []).append(x)
    return sorted(sorted(v) for v in comp.values() if len(v) >= 2)


def full_text(c: dict) -> str:
    return "\n".join(f"{d.get('title') or ''}\n{d.get('lead') or ''}\n{d['text']}" for d in c["documents"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--unjudged", action="store_true", help="print the unjudged dev pairs only")
    args = ap.parse_args()
    names = country_names()
    cpat = _pattern(list(names))
    gold = load_gold()
    interstate = {cid for cid, *_ in select()}
    cl = clusters()
    counts: dict[str, Counter] = {cid: Counter(names[m] for m in cpat.findall(full_text(c))) for cid, c in cl.items()}
    in_heads = {cid: {names[m] for m in cpat.findall("\n".join(heads(d) for d in c["documents"]))}
                for cid, c in cl.items()}
    seen: set[tuple[str, str]] = set()
    tally = [0, 0]
    for grp in groups(gold):
        if 2 * len(interstate & set(grp)) <= len(grp):
            continue
        per = Counter(iso for cid in grp for iso in in_heads[cid])
        states = sorted(iso for iso, n in per.items() if iso != HOME and 2 * n > len(grp))
        if len(states) < 2:
            continue
        bys = [cid for cid in cl if cid not in grp
               and sum(counts[cid][iso] >= MIN_MENTIONS for iso in states) >= 2]
        if not args.unjudged:
            print(json.dumps({"group": grp, "states": states, "bystanders": bys}, ensure_ascii=False))
        for by in bys:
            for cid in grp:
                p = tuple(sorted((by, cid)))
                if p in seen or split_of(*p) != "dev":
                    continue
                seen.add(p)
                judged = p in gold
                tally[judged] += 1
                if args.unjudged and judged:
                    continue
                print(json.dumps({"a": p[0], "b": p[1], "bystander": by, "matter_cluster": cid,
                                  "split": "dev", "judged": judged}))
    print(json.dumps({"dev_pairs_unjudged_judged": tally}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
