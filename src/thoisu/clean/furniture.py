"""Rule layer of the furniture filter: flags lines that are page furniture for sure.

Each flag names its reason (kept on ``Line.flags``) so tests and debugging can say
why a line went. Blocks that follow a section heading ("Tin liên quan", "Xem nhiều",
"Bình luận", a copyright footer) are furniture until the body resumes, i.e. until
two body-like paragraphs follow each other with no headline between them.
"""

from __future__ import annotations

import re

from thoisu.clean.lexicon import lexicon, thresholds
from thoisu.clean.lines import Line, is_header, line_key
from thoisu.clean.metadata import parse_byline, parse_credit


def body_like(ln: Line) -> bool:
    """A line that reads as a paragraph of running text."""
    th = thresholds()
    if ln.flags or ln.teaser or ln.words < th["body_min_words"]:
        return False
    return ln.terminal or ln.words >= 20


# "Trang chủ > Thế giới > Châu Á", "Thời sự » Chính trị", "Thế giới / Phân tích"
# arrows, triangles and dots that separate menu items ("A › B", "A ▾ B", "A · B")
_ARROWS = ">»›▸▶►▹▾▼▿→⟩❯"
_BREADCRUMB = re.compile(rf"^[^{_ARROWS}|/]{{1,30}}(?:\s[{_ARROWS}|/]\s[^{_ARROWS}|/]{{1,30}}){{1,}}$")


# (link texts a crawler joined with two spaces or a tab: "Home  Thời sự  Thế giới")
# (and any short run of symbols between spaces: "A :: B", "A ◆ B", "A ~ B")
_MENU_SEP = re.compile(rf"\s+[-–|•·/]\s+|\s*[{_ARROWS}]\s*|\s{{2,}}|\t|\s[^\w\s\"“”'‘’(),.!?%&+]{{1,3}}\s")
# "Thẻ: a, b, c", "Tags a | b", "Từ khóa liên quan: ...": a tag line, never text
# ("Thẻ"/"Từ khóa" without a colon only before a list: "Thẻ Bảo hiểm Y tế" is text)
_TAG_LINE = re.compile(
    r"(?i)^\s*(?:#\w|(?:tags?|keywords?)\s*[:：]?\s+\S|"
    r"(?:thẻ(?:\s+bài\s+viết)?|từ\s+kh[oó]a(?:\s+liên\s+quan)?)\s*(?:[:：]\s*\S|\s+[^,;|·/]+(?:\s*[,;|·/]\s*[^,;|·/]+){2,}$))"
)


def _is_menu(text: str) -> bool:
    """A menu or breadcrumb written on one line: three or more short items between
    separators ("A - B - C", "A | B | C"); a headline has two sides at most."""
    parts = [p for p in _MENU_SEP.split(text) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 and not p.rstrip().endswith((".", "?", "!")) for p in parts)


def _repeat_is_furniture(ln: Line, lines: list[Line]) -> bool:
    """Short lines repeated anywhere are furniture (headlines, captions, the title again);
    a long paragraph only when its copy is near (a teaser shown twice): a reprint on the
    same page repeats paragraphs far apart and they are body. A sapo printed again as the
    first body paragraph keeps its first copy (see _first_of_repeated_lead)."""
    if _in_repeated_lead(ln, lines):
        return False
    if ln.words < 25:
        return True
    near = range(max(0, ln.idx - 6), min(len(lines), ln.idx + 7))
    return any(j != ln.idx and lines[j].key == ln.key for j in near)


def _paragraph_shape(ln: Line) -> bool:
    return ln.words >= thresholds()["body_min_words"] and (ln.terminal or ln.words >= 20) and not ln.teaser


def _lead_shape(ln: Line) -> bool:
    """A paragraph, or a sapo cut short with "..." (a long line, not a list's teaser line)."""
    return _paragraph_shape(ln) or (ln.teaser and ln.words >= 20)


_CALENDAR = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}|(?i:tháng)|\d{4}-\d{2}")


def _first_of_repeated_lead(ln: Line, lines: list[Line]) -> bool:
    """The sapo pattern: the lead (one to three paragraphs) printed twice in a row, and
    running text goes on after the second copy. The first copy is the lead; the second
    goes as a repeat. A headline is no lead: a list shows a headline twice, then its time
    and teaser."""
    # (a lead without its full stop is headline-shaped: only one longer than any headline
    # counts, since lists show long headlines twice too)
    if not _lead_shape(ln) or (ln.title_like and ln.words <= thresholds()["title_longest_words"]):
        return False
    later = [j for j in range(ln.idx + 1, min(len(lines), ln.idx + 8)) if lines[j].key == ln.key]
    if not later or any(lines[j].key == ln.key for j in range(max(0, ln.idx - 7), ln.idx)):
        return False
    # the repeated block: lines ln.idx .. later[0]-1 again from later[0] on (inline furniture
    # such as a date line may sit in the first copy only)
    text = [x for x in lines[ln.idx : later[0]] if _lead_shape(x)]
    if not 1 <= len(text) <= 3:
        return False
    k = later[0]
    for x in text:
        while k < len(lines) and lines[k].key != x.key and not _lead_shape(lines[k]):
            k += 1
        if k >= len(lines) or lines[k].key != x.key:
            return False
        k += 1
    # (a live blog's bare time stamp may sit between; a list's full date does not count)
    after = [x for x in lines[k : k + 3]
             if not (x.caption or x.widget or _headed_link(x) or (x.date_line and not _CALENDAR.search(x.text))
                     or (x.words <= 5 and not x.terminal and not x.date_line))]  # a label, a player
    return bool(after) and _paragraph_shape(after[0]) and after[0].repeats == 0


def _in_repeated_lead(ln: Line, lines: list[Line]) -> bool:
    """Is ln in the first copy of a repeated lead block (see _first_of_repeated_lead)?"""
    for j in range(max(0, ln.idx - 2), ln.idx + 1):
        if _lead_shape(lines[j]) and _first_of_repeated_lead(lines[j], lines):
            later = next(k for k in range(j + 1, len(lines)) if lines[k].key == lines[j].key)
            return ln.idx < later
    return False


_LINK_BULLET = re.compile(r"^\s*(?:[►▶▸→»]|>>)\s*\S")
_LINK_HEAD = re.compile(r"^\s*[\W_]*(?P<head>[^:>»›►]{2,40}?)\s*(?::|>>|»|›|►)\s*\S")


def _headed_link(ln: Line) -> bool:
    """"XEM THÊM: headline", "Tin liên quan: headline", "Đọc thêm >> headline": a block
    heading of the word list in front of one headline is a read-more link; so is a
    headline behind an arrow ("► headline")."""
    if ln.words > thresholds()["title_max_words"] + 6 or (ln.terminal and not ln.text.rstrip().endswith("?")):
        return False
    if _LINK_BULLET.match(ln.text) and not ln.terminal and ln.words >= 4:
        return True  # "► headline", ">> headline"
    m = _LINK_HEAD.match(ln.text)
    return bool(m) and is_header(line_key(m.group("head")), len(m.group("head").split()))


def _text_follows(lines: list[Line], i: int) -> bool:
    """Is the next line of running text a paragraph, within a few lines (a date line, a
    byline, share prompts and players between)?"""
    for ln in lines[i + 1 : i + 9]:
        if _paragraph_shape(ln) and not (ln.footer or ln.header or ln.widget):
            return True
        if not (ln.widget or ln.date_line or _signature(ln) or (ln.words <= 5 and not ln.terminal)):
            return False
    return False


def _answers(lines: list[Line], i: int) -> int:
    """How many short, unpunctuated lines follow line i (the answer options of a poll)."""
    k = 0
    for ln in lines[i + 1 : i + 7]:
        if ln.words > 5 or ln.terminal or ln.date_line:
            break
        k += 1
    return k


_MEDIA_PREFIX = re.compile(r"(?i)^\s*[\[(]?\s*(?:video|clip|infographic|ảnh|photo|emagazine|podcast)\s*[\])]?\s*[:：]\s*(?P<rest>.+)$")


def _media_headline(ln: Line, lines: list[Line]) -> bool:
    """"Video: headline", "Infographic: headline": a headline of a media story, not a
    caption, when it stands where headlines stand (no paragraph right above it, a
    paragraph or a date line/byline right under it) and what follows the colon is a
    headline (five words or more, no full stop)."""
    m = _MEDIA_PREFIX.match(ln.text)
    if not m or not ln.title_like or len(m.group("rest").split()) < 5 or ln.idx + 1 >= len(lines):
        return False
    if ln.idx > 0 and _paragraph_shape(lines[ln.idx - 1]):
        return False
    # (share bars, players between it and its lead)
    nxt = lines[ln.idx + 1 : ln.idx + 9]
    first = next((x for x in nxt if _paragraph_shape(x)), None)
    return first is not None and not nxt[0].caption and not any(
        x.title_like and not (x.widget or x.header or x.date_line or _signature(x)) for x in nxt[: nxt.index(first)]
        if x.words >= 5)


def _signature(ln: Line) -> bool:
    return ln.words <= 10 and (parse_byline(ln.text) is not None or parse_credit(ln.text) is not None)


def mark_rules(lines: list[Line], protect: set[int] | None = None) -> None:
    """Set ``flags`` on lines that are furniture by rule. ``protect``: indices never flagged
    as repeats (the title line, whose copies elsewhere are the furniture)."""
    protect = protect or set()
    for ln in lines:
        if ln.header:
            ln.flags.add("header")
        elif ln.widget:
            ln.flags.add("widget")
        elif ln.footer and not (ln.title_like and not lexicon().contact_re.match(ln.key) and _text_follows(lines, ln.idx)):
            # a headline about broadcast rights ("... có bản quyền Copa America") has its
            # article under it; a copyright line has more page bottom
            ln.flags.add("footer")
        if ln.date_line:
            ln.flags.add("timestamp")
        if ln.doubled:
            ln.flags.add("doubled")
        if ln.caption and not _media_headline(ln, lines):
            ln.flags.add("caption")
        # two articles on a page may have the same writer or source: a signature repeated
        # is still a signature
        if ln.repeats > 0 and ln.idx not in protect and not _signature(ln) and _repeat_is_furniture(ln, lines):
            ln.flags.add("repeated")
        # a one-line menu may run to a dozen items ("Trang chủ | Thời sự | ..."): its
        # length is no sign of text, only its short unpunctuated items count
        if (ln.words <= 25 and _BREADCRUMB.search(ln.text)) or (
            ln.words <= thresholds()["menu_line_max_words"] and _is_menu(ln.text)
        ):
            ln.flags.add("breadcrumb")
        if ln.words <= 40 and _TAG_LINE.match(ln.text) and not ln.terminal:
            ln.flags.add("tags")
        if ln.words <= 2 and not ln.date_line and parse_credit(ln.text) is None and parse_byline(ln.text) is None:
            ln.flags.add("tiny")
        if _headed_link(ln):
            ln.flags.add("link")
    n = len(lines)
    first_body = next((ln.idx for ln in lines if body_like(ln)), n)
    for i, ln in enumerate(lines):
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < n else None
        # teaser under a headline that is itself furniture (or a bare headline)
        if ln.teaser and prev is not None and (prev.flags & {"repeated", "doubled", "timestamp"}):
            ln.flags.add("teaser")
        # short answers of a feedback or vote widget ("Có", "Không", "Không đồng ý")
        if prev is not None and "widget" in prev.flags and ln.words <= 3 and not ln.terminal:
            ln.flags.add("widget")
        # a poll: a short question followed by two or more short answers (names, "Đồng ý")
        if ln.words <= 15 and ln.text.rstrip().endswith("?") and i > first_body and _answers(lines, i) >= 2:
            ln.flags.add("widget")
            for a in lines[i + 1 : i + 1 + _answers(lines, i)]:
                a.flags.add("widget")
        # a category label inside a list ("Sao Việt" between a headline and its time)
        if (
            prev is not None and nxt is not None and ln.words <= 4 and not ln.flags
            and (
                (nxt.date_line and (prev.flags & _LISTED or (prev.title_like and i > first_body)))
                or (prev.date_line and nxt.flags & _LISTED)
            )
        ):
            ln.flags.add("label")
        # a headline carrying its own timestamp (trending lists); a line of a lead's
        # length under a date line is the lead
        if ln.title_like and not ln.flags and i not in protect and not _signature(ln) and (
            (nxt is not None and nxt.date_line) or (prev is not None and prev.date_line and prev.words <= 4 and "timestamp" in prev.flags and i > 3
                                                    and ln.words < thresholds()["lead_min_words"])
        ):
            ln.flags.add("stamped")
    _mark_menus(lines)
    _mark_zones(lines, protect)


def _mark_menus(lines: list[Line]) -> None:
    """Three or more short lines in a row without punctuation are a menu or a link list
    (a byline and a credit make two at most)."""
    th = thresholds()
    run: list[Line] = []
    for ln in [*lines, None]:
        if (
            ln is not None and ln.words <= th["menu_item_words"] and not ln.terminal
            and not ln.date_line and not _signature(ln)
        ):
            run.append(ln)
            continue
        if len(run) >= th["menu_min_items"]:
            for r in run:
                r.flags.add("menu")
        run = []


# flags of headlines in a list (shown twice, with a timestamp): the zone is a real list
_LISTED = {"repeated", "doubled", "timestamp", "stamped"}


# flags of lines that sit inside running text (a caption, an ad, a share prompt)
_INLINE = {"caption", "widget", "tiny", "timestamp", "link"}  # + live-blog times, read-more links
_BULLET = re.compile(r"^[-–•*+>»›·]+\s*")


def _headline(ln: Line) -> bool:
    """A headline, also behind a bullet ("» Headline", "- Headline")."""
    return ln.title_like or (bool(_BULLET.match(ln.text)) and not ln.terminal and 3 <= ln.words <= 35)


def _resumes(lines: list[Line], i: int, by_footer: bool, inside: list[Line]) -> bool:
    """Does running text resume at paragraph i, below a section heading? Yes when the next
    paragraph follows (captions and ads between do not count), when the block held one
    plain headline only, or when two of the next three lines are paragraphs (a subheading
    between them): a list's teasers alternate with headlines."""
    # (a repeated sapo's second copy sits inline too)
    nxt = [ln for ln in lines[i + 1 : i + 8]
           if not (ln.flags and ln.flags <= _INLINE) and ln.key != lines[i].key][:3]
    if nxt and body_like(nxt[0]):
        return True
    if not by_footer and len(inside) <= 1 and not any(z.flags & _LISTED or not _headline(z) for z in inside):
        return True
    ln = lines[i]
    return not by_footer and not ln.teaser and ln.words >= 20 and sum(body_like(x) for x in nxt) >= 2


def remark_zones_after(lines: list[Line], start: int) -> None:
    """Zones again from line ``start`` on (the line after the headline): a block of the
    site header (a "Tin nóng" ticker, a hotline) ends at the headline and never takes the
    article's first lines."""
    for ln in lines[start:]:
        ln.flags.discard("zone")
    _mark_zones(lines, set(), start)


def _mark_zones(lines: list[Line], protect: set[int], start: int = 0) -> None:
    in_zone = by_footer = seen_body = False
    inside: list[Line] = []  # zone lines so far
    for i, ln in enumerate(lines):
        if i < start:
            continue
        if ln.header or ln.footer:
            in_zone = True
            # a hotline or address above all text is the site header, not the page's end
            by_footer = ln.footer and not ln.header and seen_body
            inside = []
            continue
        seen_body = seen_body or body_like(ln)
        if not in_zone:
            continue
        if body_like(ln) and _resumes(lines, i, by_footer, inside):
            in_zone = False  # the body resumes after an inserted block
            continue
        inside.append(ln)
        if i not in protect:
            ln.flags.add("zone")
