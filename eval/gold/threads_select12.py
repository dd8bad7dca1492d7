"""Round 12 of the threads judging: the mds clusters about interstate diplomacy or
conflict, and the pairs among them not judged yet (docs/threads.md, *One matter among
states*).

The rule, fixed before any system output was read: a cluster is selected when the
titles and leads of its documents (the first paragraph of the text when a document has
no lead: the AbMuSu pages) name two or more countries -- the canonical and other names
of the actor dictionary's countries.tsv, matched case-sensitively on whole syllables --
and one word of threads_interstate_words.txt (lower case, whole syllables). Every pair
of selected clusters is listed with its frozen split (eval/threads_eval.py's hash) and
whether eval/gold/threads.jsonl already judges it; the judging itself is by hand.

    .venv/bin/python eval/gold/threads_select12.py            # clusters, then pairs
    .venv/bin/python eval/gold/threads_select12.py --clusters # clusters only
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from threads_eval import MDS, SETS, load_gold, split_of  # noqa: E402

COUNTRIES = ROOT / "src" / "thoisu" / "actors" / "data" / "countries.tsv"
WORDS = HERE / "threads_interstate_words.txt"


def _rows(path: Path) -> list[list[str]]:
    return [ln.split("\t") for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def _pattern(phrases: list[str], flags: int = 0) -> re.Pattern[str]:
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in alts) + r")(?!\w)", flags)


def country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for iso, name, *rest in _rows(COUNTRIES):
        for alias in [name] + (rest[0].split("|") if rest else []):
            out[alias.strip()] = iso
    return {a: i for a, i in out.items() if a}


def heads(doc: dict) -> str:
    lead = doc.get("lead") or next((p for p in doc["text"].split("\n") if p.strip()), "")
    return f"{doc.get('title') or ''}\n{lead}"


def select() -> list[tuple[str, list[str], list[str], str]]:
    names = country_names()
    cpat = _pattern(list(names))
    words = [w.strip() for w in WORDS.read_text("utf-8").splitlines() if w.strip() and not w.startswith("#")]
    wpat = _pattern(words)
    out = []
    for name in SETS:
        for line in (MDS / f"{name}.jsonl").read_text("utf-8").splitlines():
            c = json.loads(line)
            text = "\n".join(heads(d) for d in c["documents"])
            isos = sorted({names[m] for m in cpat.findall(text)})
            hits = sorted(set(wpat.findall(text.lower())))
            if len(isos) >= 2 and hits:
                out.append((c["id"], isos, hits, c["documents"][0].get("title") or ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clusters", action="store_true", help="list the selected clusters only")
    args = ap.parse_args()
    sel = select()
    for cid, isos, hits, title in sel:
        print(json.dumps({"cluster": cid, "countries": isos, "words": hits, "title": title}, ensure_ascii=False))
    if args.clusters:
        return 0
    gold = load_gold()
    counts = {"dev": [0, 0], "test": [0, 0]}
    for (a, *_), (b, *_) in combinations(sel, 2):
        p = tuple(sorted((a, b)))
        sp = split_of(*p)
        counts[sp][p in gold] += 1
        print(json.dumps({"a": p[0], "b": p[1], "split": sp, "judged": p in gold}))
    print(json.dumps({"clusters": len(sel), "pairs_unjudged_judged": counts}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
