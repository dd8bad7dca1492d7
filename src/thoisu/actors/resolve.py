"""Alias resolution inside one article.

- Abbreviations defined in the text: a name followed by "(ACRONYM)" makes the acronym an
  alias of that name for the rest of the article ("Cơ quan An ninh Quốc gia Mỹ (NSA)").
- Short references to people: "ông Lavrov", "bà Choe", "Đại sứ Burmistrov", "ông Kim" take
  the key of a full name introduced *earlier* in the article whose first or last syllables
  they are. When several full names fit, the one mentioned most often so far wins; a tie
  leaves the short form unresolved (its own key), as guessing would merge two people.
"""

from __future__ import annotations

import re

from thoisu.actors.dictionary import normalise_name_syllables
from thoisu.actors.words import is_vietnamese_syllable
from thoisu.models import Mention

_INITIAL = re.compile(r"^([^\W\d_])\.?$")  # "D.": a name cut to its last initial
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}\.?$")  # "P.T.D.", "N.V.Đ.", "N.B"


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    # all in capitals ("NSA"), or mixed with three capitals at least ("HoSE")
    return 2 <= len(letters) <= 10 and (upper == len(letters) or (upper >= 3 and letters[0].isupper())) \
        and " " not in text


def resolve_abbreviations(mentions: list[Mention], texts: list[str]) -> None:
    """``texts``: sentence texts by index, to see the "(" between a name and its acronym."""
    alias: dict[str, Mention] = {}
    brand: set[str] = set()  # short names in brackets, which a person's name never is
    prev: Mention | None = None
    for m in mentions:
        if _is_acronym(m.text):
            mixed = not m.text.isupper()  # "HoSE" names an organisation, never a place
            if (prev is not None and prev.sentence == m.sentence
                    and prev.type in (("ORG",) if mixed else ("ORG", "GPE", "LOC"))
                    and texts[m.sentence][prev.end:m.start].strip() == "(" and prev.key != m.key):
                own = m.key.startswith("ORG:") and m.key[4:] == m.text.lower()
                if own:  # unknown acronym: it names what it follows
                    alias[m.text] = prev
                elif prev.key.startswith("ORG:") and prev.key[4:].islower() and m.type == "ORG":
                    # a known acronym names an unknown long form; a place in brackets after a
                    # body is where it is ("Công an huyện Bình Chánh (TP.HCM)")
                    alias[m.text] = m
                    _copy(prev, m)
            if m.text in alias and alias[m.text] is not m:
                _copy(m, alias[m.text])
        elif (m.type == "ORG" and m.key[4:].isupper() and prev is not None and prev.sentence == m.sentence
              and prev.type == "ORG" and prev.key[4:].islower() and not _is_acronym(prev.text)
              and texts[m.sentence][prev.end:m.start].strip() == "(" and texts[m.sentence][m.end:m.end + 1] == ")"):
            alias[prev.text] = m  # "Tổng công ty Hàng không Việt Nam (Vietnam Airlines)": a known
            _copy(prev, m)  # name in brackets names the long form, here and where it comes again
        elif (m.type in ("PER", "ORG") and m.text not in alias and " " not in m.text
              and not is_vietnamese_syllable(m.text) and prev is not None and prev.sentence == m.sentence
              and prev.type == "ORG" and prev.key[4:].islower() and not _is_acronym(prev.text)
              and texts[m.sentence][prev.end:m.start].strip() == "(" and texts[m.sentence][m.end:m.end + 1] == ")"):
            # "Công ty Xổ số điện toán Việt Nam (Vietlott)": the one foreign word in brackets is
            # the body's own short name, here and where it comes again (not a person)
            alias[m.text] = prev
            brand.add(m.text)
            _copy(m, prev)
        elif m.text in alias and alias[m.text] is not m and (m.type == "ORG" or m.text in brand):
            _copy(m, alias[m.text])
        # a country nested at the end of an organisation's name is not what "(X)" names
        if not (prev is not None and prev.sentence == m.sentence and prev.end == m.end
                and prev.start <= m.start):
            prev = m


def _copy(m: Mention, src: Mention) -> None:
    m.key, m.type, m.name = src.key, src.type, src.name
    m.country = m.country or src.country


def _clean(m: Mention) -> bool:
    """A full name fit to absorb a short one of two syllables or more: every word written
    with a capital, none in capitals only ("Chạng vạng Kristen Stewart", "GĐĐH Oliver Kahn"
    hold a run's stray words, and "Kristen Stewart" is better left alone)."""
    words = (m.name or m.text).replace("-", " ").split()
    return all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words)


def resolve_people(mentions: list[Mention]) -> None:
    full: dict[str, list[str]] = {}  # key -> name syllables, for full names seen so far
    count: dict[str, int] = {}
    info: dict[str, Mention] = {}
    for m in mentions:
        if m.type != "PER":
            continue
        sylls = normalise_name_syllables(m.name or m.text)
        cands = [k for k, fs in full.items() if k != m.key and len(fs) > len(sylls)
                 and (fs[: len(sylls)] == sylls or fs[-len(sylls):] == sylls)
                 and (len(sylls) == 1 or _clean(info[k]))]
        if len(sylls) >= 2 and m.key not in full and not cands:
            full[m.key] = sylls
            info[m.key] = m
        if m.key in full and len(sylls) >= 2:
            count[m.key] = count.get(m.key, 0) + 1
            continue
        # a name of two syllables or more may itself be the short form of a longer one met
        # before ("Jong Un" after "Kim Jong Un"; "HLV Hữu Thắng" after "Nguyễn Hữu Thắng")
        if not cands:
            count[m.key] = count.get(m.key, 0) + 1
            continue
        cands.sort(key=lambda k: -count.get(k, 0))
        if len(cands) > 1 and count.get(cands[0], 0) == count.get(cands[1], 0):
            continue  # equally plausible: leave it alone
        src = info[cands[0]]
        m.key, m.name = src.key, src.name
        m.country = m.country or src.country
        count[src.key] = count.get(src.key, 0) + 1
    _initials(mentions)


def _initials(mentions: list[Mention]) -> None:
    """A person written as one initial ("ông D.") is the one person of the article whose
    initials end with it ("P.T.D."), wherever in the article the initials stand (crime
    reports often name the initials once, late)."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "PER" and _INITIALS.match(m.text):
            full.setdefault(m.text.rstrip(".").rsplit(".", 1)[-1].lower(), set()).add(m.key)
    if not full:
        return
    src = {m.key: m for m in mentions if m.type == "PER"}
    for m in mentions:
        one = _INITIAL.match(m.text) if m.type == "PER" else None
        keys = full.get(one.group(1).lower(), set()) if one else set()
        if len(keys) == 1:
            s = src[next(iter(keys))]
            m.key, m.name, m.country = s.key, s.name, m.country or s.country
