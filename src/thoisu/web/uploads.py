"""Reading an upload: files of a multipart form, or JSON {"pages": [{"name", "text"}]}.
Each file that cannot be taken gets one line saying why; the rest go to a job."""

from __future__ import annotations

import json

from fastapi import HTTPException, Request

from thoisu.web import security


async def read_upload(request: Request) -> tuple[list[tuple[str, bytes]], list[str], str | None]:
    """(accepted (name, bytes), one error line per refused file, the form's token field)."""
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
                errors.append(f'pages[{i}]: expected {{"name": str, "text": str}}')
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
        raise HTTPException(415, 'send multipart/form-data files or JSON {"pages": [...]}')
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
