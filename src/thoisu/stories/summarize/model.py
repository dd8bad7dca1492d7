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
    """Turn the JSON tree lists into numpy arrays once (kept under ``_trees``).

    A model is either one boosted-tree model (``init``, ``learning_rate``, ``max_depth``,
    ``trees``) or a bag of them under ``members`` whose predictions are averaged."""
    if "keep" in model:
        model["_keep"] = KeepRates.from_json(model["keep"])
    for member in model.get("members", [model]):
        member["_trees"] = [
            (
                np.asarray(t["feature"], dtype=np.int64),
                np.asarray(t["threshold"], dtype=np.float64),
                np.asarray(t["left"], dtype=np.int64),
                np.asarray(t["right"], dtype=np.int64),
                np.asarray(t["value"], dtype=np.float64),
            )
            for t in member["trees"]
        ]
    return model


def predict(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Mean prediction of the bag's members (a single model is a bag of one)."""
    members = model.get("members", [model])
    return np.mean([_predict_trees(m, x) for m in members], axis=0)


def _predict_trees(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    out = np.full(len(x), float(model["init"]))
    if not len(x):
        return out
    rows = np.arange(len(x))
    depth = int(model["max_depth"])
    lr = float(model["learning_rate"])
    for feat, thr, left, right, value in model["_trees"]:
        node = np.zeros(len(x), dtype=np.int64)
        for _ in range(depth):
            f = feat[node]
            leaf = f < 0
            go_left = x[rows, np.where(leaf, 0, f)] <= thr[node]
            node = np.where(leaf, node, np.where(go_left, left[node], right[node]))
        out += lr * value[node]
    return out
