"""Cross-validation by cluster for the events models (``train/events_arguments.py``,
``train/events_filter.py``): folds, the batch group an article is reported in, the
events gold scored with a model swapped in, and the report. A script imports it after
putting ``eval/`` and ``src/`` on its path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from actors_eval import PRF
from events_eval import evaluate

PARTS = ("b1", "b23", "b4", "b5", "b6", "b8", "b9")  # batch 1 (the rules were shaped on it), batches 2-3, 4, 5, 6, 8, 9


def folds_of(dev: list[dict], k: int) -> list[int]:
    """Fold of each dev article: clusters in sorted order dealt round."""
    clusters = sorted({(g["file"], g["cluster"]) for g in dev})
    at = {c: n % k for n, c in enumerate(clusters)}
    return [at[(g["file"], g["cluster"])] for g in dev]


def folds_by_batch(dev: list[dict]) -> list[int]:
    """Fold of each dev article when each batch is one fold (leave one batch out): a model
    is scored on a batch it never saw, as on unseen text."""
    batches = sorted({g.get("batch", 1) for g in dev})
    return [batches.index(g.get("batch", 1)) for g in dev]


def part_of(g: dict) -> str:
    b = g.get("batch", 1)
    return "b1" if b == 1 else "b23" if b in (2, 3) else f"b{b}"


def score_with(module: ModuleType, gold: list[dict], docs: dict, m: Any) -> dict[str, PRF]:
    """The events gold scored with ``module.model()`` answering ``m`` (None: the rules alone)."""
    real = module.model
    module.model = lambda: m
    try:
        return evaluate(gold, docs, show=0)["_prf"]
    finally:
        module.model = real


def cross_validate(dev: list[dict], docs: dict, k: int, module: ModuleType, grid: Sequence[tuple],
                   fit_fold: Callable[[int, list[int]], Any], model_of: Callable[[Any, tuple], Any],
                   label: Callable[[tuple], str], fold: list[int] | None = None) -> None:
    """Print the summed figures of the held-out folds, the rules alone and each grid
    setting, for batch 1, batches 2-3 and batch 4 apart. ``fit_fold(f, fold)`` fits on the
    folds other than f; ``model_of(fitted, setting)`` is the model a setting swaps in.
    ``fold``: the fold of each article (default: k folds by cluster)."""
    fold = fold if fold is not None else folds_of(dev, k)
    k = max(fold) + 1
    base = {p: PRF() for p in PARTS}
    tot = {s: {p: PRF() for p in PARTS} for s in grid}
    for f in range(k):
        held = {p: [g for g, fo in zip(dev, fold, strict=True) if fo == f and part_of(g) == p]
                for p in PARTS}
        fitted = fit_fold(f, fold)
        for p in PARTS:
            if not held[p]:
                continue
            got = score_with(module, held[p], docs, None)["roles"]
            base[p].add(got.tp, got.pred, got.gold)
            for s in grid:
                got = score_with(module, held[p], docs, model_of(fitted, s))["roles"]
                tot[s][p].add(got.tp, got.pred, got.gold)

    def row(name: str, d: dict[str, PRF]) -> str:
        a = PRF(sum(d[p].tp for p in PARTS), sum(d[p].pred for p in PARTS), sum(d[p].gold for p in PARTS))
        return (f"  {name:<18} all P {a.p:.3f} R {a.r:.3f} F {a.f:.3f} ({a.tp}/{a.pred}/{a.gold})"
                + "".join(f" | {p} P {d[p].p:.3f} R {d[p].r:.3f} ({d[p].tp}/{d[p].pred}/{d[p].gold})"
                          for p in PARTS if d[p].gold or d[p].pred))

    print(f"{k}-fold CV over {len(dev)} dev articles, type + roles (tp/pred/gold)")
    print(row("rules alone", base))
    for s in grid:
        print(row(label(s), tot[s]))
