"""Evaluate duplicates, stories and threads on the mds clusters (../shared/mds).

Every document of a cluster file becomes a separate Article (title, lead and text
paragraphs, published date when it parses); articles are shuffled and fed to a
``StoryIndex`` in batches, the index round-tripping through JSON between batches as
the digest does across runs. Stories are scored against the clusters with B-cubed
precision, recall and F1.

    .venv/bin/python eval/stories.py                      # vims-dev, all 200 clusters
    .venv/bin/python eval/stories.py --set abmusu-validation
    .venv/bin/python eval/stories.py --clusters 1-100     # the tuning half
    .venv/bin/python eval/stories.py --train-common       # rebuild src/thoisu/data/common.tsv

``--train-common`` counts document frequencies of terms (entity keys included, so it
runs the sentence and actor annotators first) over abmusu-train (never used for
scoring) and keeps only the common ones (in at least 1% of articles) with their
share: a table of common words and names, no article text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from thoisu.dates import parse_date  # noqa: E402
from thoisu.models import Article, Paragraph, TimeValue  # noqa: E402
from thoisu.stories.cluster import StoryIndex, article_terms  # noqa: E402
from thoisu.stories.cluster import settings as cluster_settings  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"


def parse_published(s: str | None) -> TimeValue | None:
    """The publication date of an mds record, read by the project's one date parser."""
    return parse_date(s) if s else None


def load(name: str, span: tuple[int, int] | None = None, dates: bool = True):
    """Articles and gold cluster labels of one mds file."""
    path = MDS / f"{name}.jsonl"
    if not path.exists():
        sys.exit(f"missing {path}")
    articles: list[Article] = []
    gold: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if span and not span[0] <= i <= span[1]:
                continue
            c = json.loads(line)
            for d in c["documents"]:
                aid = f"{c['id']}-{d['id']}"
                paras = [d["lead"]] if d.get("lead") else []
                paras += [p for p in d["text"].split("\n") if p.strip()]
                articles.append(
                    Article(
                        id=aid,
                        page=str(path),
                        title=d.get("title"),
                        outlet=d.get("outlet"),
                        published=parse_published(d.get("published")) if dates else None,
                        paragraphs=[Paragraph(text=p, line=k + 1) for k, p in enumerate(paras)],
                    )
                )
                gold[aid] = c["id"]
    return articles, gold


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for k, v in pred.items():
        by_pred[v].add(k)
    for k, v in gold.items():
        by_gold[v].add(k)
    p = r = 0.0
    for k in gold:
        a, b = by_pred[pred[k]], by_gold[gold[k]]
        inter = len(a & b)
        p += inter / len(a)
        r += inter / len(b)
    n = len(gold)
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def mixed_stories(pred: dict[str, str], gold: dict[str, str], least: int = 1) -> list[tuple[str, Counter[str]]]:
    """Stories holding articles of two gold clusters or more, each cluster counted when it
    has ``least`` articles there or more (2: a cluster's lone article beside another's is
    left out): (story, articles per cluster), the largest first."""
    held: dict[str, Counter[str]] = defaultdict(Counter)
    for k, v in pred.items():
        if k in gold:
            held[v][gold[k]] += 1
    out = [(s, c) for s, c in held.items() if sum(n >= least for n in c.values()) >= 2]
    return sorted(out, key=lambda x: (-sum(x[1].values()), x[0]))


def print_mixed(pred: dict[str, str], gold: dict[str, str], tag: str = "") -> None:
    """One line per mixed story (``mixed_stories``) and a count line, for --mixed."""
    one, two = mixed_stories(pred, gold), mixed_stories(pred, gold, 2)
    for s, c in one:
        print(f"  mixed{tag}: {s} " + " ".join(f"{k}:{n}" for k, n in c.most_common()))
    print(f"  mixed stories{tag}: {len(one)} (two clusters of 2+ articles each: {len(two)})", flush=True)


def annotate(articles: list[Article]) -> None:
    """Run the per-document annotations the corpus stage can use (words, mentions)."""
    from thoisu.actors import find_mentions
    from thoisu.annotate.sentences import annotate_sentences

    for a in articles:
        a.sentences = annotate_sentences(a)
        a.mentions = find_mentions(a)


def run(name: str, span, batches: int, seed: int, dates: bool, show: int,
        annotated: bool = False) -> dict:
    articles, gold = load(name, span, dates)
    if annotated:
        t = time.perf_counter()
        annotate(articles)
        print(f"annotated in {time.perf_counter() - t:.1f}s (not counted below)", file=sys.stderr)
    random.Random(seed).shuffle(articles)
    t0 = time.perf_counter()
    blob = None
    comparisons = reads = 0
    size = 0
    step = -(-len(articles) // batches)
    for b in range(batches):
        idx = StoryIndex.from_json(blob) if blob else StoryIndex()
        idx.assign(articles[b * step : (b + 1) * step])
        comparisons += idx.comparisons
        reads += idx.posting_reads
        blob = idx.to_json()
        size = len(blob.encode("utf-8"))
    elapsed = time.perf_counter() - t0
    pred = {a.id: a.story_id for a in articles}
    p, r, f = bcubed(pred, gold)
    dups = [a for a in articles if a.duplicate_of]
    dup_cross = sum(gold[a.id] != gold[a.duplicate_of] for a in dups)
    threads = idx.thread_list()
    sizes = sorted((len(s) for _, _, s in threads), reverse=True)
    story_n = {sid: len(ids) for sid, _, _, ids in idx.stories()}
    out = {
        "set": name, "clusters": len(set(gold.values())), "articles": len(articles),
        "stories": len(story_n), "bcubed_p": round(p, 4), "bcubed_r": round(r, 4),
        "bcubed_f1": round(f, 4), "seconds": round(elapsed, 2),
        "duplicates": len(dups), "duplicates_across_clusters": dup_cross,
        "comparisons_per_article": round(comparisons / len(articles), 2),
        "posting_reads_per_article": round(reads / len(articles), 1),
        "threads": len(threads), "largest_thread_stories": sizes[0] if sizes else 0,
        "largest_thread_articles": max(
            (sum(story_n[s] for s in sids) for _, _, sids in threads), default=0
        ),
        "json_kb": size // 1024,
    }
    if show:
        for tid, title, sids in sorted(threads, key=lambda t: -len(t[2]))[:show]:
            clusters = Counter(gold[a] for s in sids for _, _, _, ids in [(0, 0, 0, idx._stories[s]["a"])] for a in ids)
            print(f"thread {tid} ({len(sids)} stories, clusters {dict(clusters)}): {title}")
            for s in sids[:8]:
                print("    ", idx.story_title(s)[:100])
    return out


def train_common(min_share: float = 0.01) -> None:
    articles, _ = load("abmusu-train", None, False)
    annotate(articles)  # entity keys ("k:GPE:USA") need background shares too
    df: Counter[str] = Counter()
    for a in articles:
        df.update(article_terms(a).keys())
    n = len(articles)
    keep = sorted(((t, c / n) for t, c in df.items() if c / n >= min_share), key=lambda x: -x[1])
    out = ROOT / "src" / "thoisu" / "data" / "common.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write(f"# share of {n} background news articles holding the term (>= {min_share});"
                " built by eval/stories.py --train-common\n")
        for t, p in keep:
            f.write(f"{t}\t{p:.4f}\n")
    print(f"wrote {len(keep)} terms to {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="vims-dev")
    ap.add_argument("--clusters", help="line range of clusters, e.g. 1-100")
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-dates", action="store_true", help="ignore published dates")
    ap.add_argument("--show-threads", type=int, default=0, help="print the N largest threads")
    ap.add_argument("--annotate", action="store_true",
                    help="first run sentences + actor mentions (slow) so entity keys are used")
    ap.add_argument("--train-common", action="store_true")
    ap.add_argument("--param", action="append", default=[],
                    help="override a threshold of data/cluster.json, e.g. pair_threshold=0.3")
    args = ap.parse_args()
    if args.train_common:
        train_common()
        return
    for kv in args.param:
        k, v = kv.split("=", 1)
        keys = k.split(".")
        target = cluster_settings()
        for part in keys[:-1]:
            target = target[part]
        target[keys[-1]] = json.loads(v)
    span = tuple(int(x) for x in args.clusters.split("-")) if args.clusters else None
    print(json.dumps(run(args.set, span, args.batches, args.seed, not args.no_dates,
                         args.show_threads, args.annotate), ensure_ascii=False))


if __name__ == "__main__":
    main()
