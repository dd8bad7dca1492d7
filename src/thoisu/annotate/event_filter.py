"""A learned filter over the events the rules code: keep, or drop as a likely false alarm.

The rules of ``events.py`` decide from one trigger and word order whether a sentence
reports an event; on articles they were not shaped on, many of the events they code are
hedged, planned, reported second hand, or put together from the wrong names. Here a
logistic regression scores each coded event (one with a participant) from what the rules
already know when they code it: the trigger's words and type, the flags (negated,
future, hypothetical), hedging words before the trigger in its clause, a reporting verb
before it, whether the site is a noun phrase, a passive or an unnamed doer, how many
actors and recipients it has and of which types, whether the learned role model filled a
side, how far the named sides stand from the trigger, where the sentence stands in the
article, its length and how many triggers it holds. An event scored below ``threshold``
is dropped (recorded as "filter" among the dropped triggers).

Weights and threshold: ``data/event_filter.json``, made by ``train/events_filter.py`` from
the events gold's dev batches 1-3 (cross-validated by cluster; batch 4 and the test split
are never read there). Pure Python at run time: a sum of a few dozen weights per event.

No data file ships, so nothing is filtered: on the dev gold the filter found no gain (5-fold
CV by cluster: at best the rules' own F1, 0.608; its held-out score of dev events ranks a
true one above a false one 2 times in 3, too weak to drop events without losing as many
right ones), and the setting that CV rated best for precision lost F1 on held-out batch 4
(0.390 -> 0.378 on the corrected batch-4 gold). The hook stays for when the gold is large enough to teach it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.annotate.recorder import Recorder
from thoisu.annotate.syntax import Analysis

_DATA = Path(__file__).parent / "data" / "event_filter.json"


@dataclass(frozen=True, slots=True)
class FilterModel:
    weights: dict[str, float]
    threshold: float  # an event scored below it is dropped
    hedges: tuple[tuple[str, ...], ...]  # folded phrases that hedge a trigger after them


@lru_cache(maxsize=1)
def model() -> FilterModel | None:
    if not _DATA.exists():
        return None
    return load(_DATA)


def load(path: Path) -> FilterModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return FilterModel(raw["weights"], float(raw["threshold"]),
                       tuple(tuple(h.split()) for h in raw["hedges"]))


def _bucket(n: int, bounds: tuple[int, ...]) -> str:
    for b in bounds:
        if n <= b:
            return str(b)
    return "more"


@dataclass(slots=True)
class Sources:
    """Which step of the rules first gave the event its actors and its recipients."""

    a: str = ""
    r: str = ""

    def note(self, step: str, actors: list[str], recipients: list[str]) -> None:
        if actors and not self.a:
            self.a = step
        if recipients and not self.r:
            self.r = step


@dataclass(slots=True)
class Coded:
    """What the rules know about one event when they code it."""

    i: int  # trigger tokens toks[i:j]
    j: int
    cs: int  # its clause start
    typ: str  # type, "/visit" for visits
    actors: list[str]
    recipients: list[str]
    negated: bool
    future: bool
    hypothetical: bool
    nominal: bool
    passive: bool
    unnamed: bool
    filled: bool  # the learned role model added a side
    dated: bool
    line: int  # the paragraph's line in the article (1-based)
    triggers: int  # triggers found in the sentence
    sources: Sources


def _has(an: Analysis, phrases: tuple[tuple[str, ...], ...], lo: int, hi: int) -> bool:
    toks = an.toks
    for k in range(max(lo, 0), hi):
        for p in phrases:
            if tuple(toks[k : k + len(p)]) == p and k + len(p) <= hi and not an.in_name[k]:
                return True
    return False


def _distance(an: Analysis, keys: list[str], i: int, j: int) -> str:
    """Tokens between the trigger and the nearest phrase naming one of keys."""
    best = None
    for np in an.nps:
        if any(m.key in keys for m in np.mentions):
            d = i - np.end if np.end <= i else np.start - j if np.start >= j else 0
            best = d if best is None else min(best, max(d, 0))
    return "none" if best is None else _bucket(best, (0, 2, 5, 10, 20))


def features(an: Analysis, c: Coded, hedges: tuple[tuple[str, ...], ...]) -> list[str]:
    toks = an.toks
    t = c.typ
    words = "_".join(toks[c.i : c.j])
    speech = an.res.speech
    f = ["bias", f"t={t}", f"w={words}", f"w={words}|t={t}",
         f"line={_bucket(c.line, (1, 2, 4, 8))}",
         f"len={_bucket(len(toks), (15, 30, 50))}",
         f"trigs={_bucket(c.triggers, (1, 2, 3))}",
         f"act={min(len(c.actors), 2)}", f"rec={min(len(c.recipients), 2)}",
         f"act={min(len(c.actors), 2)}|rec={min(len(c.recipients), 2)}|t={t}",
         f"dact={_distance(an, c.actors, c.i, c.j)}",
         f"drec={_distance(an, c.recipients, c.i, c.j)}"]
    f += [f"sa={c.sources.a or '-'}", f"sr={c.sources.r or '-'}",
          f"sa={c.sources.a or '-'}|sr={c.sources.r or '-'}"]
    for k in c.actors[:2]:
        f.append(f"at={k.split(':')[0]}|t={t}")
    for k in c.recipients[:2]:
        f.append(f"rt={k.split(':')[0]}|t={t}")
    for name, on in (("neg", c.negated), ("fut", c.future), ("hyp", c.hypothetical),
                     ("nominal", c.nominal), ("passive", c.passive), ("unnamed", c.unnamed),
                     ("filled", c.filled), ("dated", c.dated)):
        if on:
            f += [name, f"{name}|t={t}"]
    if _has(an, hedges, c.cs, c.i):
        f += ["hedge", f"hedge|t={t}"]
    if any(speech.match(toks, k) for k in range(0, c.i)):
        f += ["speech", f"speech|t={t}"]
    if any(an.aside):
        f.append("quote_in_sentence")
    return f


def prob(m: FilterModel, feats: list[str]) -> float:
    z = sum(m.weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(an: Analysis, c: Coded) -> bool:
    """Is the coded event likely enough to be kept? (always, without a model, or when it
    has no participant: those are not the filter's to judge)"""
    m = model()
    if RECORDS.active:
        RECORDS.add((c.line, c.typ, list(c.actors), list(c.recipients),
                     features(an, c, m.hedges if m else ())))
    if m is None or not (c.actors or c.recipients):
        return True
    return prob(m, features(an, c, m.hedges)) >= m.threshold


# for every event the rules code, (line, type, actors, recipients, features): what
# train/events_filter.py trains the filter on, within recording()
RECORDS: Recorder[tuple[Any, ...]] = Recorder("event_filter")
recording = RECORDS.collecting
