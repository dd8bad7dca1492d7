"""Bytes to clean NFC text: encoding detection, binary detection, character clean-up."""

from __future__ import annotations

import codecs
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from ..models import SourceLine
from ..text import nfc
from .errors import Rejected

_TRIED = "cannot decode text (tried utf-8, utf-16, windows-1258)"
# magic numbers of common binary formats that a crawl directory may hold by mistake
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
          b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"SQLite format 3")
# invisible characters dropped from text: zero-width space/joiners, word joiner, BOM, soft hyphen
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))
# space-like characters shown as an ordinary space
_SPACES = {ord(c): " " for c in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000\t"}
# other control characters (C0 but newline, DEL, C1) carry nothing readable
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")


@cache
def limits() -> dict[str, Any]:
    return json.loads((Path(__file__).with_name("limits.json")).read_text(encoding="utf-8"))


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit at one parity only, as ASCII-heavy UTF-16 does."""
    lim = limits()
    n = len(head) // 2
    if n < 2:
        return None
    even = head[0 : 2 * n : 2].count(0) / n
    odd = head[1 : 2 * n : 2].count(0) / n
    if odd >= lim["utf16_nul_ratio"] and even <= lim["utf16_other_parity_max"]:
        return "utf-16-le"
    if even >= lim["utf16_nul_ratio"] and odd <= lim["utf16_other_parity_max"]:
        return "utf-16-be"
    return None


def _check_binary(head: bytes) -> None:
    lim = limits()
    if head.startswith(_MAGIC) or b"\x00" in head:
        raise Rejected("binary file, not text")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > lim["max_control_ratio"]:
        raise Rejected("binary file, not text")


def _mostly_utf8(raw: bytes) -> bool:
    """True when broken sequences are rare next to valid multi-byte ones (a damaged UTF-8 crawl)."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - broken  # non-ASCII chars decoded
    return valid >= limits()["utf8_valid_per_broken"] * max(broken, 1)


def _declared_charset(raw: bytes) -> str | None:
    m = _CHARSET.search(raw[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(raw: bytes, *, html: bool = False) -> str:
    """Decode raw input bytes to str (not yet cleaned). Raises Rejected for binary/undecodable."""
    head = raw[: limits()["sniff_bytes"]]
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise Rejected(_TRIED) from exc
    enc16 = _utf16_without_bom(head)
    if enc16:
        try:
            return raw.decode(enc16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the binary check below decides
    _check_binary(head)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        return raw.decode("utf-8", errors="replace")
    declared = _declared_charset(raw) if html else None
    for enc in ([declared] if declared and declared != "utf-8" else []) + ["cp1258"]:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return _fallback(raw)


def _fallback(raw: bytes) -> str:
    """Last resort: charset-normalizer's best guess, or give up."""
    from charset_normalizer import from_bytes  # imported lazily: rarely needed

    best = from_bytes(raw).best()
    if best is None:
        raise Rejected(_TRIED)
    return str(best)


def clean_text(text: str) -> str:
    """NFC, no zero-width characters, NBSP and tabs as spaces, no other control characters.

    Spelling is kept as written (tone placement is not unified: that is for matching only).
    """
    text = text.translate(_INVISIBLE).translate(_SPACES)
    return nfc(_CONTROL.sub("", text))


def split_newlines(text: str) -> list[str]:
    """Split decoded text into the file's lines as ``wc -l``/editors number them.

    CRLF counts as one break; a file using bare CR only (old Mac) is split on CR; any other
    stray CR is dropped. Unicode line separators are not breaks (line numbers stay those of
    the file as tools show it).
    """
    text = text.replace("\r\n", "\n")
    cr_only = "\n" not in text
    return text.replace("\r", "\n" if cr_only else "").split("\n")


def source_lines(text: str, *, first_line: int = 1) -> list[SourceLine]:
    """Non-blank cleaned lines with their 1-based line numbers (blank lines leave gaps)."""
    out: list[SourceLine] = []
    for i, line in enumerate(split_newlines(text), start=first_line):
        line = clean_text(line).strip()
        if line:
            out.append(SourceLine(line, i))
    return out
