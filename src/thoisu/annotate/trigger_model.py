"""A learned trigger proposer: event words the trigger lexicon lacks, in verb position.

The lexicon (``data/plover_triggers.tsv``) codes the verbs it lists; a happening told
with another verb ("kiểm tra xưởng", "dành hết tiền") codes nothing. Here a verb position
of a sentence (the first word after a named subject and its auxiliaries, or after the
passive "bị/được") that no lexicon trigger starts is scored for each PLOVER type or none
(softmax regression) from its syllables (Vietnamese compounds share them: "bắt giữ",
"tạm giữ", "bắt giam"), the word before it, how it is reached (subject or passive), the
subject's type and the next named phrase's type and preposition. A position whose likeliest
type reaches ``threshold`` (data) is a trigger of that type for the coding rules, which
then find its participants as for any other trigger.

Weights: ``data/event_triggers.json``, made by ``train/events_triggers.py`` from silver
events (the rules' triggers that coded an event on mds documents no gold holds) and the
dev batches of the events gold (anchors of the happenings). No data file, no proposals:
none ships (round 13a: held out, batch by batch, it added three right events for thirteen
more predictions at best; see the training script).
Pure Python at run time; a sentence costs one dictionary look-up per feature of each of
its few verb positions.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thoisu.annotate.syntax import Analysis

_DATA = Path(__file__).parent / "data" / "event_triggers.json"
PASSIVE = frozenset({"bị", "được"})


@lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    if not _DATA.exists():
        return None
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    raw["weights"] = {f: tuple(w) for f, w in raw["weights"].items()}
    return raw


def positions(an: Analysis, glue: frozenset[str]) -> dict[int, tuple[str, str]]:
    """Verb positions of a sentence: token -> (how it is reached, the subject's type)."""
    toks, aside, n = an.toks, an.aside, len(an.toks)
    out: dict[int, tuple[str, str]] = {}
    for ch in an.chains:
        keys = ch.keys()
        if ch.prep or not keys:
            continue
        k = ch.end
        while k < n and toks[k] in glue:
            k += 1
        if k < n and toks[k].isalpha() and not aside[k] and not an.in_name[k]:
            out[k] = ("subj", keys[0].split(":")[0])
    for k in range(n - 1):
        if toks[k] in PASSIVE and toks[k + 1].isalpha() and not aside[k + 1] \
                and not an.in_name[k + 1]:
            out.setdefault(k + 1, ("pass", "-"))
    return out


def features(an: Analysis, k: int, how: tuple[str, str]) -> list[str]:
    toks = an.toks
    w0 = toks[k]
    w1 = toks[k + 1] if k + 1 < len(toks) else "$"
    p1 = toks[k - 1] if k > 0 else "^"
    nxt = next((ch for ch in an.chains if 0 <= ch.start - k <= 4 and ch.keys()), None)
    obj = nxt.keys()[0].split(":")[0] if nxt is not None else "-"
    prep = (" ".join(nxt.prep) or "-") if nxt is not None else "-"
    return ["bias", f"s0={w0}", f"s1={w1}", f"b={w0}_{w1}", f"p1={p1}", f"how={how[0]}",
            f"subj={how[1]}", f"obj={obj}", f"prep={prep}", f"s0|obj={w0}|{obj}",
            f"s1|obj={w1}|{obj}", f"how|s0={how[0]}|{w0}", f"how|s1={how[0]}|{w1}"]


def span_end(an: Analysis, k: int, stop: frozenset[str]) -> int:
    """A proposed trigger is the word at k and the next one when that one is a word of
    the compound (not a preposition, an auxiliary or a name): "kiểm tra", "dành"."""
    toks = an.toks
    j = k + 1
    if j < len(toks) and toks[j].isalpha() and toks[j] not in stop and not an.in_name[j] \
            and not an.aside[j]:
        j += 1
    return j


def probs(m: dict[str, Any], feats: list[str]) -> list[float]:
    labels = m["labels"]
    z = [0.0] * len(labels)
    for f in feats:
        w = m["weights"].get(f)
        if w is not None:
            for c, v in enumerate(w):
                z[c] += v
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return [v / s for v in e]


def propose(an: Analysis, glue: frozenset[str], stop: frozenset[str], taken: set[int]
            ) -> list[tuple[int, int, str]]:
    """(start, end, type) of the verb positions the model codes, none of them in
    ``taken`` (tokens the lexicon's triggers cover)."""
    m = model()
    if m is None:
        return []
    out: list[tuple[int, int, str]] = []
    labels, thr = m["labels"], float(m["threshold"])
    for k, how in sorted(positions(an, glue).items()):
        if k in taken:
            continue
        p = probs(m, features(an, k, how))
        c = max((c for c in range(len(labels)) if labels[c] != "none"), key=lambda c: p[c])
        if p[c] >= thr:
            j = span_end(an, k, stop)
            if not taken & set(range(k, j)):
                out.append((k, j, labels[c]))
    return out
