"""Plain text pages (.txt as crawled): one Page, every non-blank line kept with its number."""

from __future__ import annotations

import hashlib

from ..models import Page
from .decode import decode_bytes, source_lines
from .errors import Rejected


def read_text(path: str, raw: bytes) -> Page:
    lines = source_lines(decode_bytes(raw))
    if not lines:
        raise Rejected("empty file")
    return Page(path=path, lines=lines, sha=hashlib.sha256(raw).hexdigest(), fmt="txt")
