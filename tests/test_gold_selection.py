"""The gold samples' selection scripts still print the articles their gold files hold.

Each sample was drawn by a fixed rule before anything was scored on it; a later gold
that the rule reads (a new events batch, a new actors sample) must not move an earlier
draw, or "reproducible" in the script's docstring stops being true.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import MDS, ROOT

GOLD = ROOT / "eval" / "gold"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"gold_{name}", GOLD / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _articles(rows: list[dict]) -> set[tuple[str, str]]:
    return {(r["cluster"], str(r["doc"])) for r in rows}


def _gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="module")
def mds() -> Path:
    if not MDS.is_dir():
        pytest.skip("../shared/mds not available")
    return MDS


# batches annotated in the selection's order that may stop short of the whole draw: the
# gold must then be exactly the draw's first len(rows) articles, in order (a prefix)
PREFIX_BATCHES = {10, 11, 12}


@pytest.mark.parametrize("batch", [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
def test_events_batches_reproduce(mds: Path, batch: int) -> None:
    drawn = _script("events_select").select(mds, batch)
    held = [g for g in _gold("events.jsonl") if g.get("batch") == batch]
    if batch in PREFIX_BATCHES:
        assert held and len(held) <= len(drawn)
        assert [(g["cluster"], str(g["doc"])) for g in held] == [
            (p["cluster"], str(p["doc"])) for p in drawn[:len(held)]]
        return
    assert held and _articles(drawn) == _articles(held)


@pytest.mark.parametrize("sample", ["dev4", "dev5", "dev6", "dev7"])
def test_actors_samples_reproduce(mds: Path, sample: str) -> None:
    drawn = _script(f"select_{sample}").select(mds)
    assert _articles(drawn) == _articles(_gold(f"actors_{sample}.jsonl"))


@pytest.mark.parametrize("batch", [10, 11, 12])
def test_events_blind_batches_are_new_dev_articles(mds: Path, batch: int) -> None:
    """A blind batch is fixed before it is read: its full draw (BATCH_n pointers) is
    dev-split text only, and no article of it is in any other row of the events gold."""
    sel = _script("events_select")
    drawn = sel.select(mds, batch)
    assert len(drawn) == getattr(sel, f"BATCH_{batch}") == 60
    assert len(_articles(drawn)) == len(drawn)
    assert all(p["split"] == "dev" and sel.split_of(p["cluster"]) == "dev" for p in drawn)
    gold = _gold("events.jsonl")
    test_clusters = {g["cluster"] for g in gold if g["split"] == "test"}
    assert not {p["cluster"] for p in drawn} & test_clusters
    earlier = _articles([g for g in gold if g.get("batch", 1) != batch])
    assert not _articles(drawn) & earlier
    if batch == 11:  # right after batch 10 in batch 9's order, and disjoint from it
        assert not _articles(drawn) & _articles(sel.select(mds, 10))
