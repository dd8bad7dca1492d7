"""Learned layer: a logistic-regression scorer for the lines the rules left.

The rules remove what is furniture for sure; what remains is mostly body, plus lines
rules cannot name: a related headline inserted between paragraphs, a caption in other
words, an unlisted section heading and the list under it, a promo sentence. The scorer
looks at each remaining line's shape and its neighbourhood and flags it "model" when
p(furniture) passes the threshold. Weights: data/line_model.json, trained by
train/clean_model.py on synthetic pages (train/clean_pages.py). Pure Python: a dot
product of ~30 numbers per line.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache

from thoisu.clean.furniture import body_like
from thoisu.clean.lexicon import DATA, lexicon, thresholds
from thoisu.clean.lines import Line
from thoisu.clean.split import role

_SYL = re.compile(r"\w+", re.UNICODE)
_QUESTION = re.compile(r"\?[\"”'’]?\s*$")
_QUOTE_START = re.compile(r"^[\"“‘'«]")
_BULLET = re.compile(r"^(?:[-–•*+>»›]|\d{1,2}[.)]\s)")
_COLON_LEAD = re.compile(r"^[^:]{2,30}:\s")

FEATURES = (
    "bias", "log_words", "le3", "le8", "le20", "gt40", "terminal", "teaser", "question",
    "cap_ratio", "digit_ratio", "title_like", "has_date", "quote_start", "bullet", "colon_lead",
    "prev_body", "next_body", "prev_flag", "next_flag", "isolated_short", "short_run",
    "other_short", "overlap", "after_last_body", "before_first_body", "blank_around",
    "cue_words", "upper_all", "isolated_alone",
)


@lru_cache(maxsize=1)
def _model() -> tuple[list[float], float] | None:
    path = DATA / "line_model.json"
    if not path.is_file():
        return None
    m = json.loads(path.read_text(encoding="utf-8"))
    if list(m["features"]) != list(FEATURES):
        return None  # stale weights: fall back to rules only
    return [float(w) for w in m["weights"]], float(m.get("threshold", thresholds()["model_threshold"]))


def _short(ln: Line) -> bool:
    return ln.words < thresholds()["body_min_words"] or not (ln.terminal or ln.words >= 20)


def candidates(lines: list[Line], title_idx: int | None) -> list[int]:
    """Indices of lines the scorer judges: unflagged, not the title, not byline/credit/date,
    and short (or a teaser): a long paragraph of running text is body unless a rule says not."""
    long_body = thresholds()["model_max_words"]
    return [
        ln.idx for ln in lines
        if not ln.flags and ln.idx != title_idx and role(ln)[0] == "text"
        and (ln.words < long_body or ln.teaser)
    ]


def features(lines: list[Line], title_idx: int | None) -> dict[int, list[float]]:
    """Feature vectors (in FEATURES order) of the candidate lines."""
    cand = candidates(lines, title_idx)
    if not cand:
        return {}
    n = len(lines)
    bodies = [ln for ln in lines if body_like(ln) and ln.idx != title_idx]
    first_body = bodies[0].idx if bodies else n
    last_body = bodies[-1].idx if bodies else -1
    vocab: Counter[str] = Counter()
    for ln in bodies:
        vocab.update(set(_SYL.findall(ln.key)))
    shorts = [i for i in cand if _short(lines[i]) and first_body < i < last_body]
    def isolated(i: int) -> bool:
        return 0 < i < n - 1 and _short(lines[i]) and body_like(lines[i - 1]) and body_like(lines[i + 1])

    # a lone headline between paragraphs is an insert; several are the article's subheadings
    isolated_set = [i for i in cand if isolated(i)]
    cues = lexicon().widget_cues
    out: dict[int, list[float]] = {}
    for i in cand:
        ln = lines[i]
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < n else None
        short = _short(ln)
        syl = set(_SYL.findall(ln.key))
        own = 1 if body_like(ln) else 0
        overlap = (
            sum(1 for s in syl if vocab[s] - own > 0) / len(syl) if syl and bodies else 0.0
        )
        # run of consecutive short lines this line belongs to (link-list shape)
        run = 1
        j = i - 1
        while j >= 0 and not lines[j].flags and _short(lines[j]) and run < 6:
            run += 1
            j -= 1
        j = i + 1
        while j < n and not lines[j].flags and _short(lines[j]) and run < 6:
            run += 1
            j += 1
        toks = ln.key.split()
        cue = sum(1 for t in toks if t in cues) / max(1, len(toks)) if ln.words <= 12 else 0.0
        letters = [c for c in ln.text if c.isalpha()]
        upper_all = 1.0 if len(letters) >= 4 and all(c.isupper() for c in letters) else 0.0
        out[i] = [
            1.0,
            math.log1p(ln.words) / 5.0,
            float(ln.words <= 3),
            float(ln.words <= 8),
            float(ln.words <= 20),
            float(ln.words > 40),
            float(ln.terminal),
            float(ln.teaser),
            float(bool(_QUESTION.search(ln.text))),
            ln.cap_ratio,
            ln.digit_ratio,
            float(ln.title_like),
            float(ln.has_date),
            float(bool(_QUOTE_START.match(ln.text))),
            float(bool(_BULLET.match(ln.text))),
            float(bool(_COLON_LEAD.match(ln.text)) and ln.words <= 25),
            float(prev is not None and body_like(prev)),
            float(nxt is not None and body_like(nxt)),
            float(prev is None or bool(prev.flags)),
            float(nxt is None or bool(nxt.flags)),
            float(short and prev is not None and nxt is not None and body_like(prev) and body_like(nxt)),
            min(run, 6) / 6.0,
            min(len(shorts) - (1 if i in shorts else 0), 4) / 4.0,
            overlap,
            float(i > last_body),
            float(i < first_body),
            float(ln.blank_before or ln.blank_after),
            cue,
            upper_all,
            float(i in isolated_set and len(isolated_set) == 1),
        ]
    return out


def score(vec: list[float], weights: list[float]) -> float:
    z = sum(v * w for v, w in zip(vec, weights, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def mark_model(lines: list[Line], title_idx: int | None) -> None:
    m = _model()
    if m is None:
        return
    weights, threshold = m
    for i, vec in features(lines, title_idx).items():
        if score(vec, weights) >= threshold:
            lines[i].flags.add("model")
    mark_lone_insert(lines, title_idx)


def mark_lone_insert(lines: list[Line], title_idx: int | None) -> None:
    """A single headline-shaped line standing between two paragraphs, in an article that
    has no other such line, is a "read more" insert (an article with subheadings has
    several). Costs at most one line of a one-subheading article."""
    n = len(lines)
    lone = [
        i for i in candidates(lines, title_idx)
        if 0 < i < n - 1 and lines[i].title_like and lines[i].words < thresholds()["short_words"]
        and body_like(lines[i - 1]) and body_like(lines[i + 1])
    ]
    shorts = [
        ln for ln in lines
        if not ln.flags and ln.idx != title_idx and role(ln)[0] == "text"
        and (_short(ln) or (ln.title_like and ln.words < thresholds()["short_words"]))
    ]
    if len(lone) == 1 and len(shorts) == 1 and not _subheading(lines[lone[0]], lines[lone[0] + 1]):
        lines[lone[0]].flags.add("insert")


def _subheading(ln: Line, nxt: Line) -> bool:
    """A subheading announces the paragraph under it: most of its syllables are there
    (a "read more" headline of another article shares a few at most)."""
    syl = [w for w in ln.key.split() if any(c.isalpha() for c in w)]
    if not syl:
        return False
    para = set(nxt.key.split())
    return sum(w in para for w in syl) / len(syl) >= thresholds()["subheading_overlap"]
