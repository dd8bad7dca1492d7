"""Do a growing story's events come out as if merged again from all its articles? The
vims-dev documents (annotated once, cached by eval/threads_eval.py) go through the real
store and corpus stage in N runs twice: as shipped (a story that grows merges its stored
events with the new reports) and with the stored events ignored (every growing story
merged again from all its articles, as before). Prints how many events are identical.

    .venv/bin/python eval/events_incremental.py [--runs 40]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from order_independence import digest
from threads_eval import CACHE, load_articles

import thoisu.corpus as corpus


def events(arts: list, runs: int, db: Path) -> tuple[dict[str, dict], float]:
    t = time.process_time()
    digest(arts, runs, db)
    cpu = time.process_time() - t
    con = sqlite3.connect(db)
    out = {json.loads(j)["id"]: json.loads(j) for (j,) in con.execute("SELECT json FROM events")}
    con.close()
    return out, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    arts = [(c, a) for c, a in load_articles(CACHE, args.workers) if c.startswith("vims")]
    with tempfile.TemporaryDirectory() as tmp:
        inc, c_inc = events(arts, args.runs, Path(tmp) / "inc.db")
        shipped = corpus._stored_events
        corpus._stored_events = lambda *a, **k: None  # type: ignore[assignment]
        try:
            full, c_full = events(arts, args.runs, Path(tmp) / "full.db")
        finally:
            corpus._stored_events = shipped  # type: ignore[assignment]
    same = sum(1 for k in inc.keys() & full.keys() if inc[k] == full[k])
    print(f"vims-dev in {args.runs} runs: {len(inc)} events merged incrementally, {len(full)} merged "
          f"again from all articles; {same} identical, {len(inc.keys() & full.keys())} share an id")
    print(f"CPU: incremental {c_inc:.1f} s, from all articles {c_full:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
