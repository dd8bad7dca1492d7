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
from .sniff import EXTENSIONS, sniff
from .text import read_text

_NO_PAGES = "directory holds no pages ({})".format(", ".join(EXTENSIONS))


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


def _walk(directory: str) -> Iterator[str]:
    """Page files under a directory, recursively, in sorted order; hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in EXTENSIONS:
                yield os.path.join(root, name)


def read_inputs(
    paths: Iterable[str], *, max_bytes: int = 20_000_000
) -> Iterator[Page | InputError]:
    """Pages from files (.txt, .html/.htm, .jsonl), directories (recursive) and "-" (stdin).

    Yields an InputError (one printable line) for each input that cannot be read and goes on.
    Files given directly with another extension are read by content, like stdin.
    """
    if isinstance(paths, str):  # a single path passed by mistake is not a list of characters
        paths = [paths]
    for path in paths:
        if path == "-":
            yield from _read_one("-", lambda: _read_stdin(max_bytes), None)
        elif os.path.isdir(path):
            found = False
            for file in _walk(path):
                found = True
                fmt = EXTENSIONS[os.path.splitext(file)[1].lower()]
                yield from _read_one(file, lambda f=file: _read_bytes(f, max_bytes), fmt)
            if not found:
                yield InputError(path, _NO_PAGES)
        else:
            fmt = EXTENSIONS.get(os.path.splitext(path)[1].lower())
            yield from _read_one(path, lambda p=path: _read_bytes(p, max_bytes), fmt)
