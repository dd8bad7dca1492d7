"""Types the article's mentions together: foreign names typed as people that the article
shows to be organisations, or things; and a person's name typed a place somewhere else.

A lone foreign name is typed a person by a speech verb after it ("Atlassian nói rằng") or
by its letters ("Vinpearl Safari", "Celsius"), where nothing in its sentence says more.
The rest of the article often does: "CEO của Atlassian", "doanh thu của Celsius",
"Atlassian – công ty làm ra ...". Here every mention of such a name in the article
becomes an organisation when some mention has such a cue and none has a person's cue (a
title, an honorific, "ca sĩ", a common given name, an age). Names of Vietnamese syllables
only are left alone: their shape is a person's. Word lists: ``org_owner_nouns`` (what an
organisation has: "doanh thu", "CEO", "trụ sở"), ``org_cues_before`` and the organisation
heads of ``lexicon.json``.

Weapons, ships, products, laws and indexes are not actors (the actors guideline), but a
foreign-looking name reads as one by its letters: "VN-Index", "Omicron", "tàu Buffalo".
Where one mention follows a word of ``thing_heads`` ("chỉ số", "biến thể", "tàu") and no
mention has a person's or an organisation's cue, the article's mentions of that name are
dropped, unless one of them speaks ("PSY tiết lộ" beside "album Psy 9"). So are the
acronyms the article defines as short for common nouns: "doanh nghiệp (DN)", "người lao
động (NLĐ)", "bảng xếp hạng (BXH)" (the initials of the lower-case words before the
bracket). Names of the dictionary are never touched.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.actors.dictionary import load, person_key, syllables
from thoisu.actors.mentions import org_key
from thoisu.actors.words import is_vietnamese_syllable
from thoisu.models import Mention, Sentence
from thoisu.text import fold, strip_accents

_APPOSED = re.compile(r"^\s*[–—,(-]\s*")  # "Atlassian – công ty ...", "Celsius (công ty ...)"
_DEFINED = re.compile(r"\(([A-ZĐ][A-ZĐ&-]{1,9})\)")
_SYLLABLE = re.compile(r"[^\W\d_]+")
_AGE = re.compile(r"^\s*\(\s*(?:\d|sn\b)", re.IGNORECASE)
_SCORE = re.compile(r"(?<![\d/.])\d{1,2}\s*-\s*\d{1,2}(?![\d/.])")  # "2-1", not a date or a range of years
_DASH = re.compile(r"^\s*[-–]\s*$")


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    raw = json.loads((Path(__file__).with_name("data") / "retype.json").read_text(encoding="utf-8"))
    tup = {k: {tuple(syllables(p)) for p in raw[k]}
           for k in ("named_heads", "street_heads", "not_street_heads", "place_street_heads", "match_verbs", "thing_heads",
                     "event_words")}
    return {**tup, "match_cues": [fold(c) for c in raw["match_cues"]],
            "jurisdiction_bodies": frozenset(raw["jurisdiction_bodies"]),
            "title_body": re.compile(r"(?:" + "|".join(re.escape(b) for b in raw["jurisdiction_bodies"]) + r")\s+(?:"
                                     + "|".join(re.escape(w) for w in sorted(raw["jurisdiction_words"], key=len, reverse=True))
                                     + r")\s*$"),
            "jurisdiction_levels": frozenset(fold(w) for w in raw["jurisdiction_words"]),
            "bare_heads": frozenset(fold(h) for h in raw["bare_heads"]),
            "legal_forms": {tuple(syllables(f)) for f in raw["legal_forms"]},
            "core_suffixes": frozenset(raw["core_suffixes"]),
            "company_organs": [fold(o) for o in raw["company_organs"]],
            "jurisdiction": re.compile(r"^\s*(?:(?:" + "|".join(re.escape(w) for w in sorted(
                raw["jurisdiction_words"], key=len, reverse=True)) + r")\s+)?$", re.IGNORECASE),
            "person_before": {tuple(syllables(p)) for p in raw["person_before"]},
            "given_name_countries": frozenset(raw["given_name_countries"]),
            "match_articles_min": int(raw["match_articles_min"]),
            "not_actors": {fold(n) for n in raw["not_actors"]},
            "player_words": {tuple(syllables(w)) for w in raw["player_words"]},
            "event_tails": {tuple(syllables(t)) for t in raw["event_tails"]},
            "not_actor_firsts": {n.split()[0].lower() for n in raw["not_actors"]}}


def _ends_with(phrases: set[tuple[str, ...]], words: tuple[str, ...]) -> bool:
    return any(words[-k:] in phrases for k in range(1, min(len(words), 6) + 1))


def _cues(m: Mention, sent: Sentence, lists: dict[str, set[tuple[str, ...]]]) -> tuple[bool, bool]:
    """(a cue of an organisation, a cue of a person) around one mention."""
    before = tuple(syllables(sent.text[max(0, m.start - 60):m.start])[-7:])
    after = sent.text[m.end:]
    of = before[-1:] == ("của",)  # "chủ tịch của Atlassian": a title of the name, not the name's
    person = (bool(m.role) and not of) or _AGE.match(after) is not None or _ends_with(
        lists["honorifics"], before) or _ends_with(lists["person_cues_before"], before)
    org = _ends_with(lists["org_cues_before"], before) or (
        of and _ends_with(lists["org_owner_nouns"], before[:-1]))
    if not org and (hit := _APPOSED.match(after)):
        head = tuple(syllables(after[hit.end():hit.end() + 30])[:3])
        org = any(head[:k] in lists["org_heads"] for k in range(1, len(head) + 1))
    return org, person


def _after_thing(m: Mention, sent: Sentence, things: set[tuple[str, ...]]) -> bool:
    return _ends_with(things, tuple(syllables(sent.text[max(0, m.start - 30):m.start])[-4:]))


def common_acronyms(sentences: list[Sentence]) -> set[str]:
    """Acronyms defined as short for lower-case words: "doanh nghiệp (DN)"."""
    out: set[str] = set()
    for sent in sentences:
        for m in _DEFINED.finditer(sent.text):
            letters = [c for c in m.group(1) if c.isalpha()]
            before = [w for w in _SYLLABLE.findall(sent.text[max(0, m.start() - 80):m.start()])
                      if w.lower() != "và"][-len(letters):]
            if len(before) == len(letters) and before[0][0].islower() and all(
                    w[0].upper() == c for w, c in zip(before, letters, strict=True)):
                out.add(m.group(1))
    return out


def _speaks(m: Mention, sent: Sentence, verbs: set[tuple[str, ...]]) -> bool:
    after = tuple(syllables(sent.text[m.end:m.end + 30])[:3])
    return any(after[:k] in verbs for k in range(1, len(after) + 1))


def _places_named_as_people(mentions: list[Mention], groups: dict[str, list[Mention]]) -> None:
    """A name the article types a person somewhere and an unknown place elsewhere ("ghé
    thăm Jung Myeong Seok", a verb of going before a person) is the person throughout, when
    a title names the person ("luật sư Jung Myeong Seok")."""
    people = {fold(ms[0].name or ms[0].text): ms[0] for ms in groups.values() if ms[0].type == "PER"
              and any(m.role for m in ms)}  # a person by a title, not by letters alone
    for m in mentions:
        if m.type == "GPE" and m.key.count(":") == 1 and (p := people.get(fold(m.text))) is not None:
            m.type, m.key, m.name, m.country = "PER", p.key, p.name, p.country


def _head_of(m: Mention, heads: set[tuple[str, ...]]) -> int:
    """Length in characters of a lower-case head word that opens an organisation's mention
    ("hãng Viva Aerobus" -> len("hãng ")), else 0."""
    if not m.text[:1].islower():
        return 0  # the usual case: a name written with its capital
    words = m.text.split()
    for k in range(min(4, len(words) - 1), 0, -1):  # "doanh nghiệp tư nhân": four words
        lead = words[:k]
        if all(w[:1].islower() for w in lead) and tuple(syllables(" ".join(lead))) in heads \
                and words[k][:1].isupper():
            return len(" ".join(lead)) + 1
    return 0


_OPENING = re.compile(r"^[\s\"“‘'(\[–-]*$")


def _lead_head(m: Mention, heads: set[tuple[str, ...]], sentences: list[Sentence]) -> int:
    """_head_of, and also a head written with a capital (at a sentence's start or in the
    house style of the outlet: "Hãng hàng không Emirates cho biết", "của Hãng hàng không
    Lufthansa") before a foreign name: a Vietnamese name after its head keeps it ("Ngân hàng
    Nhà nước", "Công ty Cổ phần ...")."""
    if cut := _head_of(m, heads):
        return cut
    if not m.text[:1].isupper() or m.key[4:].isupper():
        return 0  # (a name of the dictionary keeps its key: "Hãng tin Yonhap")
    low = Mention(text=m.text[:1].lower() + m.text[1:], type=m.type, key=m.key, sentence=m.sentence,
                  start=m.start, end=m.end, line=m.line)
    cut = _head_of(low, heads)
    rest = m.text[cut:].split()
    if not cut or any(is_vietnamese_syllable(w) for w in rest) or (fold(rest[0]),) in _lists()["legal_forms"] \
            or tuple(syllables(" ".join(rest))) in load().gazetteer:
        return 0  # a foreign name only ("Emirates"), not "Ngân hàng Trung ương Hungary", "Công ty CP X",
        # nor a place ("CLB TP.HCM" is the club)
    return cut


def _named_organisations(mentions: list[Mention], heads: set[tuple[str, ...]], sentences: list[Sentence]) -> None:
    """"hãng Viva Aerobus" names an organisation, so does "Viva Aerobus" anywhere in the
    article (typed a person by its letters or a speech verb); both take the bare name's
    key and name."""
    named: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.type == "ORG" and (cut := _lead_head(m, heads, sentences)):
            bare = m.text[cut:]
            named[fold(bare)] = (org_key(bare), bare)
    if not named:
        return
    for m in mentions:
        cut = _lead_head(m, heads, sentences) if m.type == "ORG" else 0
        got = named.get(fold(m.text[cut:]))
        if got is not None and (m.type == "ORG" or (m.type == "PER" and not m.role)):
            m.type, (m.key, m.name), m.role = "ORG", got, None


def _core(name: str, heads: set[tuple[str, ...]], forms: set[tuple[str, ...]], suffixes: frozenset[str]) -> str:
    """A foreign company's own name inside its full one: heads and legal forms before it and
    its form after it taken off ("Công ty CP Tập đoàn Kido" -> "Kido", "Mitsubishi Motors"
    -> "Mitsubishi"); "" when nothing is taken off or the rest is Vietnamese words only."""
    words = name.split()
    cut = True
    while cut and len(words) > 1:
        cut = False
        for k in (3, 2, 1):
            if k < len(words) and (tuple(syllables(" ".join(words[:k]))) in heads
                                   or tuple(syllables(" ".join(words[:k]))) in forms):
                words, cut = words[k:], True
                break
    while len(words) > 1 and fold(words[-1]) in suffixes:
        words = words[:-1]
    core = " ".join(words)
    if core == name or not core[:1].isupper() or all(is_vietnamese_syllable(s) for s in core.split()) \
            or tuple(syllables(core)) in load().gazetteer or _in_org_heads(core, set()):
        return ""  # nor a place ("CLB TP.HCM") or another body ("Báo Công an TP Đà Nẵng")
    return core


def _one_type(mentions: list[Mention], sentences: list[Sentence], extra: dict[str, Any]) -> None:
    """A name the article types an organisation in one place and a person in another
    ("được Celtic bổ nhiệm" / "HLV mới của Celtic"; "Didi") is the organisation, unless
    an honorific or an age shows one of its person mentions to be a person ("ông Ford").
    So is a company's own name written alone ("Kido" beside "Công ty CP Tập đoàn Kido",
    "Mitsubishi" beside "Mitsubishi Motors")."""
    d = load()
    orgs: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "ORG":
            orgs.setdefault(m.key.split(":", 1)[1], m)
    cores: dict[str, Mention] = {}
    for m in [m for m in mentions if m.type == "ORG" and not m.key[4:].isupper()]:
        for name in {m.text, m.name or m.text}:
            if core := _core(name, extra["named_heads"], extra["legal_forms"], extra["core_suffixes"]):
                cores.setdefault(fold(core.replace("-", " ")), m)
    for m in mentions:  # "Mitsubishi" typed an organisation by its own cues: the same company
        if m.type == "ORG" and m.key == org_key(m.text) and (src := cores.get(fold(m.text))) is not None:
            m.key, m.name = src.key, src.name
    for core, m in cores.items():
        orgs.setdefault(core, m)
    if not orgs:
        return
    people: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "PER" and (rest := m.key.split(":", 1)[1]) in orgs:
            people.setdefault(rest, []).append(m)
    for rest, ms in people.items():
        if any(_ends_with(d.lex_tuples["honorifics"], tuple(syllables(
                sentences[m.sentence].text[max(0, m.start - 30):m.start])[-3:]))
               or _AGE.match(sentences[m.sentence].text[m.end:]) for m in ms):
            continue
        src = orgs[rest]
        for m in ms:
            m.type, m.key, m.name, m.role = "ORG", src.key, src.name, None


def _in_org_heads(name: str, heads: set[tuple[str, ...]]) -> bool:
    """Does the name open with an organisation's head other than ``heads`` ("Công an ...")?"""
    sylls = tuple(syllables(name))
    return any(sylls[:k] in load().lex_tuples["org_heads"] and sylls[:k] not in heads for k in (1, 2, 3))


def _headed_names(mentions: list[Mention], heads: set[tuple[str, ...]], forms: set[tuple[str, ...]]) -> None:
    """"Tập đoàn FLC" and "FLC" in one article are one organisation: a capitalised head
    naming what it is (and a legal form, "Công ty TNHH") before a name the article also
    writes bare; the headed mention takes the bare one's key and name. Only when the bare
    name is itself an organisation's mention, so "Ngân hàng Nhà nước" keeps its own."""
    bare = {fold(m.text): m for m in mentions if m.type == "ORG"}
    bare.update({fold(m.name): m for m in mentions if m.type == "ORG" and m.name and _head_of(m, heads)})
    if len(bare) < 2:
        return
    companies = load().lex_tuples["company_heads"]
    for m in [m for _ in range(2) for m in mentions]:  # twice: "Công ty cổ phần Tập đoàn FLC" -> "Tập đoàn FLC" -> "FLC"
        if m.type != "ORG" or not m.text[:1].isupper():
            continue
        words = m.text.split()
        for k in range(min(3, len(words) - 1), 0, -1):
            if tuple(syllables(" ".join(words[:k]))) not in heads:
                continue
            j = next((j for j in range(min(len(words) - 1, k + 2), k - 1, -1)
                      if j == k or tuple(syllables(" ".join(words[k:j]))) in forms), k)
            rest = " ".join(words[j:])
            if _in_org_heads(rest, heads):
                break  # "Báo Công an TP Đà Nẵng" is the newspaper, not the police it is named after
            src = bare.get(fold(rest))
            if src is None and tuple(syllables(" ".join(words[:k]))) in companies:
                # a company's short name is the end of its full one: "Công ty CP đầu tư và công
                # nghiệp Tân Tạo" ... "Tân Tạo"; "Công ty Chứng khoán SSI" ... "SSI"
                src = next((bare[f] for i in range(j + 1, len(words)) if words[i][:1].isupper()
                            and (f := fold(" ".join(words[i:]))) in bare), None)
            if src is not None and src.key != m.key and (src.name or src.text)[:1].isupper():
                m.key, m.name = src.key, src.name
            break


_AND = re.compile(r"^\s*(?:và|với|,)\s*$")


def _windows(sylls: list[str]) -> set[tuple[str, ...]]:
    """Every run of one or two syllables."""
    return {tuple(sylls[i:i + k]) for k in (1, 2) for i in range(len(sylls) - k + 1)}


def _clubs(mentions: list[Mention], sentences: list[Sentence], lists: dict[str, Any]) -> None:
    """In a sports article, a province or city that plays a match is its club: "Hà Nội
    thắng 2-1 HAGL", "TP.HCM tiếp đón Nam Định", "trận giữa Hà Nội và Bình Định". Countries
    (national teams) stay countries, and a place after "tại"/"ở" is where it is played."""
    if not any(m.type == "GPE" and m.key != f"GPE:{m.country}" for m in mentions):
        return  # no province or city: nothing to read (most articles; checked first, cheaply)
    text = " ".join(s.text.lower() for s in sentences)
    if sum(cue in text for cue in lists["match_cues"]) < lists["match_articles_min"]:
        return
    d = load()
    club: Mention | None = None  # the last place that is a club
    for m in mentions:
        if m.type == "ORG" and tuple(syllables(m.text)) in d.gazetteer:
            club = m  # a club named after its place by an earlier rule ("Hà Nội" of "CLB Hà Nội")
            continue
        if m.type != "GPE" or m.key == f"GPE:{m.country}":
            continue  # a country: a national team is its country
        sent = sentences[m.sentence].text
        before = tuple(syllables(sent[max(0, m.start - 30):m.start])[-3:])
        after = tuple(syllables(sent[m.end:m.end + 30])[:3])
        if before[-1:] and (before[-1],) in d.lex_tuples["locative_preps"]:
            continue  # "tại Hà Nội": the venue
        near = _SCORE.search(sent[max(0, m.start - 12):m.end + 12]) is not None
        verb = any(after[:k] in lists["match_verbs"] for k in range(1, 4)) or any(
            before[-k:] in lists["match_verbs"] for k in range(1, 3))
        # "giữa Quảng Nam và Bình Dương": the second side of a match is a club as the first;
        # "trung vệ Ngọc Thịnh của Hải Phòng": a player's place is his club
        paired = club is not None and club.sentence == m.sentence and _AND.match(sent[club.end:m.start])
        player = before[-1:] == ("của",) and any(
            w in lists["player_words"] for w in _windows(syllables(sent[max(0, m.start - 50):m.start])))
        if near or verb or paired or player:
            m.type, m.key = "ORG", org_key(m.text)  # (its country stays: a club of Vietnam)
            club = m


def _joined_bodies(mentions: list[Mention], sentences: list[Sentence], lists: dict[str, Any]) -> list[Mention]:
    """A body's acronym and the place it serves ("TAND Tp.HCM", "VKSND tỉnh Bắc Ninh"), or an
    organisation's bare head and the name after it ("Đại học British Columbia"), are one
    organisation: the first mention is stretched over the second, which goes."""
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.type != "ORG" and len(words) > 1 and words[0] in lists["jurisdiction_bodies"]:
            m.type, m.key, m.name = "ORG", org_key(m.text), m.text  # one run "TAND Tp.HCM", typed a place
        prev = out[-1] if out else None
        if prev is not None and prev.type == "ORG" and prev.sentence == m.sentence and m.start >= prev.end:
            gap = sentences[m.sentence].text[prev.end:m.start]
            body = prev.text in lists["jurisdiction_bodies"] and m.type == "GPE" and lists["jurisdiction"].match(gap)
            head = fold(prev.text) in lists["bare_heads"] and m.type in ("PER", "ORG") and not gap.strip()
            if body or head:
                text = sentences[m.sentence].text[prev.start:m.end]
                prev.end, prev.text, prev.name, prev.key = m.end, text, text, org_key(text)
                if head:
                    prev.country = prev.country or m.country
                continue
        out.append(m)
    return out


def _people_by_title(mentions: list[Mention], sentences: list[Sentence], before_words: set[tuple[str, ...]]) -> None:
    """A Vietnamese full name typed an organisation right after a person's title or
    honorific is the person ("HLV Đoàn Minh Hải": "Đoàn" also heads a delegation)."""
    d = load()
    for m in mentions:
        words = m.text.split()
        if m.type != "ORG" or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        if fold(words[0]) not in d.lex["vn_surnames"] or not all(is_vietnamese_syllable(w) for w in words):
            continue
        sent = sentences[m.sentence].text
        before = tuple(syllables(sent[max(0, m.start - 30):m.start])[-3:])
        if any(before[-k:] in before_words for k in range(1, 4)):
            m.type, m.key, m.name = "PER", person_key(m.text), m.text


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


_LISTED = re.compile(r"^\s*(?:,|và|cùng)\s*$")


def _among_people(m: Mention, mentions: list[Mention], sentences: list[Sentence],
                  before_words: set[tuple[str, ...]]) -> bool:
    """A person's title or honorific just before the name, or a person listed next to it
    ("nghệ sĩ Tú Oanh, Anh Tuấn", "Mỹ Tâm và Lệ Quyên")."""
    text = sentences[m.sentence].text
    before = tuple(syllables(text[max(0, m.start - 30):m.start])[-3:])
    if any(before[-k:] in before_words for k in range(1, 4)):
        return True
    return any(n.type == "PER" and n.sentence == m.sentence and (
        _LISTED.match(text[n.end:m.start]) if n.end <= m.start else _LISTED.match(text[m.end:n.start]))
        for n in mentions if n is not m and (n.end <= m.start or n.start >= m.end)
        and abs((n.start if n.start >= m.end else n.end) - (m.end if n.start >= m.end else m.start)) <= 6)


def _country_given_names(mentions: list[Mention], sentences: list[Sentence], countries: frozenset[str],
                         before_words: set[tuple[str, ...]]) -> list[Mention]:
    """"Mỹ Tâm", "Anh Tuấn", "Đức Việt": a country's one-syllable name followed by a
    capitalised Vietnamese syllable that is no surname and starts no place or other name,
    among people (a title before it, a person listed beside it), begins a person's name
    (one or two syllables more); the person's mention replaces the country and any
    mention of the rest. Places stay ("Mỹ Tho" has no person beside it)."""
    d = load()
    out: list[Mention] = []
    drop: set[int] = set()
    for m in mentions:
        if id(m) in drop:
            continue
        if m.type == "GPE" and m.text in countries and m.key == f"GPE:{m.country}":
            text = sentences[m.sentence].text
            end, parts = m.end, []
            while len(parts) < 2 and (nxt := _NEXT_WORD.match(text, end)) is not None:
                w = nxt.group(1)
                if not (w[:1].isupper() and is_vietnamese_syllable(w)) or fold(w) in d.lex["vn_surnames"] \
                        or (fold(w),) in d.gazetteer or (fold(w),) in d.lex_tuples["function_words"]:
                    break
                if not parts and (fold(w),) in _gazetteer_starts():
                    break  # "Trung" of "Trung Quốc": another country, "quan hệ Nga Trung"
                parts.append(w)
                end = nxt.end()
            if parts and _among_people(m, mentions, sentences, before_words):
                name = text[m.start:end]
                m.type, m.key, m.name, m.text, m.end, m.country = "PER", person_key(name), name, name, end, None
                drop |= {id(n) for n in mentions if n is not m and n.sentence == m.sentence
                         and m.start <= n.start < end}
        out.append(m)
    return [m for m in out if id(m) not in drop]


@lru_cache(maxsize=1)
def _gazetteer_starts() -> frozenset[tuple[str, ...]]:
    """First syllables of the dictionary's names of more than one syllable."""
    return frozenset(k[:1] for k in load().gazetteer if len(k) > 1)


@lru_cache(maxsize=1)
def _people_cues() -> frozenset[tuple[str, ...]]:
    """What may stand before a person's name: retype.json's person_before, the honorifics
    and person cues of lexicon.json, the titles of the dictionary."""
    d = load()
    return frozenset(_lists()["person_before"]) | frozenset(d.lex_tuples["honorifics"]) \
        | frozenset(d.lex_tuples["person_cues_before"]) | frozenset(d.titles)


# a house number: after "số" that an address word or a preposition of place opens ("căn nhà
# số 423", "trụ sở từ số 32", not "tay vợt số 4"), or after a comma in a list of addresses
_HOUSE_NUMBER = re.compile(r"(?:(?:\bnhà|\bchỉ|\bsở|\btại|\bở|\btừ|\bvề|\btrước|\bđến|\bcạnh)\s+số|(?P<list>[,;(]))"
                           r"\s*(?P<n>\d{1,4})[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+$", re.IGNORECASE)
_ADDRESS = re.compile(r"\bsố\s*\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+[A-ZĐ]")  # "số 491 Kim Ngưu"
_TO = re.compile(r"^\s*(?:[-–]|đến)\s*$")  # "A - B" a crossing, "từ A đến B" a stretch of road


def _streets(mentions: list[Mention], sentences: list[Sentence], heads: set[tuple[str, ...]]) -> set[int]:
    """Ids of the mentions that name a street or a crossing ("giao lộ Nguyễn Thị Minh Khai
    - Lý Chính Thắng", "phố Lê Phụng Hiểu", "cầu Bà Chiêm", "đoạn từ Nguyễn Văn Linh đến
    ...") or come after a house number ("số 491 Kim Ngưu, 123 Đội Cấn"): places named after
    someone, no actors."""
    out: set[int] = set()
    prev: Mention | None = None
    firsts = {h[0] for h in heads}
    honorifics, not_heads = load().lex_tuples["honorifics"], _lists()["not_street_heads"]
    place_heads = _lists()["place_street_heads"]
    for m in mentions:
        sent = sentences[m.sentence].text
        window = sent[max(0, m.start - 20):m.start].lower()
        street = False
        if m.type in ("PER", "LOC", "GPE") and any(f in window for f in firsts):  # the usual case: no head near
            before = tuple(syllables(window)[-4:])
            if before[-1:] in honorifics:
                before = before[:-1]  # "cầu Bà Chiêm", "phố Bà Triệu": the honorific is in the name
            # a place's name after a road's head names the road ("xa lộ Hà Nội", "cầu Bình Phước
            # 1"), not after "đường", "phố" ("đường phố Hà Nội", "phố cổ Hà Nội" are the city)
            street = any(before[-k:] in (heads if m.type != "GPE" else place_heads) for k in range(1, 3)) \
                and before[-2:] not in not_heads
        if not street and m.type in ("PER", "LOC") and m.start and sent[m.start - 1] == " " \
                and (num := _HOUSE_NUMBER.search(window)) is not None and not 1900 <= int(num.group("n")) <= 2099:
            # a house number, not a year; one after a comma only in a list that began with one
            street = not num.group("list") or _ADDRESS.search(sent, 0, m.start) is not None
        if not street and m.type != "GPE" and prev is not None and id(prev) in out and prev.sentence == m.sentence:
            street = _TO.match(sent[prev.end:m.start]) is not None  # the crossing's or the stretch's other street
        if street:
            out.add(id(m))
        prev = m
    return out


_YEAR_AFTER = re.compile(r"^\s+(?:19|20)\d\d\b")  # "Miss International 2022", "WWDC 2022"


def _happenings(mentions: list[Mention], sentences: list[Sentence], extra: dict[str, Any]) -> list[Mention]:
    """Drop the names of happenings (competitions, fairs, conferences): a name ending in an
    event word ("V-League", "SEA Games"), one after a lower-case word for an event ("sự kiện
    WWDC"), or an organisation the dictionary does not know written with a year after it
    ("Miss International 2022", but not "Hoa khôi Đại học Nam Cần Thơ 2021"). Dictionary
    entries are left alone ("hội nghị APEC")."""
    tails, words = extra["event_tails"], extra["event_words"]
    last_tail = {t[-1] for t in tails}  # cheap tests first: most names end in no event word
    last_word = {w[-1] for w in words}
    heads: set[tuple[str, ...]] | None = None
    keep = []
    for m in mentions:
        if m.type not in ("PER", "ORG") or (m.key[4:].isupper() and m.type == "ORG"):
            keep.append(m)
            continue
        text = sentences[m.sentence].text
        lead = text[max(0, m.start - 30):m.start].split()
        year = m.type == "ORG" and _YEAR_AFTER.match(text[m.end:]) is not None
        if not (year or (lead and fold(lead[-1]) in last_word)
                or fold(m.text.replace("-", " ").split()[-1]) in last_tail):
            keep.append(m)
            continue
        sylls = tuple(fold(s) for s in syllables(m.text))
        before = tuple(fold(s) for s in syllables(" ".join(lead)))
        if year and heads is None:
            heads = load().lex_tuples["org_heads"]
        if (any(sylls[-len(t):] == t for t in tails if len(t) <= len(sylls))
                or _ends_with(words, before)
                or (year and heads is not None and not any(sylls[:k] in heads for k in (1, 2, 3)))):
            continue
        keep.append(m)
    return keep


_CREDIT = re.compile(r"(?:ảnh|video|clip|đồ họa)\s*:\s*$", re.IGNORECASE)
_SHORT_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.){1,3}[^\W\d_]{0,2}$")  # "N.H", "N.V", "T.L."
_CREDIT_LINE = re.compile(r"^\s*\(?\s*(?:ảnh|video|clip|đồ họa)\s*:\s*$", re.IGNORECASE)  # the credit alone
_CODE = re.compile(r"^[A-ZĐ][A-ZĐa-z&]*(?:-[A-ZĐ][A-ZĐa-z&]*)*$")  # "NQ-HĐND", "QĐ-TTg", "NĐ-CP"


def _credits_and_codes(mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """Drop what names no actor of the story: a photo credit or a line holding only a
    writer's initials ("Ảnh: N.H", "N.V" under the text; "Ảnh: Phan Giang", a credit line
    of its own), and the letters of a document's number ("Nghị quyết số 03/2022/NQ-HĐND",
    "Quyết định 1234/QĐ-TTg", "Chỉ thị số 05-CT/TW")."""
    keep = []
    for m in mentions:
        text = sentences[m.sentence].text
        before, after = text[:m.start], text[m.end:]
        if _SHORT_INITIALS.match(m.text) and (_CREDIT.search(before) or (not before.strip() and not after.strip(" .)"))):
            continue
        if _CODE.match(m.text) and (re.search(r"\d[/-]$", before) or re.match(r"/\d", after)):
            continue  # "05-CT/TW" too: a number and a hyphen before the letters
        if _CREDIT_LINE.match(before) and not after.strip(" .)"):
            continue  # "Ảnh: Phan Giang" under a photo: who took it, no actor of the story
        keep.append(m)
    return keep


_ACRONYM = re.compile(r"^[A-ZĐ]{2,8}$")
_WORD = re.compile(r"[^\W\d_]+")
COMMON_ACRONYM_MIN = 4  # letters of an acronym read as a lower-case phrase's (fewer match words by chance)


def _initials(words: list[str]) -> str:
    return "".join(strip_accents(w[:1]).lower() for w in words)


def _initialisms(mentions: list[Mention], sentences: list[Sentence]) -> set[int]:
    """An acronym of the article's own making that the dictionary does not know is short for
    a name the article also writes in full: "UBCKNN" for "Ủy ban Chứng khoán Nhà nước", "Cục
    CSHS" for "Cục Cảnh sát hình sự" (the same head, then the initials of the rest); it takes
    that name's key. One that stands for lower-case words of the article ("THADS" beside
    "thi hành án dân sự", "QLTT" beside "quản lý thị trường") is a common noun shortened:
    its ids are returned, to be dropped."""
    own = [m for m in mentions if m.type == "ORG" and _ACRONYM.match(m.text.split()[-1])
           and m.key == org_key(m.text)]
    if not own:
        return set()
    names = [(n, [w for w in _WORD.findall(n.name or n.text)]) for n in mentions
             if n.type == "ORG" and not _ACRONYM.match((n.name or n.text).split()[-1])]
    drop: set[int] = set()
    lower: list[list[str]] | None = None
    function = load().lex["function_words"]
    for m in own:
        words = m.text.split()
        acr, head = strip_accents(words[-1]).lower(), [fold(w) for w in words[:-1]]
        keys: dict[str, Mention] = {}
        for n, nw in names:
            if [fold(w) for w in nw[:len(head)]] != head:
                continue
            rest = nw[len(head):]
            if len(rest) >= 2 and acr in (_initials(rest), _initials([w for w in rest if fold(w) != "và"])):
                keys.setdefault(n.key, n)
        if lower is None:
            lower = [_WORD.findall(s.text) for s in sentences]
        first = min(n.sentence for n in own if n.text == m.text)
        phrases = Counter(" ".join(ws[i:i + len(acr)]).lower() for k, ws in enumerate(lower)
                          for i in range(len(ws) - len(acr) + 1)
                          if ws[i][:1].lower() == acr[0] and _initials(ws[i:i + len(acr)]) == acr
                          and all(w.islower() and w not in function for w in ws[i:i + len(acr)])
                          and (k <= first or len(keys) == 1))
        if len(keys) == 1:
            if not phrases or max(phrases.values()) < 3:
                n = next(iter(keys.values()))  # (not "NLĐ" beside "người lao động" written
                m.key, m.name, m.country = n.key, n.name, m.country or n.country  # again and again)
            continue
        if keys or head or len(acr) < COMMON_ACRONYM_MIN:
            continue
        # the words come first, then their short form (three letters match some words by
        # chance: "SNV", "số nhiệm vụ"; "CDC", "cả đương chức" twice)
        if phrases:
            drop.add(id(m))
    return drop


def _bodies_without_place(mentions: list[Mention], extra: dict[str, Any]) -> None:
    """A local body written once with its place and then without it ("Sở Giao thông Vận tải
    TP HCM" ... "Sở Giao thông Vận tải", "Đảng bộ tỉnh Đác Lắc" ... "Đảng bộ tỉnh") is one
    organisation: the short form takes the full one's key when exactly one organisation of
    the article is the short form followed by a place (a level word and a name, a place of
    the dictionary, or a place the article names)."""
    orgs = [m for m in mentions if m.type == "ORG" and m.key == org_key(m.text)]
    if not orgs:
        return
    d = load()
    places = {fold(m.text) for m in mentions if m.type == "GPE"}
    levels = extra["jurisdiction_levels"]
    full: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        if m.type != "ORG":
            continue
        words = m.text.split()
        for k in range(1, len(words)):
            rest = " ".join(words[k:])
            if fold(words[k]) in levels and k + 1 < len(words) and words[k + 1][:1].isupper() \
                    or (fold(words[k - 1]) in levels and all(w[:1].isupper() for w in words[k:])) \
                    or tuple(syllables(rest)) in d.gazetteer or fold(rest) in places:
                full.setdefault(fold(" ".join(words[:k])), {})[m.key] = m
    national = d.lex["legislatures"] | d.lex["state_heads"]  # "Quốc hội" is not "Quốc hội tỉnh X"
    moved: dict[str, Mention] = {}
    for m in orgs:
        got = full.get(fold(m.text), {})
        if len(got) == 1 and m.key not in got and fold(m.text) not in national:
            moved[m.key] = next(iter(got.values()))
    for m in mentions:  # with the key go the mentions that share it ("CHK" of "Cục Hàng không")
        if m.type == "ORG" and (src := moved.get(m.key)) is not None:
            m.key, m.name, m.country = src.key, src.name, m.country or src.country


_LIST_GAP = re.compile(r"^\s*(?:,|và|,\s*và)\s*$")


def _elided_bodies(mentions: list[Mention], sentences: list[Sentence]) -> None:
    """A body named after its province, then more provinces listed after it ("Đài truyền hình
    Thừa Thiên Huế và Phú Yên", "Đài truyền hình Đà Nẵng, Đắk Nông, Quảng Ngãi"): the places
    listed are bodies of the same kind, one per place, not the provinces (GUIDELINES.md)."""
    d = load()
    body: tuple[Mention, str] | None = None  # the last body named after a place, and its head
    for m in mentions:
        if body is not None and (m.sentence != body[0].sentence or m.start < body[0].end):
            if m.sentence != body[0].sentence:
                body = None
            continue  # the place nested in the body's own name
        if m.type == "ORG" and m.key == org_key(m.text):
            words = m.text.split()
            k = next((k for k in (3, 2, 1) if k < len(words) - 1 and tuple(syllables(" ".join(words[-k:])))
                      in d.gazetteer and not any(e.kind == "country" for e in d.gazetteer[tuple(syllables(
                          " ".join(words[-k:])))])), 0)
            body = (m, " ".join(words[:-k])) if k else None
            continue
        if body is not None and m.type == "GPE" and m.key.count(":") == 2 \
                and _LIST_GAP.match(sentences[m.sentence].text[body[0].end:m.start]):
            name = f"{body[1]} {m.text}"
            m.type, m.key, m.name = "ORG", org_key(name), name
            body = (m, body[1])
            continue
        body = None


def _company_organs(mentions: list[Mention], sentences: list[Sentence], organs: list[str]) -> list[Mention]:
    """Drop a company's meeting or board named by what it is ("tổ chức Đại hội đồng" + "cổ
    đông thường niên", "Hội đồng quản trị" + "công ty"): cut inside such a phrase, or the whole
    phrase with no name written after it."""
    firsts = {o.split()[0] for o in organs}
    keep = []
    for m in mentions:
        if m.type == "ORG" and m.text.split()[0].lower() in firsts:
            rest = fold(sentences[m.sentence].text[m.start:m.start + 40])
            text = fold(m.text)
            hit = next((o for o in organs if rest.startswith(o) and (len(text) < len(o) or text == o)), None)
            if hit is not None and (len(text) < len(hit) or not rest[len(hit):].strip()[:1].isalpha()
                                    or not sentences[m.sentence].text[m.start + len(hit):].strip()[:1].isupper()):
                continue
        keep.append(m)
    return keep


_IN_BRACKETS = re.compile(r"^\s*\(\s*$")


def _people_named_as_places(mentions: list[Mention], sentences: list[Sentence], extra: dict[str, Any]) -> list[Mention]:
    """Places named after people, typed people by their shape: the district in brackets after
    a place ("Ngọc Hồi (Hoàng Mai)", "phường 5 (Tân Bình)") is a place; so is the commune
    or ward a title's body ends on ("Phó chủ tịch UBND xã" + "Lê Minh Xuân") when the article
    also writes it as a place or the title follows a person named just before ("ông Luận,
    Phó chủ tịch UBND xã Lê Minh Xuân"): the body and its place are then one organisation."""
    places = {fold(m.text) for m in mentions if m.type == "GPE"}
    out: list[Mention] = []
    prev: Mention | None = None
    for m in mentions:
        text = sentences[m.sentence].text
        if m.type == "PER" and not m.role and prev is not None and prev.type == "GPE" \
                and prev.sentence == m.sentence and _IN_BRACKETS.match(text[prev.end:m.start]) \
                and text[m.end:m.end + 1] in (")", ","):
            m.type, m.key, m.name, m.country = "GPE", "GPE:" + fold(m.text), m.text, prev.country
        elif m.type == "PER" and m.role and (body := extra["title_body"].search(text, 0, m.start)) is not None \
                and body.end() == m.start and (fold(m.text) in places or (
                    prev is not None and prev.type == "PER" and prev.sentence == m.sentence
                    and text[prev.end:body.start()].strip().startswith(","))):
            name = text[body.start():m.end]
            m.type, m.key, m.name, m.text, m.start, m.role = "ORG", org_key(name), name, name, body.start(), None
        out.append(m)
        prev = m
    return out


def retype_organisations(mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """The article's mentions with the foreign "people" that its own words show to be
    organisations made organisations (type and key, in place), and those its words show
    to be things left out."""
    extra = _lists()
    firsts = extra["not_actor_firsts"]
    mentions = [m for m in mentions if (m.name or m.text).split()[0].lower() not in firsts
                or fold(m.name or m.text) not in extra["not_actors"]]
    mentions = _happenings(mentions, sentences, extra)
    mentions = _credits_and_codes(mentions, sentences)
    streets = _streets(mentions, sentences, extra["street_heads"])
    if streets:
        mentions = [m for m in mentions if id(m) not in streets]
    mentions = _joined_bodies(mentions, sentences, extra)
    mentions = _company_organs(mentions, sentences, extra["company_organs"])
    _elided_bodies(mentions, sentences)
    # "Chủ tịch UBND tỉnh cho biết": a local body named by its kind and level alone is no entity
    mentions = [m for m in mentions if not (
        m.type == "ORG" and len(m.text.split()) > 1 and m.text.split()[0] in extra["jurisdiction_bodies"]
        and fold(m.text.split(maxsplit=1)[1]) in extra["jurisdiction_levels"])]
    mentions = _people_named_as_places(mentions, sentences, extra)
    mentions = _country_given_names(mentions, sentences, extra["given_name_countries"], _people_cues())
    _people_by_title(mentions, sentences, extra["person_before"])
    _named_organisations(mentions, extra["named_heads"], sentences)
    _headed_names(mentions, extra["named_heads"], extra["legal_forms"])
    if common := _initialisms(mentions, sentences):
        mentions = [m for m in mentions if id(m) not in common]
    _bodies_without_place(mentions, extra)
    _clubs(mentions, sentences, extra)
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type in ("PER", "ORG"):
            groups.setdefault(m.key, []).append(m)
    if not groups:
        return mentions
    _places_named_as_people(mentions, groups)
    d = load()
    lists = d.lex_tuples
    thing_heads = lists["thing_heads"] | extra["thing_heads"]
    things: set[str] = set()
    common: set[str] | None = None  # read only when an acronym is met
    for key, ms in groups.items():
        name = ms[0].name or ms[0].text
        sylls = name.replace("-", " ").split()
        if ms[0].text.isupper() and all(m.text == ms[0].text for m in ms):
            if common is None:
                common = common_acronyms(sentences)
            if ms[0].text in common and tuple(syllables(name)) not in d.gazetteer:
                things.add(key)  # "doanh nghiệp (DN)": a common noun, shortened
                continue
        if all(is_vietnamese_syllable(s) for s in sylls):
            continue
        org_type = ms[0].type == "ORG"
        thing = any(_after_thing(m, sentences[m.sentence], thing_heads) for m in ms)
        if org_type and (not thing or (len(ms) > 1 and ms[0].text != ms[-1].text)):
            continue  # an organisation is left alone unless a word for a thing stands before it
        if tuple(syllables(name)) in d.gazetteer:
            continue
        org = person = False
        for m in ms:
            o, p = _cues(m, sentences[m.sentence], lists)
            org, person = org or o, person or p
            if person:
                break
        if person or (org_type and org):
            continue  # a person, or an organisation the article says is one
        if thing and not any(_speaks(m, sentences[m.sentence], lists["person_cues_after"]) for m in ms):
            things.add(key)  # things don't speak ("PSY tiết lộ ..." beside "album Psy 9")
        elif org and not org_type and (fold(sylls[0]),) not in lists["given_names"]:
            new_key = org_key(name)
            for m in ms:
                m.type, m.key, m.role = "ORG", new_key, None
    mentions = [m for m in mentions if m.key not in things] if things else mentions
    _one_type(mentions, sentences, extra)
    return mentions
