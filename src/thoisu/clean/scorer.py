"""Learned layer: a logistic-regression line scorer (weights in data/line_model.json).

Placeholder until the model is trained: does nothing when the weights are absent.
"""

from __future__ import annotations

from thoisu.clean.lines import Line


def mark_model(lines: list[Line], title_idx: int | None) -> None:
    return None
