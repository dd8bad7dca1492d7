"""Word lists and thresholds of the cleaner, loaded once per process from data/*.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thoisu.text import UPPER_CLASS, fold, phrase_alternation

DATA = Path(__file__).parent / "data"

# upper-case letters for the cleaner's regex classes: the one list (text.UPPER_CLASS)
UPPER = UPPER_CLASS


@dataclass(frozen=True, slots=True)
class Lexicon:
    zone_headers: frozenset[str]
    footer_cues: tuple[str, ...]
    widget_cues: frozenset[str]
    widget_phrases: tuple[str, ...]
    caption_words: tuple[str, ...]
    credit_words: tuple[str, ...]
    byline_extras: frozenset[str]
    widget_filler: frozenset[str]
    footer_re: re.Pattern[str]
    contact_re: re.Pattern[str]
    widget_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    platform_end_re: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads((DATA / "furniture.json").read_text(encoding="utf-8"))
    f = {k: [fold(w) for w in v] for k, v in raw.items() if isinstance(v, list)}
    return Lexicon(
        zone_headers=frozenset(f["zone_headers"]),
        footer_cues=tuple(f["footer_cues"]),
        widget_cues=frozenset(f["widget_cues"]),
        widget_phrases=tuple(f["widget_phrases"]),
        caption_words=tuple(f["caption_words"]),
        credit_words=tuple(f["credit_words"]),
        byline_extras=frozenset(f["byline_extras"]),
        widget_filler=frozenset(f["widget_filler"]),
        footer_re=re.compile(r"(?:^|\W)(?:" + phrase_alternation(f["footer_cues"]) + r")(?:\W|$)"),
        # contact words only as a label: "Điện thoại: 024...", not "Điện thoại iPhone 14"
        contact_re=re.compile(r"^(?:" + phrase_alternation(f["contact_cues"]) + r")\s*[:：]"),
        widget_re=re.compile(r"(?:^|\W)(?:" + phrase_alternation(f["widget_phrases"]) + r")(?:\W|$)"),
        cue_re=re.compile(r"(?:^|(?<=\s))(?:" + phrase_alternation(f["widget_cues"]) + r")(?=\s|$)"),
        platform_end_re=re.compile(r"(?:^|\s)(?:trên|qua|tại|on)\s+(?:" + phrase_alternation(f["platforms"]) + r")$"),
    )


@lru_cache(maxsize=1)
def thresholds() -> dict[str, float]:
    return json.loads((DATA / "thresholds.json").read_text(encoding="utf-8"))
