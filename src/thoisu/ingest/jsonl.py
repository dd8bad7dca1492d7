"""JSONL records: one article per line with ``text`` (required) and optional metadata.

Each record becomes one Page whose lines all carry the JSONL line number of the record (the
input file's line). A bad line yields an InputError for that line; the others go on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from ..models import Page, SourceLine
from .decode import clean_text, decode_bytes, split_newlines
from .errors import InputError, Rejected

META_FIELDS = ("title", "url", "published", "outlet", "author")
_MAX_PENDING = 1000  # bad lines held back while no good record has been seen


def _record_lines(rec: dict[str, Any], line_no: int) -> list[SourceLine]:
    text = rec["text"]
    parts = [p for p in (clean_text(x).strip() for x in text.split("\n")) if p]
    lead = rec.get("lead")
    # a separate lead (sapo) is part of the article: put it first unless the text starts with it
    if isinstance(lead, str) and (lead := clean_text(lead).strip()) and not (
        parts and parts[0].startswith(lead[:40])
    ):
        parts.insert(0, lead)
    return [SourceLine(p, line_no) for p in parts]


def _has_text(rec: Any) -> bool:
    return isinstance(rec, dict) and isinstance(rec.get("text"), str) and bool(rec["text"].strip())


def parse_records(text: str) -> Iterator[tuple[int, str, dict[str, Any] | str]]:
    """(line number, raw line, record or error reason) for every non-blank line.

    A line holding a cluster of documents ({"documents": [{"text": ...}, ...]}, the format
    of news-cluster corpora) gives one record per document, all on that line.
    """
    for n, line in enumerate(split_newlines(text), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, line, f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})"
            continue
        docs = rec.get("documents") if isinstance(rec, dict) else None
        if not isinstance(rec, dict):
            yield n, line, f"line {n}: not a JSON object"
        elif _has_text(rec):
            yield n, line, rec
        elif isinstance(docs, list) and docs and all(_has_text(d) for d in docs):
            for d in docs:
                yield n, line, d
        else:
            yield n, line, f"line {n}: record has no 'text'"


def read_jsonl(path: str, raw: bytes) -> Iterator[Page | InputError]:
    text = decode_bytes(raw)
    if not text.strip():
        raise Rejected("empty file")
    index = 0
    # bad lines before the first good record wait: a file with no record at all (not JSONL)
    # is reported in one line, not one per line
    pending: list[str] | None = []
    skipped = 0  # bad lines beyond the kept ones, when very many come first
    for n, _line, rec in parse_records(text):
        record = index
        index += 1
        if isinstance(rec, str):
            if pending is None:
                yield InputError(path, rec)
            elif len(pending) < _MAX_PENDING:
                pending.append(rec)
            else:
                skipped += 1
            continue
        if pending:
            yield from (InputError(path, reason) for reason in pending)
            if skipped:
                yield InputError(path, f"{skipped} more bad lines before line {n}")
        pending = None
        lines = _record_lines(rec, n)
        meta = {k: clean_text(str(rec[k])).strip() for k in META_FIELDS
                if rec.get(k) not in (None, "")}
        # keyed by content, not position: a record moved or a line added above it is
        # still the same page (stored once); the same record twice is one page. The record
        # itself, not its line: a cluster line holds several documents
        canon = json.dumps(rec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        sha = hashlib.sha256(canon.encode("utf-8")).hexdigest()
        yield Page(path=path, lines=lines, sha=sha, fmt="jsonl", meta=meta, record=record)
    if pending:
        if len(pending) == 1:
            yield InputError(path, pending[0])
        else:
            bad = len(pending) + skipped
            yield InputError(path, f"no JSON records ({bad} bad lines; first: {pending[0]})")
