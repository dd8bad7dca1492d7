"""Find actor mentions in one sentence: dictionary look-up, titles and honorifics, and
capitalised-word runs typed by the words around them.

One left-to-right pass over the words of a sentence (see ``words.py``), in this order at
each word: a dictionary actor (longest alias), a title ("Thứ trưởng Ngoại giao"), an
honorific ("ông", "bà"), else a run of capitalised words. A title or honorific opens a
short window in which the next capitalised run is a person; countries and organisations
met inside the window give the person's country ("Thứ trưởng Ngoại giao Triều Tiên Sin
Hong-chol" -> PER Sin Hong-chol, role "Thứ trưởng Ngoại giao", country PRK). Runs with no
such context are typed by their head word ("Bộ", "Hội đồng" -> ORG; "tỉnh", "tại" -> GPE),
by name shape (a Vietnamese surname, or syllables that cannot be Vietnamese -> PER), or
dropped. Capitals and seats of power stand for their state (key ``GPE:<ISO3>``) unless a
locative word ("tại", "ở", "đến", "thủ đô") makes them the place itself (key
``GPE:<ISO3>:<city>``, or ``LOC:<ISO3>:<seat>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from thoisu.actors.dictionary import Dictionary, Entry, load, person_key
from thoisu.actors.shape import shape_type
from thoisu.actors.words import Word, is_vietnamese_syllable, make_word, sentence_words
from thoisu.models import Mention, Sentence
from thoisu.text import fold

ROLE_WINDOW = 7
_PARTICLES = {"van", "der", "von", "de", "da", "di", "du", "al", "bin", "ibn", "la", "le", "dos", "del"}  # words after a title in which its holder's name may appear


@dataclass(slots=True)
class _Role:
    text: str
    start: int  # char offset of the title
    country: str | None
    budget: int  # words left in the window


@dataclass(slots=True)
class _Prefixes:
    gaz: set[tuple[str, ...]]
    titles: set[tuple[str, ...]]


@lru_cache(maxsize=1)
def _prefixes() -> _Prefixes:
    d = load()

    def pref(keys) -> set[tuple[str, ...]]:
        out = set()
        for k in keys:
            for i in range(1, len(k) + 1):
                out.add(k[:i])
        return out

    return _Prefixes(pref(d.gazetteer), pref(d.titles))


def _match(words: list[Word], k: int, table: dict, prefixes: set) -> tuple[int, tuple[str, ...], list[bool], bool] | None:
    """Longest entry of ``table`` starting at word k and ending at a word end:
    (end word index exclusive, folded key, capitalisation of each syllable, all upper)."""
    w = words[k]
    if not w.sylls or (w.sylls[0].fold,) not in prefixes:
        return None  # most words start no entry: one lookup, no key built
    best = None
    key: tuple[str, ...] = ()
    caps: list[bool] = []
    upper = True
    for j in range(k, min(len(words), k + 12)):
        w = words[j]
        if w.punct and w.text not in ("-", "–", ".", "&"):
            break
        if w.text in ("-", "–") and j > k:
            continue  # "Bà Rịa - Vũng Tàu": a spaced hyphen is no syllable of the key
        for s in w.sylls:
            key = key + (s.fold,)
            caps.append(s.cap)
        upper = upper and (w.allcaps or w.punct)
        if key not in prefixes:
            break
        if key in table:
            best = (j + 1, key, list(caps), upper)
    return best


def _split_word(w: Word, at: int) -> list[Word]:
    a, b = w.sylls[:at], w.sylls[at:]
    return [make_word(w.text[: a[-1].end - w.start], a, w.start, a[-1].end),
            make_word(w.text[b[0].start - w.start:], b, b[0].start, w.end)]


def _tail_is_word(d: Dictionary, sylls: list, in_org: bool) -> bool:
    """Is this lower-case tail a word of its own (a known compound, or a syllable that is
    function word, or starting with a syllable hardly ever capitalised: "tại", "nhắc")?"""
    f = " ".join(s.fold for s in sylls)
    if f in d.vocab or f in d.lex["function_words"]:
        return True
    # a syllable almost never capitalised mid-sentence ("Un_duyệt", "Obama_nhắc"), except
    # right after an organisation's head word, where "Viện Kiểm_sát" is one name
    return not in_org and d.caps_stats.get(sylls[0].fold, 1.0) <= 0.1


def _head_rest(d: Dictionary, prev: Word, w: Word) -> int:
    """How many leading syllables of lower-case ``w``, which holds a capital further on,
    complete an organisation's head word that ``prev`` (one capitalised syllable) begins
    ("Ủy" + "ban_Thường_vụ_Quốc_hội": 1); 0 if none."""
    sy = w.sylls
    if len(prev.sylls) != 1 or not prev.sylls[0].cap or prev.punct or len(sy) < 2:
        return 0
    q = next((i for i, s in enumerate(sy) if s.cap), 0)
    head = (prev.sylls[0].fold, *(s.fold for s in sy[:q]))
    return q if 0 < q <= 2 and head in d.lex_tuples["org_heads"] else 0


def _split_mixed(d: Dictionary, w: Word, in_org: bool = False) -> int:
    """Where to cut a word glued across a name boundary (0: keep it whole)."""
    sy = w.sylls
    if sy[0].text.isupper() and sy[0].fold in d.lex["not_acronyms"] and sy[1].cap and (
            (sy[1].fold,) in d.lex_tuples["org_heads"] or tuple(s.fold for s in sy[1:3]) in d.lex_tuples["org_heads"]):
        return 1  # "CBCS_Phòng": staff of, then the organisation
    head = 0
    key: tuple[str, ...] = ()
    for i, s in enumerate(sy[:-1]):
        key = key + (s.fold,)
        if key in d.lex_tuples["org_heads"] and sy[i + 1].cap:
            head = i + 1
    if head:
        return head  # "Viện_Kinh_tế_học": the organisation's head word, then its name
    p = 0
    while p < len(sy) and sy[p].cap:
        p += 1
    if not 0 < p < len(sy):
        return 0
    if all(not s.cap for s in sy[p:]):
        # capitals then lower case: the last capital starts a word ("Đảng_Dân_chủ"), or
        # the tail is a word of its own ("Kim_dự_kiến", "Seoul_áp_đặt")
        if p >= 2 and " ".join(s.fold for s in sy[p - 1:]) in d.vocab:
            return p - 1
        if w.fold not in d.vocab and _tail_is_word(d, sy[p:], in_org):
            return p
        if in_org and w.fold not in d.vocab and not all(is_vietnamese_syllable(s.text) for s in sy[:p]) \
                and all(is_vietnamese_syllable(s.text) for s in sy[p:]):
            return p  # "tờ" + "Independent_đăng": a foreign name is not continued by a Vietnamese verb
        if w.fold not in d.vocab and any(
                e.kind == "country" for e in d.gazetteer.get(tuple(s.fold for s in sy[:p]), ())):
            return p  # "Mỹ_tặng" (Việt Nam): a country's name is whole, the verb is not in it
        if p >= 3 and not in_org:
            return p  # a full name never ends in lower case: "Trần_Văn_Bình_lĩnh" (5 năm tù)
        return 0
    q = p
    while q < len(sy) and not sy[q].cap:
        q += 1
    if q < len(sy) and " ".join(s.fold for s in sy[:q]) in d.vocab:
        return q  # a real word, then a name: "Lãnh_thổ_Primorsky"
    return 0


def _title_rest(d: Dictionary, before: list[Word], sy: list) -> int:
    """How many leading lower-case syllables of ``sy``, which holds a capital further on,
    complete a title that the words before it begin ("Đức" + "Pháp" + "chủ_Giáo_hội": 1);
    0 if none."""
    q = next((i for i, s in enumerate(sy) if s.cap), 0)
    if not q or not before or not before[-1].cap:
        return 0
    tail = tuple(s.fold for s in sy[:q])
    head: tuple[str, ...] = ()
    for w in reversed(before[-3:]):
        if w.punct:
            break
        head = tuple(s.fold for s in w.sylls) + head
        if head + tail in d.titles:
            return q
    return 0


def _segment(d: Dictionary, pre: _Prefixes, seq: list[Word]) -> list[Word]:
    """Re-cut a run of fully capitalised words on dictionary boundaries: word_tokenize
    glues "Bắc_Triều" + "Tiên_Kim_Jong" + "Un"; this gives "Bắc Triều Tiên" + "Kim Jong Un".
    A one-syllable entry (a country such as "Anh") is taken only at the start of the run or
    where the tokenizer had it alone, so "Thái Anh Văn" stays one name."""
    sylls = [s for w in seq for s in w.sylls]
    alone = {w.sylls[0].start for w in seq if len(w.sylls) == 1}
    starts = {w.sylls[0].start for w in seq}
    groups: list[list] = []
    cur: list = []
    i = 0
    while i < len(sylls):
        best = 0
        if not sylls[i].hy or sylls[i].text[0].isupper():  # "Triều Tiên-Trung Quốc", not "Hong-chol"
            key: tuple[str, ...] = ()
            for j in range(i, min(len(sylls), i + 10)):
                key = key + (sylls[j].fold,)
                if key not in pre.gaz and key not in pre.titles:
                    break
                if (key in d.gazetteer or key in d.titles) and not (
                        j + 1 < len(sylls) and sylls[j + 1].hy and sylls[j + 1].text[0].islower()):
                    best = j + 1 - i
        if best == 1 and not (i == 0 or sylls[i].start in alone or sylls[i].text.isupper()):
            best = 0
        if best:
            if cur:
                groups.append(cur)
            groups.append(sylls[i:i + best])
            cur = []
            i += best
        else:
            if cur and sylls[i].start in starts:
                groups.append(cur)  # keep the tokenizer's cut between two other words
                cur = []
            cur.append(sylls[i])
            i += 1
    if cur:
        groups.append(cur)
    text_of = {w.start: w for w in seq}
    out = []
    base = seq[0]
    src = "".join(w.text if k == 0 else " " * (w.start - seq[k - 1].end) + w.text for k, w in enumerate(seq))
    for g in groups:
        a, b = g[0].start - base.start, g[-1].end - base.start
        nw = make_word(src[a:b], g, g[0].start, g[-1].end)
        nw.initial = g[0].start in text_of and text_of[g[0].start].initial
        out.append(nw)
    return out


def _join_compounds(d: Dictionary, words: list[Word]) -> list[Word]:
    """Without underthesea's words (sentences made with words=False), join syllables into
    the compounds known from the word statistics ("Tài" + "nguyên"), longest first, so a
    name capitalised per word ("Bộ Tài nguyên") still reads as one run."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        best = 1
        for n in (3, 2):
            part = words[i:i + n]
            if len(part) == n and all(len(w.sylls) == 1 and not w.punct for w in part) \
                    and all(not w.cap for w in part[1:]) and " ".join(w.fold for w in part) in d.vocab:
                best = n
                break
        if best == 1:
            out.append(words[i])
        else:
            part = words[i:i + best]
            sylls = [w.sylls[0] for w in part]
            nw = make_word(" ".join(w.text for w in part), sylls, part[0].start, part[-1].end)
            nw.initial = part[0].initial
            out.append(nw)
        i += best
    return out


def _resplit(d: Dictionary, pre: _Prefixes, words: list[Word]) -> list[Word]:
    """Undo word_tokenize's gluing across name boundaries ("Kim_dự_kiến" -> "Kim" +
    "dự kiến"; "Triều_Tiên_Kim_Jong" -> "Triều Tiên" + "Kim Jong"; "Đại_sứ_Burmistrov" ->
    "Đại sứ" + "Burmistrov")."""
    split: list[Word] = []
    stack = list(reversed(words))
    org_heads, strict, honorifics = d.lex["org_heads"], d.lex["strict_honorifics"], d.lex["honorifics"]
    while stack:
        w = stack.pop()
        sy = w.sylls
        if len(sy) < 2:  # one syllable: nothing to cut (the usual case, checked first)
            split.append(w)
            continue
        q = _head_rest(d, split[-1], w) if not sy[0].cap and split else 0
        if q:
            # "Ủy" + "ban_Thường_vụ_Quốc_hội": the tokenizer cut an organisation's head
            # word at a sentence's start; the head is put together again
            prev = split.pop()
            head = sy[:q]
            split.append(make_word(prev.text + " " * (head[0].start - prev.end) + w.text[: head[-1].end - w.start],
                                   [*prev.sylls, *head], prev.start, head[-1].end))
            split[-1].initial = prev.initial
            rest = _split_word(w, q)[1]
            rest.initial = False
            stack.append(rest)
            continue
        if sy[-1].text == "." and tuple(x.fold for x in sy[:-1]) in d.gazetteer:
            first, rest = _split_word(w, len(sy) - 1)  # "TP.HCM." at a sentence's end: the place, then its stop
            stack.append(rest)
            split.append(first)
            continue
        if len(sy) > 2 and sy[1].text == "." and len(sy[0].text) == 1 and sy[0].cap \
                and sy[2].fold in d.lex["not_names"] and len(sy) == 3:
            # "L._Vì": an initial whose dot ended the sentence, glued to the next one's first word
            first, rest = _split_word(w, 2)
            rest.initial = True
            stack.append(rest)
            split.append(first)
            continue
        in_org = bool(split) and split[-1].fold in org_heads
        cut = _split_mixed(d, w, in_org) if not w.punct and sy[0].cap else 0
        if not cut and not sy[0].cap and not w.punct:
            cut = _title_rest(d, split, sy)  # "Đức" + "Pháp" + "chủ_Giáo_hội": a title, then a name
        if not cut and sy[1].cap and all(s.cap for s in sy[1:]) and (
                sy[0].fold in strict or (not sy[0].cap and sy[0].fold in honorifics)):
            cut = 1  # "ông_Kim"; "Bà_Thái_Anh_Văn" (never a name's first syllable)
        if cut:
            first, rest = _split_word(w, cut)
            rest.initial = False
            stack.append(rest)
            stack.append(first)
        else:
            split.append(w)
    out: list[Word] = []
    seq: list[Word] = []
    for w in [*split, None]:
        if (w is not None and w.sylls and w.sylls[0].cap and not w.punct and not w.num
                and all(s.cap for s in w.sylls) and w.fold not in honorifics):
            seq.append(w)
            continue
        if seq:
            if len(seq) > 1 or len(seq[0].sylls) > 1:
                out.extend(_segment(d, pre, seq))
            else:
                out.extend(seq)
            seq = []
        if w is not None:
            out.append(w)
    return out


def _in(d: Dictionary, name: str, words: list[Word], k: int) -> int:
    """Length in words of the longest phrase of list ``name`` starting at word k (0 if none)."""
    sylls = words[k].sylls if k < len(words) else None
    if sylls and sylls[0].fold not in d.lex_first[name]:
        return 0  # no phrase of the list starts with this syllable
    table = d.lex_tuples[name]
    key: tuple[str, ...] = ()
    best = 0
    for j in range(k, min(len(words), k + 5)):
        key = key + tuple(s.fold for s in words[j].sylls)
        if key in table:
            best = j + 1 - k
    return best


def _ends_with(d: Dictionary, name: str, words: list[Word], end: int) -> bool:
    """Does a phrase of list ``name`` end just before word ``end``?"""
    table = d.lex_tuples[name]
    key: tuple[str, ...] = ()
    for j in range(end - 1, max(-1, end - 4), -1):
        key = tuple(s.fold for s in words[j].sylls) + key
        if key in table:
            return True
    return False


def _is_common(d: Dictionary, w: Word) -> bool:
    """A capitalised word that is usually an ordinary word (sentence-initial "Theo", "Ngày")."""
    if w.fold in d.lex["not_names"]:
        return True
    share = d.caps_stats.get(w.fold)
    if share is not None:
        return share < 0.5
    # unseen: Vietnamese-looking words are ordinary words at sentence start, unless they
    # start with a surname ("Nguyễn Văn An")
    if len(w.sylls) > 1 and w.sylls[0].fold in d.lex["vn_surnames"]:
        return False
    return all(is_vietnamese_syllable(s.text) for s in w.sylls)


def _state_entry(d: Dictionary, iso: str) -> tuple[str, str, str]:
    return f"GPE:{iso}", d.country_names.get(iso, iso), "GPE"


def _mention(words: list[Word], a: int, b: int, typ: str, key: str, name: str, si: int,
             sent: Sentence, country: str | None = None, role: str | None = None) -> Mention:
    start, end = words[a].start, words[b - 1].end
    return Mention(text=sent.text[start:end], type=typ, key=key, sentence=si, start=start, end=end,
                   line=sent.line, name=name, country=country, role=role)


def _person_name(words: list[Word], a: int, b: int, sent: Sentence) -> str:
    return sent.text[words[a].start:words[b - 1].end]


def org_key(name: str) -> str:
    """The key of an organisation the dictionary does not know: its folded name."""
    return "ORG:" + fold(name.replace("-", " "))


def _dot_ends(d: Dictionary, prev: Word, w: Word) -> bool:
    """Does the dot of a short abbreviation ("TP.") also end the sentence, the next word
    being an ordinary word written with a capital ("Theo", "Cụ thể")?"""
    return prev.text.endswith(".") and len(prev.text) <= 5 and (
        w.fold in d.lex["not_names"] or d.caps_stats.get(w.fold, 1.0) < 0.5)


def _run_end(d: Dictionary, words: list[Word], k: int, pre: _Prefixes) -> int:
    """End (exclusive) of the run of capitalised words starting at k."""
    j = k + 1
    while j < len(words):
        w = words[j]
        if not w.cap or w.punct:
            if _glued_joiner(d, w) and 0 < _in(d, "org_heads", words, k) < j - k:
                j += 1  # "Bộ Nông nghiệp" + "và_Phát_triển_nông_thôn": the tokenizer's one word
                continue
            # a dash between two halves of one agency's name ("Viện Huyết học - Truyền máu
            # Trung ương"), unless another body or a place starts after it ("Bộ Y tế - Bộ Tài chính")
            if w.text in ("-", "–") and j + 1 < len(words) and words[j + 1].cap \
                    and 0 < _in(d, "org_heads", words, k) < j - k and not _in(d, "org_heads", words, j + 1) \
                    and not _match(words, j + 1, d.gazetteer, pre.gaz) and not words[j + 1].allcaps \
                    and words[j - 1].end == w.start - 1 and words[j + 1].start == w.end + 1:
                j += 1
                continue
            # a lower-case joiner between capitalised words of one name
            if j + 1 < len(words) and words[j + 1].cap and (
                    (w.fold in ("và", "&", "of", "and", "for", "the") and 0 < _in(d, "org_heads", words, k) < j - k
                     and not (w.fold in ("và", "&") and _in(d, "org_heads", words, j + 1)))  # "Bộ Y tế và Sở Y tế": two
                    or w.fold in _PARTICLES):
                j += 1
                continue
            break
        g = _match(words, j, d.gazetteer, pre.gaz)
        if g and j == k + 1 and len(words[k].sylls) == 1 and words[k].fold in d.lex["vn_surnames"] \
                and len(g[1]) == 2 and all(e.kind == "city" for e in d.gazetteer[g[1]]) and g[0] - k <= 4:
            j = g[0]  # "Nguyễn Hải Nam": a surname before a place's name makes a person's name
            continue
        if g or (_match(words, j, d.titles, pre.titles) and _in(d, "org_level_bodies", words, k) <= j - k):
            break  # (a title's words inside a body's name go on: "Ban" + "Chỉ huy Quân sự")
        if d.lex["honorifics"] and w.fold in d.lex["honorifics"]:
            break
        if _dot_ends(d, words[j - 1], w):
            w.initial = True  # "HĐND TP. Theo đó": the abbreviation's dot also ended the sentence
            break
        j += 1
    while j > k + 1 and words[j - 1].text in ("-", "–"):
        j -= 1  # a dash taken over to a word that then ended the run
    return j


def _glued_joiner(d: Dictionary, w: Word) -> bool:
    """A word glued by the tokenizer from a joiner and the capitalised second half of an
    organisation's name ("và_Phát_triển_nông_thôn", "và_Đào_tạo")."""
    return len(w.sylls) > 1 and w.sylls[0].fold in d.lex["org_name_joiners"] and w.sylls[1].cap


def _numbered_level(d: Dictionary, words: list[Word], k: int) -> str:
    """The level of a district or ward named by its number ("quận" + "3", "Q." + "12"), else ""."""
    if k + 1 >= len(words) or not words[k + 1].text.isdigit() or len(words[k + 1].text) > 2:
        return ""
    w = words[k]
    if w.fold in d.lex["numbered_levels"]:
        return w.fold
    if w.text.endswith(".") and len(w.sylls) == 2 and w.sylls[0].fold in d.lex["unit_abbreviations"]:
        return next((lv for lv in sorted(d.lex["numbered_levels"]) if lv[0] == w.sylls[0].fold), "")
    return ""


def _cap_run(words: list[Word], k: int) -> int:
    """The end of the run of capitalised words from k."""
    b = k + 1
    while b < len(words) and words[b].cap and not words[b].punct:
        b += 1
    return b


def _joined_syllable(d: Dictionary, words: list[Word], j: int, pre: _Prefixes) -> bool:
    """Is words[j] a capitalised Vietnamese syllable that goes on the name before it (no
    surname, given name, place, title or head of its own: "Nga" + "Sơn", not "Mỹ" + "Barack")?"""
    if j >= len(words) or not words[j].cap or words[j].punct or words[j].allcaps:
        return False
    s = words[j].sylls[0]
    return is_vietnamese_syllable(s.text) and s.fold not in d.lex["vn_surnames"] \
        and s.fold not in d.lex["given_names"] and s.fold not in d.lex["honorifics"] \
        and not _match(words, j, d.gazetteer, pre.gaz) and not _match(words, j, d.titles, pre.titles) \
        and not any(_in(d, h, words, j) for h in ("org_heads", "gpe_heads", "loc_heads"))


def _comma_lead(d: Dictionary, words: list[Word], j: int) -> int:
    """A field lead written with a comma inside ("phòng, chống" for "phòng chống"): its words."""
    if j + 2 < len(words) and words[j + 1].text == "," and not words[j + 2].cap \
            and f"{words[j].fold} {words[j + 2].fold}" in d.lex["org_field_leads"]:
        return 3
    return 0


def _syllables(words: list[Word], a: int, b: int) -> int:
    return sum(len(w.sylls) for w in words[a:b])


def _glued_level(d: Dictionary, w: Word) -> str:
    """The level whose letter is glued to a name ("P.Bến", "Q.Gò"; not initials "P.T.A"), else ""."""
    t = w.text
    if len(t) < 4 or t[1] != "." or not t[2].isupper() or "." in t[2:] or t[0].islower():
        return ""
    return next((lv for lv in sorted(d.lex["numbered_levels"]) if lv[0] == fold(t[0])
                 and fold(t[0]) in d.lex["unit_abbreviations"]), "")


def _unit_number(d: Dictionary, words: list[Word], b: int) -> int:
    """Words of a unit number right after an organisation's name ("Đội CSGT" + "số 4",
    "Đội" + "2"): 0 if none. Short numbers only, so years and amounts stay out."""
    j = b
    if j < len(words) and words[j].fold in d.lex["unit_number_words"]:
        j += 1
    if j < len(words) and words[j].num and words[j].text.isdigit() and len(words[j].text) <= 2 \
            and not (j + 1 < len(words) and words[j + 1].fold in d.lex["unit_number_stops"]):
        return j + 1 - b
    return 0


def _classify(d: Dictionary, words: list[Word], a: int, b: int, role: _Role | None,
              honorific: bool) -> str | None:
    """Type of the capitalised run words[a:b], or None when it is not a name."""
    sylls = [s for w in words[a:b] for s in w.sylls if s.text[0].isalnum()]
    if not sylls or any(c.isdigit() for s in sylls for c in s.text):
        return None  # "Hwasong-15", "MS 804": models and numbers, not actors
    if words[a].fold in d.lex["false_heads"]:
        return None  # "Hội chứng Ramsay Hunt", "Hội thảo ...": a thing or a happening
    if b - a == 1 and _INITIALS.match(words[a].text) and not (a > 0 and _ends_with(d, "org_heads", words, a)) and (
            sum(c.isalpha() for c in words[a].text) >= 3
            or (a > 0 and words[a - 1].fold in d.lex["honorifics"] and "." in words[a].text[:-1])):
        return "PER"  # "Đ.V.H", "T.Q.V.", "chị N.B": a person cut to initials, as crime reports do
    head = _in(d, "org_heads", words, a)
    if head and len(sylls) in (3, 4) and sylls[0].fold in d.lex["vn_surnames"] \
            and sylls[1].fold in d.lex["vn_middle_names"] and all(s.cap and is_vietnamese_syllable(s.text) for s in sylls):
        return "PER"  # "Đoàn Văn Chuyên", "Đoàn Thị Hồng": a surname that is also a head word, then a middle name
    if head and (b - a > head or _place_at(d, words, b)):
        if head == b - a and words[a].fold in d.lex["state_heads"]:
            return None  # "Chính phủ Mỹ" is the state itself: the country is the mention
        return "ORG"
    run = " ".join(w.fold for w in words[a:b])
    if run in d.lex["legislatures"]:
        return "ORG"
    if _aged(words, b):
        return "PER"  # "O.C.Đ. (26 tuổi)", "Bùi Văn Hải (32 tuổi)"
    acronym = b - a == 1 and words[a].allcaps and len(words[a].sylls) == 1  # not "NGUYỄN VĂN NÊN"
    if honorific and not acronym:
        return "PER"
    if run in d.lex["not_names"] or run in d.lex["org_heads"] or run in d.lex["org_suffixes"]:
        return None
    if b - a == 1 and len(sylls) == 1 and d.caps_stats.get(run, 1.0) < 0.3:
        return None  # an ordinary word written with a capital
    if a > 0 and _ends_with(d, "org_heads", words, a) and not words[a - 1].cap \
            and words[a - 1].fold not in d.lex["verb_heads"]:
        return "ORG"  # "đảng Dân tiến", "bộ Ngoại giao" (not "tổ chức Đại hội": to hold)
    if role is not None and not acronym:
        for heads, typ in (("gpe_heads", "GPE"), ("loc_heads", "LOC")):
            head = _in(d, heads, words, a)
            if head and b - a > head:
                return typ  # "lãnh đạo TP Móng Cái": the place, not a person
            if a > 0 and not words[a - 1].cap and _ends_with(d, heads, words, a) \
                    and sylls[0].fold not in d.lex["vn_surnames"] \
                    and all(is_vietnamese_syllable(s.text) for s in sylls):
                return typ  # "lãnh đạo VKS huyện" + "Cái Nước" (not "Chủ tịch UBND tỉnh" + "Lê Văn A")
        if not any(not is_vietnamese_syllable(s.text) for s in sylls) and sylls[0].fold not in d.lex["vn_surnames"] \
                and all(_ordinary(d, w) for w in words[a:b]):
            return None  # "Ủy viên Trung ương Đảng": ordinary capitalised words, not a name
        return "PER"
    for heads, typ in (("gpe_heads", "GPE"), ("loc_heads", "LOC")):
        head = _in(d, heads, words, a)
        if head and b - a > head:
            return typ
    if words[b - 1].fold in d.lex["org_suffixes"] or sylls[-1].fold in d.lex["org_suffixes"]:
        return "ORG"  # "Goldman Sachs", "Oanda Corp"
    if a > 0:
        if _ends_with(d, "org_heads", words, a) and not words[a - 1].cap:
            return "ORG"
        if _ends_with(d, "gpe_heads", words, a):
            return "GPE"
        if _ends_with(d, "loc_heads", words, a):
            return "LOC"
    if b - a == 1 and words[a].allcaps:
        if words[a].fold in d.lex["not_acronyms"] or words[a].fold in d.lex["roman_numerals"]:
            return None
        return "ORG" if len(words[a].text) <= 10 else None
    if all(s.fold in d.lex["roman_numerals"] for s in sylls):
        return None
    if b - a == 1 and _MIXED_ACRONYM.match(words[a].text):
        return "ORG"  # "HoSE", "HoREA": an acronym written in mixed case
    foreign = not all(is_vietnamese_syllable(s.text) for s in sylls)
    if sylls[0].fold in d.lex["vn_surnames"] and 2 <= len(sylls) <= 4 and not foreign:
        return "PER"
    if not foreign and 2 <= len(sylls) <= 3 and a > 0 and _ends_with(d, "person_cues_before", words, a):
        return "PER"  # "trung vệ Ngọc Thịnh", "nghi phạm Văn Tú": a person's noun before a given name
    if b - a == 1 and len(sylls) == 1 and len(sylls[0].fold) > 5 and sylls[0].fold.endswith("bank"):
        return "ORG"  # "Sacombank", "Vietcombank": a bank's name
    if len(sylls) == 3 and sylls[1].fold in d.lex["vn_middle_names"] and not foreign:
        return "PER"  # "Vi Văn Thắng": the middle name says so, whatever the surname
    # "liên quan đến X": "đến" marks the verb's object, not a place
    locative = a > 0 and _ends_with(d, "locative_preps", words, a) and not _ends_with(d, "object_verbs", words, a)
    if foreign and len(sylls) > 1 and any(s.text.isupper() and len(s.text) > 1 and s.text.isalpha() for s in sylls):
        # "Global GAP", "IPS LCD", "Full HD": a word in capitals is no part of a person's name
        return None if locative or not _in(d, "person_cues_after", words, b) else "ORG"
    if foreign:
        if locative:
            return "GPE"
        if sylls[0].fold in d.lex["given_names"] and len(sylls) >= 2:
            return "PER"
        if _in(d, "person_cues_after", words, b) or _apposed_person(d, words, b) \
                or (a > 0 and _ends_with(d, "person_cues_before", words, a)) \
                or (b + 1 < len(words) and words[b].fold == "là" and _in(d, "person_cues_before", words, b + 1)):
            return "PER"  # "... cho biết", "bạn gái Ileana Salas", "Adele là nghệ sĩ"
        if len(sylls) < 2:
            return None  # one foreign word and no context: a weapon, a brand, a town...
        return shape_type(" ".join(w.text for w in words[a:b]))
    if locative and len(sylls) >= 2 and all(s.cap for s in sylls):
        return "GPE"
    return None


def _looks_like_person(d: Dictionary, w: Word) -> bool:
    """A single word that reads as a full personal name ("Valentyn Reznichenko")."""
    if len(w.sylls) < 2:
        return False
    return w.sylls[0].fold in d.lex["given_names"] or shape_type(w.text) == "PER"


def _aged(words: list[Word], b: int) -> bool:
    """An age or a home right after the run: "(26 tuổi)", ", 43 tuổi", "(SN 1988",
    "(ngụ ...", "(trú ..." (person_cues_bracket), as crime reports describe people."""
    if b + 1 < len(words) and words[b].text == "(" and words[b + 1].fold in load().lex[
            "person_cues_bracket"]:
        return True
    return b + 2 < len(words) and words[b].text in ("(", ",") and words[b + 1].num \
        and words[b + 2].fold == "tuổi"


def _apposed_person(d: Dictionary, words: list[Word], b: int) -> bool:
    """"Oleh Synehub, Thống đốc vùng Kharkiv", "Natalya Vovk, 43 tuổi": a title or an age
    after the comma."""
    if b + 1 >= len(words) or words[b].text != ",":
        return False
    if _match(words, b + 1, d.titles, _prefixes().titles):
        return True
    return b + 2 < len(words) and words[b + 1].num and words[b + 2].fold == "tuổi"


def _ordinary(d: Dictionary, w: Word) -> bool:
    """A word that is ordinarily not a name: a lower-case compound, a listed non-name, or
    a word seldom capitalised mid-sentence."""
    return w.fold in d.vocab or w.fold in d.lex["not_names"] or d.caps_stats.get(w.fold, 1.0) < 0.5


def _split_people(d: Dictionary, words: list[Word], a: int, b: int) -> int:
    """A second Vietnamese full name inside one capitalised run ("... Hồ Chí Minh Nguyễn
    Xuân Thắng"): where it starts (b if none)."""
    for j in range(a + 1, b):
        w = words[j]
        if j == a + 1 and len(words[a].sylls) == 1 and w.sylls[0].fold in d.lex["vn_middle_names"] \
                and all(s.cap for s in w.sylls):
            continue  # "Đoàn" + "Văn_Chuyên": a surname then the rest of its name, one person
        if len(w.sylls) >= 2 and w.sylls[0].fold in d.lex["vn_surnames"] and \
                all(is_vietnamese_syllable(s.text) for s in w.sylls):
            return j
    return b


def _country_at(d: Dictionary, words: list[Word], k: int) -> bool:
    """Does a country name start at word k?"""
    if k >= len(words):
        return False
    g = _match(words, k, d.gazetteer, _prefixes().gaz)
    return bool(g) and any(e.kind == "country" for e in d.gazetteer[g[1]])


def _nested_country(d: Dictionary, words: list[Word], a: int, b: int, sent: Sentence, si: int) -> list[Mention]:
    """The country at the end of an organisation's name ("Thượng viện Mỹ" -> "Mỹ"): a
    mention of its own, since the country is named there too."""
    for h in range(a + 1, b):
        g = _match(words, h, d.gazetteer, _prefixes().gaz)
        if g and g[0] == b:
            for e in d.gazetteer[g[1]]:
                if e.kind == "country" and e.case_ok(g[2], g[3]):
                    return [_mention(words, h, b, "GPE", e.key, e.name, si, sent, country=e.country)]
    return []


def _place_at(d: Dictionary, words: list[Word], k: int) -> bool:
    """Does a country, capital or city start at word k?"""
    if k >= len(words):
        return False
    g = _match(words, k, d.gazetteer, _prefixes().gaz)
    return bool(g) and any(e.kind in ("country", "capital", "city") and e.case_ok(g[2], g[3])
                           for e in d.gazetteer[g[1]])


def _mission_host(d: Dictionary, words: list[Word], a: int, end: int, pre: _Prefixes) -> tuple[int, Entry] | None:
    """A diplomatic mission's host country right after its name ("... tại Việt Nam")."""
    if not _in(d, "mission_heads", words, a) or end + 1 >= len(words) or words[end].fold != "tại":
        return None
    g = _match(words, end + 1, d.gazetteer, pre.gaz)
    if g:
        entry = _pick(d.gazetteer[g[1]], g[2], g[3], words, end + 1, g[0])
        if entry is not None and entry.kind == "country":
            return g[0], entry
    return None


def _nested_place(d: Dictionary, words: list[Word], a: int, b: int, sent: Sentence, si: int,
                  pre: _Prefixes) -> list[Mention]:
    """The province or city at the end of an organisation's name, after its place head
    ("Công an tỉnh" + "Bắc Giang") or its field in lower case ("Trung tâm Kiểm soát bệnh
    tật" + "Hà Nam"): a mention of its own, as a nested country is."""
    for h in range(a + 1, b):
        if words[h - 1].fold not in d.lex["gpe_heads"] and (
                words[h - 1].cap or not _ends_with(d, "org_field_words", words, h)):
            continue
        g = _match(words, h, d.gazetteer, pre.gaz)
        if g and g[0] == b:
            entry = _pick(d.gazetteer[g[1]], g[2], g[3], words, h, b)
            if entry is not None and entry.type == "GPE" and entry.kind != "country" and not _home_place(d, entry):
                # a capital in a body's name is the city, not its state ("... Hà Nội")
                return [_mention(words, h, b, entry.type, entry.key, entry.name, si, sent,
                                 country=entry.country)]
    return []


def _home_party(d: Dictionary) -> Entry | None:
    """The dictionary entry of the ruling party that a bare "Đảng" names (lexicon home_party)."""
    for name in d.lex["home_party"]:
        for e in d.gazetteer.get(tuple(name.split()), []):
            if e.type == "ORG":
                return e
    return None


def _at_home(d: Dictionary, e: Entry) -> bool:
    """Is the entry's country the one the corpus is written in (lexicon home_countries)?"""
    return (e.country or "").lower() in d.lex["home_countries"]


def _home_place(d: Dictionary, e: Entry) -> bool:
    """A province or city of the corpus's own country: in a local body's name ("Công an
    tỉnh Cà Mau", "UBND TP Hạ Long") it is the body's jurisdiction, part of its name."""
    return e.kind in ("city", "capital") and _at_home(d, e)


def _country_before(d: Dictionary, words: list[Word], a: int) -> str | None:
    """The country whose name ends right before word a, if any."""
    for h in range(max(0, a - 4), a):
        g = _match(words, h, d.gazetteer, _prefixes().gaz)
        if g and g[0] == a:
            for e in d.gazetteer[g[1]]:
                if e.kind == "country" and e.case_ok(g[2], g[3]):
                    return e.country
    return None


ORG_GAP_WORDS = 3  # lower-case words allowed inside an organisation's name
ORG_GAP_SHARE = 0.02  # ... if seen capitalised mid-sentence at least this often


def _extend_org(d: Dictionary, words: list[Word], b: int, pre: _Prefixes) -> int:
    """Organisation names carry lower-case words ("Sở cứu hỏa Chilgok", "Cục Hải sự tỉnh
    Hải Nam"): continue over a few lower-case words that do appear capitalised inside
    names (not verbs such as "cho biết", "tấn công", which never are) when a capitalised
    word or a country follows them."""
    if b < len(words) and not words[b].cap and (n := _in(d, "org_region_suffixes", words, b)) \
            and words[b + n - 1].sylls[-1].cap:
        return b + n  # "Ngân hàng Trung ương" + "châu Âu": the continent is in the name
    j = b
    while j < len(words) and j - b < ORG_GAP_WORDS:
        w = words[j]
        if j > b and _unit_number(d, words, j):
            return j  # "Cảnh sát giao thông" + "số 2"
        if w.cap or w.punct or w.num or w.fold in d.lex["function_words"]:
            break
        if d.caps_stats.get(w.fold, 1.0) < ORG_GAP_SHARE and w.fold not in d.lex["gpe_heads"]:
            return b  # ("Công an" + "huyện" + "Bình Chánh": the place is part of the name)
        j += 1
    if j == b or j >= len(words) or not words[j].cap or words[j].punct:
        return b
    if _match(words, j, d.titles, pre.titles) or words[j].fold in d.lex["honorifics"]:
        return b
    if _in(d, "org_heads", words, j) and any(
            d.caps_stats.get(w.fold, 1.0) < 2 * ORG_GAP_SHARE for w in words[b:j]):
        return b  # "Bộ Xây dựng" + "xử phạt" + "Công ty TNHH X": a verb between two
        # organisations ("Công ty" + "cổ phần" + "Tập đoàn X" is one: a word of names)
    if _country_at(d, words, j):
        return j  # the country joins the name in _run_mentions
    g = _match(words, j, d.gazetteer, pre.gaz)
    if g and words[j - 1].fold in d.lex["gpe_heads"] and any(e.type == "GPE" for e in d.gazetteer[g[1]]):
        return g[0]  # "Phòng CSGT Công an" + "tỉnh" + "Bắc Giang": the province is in the name
    if g:
        return b
    return _run_end(d, words, j, pre)


ORG_TAIL_WORDS = 8  # lower-case words of a sentence-case name ending at its parent's name
ORG_TAIL_SHARE = 0.05  # ... or, before "và" + another organisation, words this often capitalised


def _org_tail(d: Dictionary, words: list[Word], b: int) -> int:
    """Sentence-case names of units continue in lower case up to their parent or the next
    organisation: "Phòng An ninh mạng và phòng chống tội phạm công nghệ cao" + " - Công an
    tỉnh Hải Dương"; "Phòng Cảnh sát hình sự" + " và Công an huyện ...". Taken only when
    such a boundary ends the lower-case words, so verbs after a name ("Bộ Y tế yêu cầu")
    stay out."""
    j = b
    inner = d.lex["org_tail_joiners"]
    while j < len(words) and j - b < ORG_TAIL_WORDS:
        w = words[j]
        if w.cap or w.punct or (w.fold in inner and j + 1 < len(words) and words[j + 1].cap):
            break
        if w.num or (w.fold in d.lex["function_words"] and w.fold not in inner):
            return b
        j += 1
    if j == b or j + 1 >= len(words) or words[j - 1].fold in inner:
        return b
    nxt = words[j + 1]
    if not (nxt.cap and _in(d, "org_heads", words, j + 1)):
        return b
    if words[j].text in ("-", "–"):
        return j  # the unit, a dash, its parent organisation
    if (words[j].fold in inner or words[j].text == ",") and j - b <= 2 \
            and all(d.caps_stats.get(w.fold, 0.0) >= ORG_TAIL_SHARE for w in words[b:j]):
        return j  # short tails only before "và" + the next organisation
    return b


def _company_tail(d: Dictionary, words: list[Word], a: int, b: int, pre: _Prefixes) -> int:
    """Companies carry their trade in lower case before their own name: "Công ty TNHH Đầu
    tư" + "và phát triển thương mại" + "Thiên Lộc Phát", "Hợp tác xã Nông nghiệp" + "sạch"
    + "Hưng Thịnh Phát". After a company's head (``company_heads``), lower-case words that
    are all words of a trade (``company_field_words``, ``org_field_words``, joiners) and end
    on a capitalised name that is no other body, title or place: the name is the company's."""
    if not _in(d, "company_heads", words, a):
        return b
    j = b
    while j < len(words) and j - b < ORG_TAIL_WORDS:
        w = words[j]
        if w.cap or w.punct or w.num:
            break
        n = (_in(d, "company_field_words", words, j) or _in(d, "org_field_words", words, j)
             or int(w.fold in d.lex["org_name_joiners"]))
        q = next((i for i, sy in enumerate(w.sylls) if sy.cap), 0)
        lead = " ".join(sy.fold for sy in w.sylls[:q])
        if not n and q and (lead in d.lex["company_field_words"] or lead in d.lex["org_field_words"]):
            return _run_end(d, words, j, pre)  # "sạch_Hưng_Thịnh_Phát": the tokenizer glued trade and name
        if not n:
            return b
        j += n
    if j == b or j >= len(words) or not words[j].cap or words[j].punct \
            or words[j - 1].fold in d.lex["org_name_joiners"]:
        return b
    if _in(d, "org_heads", words, j) or _match(words, j, d.titles, pre.titles) \
            or words[j].fold in d.lex["honorifics"]:
        return b
    end = _run_end(d, words, j, pre)
    g = _match(words, j, d.gazetteer, pre.gaz)
    if g and g[0] >= end:
        return b  # "... xuất khẩu" + "Mỹ": a place after the trade, not a name
    return end


ORG_FIELD_WORDS = 5  # lower-case words of an agency's field after its capitalised name


def _field_tail(d: Dictionary, words: list[Word], a: int, b: int, pre: _Prefixes) -> int:
    """End of an agency's name after its lower-case field (``_field_end``), and, for a unit
    ("Đội", "Phòng", "Cơ quan": ``parent_unit_heads``), of the body it belongs to when that
    follows at once ("Cơ quan An ninh điều tra" + "Công an tỉnh Hà Tĩnh"): one name, as a
    unit written all in capitals already is ("Đội CSGT Công an huyện Hớn Quản")."""
    j = _field_end(d, words, a, b, pre)
    if any(w.fold in d.lex["org_field_joiners"] for w in words[b:j]):
        if j < len(words) and words[j].cap and _in(d, "org_level_bodies", words, j):
            # "Đội ... tội phạm" + "về ma túy" + "Công an TP Biên Hòa": read as before, the
            # unit cut short and the body it belongs to apart, the one that acts
            return _field_end(d, words, a, b, pre, narrow=False)
        return j  # "Cục ... tội phạm" + "về kinh tế và tham nhũng" + "(C46, Bộ Công an)"
    if j == b or j >= len(words) or not words[j].cap or not _in(d, "parent_unit_heads", words, a) \
            or not _in(d, "org_level_bodies", words, j):
        return j
    end = _extend_org(d, words, _run_end(d, words, j, pre), pre)
    return end + _bare_level(d, words, end)


def _field_end(d: Dictionary, words: list[Word], a: int, b: int, pre: _Prefixes, narrow: bool = True) -> int:
    """Sentence-case agency names end on their field in lower case: "Cục Cảnh sát" + "truy
    nã tội phạm", "Cục Quản lý" + "dược", "Hội Nghề" + "cá" (+ a country or place). Only
    listed field words (``org_field_words``; the verbs among them, ``org_field_leads``,
    only right after a bare head: "Chi cục" + "quản lý thị trường"), so a verb after a
    name ("Bộ Công Thương quản lý ...") stays out; a bare head needs such a verb or a place
    after its field ("Hãng hàng không" is no name)."""
    j = b
    head = _in(d, "org_heads", words, a)
    bare = head == b - a
    led = bare and _in(d, "org_field_leads", words, b)
    j += led
    if not led and b - a > head and words[b - 1].cap and not words[b - 1].allcaps \
            and (n := _in(d, "org_field_words", words, b - 1)) > 1:
        j = b - 1 + n  # "Phòng Cảnh sát Phòng" + "cháy chữa cháy": a field whose first word took the capital
    joined = 0  # joiners taken do not count against the words of a field
    while j < len(words) and j - b - joined < ORG_FIELD_WORDS:
        w = words[j]
        if narrow and w.fold in d.lex["org_field_joiners"] and j > b and j + 1 < len(words) and not words[j + 1].cap \
                and (n := _in(d, "org_field_words", words, j + 1)):
            j += 1 + n  # "Cục Cảnh sát điều tra tội phạm" + "về kinh tế": the field narrowed,
            joined += 1  # and a list of such fields: "về tham nhũng, kinh tế, buôn lậu"
            while j + 1 < len(words) and words[j].text == "," and not words[j + 1].cap \
                    and (n := _in(d, "org_field_words", words, j + 1)):
                j += 1 + n
                joined += 1
            continue
        if w.fold in d.lex["org_name_joiners"] and j + 1 < len(words) and not words[j + 1].cap \
                and (j > b + led or _ends_with(d, "org_field_words", words, j)) \
                and (n := _in(d, "org_field_leads", words, j + 1) or _in(d, "org_field_words", words, j + 1)
                     or _comma_lead(d, words, j + 1)):
            j += 1 + n  # "Chi cục Quản lý chất lượng" + "và bảo vệ nguồn lợi thủy sản": a second field
            joined += 1
            while j + 1 < len(words) and words[j].text == "," and not words[j + 1].cap \
                    and (n := _in(d, "org_field_words", words, j + 1)):
                j += 1 + n  # "... và cứu nạn" + ", cứu hộ": the second field, written as a list
                joined += 1
            continue
        if w.cap and j > b + led and not w.allcaps and (n := _in(d, "org_field_words", words, j)):
            j += n  # "Trung tâm Tìm kiếm cứu nạn" + "Hàng hải": a field written with a capital
            continue
        if w.cap or w.punct or w.num:
            break
        n = _in(d, "org_field_words", words, j)
        if not n and w.fold == "điều tra" and words[j - 1].fold in d.lex["org_investigators"]:
            n = 1  # "Cơ quan Cảnh sát" + "điều tra": the investigating arm, not the verb
        if not n:
            break
        j += n
    if j <= b + led:
        return b  # "Ban quản lý" + "dự án ...": where the name ends is not known
    p = j + (j + 1 < len(words) and words[j + 1].cap and _in(d, "gpe_heads", words, j))
    if j > b + led and p < len(words) and words[p].cap and _in(d, "org_level_suffixes", words, p):
        return p + _in(d, "org_level_suffixes", words, p)  # "... huyết học truyền máu" + "Trung ương"
    if p < len(words) and words[p].cap:
        g = _match(words, p, d.gazetteer, pre.gaz)
        if g and any(e.type == "GPE" for e in d.gazetteer[g[1]]):
            return g[0]  # "Chi cục quản lý thị trường" + "Hà Nội", "... nội địa" + "tỉnh Quảng Ninh"
        if p > j and words[j].fold in d.lex["jurisdiction_levels"] and not words[p].allcaps \
                and not _in(d, "org_heads", words, p):
            return _run_end(d, words, p, pre)  # "Chi cục Thi hành án dân sự" + "quận Ô Môn": its district
    return b if bare and not led else j  # "Hãng hàng không": a common noun, no name


def _area_unit(d: Dictionary, words: list[Word], a: int, b: int, pre: _Prefixes) -> int:
    """Words of the area a regional branch carries in its name (0 if none): "Trung tâm Tìm
    kiếm cứu nạn Hàng hải" + "khu vực 3"; a unit ("Đội Cảnh sát PCCC&CNCH") + "khu vực Hồng
    Lĩnh". A short
    number after ``org_area_words`` always; a capitalised name only after a unit's head
    (``unit_heads``), since "khu vực" + a place after other names is where they act."""
    n = _in(d, "org_area_words", words, b)
    if not n or b + n >= len(words) or words[b + n - 1].cap:
        return 0
    w = words[b + n]
    if w.num and w.text.isdigit() and len(w.text) <= 2:
        return n + 1
    if w.cap and not w.allcaps and _in(d, "unit_heads", words, a) and not _in(d, "org_heads", words, b + n):
        return _run_end(d, words, b + n, pre) - b
    return 0


def _bare_level(d: Dictionary, words: list[Word], b: int) -> int:
    """Words of a bare level after a body that exists at every level (``org_level_bodies``:
    "Ban Chấp hành Đảng bộ" + "tỉnh", "Công an" + "huyện" + "đã ..."): the body of the
    province or district the article is about, one name; 0 when a place's name follows (the
    look-up takes "tỉnh Nghệ An"), or after other heads ("Trung tâm thành phố": downtown)."""
    n = _in(d, "org_bare_levels", words, b)
    if not n or not _ends_with(d, "org_level_bodies", words, b) or words[b].cap:
        return 0
    return n if b + n >= len(words) or not words[b + n].cap or words[b + n].punct else 0


def _inner_org(d: Dictionary, words: list[Word], a: int, b: int) -> int:
    """Where an organisation's head starts inside a capitalised run led by ordinary words
    ("Thường trực" + "Ban Chỉ đạo ..."): its index, or 0."""
    if _in(d, "org_heads", words, a):
        return 0
    for j in range(a + 1, b - 1):
        if not _ordinary(d, words[j - 1]) or words[j - 1].allcaps:
            return 0
        if _in(d, "org_heads", words, j) and words[j].fold not in d.lex["state_heads"]:
            key = tuple(s.fold for w in words[a:j + 2] for s in w.sylls)
            return 0 if key in _prefixes().titles else j  # "Thường trực Ban Bí[ thư]": a title
    return 0


def _split_org(d: Dictionary, words: list[Word], a: int, b: int, role: _Role | None) -> int:
    """Where a person's name follows an organisation in one capitalised run
    ("Bộ Tài nguyên Alexander Kozlov"): the first foreign-looking word after Vietnamese
    ones, or (after a title) a word starting with a Vietnamese surname."""
    head = _in(d, "org_heads", words, a)
    seen_vn = head > 0
    for j in range(a + head, b):
        w = words[j]
        if w.punct:
            continue  # the dash inside "Bộ Kế hoạch - Tài chính" starts no person
        foreign = not all(is_vietnamese_syllable(s.text) for s in w.sylls)
        if foreign and seen_vn and not w.allcaps and (
                role is not None or w.sylls[0].fold in d.lex["given_names"]):
            return j
        if role is not None and seen_vn and len(w.sylls) >= 2 and w.sylls[0].fold in d.lex["vn_surnames"] \
                and w.fold not in d.vocab:
            return j  # (not a common word that starts like a surname: "Nông nghiệp")
        seen_vn = seen_vn or not foreign
    return b


@dataclass(slots=True)
class Untyped:
    """A lone foreign-looking capitalised word nothing in its sentence types ("Adele",
    "Nissan"): the article may name it elsewhere in a typed mention."""

    fold: str
    sentence: Sentence
    si: int
    start: int
    end: int


def sentence_mentions(sent: Sentence, si: int, untyped: list[Untyped] | None = None) -> list[Mention]:
    """Mentions in one sentence, in order (nested country mentions inside organisation
    names follow the organisation). Lone foreign words left untyped go to ``untyped``."""
    d = load()
    pre = _prefixes()
    words = sentence_words(sent.text, sent.tokens)
    if not sent.tokens:
        words = _join_compounds(d, words)
    words = _resplit(d, pre, words)
    out: list[Mention] = []
    dropped: list[tuple[int, int]] = []  # capitalised runs left untyped
    role: _Role | None = None
    last_role = ""
    honorific = False
    k = 0
    n = len(words)
    while k < n:
        w = words[k]
        hon_before, honorific = honorific, False
        joined = False
        # 1. a dictionary actor
        g = _match(words, k, d.gazetteer, pre.gaz)
        if g and (t := _match(words, k, d.titles, pre.titles)) and t[0] > g[0]:
            g = None  # "Đức Pháp chủ", "Đức Giáo hoàng": a longer title starting with a country's name
        if g:
            end, gkey, caps, upper = g
            entry = _pick(d.gazetteer[gkey], caps, upper, words, k, end)
            if entry is not None and entry.type == "GPE" and entry.n == 1 and (
                    hon_before or (w.initial and d.caps_stats.get(w.fold, 1.0) < 0.3)):
                entry = None  # "anh Nga": a person called so; "Áo ..." at a sentence start: a shirt
            if entry is not None and entry.kind == "country" and entry.n == 1 and end == k + 1 and k > 0 \
                    and any(_ends_with(d, h, words, k) for h in ("gpe_heads", "locative_preps", "residence_words")) \
                    and _joined_syllable(d, words, end, pre):
                # "xã Mỹ Lợi", "tại Mỹ Đình", "quê Nga Sơn": a Vietnamese place whose name starts
                # as a country's does (a person's, "Anh Tuấn", is left as it was read)
                entry = None
                joined = True
            if entry is not None and entry.type == "GPE" and upper and end < n \
                    and words[end].start == words[end - 1].end + 1 \
                    and sent.text[words[end - 1].end] == "-":
                entry = None  # "VN-Index", "VN-ADAPT": a country's letters glued into another name
            if entry is not None and entry.kind == "country" and k > 0 and _ends_with(d, "language_words", words, k):
                k = end  # "tiếng Anh", "ngôn ngữ Trung Quốc": a language, not the state
                continue
            if entry is not None and entry.kind == "country" and k > 0 and _YOUTH.match(words[k - 1].text):
                # "U20 Việt Nam": a youth team, an organisation, and its country named in it
                out.append(_mention(words, k - 1, end, "ORG", org_key(sent.text[words[k - 1].start:words[end - 1].end]),
                                    sent.text[words[k - 1].start:words[end - 1].end], si, sent, country=entry.country))
            if entry is not None:
                m = _from_entry(d, entry, words, k, end, sent, si)
                if m.type == "PER" and role is not None:
                    m.role = role.text
                    m.country = role.country or m.country
                out.append(m)
                if m.type == "ORG":
                    out.extend(_nested_country(d, words, k, end, sent, si))
                role = _after_entity(role, m)
                k = end
                # organisation name continued by its country: "Bộ Quốc phòng" + "Anh"
                continue
        # 2. a title opens a window for its holder's name
        t = _match(words, k, d.titles, pre.titles)
        if t and not (words[k].cap and t[0] - k == 1 and words[k].initial and words[k].fold in d.lex["not_names"]):
            end = t[0]
            p = _in(d, "portfolios", words, end)
            end += p
            last = words[end - 1]
            if not p and end < n and words[end].cap and not words[end].punct and last.sylls[-1].cap \
                    and last.sylls[-1].fold in d.lex["org_heads"] and (len(last.sylls) > 1 or end - k > 1) \
                    and words[end].sylls[0].fold not in d.lex["vn_surnames"]:
                # "Phó Trưởng Ban" + "Chỉ đạo Tây Nguyên": the capitalised head opens the body's
                # name, which the title's holder heads (not "Trưởng Ban" + "Lê Văn A")
                if len(last.sylls) > 1:
                    words[end - 1:end] = _split_word(last, len(last.sylls) - 1)
                    n += 1
                else:
                    end -= 1
            start = k
            if k > 0 and _ends_with(d, "title_modifiers", words, k):
                start = k - 1
            text = sent.text[words[start].start:words[end - 1].end]
            if fold(text) in d.lex["counterpart"] and last_role:
                text = last_role  # "Ngoại trưởng Triều Tiên và người đồng cấp Nga ..."
            last_role = text
            role = _Role(text=text, start=words[start].start, country=None, budget=ROLE_WINDOW)
            k = end
            continue
        # 3. honorific ("ông", "bà"; capitalised only at the start of a sentence)
        if not joined and w.fold in d.lex["honorifics"] and k + 1 < n and words[k + 1].cap and not (
                words[k + 1].allcaps and len(words[k + 1].sylls) == 1):
            honorific = True
            k += 1
            continue
        # 4. a run of capitalised words
        if w.cap and w.fold == "đảng" and not (k > 0 and words[k - 1].cap and not words[k - 1].punct) \
                and not (k + 1 < n and (words[k + 1].cap or f"đảng {words[k + 1].fold}" in d.vocab
                                        or _in(d, "org_heads", words, k) > 1)) \
                and (party := _home_party(d)) is not None:
            out.append(_mention(words, k, k + 1, "ORG", party.key, party.name, si, sent, country=party.country))
            role = _after_entity(role, out[-1])
            k += 1  # "của Đảng", "xây dựng Đảng": the ruling party (not "Quốc Dân Đảng", "Đảng Dân chủ")
            continue
        if w.allcaps and k > 0 and words[k - 1].num and len(w.sylls) == 1:
            k += 1  # "8 GB", "50 MP": a unit after its number
            continue
        level = _numbered_level(d, words, k)
        if level:
            # "quận 3", "phường 13", "Q.1", "P.4": HCMC's districts and wards are named by number
            name = sent.text[w.start:words[k + 1].end]
            out.append(_mention(words, k, k + 2, "GPE", f"GPE:{level} {words[k + 1].text}", name, si, sent))
            role = _after_entity(role, out[-1])
            k += 2
            continue
        if w.text.endswith(".") and len(w.sylls) == 2 and k + 1 < n and words[k + 1].num and w.allcaps \
                and "." not in w.text[:-1]:
            k += 2  # "BA." + "5": a code
            continue
        if w.allcaps and w.text.endswith(".") and _in(d, "gpe_heads", words, k) == 1 and (
                k + 1 == n or not words[k + 1].cap or _dot_ends(d, w, words[k + 1]) or _place_at(d, words, k + 1)):
            if k + 1 < n and _dot_ends(d, w, words[k + 1]):
                words[k + 1].initial = True
            k += 1  # "TP. Cà Mau": the head of a known place, which the look-up takes next;
            continue  # "TP." alone ends a sentence: the city named before, no name of its own
        if w.cap and not w.punct and _glued_level(d, w) and _syllables(words, k, b := _cap_run(words, k)) > 1:
            # "P.Bến Nghé", "Q.Gò Vấp": a ward's or district's letter glued to its name, keyed as
            # "quận Gò Vấp" is (not a byline's initial and given name, "Q.Anh")
            name = sent.text[w.start:words[b - 1].end]
            out.append(_mention(words, k, b, "GPE", "GPE:" + fold(name[2:].replace("-", " ")), name, si, sent))
            role = _after_entity(role, out[-1])
            k = b
            continue
        if w.cap and not w.punct:
            if w.allcaps and w.fold in d.lex["not_acronyms"] and k + 1 < n and words[k + 1].cap \
                    and not any(_in(d, h, words, k) for h in ("org_heads", "gpe_heads", "loc_heads")):
                k += 1  # "CBCS Phòng Cảnh sát PCCC": the staff of, then the organisation
                continue
            b = _run_end(d, words, k, pre)
            lead = _in(d, "delegation_heads", words, k)
            if lead and k + lead < b and _in(d, "org_heads", words, k + lead):
                k += lead  # "Đoàn" + "Quân đội Nhân dân Việt Nam": the delegation's body is the actor
                continue
            inner = _inner_org(d, words, k, b)
            if inner:
                k = inner  # "Thường trực Ban Chỉ đạo Tây Nguyên": the organisation starts at its head
                continue
            if role is not None and k > 0 and not (b - k == 1 and _looks_like_person(d, w)) and (
                    _ends_with(d, "gpe_heads", words, k) or _ends_with(d, "loc_heads", words, k)):
                # "Thống đốc bang Indiana Eric Holcomb": the place, then the office holder
                typ = "GPE" if _ends_with(d, "gpe_heads", words, k) else "LOC"
                out.extend(_run_mentions(d, words, k, k + 1, typ, None, sent, si, pre))
                role = _after_entity(role, out[-1])
                k += 1
                continue
            unit = 0
            if w.cap and _in(d, "org_heads", words, k) and words[k].fold not in d.lex["state_heads"]:
                if b - k == 1 and w.fold in d.lex["ministry_heads"]:
                    b += _in(d, "portfolios", words, b)  # "Bộ" + "nội vụ": a ministry in lower case
                b = _company_tail(d, words, k, _extend_org(d, words, b, pre), pre)
                unit = _unit_number(d, words, b)
                if not unit:
                    b = _field_tail(d, words, k, _org_tail(d, words, b), pre)
                    unit = _area_unit(d, words, k, b, pre)
                    b += _bare_level(d, words, b) if not unit else 0
            if unit:
                if k > 0 and not words[k - 1].cap and _ends_with(d, "unit_heads", words, k):
                    k -= 1  # "đội" + "Cảnh sát giao thông số 2": the unit's own head word
                out.extend(_run_mentions(d, words, k, b + unit, "ORG", role, sent, si, pre))
                role = _after_entity(role, out[-1])
                k = _last_end(words, out[-1], b + unit)
                continue
            headed = b - k > 1 and any(_in(d, h, words, k) for h in ("org_heads", "gpe_heads", "loc_heads"))
            if w.initial and not headed and _is_common(d, w) and not (role or hon_before):
                role = None
                k += 1
                continue
            typ = _classify(d, words, k, b, role, hon_before)
            if typ in (None, "PER") and not role and not hon_before and _syllables(words, k, b) > 1 \
                    and w.sylls[0].fold in d.lex["highland_place_prefixes"] and not w.allcaps:
                typ = "GPE"  # "Đắk R'lấp", "Krông Ana", "Buôn Hồ": a Central Highlands place ('đắk' water, 'buôn' village)
            if typ == "PER" and any(x.fold in d.lex["foreign_function_words"]
                                    for v in words[k:b] for x in v.sylls[v is w:]):
                typ = None  # "Design for Change", "Dawn of Justice": an English phrase, no one's name
            if typ is None and b - k > 1 and w.initial and _is_common(d, w):
                k += 1
                continue
            if typ == "ORG":
                split = _split_org(d, words, k, b, role)
                if split < b:
                    out.extend(_run_mentions(d, words, k, split, typ, role, sent, si, pre))
                    k, typ = split, "PER"
                    role = _after_entity(role, out[-1])
            if typ == "PER" and b - k > 1:
                split = _split_people(d, words, k, b)
                if split < b:
                    first = _classify(d, words, k, split, None, False)
                    if first is not None:
                        out.extend(_run_mentions(d, words, k, split, first, None, sent, si, pre))
                    k = split
            if typ is not None:
                out.extend(_run_mentions(d, words, k, b, typ, role, sent, si, pre))
                if typ == "ORG":
                    out.extend(_nested_place(d, words, k, b, sent, si, pre))
                role = _after_entity(role, out[-1]) if typ != "PER" else None
                k = _last_end(words, out[-1], b)
                continue
            if untyped is not None and b - k == 1 and not w.allcaps and (
                    (len(w.sylls) == 1 and w.text.isalpha()) or _INITIAL.match(w.text)):
                untyped.append(Untyped(fold(w.text), sent, si, w.start, w.end))
            if typ is None:
                dropped.append((k, b))
            role = None
            k = b
            continue
        # 5. anything else: gap words keep a title's window open
        if role is not None:
            gap = (_in(d, "person_gap", words, k) or _in(d, "gpe_heads", words, k)
                   or _in(d, "loc_heads", words, k) or _in(d, "org_heads", words, k))
            if gap and role.budget > gap:
                role.budget -= gap
                k += gap
                continue
            role = None
        k += 1
    _appositions(d, words, out, sent, pre)
    _places_in_countries(d, out, sent)
    if dropped and out:
        out = _coordinated_people(d, words, dropped, out, sent, si, pre)
    if any(m.type == "GPE" for m in out):
        out = _coordinated_places(d, words, dropped, out, sent, si, pre)
    return out


_LIST_SEP = {",", "và", "hoặc"}


def _coordinated_places(d: Dictionary, words: list[Word], dropped: list[tuple[int, int]], out: list[Mention],
                        sent: Sentence, si: int, pre: _Prefixes) -> list[Mention]:
    """A name listed right after a province, district or city is a place too: "huyện Di
    Linh, Lâm Hà, Bảo Lộc (Lâm Đồng)", "ở Pleiku và La Grai". It was left untyped, or
    typed a person by a surname-like first syllable ("Lâm", "La") with no title, no
    honorific and nothing after it but the list going on or ending; countries start no
    such list ("Mỹ, Nguyễn Văn An"), and it must start at a place written with its head
    or after a locative."""
    index = {w.start: i for i, w in enumerate(words)}
    # a list starts at a place written with its head or after a locative ("huyện Di Linh",
    # "ở Pleiku", "TP.Pleiku"), and goes on over the province in brackets after an item
    place_ends = set()
    for m in out:
        i = index.get(m.start)
        if m.type == "GPE" and m.key != f"GPE:{m.country}" and i is not None and (
                _in(d, "gpe_heads", words, i) or _ends_with(d, "gpe_heads", words, i)
                or _ends_with(d, "locative_preps", words, i)
                or (i > 0 and words[i - 1].text == "(" and words[i - 2].end in place_ends)):
            place_ends.add(m.end)
    starts = {words[a].start: (a, b) for a, b in dropped}
    persons = {m.start: m for m in out if m.type == "PER" and m.role is None and len(m.text.split()) == 2}
    if not place_ends or not (starts or persons):
        return out
    ends = {w.end: i for i, w in enumerate(words)}
    drop: set[int] = set()
    added: list[Mention] = []
    for m0 in sorted([*((words[a].start, None) for a, _ in dropped), *((p.start, p) for p in persons.values())],
                     key=lambda x: x[0]):
        start, per = m0
        a = index.get(start)
        if a is None or a < 2 or words[a - 1].fold not in _LIST_SEP:
            continue
        prev = words[a - 2]
        if prev.end not in place_ends and not (prev.text == ")" and a >= 3 and words[a - 3].end in place_ends):
            continue
        b = ends.get(per.end, -1) + 1 if per is not None else starts[start][1]
        if b <= a or not all(w.cap and not w.allcaps for w in words[a:b]) or _in(d, "org_heads", words, a) \
                or not all(is_vietnamese_syllable(s.text) for w in words[a:b] for s in w.sylls):
            continue  # Vietnamese place names only: a foreign name after a place is mostly a person
        if b < len(words) and not (words[b].punct or words[b].fold in _LIST_SEP):
            continue  # "Hà Nội, Lâm Hà cho biết": a person speaking
        if sum(len(w.sylls) for w in words[a:b]) > 2 or (
                b + 1 < len(words) and words[b].text == "(" and words[b + 1].num):
            continue  # "Hờ A Dế, Hờ A Giàng": people; "Cao Lâm (13 tuổi)": a person's age
        if per is not None:
            drop.add(id(per))
        new = _run_mentions(d, words, a, b, "GPE", None, sent, si, pre)
        added.extend(new)
        place_ends.update(m.end for m in new)
    if not added:
        return out
    return sorted([*(m for m in out if id(m) not in drop), *added], key=lambda m: m.start)


def _coordinated_people(d: Dictionary, words: list[Word], dropped: list[tuple[int, int]], out: list[Mention],
                        sent: Sentence, si: int, pre: _Prefixes) -> list[Mention]:
    """A Vietnamese-looking name joined by "và" to a person is a person too ("Bo Tý và
    Cao Lâm", "Cao Lâm và Bo Tý")."""
    per_starts = {m.start for m in out if m.type == "PER"}
    per_ends = {m.end for m in out if m.type == "PER"}
    added = []
    for a, b in dropped:
        sylls = [s for w in words[a:b] for s in w.sylls]
        if not 2 <= len(sylls) <= 3 or not all(s.cap and is_vietnamese_syllable(s.text) for s in sylls):
            continue
        after = b + 1 < len(words) and words[b].fold == "và" and words[b + 1].start in per_starts
        before = a >= 2 and words[a - 1].fold == "và" and words[a - 2].end in per_ends
        if after or before:
            added.extend(_run_mentions(d, words, a, b, "PER", None, sent, si, pre))
    if not added:
        return out
    return sorted([*out, *added], key=lambda m: m.start)


_MIXED_ACRONYM = re.compile(r"^(?=(?:[a-zđ]*[A-ZĐ]){3})[A-ZĐ][A-ZĐa-zđ]{2,6}(?<![A-ZĐ]s)$")  # not "BLINKs"
_YOUTH = re.compile(r"^U\d{2}$")  # "U19", "U23": a youth team's age group
_IN_COUNTRY = re.compile(r"^\s*(?:,|\(|của|thuộc|ở|tại|,\s*miền\s+\w+)\s*$")


_INITIAL = re.compile(r"^[^\W\d_]\.$")  # "B.": a name cut to its initial, as crime reports do
_INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_A-ZĐ]?\.)+(?:[^\W\d_][^\W\d_A-ZĐ]?)?$")  # "O.C.Đ.", "V.V.Th.", "N.B"


def type_untyped(out: list[Mention], untyped: list[Untyped]) -> list[Mention]:
    """Lone foreign words named elsewhere in the article: "Adele" when "ca sĩ Adele" is a
    person there, "Nissan" when "Nissan Motor Co." is an organisation there; they take
    that mention's key. A word that two different entities share stays untyped."""
    if not untyped:
        return out
    index: dict[str, Mention | None] = {}
    for m in out:
        if m.type not in ("PER", "ORG"):
            continue
        parts = m.text.replace("-", " ").split()
        if m.type == "PER":
            words = {fold(parts[0]), fold(parts[-1])}
            if _INITIALS.match(parts[-1]):
                last = fold(parts[-1].rstrip(".").rsplit(".", 1)[-1])
                words |= {last + ".", last}  # "O.C.Đ." -> "Đ."; "V.V.Th." -> "Th" (the segmenter cuts "Th.")
        else:  # an organisation by its foreign name word ("Nissan"), never its Vietnamese head ("Công")
            words = {fold(p) for p in parts[:2] if p.isalpha() and not is_vietnamese_syllable(p)}
        for w in words:
            prev = index.get(w, m)
            index[w] = m if prev is m or prev is None or prev.key == m.key else None
    added = []
    for u in untyped:
        m = index.get(u.fold)
        if m is not None:
            added.append(Mention(text=u.sentence.text[u.start:u.end], type=m.type, key=m.key,
                                 sentence=u.si, start=u.start, end=u.end, line=u.sentence.line,
                                 name=m.name, country=m.country))
    if not added:
        return out
    return sorted([*out, *added], key=lambda m: (m.sentence, m.start))


def unify_missions(out: list[Mention]) -> None:
    """A mission named without its host ("Đại sứ quán Trung Quốc") takes the key of the
    same mission named with it elsewhere in the article ("... tại Mỹ"), if only one."""
    hosts: dict[str, set[str]] = {}
    for m in out:
        if m.type == "ORG" and " tại " in m.name:
            hosts.setdefault(org_key(m.name.split(" tại ")[0]), set()).add(m.key)
    if not hosts:
        return
    for m in out:
        keys = hosts.get(m.key)
        if m.type == "ORG" and keys and len(keys) == 1:
            m.key = next(iter(keys))


def _places_in_countries(d: Dictionary, out: list[Mention], sent: Sentence) -> None:
    """"Khasan, Nga", "Vienna (Áo)", "Kherson của Ukraine": a place with no known country
    followed by a country's name is in that country; a region that spans countries is in
    none ("các vấn đề Bắc Mỹ của Triều Tiên": North Korea's North America desk)."""
    for m, n in zip(out, out[1:], strict=False):
        if m.type in ("GPE", "LOC") and m.country is None and m.key not in d.borderless \
                and n.type == "GPE" and n.country \
                and n.key == f"GPE:{n.country}" and _IN_COUNTRY.match(sent.text[m.end:n.start]):
            m.country = n.country


def _last_end(words: list[Word], m: Mention, b: int) -> int:
    j = b
    while j < len(words) and words[j].start < m.end:
        j += 1
    return j


def _after_entity(role: _Role | None, m: Mention) -> _Role | None:
    """A country or organisation inside a title's window: it gives the office's country."""
    if role is None or m.type == "PER":
        return None
    if m.type == "ORG" and role.budget == ROLE_WINDOW:
        role.text = f"{role.text} {m.text}"  # "Chủ tịch" + "Hạ viện Mỹ": one office
    role.budget -= 1
    if role.budget <= 0:
        return None
    if m.country:
        role.country = m.country
    return role


def _pick(entries: list[Entry], caps: list[bool], upper: bool, words: list[Word], k: int, end: int) -> Entry | None:
    for e in entries:
        if not e.case_ok(caps, upper):
            continue
        if e.n == 1 and end < len(words) and words[end].fold in ("ấy", "ta", "em", "chị"):
            return None  # "Anh ấy" is "he", not Britain
        return e
    return None


def _from_entry(d: Dictionary, e: Entry, words: list[Word], a: int, b: int, sent: Sentence, si: int) -> Mention:
    if e.kind in ("capital", "seat") and not (e.kind == "capital" and _at_home(d, e)):
        locative = a > 0 and _ends_with(d, "locative_preps", words, a)
        if not locative:
            key, name, typ = _state_entry(d, e.country or "")
            return _mention(words, a, b, typ, key, name, si, sent, country=e.country)
    return _mention(words, a, b, e.type, e.key, e.name, si, sent, country=e.country)


def _run_mentions(d: Dictionary, words: list[Word], a: int, b: int, typ: str, role: _Role | None,
                  sent: Sentence, si: int, pre: _Prefixes) -> list[Mention]:
    if typ == "PER":
        name = _person_name(words, a, b, sent)
        key = person_key(name)
        country = role.country if role else None
        if country is None and a > 0:
            g = _country_before(d, words, a)
            country = g  # "Triết gia Nga Aleksandr Dugin"
        known = d.people.get(key)
        if known:
            name, country = known[0], country or known[1]
        return [_mention(words, a, b, "PER", key, name, si, sent, country=country,
                         role=role.text if role else None)]
    if typ == "ORG":
        if a > 0 and not words[a - 1].cap and not _in(d, "org_heads", words, a):
            for h in range(max(0, a - 3), a):
                if _in(d, "org_heads", words, h) == a - h and words[h].fold not in d.lex["verb_heads"]:
                    a = h  # "bộ Ngoại giao", "đảng Lao động": the head is part of the name
                    break
        # an organisation named with its country: "Bộ Ngoại giao" + "Pháp"
        extra: list[Mention] = []
        end = b
        country = None
        g = _match(words, b, d.gazetteer, pre.gaz) if b < len(words) else None
        if g and _in(d, "org_heads", words, a):
            entry = _pick(d.gazetteer[g[1]], g[2], g[3], words, b, g[0])
            if entry is not None and (entry.kind in ("country", "capital", "city") or (
                    entry.kind == "region" and entry.country) or (
                    entry.kind == "org" and entry.country and entry.n > 1)):
                # "Bộ Ngoại giao" + "Pháp"; "Ủy ban Đối ngoại" + "Thượng viện Mỹ"; "Công an" + "Hà Nội"
                # (a city in an organisation's name is the place, not its state)
                if not _home_place(d, entry):
                    extra.append(_mention(words, b, g[0], entry.type, entry.key, entry.name, si, sent,
                                          country=entry.country))
                if entry.type == "ORG":
                    extra.extend(_nested_country(d, words, b, g[0], sent, si))
                end, country = g[0], entry.country
        host = _mission_host(d, words, a, end, pre)
        if host is not None:
            # "Đại sứ quán Vương quốc Campuchia" + "tại Việt Nam": the host country is in the name
            h_end, entry = host
            extra.append(_mention(words, end + 1, h_end, entry.type, entry.key, entry.name, si, sent,
                                  country=entry.country))
            end = h_end
        name = sent.text[words[a].start:words[end - 1].end]
        return [_mention(words, a, end, "ORG", org_key(name), name, si, sent, country=country), *extra]
    name = sent.text[words[a].start:words[b - 1].end]
    prefix = "GPE:" if typ == "GPE" else "LOC:"
    h = _in(d, "gpe_heads", words, a) if typ == "GPE" else 0
    if 0 < h < b - a and not any(w.num for w in words[a + h:b]):
        # "TP Vinh" and "Vinh" are one place: the key leaves the head out ("quận 1" keeps it)
        return [_mention(words, a, b, typ, prefix + fold(sent.text[words[a + h].start:words[b - 1].end]
                                                        .replace("-", " ")), name, si, sent)]
    return [_mention(words, a, b, typ, prefix + fold(name.replace("-", " ")), name, si, sent)]


def _appositions(d: Dictionary, words: list[Word], out: list[Mention], sent: Sentence, pre: _Prefixes) -> None:
    """"ông Dmitry Peskov, Thư ký báo chí của Tổng thống Nga": a title right after a person
    (behind a comma) is that person's role; a country soon after it gives the country."""
    if not out:
        return
    starts = {w.start: i for i, w in enumerate(words)}
    for m in out:
        if m.type != "PER" or m.role:
            continue
        i = next((j for j, w in enumerate(words) if w.start >= m.end), None)
        if i is None or i + 1 >= len(words) or words[i].text != ",":
            continue
        t = _match(words, i + 1, d.titles, pre.titles)
        if not t:
            continue
        end = t[0] + _in(d, "portfolios", words, t[0])
        m.role = sent.text[words[i + 1].start:words[end - 1].end]
        if m.country is None:
            for other in out:
                if other.start >= words[end - 1].end and other.type in ("GPE", "ORG") and other.country:
                    if other.start in starts and starts[other.start] - end <= 4:
                        m.country = other.country
                    break
