"""Turn the paths a user gives (files, directories, "-") into Pages, one error line per bad input."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Iterator

from ..models import Page
from .errors import InputError, Rejected
from .html import read_html
from .jsonl import read_jsonl
from .sniff import EXTENSIONS, file_format, sniff
from .text import read_text
from .warc import read_warc

# crawls (CRAWL_SUFFIXES) are found too; the message keeps its old wording (tests/test_ingest)
_NO_PAGES = "directory holds no pages ({})".format(", ".join(EXTENSIONS))
_CRAWL_STARTS = (b"WARC/1.", b"filedesc://")


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.1f} MB > {limit / 1e6:g} MB limit)"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return (exc.strerror or str(exc)).lower()


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes; size checked first so a huge file is refused without reading it."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise Rejected(_too_large(size, max_bytes))
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)  # a file may grow between stat and read
    except OSError as exc:
        raise Rejected(_os_reason(exc)) from exc
    if len(raw) > max_bytes:
        raise Rejected(_too_large(len(raw), max_bytes))
    if not raw.strip():
        raise Rejected("empty file")
    return raw


def _read_stdin(max_bytes: int) -> bytes:
    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise Rejected(f"too large (> {max_bytes / 1e6:g} MB limit)")
    if not raw.strip():
        raise Rejected("empty input")
    return raw


def _pages(path: str, raw: bytes, fmt: str) -> Iterator[Page | InputError]:
    if fmt == "jsonl":
        yield from read_jsonl(path, raw)
    elif fmt == "html":
        yield read_html(path, raw)
    else:
        yield read_text(path, raw)


def _read_one(path: str, raw_reader, fmt: str | None) -> Iterator[Page | InputError]:  # noqa: ANN001
    try:
        raw = raw_reader()
        yield from _pages(path, raw, fmt or sniff(raw))
    except Rejected as exc:
        yield InputError(path, exc.reason)


def _is_crawl(path: str) -> bool:
    """A WARC/ARC file under another name: its first bytes (decompressed) say so."""
    import gzip
    import zlib

    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            if head.startswith(b"\x1f\x8b"):
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(16)
    except (OSError, EOFError, zlib.error):
        return False
    return head.startswith(_CRAWL_STARTS)


def _walk(directory: str) -> Iterator[tuple[str, str]]:
    """(path, format) of the page files under a directory, recursively, in sorted order;
    hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            fmt = None if name.startswith(".") else file_format(name)
            if fmt:
                yield os.path.join(root, name), fmt


def _read_file(path: str, fmt: str | None, max_bytes: int) -> Iterator[Page | InputError]:
    if fmt == "warc" or (fmt is None and _is_crawl(path)):
        # streamed record by record: the file size limit applies to each record instead
        yield from read_warc(path, max_bytes=max_bytes)
    else:
        yield from _read_one(path, lambda: _read_bytes(path, max_bytes), fmt)


def read_inputs(
    paths: Iterable[str], *, max_bytes: int = 20_000_000
) -> Iterator[Page | InputError]:
    """Pages from files (.txt, .html/.htm, .jsonl; crawls .warc, .warc.gz, .arc, .arc.gz),
    directories (recursive) and "-" (stdin).

    Yields an InputError (one printable line) for each input that cannot be read, or each
    bad crawl record, and goes on. Files given directly with another extension are read
    by content, like stdin. ``max_bytes`` bounds a file, or one record of a crawl.
    """
    if isinstance(paths, str):  # a single path passed by mistake is not a list of characters
        paths = [paths]
    for path in paths:
        if path == "-":
            yield from _read_one("-", lambda: _read_stdin(max_bytes), None)
        elif os.path.isdir(path):
            found = False
            for file, fmt in _walk(path):
                found = True
                yield from _read_file(file, fmt, max_bytes)
            if not found:
                yield InputError(path, _NO_PAGES)
        else:
            yield from _read_file(path, file_format(path), max_bytes)
