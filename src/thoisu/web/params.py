"""Request parameters as the queries need them: HTML forms send empty fields for 'no
filter', ids are checked before they reach a query, names of actors are looked up,
and every bad value is a 422 with a message naming the parameter."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from thoisu.models import PLOVER_TYPES
from thoisu.web import queries, security

Offset = Annotated[int, Query(ge=0, le=100_000)]


def db(request: Request) -> sqlite3.Connection:
    """This worker thread's read-only connection to the app's store."""
    return request.app.state.conns.get()


def need(value: Any, what: str, ident: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no {what} {ident!r}")
    return value


def opt(value: str | None) -> str | None:
    """HTML forms send empty fields as ''; they mean 'no filter'."""
    return value.strip() if value and value.strip() else None


def event_type(value: str | None) -> str | None:
    value = opt(value)
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise HTTPException(422, f"type: not a PLOVER event type: {value[:40]!r} "
                                 f"(one of {', '.join(PLOVER_TYPES)})")
    return value.upper()


def country(value: str | None) -> str | None:
    value = opt(value)
    if value is None:
        return None
    if len(value) != 3 or not value.isascii() or not value.isalpha():
        raise HTTPException(422, f"country: expected an ISO 3166-1 alpha-3 code, got {value[:20]!r}")
    return value.upper()


def flag(value: str | None, what: str) -> bool | None:
    value = opt(value)
    if value is None:
        return None
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise HTTPException(422, f"{what}: expected 1 or 0, got {value[:20]!r}")


def date(value: str | None, what: str) -> str | None:
    value = opt(value)
    security.day_of(value, what)
    return value


def entity(conn: sqlite3.Connection, value: str | None, what: str, by_name: bool = False) -> str | None:
    """An entity id (a merged one resolved to the entity it became); the HTML forms
    also take a name, matched to the most mentioned actor so named."""
    value = opt(value)
    if value is None:
        return None
    if len(value) > 200:
        raise HTTPException(422, f"{what}: at most 200 characters")
    live = queries.resolve_entity(conn, value) if security.is_id(value) else None
    if live is None and by_name:
        found = queries.find_entities(conn, value, 1)
        if not found:
            raise HTTPException(422, f"{what}: no actor named {value[:80]!r}")
        live = found[0]["id"]
    if live is None:
        return security.check_id(value, what)  # well-formed but unknown: matches nothing
    return live


def search_filters(conn: sqlite3.Connection, q: str, exact: str | None, date_from: str | None,
                   date_to: str | None, outlet: str | None, actor: str | None, type_: str | None,
                   by_name: bool = False) -> queries.SearchFilters:
    if len(q) > 500:
        raise HTTPException(422, "q: at most 500 characters")
    is_exact = flag(exact, "exact") or False
    f = queries.SearchFilters(match=security.fts_query(q, is_exact), exact=is_exact)
    f.day_from = security.day_of(opt(date_from), "from")
    f.day_to = security.day_of(opt(date_to), "to")
    f.outlet = opt(outlet)
    if f.outlet and len(f.outlet) > 200:
        raise HTTPException(422, "outlet: at most 200 characters")
    f.actor = entity(conn, actor, "actor", by_name)
    f.event_type = event_type(type_)
    return f


def event_filters(conn: sqlite3.Connection, type_: str | None, actor: str | None,
                  recipient: str | None, country_: str | None, date_from: str | None,
                  date_to: str | None, negated: str | None, hypothetical: str | None,
                  future: str | None, story: str | None = None,
                  by_name: bool = False) -> queries.EventFilters:
    story = opt(story)
    if story:
        security.check_id(story, "story")
    return queries.EventFilters(
        type=event_type(type_), actor=entity(conn, actor, "actor", by_name),
        recipient=entity(conn, recipient, "recipient", by_name), country=country(country_),
        date_from=date(date_from, "from"), date_to=date(date_to, "to"),
        negated=flag(negated, "negated"), hypothetical=flag(hypothetical, "hypothetical"),
        future=flag(future, "future"), story=story)
