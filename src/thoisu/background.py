"""How common a term is in news: the share of background news articles holding it
(``data/common.tsv``, built by ``eval/stories.py --train-common``; terms are folded words
and word pairs). The story stage weighs words by it; the cleaner tells a headline's own
subject from the words every article uses."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).with_name("data") / "common.tsv"


@lru_cache(maxsize=1)
def common_terms() -> dict[str, float]:
    """Background share of news articles holding each common term (absent: rarer than 1%)."""
    out: dict[str, float] = {}
    if _PATH.exists():
        for line in _PATH.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("# "):  # "#2016" is a number term
                term, p = line.rsplit("\t", 1)
                out[term] = float(p)
    return out
