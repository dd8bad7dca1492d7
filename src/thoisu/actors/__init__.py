"""Actors: mentions of people, organisations and places, resolved to canonical keys within
an article (``find_mentions``) and merged into entities across articles (``merge_entities``)."""

from __future__ import annotations

from thoisu.actors.mentions import sentence_mentions
from thoisu.actors.merge import merge_entities
from thoisu.actors.resolve import resolve_abbreviations, resolve_people
from thoisu.models import Article, Mention

__all__ = ["find_mentions", "merge_entities", "sentence_mentions"]


def find_mentions(article: Article) -> list[Mention]:
    """Actor mentions of the article body, in reading order, with keys resolved within the
    article (abbreviations, short references to people introduced earlier)."""
    out: list[Mention] = []
    for i, sent in enumerate(article.sentences):
        out.extend(sentence_mentions(sent, i))
    resolve_abbreviations(out, [s.text for s in article.sentences])
    resolve_people(out)
    return out
