"""A learned argument-role model that completes the sides the rules leave empty.

The rules of ``events.py`` / ``roles.py`` read actor and recipient from Vietnamese word
order; on articles they were not shaped on they often leave a side empty: the object
behind a comma, a long noun phrase or a prepositional phrase, the agent of a passive
before a speech verb, the second party of a meeting or a cooperation. Here every named
noun phrase of the trigger's sentence is scored as actor, recipient or neither (softmax
regression) from its position to the trigger, the words around and between (passive
"bị/được", prepositions, commas, reporting verbs), whether it opens the clause, its
type and the event type. An empty side of a directed event takes the likeliest phrase
when it is likely enough (``add`` in the data file); a meeting, agreement or
cooperation with one party named takes the likeliest other one. The rules' own roles stand: in cross-validation
on the dev gold, letting the model move or drop them lost more than it won. Phrases are
added from the trigger's clause and the paragraph's previous sentence, and (``earlier_clauses``
in the data file, round 13) a directed event's from an earlier clause of its sentence.

Weights: ``data/event_arguments.json``, made by ``train/events_arguments.py`` from the
events gold's dev split and the older actors gold. Pure Python at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.annotate.arguments import gpe_modifier
from thoisu.annotate.recorder import Recorder
from thoisu.annotate.syntax import (
    ACTOR_TYPES,
    NP,
    PASSIVE_MARKERS,
    Analysis,
    head_keys,
    passive_beside,
)

_DATA = Path(__file__).parent / "data" / "event_arguments.json"
ROLES = ("none", "actor", "recipient")


@dataclass(frozen=True, slots=True)
class ArgModel:
    weights: dict[str, tuple[float, float, float]]  # feature -> score of each of ROLES
    add: float  # a phrase the rules left out takes a role at this probability
    symmetric: frozenset[str]  # types whose sides act alike (meetings, agreements)
    # may a phrase of an earlier clause of the sentence be added ("Công an ... vào cuộc,
    # Kwon bị bắt": the arresting body named before the passive's clause)?
    earlier_clauses: bool = False


@lru_cache(maxsize=1)
def model() -> ArgModel | None:
    if not _DATA.exists():
        return None
    return load(_DATA)


def load(path: Path) -> ArgModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return ArgModel({f: tuple(w) for f, w in raw["weights"].items()},  # type: ignore[misc]
                    float(raw["add"]), frozenset(raw["symmetric"]),
                    bool(raw.get("earlier_clauses", False)))


def _bucket(n: int) -> str:
    for b in (0, 1, 2, 4, 8, 16):
        if n <= b:
            return str(b)
    return "more"


@dataclass(slots=True)
class Site:
    """What the features need of a trigger site (a view of roles._Site)."""

    i: int  # first token of the trigger
    j: int  # token after it
    cs: int  # clause start
    ce: int  # clause end
    line: int  # the sentence's line (records only)
    typ: str  # event type, "/visit" for visits
    passive: bool  # the rules read it as passive
    unnamed: bool  # the rules read the doer as unnamed ("kẻ chém ông X"): no actor to add
    objs: list[NP]
    before: Analysis | None = None  # the sentence before, in the same paragraph


def candidates(an: Analysis, site: Site, sym: bool
               ) -> list[tuple[tuple[str, ...], list[str], str]]:
    """(keys, feature names, where it stands) of each named phrase of the sentence that
    is not the trigger itself, then of the paragraph's previous sentence. Where: "in" the
    trigger's clause, "earlier" (an earlier clause of the sentence), "later" (a later
    clause, or behind a cause connective: the charge's), "prev" (the sentence before).
    Added are "in" and "prev" phrases, and "earlier" ones when the model allows it: a
    later clause's phrases have their own verb."""
    toks, i, j, typ = an.toks, site.i, site.j, site.typ
    speech = an.res.speech
    obj_ids = {id(np) for np in site.objs}
    first_obj = id(site.objs[0]) if site.objs else None
    named = [np for np in an.nps if np.head.type in ACTOR_TYPES
             and not (np.first < j and np.end > i)]
    # the phrase that opens the trigger's clause without a preposition: its subject
    subj = next((np for np in named if site.cs <= np.start < i and not np.prep), None)
    out: list[tuple[tuple[str, ...], list[str], str]] = []
    seen: set[tuple[str, ...]] = set()
    before = sum(1 for np in named if np.end <= i)
    after = 0
    for np in named:
        keys = head_keys(np.head)
        if keys in seen:
            continue
        seen.add(keys)
        side = "a" if np.start >= j else "b"
        if side == "a":
            after += 1
            rank, gap = after, toks[j : np.start]
        else:
            rank, gap = before, toks[np.end : i]
            before -= 1
        chain_prep = an.chain_of(np).prep if np.chain >= 0 else ()
        prep = " ".join(np.prep or chain_prep) or "-"
        prev = toks[np.start - 1] if np.start > 0 else "^"
        nxt = toks[np.end] if np.end < len(toks) else "$"
        commas = min(sum(1 for t in gap if t in (",", ";", ":")), 2)
        inside = site.cs <= np.start < site.ce
        pas_gap = bool(PASSIVE_MARKERS & set(gap)) if side == "b" else False
        said = any(speech.match(gap, k) for k in range(len(gap)))
        h = np.head.type
        s = "sym" if sym else "dir"
        f = [
            "bias", f"t={typ}", f"side={side}", f"side={side}|t={typ}",
            f"dist={_bucket(len(gap))}|{side}", f"prep={prep}|{side}",
            f"prep={prep}|{side}|t={typ}", f"prev={prev}|{side}", f"next={nxt}|{side}",
            f"h={h}|t={typ}", f"h={h}|{side}", f"rank={min(rank, 3)}|{side}",
            f"commas={commas}|{side}", f"in={inside}|{side}", f"obj={id(np) in obj_ids}",
            f"obj0={id(np) == first_obj}", f"subj={np is subj}|{side}",
            f"subj={np is subj}|t={typ}", f"subj={np is subj}|{s}",
            f"pas={site.passive}|{side}", f"pasgap={pas_gap}", f"said={said}|{side}",
        ]
        if side == "b" and i > 0 and toks[i - 1] in PASSIVE_MARKERS:
            f.append(f"pas_before|{side}")
        # a phrase behind a cause connective ("kết án ... vì xúc phạm Tổng thống X") is
        # the charge's, not the trigger's: the model adds no side from there
        charged = side == "a" and any(an.res.cues["charge_connectives"].match(gap, k)
                                      for k in range(len(gap)))
        out.append((keys, f, "in" if inside and not charged else
                    "earlier" if side == "b" and not inside else "later"))
    if site.before is not None:  # who the paragraph's previous sentence names
        b = site.before
        named_b = [np for np in b.nps if np.head.type in ACTOR_TYPES]
        subj_b = next((np for np in named_b if not np.prep), None)
        for rank, np in enumerate(named_b, 1):
            keys = head_keys(np.head)
            if keys in seen:
                continue
            seen.add(keys)
            h = np.head.type
            prep = " ".join(np.prep) or "-"
            out.append((keys, [
                "bias", f"t={typ}", "side=p", f"side=p|t={typ}", f"h={h}|t={typ}", f"h={h}|p",
                f"subj={np is subj_b}|p", f"subj={np is subj_b}|p|t={typ}", f"prep={prep}|p",
                f"rank={min(rank, 3)}|p", f"pas={site.passive}|p",
            ], "prev"))
    return out


def probs(weights: dict[str, tuple[float, float, float]], feats: list[str]
          ) -> tuple[float, float, float]:
    z = [0.0, 0.0, 0.0]
    for f in feats:
        w = weights.get(f)
        if w is not None:
            z[0] += w[0]
            z[1] += w[1]
            z[2] += w[2]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = e[0] + e[1] + e[2]
    return e[0] / s, e[1] / s, e[2] / s


def revise(an: Analysis, site: Site, actors: list[str], recipients: list[str],
           m: ArgModel | None = None) -> tuple[list[str], list[str]]:
    """The event's (actors, recipients) with the phrases the model adds: an empty side
    of a directed event takes the likeliest phrase for it; a meeting, agreement or
    cooperation with one party named takes the likeliest other one. What the rules found stays."""
    m = m or model()
    if m is None:
        return actors, recipients
    sym = site.typ in m.symmetric
    cands = candidates(an, site, sym)
    RECORDS.add((site.line, site.typ, sym, list(actors), list(recipients), cands))
    acts, recs = list(actors), list(recipients)
    # a country qualifying a noun ("hãng xe Nhật Bản") is nobody's side
    modifiers = {head_keys(np.head) for np in an.nps if gpe_modifier(an, np)}
    free = []
    # an earlier clause may name a directed event's missing side; the other party of a
    # meeting or cooperation stands in its own clause (before it: the speaker, one side)
    places = ("in", "prev", "earlier") if m.earlier_clauses and not sym else ("in", "prev")
    for keys, feats, place in cands:
        if place in places and not any(k in acts or k in recs for k in keys) and keys not in modifiers:
            _, p_act, p_rec = probs(m.weights, feats)
            free.append((keys, p_act, p_rec, place))
    if sym:  # either side is a party: a lone party takes the likeliest other one
        best = max(free, key=lambda c: c[1] + c[2], default=None)
        if len(acts) + len(recs) < 2 and best is not None and best[1] + best[2] >= m.add:
            acts += [k for k in best[0] if k not in acts]
        return acts, recs
    # behind a passive trigger its patient stands before the marker ("Khoảng 2.000 người
    # bị truy tố xúc phạm tổng thống X"): no recipient after it (one in the sentence before
    # may be the referent of an anaphoric subject: "y bị bắt giữ")
    toks = an.toks
    marked = site.passive or passive_beside(toks, site.i)
    bare_after = {keys for keys, feats, _ in cands if "side=a" in feats}
    # ... but only when the patient's place holds a pronoun or nothing: "tên tội phạm đã bị
    # bắt", "khoảng 2.000 người bị truy tố" name their unnamed patient themselves
    before = {keys for keys, feats, _ in cands if "side=p" in feats} if marked and not (
        _open_patient(an, site)) else set()
    # a phrase after a verb of another kind of act is that verb's object ("bắt giữ một nghi
    # phạm trong vụ bắt cóc Pulido": Pulido was kidnapped, not arrested)
    base = site.typ.split("/")[0]
    own = [(head_keys(np.head), np.start >= site.j and an.other_acts_object(np, site.j, base))
           for np in an.nps]
    others = {k for k, other in own if other} - {k for k, other in own if not other}
    for side, role in ((recs, 2), (acts, 1)):
        if side or (role == 1 and site.unnamed):
            continue
        pool = [c for c in free if not (role == 2 and (marked and c[0] in bare_after | before
                                                       or c[0] in others))]
        best = max(pool, key=lambda c: c[role], default=None)
        if best is not None and best[role] >= m.add and best[role] > best[3 - role]:
            side += [k for k in best[0] if k not in acts + recs]
            free.remove(best)
    return acts, recs


def _open_patient(an: Analysis, site: Site) -> bool:
    """Is the place before the passive marker of the trigger's clause (its patient) empty
    or a singular pronoun ("y bị bắt giữ", "Ngày 5/6, bị bắt", "ông bị thực dân Pháp bắt")?
    Only such a patient may be a person the sentence before names."""
    toks, res = an.toks, an.res
    k = next((k for k in range(min(site.i, len(toks) - 1), site.cs - 1, -1)
              if toks[k] in PASSIVE_MARKERS and not an.aside[k]), None)
    if k is None:
        return True
    seg = max([site.cs] + [t + 1 for t in range(site.cs, k) if toks[t] == "," and not an.aside[t]])
    glue = res.words["aux"] | res.words["subject_lead"] | res.words["negation"]
    rest = [w for t, w in enumerate(toks[seg:k], seg)
            if w.isalpha() and not an.aside[t] and w not in glue]
    if not rest:
        return True
    return any(res.cues[c].match(rest, 0) == len(rest)
               for c in ("pronouns_sg", "pronouns_bare", "patient_pronouns", "role_anaphors"))


# for every event revised, (line, type, symmetric, the rules' actors and recipients,
# candidate keys and features): what train/events_arguments.py trains on, within recording()
RECORDS: Recorder[tuple[Any, ...]] = Recorder("argument_model")
recording = RECORDS.collecting
