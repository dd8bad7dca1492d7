"""The vims-dev documents the benchmarks digest (read from ../shared, never copied)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

MDS = Path(__file__).resolve().parents[2] / "shared" / "mds" / "vims-dev.jsonl"


def documents(limit: int) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(cluster, document) pairs of vims-dev in file order, at most ``limit``."""

    def every() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        with MDS.open(encoding="utf-8") as fh:
            for line in fh:
                cluster = json.loads(line)
                for doc in cluster["documents"]:
                    yield cluster, doc

    return islice(every(), limit)
