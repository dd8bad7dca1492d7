"""Build the handmade pages and their gold from the labelled .spec files beside this script.

A spec starts with one JSON line: {"fmt": "txt"|"html", "articles": [{"title", "author",
"via"}]}. Each following line is LABEL|line as it appears on the page:
  T0 title of article 0    B0 body paragraph of article 0    M0 byline/credit/date of article 0
  F  furniture             R  markup only (html)             (an empty line stays an empty line)
The text was written for this set (invented news, not copied from anywhere).

    .venv/bin/python eval/cleaneval/handmade/build.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(spec: Path) -> None:
    head, *rows = spec.read_text(encoding="utf-8").split("\n")
    info = json.loads(head)
    if rows and rows[-1] == "":
        rows.pop()
    arts = [dict(a, title_line=None, body_lines=[], meta_lines=[]) for a in info["articles"]]
    lines, furniture = [], []
    for row in rows:
        label, _, text = row.partition("|") if row else ("", "", "")
        lines.append(text)
        n = len(lines)
        if label == "F":
            furniture.append(n)
        elif label[:1] in ("T", "B", "M"):
            art = arts[int(label[1:])]
            if label[0] == "T":
                art["title_line"] = n
            else:
                art["body_lines" if label[0] == "B" else "meta_lines"].append(n)
        elif label not in ("", "R"):
            raise SystemExit(f"{spec.name}: line {n}: unknown label {label!r}")
    page = f"{spec.stem}.{info['fmt']}"
    (HERE / page).write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = {"page": page, "style": "handmade", "fmt": info["fmt"], "articles": arts,
            "furniture_lines": furniture}
    (HERE / f"{spec.stem}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for spec in sorted(HERE.glob("*.spec")):
        build(spec)
        print("built", spec.stem)
