"""Build src/thoisu/actors/data/caps_stats.json: how often each word is written with a
capital letter in the middle of a sentence, from underthesea's words over news text.

Used at run time (1) to tell ordinary words capitalised at the start of a sentence
("Theo", "Tuy nhiên") from names, and (2) to know which compounds are real lower-case
words, to re-split names that word_tokenize glued to the next word ("Kim_dự_kiến").
Only word counts are stored, no text. Source: every document of ../shared/mds except
the clusters that eval/gold/select.py picks for the actors gold set (held out).

Run: .venv/bin/python train/actors_lexicon.py [--mds ../shared/mds] [--max-docs N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from mds_docs import documents  # train/mds_docs.py

from thoisu.annotate.sentences import split_text, tokenize
from thoisu.text import fold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/thoisu/actors/data/caps_stats.json"
MIN_COUNT = 3


def _count(doc: dict, lower: Counter, cap_mid: Counter) -> None:
    """Count a document's words written in lower case and capitalised mid-sentence."""
    for para in doc["text"].split("\n"):
        for _, sent in split_text(para):
            prev_open = True
            for tok in tokenize(sent):
                w = tok.replace("_", " ")
                if not w[:1].isalpha():
                    prev_open = w in '"“‘(:-–—.!?…;'
                    continue
                f = fold(w)
                if w == w.lower():
                    lower[f] += 1
                elif not prev_open and w[0].isupper():
                    cap_mid[f] += 1
                prev_open = False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mds", default=str(ROOT.parent / "shared/mds"))
    ap.add_argument("--max-docs", type=int, default=100000)
    args = ap.parse_args()
    lower: Counter[str] = Counter()
    cap_mid: Counter[str] = Counter()
    docs = 0
    for doc in documents(Path(args.mds), args.max_docs):
        _count(doc, lower, cap_mid)
        docs += 1
    share = {}
    for f in set(lower) | set(cap_mid):
        n = lower[f] + cap_mid[f]
        if n >= MIN_COUNT:
            share[f] = round(cap_mid[f] / n, 2)
    vocab = sorted(f for f, c in lower.items() if c >= MIN_COUNT and " " in f)
    OUT.write_text(json.dumps({"_about": __doc__.splitlines()[0], "docs": docs,
                               "cap_share": dict(sorted(share.items())), "vocab": vocab},
                              ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{docs} docs, {len(share)} words, {len(vocab)} compounds -> {OUT}")


if __name__ == "__main__":
    main()
