"""The corpus stage, incremental: what a run's new articles change, and nothing else.

Articles come from the store (those the per-document stage stored and no corpus stage
has placed yet, ``story_id IS NULL``) in a canonical order, by publication day and then
by the hash of their text, not in the order they arrived: the stories of a run do not
depend on the order of its pages. They come a chunk at a time, and each chunk is one
transaction:

1. duplicates and stories: the story index reads only the entries the chunk's terms
   touch (candidate stories from its posting lists, their centroids, the document
   frequencies of those terms);
2. actors: each mention key resolves through the entity registry (new keys may open
   or merge entities; merged ids redirect);
3. quotes of the new originals are written with their resolved speakers;
4. every story that got members is recomputed (events merged across its articles,
   summary, timeline), and every thread holding such a story (summary from its stories'
   summaries, timeline from theirs), each from a bounded number of inputs;
5. the touched index entries are written back.

A chunk is all or nothing, and chunks follow that canonical order, so a run killed
anywhere and run again gives the same store as an uninterrupted run. A chunk that fails is
retried article by article: the article that breaks it is reported and set aside
(``story_id = ''``), the others go on.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from thoisu.actors.registry import EntityRegistry
from thoisu.annotate.coref import merge_event_mentions
from thoisu.models import Article, Event, SummarySentence, TimelineEntry, TimeValue
from thoisu.store import Store, records
from thoisu.stories.cluster import StoryIndex
from thoisu.stories.summarize import SummaryDoc, summarize
from thoisu.stories.timeline import build_timeline
from thoisu.text import fold

T = TypeVar("T")

# bounded inputs (data/corpus.json): a story's summary and timeline read at most this many
# of its articles (its first and its latest), a thread's its latest stories' summaries
# and timelines
BOUNDS = json.loads((Path(__file__).with_name("data") / "corpus.json").read_text(encoding="utf-8"))
STORY_DOCS_FIRST: int = BOUNDS["story_docs_first"]
STORY_DOCS_LATEST: int = BOUNDS["story_docs_latest"]
STORY_RECOMPUTE_UPTO: int = BOUNDS["story_summary_recompute_upto"]
THREAD_STORIES: int = BOUNDS["thread_stories"]
THREAD_TIMELINE_ENTRIES: int = BOUNDS["thread_timeline_entries"]


@dataclass(slots=True)
class Options:
    """Options of the corpus stage."""

    summary_words: int = BOUNDS["summary_words"]  # per story summary
    thread_summary_words: int = BOUNDS["thread_summary_words"]
    chunk: int = BOUNDS["chunk"]  # articles per transaction: a story touched in two chunks of a run is recomputed twice


@dataclass(slots=True)
class CorpusStats:
    articles: int = 0
    stories_new: int = 0
    stories_changed: set[str] = field(default_factory=set)
    threads_changed: set[str] = field(default_factory=set)
    entities_new: int = 0
    merged: list[tuple[str, str]] = field(default_factory=list)
    # stored stories merged into another (an article alike to both joined them): (old, into)
    stories_merged: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # chunks that failed whole and were placed again one article at a time: the run's
    # result is the same, but a failure here is a bug to find (tests expect none)
    retried: list[str] = field(default_factory=list)


def checkpoint(point: str) -> None:
    """Test hook for crash safety: with THOISU_KILL_AT=point in the environment the
    process kills itself with SIGKILL right here (tests/test_incremental.py kills runs
    at several points and checks a re-run gives the uninterrupted store)."""
    if os.environ.get("THOISU_KILL_AT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


def summary_docs(articles: list[Article]) -> list[SummaryDoc]:
    docs = []
    for a in articles:
        sents = [SummarySentence(text=s.text, article=a.id, line=s.line) for s in a.sentences]
        if sents:
            docs.append(SummaryDoc(
                id=a.id, title=a.title or "", published=a.published.value if a.published else None,
                sentences=sents,
            ))
    return docs


def run_corpus_stage(
    store: Store,
    run: int | None,
    options: Options | None = None,
    on_step: Callable[[str, int, int], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> CorpusStats:
    """Place every pending article; returns what changed."""
    opts = options or Options()
    stats = CorpusStats()
    total = store.db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0]
    done = 0
    while batch := store.pending(opts.chunk):
        if on_step:
            on_step("stories, actors, summaries", done, total)
        try:
            with store.transaction() as db:
                _chunk(db, batch, run, opts, stats)
        except Exception as whole:  # noqa: BLE001 - find the article that breaks it, keep the rest
            stats.retried.append(f"{type(whole).__name__}: {whole}")
            if on_error:  # one line: the run goes on, but this is a bug worth reporting
                on_error(f"corpus stage: a chunk of {len(batch)} articles failed "
                         f"({type(whole).__name__}: {whole}); placing them one by one")
            for art in batch:
                try:
                    with store.transaction() as db:
                        _chunk(db, [art], run, opts, stats)
                except Exception as exc:  # noqa: BLE001
                    msg = f"{art.page}: article {art.id} broke the corpus stage, set aside ({type(exc).__name__}: {exc})"
                    stats.skipped.append(msg)
                    if on_error:
                        on_error(msg)
                    art.story_id = art.duplicate_of = None
                    with store.transaction() as db:
                        db.execute("UPDATE articles SET story_id='', json=? WHERE id=?",
                                   (records.dumps(art.contract_dict()), art.id))
        done += len(batch)
        stats.articles += len(batch)
        checkpoint(f"chunk:{done}")
    if on_step:
        on_step("stories, actors, summaries", done, total)
    return stats


# --------------------------------------------------------------------------- one chunk


def _chunk(db: sqlite3.Connection, batch: list[Article], run: int | None, opts: Options,
           stats: CorpusStats) -> None:
    index = StoryIndex.stored(db)
    index.load = lambda ids: records.load_articles(db, ids)  # a split story's earlier articles
    index.prefetch(batch)
    index.assign(batch)
    lost: set[str] = set()  # threads that lost a stored story to a merge
    for old, into in index.merged.items():
        tid = records.merge_story(db, old, into)
        if tid is not None:  # a stored story (not one opened and merged in this chunk)
            stats.stories_merged.append((old, into))
            if tid:
                lost.add(tid)
    # a story that held two events parted: both parts' articles are placed again, and
    # both parts written again whole
    parted = {sid for pair in index.split.items() for sid in pair}
    mine = {a.id for a in batch}  # written with their story below
    for sid in sorted(parted):
        records.split_story(db, sid, [a for a in index._stories[sid]["a"] if a not in mine])
    registry = EntityRegistry(db, run)
    ids = registry.resolve(batch)
    for a in batch:
        db.execute("UPDATE articles SET story_id=?, duplicate_of=?, json=? WHERE id=?",
                   (a.story_id, a.duplicate_of, records.dumps(a.contract_dict()), a.id))
        if a.duplicate_of is None:
            _write_quotes(db, a, ids, registry)
    seqs = dict(db.execute(
        f"SELECT id, seq FROM articles WHERE id IN ({','.join('?' * len(batch))})", [a.id for a in batch]
    ).fetchall())
    # a story whose new members are all copies reads the same: only its size changes
    touched = list(dict.fromkeys([*(a.story_id for a in batch if a.story_id), *sorted(parted)]))
    in_batch = {a.id: a for a in batch}  # already in memory: not read back from the store
    fresh = {a.story_id for a in batch if a.story_id and a.duplicate_of is None} | parted
    threads: dict[str, int] = {}
    changed: set[str] = set()  # threads whose stories' content changed
    for sid in touched:
        is_new = _refresh_story(db, index, sid, run, opts, registry, sid in fresh, in_batch, sid in parted)
        stats.stories_new += is_new
        stats.stories_changed.add(sid)
        tid = index.threads.thread_of(sid) or ""
        last = max((seqs[a.id] for a in batch if a.story_id == sid), default=0)
        threads[tid] = max(threads.get(tid, 0), last)
        if sid in fresh:
            changed.add(tid)
    for tid in lost:  # its summary and timeline no longer hold the merged story's
        threads.setdefault(tid, 0)
        changed.add(tid)
    pulled = getattr(index.threads, "pulled", {})
    for sid, tid in pulled.items():  # a lone story moved into a thread that holds its matter
        db.execute("UPDATE stories SET thread_id=?, evidence=? WHERE id=?",
                   (tid, _evidence(index.threads.evidence_of(sid)), sid))
        threads.setdefault(tid, 0)
        changed.add(tid)
    for tid in getattr(index.threads, "left", []):  # a thread a grown story left: fewer stories
        threads.setdefault(tid, 0)
        changed.add(tid)
    for tid, last in threads.items():
        _refresh_thread(db, index, tid, run, last, opts, tid in changed)
        stats.threads_changed.add(tid)
    for tid in index.threads.emptied:  # a lone story's thread, left for another matter's
        records.retire_thread(db, tid, index.threads.moved_to(tid))
    records.refresh_json(db, entities=sorted(registry.touched), stories=[*touched, *pulled], threads=threads)
    index.flush()
    registry.flush()
    stats.entities_new += registry.stats.new
    stats.merged.extend(registry.stats.merged)


def _ids_for(keys: list[str], known: dict[str, str], registry: EntityRegistry) -> dict[str, str]:
    missing = [k for k in keys if k not in known]
    if missing:
        known = dict(known)
        known.update(registry.live_many(registry.lookup(missing)))
    return known


def _write_quotes(db: sqlite3.Connection, a: Article, ids: dict[str, str], registry: EntityRegistry) -> None:
    keys = [q.speaker for q in a.quotes if q.speaker]
    ids = _ids_for(keys, ids, registry)
    db.executemany(
        "INSERT OR REPLACE INTO quotes(id, article, line, speaker, speaker_text, text, direct) "
        "VALUES (?,?,?,?,?,?,?)",
        [(q.id, a.id, q.line, ids.get(q.speaker, q.speaker) if q.speaker else None,
          q.speaker_text, q.text, int(q.direct)) for q in a.quotes],
    )  # their json is written by records.refresh_json at the end of the chunk


def _remap(ev: Event, ids: dict[str, str]) -> Event:
    def one(key: str | None) -> str | None:
        return ids.get(key, key) if key else None

    actors = list(dict.fromkeys(one(k) for k in ev.actors if k))
    recipients = [r for r in dict.fromkeys(one(k) for k in ev.recipients if k) if r not in actors]
    return replace(ev, actors=actors, recipients=recipients, location=one(ev.location))


def _bounded(live: list[T]) -> list[T]:
    """A story's first and latest members: what its summary and timeline read."""
    if len(live) <= STORY_DOCS_FIRST + STORY_DOCS_LATEST:
        return live
    return live[:STORY_DOCS_FIRST] + live[len(live) - STORY_DOCS_LATEST:]


def _refresh_story(db: sqlite3.Connection, index: StoryIndex, sid: str, run: int | None,
                   opts: Options, registry: EntityRegistry, content: bool = True,
                   known: dict[str, Article] | None = None, whole: bool = False) -> bool:
    """Write a story's row (and with ``content`` its events, summary and timeline: from
    what it held and its new articles, or with ``whole`` from all its articles, as for a
    story that was split). Returns whether the story is new."""
    members = db.execute(
        "SELECT id, seq, duplicate_of FROM articles WHERE story_id=? ORDER BY seq", (sid,)
    ).fetchall()
    if content:
        _story_content(db, sid, members, opts, registry, known or {}, whole)
    st = index._stories[sid]
    d = st.get("d") or [None, None]
    tid = index.threads.thread_of(sid) or ""
    existed = db.execute("SELECT 1 FROM stories WHERE id=?", (sid,)).fetchone() is not None
    db.execute(
        "INSERT INTO stories(id, thread_id, title, n_articles, first_day, last_day, created_run, "
        "updated_run, evidence) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "thread_id=excluded.thread_id, title=excluded.title, n_articles=excluded.n_articles, "
        "first_day=excluded.first_day, last_day=excluded.last_day, updated_run=excluded.updated_run, "
        "evidence=excluded.evidence",  # a grown story that left its thread: not the old join
        (sid, tid, index.story_title(sid), len(members), d[0], d[1], run, run,
         _evidence(index.threads.evidence_of(sid))),
    )
    return not existed


def _evidence(v: object) -> str | None:
    return None if v is None else records.dumps(v)


def _story_content(db: sqlite3.Connection, sid: str, members: list[tuple], opts: Options,
                   registry: EntityRegistry, known: dict[str, Article], whole: bool = False) -> None:
    """A story's events (its articles' reports merged), summary and timeline; ``whole``:
    from all its articles (a split story's stored events and summary hold the other part's)."""
    live_ids = [aid for aid, _, dup in members if dup is None]
    new = [known[i] for i in live_ids if i in known]
    picked_ids = _bounded(live_ids)
    before = _stored_events(db, sid, registry, known) if len(new) < len(live_ids) and not whole else None
    # a story that grew: its stored events (merged before) and the new articles' reports
    # are merged again, and only the articles the summary reads are loaded, so the cost
    # follows what the run adds, not the size of the story
    load = live_ids if before is None else [live_ids[0], *picked_ids]
    stored = {a.id: a for a in records.load_articles(db, [i for i in dict.fromkeys(load) if i not in known])}
    if before is None:
        live = [a for i in live_ids if (a := known.get(i) or stored.get(i)) is not None]
        reports, published = _coded(live, registry), {a.id: a.published for a in live}
    else:
        reports = before + _coded(new, registry)
        published = _published(db, [m.article for e in before for m in e.mentions])
        published.update((a.id, a.published) for a in new)
    events = merge_event_mentions(reports, published)  # one event per happening (annotate.coref)
    records.write_events(db, sid, events, {aid: seq for aid, seq, _ in members})
    picked = [a for i in picked_ids if (a := known.get(i) or stored.get(i)) is not None]
    picked_set = {a.id for a in picked}
    grew = new and len(new) < len(live_ids) and len(live_ids) > STORY_RECOMPUTE_UPTO and not whole
    prior = records.load_summary(db, sid) if grew else []
    if prior:
        # a large story that grew: its summary is chosen again from its last summary and its
        # new articles, a cost that follows what the run adds, not the size of the story
        # (eval/summaries_incremental.py measures what that costs in ROUGE)
        first = known.get(live_ids[0]) or stored[live_ids[0]]
        docs = [prior_summary_doc(prior, first.title, first.published.value if first.published else None),
                *summary_docs(new[-STORY_DOCS_LATEST:])]
    else:
        docs = summary_docs(picked)
    summary = summarize(docs, opts.summary_words)
    timeline = build_timeline(picked, [e for e in events if e.article in picked_set])
    records.write_summary(db, sid, summary)
    records.write_timeline(db, sid, timeline)


def _coded(articles: list[Article], registry: EntityRegistry) -> list[Event]:
    """The articles' coded events, their participants' keys mapped to entity ids."""
    keys = [k for a in articles for e in a.events for k in (*e.actors, *e.recipients, e.location) if k]
    ids = _ids_for(list(dict.fromkeys(keys)), {}, registry)
    return [_remap(e, ids) for a in articles for e in a.events]


def _stored_events(db: sqlite3.Connection, sid: str, registry: EntityRegistry,
                   known: dict[str, Article]) -> list[Event] | None:
    """A story's stored events, their ids followed through merges; None when one of them
    was reported by an article this chunk brings (re-annotated: its reports would count
    twice), so the story is merged again from all its articles."""
    rows = db.execute(records.EVENT_SELECT.replace(" FROM", ", json FROM")
                      + " WHERE story=? ORDER BY seq, id", (sid,)).fetchall()
    # an event's stored text is cleared when an entity it names changed (refresh_json
    # rewrites it at the end of the chunk): then it is read from its rows
    events = [Event.from_dict(json.loads(r[-1])) if r[-1] else records.event_from_row(db, r[:-1])
              for r in rows]
    if any(m.article in known for e in events for m in e.mentions):
        return None
    keys = {k for e in events for k in (*e.actors, *e.recipients, e.location) if k}
    ids = registry.live_many({k: k for k in keys})
    return [_remap(e, ids) for e in events]


def _published(db: sqlite3.Connection, ids: list[str]) -> dict[str, TimeValue | None]:
    ids = list(dict.fromkeys(ids))
    out: dict[str, TimeValue | None] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for aid, pub, text in db.execute(
            f"SELECT id, published, published_text FROM articles WHERE id IN ({','.join('?' * len(part))})", part
        ):
            out[aid] = TimeValue(pub, text or "") if pub else None
    return out


def prior_summary_doc(summary: list[SummarySentence], title: str | None,
                      published: str | None) -> SummaryDoc:
    """A story's previous summary read as one document, dated and titled as the story's
    first article; its sentences keep their own articles and lines."""
    return SummaryDoc(id="summary", title=title or "", published=published, sentences=list(summary))


def _refresh_thread(db: sqlite3.Connection, index: StoryIndex, tid: str, run: int | None,
                    last_seq: int, opts: Options, content: bool = True) -> None:
    rows = db.execute(
        "SELECT id, title, n_articles, first_day, last_day FROM stories WHERE thread_id=? "
        "ORDER BY COALESCE(last_day, 0), rowid", (tid,)
    ).fetchall()
    if not rows:
        return
    sids = [r[0] for r in rows]
    if not content:
        title = db.execute("SELECT title FROM threads WHERE id=?", (tid,)).fetchone()
        title = title[0] if title else rows[0][1]
        summary = timeline = None
    elif len(sids) == 1:
        title = rows[0][1]
        summary = records.load_summary(db, sids[0])
        timeline = records.load_timeline(db, sids[0])
    else:
        latest = rows[-THREAD_STORIES:]  # ordered by their last day: the latest stories
        title = _central_title(index, tid, [rows[0], *latest])
        docs = []
        entries: list[TimelineEntry] = []
        for sid, stitle, _n, first_day, _last in latest:
            sents = records.load_summary(db, sid)
            if sents:  # dated by the story's first day: the summary reads in date order
                published = date.fromordinal(first_day).isoformat() if first_day else None
                docs.append(SummaryDoc(id=sid, title=stitle, published=published, sentences=sents))
            entries.extend(records.load_timeline(db, sid))
        summary = summarize(docs, opts.thread_summary_words) if docs else []
        timeline = _merge_timelines(entries)
    if summary is not None and timeline is not None:
        records.write_summary(db, tid, summary)
        records.write_timeline(db, tid, timeline)
    days = [d for r in rows for d in (r[3], r[4]) if d is not None]
    old = db.execute("SELECT last_seq FROM threads WHERE id=?", (tid,)).fetchone()
    db.execute(
        "INSERT INTO threads(id, title, n_stories, n_articles, first_day, last_day, created_run, "
        "updated_run, last_seq) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "title=excluded.title, n_stories=excluded.n_stories, n_articles=excluded.n_articles, "
        "first_day=excluded.first_day, last_day=excluded.last_day, updated_run=excluded.updated_run, "
        "last_seq=excluded.last_seq",
        (tid, title, len(rows), sum(r[2] for r in rows), min(days) if days else None,
         max(days) if days else None, run, run, max(last_seq, old[0] if old and old[0] else 0)),
    )
    # a story that left a thread may return to its own first thread's id, retired when
    # that story joined another: a live thread never redirects
    db.execute("DELETE FROM thread_redirects WHERE id=?", (tid,))


def _central_title(index: StoryIndex, tid: str, rows: list[tuple]) -> str:
    """Title of the story closest to the thread's centroid, among its first and its
    latest stories (a bounded read, however long the thread)."""
    from thoisu.stories.threads import cosine, thread_vector

    sids = list(dict.fromkeys(r[0] for r in rows))
    index._stories.prefetch(sids)  # type: ignore[attr-defined]
    centre = (index.threads._threads.get(tid) or {}).get("c") or {}
    best, best_s = rows[0][1], -1.0
    for sid, title, *_ in rows:
        st = index._stories.get(sid)
        s = cosine(thread_vector(st["c"]), centre) if st and centre else 0.0
        if s > best_s + 1e-12:
            best, best_s = title, s
    return best


def _merge_timelines(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """The stories' timelines in one: ordered by date (unknown years last), the same
    sentence once, at most THREAD_TIMELINE_ENTRIES (the latest dated ones kept)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for e in entries:
        k = (e.date.value, fold(e.text)[:120])
        if k not in seen:
            seen.add(k)
            out.append(e)
    out.sort(key=lambda e: (e.date.value.startswith("XXXX"), e.date.value))
    if len(out) > THREAD_TIMELINE_ENTRIES:
        dated = [e for e in out if not e.date.value.startswith("XXXX")]
        undated = [e for e in out if e.date.value.startswith("XXXX")]
        keep = dated[-THREAD_TIMELINE_ENTRIES:]
        out = keep + undated[: max(0, THREAD_TIMELINE_ENTRIES - len(keep))]
    return out


