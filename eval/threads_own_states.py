"""Where ``own_acts.share`` parts bystanders from a matter's own stories (round 16).

An act on a country counts as shared between two stories only when that country is an
*own state* of both (``threads.own_states``: its names weigh at least ``share`` of the
story's most weighed country). For a pair of stories the largest share at which some
country is still own to both is max over countries of min(its weight relative to each
story's top country): at any share up to that value the pair may share acts on it, above
it never. This prints that value for the dev pairs of round 16's bystander selection
(eval/gold/threads_select16.py: a story that names the matter's states in passing beside
the matter's stories) and for the dev one-matter pairs among states, on the main stories
of one run (the story stage as configured, ``--set`` as in threads_eval.py).

    .venv/bin/python eval/threads_own_states.py --cache FILE --seed 13 --set names_once=true --set pair_threshold=0.30
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from threads_eval import CACHE, _main_stories, load_articles, load_gold, run  # noqa: E402

import thoisu.stories.threads as threads  # noqa: E402


def share_limit(a: dict[str, float], b: dict[str, float]) -> tuple[float, str]:
    """The largest share at which a country is an own state of both (0 when none)."""
    best, iso = 0.0, ""
    for k in a.keys() & b.keys():
        v = min(a[k], b[k])
        if v > best:
            best, iso = v, k
    return best, iso


def relative(prof: dict[str, Any]) -> dict[str, float]:
    w = threads._state_weights(prof)
    top = max(w.values(), default=0.0)
    return {k: v / top for k, v in w.items()} if top > 0 else {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    from thoisu.stories.cluster import settings

    for kv in args.set:
        k, v = kv.split("=", 1)
        settings()[k] = json.loads(v)
    profiles: dict[str, dict[str, Any]] = {}
    made = threads.story_profile
    orig_add, orig_upd = threads.ThreadIndex.add_story, threads.ThreadIndex.update_story

    def add(self: Any, sid: str, centroid: Any, articles: Any = None) -> str:
        profiles[sid] = made(centroid, articles)
        return orig_add(self, sid, centroid, articles)

    def upd(self: Any, sid: str, centroid: Any, articles: Any = None) -> str:
        if sid in profiles:
            profiles[sid] = threads.merge_profiles(profiles[sid], made(centroid, articles))
        return orig_upd(self, sid, centroid, articles)

    threads.ThreadIndex.add_story, threads.ThreadIndex.update_story = add, upd  # type: ignore[method-assign]
    arts = load_articles(args.cache, 1)
    gold_arts, members, thread, _ = run(arts, args.seed, 5000, False)
    main_story, _ = _main_stories(gold_arts, members, thread)
    labels = load_gold()
    sel = subprocess.run([sys.executable, str(ROOT / "eval" / "gold" / "threads_select16.py")],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    bystander = [json.loads(ln) for ln in sel if ln.startswith('{"a"')]
    groups = [json.loads(ln) for ln in sel if ln.startswith('{"group"')]
    in_group = {c for g in groups for c in g["group"]}
    rel = {c: relative(profiles.get(s, {"v": {}})) for c, s in main_story.items()}
    rows = []
    for p in bystander:
        a, b = p["a"], p["b"]
        if main_story.get(a) == main_story.get(b):
            continue
        lim, iso = share_limit(rel.get(a, {}), rel.get(b, {}))
        rows.append(("bystander", lim, iso, p["bystander"], p["matter_cluster"]))
    for (a, b), g in labels.items():
        if g["split"] == "dev" and g["same_matter"] and a in in_group and b in in_group and main_story.get(a) != main_story.get(b):
            lim, iso = share_limit(rel.get(a, {}), rel.get(b, {}))
            rows.append(("one matter", lim, iso, a, b))
    for kind, lim, iso, a, b in sorted(rows, key=lambda r: (r[0], -r[1])):
        top_a = ", ".join(f"{k} {v:.2f}" for k, v in sorted(rel.get(a, {}).items(), key=lambda kv: -kv[1])[:4])
        print(f"{kind}\t{lim:.2f}\t{iso}\t{a} [{top_a}]\t{b}")
    for kind in ("bystander", "one matter"):
        lims = [r[1] for r in rows if r[0] == kind]
        if lims:
            print(json.dumps({kind: len(lims), "median_limit": round(statistics.median(lims), 2),
                              "at_or_above": {s: sum(v >= s for v in lims) for s in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
