"""Shallow syntax of one sentence for event and speaker coding: word/punctuation tokens
(folded), noun phrases built from the article's mentions (with the titles before them and
the preposition governing them), coordination chains, asides (direct quotes,
parentheses, appositives) and clause boundaries (punctuation, subordinators, speech verbs).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thoisu.annotate.lexicon import PhraseSet, Resources, phrase, tokenize
from thoisu.annotate.quote_spans import CLOSE_Q, OPEN_Q
from thoisu.models import Mention

ACTOR_TYPES = ("PER", "ORG", "GPE")
PASSIVE_MARKERS = frozenset(("bị", "được"))


def passive_beside(toks: list[str], i: int) -> bool:
    """A passive marker at the trigger's first token or right before it ("bị truy tố"): the
    learned argument parts' plain test, without the rules' exceptions ("bị cáo")."""
    return any(t in PASSIVE_MARKERS for t in toks[max(0, i - 1) : i + 1])


_ROLES_DATA = Path(__file__).parent / "data" / "participants.json"


@lru_cache(maxsize=1)
def _roles() -> dict[str, list[str]]:
    """The role rules' word lists (``roles`` of data/participants.json), read once."""
    raw = json.loads(_ROLES_DATA.read_text(encoding="utf-8"))["roles"]
    return {k: v for k, v in raw.items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def role_cues() -> dict[str, PhraseSet]:
    """The role rules' word lists as phrase sets."""
    return {k: PhraseSet([phrase(p) for p in v]) for k, v in _roles().items()}


@lru_cache(maxsize=16)
def role_words(name: str) -> frozenset[str]:
    """One role word list as a set of its raw entries."""
    return frozenset(_roles()[name])


_PUNCT = frozenset((";", ":", "?", "!", "–", "—", *OPEN_Q, *CLOSE_Q))
_STOPS: dict[int, frozenset[str]] = {}  # id(Resources) -> words that may open a boundary


def _boundary_words(res: Resources) -> frozenset[str]:
    got = _STOPS.get(id(res))
    if got is None:
        c = res.cues
        got = _STOPS[id(res)] = frozenset(
            c["non_boundary"].by_first.keys() | res.speech.by_first.keys()
            | c["subordinators"].by_first.keys() | _PUNCT)
    return got
_HEAD_RANK = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3}


@dataclass(slots=True)
class NP:
    """A group of adjacent mentions (with the title words before them)."""

    start: int  # first token (titles included)
    end: int  # token after the last mention
    mentions: list[Mention]
    prep: tuple[str, ...] = ()  # the preposition governing it, if any
    chain: int = -1  # index of its coordination chain
    first: int = -1  # token of its first name (after the titles)

    @property
    def head(self) -> Mention:
        return min(self.mentions, key=lambda m: _HEAD_RANK.get(m.type, 9))


@dataclass(slots=True)
class Chain:
    nps: list[NP]

    @property
    def start(self) -> int:
        return self.nps[0].start

    @property
    def end(self) -> int:
        return self.nps[-1].end

    @property
    def prep(self) -> tuple[str, ...]:
        return self.nps[0].prep

    def keys(self, types: tuple[str, ...] = ACTOR_TYPES) -> list[str]:
        out: list[str] = []
        for np in self.nps:
            h = np.head
            if h.type in types:
                out += [k for k in head_keys(h) if k not in out]
        return out


def head_keys(m: Mention) -> tuple[str, ...]:
    """The keys a head mention stands for: several for a phrase such as "hai em"
    (``event_anaphora.GroupMention``), else its own."""
    return getattr(m, "group", ()) or (m.key,)


def _opens_with_name(np: NP) -> bool:
    """The phrase opens with its name, no title first ("Anh", not "ông Lavrov")."""
    return np.start == np.first


class Analysis:
    """Tokens, noun phrases, clause boundaries and quoted spans of one sentence."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]],
                 res: Resources, extra: Callable[[Analysis, list[Mention]], list[Mention]] | None = None
                 ) -> None:
        self.text = text
        self.res = res
        spans, folded = tokenize(text)
        self.spans: list[tuple[int, int]] = list(spans)
        toks = list(folded)
        self.toks = toks
        self.starts = [s for s, _ in self.spans]
        n = len(toks)
        # tokens inside direct quotes or parentheses are asides for event coding
        self.aside = [False] * n
        for qs, qe in quoted:
            for i in range(self.tok_at(qs), n):
                if self.spans[i][0] >= qe:
                    break
                self.aside[i] = True
        depth = 0
        for i, t in enumerate(toks):
            if t in "([":
                depth += 1
            if depth:
                self.aside[i] = True
            if t in ")]" and depth:
                depth -= 1
        if extra is not None:  # participants written without a name (event_anaphora)
            mentions = mentions + extra(self, mentions)
        self.nps = self._noun_phrases(mentions)
        self._mark_appositives()
        self.aside_nps = [np for np in self.nps if self.aside[self.tok_at(np.mentions[0].start)]]
        self.nps = [np for np in self.nps if not self.aside[self.tok_at(np.mentions[0].start)]]
        self.chains = self._chains()
        self.bounds = self._boundaries()
        # tokens of names: cue words inside them are no cues ("Cần Thơ" holds no "cần")
        self.in_name = [False] * n
        for np in self.nps:
            for k in range(np.first, np.end):
                self.in_name[k] = True

    def tok_at(self, char: int) -> int:
        """Index of the token containing or following a character offset."""
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and self.spans[i][1] > char:
            return i
        return i + 1

    # -- noun phrases ---------------------------------------------------------------
    def _noun_phrases(self, mentions: list[Mention]) -> list[NP]:
        toks, titles = self.toks, self.res.title_words
        nps: list[NP] = []
        for m in sorted(mentions, key=lambda m: m.start):
            a = self.tok_at(m.start)
            b = max(a + 1, self.tok_at(m.end - 1) + 1) if m.end > m.start else a + 1
            if a >= len(toks) or self.aside[a]:
                continue
            # title words between two names make one phrase ("Mỹ" + "Ngoại trưởng" + name),
            # unless a trigger stands there: "Nga tố Mỹ" (tố of "công tố viên") is a clause
            if nps and a <= nps[-1].end + 3 and all(
                t in titles for t in toks[nps[-1].end : a]
            ) and a >= nps[-1].end and not any(self.trigger_at(k) for k in range(nps[-1].end, a)):
                nps[-1].end = max(nps[-1].end, b)
                nps[-1].mentions.append(m)
                continue
            s = a
            # title words before a name, but not the end of a trigger ("đề nghị Chính phủ":
            # "nghị" of "nghị sĩ" is a title word)
            while s > 0 and toks[s - 1] in titles and not self.aside[s - 1] and not self._in_trigger(s - 1):
                s -= 1
            nps.append(NP(s, b, [m], first=a))
        preps, heads = self.res.cues["preps"], self.res.cues["head_nouns"]
        for np in nps:
            p = np.start
            h = heads.ends_at(toks, np.first)
            if not heads.ends_at(toks, p) and h > np.first - p:
                p = np.first  # "của các tổ chức Đoàn ...": the title word read back ("chức" of
                # "quan chức") ends a head noun, not a title
            p -= heads.ends_at(toks, p)  # "tại thủ đô Bình Nhưỡng", "về vấn đề Ukraine"
            k = preps.ends_at(toks, p)
            if k:
                np.prep = tuple(toks[p - k : p])
        return nps

    def _mark_appositives(self) -> None:
        """", đại sứ lưu động của Nga," after a name and ", trong đó ...," are asides."""
        toks, n = self.toks, len(self.toks)
        commas = [i for i, t in enumerate(toks) if t == "," and not self.aside[i]]
        par = self.res.cues["parenthetical"]
        for a, b in zip(commas, commas[1:], strict=False):
            if b - a < 2 or b - a > 20:
                continue
            after_name = any(np.end == a and np.head.type in ("PER", "ORG") for np in self.nps)
            opener = bool(par.match(toks, a + 1))
            if not (after_name or opener):
                continue
            inner = [np for np in self.nps if a < np.start < b]
            place = len(inner) == 1 and inner[0].start == a + 1 and inner[0].end == b and (
                inner[0].head.type in ("GPE", "LOC"))  # "Công an quận Hoàng Mai, Hà Nội, ..."
            if after_name and not opener and not place and any(not np.prep for np in inner):
                continue  # "Theo KCNA, ông Oleg Burmistrov, ..." is no appositive
            if any(self.trigger_at(k) for k in range(a + 1, min(a + 3, n))):
                continue  # ", gặp gỡ ..." is a clause
            for k in range(a + 1, b):
                self.aside[k] = True

    def _chains(self) -> list[Chain]:
        conn = self.res.cues["connectors"]
        chains: list[Chain] = []
        for np in self.nps:
            if chains:
                prev = chains[-1].nps[-1]
                # asides between are skipped: "A (SN 1955, cựu ...) và B (SN 1962) bị tuyên phạt"
                gap = [t for k, t in enumerate(self.toks[prev.end : np.start], prev.end)
                       if not self.aside[k]]
                if gap and conn.match(gap, 0) == len(gap) and tuple(gap) != ("với",):
                    chains[-1].nps.append(np)
                    np.chain = len(chains) - 1
                    continue
                lists = not chains[-1].prep or _opens_with_name(np)  # "bị Mỹ, Anh và Úc"
                if gap == [","] and lists and self._continues_with_and(np):
                    chains[-1].nps.append(np)
                    np.chain = len(chains) - 1
                    continue
            chains.append(Chain([np]))
            np.chain = len(chains) - 1
        return chains

    def _continues_with_and(self, np: NP) -> bool:
        i = self.nps.index(np)
        if i + 1 < len(self.nps):
            gap = self.toks[np.end : self.nps[i + 1].start]
            return gap in (["và"], ["cùng"], [","])
        return False

    # -- clauses ------------------------------------------------------------------
    def _boundaries(self) -> list[tuple[int, int, str]]:
        """(start, end, kind) of clause boundaries: punctuation, subordinators, speech."""
        toks, cues = self.toks, self.res.cues
        nonb, speech, subs = cues["non_boundary"], self.res.speech, cues["subordinators"]
        stops = _boundary_words(self.res)  # most words open no such phrase: look at the rest
        out: list[tuple[int, int, str]] = []
        nxt = 0  # first token not yet consumed by a matched phrase
        for i in [k for k, t in enumerate(toks) if t in stops]:
            if i < nxt or self.aside[i]:
                continue
            t = toks[i]
            if t in _PUNCT:
                out.append((i, i + 1, "punct"))
                nxt = i + 1
                continue
            k = nonb.match(toks, i)
            if k:
                nxt = i + k
                continue
            k = speech.match(toks, i)
            if k and role_cues()["document_verbs"].ends_at(toks, i):
                k = 0  # "ký báo cáo gửi X": the report signed, no reported clause opens
            if k and not self.trigger_at(i):
                out.append((i, i + k, "speech"))
                nxt = i + k
                continue
            k = subs.match(toks, i)
            if k:
                out.append((i, i + k, "sub"))
                nxt = i + k
        return out

    def _in_trigger(self, k: int) -> bool:
        """Is token k inside (not at the start of) a trigger of the lexicon?"""
        return any(self.trigger_at(j) and any(j + len(t.words) > k for t in self.res.triggers.get(self.toks[j], ())
                                               if tuple(self.toks[j:j + len(t.words)]) == t.words)
                   for j in range(max(0, k - 3), k))

    def other_acts_object(self, np: NP, j: int, typ: str) -> bool:
        """Is ``np``, after a trigger of type ``typ`` ending at j, the object of a verb of
        another kind of act between them ("truy bắt những tên bắt cóc Pulido", "thu giữ
        con dao đâm chị Thủy"): at most ``other_act_object`` words after that verb and no
        preposition among them? A preposition may attach it higher ("bác yêu cầu khởi kiện
        của Hoa hậu X", "xét xử vụ án giết người đối với bị cáo X"). Triggers inside names
        and the lexicon's exclusions do not count."""
        toks, res = self.toks, self.res
        exclude, preps = res.cues["exclude"], res.cues["preps"]
        for k in range(np.start - 1, j - 1, -1):
            if self.in_name[k] or self.aside[k]:
                continue
            got = [t for t in res.triggers.get(toks[k], ()) if tuple(toks[k : k + len(t.words)]) == t.words
                   and len(t.words) >= exclude.match(toks, k)]  # ("bắt cóc" spans its exclusion)
            if not got:
                continue
            if typ in {t.type for t in got}:
                return False  # the same kind of act goes on: "khởi tố, bắt tạm giam X"
            e = k + max(len(t.words) for t in got)
            gap = range(e, np.start)
            return len(gap) <= res.windows["other_act_object"] and not any(
                preps.match(toks, g) for g in gap)
        return False

    def trigger_at(self, i: int) -> bool:
        """Does an event trigger of the lexicon start at token i?"""
        return any(
            tuple(self.toks[i : i + len(t.words)]) == t.words
            for t in self.res.triggers.get(self.toks[i], ())
        )

    def clause_start(self, t: int) -> tuple[int, str | None, int]:
        """(first token of t's clause, kind of the boundary opening it, boundary start)."""
        best: tuple[int, str | None, int] = (0, None, 0)
        for s, e, kind in self.bounds:
            if e <= t:
                best = (e, kind, s)
            else:
                break
        return best

    def chain_of(self, np: NP) -> Chain:
        return self.chains[np.chain]



def subject_persons(an: Analysis) -> list[str]:
    """The first person heading a chain in subject position (no preposition) of a sentence."""
    for ok in ((), ("của",)):  # "người phát ngôn của Bộ Ngoại giao Mỹ Ned Price"
        for ch in an.chains:
            if ch.prep == ok and ch.nps[0].head.type == "PER":
                return [ch.nps[0].head.key]
    return []


def main_subject(an: Analysis, after: int) -> Chain | None:
    """Subject of the main clause after a fronted phrase: a chain opening a comma segment."""
    commas = [k for k in range(after, len(an.toks)) if an.toks[k] == "," and not an.aside[k]]
    for c in commas[:3]:
        for np in an.nps:
            if np.start == c + 1 and not np.prep:
                return an.chain_of(np)
    return None

