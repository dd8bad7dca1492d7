"""Corpus stage: merge the mention keys of all articles into entities.

Keys that are spelling variants of one another are merged: person keys equal under a
phonetic key (accents dropped, y/i, x/ks, doubled letters; only for names written without
Vietnamese diacritics, since "Hùng" and "Hưng" are different people), and a one-word person
key ("PER:lavrov", left unresolved in its article) joins the single multi-word person
whose first or last word it is, when there is exactly one such person in the corpus.
An entity's id is "E-" + a short hash of its canonical key, so it is stable across runs
over the same material.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from thoisu.models import Article, Entity, EntityMention, Mention
from thoisu.text import strip_accents

_VOWEL_Y = re.compile(r"y")
_DOUBLE = re.compile(r"(.)\1+")


def _phonetic_word(w: str) -> str:
    w = strip_accents(w).lower()
    w = w.replace("x", "ks").replace("ph", "f").replace("w", "v").replace("ck", "k")
    w = _VOWEL_Y.sub("i", w)
    w = _DOUBLE.sub(r"\1", w)
    if w.endswith("der"):
        w = w[:-3] + "dr"
    return w


def phonetic_key(key: str) -> str | None:
    """Loose key for a person written in Latin letters without Vietnamese marks."""
    if not key.startswith("PER:"):
        return None
    name = key[4:]
    if strip_accents(name) != name:
        return None
    return "PER~" + " ".join(_phonetic_word(w) for w in name.split())


def entity_id(key: str) -> str:
    return "E-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge_entities(articles: list[Article]) -> tuple[list[Entity], dict[str, str]]:
    """Entities over every mention of every article, and the map mention key -> entity id."""
    by_key: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for a in articles:
        for m in a.mentions:
            by_key[m.key].append((a.id, m))
    uf = _Union()
    for k in by_key:
        uf.find(k)
    # spelling variants of the same person
    phon: dict[str, str] = {}
    for k in sorted(by_key):
        p = phonetic_key(k)
        if p is None:
            continue
        if p in phon:
            uf.union(phon[p], k)
        else:
            phon[p] = k
    # one-word person keys join the single multi-word person they can stand for
    multi = [k for k in by_key if k.startswith("PER:") and " " in k[4:]]
    ends: dict[str, set[str]] = defaultdict(set)
    for k in multi:
        words = k[4:].split()
        for w in (words[0], words[-1]):
            ends[_phonetic_word(w)].add(uf.find(k))
    for k in by_key:
        if k.startswith("PER:") and " " not in k[4:]:
            roots = ends.get(_phonetic_word(k[4:]), set())
            if len(roots) == 1:
                uf.union(next(iter(roots)), k)

    groups: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        groups[uf.find(k)].append(k)

    entities: list[Entity] = []
    ids: dict[str, str] = {}
    for keys in groups.values():
        items = [(art, m) for k in keys for art, m in by_key[k]]
        # canonical key: the most mentioned multi-word key, then the longest, then sorted
        canon = sorted(keys, key=lambda k: (-(" " in k), -len(by_key[k]), -len(k), k))[0]
        eid = entity_id(canon)
        # a person's name: the most complete form written (most syllables, then most used)
        names = Counter(m.text for _, m in items)
        name = sorted(names, key=lambda s: (-len(s.replace("-", " ").split()), -names[s], s))[0]
        if not canon.startswith("PER:"):
            name = sorted(names, key=lambda s: (-names[s], s))[0]
            canon_names = [m.name for _, m in by_key[canon] if m.name]
            if canon_names:
                name = Counter(canon_names).most_common(1)[0][0]
        types = Counter(m.type for _, m in items)
        countries = Counter(m.country for _, m in items if m.country)
        roles = Counter(m.role for _, m in items if m.role)
        aliases = sorted({m.text for _, m in items} - {name})
        entities.append(Entity(
            id=eid, name=name, type=types.most_common(1)[0][0],
            country=countries.most_common(1)[0][0] if countries else None,
            aliases=aliases,
            mentions=[EntityMention(article=art, line=m.line, text=m.text) for art, m in items],
            role=roles.most_common(1)[0][0] if roles else None,
        ))
        for k in keys:
            ids[k] = eid
    entities.sort(key=lambda e: (-len(e.mentions), e.id))
    return entities, ids
