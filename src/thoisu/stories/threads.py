"""Threads: stories on the same matter, possibly years apart (docs/threads.md).

One matter is one dispute, case, project, crisis, negotiation, or one person's or
company's same affair; sharing a topic area, a country or a famous name is not enough.

Each story is kept as a small *profile* (``story_profile``): its salient title and lead
terms, its specific participants (people and organisations, weighted by how telling
they are in its centroid; countries and places are left out), its event types with
their arguments, its dates, and the top of its centroid. A new story is compared with
a few stored stories of each candidate thread -- the thread's anchor (its first story)
and its most recent ones -- by a small logistic model over pair features
(``pair_features``; weights in data/threads.json, trained by train/threads_model.py on
the dev split of eval/gold/threads.jsonl). It joins the best thread when its best
match reaches ``join_threshold`` and its match with the anchor reaches
``anchor_floor``, so a thread cannot drift away from what it began with; otherwise it
opens a thread named after it ("t-" + story id). Thread ids never change once given.

Candidate threads come from posting lists (term -> thread ids) over the story's
strongest terms, title terms and participants, long lists skipped, so a new story reads
only the threads that share something specific with it, never all of them.

All persistent state is in four JSON-valued mappings (``_threads``, ``_of``,
``_postings``, ``_joins``) that the store may back lazily: the add_story path only
reads and writes keys, never iterates over them.
"""

from __future__ import annotations

import json
import math
from collections import ChainMap, Counter
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.dates import day_ordinal
from thoisu.text import fold, strip_accents

Vector = dict[str, float]
_DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Thresholds of stories (data/cluster.json), loaded once; cluster.py reads them here."""
    return json.loads((_DATA / "cluster.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def thread_settings() -> dict[str, Any]:
    """Thresholds and the pair model of threads (data/threads.json), loaded once."""
    return json.loads((_DATA / "threads.json").read_text(encoding="utf-8"))


def top_terms(v: Vector, k: int) -> Vector:
    """The k heaviest terms of a vector (ties broken by term, for reproducible ids)."""
    if len(v) <= k:
        return dict(v)
    return dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


def is_name(term: str) -> bool:
    return term.startswith(("n:", "k:"))


def thread_vector(centroid: Vector) -> Vector:
    """The part of a story centroid that can speak of a matter: numbers (dates, amounts
    of one event) are left out."""
    v = {t: w for t, w in centroid.items() if not t.startswith("#")}
    n = math.sqrt(sum(w * w for w in v.values())) or 1.0
    return {t: w / n for t, w in v.items()}


# ----------------------------------------------------------------- places
# A country, province or city is where a matter happens, not what it is: an earthquake
# and an inauguration in Taiwan share their place names and nothing else.


def _alias_terms(words: list[str]) -> set[str]:
    """The terms ``cluster.text_terms`` makes of a capitalised name of these folded
    syllables: name bigrams, the lone name or foreign-looking last syllable, and the
    plain word bigrams (a name is also read as words)."""
    out: set[str] = set()
    for x, y in zip(words, words[1:], strict=False):
        out.add(f"n:{x} {y}")
        out.add(f"{x} {y}")
    if words:
        last = words[-1]
        if len(words) == 1 or (len(last) >= 4 and strip_accents(last) == last):
            out.add("n:" + last)
    return out


@lru_cache(maxsize=1)
def gazetteer_places() -> dict[str, str]:
    """Terms of every place alias of the actor dictionary -> the country they belong to
    (or the place's own key)."""
    from thoisu.actors.dictionary import load  # actors data; loaded once, on first use

    out: dict[str, str] = {}
    for key, entries in load().gazetteer.items():
        # an alias that also names a person or organisation is not only a place
        if entries and all(e.type in ("GPE", "LOC") for e in entries):
            group = entries[0].country or entries[0].key
            for t in _alias_terms([fold(w) for w in key]):
                out.setdefault(t, group)
    return out


@lru_cache(maxsize=1)
def title_terms() -> frozenset[str]:
    """Name terms of the actor dictionary's titles ("Tổng thống", "Hoa hậu"): written
    with capitals they look like names, but they name a kind of person, not an actor."""
    from thoisu.actors.dictionary import load

    out: set[str] = set()
    for key in load().titles:
        out |= {t for t in _alias_terms([fold(w) for w in key]) if t.startswith("n:")}
    return frozenset(out)


def place_terms(*vecs: Vector) -> dict[str, str]:
    """Place terms of some vectors -> their country: entity keys of places and the name
    terms of the place a key names when the gazetteer does not know it."""
    out: dict[str, str] = {}
    for v in vecs:
        for t in v:
            if t.startswith(("k:GPE:", "k:LOC:")):
                parts = t.split(":")
                group = parts[2] if len(parts) > 3 or parts[2].isupper() else t
                out[t] = group
                name = parts[-1]
                if name and not name.isupper():  # "TWN" is a code, not a name
                    for x in _alias_terms(name.replace(".", " ").split()):
                        out.setdefault(x, group)
    return out


def name_syllables(*vecs: Vector) -> frozenset[str]:
    """Syllables of the names (people, organisations, places) of some vectors; titles
    ("Tổng thống") are not names."""
    titles = title_terms()
    return frozenset(
        x for v in vecs for t in v if t.startswith("n:") and t not in titles for x in t[2:].split()
    )


def thread_parts(a: Vector, b: Vector) -> tuple[float, float, float]:
    """Cosines of two thread vectors over names and entity keys other than places, over
    places beyond the most shared country, and over subject words (a word bigram that is
    also a name term of either vector goes with the name)."""
    places = ChainMap(place_terms(a, b), gazetteer_places())  # no copy of the gazetteer
    titles = title_terms()
    names = {t[2:] for v in (a, b) for t in v if t.startswith("n:") and t not in titles}
    # a word bigram touching a name ("ông kim", "lãnh đạo kim", "sứ nga") is the name
    # again, not what is said: with the name
    touching = name_syllables(a, b) if thread_settings()["words_skip_name_syllables"] else frozenset()

    def split(v: Vector) -> tuple[Vector, Vector, Vector]:
        n: Vector = {}
        p: Vector = {}
        w: Vector = {}
        for t, x in v.items():
            if t in places:
                p[t] = x
            elif t in titles:
                w[t] = x
            elif is_name(t) or t in names or (touching and not touching.isdisjoint(t.split())):
                n[t] = x
            else:
                w[t] = x
        return n, p, w

    an, ap, aw = split(a)
    bn, bp, bw = split(b)
    by_country: Counter[str] = Counter()
    for t, x in ap.items():
        if t in bp:
            by_country[places[t]] += x * bp[t]
    sp = 0.0
    if len(by_country) > 1:
        na = math.sqrt(sum(x * x for x in ap.values()))
        nb = math.sqrt(sum(x * x for x in bp.values()))
        sp = (sum(by_country.values()) - max(by_country.values())) / (na * nb)
    return cosine(an, bn), sp, cosine(aw, bw)


# ----------------------------------------------------------------- profiles

_PARTICIPANT_TYPES = ("PER", "ORG")


def _day(article: Any) -> int | None:
    return day_ordinal(article.published.value if getattr(article, "published", None) else None)


def _specificity(term: str) -> float:
    """1 for a term seldom in news, less the more articles hold it (common.tsv share)."""
    from thoisu.background import common_terms

    floor = thread_settings()["specificity_floor"]
    return math.log(1.0 / (common_terms().get(term, 0.0) + floor)) / math.log(1.0 / floor)


def _salient(texts: list[str], vec: Vector, places: Any, cap: int, fill: float = 0.0) -> Vector:
    """Subject words (bigrams) of some texts, weighted by the story vector (so words
    common in all news, absent from the trimmed centroid, count nothing); names, the
    word bigrams of names ("britney spears" beside "n:britney spears") and places are
    left out: who is named is the participants' part, what is said is this one. ``fill``
    > 0: words the trimmed vector dropped also count, below all of its words."""
    from thoisu.stories.cluster import text_terms  # cluster imports this module

    counts: Counter[str] = Counter()
    for t in texts:
        text_terms(t, counts)
    titles = title_terms()
    touching = name_syllables(vec) if thread_settings()["words_skip_name_syllables"] else frozenset()
    # fill (lead_fill): a word the story vector, trimmed to its strongest terms, dropped --
    # one article's words in a story of several ("vũ khí" in one lead of four) -- still
    # takes a free place, weighted below every word of the vector by how seldom news uses it
    low = fill * min(vec.values(), default=0.0)
    out = {
        t: vec[t] if t in vec else low * _specificity(t)
        for t in counts
        if (t in vec or low > 0) and " " in t and ":" not in t and t not in places
        and ("n:" + t not in vec or "n:" + t in titles)
        and touching.isdisjoint(t.split())
    }
    return top_terms({t: w for t, w in out.items() if w > 0}, cap)


def story_profile(centroid: Vector, articles: list[Any] | None = None) -> dict[str, Any]:
    """What is kept of a story to tell its matter (JSON-able): "v" the top of its thread
    vector, "t" title terms, "l" lead terms, "e" participants (entity key -> weight),
    "n" their names, "x" event signatures, "d" [first day, last day] or None."""
    cfg = thread_settings()
    vec = thread_vector(centroid)
    arts = [a for a in articles or [] if getattr(a, "duplicate_of", None) is None] or list(articles or [])
    places = ChainMap(place_terms(vec), gazetteer_places())
    titles = [a.title for a in arts if getattr(a, "title", None)]
    leads = [a.paragraphs[0].text for a in arts if getattr(a, "paragraphs", None)]
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    events: set[str] = set()
    days: list[int] = []
    for a in arts:
        for m in getattr(a, "mentions", None) or []:
            if m.key and m.type in _PARTICIPANT_TYPES:
                counts[m.key] += 1
                names.setdefault(m.key, m.name or m.text)
        for ev in getattr(a, "events", None) or []:
            if ev.negated or ev.hypothetical:
                continue
            events.add(ev.type)
            for k in list(ev.actors) + list(ev.recipients):
                events.add(f"{ev.type}:{k}")
        d = _day(a)
        if d is not None:
            days.append(d)
    # a participant weighs how telling it is next to all news ("Bộ Công an", "Quốc hội"
    # are in many matters: the background share of articles naming them), times how
    # often the story names it
    ents = {k: _specificity("k:" + k) * math.log1p(n) for k, n in counts.items()}
    ents = top_terms({k: w for k, w in ents.items() if w > 0}, cfg["profile_participants"])
    return {
        "v": {t: round(w, 4) for t, w in top_terms(vec, cfg["profile_terms"]).items()},
        "t": {t: round(w, 4) for t, w in _salient(titles, vec, places, cfg["profile_title_terms"]).items()},
        "l": {t: round(w, 4) for t, w in _salient(leads, vec, places, cfg["profile_lead_terms"], cfg.get("lead_fill", 0.0)).items()},
        "e": {k: round(w, 4) for k, w in ents.items()},
        "n": {k: names[k] for k in ents},
        "x": sorted(events)[: cfg["profile_events"]],
        "d": [min(days), max(days)] if days else None,
    }


def merge_profiles(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The profile of a story that grew: its vector now, and the union of what its
    articles so far said (title and lead words, participants, events, dates)."""
    cfg = thread_settings()

    def union(a: Vector, b: Vector, k: int) -> Vector:
        return top_terms({t: max(a.get(t, 0.0), b.get(t, 0.0)) for t in a.keys() | b.keys()}, k)

    ents = top_terms({k: old["e"].get(k, 0.0) + new["e"].get(k, 0.0) for k in old["e"].keys() | new["e"].keys()},
                     cfg["profile_participants"])
    return {
        "v": new["v"] or old["v"],
        "t": union(old["t"], new["t"], cfg["profile_title_terms"]),
        "l": union(old["l"], new["l"], cfg["profile_lead_terms"]),
        "e": {k: round(w, 4) for k, w in ents.items()},
        "n": {k: old["n"].get(k) or new["n"].get(k) or k for k in ents},
        "x": sorted(set(old["x"]) | set(new["x"]))[: cfg["profile_events"]],
        "d": _span(old["d"], new["d"]),
    }


FEATURES = ("text", "words", "names", "participants", "n_participants", "places", "events", "gap")


def shared_weight(a: dict[str, Any], b: dict[str, Any], seen: dict[str, int]) -> dict[str, float]:
    """Shared participants of two profiles -> how much each tells of one matter: its
    weights in both, discounted by how many threads already name it (``seen``; a court,
    "Euro", a president met in many matters is no evidence of this one)."""
    scale = thread_settings()["participant_threads_scale"]
    return {
        k: math.sqrt(a["e"][k] * b["e"][k]) / (1.0 + seen.get(k, 0) / scale)
        for k in a["e"].keys() & b["e"].keys()
    }


def pair_features(a: dict[str, Any], b: dict[str, Any], seen: dict[str, int] | None = None) -> list[float]:
    """Evidence that two story profiles are one matter, as numbers (FEATURES order):
    subject words of titles and leads, subject words and names of the centroids, shared
    specific participants (weight, and how many weigh at least participant_floor),
    places beyond one country, shared event signatures, the time gap (0-1, log days)."""
    cfg = thread_settings()
    ta = {**a["l"], **a["t"]}
    tb = {**b["l"], **b["t"]}
    text = cosine(ta, tb) if ta and tb else 0.0
    sn, sp, sw = thread_parts(a["v"], b["v"])
    shared = shared_weight(a, b, seen or {})
    part = min(1.0, sum(shared.values()) / 2.0)
    n_part = sum(w >= cfg["participant_floor"] for w in shared.values())
    xa, xb = set(a["x"]), set(b["x"])
    own = _own_filter(a, b)
    events = len({x for x in xa & xb if own(x)}) / len(xa | xb) if xa and xb else 0.0
    gap = 0.0
    if a["d"] and b["d"]:
        days = max(0, max(a["d"][0], b["d"][0]) - min(a["d"][1], b["d"][1]))
        gap = math.log1p(days) / math.log(1000.0)
    return [text, sw, sn, part, float(n_part), sp, events, gap]


def _state_weights(p: dict[str, Any]) -> Counter[str]:
    """How much each country weighs in a profile's vector, its names summed ("Trung
    Quốc", "Bắc Kinh")."""
    places = gazetteer_places()
    weight: Counter[str] = Counter()
    for t, w in p["v"].items():
        iso = places.get(t)
        if t.startswith("n:") and iso and len(iso) == 3 and iso.isupper():
            weight[iso] += w
    return weight


def own_states(p: dict[str, Any], share: float) -> set[str]:
    """A story's own states: the countries whose names weigh in its vector at least
    ``share`` of the country that weighs most (its names summed: "Trung Quốc", "Bắc
    Kinh"). A story about China and the EU over the war names Russia and Ukraine less
    than China; the war's own episodes name Ukraine and Russia most."""
    weight = _state_weights(p)
    top = max(weight.values(), default=0.0)
    return {k for k, w in weight.items() if w >= share * top} if top > 0 else set()


def _own_filter(a: dict[str, Any], b: dict[str, Any], gate: bool = False) -> Callable[[str], bool]:
    """Whether a shared event signature counts as shared (``own_acts``): with the rule on,
    an act by or on a country counts only when that country is among the own states of
    both stories (``own_states``): the war's attacks a bystander's story reports in
    passing are not its own acts. Acts of persons and organisations and bare types are
    unchanged. ``gate``: for the gate's shared acts, counted only if the rule says so."""
    rule = thread_settings().get("own_acts")
    if not rule or (gate and not rule.get("gate")):
        return lambda _x: True
    oa, ob = own_states(a, rule["share"]), own_states(b, rule["share"])

    def own(x: str) -> bool:
        pkind, _, name = x.partition(":")[2].partition(":")
        return pkind != "GPE" or ":" in name or (name in oa and name in ob)

    return own


def specific_act(sig: str, both: set[str] | frozenset[str] = frozenset(),
                  fighting: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether an event signature with a party ("ASSAULT:GPE:RUS") tells a matter, not a
    kind of news (``what_acts`` of data/threads.json). It does when it is an act of a
    conflict or legal kind (``conflict_types``) by or on a person or a country
    (``conflict_kinds``: a war's attacks by Russia, the accused of one case); when its
    party is a country at war in either story (``fighting``: the war's aid to Ukraine);
    or when its party is a person or organisation (``party_kinds``) that, with
    ``beyond_who``, is not already who both stories name (``both``: "CONSULT Kim
    Jong-un" beside Kim Jong-un, a city court's sentences beside its court say who
    again). A country's diplomacy ("SUPPORT Việt Nam", "MOBILIZE Trung Quốc") is every
    diplomatic story's, an initial ("PER:t", shorter than ``party_min_chars``) nobody's,
    a province's or city's acts (arrests in Ho Chi Minh City) every local crime story's,
    and a bare type ("ASSAULT") tells nothing."""
    kind, _, party = sig.partition(":")
    if not party:
        return False
    rule = thread_settings().get("what_acts")
    if not rule:  # no rule: every act with a party counts (as before round 9)
        return True
    pkind, _, name = party.partition(":")
    if len(name) < rule.get("party_min_chars", 0):
        return False
    if pkind == "GPE" and ":" in name:  # a province or city is where, not who ("GPE:VNM:tp.hcm")
        return False
    if kind in rule["conflict_types"] and pkind in rule["conflict_kinds"]:
        return True
    if party in fighting:
        return True
    if pkind not in rule["party_kinds"]:
        return False
    return not (rule.get("beyond_who") and (party in both or fold(name) in both or fold(name).split()[-1] in both))


def _fighting(*profiles: dict[str, Any]) -> set[str]:
    """Countries (``what_acts`` ``war_kinds``) that are parties to the acts of war
    (``war_types``: attacks, fighting) of some profiles: "GPE:UKR" of "ASSAULT:GPE:UKR".
    Arrests (COERCE) are not war: most Vietnamese crime news codes one by a province or
    by Vietnam; nor is a person a country at war (Obama of the Hiroshima bombing)."""
    rule = thread_settings().get("what_acts") or {}
    types, kinds = rule.get("war_types") or (), rule.get("war_kinds") or ()
    out = set()
    for p in profiles:
        for x in p["x"]:
            kind, _, party = x.partition(":")
            if kind in types and party.partition(":")[0] in kinds:
                out.add(party)
    return out


def shared_act_signatures(a: dict[str, Any], b: dict[str, Any],
                          fighting: set[str] | None = None) -> list[str]:
    """The event signatures with a party two profiles share that tell a matter
    (``specific_act``), sorted: the same kind of act by or on the same party. Who both
    name: their shared participants, and the entity keys and names of both vectors
    ("k:PER:barack obama", "n:obama"). ``fighting``: ``_fighting(a, b)``, if the caller
    has it."""
    both = (a["e"].keys() & b["e"].keys()) | {t[2:] for t in a["v"].keys() & b["v"].keys() if is_name(t)}
    fighting = _fighting(a, b) if fighting is None else fighting
    own = _own_filter(a, b, gate=True)
    return sorted(x for x in set(a["x"]) & set(b["x"]) if specific_act(x, both, fighting) and own(x))


def shared_acts(a: dict[str, Any], b: dict[str, Any]) -> int:
    """How many event signatures with a party ("ASSAULT:GPE:RUS", "AID:GPE:UKR") two
    profiles share that tell a matter (``specific_act``): the same kind of act by or on
    the same party, not merely the same kind of act, nor a diplomatic act of a country."""
    return len(shared_act_signatures(a, b))


def passes_gate(f: list[float], acts: int = 0, war: bool = False) -> bool:
    """Both who (shared participants or names) and what (shared subject words, or shared
    events: with ``what_shared_acts`` > 0, that many shared acts with their arguments,
    ``acts``; a war's episodes share few words but the same attacks by the same party)
    reach their floors. With ``war_who``, a country both stories report at war
    (``war``) is who enough."""
    cfg = thread_settings()
    text, words, events = f[0], f[1], f[6]
    what = max(text, words, cfg["what_events_weight"] * events)
    need = cfg.get("what_shared_acts", 0)
    if need and acts >= need:
        what = max(what, cfg["what_floor"])
    return what >= cfg["what_floor"] and passes_who(f, war)


def passes_who(f: list[float], war: bool = False) -> bool:
    """The who half of the gate: shared participants or names reach ``who_floor``, or (with
    ``war_who``) a country both stories report at war (``war``)."""
    cfg = thread_settings()
    return max(f[2], f[3]) >= cfg["who_floor"] or (war and bool(cfg.get("war_who")))


def gate_inputs(a: dict[str, Any], b: dict[str, Any], f: list[float] | None = None) -> tuple[int, bool]:
    """(shared acts, at war in both or one matter's states) of two profiles, for
    ``passes_gate``: the countries at war are read once for both (``_fighting``). Given
    the pair's features ``f``, the states are read only when nothing else is who."""
    fa, fb = _fighting(a), _fighting(b)
    acts = len(shared_act_signatures(a, b, fa | fb))
    if fa & fb or (f is not None and passes_who(f)):
        return acts, bool(fa & fb)
    return acts, bool(state_matter(a, b)[0])


def _states(p: dict[str, Any]) -> tuple[str | None, set[str]]:
    """A profile's principal state (the country whose names weigh most in its vector)
    and every state it names (in its vector, or as a party of its acts)."""
    weight = _state_weights(p)
    out = set(weight)
    for x in p["x"]:
        pkind, _, name = x.partition(":")[2].partition(":")
        if pkind == "GPE" and len(name) == 3 and name.isupper():
            out.add(name)
    return (weight.most_common(1)[0][0] if weight else None), out


def _stop_syllables() -> frozenset[str]:
    from thoisu.stories.cluster import stop_syllables  # cluster imports this module

    return stop_syllables()


def state_matter(a: dict[str, Any], b: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(states, object words) when two stories look like one matter among states (docs/
    threads.md, *One matter among states*): they share ``min_states`` states or more,
    the principal state of each among them, and a title or lead subject word at least
    ``object_specificity`` specific (the object: "hạt nhân"); else two empty lists."""
    rule = thread_settings().get("state_who")
    if not rule:
        return [], []
    pa, sa = _states(a)
    pb, sb = _states(b)
    both = sa & sb
    # The outlets' own country is named in nearly every story (its citizens abroad, its
    # aid, its reaction): it counts as a shared state only as the principal of both.
    home = set(rule.get("home_states", ())) - ({pa} & {pb})
    if pa is None or pb is None or len(both - home) < rule["min_states"] or not {pa, pb} <= both or (rule.get("same_principal") and pa != pb):
        return [], []
    words = ({**a["l"], **a["t"]}).keys() & ({**b["l"], **b["t"]}).keys()
    # a bigram touching a function syllable ("nhân của") is no object, however seldom the
    # background list holds it (object_stop)
    stop = _stop_syllables() if rule.get("object_stop") else frozenset()
    obj = sorted(w for w in words if _specificity(w) >= rule["object_specificity"] and stop.isdisjoint(w.split()))
    return (sorted(both), obj) if obj else ([], [])


def pair_probability(a: dict[str, Any], b: dict[str, Any], seen: dict[str, int] | None = None) -> float:
    """How likely two stories are one matter; 0 without both who (shared participants
    or names) and what (shared subject words or events): a famous name, a country or a
    topic area alone is not one matter."""
    cfg = thread_settings()
    f = pair_features(a, b, seen)
    floor = (cfg.get("state_who") or {}).get("p", 0.0)
    sm = floor > 0 and bool(state_matter(a, b)[0])
    gate = passes_gate(f, *gate_inputs(a, b, f))
    if not sm and not gate:
        return 0.0
    m = cfg["model"]
    z = m["intercept"] + sum(w * x for w, x in zip(m["coef"], f, strict=True))
    p = 1.0 / (1.0 + math.exp(-z)) if gate else 0.0
    return max(p, floor) if sm else p


def _date_text(day: int) -> str:
    return str(date.fromordinal(day).year)


def join_evidence(new: dict[str, Any], old: dict[str, Any], p: float, span: list[int] | None,
                  seen: dict[str, int] | None = None) -> dict[str, Any]:
    """Why a story joined a thread: the shared participants, shared title/lead words and
    the thread's years, as data and as one line of text."""
    w = shared_weight(new, old, seen or {})
    shared = sorted(w, key=lambda k: (-w[k], k))
    people = [old["n"].get(k) or new["n"].get(k) or k for k in shared[:3]]
    words_w: Counter[str] = Counter()
    for part in ("t", "l"):
        for t, w in new[part].items():
            if t in old[part]:
                words_w[t] += w * old[part][t]
    words = [t[2:] if t.startswith("n:") else t for t, _ in words_w.most_common(3)]
    if not people and not words:  # the gate passed on the bodies' names and words: name those
        body = {t: w * old["v"][t] for t, w in new["v"].items() if t in old["v"]}
        words = [t[2:] if t.startswith("n:") else t for t in sorted(body, key=lambda t: (-body[t], t))[:3]]
    acts = [_act_text(x, {**new["n"], **old["n"]}) for x in shared_act_signatures(new, old)][:2]
    # one matter among states: the states it is among, and its object first among the words
    isos, objects = state_matter(new, old)
    states = [_country_name(x) for x in isos][:3]
    words = (objects + [t for t in words if t not in objects])[:3] if objects else words
    text = ", ".join(people + states + words + acts)
    if span:
        a, b = _date_text(span[0]), _date_text(span[1])
        text += (", " if text else "") + (a if a == b else f"{a}–{b}")
    days = [date.fromordinal(d).isoformat() for d in span] if span else None
    return {"p": round(p, 3), "participants": people, "states": states, "words": words, "acts": acts,
            "span": days, "text": "joined by: " + text}


def _country_name(code: str) -> str:
    from thoisu.actors.dictionary import load  # actors data; loaded once

    return load().country_names.get(code) or code


def _act_text(sig: str, names: dict[str, str]) -> str:
    """An event signature for a reader: "ASSAULT:GPE:RUS" -> "ASSAULT Nga"."""
    kind, _, key = sig.partition(":")
    name = names.get(key)
    if name is None:
        code = key.split(":", 1)[-1]
        name = _country_name(code) if key.startswith("GPE:") else code
    return f"{kind} {name}"


class ThreadIndex:
    def __init__(self) -> None:
        # id -> {"s": [story ids], "c": centroid, "m": {story id: profile} (anchor and
        # most recent stories), "d": [first day, last day] | None}
        self._threads: dict[str, dict[str, Any]] = {}
        self._of: dict[str, str] = {}  # story id -> thread id
        self._postings: dict[str, list[str]] = {}  # term -> thread ids
        # story id -> what made it join its thread (JSON-able), for the report and web app
        self._joins: dict[str, Any] = {}
        self.comparisons = 0  # stored stories scored, for tests of bounded work
        # when a dict: every placement of a story is recorded, story id -> [(candidate
        # thread ids, {thread: (best probability, anchor probability)})], for
        # eval/threads_eval.py --diagnose
        self.trace: dict[str, list[tuple[list[str], dict[str, tuple[float, float]]]]] | None = None
        # threads left empty since this object was made (their one story joined another
        # thread when it grew, ``rejoin_grown``, or was removed, ``remove_story``): a
        # store deletes their rows
        self.emptied: list[str] = []
        # stories moved since this object was made into a thread that came to hold their
        # matter (``pull_lone``), story id -> thread id: the store rewrites their rows
        self.pulled: dict[str, str] = {}
        # threads of several that a grown story left since this object was made
        # (``recheck_grown``): the store refreshes them (their stories' summary, timeline)
        self.left: list[str] = []
        # story id -> the stories the story stage split from it or into it; set by the
        # story index (``apart_split``)
        self.apart: Callable[[str], Any] | None = None

    def thread_of(self, story_id: str) -> str | None:
        return self._of.get(story_id) or None

    def moved_to(self, thread_id: str) -> str | None:
        """The thread an emptied thread's story joined (see ``emptied``); None for a
        thread emptied by ``remove_story``."""
        return (self._threads.get(thread_id) or {}).get("moved")

    def note_left(self, tid: str) -> None:
        """A thread that lost a story and keeps others is named in ``left`` (the store
        refreshes its stories' rows, summary and timeline)."""
        th = self._threads.get(tid)
        if th and th["s"] and tid not in self.left:
            self.left.append(tid)

    def follow(self, tid: str, story_id: str) -> None:
        """An emptied thread whose story was placed again elsewhere (a story split or
        merged in the story stage) leads to that story's thread (``moved_to``)."""
        th = self._threads.get(tid)
        to = self.thread_of(story_id)
        if th is not None and not th["s"] and to != tid:
            th["moved"] = to
            self._threads[tid] = th

    def remove_story(self, story_id: str, merged_into: str | None = None) -> str | None:
        """Take a story out of its thread (it merged into another story); return the
        thread it was in, or None if it was in none. A thread left empty is retired as
        when its story moves out through ``rejoin_grown`` (listed in ``emptied``, gone
        from ``threads`` and the posting lists); ``moved_to`` gives the thread of
        ``merged_into`` (the story it merged into) when that is given and placed, else
        None. A thread that keeps other stories keeps its id; its posting lists may
        still name it for the removed story's terms, which only makes it a candidate to
        be compared."""
        tid = self._of.get(story_id)
        if not tid:
            return None
        th = self._threads.get(tid)
        if not th or story_id not in th["s"]:  # its thread no longer lists it: only forget it
            self._take_from(tid, None, story_id)
            return tid
        prof = self._take_from(tid, th, story_id)
        if prof is not None and merged_into and thread_settings().get("merge_absorbed"):
            self._absorb(merged_into, prof)
        if not th["s"]:
            into = self._of.get(merged_into) if merged_into else None
            self._retire(tid, prof, into if into != tid else None)
        return tid

    def _take_from(self, tid: str, th: dict[str, Any] | None, story_id: str) -> dict[str, Any] | None:
        """Take a story out of its thread: its thread and join records are forgotten (it is
        in none until placed again), it leaves the thread's members and stored stories and
        its vector the thread's centroid; a thread that keeps other stories is written back
        (one left empty is the caller's to retire). Returns the story's stored profile, if
        any. ``th`` None: only the records are forgotten."""
        _drop(self._of, story_id)
        _drop(self._joins, story_id)
        if th is None:
            return None
        prof = th["m"].pop(story_id, None)
        th["s"].remove(story_id)
        if th["s"]:
            if prof is not None:  # the thread's centroid no longer holds the story's vector
                _take_out(th["c"], prof["v"])
            self._threads[tid] = th
        return prof

    def _absorb(self, into: str, prof: dict[str, Any]) -> None:
        """The story ``into`` took in a merged story's articles: its stored profile takes
        in what that story said (``merge_absorbed``), as it would had it been one story
        from the start; otherwise only the articles of the run that merged them reach it
        (``update_story``). Checked against its thread when it is next updated."""
        tid = self._of.get(into)
        th = self._threads.get(tid) if tid else None
        mine = th["m"].get(into) if th else None
        if mine is None:
            return
        th["m"][into] = merge_profiles(mine, prof)
        th["d"] = _span(th["d"], prof["d"])
        self._threads[tid] = th

    def _retire(self, tid: str, prof: dict[str, Any] | None, moved: str | None) -> None:
        """Leave a thread empty (its one story moved to ``moved`` or was removed): it
        leaves the posting lists of its story's terms and is named in ``emptied``."""
        self._threads[tid] = {"s": [], "c": {}, "m": {}, "d": None, "moved": moved}
        if tid not in self.emptied:
            self.emptied.append(tid)
        if prof:
            self._unpost(tid, prof)

    def threads(self) -> dict[str, list[str]]:
        return {tid: list(t["s"]) for tid, t in self._threads.items() if t["s"]}

    @staticmethod
    def _keys(profile: dict[str, Any]) -> Vector:
        """Posting terms of a story and their weights: its strongest vector terms, its
        title terms and its participants."""
        cfg = thread_settings()
        keys = dict(top_terms(profile["v"], cfg["query_terms"]))
        for t, w in profile["t"].items():
            keys[t] = max(keys.get(t, 0.0), w)
        for k, w in profile["e"].items():
            keys["k:" + k] = max(keys.get("k:" + k, 0.0), w)
        return keys

    def _seen(self, prof: dict[str, Any]) -> dict[str, int]:
        """How many threads already name each participant of a profile (its posting list)."""
        return {k: len(self._postings.get("k:" + k) or ()) for k in prof["e"]}

    def _candidates(self, keys: Vector) -> list[str]:
        cfg = thread_settings()
        scores: Counter[str] = Counter()
        for t, w in keys.items():
            post = self._postings.get(t)
            if post and len(post) <= cfg["posting_cap"]:
                for tid in post:
                    scores[tid] += w
        return [tid for tid, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg["candidates"]]]

    def add_story(self, story_id: str, centroid: Vector, articles: list[Any] | None = None) -> str:
        """Put a new story in the thread of its matter, or open one; return its id.

        ``articles``: the story's member articles known when it is placed (models.Article,
        with their annotations): titles, leads, participants, events and dates."""
        if self._of.get(story_id):
            return self._of[story_id]
        prof = story_profile(centroid, articles)
        keys = self._keys(prof)
        seen = self._seen(prof)
        best, best_p, best_with = self._best_thread(prof, keys, seen, placing=story_id)
        return self._settle(story_id, prof, keys, seen, best, best_p, best_with)

    def _settle(self, story_id: str, prof: dict[str, Any], keys: Vector, seen: dict[str, int],
                best: str | None, best_p: float, best_with: str) -> str:
        """Place a story in the thread it joins (``best``, found by ``_best_thread``; the
        thread's lone stories that now match it are pulled in) or, if none, in a thread of
        its own ("t-" + its id: new, or the one it opened and left). Returns the thread."""
        if best is None:
            best = "t-" + story_id
            self._place(best, {"s": [], "c": {}, "m": {}, "d": None}, story_id, prof, keys)
            return best
        th = self._threads[best]
        self._join(story_id, best, th, prof, best_p, best_with, seen)
        self._place(best, th, story_id, prof, keys)
        self._pull_lone(best, keys)
        return best

    def _best_thread(self, prof: dict[str, Any], keys: Vector, seen: dict[str, int],
                     skip: str = "", placing: str = "") -> tuple[str | None, float, str]:
        """The candidate thread a profile joins (None if none), the probability and the
        stored story it matched best."""
        best, best_p, best_with = None, 0.0, ""
        cands = self._candidates(keys)
        scored: dict[str, tuple[float, float]] = {}
        if self.trace is not None:
            self.trace.setdefault(placing, []).append((cands, scored))
        for tid in cands:
            th = self._threads[tid]
            if tid == skip or not th["s"]:  # a thread whose one story moved on is empty
                continue
            p_best, p_anchor, with_, joins = self._match(th, prof, seen, placing)
            scored[tid] = (p_best, p_anchor)
            if joins and p_best > best_p:
                best, best_p, best_with = tid, p_best, with_
        return best, best_p, best_with

    def _match(self, th: dict[str, Any], prof: dict[str, Any],
               seen: dict[str, int], story: str = "") -> tuple[float, float, str, bool]:
        """A profile (of ``story``) against one thread's stored stories: (its match, its
        probability with the anchor, the stored story it matched best, whether it joins by
        the rule). With ``apart_split``, a stored story the story stage split from
        ``story`` or into it (``apart``) scores 0: the two were one story through one
        article alike to both, and that article is no evidence of one matter either."""
        cfg = thread_settings()
        anchor = _anchor(th)
        p_anchor, p_best, with_ = 0.0, 0.0, ""
        miss = 1.0  # several stored stories that each match somewhat are evidence together
        each: dict[str, float] = {}
        apart = self.apart(story) if story and self.apart is not None and cfg.get("apart_split") else ()
        for sid, other in th["m"].items():
            self.comparisons += 1
            p = each[sid] = 0.0 if sid in apart else pair_probability(prof, other, seen)
            if sid == anchor:
                p_anchor = p
            if p > p_best:
                p_best, with_ = p, sid
            if p >= cfg["support_floor"]:
                miss *= 1.0 - p
        p_best = max(p_best, 1.0 - miss)  # the probability that one of them is right
        # the anchor bounds the thread: a story like only the thread's latest stories
        # (a drift of topic) does not join -- unless it is very like a story that
        # joined the anchor itself (one relay: a chain never grows past two links)
        bounded = p_anchor >= cfg["anchor_floor"] or (
            p_best >= cfg["relay_threshold"] and self._joined_anchor(with_, anchor))
        if not bounded and p_best >= cfg["relay_threshold"] and cfg.get("relay_support"):
            # relay_support: several stored stories together very like it, one of them
            # (at support_floor) linked to the anchor: the best alone may be linked only
            # through the story being judged again (recheck_grown), a circle
            link = self._supporting_link(each, anchor, cfg["support_floor"])
            if link:
                bounded, with_ = True, link
        return p_best, p_anchor, with_, p_best >= cfg["join_threshold"] and bounded

    def _supporting_link(self, each: dict[str, float], anchor: str, floor: float) -> str:
        """Of the stored stories scored (``each``: story -> probability), the likest (at
        ``floor`` at least) that joined the anchor, directly or through at most
        ``relay_links`` - 1 stories; "" if none."""
        ranked = sorted(((p, s) for s, p in each.items() if s != anchor and p >= floor), key=lambda x: (-x[0], x[1]))
        return next((s for _, s in ranked if self._joined_anchor(s, anchor)), "")

    def _pull_lone(self, tid: str, keys: Vector) -> None:
        """A thread that just took in or learnt of a story (``keys``: its posting terms)
        may now hold the matter of a story left alone earlier, when the thread said less
        (``pull_lone``): each lone story among the candidate threads of those terms is
        scored against this thread by the same rule and, if it joins, moves here; its own
        thread is left empty (``emptied``) and the story is named in ``pulled``. A pulled
        story pulls nothing in turn: work stays bounded by ``candidates`` x
        ``compared_stories``."""
        if not thread_settings()["pull_lone"]:
            return
        th = self._threads[tid]
        for lone in self._candidates(keys):
            other = self._threads[lone]
            if lone == tid or not other["s"]:
                continue
            if len(other["s"]) > 1:
                if thread_settings().get("pull_threads"):
                    self._pull_thread(tid, th, lone, other)
                continue
            sid = other["s"][0]
            scored = self._pull_score(tid, th, sid, other)
            if scored is None:
                continue
            prof, p_best, with_, seen = scored
            self._retire(lone, prof, tid)
            self._join(sid, tid, th, prof, p_best, with_, seen)
            self._place(tid, th, sid, prof, self._keys(prof))
            self.pulled[sid] = tid

    def _pull_score(self, tid: str, th: dict[str, Any], sid: str, other: dict[str, Any]
                    ) -> tuple[dict[str, Any], float, str, dict[str, int]] | None:
        """Story ``sid`` of thread ``other`` (pulled alone, or the anchor of a thread of
        several) scored against thread ``tid``, traced: (its stored profile, its match, the
        stored story it matched best, its seen counts) when it joins by the rule, else None
        (also when ``other`` stores no profile for it)."""
        prof = other["m"].get(sid)
        if prof is None:
            return None
        seen = self._seen(prof)
        p_best, p_anchor, with_, joins = self._match(th, prof, seen, sid)
        if self.trace is not None:
            self.trace.setdefault(sid, []).append(([tid], {tid: (p_best, p_anchor)}))
        return (prof, p_best, with_, seen) if joins else None

    def _pull_thread(self, tid: str, th: dict[str, Any], other_id: str, other: dict[str, Any]) -> None:
        """A thread of several stories among the candidates of a thread that just took in
        or learnt of a story (``pull_threads``): when its anchor joins this thread by the
        rule (anchor bound, relay, several stored stories together), all its stories move
        here, as a lone story is pulled in: its other stories joined that anchor (or
        relayed to it), so they follow it. Placed in pieces (runs, or a story placed before
        its matter's thread said enough), one matter can open two threads that each grew
        before they met; one run placing them later would have made one. The thread left is
        emptied (``emptied``, ``moved_to``), its stories are named in ``pulled`` and keep
        the evidence they joined by (the anchor's is its join here). Work stays bounded: one
        anchor scored per candidate thread."""
        anchor = _anchor(other)
        scored = self._pull_score(tid, th, anchor, other)
        if scored is None:
            return
        prof, p_best, with_, seen = scored
        moved, profiles = list(other["s"]), dict(other["m"])
        self._retire(other_id, None, tid)
        for p in profiles.values():  # the emptied thread leaves the posting lists it was in
            self._unpost(other_id, p)
        self._join(anchor, tid, th, prof, p_best, with_, seen)
        for sid in [anchor] + [s for s in moved if s != anchor]:
            p = profiles.get(sid)
            if p is not None:
                self._place(tid, th, sid, p, self._keys(p))
            else:  # no longer among the stored stories: only its membership moves
                th["s"].append(sid)
                self._of[sid] = tid
                self._threads[tid] = th
            ev = self._joins.get(sid)
            if ev and sid != anchor:  # it keeps the evidence it joined its anchor by
                self._joins[sid] = {**ev, "thread": tid}
            self.pulled[sid] = tid

    def _unpost(self, tid: str, prof: dict[str, Any]) -> None:
        """Take a thread out of the posting lists of a story's terms."""
        for t in self._keys(prof):
            post = self._postings.get(t)
            if post and tid in post:
                post.remove(tid)
                self._postings[t] = post

    def _joined_anchor(self, sid: str, anchor: str) -> bool:
        """Whether a stored story joined its thread by its match with the anchor, or
        through at most ``relay_links`` - 1 stories that did in turn."""
        for _ in range(thread_settings().get("relay_links", 1)):
            ev = self._joins.get(sid)
            if not ev:
                return False
            if ev.get("with") == anchor:
                return True
            sid = ev.get("with") or ""
        return False

    def _join(self, sid: str, tid: str, th: dict[str, Any], prof: dict[str, Any], p: float, with_: str,
              seen: dict[str, int]) -> None:
        self._joins[sid] = {"thread": tid, "with": with_,
                            **join_evidence(prof, th["m"][with_], p, _span(th["d"], prof["d"]), seen)}

    def update_story(self, story_id: str, centroid: Vector, articles: list[Any] | None = None) -> str:
        """A placed story grew (``articles``: its newly added articles, ``centroid``: its
        whole centroid now): its stored profile takes in the new evidence, so that later
        stories are compared with what the story has become, not with the one article it
        opened with. A story still alone in the thread it opened is placed again with what
        it says now (``rejoin_grown``): if it joins another thread, its own is left empty
        (no longer listed by ``threads``; thread ids never change, a moved story's old
        thread is gone). A story not yet placed is placed."""
        tid = self._of.get(story_id)
        if tid is None:
            return self.add_story(story_id, centroid, articles)
        th = self._threads[tid]
        old = th["m"].get(story_id)
        if old is None:  # no longer among the stored stories of its thread
            return tid
        prof = merge_profiles(old, story_profile(centroid, articles))
        keys = self._keys(prof)
        if thread_settings()["rejoin_grown"] and th["s"] == [story_id]:
            # alone in the thread it opened, placed on its first articles only: with what
            # it says now it may join another matter's thread; its own is left empty
            seen = self._seen(prof)
            best, best_p, best_with = self._best_thread(prof, keys, seen, skip=tid, placing=story_id)
            if best is not None:
                self._retire(tid, old, best)
                return self._settle(story_id, prof, keys, seen, best, best_p, best_with)
        if thread_settings().get("recheck_grown") and len(th["s"]) > 1 and _anchor(th) != story_id:
            moved = self._recheck(story_id, tid, th, prof, keys)
            if moved is not None:
                return moved
        th["m"][story_id] = prof
        th["d"] = _span(th["d"], prof["d"])
        self._threads[tid] = th
        self._post(tid, keys)
        if len(th["s"]) > 1:  # a lone story that grew was already placed again above
            self._pull_lone(tid, keys)
        return tid

    def _recheck(self, story_id: str, tid: str, th: dict[str, Any], prof: dict[str, Any],
                 keys: Vector) -> str | None:
        """A story that joined a thread of several on its first articles and grew
        (``recheck_grown``) is judged again, by the same rule, with what it says now
        against the thread's other stored stories: one run, which places it with all its
        articles, would not have joined it otherwise. If it no longer joins, it leaves:
        it is placed as a new story among the candidate threads (its own thread, "t-" +
        its id, if none) and named in ``pulled`` and its former thread in ``left``.
        Returns its new thread, or None if it stays. The anchor never leaves (the
        thread's other stories joined it)."""
        rest = {"s": [s for s in th["s"] if s != story_id], "c": th["c"], "d": th["d"],
                "m": {s: p for s, p in th["m"].items() if s != story_id}}
        if not rest["m"]:
            return None
        seen = self._seen(prof)
        _, _, _, joins = self._match(rest, prof, seen, story_id)
        if joins:
            return None
        self._take_from(tid, th, story_id)
        if tid not in self.left:
            self.left.append(tid)
        best, best_p, best_with = self._best_thread(prof, keys, seen, skip=tid, placing=story_id)
        best = self._settle(story_id, prof, keys, seen, best, best_p, best_with)
        self.pulled[story_id] = best
        return best

    def _post(self, tid: str, keys: Vector) -> None:
        cap = thread_settings()["posting_cap"]
        for t in keys:
            post = self._postings.get(t)
            if post is None:
                self._postings[t] = [tid]
            elif tid not in post and len(post) <= cap:
                post.append(tid)
                self._postings[t] = post

    def _place(self, tid: str, th: dict[str, Any], sid: str, prof: dict[str, Any], keys: Vector) -> None:
        cfg = thread_settings()
        if not th["s"] and tid in self.emptied:  # an id emptied earlier is a live thread again
            self.emptied.remove(tid)
        th.pop("moved", None)
        th["s"].append(sid)
        c = th["c"]
        for t, w in prof["v"].items():
            c[t] = c.get(t, 0.0) + w
        if len(c) > cfg["thread_top_terms"]:
            th["c"] = top_terms(c, cfg["thread_top_terms"])
        th["d"] = _span(th["d"], prof["d"])
        # kept for comparison: the anchor and the most recent stories (bounded work, and
        # the thread is judged by what it began with as well as by where it is now)
        members = th["m"]
        members[sid] = prof
        if len(members) > cfg["compared_stories"]:
            anchor = _anchor(th)
            for old in [s for s in members if s != anchor][: len(members) - cfg["compared_stories"]]:
                del members[old]
        self._threads[tid] = th  # written back whole (a lazily stored mapping sees it)
        self._of[sid] = tid
        self._post(tid, keys)

    def evidence_of(self, story_id: str) -> Any:
        """What joined a story to its thread (None for the story that opened it):
        {"thread", "with" (the stored story it matched), "p", "participants", "words",
        "span" (the thread's first and last publication dates, ISO, or None), "text"
        ("joined by: Sergei Lavrov, Rex Tillerson, đàm phán hạt nhân, 2016–2017")}."""
        return self._joins.get(story_id)

    def central_story(self, tid: str, centroids: dict[str, Vector]) -> str:
        """The story of the thread closest to its centroid (ties: the older)."""
        th = self._threads[tid]
        best, best_s = th["s"][0], -1.0
        for sid in th["s"]:
            s = cosine(thread_vector(centroids[sid]), th["c"])
            if s > best_s + 1e-12:
                best, best_s = sid, s
        return best

    def to_dict(self) -> dict[str, Any]:
        """The whole state, JSON-able (the four mappings)."""
        return {"schema": "thoisu.threads/2", "threads": dict(self._threads), "of": dict(self._of),
                "postings": dict(self._postings), "joins": dict(self._joins)}

    @classmethod
    def from_dict(cls, data: dict[str, Any], centroids: dict[str, Vector] | None = None) -> ThreadIndex:
        """Back from ``to_dict``; an older membership-only dict (thread id -> story ids)
        is rebuilt from the stories' centroids, with the same thread ids."""
        idx = cls()
        if data.get("schema") == "thoisu.threads/2":
            idx._threads = dict(data["threads"])
            idx._of = dict(data["of"])
            idx._postings = dict(data["postings"])
            idx._joins = dict(data["joins"])
            return idx
        for tid, sids in data.items():
            th: dict[str, Any] = {"s": [], "c": {}, "m": {}, "d": None}
            for sid in sids:
                prof = story_profile((centroids or {}).get(sid, {}))
                idx._place(tid, th, sid, prof, idx._keys(prof))
        return idx


def _anchor(th: dict[str, Any]) -> str:
    """The thread's anchor: its first story still stored (the first story itself unless
    it was removed, ``remove_story``)."""
    return next((s for s in th["s"] if s in th["m"]), th["s"][0])


def _take_out(centroid: dict[str, float], vector: dict[str, float]) -> None:
    """Subtract a story's vector from a thread's centroid (terms left near 0 go)."""
    for t, w in vector.items():
        if t in centroid:
            centroid[t] -= w
            if centroid[t] <= 1e-9:
                del centroid[t]


def _drop(m: Any, key: str) -> None:
    """Forget a key of one of the index's mappings; a lazily stored mapping cannot delete
    a row, so its entry is set to None (read as absent)."""
    if isinstance(m, dict):
        m.pop(key, None)
    else:
        m[key] = None


def _span(a: list[int] | None, b: list[int] | None) -> list[int] | None:
    if not a:
        return list(b) if b else None
    if not b:
        return list(a)
    return [min(a[0], b[0]), max(a[1], b[1])]
