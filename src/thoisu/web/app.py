"""thoisu serve: the store as a web app (Jinja2 pages, pages.py) and a JSON API under
/api (api.py; routes and shapes: CONTRACT.md, "Web app and API").

Every page is a few indexed queries (queries.py) on a read-only connection per
worker thread; the only writer is the ingest job (jobs.py), which runs the digest.
Swagger UI loads from a CDN, so /docs is the OpenAPI spec rendered on the server
(pages.py) and /openapi.json the spec itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from thoisu.store import VERSION, Store
from thoisu.web import api, pages, queries, security
from thoisu.web.jobs import Jobs

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024


def create_app(db_path: str, token: str | None = None, *,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD) -> FastAPI:
    """The web app over the store at db_path (created empty if missing). Writes
    (ingest) need ``token``; without one they answer 403. Requests larger than
    ``max_upload_bytes`` answer 413."""
    db_path = str(db_path)
    if _needs_writer(db_path):  # create the store, or bring its schema forward, once
        with Store(db_path):
            pass
    app = FastAPI(title="thoisu", version="1", docs_url=None, redoc_url=None,
                  description="Search and follow Vietnamese news: articles, stories, threads, "
                              "actors, PLOVER events. Writes need 'Authorization: Bearer TOKEN'.")
    app.state.token = token or None
    app.state.db_path = db_path
    app.state.max_upload_bytes = max_upload_bytes
    app.state.conns = queries.Connections(db_path)
    app.state.jobs = Jobs(db_path)
    app.add_middleware(security.LimitsAndHeaders, max_body=max_upload_bytes)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        return pages.render(request, "error.html.j2", exc.status_code, status=exc.status_code,
                            detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # one line per bad parameter, named as the user wrote it ("from", not "date_from")
        detail = "; ".join(
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in exc.errors())
        if is_api(request):
            return JSONResponse({"detail": detail}, status_code=422)
        return pages.render(request, "error.html.j2", 422, status=422, detail=detail)

    return app


def _needs_writer(db_path: str) -> bool:
    """A store that exists at the current schema is opened read-only (it may sit on a
    read-only disk, and a digest may be holding the write lock)."""
    if not Path(db_path).exists():
        return True
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0] != VERSION
    finally:
        db.close()
