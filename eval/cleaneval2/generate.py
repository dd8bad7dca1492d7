"""Build the second cleaner evaluation set: pages of invented Vietnamese news sites around
real article text read from ../shared/mds/vims-dev.jsonl at build time.

Nothing of the article text is stored in the repository: pages and gold go to
eval/out/cleaneval2/{dev,test}/ (git-ignored). The build is deterministic (seeded), so the
frozen test split is the same on every machine: ``SPLITS`` fixes its seed, its site pool
(layouts.TEST) and its clusters (vims-dev clusters 101-200; dev uses 1-100).

Gold per page (same keys as eval/cleaneval, plus two): per article ``title``,
``title_line``, ``body_lines``, ``meta_lines`` (timestamps, bylines, credits next to the
article), ``neutral_lines`` (live-blog time stamps: not scored), ``dup_lines`` (a repeated
sapo: {repeat line: first line}); and page-level ``furniture_lines``.

    .venv/bin/python eval/cleaneval2/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import layouts

ROOT = Path(__file__).resolve().parents[2]
MDS = Path("/work/shared/mds") if Path("/work/shared/mds").is_dir() else ROOT.parent / "shared" / "mds"
OUT = ROOT / "eval" / "out" / "cleaneval2"
# split -> (seed, furniture pool, vims clusters [lo, hi), number of sites, pages per site)
SPLITS = {"dev": (2611, layouts.DEV, (0, 100), 30, 5),
          "test": (9173, layouts.TEST, (100, 200), 30, 5)}


@dataclass
class Doc:
    title: str
    lead: str
    paras: list[str]


@dataclass
class Entry:
    text: str
    label: str  # fur | title | body | meta | neutral | dup
    art: int = -1
    dup_of: int = -1  # index of the entry this one repeats
    tag: str = "p"  # html element


@dataclass
class Site:
    outlet: str
    fmt: str
    blank: bool
    menu: str  # none | line | lines
    menu_sep: str
    home: str
    header: list[str]
    crumb: bool
    crumb_sep: str
    ts_fmt: str
    ts_pos: str  # before_title | after_title | after_lead | none
    top_byline: bool
    share: list[str]
    sapo_prefix: bool
    sapo_repeat: float
    inline: str | None
    captions: list[str]
    bylines: list[str]
    byline_rate: float
    related: list[str]
    teaser: bool
    ago: str | None
    tags: str | None
    feedback: list[str]
    footer: list[str]
    multi: float
    next_heading: str | None
    kind_weights: dict[str, float] = field(default_factory=dict)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.split()))


_TERMINAL = re.compile(r"[.!?…][\"”’')]*$")


def read_docs(sources: list[tuple[str, int, int]], *, lead_full_stop: bool = False) -> list[Doc]:
    """Documents of the mds files' clusters [lo, hi) that make a page: a title, a lead of
    8 words or more (ending in a full stop, with ``lead_full_stop``: an abmusu text may
    open with a subtitle, a sapo has one) and two full paragraphs."""
    docs: list[Doc] = []
    for name, lo, hi in sources:
        path = MDS / name
        if not path.is_file():
            raise SystemExit(f"{path}: not found (the set is built from ../shared/mds)")
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if not lo <= i < hi:
                    continue
                for d in json.loads(line)["documents"]:
                    title = _nfc(d.get("title") or "")
                    # only full paragraphs: short lines inside mds texts are often captions or
                    # bylines of the original page, which would make the gold wrong
                    paras = [_nfc(p) for p in (d.get("text") or "").split("\n")]
                    paras = [p for p in paras if len(p.split()) >= 12]
                    lead = _nfc(d.get("lead") or "")
                    if not lead and paras:
                        lead = paras.pop(0)
                    if title and len(lead.split()) >= 8 and len(paras) >= 2 and (
                            not lead_full_stop or _TERMINAL.search(lead)):
                        docs.append(Doc(title, lead, paras))
    return docs


def load_docs(lo: int, hi: int) -> list[Doc]:
    return read_docs([("vims-dev.jsonl", lo, hi)])


def _name(rng: random.Random) -> str:
    return f"{rng.choice(layouts.SURNAMES)} {rng.choice(layouts.GIVEN)}"


def _short_name(rng: random.Random) -> str:
    return rng.choice(layouts.GIVEN)


def make_site(rng: random.Random, pool: dict, outlet: str) -> Site:
    return Site(
        outlet=outlet,
        fmt="html" if rng.random() < 0.2 else "txt",
        blank=rng.random() < 0.6,
        menu=rng.choice(["none", "line", "line", "lines"]),
        menu_sep=rng.choice(pool["menu_seps"]),
        home=rng.choice(pool["home"]),
        header=rng.sample(pool["header"], rng.randint(0, 3)),
        crumb=rng.random() < 0.6,
        crumb_sep=rng.choice(pool["crumb_seps"]),
        ts_fmt=rng.choice(pool["timestamps"]),
        ts_pos=rng.choice(["before_title", "after_title", "after_title", "after_lead", "none"]),
        top_byline=rng.random() < 0.3,
        share=rng.sample(pool["share"], rng.randint(0, 3)),
        sapo_prefix=rng.random() < 0.25,
        sapo_repeat=rng.choice([0.0, 0.0, 0.5, 1.0]),
        inline=rng.choice([None, *pool["inline"]]),
        captions=rng.sample(pool["caption"], rng.randint(0, 2)),
        bylines=rng.sample(pool["byline"], 2),
        byline_rate=rng.choice([0.0, 0.5, 0.8, 1.0]),
        related=rng.sample(pool["related"], rng.randint(0, 2)),
        teaser=rng.random() < 0.3,
        ago=rng.choice([None, *pool["ago"]]),
        tags=rng.choice([None, *pool["tags"]]),
        feedback=rng.sample(pool["feedback"], rng.randint(0, 2)),
        footer=rng.sample(pool["footer"], rng.randint(1, 4)),
        multi=rng.choice([0.0, 0.3, 0.6]),
        next_heading=rng.choice([None, None, *pool["next_article"]]),
        kind_weights={"news": 6, "photo": rng.choice([0, 1]), "live": rng.choice([0, 1])},
    )


def _fill_ts(fmt: str, rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2024)
    H, M = rng.randint(0, 23), rng.randint(0, 59)
    return fmt.format(d=d, m=m, y=y, dd=f"{d:02d}", mm=f"{m:02d}", H=f"{H:02d}", M=f"{M:02d}",
                      wd=rng.choice(layouts.WEEKDAYS))


def _byline(fmt: str, rng: random.Random) -> str:
    name = _short_name(rng) if rng.random() < 0.6 else _name(rng)
    return fmt.format(name=name, NAME=name.upper(), via=rng.choice(layouts.VIAS))


def _caption(fmt: str, rng: random.Random, title: str, outlet: str, n: int) -> str:
    sentence = rng.choice(["Quang cảnh buổi làm việc.", "Lực lượng chức năng có mặt tại hiện trường.",
                           "Toàn cảnh hội nghị.", "Người dân theo dõi diễn biến.",
                           "Đại diện hai bên tại buổi gặp."])
    text = fmt.format(name=_short_name(rng), sentence=sentence, title=title, outlet=outlet)
    return text.replace("Ảnh 1", f"Ảnh {n}").replace("(ảnh 1)", f"(ảnh {n})")


def build_page(site: Site, pool: dict, rng: random.Random, docs: list[Doc],
               others: list[Doc]) -> list[Entry]:
    e: list[Entry] = []
    fur = lambda t, tag="p": e.append(Entry(t, "fur", tag=tag))  # noqa: E731
    secs = rng.sample(layouts.SECTIONS, rng.randint(5, 9))
    if site.header:
        for h in site.header:
            fur(h)
    if site.menu == "line":
        fur(site.menu_sep.join([site.home, *secs]), "nav")
    elif site.menu == "lines":
        for s in [site.home, *secs]:
            fur(s, "nav")
    if site.crumb:
        crumb = [rng.choice(layouts.SECTIONS)]
        if rng.random() < 0.6:
            crumb.append(rng.choice(layouts.SUBSECTIONS))
        if rng.random() < 0.3:
            crumb.insert(0, site.home)
        fur(site.crumb_sep.join(crumb), "crumb")
    kind = rng.choices(list(site.kind_weights), weights=list(site.kind_weights.values()))[0]
    for ai, doc in enumerate(docs):
        if ai > 0:
            if site.next_heading and rng.random() < 0.7:
                fur(site.next_heading, "h3")
            elif site.related and rng.random() < 0.3:
                _related(e, site, pool, rng, others, n=rng.randint(2, 4))
        _article(e, site, pool, rng, doc, ai, kind if ai == 0 else "news")
    if site.tags:
        tags = ", ".join(rng.sample(["Triều Tiên", "Mỹ", "kinh tế", "giao thông", "Hà Nội",
                                     "bão lũ", "giá vàng", "COVID-19", "bầu cử"], 3))
        fur(site.tags.format(t=tags if not site.tags.startswith("#") else tags.replace(", ", " #")))
    for f in site.feedback:
        fur(f)
    if site.related:
        _related(e, site, pool, rng, others, n=rng.randint(3, 7))
    for f in site.footer:
        fur(f.format(outlet=site.outlet, name=_name(rng), n=rng.randint(100, 999),
                     outlet_slug=re.sub(r"\W", "", site.outlet.lower())[:10]), "footer")
    return e


def _related(e: list[Entry], site: Site, pool: dict, rng: random.Random, others: list[Doc],
             n: int) -> None:
    e.append(Entry(rng.choice(site.related), "fur", tag="h3"))
    for o in rng.sample(others, n):
        e.append(Entry(o.title, "fur", tag="li"))
        if site.ago:
            e.append(Entry(_fill_ts(site.ago.replace("{n}", str(rng.randint(1, 59))), rng), "fur", tag="li"))
        if site.teaser:
            e.append(Entry(o.lead, "fur", tag="li"))


def _article(e: list[Entry], site: Site, pool: dict, rng: random.Random, doc: Doc, ai: int,
             kind: str) -> None:
    title = doc.title if kind != "live" else f"TRỰC TIẾP: {doc.title}"
    ts = Entry(_fill_ts(site.ts_fmt, rng), "meta", ai, tag="time")
    no_title = ai == 0 and site.fmt == "txt" and rng.random() < 0.05
    if site.ts_pos == "before_title":
        e.append(ts)
    if not no_title:
        e.append(Entry(title, "title", ai, tag="h1" if ai == 0 else "h2"))
    if site.ts_pos == "after_title":
        e.append(ts)
    if site.top_byline and ai == 0:
        e.append(Entry(_byline(site.bylines[0], rng), "meta", ai, tag="author"))
    if ai == 0:
        for s in site.share:
            e.append(Entry(s.format(outlet=site.outlet), "fur", tag="share"))
    lead = doc.lead
    if site.sapo_prefix:
        lead = f"({site.outlet}) - {lead}" if rng.random() < 0.5 else f"{rng.choice(['HÀ NỘI', 'TP.HCM', 'Đà Nẵng', 'Washington'])} - {lead}"
    sapo_at = len(e)
    e.append(Entry(lead, "body", ai, tag="sapo"))
    if site.ts_pos == "after_lead":
        e.append(ts)
    n_paras = rng.randint(2, 10) if ai == 0 else rng.randint(2, 5)
    paras = doc.paras[:n_paras]
    if rng.random() < site.sapo_repeat:
        e.append(Entry(lead, "dup", ai, dup_of=sapo_at))
    for pi, p in enumerate(paras):
        if kind == "live":
            e.append(Entry(f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}", "neutral", ai))
        e.append(Entry(p, "body", ai))
        last = pi == len(paras) - 1
        if kind == "photo" and not last:
            e.append(Entry(_caption("{title} - Ảnh 1", rng, title, site.outlet, pi + 1), "fur", tag="figcaption"))
        elif site.captions and not last and rng.random() < 0.25:
            e.append(Entry(_caption(rng.choice(site.captions), rng, title, site.outlet, pi + 1), "fur",
                           tag="figcaption"))
        if site.inline and not last and pi >= 1 and rng.random() < 0.15 and ai == 0:
            e.append(Entry(site.inline.format(h=_other_title(rng)), "fur", tag="aside"))
    if rng.random() < site.byline_rate:
        e.append(Entry(_byline(rng.choice(site.bylines), rng), "meta", ai, tag="author"))


_OTHER_TITLES: list[str] = []


def _other_title(rng: random.Random) -> str:
    return rng.choice(_OTHER_TITLES)


# ----------------------------------------------------------------------------- writing


def write_txt(entries: list[Entry], blank: bool) -> tuple[str, list[int]]:
    lines: list[str] = []
    nums: list[int] = []
    for x in entries:
        if blank and lines:
            lines.append("")
        lines.append(x.text)
        nums.append(len(lines))
    return "\n".join(lines) + "\n", nums


def write_html(entries: list[Entry], site: Site, title: str, lead: str) -> tuple[str, list[int]]:
    esc = html.escape
    head = ["<!DOCTYPE html>", '<html lang="vi">', '<head><meta charset="utf-8">',
            f"<title>{esc(title)} - {esc(site.outlet)}</title>",
            f'<meta name="description" content="{esc(lead)}">',
            f'<meta property="og:title" content="{esc(title)}">',
            f'<meta property="og:description" content="{esc(lead)}">',
            f'<meta property="og:site_name" content="{esc(site.outlet)}">',
            "</head>", "<body>"]
    lines = list(head)
    nums: list[int] = []
    state = "top"
    for x in entries:
        if state == "top" and x.label in ("title", "meta", "body"):
            lines.append('<article class="fck_detail">')
            state = "art"
        if state == "art" and x.label == "fur" and x.tag in ("h3", "footer"):
            lines.append("</article>")
            state = "after"
        t = esc(x.text)
        tag = {"nav": f'<li><a href="/{len(lines)}">{t}</a></li>',
               "crumb": f'<div class="breadcrumb">{t}</div>',
               "h1": f'<h1 class="title-detail">{t}</h1>',
               "h2": f"<h2>{t}</h2>",
               "h3": f'<h3 class="box-title">{t}</h3>',
               "li": f'<li class="item-news"><a href="/tin/{len(lines)}.html">{t}</a></li>',
               "time": f'<span class="date">{t}</span>',
               "author": f'<p class="author_mail" style="text-align:right;"><strong>{t}</strong></p>',
               "share": f'<div class="social"><a href="#">{t}</a></div>',
               "sapo": f'<p class="description">{t}</p>',
               "figcaption": f'<figure><img src="/a.jpg" alt=""><figcaption>{t}</figcaption></figure>',
               "aside": f'<p class="related-inline"><a href="/x.html">{t}</a></p>',
               "footer": f'<div class="footer-info">{t}</div>'}.get(x.tag, f'<p class="Normal">{t}</p>')
        lines.append(tag)
        nums.append(len(lines))
    if state == "art":
        lines.append("</article>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n", nums


def gold_of(entries: list[Entry], nums: list[int], n_art: int, page: str, site_id: str,
            fmt: str, kind: str) -> dict:
    arts = [{"title": None, "title_line": None, "author": None, "via": None, "body_lines": [],
             "meta_lines": [], "neutral_lines": [], "dup_lines": {}} for _ in range(n_art)]
    fur: list[int] = []
    for x, n in zip(entries, nums, strict=True):
        if x.label == "fur":
            fur.append(n)
            continue
        a = arts[x.art]
        if x.label == "title":
            a["title"], a["title_line"] = x.text, n
        elif x.label == "body":
            a["body_lines"].append(n)
        elif x.label == "meta":
            a["meta_lines"].append(n)
        elif x.label == "neutral":
            a["neutral_lines"].append(n)
        elif x.label == "dup":
            a["dup_lines"][str(n)] = nums[x.dup_of]
    return {"page": page, "style": site_id, "fmt": fmt, "kind": kind, "articles": arts,
            "furniture_lines": fur}


def generate(out: Path = OUT) -> None:
    for split, (seed, pool, (lo, hi), n_sites, per_site) in SPLITS.items():
        rng = random.Random(seed)
        docs = load_docs(lo, hi)
        rng.shuffle(docs)
        _OTHER_TITLES[:] = [d.title for d in docs[-200:]]
        others = docs[-200:]
        docs = docs[:-200]
        d_pages, d_gold = out / split / "pages", out / split / "gold"
        d_pages.mkdir(parents=True, exist_ok=True)
        d_gold.mkdir(parents=True, exist_ok=True)
        for old in [*d_pages.iterdir(), *d_gold.iterdir()]:
            old.unlink()
        k = 0
        outlets = list(pool["outlets"])
        for si in range(n_sites):
            site = make_site(rng, pool, outlets[si % len(outlets)])
            site_id = f"{split}-site{si:02d}"
            for _ in range(per_site):
                n_art = 1
                if site.fmt == "txt" and rng.random() < site.multi:
                    n_art = rng.choice([2, 2, 3])
                page_docs = [docs[(k + j) % len(docs)] for j in range(n_art)]
                k += n_art
                entries = build_page(site, pool, rng, page_docs, others)
                kind = "news"
                if any(x.label == "neutral" for x in entries):
                    kind = "live"
                elif any(x.text.endswith(" - Ảnh 2") for x in entries):
                    kind = "photo"
                name = f"{site_id}-p{k:04d}"
                if site.fmt == "html":
                    shown = next((x.text for x in entries if x.label == "title"), page_docs[0].title)
                    text, nums = write_html(entries, site, shown, page_docs[0].lead)
                    page = f"{name}.html"
                else:
                    text, nums = write_txt(entries, site.blank)
                    page = f"{name}.txt"
                (d_pages / page).write_text(text, encoding="utf-8")
                gold = gold_of(entries, nums, n_art, page, site_id, site.fmt, kind)
                (d_gold / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                     encoding="utf-8")
        print(f"{split}: {len(list(d_gold.iterdir()))} pages -> {out / split}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    generate(ap.parse_args().out)


if __name__ == "__main__":
    main()
