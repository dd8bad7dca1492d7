"""How the articles of eval/gold/actors_dev4.jsonl were chosen (reproducible).

dev4 is a third dev sample of short mds articles for the actors work, annotated by reading
(entities only, per GUIDELINES.md) before the pipeline was scored on it. By rule, without
looking at what any thoisu component finds in them:

- never a cluster of an actors gold (actors.jsonl, actors_dev2/3, actors_test), of the
  events gold's test split (events_select.split_of == "test" and in events.jsonl) or of the
  quotes test gold;
- topics by quota (TOPICS): world news and politics, crime and courts, economy, society,
  sport, everyday life, education, technology. vims clusters have no category and hold
  sport and show business as well as world news, so "world" takes the vims and "Thế giới"
  clusters whose events-gold article holds at least WORLD_EVENTS annotated events
  (happenings between actors: a reading by people, not by any thoisu component);
- clusters in no gold at all come first. The mds clusters that no gold holds are almost
  all sport, technology, health and economy pages (no world news or politics among them),
  so a topic whose quota they cannot fill takes clusters of the events gold's dev split,
  with a document the events gold does not hold (another outlet's article: text no actors
  rule was shaped on, about a happening the events gold knows);
- one document per cluster: the shortest with MIN_WORDS..MAX_WORDS words that no gold
  holds, so each can be read in full;
- order within a topic: by the md5 of "dev4:" + cluster id (a fixed shuffle).

Run: python eval/gold/select_dev4.py [--mds ../shared/mds] -> JSON lines of pointers
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold"
MIN_WORDS, MAX_WORDS = 120, 450
WORLD_EVENTS = 2
# events-gold rows re-coded after these samples were drawn, with the event count the draws
# read: stop 29's consistency call (one ASSAULT per victim of a knife attack) split one
# event of vims-157/1025 into two, which would otherwise let that cluster into dev6/dev7's
# world topic and move draws already annotated
COUNTS_AT_DRAW: dict[tuple[str, str], int] = {("vims-157", "1025"): 1}
# the events gold as it stood when dev4 was drawn: batches 1-5 (batch 1 has no "batch"
# field); later batches hold documents and clusters that would change the draw
EVENTS_BATCHES = 5
ACTORS_FILES = ("actors.jsonl", "actors_dev2.jsonl", "actors_dev3.jsonl", "actors_test.jsonl")
TOPICS: dict[str, tuple[tuple[str, ...], int]] = {
    "world": (("vims", "Thế giới"), 7),
    "crime": (("Pháp luật",), 3),
    "economy": (("Kinh tế",), 3),
    "society": (("Văn hóa - Xã hội",), 3),
    "sport": (("Giải trí - Thể thao",), 3),
    "life": (("Đời sống",), 1),
    "education": (("Giáo dục",), 1),
    "technology": (("Khoa học - Công nghệ",), 1),
}


def _lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).open(encoding="utf-8")]


def _key(salt: str, cluster: str) -> int:
    return int(hashlib.md5((salt + ":" + cluster).encode()).hexdigest(), 16)


def select(mds: Path, *, salt: str = "dev4", topics: dict[str, tuple[tuple[str, ...], int]] = TOPICS,
           actors_files: tuple[str, ...] = ACTORS_FILES, banned_extra: frozenset[str] = frozenset(),
           is_test: Callable[[str], bool] | None = None,
           max_words: dict[str, int] | None = None,
           events_batches: int = EVENTS_BATCHES) -> list[dict]:
    """Return pointers {file, cluster, doc, topic, words, title} in a fixed order.

    The keywords let a later sample (select_dev5.py) reuse the rule: its shuffle salt, topic
    quotas, the actors golds it avoids, more clusters to avoid, a test-split test for
    clusters the events gold does not hold yet, longer documents for some topics, and how
    many events-gold batches existed when it was drawn."""
    actors = {g["cluster"] for f in actors_files for g in _lines(f)}
    events = [g for g in _lines("events.jsonl") if (g.get("batch") or 1) <= events_batches]
    events_test = {g["cluster"] for g in events if g["split"] == "test"}
    events_dev = {g["cluster"] for g in events if g["split"] == "dev"}
    n_events: dict[str, int] = {}
    for g in events:
        n = COUNTS_AT_DRAW.get((g["cluster"], str(g["doc"])), len(g["events"]))
        n_events[g["cluster"]] = max(n_events.get(g["cluster"], 0), n)
    quotes_test = {g["cluster"] for g in _lines("quotes_test.jsonl")}
    quotes_dev = {g["cluster"] for g in _lines("quotes_dev.jsonl")}
    held = {(g["cluster"], str(g["doc"])) for g in events + _lines("quotes_dev.jsonl")}
    banned = actors | events_test | quotes_test | banned_extra
    fresh: dict[str, list[dict]] = {t: [] for t in topics}
    second: dict[str, list[dict]] = {t: [] for t in topics}
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            if c["id"] in banned or (is_test is not None and is_test(c["id"])):
                continue
            cat = c["category"] or "vims"
            topic = next((t for t, (cats, _) in topics.items() if cat in cats), None)
            if topic == "world" and n_events.get(c["id"], 0) < WORLD_EVENTS:
                continue
            if topic is None:
                continue
            top = (max_words or {}).get(topic, MAX_WORDS)
            docs = [d for d in c["documents"] if (c["id"], str(d["id"])) not in held
                    and MIN_WORDS <= len(d["text"].split()) <= top]
            if not docs:
                continue
            d = min(docs, key=lambda d: (len(d["text"].split()), str(d["id"])))
            rec = {"file": fname, "cluster": c["id"], "doc": d["id"], "topic": topic,
                   "words": len(d["text"].split()), "title": d["title"]}
            in_gold = c["id"] in events_dev or c["id"] in quotes_dev
            (second if in_gold else fresh)[topic].append(rec)
    out: list[dict] = []
    for topic, (_, quota) in topics.items():
        ranked = (sorted(fresh[topic], key=lambda p: _key(salt, p["cluster"]))
                  + sorted(second[topic], key=lambda p: _key(salt, p["cluster"])))
        out.extend(ranked[:quota])
    return out


def main(draw: Callable[[Path], list[dict]] = select, doc: str = __doc__) -> None:
    """Print a sample's pointers, one JSON line each (select_dev5.py passes its own draw)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    args = ap.parse_args()
    for p in draw(Path(args.mds)):
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
