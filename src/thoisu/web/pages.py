"""The HTML pages, rendered on the server (Jinja2, autoescaped): home, search, thread,
story, article and its raw page, actor, events, ingest and its jobs, and /docs (the
OpenAPI spec rendered here: FastAPI's own docs page loads Swagger UI from a CDN)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from thoisu.models import PLOVER_TYPES, Event
from thoisu.report import charts
from thoisu.store import records
from thoisu.web import feeds, params, queries, security, views
from thoisu.web.jobs import UPLOAD_PREFIX
from thoisu.web.params import db, need, opt
from thoisu.web.uploads import read_upload

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE_SIZE = 50
SEARCH_PAGE = 20


def _snippet(text: str | None) -> Markup:
    """An FTS snippet: escaped, then its match marks turned into <mark>."""
    safe = str(escape(text or ""))
    return Markup(safe.replace(queries.SNIP_OPEN, "<mark>").replace(queries.SNIP_CLOSE, "</mark>"))


def _page_label(path: str | None) -> str:
    """A page's input path as a reader wants it: an upload's temporary folder (jobs.py)
    is noise, its file name is not."""
    path = path or ""
    if f"/{UPLOAD_PREFIX}" in path:
        return "uploaded: " + path.rsplit("/", 1)[-1]
    return path


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["snippet"] = _snippet
    env.filters["page_label"] = _page_label
    env.globals["PLOVER_TYPES"] = PLOVER_TYPES
    return env


templates = Jinja2Templates(env=_env())


def render(request: Request, name: str, code: int = 200, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("writes", request.app.state.token is not None)
    return templates.TemplateResponse(request, name, ctx, status_code=code)


def _event_views(conn: Any, evs: list[Event]) -> list[dict[str, Any]]:
    names = queries.entity_names(conn, views.entity_ids(evs))
    return [views.event_view(e, names) for e in evs]


@router.get("/")
def home(request: Request, p: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    data = queries.home(db(request), PAGE_SIZE, (p - 1) * PAGE_SIZE)
    return render(request, "home.html.j2", d=data, p=p, page_size=PAGE_SIZE)


@router.get("/search")
def search(
    request: Request, q: str = "", exact: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    outlet: str | None = None, actor: str | None = None, type: str | None = None,
    p: Annotated[int, Query(ge=1, le=500)] = 1,
) -> Response:
    conn = db(request)
    form = {"q": q, "exact": opt(exact), "from": opt(date_from) or "", "to": opt(date_to) or "",
            "outlet": opt(outlet) or "", "actor": opt(actor) or "", "type": opt(type) or ""}
    ctx: dict[str, Any] = {"form": form, "outlets": queries.outlets(conn, request.app.state.db_path)}
    if q.strip():
        f = params.search_filters(conn, q, exact, date_from, date_to, outlet, actor, type,
                                  by_name=True)
        if f.actor:
            ctx["actor_name"] = (queries.entity_names(conn, [f.actor]).get(f.actor) or {}).get("name")
        total, rows = queries.search(conn, f, SEARCH_PAGE, (p - 1) * SEARCH_PAGE)
        ctx.update(total=total, groups=queries.group_by_story(conn, rows), p=p,
                   pages=(total + SEARCH_PAGE - 1) // SEARCH_PAGE,
                   actors=queries.find_entities(conn, q.strip(), 5) if p == 1 else [])
    return render(request, "search.html.j2", **ctx)


@router.get("/events")
def events(
    request: Request, type: str | None = None, actor: str | None = None,
    recipient: str | None = None, country: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    negated: str | None = None, hypothetical: str | None = None, future: str | None = None,
    story: str | None = None, p: Annotated[int, Query(ge=1, le=2000)] = 1,
) -> Response:
    conn = db(request)
    f = params.event_filters(conn, type, actor, recipient, country, date_from, date_to, negated,
                             hypothetical, future, story, by_name=True)
    total, evs = queries.events(conn, f, PAGE_SIZE, (p - 1) * PAGE_SIZE)
    names = queries.entity_names(conn, views.entity_ids(evs) | {x for x in (f.actor, f.recipient) if x})
    form = {"type": f.type or "", "actor": f.actor or "", "recipient": f.recipient or "",
            "country": f.country or "", "from": f.date_from or "", "to": f.date_to or "",
            "negated": opt(negated) or "", "hypothetical": opt(hypothetical) or "",
            "future": opt(future) or "", "story": f.story or ""}
    query = {k: v for k, v in form.items() if v}
    return render(request, "events.html.j2", total=total, p=p,
                  pages=(total + PAGE_SIZE - 1) // PAGE_SIZE,
                  events=[views.event_view(e, names) for e in evs], form=form, query=query,
                  names=names)


def _owner(request: Request, kind: str, ident: str) -> Response:
    """A thread or a story: summary, timeline, network, articles with copies folded."""
    conn = db(request)
    security.check_id(ident)
    if kind == "thread":
        if (moved := records.thread_target(conn, ident)) is not None:  # its story joined another thread
            return RedirectResponse(f"/threads/{moved}", status_code=301)
        row = need(queries.thread_row(conn, ident), "thread", ident)
        rec = records.load_thread(conn, ident)
        stories = queries.stories_of_thread(conn, ident)
    else:
        if (into := records.story_target(conn, ident)) is not None:  # merged into another story
            return RedirectResponse(f"/stories/{into}", status_code=301)
        row = need(queries.story_row(conn, ident), "story", ident)
        rec = records.load_story(conn, ident)
        stories = [row]
    sids = [s["id"] for s in stories]
    parts = queries.participants_of_stories(conn, sids)
    names = queries.entity_names(conn, {e for _, _, a, r in parts for e in (*a, *r)})
    return render(request, "owner.html.j2", kind=kind, row=row, rec=rec, stories=stories,
                  articles=queries.story_articles(conn, sids),
                  titles=queries.titles_cited(conn, ident),
                  timeline=charts.timeline(rec.timeline if rec else []),
                  network=charts.network(parts, names))


@router.get("/threads/{thread_id}")
def thread(request: Request, thread_id: str) -> Response:
    return _owner(request, "thread", thread_id)


_ATOM = "application/atom+xml; charset=utf-8"


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/feed.xml")
def feed(request: Request) -> Response:
    """The threads by latest activity, as an Atom feed to follow in a feed reader."""
    return Response(feeds.threads_feed(db(request), _base(request)), media_type=_ATOM)


@router.get("/threads/{thread_id}/feed.xml")
def thread_feed(request: Request, thread_id: str) -> Response:
    """One thread's stories, the latest changed first (Atom)."""
    conn = db(request)
    security.check_id(thread_id)
    if (moved := records.thread_target(conn, thread_id)) is not None:
        return RedirectResponse(f"/threads/{moved}/feed.xml", status_code=301)
    body = need(feeds.thread_feed(conn, _base(request), thread_id), "thread", thread_id)
    return Response(body, media_type=_ATOM)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str) -> Response:
    return _owner(request, "story", story_id)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> Response:
    conn = db(request)
    security.check_id(article_id)
    art = need(queries.article(conn, article_id), "article", article_id)
    evs = queries.article_events(conn, art)
    ev_lines: dict[int, list[str]] = {}
    for ev in evs:
        ev_lines.setdefault(ev.line, []).append(ev.type)
    key_entity = queries.mention_entities(conn, {m.key for m in art.mentions})
    quotes = queries.article_quotes(conn, art.duplicate_of or art.id)
    return render(request, "article.html.j2", art=art,
                  paras=views.segments(art, key_entity, ev_lines), events=_event_views(conn, evs),
                  quotes=quotes,
                  speakers=queries.entity_names(conn, {q.speaker for q in quotes if q.speaker}),
                  story=queries.story_row(conn, art.story_id) if art.story_id else None)


@router.get("/articles/{article_id}/raw")
def raw(request: Request, article_id: str) -> Response:
    conn = db(request)
    security.check_id(article_id)
    row = need(queries.article_row(conn, article_id), "article", article_id)
    lines = need(queries.raw_lines(conn, row), "stored page for article", article_id)
    return render(request, "raw.html.j2", row=row, lines=lines)


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: str) -> Response:
    conn = db(request)
    security.check_id(actor_id)
    live = need(queries.resolve_entity(conn, actor_id), "actor", actor_id)
    if live != actor_id:  # a merged id: the entity it became
        return RedirectResponse(f"/actors/{live}", status_code=301)
    data = queries.actor(conn, live)
    evs = [e for r in ("actor", "recipient") for e in data["roles"][r]["events"]]
    names = queries.entity_names(conn, views.entity_ids(evs) | {e for e, _ in data["counterparts"]})
    roles = {r: {"total": v["total"], "events": [views.event_view(e, names) for e in v["events"]]}
             for r, v in data["roles"].items()}
    return render(request, "actor.html.j2", d=data, ent=data["entity"], roles=roles, names=names,
                  chart=charts.bars(data["months"]))


@router.get("/ingest")
def ingest(request: Request) -> Response:
    return render(request, "ingest.html.j2", max_bytes=request.app.state.max_upload_bytes)


@router.post("/ingest")
async def ingest_post(request: Request) -> Response:
    # the form carries the token in a field (a browser form cannot set the header);
    # it doubles as the form's CSRF guard
    accepted, errors, form_token = await read_upload(request)
    security.check_token(request.app.state.token, form_token or security.bearer(request))
    if not accepted:
        return render(request, "ingest.html.j2", 422, max_bytes=request.app.state.max_upload_bytes,
                      errors=errors)
    job = request.app.state.jobs.submit(accepted, errors)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: str) -> Response:
    security.check_id(job_id)
    found = need(request.app.state.jobs.get(job_id), "job", job_id)
    return render(request, "job.html.j2", job=found.to_dict(),
                  titles=queries.titles(db(request), found.new_articles))


@router.get("/docs")
def docs(request: Request) -> Response:
    return render(request, "docs.html.j2", spec=request.app.openapi())
