"""Threads: stories on the same matter, possibly years apart.

A story joins a thread when its centroid (the TF-IDF terms of its articles, numbers
left out: dates and amounts belong to one event, not to the matter) is close enough to
the thread's centroid; otherwise it opens a thread named after it ("t-" + story id).
There is no date limit. Candidate threads come from an inverted index over the
strongest terms, with long posting lists skipped, so the work per story is bounded.
Thread ids never change once given.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

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


def split_cosines(a: Vector, b: Vector) -> tuple[float, float]:
    """Cosine over names/entity keys and cosine over the other words, separately."""
    an = {t: w for t, w in a.items() if is_name(t)}
    aw = {t: w for t, w in a.items() if not is_name(t)}
    bn = {t: w for t, w in b.items() if is_name(t)}
    bw = {t: w for t, w in b.items() if not is_name(t)}
    return cosine(an, bn), cosine(aw, bw)


class ThreadIndex:
    def __init__(self) -> None:
        self._threads: dict[str, dict[str, Any]] = {}  # id -> {"s": [story ids], "c": centroid}
        self._of: dict[str, str] = {}  # story id -> thread id
        self._postings: dict[str, list[str]] = {}
        self.comparisons = 0

    def thread_of(self, story_id: str) -> str | None:
        return self._of.get(story_id)

    def threads(self) -> dict[str, list[str]]:
        return {tid: list(t["s"]) for tid, t in self._threads.items()}

    def add_story(self, story_id: str, centroid: Vector) -> str:
        """Put a new story in the best matching thread, or open one; return its id."""
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
        # the same matter: the same actors and places (names) AND some of the same
        # subject words, so a place alone ("Hà Nội") does not join a crash to a trial
        best, best_s = None, 0.0
        for tid, _ in scores.most_common(cfg["candidates"]):
            self.comparisons += 1
            sn, sw = split_cosines(vec, self._threads[tid]["c"])
            if sn >= cfg["thread_threshold"] and sw >= cfg["thread_word_floor"] and sn + sw > best_s:
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
