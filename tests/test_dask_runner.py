"""The per-document stage on a real Dask LocalCluster (2 single-threaded worker processes):
same results as the local process pool, in input order; pages drawn lazily; a page that
kills its worker reported and skipped while the rest of its batch is digested."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from thoisu.ingest import read_inputs
from thoisu.models import Page
from thoisu.pipeline import safe_process_page

from .conftest import page_from_text

distributed = pytest.importorskip("distributed")

from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

from thoisu.dask_runner import _connect, process_on_dask  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CRASH = "crash-me.txt"
SMALL = [
    "Ngoại trưởng Nga Sergei Lavrov gặp người đồng cấp Triều Tiên tại Bình Nhưỡng hôm {n}/7.\n"
    "Hai bên thảo luận về hợp tác kinh tế và tình hình an ninh trên bán đảo Triều Tiên.\n"
    "Ông Lavrov nói: \"Nga luôn ủng hộ giải pháp hòa bình cho mọi vấn đề trong khu vực\".",
]


def _pages() -> list[Page]:
    seeds = [p for p in read_inputs([str(SEEDS)]) if isinstance(p, Page)] if SEEDS.is_dir() else []
    # enough pages for the window test below to mean something without the seeds too
    small = [page_from_text(SMALL[0].format(n=n), f"small-{n}.txt") for n in range(10, 18)]
    empty = page_from_text("\n\n", "empty.txt")  # no article: an empty list, as locally
    return [*seeds[:3], *small, empty, *seeds[3:]]


def _flat(results: list) -> list:
    return [(p.path, p.sha, None if arts is None else [a.to_dict() for a in arts], err)
            for p, arts, err in results]


def _crash_on_marked_pages() -> None:
    """Run on each worker (also one restarted after a crash): a marked page exits the
    worker process as a segfaulting extension would, with no Python exception."""
    import thoisu.pipeline as pipeline

    original = pipeline.process_page

    def process_page(page: Page):  # noqa: ANN202
        if page.path == CRASH:
            os._exit(13)
        return original(page)

    pipeline.process_page = process_page


class CrashPlugin(WorkerPlugin):
    def setup(self, worker) -> None:  # noqa: ANN001
        _crash_on_marked_pages()


def test_results_equal_the_process_pool_in_input_order() -> None:
    pages = _pages()
    with ProcessPoolExecutor(max_workers=2) as pool:
        expected = list(pool.map(safe_process_page, pages))

    drawn = 0
    first_at = None

    def lazily() -> Iterator[Page]:
        nonlocal drawn
        for p in pages:
            drawn += 1
            yield p

    got = []
    for item in process_on_dask(lazily(), local_workers=2, batch_size=1):
        if first_at is None:
            first_at = drawn
        got.append(item)
    assert _flat(got) == _flat(expected)
    assert any(arts for _, arts, _ in got)
    # a window of 2 x 2 threads + 2 batches was in flight when the first result came back
    assert first_at is not None and first_at <= 7 < len(pages)


def test_a_page_that_kills_its_worker_is_skipped_and_its_batch_digested() -> None:
    pages = _pages()
    crash = page_from_text(SMALL[0].format(n=20), CRASH)
    pages.insert(4, crash)  # in the middle of the second batch of three
    lost: list[str] = []
    client, cluster = _connect(None, 2)
    try:
        client.register_plugin(CrashPlugin())
        got = list(process_on_dask(pages, batch_size=3, on_lost=lost.append, client=client))
    finally:
        client.close()
        cluster.close()
    assert [p.path for p, _, _ in got] == [p.path for p in pages]
    crashed = [(p.path, arts, err) for p, arts, err in got if p.path == CRASH]
    assert crashed == [(CRASH, None, f"{CRASH}: crashed a worker twice, skipped")]
    others = [r for r in got if r[0].path != CRASH]
    assert _flat(others) == _flat([safe_process_page(p) for p in pages if p.path != CRASH])
    assert lost and "workers died" in lost[0]


def test_no_pages_reach_no_cluster() -> None:
    # nothing listens on port 1: a connection attempt would fail
    assert list(process_on_dask(iter([]), scheduler="tcp://127.0.0.1:1")) == []


def test_unreachable_scheduler_is_one_clear_error() -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), \
            pytest.raises(ConnectionError, match=r"cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        list(process_on_dask([page_from_text(SMALL[0].format(n=1))], scheduler="tcp://127.0.0.1:1"))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        list(process_on_dask([], scheduler="tcp://127.0.0.1:1", local_workers=2))
    with pytest.raises(ValueError):
        list(process_on_dask([], local_workers=1, batch_size=0))
