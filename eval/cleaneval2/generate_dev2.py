"""Build the harder dev split (dev2) of the second cleaner evaluation set.

dev (generate.py) is saturated; dev2 adds page patterns it lacks (layouts_dev2.py): a date
bar above the menu, two-level menus, trending headlines above the article, breadcrumbs on
several lines or as an upper-case section label, kickers above or inside the title, titles
in capitals, ending in "?" or "!", short titles, writer and time on one line, updated
lines, audio players, subheadings, photo stories, live blogs with titled entries, reader
comments, and two or three articles on one page with or without bylines and date lines.

Article text: ../shared/mds/abmusu-validation.jsonl and vims-dev clusters 1-100 (the dev
clusters), read at build time; never the test clusters. Pages and gold go to
eval/out/cleaneval2/dev2/ (git-ignored). Same gold format as generate.py; subheadings and
live-blog stamps/entry headings are neutral (not scored). Seeded: the same on every run.
The frozen test split (generate.py) is untouched by this module.

    .venv/bin/python eval/cleaneval2/generate_dev2.py
    .venv/bin/python eval/cleaneval2/generate_dev2.py --seed 11 --name dev2b   # a resample
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import layouts_dev2 as L
from generate import OUT, Doc, Entry, gold_of, read_docs, write_txt

SEED = 5077
N_SITES = 40
PER_SITE = 5


def load_docs() -> list[Doc]:
    return read_docs([("abmusu-validation.jsonl", 0, 10**6), ("vims-dev.jsonl", 0, 100)], lead_full_stop=True)


@dataclass
class Site:
    outlet: str
    acro: str
    fmt: str
    blank: bool
    date_bar: str | None
    header: list[str]
    menu: str  # none | line | lines | two
    menu_sep: str
    home: str
    trending: str | None  # heading of a trending strip above the article ("" = no heading)
    crumb: str  # none | line | lines | label
    crumb_sep: str
    kicker: float
    prefix: float
    caps: bool
    ts_fmt: str
    ts_pos: str  # before_title | after_title | after_lead | end | with_byline | none
    updated: bool
    top_byline: bool
    share: list[str]
    audio: list[str]
    sapo_prefix: str | None
    sapo_repeat: float
    subheads: float
    captions: float
    bylines: list[str]
    byline_rate: float
    second_dated: float
    related: str | None
    ago: str | None
    comments: bool
    tags: str | None
    footer: list[str]
    multi: float
    next_heading: str | None
    kind: dict[str, float]


def make_site(rng: random.Random, outlet: str) -> Site:
    return Site(
        outlet=outlet,
        acro="".join(w[0] for w in outlet.split()).upper(),
        fmt="html" if rng.random() < 0.15 else "txt",
        blank=rng.random() < 0.5,
        date_bar=rng.choice(L.DATE_BAR) if rng.random() < 0.3 else None,
        header=rng.sample(L.HEADER, rng.randint(0, 2)),
        menu=rng.choice(["none", "line", "line", "lines", "two"]),
        menu_sep=rng.choice(L.MENU_SEPS),
        home=rng.choice(L.HOME),
        trending=rng.choice(L.TRENDING) if rng.random() < 0.25 else None,
        crumb=rng.choice(["none", "line", "line", "lines", "label"]),
        crumb_sep=rng.choice(L.CRUMB_SEPS),
        kicker=rng.choice([0.0, 0.0, 0.0, 0.5]),
        prefix=rng.choice([0.0, 0.0, 0.0, 0.0, 0.4]),
        caps=rng.random() < 0.15,
        ts_fmt=rng.choice(L.TIMESTAMPS),
        ts_pos=rng.choice(["before_title", "after_title", "after_title", "after_lead", "end",
                           "with_byline", "none"]),
        updated=rng.random() < 0.2,
        top_byline=rng.random() < 0.25,
        share=rng.sample(L.SHARE, rng.randint(0, 3)),
        audio=rng.sample(L.AUDIO, rng.randint(1, 3)) if rng.random() < 0.25 else [],
        sapo_prefix=rng.choice(L.SAPO_PREFIX) if rng.random() < 0.3 else None,
        sapo_repeat=rng.choice([0.0, 0.0, 0.0, 0.5]),
        subheads=rng.choice([0.0, 0.0, 0.5]),
        captions=rng.choice([0.0, 0.2]),
        bylines=rng.sample(L.BYLINES, 2),
        byline_rate=rng.choice([0.0, 0.3, 0.7, 1.0]),
        second_dated=rng.choice([0.0, 0.5, 1.0]),
        related=rng.choice([None, *L.RELATED]),
        ago=rng.choice([None, *L.AGO]),
        comments=rng.random() < 0.2,
        tags=rng.choice([None, *L.TAGS]),
        footer=rng.sample(L.FOOTER, rng.randint(1, 4)),
        multi=rng.choice([0.0, 0.4, 0.7]),
        next_heading=rng.choice([None, None, *L.NEXT]),
        kind={"news": 6, "photo": rng.choice([0, 1]), "live": rng.choice([0, 1])},
    )


def _ts(fmt: str, rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2024)
    wd = rng.randrange(7)
    return fmt.format(d=d, m=m, y=y, dd=f"{d:02d}", mm=f"{m:02d}", H=f"{rng.randint(0, 23):02d}",
                      M=f"{rng.randint(0, 59):02d}", wd=L.WEEKDAYS[wd], WD=L.WEEKDAYS_CAP[wd],
                      n=rng.randint(1, 59))


def _name(rng: random.Random) -> str:
    return rng.choice(L.GIVEN) if rng.random() < 0.6 else f"{rng.choice(L.SURNAMES)} {rng.choice(L.GIVEN)}"


def _byline(fmt: str, rng: random.Random) -> str:
    name = _name(rng)
    return fmt.format(name=name, NAME=name.upper(), name2=_name(rng), via=rng.choice(L.VIAS))


def build_page(site: Site, rng: random.Random, docs: list[Doc], others: list[Doc]) -> list[Entry]:
    e: list[Entry] = []

    def fur(t: str, tag: str = "p") -> None:
        e.append(Entry(t, "fur", tag=tag))

    if site.date_bar:
        fur(_ts(site.date_bar, rng))
    for h in site.header:
        fur(h)
    secs = rng.sample(L.SECTIONS, rng.randint(5, 9))
    if site.menu in ("line", "two"):
        fur(site.menu_sep.join([site.home, *secs]), "nav")
        if site.menu == "two":
            fur(site.menu_sep.join(rng.choice(L.SUBMENU)), "nav")
    elif site.menu == "lines":
        for s in [site.home, *secs]:
            fur(s, "nav")
    if site.trending is not None:
        if site.trending:
            fur(site.trending, "h3")
        for o in rng.sample(others, rng.randint(2, 3)):
            fur(o.title, "li")
    sec = rng.choice(L.SECTIONS)
    if site.crumb == "line":
        crumb = [sec] + ([rng.choice(L.SUBSECTIONS)] if rng.random() < 0.6 else [])
        if rng.random() < 0.3:
            crumb.insert(0, site.home)
        fur(site.crumb_sep.join(crumb), "crumb")
    elif site.crumb == "lines":
        for c in [sec, rng.choice(L.SUBSECTIONS)]:
            fur(c, "crumb")
    elif site.crumb == "label":
        fur(sec.upper(), "crumb")
    kind = rng.choices(list(site.kind), weights=list(site.kind.values()))[0]
    for ai, doc in enumerate(docs):
        if ai > 0 and site.next_heading and rng.random() < 0.5:
            fur(site.next_heading, "h3")
        _article(e, site, rng, doc, ai, kind if ai == 0 else "news")
    if site.tags:
        fur(site.tags.format(t=", ".join(rng.sample(["Hà Nội", "giao thông", "COVID-19", "kinh tế", "Mỹ",
                                                     "Trung Quốc", "giá xăng", "bóng đá", "thời tiết"], 3))))
    if site.comments:
        fur(rng.choice(L.COMMENTS_HEAD), "h3")
        for _ in range(rng.randint(1, 3)):
            fur(_name(rng))
            fur(rng.choice(L.COMMENTS))
            fur(_ts(rng.choice(L.COMMENT_ACTIONS), rng))
    if site.related:
        fur(site.related, "h3")
        for o in rng.sample(others, rng.randint(3, 6)):
            fur(o.title, "li")
            if site.ago:
                fur(_ts(site.ago, rng), "li")
    for f in site.footer:
        fur(f.format(outlet=site.outlet, name=_name(rng), n=rng.randint(100, 999), y=rng.randint(2016, 2024)),
            "footer")
    return e


def _title(site: Site, rng: random.Random, doc: Doc, kind: str) -> str:
    t = doc.title
    if kind == "live" and rng.random() < 0.5:
        t = f"Trực tiếp: {t}"
    elif rng.random() < site.prefix:
        t = rng.choice(L.TITLE_PREFIX) + t
    return t.upper() if site.caps else t


def _article(e: list[Entry], site: Site, rng: random.Random, doc: Doc, ai: int, kind: str) -> None:
    title = _title(site, rng, doc, kind)
    first = ai == 0
    dated = first or rng.random() < site.second_dated
    ts = Entry(_ts(site.ts_fmt, rng), "meta", ai, tag="time")
    if kind == "live" and not title.lower().startswith("trực tiếp"):
        e.append(Entry("TRỰC TIẾP", "fur", tag="kicker"))
    elif rng.random() < site.kicker:
        e.append(Entry(rng.choice(L.KICKERS), "fur", tag="kicker"))
    if dated and site.ts_pos == "before_title":
        e.append(ts)
    e.append(Entry(title, "title", ai, tag="h1" if first else "h2"))
    if dated and site.ts_pos == "with_byline":
        e.append(Entry(rng.choice(L.BYLINE_TS).format(name=_name(rng), ts=ts.text), "meta", ai, tag="time"))
    if dated and site.ts_pos == "after_title":
        e.append(ts)
        if site.updated and first:
            e.append(Entry(_ts(rng.choice(L.UPDATED), rng), "meta", ai, tag="time"))
    if site.top_byline and first and site.ts_pos != "with_byline":
        e.append(Entry(_byline(site.bylines[0], rng), "meta", ai, tag="author"))
    if first:
        for s in site.share:
            e.append(Entry(s, "fur", tag="share"))
        for s in site.audio:
            e.append(Entry(s, "fur", tag="share"))
    lead = doc.lead
    if site.sapo_prefix:
        lead = site.sapo_prefix.format(outlet=site.outlet, acro=site.acro) + lead
    sapo_at = len(e)
    e.append(Entry(lead, "body", ai, tag="sapo"))
    if dated and site.ts_pos == "after_lead":
        e.append(ts)
    if rng.random() < site.sapo_repeat:
        e.append(Entry(lead, "dup", ai, dup_of=sapo_at))
    paras = doc.paras[: rng.randint(3, 10) if first else rng.randint(2, 5)]
    n = len(paras)
    for pi, p in enumerate(paras):
        last = pi == n - 1
        if kind == "live":
            e.append(Entry(_ts(rng.choice(L.LIVE_STAMPS), rng), "neutral", ai))
            if rng.random() < 0.3:
                e.append(Entry(rng.choice(L.LIVE_HEADS), "neutral", ai, tag="h3"))
        elif pi > 0 and not last and rng.random() < site.subheads / 2:
            e.append(Entry(rng.choice(L.SUBHEADS), "neutral", ai, tag="h3"))
        e.append(Entry(p, "body", ai))
        if kind == "photo" and not last:
            cap = rng.choice(L.PHOTO_COUNTERS).format(n=pi + 1, k=n)
            if rng.random() < 0.5:
                cap = f"{rng.choice(L.PHOTO_SENTENCES)} {cap}"
            e.append(Entry(cap, "fur", tag="figcaption"))
        elif site.captions and not last and rng.random() < site.captions:
            e.append(Entry(rng.choice(L.CAPTIONS).format(sentence=rng.choice(L.PHOTO_SENTENCES), name=_name(rng)),
                           "fur", tag="figcaption"))
    if rng.random() < site.byline_rate and not (site.top_byline and first):
        e.append(Entry(_byline(rng.choice(site.bylines), rng), "meta", ai, tag="author"))
    if dated and site.ts_pos == "end":
        e.append(ts)


def write_html(entries: list[Entry], site: Site, rng: random.Random, title: str, lead: str) -> tuple[str, list[int]]:
    esc = html.escape
    head = ['<!DOCTYPE html>', '<html lang="vi">', '<head><meta charset="utf-8">',
            f"<title>{esc(title)} | {esc(site.outlet)}</title>"]
    if rng.random() < 0.8:
        head.append(f'<meta name="description" content="{esc(lead)}">')
    if rng.random() < 0.6:
        head.append(f'<meta property="og:title" content="{esc(title)}">')
    lines = [*head, "</head>", "<body>"]
    nums: list[int] = []
    state = "top"
    for x in entries:
        if state == "top" and x.label in ("title", "meta", "body") or (state == "top" and x.tag == "kicker"):
            lines.append('<div class="detail-content">')
            state = "art"
        if state == "art" and x.label == "fur" and x.tag in ("h3", "footer") and x.text not in L.NEXT:
            lines.append("</div>")
            state = "after"
        t = esc(x.text)
        tag = {"nav": f'<li><a href="/c/{len(lines)}">{t}</a></li>',
               "crumb": f'<ul class="breadcrumbs"><li><a href="/c">{t}</a></li></ul>',
               "kicker": f'<span class="kicker">{t}</span>',
               "h1": f'<h1 class="article-title">{t}</h1>',
               "h2": f"<h2>{t}</h2>",
               "h3": f"<h3>{t}</h3>",
               "li": f'<li><a href="/t/{len(lines)}.html">{t}</a></li>',
               "time": f'<div class="publish-date">{t}</div>',
               "author": f'<p class="author"><b>{t}</b></p>',
               "share": f'<div class="tools"><button>{t}</button></div>',
               "sapo": f'<h2 class="sapo">{t}</h2>',
               "figcaption": f'<figure><img src="/i.jpg" alt=""><figcaption>{t}</figcaption></figure>',
               "footer": f'<div class="footer">{t}</div>'}.get(x.tag, f"<p>{t}</p>")
        lines.append(tag)
        nums.append(len(lines))
    if state == "art":
        lines.append("</div>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n", nums


def _pick(rng: random.Random, docs: list[Doc], special: list[Doc]) -> Doc:
    # one article in four has a title of the harder shapes (short, "?", "!", quotes, colons)
    return rng.choice(special) if special and rng.random() < 0.25 else docs.pop()


def _special(d: Doc) -> bool:
    t = d.title
    return len(t.split()) <= 6 or t.endswith(("?", "!")) or bool(re.search(r"[\"“”‘’']", t)) or ":" in t


def generate(out: Path = OUT, seed: int = SEED, split: str = "dev2") -> None:
    rng = random.Random(seed)
    docs = load_docs()
    rng.shuffle(docs)
    others, docs = docs[-200:], docs[:-200]
    special = [d for d in docs[: len(docs) // 2] if _special(d)]
    docs = [d for d in docs[len(docs) // 2:]] + [d for d in docs[: len(docs) // 2] if not _special(d)]
    d_pages, d_gold = out / split / "pages", out / split / "gold"
    d_pages.mkdir(parents=True, exist_ok=True)
    d_gold.mkdir(parents=True, exist_ok=True)
    for old in [*d_pages.iterdir(), *d_gold.iterdir()]:
        old.unlink()
    k = 0
    for si in range(N_SITES):
        site = make_site(rng, L.OUTLETS[si % len(L.OUTLETS)])
        site_id = f"{split}-site{si:02d}"
        for _ in range(PER_SITE):
            n_art = rng.choice([2, 2, 3]) if site.fmt == "txt" and rng.random() < site.multi else 1
            page_docs = [_pick(rng, docs, special) for _ in range(n_art)]
            if len({d.title for d in page_docs}) < n_art:
                page_docs = [docs.pop() for _ in range(n_art)]
            k += n_art
            entries = build_page(site, rng, page_docs, others)
            kind = "live" if any(x.label == "neutral" and x.tag == "p" and re.match(r"^\d", x.text) for x in entries) \
                else "photo" if any(x.tag == "figcaption" and re.search(r"\d/\d+\)?$", x.text) for x in entries) \
                else "news"
            name = f"{site_id}-p{k:04d}"
            if site.fmt == "html":
                shown = next(x.text for x in entries if x.label == "title")
                text, nums = write_html(entries, site, rng, shown, entries[next(
                    i for i, x in enumerate(entries) if x.tag == "sapo")].text)
                page = f"{name}.html"
            else:
                text, nums = write_txt(entries, site.blank)
                page = f"{name}.txt"
            (d_pages / page).write_text(text, encoding="utf-8")
            gold = gold_of(entries, nums, n_art, page, site_id, site.fmt, kind)
            (d_gold / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{split}: {len(list(d_gold.iterdir()))} pages -> {out / split}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--seed", type=int, default=SEED, help="other site profiles (a resample of dev2)")
    ap.add_argument("--name", default="dev2", help="directory under --out (dev2 for the default seed)")
    a = ap.parse_args()
    generate(a.out, a.seed, a.name)


if __name__ == "__main__":
    main()
