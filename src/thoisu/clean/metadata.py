"""Bylines, credits, dateline prefixes and outlet names.

A byline is a short line of capitalised words ("Thành Đạt", "Thu Hằng - Minh Anh",
"PV"); a credit names the source a piece was taken from ("Theo UPI", "Nguồn: VTV",
"(theo KCNA, Reuters, TASS)"); a dateline prefix opens the first paragraph with the
outlet ("VOV.VN -", "TTO -", "(Dân trí) -", "HÀ NỘI (TTXVN) -").
"""

from __future__ import annotations

import re
from functools import lru_cache

from thoisu.clean.lexicon import UPPER, lexicon, thresholds
from thoisu.text import fold

_CREDIT = re.compile(
    r"(?i)^[-–—•*\s]*[(\[]?\s*(?:bài\s+)?(?:theo|nguồn(?:\s+tin)?|dịch\s+theo|lược\s+dịch\s+theo|tổng\s+hợp\s+theo|"
    r"biên\s+dịch\s+theo|tham\s+khảo|source|via)\s*[:：]?\s+"
    r"(?!dõi\b|đó\b|đây\b|ông\b|bà\b|anh\b|chị\b|các\b|những\b|tin\b|như\b|kế\b|quy\b|đề\b|lời\b)"
    r"(?P<src>[^()\[\]]{1,80}?(?:\s*\([^()]{1,30}\))?)\s*[)\]]?\s*[-–—]*\s*\.?$"
)
_WRITER = re.compile(r"(?i)^(?:tác\s+giả|bài(?:\s+và\s+ảnh|,\s*ảnh)?|phóng\s+viên|pv|nhóm\s+pv|thực\s+hiện|"
                     r"(?:lược|biên)\s+dịch|dịch\s+giả)\s*[:：]\s*(?P<name>.+)$")
# "Minh Anh - Thứ Tư, 17/11/2023 | 00:19", "Bởi Thu Hà, 01:12 ngày 09/06/2016": the writer and
# the time on one line under the headline
_NAME_THEN_DATE = re.compile(
    r"(?i)^(?P<name>[^\d|]+?)\s*(?:[-–|,]\s*|\s)(?P<date>(?:(?:thứ\s+\w+|chủ\s+nhật|ngày|đăng|cập\s+nhật)\W+)*"
    r"\d{1,2}\s*[/:h.-]\s*\d{1,2}[^A-Za-zÀ-ỹ]*(?:(?:ngày|gmt|am|pm)[^A-Za-zÀ-ỹ]*)*)$"
)
# "By Minh Anh", "Bởi Thu Hằng", "PV Quốc Dũng", "Viết bởi ...": a prefix before the name, no colon
_WRITER_WORD = re.compile(
    rf"^(?:[Bb]y|[Bb]ởi|[Vv]iết\s+bởi|[Nn]gười\s+viết|PV|CTV|BTV|[Pp]hóng\s+viên|[Nn]hóm\s+PV)\s+(?P<name>[{UPPER}].+)$"
)
# "Minh Quân (theo Reuters)", "Hà Anh (tổng hợp)", "Thành Đạt / Theo UPI"
_BYLINE_TAIL = re.compile(r"(?i)^(?P<name>.+?)\s*(?:[(\[]\s*(?P<tail>[^()\[\]]+)\s*[)\]]|[/|,]\s*(?P<tail2>(?:theo|nguồn)\b.+))\s*\.?$")
_OUTLET_NAME = re.compile(r"^[A-ZĐ][\w.&-]*(?:\s[A-ZĐ0-9][\w.&-]*){0,3}$")
_NAME_WORD = re.compile(rf"^[{UPPER}][\w'’.-]*$")
_ALLCAPS = re.compile(r"^[A-ZĐ]{2,8}$")
_SEP = re.compile(r"\s*(?:[-–—/&,]|\bvà\b)\s*")
_DATELINE = re.compile(rf"^(?P<pre>[^-–—]{{2,48}}?)\s*[-–—]{{1,2}}\s*(?=[\"“‘'(\[]?[{UPPER}0-9])")
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_NOT_NAME = re.compile(r"(?i)\b(?:thứ|chủ\s+nhật|hôm|ngày|cập|đăng|lúc|giờ)\b")
_PAREN = re.compile(r"\(([^()]{2,30})\)")
_DOMAIN = re.compile(r"(?i)^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|tv|news)$")
_NAME_SOURCE = re.compile(r"^(?P<name>[^/|\-–]+?)\s*(?P<sep>/|\||\s[-–])\s*(?P<src>[^/|\-–]+)$")
_COMPILED_FROM = re.compile(r"(?i)^(?:tổng\s+hợp|lược\s+dịch|biên\s+dịch|dịch)\s+(?:từ|theo)\s+")
# an outlet or agency: at most four words, capitalised, "VOV.VN", "Vietnam+", "Dân trí"
_SOURCE_LIKE = re.compile(rf"^[{UPPER}0-9][\w.+&']*(?:\s[\w.+&']+){{0,3}}$")


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _name_words(text: str) -> bool:
    parts = [p for p in _SEP.split(text) if p]
    if not parts:
        return False
    extras = lexicon().byline_extras
    for p in parts:
        ws = p.split()
        if fold(p) in extras:
            continue
        if not ws or len(ws) > 4:
            return False
        if len(ws) == 1 and not _ALLCAPS.match(ws[0]):
            return False  # a single syllable is not a Vietnamese name ("Không")
        if not all(_NAME_WORD.match(w) for w in ws):
            return False
    return True


@lru_cache(maxsize=65536)
def parse_credit(text: str) -> str | None:
    """The credited source of a credit line, or None."""
    t = text.strip()
    if len(t.split()) > thresholds()["credit_max_words"]:
        return None
    m = _CREDIT.match(t)
    if not m:
        return None
    # "Yonhap (Hàn Quốc)": the credited source is the agency, not its country
    src = re.sub(r"\s*\([^()]*\)\s*$", "", m.group("src")).strip(" .:-–—")
    # "theo báo Tuổi Trẻ" -> "Tuổi Trẻ"; "Theo Báo Mẫu" keeps the capitalised name
    src = re.sub(rf"^(?:báo|hãng|tờ|trang|kênh|đài)\s+(?=[{UPPER}])", "", src)
    if not src or not re.match(rf"[\"“'{UPPER}0-9]", src):
        return None
    return src


@lru_cache(maxsize=65536)
def parse_byline(text: str) -> tuple[str, str | None] | None:
    """(author, credited source or None) of a byline line, or None."""
    t = text.strip()
    if parse_credit(t):
        return None
    d = _NAME_THEN_DATE.match(t)
    # (with a clock time: "Hà Nội, 19/12/2020" is a place and a date; no weekday or "Hôm nay")
    if d and len(d.group("name").split()) >= 2 and _CLOCK.search(d.group("date")) and not _NOT_NAME.search(d.group("name")):
        return parse_byline(d.group("name").strip(" ,-–|"))
    if len(t.split()) > thresholds()["byline_max_words"] + 4:
        return None
    if t.endswith(".") and not t.endswith("..") and t.count(".") == 1:
        t = t[:-1].rstrip()  # "Quang Huy." signs with a full stop
    w = _WRITER.match(t) or _WRITER_WORD.match(t)
    if w:  # "Tác giả: Minh Anh", "Bài và ảnh: Thu Hằng"
        t = w.group("name").strip()
        t = re.split(r"\s*[-–|/;]\s*(?:ảnh|video|đồ họa)\s*:", t, flags=re.I)[0].strip()
    via = None
    m = _BYLINE_TAIL.match(t)
    if m:
        tail = (m.group("tail") or m.group("tail2") or "").strip()
        name = m.group("name").strip(" -–,")
        # "(tổng hợp từ Reuters)", "(lược dịch theo AFP)": the source of a compilation
        tail = _COMPILED_FROM.sub("Theo ", tail)
        c = parse_credit(tail) if tail else None
        if c:
            via = c
        elif fold(tail) in lexicon().byline_extras:
            pass  # "(CTV)", "(ghi)": the writer's role, not an outlet
        elif m.group("tail") and _OUTLET_NAME.match(tail):
            via = tail  # "Minh Anh (VnExpress)": the outlet the writer works for is credited
        elif fold(tail) not in lexicon().byline_extras:
            return None
        t = name
    if via is None:
        # "Thu Hà/VOV.VN", "Minh Anh/Tân Hoa Xã", "Ngọc Lan - Bloomberg": the writer and the
        # outlet they write for (a slash never joins two writers; a dash does when both
        # sides are names, so a dash needs a side that is no name)
        m = _NAME_SOURCE.match(t)
        if m and _name_words(m.group("name")) and _SOURCE_LIKE.match(m.group("src")) and (
                m.group("sep") in "/|" or not _name_words(m.group("src"))):
            return m.group("name").strip(), m.group("src").strip()
    # (separators are no words: "Thu Hà - Minh Anh - Quang Huy" names three writers)
    if len([w for w in t.split() if any(c.isalnum() for c in w)]) > thresholds()["byline_max_words"] + 2:
        return None
    if re.search(r"[\d.!?:;\"“”]", t):
        return None
    if not _name_words(t):
        return None
    return t, via


def split_dateline(text: str) -> tuple[str | None, str, str]:
    """(outlet named by a dateline prefix, the paragraph without it, the prefix)."""
    m = _DATELINE.match(text)
    if not m:
        return None, text, ""
    pre = m.group("pre").strip()
    rest = text[m.end():]
    if len(rest.split()) < 4:
        return None, text, ""
    outlet: str | None = None
    paren = _PAREN.findall(pre)
    bare = _PAREN.sub(" ", pre).strip(" ,")
    if pre.startswith("(") and pre.endswith(")") and len(paren) == 1:
        outlet = paren[0].strip()  # "(Dân trí) -"
    elif paren and not _has_lower(paren[-1]) and len(pre.split()) <= 6:
        outlet = paren[-1].strip()  # "HÀ NỘI (TTXVN) -", "Hà Nội, 8/12 (TTXVN) -"
    elif _DOMAIN.match(bare):
        outlet = bare  # "Baoquocte.vn -"
    elif len(bare.split()) <= 3 and not _has_lower(bare) and re.search(r"[A-ZĐ]{2,}", bare):
        outlet = bare  # "VOV.VN -", "TTO -"
    if outlet is None:
        return None, text, ""
    return outlet, rest.lstrip(), pre


_FOLLOW = re.compile(r"(?i)theo\s+dõi\s+(?:trang\s+|kênh\s+|báo\s+)?(?P<o>[\w.\-]+(?:\s[\w.\-]+)?)\s+(?:trên|tại|qua)\b")


def outlet_from_follow(text: str) -> str | None:
    """"Theo dõi VGT trên", "Mời quý độc giả theo dõi VOV.VN trên" -> the outlet's name."""
    m = _FOLLOW.search(text)
    if not m:
        return None
    o = m.group("o")
    # a name, not words of the prompt ("theo dõi chúng tôi trên")
    if not re.match(r"[A-ZĐ0-9]", o) or fold(o) in {"chúng tôi", "tin tức", "báo"}:
        return None
    return o
