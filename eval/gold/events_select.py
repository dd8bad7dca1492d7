"""How the articles of the events gold (eval/gold/events.jsonl) were chosen (reproducible).

By rule, without looking at what any thoisu component finds in them:
- clusters of ../shared/mds not used by the actors gold (eval/gold/actors.jsonl: the
  articles the event rules were iterated on), so both splits are unseen text;
- topics: every vims-dev cluster (world news and politics) and the abmusu clusters of
  the categories world, law (crime, courts), economy and society (disasters, accidents,
  politics at home);
- one document per cluster: the shortest with MIN_WORDS..MAX_WORDS words, so each can be
  read in full;
- order: by the md5 of the cluster id, so that any prefix is a fair sample of the
  whole; annotation went through this list in order (see EVENTS_GUIDELINE.md for how far);
- split: ``test`` when that md5 is even, else ``dev``. Test is frozen: read once per
  adopted change (eval/events_eval.py --split test).

Run: python eval/gold/events_select.py [--mds ../shared/mds] -> JSON lines of pointers
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIN_WORDS, MAX_WORDS = 100, 420
CATEGORIES = ("Thế giới", "Pháp luật", "Kinh tế", "Văn hóa - Xã hội")


def _hash(cluster: str) -> int:
    return int(hashlib.md5(cluster.encode()).hexdigest(), 16)


def split_of(cluster: str) -> str:
    return "test" if _hash(cluster) % 2 == 0 else "dev"


def select(mds: Path) -> list[dict]:
    used = {json.loads(line)["cluster"]
            for line in (ROOT / "eval" / "gold" / "actors.jsonl").open(encoding="utf-8")}
    out: list[dict] = []
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            if c["id"] in used:
                continue
            cat = c["category"] or "vims"
            if cat not in CATEGORIES and cat != "vims":
                continue
            docs = [d for d in c["documents"] if MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS]
            if not docs:
                continue
            d = min(docs, key=lambda d: (len(d["text"].split()), d["id"]))
            out.append({"file": fname, "cluster": c["id"], "doc": d["id"], "category": cat,
                        "split": split_of(c["id"]), "words": len(d["text"].split())})
    out.sort(key=lambda p: _hash(p["cluster"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    for p in select(Path(ap.parse_args().mds)):
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
