"""Article structure: title, header lines, body, end block (byline, credit) and the
boundaries between several articles on one page.

Works on the lines the rule layer left (``Line.flags`` empty). An article is closed by
a byline or credit after its body; a new one starts at a title-like line followed by a
body long enough to be an article. What is left after the last article is furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thoisu.background import common_terms
from thoisu.clean.furniture import body_like
from thoisu.clean.lexicon import thresholds
from thoisu.clean.lines import Line
from thoisu.clean.metadata import parse_byline, parse_credit


@dataclass
class Block:
    """One article's lines, before metadata is normalised."""

    title: Line | None = None
    body: list[Line] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    vias: list[str] = field(default_factory=list)
    head: list[Line] = field(default_factory=list)  # lines between title and body (date lines)
    tail: list[Line] = field(default_factory=list)  # byline/credit lines and what sits beside them

    @property
    def words(self) -> int:
        return sum(ln.words for ln in self.body)


def role(ln: Line) -> tuple[str, str | None, str | None]:
    """("credit", None, via) | ("byline", author, via) | ("date", ...) | ("text", ...)."""
    if ln.words <= thresholds()["credit_max_words"]:
        c = parse_credit(ln.text)
        if c:
            return "credit", None, c
        b = parse_byline(ln.text)
        if b:
            return "byline", b[0], b[1]
    if ln.date_line:
        return "date", None, None
    return "text", None, None


def _next_body(lines: list[Line], i: int, window: int = 4, headlines: int = 0) -> bool:
    """Is a body paragraph among the next few unflagged lines after i (skipping date lines,
    bylines), with at most ``headlines`` title-like lines between?"""
    seen = 0
    heads = 0
    short = thresholds()["headline_min_words"]
    for ln in lines[i + 1 : i + 16]:
        if ln.flags and not (ln.flags <= {"repeated"}):
            continue
        if body_like(ln):
            return True
        r = role(ln)[0]
        if r in ("byline", "date", "credit"):
            continue
        if ln.words <= short and not ln.terminal:
            continue  # a share bar, a player, a label: no headline of a list
        seen += 1
        if ln.title_like:
            heads += 1
        # a sapo or a short lead may still come; headlines in a row are a list
        if seen >= window or heads > headlines:
            return False
    return False


def _last_before_text(lines: list[Line], i: int) -> bool:
    """Is line i the last headline above running text (date lines, bylines, share
    prompts between)? In a list of headlines right above an article, only its own is."""
    for ln in lines[i + 1 : i + 7]:
        if body_like(ln):
            return True  # (a teaser inside a list block is no text of its own)
        if (ln.title_like and role(ln)[0] == "text" and not ln.date_line and not _lead_like(ln)
                and ln.flags <= _UNSIGNED_HEAD | {"zone"}):
            return False
    return False


def _announces(lines: list[Line], ln: Line) -> bool:
    """A subheading: most of its syllables are in the paragraph under it."""
    nxt = next((x for x in lines[ln.idx + 1 : ln.idx + 3] if body_like(x)), None)
    # (and shares a pair of them: "Giọng nam miền Nam", a player, shares "nam" with "Việt Nam")
    return (nxt is not None and _overlap(ln, set(nxt.key.split())) >= thresholds()["title_low_overlap"]
            and bool(_bigrams([ln]) & _bigrams([nxt])))


def _signed_below(lines: list[Line], i: int) -> bool:
    """Is the line right under line i a date line or a byline?"""
    return i + 1 < len(lines) and (lines[i + 1].date_line or role(lines[i + 1])[0] in ("byline", "credit"))


def _headed(lines: list[Line], i: int) -> bool:
    """A headline inside a block that is its article's own: its date line or byline right
    under it, a calendar date right above it, or the block's heading right above it (a
    "Xem tiếp" with one headline under it)."""
    return _signed_below(lines, i) or (i > 0 and (_calendar_date(lines[i - 1]) or lines[i - 1].header))


def _label(ln: Line) -> bool:
    """A short unpunctuated heading line ("Bài viết tiếp theo") that is no name."""
    return (ln.title_like and ln.words <= 4 and not ln.terminal and role(ln)[0] == "text"
            and ln.flags <= {"repeated", "model"})  # not a caption ("Ảnh minh họa")


def _label_above(lines: list[Line], i: int) -> bool:
    """A "next article" label above line i, a kicker ("VIDEO", "Độc quyền") between."""
    j = i - 1
    while j > 0 and lines[j].flags and lines[j].words <= 3 and not lines[j].terminal and not _label(lines[j]):
        j -= 1
    return j >= 0 and _label(lines[j])


def _lead_like(ln: Line) -> bool:
    """A headline-shaped line too long for a headline: a lead without its full stop."""
    return ln.words >= thresholds()["lead_min_words"]


def find_title(lines: list[Line], start: int = 0) -> int | None:
    """Index of the headline among the title-like lines before the first body paragraph:
    the first of at least five words followed by the body (at most one subheading or
    sapo line between), else the last short one right before the body."""
    heads: list[int] = []
    zoned: int | None = None  # the last headline inside a block of the site header
    for i in range(start, len(lines)):
        ln = lines[i]
        if (ln.title_like and role(ln)[0] == "text" and ln.flags - {"repeated", "stamped"} == {"zone"}
                and not _lead_like(ln)):
            if ln.words < 5:
                continue  # a label or a player control ("Tự động phát"), not a headline
            # (or one carrying its own date line or byline: the page's headline under a
            # lone "Tin nổi bật" or hotline line)
            zoned = i if i > 0 and ("zone" in lines[i - 1].flags or _signed_below(lines, i) or (
                i + 1 < len(lines) and "widget" in lines[i + 1].flags)) else None
            continue
        if ln.flags - {"repeated", "stamped"}:
            continue
        if body_like(ln) and not ln.title_like:
            break
        if ln.title_like and role(ln)[0] == "text":
            heads.append(i)
    # a block opened by a heading above all text (a ticker, a hotline, a search box) runs
    # over the headline down to the lead: its last headline, right before the text, is the
    # article's own when the block holds more than that line
    if zoned is not None and zoned + 1 < len(lines) and _next_body(lines, zoned, headlines=2):
        heads.append(zoned)
        heads.sort()
    good = [i for i in heads if lines[i].words >= 5 and _next_body(lines, i, headlines=1)]
    # a long headline-shaped line under a headline is its lead (sapo without a full stop)
    # (a lead comes after its headline: a long headline under a widget line stays)
    good = [i for i in good if not (_lead_like(lines[i]) and any(j < i and not _lead_like(lines[j]) for j in good))]
    # widgets with words no list holds may be headline-shaped ("Nghe bài viết"), but
    # shorter than any headline but the shortest: a candidate of six words or more wins
    longer = [i for i in good if lines[i].words > thresholds()["headline_min_words"]]
    if longer:
        good = longer
    if len(good) > 1:
        # several candidates: the headline carries its date line or byline right under it
        # (else the first); a candidate whose words are not in the first paragraphs (a
        # teaser, a label, a menu) gives way to one that shares many of them
        vocab = _lead_vocab(lines, good[-1])
        carried = [i for i in good if _carried(lines, i)]
        pick = carried[0] if carried else good[0]
        best = max(good, key=lambda i: (_overlap(lines[i], vocab), -i))
        th = thresholds()
        if _overlap(lines[best], vocab) >= _overlap(lines[pick], vocab) + th["title_overlap_margin"]:
            return best
        return pick
    for i in good:
        return i
    # a short line right above the text: a headline of four words or more; three words
    # there are a label or a player ("Tự động phát"), not a headline (vims: 99% have 6+)
    for i in reversed(heads):
        if lines[i].words >= thresholds()["title_fallback_min_words"] and _next_body(lines, i):
            return i
    return None


def _lead_vocab(lines: list[Line], after: int) -> set[str]:
    """Syllables of the first three paragraphs after line ``after``."""
    out: set[str] = set()
    k = 0
    for ln in lines[after + 1:]:
        if body_like(ln):
            out.update(ln.key.split())
            k += 1
            if k == 3:
                break
    return out


def _carried(lines: list[Line], i: int) -> bool:
    """Does a date line or byline sit right under line i?"""
    nxt = next((x for x in lines[i + 1:] if not (x.flags - {"timestamp"})), None)
    return nxt is not None and (nxt.date_line or role(nxt)[0] in ("byline", "date"))


def _overlap(ln: Line, vocab: set[str]) -> float:
    """Share of the line's syllables found in ``vocab``."""
    syl = [w for w in ln.key.split() if any(c.isalpha() for c in w)]
    return sum(w in vocab for w in syl) / len(syl) if syl else 0.0


def _signs(lines: list[Line], ln: Line, cur: Block) -> bool:
    """Does a byline/credit line sit at the end of this article's text: after its last
    paragraph or signature, with only inline furniture between (captions, share prompts,
    an unheaded related list), not below a section heading, a footer or a menu?"""
    last = max([cur.body[-1].idx] + [t.idx for t in cur.tail])
    gap = lines[last + 1 : ln.idx]
    return not any(g.header or g.footer or g.flags & {"zone", "menu"} for g in gap)


def segment(lines: list[Line], title_idx: int | None) -> list[Block]:
    """Cut the unflagged lines into articles."""
    th = thresholds()
    blocks: list[Block] = []
    cur = Block()
    if title_idx is not None:
        cur.title = lines[title_idx]
        start = title_idx + 1
    else:
        start = 0
    closed = False
    # a headline already used opens no new article (the page lists itself among teasers)
    titles: set[str] = {cur.title.key} if cur.title is not None else set()
    pending: list[Line] = []  # lines after a close, waiting to be judged
    i = start
    n = len(lines)
    while i < n:
        ln = lines[i]
        i += 1
        # an article with no signature ends where another headline opens a text of its own
        # on another subject (or carrying its own date line or byline)
        if (not closed and cur.body and ln.title_like and ln.key not in titles and role(ln)[0] == "text"
                and ln.flags <= _UNSIGNED_HEAD | {"zone"}
                and _last_before_text(lines, ln.idx) and _unsigned_boundary(lines, ln, cur)):
            # "Bài viết tiếp theo" above the headline (a kicker such as "VIDEO" may sit between)
            if _label(cur.body[-1]) and all(x.flags for x in lines[cur.body[-1].idx + 1 : ln.idx]):
                cur.body.pop().flags.add("label")
            blocks.append(cur)
            titles.add(ln.key)
            ln.flags.clear()
            cur = Block(title=ln)
            pending = []
            continue
        # headlines with teasers below the text: a list, however its heading is worded
        if not closed and cur.body and ln.title_like and teaser_list(lines, ln.idx, cur):
            closed = True
            pending = []
            ln.flags.add("list")
            continue
        # a headline between lines after the end breaks their run: a teaser and a teaser
        # of a list are not the article resuming
        if closed and pending and ln.title_like:
            for p in pending:
                p.flags.add("after-end")
            pending = []
        # a tag line ends the article's text (comments, lists below it are no text of its own
        # unless running text resumes)
        if cur.body and not closed and "tags" in ln.flags:
            closed = True
            pending = []
            continue
        # a later article's headline may be shown again in a list below, carry a timestamp
        # or sit last in a list right above its own text; it still opens that article
        # the writer and the time on one line under the headline ("Thu Hà - 18/09/2022 07:30")
        # are a date line to the rules and the article's writer here
        if not cur.body and ln.flags and ln.flags <= {"timestamp", "breadcrumb"} and role(ln)[0] == "byline":
            cur.authors.append(role(ln)[1] or "")
            cur.head.append(ln)
            continue
        if ln.flags and not (closed and ln.title_like and (
                ln.flags <= _UNSIGNED_HEAD
                or (ln.flags <= {"repeated", "stamped", "zone"} and _last_before_text(lines, ln.idx)))):
            continue
        kind, author, via = role(ln)
        if kind in ("credit", "byline") and cur.body and not _signs(lines, ln, cur):
            ln.flags.add("stray-signature")  # a name-like line far below the text: a menu item, a vote
            continue
        if kind in ("credit", "byline"):
            if author:
                cur.authors.append(author)
            if via:
                cur.vias.append(via)
            if cur.body:
                closed = True
                cur.tail.append(ln)
            else:
                cur.head.append(ln)
            continue
        if kind == "date":
            (cur.tail if closed else cur.head if not cur.body else cur.tail).append(ln)
            continue
        if closed:
            # a new article: a headline followed by a body of its own
            if (ln.title_like and ln.key not in titles and ln.words >= th["title_fallback_min_words"]
                    and _next_body(lines, ln.idx)
                    and _last_before_text(lines, ln.idx) and not teaser_list(lines, ln.idx, cur)):
                nb, np_ = _take_article(lines, ln.idx)
                if nb >= th["new_article_min_words"] and np_ >= th["new_article_min_paragraphs"]:
                    blocks.append(cur)
                    titles.add(ln.key)
                    ln.flags.clear()
                    cur = Block(title=ln)
                    closed = False
                    pending = []
                    continue
            if ln.flags:
                continue
            # the credit was inside the body if the text goes on as running text
            pending.append(ln)
            if sum(1 for p in pending if body_like(p)) >= th["resume_run"]:
                cur.body.extend(pending)
                pending = []
                closed = False
            continue
        # short lines before the first paragraph of an untitled page: navigation; between a
        # headline and its lead: a share bar, an audio player ("Tự động phát")
        if not cur.body and ln.words < th["body_min_words"] and (
                (cur.title is None and title_idx is None)
                or (cur.title is not None and not ln.terminal and not _announces(lines, ln))):
            ln.flags.add("before-body")
            continue
        cur.body.append(ln)
    for p in pending:
        p.flags.add("after-end")
    blocks.append(cur)
    return [b for b in blocks if b.body]


_LIST_ITEM = {"repeated", "doubled", "stamped"}
# flags a headline inside running text may carry and still open an unsigned article: the
# line scorer and the lone-insert rule take it for a "read more" headline
_UNSIGNED_HEAD = {"model", "insert", "stamped", "repeated"}
# lines inside running text that are no headline even when shown twice (a caption repeated)
_INLINE_FURNITURE = {"caption", "widget", "tiny", "tags", "timestamp", "link"}


def _bigrams(lns: list[Line]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for ln in lns:
        w = [x for x in ln.key.split() if any(c.isalpha() for c in x)]
        out.update(zip(w, w[1:], strict=False))
    return out


def _bigram_share(ln: Line, text: set[tuple[str, str]]) -> float:
    """Share of a headline's syllable bigrams found in a text's (function syllables alone,
    "của", "có", "ở", do not make a shared subject)."""
    own = _bigrams([ln])
    return len(own & text) / len(own) if own else 0.0


def _coh(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def cohesion(before: list[Line], after: list[Line]) -> float:
    """Share of syllable bigrams two stretches of text have in common (overlap
    coefficient). Within one article it is seldom below 0.03; between articles on
    unrelated subjects seldom above (vims-dev: 5th percentile 0.025 within, 90th 0.025
    across)."""
    return _coh(_bigrams(before), _bigrams(after))


def teaser_list(lines: list[Line], i: int, cur: Block) -> bool:
    """Does a list of headlines with teasers start at line i? Pairs of a headline and one
    short paragraph under it (time stamps, captions between), the next headline right
    after the teaser: three pairs, or two on another subject than the article above (a
    live blog's titled entries stay on its subject)."""
    th = thresholds()
    if cur.body and _live(lines, cur.body[0].idx, i):
        return False  # a live blog's titled entries, one paragraph each
    pairs: list[Line] = []
    heads: set[str] = {cur.title.key} if cur.title is not None else set()
    heads_seen: list[Line] = []
    j, n = i, len(lines)
    # a photo story repeats its own title between paragraphs: list headlines all differ
    while (j < n and lines[j].title_like and lines[j].flags <= _UNSIGNED_HEAD and role(lines[j])[0] == "text"
           and lines[j].key not in heads and lines[j].words >= th["title_fallback_min_words"]):
        heads.add(lines[j].key)
        heads_seen.append(lines[j])
        k = j + 1
        while k < n and lines[k].flags & {"timestamp", "caption", "widget", "tiny"}:
            k += 1
        if k >= n or lines[k].title_like or lines[k].words > th["teaser_max_words"] or lines[k].words < 6:
            break
        pairs.append(lines[k])
        j = k + 1
        while j < n and lines[j].flags & {"timestamp", "caption", "widget", "tiny"}:
            j += 1
        if j < n and not lines[j].title_like:
            pairs.pop()  # text goes on after the "teaser": a subheading (or an insert) and
            break        # the article's paragraphs, not a list item
    # an interview alternates questions and answers
    if sum(h.text.rstrip().endswith("?") for h in heads_seen) * 2 > len(heads_seen):
        return False
    if len(pairs) >= 3:
        return True
    return len(pairs) == 2 and cohesion(cur.body, pairs) < th["split_cohesion_max"]


_CALENDAR = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}|(?i:tháng)|\d{4}-\d{2}")


def _calendar_date(ln: Line) -> bool:
    """A date line with a day and month (a live blog's bare "10:35" is not one)."""
    return ln.date_line and bool(_CALENDAR.search(ln.text))


def _unsigned_boundary(lines: list[Line], ln: Line, cur: Block) -> bool:
    """Does headline ``ln`` inside an open article start another article? It needs a body
    of its own (as after a signature), and either its own date line or byline right under
    it, or text on another subject than the paragraphs above it (a "read more" headline
    inside an article is followed by the same article's text)."""
    th = thresholds()
    if ln.words < th["title_min_words"] + 1 or len(cur.body) < th["new_article_min_paragraphs"]:
        return False
    nb, np_ = _take_article(lines, ln.idx)
    if nb < th["new_article_min_words"] or np_ < th["new_article_min_paragraphs"]:
        return False
    after = [x for x in lines[ln.idx + 1 : ln.idx + 12] if body_like(x)][:3]
    if not after:
        return False
    # in a live blog (time stamps between the paragraphs above) a stamp above a headline is
    # the blog's next entry, not another article's date line
    vouched = _carried(lines, ln.idx) or (_headed(lines, ln.idx) and not _live(lines, cur.body[0].idx, ln.idx))
    if vouched and "zone" not in ln.flags:
        return True
    # a headline inside a "Tin liên quan" box mid-article, dated or not, is followed by the
    # same article's text: in a block only the subject test below counts (on any length)
    # a headline sums up its own lead (vims-dev: a third of its syllables or more in 95% of
    # articles, in another article's lead in 5%): a "read more" headline of another
    # article does not
    # and too little text says nothing of subjects: a subheading between two short
    # paragraphs shares few bigrams with them too
    # (a label such as "Bài viết tiếp theo" right above is evidence enough to judge anyway)
    labelled = vouched or _label_above(lines, ln.idx)
    if not labelled and min(sum(x.words for x in cur.body[-3:]), sum(x.words for x in after)) < th["split_min_words"]:
        return False
    after_vocab = {w for x in after for w in x.key.split()}
    own = _overlap(ln, after_vocab)
    above = _overlap(ln, {w for x in cur.body[-3:] for w in x.key.split()})
    # texts on one subject may share few bigrams, and two articles' texts the common ones
    # of news ("cho biết", "của ông"): a headline that sums up its own lead and not the text
    # above, under which the text no longer speaks of the article's own headline, starts
    # another article at a higher cohesion (a subheading keeps its article's subject)
    strong = (own - above >= th["split_strong_margin"] and cur.title is not None
              and ln.words > th["headline_min_words"])  # (a short subheading: "Những con số biết nói")
    # under a "next article" label the headline need not sum up its lead: the two texts
    # being on other subjects is enough
    plain = own >= above if labelled and not vouched else own >= th["title_low_overlap"] and own > above
    # two texts of 80 words or more without one syllable pair in common are two subjects
    # whatever the headline's overlap (a headline may name what its lead does not yet)
    apart = own > above and ln.words > th["headline_min_words"]
    if not (strong or plain or apart):
        return False  # (the bigram sets below cost more than the syllable overlaps)
    after_bi = _bigrams(after)
    if not labelled and _section_head(ln, cur, after_vocab, after_bi):
        return False
    coh = _coh(_bigrams(cur.body[-3:]), after_bi)
    if (strong and coh < th["split_cohesion_max_strong"]
            and _bigram_share(cur.title, after_bi) < th["split_title_bigram_max"]):
        return True
    return (plain and coh < th["split_cohesion_max"]) or (apart and coh <= th["split_cohesion_apart"])


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\s*[.)/:-]\s")
_PUNCT = "\"'“”‘’«»()[],.:;!?…-–—"
# a pull quote: the whole heading in quotation marks
_QUOTED = re.compile(r"^\s*[\"“‘'«][^\"“”‘’«»]+[\"”’'»]\s*[.!?…]?\s*$")


def _subject_bigrams(ln: Line) -> set[tuple[str, str]]:
    """Syllable pairs of a headline in lower case (all of them in an all-capitals one):
    its subject words ("nồng độ cồn"), not the names it shares with another article on
    the same country or person ("Nga-Trung Quốc")."""
    upper = ln.text.isupper()
    w = [(k.strip(_PUNCT), t.strip(_PUNCT)) for k, t in zip(ln.key.split(), ln.text.split(), strict=False)
         if any(c.isalpha() for c in k)]
    return {(a, b) for (a, ta), (b, tb) in zip(w, w[1:], strict=False)
            if upper or not (ta[:1].isupper() or tb[:1].isupper())}


def _title_bigrams(ln: Line) -> set[tuple[str, str]]:
    w = [k.strip(_PUNCT) for k in ln.key.split() if any(c.isalpha() for c in k)]
    return set(zip(w, w[1:], strict=False))


def _section_head(ln: Line, cur: Block, vocab: set[str], bigrams: set[tuple[str, str]]) -> bool:
    """Is headline ``ln`` a section of the article above rather than another article? A
    numbered heading ("2. Cách chăm sóc khi trẻ bị ho") is; so is a short one under which
    the text speaks of the article's own headline (a syllable pair of it, or a third of its
    syllables): feature articles cut their text into subjects under such headings, and an
    unsigned second article on a page seldom goes on with the first one's headline
    (mds pages of one document: a third of them were cut at such headings). ``vocab`` and
    ``bigrams``: the syllables and syllable pairs of the text under the heading."""
    if _NUMBERED.match(ln.text):
        return True
    if cur.title is None:
        return False
    th = thresholds()
    shared = _subject_bigrams(ln) & _title_bigrams(cur.title) if ln.words <= th["section_head_shared_max_words"] else set()
    if ln.words <= th["section_head_shared_max_words"] and (
            _QUOTED.match(ln.text) or len(shared) >= th["section_head_shared_bigrams"]
            or any(common_terms().get(f"{a} {b}", 0.0) < th["section_head_rare_share"] for a, b in shared)):
        return True
    if ln.words > th["section_head_max_words"]:
        return False
    return _bigram_share(cur.title, bigrams) > 0 or _overlap(cur.title, vocab) >= th["title_low_overlap"]


def _live(lines: list[Line], start: int, end: int) -> bool:
    """Is the text from line ``start`` to ``end`` a live blog: time stamps of their own (a
    date line of four words at most) between its paragraphs?"""
    return sum(1 for x in lines[start:end] if x.date_line and x.words <= 4) >= thresholds()["live_min_stamps"]


def _take_article(lines: list[Line], i: int) -> tuple[int, int]:
    """(words, paragraphs) of running text after a candidate headline, up to the byline or
    credit that closes it (a byline right under the headline does not) or up to another
    headline of a list (shown twice, stamped): headline/teaser pairs are a list."""
    total = paras = 0
    head = lines[i].key
    for ln in lines[i + 1:]:
        if ln.flags:
            if (ln.title_like and not ln.date_line and ln.flags & (_LIST_ITEM | {"model", "insert", "zone"})
                    and not ln.flags & _INLINE_FURNITURE and ln.key != head and role(ln)[0] == "text"):
                break  # (a date line repeated on the page is no list headline)
            continue
        if role(ln)[0] in ("credit", "byline") and total > 0:
            break
        if role(ln)[0] == "text":
            if paras < 2 and not body_like(ln) and ln.title_like and total > 0:
                break  # another headline after one teaser: a list, not an article
            total += ln.words
            paras += body_like(ln)
    return total, paras
