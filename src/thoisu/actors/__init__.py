"""Actors: mentions of people, organisations and places, resolved to canonical keys within
an article (``find_mentions``) and merged into entities across articles (``merge_entities``).

Keys (``Mention.key``), stable across articles:

- ``GPE:<ISO3>`` a country, or a capital / seat of power standing for its state
  ("Bình Nhưỡng tuyên bố", "Người phát ngôn Điện Kremlin"); ``Mention.name`` is then the
  country's name and ``Mention.text`` the word written.
- ``GPE:<ISO3>:<city>`` a capital or city as a place ("đến Bình Nhưỡng", "tại Moscow");
  ``LOC:<ISO3>:<seat>`` a seat of power as a place ("cuộc gặp ở Điện Kremlin").
  ``Mention.country`` is the state's code in every one of these cases.
- ``LOC:<name>`` regions, seas, continents; ``GPE:<name>`` unknown places typed by context.
- ``ORG:<CODE>`` organisations of the dictionary (``ORG:UN``, ``ORG:UNSC``, ``ORG:KCNA``);
  ``ORG:<folded name>`` others; an acronym defined in the text takes its long form's key.
- ``PER:<name>`` folded, hyphens as spaces, transliteration variants unified
  ("Kim Jong-un" = "Kim Jong Un" -> ``PER:kim jong un``; "Sergey" -> "sergei"). A short
  reference ("ông Lavrov") takes the key of the full name met earlier in the article; an
  ambiguous one keeps its own key (``PER:kim``) for the corpus stage to settle.

Titles are never part of a name: they go to ``Mention.role`` ("Thứ trưởng Ngoại giao"),
and the country named with the title to ``Mention.country``. A country at the end of an
organisation's name ("Bộ Ngoại giao Pháp") is also a mention of its own, so mentions may
nest: the organisation comes first, the country right after it, with the same end offset.
"""

from __future__ import annotations

from thoisu.actors.mentions import Untyped, sentence_mentions, type_untyped, unify_missions
from thoisu.actors.merge import merge_entities
from thoisu.actors.resolve import resolve_abbreviations, resolve_people
from thoisu.actors.retype import retype_organisations
from thoisu.models import Article, Mention

__all__ = ["find_mentions", "merge_entities", "sentence_mentions"]


def find_mentions(article: Article) -> list[Mention]:
    """Actor mentions of the article body, in reading order, with keys resolved within the
    article (abbreviations, short references to people introduced earlier)."""
    out: list[Mention] = []
    untyped: list[Untyped] = []
    for i, sent in enumerate(article.sentences):
        out.extend(sentence_mentions(sent, i, untyped))
    out = type_untyped(out, untyped)
    unify_missions(out)
    resolve_abbreviations(out, [s.text for s in article.sentences])
    resolve_people(out)
    return retype_organisations(out, article.sentences)
