"""Unicode and Vietnamese text normalisation shared by every stage.

Text is kept NFC for display. For matching, ``fold`` also unifies where the tone mark
sits in the "oa/oe/uy" syllables ("hoá"/"hóa", "thuỷ"/"thủy", "khoẻ"/"khỏe") and
lower-cases, so the same word written in the old or new style compares equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# combining tone marks (NFD): grave, acute, tilde, hook above, dot below
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+", re.UNICODE)
_SYLLABLE = re.compile(r"[^\W_]+", re.UNICODE)
# every upper-case letter up to the Greek extended block, escaped for a regex character
# class: "À-Ỹ" as a range also holds most lower-case Vietnamese letters (đ, ô, ở, ...)
UPPER_CLASS = re.escape("".join(chr(i) for i in range(0x41, 0x2000) if chr(i).isupper()))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=100_000)  # the syllables of news text are few; fold() meets them again and again
def _move_tone(syllable: str) -> str:
    """Put the tone of an open oa/oe/uy syllable on the first vowel ("hoá" -> "hóa")."""
    d = unicodedata.normalize("NFD", syllable)
    tones = [c for c in d if c in _TONES]
    if not tones:
        return syllable
    base = "".join(c for c in d if c not in _TONES)
    low = base.lower()
    for pair in ("oa", "oe", "uy"):
        if low.endswith(pair) and not low.endswith("q" + pair) and not low.endswith("gi" + pair[1:]):
            i = len(base) - 2
            out = base[: i + 1] + tones[0] + base[i + 1 :]
            return unicodedata.normalize("NFC", out)
    return syllable


def unify_tones(text: str) -> str:
    """Rewrite old-style tone placement in open oa/oe/uy syllables to the new style."""
    return _WORD.sub(lambda m: _move_tone(m.group(0)), nfc(text))


def fold(text: str) -> str:
    """Key for matching: NFC, tone placement unified, lower-case, spaces collapsed."""
    return " ".join(unify_tones(text).lower().split())


@lru_cache(maxsize=300_000)
def fold_word(word: str) -> str:
    """fold() of one word, cached: the vocabulary of news text is small next to its length."""
    return fold(word)


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases (no group), longest first so "tin mới nhất" wins over
    "tin mới", any run of white space between their words."""
    items = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items)


def strip_accents(text: str) -> str:
    """ASCII-ish key: all diacritics dropped, đ -> d. For loose matching only."""
    d = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c))


def syllables(text: str) -> list[str]:
    """NFC, lower-cased syllables, punctuation and underscores dropped ("Bình_Nhưỡng,
    19/5" -> bình nhưỡng 19 5): the tokens summaries are scored on (../shared/mds) and
    the summariser reads."""
    return _SYLLABLE.findall(nfc(text).lower())
