"""Score the cleaner on the second evaluation set (eval/cleaneval2), one split at a time.

    .venv/bin/python eval/cleaneval2/score.py --split dev  [--worst N] [--by-kind]
    .venv/bin/python eval/cleaneval2/score.py --split dev2   # harder dev (generate_dev2.py)
    .venv/bin/python eval/cleaneval2/score.py --split test   # frozen: once per adopted change
    .venv/bin/python eval/cleaneval2/score.py --split dev --src DIR   # another copy of src/

Pages are built by generate.py into eval/out/cleaneval2/ when missing (--regenerate to
rebuild) and go through the real ingester, so HTML pages are scored after trafilatura.

Figures:
  body recall     gold body lines kept (a repeated sapo counts once: either copy will do)
  body precision  kept lines that are gold body, over all kept lines (live-blog time stamps
                  not counted; the second copy of a repeated sapo counts as a wrong line
                  when both copies are kept)
  right count     pages whose number of articles equals the gold number
  title           per gold article, the predicted article sharing most body lines has the
                  gold title (exact after NFC and space collapsing; gold None wants None)
  lost            gold articles none of whose body lines is kept in any article
  low quality     predicted articles flagged quality="low"
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# --src DIR scores another copy of the package (`git archive REV src | tar -x -C DIR`)
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _SRC)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from thoisu.ingest import InputError, read_inputs  # noqa: E402
from thoisu.models import Page  # noqa: E402
from thoisu.text import nfc  # noqa: E402

OUT = ROOT / "eval" / "out" / "cleaneval2"


def _norm(s: str | None) -> str | None:
    return " ".join(nfc(s).split()) if s else None


def score_page(path: Path, gold: dict) -> dict:
    from thoisu.clean import extract_articles

    items = list(read_inputs([str(path)]))
    pages = [x for x in items if isinstance(x, Page)]
    errors = [str(x) for x in items if isinstance(x, InputError)]
    arts = [a for p in pages for a in extract_articles(p)]
    text_of = {sl.line: sl.text for p in pages for sl in p.lines}
    kept = [p.line for a in arts for p in a.paragraphs]
    kept_set = set(kept)
    neutral = {n for g in gold["articles"] for n in g["neutral_lines"]}
    r = dict(body=0, body_kept=0, kept=0, kept_body=0, articles=len(gold["articles"]),
             title=0, lost=0, low=sum(a.quality == "low" for a in arts), errors=errors,
             count_ok=int(len(arts) == len(gold["articles"])), n=(len(arts), len(gold["articles"])),
             bad_titles=[], lost_lines=[], wrong_lines=[])
    body_all: set[int] = set()
    alias: dict[int, int] = {}
    for g in gold["articles"]:
        body_all |= set(g["body_lines"])
        alias.update({int(k): v for k, v in g["dup_lines"].items()})
    for g in gold["articles"]:
        body = set(g["body_lines"])
        hit = {b for b in body if b in kept_set or any(v == b and k in kept_set for k, v in alias.items())}
        r["body"] += len(body)
        r["body_kept"] += len(hit)
        r["lost_lines"] += [text_of.get(b, f"line {b}") for b in sorted(body - hit)]
        r["lost"] += int(not hit)
        best, overlap = None, 0
        for a in arts:
            lines = {p.line for p in a.paragraphs}
            n = len(lines & body) + len({k for k in alias if k in lines and alias[k] in body})
            if n > overlap:
                best, overlap = a, n
        got = best.title if best else None
        ok = _norm(got) == _norm(g["title"])
        r["title"] += ok
        if not ok:
            r["bad_titles"].append((got, g["title"]))
    seen: set[int] = set()
    for line in kept:
        if line in neutral:
            continue
        r["kept"] += 1
        target = alias.get(line, line)
        if target in body_all and target not in seen:
            r["kept_body"] += 1
            seen.add(target)
        else:
            r["wrong_lines"].append(text_of.get(line, f"line {line}"))
    return r


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def line(name: str, t: dict) -> str:
    return (f"{name:<14} pages {t['pages']:4d}  body recall {pct(t['body_kept'], t['body'])}  "
            f"precision {pct(t['kept_body'], t['kept'])}  right count {pct(t['count_ok'], t['pages'])}  "
            f"title {pct(t['title'], t['articles'])}  lost {t['lost']}/{t['articles']}  "
            f"low quality {t['low']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # (or the name of a resample built by generate_dev2.py --name)
    ap.add_argument("--split", required=True, help="dev | dev2 | test")
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--by-kind", action="store_true", help="also figures per page kind and format")
    ap.add_argument("--only", default="", help="score only pages whose name contains this")
    ap.add_argument("--src", default=_SRC, help="package source dir to import thoisu from")
    a = ap.parse_args()
    gdir = OUT / a.split / "gold"
    if a.regenerate or not gdir.is_dir():
        if a.split == "dev2":
            from generate_dev2 import generate
        else:
            from generate import generate
        generate(OUT)
    keys = ("pages", "body", "body_kept", "kept", "kept_body", "count_ok", "articles", "title",
            "lost", "low")
    totals: dict[str, dict] = defaultdict(lambda: dict.fromkeys(keys, 0))
    details = []
    for g in sorted(gdir.glob("*.json")):
        if a.only not in g.name:
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        r = score_page(OUT / a.split / "pages" / gold["page"], gold)
        r["pages"] = 1
        r["page"] = gold["page"]
        groups = ["all"]
        if a.by_kind:
            groups += [f"  {gold['kind']}", f"  {gold['fmt']}", f"  {len(gold['articles'])} art"]
        for grp in groups:
            for k in keys:
                totals[grp][k] += r[k]
        details.append(r)
    print(f"cleaneval2 split {a.split}")
    for grp in totals:
        print(line(grp, totals[grp]))
    bad = [d for d in details if d["bad_titles"] or not d["count_ok"] or d["lost_lines"] or d["wrong_lines"]]
    bad.sort(key=lambda d: -(len(d["lost_lines"]) + len(d["wrong_lines"]) + 3 * (1 - d["count_ok"])
                             + 2 * len(d["bad_titles"])))
    for d in bad[: a.worst]:
        print(f"- {d['page']} articles {d['n'][0]}/{d['n'][1]} low {d['low']} {d['errors'] or ''}")
        for got, want in d["bad_titles"]:
            print(f"    title got {got!r}\n          want {want!r}")
        for t in d["lost_lines"][:3]:
            print(f"    lost:  {t[:100]}")
        for t in d["wrong_lines"][:3]:
            print(f"    wrong: {t[:100]}")


if __name__ == "__main__":
    main()
