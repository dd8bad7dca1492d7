"""Build the cleaner evaluation set: real article text wrapped in invented site furniture.

Articles come from ../shared/mds/vims-dev.jsonl and abmusu-validation.jsonl (never
abmusu-train, which the cleaner may be tuned on). Each page gets a style from styles.py,
is written as .txt or .html, and has a gold JSON naming, per article, the title, author,
credited source (via) and the input line numbers of the body paragraphs, plus the lines
that are furniture. Output goes to eval/out/cleaneval/ (git-ignored: it holds mds text).

    .venv/bin/python eval/cleaneval/generate.py [--pages 165] [--seed 7]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from styles import (  # noqa: E402
    AGENCIES,
    AUTHORS,
    BIOS,
    CAPTIONS,
    COMMENTERS,
    COMMENTS,
    PHOTOGRAPHERS,
    SECTIONS,
    STYLES,
    WEEKDAYS,
)

from thoisu.ingest.decode import clean_text  # noqa: E402

MDS = ROOT.parent / "shared" / "mds"
SOURCES = ("vims-dev.jsonl", "abmusu-validation.jsonl")
OUT = ROOT / "eval" / "out" / "cleaneval"
# documents whose text still carries furniture of its own (captions, bylines, hotlines)
# would make the gold wrong: they are left out
_RESIDUE = re.compile(r"Ảnh\s*:|Nguồn\s*:|Tin, ảnh|Bài và ảnh|Thực hiện\s*:|Hotline|GMT\+7|"
                      r"^\(?Theo [A-ZĐ]\w*\)?$|Video", re.I)


@dataclass
class Doc:
    ref: str
    title: str
    lead: str | None
    paras: list[str]


@dataclass
class Item:
    label: str  # "body:k", "title:k", "meta:k", "fur", "raw" (markup only)
    text: str = ""
    tag: str = "p"  # html element for text items; the raw line for "raw"
    attrs: str = ""
    group: bool = False  # part of a list: no blank line after it in txt


@dataclass
class Gold:
    title: str | None
    author: str | None
    via: str | None
    ref: str
    body_lines: list[int] = field(default_factory=list)
    meta_lines: list[int] = field(default_factory=list)
    title_line: int | None = None


def load_docs() -> list[Doc]:
    docs = []
    for name in SOURCES:
        path = MDS / name
        if not path.exists():
            raise SystemExit(f"{path}: missing (the evaluation set is built from shared/mds)")
        for line in path.read_text(encoding="utf-8").splitlines():
            cluster = json.loads(line)
            for d in cluster["documents"]:
                paras = [p for p in (clean_text(x).strip() for x in d["text"].split("\n")) if p]
                title = clean_text(d.get("title") or "").strip()
                lead = clean_text(d.get("lead") or "").strip() or None
                if not title or not 3 <= len(paras) <= 25 or len(paras[-1].split()) <= 5:
                    continue
                if any(_RESIDUE.search(p) for p in paras + [lead or ""]):
                    continue
                if len(set(paras)) < len(paras):  # repeated paragraphs: a cleaner may rightly drop one
                    continue
                if lead and paras[0].startswith(lead[:40]):
                    lead = None
                docs.append(Doc(f"{cluster['id']}/{d['id']}", title, lead, paras))
    return docs


class PageBuilder:
    """Turns articles + a style into items, then into txt or html lines with gold labels."""

    def __init__(self, rng: random.Random, style: dict, others: list[Doc]) -> None:
        self.rng, self.st, self.others = rng, style, others
        self.items: list[Item] = []
        self.author: str | None = None  # of the first article, for an author box

    # ---------------------------------------------------------------- helpers
    def headline(self) -> str:
        return self.rng.choice(self.others).title

    def teaser(self) -> str:
        d = self.rng.choice(self.others)
        text = d.lead or d.paras[0]
        return text if len(text) < 220 else text[:200].rsplit(" ", 1)[0] + "..."

    def fill(self, template: str, **kw: object) -> str:
        r = self.rng
        y = r.randint(2016, 2024)
        values = {
            "d": r.randint(1, 28), "m": r.randint(1, 12), "y": y, "H": f"{r.randint(0, 23):02d}",
            "M": f"{r.randint(0, 59):02d}", "weekday": r.choice(WEEKDAYS),
            "section": r.choice(SECTIONS), "views": f"{r.randint(1, 98)}.{r.randint(0, 999):03d}",
            "n": r.randint(0, 240), "photo": r.choice(PHOTOGRAPHERS), "cap": r.choice(CAPTIONS),
            "via": r.choice(AGENCIES), "domain": self.st["domain"],
            "ago": r.choice([f"{r.randint(2, 59)} phút trước", f"{r.randint(1, 23)} giờ trước",
                             "hôm qua", f"{r.randint(2, 6)} ngày trước"]),
        }
        values.update(kw)
        return template.format(**values)

    def add(self, label: str, text: str, tag: str = "p", attrs: str = "", group: bool = False) -> None:
        self.items.append(Item(label, text, tag, attrs, group))

    def raw(self, markup: str) -> None:
        self.items.append(Item("raw", tag=markup))

    # ---------------------------------------------------------------- blocks
    def header(self, title: str, meta_author: str | None, html_page: bool) -> None:
        st = self.st
        if html_page:
            for m in ('<!DOCTYPE html>', '<html lang="vi">', "<head>", '<meta charset="utf-8">',
                      f"<title>{html.escape(title)} | {html.escape(st['site'])}</title>",
                      f'<meta property="og:site_name" content="{html.escape(st["site"])}">'):
                self.raw(m)
            if meta_author:
                self.raw(f'<meta name="author" content="{html.escape(meta_author)}">')
            self.raw("</head>")
            self.raw("<body>")
            self.raw(f'<header class="site-header"><div class="logo">{html.escape(st["site"])}</div>')
            for line in st.get("notice", []):
                self.add("fur", line, "div", 'class="cookie-notice"', group=True)
            if st["menu"]:
                self.raw('<nav class="main-menu"><ul>')
                for m in st["menu"]:
                    self.add("fur", m, "li", group=True)
                self.raw("</ul></nav>")
            self.raw("</header>")
        else:
            for line in st.get("notice", []):
                self.add("fur", line, group=True)
            for m in st["menu"]:
                self.add("fur", m, group=len(st["menu"]) > 1)
        if st.get("breadcrumb"):
            self.add("fur", self.fill(st["breadcrumb"]), "div", 'class="breadcrumb"')

    def article(self, k: int, doc: Doc, gold: Gold, html_page: bool) -> None:
        st = self.st
        if html_page:
            self.raw(f'<article class="{"main-article" if k == 0 else "article older"}">')
        date = self.fill(st["date"]) if st.get("date") else None
        if date and st.get("date_pos") == "before_title":
            self.add(f"meta:{k}", date, "div", 'class="date"')
        if not (st.get("no_title") and k == 0 and not html_page):
            self.add(f"title:{k}", doc.title, "h1" if k == 0 else "h2", 'class="title"')
        if date and st.get("date_pos") != "before_title":
            self.add(f"meta:{k}", date, "time", 'class="published"')
        style = st["byline"]
        if gold.author and style.startswith("top"):
            text = {"top_label": st.get("byline_label", "{author}"), "top_by": "By {author}"}.get(
                style, "{author}")
            self.add(f"meta:{k}", text.format(author=gold.author), "p", 'class="author"')
        paras = ([doc.lead] if doc.lead else []) + list(doc.paras)
        if st.get("dateline") and k == 0:
            paras[0] = self.fill(st["dateline"]) + paras[0]
        inserts = self._inserts(len(paras), doc.title)
        for i, para in enumerate(paras):
            self.add(f"body:{k}", para, "p", 'class="lead"' if i == 0 and doc.lead else "")
            for kind, payload in inserts.get(i, []):
                self._insert(kind, payload, html_page)
        self._credit(k, gold, html_page)
        if st.get("title_repeat_end"):
            self.add("fur", doc.title, "div", 'class="title-again"')
        if html_page:
            self.raw("</article>")

    def _inserts(self, n: int, title: str) -> dict[int, list[tuple[str, str]]]:
        """Furniture placed after body paragraph i (never after the last one)."""
        st, r = self.st, self.rng
        out: dict[int, list[tuple[str, str]]] = {}
        slots = list(range(n - 1)) or [0]
        if st.get("photo_story"):
            for i in range(n - 1):
                out.setdefault(i, []).append(("title_repeat", title))
        for _ in range(r.randint(*st["caption_n"])):
            i = r.choice(slots)
            if st.get("title_repeat_figure"):
                out.setdefault(i, []).append(("figure_title", st["title_repeat_figure"].format(
                    title=title, k=len(out.get(i, [])) + 1)))
            out.setdefault(i, []).append(("caption", self.fill(r.choice(st["caption"]))))
        for _ in range(r.randint(*st["inline_n"])):
            if st["inline"]:
                out.setdefault(r.choice(slots), []).append(("inline", r.choice(st["inline"])))
        return out

    def _insert(self, kind: str, payload: str, html_page: bool) -> None:
        st = self.st
        if kind == "title_repeat":
            self.add("fur", payload, "p", 'class="photo-title"')
        elif kind == "figure_title":
            self.add("fur", payload, "p", 'class="img-alt"')
        elif kind == "caption":
            if html_page:
                self.raw('<figure class="image"><img src="/img/photo.jpg" alt="">')
                self.add("fur", payload, "figcaption")
                self.raw("</figure>")
            else:
                self.add("fur", payload)
        elif kind == "inline":
            if "{headline}" in payload:
                self.add("fur", payload.format(headline=self.headline()), "p", 'class="read-also"')
                return
            # a labelled box: heading then one or two headlines (seed-like "Tin liên quan")
            if html_page:
                self.raw('<div class="box-related">')
            self.add("fur", payload, "div", 'class="box-title"', group=True)
            for _ in range(st.get("inline_list", 1)):
                self.add("fur", self.headline(), "div", 'class="box-item"', group=True)
            if html_page:
                self.raw("</div>")

    def _credit(self, k: int, gold: Gold, html_page: bool) -> None:
        st = self.st
        style, lines = st["byline"], []
        author, via = gold.author, gold.via
        if style in ("end_with_credit", "end_compound") and author and via:
            lines.append(st["credit"].format(author=author, via=via))
        else:
            if author and style in ("end_upper", "end_plain", "end_with_credit", "end_compound"):
                lines.append(author.upper() if style == "end_upper" else author)
            if via:
                credit = st["credit"] or "Theo {via}"
                lines.append(credit.format(via=via, author=author or ""))
        for line in lines:
            self.add(f"meta:{k}", line, "p", 'class="source"')

    def after(self, title: str, html_page: bool, blocks: list) -> None:
        r = self.rng
        for block in blocks:
            kind = block[0]
            if html_page:
                self.raw(f'<aside class="{kind}">' if kind != "share" else '<div class="share-bar">')
            if kind in ("share", "follow", "feedback", "prompt", "vote", "ad"):
                for line in block[1]:
                    self.add("fur", line, "span" if kind == "share" else "div", group=True)
            elif kind in ("tags",):
                words = title.split()
                tags = [" ".join(words[i : i + 2]) for i in sorted(r.sample(range(max(1, len(words) - 1)),
                        min(3, max(1, len(words) - 1))))]
                self.add("fur", self.fill(block[1], tags=", ".join(tags)), "div", 'class="tags"')
            elif kind in ("comments", "counter"):
                self.add("fur", self.fill(block[1]), "div", 'class="counter"')
            elif kind == "reader_comments":
                self.add("fur", block[1], "h3")
                for _ in range(r.randint(1, block[2])):
                    self.add("fur", r.choice(COMMENTERS), "strong", group=True)
                    self.add("fur", r.choice(COMMENTS), "p", 'class="comment"', group=True)
                    self.add("fur", self.fill("Thích · Trả lời · {ago}"), "div")
            elif kind == "author_box":
                if self.author:
                    self.add("fur", f"{block[1]}: {self.author}", "h4", group=True)
                    self.add("fur", r.choice(BIOS), "p", 'class="bio"')
            elif kind == "title_tail":
                for _ in range(block[1]):
                    self.add("fur", title, "div", group=True)
            elif kind == "related":
                self.add("fur", block[1], "h3", group=True)
                for _ in range(block[3]):
                    self.add("fur", self.headline(), "li", group=True)
            elif kind in ("related_teaser", "related_doubled"):
                self.add("fur", block[1], "h3")
                for _ in range(block[2]):
                    h = self.headline()
                    self.add("fur", h, "h4", group=True)
                    if kind == "related_doubled":
                        self.add("fur", h, "div", 'class="thumb-title"', group=True)
                    self.add("fur", self.teaser(), "p", 'class="sapo"')
            elif kind in ("related_time", "mostread"):
                self.add("fur", block[1], "h3", group=True)
                for i in range(block[3]):
                    self.add("fur", self.fill(block[2], headline=self.headline(), k=i + 1), "li",
                             group=True)
            if html_page:
                self.raw("</aside>" if kind != "share" else "</div>")

    def footer(self, html_page: bool) -> None:
        if html_page:
            self.raw('<footer class="site-footer">')
        for line in self.st["footer"]:
            self.add("fur", self.fill(line), "p", group=True)
        if html_page:
            self.raw("</footer>")
            self.raw("</body></html>")

    # ---------------------------------------------------------------- output
    def render(self, html_page: bool, golds: list[Gold]) -> tuple[str, list[int]]:
        lines: list[str] = []
        furniture: list[int] = []
        for item in self.items:
            if item.label == "raw":
                if html_page:
                    lines.append(item.tag)
                continue
            if html_page:
                attrs = f" {item.attrs}" if item.attrs else ""
                inner = html.escape(item.text, quote=False)
                if item.tag in ("li", "h4"):  # menus and headline lists are links
                    inner = f'<a href="/bai-viet-{len(lines)}.html">{inner}</a>'
                lines.append(f"<{item.tag}{attrs}>{inner}</{item.tag}>")
            else:
                lines.append(item.text)
            n = len(lines)
            kind, _, k = item.label.partition(":")
            if kind == "fur":
                furniture.append(n)
            elif kind == "body":
                golds[int(k)].body_lines.append(n)
            elif kind == "meta":
                golds[int(k)].meta_lines.append(n)
            elif kind == "title":
                golds[int(k)].title_line = n
            if not html_page and self.st["blank"] and not (item.group and self.rng.random() < 0.7):
                lines.append("")
        return "\n".join(lines) + "\n", furniture


def build_page(rng: random.Random, name: str, docs: list[Doc], others: list[Doc]) -> tuple[str, str, dict]:
    style = STYLES[name]
    html_page = rng.random() < style["html_share"]
    n_art = 2 if rng.random() < style.get("two_articles", 0.0) else 1
    golds = []
    for doc in docs[:n_art]:
        author = rng.choice(AUTHORS) if rng.random() < 0.85 and style["byline"] != "none" else None
        via = rng.choice(AGENCIES) if rng.random() < style["credit_p"] else None
        no_title = style.get("no_title") and not golds and not html_page
        golds.append(Gold(None if no_title else doc.title, author, via, doc.ref))
    b = PageBuilder(rng, style, others)
    b.author = golds[0].author
    meta_author = golds[0].author if html_page and rng.random() < 0.5 else None
    b.header(docs[0].title, meta_author, html_page)
    blocks = list(style["after"])
    for k, doc in enumerate(docs[:n_art]):
        b.article(k, doc, golds[k], html_page)
        if k == 0 and n_art == 2 and blocks and rng.random() < 0.5:
            b.after(doc.title, html_page, [blocks.pop(0)])  # some furniture between the two
    b.after(docs[0].title, html_page, blocks)
    b.footer(html_page)
    text, furniture = b.render(html_page, golds)
    gold = {
        "style": name, "fmt": "html" if html_page else "txt",
        "articles": [{"title": g.title, "title_line": g.title_line, "author": g.author,
                      "via": g.via, "source": g.ref, "body_lines": g.body_lines,
                      "meta_lines": g.meta_lines} for g in golds],
        "furniture_lines": furniture,
    }
    return text, ("html" if html_page else "txt"), gold


def generate(out: Path = OUT, pages: int = 165, seed: int = 7) -> int:
    rng = random.Random(seed)
    docs = load_docs()
    rng.shuffle(docs)
    n_bodies = pages * 2
    bodies, others = docs[:n_bodies], docs[n_bodies:]  # furniture headlines never from the page's own
    for sub, pattern in (("pages", "p*_*.*"), ("gold", "p*_*.json")):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).glob(pattern):  # a page may change format between versions
            old.unlink()
    names = sorted(STYLES)
    for i in range(pages):
        style = names[i % len(names)]
        text, ext, gold = build_page(rng, style, bodies[2 * i : 2 * i + 2], others)
        stem = f"p{i:03d}_{style}"
        gold["page"] = f"{stem}.{ext}"
        (out / "pages" / f"{stem}.{ext}").write_text(text, encoding="utf-8")
        (out / "gold" / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                   encoding="utf-8")
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=165)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    n = generate(a.out, a.pages, a.seed)
    print(f"wrote {n} pages to {a.out}")


if __name__ == "__main__":
    main()
