"""The event lexicons, loaded once per process: PLOVER triggers (``data/plover_triggers.tsv``),
cue phrases and word windows (``data/plover_cues.json``) and reporting verbs
(``data/speech_verbs.json``). Phrases are tuples of folded words (``text.fold_word``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from thoisu.text import fold_word

DATA = Path(__file__).parent / "data"
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@lru_cache(maxsize=256)  # one article's sentences: its readers follow one another
def tokenize(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """Character spans and folded words of a sentence's tokens. Cached: participant
    completion, event coding and quote finding each read the same sentences in turn."""
    spans, toks = [], []
    for m in TOKEN.finditer(text):
        spans.append((m.start(), m.end()))
        toks.append(_fold(m.group(0)))
    return tuple(spans), tuple(toks)


_fold = lru_cache(maxsize=1 << 15)(fold_word)  # words repeat across sentences


def phrase(text: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in TOKEN.findall(text))


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    type: str
    mode: str | None
    noun: bool = False
    sym: bool = False
    near: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()  # none may follow: "phối hợp với X bắt giữ Y" is the arrest
    notafter: frozenset[str] = frozenset()  # none just before: "giao X chủ trì, phối hợp": a task
    yields: bool = False  # another trigger after it in its clause is the act ("phối hợp với X bắt")
    obj: str | None = None
    subj: str | None = None
    motion: bool = False
    passive: bool = False  # the trigger itself is passive ("bị bắt"): its subject undergoes
    vobj: bool = False  # verb + its object ("đóng băng tài sản"): "của X" after it is no owner
    inner: bool = False  # the recipient stands before it ("đưa X vào danh sách trừng phạt")
    nosports: bool = False  # no event in a sentence about a team ("HLV X triệu tập Y": a squad)
    operation: bool = False  # police or courts doing it together run an operation, no event


class PhraseSet:
    """Multi-word phrases indexed by first word; longest match at a token position."""

    def __init__(self, phrases: list[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            if p:
                self.by_first.setdefault(p[0], []).append(p)
        for lst in self.by_first.values():
            lst.sort(key=len, reverse=True)

    def match(self, toks: list[str], i: int) -> int:
        """Length of the longest phrase starting at toks[i] (0 if none, or past the end)."""
        if i >= len(toks):
            return 0
        for p in self.by_first.get(toks[i], ()):
            n = len(p)
            if tuple(toks[i : i + n]) == p:
                return n
        return 0

    def ends_at(self, toks: list[str], j: int) -> int:
        """Length of the longest phrase ending just before toks[j] (0 if none)."""
        by_first = self.by_first
        for k in range(max(0, j - 4), j):  # the earliest start is the longest phrase
            if toks[k] in by_first and self.match(toks, k) == j - k:
                return j - k
        return 0


@dataclass(slots=True)
class Resources:
    triggers: dict[str, list[Trigger]]
    cues: dict[str, PhraseSet]
    title_words: frozenset[str]
    speech: PhraseSet
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # one-word cue sets
    windows: dict[str, int] = field(default_factory=dict)  # sizes in words (data)
    replies: dict[str, PhraseSet] = field(default_factory=dict)  # event type -> its nouns
    bodies: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)  # bare -> heads
    sports: dict[str, tuple[str, ...]] = field(default_factory=dict)  # type -> cue lists stopping it


def _load_triggers() -> dict[str, list[Trigger]]:
    out: dict[str, list[Trigger]] = {}
    for raw in (DATA / "plover_triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        words, typ, mode, flags = (raw.split("\t") + ["-", "-"])[:4]
        kw: dict = {}
        for f in flags.split(","):
            f = f.strip()
            if f in ("noun", "sym", "motion", "passive", "vobj", "inner", "nosports",
                     "operation", "yields"):
                kw[f] = True
            elif f.startswith("near="):
                kw["near"] = frozenset(fold_word(w) for w in f[5:].split("|"))
            elif f.startswith("notafter="):
                kw["notafter"] = frozenset(fold_word(w) for w in f[9:].split("|"))
            elif f.startswith("unless="):
                kw["unless"] = frozenset(fold_word(w) for w in f[7:].split("|"))
            elif f.startswith("obj="):
                kw["obj"] = f[4:]
            elif f.startswith("subj="):
                kw["subj"] = f[5:]
        t = Trigger(phrase(words), typ, None if mode == "-" else mode, **kw)
        out.setdefault(t.words[0], []).append(t)
    for lst in out.values():
        lst.sort(key=lambda t: len(t.words), reverse=True)
    return out


@lru_cache(maxsize=1)
def resources() -> Resources:
    cues_raw = json.loads((DATA / "plover_cues.json").read_text(encoding="utf-8"))
    speech_raw = json.loads((DATA / "speech_verbs.json").read_text(encoding="utf-8"))
    cues = {
        k: PhraseSet([phrase(p) for p in v])
        for k, v in cues_raw.items()
        if isinstance(v, list)
    }
    titles = frozenset(w for p in cues_raw["titles"] for w in phrase(p))
    event_verbs = {phrase(p) for p in speech_raw["event_verbs"]}
    verbs = [phrase(p) for p in speech_raw["verbs"] if phrase(p) not in event_verbs]
    cues["cite"] = PhraseSet([phrase(p) for p in speech_raw["cite"]])
    words = {
        k: frozenset(" ".join(phrase(p)) for p in v)
        for k, v in cues_raw.items()
        if isinstance(v, list)
    }
    windows = {k: int(v) for k, v in cues_raw["windows"].items() if not k.startswith("_")}
    replies = {t: PhraseSet([phrase(p) for p in v])
               for t, v in cues_raw["reply_objects"].items() if not t.startswith("_")}
    bodies = {phrase(k): tuple(" ".join(phrase(h)) for h in v)
              for k, v in cues_raw["bare_bodies"].items() if not k.startswith("_")}
    cues["bare_bodies"] = PhraseSet(list(bodies))
    sports = {t: tuple(v) for t, v in cues_raw["sports_types"].items()}
    return Resources(_load_triggers(), cues, titles, PhraseSet(verbs), words, windows, replies,
                     bodies, sports)

