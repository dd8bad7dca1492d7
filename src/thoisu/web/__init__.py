"""thoisu serve: search and follow the news in a browser, and a JSON API.

``create_app(db_path, token)`` builds the FastAPI app; ``serve`` runs it on uvicorn."""

from __future__ import annotations

from thoisu.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the store at ``db`` until interrupted. Without a token, ingest is off."""
    import uvicorn

    app = create_app(db, token)
    print(f"thoisu: serving {db} on http://{host}:{port}/ "
          f"({'writes need the token' if token else 'read-only: no token set'})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
