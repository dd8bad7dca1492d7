"""Atom feeds, to follow the news in a feed reader: the threads by latest activity
(``/feed.xml``) and one thread's stories (``/threads/{id}/feed.xml``). An entry's
``updated`` is when the run that last changed its thread or story finished, so a reader
shows a thread again when new articles join it; its content is the summary's first
sentences."""

from __future__ import annotations

import re
import sqlite3
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
_EPOCH = "1970-01-01T00:00:00Z"


def _clean(text: str | None) -> str:
    return _CONTROL.sub("", text or "")


def _finished(db: sqlite3.Connection, runs: set[int]) -> dict[int, str]:
    if not runs:
        return {}
    marks = ",".join("?" * len(runs))
    return {r: f for r, f in db.execute(
        f"SELECT id, finished FROM runs WHERE id IN ({marks}) AND finished IS NOT NULL", sorted(runs))}


def _summary(db: sqlite3.Connection, owner: str, sentences: int = 3) -> str:
    return " ".join(t for (t,) in db.execute(
        "SELECT text FROM summaries WHERE owner = ? ORDER BY pos LIMIT ?", (owner, sentences)))


def _feed(title: str, self_url: str, home: str, entries: list[tuple[str, str, str, str]]) -> bytes:
    """entries: (url, title, updated, summary), newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _clean(title)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=home)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max((e[2] for e in entries), default=_EPOCH)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "thoisu"
    for url, etitle, updated, summary in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _clean(etitle)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=url)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = updated
        if summary:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = _clean(summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def threads_feed(db: sqlite3.Connection, base: str, limit: int = 50) -> bytes:
    """The ``limit`` threads with the newest articles, as the home page lists them."""
    rows = db.execute("SELECT id, title, updated_run FROM threads ORDER BY last_seq DESC LIMIT ?",
                      (limit,)).fetchall()
    when = _finished(db, {r for _, _, r in rows if r is not None})
    entries = [(f"{base}/threads/{tid}", title, when.get(run, _EPOCH), _summary(db, tid))
               for tid, title, run in rows]
    return _feed("thoisu: threads", f"{base}/feed.xml", f"{base}/", entries)


def thread_feed(db: sqlite3.Connection, base: str, tid: str) -> bytes | None:
    """One thread's stories, the latest changed first; None for an unknown thread."""
    row = db.execute("SELECT title FROM threads WHERE id = ?", (tid,)).fetchone()
    if row is None:
        return None
    stories = db.execute("SELECT id, title, updated_run FROM stories WHERE thread_id = ? "
                         "ORDER BY updated_run DESC, id", (tid,)).fetchall()
    when = _finished(db, {r for _, _, r in stories if r is not None})
    entries = [(f"{base}/stories/{sid}", title, when.get(run, _EPOCH), _summary(db, sid))
               for sid, title, run in stories]
    return _feed(f"thoisu: {row[0]}", f"{base}/threads/{tid}/feed.xml", f"{base}/threads/{tid}", entries)
