"""Score the cleaner (thoisu.clean.extract_articles) on the held-out furniture set.

Pages: eval/out/cleaneval/ (generated from shared/mds with invented site furniture by
eval/cleaneval/generate.py; built here when missing) and eval/cleaneval/handmade/ (small
invented pages with hand-written gold). Every page goes through the real ingester
(thoisu.ingest.read_inputs), so HTML pages are scored after trafilatura.

Figures (line counts summed over pages):
  body kept       share of gold body lines that appear among the article paragraphs
  furniture kept  share of gold furniture lines that appear among them (lower is better)
  meta in body    share of title/byline/credit/date lines kept as body paragraphs (lower is better)
  right count     pages where the number of articles equals the gold number
  title/author/via  per gold article, against the predicted article sharing most body lines
                  (title: exact after NFC and space collapsing; author/via: thoisu.text.fold;
                  a gold None must be predicted None)

    .venv/bin/python eval/clean_eval.py [--cleaner thoisu|keepall] [--regenerate] [--src DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# --src DIR scores another copy of the package (e.g. `git archive HEAD src | tar -x -C DIR`),
# so that figures come from committed code, not from a working tree being edited
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _SRC)
sys.path.insert(0, str(ROOT / "eval" / "cleaneval"))

from thoisu.ingest import InputError, read_inputs  # noqa: E402
from thoisu.models import Article, Page, Paragraph  # noqa: E402
from thoisu.text import fold, nfc  # noqa: E402

GENERATED = ROOT / "eval" / "out" / "cleaneval"
HANDMADE = ROOT / "eval" / "cleaneval" / "handmade"


def keep_all(page: Page) -> list[Article]:
    """Baseline: one article holding every line of the page, no metadata."""
    return [Article(id=f"{page.sha[:12]}-0", page=page.path,
                    paragraphs=[Paragraph(s.text, s.line) for s in page.lines])]


def load_cleaner(name: str) -> Callable[[Page], list[Article]]:
    if name == "keepall":
        return keep_all
    from thoisu.clean import extract_articles

    return extract_articles


def gold_pages(regenerate: bool) -> list[tuple[str, Path, dict]]:
    """(set name, page path, gold) for the generated and the handmade pages."""
    out: list[tuple[str, Path, dict]] = []
    if regenerate or not (GENERATED / "gold").is_dir():
        from generate import generate

        try:
            generate(GENERATED)
        except SystemExit as exc:  # shared/mds absent: the handmade pages are still scored
            print(f"generated set skipped: {exc}", file=sys.stderr)
    for g in sorted((GENERATED / "gold").glob("*.json")) if (GENERATED / "gold").is_dir() else []:
        gold = json.loads(g.read_text(encoding="utf-8"))
        out.append(("generated", GENERATED / "pages" / gold["page"], gold))
    for g in sorted(HANDMADE.glob("*.gold.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        out.append(("handmade", HANDMADE / gold["page"], gold))
    return out


def _same_title(a: str | None, b: str | None) -> bool:
    norm = (lambda s: " ".join(nfc(s).split()) if s else None)  # noqa: E731
    return norm(a) == norm(b)


def _same_name(a: str | None, b: str | None) -> bool:
    return (fold(a) if a else None) == (fold(b) if b else None)


@dataclass
class Score:
    body: int = 0
    body_kept: int = 0
    fur: int = 0
    fur_kept: int = 0
    meta: int = 0
    meta_kept: int = 0
    pages: int = 0
    right_count: int = 0
    articles: int = 0
    title: int = 0
    author: int = 0
    via: int = 0
    worst: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("body", "body_kept", "fur", "fur_kept", "meta", "meta_kept", "pages",
                  "right_count", "articles", "title", "author", "via"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score_page(path: Path, gold: dict, cleaner: Callable[[Page], list[Article]]) -> tuple[Score, dict]:
    s = Score(pages=1)
    items = list(read_inputs([str(path)]))
    pages = [x for x in items if isinstance(x, Page)]
    errors = [str(x) for x in items if isinstance(x, InputError)]
    arts = [a for p in pages for a in cleaner(p)]
    kept = {p.line for a in arts for p in a.paragraphs}
    text_of = {sl.line: sl.text for p in pages for sl in p.lines}
    fur = set(gold["furniture_lines"])
    s.fur, s.fur_kept = len(fur), len(fur & kept)
    lost: list[int] = []
    for g in gold["articles"]:
        body = set(g["body_lines"])
        s.body += len(body)
        s.body_kept += len(body & kept)
        lost += sorted(body - kept)
        meta = set(g["meta_lines"]) | ({g["title_line"]} if g.get("title_line") else set())
        s.meta += len(meta)
        s.meta_kept += len(meta & kept)
        s.articles += 1
        best, overlap = None, 0
        for a in arts:
            n = len(body & {p.line for p in a.paragraphs})
            if n > overlap:
                best, overlap = a, n
        s.title += _same_title(best.title if best else None, g["title"])
        s.author += _same_name(best.author if best else None, g["author"])
        s.via += _same_name(best.via if best else None, g["via"])
    s.right_count = int(len(arts) == len(gold["articles"]))
    body_r = s.body_kept / s.body if s.body else 1.0
    fur_r = s.fur_kept / s.fur if s.fur else 0.0
    detail = {
        "page": str(path.relative_to(ROOT)), "style": gold.get("style", "handmade"),
        "fmt": gold.get("fmt", path.suffix.lstrip(".")),
        "badness": (1 - body_r) + fur_r + (0 if s.right_count else 0.25),
        "body": body_r, "fur": fur_r, "n": (len(arts), len(gold["articles"])), "errors": errors,
        "fur_kept": [text_of.get(n, f"line {n}") for n in sorted(fur & kept)][:3],
        "body_lost": [text_of.get(n, f"line {n} (not in page)") for n in lost][:3],
        "titles": [(a.title, a.author, a.via) for a in arts][:2],
        "gold_titles": [(g["title"], g["author"], g["via"]) for g in gold["articles"]][:2],
    }
    return s, detail


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def report(name: str, s: Score) -> str:
    return (f"{name:<16} pages {s.pages:4d}  body kept {pct(s.body_kept, s.body)}  "
            f"furniture kept {pct(s.fur_kept, s.fur)}  meta in body {pct(s.meta_kept, s.meta)}  "
            f"right count {pct(s.right_count, s.pages)}  title {pct(s.title, s.articles)}  "
            f"author {pct(s.author, s.articles)}  via {pct(s.via, s.articles)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cleaner", choices=["thoisu", "keepall"], default="thoisu")
    ap.add_argument("--regenerate", action="store_true", help="rebuild the generated pages")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--by-style", action="store_true", help="also print figures per style")
    ap.add_argument("--src", default=_SRC, help="package source dir to import thoisu from")
    a = ap.parse_args()
    cleaner = load_cleaner(a.cleaner)
    totals: dict[str, Score] = defaultdict(Score)
    details = []
    for set_name, path, gold in gold_pages(a.regenerate):
        s, d = score_page(path, gold, cleaner)
        for key in ("all", set_name, f"  {d['fmt']}" if set_name == "generated" else None,
                    f"  style {d['style']}" if a.by_style else None):
            if key:
                totals[key].add(s)
        details.append(d)
    import thoisu

    print(f"cleaner: {a.cleaner} (thoisu from {Path(thoisu.__file__).parent})")
    for key in sorted(totals, key=lambda k: (k.startswith("  style"), k != "all", k)):
        print(report(key, totals[key]))
    print(f"\nworst {a.worst} pages:")
    for d in sorted(details, key=lambda d: -d["badness"])[: a.worst]:
        print(f"- {d['page']} [{d['style']}, {d['fmt']}] body {100 * d['body']:.0f}% "
              f"furniture {100 * d['fur']:.0f}% articles {d['n'][0]}/{d['n'][1]}")
        for e in d["errors"]:
            print(f"    error: {e}")
        for t in d["fur_kept"]:
            print(f"    furniture kept: {t[:100]}")
        for t in d["body_lost"]:
            print(f"    body lost:      {t[:100]}")
        print(f"    got  (title, author, via): {d['titles']}")
        print(f"    gold (title, author, via): {d['gold_titles']}")


if __name__ == "__main__":
    main()
