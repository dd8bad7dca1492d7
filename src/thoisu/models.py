"""The records of thoisu, defined once; every other module imports them from here.

The JSON shape of each record is the one in CONTRACT.md: ``to_dict`` gives exactly
the contract fields (plus annotation fields where noted), ``from_dict`` reads them back.
Per-document annotations (sentences, mentions, time expressions) ride on the Article
so that the per-document stage returns one self-contained value per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _plain(v: Any) -> Any:
    if isinstance(v, Record):
        return v.to_dict()
    if isinstance(v, list):
        return [_plain(x) for x in v] if v and isinstance(v[0], (Record, list, dict)) else list(v)
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


class Record:
    """Mixin: plain-dict round trip for dataclass records."""

    def to_dict(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies every value through copy.deepcopy: five times
        # slower, and records are plain data (str, numbers, lists, records)
        return {f: _plain(getattr(self, f)) for f in _field_names(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # noqa: ANN206 - returns cls
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


# --------------------------------------------------------------------------- input


@dataclass(slots=True)
class SourceLine(Record):
    """One line of text as the cleaner sees it, with the 1-based line of the input file."""

    text: str
    line: int


@dataclass(slots=True)
class Page(Record):
    """One input file or record, as received.

    ``lines`` is the text to clean, one entry per text line, each mapped back to the
    line of the input file it came from (for HTML and JSONL this is the line of the
    element or record). ``meta`` holds metadata the format itself carries (title, url,
    published, outlet, author), trusted more than anything guessed from text.
    """

    path: str
    lines: list[SourceLine]
    sha: str  # content hash of the raw bytes (plus record index for JSONL)
    fmt: str  # "txt" | "html" | "jsonl"
    meta: dict[str, Any] = field(default_factory=dict)
    record: int | None = None  # index of the record within a JSONL file

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.lines)


# --------------------------------------------------------------------------- article


@dataclass(slots=True)
class TimeValue(Record):
    """A normalised date in TIMEX3 style: 2017-07-22, 2017-07, 2017, XXXX-07-22."""

    value: str
    text: str


@dataclass(slots=True)
class Paragraph(Record):
    text: str
    line: int


@dataclass(slots=True)
class Sentence(Record):
    """A sentence of an article body: ``para`` indexes Article.paragraphs, ``start`` is
    the character offset of the sentence inside that paragraph's text."""

    text: str
    line: int
    para: int
    start: int
    tokens: list[str] = field(default_factory=list)  # underthesea words, "Bình_Nhưỡng"


@dataclass(slots=True)
class Mention(Record):
    """A surface mention of an actor in one sentence.

    ``key`` is the canonical key of the entity it resolves to within the article
    (e.g. "GPE:PRK", "PER:sergei lavrov"); ``start``/``end`` are character offsets in
    the sentence text. ``role`` keeps a title such as "Thứ trưởng Ngoại giao".
    """

    text: str
    type: str
    key: str
    sentence: int
    start: int
    end: int
    line: int
    name: str = ""  # canonical name the key stands for
    country: str | None = None
    role: str | None = None


@dataclass(slots=True)
class Timex(Record):
    """A date expression found in a sentence, normalised."""

    value: str
    text: str
    sentence: int
    start: int
    end: int
    line: int
    end_value: str | None = None  # for ranges "từ 22/7 đến 25/7"


@dataclass(slots=True)
class EntityMention(Record):
    article: str
    line: int
    text: str


@dataclass(slots=True)
class Event(Record):
    """A PLOVER event; actors/recipients/location hold entity ids."""

    id: str
    type: str
    mode: str | None
    actors: list[str]
    recipients: list[str]
    location: str | None
    date: TimeValue | None
    negated: bool
    hypothetical: bool
    future: bool
    article: str
    line: int
    text: str
    # added to the contract: every report of the same happening (in the article and
    # across its story), counted as GDELT's NumMentions / NumArticles, and the date of
    # the reporting article (never the event's own date)
    mentions: list[EntityMention] = field(default_factory=list)
    n_mentions: int = 1
    n_articles: int = 1
    reported: TimeValue | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        data = dict(data)
        for k in ("date", "reported"):
            if data.get(k) is not None and not isinstance(data[k], TimeValue):
                data[k] = TimeValue(**data[k])
        data["mentions"] = [
            m if isinstance(m, EntityMention) else EntityMention(**m) for m in data.get("mentions") or []
        ]
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Quote(Record):
    id: str
    speaker: str | None
    speaker_text: str | None
    text: str
    direct: bool
    article: str
    line: int


@dataclass(slots=True)
class Article(Record):
    """One news article found in a page. The first block of fields is the contract's;
    the annotations below are filled by the annotate stage and stored, not all of them
    written to digest.json."""

    id: str
    page: str
    title: str | None = None
    title_line: int | None = None
    outlet: str | None = None
    author: str | None = None
    via: str | None = None
    published: TimeValue | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    duplicate_of: str | None = None
    story_id: str | None = None
    quality: str | None = None  # "low": kept on the cleaner's best guess (contract addition)
    # annotations
    sha: str = ""  # hash of the clean text, for duplicate detection
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    CONTRACT_FIELDS = (
        "id", "page", "title", "title_line", "outlet", "author", "via", "published",
        "paragraphs", "duplicate_of", "story_id",
    )

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def contract_dict(self) -> dict[str, Any]:
        # the contract fields only: not the annotations, which are most of the article
        out = {k: _plain(getattr(self, k)) for k in self.CONTRACT_FIELDS}
        if self.quality:
            out["quality"] = self.quality
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        d = dict(data)
        if d.get("published") is not None:
            d["published"] = TimeValue(**d["published"])
        d["paragraphs"] = [Paragraph(**p) for p in d.get("paragraphs", [])]
        d["sentences"] = [Sentence(**s) for s in d.get("sentences", [])]
        d["mentions"] = [Mention(**m) for m in d.get("mentions", [])]
        d["timexes"] = [Timex(**t) for t in d.get("timexes", [])]
        d["events"] = [Event.from_dict(e) for e in d.get("events", [])]
        d["quotes"] = [Quote(**q) for q in d.get("quotes", [])]
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


# --------------------------------------------------------------------------- corpus


@dataclass(slots=True)
class Entity(Record):
    id: str
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    role: str | None = None  # not in the contract's required fields; added


@dataclass(slots=True)
class SummarySentence(Record):
    text: str
    article: str
    line: int


@dataclass(slots=True)
class TimelineEntry(Record):
    date: TimeValue
    text: str
    article: str
    line: int
    event: str | None = None


@dataclass(slots=True)
class Story(Record):
    id: str
    thread_id: str
    title: str
    article_ids: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    # why it joined its thread (threads.join_evidence, without the thread's id): "text"
    # ("joined by: Sung Kim, đàm phán hạt nhân, 2021–2024"), "with" (the story it matched),
    # "p", "participants", "words", "acts", "span"; None for the story that opened it
    joined_by: dict[str, Any] | None = None


@dataclass(slots=True)
class Thread(Record):
    id: str
    title: str
    story_ids: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass(slots=True)
class Digest(Record):
    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)

    SCHEMA = "thoisu.digest/1"

    def contract_dict(self) -> dict[str, Any]:
        return {
            "schema": self.SCHEMA,
            "articles": [a.contract_dict() for a in self.articles],
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "stories": [s.to_dict() for s in self.stories],
            "threads": [t.to_dict() for t in self.threads],
        }
