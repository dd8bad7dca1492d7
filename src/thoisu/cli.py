"""The command line: a thin layer over the library (see CONTRACT.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="thoisu: raw Vietnamese news pages in; clean articles, actors, events, stories out.",
)
err = Console(stderr=True, highlight=False)


def _error_line(msg: str) -> None:
    # one plain line per bad input, never a traceback
    print(f"thoisu: {msg}", file=sys.stderr, flush=True)


@app.command()
def digest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .htm, .jsonl), directories, or - for stdin.")],
    out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("thoisu-out"),
    db: Annotated[Path | None, typer.Option("--db", help="SQLite store (default OUT/thoisu.db).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes for the per-document stage.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Digest pages into articles, actors, events, stories; write DIR/digest.json and friends."""
    from thoisu.runner import digest_paths

    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} pages"),
        TimeElapsedColumn(), console=err, disable=quiet, transient=True,
    )
    with progress:
        task = progress.add_task("digesting", total=None)
        result = digest_paths(
            paths, out_dir=out, db_path=db, workers=workers, on_error=_error_line,
            on_page=lambda _p: progress.advance(task),
        )
    if result.pages_ok == 0:
        _error_line("no page could be digested")
        raise typer.Exit(1)
    if not quiet:
        err.print(
            f"{result.pages_ok} pages ({result.pages_new} new), {result.articles} articles stored; "
            f"{len(result.errors)} skipped. Report: {out / 'report.html'}"
        )


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
