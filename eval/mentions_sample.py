"""Print the actor mentions of a seeded sample of mds documents of clusters no actors gold covers,
one per line (cluster, line, type, text, key), to read a change to the mention finder on
text it was not shaped on: run it before and after (``--src`` runs another copy of the
package, ``git archive REV src | tar -x -C DIR``) and read the diff.

    .venv/bin/python eval/mentions_sample.py [--n 1000] [--src DIR] > after.tsv
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"
FILES = ("abmusu-train.jsonl", "vims-dev.jsonl", "abmusu-validation.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--src", default="", help="package source dir to import thoisu from")
    ap.add_argument("--mds", default=str(MDS), help="folder of the mds cluster files")
    args = ap.parse_args()
    if args.src:
        sys.path.insert(0, str(Path(args.src) / "src" if (Path(args.src) / "src").is_dir() else args.src))
    from thoisu.actors import find_mentions
    from thoisu.annotate.sentences import annotate_sentences
    from thoisu.models import Article, Paragraph

    gold: set[str] = set()
    # the clusters of every actors gold are left out (the test set above all, read once a
    # round); any document of the other clusters may be drawn, not only the first
    for path in sorted((ROOT / "eval" / "gold").glob("actors*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            gold |= {c for line in fh if line.strip()
                     for c in (json.loads(line).get("cluster"),) if isinstance(c, str)}
    docs = []
    for name in FILES:
        with open(Path(args.mds) / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] not in gold:
                    docs.extend((c["id"], d) for d in c["documents"])
    random.Random(args.seed).shuffle(docs)
    for cid, d in docs[: args.n]:
        paras = [Paragraph(text=t, line=i + 1) for i, t in enumerate(d["text"].split("\n")) if t.strip()]
        art = Article(id=cid, page=cid, title=d.get("title"), paragraphs=paras)
        art.sentences = annotate_sentences(art)
        for m in find_mentions(art):
            print(cid, m.line, m.type, m.text, m.key, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
