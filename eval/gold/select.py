"""How the gold articles for eval/gold/actors.jsonl were chosen (reproducible).

Clusters were picked by hand from the titles of ../shared/mds/*.jsonl: politics and
world news (diplomacy, conflicts, summits, sanctions, visits, elections, protests,
terrorism), spread over countries and actors. vims-dev and abmusu-validation first,
a few abmusu-train "Thế giới" clusters to widen the spread. Within a cluster the
document is chosen by a fixed rule (no looking at what any tool finds in it): the
shortest document with at least MIN_WORDS words, so each can be read in full; for the
clusters listed in SECOND the next shortest is taken as well. The last three clusters
(a bomb threat, a shooting, arrests) were added after the first 47 articles to cover
THREATEN/COERCE/ASSAULT better.

Run: python eval/gold/select.py [--mds ../shared/mds]   -> prints file, cluster, doc, words, title
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

MIN_WORDS = 120
CLUSTERS: dict[str, list[str]] = {
    "vims-dev.jsonl": [
        "vims-001", "vims-002", "vims-003", "vims-009", "vims-016", "vims-023", "vims-032",
        "vims-072", "vims-080", "vims-081", "vims-082", "vims-092", "vims-093", "vims-102",
        "vims-103", "vims-107", "vims-117", "vims-150", "vims-154", "vims-155", "vims-164",
        "vims-187", "vims-188", "vims-105", "vims-193",
    ],
    "abmusu-validation.jsonl": [
        "abmusu-validation-012", "abmusu-validation-016", "abmusu-validation-020",
        "abmusu-validation-034", "abmusu-validation-038", "abmusu-validation-041",
        "abmusu-validation-051", "abmusu-validation-061", "abmusu-validation-065",
        "abmusu-validation-078", "abmusu-validation-086", "abmusu-validation-088",
        "abmusu-validation-090", "abmusu-validation-100",
    ],
    "abmusu-train.jsonl": [
        "abmusu-train-026", "abmusu-train-027", "abmusu-train-087", "abmusu-train-106",
        "abmusu-train-172", "abmusu-train-155",
    ],
}
SECOND = {"vims-016", "vims-080", "vims-103", "abmusu-validation-051", "abmusu-validation-065"}


def select(mds: Path) -> list[dict]:
    """Return pointers {file, cluster, doc, words, title} in a fixed order."""
    out: list[dict] = []
    for fname, wanted in CLUSTERS.items():
        want = set(wanted)
        with open(mds / fname, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] not in want:
                    continue
                docs = [d for d in c["documents"] if len(d["text"].split()) >= MIN_WORDS]
                docs.sort(key=lambda d: (len(d["text"].split()), d["id"]))
                for d in docs[: 2 if c["id"] in SECOND else 1]:
                    out.append({"file": fname, "cluster": c["id"], "doc": d["id"],
                                "words": len(d["text"].split()), "title": d["title"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mds", default=str(Path(__file__).resolve().parents[3] / "shared" / "mds"))
    args = ap.parse_args()
    for p in select(Path(args.mds)):
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
