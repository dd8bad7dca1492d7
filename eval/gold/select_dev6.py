"""How the articles of eval/gold/actors_dev6.jsonl were chosen (reproducible).

dev6 is round 9's unseen-text sample for the actors work: short mds articles annotated by
reading (entities only, per GUIDELINES.md) before the pipeline was scored on them. The
rule is select_dev4.py's (through select_dev5.py's way of calling it), with these
differences:

- banned as well: the dev4 and dev5 clusters, every cluster whose events split
  (events_select.split_of) is "test" whether or not the events gold holds it yet, and every
  cluster of the events gold's held-out batch 7; the events gold is read as it stands
  (batches 1-7);
- topics by quota (TOPICS), weighted toward what analysts read: world news and politics
  (vims and "Thế giới", with at least WORLD_EVENTS events in their events-gold article as
  in dev4), crime and courts, economy, then society (which holds politics at home); no
  sport, life, education or technology;
- longer documents (MAX_WORDS per topic): with four golds drawn, few clusters outside them
  still hold a document of select_dev4's 120..450 words (world 7, crime 1, economy 0,
  society 2), so world news and society take up to 600 words, crime and economy up to 800;
- order within a topic: by the md5 of "dev6:" + cluster id (a fixed shuffle), clusters in
  no gold first.

Run: python eval/gold/select_dev6.py [--mds ../shared/mds] -> JSON lines of pointers
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling selection scripts

import select_dev4 as _dev4  # noqa: E402
from events_select import split_of  # noqa: E402

EVENTS_BATCHES = 7  # the events gold on main when dev6 was drawn
HELD_OUT_BATCH = 7  # the events batch kept for a later round, avoided
TOPICS: dict[str, tuple[tuple[str, ...], int]] = {
    "world": (("vims", "Thế giới"), 8),
    "crime": (("Pháp luật",), 5),
    "economy": (("Kinh tế",), 3),
    "society": (("Văn hóa - Xã hội",), 4),
}
MAX_WORDS = {"world": 600, "society": 600, "crime": 800, "economy": 800}


def select(mds: Path) -> list[dict]:
    """Return pointers {file, cluster, doc, topic, words, title} in a fixed order."""
    held_out = frozenset(g["cluster"] for g in _dev4._lines("events.jsonl")
                         if g.get("batch") == HELD_OUT_BATCH)
    return _dev4.select(mds, salt="dev6", topics=TOPICS,
                        actors_files=(*_dev4.ACTORS_FILES, "actors_dev4.jsonl",
                                      "actors_dev5.jsonl"),
                        banned_extra=held_out, is_test=lambda c: split_of(c) == "test",
                        max_words=MAX_WORDS,
                        events_batches=EVENTS_BATCHES)


if __name__ == "__main__":
    _dev4.main(select, __doc__)
