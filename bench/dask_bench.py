"""Pages per second of the per-document stage: local process pool vs Dask LocalCluster.

    nice -n 10 .venv/bin/python bench/dask_bench.py [--pages 300] [--runs 3] [--batch-size 16]

The same N pages (documents of ../shared/mds/vims-dev.jsonl as text pages, read at run
time) go through four executors, each with 1 and 2 workers:

- ``pool``: the runner's ``_processed(pages, workers)`` (``--workers N``; 1 is in-process)
  or, if the runner no longer has it, a ProcessPoolExecutor mapping safe_process_page
  the same way;
- ``dask``: ``process_on_dask(pages, local_workers=N)``.

Two measures per executor, medians over the runs:

- ``cold``: one whole call, starting the pool or cluster (worker processes, model loading)
  and shutting it down: what one ``thoisu digest`` pays;
- ``warm``: the pages only, on a pool or cluster started and warmed beforehand: the
  steady-state cost per page, which is what the Dask overhead target (within 10% of
  the pool per page) is about.

Overhead per page = 1/rate(dask) - 1/rate(pool), in ms and as a share of the pool's time
per page, for each worker count.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import statistics
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from vims import MDS, documents

from thoisu.models import Article, Page, SourceLine
from thoisu.pipeline import safe_process_page

Result = tuple[Page, list[Article] | None, str | None]


def load_pages(limit: int) -> list[Page]:
    pages: list[Page] = []
    for cluster, doc in documents(limit):
        text = "\n".join(x for x in (doc.get("title"), doc.get("lead"), doc["text"]) if x)
        lines = [SourceLine(t, i + 1) for i, t in enumerate(text.split("\n"))]
        pages.append(Page(path=f"vims/{cluster['id']}/{doc['id']}", lines=lines,
                          sha=hashlib.sha256(text.encode()).hexdigest(), fmt="txt"))
    return pages


def _pool_map(pool: ProcessPoolExecutor, pages: Iterable[Page], workers: int) -> Iterator[Result]:
    """What the runner's pool does: a bounded window of per-page futures, in order."""
    window: deque[Future] = deque()
    for page in pages:
        window.append(pool.submit(safe_process_page, page))
        if len(window) >= 4 * workers:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def _runner_pool() -> Callable[[Iterable[Page], int], Iterator[Result]]:
    try:
        from thoisu.runner import _processed  # the runner's own pool, if still there
    except ImportError:
        def _processed(pages: Iterable[Page], workers: int) -> Iterator[Result]:
            if workers <= 1:
                yield from map(safe_process_page, pages)
                return
            with ProcessPoolExecutor(max_workers=workers) as pool:
                yield from _pool_map(pool, pages, workers)
    return _processed


def _cpu_seconds() -> float:
    """CPU time of this process and all its children alive now (pool or cluster workers):
    unlike wall time, not inflated by other jobs sharing the machine."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):  # ended while being read
            total += sum(child.cpu_times()[:2])
    return total


CPU: dict[tuple[str, int], list[float]] = {}  # (executor, workers) -> CPU ms per page, warm


def _rate(run: Callable[[], Iterable[Result]], n: int, cpu_key: tuple[str, int] | None = None) -> float:
    cpu = _cpu_seconds() if cpu_key else 0.0
    t = time.perf_counter()
    got = sum(1 for _ in run())
    elapsed = time.perf_counter() - t
    assert got == n, (got, n)
    if cpu_key:
        CPU.setdefault(cpu_key, []).append((_cpu_seconds() - cpu) * 1000 / n)
    return n / elapsed


def _warm_pool(workers: int, pages: list[Page], runs: int) -> list[float]:
    if workers <= 1:  # --workers 1 digests in-process
        safe_process_page(pages[0])
        return [_rate(lambda: map(safe_process_page, pages), len(pages), ("pool", workers))
                for _ in range(runs)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(safe_process_page, pages[: 2 * workers]))  # load models in each worker
        return [_rate(lambda: _pool_map(pool, pages, workers), len(pages), ("pool", workers))
                for _ in range(runs)]


def _warm_dask(workers: int, pages: list[Page], runs: int, batch_size: int) -> list[float]:
    from thoisu.dask_runner import _connect, digest_batch, process_on_dask

    client, cluster = _connect(None, workers)
    try:
        client.run(digest_batch, pages[:1])  # load models in each worker
        return [_rate(lambda: process_on_dask(pages, batch_size=batch_size, client=client), len(pages),
                      ("dask", workers))
                for _ in range(runs)]
    finally:
        client.close()
        cluster.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    if not MDS.exists():
        print(f"dask_bench: {MDS} not found", file=sys.stderr)
        return 1
    from thoisu.dask_runner import process_on_dask

    pages = load_pages(args.pages)
    n = len(pages)
    chars = sum(len(s.text) for p in pages for s in p.lines)
    print(f"{n} pages, {chars / n:,.0f} characters per page, {args.runs} runs, "
          f"Dask batch size {args.batch_size}", flush=True)
    processed = _runner_pool()
    rates: dict[tuple[str, str, int], list[float]] = {}
    for w in args.workers:
        rates["pool", "cold", w] = [_rate(lambda w=w: processed(pages, w), n) for _ in range(args.runs)]
        rates["dask", "cold", w] = [
            _rate(lambda w=w: process_on_dask(pages, local_workers=w, batch_size=args.batch_size), n)
            for _ in range(args.runs)]
        rates["pool", "warm", w] = _warm_pool(w, pages, args.runs)
        rates["dask", "warm", w] = _warm_dask(w, pages, args.runs, args.batch_size)
        for key in (("pool", "cold", w), ("dask", "cold", w), ("pool", "warm", w), ("dask", "warm", w)):
            print(f"  {key[0]} {key[1]} {w}: " + " ".join(f"{r:.1f}" for r in rates[key]) + " pages/s",
                  flush=True)
    med = {k: statistics.median(v) for k, v in rates.items()}
    print()
    print("| workers | measure | pool pages/s | LocalCluster pages/s | Dask overhead per page |")
    print("|---|---|---|---|---|")
    for w in args.workers:
        for mode in ("warm", "cold"):
            pool, dask = med["pool", mode, w], med["dask", mode, w]
            extra = 1000 / dask - 1000 / pool
            share = extra / (1000 / pool)
            print(f"| {w} | {mode} | {pool:.1f} | {dask:.1f} | {extra:+.1f} ms ({share:+.1%}) |")
    print()
    print("CPU per page, all processes (warm; independent of other load on the machine):")
    print("| workers | pool ms | LocalCluster ms | Dask overhead |")
    print("|---|---|---|---|")
    for w in args.workers:
        pool, dask = statistics.median(CPU["pool", w]), statistics.median(CPU["dask", w])
        print(f"| {w} | {pool:.1f} | {dask:.1f} | {dask - pool:+.1f} ms ({(dask - pool) / pool:+.1%}) |")
    print(f"\nload average during the run: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
