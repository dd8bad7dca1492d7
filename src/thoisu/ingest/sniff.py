"""Which reader suits an input: by extension for files, by content for stdin and others."""

from __future__ import annotations

import json
import os
import re

from .decode import decode_bytes, split_newlines
from .errors import Rejected

EXTENSIONS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
# crawls, read record by record (never whole): compound suffixes, so not os.path.splitext
CRAWL_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|article|main|div|p|meta|title)\b", re.I)


def file_format(name: str) -> str | None:
    """The reader a file name asks for ("txt", "html", "jsonl", "warc"), or None."""
    lower = name.lower()
    if lower.endswith(CRAWL_SUFFIXES):
        return "warc"
    return EXTENSIONS.get(os.path.splitext(lower)[1])


def looks_like_html(text: str) -> bool:
    """True when decoded text starts like an HTML document or fragment."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    return head.startswith("<") and _HTML.search(head) is not None


def _is_jsonl(text: str) -> bool:
    seen = False
    for line in split_newlines(text):
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except json.JSONDecodeError:
            return False
        seen = True
    return seen


def sniff(raw: bytes) -> str:
    """'jsonl' if every non-blank line is a JSON object, 'html' if it looks like HTML, else 'txt'."""
    try:
        text = decode_bytes(raw, html=True)
    except Rejected:
        return "txt"  # the text reader reports why it cannot be read
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith("{") and _is_jsonl(text):
        return "jsonl"
    if looks_like_html(head):
        return "html"
    return "txt"
