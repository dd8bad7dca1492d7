"""How the articles of eval/gold/actors_dev7.jsonl were chosen (reproducible).

dev7 is round 10's unseen-text sample for the actors work: short mds articles annotated by
reading (entities only, per GUIDELINES.md) before the pipeline was scored on them. The
rule is select_dev6.py's (select_dev4.select with dev6's topic quotas, word limits, the
events gold's test split and held-out batch 7 banned), with these differences:

- banned as well: the dev6 clusters (so no cluster of any actors gold is drawn again);
- the shuffle's salt is "dev7";
- with six golds drawn, dev6's word limits leave 9 documents (world 4, crime 1, economy 0,
  society 4), so every topic takes documents of up to MAX_WORDS = 900 words, and the places
  a topic still cannot fill go to society (the largest pool): world 7, crime 3, economy 1,
  society 9.

Run: python eval/gold/select_dev7.py [--mds ../shared/mds] -> JSON lines of pointers
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling selection scripts

import select_dev4 as _dev4  # noqa: E402
import select_dev6 as _dev6  # noqa: E402
from events_select import split_of  # noqa: E402

MAX_WORDS = 900
FILL_TOPIC = "society"


def _draw(mds: Path, topics: dict[str, tuple[tuple[str, ...], int]]) -> list[dict]:
    held_out = frozenset(g["cluster"] for g in _dev4._lines("events.jsonl")
                         if g.get("batch") == _dev6.HELD_OUT_BATCH)
    return _dev4.select(mds, salt="dev7", topics=topics,
                        actors_files=(*_dev4.ACTORS_FILES, "actors_dev4.jsonl",
                                      "actors_dev5.jsonl", "actors_dev6.jsonl"),
                        banned_extra=held_out, is_test=lambda c: split_of(c) == "test",
                        max_words=dict.fromkeys(topics, MAX_WORDS),
                        events_batches=_dev6.EVENTS_BATCHES)


def select(mds: Path) -> list[dict]:
    """Return pointers {file, cluster, doc, topic, words, title} in a fixed order."""
    first = _draw(mds, _dev6.TOPICS)
    short = sum(q for _, q in _dev6.TOPICS.values()) - len(first)
    if not short:
        return first
    cats, quota = _dev6.TOPICS[FILL_TOPIC]
    topics = {**_dev6.TOPICS, FILL_TOPIC: (cats, quota + short)}
    return _draw(mds, topics)


if __name__ == "__main__":
    _dev4.main(select, __doc__)
