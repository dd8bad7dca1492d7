"""extract_articles: one Page in, the news articles on it out."""

from __future__ import annotations

from thoisu.clean.dateline import date_in_dateline, parse_date, parse_meta_date
from thoisu.clean.furniture import mark_rules, remark_zones_after
from thoisu.clean.lexicon import thresholds
from thoisu.clean.lines import Line, build_lines, line_key
from thoisu.clean.metadata import outlet_from_follow, split_dateline
from thoisu.clean.scorer import mark_model
from thoisu.clean.split import Block, find_title, segment
from thoisu.models import Article, Page, Paragraph, TimeValue
from thoisu.text import nfc

_META_OUTLET = ("outlet", "sitename", "site_name", "publisher", "source")


def _meta_str(page: Page, *keys: str) -> str | None:
    for k in keys:
        v = page.meta.get(k)
        if isinstance(v, str) and v.strip():
            return nfc(v.strip())
    return None


def _meta_title_idx(lines: list[Line], title: str) -> int | None:
    key = line_key(title)
    for ln in lines[:40]:
        if ln.key == key or (len(key) > 20 and ln.key.startswith(key)):
            return ln.idx
    return None


def classify_lines(page: Page, use_model: bool = True) -> tuple[list[Line], int | None]:
    """Lines with furniture flags set, and the index of the first article's title line.
    ``use_model=False`` stops after the rule layer (training reads the lines there)."""
    lines = build_lines(page)
    mark_rules(lines)
    meta_title = _meta_str(page, "title")
    title_idx = _meta_title_idx(lines, meta_title) if meta_title else None
    if title_idx is None and not meta_title:
        title_idx = find_title(lines)
    if title_idx is not None:
        t = lines[title_idx]
        t.flags -= {"repeated", "stamped", "zone"}
        # everything above the headline is navigation, breadcrumbs, site header
        for ln in lines[:title_idx]:
            ln.flags.add("before-title")
        remark_zones_after(lines, title_idx + 1)
    if use_model:
        mark_model(lines, title_idx)
    return lines, title_idx


def _near_dates(block: Block, lines: list[Line]) -> list[Line]:
    """Date lines that belong to this article: between its headline and first paragraph,
    or just after its last paragraph and signature (never inside a list or block below)."""
    out: list[Line] = []
    first = block.body[0].idx
    start = block.title.idx + 1 if block.title is not None else max(0, first - 3)
    out += [ln for ln in lines[start:first] if ln.date_line and "zone" not in ln.flags]
    end = max([block.body[-1].idx] + [ln.idx for ln in block.tail])
    for ln in lines[end + 1 : end + 3]:
        if ln.header or "zone" in ln.flags or not ln.date_line:
            break
        out.append(ln)
    return out


def _published(block: Block, lines: list[Line], page: Page, first: bool, dateline_prefix: str) -> TimeValue | None:
    if first:
        tv = parse_meta_date(page.meta.get("published") or page.meta.get("date"))
        if tv is not None:
            return tv
    for ln in _near_dates(block, lines):
        tv = parse_date(ln.text)
        if tv is not None:
            return tv
    if dateline_prefix:
        return date_in_dateline(dateline_prefix)
    return None


def best_guess(lines: list[Line], title_idx: int | None) -> Block | None:
    """The article of a page the cleaner would keep nothing of: its paragraph-shaped lines
    whatever the rules said of them (else its lines of three words or more), under the
    headline found or the first headline-shaped line above them; the caller flags it
    quality="low". None when every line is named furniture by the word lists (share
    prompts, block headings, footers, timestamps): such a page holds no article."""
    th = thresholds()
    text = [ln for ln in lines if ln.idx != title_idx
            and not (ln.header or ln.widget or ln.footer or ln.date_line or ln.caption)]
    if not text:
        return None
    body = [ln for ln in text if ln.words >= th["body_min_words"] and (ln.terminal or ln.words >= 20)]
    body = body or [ln for ln in text if ln.words >= 3] or text
    body = list({ln.key: ln for ln in reversed(body)}.values())[::-1]  # one copy of a repeat
    title = lines[title_idx] if title_idx is not None else next(
        (ln for ln in lines[: body[0].idx] if ln.title_like and ln.words >= 4), None)
    return Block(title=title, body=body)


def extract_articles(page: Page) -> list[Article]:
    lines, title_idx = classify_lines(page)
    blocks = segment(lines, title_idx)
    if not blocks:
        # The line scorer learned crawled-page layouts; on a short page it can take every
        # line the rules kept (a two-sentence JSONL record). Better the rules alone than
        # losing a real article.
        lines, title_idx = classify_lines(page, use_model=False)
        blocks = segment(lines, title_idx)
    low = False
    guess = best_guess(lines, title_idx) if not blocks else None
    if guess is not None:
        blocks, low = [guess], True
    meta_title = _meta_str(page, "title")
    page_outlet = _meta_str(page, *_META_OUTLET)
    follow_outlet = None
    for ln in lines:
        if "widget" in ln.flags:
            follow_outlet = outlet_from_follow(ln.text)
            if follow_outlet:
                break
    out: list[Article] = []
    for k, b in enumerate(blocks):
        first = k == 0
        paras = [Paragraph(text=ln.text, line=ln.line) for ln in b.body]
        outlet, rest, prefix = split_dateline(paras[0].text)
        if outlet is not None:
            paras[0] = Paragraph(text=rest, line=paras[0].line)
        title = b.title.text if b.title is not None else None
        title_line = b.title.line if b.title is not None else None
        if first and meta_title:
            title = meta_title
        art = Article(
            id=f"{page.sha[:12]}-{k}",
            page=page.path,
            title=title,
            title_line=title_line,
            outlet=page_outlet or outlet or follow_outlet,
            author=", ".join(dict.fromkeys(b.authors)) or (_meta_str(page, "author") if first else None),
            via=", ".join(dict.fromkeys(b.vias)) or None,
            published=_published(b, lines, page, first, prefix),
            paragraphs=paras,
            quality="low" if low else None,
        )
        out.append(art)
    return out
