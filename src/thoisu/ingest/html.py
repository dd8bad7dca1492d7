"""HTML pages: trafilatura finds the main text and metadata; each extracted paragraph is
mapped back to the line of the HTML file where its text starts."""

from __future__ import annotations

import bisect
import hashlib
import html as htmllib
import re
from functools import cache
from typing import Any

from ..models import Page, SourceLine
from .decode import clean_text, decode_bytes, limits, split_newlines
from .errors import Rejected

# pieces of markup that carry no visible text, then tags, then entities
_MARKUP = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|title)\b.*?</\1\s*>|<[^>]*>|&#?\w+;",
    re.S | re.I,
)
_SPACE = re.compile(r"\s+")


@cache
def _config() -> Any:
    from trafilatura.settings import use_config

    cfg = use_config()
    # signal-based timeouts break in worker threads/process pools; small pages are still pages
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(limits()["html_min_extracted_size"]))
    cfg.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return cfg


def _key(text: str) -> str:
    """Search key: cleaned text with all whitespace removed (layout differs between HTML and output)."""
    return _SPACE.sub("", clean_text(text))


class _VisibleText:
    """The visible characters of an HTML source (whitespace removed), each with its source line."""

    def __init__(self, source: str) -> None:
        parts: list[str] = []
        self.starts: list[int] = []  # offset in self.text where a run of one source line begins
        self.lines: list[int] = []
        line, pos, size = 1, 0, 0

        def add(chunk: str, line: int) -> None:
            nonlocal size
            # a run of text can span source lines: record each line's start separately
            for k, piece in enumerate(chunk.split("\n")):
                key = _key(piece)
                if key:
                    self.starts.append(size)
                    self.lines.append(line + k)
                    parts.append(key)
                    size += len(key)

        for m in _MARKUP.finditer(source):
            text = source[pos : m.start()]
            add(text, line)
            line += text.count("\n")
            token = m.group(0)
            if token.startswith("&"):
                add(htmllib.unescape(token), line)
            line += token.count("\n")
            pos = m.end()
        add(source[pos:], line)
        self.text = "".join(parts)

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def _markup_free(para: str) -> str:
    """The page's own text of an extracted line: trafilatura writes list items as "- item"
    and table rows as "| cell | cell |"."""
    if para.startswith("- "):
        return para[2:]
    if para.startswith("|"):
        return para.replace("|", "")
    return para


def _occurrences(text: str, key: str) -> list[int]:
    """Offsets of the longest prefix of ``key`` found in ``text`` (longer is more distinctive;
    shorter prefixes cope with markup that splits the text)."""
    cap = limits()["html_max_occurrences"]
    for n in limits()["html_needle_lengths"]:
        needle = key[:n]
        if not needle:
            return []
        found, at = [], text.find(needle)
        while at >= 0 and len(found) < cap:
            found.append(at)
            at = text.find(needle, at + 1)
        if found:
            return found
    return []


def _compact_path(cands: list[list[int]]) -> list[int | None]:
    """One offset per paragraph, in page order, as close together as possible.

    A paragraph's text may also occur in a menu, breadcrumb or teaser; the extracted text
    is in page order, so choose the occurrences that make the shortest forward path (a
    backward step costs a large penalty). Dynamic programming over sorted candidates:
    linear in the number of candidates thanks to prefix/suffix minima.
    """
    big = 1 << 40
    out: list[int | None] = [None] * len(cands)
    steps = [i for i, c in enumerate(cands) if c]
    if not steps:
        return out
    cost = [0] * len(cands[steps[0]])
    back: dict[int, list[int]] = {}
    prev = cands[steps[0]]
    for i in steps[1:]:
        cur = cands[i]
        # pre[j]: best (cost - pos) over prev[:j+1]; suf[j]: best (cost + pos) over prev[j:]
        pre, suf = [], [0] * len(prev)
        for j, (c, p) in enumerate(zip(cost, prev, strict=True)):
            v = (c - p, j)
            pre.append(v if not pre or v < pre[-1] else pre[-1])
        best: tuple[int, int] | None = None
        for j in range(len(prev) - 1, -1, -1):
            v = (cost[j] + prev[j], j)
            best = v if best is None or v < best else best
            suf[j] = best
        new_cost, new_back = [], []
        for c in cur:
            j = bisect.bisect_left(prev, c)  # prev[:j] lie before c
            options = []
            if j > 0:
                options.append((pre[j - 1][0] + c, pre[j - 1][1]))
            if j < len(prev):
                options.append((suf[j][0] - c + big, suf[j][1]))
            value, arg = min(options)
            new_cost.append(value)
            new_back.append(arg)
        back[i], cost, prev = new_back, new_cost, cur
    k = min(range(len(cost)), key=cost.__getitem__)
    for i in reversed(steps):
        out[i] = cands[i][k]
        if i in back:
            k = back[i][k]
    return out


def _forward_path(text: str, keys: list[str]) -> list[int | None]:
    """First occurrence after the previous paragraph's (then anywhere): cheap, for huge pages."""
    out: list[int | None] = []
    cursor = 0
    for key in keys:
        hit = -1
        for n in limits()["html_needle_lengths"]:
            needle = key[:n]
            if not needle:
                break
            hit = text.find(needle, cursor)
            if hit < 0:
                hit = text.find(needle)
            if hit >= 0:
                break
        out.append(hit if hit >= 0 else None)
        if hit >= 0:
            cursor = hit + 1
    return out


def _map_lines(paragraphs: list[str], source: str) -> list[int]:
    """Line of the HTML file where each paragraph's text starts.

    Each paragraph's distinctive prefix is looked up in the visible text of the page; among
    repeated occurrences the most compact page-order path wins. A paragraph not found
    takes the previous paragraph's line (the next one's when it is first).
    """
    visible = _VisibleText(source)
    if not visible.starts:
        return [1] * len(paragraphs)
    keys = [_key(_markup_free(p)) for p in paragraphs]
    if len(keys) * len(visible.text) > limits()["html_search_budget"]:
        path = _forward_path(visible.text, keys)  # huge page: stay linear
    else:
        path = _compact_path([_occurrences(visible.text, k) for k in keys])
    found = [None if at is None else visible.line_at(at) for at in path]
    out: list[int] = []
    for n in found:
        out.append(n if n is not None else (out[-1] if out else 0))
    first = next((n for n in found if n is not None), 1)
    return [n or first for n in out]


def _meta(doc: Any) -> dict[str, str]:
    pairs = {"title": doc.title, "author": doc.author, "published": doc.date,
             "outlet": doc.sitename, "url": doc.url}
    return {k: clean_text(v).strip() for k, v in pairs.items() if isinstance(v, str) and v.strip()}


def _extract(source: str) -> Any:
    import trafilatura  # heavy import: only when HTML is read

    return trafilatura.bare_extraction(
        source,
        favor_recall=True,  # the cleaner removes furniture; losing body text is worse
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
        # dates only from the page's metadata markup, not guessed from furniture timestamps
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )


def _article_blocks(source: str) -> list[str]:
    """HTML of each top-level <article> holding a full text, when a page has two or more.

    Aggregator pages append an older article in its own <article>; trafilatura keeps one
    main block only. Teaser cards (also <article> on many sites) have fewer long paragraphs
    and are not counted.
    """
    from lxml import html as lxml_html

    lim = limits()
    tree = _tree(source)
    if tree is None:
        return []
    blocks = []
    for el in tree.iter("article"):
        if any(a.tag == "article" for a in el.iterancestors()):
            continue
        long_paras = sum(len(p.text_content().split()) >= lim["html_min_prose_words"]
                         for p in el.iter("p"))
        if long_paras >= lim["html_article_min_paragraphs"]:
            blocks.append(lxml_html.tostring(el, encoding="unicode"))
    return blocks if len(blocks) >= 2 else []


def _tree(source: str) -> Any:
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(source)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


_INVISIBLE = {"head", "script", "style", "noscript", "template", "title", "a", "li", "nav", "footer"}


def _text_of(el: Any) -> str:
    return " ".join(" ".join(t.split()) for t in el.itertext() if t.strip())


def _visible_el(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag not in _INVISIBLE and not any(
        isinstance(a.tag, str) and a.tag in _INVISIBLE for a in el.iterancestors())


def _headline(tree: Any) -> str | None:
    """og:title, else the first <h1>: the page's own headline, for pages whose metadata
    trafilatura could not read."""
    for v in tree.xpath('//meta[@property="og:title"]/@content'):
        if v.strip():
            return clean_text(v).strip()
    for h1 in tree.iter("h1"):
        t = clean_text(_text_of(h1)).strip()
        if t:
            return t
    return None


def _sapo(tree: Any, description: str | None, paragraphs: list[str]) -> tuple[str, int] | None:
    """The lead paragraph ("sapo") when trafilatura dropped it, and its source line.

    Sites print the sapo outside the article body (vnexpress: <p class="description">
    above <article>), so trafilatura leaves it out. It is taken only when the page's own
    description metadata vouches for it: the smallest visible element holding the
    description's text (the description may be cut short with "..."), not already among
    the paragraphs. A short location stamp before it ("Hà Nội") becomes a dateline prefix.
    """
    lim = limits()
    if not description:
        return None
    desc = " ".join(clean_text(description).split()).rstrip(".…").rstrip()
    want = _key(desc)
    if len(desc.split()) < lim["html_min_prose_words"]:
        return None
    if any(want[:60] in _key(p) for p in paragraphs):
        return None
    best: tuple[int, str, int] | None = None
    for el in tree.iter("p", "div", "h2", "h3", "span", "section", "strong", "em", "b", "header"):
        if not _visible_el(el):
            continue
        text = clean_text(_text_of(el)).strip()
        k = _key(text)
        if want in k and len(k) <= lim["html_sapo_max_ratio"] * len(want) and (best is None or len(k) < best[0]):
            best = (len(k), text, el.sourceline or 1)
    if best is None:
        return None
    _, text, line = best
    at = text.find(desc[:40])
    if at > 0:
        prefix = text[:at].strip(" -–—:|")
        if prefix and len(prefix.split()) <= lim["html_sapo_prefix_words"]:
            text = f"{prefix} - {text[at:]}"
    return text, line


def _prose(paragraphs: list[str]) -> bool:
    return any(len(p.split()) >= limits()["html_min_prose_words"] for p in paragraphs)


_SENTENCE_END = re.compile(r"""[.!?…]["”’'»)]*\s*$""")


def _sentences(paragraphs: list[str]) -> bool:
    """Any paragraph that is a sentence (a headline or a menu is not)?"""
    return any(len(p.split()) >= limits()["html_min_prose_words"] and _SENTENCE_END.search(p)
               for p in paragraphs)


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "dd", "dt",
           "figcaption", "pre", "div", "section", "article"}


def _visible_blocks(tree: Any) -> list[SourceLine]:
    """Text of the innermost block elements, in page order, each with its source line."""
    out: list[SourceLine] = []
    for el in tree.iter(*_BLOCKS):
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
            continue
        if any(isinstance(a.tag, str) and a.tag in ("head", "script", "style", "noscript", "template")
               for a in el.iterancestors()):
            continue
        text = clean_text(_text_of(el)).strip()
        if text and (not out or out[-1].text != text):
            out.append(SourceLine(text, el.sourceline or 1))
    return out


def _paragraphs(doc: Any) -> list[str]:
    if doc is None or not doc.text:
        return []
    return [p for p in (clean_text(x).strip() for x in doc.text.split("\n")) if p]


def read_html(path: str, raw: bytes) -> Page:
    source = decode_bytes(raw, html=True)
    if not source.strip():
        raise Rejected("empty file")
    source = "\n".join(split_newlines(source))  # line numbers as the file's
    try:
        doc = _extract(source)
        paragraphs = _paragraphs(doc)
        blocks = _article_blocks(source)
        if blocks:  # several full articles: extract each, in page order
            paragraphs = [p for b in blocks
                          for p in _paragraphs(_extract(f"<html><body>{b}</body></html>"))]
    except Exception as exc:  # a malformed page must not stop the other inputs
        raise Rejected(f"cannot parse HTML ({type(exc).__name__})") from exc
    tree = _tree(source)
    found: list[SourceLine] = []
    if tree is not None and not _sentences(paragraphs):
        # trafilatura kept no sentence (the text sits in a block it takes for comments or a
        # sidebar): the page's own text blocks go to the cleaner rather than the article
        # being lost
        blocks_text = _visible_blocks(tree)
        if _sentences([sl.text for sl in blocks_text]):
            found, paragraphs = blocks_text, [sl.text for sl in blocks_text]
    if not found and _prose(paragraphs):
        found = [SourceLine(t, n) for t, n in zip(paragraphs, _map_lines(paragraphs, source), strict=True)]
    # menus and footers come out as short link labels: an article has at least one sentence
    if not _prose(paragraphs):
        raise Rejected("no article text found in HTML")
    meta = _meta(doc)
    if tree is not None:
        sapo = _sapo(tree, getattr(doc, "description", None), paragraphs)
        if sapo is not None:  # in page order: before the first paragraph below it
            at = next((i for i, sl in enumerate(found) if sl.line > sapo[1]), len(found))
            found.insert(at, SourceLine(*sapo))
        if "title" not in meta:
            title = _headline(tree)
            if title:
                meta["title"] = title
    return Page(
        path=path,
        lines=found,
        sha=hashlib.sha256(raw).hexdigest(),
        fmt="html",
        meta=meta,
    )
