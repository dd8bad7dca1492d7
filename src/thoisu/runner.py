"""Digest a batch of paths: ingest, per-document stage on a process pool, store, corpus
stage, outputs. The CLI is a thin layer over ``digest_paths``.

Memory stays flat in the number of pages: pages are read lazily and at most a small
window of them is in flight at once; results are stored as they arrive.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from thoisu.ingest import InputError, read_inputs
from thoisu.models import Article, Digest, Page
from thoisu.pipeline import Options, build_digest, safe_process_page
from thoisu.report.writers import write_outputs
from thoisu.store import Store

STORY_STATE = "story_index"


@dataclass(slots=True)
class RunResult:
    pages_ok: int = 0  # digested now or already stored
    pages_new: int = 0
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    out_dir: Path | None = None
    digest: Digest | None = None


def _processed(
    pages: Iterable[Page], workers: int
) -> Iterator[tuple[Page, list[Article] | None, str | None]]:
    if workers <= 1:
        for page in pages:
            yield safe_process_page(page)
        return
    window: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for page in pages:
            window.append(pool.submit(safe_process_page, page))
            if len(window) >= 4 * workers:  # bounded: memory does not grow with the batch
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def digest_paths(
    paths: list[str],
    out_dir: str | Path = "thoisu-out",
    db_path: str | Path | None = None,
    workers: int = 1,
    on_error: Callable[[str], None] | None = None,
    on_page: Callable[[str], None] | None = None,
    options: Options | None = None,
) -> RunResult:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = RunResult(out_dir=out)

    def error(msg: str) -> None:
        result.errors.append(msg)
        if on_error:
            on_error(msg)

    with Store(db_path or out / "thoisu.db") as store:
        seen: set[str] = set()

        def fresh_pages() -> Iterator[Page]:
            for item in read_inputs(paths):
                if isinstance(item, InputError):
                    error(str(item))
                    continue
                if item.sha in seen or store.has_page(item.sha):
                    seen.add(item.sha)
                    result.pages_ok += 1  # already stored: nothing to add
                    if on_page:
                        on_page(item.path)
                    continue
                seen.add(item.sha)
                yield item

        for page, articles, err in _processed(fresh_pages(), workers):
            if on_page:
                on_page(page.path)
            if err:
                error(err)
                continue
            if not articles:
                error(f"{page.path}: no article text found")
                continue
            if store.add_page(page, articles):
                result.pages_new += 1
            result.pages_ok += 1

        all_articles = list(store.articles())
        result.articles = len(all_articles)
        if not all_articles:
            return result
        digest, state = build_digest(all_articles, store.get_state(STORY_STATE), options)
        store.update_articles(all_articles)
        store.set_state(STORY_STATE, state)
        store.save_corpus(digest)
        write_outputs(digest, out)
        result.digest = digest
    return result


def summarize_pages(paths: list[str], max_words: int = 200) -> tuple[str | None, list[str]]:
    """One multi-document summary of the articles on the given pages (no store).

    Only cleaning and sentence splitting are needed here, so the heavier annotations
    are skipped."""
    from thoisu.annotate.sentences import annotate_sentences
    from thoisu.clean import extract_articles
    from thoisu.pipeline import _summary_docs
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
    picked = summarize(_summary_docs(articles), max_words)
    return " ".join(s.text for s in picked), errors
