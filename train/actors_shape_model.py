"""Train src/thoisu/actors/data/name_shape.json: naive Bayes over character 3-grams that
types a foreign-looking capitalised run (PER / ORG / GPE) when its context says nothing.

Labels come from the rules themselves, never from the gold set: over mds articles (the
actors gold clusters held out) every foreign-looking mention whose type the context settled
is an example: a person named after a title or an honorific; an organisation or place of the
dictionary, or an organisation typed by its head word. Half the examples train, half test;
the margin per class is the smallest that keeps held-out precision >= TARGET_PRECISION.

Run: .venv/bin/python train/actors_shape_model.py [--max-docs 1500]
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter, defaultdict
from pathlib import Path

from mds_docs import documents  # train/mds_docs.py

from thoisu.actors import find_mentions
from thoisu.actors import mentions as mentions_module
from thoisu.actors.shape import PATH, features
from thoisu.actors.words import is_vietnamese_syllable
from thoisu.annotate.sentences import annotate_sentences
from thoisu.models import Article, Paragraph

ROOT = Path(__file__).resolve().parents[1]
CLASSES = ["PER", "ORG", "GPE"]
MIN_FEATURE = 2
TARGET_PRECISION = 0.9
HONORIFICS = ("ông ", "bà ", "ngài ", "Ông ", "Bà ")


def foreign(text: str) -> bool:
    """Written in plain Latin letters, not all capitals, and not Vietnamese syllables only:
    the kind of run the model is asked about at run time."""
    sylls = text.replace("-", " ").split()
    return (bool(sylls) and text.isascii() and not text.isupper()
            and not all(is_vietnamese_syllable(s) for s in sylls))


def examples(mds: Path, max_docs: int) -> list[tuple[str, str]]:
    # the labels must come from the context rules alone, not from a previous model
    mentions_module.shape_type = lambda text: None
    out: dict[str, Counter] = defaultdict(Counter)
    for doc in documents(mds, max_docs):
        paras = [Paragraph(t, i + 1) for i, t in enumerate(doc["text"].split("\n")) if t.strip()]
        a = Article(id="t", page="t", paragraphs=paras)
        a.sentences = annotate_sentences(a)
        for m in find_mentions(a):
            if not foreign(m.text):
                continue
            sent = a.sentences[m.sentence].text
            if m.type == "PER" and (m.role or sent[:m.start].endswith(HONORIFICS)):
                out[m.text]["PER"] += 1
            elif m.type == "ORG" and not m.key[4:].islower():
                out[m.text]["ORG"] += 1  # a dictionary organisation
            elif m.type == "ORG" and " " in m.text:
                out[m.text]["ORG"] += 1  # typed by its head word
            elif m.type in ("GPE", "LOC") and m.country:
                out[m.text]["GPE"] += 1
    # one example per distinct name, its majority label
    return [(t, c.most_common(1)[0][0]) for t, c in out.items()]


def train(data: list[tuple[str, str]]) -> dict:
    counts = {c: Counter() for c in CLASSES}
    docs = Counter(label for _, label in data)
    for text, label in data:
        counts[label].update(features(text))
    vocab = [f for f in sorted(set().union(*counts.values()))
             if sum(counts[c][f] for c in CLASSES) >= MIN_FEATURE]
    total = {c: sum(counts[c][f] for f in vocab) for c in CLASSES}
    logp = {f: [round(math.log((counts[c][f] + 1) / (total[c] + len(vocab))), 3) for c in CLASSES]
            for f in vocab}
    n = sum(docs.values())
    prior = [round(math.log((docs[c] + 1) / (n + len(CLASSES))), 3) for c in CLASSES]
    return {"classes": CLASSES, "prior": prior, "logp": logp, "margin": {}}


def score(model: dict, text: str) -> list[float]:
    s = list(model["prior"])
    for f in features(text):
        row = model["logp"].get(f)
        if row:
            s = [a + b for a, b in zip(s, row, strict=True)]
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mds", default=str(ROOT.parent / "shared/mds"))
    ap.add_argument("--max-docs", type=int, default=1500)
    args = ap.parse_args()
    data = examples(Path(args.mds), args.max_docs)
    random.Random(0).shuffle(data)
    half = len(data) // 2
    model = train(data[:half])
    test = data[half:]
    print(f"{len(data)} distinct names: {Counter(lab for _, lab in data)}")
    margins = {}
    for ci, c in enumerate(CLASSES):
        scored = []
        for text, label in test:
            s = score(model, text)
            best = max(range(len(CLASSES)), key=lambda i: s[i])
            if best != ci:
                continue
            gap = s[ci] - max(v for i, v in enumerate(s) if i != ci)
            scored.append((gap, label == c))
        scored.sort(reverse=True)
        margin, tp = math.inf, 0
        for seen, (gap, ok) in enumerate(scored, 1):
            tp += ok
            if tp / seen >= TARGET_PRECISION:
                margin = gap
        margins[c] = round(margin, 2) if margin != math.inf else 1e9
        kept = [ok for gap, ok in scored if gap >= margins[c]]
        print(f"{c}: margin {margins[c]}, held-out precision {sum(kept) / max(1, len(kept)):.2f}, "
              f"recall {sum(kept)}/{sum(1 for _, lab in test if lab == c)}")
    final = train(data)
    final["margin"] = margins
    PATH.write_text(json.dumps(final, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"-> {PATH} ({PATH.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
