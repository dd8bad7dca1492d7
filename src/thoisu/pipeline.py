"""The per-document stage of thoisu.

``process_page`` is a pure function of one Page (plus read-only resources loaded once
per process) returning its annotated Articles. It is what a process pool, Dask or Spark
maps over pages. The corpus stage (duplicates, stories and threads, actors across
articles, summaries, timelines) is ``corpus.py``, incremental over the store.
"""

from __future__ import annotations

from thoisu.actors import find_mentions
from thoisu.annotate.dates import find_timexes
from thoisu.annotate.events import code_events
from thoisu.annotate.quotes import find_quotes
from thoisu.annotate.sentences import annotate_sentences
from thoisu.clean import extract_articles
from thoisu.models import Article, Page

# --------------------------------------------------------------------------- per document


def annotate_article(article: Article) -> Article:
    """Fill the per-document annotations of one clean article, in dependency order."""
    article.sentences = annotate_sentences(article)
    article.timexes = find_timexes(article)
    article.mentions = find_mentions(article)
    article.events = code_events(article)
    article.quotes = find_quotes(article)
    return article


def process_page(page: Page) -> list[Article]:
    """Clean and annotate one page: the pure per-document stage."""
    return [annotate_article(a) for a in extract_articles(page)]


def safe_process_page(page: Page) -> tuple[Page, list[Article] | None, str | None]:
    """``process_page`` with any failure turned into a one-line message, so one bad page
    never stops a batch (nor kills a pool or cluster worker). What every executor maps."""
    try:
        return page, process_page(page), None
    except Exception as exc:  # noqa: BLE001 - any failure is reported per page
        return page, None, f"{page.path}: could not digest ({type(exc).__name__}: {exc})"
