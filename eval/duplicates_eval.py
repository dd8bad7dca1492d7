"""How well reprints are recognised (stories/dedup.py), on real clusters and on reprints
made the way outlets make them.

1. Real pairs. Every pair of documents inside one ../shared/mds cluster (the same event,
   usually from several outlets) is compared on its exact word 3-shingle Jaccard (title
   and text, as dedup reads them) and on what ``mark_duplicates`` decides with all the
   documents in one index. Printed: the distribution of the exact Jaccard (how far apart
   independent reports of one event are, and how many pairs sit near the threshold), and
   the pairs marked or not marked against the exact Jaccard at the threshold of
   data/dedup.json (the MinHash estimate's fidelity).
2. Reprints. For a seeded sample of documents, copies are made with one edit each, the
   edits a syndicating outlet makes: a new headline; a dateline and a credit line added
   ("HÀ NỘI (TTXVN) - ", "Theo TTXVN"); the last paragraph cut; the first paragraph cut
   (a rewritten lead); a paragraph of another article inserted in the middle (a "related"
   box); the first three together; the two last paragraphs cut; the first half only (an
   excerpt, beyond what a reprint usually cuts). Each copy goes into an index holding every
   original and is recognised when it is marked a duplicate of its own original, and
   wrong when marked a duplicate of another.

    .venv/bin/python eval/duplicates_eval.py [--sample 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from thoisu.models import Article, Paragraph  # noqa: E402
from thoisu.stories.dedup import DuplicateIndex, article_text, settings, shingles  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"
FILES = ("vims-dev.jsonl", "abmusu-train.jsonl", "abmusu-validation.jsonl")
BINS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01)


def article(aid: str, title: str | None, paras: list[str]) -> Article:
    return Article(id=aid, page=aid, title=title,
                   paragraphs=[Paragraph(text=t, line=i + 1) for i, t in enumerate(paras)])


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def load() -> list[tuple[str, list[Article]]]:
    out = []
    for name in FILES:
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                arts = [article(f"{c['id']}/{d['id']}", d.get("title"),
                                [p for p in d["text"].split("\n") if p.strip()]) for d in c["documents"]]
                out.append((c["id"], arts))
    return out


def real_pairs(clusters: list[tuple[str, list[Article]]]) -> None:
    threshold = settings()["article_jaccard"]
    index = DuplicateIndex()
    root: dict[str, str | None] = {}
    for _cid, arts in clusters:
        for a in arts:
            root[a.id] = index.add(a.id, article_text(a))
    hist: Counter[float] = Counter()
    agree = Counter()
    near: list[tuple[float, str, str]] = []
    off: list[float] = []  # exact Jaccard of the pairs decided against it
    for _cid, arts in clusters:
        sh = {a.id: shingles(article_text(a)) for a in arts}
        for a, b in combinations(arts, 2):
            j = jaccard(sh[a.id], sh[b.id])
            hist[next(x for x in BINS if j < x)] += 1
            marked = root.get(b.id) in (a.id, root.get(a.id) or a.id) or root.get(a.id) == b.id
            agree[(j >= threshold, bool(marked))] += 1
            if (j >= threshold) != bool(marked):
                off.append(j)
            if 0.3 <= j < 0.7:
                near.append((j, a.id, b.id))
    n = sum(hist.values())
    print(f"real pairs (documents of one mds cluster): {n}")
    lo = 0.0
    for x in BINS:
        print(f"  exact Jaccard {lo:.1f}-{min(x, 1.0):.1f}: {hist[x]:5d} ({hist[x] / n:.1%})")
        lo = x
    print(f"  at the threshold {threshold}: both copies {agree[(True, True)]}, copy missed "
          f"{agree[(True, False)]}, marked below it {agree[(False, True)]}, both apart {agree[(False, False)]}")
    off.sort()
    if off:
        print(f"  those decided against the exact Jaccard lie at {off[0]:.2f}-{off[-1]:.2f} "
              f"(median {off[len(off) // 2]:.2f}; a copy of a copy is marked a copy of the first)")
    print("  pairs between 0.3 and 0.7 (to read): "
          + ", ".join(f"{a}~{b} {j:.2f}" for j, a, b in sorted(near)[:12]))


EDITS = ("new headline", "dateline and credit", "last paragraph cut", "first paragraph cut",
         "paragraph inserted", "headline, credit, last cut", "two last paragraphs cut", "first half only")


def reprint(a: Article, edit: str, other: Article, rng: random.Random) -> Article:
    paras = [p.text for p in a.paragraphs]
    title = a.title
    if edit in ("new headline", "headline, credit, last cut"):
        title = "Tin mới: " + " ".join(reversed((a.title or "bản tin").split()))
    if edit in ("dateline and credit", "headline, credit, last cut"):
        paras = ["HÀ NỘI (TTXVN) - " + paras[0], *paras[1:], "Theo TTXVN"]
    if edit in ("last paragraph cut", "headline, credit, last cut"):
        cut = paras[:-2] + paras[-1:] if paras[-1] == "Theo TTXVN" else paras[:-1]
        paras = cut or paras
    if edit == "first paragraph cut" and len(paras) > 1:
        paras = paras[1:]
    if edit == "two last paragraphs cut" and len(paras) > 2:
        paras = paras[:-2]
    if edit == "first half only" and len(paras) > 1:
        paras = paras[: (len(paras) + 1) // 2]
    if edit == "paragraph inserted":
        k = rng.randrange(1, len(paras)) if len(paras) > 1 else 1
        paras = paras[:k] + [other.paragraphs[0].text] + paras[k:]
    return article(a.id + "#" + edit, title, paras)


def reprints(clusters: list[tuple[str, list[Article]]], sample: int, seed: int) -> None:
    rng = random.Random(seed)
    docs = [a for _c, arts in clusters for a in arts]
    picked = rng.sample(docs, min(sample, len(docs)))
    words = Counter(min(len(article_text(a).split()) // 200, 3) for a in picked)
    print(f"reprints of {len(picked)} documents (words: "
          + ", ".join(f"{k * 200}-{k * 200 + 199 if k < 3 else '…'}: {words[k]}" for k in sorted(words)) + ")")
    for edit in EDITS:
        index = DuplicateIndex()
        for a in docs:
            index.add(a.id, article_text(a))
        right = wrong = 0
        for a in picked:
            other = rng.choice(docs)
            copy = reprint(a, edit, other, rng)
            got = index.add(copy.id, article_text(copy))
            right += got == a.id or got == index.original_of(a.id)
            wrong += got is not None and got not in (a.id, index.original_of(a.id))
        print(f"  {edit:<28} recognised {right / len(picked):6.1%}  marked a copy of another {wrong}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=400)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    clusters = load()
    real_pairs(clusters)
    reprints(clusters, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
