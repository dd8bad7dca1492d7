"""Output files of ``thoisu digest``: digest.json, articles.jsonl, events.jsonl,
events.csv and report.html (see CONTRACT.md)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from thoisu.models import Digest, Entity, Event
from thoisu.report.html import render_report

EVENT_CSV_FIELDS = (
    "id", "type", "mode", "actors", "actor_names", "actor_countries", "recipients",
    "recipient_names", "recipient_countries", "location", "location_name", "date", "date_text",
    "negated", "hypothetical", "future", "article", "line", "text",
)


def event_row(ev: Event, entities: dict[str, Entity]) -> dict[str, Any]:
    """An event with actor and recipient names and country codes written out beside the ids."""

    def names(ids: list[str]) -> list[str]:
        return [entities[i].name if i in entities else i for i in ids]

    def countries(ids: list[str]) -> list[str | None]:
        return [entities[i].country if i in entities else None for i in ids]

    row = ev.to_dict()
    row["actor_names"] = names(ev.actors)
    row["actor_countries"] = countries(ev.actors)
    row["recipient_names"] = names(ev.recipients)
    row["recipient_countries"] = countries(ev.recipients)
    row["location_name"] = (
        entities[ev.location].name if ev.location and ev.location in entities else None
    )
    return row


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key in EVENT_CSV_FIELDS:
        if key == "date":
            flat[key] = row["date"]["value"] if row["date"] else ""
        elif key == "date_text":
            flat[key] = row["date"]["text"] if row["date"] else ""
        else:
            val = row.get(key)
            if isinstance(val, list):
                val = ";".join("" if v is None else str(v) for v in val)
            flat[key] = "" if val is None else val
    return flat


def write_outputs(digest: Digest, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = digest.contract_dict()
    (out / "digest.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    with (out / "articles.jsonl").open("w", encoding="utf-8") as f:
        for art in data["articles"]:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    entities = {e.id: e for e in digest.entities}
    rows = [event_row(ev, entities) for ev in digest.events]
    with (out / "events.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out / "events.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=EVENT_CSV_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row))
    (out / "report.html").write_text(render_report(digest), "utf-8")
