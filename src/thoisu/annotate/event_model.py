"""A learned recipient picker for events the rules code with an actor and no recipient.

The rules of ``events.py`` take the recipient from the object right after the trigger;
when a comma, a long noun phrase or a prepositional phrase ("bày tỏ lòng biết ơn sâu sắc
với ... tỉnh Nghệ An", "dỡ bỏ ... lệnh cấm vận vũ khí đối với Việt Nam") stands between,
they leave it empty and an analyst sees a one-sided event. Here a logistic regression
scores each named noun phrase of the sentence as the recipient from its position, its
preposition, its type and the trigger's type (no word of the text itself: with the word
before the phrase as a feature, as until round 13, it found one event fewer held out,
eval/events_lobo.py); the best one is taken when it is likely enough (``threshold`` in the
data file), else the event keeps no recipient.

Weights: ``data/event_roles.json``, made by ``train/events_roles.py`` from the events
gold's dev split, the older actors gold and the rules' own output on other mds articles.
Pure Python at run time: it runs only on events that lack a recipient.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.annotate.recorder import Recorder
from thoisu.annotate.syntax import ACTOR_TYPES, NP, PASSIVE_MARKERS, Analysis, passive_beside

_DATA = Path(__file__).parent / "data" / "event_roles.json"


@dataclass(frozen=True, slots=True)
class RoleModel:
    weights: dict[str, float]
    threshold: float
    types: frozenset[str]  # event types it may complete (directed ones)


@lru_cache(maxsize=1)
def model() -> RoleModel | None:
    if not _DATA.exists():
        return None
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return RoleModel(raw["weights"], float(raw["threshold"]), frozenset(raw["types"]))


def _bucket(n: int) -> str:
    for b in (1, 2, 4, 8, 16):
        if n <= b:
            return str(b)
    return "more"


def candidate_features(an: Analysis, i: int, j: int, cs: int, ce: int, typ: str,
                       actors: list[str], objs: list[NP], after_only: bool = False,
                       ) -> list[tuple[str, list[str]]]:
    """(mention key, feature names) of each named phrase of the sentence that may be the
    recipient of the trigger toks[i:j] (its actors excluded). ``after_only`` (picking at
    run time): before the verb of an active clause stand its subject, a co-subject, a
    topic or a place ("do X và Y đệ trình", "con dao Thái Lan", "một nhà báo ở Thái Nguyên
    bị hành hung, nhưng ... đề nghị"), so a phrase there is no candidate unless a passive
    marker of the trigger's clause follows it ("bà X chạy vào thì bị Y chém": X undergoes);
    the same name written after the verb still is one. Nor is a phrase after a verb of
    another kind of act, which is that verb's object ("truy bắt những tên bắt cóc Pulido",
    "thu giữ con dao đâm chị Thủy")."""
    toks = an.toks
    obj_ids = {id(np) for np in objs}
    # where the actors stand: a phrase beyond them, away from the trigger, is rarely its
    # recipient ("Thượng tá X cho biết Công an TP.HCM tạm đình chỉ ...": X is a speaker)
    act_at = [np.start for np in an.nps if np.head.key in actors]
    speech = an.res.speech
    charge = an.res.cues["charge_connectives"]
    # behind a passive trigger ("bị truy tố xúc phạm tổng thống") the patient stands before
    # the marker: a bare phrase after it is the charge's, as is any after "vì", "về tội"
    marked = passive_beside(toks, i)
    out: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    after = before = 0
    for np in an.nps:
        h = np.head
        if h.type not in ACTOR_TYPES or h.key in actors or h.key in seen:
            continue
        if np.first < j and np.end > i:
            continue  # overlaps the trigger
        if after_only and np.start < j and not PASSIVE_MARKERS & set(toks[max(np.end, cs) : i]):
            continue
        if after_only and np.start >= j and an.other_acts_object(np, j, typ.split("/")[0]):
            continue  # another act's object: "truy bắt những tên bắt cóc Pulido"
        seen.add(h.key)
        side = "a" if np.start >= j else "b"
        if side == "b" and any(np.start < a < i for a in act_at) and not (
                PASSIVE_MARKERS & set(toks[np.end : i])):
            continue  # before the subject: a topic or a speaker ("X bị Y bắn": the patient)
        gap_toks = toks[np.end : i] if side == "b" else toks[j : np.start]
        if any(speech.match(gap_toks, k) for k in range(len(gap_toks))):
            continue  # "X cho biết ... đình chỉ": a reporting verb between
        if side == "a" and (marked and not (np.prep or (an.chain_of(np).prep if np.chain >= 0 else ()))
                            or any(charge.match(gap_toks, k) for k in range(len(gap_toks)))):
            continue
        if side == "a":
            after += 1
            rank, dist, gap = after, np.start - j, toks[j : np.start]
        else:
            before += 1
            rank, dist, gap = before, i - np.end, toks[np.end : i]
        chain_prep = an.chain_of(np).prep if np.chain >= 0 else ()
        prep = " ".join(np.prep or chain_prep) or "-"
        commas = min(sum(1 for t in gap if t in (",", ";", ":")), 2)
        inside = cs <= np.start < ce
        f = [
            "bias", f"side={side}", f"side={side}|t={typ}", f"dist={_bucket(dist)}|{side}",
            f"prep={prep}|{side}", f"prep={prep}|{side}|t={typ}",
            f"h={h.type}|t={typ}", f"h={h.type}|{side}", f"rank={min(rank, 3)}|{side}",
            f"commas={commas}|{side}", f"in={inside}|{side}", f"obj={id(np) in obj_ids}",
            f"rank={min(rank, 3)}|{side}|prep={prep}",
        ]
        if any(an.aside[np.start : np.end]):
            f.append("aside")
        out.append((h.key, f))
    return out



def _prob(weights: dict[str, float], feats: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def pick_recipient(an: Analysis, i: int, j: int, cs: int, ce: int, typ: str,
                   actors: list[str], objs: list[NP]) -> str | None:
    """The likeliest recipient's key, or None when no phrase is likely enough."""
    m = model()
    if m is None or typ not in m.types:
        return None
    best, best_p = None, m.threshold
    for key, feats in candidate_features(an, i, j, cs, ce, typ, actors, objs, after_only=True):
        p = _prob(m.weights, feats)
        if p >= best_p:
            best, best_p = key, p
    return best


# for every event with an actor, (line, type, actors, the rules' recipients, candidate
# features): what train/events_roles.py trains the picker on, within recording()
RECORDS: Recorder[tuple[Any, ...]] = Recorder("recipient_picker")
recording = RECORDS.collecting
