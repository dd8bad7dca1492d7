"""Words of a sentence with character offsets, built from the underthesea tokens.

underthesea joins the syllables of a word with "_" ("Bình_Nhưỡng", "Sin_Hong-chol"); in
Vietnamese writing a proper name capitalises the first syllable of each *word*
("Bộ Tài nguyên", "Hội đồng Bảo an"), so capitalisation is read per word, not per syllable.
The tokens are aligned back onto the sentence text so every word keeps exact offsets; if
they cannot be aligned (or are missing) each syllable becomes a word of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from thoisu.text import fold_word

_SYL = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*|[^\w\s]")
# Vietnamese syllable shape on the accent-stripped, lower-cased form
_VN_SYL = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$"
)
_VN_MARKS = set("ăâêôơưđ")
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di", "du", "dos", "das", "del", "ul"}


@dataclass(slots=True)
class Syl:
    start: int
    end: int
    text: str
    fold: str
    cap: bool  # capitalised, or the lower-case tail of a hyphenated name ("Hong-chol")
    hy: bool = False  # joined to the previous syllable by a hyphen


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    sylls: list[Syl] = field(default_factory=list)
    fold: str = ""
    cap: bool = False  # proper-name capitalisation
    allcaps: bool = False  # acronym: "KCNA", "HĐBA"
    punct: bool = False
    num: bool = False
    initial: bool = False  # first word of the sentence or after an opening quote/colon


def _strip(s: str) -> str:
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c)).lower()


def is_vietnamese_syllable(s: str) -> bool:
    """Could this syllable be Vietnamese? ("jong", "chol", "putin" cannot)."""
    low = s.lower()
    if any(c in _VN_MARKS for c in low):
        return True
    return bool(_VN_SYL.match(_strip(low)))


@lru_cache(maxsize=200_000)
def _syllable_parts(text: str) -> tuple[tuple[int, int, str, str, bool, bool], ...]:
    # cached by word: a word's syllables do not depend on where it stands
    out: list[tuple[int, int, str, str, bool, bool]] = []
    hy = False
    for m in _SYL.finditer(text):
        t = m.group(0)
        if t == "-" and out and m.start() > 0 and m.end() < len(text) and not text[m.start() - 1].isspace() and not text[m.end()].isspace():
            hy = True  # word-internal hyphen ("Hong-chol"): split, keep no token
            continue
        cap = t[:1].isupper() or (hy and out[-1][4] and t[:1].islower())
        out.append((m.start(), m.end(), t, fold_word(t), cap, hy))
        hy = False
    return tuple(out)


def _syllables(text: str, offset: int) -> list[Syl]:
    parts = _syllable_parts(text) if len(text) <= 40 else _syllable_parts.__wrapped__(text)  # words, not tails
    return [Syl(offset + a, offset + b, t, f, cap, hy) for a, b, t, f, cap, hy in parts]


def make_word(text: str, sylls: list[Syl], start: int, end: int) -> Word:
    w = Word(start=start, end=end, text=text, sylls=sylls)
    w.fold = " ".join(s.fold for s in sylls)
    first = sylls[0].text if sylls else text
    w.punct = bool(sylls) and len(sylls) == 1 and not first[0].isalnum()
    w.num = first[:1].isdigit()
    # str.isupper first: it is rarely true, and a list of the letters of every word was
    # a tenth of finding mentions
    w.allcaps = text.isupper() and sum(c.isalpha() for c in text) >= 2 and all(
        c.isupper() for c in text if c.isalpha())
    if sylls and not w.punct and not w.num:
        w.cap = sylls[0].cap or (
            sylls[0].fold in _NAME_PARTICLES and any(s.cap for s in sylls[1:])
        )
    return w


@lru_cache(maxsize=100_000)
def _word_shape(text: str) -> tuple[tuple[tuple[int, int, str, str, bool, bool], ...], str, bool, bool, bool, bool]:
    # a word's syllables, fold and capitalisation follow from its text alone: computed
    # once per distinct word, not at each of its occurrences
    w = make_word(text, _syllables(text, 0), 0, len(text))
    parts = tuple((x.start, x.end, x.text, x.fold, x.cap, x.hy) for x in w.sylls)
    return parts, w.fold, w.cap, w.allcaps, w.punct, w.num


def _word_at(text: str, start: int, end: int) -> Word | None:
    if len(text) > 40:  # not a word: a tail that failed to align; not worth caching
        sylls = _syllables(text, start)
        return make_word(text, sylls, start, end) if sylls else None
    parts, fold, cap, allcaps, punct, num = _word_shape(text)
    if not parts:
        return None
    sylls = [Syl(start + a, start + b, t, f, c, hy) for a, b, t, f, c, hy in parts]
    return Word(start=start, end=end, text=text, sylls=sylls, fold=fold, cap=cap,
                allcaps=allcaps, punct=punct, num=num)


_OPENERS = {'"', "“", "‘", "'", "(", "[", ":", "-", "–", "—", "«", ".", "!", "?", "…", ";"}


def sentence_words(text: str, tokens: list[str]) -> list[Word]:
    """Words of ``text`` with offsets, following ``tokens`` where they align."""
    words: list[Word] = []
    cursor = 0
    ok = bool(tokens)
    if ok:
        for tok in tokens:
            surface = tok.replace("_", " ")
            pos = text.find(surface, cursor)
            if pos < 0 or text[cursor:pos].strip():
                # underthesea may re-space a token; try the syllables one by one
                pieces = tok.split("_")
                pos = text.find(pieces[0], cursor)
                if pos < 0 or text[cursor:pos].strip():
                    ok = False
                    break
                end = pos
                for p in pieces:
                    q = text.find(p, end)
                    if q < 0 or text[end:q].strip():
                        ok = False
                        break
                    end = q + len(p)
                if not ok:
                    break
            else:
                end = pos + len(surface)
            piece = text[pos:end]
            w = _word_at(piece, pos, end)
            if w is not None:
                words.append(w)
            cursor = end
        if ok and text[cursor:].strip():
            ok = False
    if not ok:  # fall back: one word per syllable after what aligned
        tail = text[cursor:] if words else text
        base = cursor if words else 0
        for s in _syllables(tail, base):
            words.append(make_word(s.text, [s], s.start, s.end))
    prev_open = True
    for w in words:
        w.initial = prev_open
        prev_open = w.punct and w.text in _OPENERS
    return words
