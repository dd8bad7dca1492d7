"""The command line: a thin layer over the library (see CONTRACT.md)."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

# A digest makes millions of short-lived objects and few reference cycles: collecting
# cycles every 700 allocations (Python's default) was 3% of a digest's CPU, every 50,000
# a quarter of that. Set here, for the command's process, not by the library.
gc.set_threshold(50_000, 20, 20)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="thoisu: raw Vietnamese news pages in; clean articles, actors, events, stories out.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line a message, whatever the width


def _error_line(msg: str) -> None:
    # one plain line per bad input, never a traceback
    print(f"thoisu: {msg}", file=sys.stderr, flush=True)


class _Bar:
    """The run's progress on stderr: pages done out of the total, then the corpus
    stage's steps (runner.Progress)."""

    def __init__(self, progress: Progress) -> None:
        self.p = progress
        self.pages = progress.add_task("pages", total=None)
        self.steps: dict[str, int] = {}

    def pages_total(self, n: int | None) -> None:
        self.p.update(self.pages, total=n)

    def page_done(self, path: str) -> None:
        self.p.advance(self.pages)

    def step(self, name: str, done: int, total: int) -> None:
        if name not in self.steps:
            self.steps[name] = self.p.add_task(name, total=total or 1)
        self.p.update(self.steps[name], completed=done, total=total or 1)

    def error(self, msg: str) -> None:
        _error_line(msg)

    def waiting(self, msg: str) -> None:
        _error_line(msg)


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, disable=quiet, transient=True,
    )


@app.command()
def digest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files (.txt, .html, .htm, .jsonl, .warc[.gz], .arc.gz), directories, or - for stdin.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("thoisu-out"),
    db: Annotated[Path | None, typer.Option("--db", help="SQLite store (default OUT/thoisu.db).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes for the per-document stage.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address for the per-document stage.")] = None,
    dask_local: Annotated[int | None, typer.Option("--dask-local", min=1, help="Start a local Dask cluster of N workers.")] = None,
    report_threads: Annotated[int, typer.Option("--report-threads", min=0, help="Threads drawn in report.html (most recently active first).")] = 50,
    watch: Annotated[Path | None, typer.Option("--watch", help="Keep digesting files as they land in this directory, until Ctrl-C.")] = None,
    interval: Annotated[float, typer.Option("--interval", min=0.1, help="Seconds between looks at the --watch directory.")] = 5.0,
    wait: Annotated[float, typer.Option("--wait", min=0, help="Seconds to wait for another run writing the same store.")] = 3600.0,
) -> None:
    """Digest pages into articles, actors, events, stories; write DIR/digest.json and friends."""
    from thoisu.runner import StoreLocked, digest_paths
    from thoisu.runner import watch as watch_dir

    if scheduler and dask_local:
        raise typer.BadParameter("give --scheduler or --dask-local, not both")
    if watch is None and not paths:
        raise typer.BadParameter("give PATHs, or --watch DIR")
    if watch is not None and paths:
        raise typer.BadParameter("give PATHs or --watch DIR, not both")
    kwargs = dict(workers=workers, scheduler=scheduler, dask_local=dask_local,
                  report_threads=report_threads, lock_wait=wait)
    try:
        if watch is not None:
            if not watch.is_dir():
                _error_line(f"{watch}: not a directory")
                raise typer.Exit(2)

            def said(result, files) -> None:  # noqa: ANN001
                if not quiet:
                    err.print(f"{len(files)} files: {result.pages_new} new pages, {result.articles} articles stored")

            if not quiet:
                err.print(f"watching {watch} (Ctrl-C to stop)")
            runs = watch_dir(watch, out, db, interval=interval, on_run=said, on_error=_error_line,
                             **kwargs)
            if not quiet:
                err.print(f"stopped after {runs} runs")
            return
        with _progress(quiet) as progress:
            result = digest_paths(paths or [], out_dir=out, db_path=db, progress=_Bar(progress), **kwargs)
    except StoreLocked as exc:
        _error_line(f"{exc}; try again when it has finished")
        raise typer.Exit(1) from None
    except ConnectionError as exc:  # the Dask scheduler cannot be reached
        _error_line(str(exc))
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        _error_line("interrupted; what was stored stays stored, run again to continue")
        raise typer.Exit(130) from None
    if result.pages_ok == 0:
        _error_line("no page could be digested")
        raise typer.Exit(1)
    if not quiet:
        low = f" ({result.low_quality} kept on a best guess, marked quality=low)" if result.low_quality else ""
        err.print(
            f"{result.pages_ok} pages ({result.pages_new} new), {result.articles_new} new articles{low}, "
            f"{result.articles} stored; {len(result.errors)} skipped. Report: {out / 'report.html'}"
        )


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="Directory to write the tables into.")],
    fmt: Annotated[str, typer.Option("--format", help="parquet, jsonl or csv.")] = "parquet",
    db: Annotated[Path, typer.Option("--db", help="SQLite store.")] = Path("thoisu-out/thoisu.db"),
) -> None:
    """Write articles, entities, events, quotes and stories as Parquet, JSONL or CSV tables."""
    from thoisu.export import FORMATS, export_store

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if not db.exists():
        _error_line(f"{db}: no such store")
        raise typer.Exit(1)
    written = export_store(db, out_dir, fmt)
    for name, n in written.items():
        err.print(f"{name}: {n} rows")


@app.command()
def reprocess(
    db: Annotated[Path, typer.Option("--db", help="SQLite store.")] = Path("thoisu-out/thoisu.db"),
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes for the per-document stage.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Re-annotate every stored page with this version of thoisu; ids are kept."""
    from thoisu.runner import StoreLocked
    from thoisu.runner import reprocess as run_reprocess

    if not db.exists():
        _error_line(f"{db}: no such store")
        raise typer.Exit(1)
    try:
        with _progress(quiet) as progress:
            result = run_reprocess(db, workers=workers, progress=_Bar(progress))
    except StoreLocked as exc:
        _error_line(f"{exc}; try again when it has finished")
        raise typer.Exit(1) from None
    if not quiet:
        err.print(f"{result.pages_ok} pages re-annotated, {result.articles} articles; {len(result.errors)} problems")


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="SQLite store.")] = Path("thoisu-out/thoisu.db"),
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="THOISU_TOKEN", help="Token for writes (uploads); none: read-only.")] = None,
) -> None:
    """Serve the web app: search, threads, stories, actors, events, uploads."""
    from thoisu.web import serve as run_server

    run_server(str(db), host=host, port=port, token=token)


@app.command()
def summarize(
    paths: Annotated[list[str] | None, typer.Argument(help="Pages to summarise together.")] = None,
    clusters: Annotated[Path | None, typer.Option("--clusters", help="Clusters in the ../shared/mds JSONL format.")] = None,
    max_words: Annotated[int, typer.Option("--max-words", min=1, help="Word budget.")] = 200,
) -> None:
    """Print one multi-document summary of PATHs, or one JSON line per cluster with --clusters."""
    from thoisu.stories.summarize import summarize_cluster

    if clusters is not None:
        if paths:
            raise typer.BadParameter("give PATHs or --clusters, not both")
        try:
            fh = clusters.open(encoding="utf-8")
        except OSError as exc:
            _error_line(f"{clusters}: {exc.strerror or exc}")
            raise typer.Exit(1) from None
        with fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    cluster = json.loads(line)
                    summary = summarize_cluster(cluster, max_words)
                except (ValueError, KeyError, TypeError) as exc:
                    _error_line(f"{clusters}: line {n}: not a cluster record ({exc})")
                    continue
                print(json.dumps({"id": cluster.get("id"), "summary": summary}, ensure_ascii=False))
        return
    if not paths:
        raise typer.BadParameter("give PATHs or --clusters FILE")
    from thoisu.runner import summarize_pages

    text, errors = summarize_pages(paths, max_words)
    for e in errors:
        _error_line(e)
    if text is None:
        raise typer.Exit(1)
    print(text)


if __name__ == "__main__":  # pragma: no cover
    app()
