"""Thread precision (and some recall) on vims-dev, against hand judgements.

Every vims-dev document is digested as a separate page (as eval/digest_vims.py does);
each story stands for the vims cluster most of its articles come from. Two stories
in one thread are a *joined pair*. A pair of stories from the same cluster is one
event split in two stories, so the same matter by construction; pairs from two
clusters are looked up in eval/gold/threads.jsonl (cluster pointers and a
same_matter label judged by hand from titles and leads, no article text).

    .venv/bin/python eval/threads_eval.py                   # digest (about 2 min), then score
    .venv/bin/python eval/threads_eval.py --work /tmp/tw    # keep pages and digest there
    .venv/bin/python eval/threads_eval.py --digest DIR/digest.json   # score a digest as is
    .venv/bin/python eval/threads_eval.py --db DIR/thoisu.db # rerun only stories+threads
                                                             # with the current code (seconds)

Printed: thread-join precision over judged cross-cluster pairs (and over all pairs,
same-cluster ones counted as right), multi-story threads, recall of the should-join
cluster pairs of the gold file (their main stories share a thread) and of split
clusters (stories of one cluster sharing a thread), and the unjudged joined pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from stories import bcubed  # eval/stories.py: the one B-cubed scorer

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds" / "vims-dev.jsonl"
GOLD = ROOT / "eval" / "gold" / "threads.jsonl"


def write_pages(folder: Path, seed: int = 13) -> int:
    """One plain-text page per vims-dev document, named NNNNN_<cluster>_<doc>.txt."""
    clusters = [json.loads(x) for x in MDS.open(encoding="utf-8")]
    docs = [(c["id"], d) for c in clusters for d in c["documents"]]
    random.Random(seed).shuffle(docs)
    folder.mkdir(parents=True, exist_ok=True)
    for n, (cid, d) in enumerate(docs):
        body = "\n\n".join(p for p in d["text"].split("\n") if p.strip())
        dateline = f"{d['published']}\n\n" if d.get("published") else ""
        (folder / f"{n:05d}_{cid}_{d['id']}.txt").write_text(
            f"{d.get('title') or ''}\n\n{dateline}{body}\n", "utf-8"
        )
    return len(docs)


def cluster_of_page(page: str) -> str:
    return Path(page).name.split("_")[1]


def from_digest(path: Path):
    """(article -> cluster, story -> article ids, story -> thread, story -> title)."""
    data = json.loads(path.read_text("utf-8"))
    gold = {a["id"]: cluster_of_page(a["page"]) for a in data["articles"]}
    members = {s["id"]: s["article_ids"] for s in data["stories"]}
    thread = {s["id"]: s["thread_id"] for s in data["stories"]}
    title = {s["id"]: s["title"] for s in data["stories"]}
    return gold, members, thread, title


def from_db(path: Path):
    """Rerun duplicates, stories and threads over the articles stored in a digest's db,
    in their stored order, with the current code and data/cluster.json."""
    sys.path.insert(0, str(ROOT / "src"))
    from thoisu.store import Store
    from thoisu.stories.cluster import StoryIndex

    with Store(path) as store:
        arts = list(store.articles())
    for a in arts:
        a.story_id = None
        a.duplicate_of = None
    idx = StoryIndex()
    idx.assign(arts)
    gold = {a.id: cluster_of_page(a.page) for a in arts}
    members, thread, title = {}, {}, {}
    for sid, tid, t, ids in idx.stories():
        members[sid], thread[sid], title[sid] = ids, tid, t
    return gold, members, thread, title


def load_gold(path: Path = GOLD) -> dict[tuple[str, str], bool]:
    out: dict[tuple[str, str], bool] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            out[tuple(sorted((g["a"], g["b"])))] = bool(g["same_matter"])  # type: ignore[index]
    return out


def score(gold_arts, members, thread, title, labels, show: bool = True) -> dict:
    story_cluster = {
        sid: Counter(gold_arts[a] for a in ids if a in gold_arts).most_common(1)[0][0]
        for sid, ids in members.items() if any(a in gold_arts for a in ids)
    }
    pred = {a: sid for sid, ids in members.items() for a in ids}
    by_thread: dict[str, list[str]] = defaultdict(list)
    for sid in story_cluster:
        by_thread[thread[sid]].append(sid)
    multi = {t: s for t, s in by_thread.items() if len(s) >= 2}
    same = right = wrong = 0
    unjudged: list[tuple[str, str, str, str]] = []
    wrong_pairs: list[tuple[str, str]] = []
    for sids in multi.values():
        for s1, s2 in combinations(sids, 2):
            c1, c2 = story_cluster[s1], story_cluster[s2]
            if c1 == c2:
                same += 1
                continue
            label = labels.get(tuple(sorted((c1, c2))))  # type: ignore[arg-type]
            if label is None:
                unjudged.append((c1, c2, title[s1], title[s2]))
            elif label:
                right += 1
            else:
                wrong += 1
                wrong_pairs.append(tuple(sorted((c1, c2))))  # type: ignore[arg-type]
    # recall: a cluster is stood for by the story holding most of its articles (two
    # clusters merged in one story count as joined)
    main: dict[str, str] = {}
    held: Counter[tuple[str, str]] = Counter(
        (gold_arts[a], sid) for sid, ids in members.items() for a in ids if a in gold_arts
    )
    for (c, sid), n in sorted(held.items()):
        if c not in main or n > held[(c, main[c])]:
            main[c] = sid
    should = [p for p, v in labels.items() if v and p[0] in main and p[1] in main]
    found = [p for p in should if thread[main[p[0]]] == thread[main[p[1]]]]
    split_pairs = split_found = 0
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for sid, c in story_cluster.items():
        by_cluster[c].append(sid)
    for sids in by_cluster.values():
        for s1, s2 in combinations(sids, 2):
            split_pairs += 1
            split_found += thread[s1] == thread[s2]
    judged = right + wrong
    out = {
        "stories": len(story_cluster),
        "threads": len(by_thread),
        "multi_story_threads": len(multi),
        "cross_cluster_pairs": judged + len(unjudged),
        "judged_pairs": judged,
        "precision_cross": round(right / judged, 3) if judged else None,
        "precision_all": round((right + same) / (judged + same), 3) if judged + same else None,
        "same_cluster_pairs": same,
        "should_join_recall": f"{len(found)}/{len(should)}",
        "split_story_recall": f"{split_found}/{split_pairs}",
        "story_bcubed_f1": round(bcubed(pred, gold_arts)[2], 4),
    }
    if show:
        for c1, c2 in sorted(set(wrong_pairs)):
            print(f"wrong join: {c1} {c2}")
        for c1, c2 in sorted(set(should) - set(found)):
            print(f"missed join: {c1} {c2}")
        for c1, c2, t1, t2 in unjudged:
            print(f"UNJUDGED {c1} {c2}: {t1[:60]} | {t2[:60]}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--digest", type=Path, help="score this digest.json instead of digesting")
    ap.add_argument("--db", type=Path, help="rerun stories and threads over this thoisu.db")
    ap.add_argument("--work", type=Path, help="folder for pages and digest (default: temporary)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--quiet", action="store_true", help="figures only, no pair lists")
    ap.add_argument("--param", action="append", default=[],
                    help="with --db: override a key of data/cluster.json, e.g. thread_word_floor=0.08")
    args = ap.parse_args()
    if args.param:
        sys.path.insert(0, str(ROOT / "src"))
        from thoisu.stories.threads import settings

        for kv in args.param:
            k, v = kv.split("=", 1)
            settings()[k] = json.loads(v)
    labels = load_gold(args.gold)
    if args.db:
        res = from_db(args.db)
    elif args.digest:
        res = from_digest(args.digest)
    else:
        if not MDS.exists():
            print(f"eval: {MDS} not found", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            work = args.work or Path(tmp)
            write_pages(work / "pages")
            out = work / "out"
            proc = subprocess.run(
                [str(ROOT / ".venv" / "bin" / "thoisu"), "digest", str(work / "pages"),
                 "--out", str(out), "--workers", str(args.workers), "--quiet"],
                capture_output=True, text=True,
            )
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return proc.returncode
            res = from_digest(out / "digest.json")
    print(json.dumps(score(*res, labels, show=not args.quiet), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
