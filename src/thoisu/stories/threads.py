"""Threads: stories on the same matter, possibly years apart.

A story joins a thread when its centroid (the TF-IDF terms of its articles, numbers
left out: dates and amounts belong to one event, not to the matter) shares enough with
the thread's centroid: some subject words AND shared actors (people, organisations;
places count only when several countries are shared, since one country or province is
where many matters happen, not what they are); otherwise it opens a thread named after
it ("t-" + story id). See ``thread_parts`` and ``joins``; thresholds in
data/cluster.json. There is no date limit. Candidate threads come from an inverted
index over the strongest terms, with long posting lists skipped, so the work per story
is bounded. Thread ids never change once given.
"""

from __future__ import annotations

import json
import math
from collections import ChainMap, Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from thoisu.text import fold, strip_accents

Vector = dict[str, float]
_DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Thresholds of stories and threads (data/cluster.json), loaded once."""
    return json.loads((_DATA / "cluster.json").read_text(encoding="utf-8"))


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
# and an inauguration in Taiwan, a storm and a building site in one province share
# their place names and nothing else. Place terms are told apart so that a join needs
# other evidence (people, organisations, subject words).


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
    """Terms of every place alias of the actor dictionary (countries, capitals, seats,
    cities, provinces, regions) -> the country they belong to (or the place's own key):
    stories without actor annotations still know 'Đài Loan' and 'Đài Bắc' are places,
    of one country."""
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
    """Name terms of the actor dictionary's titles ("Tổng thống", "Hoa hậu", "Ngoại
    trưởng"): capitalised, they are read as names, but two stories sharing "Hoa hậu"
    share a kind of person, not an actor; they count as subject words."""
    from thoisu.actors.dictionary import load

    out: set[str] = set()
    for key in load().titles:
        out |= {t for t in _alias_terms([fold(w) for w in key]) if t.startswith("n:")}
    return frozenset(out)


def place_terms(*vecs: Vector) -> dict[str, str]:
    """Place terms of some vectors -> their country: entity keys of places ("k:GPE:...",
    "k:LOC:...") and the name terms of the place a key names when the gazetteer does
    not know it ("k:GPE:VNM:yên bái", "k:LOC:xã đàn")."""
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


def thread_parts(a: Vector, b: Vector) -> tuple[float, float, float]:
    """Evidence that two thread vectors speak of one matter: cosines over names and
    entity keys other than places, over places beyond the most shared country, and
    over subject words.

    A word bigram that is also a name term of either vector ("đài loan" beside
    "n:đài loan") is the name read as words: it goes with the name, not the words.
    The place part leaves out the country the two share most, so one country or one
    province (an earthquake and an inauguration in Taiwan) is no evidence, while a
    constellation of states (Russia, North Korea, the US in nuclear talks) is some."""
    places = ChainMap(place_terms(a, b), gazetteer_places())  # no copy of the gazetteer
    titles = title_terms()
    names = {t[2:] for v in (a, b) for t in v if t.startswith("n:") and t not in titles}

    def split(v: Vector) -> tuple[Vector, Vector, Vector]:
        n: Vector = {}
        p: Vector = {}
        w: Vector = {}
        for t, x in v.items():
            if t in places:
                p[t] = x
            elif t in titles:
                w[t] = x
            elif is_name(t) or t in names:
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


def joins(sn: float, sp: float, sw: float, cfg: dict[str, Any]) -> bool:
    """Enough evidence of one matter: shared actors (names, with shared places beyond
    one country counting place_weight) and some shared subject words; one shared actor
    with no constellation of places needs more shared words (one person, one company
    is in many matters), and many shared words in many shared places will do."""
    if sw < cfg["thread_word_floor"]:
        return False
    if sp < cfg["thread_place_floor"] and sw < cfg["thread_word_floor_alone"]:
        return False
    return sn + cfg["thread_place_weight"] * sp >= cfg["thread_threshold"] or (
        sw >= cfg["thread_word_threshold"] and sp >= cfg["thread_place_floor"]
    )


class ThreadIndex:
    def __init__(self) -> None:
        self._threads: dict[str, dict[str, Any]] = {}  # id -> {"s": [story ids], "c": centroid}
        self._of: dict[str, str] = {}  # story id -> thread id
        self._postings: dict[str, list[str]] = {}
        # story id -> what made it join its thread (JSON-able), for the report and web app
        self._joins: dict[str, Any] = {}
        self.comparisons = 0

    def thread_of(self, story_id: str) -> str | None:
        return self._of.get(story_id)

    def threads(self) -> dict[str, list[str]]:
        return {tid: list(t["s"]) for tid, t in self._threads.items()}

    def add_story(self, story_id: str, centroid: Vector, articles: list[Any] | None = None) -> str:
        """Put a new story in the best matching thread, or open one; return its id.

        ``articles``: the story's member articles known when it is placed (models.Article,
        with their annotations), for evidence beyond the centroid."""
        if story_id in self._of:
            return self._of[story_id]
        cfg = settings()
        vec = thread_vector(centroid)
        scores: Counter[str] = Counter()
        for t in top_terms(vec, cfg["query_terms"]):
            post = self._postings.get(t)
            if post and len(post) <= cfg["posting_cap"]:
                for tid in post:
                    scores[tid] += vec[t]
        # the same matter: the same actors AND some of the same subject words, so a
        # place alone ("Hà Nội", "Đài Loan") does not join a crash to a trial
        best, best_s = None, 0.0
        for tid, _ in scores.most_common(cfg["candidates"]):
            self.comparisons += 1
            sn, sp, sw = thread_parts(vec, self._threads[tid]["c"])
            # places may allow a join but do not choose among threads: the one sharing
            # most people, organisations and subject words wins
            if joins(sn, sp, sw, cfg) and sn + sw > best_s:
                best, best_s = tid, sn + sw
        if best is None:
            best = "t-" + story_id
            self._threads[best] = {"s": [], "c": {}}
        th = self._threads[best]
        th["s"].append(story_id)
        c = th["c"]
        for t, w in vec.items():
            c[t] = c.get(t, 0.0) + w
        if len(c) > cfg["thread_top_terms"]:
            th["c"] = top_terms(c, cfg["thread_top_terms"])
        self._of[story_id] = best
        self._post(best, th["c"])
        return best

    def _post(self, tid: str, vec: Vector) -> None:
        cap = settings()["posting_cap"]
        for t in top_terms(vec, settings()["query_terms"]):
            post = self._postings.setdefault(t, [])
            if tid not in post and len(post) <= cap:
                post.append(tid)

    def evidence_of(self, story_id: str) -> Any:
        """What joined a story to its thread (None for the story that opened it)."""
        return self._joins.get(story_id)

    def central_story(self, tid: str, centroids: dict[str, Vector]) -> str:
        """The story of the thread closest to its centroid (ties: the larger, then older)."""
        th = self._threads[tid]
        best, best_s = th["s"][0], -1.0
        for sid in th["s"]:
            s = cosine(thread_vector(centroids[sid]), th["c"])
            if s > best_s + 1e-12:
                best, best_s = sid, s
        return best

    def to_dict(self) -> dict[str, list[str]]:
        """Membership only: a thread's centroid is rebuilt from its stories' centroids."""
        return {tid: list(t["s"]) for tid, t in self._threads.items()}

    @classmethod
    def from_dict(cls, data: dict[str, list[str]], centroids: dict[str, Vector]) -> ThreadIndex:
        idx = cls()
        top = settings()["thread_top_terms"]
        for tid, sids in data.items():
            c: Vector = {}
            for sid in sids:
                idx._of[sid] = tid
                for t, w in thread_vector(centroids.get(sid, {})).items():
                    c[t] = c.get(t, 0.0) + w
            idx._threads[tid] = {"s": list(sids), "c": top_terms(c, top)}
            idx._post(tid, idx._threads[tid]["c"])
        return idx
