"""thoisu serve: the store as a web app (Jinja2 pages) and a JSON API under /api
(routes and shapes: CONTRACT.md, "Web app and API").

Every page is a few indexed queries (queries.py) on a read-only connection per
worker thread; the only writer is the ingest job (jobs.py), which runs the digest.
Swagger UI loads from a CDN, so /docs is a small local renderer of /openapi.json."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from thoisu.models import PLOVER_TYPES, Event
from thoisu.store import VERSION, Store, records
from thoisu.web import charts, queries, security, views
from thoisu.web.jobs import Jobs

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
PAGE_SIZE = 50

try:  # the lead's shared helper, once it lands; the same rule meanwhile
    from thoisu.report.writers import csv_safe
except ImportError:  # pragma: no cover - depends on the report package's version

    def csv_safe(value: Any) -> Any:
        """A cell a spreadsheet would read as a formula gets a leading quote."""
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
        return value


try:
    from thoisu.report.writers import EVENT_CSV_FIELDS
except ImportError:  # pragma: no cover
    EVENT_CSV_FIELDS = ("id", "type", "mode", "actors", "actor_names", "actor_countries",
                        "recipients", "recipient_names", "recipient_countries", "location",
                        "location_name", "date", "date_text", "negated", "hypothetical", "future",
                        "article", "line", "text")


# --------------------------------------------------------------------------- templates


def _snippet(text: str | None) -> Markup:
    """An FTS snippet: escaped, then its match marks turned into <mark>."""
    safe = str(escape(text or ""))
    return Markup(safe.replace(queries.SNIP_OPEN, "<mark>").replace(queries.SNIP_CLOSE, "</mark>"))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["snippet"] = _snippet
    env.globals["PLOVER_TYPES"] = PLOVER_TYPES
    return env


# --------------------------------------------------------------------------- parameters


def _opt(value: str | None) -> str | None:
    """HTML forms send empty fields as ''; they mean 'no filter'."""
    return value.strip() if value and value.strip() else None


def _event_type(value: str | None) -> str | None:
    value = _opt(value)
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise HTTPException(422, f"type: not a PLOVER event type: {value[:40]!r} "
                                 f"(one of {', '.join(PLOVER_TYPES)})")
    return value.upper()


def _country(value: str | None) -> str | None:
    value = _opt(value)
    if value is None:
        return None
    if len(value) != 3 or not value.isascii() or not value.isalpha():
        raise HTTPException(422, f"country: expected an ISO 3166-1 alpha-3 code, got {value[:20]!r}")
    return value.upper()


def _flag(value: str | None, what: str) -> bool | None:
    value = _opt(value)
    if value is None:
        return None
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise HTTPException(422, f"{what}: expected 1 or 0, got {value[:20]!r}")


def _date(value: str | None, what: str) -> str | None:
    value = _opt(value)
    security.day_of(value, what)
    return value


Limit = Annotated[int, Query(ge=1, le=200, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=100_000)]


# --------------------------------------------------------------------------- app


def create_app(db_path: str, token: str | None = None, *,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD) -> FastAPI:
    """The web app over the store at db_path (created empty if missing). Writes
    (ingest) need ``token``; without one they answer 403."""
    db_path = str(db_path)
    if _needs_writer(db_path):  # create the store, or bring its schema forward, once
        with Store(db_path):
            pass
    app = FastAPI(title="thoisu", version="1", docs_url=None, redoc_url=None,
                  description="Search and follow Vietnamese news: articles, stories, threads, "
                              "actors, PLOVER events. Writes need 'Authorization: Bearer TOKEN'.")
    app.state.token = token or None
    app.state.db_path = db_path
    conns = queries.Connections(db_path)
    jobs = Jobs(db_path)
    app.state.jobs = jobs
    templates = Jinja2Templates(env=_env())
    app.add_middleware(security.LimitsAndHeaders, max_body=max_upload_bytes)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def db() -> Any:
        return conns.get()

    def page(request: Request, name: str, code: int = 200, **ctx: Any) -> HTMLResponse:
        ctx.setdefault("writes", app.state.token is not None)
        return templates.TemplateResponse(request, name, ctx, status_code=code)

    # ------------------------------------------------------------------ errors

    def _is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        return page(request, "error.html.j2", exc.status_code, status=exc.status_code,
                    detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        msgs = [f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
                for e in exc.errors()]
        if _is_api(request):
            return JSONResponse({"detail": "; ".join(msgs)}, status_code=422)
        return page(request, "error.html.j2", 422, status=422, detail="; ".join(msgs))

    # ------------------------------------------------------------------ home

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home_page(request: Request, p: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
        data = queries.home(db(), PAGE_SIZE, (p - 1) * PAGE_SIZE)
        return page(request, "home.html.j2", d=data, p=p, page_size=PAGE_SIZE)

    # ------------------------------------------------------------------ search

    def _entity_param(value: str | None, what: str, by_name: bool = False) -> str | None:
        """An entity id (a merged one resolved to the entity it became); the HTML forms
        also take a name, matched to the most mentioned actor so named."""
        value = _opt(value)
        if value is None:
            return None
        if len(value) > 200:
            raise HTTPException(422, f"{what}: at most 200 characters")
        live = queries.resolve_entity(db(), value) if security.is_id(value) else None
        if live is None and by_name:
            found = queries.find_entities(db(), value, 1)
            if not found:
                raise HTTPException(422, f"{what}: no actor named {value[:80]!r}")
            live = found[0]["id"]
        if live is None:
            return security.check_id(value, what)  # well-formed but unknown: matches nothing
        return live

    def _search_filters(q: str, exact: str | None, date_from: str | None, date_to: str | None,
                        outlet: str | None, actor: str | None, type_: str | None,
                        by_name: bool = False) -> queries.SearchFilters:
        if len(q) > 500:
            raise HTTPException(422, "q: at most 500 characters")
        is_exact = _flag(exact, "exact") or False
        f = queries.SearchFilters(match=security.fts_query(q, is_exact), exact=is_exact)
        f.day_from = security.day_of(_opt(date_from), "from")
        f.day_to = security.day_of(_opt(date_to), "to")
        f.outlet = _opt(outlet)
        if f.outlet and len(f.outlet) > 200:
            raise HTTPException(422, "outlet: at most 200 characters")
        f.actor = _entity_param(actor, "actor", by_name)
        f.event_type = _event_type(type_)
        return f

    @app.get("/api/search", tags=["search"])
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="words to find; "
                                "diacritic-insensitive unless exact=1")],
        exact: Annotated[str | None, Query(description="1: diacritics must match")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        outlet: str | None = None,
        actor: Annotated[str | None, Query(description="entity id")] = None,
        type: Annotated[str | None, Query(description="PLOVER event type")] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        f = _search_filters(q, exact, date_from, date_to, outlet, actor, type)
        total, rows = queries.search(db(), f, limit, offset)
        for r in rows:
            r["snippet"] = (r["snippet"] or "").replace(queries.SNIP_OPEN, "").replace(
                queries.SNIP_CLOSE, "")
            r.pop("duplicate_of", None)
        return {"total": total, "results": rows}

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, q: str = "", exact: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        outlet: str | None = None, actor: str | None = None, type: str | None = None,
        p: Annotated[int, Query(ge=1, le=500)] = 1,
    ) -> Response:
        form = {"q": q, "exact": _opt(exact), "from": _opt(date_from) or "",
                "to": _opt(date_to) or "", "outlet": _opt(outlet) or "", "actor": _opt(actor) or "",
                "type": _opt(type) or ""}
        ctx: dict[str, Any] = {"form": form, "outlets": queries.outlets(db(), app.state.db_path)}
        if q.strip():
            f = _search_filters(q, exact, date_from, date_to, outlet, actor, type, by_name=True)
            if f.actor:
                ctx["actor_name"] = (queries.entity_names(db(), [f.actor]).get(f.actor) or {}).get("name")
            total, rows = queries.search(db(), f, 20, (p - 1) * 20)
            ctx.update(total=total, groups=queries.group_by_story(db(), rows), p=p,
                       pages=(total + 19) // 20,
                       actors=queries.find_entities(db(), q.strip(), 5) if p == 1 else [])
        return page(request, "search.html.j2", **ctx)

    # ------------------------------------------------------------------ records (API)

    def _need(value: Any, what: str, ident: str) -> Any:
        if value is None:
            raise HTTPException(404, f"no {what} {ident!r}")
        return value

    @app.get("/api/articles/{article_id}", tags=["records"])
    def api_article(article_id: str) -> dict[str, Any]:
        security.check_id(article_id)
        art = _need(queries.article(db(), article_id), "article", article_id)
        return art.contract_dict()

    @app.get("/api/stories/{story_id}", tags=["records"])
    def api_story(story_id: str) -> dict[str, Any]:
        security.check_id(story_id)
        return _need(records.load_story(db(), story_id), "story", story_id).to_dict()

    @app.get("/api/threads/{thread_id}", tags=["records"])
    def api_thread(thread_id: str) -> dict[str, Any]:
        security.check_id(thread_id)
        return _need(records.load_thread(db(), thread_id), "thread", thread_id).to_dict()

    @app.get("/api/actors/{actor_id}", tags=["records"])
    def api_actor(actor_id: str, limit: Annotated[int, Query(ge=1, le=5000,
                  description="at most this many events and quotes (newest first)")] = 500
                  ) -> dict[str, Any]:
        """The Entity plus its events and quotes; a merged id answers with the entity it became."""
        security.check_id(actor_id)
        live = _need(queries.resolve_entity(db(), actor_id), "actor", actor_id)
        return queries.actor_record(db(), live, limit) or {}

    # ------------------------------------------------------------------ events

    def _event_filters(type_: str | None, actor: str | None, recipient: str | None,
                       country: str | None, date_from: str | None, date_to: str | None,
                       negated: str | None, hypothetical: str | None, future: str | None,
                       story: str | None = None, by_name: bool = False) -> queries.EventFilters:
        def ent(value: str | None, what: str) -> str | None:
            return _entity_param(value, what, by_name)

        story = _opt(story)
        if story:
            security.check_id(story, "story")
        return queries.EventFilters(
            type=_event_type(type_), actor=ent(actor, "actor"), recipient=ent(recipient, "recipient"),
            country=_country(country), date_from=_date(date_from, "from"), date_to=_date(date_to, "to"),
            negated=_flag(negated, "negated"), hypothetical=_flag(hypothetical, "hypothetical"),
            future=_flag(future, "future"), story=story)

    def _csv_rows(f: queries.EventFilters, limit: int | None) -> Iterator[str]:
        # a connection of its own: the stream is read on other threads, after the route
        conn = queries.connect(db_path)
        try:
            yield from _csv_lines(conn, queries.iter_events(conn, f, limit))
        finally:
            conn.close()

    def _json_rows(f: queries.EventFilters, total: int, limit: int | None,
                   offset: int) -> Iterator[str]:
        """{"total": N, "events": [...]} written as it is read: the API's shape, any size."""
        conn = queries.connect(db_path)
        try:
            yield '{"total": %d, "events": [' % total  # noqa: UP031 - JSON braces
            for i, ev in enumerate(queries.iter_events(conn, f, limit, offset)):
                yield ("," if i else "") + "\n" + json.dumps(ev.to_dict(), ensure_ascii=False)
            yield "\n]}\n"
        finally:
            conn.close()

    def _csv_lines(conn: Any, events: Iterator[Event]) -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=EVENT_CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        yield buf.getvalue()
        batch: list[Event] = []

        def flush() -> str:
            names = queries.entity_names(conn, views.entity_ids(batch))
            buf.seek(0)
            buf.truncate()
            for ev in batch:
                writer.writerow({k: csv_safe(v) for k, v in _flat_event(ev, names).items()})
            batch.clear()
            return buf.getvalue()

        for ev in events:
            batch.append(ev)
            if len(batch) >= 500:
                yield flush()
        if batch:
            yield flush()

    @app.get("/api/events", tags=["events"])
    def api_events(
        type: Annotated[str | None, Query(description="PLOVER type")] = None,
        actor: Annotated[str | None, Query(description="entity id (as actor)")] = None,
        recipient: Annotated[str | None, Query(description="entity id (as recipient)")] = None,
        country: Annotated[str | None, Query(description="ISO3 of any participant")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        negated: Annotated[str | None, Query(description="1 or 0")] = None,
        hypothetical: Annotated[str | None, Query(description="1 or 0")] = None,
        future: Annotated[str | None, Query(description="1 or 0")] = None,
        story: Annotated[str | None, Query(description="story id")] = None,
        limit: Annotated[int | None, Query(ge=1, le=100_000, description=(
            "rows (json: default 50, at most 1000 unless download=1; csv: default all)"))] = None,
        offset: Offset = 0,
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
        download: Annotated[str | None, Query(description=(
            "1: every filtered row (json too), streamed as an attachment"))] = None,
    ) -> Response:
        f = _event_filters(type, actor, recipient, country, date_from, date_to, negated,
                           hypothetical, future, story)
        if format == "json" and _flag(download, "download"):
            total, _ = queries.events(db(), f, 1, 0)
            return StreamingResponse(
                _json_rows(f, total, limit, offset), media_type="application/json",
                headers={"Content-Disposition": 'attachment; filename="events.json"'})
        if format == "csv":
            if offset:
                raise HTTPException(422, "offset: not used with format=csv (it streams every row)")
            return StreamingResponse(
                _csv_rows(f, limit), media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="events.csv"'})
        n = limit or PAGE_SIZE
        if n > 1000:
            raise HTTPException(422, "limit: at most 1000 with format=json (use format=csv for more)")
        total, evs = queries.events(db(), f, n, offset)
        return JSONResponse({"total": total, "events": [e.to_dict() for e in evs]})

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request, type: str | None = None, actor: str | None = None,
        recipient: str | None = None, country: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        negated: str | None = None, hypothetical: str | None = None, future: str | None = None,
        story: str | None = None, p: Annotated[int, Query(ge=1, le=2000)] = 1,
    ) -> Response:
        f = _event_filters(type, actor, recipient, country, date_from, date_to, negated,
                           hypothetical, future, story, by_name=True)
        total, evs = queries.events(db(), f, PAGE_SIZE, (p - 1) * PAGE_SIZE)
        names = queries.entity_names(db(), views.entity_ids(evs) | {x for x in (f.actor, f.recipient) if x})
        form = {"type": f.type or "", "actor": f.actor or "", "recipient": f.recipient or "",
                "country": f.country or "", "from": f.date_from or "", "to": f.date_to or "",
                "negated": _opt(negated) or "", "hypothetical": _opt(hypothetical) or "",
                "future": _opt(future) or "", "story": f.story or ""}
        query = {k: v for k, v in form.items() if v}
        return page(request, "events.html.j2", total=total, p=p, pages=(total + PAGE_SIZE - 1) // PAGE_SIZE,
                    events=[views.event_view(e, names) for e in evs], form=form, query=query,
                    names=names)

    # ------------------------------------------------------------------ pages of records

    def _event_views(evs: list[Event]) -> list[dict[str, Any]]:
        names = queries.entity_names(db(), views.entity_ids(evs))
        return [views.event_view(e, names) for e in evs]

    def _owner_page(request: Request, kind: str, ident: str) -> Response:
        d = db()
        security.check_id(ident)
        if kind == "thread":
            row = _need(queries.thread_row(d, ident), "thread", ident)
            rec = records.load_thread(d, ident)
            stories = queries.stories_of_thread(d, ident)
        else:
            row = _need(queries.story_row(d, ident), "story", ident)
            rec = records.load_story(d, ident)
            stories = [row]
        sids = [s["id"] for s in stories]
        parts = queries.participants_of_stories(d, sids)
        names = queries.entity_names(d, {e for _, _, a, r in parts for e in (*a, *r)})
        titles = {a: t for a, t in d.execute(
            "SELECT id, title FROM articles WHERE id IN (SELECT article FROM summaries WHERE owner = ?) "
            "OR id IN (SELECT article FROM timeline WHERE owner = ?)", (ident, ident))}
        return page(request, "owner.html.j2", kind=kind, row=row, rec=rec, stories=stories,
                    articles=queries.story_articles(d, sids), titles=titles,
                    timeline=charts.timeline(rec.timeline if rec else []),
                    network=charts.network(parts, names))

    @app.get("/threads/{thread_id}", response_class=HTMLResponse, include_in_schema=False)
    def thread_page(request: Request, thread_id: str) -> Response:
        return _owner_page(request, "thread", thread_id)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        return _owner_page(request, "story", story_id)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        d = db()
        security.check_id(article_id)
        art = _need(queries.article(d, article_id), "article", article_id)
        evs = queries.article_events(d, art)
        ev_lines: dict[int, list[str]] = {}
        for ev in evs:
            ev_lines.setdefault(ev.line, []).append(ev.type)
        key_entity = queries.mention_entities(d, {m.key for m in art.mentions})
        story = queries.story_row(d, art.story_id) if art.story_id else None
        quotes = queries.article_quotes(d, art.duplicate_of or art.id)
        speakers = queries.entity_names(d, {q.speaker for q in quotes if q.speaker})
        return page(request, "article.html.j2", art=art, paras=views.segments(art, key_entity, ev_lines),
                    events=_event_views(evs), quotes=quotes, speakers=speakers, story=story)

    @app.get("/articles/{article_id}/raw", response_class=HTMLResponse, include_in_schema=False)
    def raw_page(request: Request, article_id: str) -> Response:
        d = db()
        security.check_id(article_id)
        row = _need(queries.article_row(d, article_id), "article", article_id)
        lines = _need(queries.raw_lines(d, row), "stored page for article", article_id)
        return page(request, "raw.html.j2", row=row, lines=lines)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str) -> Response:
        d = db()
        security.check_id(actor_id)
        live = _need(queries.resolve_entity(d, actor_id), "actor", actor_id)
        if live != actor_id:  # a merged id: the entity it became
            return RedirectResponse(f"/actors/{live}", status_code=301)
        data = queries.actor(d, live)
        evs = [e for r in ("actor", "recipient") for e in data["roles"][r]["events"]]
        names = queries.entity_names(d, views.entity_ids(evs) | {e for e, _ in data["counterparts"]})
        roles = {r: {"total": v["total"], "events": [views.event_view(e, names) for e in v["events"]]}
                 for r, v in data["roles"].items()}
        return page(request, "actor.html.j2", d=data, ent=data["entity"], roles=roles, names=names,
                    chart=charts.bars(data["months"]))

    # ------------------------------------------------------------------ ingest

    async def _read_upload(request: Request) -> tuple[list[tuple[str, bytes]], list[str], str | None]:
        """Files from a multipart form or a JSON body; (accepted, errors, form token)."""
        accepted: list[tuple[str, bytes]] = []
        errors: list[str] = []
        form_token = None
        ctype = request.headers.get("content-type", "")
        items: list[tuple[str | None, bytes | str | None]] = []
        if ctype.startswith("application/json"):
            try:
                body = json.loads(await request.body())
            except ValueError:
                raise HTTPException(422, "body: not valid JSON") from None
            pages = body.get("pages") if isinstance(body, dict) else None
            if not isinstance(pages, list):
                raise HTTPException(422, 'body: expected {"pages": [{"name": str, "text": str}]}')
            for i, p in enumerate(pages):
                if not isinstance(p, dict) or not isinstance(p.get("text"), str):
                    errors.append(f"pages[{i}]: expected {{\"name\": str, \"text\": str}}")
                    continue
                items.append((p.get("name") if isinstance(p.get("name"), str) else None, p["text"]))
        elif ctype.startswith("multipart/form-data"):
            form = await request.form(max_files=1000)
            tok = form.get("token")
            form_token = tok if isinstance(tok, str) and tok else None
            for _key, value in form.multi_items():
                if hasattr(value, "read"):
                    items.append((value.filename, await value.read()))
        else:
            raise HTTPException(415, "send multipart/form-data files or JSON {\"pages\": [...]}")
        for name, content in items:
            try:
                safe = security.safe_upload_name(name)
            except ValueError as exc:
                errors.append(str(exc))
                continue
            data = content.encode("utf-8") if isinstance(content, str) else (content or b"")
            if not data.strip():
                errors.append(f"{safe}: empty file")
                continue
            accepted.append((safe, data))
        return accepted, errors, form_token

    @app.post("/api/pages", status_code=202, tags=["ingest"])
    async def api_pages(request: Request) -> JSONResponse:
        """Upload pages (multipart files, or JSON {"pages": [{"name", "text"}]}); they are
        digested in the background: follow GET /api/jobs/{id}."""
        security.check_token(app.state.token, security.bearer(request))
        accepted, errors, _ = await _read_upload(request)
        if not accepted:
            return JSONResponse({"detail": "no page could be accepted", "errors": errors}, 422)
        job = jobs.submit(accepted, errors)
        return JSONResponse({"job": job.id, "accepted": len(accepted), "errors": errors}, 202)

    @app.get("/api/jobs/{job_id}", tags=["ingest"])
    def api_job(job_id: str) -> dict[str, Any]:
        security.check_id(job_id)
        return _need(jobs.get(job_id), "job", job_id).to_dict()

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request) -> Response:
        return page(request, "ingest.html.j2", max_bytes=max_upload_bytes)

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_post(request: Request) -> Response:
        # the form carries the token in a field (a browser form cannot set the header);
        # it doubles as the form's CSRF guard
        accepted, errors, form_token = await _read_upload(request)
        security.check_token(app.state.token, form_token or security.bearer(request))
        if not accepted:
            return page(request, "ingest.html.j2", 422, max_bytes=max_upload_bytes, errors=errors)
        job = jobs.submit(accepted, errors)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> Response:
        security.check_id(job_id)
        job = _need(jobs.get(job_id), "job", job_id)
        titles = {}
        if job.new_articles:
            titles = {a: t for a, t in db().execute(
                f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(job.new_articles))})",
                job.new_articles)}
        return page(request, "job.html.j2", job=job.to_dict(), titles=titles)

    # ------------------------------------------------------------------ docs

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> Response:
        return page(request, "docs.html.j2", spec=app.openapi())

    return app


def _needs_writer(db_path: str) -> bool:
    """A store that exists at the current schema is opened read-only (it may sit on a
    read-only disk, and a digest may be holding the write lock)."""
    if not Path(db_path).exists():
        return True
    import sqlite3

    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0] != VERSION
    finally:
        db.close()


def _flat_event(ev: Event, names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One events.csv row: ids with names and countries written out beside them."""
    def col(ids: list[str], key: str) -> str:
        return ";".join(str((names.get(i) or {}).get(key) or ("" if key == "country" else i)) for i in ids)

    loc = names.get(ev.location) if ev.location else None
    return {
        "id": ev.id, "type": ev.type, "mode": ev.mode or "", "actors": ";".join(ev.actors),
        "actor_names": col(ev.actors, "name"), "actor_countries": col(ev.actors, "country"),
        "recipients": ";".join(ev.recipients), "recipient_names": col(ev.recipients, "name"),
        "recipient_countries": col(ev.recipients, "country"), "location": ev.location or "",
        "location_name": loc["name"] if loc else "", "date": ev.date.value if ev.date else "",
        "date_text": ev.date.text if ev.date else "", "negated": ev.negated,
        "hypothetical": ev.hypothetical, "future": ev.future, "article": ev.article,
        "line": ev.line, "text": ev.text,
    }
