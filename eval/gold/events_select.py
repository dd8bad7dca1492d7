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

Batch 2 (``--batch 2``, annotated once batch 1's dev articles were used up, to measure the
rules on dev text they were not shaped on): the dev-split clusters of the same topics
that batch 1 could not take because none of their documents has MIN_WORDS..MAX_WORDS
words; the shortest document, if it has at most MAX_WORDS_2 words; same md5 order.
Test-split clusters are never taken, so the test split stays what it was.

Batch 3 (``--batch 3``, annotated before batch 2's errors had shaped anything scored on it,
and held out until the end of that round): the dev-split clusters of these topics that
neither batch took (every document longer than MAX_WORDS_2 words); the shortest document.

Batch 4 (``--batch 4``, annotated by reading before the pipeline was scored on it, to measure
the rules of batches 1-3 on articles they were not shaped on): every dev-split cluster of
the events gold had been taken, and the dev clusters no gold holds are sports, health and
technology pages, so batch 4 takes, for each dev cluster already in the events gold, the
shortest document not in the gold with MIN_WORDS..MAX_WORDS_2 words, same md5 order.
These are new articles about happenings the gold already holds (another outlet's report):
unseen text, not unseen happenings. Annotated: the first BATCH_4 of that order.
Batch 5 (``--batch 5``): the next BATCH_5 of that order, annotated the same way once batch 4
had been scored and used for training, to keep a held-out dev sample for the next round.
Batch 6 (``--batch 6``): the next BATCH_6 of that order, annotated the same way by reading
before the pipeline was scored on them (round 7's unseen-text reading), then dev.

Batch 7 (``--batch 7``, round 8: unseen happenings, held out): the rule was written before
any output was looked at. The dev-split clusters no events gold article holds and whose
happenings no other gold the event rules were shaped on holds (not eval/gold/actors.jsonl),
never a cluster of eval/gold/actors_test.jsonl or eval/gold/quotes_test.jsonl (and never a
test-split cluster): these are the categories the events gold never took (life and
health, science and technology, education, sports). One document per cluster, the
shortest with MIN_WORDS..MAX_WORDS_2 words; clusters of the categories that report
happenings (every category but sports) first, then sports, each in md5 order; the first
BATCH_7. Fallback (unused while these suffice): the next of batch 4's order.

Batch 8 (``--batch 8``, held out: the unseen-text reading of the round after the audit; the
rule and its fallback were written here before any article of it was read): the next
articles of batch 4's order after batches 4-6. That order holds only 132 articles (one
per dev cluster of batches 1-3 that has a document of MIN_WORDS..MAX_WORDS_2 words), so
114 taken leave 18, and 8 of these are documents another gold already holds (the
mention samples eval/gold/actors_dev4/6/7.jsonl: their names were annotated and the
mention finder worked on them), so batch 8 takes:
- first, the rest of batch 4's order (positions 115-132) that no other gold holds
  (OTHER_GOLDS), in that order;
- then, the order being exhausted (the fallback): for each dev cluster of batches 1-3,
  the shortest document with MIN_WORDS..MAX_WORDS_2 words that is not the cluster's
  batch 1-3 article, not in batch 4's order and in no other gold; same md5 order.
  These are yet more outlets' reports of happenings the gold holds: unseen text, not
  unseen happenings. Never a test-split cluster (batches 1-3's clusters are dev).
Annotated: the first BATCH_8 (60: the order's 10, then the fallback's first 50), in order,
none skipped, by reading each article in full before any thoisu component was run on it
(see EVENTS_GUIDELINE.md); then scored once as it stood.

Batch 9 (``--batch 9``, held out: the blind reading kept from the rule work on batch 8; the
rule and its fallback were written here before any article of it was read): the next
articles of batch 8's fallback order after the 50 batch 8 took (that order holds 91, so
41 are left); then, that order being exhausted, a further fallback: a second round of the
same rule, for each dev cluster of batches 1-3 the next shortest 100-700-word document
that is not the cluster's batch 1-3 article, not in batch 4's order, not the first
round's (batch 8's fallback) document and in no other gold (OTHER_GOLDS); same md5 order;
then a third round likewise, and so on. Never a test-split cluster. Annotated: the first
BATCH_9 of that order (60: the order's 41, then the second round's first 19), in order,
none skipped, by reading each article in full before any thoisu component was run on it;
then scored once as it stood (one gold label corrected after, see EVENTS_GUIDELINE.md).

Batch 10 (``--batch 10``, held out: the blind reading on which the next round's changes to
the event coder are measured; fixed here before any article of it was read): the next
BATCH_10 pointers of batch 9's order (``_rounds()``: batch 4's order's rest, then the rounds
of the fallback), positions BATCH_8 + BATCH_9 onwards, i.e. the rest of the second round
after the 19 batch 9 took, then the third round, and so on. Never a test-split cluster, and
disjoint from every earlier row of the events gold. Annotated blind: by reading each article
in full, in order, none skipped, without running any thoisu component on it or looking at
any system output for it (sibling gold entries of the same cluster were looked at for
consistency). All BATCH_10 annotated (the rest of the second round after batch 9's 19, then
the third round's first; 57 vims, 3 abmusu): 103 events, 33 articles with at least one.

Batch 11 (``--batch 11``, held out: the blind reading on which the following round's changes
to the event coder are measured once, after batch 10 joined dev; fixed here before any
article of it was read): the next BATCH_11 pointers of batch 9's order (``_rounds()``),
positions BATCH_8 + BATCH_9 + BATCH_10 onwards, i.e. right after the BATCH_10 that batch
10 took (the rest of the third round, then the fourth, and so on). Never a test-split
cluster, and disjoint from every earlier row of the events gold. Annotated blind: by
reading each article in full, in order, none skipped, without running any thoisu component
on it or looking at any system output for it (sibling gold entries of the same cluster
were looked at for consistency). All BATCH_11 annotated (the rest of the third round after
batch 10, then the fourth round's first; 59 vims, 1 abmusu): 118 events, 40 articles with at
least one.

Batch 12 (``--batch 12``, held out: the blind reading of stop 29, after batch 11 joined
dev; fixed here before any article of it was read): the next BATCH_12 pointers of batch 9's
order, right after the BATCH_11 that batch 11 took. Never a test-split cluster, disjoint
from every earlier row of the events gold, annotated blind the same way. All BATCH_12
annotated (the fourth round's last 33, the fifth's 24, the sixth's first 3; all vims): 140
events, 38 articles with at least one. (Event counts given above for earlier batches are
as annotated; stop 29's two consistency calls, EVENTS_GUIDELINE.md, moved batches 1 and
9-11 by one to three events each.)

Run: python eval/gold/events_select.py [--mds ../shared/mds] [--batch 2|3|4|5|6|7|8|9|10|11|12] -> JSON lines of pointers
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIN_WORDS, MAX_WORDS = 100, 420
MAX_WORDS_2 = 700  # batch 2: longer articles, still readable in full
BATCH_4 = 44  # batch 4: how far down its order the annotation went
BATCH_5 = 44  # batch 5: the next ones of batch 4's order
BATCH_6 = 26  # batch 6: the next ones after batch 5
BATCH_7 = 28  # batch 7: unseen happenings (round 8), held out
BATCH_8 = 60  # batch 8: the rest of batch 4's order, then its fallback; held out
BATCH_9 = 60  # batch 9: the rest of batch 8's fallback order, then its further rounds; held out
BATCH_10 = 60  # batch 10: the next of that order after batch 9; annotated blind, now dev
BATCH_11 = 60  # batch 11: the next of that order after batch 10; annotated blind, dev since stop 29
BATCH_12 = 60  # batch 12: the next of that order after batch 11; annotated blind, held out
# golds whose documents batch 8 leaves out (as they stood when it was drawn; pointers
# with a document id, or an index into the cluster's documents)
OTHER_GOLDS = ("actors.jsonl", "actors_dev2.jsonl", "actors_dev3.jsonl", "actors_dev4.jsonl",
               "actors_dev5.jsonl", "actors_dev6.jsonl", "actors_dev7.jsonl",
               "actors_test.jsonl", "quotes_dev.jsonl", "quotes_test.jsonl",
               "events_audit.jsonl")
SPORTS = "Giải trí - Thể thao"  # taken last in batch 7: results and squads are no events
CATEGORIES = ("Thế giới", "Pháp luật", "Kinh tế", "Văn hóa - Xã hội")


def _hash(cluster: str) -> int:
    return int(hashlib.md5(cluster.encode()).hexdigest(), 16)


def split_of(cluster: str) -> str:
    return "test" if _hash(cluster) % 2 == 0 else "dev"


def _batch_4(mds: Path) -> list[dict]:
    gold = [json.loads(line)
            for line in (ROOT / "eval" / "gold" / "events.jsonl").open(encoding="utf-8")]
    taken = {g["cluster"]: g["doc"] for g in gold if g["split"] == "dev" and g.get("batch", 1) < 4}
    # (batches 4-5 take one more document of each of these clusters, in one order)
    out: list[dict] = []
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            if c["id"] not in taken:
                continue
            docs = [d for d in c["documents"] if d["id"] != taken[c["id"]]
                    and MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS_2]
            if not docs:
                continue
            d = min(docs, key=lambda d: (len(d["text"].split()), d["id"]))
            out.append({"file": fname, "cluster": c["id"], "doc": d["id"],
                        "category": c["category"] or "vims", "split": "dev",
                        "words": len(d["text"].split()), "batch": 4})
    out.sort(key=lambda p: _hash(p["cluster"]))
    return out


def _clusters_of(name: str) -> set[str]:
    return {json.loads(line)["cluster"]
            for line in (ROOT / "eval" / "gold" / name).open(encoding="utf-8") if line.strip()}


def _batch_7(mds: Path) -> list[dict]:
    # the golds as they stood when batch 7 was drawn: not batch 7's own articles
    earlier = {g["cluster"] for line in (ROOT / "eval" / "gold" / "events.jsonl").open(encoding="utf-8")
               if line.strip() and (g := json.loads(line)).get("batch") != 7}
    taken = earlier.union(*(_clusters_of(n) for n in (
        "actors.jsonl", "actors_test.jsonl", "quotes_test.jsonl")))
    out: list[dict] = []
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            if c["id"] in taken or split_of(c["id"]) != "dev":
                continue
            cat = c["category"] or "vims"
            if cat in CATEGORIES or cat == "vims":
                continue
            docs = [d for d in c["documents"]
                    if MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS_2]
            if not docs:
                continue
            d = min(docs, key=lambda d: (len(d["text"].split()), d["id"]))
            out.append({"file": fname, "cluster": c["id"], "doc": d["id"], "category": cat,
                        "split": "dev", "words": len(d["text"].split()), "batch": 7})
    out.sort(key=lambda p: (p["category"] == SPORTS, _hash(p["cluster"])))
    if len(out) < BATCH_7:  # the fallback the rule names
        out += [p | {"batch": 7} for p in _batch_4(mds)[BATCH_4 + BATCH_5 + BATCH_6:]]
    return out[:BATCH_7]


def _other_gold_docs(mds: Path) -> set[tuple[str, str]]:
    ids: dict[str, list[str]] = {}
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            ids[c["id"]] = [str(d["id"]) for d in c["documents"]]
    out: set[tuple[str, str]] = set()
    for name in OTHER_GOLDS:
        for line in (ROOT / "eval" / "gold" / name).open(encoding="utf-8"):
            if not line.strip():
                continue
            g = json.loads(line)
            doc = g["doc"]
            if isinstance(doc, int):  # the quotes gold and the audit point by index
                doc = ids[g["cluster"]][doc]
            out.add((g["cluster"], str(doc)))
    return out


def _rounds(mds: Path) -> tuple[list[dict], list[dict]]:
    """Batch 4's order's rest (no other gold) and batch 8's fallback order, round by round:
    round k takes, for each dev cluster of batches 1-3, its k-th shortest eligible document
    (batch 8 used round 1; batch 9 the rest of round 1, then rounds 2, 3, ...)."""
    order = _batch_4(mds)
    other = _other_gold_docs(mds)
    head = [p for p in order[BATCH_4 + BATCH_5 + BATCH_6:] if (p["cluster"], p["doc"]) not in other]
    gold = [json.loads(line)
            for line in (ROOT / "eval" / "gold" / "events.jsonl").open(encoding="utf-8")]
    taken = {g["cluster"]: g["doc"] for g in gold if g["split"] == "dev" and g.get("batch", 1) < 4}
    left = other | {(c, d) for c, d in taken.items()} | {(p["cluster"], p["doc"]) for p in order}
    per_cluster: list[tuple[int, list[dict]]] = []
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            if c["id"] not in taken or split_of(c["id"]) != "dev":
                continue
            docs = [d for d in c["documents"] if (c["id"], str(d["id"])) not in left
                    and MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS_2]
            docs.sort(key=lambda d: (len(d["text"].split()), d["id"]))
            per_cluster.append((_hash(c["id"]), [
                {"file": fname, "cluster": c["id"], "doc": d["id"],
                 "category": c["category"] or "vims", "split": "dev",
                 "words": len(d["text"].split())} for d in docs]))
    per_cluster.sort(key=lambda hc: hc[0])
    rounds: list[dict] = []
    for k in range(max((len(ds) for _, ds in per_cluster), default=0)):
        rounds += [ds[k] for _, ds in per_cluster if len(ds) > k]
    return head, rounds


ROUND_BATCHES = (8, 9, 10, 11, 12)  # consecutive slices of ``_rounds()``' order


def _round_batch(mds: Path, batch: int) -> list[dict]:
    """Batch 8 onwards: the next slice of batch 9's order after the batches before it."""
    size = {8: BATCH_8, 9: BATCH_9, 10: BATCH_10, 11: BATCH_11, 12: BATCH_12}
    start = sum(size[b] for b in ROUND_BATCHES if b < batch)
    head, rounds = _rounds(mds)
    return [p | {"batch": batch} for p in head + rounds][start:start + size[batch]]


def select(mds: Path, batch: int = 1) -> list[dict]:
    if batch in ROUND_BATCHES:
        return _round_batch(mds, batch)
    if batch == 7:
        return _batch_7(mds)
    if batch == 4:
        return _batch_4(mds)[:BATCH_4]
    if batch == 5:
        return [p | {"batch": 5} for p in _batch_4(mds)[BATCH_4 : BATCH_4 + BATCH_5]]
    if batch == 6:
        start = BATCH_4 + BATCH_5
        return [p | {"batch": 6} for p in _batch_4(mds)[start : start + BATCH_6]]
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
            if batch in (2, 3):
                if docs or split_of(c["id"]) != "dev":
                    continue
                docs = [d for d in c["documents"]
                        if MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS_2]
                if batch == 3:
                    if docs:
                        continue
                    docs = [d for d in c["documents"] if len(d["text"].split()) >= MIN_WORDS]
            if not docs:
                continue
            d = min(docs, key=lambda d: (len(d["text"].split()), d["id"]))
            rec = {"file": fname, "cluster": c["id"], "doc": d["id"], "category": cat,
                   "split": split_of(c["id"]), "words": len(d["text"].split())}
            out.append(rec | {"batch": batch} if batch > 1 else rec)
    out.sort(key=lambda p: _hash(p["cluster"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    ap.add_argument("--batch", type=int, default=1, choices=range(1, 13))
    args = ap.parse_args()
    for p in select(Path(args.mds), args.batch):
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
