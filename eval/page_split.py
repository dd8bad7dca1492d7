"""How often the cleaner cuts a page holding one article into several: every document of
../shared/mds made into a plain-text page as `thoisu digest` reads it (title line, date
line when the corpus has one, paragraphs; the layout of eval/digest_vims.py), counted per
corpus file. Each mds document is one article, so every cut is a false one, except in the
news round-ups some documents are ("Cụm tin quốc tế ...": items of their own).

    .venv/bin/python eval/page_split.py [-v]

abmusu-validation was held out when the section-heading rule of clean/split.py was
chosen (on vims-dev, abmusu-train and the cleaneval2 unsigned probe).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thoisu.clean.extract import extract_articles
from thoisu.ingest.text import read_text

MDS = Path(__file__).resolve().parents[2] / "shared" / "mds"
FILES = ("vims-dev.jsonl", "abmusu-train.jsonl", "abmusu-validation.jsonl")


def page_text(doc: dict) -> str:
    body = "\n\n".join(p for p in doc["text"].split("\n") if p.strip())
    dateline = f"{doc['published']}\n\n" if doc.get("published") else ""
    return f"{doc.get('title') or ''}\n\n{dateline}{body}\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true", help="list the pages cut, with their articles' titles")
    args = ap.parse_args()
    for name in FILES:
        pages = cut = 0
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                for d in c["documents"]:
                    path = f"{c['id']}_{d['id']}.txt"
                    arts = extract_articles(read_text(path, page_text(d).encode("utf-8")))
                    pages += 1
                    if len(arts) > 1:
                        cut += 1
                        if args.v:
                            print(path, [(a.title or "")[:50] for a in arts])
        print(f"{name}: {cut} of {pages} one-article pages cut into several articles ({cut / pages:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
