"""How the articles of eval/gold/actors_dev5.jsonl were chosen (reproducible).

dev5 is round 8's unseen-text sample for the actors work: short mds articles annotated by
reading (entities only, per GUIDELINES.md) before the pipeline was scored on them. The
rule is select_dev4.py's, with these differences:

- banned as well: the dev4 clusters, every cluster whose events split
  (events_select.split_of) is "test" whether or not the events gold holds it yet, and the
  clusters of the events batch that was being annotated at the same time (batch 7 of
  eval/gold/events.jsonl, then on its own branch), so no article is shared with a gold being
  written; the events gold is read as it stood then (batches 1-6);
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling selection scripts

import select_dev4 as _dev4  # noqa: E402
from events_select import split_of  # noqa: E402

ECONOMY_MAX_WORDS = 560
EVENTS_BATCHES = 6  # the events gold on main when dev5 was drawn
PARALLEL_BATCH = 7  # the events batch annotated at the same time, avoided
TOPICS: dict[str, tuple[tuple[str, ...], int]] = {
    "world": (("vims", "Thế giới"), 7),
    "crime": (("Pháp luật",), 4),
    "economy": (("Kinh tế",), 2),
    "society": (("Văn hóa - Xã hội",), 4),
    "sport": (("Giải trí - Thể thao",), 2),
}


def select(mds: Path) -> list[dict]:
    """Return pointers {file, cluster, doc, topic, words, title} in a fixed order."""
    parallel = frozenset(g["cluster"] for g in _dev4._lines("events.jsonl")
                         if g.get("batch") == PARALLEL_BATCH)
    return _dev4.select(mds, salt="dev5", topics=TOPICS,
                        actors_files=(*_dev4.ACTORS_FILES, "actors_dev4.jsonl"),
                        banned_extra=parallel, is_test=lambda c: split_of(c) == "test",
                        max_words={"economy": ECONOMY_MAX_WORDS}, events_batches=EVENTS_BATCHES)


if __name__ == "__main__":
    _dev4.main(select, __doc__)
