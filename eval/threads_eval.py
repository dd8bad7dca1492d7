"""Thread joins against hand-judged cluster pairs of ../shared/mds, dev and test splits.

Every document of the three mds files (vims-dev, abmusu-train, abmusu-validation; 2,239
documents, 500 clusters) is made a plain-text page (title, date line, lead, text) and
run through the per-document stage (``thoisu.pipeline.process_page``); the annotated
articles are cached in a local pickle (about 1 min on 2 cores the first time). They
are then fed, in a seeded shuffled order and in batches, to an in-memory
``StoryIndex`` (stories, then threads), independent of the runner and the store.

A cluster is stood for by the story holding most of its articles. A judged pair of
clusters (eval/gold/threads.jsonl: cluster pointers, a same_matter label judged by
hand from both clusters' titles, leads and text, a why, and a frozen split) is
*joined* when the two stories share a thread. Per split:

  precision  joined judged pairs that are one matter / joined judged pairs, counting
             joins across stories only (two clusters merged into one story by the
             story stage are reported apart: merged_in_one_story)
  recall     same-matter pairs joined (or merged) / same-matter pairs
  unjudged   joined cross-cluster pairs without a judgement (a lower bound on
             precision counts them all wrong: strict_precision)

The joining rule is chosen on dev; test is read once per adopted change (--split test).

    .venv/bin/python eval/threads_eval.py                  # dev figures (builds the cache)
    .venv/bin/python eval/threads_eval.py --split test     # the frozen test split
    .venv/bin/python eval/threads_eval.py --show           # list wrong, missed, unjudged
    .venv/bin/python eval/threads_eval.py --param join_threshold=0.6   # try a setting
    .venv/bin/python eval/threads_eval.py --set word_floor=0.02        # a story-stage setting
    .venv/bin/python eval/threads_eval.py --batch 500 --param rejoin_grown=true  # incremental
    .venv/bin/python eval/threads_eval.py --seeds          # the seed pages' stories, pair by pair
    .venv/bin/python eval/threads_eval.py --batch 500 --agree   # runs of 500 against one run
    .venv/bin/python eval/threads_eval.py --gold-stories   # each cluster one story (an aid)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import sys
from collections import Counter, defaultdict
from itertools import combinations
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MDS = ROOT.parent / "shared" / "mds"
SETS = ("vims-dev", "abmusu-train", "abmusu-validation")
GOLD = ROOT / "eval" / "gold" / "threads.jsonl"
CACHE = Path("/tmp/thoisu_threads_articles.pkl")


def split_of(a: str, b: str) -> str:
    """The frozen split of a pair: a hash of its sorted cluster ids (half dev, half test)."""
    key = "|".join(sorted((a, b))).encode()
    return "test" if hashlib.sha1(key).digest()[0] % 2 else "dev"


def _page(item: tuple[str, dict[str, Any]]):
    from thoisu.ingest.text import read_text

    cid, d = item
    parts = [d.get("title") or "", d.get("published") or "", d.get("lead") or ""]
    parts += [p for p in d["text"].split("\n") if p.strip()]
    text = "\n\n".join(p for p in parts if p) + "\n"
    return read_text(f"{cid}_{d['id']}.txt", text.encode("utf-8"))


def _work(item: tuple[str, dict[str, Any]]):
    from thoisu.pipeline import safe_process_page

    _, arts, err = safe_process_page(_page(item))
    return item[0], arts or [], err


def build_cache(path: Path, workers: int) -> list[tuple[str, Any]]:
    items = []
    for name in SETS:
        with (MDS / f"{name}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                items += [(c["id"], d) for d in c["documents"]]
    out: list[tuple[str, Any]] = []
    with Pool(workers) as pool:
        for cid, arts, err in pool.imap(_work, items, chunksize=4):
            if err:
                print(err, file=sys.stderr)
            out += [(cid, a) for a in arts]
    path.write_bytes(pickle.dumps(out))
    return out


def load_articles(path: Path, workers: int) -> list[tuple[str, Any]]:
    if path.exists():
        return pickle.loads(path.read_bytes())
    return build_cache(path, workers)


def run(arts: list[tuple[str, Any]], seed: int, batch: int, roundtrip: bool, trace: dict | None = None):
    """Stories and threads over the cached articles; (article -> cluster, story -> article
    ids, story -> thread, the index). ``StoryIndex.assign`` tells the thread index of the
    stories each batch opened (add_story) and grew (update_story), as in the store.
    ``trace``: a dict that records every placement (``ThreadIndex.trace``)."""
    import copy

    from thoisu.stories.cluster import StoryIndex

    order = [(c, copy.copy(a)) for c, a in arts]
    if seed >= 0:  # a negative seed keeps the files' order (clusters together, as crawled)
        random.Random(seed).shuffle(order)
    idx = StoryIndex()
    idx.threads.trace = trace
    by_id = {a.id: a for _, a in order}
    idx.load = lambda ids: [by_id[i] for i in ids if i in by_id]  # as the store reads them back
    for i in range(0, len(order), batch):
        chunk = [a for _, a in order[i : i + batch]]
        for a in chunk:
            a.story_id = None
            a.duplicate_of = None
        idx.assign(chunk)
        if roundtrip:
            idx = StoryIndex.from_json(idx.to_json())
            idx.threads.trace = trace
            idx.load = lambda ids: [by_id[i] for i in ids if i in by_id]
    gold = {a.id: c for c, a in order}
    members: dict[str, list[str]] = {}
    thread: dict[str, str] = {}
    for sid, tid, _, ids in idx.stories():
        members[sid], thread[sid] = ids, tid
    return gold, members, thread, idx


def gold_stories(cluster_of: dict[str, str]) -> None:
    """--gold-stories: make the story stage put each article in the story of its mds
    cluster (or open one), in this process only, to see how much of the threads' misses
    the story stage's splits cause (it spreads many clusters over several stories, and a
    cluster is stood for by its largest piece, often one article)."""
    from thoisu.stories import cluster

    story_of: dict[tuple[int, str], str] = {}
    current: dict[str, str | None] = {"c": None}
    day_of, add = cluster.day_of, cluster.StoryIndex._add

    def day(a: Any) -> int | None:  # called once per new article, before its links
        current["c"] = cluster_of.get(a.id)
        return day_of(a)

    def linked(self: Any, vec: Any, query: Any, d: Any, year: Any) -> dict[str, float]:
        sid = story_of.get((id(self), current["c"] or ""))
        return {sid: 1.0} if sid and sid in self._stories else {}

    def added(self: Any, sid: str, a: Any, *rest: Any) -> None:
        story_of.setdefault((id(self), cluster_of.get(a.id, "")), sid)
        add(self, sid, a, *rest)

    cluster.day_of = day  # type: ignore[assignment]
    cluster.StoryIndex._linked = linked  # type: ignore[method-assign]
    cluster.StoryIndex._within_years = lambda self, ln, year: set(ln)  # type: ignore[method-assign]
    cluster.StoryIndex._add = added  # type: ignore[method-assign]


def load_gold(path: Path = GOLD) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            out[tuple(sorted((g["a"], g["b"])))] = g  # type: ignore[index]
    return out


def _main_stories(gold_arts, members, thread) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each cluster's main story (the one holding most of its articles) and the clusters
    of each thread, by their main stories."""
    held: Counter[tuple[str, str]] = Counter(
        (gold_arts[a], sid) for sid, ids in members.items() for a in ids if a in gold_arts
    )
    main: dict[str, str] = {}
    for (c, sid), n in sorted(held.items()):
        if c not in main or n > held[(c, main[c])]:
            main[c] = sid
    by_thread: dict[str, list[str]] = defaultdict(list)
    for c, sid in sorted(main.items()):
        by_thread[thread[sid]].append(c)
    return main, by_thread


def score(gold_arts, members, thread, labels, split: str) -> dict[str, Any]:
    main, by_thread = _main_stories(gold_arts, members, thread)
    joined = {p for cs in by_thread.values() for p in combinations(sorted(cs), 2)}
    # two clusters in one story were merged by the story stage, not joined by threads
    merged = {p for p in joined if main[p[0]] == main[p[1]]}
    across = joined - merged
    mine = {p: g for p, g in labels.items() if (g.get("split") or split_of(*p)) == split}
    right = sorted(p for p in across if p in mine and mine[p]["same_matter"])
    wrong = sorted(p for p in across if p in mine and not mine[p]["same_matter"])
    unjudged = sorted(p for p in across if p not in labels and split_of(*p) == split)
    merged_mine = [p for p in merged if p in mine]
    merged_right = sum(mine[p]["same_matter"] for p in merged_mine)
    should = sorted(p for p, g in mine.items() if g["same_matter"] and p[0] in main and p[1] in main)
    missed = [p for p in should if p not in joined]
    sizes = Counter(len(cs) for cs in by_thread.values())
    n = len(right) + len(wrong)
    return {
        "split": split,
        "judged_pairs": len(mine),
        "hard_negatives": sum(not g["same_matter"] for g in mine.values()),
        "same_matter_pairs": len(should),
        "joined_across_stories": n,
        "precision": round(len(right) / n, 3) if n else None,
        "recall": round((len(should) - len(missed)) / len(should), 3) if should else None,
        "unjudged_joins": len(unjudged),
        "strict_precision": round(len(right) / (n + len(unjudged)), 3) if n + len(unjudged) else None,
        "merged_in_one_story": f"{merged_right}/{len(merged_mine)} one matter",
        "clusters_in_multi_cluster_threads": sum(k * v for k, v in sizes.items() if k > 1),
        "largest_thread_clusters": max(sizes) if sizes else 0,
        "_wrong": wrong,
        "_merged": sorted(merged_mine),
        "_missed": missed,
        "_unjudged": unjudged,
    }


def joined_pairs(gold_arts, members, thread, split: str) -> set[tuple[str, str]]:
    """Cluster pairs of a split (by the pair hash, judged or not) whose main stories are
    different stories of one thread."""
    main, by_thread = _main_stories(gold_arts, members, thread)
    return {p for cs in by_thread.values() for p in combinations(sorted(cs), 2)
            if main[p[0]] != main[p[1]] and split_of(*p) == split}


def agreement(arts, seed: int, batch: int, labels, split: str) -> dict[str, Any]:
    """How far incremental runs (``batch`` articles at a time) join what one run joins, in
    the same article order, labels not needed: cluster pairs of the split joined by both,
    by the runs only, by one run only (each listed with its judgement, if any)."""
    one = joined_pairs(*run(arts, seed, 10**9, False)[:3], split)
    inc = joined_pairs(*run(arts, seed, batch, False)[:3], split)
    for tag, pairs in (("runs only", inc - one), ("one run only", one - inc)):
        for p in sorted(pairs):
            g = labels.get(p)
            verdict = "unjudged" if g is None else ("one matter" if g["same_matter"] else "different")
            print(f"{tag}: {p[0]} {p[1]} ({verdict}) {g.get('why', '') if g else ''}")
    return {"split": split, "seed": seed, "batch": batch, "one_run": len(one), "runs": len(inc),
            "both": len(one & inc), "runs_only": len(inc - one), "one_run_only": len(one - inc)}


def diagnose(res: dict[str, Any], gold_arts, members, thread, idx, trace: dict) -> Counter[str]:
    """Why each missed same-matter pair was missed, seen from the later-placed of its two
    main stories (or either): 'not a candidate' (the other's thread was never among its
    candidate threads: posting lists), 'gate: who' / 'gate: what' (it was compared, every
    stored story scored 0: no shared participants or names / no shared subject words),
    'threshold' (best probability below join_threshold), 'anchor' (above the threshold
    with a recent story, not with the anchor), 'other thread' (it joined a better one); with
    how many stories each cluster's articles are spread over, and how many misses involve a
    cluster the story stage split."""
    from thoisu.stories.threads import gate_inputs, pair_features, passes_who, thread_settings

    cfg = thread_settings()
    held: Counter[tuple[str, str]] = Counter(
        (gold_arts[a], sid) for sid, ids in members.items() for a in ids if a in gold_arts)
    main_of: dict[str, str] = {}
    for (c, sid), n in sorted(held.items()):
        if c not in main_of or n > held[(c, main_of[c])]:
            main_of[c] = sid
    pieces = Counter(c for c, _ in held)  # cluster -> how many stories hold its articles
    stored = {sid: prof for tid in idx.threads.threads() for sid, prof in idx.threads._threads[tid]["m"].items()}
    out: Counter[str] = Counter()
    rank = {"other thread": 5, "anchor": 4, "threshold": 3, "gate: what": 2, "gate: who": 2,
            "gate": 2, "not a candidate": 1}
    for a, b in res["_missed"]:
        sa, sb = main_of[a], main_of[b]
        why, detail = "not a candidate", ""
        for x, y in ((sa, sb), (sb, sa)):
            ty = thread[y]
            for _cands, scored in trace.get(x, []):
                if ty not in scored:
                    continue
                pb, pa = scored[ty]
                if pb == 0.0:
                    w = "gate"
                    if x in stored and y in stored:  # which half of the gate failed
                        f = pair_features(stored[x], stored[y])
                        war = gate_inputs(stored[x], stored[y])[1]
                        w = "gate: who" if not passes_who(f, war) else "gate: what"
                elif pb < cfg["join_threshold"]:
                    w = "threshold"
                elif pa < cfg["anchor_floor"]:
                    w = "anchor"
                else:
                    w = "other thread"
                if rank[w] > rank[why]:
                    why, detail = w, f"p={pb:.2f} anchor={pa:.2f}"
        out[why] += 1
        print(f"missed ({why}): {a} {b} {detail} stories {pieces[a]}/{pieces[b]}")
    # the story stage may spread one cluster's articles over several stories; a cluster is
    # then stood for by its largest piece, often one article that says little
    split = sum(n > 1 for n in pieces.values())
    print(json.dumps({"clusters_split_over_stories": f"{split}/{len(pieces)}",
                      "missed_with_a_split_cluster": sum(pieces[a] > 1 or pieces[b] > 1 for a, b in res["_missed"]),
                      "missed": len(res["_missed"])}))
    return out


def seed_pairs(seeds: Path) -> None:
    """The seed pages (a smoke test, never a tuning set) through the per-document stage
    and one StoryIndex run: their stories and threads, then every pair of stories as
    placed: pair features, whether the who-and-what gate passes, the probability and the
    shared participants."""
    from itertools import combinations

    from thoisu.ingest.text import read_text
    from thoisu.pipeline import safe_process_page
    from thoisu.stories import threads
    from thoisu.stories.cluster import StoryIndex

    arts = []
    for path in sorted(seeds.glob("*.txt")):
        _, got, err = safe_process_page(read_text(path.name, path.read_bytes()))
        if err:
            print(err, file=sys.stderr)
        arts += got or []
    profiles: dict[str, dict[str, Any]] = {}
    original = threads.ThreadIndex.add_story

    def add_story(self, story_id, centroid, articles=None):  # type: ignore[no-untyped-def]
        profiles.setdefault(story_id, threads.story_profile(centroid, articles))
        return original(self, story_id, centroid, articles)

    threads.ThreadIndex.add_story = add_story  # type: ignore[method-assign]
    try:
        idx = StoryIndex()
        idx.assign(arts)
    finally:
        threads.ThreadIndex.add_story = original  # type: ignore[method-assign]
    for sid, tid, title, ids in idx.stories():
        print(f"story {sid} thread {tid} articles {len(ids)}: {title}")
    post = idx.threads._postings
    seen = {k[2:]: max(0, len(v) - 1) for k, v in post.items() if k.startswith("k:")}
    for a, b in combinations(sorted(profiles), 2):
        f = threads.pair_features(profiles[a], profiles[b], seen)
        shared = sorted(profiles[a]["e"].keys() & profiles[b]["e"].keys())
        acts, war = threads.gate_inputs(profiles[a], profiles[b])
        print(f"{a} {b} features {[round(x, 2) for x in f]} shared acts {acts} "
              f"gate {threads.passes_gate(f, acts, war)} "
              f"p {threads.pair_probability(profiles[a], profiles[b], seen):.3f} shared {shared}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13, help="article order; -1: the files' order")
    ap.add_argument("--batch", type=int, default=5000,
                    help="articles per StoryIndex.assign call (default: all, one digest run; 250: incremental)")
    ap.add_argument("--roundtrip", action="store_true", help="JSON round trip between batches")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show", action="store_true", help="list wrong, missed and unjudged pairs")
    ap.add_argument("--diagnose", action="store_true",
                    help="say why each missed same-matter pair was missed (candidates, gate, threshold, anchor)")
    ap.add_argument("--mixed", action="store_true",
                    help="list the stories holding articles of two clusters (all three files)")
    ap.add_argument("--seeds", action="store_true", help="score the pairs of the seed pages' stories (smoke test)")
    ap.add_argument("--agree", action="store_true",
                    help="compare runs of --batch articles with one run in the same order: cluster pairs "
                         "of the split joined by one and not the other (no labels needed)")
    ap.add_argument("--gold-stories", action="store_true",
                    help="each mds cluster made one story (the story stage's splits taken away): an aid to "
                         "see how much of the misses the splits cause, not a figure of the system")
    ap.add_argument("--param", action="append", default=[],
                    help="override a key of stories/data/threads.json, e.g. join_threshold=0.6")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a key of the story stage's stories/data/cluster.json, e.g. word_floor=0.02")
    args = ap.parse_args()
    from thoisu.stories.threads import settings, thread_settings

    for kv in args.param:
        k, v = kv.split("=", 1)
        thread_settings()[k] = json.loads(v)
    for kv in args.set:
        k, v = kv.split("=", 1)
        settings()[k] = json.loads(v)
    if args.seeds:
        seed_pairs(ROOT.parent / "shared" / "seeds")
        return 0
    if not all((MDS / f"{s}.jsonl").exists() for s in SETS) and not args.cache.exists():
        print(f"eval: {MDS} not found", file=sys.stderr)
        return 1
    arts = load_articles(args.cache, args.workers)
    if args.gold_stories:
        gold_stories({a.id: c for c, a in arts})
    labels = load_gold(args.gold)
    if args.agree:
        print(json.dumps(agreement(arts, args.seed, args.batch, labels, args.split)))
        return 0
    trace: dict | None = {} if args.diagnose else None
    gold_arts, members, thread, idx = run(arts, args.seed, args.batch, args.roundtrip, trace)
    res = score(gold_arts, members, thread, labels, args.split)
    if args.mixed:
        from stories import print_mixed  # eval/stories.py

        print_mixed({a: sid for sid, ids in members.items() for a in ids}, gold_arts)
    if trace is not None:
        print(json.dumps({"missed_because": diagnose(res, gold_arts, members, thread, idx, trace)}))
    if args.show:
        for tag in ("_wrong", "_missed", "_unjudged", "_merged"):
            for a, b in res[tag]:
                why = labels.get((a, b), {}).get("why", "")
                print(f"{tag[1:]}: {a} {b} {why}")
    print(json.dumps({k: v for k, v in res.items() if not k.startswith("_")}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
