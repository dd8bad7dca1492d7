"""Digest a batch of paths: ingest, the per-document stage on a process pool (or a Dask
cluster), the store, the incremental corpus stage, outputs. The CLI is a thin layer over
``digest_paths``, ``reprocess`` and ``watch``.

A run costs what it adds: pages already stored are skipped by content hash, the
per-document stage stores each page with its articles as it arrives (a bounded window in
flight, so memory does not grow with the batch), and the corpus stage reads only what
the new articles touch (``corpus.py``).
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from thoisu.corpus import CorpusStats, Options, checkpoint, run_corpus_stage
from thoisu.ingest import InputError, read_inputs
from thoisu.ingest.sniff import CRAWL_SUFFIXES
from thoisu.models import Article, Page
from thoisu.pipeline import safe_process_page
from thoisu.report.writers import write_outputs
from thoisu.store import Store, StoreLocked, records

Processed = tuple[Page, list[Article] | None, str | None]
_PAGE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass(slots=True)
class RunResult:
    pages_ok: int = 0  # digested now or already stored
    pages_new: int = 0
    errors: list[str] = field(default_factory=list)
    articles: int = 0  # articles in the store after the run
    articles_new: int = 0
    low_quality: int = 0  # new articles kept on the cleaner's best guess
    out_dir: Path | None = None
    run: int | None = None
    corpus: CorpusStats | None = None


class Progress:
    """What a run reports as it goes (the CLI draws it; the library only calls)."""

    def pages_total(self, n: int | None) -> None: ...
    def page_done(self, path: str) -> None: ...
    def step(self, name: str, done: int, total: int) -> None: ...
    def error(self, msg: str) -> None: ...
    def waiting(self, msg: str) -> None: ...


def count_pages(paths: Iterable[str]) -> int | None:
    """How many pages the inputs hold, for the progress bar (None when a crawl or stdin
    makes it unknowable without reading everything)."""
    n = 0

    def one(p: str) -> bool:
        nonlocal n
        low = p.lower()
        if low.endswith(CRAWL_SUFFIXES):
            return False
        if low.endswith(".jsonl"):
            try:
                with open(p, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                pass
        else:
            n += 1
        return True

    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    low = name.lower()
                    if name.startswith("."):
                        continue
                    if low.endswith(CRAWL_SUFFIXES):
                        return None
                    if low.endswith(_PAGE_SUFFIXES) and not one(os.path.join(root, name)):
                        return None
        elif not one(path):
            return None
    return n


def _processed(pages: Iterable[Page], workers: int) -> Iterator[Processed]:
    """The per-document stage over a process pool, results in input order, a bounded
    window in flight (memory does not grow with the batch). A worker process that dies
    (killed, out of memory, a crash in native code) takes the pool with it: the pages
    then in flight are run again one at a time, each in a process of its own, so the page
    that kills its worker is reported and skipped and the others are kept."""
    if workers <= 1:
        for page in pages:
            yield safe_process_page(page)
        return
    it = iter(pages)
    window: deque[tuple[Page, Future]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        while True:
            while len(window) < 4 * workers and (page := next(it, None)) is not None:
                window.append((page, pool.submit(safe_process_page, page)))
            if not window:
                return
            page, fut = window.popleft()
            try:
                res = fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                again = [page, *(p for p, _ in window)]
                window.clear()
                for p in again:
                    yield _isolated(p)
                pool = ProcessPoolExecutor(max_workers=workers)
                continue
            yield res
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _isolated(page: Page) -> Processed:
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(safe_process_page, page).result()
        except BrokenProcessPool:
            return page, None, f"{page.path}: crashed a worker process, skipped"


def _executor(
    pages: Iterable[Page], workers: int, scheduler: str | None, dask_local: int | None,
    on_note: Callable[[str], None],
) -> Iterator[Processed]:
    if scheduler or dask_local:
        from thoisu.dask_runner import process_on_dask

        # on_lost says a batch is re-run page by page (not a failure: a page that
        # crashes twice still comes back as its own error)
        return process_on_dask(pages, scheduler=scheduler, local_workers=dask_local, on_lost=on_note)
    return _processed(pages, workers)


def digest_paths(
    paths: list[str],
    out_dir: str | Path = "thoisu-out",
    db_path: str | Path | None = None,
    workers: int = 1,
    on_error: Callable[[str], None] | None = None,
    on_page: Callable[[str], None] | None = None,
    options: Options | None = None,
    *,
    outputs: bool = True,
    report_threads: int = 50,
    scheduler: str | None = None,
    dask_local: int | None = None,
    progress: Progress | None = None,
    lock_wait: float = 3600.0,
) -> RunResult:
    """Digest the pages under ``paths`` into the store, then write the outputs.

    Raises ``StoreLocked`` when another run holds the store past ``lock_wait`` seconds."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = RunResult(out_dir=out)
    prog = progress or Progress()

    def error(msg: str) -> None:
        result.errors.append(msg)
        prog.error(msg)
        if on_error:
            on_error(msg)

    def done(path: str) -> None:
        prog.page_done(path)
        if on_page:
            on_page(path)

    with Store(db_path or out / "thoisu.db") as store:
        store.writer_lock(wait=lock_wait, on_wait=prog.waiting)
        run = result.run = store.begin_run("digest")
        status = "failed"
        try:
            prog.pages_total(count_pages(paths))
            _per_document(store, run, paths, workers, scheduler, dask_local, result, error, done,
                          prog.waiting)
            stats = result.corpus = run_corpus_stage(store, run, options, prog.step, error)
            result.articles = store.count("articles")
            status = "done"
        finally:
            c = result.corpus
            store.finish_run(
                run, status, pages_new=result.pages_new, articles_new=result.articles_new,
                errors=len(result.errors), stories_new=c.stories_new if c else 0,
                stories_changed=len(c.stories_changed) if c else 0,
                threads_changed=len(c.threads_changed) if c else 0,
                entities_new=c.entities_new if c else 0,
            )
        if outputs and result.articles:
            checkpoint("outputs")
            prog.step("writing outputs", 0, 1)
            write_outputs(store, out, report_threads=report_threads)
            prog.step("writing outputs", 1, 1)
        del stats
    return result


def _per_document(
    store: Store, run: int, paths: list[str], workers: int, scheduler: str | None,
    dask_local: int | None, result: RunResult, error: Callable[[str], None],
    done: Callable[[str], None], note: Callable[[str], None],
) -> None:
    seen: set[str] = set()

    def fresh_pages() -> Iterator[Page]:
        for item in read_inputs(paths):
            if isinstance(item, InputError):
                error(str(item))
                done(item.path)
                continue
            if item.sha in seen or store.has_page(item.sha):
                seen.add(item.sha)
                result.pages_ok += 1  # already stored: nothing to add
                done(item.path)
                continue
            seen.add(item.sha)
            yield item

    with store.grouped() as tick:
        for page, articles, err in _executor(fresh_pages(), workers, scheduler, dask_local, note):
            done(page.path)
            if err:
                error(err)
                continue
            if not articles:
                error(f"{page.path}: no article text found")
                continue
            if store.add_page(page, articles, run):
                checkpoint(f"page:{result.pages_new + 1}")
                result.pages_new += 1
                result.articles_new += len(articles)
                result.low_quality += sum(1 for a in articles if a.quality == "low")
            result.pages_ok += 1
            tick()


# --------------------------------------------------------------------------- reprocess


def reprocess(
    db_path: str | Path, workers: int = 1, options: Options | None = None,
    progress: Progress | None = None, lock_wait: float = 3600.0,
) -> RunResult:
    """Re-run the per-document stage on every stored page (after an upgrade of the
    cleaner or annotators), then rebuild the derived tables in storage order. Article
    ids are kept (they come from the page hash), and an entity id that no longer exists
    redirects to the entity its keys resolve to now."""
    prog = progress or Progress()
    result = RunResult()
    with Store(db_path) as store:
        store.writer_lock(wait=lock_wait, on_wait=prog.waiting)
        run = result.run = store.begin_run("reprocess")
        db = store.db
        old_keys = dict(db.execute("SELECT key, entity FROM entity_keys").fetchall())
        shas = [r[0] for r in db.execute(
            "SELECT page_sha FROM articles GROUP BY page_sha ORDER BY MIN(seq)"
        )]
        prog.pages_total(len(shas))
        pages = (p for p in (records.load_page(db, s) for s in shas) if p is not None)
        status = "failed"
        try:
            with store.transaction():
                _reset_derived(db)
            for page, articles, err in _processed(pages, workers):
                prog.page_done(page.path)
                if err or not articles:
                    result.errors.append(err or f"{page.path}: no article text found now; its old articles kept")
                    prog.error(result.errors[-1])
                    with store.transaction():
                        db.execute("UPDATE articles SET story_id=NULL, duplicate_of=NULL WHERE page_sha=?",
                                   (page.sha,))
                    continue
                with store.transaction():
                    old = db.execute(
                        "SELECT id, seq FROM articles WHERE page_sha=? ORDER BY seq", (page.sha,)
                    ).fetchall()
                    for aid, _ in old:
                        records.delete_article(db, aid)
                    seqs = [s for _, s in old]
                    top = db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
                    for i, art in enumerate(articles):
                        seq = seqs[i] if i < len(seqs) else top + 1 + i
                        records.insert_article(db, art, page.sha, seq, run)
                    db.execute("UPDATE pages SET n_articles=? WHERE sha=?", (len(articles), page.sha))
                result.pages_ok += 1
            result.corpus = run_corpus_stage(store, run, options, prog.step, prog.error)
            with store.transaction():
                for key, eid in old_keys.items():
                    if not db.execute("SELECT 1 FROM entities WHERE id=?", (eid,)).fetchone():
                        row = db.execute("SELECT entity FROM entity_keys WHERE key=?", (key,)).fetchone()
                        if row and row[0] != eid:
                            db.execute("INSERT OR IGNORE INTO entity_redirects(id, target) VALUES (?,?)",
                                       (eid, row[0]))
            result.articles = store.count("articles")
            status = "done"
        finally:
            store.finish_run(run, status, errors=len(result.errors))
    return result


_DERIVED = ("mentions", "entities", "entity_keys", "entity_aliases", "events", "event_participants",
            "event_mentions", "quotes", "stories", "threads", "summaries", "timeline", "index_kv",
            "index_df", "dedup_sigs", "dedup_bands")


def _reset_derived(db) -> None:  # noqa: ANN001
    for table in _DERIVED:
        db.execute(f"DELETE FROM {table}")
    db.execute("DELETE FROM state WHERE key='story_docs'")
    db.execute("UPDATE articles SET story_id=NULL, duplicate_of=NULL, json=NULL")


# --------------------------------------------------------------------------- watch


def watch(
    directory: str | Path, out_dir: str | Path, db_path: str | Path | None = None,
    interval: float = 5.0, on_run: Callable[[RunResult, list[str]], None] | None = None,
    should_stop: Callable[[], bool] | None = None, **kwargs: object,
) -> int:
    """Digest files as they land in ``directory``, each batch one run, until Ctrl-C
    (or ``should_stop``). A file is taken once its size has stayed the same for one
    interval (a crawler may still be writing it). Ctrl-C during a batch lets the batch
    finish, then stops; a second Ctrl-C stops at once (the store stays consistent).
    Returns the number of runs."""
    directory = Path(directory)
    state_file = Path(out_dir) / ".watch.json"
    done: dict[str, list[float]] = {}
    if state_file.exists():
        done = json.loads(state_file.read_text(encoding="utf-8"))
    stop = {"now": False}

    def on_sigint(signum, frame) -> None:  # noqa: ANN001
        if stop["now"]:
            raise KeyboardInterrupt
        stop["now"] = True

    import threading

    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, on_sigint) if main else None
    last_sizes: dict[str, float] = {}
    runs = 0
    try:
        while not stop["now"] and not (should_stop and should_stop()):
            ready = []
            for p in sorted(directory.rglob("*")):
                if not p.is_file() or p.name.startswith("."):
                    continue
                st = p.stat()
                key = str(p)
                sig = [st.st_size, st.st_mtime]
                if done.get(key) == sig:
                    continue
                if last_sizes.get(key) == st.st_size:
                    ready.append((key, sig))
                last_sizes[key] = st.st_size
            if ready:
                result = digest_paths([k for k, _ in ready], out_dir=out_dir, db_path=db_path, **kwargs)  # type: ignore[arg-type]
                runs += 1
                for k, sig in ready:
                    done[k] = sig
                tmp = state_file.with_suffix(".tmp")
                tmp.write_text(json.dumps(done), encoding="utf-8")
                os.replace(tmp, state_file)
                if on_run:
                    on_run(result, [k for k, _ in ready])
                continue
            end = time.monotonic() + interval
            while time.monotonic() < end and not stop["now"] and not (should_stop and should_stop()):
                time.sleep(min(0.2, interval))
    finally:
        if main:
            signal.signal(signal.SIGINT, old)
    return runs


__all__ = ["RunResult", "Progress", "StoreLocked", "digest_paths", "reprocess", "watch", "summarize_pages"]


def summarize_pages(paths: list[str], max_words: int = 200) -> tuple[str | None, list[str]]:
    """One multi-document summary of the articles on the given pages (no store).

    Only cleaning and sentence splitting are needed here, so the heavier annotations
    are skipped."""
    from thoisu.annotate.sentences import annotate_sentences
    from thoisu.clean import extract_articles
    from thoisu.corpus import summary_docs
    from thoisu.stories.summarize import summarize

    errors: list[str] = []
    articles: list[Article] = []
    for item in read_inputs(paths):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        found = extract_articles(item)
        if not found:
            errors.append(f"{item.path}: no article text found")
        for a in found:
            a.sentences = annotate_sentences(a, words=False)
            articles.append(a)
    if not articles:
        return None, errors
    picked = summarize(summary_docs(articles), max_words)
    return " ".join(s.text for s in picked), errors
