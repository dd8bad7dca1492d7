"""Which reader suits an input: by extension for files, by content for stdin and others."""

from __future__ import annotations

import json
import re

from .decode import decode_bytes, split_newlines
from .errors import Rejected

EXTENSIONS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|article|main|div|p|meta|title)\b", re.I)


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
    if head.startswith("<") and _HTML.search(head):
        return "html"
    return "txt"
