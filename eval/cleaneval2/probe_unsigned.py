"""Unsigned-article probe on dev2 pages: the pages of two or three articles with every
byline, credit and date line taken out, so that only headlines and subjects can tell where
one article ends and the next begins (the issue's "second article missed when the first
has no byline"); with --bylines, each article signed instead in a shape dev2 does not use
("A, B", "A | Outlet", "A (CTV)", "A.", "A (tổng hợp từ X)"). A development tool on dev2
text pages (eval/out/cleaneval2/dev2).

    .venv/bin/python eval/cleaneval2/probe_unsigned.py [-v] [--bylines]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# --src DIR probes another copy of the package (`git archive REV src | tar -x -C DIR`)
sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src"))

from thoisu.clean import extract_articles  # noqa: E402
from thoisu.models import Page, SourceLine  # noqa: E402

DEV2 = ROOT / "eval" / "out" / "cleaneval2" / "dev2"
SHAPES = ["{a}, {b}", "{A} - {B}", "{a} - {b} - {c}", "{a} | Báo Ngọc Hồi", "{a} (biên dịch)", "{a} (CTV)",
          "{a} (ghi)", "{a}.", "{a} (tổng hợp từ Reuters)", "Phóng viên {a}", "{a} và {b}"]
NAMES = ["Thu Hà", "Minh Anh", "Quang Huy", "Lan Chi", "Đức Thắng"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", action="store_true", help="list the pages with a wrong count")
    ap.add_argument("--bylines", action="store_true", help="sign each article in another shape")
    ap.add_argument("--src", default="", help="package source dir to import thoisu from")
    a = ap.parse_args()
    rng = random.Random(1)
    ok = n = right = pages = signed = 0
    for g in sorted((DEV2 / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        if gold["fmt"] != "txt" or len(gold["articles"]) < 2:
            continue
        lines = (DEV2 / "pages" / gold["page"]).read_text(encoding="utf-8").split("\n")
        drop = {m for art in gold["articles"] for m in art["meta_lines"]}
        ends: dict[int, str] = {}
        if a.bylines:
            for art in gold["articles"]:
                x, y, z = rng.sample(NAMES, 3)
                ends[max(art["body_lines"])] = rng.choice(SHAPES).format(a=x, b=y, c=z, A=x.upper(), B=y.upper())
        kept: list[str] = []
        for i, x in enumerate(lines, 1):
            if i not in drop:
                kept.append(x)
            if i in ends:
                kept.append(ends[i])
        page = Page(path=gold["page"], sha=f"{len(kept):064d}", fmt="txt",
                    lines=[SourceLine(x, i + 1) for i, x in enumerate(kept)])
        arts = extract_articles(page)
        got = [x.title for x in arts]
        pages += 1
        signed += sum(1 for x in arts if x.author)
        right += len(arts) == len(gold["articles"])
        for art in gold["articles"]:
            n += 1
            ok += art["title"] in got
        if a.v and len(arts) != len(gold["articles"]):
            print(f"- {gold['page']} got {got}")
    what = "bylines of other shapes" if a.bylines else "no bylines/credits/dates"
    print(f"{what}: pages {pages}, right count {right}, titles found {ok}/{n}, with a writer {signed}")


if __name__ == "__main__":
    main()
