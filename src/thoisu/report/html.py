"""report.html: one self-contained page (inline CSS and SVG, no scripts or assets from
the network). All page text goes through Jinja2's autoescaping, so markup in a crawled
page is shown, never run."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    select_autoescape,
)
from markupsafe import Markup

from thoisu.models import (
    Article,
    Digest,
    Entity,
    EntityMention,
    Event,
    TimelineEntry,
)
from thoisu.report import charts
from thoisu.report.highlight import paragraph_pieces


def _bytecode_cache() -> BytecodeCache | None:
    # the report template compiled once per user (Jinja's own cache, in a private
    # directory under the temporary one), not once per run: a twentieth of the outputs' cost
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no writable temporary directory: compile each time
        return None


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("thoisu", "report/templates"),
        bytecode_cache=_bytecode_cache(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["anchor"] = anchor
    return env


def anchor(article: str, line: int | None = None) -> str:
    return f"a-{article}" + (f"-L{line}" if line is not None else "")


# --------------------------------------------------------------------------- article text


def _escape(text: str) -> str:
    """What markupsafe.escape gives (its own pure-Python fallback), as a plain string."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def _segments(article: Article, event_lines: dict[int, list[str]]) -> list[dict[str, Any]]:
    """Paragraphs as HTML with their mentions and dates highlighted."""
    paras = []
    for p, pieces in zip(article.paragraphs, paragraph_pieces(article), strict=True):
        # the paragraph's HTML is built here, escaped as the template would: a template
        # loop over thousands of spans was most of the report's rendering time
        html = "".join(
            f'<span class="{_escape(x["cls"])}" title="{_escape(x["title"])}">{_escape(x["text"])}</span>'
            if "cls" in x else _escape(x["text"]) for x in pieces)
        paras.append({"line": p.line, "html": Markup(html), "events": event_lines.get(p.line, [])})
    return paras


# --------------------------------------------------------------------------- charts


def timeline_svg(entries: list[TimelineEntry], width: int = 860) -> dict[str, Any] | None:
    """Dated entries placed on a time axis, each a link to its line in the report;
    unknown-year entries are listed, not drawn."""
    return charts.timeline(entries, width=width, height=140, link=lambda e: "#" + anchor(e.article, e.line))


def network_svg(events: list[Event], entities: dict[str, Entity]) -> dict[str, Any] | None:
    """Who met, criticised or aided whom among the thread's resolved actors."""
    names = {e.id: {"name": e.name, "type": e.type} for e in entities.values()}
    return charts.network([(ev.id, ev.type, ev.actors, ev.recipients) for ev in events], names)


# --------------------------------------------------------------------------- page


def report_digest(store: Any, limit: int) -> tuple[Digest, dict[str, int]]:
    """The part of the store the report draws: the ``limit`` most recently active
    threads, their latest stories (REPORT_THREAD_STORIES) and those stories' latest
    articles (REPORT_STORY_ARTICLES), events, quotes and actors; and the store's totals.
    Bounded whatever the store's size: the web app browses the rest."""
    from thoisu.store import read as store_read
    from thoisu.store import records

    db = store.db
    totals = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "stories", "threads", "entities", "events", "quotes")}
    threads = [t for (tid,) in db.execute(
        "SELECT id FROM threads ORDER BY last_seq DESC, id LIMIT ?", (limit,)
    ).fetchall() if (t := records.load_thread(db, tid)) is not None]
    stories = []
    article_ids: list[str] = []
    for t in threads:
        t.story_ids = t.story_ids[-REPORT_THREAD_STORIES:]  # the latest; the web app has all
        for sid in t.story_ids:
            st = records.load_story(db, sid)
            if st is None:
                continue
            st.article_ids = st.article_ids[-REPORT_STORY_ARTICLES:]
            stories.append(st)
            article_ids.extend(st.article_ids)
    articles = records.load_articles(db, article_ids)
    ids = set(article_ids)
    events = [e for e in store_read.iter_events(
        db, "id IN (SELECT id FROM events WHERE story IN (SELECT value FROM json_each(?)))",
        (json.dumps([s.id for s in stories]),),
    ) if e.article in ids]
    quotes = []
    for a in articles:
        quotes.extend(records.quote_from_row(r) for r in db.execute(
            records.QUOTE_SELECT + " WHERE article=? ORDER BY line, id", (a.id,)))
    ent_ids = {m for a in articles for m in _mention_entities(db, a.id)}
    ent_ids |= {x for e in events for x in (*e.actors, *e.recipients, e.location) if x}
    ent_ids |= {q.speaker for q in quotes if q.speaker}
    entities = [e for e in (records.load_entity(db, i, mentions=False) for i in sorted(ent_ids)) if e]
    counts = dict(db.execute(
        "SELECT entity, COUNT(*) FROM mentions WHERE article IN (SELECT value FROM json_each(?)) "
        "GROUP BY entity", (json.dumps(sorted(ids)),)
    ).fetchall())
    for e in entities:
        e.mentions = [EntityMention(article="", line=0, text="")] * counts.get(e.id, 0)
    return Digest(articles=articles, entities=entities, events=events, quotes=quotes,
                  stories=stories, threads=threads), totals


def _mention_entities(db: Any, aid: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT entity FROM mentions WHERE article=?", (aid,))]


REPORT_STORY_ARTICLES = 10
REPORT_THREAD_STORIES = 10


def render_report(store: Any, limit: int = 50) -> str:
    """The self-contained HTML report of the most recently active threads."""
    digest, totals = report_digest(store, limit)
    return render_digest(digest, totals)


def render_digest(digest: Digest, totals: dict[str, int] | None = None) -> str:
    entities = {e.id: e for e in digest.entities}
    events_by_article: dict[str, list[Event]] = {}
    for ev in digest.events:
        events_by_article.setdefault(ev.article, []).append(ev)
    quotes_by_article: dict[str, list] = {}
    for q in digest.quotes:
        quotes_by_article.setdefault(q.article, []).append(q)
    articles = []
    for a in digest.articles:
        evs = events_by_article.get(a.id, [])
        ev_lines: dict[int, list[str]] = {}
        for ev in evs:
            ev_lines.setdefault(ev.line, []).append(ev.type)
        articles.append({"a": a, "paras": _segments(a, ev_lines), "events": evs,
                         "quotes": quotes_by_article.get(a.id, [])})
    threads = []
    stories = {s.id: s for s in digest.stories}
    for t in digest.threads:
        t_events = [ev for sid in t.story_ids for aid in stories[sid].article_ids
                    for ev in events_by_article.get(aid, [])] if all(s in stories for s in t.story_ids) else []
        threads.append({"t": t, "stories": [stories[s] for s in t.story_ids if s in stories],
                        "chart": timeline_svg(t.timeline), "network": network_svg(t_events, entities)})
    titles = {a.id: a.title or a.id for a in digest.articles}
    return _env().get_template("report.html.j2").render(
        digest=digest, articles=articles, threads=threads, entities=entities, titles=titles,
        actors=sorted(digest.entities, key=lambda e: -len(e.mentions)),
        totals=totals or {}, others=max(0, (totals or {}).get("threads", 0) - len(digest.threads)),
    )
