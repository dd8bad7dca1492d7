"""What keeps page text, query strings and uploads from doing harm: the response
headers (a strict CSP: no inline script or style, nothing from another origin), the
write token, the upload size limit, and the checks on ids, dates and FTS queries.

Every check here answers a bad value with a 4xx and a message a user can act on;
SQL is never built from user input (queries.py passes values as parameters)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import unicodedata
from datetime import date

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thoisu.store.records import fts_fold
from thoisu.text import unify_tones

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# ids are hash prefixes with '-', 's-', 't-', 'E-' and a few separators; anything else
# (slashes, '..', NUL, spaces) is refused before it reaches a query or a path
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_:.\-]{0,199}$"
_ID = re.compile(ID_PATTERN)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".arc", ".arc.gz")


def is_id(value: str) -> bool:
    return bool(_ID.match(value)) and ".." not in value


def check_id(value: str, what: str = "id") -> str:
    if not is_id(value):
        raise HTTPException(422, f"{what}: not a valid id: {value[:80]!r}")
    return value


def day_of(value: str | None, what: str) -> int | None:
    """A YYYY-MM-DD parameter as a day ordinal (the store's ``day`` columns)."""
    if value is None or value == "":
        return None
    try:
        if not re.match(DATE_PATTERN, value):
            raise ValueError
        return date.fromisoformat(value).toordinal()
    except ValueError:
        raise HTTPException(422, f"{what}: expected a date YYYY-MM-DD, got {value[:40]!r}") from None


# --------------------------------------------------------------------------- search


_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')
MAX_TERMS = 32
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # combining grave, acute, tilde, hook, dot below


def tone_variants(word: str) -> list[str]:
    """A word with its tone mark on either vowel of an open oa/oe/uy syllable ("hoá",
    "hóa"): both styles are in use, and exact search should not care which."""
    new = unify_tones(word)
    d = unicodedata.normalize("NFD", new)
    tones = [c for c in d if c in _TONES]
    base = "".join(c for c in d if c not in _TONES)
    out = [word, new]
    if len(tones) == 1 and base.lower().endswith(("oa", "oe", "uy")):
        out.append(unicodedata.normalize("NFC", base + tones[0]))  # tone on the last vowel
    return list(dict.fromkeys(out))


def _string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(text: str, exact: bool = False) -> str:
    """A user's search text as an FTS5 query that cannot be a syntax error: every
    word (or "quoted phrase") becomes an FTS5 string, so NEAR, AND, *, ^, ':' and
    unbalanced quotes in the input are plain text. Terms are ANDed.

    Diacritic-insensitive mode folds 'đ' as the index did (fts_fold); the tokenizer
    removes the other marks on both sides. Exact mode keeps the marks but takes both
    placements of a tone in oa/oe/uy syllables."""
    text = unicodedata.normalize("NFC", text)
    if not exact:
        text = fts_fold(text)
    words: list[str] = []
    terms: list[str] = []
    quoted = False
    for phrase, word in _TERM.findall(text):
        term = (phrase or word).strip()
        quoted = quoted or bool(phrase)
        # a term without a letter or digit tokenizes to nothing; FTS5 would reject it
        if not term or not any(ch.isalnum() for ch in term):
            continue
        words.append(term)
        variants = tone_variants(term) if exact and not phrase else [term]
        terms.append(" OR ".join(map(_string, variants)) if len(variants) == 1
                     else "(" + " OR ".join(map(_string, variants)) + ")")
    if not terms:
        raise HTTPException(422, "q: the query has no word to search for")
    if len(terms) > MAX_TERMS:
        raise HTTPException(422, f"q: at most {MAX_TERMS} words")
    every = " AND ".join(terms)  # explicit: FTS5 does not AND a (group) implicitly
    if len(terms) == 1 or quoted:
        return every
    # the words as a phrase too: the same articles match, those with the words side by
    # side rank first ("ai cap" is Ai Cập before "ai ... cấp")
    return f"{_string(' '.join(words))} OR ({every})"


# --------------------------------------------------------------------------- token


def check_token(expected: str | None, given: str | None) -> None:
    """Writes need the server's token; with none set, writes are off. The comparison
    takes the same time whatever the prefix that matches."""
    if expected is None:
        raise HTTPException(
            403, "writes are disabled: start the server with --token or THOISU_TOKEN set"
        )
    # digests first: compare_digest on the raw strings would still tell the length
    ok = given is not None and hmac.compare_digest(
        hashlib.sha256(given.encode()).digest(), hashlib.sha256(expected.encode()).digest())
    if not ok:
        raise HTTPException(
            401, "a valid token is needed: header 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


def bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def safe_upload_name(name: str | None) -> str:
    """The file name of an upload, or ValueError: no directories, no hidden files, a
    known page format. The name only labels the page; it never chooses where a file
    is written (jobs.py numbers them inside a fresh temporary folder)."""
    name = (name or "").strip()
    if not name:
        raise ValueError("(unnamed): a file name is needed")
    if "/" in name or "\\" in name or "\x00" in name or name.startswith(".") or len(name) > 200:
        raise ValueError(f"{name[:80]}: refused file name (no folders or hidden files)")
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ValueError(f"{name}: not a page format ({', '.join(UPLOAD_SUFFIXES)})")
    return name


# --------------------------------------------------------------------------- middleware


class _TooLarge(Exception):
    pass


class LimitsAndHeaders:
    """ASGI middleware: security headers on every response, and a cap on request
    bodies (413), checked on the declared length and again while reading, so a
    chunked upload cannot get past it."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                for k, v in HEADERS.items():
                    if k.lower().encode() not in have:
                        headers.append((k.lower().encode(), v.encode()))
                message["headers"] = headers
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(send_with_headers)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except _TooLarge:
            if started:
                raise
            await self._too_large(send_with_headers)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps(
            {"detail": f"upload too large: at most {self.max_body} bytes per request"}
        ).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
