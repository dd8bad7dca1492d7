"""Participants written without a name: noun phrases that refer back to a named one.

News names a participant once and then describes it: "Oh Junghyun và Kim Myungun ...
Hai người này cũng đã bị bắt", "Người đẹp đã khởi kiện", "UBND thành phố đang đề nghị
ngân hàng tiếp tục giải ngân", "Thủ tướng nhấn mạnh". The event rules read participants
from the sentence's mentions, so these events had none, or only one side. Here each such
phrase becomes a mention of its antecedent (same key and type) in the sentence's
analysis only (``syntax.Analysis(extra=...)``); ``article.mentions`` is not touched.
The role rules then read it where it stands: subject, object, agent or patient.

Antecedents, kept per article in reading order:
- a plural phrase ("hai đối tượng"): the latest coordination of two or more persons;
- a title used alone ("Thủ tướng" after "Thủ tướng Phạm Minh Chính"): the one person the
  article named with it;
- a role with a demonstrative ("nghi phạm này"): the latest person in subject position;
- a bare epithet ("người đẹp"): the person the headline names, else the one named most,
  of the epithet's gender when the article's titles tell it;
- a body's head noun ("ngân hàng", "công ty này"): the latest ORG whose name opens so;
- a kin word ("chém vợ"): the person the article introduced with it ("vợ là Lê Thị Hậu");
- a bare pronoun right after a trigger ("chém ông"): the latest person in subject
  position, when the article's titles give that person the pronoun's gender.
Phrases, windows and positions: ``data/event_anaphora.json``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from thoisu.annotate.lexicon import PhraseSet, phrase, resources
from thoisu.models import Mention
from thoisu.text import fold

_DATA = Path(__file__).parent / "data" / "event_anaphora.json"


@dataclass(slots=True)
class GroupMention(Mention):
    """A phrase standing for one or several named participants ("nghi phạm này", "hai
    em"): ``key`` is the first, ``group`` all of them (``syntax.Chain.keys`` reads them all)."""

    group: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Config:
    plural: PhraseSet
    singular: PhraseSet
    sg_demonstratives: frozenset[str]
    sg_blockers: frozenset[str]
    sg_need_demonstrative: frozenset[tuple[str, ...]]
    bodies: PhraseSet
    heads: dict[tuple[str, ...], tuple[str, ...]]
    need_demonstrative: frozenset[tuple[str, ...]]
    body_demonstratives: frozenset[str]
    body_blockers: frozenset[str]
    window: int
    title_skip: frozenset[str]  # honorifics and determiners before a title ("ông", "các")
    offices: PhraseSet  # what a title opens with
    title_not_followed: frozenset[str]  # "đại sứ quán" is a body
    openers: frozenset[str]  # tokens after which a subject may open
    gender: dict[tuple[str, ...], str]  # phrase -> "f" / "m"
    title_gender: dict[str, str]  # title word before a name -> "f" / "m"
    kin: PhraseSet  # "vợ", "con trai": a relative introduced before a name
    kin_joiners: PhraseSet  # "là" between the kin word and the name
    kin_not_followed: frozenset[str]  # "vợ chồng", "vợ cũ": not the bare kin word
    obj_pronouns: PhraseSet  # "ông", "cô ấy" as the object of a trigger
    obj_not_followed: frozenset[str]  # "ông bà", "anh em": not a bare pronoun
    firsts: frozenset[str]  # first words of every phrase: most tokens open none


@lru_cache(maxsize=1)
def _config() -> _Config:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    pl, sg, bd = raw["plural_persons"], raw["singular_persons"], raw["bodies"]

    def words(xs: list[str]) -> frozenset[str]:
        return frozenset(" ".join(phrase(x)) for x in xs)

    heads = {phrase(k): tuple(" ".join(phrase(h)) for h in v) for k, v in bd["heads"].items()}
    plural = PhraseSet([phrase(p) for p in pl["phrases"]])
    singular = PhraseSet([phrase(p) for p in sg["phrases"]])
    bodies = PhraseSet(list(heads))
    g = sg["gender"]
    gender = {phrase(x): sex for sex in ("f", "m") for x in g[sex]}
    title_gender = {" ".join(phrase(x)): sex for sex in ("f", "m") for x in g["titles_" + sex]}
    return _Config(
        plural, singular, words(sg["demonstratives"]), words(sg["blockers_before"]),
        frozenset(phrase(x) for x in sg["need_demonstrative"]), bodies,
        heads, frozenset(phrase(x) for x in bd["need_demonstrative"]),
        words(bd["demonstratives"]), words(bd["blockers_before"]), int(raw["window_sentences"]),
        words(raw["titles"]["skip"]), PhraseSet([phrase(x) for x in raw["titles"]["offices"]]),
        words(raw["titles"]["not_followed_by"]),
        words(raw["slot_openers"]), gender, title_gender,
        PhraseSet([phrase(x) for x in raw["kin"]["phrases"]]),
        PhraseSet([phrase(x) for x in raw["kin"]["joiners"]]), words(raw["kin"]["not_followed_by"]),
        PhraseSet([phrase(x) for x in raw["object_pronouns"]["phrases"]]),
        words(raw["object_pronouns"]["not_followed_by"]),
        frozenset(plural.by_first) | frozenset(singular.by_first) | frozenset(bodies.by_first)
        | {phrase(x)[0] for x in raw["kin"]["phrases"] + raw["object_pronouns"]["phrases"]})


def singular_persons() -> PhraseSet:
    """The phrases that stand for one person named before ("ông", "cô ấy"), for the role
    rules that read them outside anaphora."""
    return _config().singular


@dataclass(slots=True)
class Antecedents:
    """What an article has named so far, for the phrases of later sentences."""

    title: str = ""  # the article's title, folded: its protagonist is named there
    n: int = 0  # sentences read
    groups: list[tuple[int, list[Mention]]] = field(default_factory=list)  # coordinated persons
    subjects: list[tuple[int, Mention]] = field(default_factory=list)  # persons as subjects
    persons: Counter = field(default_factory=Counter)  # key -> mentions
    person_of: dict[str, Mention] = field(default_factory=dict)
    sex: dict[str, str] = field(default_factory=dict)  # key -> gender its titles tell
    # title words written before a person's name ("thủ tướng", "thủ tướng chính phủ") ->
    # that person, or None when the article gives the title to several people
    titles: dict[tuple[str, ...], Mention | None] = field(default_factory=dict)
    orgs: list[tuple[Mention, str]] = field(default_factory=list)  # (mention, folded name)
    kin: dict[tuple[str, ...], Mention] = field(default_factory=dict)  # "vợ" -> Lê Thị Hậu

    def read(self, an: object, mentions: list[Mention] | tuple = ()) -> None:
        """Remember the named participants of an analysed sentence (``syntax.Analysis``;
        ``mentions``: its named mentions, for the persons in parentheses the analysis
        leaves out: "ăn cơm với vợ (Lê Thị Hậu, SN 1994)")."""
        for ch in an.chains:  # type: ignore[attr-defined]
            people = [np.head for np in ch.nps if np.head.type == "PER"]
            real = [m for m in people if not isinstance(m, GroupMention)]
            if len({m.key for m in real}) > 1:
                self.groups.append((self.n, real))
            if not ch.prep and people and not isinstance(people[0], GroupMention) \
                    and not _background(an, ch.start):
                self.subjects.append((self.n, people[0]))
        cfg = _config()
        tg = cfg.title_gender
        for np in an.nps + an.aside_nps:  # type: ignore[attr-defined]
            h = np.head
            if h.type == "PER" and not isinstance(h, GroupMention):
                for w in an.toks[max(0, np.start, np.first - 2) : np.first]:  # type: ignore[attr-defined]
                    if w in tg:
                        self.sex.setdefault(h.key, tg[w])
                self._title(tuple(an.toks[np.start : np.first]), h)  # type: ignore[attr-defined]
                self._kin(an.toks, np.start, h)  # type: ignore[attr-defined]
            for m in np.mentions:
                if isinstance(m, GroupMention):
                    continue
                if m.type == "PER":
                    self.persons[m.key] += 1
                    self.person_of[m.key] = m
                elif m.type == "ORG":
                    self.orgs.append((m, fold(m.text)))
        for m in mentions:
            a = an.tok_at(m.start)  # type: ignore[attr-defined]
            if m.type == "PER" and 0 < a < len(an.toks) and an.toks[a - 1] == "(":  # type: ignore[attr-defined]
                self._kin(an.toks, a, m)  # type: ignore[attr-defined]
        self.n += 1

    def _kin(self, toks: list[str], start: int, m: Mention) -> None:
        """"vợ là Lê Thị Hậu", "con trai Nguyễn Văn A": the kin word names this person."""
        cfg = _config()
        k = start - cfg.kin_joiners.ends_at(toks, start)
        n = cfg.kin.ends_at(toks, k)
        if n:
            self.kin[tuple(toks[k - n : k])] = m

    def _title(self, words: tuple[str, ...], m: Mention) -> None:
        k = 0
        while k < len(words) and words[k] in _config().title_skip:
            k += 1
        words = words[k:]
        if not words or not _config().offices.match(list(words), 0):
            return  # "Chính phủ", "lãnh đạo": a body, not one person's office
        for n in range(2, len(words) + 1):  # "thủ tướng", "thủ tướng chính phủ"
            t = words[:n]
            got = self.titles.get(t, m)
            self.titles[t] = m if got is not None and got.key == m.key else None

    def first_title_words(self) -> set[str]:
        return {t[0] for t, m in self.titles.items() if m is not None}

    def titled(self, toks: list[str], i: int) -> tuple[int, Mention | None]:
        """(length, person) of the longest title of a named person at toks[i]."""
        best: tuple[int, Mention | None] = (0, None)
        for n in range(2, 6):
            t = tuple(toks[i : i + n])
            if len(t) < n:
                break
            if t in self.titles:
                best = (n, self.titles[t])
        return best

    def group(self, window: int) -> list[Mention]:
        if self.groups and self.n - self.groups[-1][0] <= window:
            return self.groups[-1][1]
        return []

    def person(self, window: int, latest: bool, sex: str | None = None) -> Mention | None:
        """``latest``: the latest person in subject position within the window ("nghi phạm
        này"), else the person named most (an epithet: "người đẹp", "cô gái 27 tuổi")."""
        def fits(key: str) -> bool:
            return sex is None or self.sex.get(key, sex) == sex

        if latest and self.subjects and self.n - self.subjects[-1][0] <= window:
            m = self.subjects[-1][1]
            return m if fits(m.key) else None
        if self.persons:  # the one the title names first, then the one named most
            ranked = sorted(((self._in_title(k), n), k) for k, n in self.persons.items()
                            if fits(k))
            if not ranked:
                return None
            if len(ranked) == 1 or ranked[-1][0] > ranked[-2][0]:
                return self.person_of[ranked[-1][1]]
        return None

    def _in_title(self, key: str) -> bool:
        m = self.person_of[key]
        return bool(self.title) and any(
            len(x) > 2 and x in self.title for x in (fold(m.text), key.split(":", 1)[-1]))

    def org(self, heads: tuple[str, ...]) -> Mention | None:
        for m, name in reversed(self.orgs):
            if name.startswith(heads):
                return m
        return None


def _background(an: object, k: int) -> bool:
    """The phrase at token k opens a background clause ("..., khi ông Erdogan là người
    đứng đầu chính phủ"): its subject is no protagonist for "người mẫu này" next."""
    toks, subs = an.toks, an.res.words["background_subs"]  # type: ignore[attr-defined]
    return any(" ".join(toks[k - n : k]) in subs for n in (1, 2) if k >= n)


def _capitalised_after(an: object, k: int) -> bool:
    toks, spans, text = an.toks, an.spans, an.text  # type: ignore[attr-defined]
    return k < len(toks) and toks[k][:1].isalpha() and text[spans[k][0]].isupper()


@lru_cache(maxsize=1)
def _trigger_ends() -> PhraseSet:
    """Every trigger phrase, to tell an object slot ("đề nghị ngân hàng ...")."""
    return PhraseSet([t.words for lst in resources().triggers.values() for t in lst])


@lru_cache(maxsize=1)
def _opener_phrases() -> PhraseSet:
    """The slot openers of several words ("ngay lập tức", "sau đó")."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return PhraseSet([phrase(x) for x in raw["slot_openers"] if " " in x])


def _slot(an: object, i: int) -> bool:
    """toks[i] opens a participant slot: a subject (after the sentence's start, a comma or
    a connective) or an object (right after a trigger or a recipient preposition). Outside
    these a bare noun is mostly generic ("khoản vay ngân hàng", "hệ thống ngân hàng")."""
    toks, aside = an.toks, an.aside  # type: ignore[attr-defined]
    k = i - 1
    while k >= 0 and aside[k]:
        k -= 1
    if k < 0 or toks[k] in _config().openers or _opener_phrases().ends_at(toks, k + 1):
        return True
    res = an.res  # type: ignore[attr-defined]
    return toks[k] in res.words["recipient_preps"] or bool(_trigger_ends().ends_at(toks, i))


def _singular(prev: str, blockers: frozenset[str]) -> bool:
    """No number or plural word before the phrase ("3 bị cáo này", "các công ty")."""
    return prev not in blockers and not prev[:1].isdigit()


def _name_at(spans: list[tuple[int, int]], taken: list[tuple[int, int]], k: int) -> bool:
    """A mention starts at token k: the phrase before it is its title."""
    return k < len(spans) and any(s == spans[k][0] for s, _ in taken)


def anaphor_mentions(an: object, mentions: list[Mention], ants: Antecedents,
                     sentence: int, line: int) -> list[Mention]:
    """Mentions of their antecedents for the unnamed participant phrases of a sentence
    (``an``: the analysis being built, with tokens and asides)."""
    cfg = _config()
    toks, spans, aside = an.toks, an.spans, an.aside  # type: ignore[attr-defined]
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    title_firsts = ants.first_title_words()  # once per sentence: most tokens open nothing
    i, n = 0, len(toks)
    while i < n:
        if toks[i] not in cfg.firsts and toks[i] not in title_firsts or aside[i]:
            i += 1
            continue
        a, prev = spans[i][0], toks[i - 1] if i else ""
        got: tuple[int, list[Mention]] | None = None
        k, m = ants.titled(toks, i) if toks[i] in title_firsts else (0, None)
        if k and m is not None and _singular(prev, cfg.sg_blockers) and _slot(an, i) \
                and not _capitalised_after(an, i + k) and not _name_at(spans, taken, i + k) \
                and not (i + k < n and toks[i + k] in cfg.title_not_followed):
            got = (k, [m])  # "Thủ tướng nhấn mạnh" after "Thủ tướng Phạm Minh Chính"
        k = cfg.plural.match(toks, i) if got is None else 0
        if k and not _capitalised_after(an, i + k) and not _name_at(spans, taken, i + k):
            people = ants.group(cfg.window)
            if people:
                got = (k, people)
        if got is None:
            k = cfg.singular.match(toks, i)
            if k:
                dem = i + k < n and toks[i + k] in cfg.sg_demonstratives
                if not an.trigger_at(i) and _singular(prev, cfg.sg_blockers) and (dem or (
                        tuple(toks[i : i + k]) not in cfg.sg_need_demonstrative
                        and _slot(an, i) and not _capitalised_after(an, i + k)
                        and not _name_at(spans, taken, i + k))):
                    m = ants.person(cfg.window, dem, cfg.gender.get(tuple(toks[i : i + k])))
                    if m is not None:
                        got = (k + int(dem), [m])
        if got is None:
            k = cfg.bodies.match(toks, i)
            if k:
                head = tuple(toks[i : i + k])
                dem = i + k < n and toks[i + k] in cfg.body_demonstratives
                if _singular(prev, cfg.body_blockers) and (
                        dem or head not in cfg.need_demonstrative and _slot(an, i)
                ) and not _capitalised_after(an, i + k):
                    m = ants.org(cfg.heads[head])
                    if m is not None:
                        got = (k + int(dem), [m])
        if got is None and ants.kin:
            k = cfg.kin.match(toks, i)
            ref = ants.kin.get(tuple(toks[i : i + k])) if k else None
            if ref is not None and (i + k >= n or toks[i + k] not in cfg.kin_not_followed) \
                    and _slot(an, i) and not _capitalised_after(an, i + k) \
                    and not _name_at(spans, taken, i + k):
                got = (k, [ref])  # "chém vợ" after "vợ là Lê Thị Hậu"
        if got is None and i > 0:
            k = cfg.obj_pronouns.match(toks, i)
            if k and (i + k >= n or toks[i + k] not in cfg.obj_not_followed) \
                    and _trigger_ends().ends_at(toks, i) and not _capitalised_after(an, i + k) \
                    and not _name_at(spans, taken, i + k):
                sex = cfg.title_gender.get(toks[i])
                m = ants.person(cfg.window, True, sex)
                if m is not None and (sex is None or ants.sex.get(m.key) == sex):
                    got = (k, [m])  # "chém ông", "vinh danh cô": the person last the subject
        if got is None:
            i += 1
            continue
        k, refs = got
        b = spans[min(i + k, n) - 1][1]
        if any(s < b and a < e for s, e in taken):
            i += k  # part of a name ("Ngân hàng Tiên Phong" itself)
            continue
        first = refs[0]
        out.append(GroupMention(
            text=an.text[a:b], type=first.type, key=first.key, sentence=sentence,  # type: ignore[attr-defined]
            start=a, end=b, line=line, name=first.name, country=first.country,
            group=tuple(dict.fromkeys(m.key for m in refs))))
        i += k
    return out
