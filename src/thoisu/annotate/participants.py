"""Participants that mention finding leaves out, completed before event coding.

Two shapes of Vietnamese news that carry most of the actors of crime, court and local
government stories:

- **a body of a place**: "Công an tỉnh Hòa Bình", "TAND TP.HCM", "UBND TP Hạ Long" —
  an institution head (data: ``participants.json``), an optional level word and the
  place mention right after it become one ORG mention (the place stays a GPE mention);
- **a given name used again**: after "Nguyễn Anh Tuấn" the article writes "Tuấn"
  ("tài xế Tuấn", "Tuấn sau đó ..."). A capitalised word equal to the given name (last
  syllable) of exactly one Vietnamese-named person of the article, standing alone (no
  capitalised neighbour), becomes a mention with that person's key. At the start of a
  sentence the word must be one usually written capitalised (``caps_stats`` of the
  actor dictionary), so "Nhân dịp" is no "Nhân".

``complete_mentions(article)`` returns the article's mentions with these added, sorted;
keys of new ORG mentions are "ORG:" + the folded name, as find_mentions writes them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thoisu.models import Article, Mention
from thoisu.text import fold, phrase_alternation

DATA = Path(__file__).parent / "data" / "participants.json"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*\.?")


@dataclass(frozen=True, slots=True)
class _Config:
    heads: re.Pattern[str]
    surnames: frozenset[str]
    not_given: frozenset[str]
    min_caps_share: float


@lru_cache(maxsize=1)
def _config() -> _Config:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    heads = phrase_alternation(raw["institution_heads"])
    levels = phrase_alternation(raw["levels"])
    pat = re.compile(rf"(?<!\w)(?:{heads})(?:\s+(?P<level>{levels}))?\s*$", re.IGNORECASE)
    return _Config(pat, frozenset(fold(s) for s in raw["vietnamese_surnames"]),
                   frozenset(fold(s) for s in raw["not_given_names"]),
                   float(raw["min_caps_share_sentence_start"]))


@lru_cache(maxsize=1)
def _caps_share() -> dict[str, float]:
    try:  # the actor dictionary's table: share of mid-sentence uses written capitalised
        from thoisu.actors.dictionary import load

        return load().caps_stats
    except Exception:  # noqa: BLE001 - without the table, sentence-initial names are skipped
        return {}


def _institutions(article: Article, mentions: list[Mention], cfg: _Config) -> list[Mention]:
    out: list[Mention] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    for si, ms in by_sent.items():
        text = article.sentences[si].text
        for m in ms:
            if m.type not in ("GPE", "LOC", "ORG"):
                continue
            mt = cfg.heads.search(text[: m.start])
            if not mt or m.type == "ORG" and not mt["level"]:
                continue  # "công an phường Trường Thọ" (a place read as ORG) needs its level
            start = mt.start()
            if any(o.type == "ORG" and o.start <= start and o.end >= m.end for o in ms):
                continue  # find_mentions has it already
            name = text[start : m.end]
            out.append(Mention(text=name, type="ORG", key=f"ORG:{fold(name)}", sentence=si,
                               start=start, end=m.end, line=m.line, name=name,
                               country=m.country))
    return out


def _given_names(article: Article, mentions: list[Mention], cfg: _Config) -> list[Mention]:
    owners: dict[str, set[str]] = {}
    info: dict[str, Mention] = {}
    for m in mentions:
        if m.type != "PER":
            continue
        sylls = (m.name or m.text).split()
        if len(sylls) < 2 or fold(sylls[0]) not in cfg.surnames:
            continue
        given = sylls[-1]
        if len(given) < 2 or not given[0].isupper() or fold(given) in cfg.not_given:
            continue
        owners.setdefault(given, set()).add(m.key)
        info.setdefault(given, m)
    if not owners:
        return []
    caps = _caps_share()
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.sentence, []).append((m.start, m.end))
    first_seen: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence, m.start)):
        for given in owners:
            if m.type == "PER" and m.key in owners[given]:
                first_seen.setdefault(given, m.sentence)
    out: list[Mention] = []
    for si, sent in enumerate(article.sentences):
        words = list(_WORD.finditer(sent.text))
        for k, w in enumerate(words):
            given = w.group(0).rstrip(".")
            if given not in owners or len(owners[given]) != 1 or si < first_seen.get(given, 1 << 30):
                continue
            a, b = w.start(), w.start() + len(given)
            if any(s < b and a < e for s, e in taken.get(si, [])):
                continue
            prev = words[k - 1].group(0) if k else ""
            nxt = words[k + 1].group(0) if k + 1 < len(words) else ""
            gap_prev = sent.text[words[k - 1].end() : a] if k else ""
            gap_next = sent.text[b : words[k + 1].start()] if k + 1 < len(words) else ""
            if (prev[:1].isupper() and gap_prev.strip() == "") or (
                nxt[:1].isupper() and gap_next.strip() == ""
            ):
                continue  # part of a longer name ("Hải Phòng", "Văn Tuấn")
            if not sent.text[:a].strip() and caps.get(fold(given), 1.0) < cfg.min_caps_share:
                continue  # a sentence-initial common word
            owner = info[given]
            key = next(iter(owners[given]))
            out.append(Mention(text=given, type="PER", key=key, sentence=si, start=a, end=b,
                               line=sent.line, name=owner.name, country=owner.country))
    return out


def complete_mentions(article: Article) -> list[Mention]:
    """The article's mentions plus bodies of a place and given-name back-references."""
    cfg = _config()
    base = list(article.mentions)
    extra = _institutions(article, base, cfg)
    extra += _given_names(article, base + extra, cfg)
    return sorted(base + extra, key=lambda m: (m.sentence, m.start, -m.end))


def participant_mentions(mentions: list[Mention]) -> list[Mention]:
    """Mentions for event roles: a mention inside a longer ORG is not a participant of its
    own ("Công an tỉnh Hòa Bình" acts, not "Hòa Bình"; "TAND TP.HCM", not "TAND")."""
    orgs = [m for m in mentions if m.type == "ORG"]
    return [m for m in mentions if not any(
        o is not m and o.sentence == m.sentence and o.start <= m.start and o.end >= m.end
        and o.end - o.start > m.end - m.start for o in orgs)]
