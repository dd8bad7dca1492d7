"""The per-document stage on a Dask distributed cluster.

``process_on_dask`` maps ``pipeline.safe_process_page`` over pages the way the runner's
process pool does, and yields the same ``(page, articles | None, error | None)`` triples
in the same (input) order, so the single writer that stores them cannot tell the two
apart. See docs/cluster.md.

- Pages travel in batched tasks (``batch_size`` pages each): one task per page would cost
  a scheduler round trip per page. Only the results (articles) come back; the pages
  stay on the client, which holds them until their batch is yielded.
- At most a window of batches is in flight or waiting to be yielded (twice the cluster's
  threads, plus two); pages are drawn lazily from the iterator as batches complete, so
  client memory is bounded by window x batch size, whatever the number of pages.
- A task that raises (not a page failing: ``safe_process_page`` turns those into error
  lines) is retried once (``retries=1``), then split into one task per page. A task
  whose worker dies is rescheduled by the scheduler; once it has been on
  ``allowed-failures + 1`` dead workers (local clusters started here allow 1: twice) it
  fails with ``KilledWorker``. A dying worker takes the blame for every task assigned to
  it, so the pages of such a task are then run one at a time, each alone on the cluster:
  the page that kills its worker again is reported as ``PATH: crashed a worker twice,
  skipped``, and the other pages of its batch are digested.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from thoisu.models import Article, Page
from thoisu.pipeline import safe_process_page

Result = tuple[Page, list[Article] | None, str | None]
_KEY = "thoisu-digest"  # key prefix: one task group on the dashboard
# settings of the clusters started here: a page that kills its worker twice is bad (not
# unlucky); one task at a time per worker thread, so a dying worker takes down only the
# task it was running. The rest cut the cluster's own background CPU, taken from the
# pages on the same cores (idle 2-worker cluster: 62 -> 14-18 ms CPU per second): no
# statistical profiler sampling each worker's stack 100 times a second, no work stealing
# (independent batches, one thread each), slower event-loop and memory/system polls.
LOCAL_CLUSTER_CONFIG = {
    "distributed.scheduler.allowed-failures": 1,
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def digest_batch(pages: list[Page] | bytes) -> list[tuple[list[Article] | None, str | None]]:
    """The task run on a worker: the per-document stage over a batch of pages. Pages are
    not sent back (the client still holds them), only their articles or error line.

    The client sends the batch pickled once as bytes: the scheduler then passes an opaque
    blob on instead of unpickling and repickling every page (on a LocalCluster it shares
    the client's process, and its CPU with the workers)."""
    if isinstance(pages, bytes):
        pages = pickle.loads(pages)
    out = []
    for page in pages:
        _, articles, error = safe_process_page(page)
        out.append((articles, error))
    return out


@dataclass(slots=True)
class _Batch:
    pages: list[Page]
    done: list[Result | None] = field(default_factory=list)
    missing: int = 0

    def __post_init__(self) -> None:
        self.done = [None] * len(self.pages)
        self.missing = len(self.pages)

    def fill(self, start: int, results: list[Result]) -> None:
        for i, r in enumerate(results, start):
            if self.done[i] is None:
                self.missing -= 1
            self.done[i] = r


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _failure(page: Page, exc: BaseException) -> str:
    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        allowed = getattr(exc, "allowed_failures", None)
        crashes = _times(allowed + 1) if isinstance(allowed, int) else "repeatedly"
        return f"{page.path}: crashed a worker {crashes}, skipped"
    return f"{page.path}: could not digest on the cluster ({type(exc).__name__}: {exc})"


class _Quiet:
    """The in-process scheduler of a LocalCluster logs every worker coming and going at INFO
    on stderr, where thoisu prints one line per bad page: hushed while it runs."""

    def __init__(self, active: bool) -> None:
        self.active = active
        self.level = logging.NOTSET

    def __enter__(self) -> None:
        if self.active:
            log = logging.getLogger("distributed")
            self.level = log.level
            log.setLevel(logging.CRITICAL)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            logging.getLogger("distributed").setLevel(self.level)


def _connect(scheduler: str | None, local_workers: int | None) -> tuple[Any, Any]:
    """(client, cluster or None): a client of the given scheduler, or of a LocalCluster."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler and local_workers:
        raise ValueError("give either a scheduler address or a number of local workers, not both")
    if scheduler:
        try:
            return Client(scheduler), None
        except (OSError, TimeoutError, ValueError) as exc:  # ValueError: a malformed address
            raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    n = local_workers or os.cpu_count() or 1
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        # thoisu reports what matters in one line per page: no worker restart chatter
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


def process_on_dask(
    pages: Iterable[Page],
    *,
    scheduler: str | None = None,
    local_workers: int | None = None,
    batch_size: int = 16,
    on_lost: Callable[[str], None] | None = None,
    client: Any = None,
) -> Iterator[Result]:
    """``(page, articles | None, error | None)`` for every page, in input order, computed
    on a Dask cluster: the one at ``scheduler`` (``tcp://host:8786``), or a LocalCluster of
    ``local_workers`` single-threaded worker processes started and closed here, or an
    already connected ``client`` (kept open). ``on_lost`` hears one line each time a batch
    is split because its task failed or killed workers.

    Raises ConnectionError (one line: address and reason) when the scheduler cannot be
    reached, and ValueError for contradictory arguments, before any page is digested.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if scheduler and local_workers:
        raise ValueError("give either a scheduler address or a number of local workers, not both")
    stream = iter(pages)
    first = next(stream, None)
    if first is None:  # nothing new to digest (a re-run): no cluster to start or reach
        return
    stream = itertools.chain([first], stream)
    own = client is None
    cluster = None
    quiet = _Quiet(own and not scheduler)
    with quiet:
        if own:
            client, cluster = _connect(scheduler, local_workers)
        try:
            yield from _stream(client, stream, batch_size, on_lost)
        finally:
            if own:
                client.close()
                if cluster is not None:
                    cluster.close()


def _window(client: Any) -> int:
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # noqa: BLE001 - a window is still needed when the query fails
        threads = 1
    return 2 * max(threads, 1) + 2


def _stream(client: Any, pages: Iterator[Page], batch_size: int,
            on_lost: Callable[[str], None] | None) -> Iterator[Result]:
    import uuid

    from distributed import KilledWorker, as_completed

    window, sized_at = _window(client), time.monotonic()
    run = uuid.uuid4().hex[:12]  # keys unique across runs sharing a cluster
    batches: dict[int, _Batch] = {}  # submitted, not yet yielded
    jobs: dict[Any, tuple[int, int, list[Page], bool]] = {}  # future -> (batch, index, pages, solo)
    # pages of a task that killed workers: when a worker dies, every task assigned to it is
    # blamed, so each of these runs once more alone on a quiet cluster, where a death can
    # only be its own
    suspects: deque[tuple[int, int, Page]] = deque()
    queue = as_completed()
    counter = itertools.count()
    next_seq = 0  # next batch to submit
    out_seq = 0  # next batch to yield
    exhausted = False

    def submit(seq: int, start: int, chunk: list[Page], *, retries: int = 1, solo: bool = False) -> None:
        blob = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        fut = client.submit(digest_batch, blob, key=f"{_KEY}-{run}-{seq}-{start}-{next(counter)}",
                            retries=retries, pure=False)
        jobs[fut] = (seq, start, chunk, solo)
        queue.add(fut)

    def refill() -> None:
        nonlocal next_seq, exhausted, window, sized_at
        if time.monotonic() - sized_at > 5:  # an adaptive cluster grows once it has work
            window, sized_at = _window(client), time.monotonic()
        if suspects:  # drain first: suspects run alone
            if not jobs:
                seq, i, page = suspects.popleft()
                submit(seq, i, [page], retries=0, solo=True)
            return
        while not exhausted and next_seq - out_seq < window:
            chunk = list(itertools.islice(pages, batch_size))
            if not chunk:
                exhausted = True
                return
            batches[next_seq] = _Batch(chunk)
            submit(next_seq, 0, chunk)
            next_seq += 1

    refill()
    while jobs:
        fut = next(queue)
        seq, start, chunk, solo = jobs.pop(fut)
        batch = batches[seq]
        if fut.status == "finished":
            batch.fill(start, [(p, *r) for p, r in zip(chunk, fut.result(), strict=True)])
        else:
            try:
                exc = fut.exception()
            except BaseException as err:  # noqa: BLE001 - a cancelled future raises instead
                exc = err
            if solo:
                batch.fill(start, [(chunk[0], None, _failure(chunk[0], exc))])
            elif isinstance(exc, KilledWorker):
                if on_lost:
                    on_lost(f"{len(chunk)} page(s) from {chunk[0].path}: workers died running them; "
                            "each is retried alone")
                suspects.extend((seq, start + i, page) for i, page in enumerate(chunk))
            elif len(chunk) > 1:
                if on_lost:
                    on_lost(f"batch of {len(chunk)} pages from {chunk[0].path} failed "
                            f"({type(exc).__name__}); retrying its pages one by one")
                for i, page in enumerate(chunk):
                    submit(seq, start + i, [page], retries=0)
            else:
                batch.fill(start, [(chunk[0], None, _failure(chunk[0], exc))])
        fut.release()
        while out_seq in batches and batches[out_seq].missing == 0:
            done = batches.pop(out_seq).done
            out_seq += 1
            refill()  # before yielding: the cluster works while the caller stores
            for r in done:
                assert r is not None
                yield r
        refill()
