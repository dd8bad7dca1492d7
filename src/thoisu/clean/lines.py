"""Per-line features of a page: shape, punctuation, capitalisation, repetition, cue words.

Everything here is a pure function of the page's lines; one pass builds the counts
(repetition, title duplicates) and one pass fills each ``Line``. Cheap regexes only,
compiled once at import.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from thoisu.clean.lexicon import UPPER, lexicon, thresholds
from thoisu.clean.metadata import parse_credit
from thoisu.models import Page
from thoisu.text import fold_word, nfc

_WORD = re.compile(r"\S+")
_ALNUM = re.compile(r"\w", re.UNICODE)
_TERMINAL = re.compile(r"""[.!?…]["”’'»)\]]*\s*$|\./\.\s*$""")
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$")
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b")
_MONTH_WORDS = ("(?:một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\\s+một|\\s+hai)?|chạp|"
                "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
                "july|august|september|october|november|december)")
_DATE_NUM = (r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|"
             r"(?i:\b\d{1,2}\s+tháng\s+\d{1,2}\s*(?:năm|,)\s*(?:19|20)\d{2}\b)")
_DATE = re.compile(_DATE_NUM)
# and on short lines only (the month words cost a scan of every word of a paragraph):
# "18 Tháng Chín, 2022", "18 Sep 2022", "September 18, 2022"
_DATE_SHORT = re.compile(
    _DATE_NUM + rf"|(?i:\b\d{{1,2}}\s+(?:tháng\s+)?{_MONTH_WORDS}\.?,?\s+(?:năm\s+)?(?:19|20)\d{{2}}\b|"
    rf"\b{_MONTH_WORDS}\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b)"
)
# words that may sit on a date line besides the date and time themselves
_DATE_FILLER = re.compile(
    r"(?i)\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7]|ngày|lúc|cập\s*nhật|"
    r"đăng|đăng\s*lúc|xuất\s*bản|gmt|utc|ict|am|pm|sa|ch|giờ|phút|trước|hôm\s*nay|hôm\s*qua|tháng|năm|"
    r"published|updated)\b"
)
_RELATIVE_TIME = re.compile(r"(?i)^\d+\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s*trước$")
_CAPTION_END = re.compile(
    r"(?i)(?:[-–—:]\s*(?:hình|ảnh|photo)\s*\d+\s*$|"  # "... - Hình 1"
    r"(?:^|[.\s])(?:\(\s*\d{1,2}\s*/\s*\d{1,2}\s*\)|(?:ảnh|hình)\s+\d{1,2}\s*/\s*\d{1,2})\s*$|"  # a photo story's "(2/8)", "Ảnh 2/8"
    r"\(\s*(?:ảnh|hình|nguồn|ảnh minh họa|ảnh minh hoạ|photo|video|clip|đồ họa|đồ hoạ)\b[^()]{0,60}\)\s*\.?\s*$|"
    r"(?:^|[.\s])(?:ảnh|hình|photo|nguồn ảnh|đồ họa|đồ hoạ)\s*:\s*[^.:]{1,50}\.?\s*$)"
)
_CAPTION_START = re.compile(r"(?i)^\s*(?:\(\d{1,2}[./]\d{1,2}\)\s*)?(?:ảnh|hình|hình ảnh|photo|clip|video|infographic|đồ họa|đồ hoạ)\s*(?:\d+)?\s*:")
_IMAGE_NOTE = re.compile(r"(?i)^\(?\s*(?:ảnh|hình|hình\s*ảnh)\s*(?:minh\s*họa|minh\s*hoạ|tư\s*liệu|chụp\s*màn\s*hình)\s*\)?\.?$")
_UPPER_START = re.compile(rf"^[\"“‘'(\[]*[{UPPER}0-9]")
_CAP_WORD = re.compile(rf"(?:^|(?<=\s))[\"“‘'(\[]*[{UPPER}0-9]")
_DIGIT = re.compile(r"\d")
_PUNCT_STRIP = re.compile(r"[\s:：.…()\[\]\-–—|»«>›•*#0-9\"“”']+")


@dataclass(slots=True)
class Line:
    """One non-empty line of the page with the features the cleaner uses."""

    idx: int  # position among non-empty lines
    line: int  # 1-based source line
    text: str  # NFC, stripped
    key: str  # folded text, for repetition
    words: int
    blank_before: bool
    blank_after: bool
    terminal: bool
    teaser: bool
    cap_ratio: float
    digit_ratio: float
    date_line: bool
    has_date: bool
    doubled: bool
    caption: bool
    repeats: int  # how many other lines on the page have the same key
    title_like: bool
    header: bool  # a section heading of a related/trending/comment block
    widget: bool  # a share/follow/feedback/ad line
    footer: bool  # copyright / contact footer
    flags: set[str] = field(default_factory=set)


def line_key(text: str) -> str:
    """fold() of a line (lower-case, tone placement unified, spaces collapsed), with the
    per-syllable work cached: pages repeat their syllables, so this stays cheap."""
    return " ".join(fold_word(w) for w in text.split())


def _is_date_line(text: str, words: int) -> tuple[bool, bool]:
    if words > thresholds()["date_line_max_words"]:
        return False, bool(_DATE.search(text)) or bool(_TIME.search(text))
    if not (_DATE_SHORT.search(text) or _TIME.search(text)):
        return False, False
    rest = _DATE_SHORT.sub(" ", text)
    rest = _TIME.sub(" ", rest)
    rest = _DATE_FILLER.sub(" ", rest)
    rest = re.sub(r"\(\s*[+-]?\d*\s*\)|[+\-–,|/()\s:.]+|\d+", " ", rest)
    # a place or a section name may sit beside a full date ("Hà Nội, ngày 20/5/2016")
    # (a date and a clock time leave room for the outlet or the writer beside them:
    # "07:30 18/09/2022 | Báo X", "Đăng lúc 07:30 - 18/09/2022 bởi Thu Hà")
    full = bool(_DATE_SHORT.search(text))
    room = thresholds()["date_line_extra_words"] if full and _TIME.search(text) else 2 if full else 1
    return len(rest.split()) <= room, True


def _is_doubled(text: str) -> bool:
    """A headline written twice with no separator: "AbcAbc" or "Abc Abc" (link text + title attr)."""
    n = len(text)
    if n < 16:
        return False
    for k in (n // 2, (n - 1) // 2, (n + 1) // 2):
        a, b = text[:k].strip(), text[k:].strip()
        if a and a == b:
            return True
    return False


def _header_key(key: str) -> str:
    """Folded line without counts, colons and bullets: "bình luận (0)" -> "bình luận"."""
    return " ".join(_PUNCT_STRIP.sub(" ", key).split())


def is_header(key: str, words: int) -> bool:
    lex = lexicon()
    if words > thresholds()["header_max_words"]:
        return False
    # "Tin mới nhất:" is a heading, "Tin liên quan đến Triều Tiên" is not
    return _header_key(key) in lex.zone_headers


def is_widget(key: str, words: int) -> bool:
    lex = lexicon()
    if words > thresholds()["widget_max_words"]:
        return False
    if lex.widget_re.search(key):
        return True
    h = _header_key(key)
    # "Báo X trên Zalo", "Tin tức qua Facebook": a line that ends on a platform
    if words <= thresholds()["widget_max_words"] and lex.platform_end_re.search(h):
        return True
    toks = h.split()
    # a short line made only of widget vocabulary ("Chia sẻ Facebook Zalo", "Video HOT")
    if toks and words <= 5:
        rest = lex.cue_re.sub(" ", h)
        rest_toks = [t for t in rest.split() if t not in lex.widget_filler]
        if not rest_toks:
            return True
    return False


def is_footer(key: str, words: int) -> bool:
    lex = lexicon()
    # a paragraph about broadcast rights ("sở hữu bản quyền phát sóng ...") is no footer
    return words <= thresholds()["footer_max_words"] and bool(lex.footer_re.search(key) or lex.contact_re.match(key))


def _title_like(text: str, words: int, terminal: bool, teaser: bool) -> bool:
    th = thresholds()
    if not (th["title_min_words"] <= words <= th["title_max_words"]):
        return False
    if teaser or not _UPPER_START.match(text):
        return False
    if terminal:
        # headlines may end in ? ! or a closing quote, rarely in a full stop (a quote closed
        # after its full stop is a paragraph of speech)
        return bool(re.search(r"[?!\"”'’]\s*$", text)) and not re.search(r"[.…][\"”'’]\s*$", text)
    return not text.rstrip().endswith((",", ";", ":"))


def build_lines(page: Page) -> list[Line]:
    raw = page.lines
    items: list[tuple[int, int, str]] = []  # (pos in raw, source line, text)
    for i, sl in enumerate(raw):
        t = nfc(sl.text).strip()
        if t:
            items.append((i, sl.line, t))
    # long lines only need a key for repetition, and a page repeats its own spelling
    keys = [line_key(t) if len(t) < 300 else " ".join(t.lower().split()) for _, _, t in items]
    counts = Counter(keys)
    teaser_max = thresholds()["teaser_max_words"]
    out: list[Line] = []
    prev_pos = -2
    for n, ((pos, src, t), key) in enumerate(zip(items, keys, strict=True)):
        ws = _WORD.findall(t)
        nw = len(ws)
        caps = len(_CAP_WORD.findall(t))
        alnum = len(_ALNUM.findall(t)) or 1
        terminal = bool(_TERMINAL.search(t))
        # (a paragraph longer than any teaser may end on "..." too: an enumeration)
        teaser = bool(_TEASER.search(t)) and nw <= teaser_max
        date_line, has_date = _is_date_line(t, nw)
        nxt_pos = items[n + 1][0] if n + 1 < len(items) else len(raw) + 1
        out.append(
            Line(
                idx=n,
                line=src,
                text=t,
                key=key,
                words=nw,
                blank_before=pos - prev_pos > 1 and n > 0,
                blank_after=nxt_pos - pos > 1 and n + 1 < len(items),
                terminal=terminal,
                teaser=teaser,
                cap_ratio=caps / nw if nw else 0.0,
                digit_ratio=len(_DIGIT.findall(t)) / alnum,
                date_line=date_line or bool(_RELATIVE_TIME.match(key)),
                has_date=has_date,
                doubled=_is_doubled(t),
                caption=is_caption(t, nw),
                repeats=counts[key] - 1,
                title_like=_title_like(t, nw, terminal, teaser),
                header=is_header(key, nw),
                widget=is_widget(key, nw),
                footer=is_footer(key, nw),
            )
        )
        prev_pos = pos
    _sapo_not_teaser(out)
    return out


def _sapo_not_teaser(lines: list[Line]) -> None:
    """A lead cut short with "..." and followed by running text is the article's sapo, not
    a list's teaser (after a teaser comes the list's next headline). A date line, a
    caption or a short label may sit between."""
    min_words = thresholds()["body_min_words"]
    for i, ln in enumerate(lines):
        if not ln.teaser:
            continue
        for nxt in lines[i + 1 : i + 3]:
            if nxt.date_line or nxt.caption or (nxt.words <= 5 and not nxt.terminal):
                continue
            # (a long headline of the list is no running text)
            if nxt.words >= min_words and not nxt.teaser and (nxt.terminal or (nxt.words >= 20 and not nxt.title_like)):
                ln.teaser = False
            break


# "Bài và ảnh: Thu Hà", "Bài, ảnh: ...": a byline that also credits the photos
_WRITER_AND_PHOTOS = re.compile(
    r"(?i)^\s*(?:bài\s*(?:và|,|&|\+)\s*ảnh|ảnh\s*(?:và|,|&)\s*bài)\s*:|^\s*bài\s*:[^:]{2,40}[-–|/;]\s*ảnh\s*:")


def is_caption(text: str, words: int) -> bool:
    if words > thresholds()["caption_max_words"] or _WRITER_AND_PHOTOS.match(text):
        return False
    if parse_credit(text):
        return False  # "(Nguồn: VnExpress)" alone on its line credits the article
    return bool(_CAPTION_END.search(text) or _CAPTION_START.match(text) or _IMAGE_NOTE.match(text))
