"""The actor dictionary: countries, capitals and seats of power, organisations, well-known
people, titles and word lists, loaded once per process from the data files beside this module.

Everything is matched on *folded syllables* ("Liên_hợp_quốc" -> ("liên", "hợp", "quốc")), so
"Liên Hợp Quốc" and "Liên hợp quốc" hit the same entry; the case pattern of the alias then
decides whether a lower-case occurrence counts (see ``Entry.case_ok``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thoisu.text import fold

DATA = Path(__file__).with_name("data")

# a syllable: letters/digits, possibly joined by "." or apostrophes ("TP.HCM", "O'Brien");
# hyphens split syllables ("Hong-chol" -> Hong, chol) and are kept as a flag
SYLLABLE = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*|[^\w\s]")


def syllables(text: str) -> list[str]:
    """Folded syllables of a dictionary string, hyphens dropped ("Ả-rập" -> ả, rập)."""
    return [s for s in (m.group(0) for m in SYLLABLE.finditer(fold(text))) if s != "-"]


@dataclass(slots=True, frozen=True)
class Entry:
    """One alias of a dictionary actor."""

    key: str  # canonical key: "GPE:PRK", "ORG:UN", "PER:sergei lavrov"
    name: str  # canonical display name
    type: str  # PER | ORG | GPE | LOC
    country: str | None
    kind: str  # country | capital | seat | city | region | org | person
    all_caps: bool  # every syllable of the alias is capitalised ("Hòa Bình"): demand it in text
    n: int  # number of syllables
    acronym: bool = False  # "UN", "AP": only in capitals ("Un" in "Kim Jong Un" is not the UN)

    def case_ok(self, caps: list[bool], upper: bool = False) -> bool:
        """Does the capitalisation seen in text fit this alias? ``caps`` per syllable,
        ``upper``: the text is written all in capitals."""
        if self.acronym:
            return upper
        if upper and self.n == 1:
            return False  # "NICE" (an institute) is not Nice
        if self.all_caps:
            return all(caps)
        return any(caps)


@dataclass(slots=True)
class Dictionary:
    gazetteer: dict[tuple[str, ...], list[Entry]]
    gaz_max: int
    titles: dict[tuple[str, ...], tuple[str, str]]  # folded -> (title, sector)
    title_max: int
    lex: dict[str, set[str]]
    lex_tuples: dict[str, set[tuple[str, ...]]]
    lex_first: dict[str, set[str]]  # first syllables of each list's phrases: most words start none
    people: dict[str, tuple[str, str | None]]  # PER key -> (canonical name, country)
    country_names: dict[str, str]  # ISO3 -> Vietnamese name
    caps_stats: dict[str, float]  # folded word -> share of mid-sentence uses that are capitalised
    vocab: set[str]  # folded compounds seen in lower case: real words, not glued names
    # keys of regions that span countries ("Bắc Mỹ", "Biển Đông"): no "của Triều Tiên" after
    # one makes it that country's
    borderless: frozenset[str] = frozenset()


def _rows(name: str) -> list[list[str]]:
    out = []
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            out.append(line.rstrip("\n").split("\t"))
    return out


def _caps_pattern(alias: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", alias) if w and w[0].isalpha()]
    return len(words) > 1 and all(w[0].isupper() for w in words)


def person_key(name: str) -> str:
    """Canonical key of a person's name: folded, hyphen/space-insensitive, variants unified."""
    return "PER:" + " ".join(normalise_name_syllables(name))


def normalise_name_syllables(name: str) -> list[str]:
    sylls = [s for s in syllables(name) if s[0].isalnum()]
    variants = _load_variants()
    return [variants.get(s, s) for s in sylls]


@lru_cache(maxsize=1)
def _load_variants() -> dict[str, str]:
    with open(DATA / "name_variants.json", encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, str] = {}
    for canon, others in data["variants"].items():
        for o in others:
            out[o] = canon
    return out


@lru_cache(maxsize=1)
def load() -> Dictionary:
    gaz: dict[tuple[str, ...], list[Entry]] = {}
    country_names: dict[str, str] = {}

    def add(alias: str, entry_args: dict) -> None:
        alias = alias.strip()
        if not alias:
            return
        key = tuple(syllables(alias))
        if not key:
            return
        letters = [c for c in alias if c.isalpha()]
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
        e = Entry(all_caps=_caps_pattern(alias), n=len(key), acronym=acronym, **entry_args)
        bucket = gaz.setdefault(key, [])
        if e not in bucket:
            bucket.append(e)

    for iso, name, *rest in _rows("countries.tsv"):
        country_names[iso] = name
        args = dict(key=f"GPE:{iso}", name=name, type="GPE", country=iso, kind="country")
        for alias in [name, *(rest[0].split("|") if rest else [])]:
            add(alias, args)

    borderless: set[str] = set()
    for iso, kind, name, *rest in _rows("places.tsv"):
        country = None if iso == "-" else iso
        if kind in ("capital", "city"):
            key, typ = f"GPE:{iso}:{fold(name)}", "GPE"
        elif kind == "seat":
            key, typ = f"LOC:{iso}:{fold(name)}", "LOC"
        else:
            key, typ = f"LOC:{fold(name)}", "LOC"
            if country is None:
                borderless.add(key)
        args = dict(key=key, name=name, type=typ, country=country, kind=kind)
        for alias in [name, *(rest[0].split("|") if rest else [])]:
            add(alias, args)

    org_rows = _rows("orgs.tsv")
    # the UN's Vietnamese spellings ("Liên Hợp Quốc", "Liên Hiệp Quốc", "LHQ"), each of which
    # the name of a UN body may be written with ("Cao Ủy Liên Hiệp Quốc về người tị nạn")
    un = [a for c, _i, _s, n, *r in org_rows if c == "UN" for a in [n, *(r[0].split("|") if r else [])]
          if " " in a or a == "LHQ"]
    for canon, iso, _sector, name, *rest in org_rows:
        args = dict(key=f"ORG:{canon}", name=name, type="ORG",
                    country=None if iso == "-" else iso, kind="org")
        aliases = [name, canon if canon.isupper() and "_" not in canon else "",
                   *(rest[0].split("|") if rest else [])]
        if canon != "UN":
            aliases += [a.replace(u, v) for a in aliases for u in un if u in a for v in un if v != u]
        for alias in aliases:
            add(alias, args)

    people: dict[str, tuple[str, str | None]] = {}
    for canon, iso, *rest in _rows("people.tsv"):
        country = None if iso == "-" else iso
        pkey = person_key(canon)
        people[pkey] = (canon, country)
        args = dict(key=pkey, name=canon, type="PER", country=country, kind="person")
        for alias in [canon, *(rest[0].split("|") if rest else [])]:
            add(alias, args)

    titles: dict[tuple[str, ...], tuple[str, str]] = {}
    for title, sector in _rows("titles.tsv"):
        titles.setdefault(tuple(syllables(title)), (title, sector))

    with open(DATA / "lexicon.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    lex = {k: {fold(w) for w in v} for k, v in raw.items() if isinstance(v, list)}
    lex_tuples = {k: {tuple(syllables(w)) for w in v} for k, v in raw.items() if isinstance(v, list)}
    # "HLV trưởng", "Thanh tra trưởng": a title followed by a suffix is still a title
    for tkey, (title, sector) in list(titles.items()):
        for suffix in raw.get("title_suffixes", []):
            titles.setdefault(tkey + tuple(syllables(suffix)), (f"{title} {suffix}", sector))

    stats_path = DATA / "caps_stats.json"
    caps_stats: dict[str, float] = {}
    vocab: set[str] = set()
    if stats_path.exists():
        with open(stats_path, encoding="utf-8") as fh:
            stats = json.load(fh)
        caps_stats, vocab = stats["cap_share"], set(stats["vocab"])

    return Dictionary(
        gazetteer=gaz,
        gaz_max=max(len(k) for k in gaz),
        titles=titles,
        title_max=max(len(k) for k in titles),
        lex=lex,
        lex_tuples=lex_tuples,
        lex_first={k: {t[0] for t in v if t} for k, v in lex_tuples.items()},
        people=people,
        country_names=country_names,
        caps_stats=caps_stats,
        vocab=vocab,
        borderless=frozenset(borderless),
    )
