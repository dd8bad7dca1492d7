"""Title probe on dev2 pages: the same articles with short lines of words no word list
holds put around the headline (between the breadcrumb and the headline, between the
headline and the lead), as on a site whose widgets the cleaner has never seen.

A development tool: it says whether finding the headline rests on knowing the furniture's
words or on the page's structure. Text pages of dev2 only (eval/out/cleaneval2/dev2).

    .venv/bin/python eval/cleaneval2/probe_titles.py [--seed 0] [--show 5]
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
# invented widget texts: capitalised, unpunctuated, three to five words (title-shaped)
SYLL = ["Nhận", "Góc", "Bảng", "Mục", "Kênh", "Hộp", "Trạm", "Khung", "Nút", "Thẻ", "Lịch", "Dòng",
        "Sổ", "Vùng", "Trang"]
WORDS = ["tin", "nhanh", "của", "bạn", "đọc", "riêng", "mới", "điện", "tử", "âm", "thanh", "ảnh", "phát",
         "lại", "nhà", "báo", "số", "hôm", "nay", "tiện", "ích", "gọn", "xem", "lưu", "mở", "rộng"]


SECTIONS = ["Thời sự", "Thế giới", "Kinh tế", "Quân sự", "Giải trí", "Pháp luật", "Đời sống", "Xã hội"]
# separators no rule names ("A :: B", "A ⟫ B", "A ◆ B")
SEPS = [" :: ", " ⟫ ", " ◆ ", " ~ ", " ¦ ", " ▪ ", " // "]
# date lines with more than a date: the outlet, the writer, views, month names
DATES = ["{H}:{M} {dd}/{mm}/{y} | {outlet}", "Đăng lúc {H}:{M} - {dd}/{mm}/{y} bởi {name}",
         "{dd}/{mm}/{y} {H}:{M} - Lượt xem: {n}", "{d} Tháng Chín, {y} - {H}:{M}", "September {d}, {y}",
         "{outlet} - {dd}/{mm}/{y} {H}:{M}"]


def invented(rng: random.Random) -> str:
    return " ".join([rng.choice(SYLL), *rng.sample(WORDS, rng.randint(2, 4))])


def crumb(rng: random.Random) -> str:
    return rng.choice(SEPS).join(rng.sample(SECTIONS, rng.randint(2, 6)))


def odd_date(rng: random.Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return rng.choice(DATES).format(d=d, dd=f"{d:02d}", mm=f"{m:02d}", y=rng.randint(2016, 2024),
                                    H=f"{rng.randint(0, 23):02d}", M=f"{rng.randint(0, 59):02d}",
                                    outlet="Báo Ngọc Hồi", name="Thu Hà", n=rng.randint(100, 9999))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--src", default="", help="package source dir to import thoisu from")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    stats = {"before": [0, 0], "after": [0, 0], "both": [0, 0], "crumb": [0, 0], "date": [0, 0]}
    shown = 0
    for g in sorted((DEV2 / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        if gold["fmt"] != "txt" or gold["articles"][0]["title_line"] is None:
            continue
        lines = (DEV2 / "pages" / gold["page"]).read_text(encoding="utf-8").split("\n")
        t = gold["articles"][0]["title_line"] - 1
        for where in stats:
            extra_before = [invented(rng) for _ in range(rng.randint(1, 2))] if where in ("before", "both") else []
            extra_after = [invented(rng) for _ in range(rng.randint(1, 3))] if where in ("after", "both") else []
            if where == "crumb":
                extra_before = [crumb(rng) for _ in range(rng.randint(1, 2))]
            elif where == "date":
                extra_before, extra_after = ([odd_date(rng)], []) if rng.random() < 0.5 else ([], [odd_date(rng)])
            new = lines[:t] + extra_before + [lines[t]] + extra_after + lines[t + 1:]
            page = Page(path=gold["page"], sha=f"{len(new):064d}", fmt="txt",
                        lines=[SourceLine(x, i + 1) for i, x in enumerate(new)])
            arts = extract_articles(page)
            ok = bool(arts) and arts[0].title == gold["articles"][0]["title"]
            stats[where][0] += ok
            stats[where][1] += 1
            if not ok and shown < a.show:
                shown += 1
                print(f"- {gold['page']} {where}: got {arts[0].title if arts else None!r}\n"
                      f"    want {gold['articles'][0]['title']!r}  extra {extra_before + extra_after}")
    for where, (ok, n) in stats.items():
        print(f"invented lines {where:<6} title right {ok}/{n}")


if __name__ == "__main__":
    main()
