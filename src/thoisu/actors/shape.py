"""What kind of name a foreign-looking capitalised run is, from its letters alone.

Used only where nothing around the run says what it is ("Norbert Hofer, ..." at the start of
a sentence, "Goldman Sachs" with no "hãng"/"ông"): a multinomial naive Bayes over character
3-grams of the words, trained by ``train/actors_shape_model.py`` on runs whose type the
context rules had settled (a title or honorific before a person, a dictionary organisation
or place). The weights are JSON beside this module (data/name_shape.json); a type is
returned only when it beats the others by ``margin`` nats, else None.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("data") / "name_shape.json"


def features(text: str) -> list[str]:
    """Character 3-grams of each word with boundary marks, plus the word count."""
    out: list[str] = []
    words = text.lower().replace("-", " ").split()
    for w in words:
        w = f"^{w}$"
        out.extend(w[i:i + 3] for i in range(len(w) - 2))
    out.append(f"#words={min(len(words), 4)}")
    return out


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not PATH.exists():
        return None
    with open(PATH, encoding="utf-8") as fh:
        return json.load(fh)


def shape_scores(text: str) -> dict[str, float]:
    m = _model()
    if m is None:
        return {}
    classes = m["classes"]
    scores = [m["prior"][i] for i in range(len(classes))]
    table = m["logp"]
    for f in features(text):
        row = table.get(f)
        if row is None:
            continue
        for i in range(len(classes)):
            scores[i] += row[i]
    return dict(zip(classes, scores, strict=True))


def shape_type(text: str) -> str | None:
    """PER / ORG / GPE when the letters say so clearly enough, else None."""
    scores = shape_scores(text)
    if not scores:
        return None
    m = _model()
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, second = ranked[0], ranked[1]
    if best[1] - second[1] < m["margin"].get(best[0], math.inf):
        return None
    return best[0]
