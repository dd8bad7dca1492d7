"""Documents of ../shared/mds for the actor training scripts, the actors gold set's
clusters held out (eval/gold/select.py picks them; training must not see them)."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("abmusu-train.jsonl", "abmusu-validation.jsonl", "vims-dev.jsonl")


def gold_clusters() -> set[str]:
    """Ids of the clusters the actors gold set is drawn from."""
    spec = importlib.util.spec_from_file_location("gold_select", ROOT / "eval/gold/select.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return {c for cs in mod.CLUSTERS.values() for c in cs}


def documents(mds: Path, max_docs: int) -> Iterator[dict]:
    """The first ``max_docs`` documents of every mds file, gold clusters skipped."""
    held = gold_clusters()
    n = 0
    for name in FILES:
        with open(mds / name, encoding="utf-8") as fh:
            for line in fh:
                cluster = json.loads(line)
                if cluster["id"] in held:
                    continue
                for doc in cluster["documents"]:
                    if n >= max_docs:
                        return
                    n += 1
                    yield doc
