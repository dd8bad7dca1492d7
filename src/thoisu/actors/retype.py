"""Foreign names typed as people that the article shows to be organisations.

A lone foreign name is typed a person by a speech verb after it ("Atlassian nói rằng") or
by its letters ("Vinpearl Safari", "Celsius"), where nothing in its sentence says more.
The rest of the article often does: "CEO của Atlassian", "doanh thu của Celsius",
"Atlassian – công ty làm ra ...". Here every mention of such a name in the article
becomes an organisation when some mention has such a cue and none has a person's cue (a
title, an honorific, "ca sĩ", a common given name, an age). Names of Vietnamese syllables
only are left alone: their shape is a person's. Word lists: ``org_owner_nouns`` (what an
organisation has: "doanh thu", "CEO", "trụ sở"), ``org_cues_before`` and the organisation
heads of ``lexicon.json``.
"""

from __future__ import annotations

import re

from thoisu.actors.dictionary import load, syllables
from thoisu.actors.words import is_vietnamese_syllable
from thoisu.models import Mention, Sentence
from thoisu.text import fold

_APPOSED = re.compile(r"^\s*[–—,(-]\s*")  # "Atlassian – công ty ...", "Celsius (công ty ...)"
_AGE = re.compile(r"^\s*\(\s*(?:\d|sn\b)", re.IGNORECASE)


def _ends_with(phrases: set[tuple[str, ...]], words: tuple[str, ...]) -> bool:
    return any(words[-k:] in phrases for k in range(1, min(len(words), 6) + 1))


def _cues(m: Mention, sent: Sentence, lists: dict[str, set[tuple[str, ...]]]) -> tuple[bool, bool]:
    """(a cue of an organisation, a cue of a person) around one mention."""
    before = tuple(syllables(sent.text[max(0, m.start - 60):m.start])[-7:])
    after = sent.text[m.end:]
    of = before[-1:] == ("của",)  # "chủ tịch của Atlassian": a title of the name, not the name's
    person = (bool(m.role) and not of) or _AGE.match(after) is not None or _ends_with(
        lists["honorifics"], before) or _ends_with(lists["person_cues_before"], before)
    org = _ends_with(lists["org_cues_before"], before) or (
        of and _ends_with(lists["org_owner_nouns"], before[:-1]))
    if not org and (hit := _APPOSED.match(after)):
        head = tuple(syllables(after[hit.end():hit.end() + 30])[:3])
        org = any(head[:k] in lists["org_heads"] for k in range(1, len(head) + 1))
    return org, person


def retype_organisations(mentions: list[Mention], sentences: list[Sentence]) -> None:
    """Turn the article's foreign "people" that its own words show to be organisations
    into organisations (type and key), in place."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "PER":
            groups.setdefault(m.key, []).append(m)
    if not groups:
        return
    d = load()
    lists = d.lex_tuples
    for ms in groups.values():
        name = ms[0].name or ms[0].text
        sylls = name.replace("-", " ").split()
        if all(is_vietnamese_syllable(s) for s in sylls) or (fold(sylls[0]),) in lists["given_names"]:
            continue
        org = person = False
        for m in ms:
            o, p = _cues(m, sentences[m.sentence], lists)
            org, person = org or o, person or p
            if person:
                break
        if org and not person:
            new_key = "ORG:" + fold(name.replace("-", " "))
            for m in ms:
                m.type, m.key, m.role = "ORG", new_key, None
