"""Unsigned-article probe on dev2 pages: the pages of two or three articles with every
byline, credit and date line taken out, so that only headlines and subjects can tell where
one article ends and the next begins (the issue's "second article missed when the first
has no byline"). A development tool on dev2 text pages (eval/out/cleaneval2/dev2).

    .venv/bin/python eval/cleaneval2/probe_unsigned.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from thoisu.clean import extract_articles  # noqa: E402
from thoisu.models import Page, SourceLine  # noqa: E402

DEV2 = ROOT / "eval" / "out" / "cleaneval2" / "dev2"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", action="store_true", help="list the pages with a wrong count")
    a = ap.parse_args()
    ok = n = right = pages = 0
    for g in sorted((DEV2 / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        if gold["fmt"] != "txt" or len(gold["articles"]) < 2:
            continue
        lines = (DEV2 / "pages" / gold["page"]).read_text(encoding="utf-8").split("\n")
        drop = {m for art in gold["articles"] for m in art["meta_lines"]}
        kept = [x for i, x in enumerate(lines, 1) if i not in drop]
        page = Page(path=gold["page"], sha=f"{len(kept):064d}", fmt="txt",
                    lines=[SourceLine(x, i + 1) for i, x in enumerate(kept)])
        arts = extract_articles(page)
        got = [x.title for x in arts]
        pages += 1
        right += len(arts) == len(gold["articles"])
        for art in gold["articles"]:
            n += 1
            ok += art["title"] in got
        if a.v and len(arts) != len(gold["articles"]):
            print(f"- {gold['page']} got {got}")
    print(f"no bylines/credits/dates: pages {pages}, right count {right}, titles found {ok}/{n}")


if __name__ == "__main__":
    main()
