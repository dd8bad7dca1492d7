"""Score the date finder (thoisu.dates) on hand-labelled sentences of ../shared/mds.

Two sets of pointers (file, cluster, document index, paragraph, sentence index from
thoisu.annotate.sentences.split_text, character offsets; no text in the repository):

- dev: tests/data/dates_mds_gold.json, 105 sentences drawn at random, which the unit
  suite also checks;
- test: eval/gold/dates_mds_test.json, 59 sentences drawn from other clusters among
  those with a date cue, labelled by reading before scoring; read once per change.

Each sentence is scored alone, its document's publication date as the anchor. A found
expression matches a labelled one when one text contains the other; it counts for
"value" only if its value and end value are equal too.

    .venv/bin/python eval/dates_eval.py [--split dev|test|both] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from thoisu.annotate.sentences import split_text
from thoisu.dates import find_timexes
from thoisu.models import Article, Paragraph, Sentence, TimeValue, Timex

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPLITS = {"dev": ROOT / "tests" / "data" / "dates_mds_gold.json",
          "test": ROOT / "eval" / "gold" / "dates_mds_test.json"}


def make_article(paragraphs: list[str], published: str | None = None, aid: str = "a") -> Article:
    """An article of these paragraphs, split into sentences as the pipeline splits them."""
    art = Article(id=aid, page="test", published=TimeValue(published, published) if published else None)
    art.paragraphs = [Paragraph(text=t, line=10 * (i + 1)) for i, t in enumerate(paragraphs)]
    art.sentences = [
        Sentence(text=s, line=p.line, para=i, start=start)
        for i, p in enumerate(art.paragraphs)
        for start, s in split_text(p.text)
    ]
    return art


def score(pairs: list[tuple[list[Timex], list[dict], str]], show: bool = False) -> dict[str, float]:
    """pairs: (found, gold, sentence text); gold expressions as {text|start,end, value, end_value}."""
    found = gold = span_ok = value_ok = 0
    for pred, golds, sent in pairs:
        found += len(pred)
        gold += len(golds)
        used: set[int] = set()
        for p in pred:
            for i, g in enumerate(golds):
                gtext = g["text"] if "text" in g else sent[g["start"]:g["end"]]
                if i in used or not (gtext in p.text or p.text in gtext):
                    continue
                used.add(i)
                span_ok += 1
                right = p.value == g["value"] and p.end_value == g.get("end_value")
                value_ok += right
                if show and not right:
                    print(f"value\t{p.text}\t{p.value}/{p.end_value}\tgold {g['value']}/{g.get('end_value')}")
                break
            else:
                if show:
                    print(f"false\t{p.text}\t{p.value}\t{sent[:120]}")
        if show:
            for i, g in enumerate(golds):
                if i not in used:
                    print(f"missed\t{sent[g['start']:g['end']] if 'start' in g else g['text']}\t{g['value']}")
    return {
        "gold": gold, "found": found,
        "span_p": span_ok / max(found, 1), "span_r": span_ok / max(gold, 1),
        "value_p": value_ok / max(found, 1), "value_r": value_ok / max(gold, 1),
    }


def evaluate_mds(path: Path, show: bool = False) -> dict[str, Any] | None:
    """Scores on the sentences a pointer file names; None without ../shared/mds."""
    if not (SHARED / "mds").exists():
        return None
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    docs: dict[str, dict] = {}
    pairs = []
    for item in items:
        key = item["file"]
        if key not in docs:
            with (SHARED / "mds" / key).open(encoding="utf-8") as fh:
                docs[key] = {c["id"]: c for c in map(json.loads, fh)}
        text = docs[key][item["cluster"]]["documents"][item["doc"]]["text"].split("\n")[item["para"]]
        sent = split_text(text)[item["sentence"]][1]
        pred = find_timexes(make_article([sent], item["published"]))
        pairs.append((pred, item["timexes"], sent))
    return {"items": len(items), **score(pairs, show)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--show", action="store_true", help="print each wrong value, false alarm and miss")
    args = ap.parse_args()
    for name in ("dev", "test") if args.split == "both" else (args.split,):
        got = evaluate_mds(SPLITS[name], args.show)
        if got is None:
            print("../shared/mds absent", file=sys.stderr)
            return 1
        print(f"{name}: {got['items']} sentences, {got['gold']} labelled, {got['found']} found; span P "
              f"{got['span_p']:.3f} R {got['span_r']:.3f}; value P {got['value_p']:.3f} R {got['value_r']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
