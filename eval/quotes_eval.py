"""Direct quotes and their speakers on mds paragraphs the quote rules were not shaped on.

Two sets of 40 quotation-mark spans of 8 words or more, one per cluster, from clusters
neither the actors nor the events gold covers, each labelled by reading the paragraph
(pointers only: file, cluster, document index, non-empty paragraph index, character
span; no text in the repository): test (eval/gold/quotes_test.jsonl, seed 20261202,
frozen, read once per adopted change) and dev (eval/gold/quotes_dev.jsonl, seed 20261203,
other clusters, to work on). Each span is labelled with

- ``quote``: speech someone is quoted saying (false for titles, names, slogans and scare
  quotes, where no direct quote should be found);
- ``speaker``: who says it, when the paragraph names the speaker (``named``); speakers
  referred to by a pronoun or a description only ("ông giải thích", "Thủ tướng nói") and
  unnamed ones ("dân mạng") are left out of the speaker score.

Each document is annotated whole, as the pipeline does (the mention finder, then
find_quotes). A found direct quote matches a labelled span when it lies on its paragraph
and overlaps it; its speaker is right when the speaker entity's name or the speaker text
holds the labelled name (or the reverse), case and tones folded.

    .venv/bin/python eval/quotes_eval.py [--split dev|test] [--src DIR] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"
SPLITS = {"dev": ROOT / "eval" / "gold" / "quotes_dev.jsonl", "test": ROOT / "eval" / "gold" / "quotes_test.jsonl"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="", help="package source dir to import thoisu from")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.src:
        sys.path.insert(0, args.src)
    from thoisu.actors import find_mentions
    from thoisu.annotate.quotes import find_quotes
    from thoisu.annotate.sentences import annotate_sentences
    from thoisu.models import Article, Paragraph
    from thoisu.text import fold

    gold = [json.loads(x) for x in SPLITS[args.split].read_text(encoding="utf-8").splitlines() if x.strip()]
    docs: dict[tuple[str, str], dict] = {}
    for f in {g["file"] for g in gold}:
        with open(MDS / f, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                docs[(f, c["id"])] = c
    found = right = named = false_alarm = quotes = 0
    cache: dict[tuple[str, str, int], tuple[list[str], list]] = {}
    for g in gold:
        key = (g["file"], g["cluster"], g["doc"])
        if key not in cache:
            d = docs[(g["file"], g["cluster"])]["documents"][g["doc"]]
            paras = [p for p in d["text"].split("\n") if p.strip()]
            art = Article(id="q", page="q", title=d.get("title"),
                          paragraphs=[Paragraph(text=t, line=i + 1) for i, t in enumerate(paras)])
            art.sentences = annotate_sentences(art)
            art.mentions = find_mentions(art)
            names = {m.key: m.name or m.text for m in art.mentions}
            cache[key] = (paras, [(q, names.get(q.speaker or "", "")) for q in find_quotes(art) if q.direct])
        paras, qs = cache[key]
        span = paras[g["para"]][g["start"]:g["end"]].strip("“”\"")
        hit = next(((q, n) for q, n in qs if q.line == g["para"] + 1
                    and (q.text[:30] in span or span[:30] in q.text)), None)
        if not g["quote"]:
            false_alarm += hit is not None
            if args.show and hit:
                print(f"false\t{g['cluster']}\t{span[:60]}")
            continue
        quotes += 1
        found += hit is not None
        if g["named"]:
            named += 1
            ok = False
            if hit is not None:
                q, n = hit
                want = fold(g["speaker"])
                got = [fold(x) for x in (n, q.speaker_text or "") if x]
                ok = any(want in x or (x and x in want) for x in got)
            right += ok
            if args.show and not ok:
                print(f"speaker\t{g['cluster']}\twant {g['speaker']!r}\tgot "
                      f"{(hit[1], hit[0].speaker_text) if hit else None}")
        elif args.show and hit is None:
            print(f"missed\t{g['cluster']}\t{span[:60]}")
    print(f"quotes found {found}/{quotes} ({found / quotes:.3f}); named speakers right {right}/{named} "
          f"({right / named:.3f}); false quotes {false_alarm}/{len(gold) - quotes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
