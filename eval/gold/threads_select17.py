"""Round 17 of the threads judging: the unjudged dev pairs nearest the join rule's line.

The rule, fixed before its output was read:

1. For each article order 13-18, one run (eval/threads_eval.py's in-memory story and
   thread stages over the cached per-document stage), each mds cluster is stood for by
   its main story (the story holding most of its articles), with its stored thread
   profile.
2. Every pair of clusters whose frozen split (threads_eval.split_of) is dev, that the
   gold does not judge, and whose main stories are two different stored stories, is
   scored by the rule's pair probability (``threads.pair_probability``, the discount of
   participants by the threads that name them as the index has it at the end of the run).
3. A pair is selected when it reaches ``P_MIN`` in any order; at most ``CAP`` pairs, the
   highest (their best probability over the orders) first.

Pairs of the test split are neither listed nor judged. The judging is by hand, from the
titles and leads of both clusters' documents, against the thread definition
(docs/threads.md); judged pairs go to threads.jsonl with ``"round": 17``.

    PYTHONPATH=src .venv/bin/python eval/gold/threads_select17.py --cache FILE
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import threads_eval as te  # noqa: E402

P_MIN = 0.15
CAP = 60
ORDERS = (13, 14, 15, 16, 17, 18)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=te.CACHE)
    args = ap.parse_args()
    from thoisu.stories.threads import pair_probability

    arts = te.load_articles(args.cache, 1)
    gold = te.load_gold()
    best: dict[tuple[str, str], float] = {}
    for seed in ORDERS:
        gold_arts, members, thread, idx = te.run(arts, seed, 10**9, False)
        main, _ = te._main_stories(gold_arts, members, thread)
        ti = idx.threads
        stored = {s: p for t in ti._threads.values() for s, p in t["m"].items()}
        for a, b in combinations(sorted(main), 2):
            if (a, b) in gold or te.split_of(a, b) != "dev":
                continue
            sa, sb = main[a], main[b]
            if sa == sb or sa not in stored or sb not in stored:
                continue
            p = pair_probability(stored[sa], stored[sb], ti._seen(stored[sa]))
            if p >= P_MIN and p > best.get((a, b), 0.0):
                best[(a, b)] = p
    titles: dict[str, list[str]] = {}
    for c, a in arts:
        if a.title and len(titles.setdefault(c, [])) < 3:
            titles[c].append(a.title)
    for (a, b), p in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:CAP]:
        print(json.dumps({"a": a, "b": b, "p": round(p, 3), "ta": titles.get(a), "tb": titles.get(b)},
                         ensure_ascii=False))
    print(f"# {len(best)} pairs at {P_MIN} or more, {min(len(best), CAP)} listed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
