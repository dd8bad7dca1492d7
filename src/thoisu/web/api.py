"""The JSON API under /api (CONTRACT.md, "Web app and API"): records, search, events
(JSON, CSV) and ingest. Unknown ids answer 404 and bad parameters 422, each with
{"detail": ...} (app.py turns every error into that shape under /api)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from thoisu.store import records
from thoisu.web import exports, params, queries, security
from thoisu.web.params import Offset, db, need
from thoisu.web.uploads import read_upload

router = APIRouter(prefix="/api")
_DETAIL = {"content": {"application/json": {"example": {"detail": "..."}}}}
NOT_FOUND: dict[int | str, dict] = {404: {"description": "unknown id", **_DETAIL}}
WRITES: dict[int | str, dict] = {
    401: {"description": "no or wrong token", **_DETAIL},
    403: {"description": "writes disabled: the server has no token", **_DETAIL},
    413: {"description": "upload too large", **_DETAIL},
    422: {"description": "no page could be accepted (errors: one line per file)", **_DETAIL},
}
JSON_MAX = 1000  # events per JSON page; download=1 or format=csv for more
EVENTS_PAGE = 50


@router.get("/search", tags=["search"])
def search(
    request: Request,
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
    """Articles by relevance, with a snippet of the text around the words."""
    conn = db(request)
    f = params.search_filters(conn, q, exact, date_from, date_to, outlet, actor, type)
    total, rows = queries.search(conn, f, limit, offset)
    for r in rows:
        r["snippet"] = (r["snippet"] or "").replace(queries.SNIP_OPEN, "").replace(
            queries.SNIP_CLOSE, "")
        r.pop("duplicate_of", None)
    return {"total": total, "results": rows}


@router.get("/articles/{article_id}", responses=NOT_FOUND, tags=["records"])
def article(request: Request, article_id: str) -> dict[str, Any]:
    security.check_id(article_id)
    return need(queries.article(db(request), article_id), "article", article_id).contract_dict()


@router.get("/stories/{story_id}", responses=NOT_FOUND, tags=["records"])
def story(request: Request, story_id: str) -> dict[str, Any]:
    """The Story; the id of a story merged into another answers with that one."""
    security.check_id(story_id)
    conn = db(request)
    story_id = records.story_target(conn, story_id) or story_id
    return need(records.load_story(conn, story_id), "story", story_id).to_dict()


@router.get("/threads/{thread_id}", responses=NOT_FOUND, tags=["records"])
def thread(request: Request, thread_id: str) -> dict[str, Any]:
    """The Thread; an id left when its lone story joined another thread answers with that one."""
    security.check_id(thread_id)
    conn = db(request)
    thread_id = records.thread_target(conn, thread_id) or thread_id
    return need(records.load_thread(conn, thread_id), "thread", thread_id).to_dict()


@router.get("/actors/{actor_id}", responses=NOT_FOUND, tags=["records"])
def actor(request: Request, actor_id: str, limit: Annotated[int, Query(
        ge=1, le=5000, description="at most this many events and quotes (newest first)")] = 500,
) -> dict[str, Any]:
    """The Entity plus its events and quotes; a merged id answers with the entity it became."""
    security.check_id(actor_id)
    conn = db(request)
    live = need(queries.resolve_entity(conn, actor_id), "actor", actor_id)
    return queries.actor_record(conn, live, limit) or {}


@router.get("/events", tags=["events"])
def events(
    request: Request,
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
    """Events, newest first, filtered; as JSON pages or every row as CSV (events.csv)."""
    conn = db(request)
    f = params.event_filters(conn, type, actor, recipient, country, date_from, date_to, negated,
                             hypothetical, future, story)
    db_path = request.app.state.db_path
    if format == "json" and params.flag(download, "download"):
        total, _ = queries.events(conn, f, 1, 0)
        return StreamingResponse(
            exports.json_rows(db_path, f, total, limit, offset), media_type="application/json",
            headers={"Content-Disposition": 'attachment; filename="events.json"'})
    if format == "csv":
        if offset:
            raise HTTPException(422, "offset: not used with format=csv (it streams every row)")
        return StreamingResponse(
            exports.csv_rows(db_path, f, limit), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'})
    n = limit or EVENTS_PAGE
    if n > JSON_MAX:
        raise HTTPException(422, f"limit: at most {JSON_MAX} with format=json "
                                 "(download=1 or format=csv for every row)")
    total, evs = queries.events(conn, f, n, offset)
    return JSONResponse({"total": total, "events": [e.to_dict() for e in evs]})


@router.post("/pages", status_code=202, responses=WRITES, tags=["ingest"])
async def pages(request: Request) -> JSONResponse:
    """Upload pages (multipart files, or JSON {"pages": [{"name", "text"}]}) with
    'Authorization: Bearer TOKEN'; they are digested in the background: follow
    GET /api/jobs/{id}."""
    security.check_token(request.app.state.token, security.bearer(request))
    accepted, errors, _ = await read_upload(request)
    if not accepted:
        return JSONResponse({"detail": "no page could be accepted", "errors": errors}, 422)
    job = request.app.state.jobs.submit(accepted, errors)
    return JSONResponse({"job": job.id, "accepted": len(accepted), "errors": errors}, 202)


@router.get("/jobs/{job_id}", responses=NOT_FOUND, tags=["ingest"])
def job(request: Request, job_id: str) -> dict[str, Any]:
    security.check_id(job_id)
    return need(request.app.state.jobs.get(job_id), "job", job_id).to_dict()
