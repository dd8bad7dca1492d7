"""Baseline for the actors evaluation: underthesea's CRF ner() on the gold articles,
scored with eval/actors_eval.py's matching (entities only).

Spans come from the B-/I- tags per sentence; LOC is scored as GPE when it is a country,
capital or city known to the dictionary and as LOC otherwise (ner() has no GPE type);
MISC is dropped. Prints P/R/F1 per type and ner()'s speed in kchar/s.

Run: .venv/bin/python train/actors_ner_baseline.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import actors_eval as ev  # noqa: E402
from underthesea import ner  # noqa: E402

from thoisu.actors.dictionary import load, syllables  # noqa: E402
from thoisu.annotate.sentences import annotate_sentences  # noqa: E402


def spans(sent: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    cur: list[str] = []
    typ = ""
    for row in ner(sent):
        word, tag = row[0], row[-1]
        if tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != typ):
            if cur:
                out.append((typ, " ".join(cur)))
            cur, typ = [word], tag[2:]
        elif tag.startswith("I-"):
            cur.append(word)
        else:
            if cur:
                out.append((typ, " ".join(cur)))
            cur, typ = [], ""
    if cur:
        out.append((typ, " ".join(cur)))
    return out


def main() -> None:
    gold = ev.load_gold(ROOT / "eval/gold/actors.jsonl")
    docs = ev.load_docs(ROOT.parent / "shared/mds", gold)
    d = load()
    ent = {t: ev.PRF() for t in (*ev.MAIN_TYPES, "LOC")}
    total = ev.PRF()
    chars, secs = 0, 0.0
    for g in gold:
        art = ev.build_article(g, docs[(g["file"], g["cluster"], g["doc"])])
        art.sentences = annotate_sentences(art, words=False)
        pents: dict[tuple[str, str], ev.Ent] = {}
        for s in art.sentences:
            t0 = time.perf_counter()
            found = spans(s.text)
            secs += time.perf_counter() - t0
            chars += len(s.text)
            for typ, name in found:
                name = name.replace("_", " ")
                if typ == "LOC":
                    hits = d.gazetteer.get(tuple(syllables(name)), [])
                    typ = "GPE" if any(e.type == "GPE" for e in hits) else "LOC"
                if typ in ("PER", "ORG", "GPE", "LOC"):
                    pents.setdefault((typ, name), ev.Ent(name=name, type=typ, surface={name}))
        gents = ev.gold_entities(g)
        preds = list(pents.values())
        pairs = ev.match_entities(gents, preds)
        for t in ent:
            ent[t].add(sum(1 for i, _ in pairs if gents[i].type == t),
                       sum(1 for p in preds if p.type == t), sum(1 for e in gents if e.type == t))
        main = [(i, j) for i, j in pairs if gents[i].type in ev.MAIN_TYPES]
        total.add(len(main), sum(1 for p in preds if p.type in ev.MAIN_TYPES),
                  sum(1 for e in gents if e.type in ev.MAIN_TYPES))
    for t, prf in ent.items():
        print(prf.row(t))
    print(total.row("micro PER+ORG+GPE"))
    print(f"ner(): {chars / secs / 1000:.1f} kchar/s over {chars} chars")


if __name__ == "__main__":
    main()
