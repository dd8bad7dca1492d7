"""The concept-weight model: gradient-boosted trees exported from scikit-learn as flat
arrays (``data/summary_model.json``, written by ``train/summary_model.py``), evaluated
with numpy."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from thoisu.stories.summarize.keep import KeepRates

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "summary_model.json"


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    with MODEL_PATH.open(encoding="utf-8") as fh:
        return compile_model(json.load(fh))


def compile_model(model: dict[str, Any]) -> dict[str, Any]:
    """Turn the JSON tree lists into numpy arrays once (kept under ``_forest``).

    A model is either one boosted-tree model (``init``, ``learning_rate``, ``max_depth``,
    ``trees``) or a bag of them under ``members`` whose predictions are averaged."""
    if "keep" in model:
        model["_keep"] = KeepRates.from_json(model["keep"])
    for member in model.get("members", [model]):
        member["_forest"] = _forest(member)
    return model


def predict(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Mean prediction of the bag's members (a single model is a bag of one)."""
    members = model.get("members", [model])
    return np.mean([_predict_trees(m, x) for m in members], axis=0)


def _forest(member: dict[str, Any]) -> tuple[np.ndarray, ...]:
    """All trees' nodes in flat arrays (node ids offset per tree), leaves looping onto
    themselves (threshold +inf, both children the leaf), so every tree is walked ``depth``
    steps at once: (feature, threshold, left, right, lr * leaf value, root of each tree)."""
    feat, thr, left, right, value, roots = [], [], [], [], [], []
    lr = float(member["learning_rate"])
    off = 0
    for t in member["trees"]:
        f = np.asarray(t["feature"], dtype=np.int64)
        ids = np.arange(len(f), dtype=np.int64) + off
        leaf = f < 0
        feat.append(np.where(leaf, 0, f))
        thr.append(np.where(leaf, np.inf, np.asarray(t["threshold"], dtype=np.float64)))
        left.append(np.where(leaf, ids, np.asarray(t["left"], dtype=np.int64) + off))
        right.append(np.where(leaf, ids, np.asarray(t["right"], dtype=np.int64) + off))
        # lr * value: the same float products the per-tree loop added
        value.append(lr * np.asarray(t["value"], dtype=np.float64))
        roots.append(off)
        off += len(f)
    if not roots:
        e = np.zeros(0, dtype=np.int64)
        return e, np.zeros(0), e, e, np.zeros(0), e
    return (np.concatenate(feat), np.concatenate(thr), np.concatenate(left),
            np.concatenate(right), np.concatenate(value), np.asarray(roots, dtype=np.int64))


# concept rows walked at once: a few (trees x rows) index arrays of 5 MB each
_CHUNK = 4096


def _predict_trees(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """init + the trees' leaf values: every tree walked together, ``depth`` steps over
    (trees x rows) node ids with flat ``take``s (1.6x faster than a tree at a time on a
    digest's summaries), leaf values added tree by tree in the trees' order, so the sums
    are bit-identical to adding one tree at a time."""
    out = np.full(len(x), float(model["init"]))
    feat, thr, left, right, value, roots = model["_forest"]
    depth = int(model["max_depth"])
    for r0 in range(0, len(x), _CHUNK):
        xs = x[r0:r0 + _CHUNK]
        n = len(xs)
        flat = np.ascontiguousarray(xs.T).ravel()  # feature-major: feature f of row r at f*n+r
        col = np.arange(n, dtype=np.int64)[None, :]
        node = np.repeat(roots[:, None], n, axis=1)
        for _ in range(depth):
            go_left = flat.take(feat.take(node) * n + col) <= thr.take(node)
            node = np.where(go_left, left.take(node), right.take(node))
        acc = out[r0:r0 + _CHUNK]
        for leaf_values in value.take(node):
            acc += leaf_values
    return out
