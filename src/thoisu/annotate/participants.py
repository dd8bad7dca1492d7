"""Participants that mention finding leaves out, completed before event coding.

Two shapes of Vietnamese news that carry most of the actors of crime, court and local
government stories:

- **a body of a place**: "Công an tỉnh Hòa Bình", "TAND TP.HCM", "UBND TP Hạ Long" —
  an institution head (data: ``participants.json``), an optional level word and the
  place mention right after it become one ORG mention (the place stays a GPE mention);
- **a name next to a trigger that mention finding left out**: a run of capitalised words
  within a few words of an event trigger ("đề nghị Viettel", "ký hợp đồng với Sony",
  "Huyện ủy Đất Đỏ đã trao ...") becomes a mention, typed by the word before it (a person
  cue: PER; an organisation or institution head, made part of the name: ORG), by a
  Vietnamese surname (PER), else ORG. Known words usually written in lower case
  (``caps_stats``) make no name ("Huy hiệu", "Chủ nhật"). Only next to triggers, so that the
  entities added are the events' participants, not every capitalised phrase;
- **a given name used again**: after "Nguyễn Anh Tuấn" the article writes "Tuấn"
  ("tài xế Tuấn", "Tuấn sau đó ..."). A capitalised word equal to the given name (last
  syllable) of exactly one Vietnamese-named person of the article, standing alone (no
  capitalised neighbour), becomes a mention with that person's key. At the start of a
  sentence the word must be one usually written capitalised (``caps_stats`` of the
  actor dictionary), so "Nhân dịp" is no "Nhân".

``complete_mentions(article)`` returns the article's mentions with these added, sorted;
keys of new ORG mentions are "ORG:" + the folded name, as find_mentions writes them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from thoisu.actors.dictionary import Entry, load, syllables
from thoisu.actors.words import is_vietnamese_syllable
from thoisu.models import Article, Mention
from thoisu.text import UPPER_CLASS, fold, phrase_alternation

DATA = Path(__file__).parent / "data" / "participants.json"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*\.?")


@dataclass(frozen=True, slots=True)
class _Config:
    heads: re.Pattern[str]
    surnames: frozenset[str]
    not_given: frozenset[str]
    min_caps_share: float
    free: dict
    org_before: re.Pattern[str]  # an organisation/institution head right before a name
    person_before: re.Pattern[str]


@lru_cache(maxsize=1)
def _config() -> _Config:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    heads = phrase_alternation(raw["institution_heads"])
    levels = phrase_alternation(raw["levels"])
    pat = re.compile(rf"(?<!\w)(?:{heads})(?:\s+(?P<level>{levels}))?\s*$", re.IGNORECASE)
    free = raw["free_names"]
    orgs = phrase_alternation(raw["institution_heads"] + free["org_heads"])
    org_before = re.compile(rf"(?<!\w)(?:{orgs})(?:\s+(?:{levels}))?\s+$", re.IGNORECASE)
    person_before = re.compile(rf"(?<!\w)(?:{phrase_alternation(free['person_cues'])})\s+$",
                               re.IGNORECASE)
    return _Config(pat, frozenset(fold(s) for s in raw["vietnamese_surnames"]),
                   frozenset(fold(s) for s in raw["not_given_names"]),
                   float(raw["min_caps_share_sentence_start"]),
                   {**free, "not_names": frozenset(fold(w) for w in free["not_names"])},
                   org_before, person_before)


@lru_cache(maxsize=1)
def _caps_share() -> dict[str, float]:
    try:  # the actor dictionary's table: share of mid-sentence uses written capitalised
        from thoisu.actors.dictionary import load

        return load().caps_stats
    except Exception:  # noqa: BLE001 - without the table, sentence-initial names are skipped
        return {}


def _window_start(text: str, end: int, width: int = 80) -> int:
    """Where a search for a head written right before ``end`` may start: a word boundary
    ``width`` characters back (heads are shorter), so the search does not scan the
    whole sentence before every name."""
    if end <= width:
        return 0
    k = text.rfind(" ", 0, end - width)
    return k + 1 if k >= 0 else 0


def _institutions(article: Article, mentions: list[Mention], cfg: _Config) -> list[Mention]:
    out: list[Mention] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    for si, ms in by_sent.items():
        text = article.sentences[si].text
        for m in ms:
            if m.type not in ("GPE", "LOC", "ORG"):
                continue
            lo = _window_start(text, m.start)
            mt = cfg.heads.search(text, lo, m.start)
            if not mt or m.type == "ORG" and not mt["level"]:
                continue  # "công an phường Trường Thọ" (a place read as ORG) needs its level
            start = mt.start()
            if any(o.type == "ORG" and o.start <= start and o.end >= m.end for o in ms):
                continue  # find_mentions has it already
            name = text[start : m.end]
            out.append(Mention(text=name, type="ORG", key=f"ORG:{fold(name)}", sentence=si,
                               start=start, end=m.end, line=m.line, name=name,
                               country=m.country))
    return out


def _given_names(article: Article, mentions: list[Mention], cfg: _Config) -> list[Mention]:
    owners: dict[str, set[str]] = {}
    info: dict[str, Mention] = {}
    for m in mentions:
        if m.type != "PER":
            continue
        sylls = (m.name or m.text).split()
        if len(sylls) < 2 or fold(sylls[0]) not in cfg.surnames:
            continue
        given = sylls[-1]
        if len(given) < 2 or not given[0].isupper() or fold(given) in cfg.not_given:
            continue
        owners.setdefault(given, set()).add(m.key)
        info.setdefault(given, m)
    if not owners:
        return []
    caps = _caps_share()
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.sentence, []).append((m.start, m.end))
    first_seen: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence, m.start)):
        for given in owners:
            if m.type == "PER" and m.key in owners[given]:
                first_seen.setdefault(given, m.sentence)
    out: list[Mention] = []
    names = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, owners)) + r")(?!\w)")
    for si, sent in enumerate(article.sentences):
        if not names.search(sent.text):
            continue  # none of the given names in this sentence: nothing to look at
        words = list(_WORD.finditer(sent.text))
        for k, w in enumerate(words):
            given = w.group(0).rstrip(".")
            if given not in owners or len(owners[given]) != 1 or si < first_seen.get(given, 1 << 30):
                continue
            a, b = w.start(), w.start() + len(given)
            if any(s < b and a < e for s, e in taken.get(si, [])):
                continue
            prev = words[k - 1].group(0) if k else ""
            nxt = words[k + 1].group(0) if k + 1 < len(words) else ""
            gap_prev = sent.text[words[k - 1].end() : a] if k else ""
            gap_next = sent.text[b : words[k + 1].start()] if k + 1 < len(words) else ""
            if (prev[:1].isupper() and gap_prev.strip() == "") or (
                nxt[:1].isupper() and gap_next.strip() == ""
            ):
                continue  # part of a longer name ("Hải Phòng", "Văn Tuấn")
            if not sent.text[:a].strip() and caps.get(fold(given), 1.0) < cfg.min_caps_share:
                continue  # a sentence-initial common word
            owner = info[given]
            key = next(iter(owners[given]))
            out.append(Mention(text=given, type="PER", key=key, sentence=si, start=a, end=b,
                               line=sent.line, name=owner.name, country=owner.country))
    return out


@lru_cache(maxsize=1)
def _vocab() -> frozenset[str]:
    try:  # the actor dictionary's compounds seen in lower case ("đối tượng", "quyết định")
        from thoisu.actors.dictionary import load

        return frozenset(load().vocab)
    except Exception:  # noqa: BLE001 - without it, only caps shares filter names
        return frozenset()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    from thoisu.annotate.lexicon import resources

    return resources().title_words


# the first letter of a capitalised word (any script's capitals, Vietnamese ones included)
_CAP_START = re.compile("(?<!\\w)[" + UPPER_CLASS + "]")
_CAP_WORD = re.compile(r"[^\W\d_][\w&]*(?:[.\-'’][\w&]+)*\.?")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _trigger_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the event triggers of a sentence (any type; not motion verbs such
    as "đến", which take places, nor words the exclusion list covers: "gặp nạn")."""
    from thoisu.annotate.lexicon import resources, tokenize  # the lexicon loads once

    res = resources()
    trig, excl = res.triggers, res.cues["exclude"]
    spans, folded_t = tokenize(text)
    folded = list(folded_t)
    hits = [i for i, w in enumerate(folded) if w in trig]
    if not hits:
        return []
    blocked: list[tuple[int, int] | None] = [None] * len(folded)
    for i in range(len(folded)):
        if folded[i] in excl.by_first:
            e = i + excl.match(folded, i)
            for j in range(i, e):
                blocked[j] = (i, e)
    out = []
    for i in hits:
        for t in trig[folded[i]]:
            n = len(t.words)
            if tuple(folded[i : i + n]) == t.words and all(
                    b is None or i <= b[0] and b[1] <= i + n for b in blocked[i : i + n]):
                if not t.motion:
                    out.append((spans[i][0], spans[i + n - 1][1]))
                break
    return out


@lru_cache(maxsize=1)
def _glue() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words allowed between a trigger and its object, between a subject and its trigger,
    and before a subject (single folded words of the event cue lists)."""
    from thoisu.annotate.lexicon import resources

    w = resources().words

    def words(*keys: str) -> frozenset[str]:
        return frozenset(x for k in keys for p in w[k] for x in p.split())

    return (words("recipient_preps", "aux", "connectors"),
            words("aux", "light_verbs", "future", "negation"),
            words("subject_lead", "connectors", "coordinators"))


_PASSIVE_GAP = 10  # words from "bị" to the trigger: an agent body's name and a first verb


def _argument_slot(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """Does text[a:b] stand where a trigger's object ("đề nghị Viettel", "ký với Sony") or
    subject ("Viettel đã ký ...", after nothing but punctuation or a connective) stands?"""
    obj_glue, subj_glue, lead = _glue()
    for s, e in spans:
        if e <= a - 40 or s >= b + 60:
            continue  # too far for an object (two short words) or a subject (three)
        if e <= a:
            between = [fold(x) for x in _CAP_WORD.findall(text[e:a])]
            if len(between) <= 2 and all(x in obj_glue for x in between) and not any(
                    c in text[e:a] for c in ",.;:"):
                return True
        elif s >= b:
            between = [fold(x) for x in _CAP_WORD.findall(text[b:s])]
            before = _CAP_WORD.findall(text[max(0, a - 30) : a])
            opens = not before or not text[:a].rstrip()[-1:].isalnum() or fold(before[-1]) in lead
            if opens and len(between) <= 3 and all(x in subj_glue for x in between):
                return True
            if opens and between[:1] == ["bị"] and len(between) <= _PASSIVE_GAP and not any(
                    c in text[b:s] for c in ",.;:"):
                return True  # "Hải bị Công an quận Thủ Đức phát hiện và bắt giữ": the patient
    return False


def _cap_runs(text: str, longest: int) -> list[list[re.Match[str]]]:
    """Maximal runs of capitalised words separated by one space (at most ``longest``)."""
    runs: list[list[re.Match[str]]] = []
    prev = None
    for w in _CAP_WORD.finditer(text):
        if not _is_cap(w.group(0)):
            prev = None
            continue
        if prev is not None and text[prev.end() : w.start()] == " " and len(runs[-1]) < longest:
            runs[-1].append(w)
        else:
            runs.append([w])
        prev = w
    return runs


def _glued(text: str, a: int, b: int) -> bool:
    """The run is part of a common compound with the word before or after it ("phương Tây",
    "Huy hiệu", "Đối tượng" at a sentence start): the actor dictionary's vocabulary."""
    vocab = _vocab()
    before = _CAP_WORD.findall(text[:a])
    after = _CAP_WORD.findall(text[b:])
    first = fold(text[a:b].split()[0])
    last = fold(text[a:b].split()[-1])
    return bool(before and text[:a].endswith(" ") and f"{fold(before[-1])} {first}" in vocab
                or after and text[b:b + 1] == " " and f"{last} {fold(after[0])}" in vocab)


def _free_names(article: Article, mentions: list[Mention], cfg: _Config) -> list[Mention]:
    free, caps = cfg.free, _caps_share()
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.sentence, []).append((m.start, m.end))
    out: list[Mention] = []
    names: dict[str, tuple[str, str, str]] = {}  # surface -> (type, key, name) of the names accepted
    for si, sent in enumerate(article.sentences):
        text = sent.text
        spans_si = taken.get(si, [])
        # cheap test first: a capitalised word outside the known mentions, other than a
        # common word opening the sentence (most sentences have none)
        if not any(not any(s <= m.start() < e for s, e in spans_si) and (
                m.start() > 2 or caps.get(fold(_CAP_WORD.match(text, m.start()).group(0)
                                               .rstrip(".")), 1.0) >= cfg.min_caps_share)
                for m in _CAP_START.finditer(text)):
            continue
        runs = [r for r in _cap_runs(text, free["max_words"]) if not any(
            s < r[-1].end() and r[0].start() < e for s, e in spans_si)]
        if not runs:
            continue  # every capitalised word is a known mention already (most sentences)
        spans = _trigger_spans(text)
        if not spans:
            continue
        for run in runs:
            if len(run) > 1 and not text[: run[0].start()].strip(" “\"'(") and caps.get(
                    fold(run[0].group(0)), 1.0) < cfg.min_caps_share:
                run = run[1:]  # "Hiện Suzuki đang bị điều tra": the sentence's first word
            a, b = run[0].start(), run[-1].end()
            name = text[a:b].rstrip(".") if not run[-1].group(0)[:-1].isupper() else text[a:b]
            b = a + len(name)
            if any(s < b and a < e for s, e in taken.get(si, [])):
                continue
            near = any(
                len(_CAP_WORD.findall(text[min(b, e) : max(a, s)])) <= free["window"]
                for s, e in spans if not (s < b and a < e) and abs(s - a) < 200)
            low = [fold(w.group(0)).rstrip(".") for w in run]
            lo = _window_start(text, a)
            head = cfg.org_before.search(text, lo, a)
            cue = cfg.person_before.search(text, lo, a)
            if not (near and (head or cue) or _argument_slot(text, a, b, spans)):
                continue  # "tên lửa Kalibr", "rơi xuống Nagasaki": no role of a trigger
            surface = name
            if head:  # "Huyện ủy Đất Đỏ", "Đồn Biên phòng Cửa Đại", "công ty Sony"
                a, typ = head.start(), "ORG"
                name = text[a:b]
            else:
                if low[0] in free["not_names"] or " ".join(low[:2]) in free["not_names"]:
                    continue
                if not cue and (any(caps.get(w, 1.0) < free["min_caps_share"] for w in low)
                                or _glued(text, a, b)):
                    continue  # "Huy hiệu", "Lễ", "phương Tây": words, not a name ("họ Từ" is)
                if low[0] in _title_words():
                    continue  # "Phó chính ủy", "Thượng tá": a title, not a name
                if not text[:a].strip(" “\"'(") and caps.get(low[0], 1.0) < cfg.min_caps_share:
                    continue  # a sentence-initial common word
                # several capitalised words without an org head read as a person's name, and
                # so does one Vietnamese syllable ("Hải", "Phi": a given name, not a firm)
                typ = "PER" if cue or not name.isupper() and (
                    len(low) > 1 or is_vietnamese_syllable(name)) else "ORG"
                names.setdefault(surface, (typ, f"{typ}:{fold(name)}", name))
            if typ == "PER" and name.isupper():
                name = name.title()  # "NGUYỄN VĂN NÊN" is "Nguyễn Văn Nên"
            key = f"{typ}:{fold(name)}"
            known = _known(text[a:b])
            if known is not None:  # "Chuyến thăm Nga": a country glued to a word by the
                typ, key, name = known.type, known.key, known.name  # segmenter, not a new ORG
                if surface in names:
                    names[surface] = (typ, key, name)
            elif not head and _no_actor(name):
                names.pop(surface, None)
                continue  # "PV", "HIMARS", "ĐHĐCĐ": what the mention finder never makes an actor
            taken.setdefault(si, []).append((a, b))
            out.append(Mention(text=text[a:b], type=typ, key=key,
                               sentence=si, start=a, end=b, line=sent.line, name=name))
    if names:  # a name accepted once is that name wherever the article writes it again
        pat = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
        for si, sent in enumerate(article.sentences):
            text = sent.text
            for m in pat.finditer(text):
                a, b = m.start(), m.end()
                if any(s < b and a < e for s, e in taken.get(si, [])):
                    continue
                before = _CAP_WORD.findall(text[max(0, a - 30) : a])
                after = _CAP_WORD.findall(text[b : b + 30])
                glued_before = before and text[:a].endswith(" ") and _is_cap(before[-1]) and (
                    text[:a].strip() != before[-1])  # "Theo Viettel" at a sentence start is fine
                if glued_before or after and text[b : b + 1] == " " and _is_cap(after[0]):
                    continue  # part of a longer name
                typ, key, name = names[m.group(0)]
                taken.setdefault(si, []).append((a, b))
                out.append(Mention(text=m.group(0), type=typ, key=key,
                                   sentence=si, start=a, end=b, line=sent.line, name=name))
    return out


def _no_actor(name: str) -> bool:
    """One word in capitals that the mention finder's lexicon says is no actor's name
    (a unit, a weapon, a title, a document: lexicon.json's not_acronyms, roman numerals)."""
    lex = load().lex
    return name.isupper() and " " not in name and (
        fold(name) in lex["not_acronyms"] or fold(name) in lex["roman_numerals"])


def _known(surface: str) -> Entry | None:
    """The actor dictionary's entry for a name written this way, if it has exactly one."""
    entries = load().gazetteer.get(tuple(syllables(surface)), [])
    caps = [w[:1].isupper() for w in surface.split()]
    fits = [e for e in entries if e.case_ok(caps, surface.isupper())]
    return fits[0] if len({e.key for e in fits}) == 1 else None


@lru_cache(maxsize=1)
def _government() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))["government"]
    words = "|".join(re.escape(w) for w in raw["words"])
    not_after = phrase_alternation(raw["not_after"])
    return (re.compile(rf"(?<!\w)(?:{words})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{not_after})\s+$", re.IGNORECASE), raw["state"])


def _governments(article: Article, mentions: list[Mention]) -> list[Mention]:
    """"đề nghị Chính phủ cấp kinh phí": a government written alone, as a trigger's subject
    or object, is the state's mention (``participants.json``, government)."""
    pat, before, state = _government()
    states = {m.country for m in mentions if m.type == "GPE" and m.country}
    home = not states or state["country"] in states  # not a world story of other states
    named = sorted((m for m in mentions if m.type == "GPE" and m.country and fold(
        article.sentences[m.sentence].text[max(0, m.start - 10) : m.start]).endswith("chính phủ")),
        key=lambda m: (m.sentence, m.start))  # "chính phủ Nhật Bản": the state meant after it
    out: list[Mention] = []
    for si, sent in enumerate(article.sentences):
        text = sent.text
        if "Chính" not in text:
            continue  # the cheap test: most sentences name no government
        for m in pat.finditer(text):
            a, b = m.start(), m.end()
            head = text[max(0, a - 40) : a]
            prev = _CAP_WORD.findall(head)
            if before.search(head) or prev and head.endswith(" ") and _is_cap(prev[-1]) and (
                    text[:a].strip() != prev[-1]) or _CAP_START.match(text, b + 1) and (
                    text[b : b + 1] == " "):
                continue  # "Thủ tướng Chính phủ", "Chính phủ Mỹ": part of another name
            if any(o.sentence == si and o.start < b and a < o.end for o in mentions):
                continue
            if not _argument_slot(text, a, b, _trigger_spans(text)):
                continue
            ref = [o for o in named if (o.sentence, o.start) < (si, a)]
            if ref:
                o = ref[-1]
                key, name, country = o.key, o.name or o.text, o.country
            elif home:
                key, name, country = state["key"], state["name"], state["country"]
            else:
                continue  # no state the article names: whose government is not known
            out.append(Mention(text=text[a:b], type="GPE", key=key, sentence=si, start=a,
                               end=b, line=sent.line, name=name, country=country))
    return out


def complete_mentions(article: Article) -> list[Mention]:
    """The article's mentions plus bodies of a place, names next to triggers and
    given-name back-references."""
    cfg = _config()
    base = list(article.mentions)
    extra = _institutions(article, base, cfg)
    extra += _given_names(article, base + extra, cfg)
    extra += _free_names(article, base + extra, cfg)
    extra += _governments(article, base + extra)
    return sorted(base + _as_resolved(extra, base), key=lambda m: (m.sentence, m.start, -m.end))


def _as_resolved(extra: list[Mention], base: list[Mention]) -> list[Mention]:
    """Extra mentions written as a name the actors stage resolved elsewhere in the article
    take that resolution: the actors stage joins a bare "Mitsubishi" to "Mitsubishi
    Motors" or an acronym to its full name across the article, and a mention found here
    again must not become a second entity of its own. Only a surface resolved one way,
    and only to a person or an organisation: a name found here beside a trigger acts, and
    when the actors stage typed the same words a place ("Diệu Hân" read as a ward), the
    place is the likelier error."""
    seen: dict[str, Mention | None] = {}
    for m in base:
        f = fold(m.text)
        if f in seen and seen[f] is not None and seen[f].key != m.key:
            seen[f] = None  # resolved two ways in this article: leave extras as they are
        else:
            seen.setdefault(f, m)
    out = []
    for m in extra:
        r = seen.get(fold(m.text))
        if r is not None and r.key != m.key and r.type in ("PER", "ORG"):
            m = replace(m, type=r.type, key=r.key, name=r.name, country=r.country)
        out.append(m)
    return out


def participant_mentions(mentions: list[Mention]) -> list[Mention]:
    """Mentions for event roles: a mention inside a longer ORG is not a participant of its
    own ("Công an tỉnh Hòa Bình" acts, not "Hòa Bình"; "TAND TP.HCM", not "TAND"), nor is a
    unit written right before its body ("Cơ quan Cảnh sát điều tra Công an quận X"), nor
    a name cut off inside an ORG that goes on past it ("Thường trực UBND" of "Phó Chủ tịch
    Thường trực UBND tỉnh Bắc Ninh", "Lực lượng Cảnh sát PCCC&CNCH" of "Cảnh sát PCCC&CNCH
    khu vực Hồng Lĩnh"): the body named in full acts; nor a title read as a person's name
    right before the name ("HLV trưởng Nguyễn Hữu Thắng"); nor the bench of a trial
    ("HĐXX"): event_anaphora reads it as the court the article named."""
    units, gap = _units()
    panels = _panels()
    orgs = [m for m in mentions if m.type == "ORG"]

    def unit(m: Mention) -> bool:
        return m.type == "ORG" and fold(m.text) in units and any(
            o.sentence == m.sentence and 0 < o.start - m.end <= gap for o in orgs)

    titles = _title_words()
    pers = [m for m in mentions if m.type == "PER"]

    def title(m: Mention) -> bool:  # "HLV trưởng" read as a name before "Nguyễn Hữu Thắng"
        return m.type == "PER" and all(w in titles for w in fold(m.text).split()) and any(
            o.sentence == m.sentence and 0 <= o.start - m.end <= 1 for o in pers)

    return [m for m in mentions if not unit(m) and not title(m) and not (
        m.type == "ORG" and fold(m.text) in panels) and not any(
        o is not m and o.sentence == m.sentence and (
            o.start <= m.start and o.end >= m.end and o.end - o.start > m.end - m.start
            or m.start < o.start < m.end < o.end) for o in orgs)]



@lru_cache(maxsize=1)
def _panels() -> frozenset[str]:
    return frozenset(fold(u) for u in json.loads(DATA.read_text(encoding="utf-8"))["panels"])


@lru_cache(maxsize=1)
def _units() -> tuple[frozenset[str], int]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return frozenset(fold(u) for u in raw["units"]), int(raw["unit_gap"])
