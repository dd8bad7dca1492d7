"""How the articles of eval/gold/actors_dev5.jsonl were chosen (reproducible).

dev5 is round 8's unseen-text sample for the actors work: short mds articles annotated by
reading (entities only, per GUIDELINES.md) before the pipeline was scored on them. The
rule is select_dev4.py's, with these differences:

- banned as well: the dev4 clusters, every cluster whose events split
  (events_select.split_of) is "test" whether or not the events gold holds it yet, and the
  clusters of the events engineer's batch in progress (EVENTS_BRANCH's events.jsonl, read
  with git when that branch exists), so no article is shared with a gold being written;
- topics by quota (TOPICS): world news and politics (vims and "Thế giới", with at least
  WORLD_EVENTS events in their events-gold article as in dev4), crime and courts, economy,
  society (which holds politics at home) and sport; no life, education or technology,
  which the events batch in progress reads;
- economy: no dev-split economy cluster holds an unheld document of MIN_WORDS..MAX_WORDS
  words, so that topic takes documents up to ECONOMY_MAX_WORDS;
- order within a topic: by the md5 of "dev5:" + cluster id (a fixed shuffle), clusters in
  no gold first.

Run: python eval/gold/select_dev5.py [--mds ../shared/mds] -> JSON lines of pointers
"""

from __future__ import annotations

import sys

# run as a script, this folder comes first on sys.path and its select.py would shadow the
# stdlib module subprocess needs
sys.path = [p for p in sys.path if not p.rstrip("/").endswith("eval/gold")]

import argparse  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold"
_spec = importlib.util.spec_from_file_location("events_select", GOLD / "events_select.py")
assert _spec is not None and _spec.loader is not None
_events_select = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_events_select)
split_of = _events_select.split_of

MIN_WORDS, MAX_WORDS = 120, 450
ECONOMY_MAX_WORDS = 560
WORLD_EVENTS = 2
EVENTS_BRANCH = "events-r8"
TOPICS: dict[str, tuple[tuple[str, ...], int]] = {
    "world": (("vims", "Thế giới"), 7),
    "crime": (("Pháp luật",), 4),
    "economy": (("Kinh tế",), 2),
    "society": (("Văn hóa - Xã hội",), 4),
    "sport": (("Giải trí - Thể thao",), 2),
}


def _lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).open(encoding="utf-8")]


def _branch_clusters() -> set[str]:
    """Clusters of the events batch in progress (empty when the branch does not exist)."""
    out = subprocess.run(["git", "-C", str(ROOT), "show", f"{EVENTS_BRANCH}:eval/gold/events.jsonl"],
                         capture_output=True, text=True, check=False)
    return {json.loads(line)["cluster"] for line in out.stdout.splitlines() if line.strip()}


def _key(cluster: str) -> int:
    return int(hashlib.md5(("dev5:" + cluster).encode()).hexdigest(), 16)


def select(mds: Path) -> list[dict]:
    """Return pointers {file, cluster, doc, topic, words, title} in a fixed order."""
    actors = {g["cluster"] for f in ("actors.jsonl", "actors_dev2.jsonl", "actors_dev3.jsonl",
                                     "actors_dev4.jsonl", "actors_test.jsonl") for g in _lines(f)}
    events = _lines("events.jsonl")
    events_dev = {g["cluster"] for g in events if g["split"] == "dev"}
    n_events: dict[str, int] = {}
    for g in events:
        n_events[g["cluster"]] = max(n_events.get(g["cluster"], 0), len(g["events"]))
    quotes_test = {g["cluster"] for g in _lines("quotes_test.jsonl")}
    quotes_dev = {g["cluster"] for g in _lines("quotes_dev.jsonl")}
    held = {(g["cluster"], str(g["doc"])) for f in ("events.jsonl", "quotes_dev.jsonl")
            for g in _lines(f)}
    banned = actors | quotes_test | (_branch_clusters() - events_dev)
    fresh: dict[str, list[dict]] = {t: [] for t in TOPICS}
    second: dict[str, list[dict]] = {t: [] for t in TOPICS}
    for fname in ("vims-dev.jsonl", "abmusu-validation.jsonl", "abmusu-train.jsonl"):
        for line in (mds / fname).open(encoding="utf-8"):
            c = json.loads(line)
            if c["id"] in banned or split_of(c["id"]) == "test":
                continue
            cat = c["category"] or "vims"
            topic = next((t for t, (cats, _) in TOPICS.items() if cat in cats), None)
            if topic is None or (topic == "world" and n_events.get(c["id"], 0) < WORLD_EVENTS):
                continue
            top = ECONOMY_MAX_WORDS if topic == "economy" else MAX_WORDS
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
    for topic, (_, quota) in TOPICS.items():
        ranked = (sorted(fresh[topic], key=lambda p: _key(p["cluster"]))
                  + sorted(second[topic], key=lambda p: _key(p["cluster"])))
        out.extend(ranked[:quota])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    args = ap.parse_args()
    for p in select(Path(args.mds)):
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
