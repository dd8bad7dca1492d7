"""A learned gate that codes some of the triggers the rules drop for want of a participant.

On text the rules were not shaped on, a lexicon trigger with no participant in a position
the rules read is the commonest way a found happening is lost (round 15: 512 such drops on
dev batches 1-6, 8-10, 178 of them where the gold holds a happening of that type). The
learned argument model (``event_arguments``) scores every named phrase of the sentence and
of the paragraph's sentence before as actor, recipient or neither; taken at its likeliest
phrases every drop would code, about one in five right. Here a logistic regression over
what is known at the drop (type, clause kind, hedges and reporting verbs before the
trigger, the sentence's length and triggers, the paragraph, the phrases' types, where they
stand and how sure the argument model is of them; no word of the trigger) decides which of
these candidate events to keep.

Weights and threshold: ``data/event_rescue.json``, made by ``train/events_rescue.py`` from
the events gold's dev batches (the test split and the held-out batches never). Without the
file nothing is rescued. Pure Python at run time: a few dozen weights per dropped trigger.

Round 15 experiment, not adopted (docs/events.md, round 15): in sample it adds 20 right
events for 30 coded on dev, but with the argument model and the gate trained without the
scored batch (eval/events_lobo.py --parts roles args rescue) 7 for 24, and on silver text
about one in five of what it adds is right. No data file ships; the figures reproduce with
``train/events_rescue.py`` (deterministic) run first.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.annotate import event_arguments, event_filter
from thoisu.annotate.arguments import gpe_modifier
from thoisu.annotate.recorder import Recorder
from thoisu.annotate.syntax import Analysis, head_keys

_DATA = Path(__file__).parent / "data" / "event_rescue.json"


@dataclass(frozen=True, slots=True)
class RescueModel:
    weights: dict[str, float]
    threshold: float  # a candidate event scored at or above it is coded
    hedges: tuple[tuple[str, ...], ...]  # folded phrases that hedge a trigger after them


@lru_cache(maxsize=1)
def model() -> RescueModel | None:
    if not _DATA.exists():
        return None
    return load(_DATA)


def load(path: Path) -> RescueModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return RescueModel(raw["weights"], float(raw["threshold"]),
                       tuple(tuple(h.split()) for h in raw["hedges"]))


@contextmanager
def switched_off() -> Iterator[None]:
    """No rescue while the block runs: the parts it learns over (the recipient picker, the
    argument model) are trained on the rules' own events."""
    global _DATA
    saved = _DATA
    _DATA = Path("/nonexistent")
    model.cache_clear()
    try:
        yield
    finally:
        _DATA = saved
        model.cache_clear()


def _bucket(p: float) -> str:
    return f"{min(int(p * 5), 4)}"  # fifths


def pick(an: Analysis, site: event_arguments.Site, sym: bool, actors: list[str],
         recipients: list[str], am: event_arguments.ArgModel
         ) -> tuple[list[str], list[str], list[str]]:
    """The argument model's likeliest sides for an empty-handed trigger, whatever their
    probability: (actors, recipients, features of how they were found)."""
    modifiers = {head_keys(np.head) for np in an.nps if gpe_modifier(an, np)}
    places = ("in", "prev", "earlier") if am.earlier_clauses and not sym else ("in", "prev")
    free = []
    for keys, feats, place in event_arguments.candidates(an, site, sym):
        if place in places and keys not in modifiers and not any(
                k in actors or k in recipients for k in keys):
            _, p_act, p_rec = event_arguments.probs(am.weights, feats)
            free.append((keys, p_act, p_rec, place))
    acts, recs = list(actors), list(recipients)
    f = [f"ncand={min(len(free), 4)}"]
    if sym:  # two parties of a meeting or an agreement
        best = sorted(free, key=lambda c: -(c[1] + c[2]))[: max(0, 2 - len(acts) - len(recs))]
        for keys, p_act, p_rec, place in best:
            acts += [k for k in keys if k not in acts]
            f += [f"pa={_bucket(p_act + p_rec)}|sym", f"place={place}|sym"]
        return acts, recs, f
    for side, role in ((acts, 1), (recs, 2)):
        if side:
            continue
        pool = [c for c in free if c[role] > c[3 - role] and not any(k in acts + recs for k in c[0])]
        best = max(pool, key=lambda c: c[role], default=None)
        if best is not None:
            side += [k for k in best[0] if k not in acts + recs]
            f += [f"p{role}={_bucket(best[role])}", f"place{role}={best[3]}"]
    return acts, recs, f


def features(an: Analysis, coded: event_filter.Coded, extra: list[str],
             hedges: tuple[tuple[str, ...], ...], kind: str | None) -> list[str]:
    """The filter's description of the candidate event without the trigger's words (they
    do not carry to unseen text), with how its sides were found."""
    t = coded.typ
    base = [x for x in event_filter.features(an, coded, hedges) if not x.startswith("w=")]
    return base + extra + [f"{x}|t={t}" for x in extra if x.startswith(("p1=", "p2=", "pa="))] + [
        f"kind={kind or '-'}", f"kind={kind or '-'}|t={t}"]


def score(m: RescueModel, feats: list[str]) -> float:
    z = sum(m.weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def rescue(an: Analysis, site: event_arguments.Site, coded: event_filter.Coded,
           kind: str | None) -> tuple[list[str], list[str]] | None:
    """The sides of a dropped trigger's event if the gate keeps it, else None."""
    m = model()
    am = event_arguments.model()
    if m is None or am is None:
        return None
    sym = site.typ in am.symmetric
    acts, recs, extra = pick(an, site, sym, coded.actors, coded.recipients, am)
    if not acts and not recs or sym and len(acts) < 2:
        return None
    coded.actors, coded.recipients = acts, recs
    feats = features(an, coded, extra, m.hedges, kind)
    RECORDS.add((site.line, site.typ, list(acts), list(recs), feats))
    return (acts, recs) if score(m, feats) >= m.threshold else None


# for every candidate event, (line, type, actors, recipients, features): what
# train/events_rescue.py trains the gate on, within recording()
RECORDS: Recorder[tuple[Any, ...]] = Recorder("event_rescue")
recording = RECORDS.collecting
