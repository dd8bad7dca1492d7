"""Direct and reported speech with its speaker, from the frames of Vietnamese news.

Direct quotes are passages in double quotes (“…”, "…", «…», mixed pairs too; ‘…’ only
with a speech frame) found per paragraph, so that a quote the sentence splitter cut in
two comes out whole. The speaker comes from the frame after the quote (“…”, KCNA cho
biết. / "…", RT dẫn lời ông Lavrov.) or before it (ông Miller nói: “…”), resolved to
the mention key of the subject noun phrase (syntax.Analysis does the noun phrases).
Short quoted terms (fewer than ``min_words`` words) are scare quotes, not quotes.
Indirect statements ("X cho biết ...", "Theo X, ...") are kept when X is a mention.
Reporting verbs are data: ``data/speech_verbs.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from thoisu.annotate.lexicon import DATA, PhraseSet, phrase, resources
from thoisu.annotate.quote_spans import paragraph_quotes
from thoisu.annotate.syntax import Analysis, Chain, subject_persons
from thoisu.models import Article, Mention, Quote, Sentence
from thoisu.text import fold

_SINGLE = ("‘", "’")
_SINGLE_MARKS = re.compile("[‘’]")
_SENT_END = {".", "!", "?"}
_HEAD_TYPES = ("PER", "ORG", "GPE")
_NOUN_MARKERS = {"bài", "lời", "các", "những", "bản", "cuộc", "buổi", "một"}


@dataclass(slots=True)
class SpeechConfig:
    verbs: PhraseSet
    clause_verbs: frozenset[tuple[str, ...]]  # verbs whose object is always a statement
    cite: PhraseSet
    not_speech: PhraseSet
    min_words: int
    max_frame_words: int
    max_speaker_words: int
    cited_title_preps: frozenset[tuple[str, ...]]
    cited_max_gap: int
    descriptions: frozenset[str]  # folded


@lru_cache(maxsize=1)
def speech_config() -> SpeechConfig:
    raw = json.loads((DATA / "speech_verbs.json").read_text(encoding="utf-8"))
    return SpeechConfig(
        PhraseSet([phrase(v) for v in raw["verbs"]]),
        frozenset(phrase(v) for v in raw["clause_verbs"]),
        PhraseSet([phrase(v) for v in raw["cite"]]),
        PhraseSet([phrase(v) for v in raw["not_speech"]]),
        int(raw["min_words"]),
        int(raw["max_frame_words"]),
        int(raw["max_speaker_words"]),
        frozenset(phrase(p) for p in raw["cited_title_preps"]),
        int(raw["cited_max_gap"]),
        frozenset(fold(d) for d in raw["descriptions"]),
    )


def _single_quotes(text: str) -> list[tuple[int, int]]:
    spans, open_at = [], -1
    for m in _SINGLE_MARKS.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == _SINGLE[0]:
            open_at = i
        elif ch == _SINGLE[1] and open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
    return spans


def _head(ch: Chain) -> Mention | None:
    for np in ch.nps:
        h = np.head
        if h.type in _HEAD_TYPES:
            return h
    return None


class _Para:
    """One paragraph: its sentences analysed with quoted spans set aside."""

    def __init__(self, text: str, sents: list[tuple[int, Sentence]],
                 mentions: dict[int, list[Mention]], spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.sents = sents
        res = resources()
        self.an: dict[int, Analysis] = {}
        for k, s in sents:
            local = []
            for qs, qe in spans:
                a, b = max(qs, s.start), min(qe, s.start + len(s.text))
                if a < b:
                    local.append((a - s.start, b - s.start))
            self.an[k] = Analysis(s.text, mentions.get(k, []), local, res)

    def sentence_at(self, pos: int) -> tuple[int, Sentence] | None:
        best = None
        for k, s in self.sents:
            if s.start <= pos:
                best = (k, s)
        return best


def _verbs(an: Analysis, lo: int, hi: int) -> list[tuple[int, int]]:
    cfg = speech_config()
    out, i = [], lo
    firsts = cfg.verbs.by_first
    while i < hi:
        k = cfg.verbs.match(an.toks, i) if not an.aside[i] and an.toks[i] in firsts else 0
        if k and i > 0 and an.toks[i - 1] in _NOUN_MARKERS:
            i += k  # "bài phát biểu", "các tuyên bố": nouns, not frames
            continue
        if k and cfg.not_speech.match(an.toks, i):
            i += cfg.not_speech.match(an.toks, i)
            continue
        if k:
            out.append((i, i + k))
            i += k
        else:
            i += 1
    return out


def _speaker_before(an: Analysis, v: int, lo: int, last_per: list[str]) -> tuple[str | None, str | None]:
    """Subject of the speech verb at token v: nearest chain before it in [lo, v)."""
    cfg = speech_config()
    if v > 0 and an.toks[v - 1] == ",":  # "Sami Khedira, người đeo băng đội trưởng trong trận
        for ch in an.chains:               # Đức thua Slovakia, phát biểu": the name before the
            h = _head(ch)                  # apposition speaks, not a name inside it
            if lo <= ch.start <= lo + 1 and ch.end < v - 1 and an.toks[ch.end] == "," \
                    and not ch.prep and h is not None and h.type == "PER":
                return h.key, h.text
    best: Chain | None = None
    for ch in an.chains:
        if ch.start >= lo and ch.end <= v and not ch.prep and _head(ch) is not None:
            best = ch
    # "RT dẫn lời ông Lavrov": the cited person speaks
    for i in range(lo, v):
        k = cfg.cite.match(an.toks, i)
        if k:
            for ch in an.chains:
                if ch.start >= i + k and ch.start <= i + k + 1 and _head(ch) is not None:
                    h = _cited(an, ch, v)
                    return h.key, h.text
    if best is not None and _distance(an, best.end, v) <= 6:
        h = _head(best)
        return h.key, h.text
    if best is None:  # "người phát ngôn của ông Ban Ki-moon cho biết" -> Ban Ki-moon
        owners = [ch for ch in an.chains if ch.start >= lo and ch.end <= v and ch.prep == ("của",)]
        if owners and _distance(an, owners[-1].end, v) <= 2 and _head(owners[-1]) is not None:
            h = _head(owners[-1])
            return h.key, h.text
    words = [w for k, w in enumerate(an.toks[lo:v], lo) if not an.aside[k] and w not in ",-–:"]
    if 0 < len(words) <= cfg.max_speaker_words:
        surface = an.text[an.spans[lo][0] : an.spans[v - 1][1]].strip(" ,–-")
        if resources().cues["pronouns_sg"].match(words, 0) and last_per:
            return last_per[-1], surface
        return None, surface
    return None, None


def _sentence_end(an: Analysis, k: int) -> bool:
    """Token k ends a sentence: "." "!" "?", but not a dot inside an abbreviation written
    without spaces ("TS.BS Đỗ Thiện Hải", "TP.HCM")."""
    if an.toks[k] not in _SENT_END:
        return False
    spans = an.spans
    return not (0 < k < len(spans) - 1 and spans[k - 1][1] == spans[k][0] and spans[k][1] == spans[k + 1][0])


def _cited(an: Analysis, ch: Chain, end: int) -> Mention:
    """Who a "dẫn lời" cites: the head of the chain after it or, when that is a body or
    place, the person its title phrase goes on to name ("dẫn lời Đại sứ Triều Tiên tại
    Liên Hợp Quốc Se-pyong": the ambassador, not North Korea)."""
    h = _head(ch)
    assert h is not None
    if h.type == "PER":
        return h
    for np in an.nps:
        # (a name inside the body's name starts a phrase of its own that the person joins:
        # "Bộ Quốc phòng [Hàn Quốc Moon Sang-gyun]", so phrases are compared by first name)
        if ch.nps[0].first < np.first < end and np not in ch.nps and np.head.type == "PER":
            gap = an.toks[ch.end : max(ch.end, np.start)]
            cfg = speech_config()
            if (not np.prep or np.prep == ch.prep or np.prep in cfg.cited_title_preps) \
                    and len(gap) <= cfg.cited_max_gap and not any(
                    t in _SENT_END or t == "," for t in gap):
                return np.head
            break
    return h


def _distance(an: Analysis, a: int, b: int) -> int:
    """Words between two token positions, asides and commas not counted."""
    return sum(1 for k in range(a, b) if not an.aside[k] and an.toks[k] != ",")


def _speaker_after(an: Analysis, t0: int, last_per: list[str]) -> tuple[str | None, str | None] | None:
    """Frame after a closing quote: ', KCNA cho biết.' / ', RT dẫn lời ông Lavrov.'"""
    cfg = speech_config()
    n = len(an.toks)
    i = t0
    while i < n and an.toks[i] in {",", "-", "–", "—"}:
        i += 1
    end = i
    while end < n and not _sentence_end(an, end) and not an.aside[end]:
        end += 1
    if i >= n:
        return None
    if an.toks[i] == "theo":  # '…”, theo bản khai của FBI.'
        if end - i > cfg.max_frame_words:
            return None
        for ch in an.chains:
            if i < ch.start < end and _head(ch) is not None:
                h = _head(ch)
                return h.key, h.text
    verbs = _verbs(an, i, end)
    # the speech verb near the quote; what follows it may run long ("– anh Hoàng – Trưởng
    # Bộ phận ... cho biết thêm về những phương thức ...")
    if not verbs or _distance(an, i, verbs[0][0]) > cfg.max_frame_words:
        return None
    v, ve = verbs[0]
    if cfg.cite.match(an.toks, v):  # "Reuters dẫn lời bà Choe"
        for ch in an.chains:
            if ch.start >= ve and ch.end <= end and _head(ch) is not None:
                h = _cited(an, ch, end)
                return h.key, h.text
    key, text = _speaker_before(an, v, i, last_per)
    if key is None:  # '”, người phát ngôn của Đại sứ quán ... Liu Pengyu nói.': the person
        pers = [np.head for np in an.nps if i <= np.start and np.end <= v and np.head.type == "PER"]
        if pers:
            return pers[-1].key, pers[-1].text
    return key, text


def _speaker_pre(an: Analysis, t_open: int, last_per: list[str]) -> tuple[str | None, str | None] | None:
    """Frame before an opening quote: 'ông Miller nói: “…”', 'X cho rằng Y là “…”',
    'Theo ông Dugin, ... “…”'."""
    verbs = _verbs(an, 0, t_open)
    for v, _e in reversed(verbs):
        lo = an.clause_start(v)[0]
        key, text = _speaker_before(an, v, lo, last_per)
        if key is None and lo > 0 and t_open - _e <= 3:
            # "Biden không úp mở khi tuyên bố rằng “...”": the main clause's subject
            k2, t2 = _speaker_before(an, v, 0, last_per)
            if k2 is not None:
                return k2, t2
        if key is not None:
            return key, text
        if t_open - _e <= 3 and text is not None and any(c.isupper() for c in text):
            return key, text  # an unnamed speaker right before the quote
    if t_open > 0 and an.toks[t_open - 1] == ":":  # 'Tổng thống Mỹ JOE BIDEN: "..."'
        for ch in an.chains:
            if ch.end <= t_open and not ch.prep and _head(ch) is not None:
                h = _head(ch)
                return h.key, h.text
    for np in an.nps:
        if np.prep == ("theo",) and np.end <= t_open and _head(an.chain_of(np)) is not None:
            h = _head(an.chain_of(np))
            return h.key, h.text
    return None


def _indirect(an: Analysis, last_per: list[str]) -> tuple[str, str, str] | None:
    """(speaker key, speaker text, statement) of 'X cho biết ...' or 'Theo X, ...'."""
    cfg = speech_config()
    toks, n = an.toks, len(an.toks)
    if any(an.aside[k] and toks[k] in "“\"”«»" for k in range(n)):
        return None  # carries a direct quote
    # "Theo X, ..." / "..., theo X."
    for np in an.nps:
        if np.prep == ("theo",):
            h = an.chain_of(np).nps[0].head
            if h.type not in _HEAD_TYPES:
                continue
            if np.start <= 2 and np.end < n and toks[np.end] == ",":
                text = an.text[an.spans[np.end + 1][0] :] if np.end + 1 < n else ""
                return (h.key, h.text, text) if len(text.split()) >= cfg.min_words else None
            if np.end >= n - 2 and np.start >= 2 and toks[np.start - 2] == ",":
                text = an.text[: an.spans[np.start - 2][0]]
                return (h.key, h.text, text) if len(text.split()) >= cfg.min_words else None
    for v, ve in _verbs(an, 0, n):
        if cfg.cite.match(toks, v):
            continue
        lo, kind, _b = an.clause_start(v)
        if kind == "sub":
            return None  # "Sau khi Triều Tiên tuyên bố ..." is no statement
        key, surface = _speaker_before(an, v, lo, last_per)
        if key is None:
            return None
        k = ve
        if "rằng" in toks[ve : ve + 10]:  # "nhấn mạnh với Y rằng ..."
            k = ve + toks[ve : ve + 10].index("rằng")
        marked = False
        while k < n and toks[k] in {"rằng", ",", ":", "thêm", "là"}:
            marked = marked or toks[k] != "thêm"
            k += 1
        if k >= n:
            return None
        first = an.text[an.spans[k][0] : an.spans[k][1]]
        clause_verb = tuple(toks[v:ve]) in cfg.clause_verbs
        if not (clause_verb or marked or first[:1].isupper() or first[:1].isdigit()):
            return None  # "chia sẻ ý tưởng này ...": an object, not a statement
        text = an.text[an.spans[k][0] :].strip()
        if len(text.split()) < cfg.min_words:
            return None
        return key, surface or "", text
    return None


def find_quotes(article: Article) -> list[Quote]:
    """Direct quotes and indirect statements of an article, in reading order."""
    cfg = speech_config()
    by_para: dict[int, list[tuple[int, Sentence]]] = {}
    for k, s in enumerate(article.sentences):
        by_para.setdefault(s.para, []).append((k, s))
    mentions: dict[int, list[Mention]] = {}
    for m in article.mentions:
        mentions.setdefault(m.sentence, []).append(m)
    found: list[tuple[int, int, Quote]] = []
    last_per: list[str] = []
    last_q: tuple[int, tuple[str | None, str | None]] | None = None
    roles: list[tuple[str, str]] = []  # (person key, title) in reading order
    for p, sents in sorted(by_para.items()):
        if p >= len(article.paragraphs):
            continue
        para = article.paragraphs[p]
        text = para.text
        spans = paragraph_quotes(text)
        singles = [s for s in _single_quotes(text) if not any(a <= s[0] < b for a, b in spans)]
        pa = _Para(text, sents, mentions, spans + singles)
        for qs, qe in spans + singles:
            inner = text[qs + 1 : qe - 1 if text[qe - 1] in "”\"»’" else qe].strip()
            words = inner.split()
            if len(words) < cfg.min_words:
                continue
            if sum(w[:1].isupper() for w in words) > 0.6 * len(words) and not any(
                c in inner for c in ".!?,"
            ):
                continue  # “Tịnh thất Bồng Lai - Thiền am bên bờ vũ trụ”: a name or a title
            speaker = None
            k_at = None  # the sentence whose frame named the speaker
            end_at = pa.sentence_at(qe - 1)
            if end_at is not None:
                k, s = end_at
                k_at = k
                an = pa.an[k]
                t0 = an.tok_at(qe - s.start)
                speaker = _speaker_after(an, t0, last_per + _pers(pa, k))
            if speaker is None or speaker == (None, None):
                start_at = pa.sentence_at(qs)
                if start_at is not None:
                    k, s = start_at
                    k_at = k
                    an = pa.an[k]
                    speaker = _speaker_pre(an, an.tok_at(qs - s.start),
                                           last_per + _pers(pa, k))
            if (speaker is None or speaker == (None, None)) and last_q is not None and (
                not text[:qs].strip() or last_q[0] == p
            ) and p - last_q[0] <= 1:
                speaker = last_q[1]  # the quote goes on: '"...," X nói. "..."' / next paragraph
            if speaker is None or speaker == (None, None):
                continue  # a title, a slogan or a term: nobody is said to say it
            if speaker[0] is None and speaker[1]:
                speaker = (_by_title(speaker[1], roles) or _described(speaker[1], pa, k_at), speaker[1])
            if (qs, qe) in singles and speaker[0] is None:
                continue
            found.append((para.line, qs, Quote("", speaker[0], speaker[1], inner, True,
                                               article.id, para.line)))
            last_q = (p, speaker)
        for k, s in sents:
            if any(a < s.start + len(s.text) and s.start < b for a, b in spans):
                continue
            if s.text.rstrip().endswith("?"):
                continue
            got = _indirect(pa.an[k], last_per + _pers(pa, k))
            if got is not None:
                key, surface, stmt = got
                found.append((para.line, s.start, Quote("", key, surface, stmt, False,
                                                        article.id, para.line)))
        if text.rstrip().endswith(":") and sents:  # '... Lê Thị Thu Hằng cho biết:' then quotes
            k, s = sents[-1]
            an = pa.an[k]
            frame = _speaker_pre(an, len(an.toks) - 1, last_per + _pers(pa, k))
            if frame is not None and frame != (None, None):
                last_q = (p, frame)
        last_per += _pers(pa, None)
        for k, _s in sents:
            roles += [(m.key, fold(m.role)) for m in mentions.get(k, []) if m.type == "PER" and m.role]
    found.sort(key=lambda x: (x[0], x[1]))
    out = []
    for n, (_line, _pos, q) in enumerate(found):
        q.id = f"{article.id}-q{n}"
        out.append(q)
    return out


def _by_title(surface: str, roles: list[tuple[str, str]]) -> str | None:
    """"Bộ trưởng cho biết" -> the last person introduced with that title."""
    words = fold(surface).split()
    if not words or not all(w in resources().title_words for w in words):
        return None
    title = " ".join(words)
    for key, role in reversed(roles):
        if title in role:
            return key
    return None


def _described(surface: str, pa: _Para, k: int | None) -> str | None:
    """"chuyên gia cảnh báo", "Nữ diễn viên viết:": the last person the paragraph named as
    a subject up to the quote's sentence, for a speaker named by a description only."""
    words = fold(surface).split()
    if words and words[-1] in ("này", "ấy"):
        words = words[:-1]
    if k is None or " ".join(words) not in speech_config().descriptions:
        return None
    pers = _pers(pa, k + 1)
    return pers[-1] if pers else None


def _pers(pa: _Para, upto: int | None) -> list[str]:
    """Persons in subject position in the paragraph's sentences before sentence ``upto``
    (what "ông", "nhà lãnh đạo này" most likely refer to)."""
    out: list[str] = []
    for k, _s in pa.sents:
        if upto is not None and k >= upto:
            break
        out += subject_persons(pa.an[k])
    return out
