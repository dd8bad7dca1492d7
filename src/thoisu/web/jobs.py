"""Ingest jobs: uploaded pages are saved to a temporary folder and digested into the
store in a background thread, one job at a time (the store has one writer)."""

from __future__ import annotations

import inspect
import queue
import shutil
import sqlite3
import tempfile
import threading
import traceback
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_KEPT = 200  # finished jobs remembered for /api/jobs/{id}
UPLOAD_PREFIX = "thoisu-upload-"  # the temporary folder of a job's files


@dataclass(slots=True)
class Job:
    id: str
    files: list[tuple[str, bytes]]  # (safe name, content); dropped once on disk
    state: str = "queued"
    pages: int = 0
    pages_new: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    new_articles: list[str] = field(default_factory=list)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "pages": self.pages, "articles": self.articles,
                "errors": list(self.errors), "pages_new": self.pages_new,
                "new_articles": list(self.new_articles), "note": self.note}


def _digest(paths: list[str], out_dir: str, db_path: str, job: Job) -> Any:
    from thoisu import runner

    params = inspect.signature(runner.digest_paths).parameters
    kwargs: dict[str, Any] = {"out_dir": out_dir, "db_path": db_path}
    # outputs=False: the server's store is the output; no digest.json or report per upload
    if "outputs" in params:
        kwargs["outputs"] = False
    if "progress" in params and hasattr(runner, "Progress"):

        class _Told(runner.Progress):  # type: ignore[name-defined, misc]
            def waiting(self, msg: str) -> None:  # another run holds the store
                job.note = "waiting: another digest is writing the store"

        kwargs["progress"] = _Told()
    return runner.digest_paths(paths, **kwargs)


def _max_seq(db_path: str) -> int:
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _new_articles(db_path: str, run: int | None, after: int) -> list[str]:
    """Articles the job's run stored (by run id; by storage order if the runner gives
    no run id, which a concurrent CLI run could interleave with)."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        if run is not None:
            sql, arg = "SELECT id FROM articles WHERE run = ? ORDER BY seq LIMIT 50", run
        else:
            sql, arg = "SELECT id FROM articles WHERE seq > ? ORDER BY seq LIMIT 50", after
        return [a for (a,) in db.execute(sql, (arg,))]
    finally:
        db.close()


class Jobs:
    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[Job] = queue.Queue()
        self._worker: threading.Thread | None = None

    def submit(self, files: list[tuple[str, bytes]], errors: list[str]) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], files=files, errors=list(errors))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_KEPT:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].state in ("queued", "running"):
                    break
                self._jobs.popitem(last=False)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="thoisu-ingest", daemon=True)
                self._worker.start()
        self._queue.put(job)
        return job

    def get(self, jid: str) -> Job | None:
        with self._lock:
            return self._jobs.get(jid)

    def wait(self, jid: str, timeout: float) -> Job | None:
        """For tests and scripts: block until the job has finished (or timeout)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(jid)
            if job is None or job.state in ("done", "failed"):
                return job
            time.sleep(0.1)
        return self.get(jid)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._process(job)
            finally:
                self._queue.task_done()

    def _process(self, job: Job) -> None:
        job.state = "running"
        tmp = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
        try:
            paths = []
            # the upload's name is a label, never a path (security.safe_upload_name refused
            # folders); a name given twice gets a numbered folder of its own
            for i, (name, content) in enumerate(job.files):
                target = tmp / "pages" / name
                if target.exists():
                    target = tmp / "pages" / f"{i:04d}" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                paths.append(str(target))
            job.files = []
            before = _max_seq(self.db_path)
            result = _digest(paths, str(tmp / "out"), self.db_path, job)
            job.note = None
            job.pages = result.pages_ok
            job.pages_new = result.pages_new
            # the articles this job added (the runner also counts the whole store)
            job.articles = getattr(result, "articles_new", result.articles)
            prefix = str(tmp / "pages") + "/"
            job.errors += [_strip(e, prefix) for e in result.errors]
            job.new_articles = _new_articles(self.db_path, getattr(result, "run", None), before)
            job.state = "done" if result.pages_ok or not paths else "failed"
        except Exception as exc:  # a failed digest is the job's state, not a dead worker
            job.errors.append(f"digest failed: {type(exc).__name__}: {exc}")
            job.state = "failed"
            traceback.print_exc()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _strip(message: str, prefix: str) -> str:
    """An error line with the temporary folder cut away: 'NAME: reason'."""
    out = message.replace(prefix, "")
    # "0003/name.txt: ..." -> "name.txt: ..."
    head, sep, rest = out.partition("/")
    return rest if sep and head.isdigit() else out
