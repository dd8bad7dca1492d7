"""WARC and ARC crawls (.warc, .warc.gz, .arc, .arc.gz): HTML response records become Pages.

Streamed record by record with warcio: memory depends on the largest record read (at most
``max_bytes``), never on the size of the file. Each page is named ``FILE#OFFSET`` (the
record's byte offset, so ``warcio extract FILE OFFSET`` shows it); its line numbers are
those of the HTML payload. The record's URL and WARC-Date are kept as crawl metadata
(``meta["url"]``, ``meta["crawled"]``): the date a page was fetched is not the date it was
published, so it is never stored where the cleaner looks for one ("published", "date").

Records that never hold a document (warcinfo, request, metadata, revisit) are passed over
silently; responses that are no HTML page (redirects, errors, images, scripts) are
counted in one line per file. A record that should have been a page and is not (HTML
declared but binary or markup-free payload, undecodable text, too large, truncated, a
corrupt gzip member) is reported in one line, and reading goes on with the next record.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..models import Page
from .decode import decode_bytes
from .errors import InputError, Rejected
from .html import read_html
from .sniff import looks_like_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = ("response", "resource")  # records that carry a fetched document
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_CHUNK = 1 << 20


def _too_large(size: int, limit: int) -> str:
    return f"record too large ({size / 1e6:.1f} MB > {limit / 1e6:g} MB limit)"


def _media_type(value: str | None) -> str | None:
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


class _Skipped:
    """Records that are not pages, counted by reason: one summary line per file."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, reason: str) -> None:
        self.counts[reason] += 1

    def line(self, path: str) -> InputError | None:
        if not self.counts:
            return None
        total = sum(self.counts.values())
        kinds = ", ".join(f"{r} {n}" for r, n in self.counts.most_common(6))
        more = ", ..." if len(self.counts) > 6 else ""
        noun = "record" if total == 1 else "records"
        return InputError(path, f"{total} {noun} skipped, not HTML pages ({kinds}{more})")


def _not_a_page(record: Any) -> str | None:
    """Why a record is not a page (counted, not reported; "" for records that never hold a
    document: warcinfo, request, metadata, revisit), or None for a page."""
    rtype = record.rec_type
    if rtype not in _PAGE_RECORDS:
        return ""
    http = record.http_headers
    if http is not None and rtype == "response":
        status = http.get_statuscode()
        if not (status and status.startswith("2")):
            return f"HTTP {status or '?'}"
        declared = _media_type(http.get_header("Content-Type"))
    else:
        declared = _media_type(record.rec_headers.get_header("Content-Type"))
    if declared and declared not in _HTML_TYPES and not declared.startswith("application/http"):
        return declared
    return None


def _payload(record: Any, max_bytes: int) -> bytes:
    """The payload (transfer and content encodings undone), refused when above max_bytes
    without reading it all: the iterator skips the rest in small blocks."""
    length = record.length or 0
    if length > max_bytes + 65536:  # record length includes the HTTP headers
        raise Rejected(_too_large(length, max_bytes))
    try:
        raw = record.content_stream().read(max_bytes + 1)
    except (zlib.error, EOFError, OSError, ValueError) as exc:
        raise Rejected(f"cannot read payload ({type(exc).__name__})") from exc
    if len(raw) > max_bytes:
        raise Rejected(_too_large(len(raw), max_bytes))
    try:
        while record.raw_stream.read(65536):  # what decoding left (a gzip trailer, say)
            pass
    except (zlib.error, EOFError, OSError, ValueError) as exc:
        raise Rejected(f"cannot read payload ({type(exc).__name__})") from exc
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record declares
        raise Rejected("truncated record, skipped")
    if not raw.strip():
        raise Rejected("empty payload")
    return raw


def _check_html(raw: bytes) -> None:
    """Declared HTML (or undeclared) must be HTML: binary or markup-free payloads are not."""
    try:
        text = decode_bytes(raw, html=True)
    except Rejected as exc:
        if exc.reason.startswith("binary"):
            raise Rejected("not HTML (binary payload)") from exc
        raise
    if not looks_like_html(text):
        raise Rejected("not HTML (payload has no HTML markup)")


def _page(record: Any, name: str, max_bytes: int) -> Page:
    raw = _payload(record, max_bytes)
    _check_html(raw)
    page = read_html(name, raw)  # sha: content hash of the payload, so re-runs skip it
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    if url:
        if page.meta.get("url") and page.meta["url"] != url:
            page.meta["canonical"] = page.meta["url"]  # the page's own <link rel=canonical>
        page.meta["url"] = url
    if crawled:
        page.meta["crawled"] = crawled  # never "published"/"date": a fetch is no publication
    page.fmt = "warc"
    return page


def _resync(fh: IO[bytes], start: int, gz: bool) -> Iterator[int]:
    """Offsets after ``start`` where a record may begin: gzip member headers in a compressed
    crawl, "WARC/1.x" lines in a plain one. Read in blocks, so memory stays flat."""
    pattern = re.compile(re.escape(_GZIP_MAGIC)) if gz else _WARC_START
    pos, last = start + 1, start
    while True:
        fh.seek(pos)
        block = fh.read(_CHUNK)
        for m in pattern.finditer(block):
            at = pos + m.start(m.lastindex or 0)
            if at > last:
                last = at
                yield at
        if len(block) < _CHUNK:
            return
        pos += len(block) - 16  # overlap: a marker may straddle two blocks


def _truncated(gz: bool) -> str:
    return "truncated gzip member, skipped" if gz else "truncated record, skipped"


# what a record becomes: a page, an error line, or the reason it is no page ("" to pass
# it over silently), counted once the record has been read to its end without a fault
Item = Page | InputError | str
Handler = Callable[[int, Any], Item]
_READ_ERRORS = (zlib.error, EOFError, OSError, ValueError)


def _finish(it: Any, record: Any) -> str | None:
    """Read to the end of the current record: None when it ended where its Content-Length
    said, else why not (warcio prints a warning of its own on stderr for a length that
    does not match: the record gets our one line instead)."""
    warned = it.err_count
    with contextlib.redirect_stderr(io.StringIO()):
        it.read_to_end()
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside the record
        return "truncated record, skipped"
    if it.err_count != warned:
        return "record length does not match its Content-Length, skipped"
    return None


class _Damaged(Exception):
    """A record header that warcio parsed but that cannot be a whole one."""


def _header_ok(record: Any) -> bool:
    return record.rec_type is not None and record.length is not None


def _records(fh: IO[bytes], path: str, gz: bool, arc: bool, handle: Handler) -> Iterator[Item]:
    """What ``handle(offset, record)`` makes of every readable record; a corrupt stretch
    gives one InputError and reading resumes at the next record boundary found after it."""
    from warcio.archiveiterator import ArchiveIterator

    size = os.fstat(fh.fileno()).st_size
    offset = fh.tell()
    seen = 0  # records read so far
    while True:
        fh.seek(offset)
        it = ArchiveIterator(fh, arc2warc=arc)
        end = bad = offset  # bad: where the record being read starts
        reported = None  # offset of the record whose error line is out already
        overrun = None  # offset of a record that did not end where its length said
        try:
            for record in it:
                bad = it.offset
                if not _header_ok(record):
                    raise _Damaged("record header cut short or damaged")
                item = handle(bad, record)
                seen += 1
                try:
                    fault = _finish(it, record)
                except Exception:
                    if not isinstance(item, str):  # its payload was whole: what follows is bad
                        reported = bad if isinstance(item, InputError) else None
                        yield item
                    raise
                if fault and not (isinstance(item, InputError) and "truncated" in item.reason):
                    item = InputError(f"{path}#{bad}", fault)
                overrun = bad if fault else None
                end = bad = it.offset
                yield item
            if overrun is None:
                # warcio ends quietly when the last record's header was cut off: bytes left
                # after the last whole record are a truncated one
                fh.seek(end)
                if end < size and fh.read(64).strip():
                    yield InputError(f"{path}#{end}", _truncated(gz))
                return
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
            if gz and "non-chunked gzip" in str(exc):  # `gzip crawl.warc`: one member for all
                yield from _whole_gzip(fh, path, arc, seen, handle)
                return
            if overrun is None and reported != bad:  # else: the bad record's own leftovers
                kind = "corrupt or truncated gzip member" if gz else "corrupt record"
                detail = str(exc) if isinstance(exc, _Damaged) else type(exc).__name__
                yield InputError(f"{path}#{bad}", f"{kind} ({detail}), skipped")
        # find the next place where a whole record parses; candidates that do not are
        # stray marker bytes inside compressed data. After a record that overran its
        # length, look from that record on: it may have swallowed the start of the next.
        for candidate in _resync(fh, bad if overrun is None else overrun, gz):
            fh.seek(candidate)
            try:
                if not _header_ok(next(iter(ArchiveIterator(fh, arc2warc=arc)))):
                    continue
            except Exception:  # noqa: BLE001 - any failure means "not a record start"
                continue
            offset = candidate
            break
        else:
            return


def _whole_gzip(fh: IO[bytes], path: str, arc: bool, skip: int, handle: Handler) -> Iterator[Item]:
    """A crawl gzipped as one stream (not a member per record): read through one
    decompressor, offsets being those of the decompressed crawl. The first ``skip``
    records were read already. No record boundary can be found again after damage."""
    import gzip

    from warcio.archiveiterator import ArchiveIterator

    fh.seek(0)
    it = ArchiveIterator(gzip.GzipFile(fileobj=fh, mode="rb"), arc2warc=arc)
    bad = 0
    try:
        for n, record in enumerate(it):
            bad = it.offset
            if n >= skip:
                item = handle(bad, record)
                fault = _finish(it, record)
                if fault:
                    yield InputError(f"{path}#{bad}", fault.replace("skipped", "rest of file skipped"))
                    return
                yield item
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
        yield InputError(f"{path}#{bad}", f"corrupt or truncated gzip stream ({type(exc).__name__}), "
                                          "rest of file skipped")


def read_warc(path: str, *, max_bytes: int = 20_000_000) -> Iterator[Page | InputError]:
    """Pages from the HTML records of one WARC/ARC file; InputErrors for bad records."""
    name = os.path.basename(path).lower()
    arc = name.endswith((".arc", ".arc.gz"))
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the last record
    except OSError as exc:
        from .walk import _os_reason

        yield InputError(path, _os_reason(exc))
        return
    with fh:
        gz = fh.read(2) == _GZIP_MAGIC[:2]
        fh.seek(0)
        skipped = _Skipped()

        def handle(offset: int, record: Any) -> Item:
            why = _not_a_page(record)
            if why is not None:
                return why
            label = f"{path}#{offset}"
            try:
                return _page(record, label, max_bytes)
            except Rejected as exc:
                url = record.rec_headers.get_header("WARC-Target-URI")
                return InputError(label, f"{exc.reason}{f' ({url})' if url else ''}")
            except Exception as exc:  # noqa: BLE001 - damaged headers fail inside warcio too
                return InputError(label, f"cannot read record ({type(exc).__name__}), skipped")

        for item in _records(fh, path, gz, arc, handle):
            if not isinstance(item, str):
                yield item
            elif item:
                skipped.add(item)
        summary = skipped.line(path)
        if summary is not None:
            yield summary
