"""The two stages of thoisu.

``process_page`` is the per-document stage: a pure function of one Page (plus
read-only resources loaded once per process) returning its annotated Articles. It is
what a process pool, Dask or Spark maps over pages.

``build_digest`` is the corpus stage: duplicates, actors merged across articles,
stories and threads, summaries and timelines. It needs every article at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from thoisu.actors import find_mentions, merge_entities
from thoisu.annotate.dates import find_timexes
from thoisu.annotate.events import code_events
from thoisu.annotate.quotes import find_quotes
from thoisu.annotate.sentences import annotate_sentences
from thoisu.clean import extract_articles
from thoisu.models import Article, Digest, Event, Page, Quote, Story, SummarySentence, Thread
from thoisu.stories.cluster import StoryIndex
from thoisu.stories.summarize import SummaryDoc, summarize
from thoisu.stories.timeline import build_timeline


@dataclass(slots=True)
class Options:
    """Options passed down the pipeline instead of a dozen keyword arguments."""

    summary_words: int = 120  # per story/thread summary in the digest
    thread_summary_words: int = 200


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


# --------------------------------------------------------------------------- corpus


def _remap_event(ev: Event, ids: dict[str, str]) -> Event:
    def one(key: str | None) -> str | None:
        return ids.get(key, key) if key else None

    ev.actors = list(dict.fromkeys(one(k) for k in ev.actors if k))
    ev.recipients = [r for r in dict.fromkeys(one(k) for k in ev.recipients if k) if r not in ev.actors]
    ev.location = one(ev.location)
    return ev


def _remap_quote(q: Quote, ids: dict[str, str]) -> Quote:
    if q.speaker:
        q.speaker = ids.get(q.speaker, q.speaker)
    return q


def _summary_docs(articles: list[Article]) -> list[SummaryDoc]:
    docs = []
    for a in articles:
        sents = [SummarySentence(text=s.text, article=a.id, line=s.line) for s in a.sentences]
        if sents:
            docs.append(
                SummaryDoc(
                    id=a.id, title=a.title or "", published=a.published.value if a.published else None,
                    sentences=sents,
                )
            )
    return docs


def build_digest(
    articles: list[Article], story_state: str | None = None, options: Options | None = None
) -> tuple[Digest, str]:
    """Run the corpus stage over every stored article.

    ``story_state`` is the serialised story index of the previous run (so story and
    thread ids stay stable); the new state is returned for the store to keep.
    """
    opts = options or Options()
    # the story index also holds the duplicate sketches, so copies of articles stored
    # in earlier runs are recognised too
    index = StoryIndex.from_json(story_state) if story_state else StoryIndex()
    index.assign(articles)
    entities, ids = merge_entities(articles)
    originals = [a for a in articles if a.duplicate_of is None]

    events: list[Event] = []
    quotes: list[Quote] = []
    for a in originals:
        events.extend(_remap_event(e, ids) for e in a.events)
        quotes.extend(_remap_quote(q, ids) for q in a.quotes)

    by_id = {a.id: a for a in articles}
    events_by_article: dict[str, list[Event]] = {}
    for e in events:
        events_by_article.setdefault(e.article, []).append(e)

    stories: list[Story] = []
    for story_id, thread_id, title, article_ids in index.stories():
        members = [by_id[i] for i in article_ids if i in by_id]
        for a in members:
            a.story_id = story_id
        live = [a for a in members if a.duplicate_of is None]
        evs = [e for a in live for e in events_by_article.get(a.id, [])]
        stories.append(
            Story(
                id=story_id, thread_id=thread_id, title=title, article_ids=[a.id for a in members],
                summary=summarize(_summary_docs(live), opts.summary_words),
                timeline=build_timeline(live, evs),
            )
        )

    threads: list[Thread] = []
    story_by_id = {s.id: s for s in stories}
    for thread_id, title, story_ids in index.thread_list():
        story_ids = [sid for sid in story_ids if sid in story_by_id]
        live = [
            by_id[i] for sid in story_ids for i in story_by_id[sid].article_ids
            if i in by_id and by_id[i].duplicate_of is None
        ]
        evs = [e for a in live for e in events_by_article.get(a.id, [])]
        threads.append(
            Thread(
                id=thread_id, title=title, story_ids=story_ids,
                summary=summarize(_summary_docs(live), opts.thread_summary_words),
                timeline=build_timeline(live, evs),
            )
        )

    digest = Digest(
        articles=articles, entities=entities, events=events, quotes=quotes,
        stories=stories, threads=threads,
    )
    return digest, index.to_json()
