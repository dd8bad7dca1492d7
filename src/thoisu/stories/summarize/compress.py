"""Sentence compression of attribution: "X, ông A cho biết." -> "X."; "Theo ông A, X." ->
"X.". Human summaries state the facts and seldom say who told the reporter (on the
abmusu-train clusters 1.6% of document sentences end in such a tail, 0.4% of reference
sentences), and the words saved go to content. Conservative: the source must read as a
person, an outlet or a named body (a title word or a capital letter), with no comma in it,
and the clause left must not itself end in a bare name (an appositive: "ông A, Chủ tịch
tỉnh cho biết")."""

from __future__ import annotations

import re

from thoisu.models import SummarySentence
from thoisu.stories.summarize.documents import Candidate, bigrams, syllables

_VERBS = (
    "cho biết", "nói", "khẳng định", "nhấn mạnh", "chia sẻ", "cho hay", "tuyên bố",
    "nhận định", "phát biểu", "lưu ý", "bày tỏ", "cảnh báo", "giải thích", "đưa tin",
    "xác nhận", "thông báo", "nêu rõ", "thông tin",
)
_WHO = (r"(?:ông|bà|anh|chị|các|giới|nguồn|báo|hãng|trang|tờ|lãnh đạo|đại diện|"
        r"người phát ngôn|phát ngôn viên|[A-ZĐ])")
_TAIL = re.compile(
    r",\s+(?:theo\s+" + _WHO + r"[^,.!?\"“”]{0,60}|" + _WHO + r"[^,.!?\"“”]{0,60}?\s(?:"
    + "|".join(_VERBS) + r")(?:\s+(?:với|trên|tại)\s[^,.!?\"“”]{1,40})?)\s*\.\s*$")
_HEAD = re.compile(r"^Theo\s+" + _WHO + r"[^,.!?\"“”]{0,60},\s+(?=\S)")
_BARE_NAME = re.compile(
    r",\s+(?:ông|bà|anh|chị)\s[^,]*$|,\s+(?:[A-ZĐ]\S*\s*){1,5}$|(?:[A-ZĐ]\w*\s+){1,4}[A-ZĐ]\w*$")


def compress(text: str) -> str:
    """The sentence without its attribution tail or "Theo ..." head (or unchanged)."""
    out = text
    m = _TAIL.search(out)
    if m:
        rest = out[: m.start()]
        if len(rest.split()) >= 6 and not _BARE_NAME.search(rest):
            out = rest + "."
    m = _HEAD.match(out)
    if m and len(out[m.end():].split()) >= 6:
        body = out[m.end():]
        out = body[:1].upper() + body[1:]
    return out


def compress_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Candidates with their attribution dropped (same article and line); the features
    were computed on the whole sentences, only what is picked and printed is shorter."""
    out = []
    for c in cands:
        short = compress(c.sent.text)
        if short == c.sent.text:
            out.append(c)
            continue
        toks = syllables(short)
        out.append(Candidate(c.doc, c.pos, SummarySentence(short, c.sent.article, c.sent.line),
                             toks, bigrams(toks), len(short.split())))
    return out
