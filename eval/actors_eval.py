"""Score actors (entities), PLOVER events and quotes against the gold set.

    .venv/bin/python eval/actors_eval.py [--gold eval/gold/actors.jsonl] [--mds ../shared/mds]
                                         [--show 10] [--json OUT.json] [--gold-mentions]
                                         [--article CLUSTER[/DOC] ...]

For each gold article (pointers into ../shared/mds, annotated by hand, see
eval/gold/GUIDELINES.md) the article is rebuilt from the mds record (paragraphs = the
``text`` split on newlines, line = paragraph index + 1, the title) and run through the
per-document pieces that exist: sentences, dates, mentions, events, quotes; then the
corpus-stage entity merge over all gold articles. Pieces that are not importable yet are
reported "not available" and the rest is still scored.

Matching rules (all one-to-one, greedy, per article):
- entity: same type (PER/ORG/GPE; LOC reported on its own row) and names match: the
  name keys (``text.fold``, hyphens/spaces/underscores ignored, also tried without a
  generic head such as "Tập đoàn", "TP", "Tạp chí") of the canonical name or any
  surface form intersect.
- event: same type, paragraphs within +-1, and every gold actor matched (same name
  matching) by some predicted actor or recipient. Type-only: same type and paragraph
  window, participants ignored.
- quote: a predicted direct quote covers >= 50% of the gold quote's words; the gold
  quote text is recovered from the article by paragraph + anchor (no article text is
  stored in the gold file). Speaker correct when the names match (or both are null).
  Predicted direct quotes under 4 words, or over a quoted title/term the gold marks
  "ignore", are not scored (the gold leaves them out).
  Indirect statements are annotated only in part: recall only.

``--gold-mentions`` replaces find_mentions by mentions built from the gold entities: a
diagnostic that scores events and quotes as if mention finding were perfect.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from thoisu.models import PLOVER_TYPES, Article, Mention, Paragraph  # noqa: E402, F401
from thoisu.text import fold  # noqa: E402

MAIN_TYPES = ("PER", "ORG", "GPE")
QUOTE_OVERLAP = 0.5  # share of gold quote words a predicted quote must cover
MIN_QUOTE_WORDS = 4  # direct quotes shorter than this are not annotated in the gold
PARA_WINDOW = 1  # events may sit one paragraph away from the gold paragraph
_OPENERS = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'"}
_WORD = re.compile(r"\w+", re.UNICODE)
_IGNORED = re.compile(r"[\s\-‐‑–_.]+")  # periods too: "Lê Thị H." is "Lê Thị H"
# generic heads written before a name that the gold leaves out ("Tập đoàn TH True Milk",
# "Tạp chí Forbes", "TP Quetta"): a name also matches with them removed
_CLASSIFIER = re.compile(
    r"^(?:thành phố|tp\.?|tỉnh|tập đoàn|công ty|tạp chí|báo|tờ|hãng tin|hãng thông tấn|hãng|đảng)\s+")


# --------------------------------------------------------------------------- names


def name_key(text: str) -> str:
    """Matching key of a name: folded, hyphens/spaces/underscores dropped."""
    return _IGNORED.sub("", fold(text or ""))


def name_keys(text: str) -> set[str]:
    """The key of a name, and of the name without a generic head such as "Tập đoàn"."""
    folded = fold((text or "").replace("_", " "))
    return {k for k in (name_key(folded), name_key(_CLASSIFIER.sub("", folded))) if k}


@dataclass
class Ent:
    """An entity as scored: gold entry or predicted entity (within one article)."""

    name: str
    type: str
    surface: set[str] = field(default_factory=set)
    country: str | None = None
    key: str = ""  # predicted: entity id or mention key

    def keys(self) -> set[str]:
        return set().union(*(name_keys(s) for s in {self.name, *self.surface}))


def names_match(a: Ent, b: Ent) -> bool:
    return bool(a.keys() & b.keys())



def greedy_pairs(cands: list[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: best-ranked (rank, gold, pred) candidates first."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(cands):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs

def match_entities(gold: list[Ent], pred: list[Ent], *, typed: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): canonical-name agreement first."""
    cands: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        gk = name_key(g.name)
        for j, p in enumerate(pred):
            if typed and g.type != p.type:
                continue
            if not names_match(g, p):
                continue
            cands.append((0 if gk == name_key(p.name) else 1, i, j))
    return greedy_pairs(cands)


# --------------------------------------------------------------------------- events


@dataclass
class Ev:
    type: str
    para: int
    actors: list[Ent]
    recipients: list[Ent]
    mode: str | None = None
    flags: tuple[bool, bool, bool] = (False, False, False)  # negated, hypothetical, future
    label: str = ""  # for error listings
    date: str | None = None  # the date expression as written (gold) / TimeValue.text (pred)


def dates_agree(gold_date: str, pred_date: str | None) -> bool:
    """The predicted date expression covers the gold one, or the other way round."""
    if not pred_date:
        return False
    g, p = name_key(gold_date), name_key(pred_date)
    return bool(g and p) and (g in p or p in g)


def event_matches(g: Ev, p: Ev, *, typed_only: bool = False) -> bool:
    if g.type != p.type or abs(g.para - p.para) > PARA_WINDOW:
        return False
    if typed_only:
        return True
    parts = p.actors + p.recipients
    return all(any(names_match(a, q) for q in parts) for a in g.actors)


def match_events(gold: list[Ev], pred: list[Ev], *, typed_only: bool = False) -> list[tuple[int, int]]:
    """One-to-one pairs, nearest paragraph first, then most recipients also matched."""
    cands: list[tuple[tuple[int, int], int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if event_matches(g, p, typed_only=typed_only):
                parts = p.actors + p.recipients
                extra = sum(any(names_match(r, q) for q in parts) for r in g.recipients)
                cands.append(((abs(g.para - p.para), -extra), i, j))
    return greedy_pairs(cands)


# --------------------------------------------------------------------------- quotes


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text or ""))


def overlap(gold_text: str, pred_text: str) -> float:
    """Share of the gold quote's words (multiset) found in the predicted quote."""
    g = Counter(words(gold_text))
    if not g:
        return 0.0
    p = Counter(words(pred_text))
    return sum((g & p).values()) / sum(g.values())


def quote_span(paragraph: str, anchor: str, direct: bool = True) -> str:
    """Text of the gold quote that starts with ``anchor`` in ``paragraph``.

    Direct: from the anchor to the mark closing the one opened just before it (or the
    paragraph end when a quotation runs on). Indirect: the sentence holding the anchor.
    """
    at = paragraph.find(anchor)
    if at < 0:
        return anchor
    if not direct:
        ends = [m.end() for m in re.finditer(r"[.!?…](?=\s|$)", paragraph)]
        start = max([e for e in ends if e <= at], default=0)
        end = min([e for e in ends if e > at], default=len(paragraph))
        return paragraph[start:end].strip()
    k = at - 1
    while k >= 0 and paragraph[k] == " ":
        k -= 1
    closer = _OPENERS.get(paragraph[k]) if k >= 0 else None
    search_from = at + len(anchor)
    if closer is None:  # anchor not right after a mark: close at the first closing mark
        hits = [paragraph.find(c, search_from) for c in "”\"»’"]
        hits = [h for h in hits if h >= 0]
        end = min(hits) if hits else len(paragraph)
    else:  # the matching mark; outlets mix “ with " so fall back to any closing mark
        end = paragraph.find(closer, search_from)
        if end < 0:
            hits = [h for h in (paragraph.find(c, search_from) for c in "”\"»’") if h >= 0]
            end = min(hits) if hits else len(paragraph)
    return paragraph[at:end]


@dataclass
class Qt:
    text: str
    para: int
    speaker: Ent | None
    direct: bool = True
    speaker_text: str | None = None
    ignore: bool = False  # gold only: a quoted title or term, neither credited nor penalised


def speaker_ok(g: Qt, p: Qt) -> bool:
    if g.speaker is None:
        return p.speaker is None and not p.speaker_text
    if p.speaker is not None and names_match(g.speaker, p.speaker):
        return True
    if p.speaker_text:
        return names_match(g.speaker, Ent(name=p.speaker_text, type=g.speaker.type))
    return False


def match_quotes(gold: list[Qt], pred: list[Qt]) -> list[tuple[int, int]]:
    cands: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = overlap(g.text, p.text)
            if ov >= QUOTE_OVERLAP:
                cands.append((-ov, i, j))
    return greedy_pairs(cands)


# --------------------------------------------------------------------------- scores


@dataclass
class PRF:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self, label: str) -> str:
        return (f"  {label:<28} P {self.p:6.3f}  R {self.r:6.3f}  F1 {self.f:6.3f}"
                f"   (tp {self.tp}, pred {self.pred}, gold {self.gold})")

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


# --------------------------------------------------------------------------- gold + mds


def load_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_docs(mds: Path, gold: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    wanted: dict[str, set[str]] = {}
    for g in gold:
        wanted.setdefault(g["file"], set()).add(g["cluster"])
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for fname, clusters in wanted.items():
        with open(mds / fname, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] in clusters:
                    for d in c["documents"]:
                        out[(fname, c["id"], d["id"])] = d
    return out


def build_article(g: dict[str, Any], doc: dict[str, Any]) -> Article:
    paras = [Paragraph(text=t, line=i + 1) for i, t in enumerate(doc["text"].split("\n")) if t.strip()]
    art = Article(id=f"{g['cluster']}-{g['doc']}", page=f"{g['file']}#{g['cluster']}/{g['doc']}",
                  title=doc.get("title"), outlet=doc.get("outlet"), paragraphs=paras)
    parse_date = PIECES.get("parse_date")
    if parse_date and doc.get("published"):
        try:
            art.published = parse_date(doc["published"])
        except Exception:  # noqa: BLE001 - a metadata parser failure must not stop scoring
            art.published = None
    return art


def gold_entities(g: dict[str, Any]) -> list[Ent]:
    return [Ent(name=e["name"], type=e["type"], surface=set(e.get("surface") or []),
                country=e.get("country")) for e in g["entities"]]


def gold_events(g: dict[str, Any], by_name: dict[str, Ent]) -> list[Ev]:
    out = []
    for e in g["events"]:
        out.append(Ev(
            type=e["type"], para=e["para"], mode=e.get("mode"),
            actors=[by_name[n] for n in e["actors"]], recipients=[by_name[n] for n in e["recipients"]],
            flags=(bool(e.get("negated")), bool(e.get("hypothetical")), bool(e.get("future"))),
            date=e.get("date"),
            label=f"{e['type']}{'/' + e['mode'] if e.get('mode') else ''} {e['actors']} -> "
                  f"{e['recipients']} [{e.get('anchor') or ''}]",
        ))
    return out


def gold_quotes(g: dict[str, Any], doc: dict[str, Any], by_name: dict[str, Ent]) -> list[Qt]:
    paras = doc["text"].split("\n")
    out = []
    for q in g["quotes"]:
        direct = q.get("direct", True)
        text = quote_span(paras[q["para"]], q["anchor"], direct)
        out.append(Qt(text=text, para=q["para"], direct=direct, ignore=bool(q.get("ignore")),
                      speaker=by_name.get(q["speaker"]) if q.get("speaker") else None))
    return out


# --------------------------------------------------------------------------- pipeline


def _import(module: str, name: str) -> Any:
    try:
        mod = __import__(module, fromlist=[name])
        return getattr(mod, name)
    except (ImportError, AttributeError):
        return None


PIECES: dict[str, Any] = {
    "annotate_sentences": _import("thoisu.annotate.sentences", "annotate_sentences"),
    "parse_date": _import("thoisu.dates", "parse_date"),
    "find_timexes": _import("thoisu.dates", "find_timexes"),
    "find_mentions": _import("thoisu.actors", "find_mentions"),
    "merge_entities": _import("thoisu.actors", "merge_entities"),
    "code_events": _import("thoisu.annotate.events", "code_events"),
    "find_quotes": _import("thoisu.annotate.quotes", "find_quotes"),
}
STEPS = (("sentences", "annotate_sentences"), ("timexes", "find_timexes"),
         ("mentions", "find_mentions"), ("events", "code_events"), ("quotes", "find_quotes"))


def gold_mentions(art: Article, g: dict[str, Any]) -> list[Mention]:
    """Mentions taken from the gold entities (every surface form found in a sentence,
    longest first, no overlaps): ``--gold-mentions`` scores events and quotes with the
    actors given, to separate their errors from those of mention finding."""
    found: list[Mention] = []
    for k, sent in enumerate(art.sentences):
        for e in g["entities"]:
            for sf in e.get("surface") or [e["name"]]:
                for m in re.finditer(r"(?<!\w)" + re.escape(sf) + r"(?!\w)", sent.text):
                    found.append(Mention(text=sf, type=e["type"], key=f"{e['type']}:{fold(e['name'])}",
                                         sentence=k, start=m.start(), end=m.end(), line=sent.line,
                                         name=e["name"], country=e.get("country")))
    found.sort(key=lambda m: (m.sentence, m.start, -m.end))
    kept: list[Mention] = []
    for m in found:
        if kept and kept[-1].sentence == m.sentence and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def run_pipeline(articles: list[Article], gold: list[dict[str, Any]] | None = None
                 ) -> tuple[dict[str, str], dict[str, int]]:
    """Run what exists; returns the key -> entity id map and failures per piece.
    With ``gold``, mentions come from the gold entities instead of find_mentions."""
    errors: Counter[str] = Counter()
    for n, art in enumerate(articles):
        for attr, piece in STEPS:
            fn = PIECES.get(piece)
            if gold is not None and piece == "find_mentions":
                fn = lambda a, g=gold[n]: gold_mentions(a, g)  # noqa: E731
            if fn is None:
                continue
            try:
                setattr(art, attr, fn(art))
            except Exception as exc:  # noqa: BLE001 - report and keep scoring the rest
                errors[piece] += 1
                if errors[piece] == 1:
                    print(f"! {piece} failed on {art.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
    ids: dict[str, str] = {}
    names: dict[str, tuple[str, str | None]] = {}
    merge = PIECES.get("merge_entities")
    if merge is not None and PIECES.get("find_mentions") is not None and gold is None:
        try:
            entities, ids = merge(articles)
            names = {e.id: (e.name, e.country) for e in entities}
        except Exception as exc:  # noqa: BLE001
            errors["merge_entities"] += 1
            print(f"! merge_entities failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            ids = {}
    _ENTITY_NAMES.clear()
    _ENTITY_NAMES.update(names)
    return ids, dict(errors)


_ENTITY_NAMES: dict[str, tuple[str, str | None]] = {}


def _key_name(key: str) -> str:
    """Readable name of a mention key with no mention behind it: "PER:sergei lavrov"."""
    return key.split(":", 1)[1] if ":" in key else key


def predicted_entities(art: Article, ids: dict[str, str]) -> tuple[list[Ent], dict[str, Ent]]:
    """Distinct entities of one article (mentions grouped by merged entity id) and a
    lookup from every mention key / entity id to its entity."""
    groups: dict[str, Ent] = {}
    lookup: dict[str, Ent] = {}
    for m in art.mentions:
        eid = ids.get(m.key, m.key)
        ent = groups.get(eid)
        if ent is None:
            name, country = _ENTITY_NAMES.get(eid, (m.name or _key_name(m.key), m.country))
            ent = groups[eid] = Ent(name=name, type=m.type, country=country, key=eid)
        ent.surface.add(m.text)
        if m.name:
            ent.surface.add(m.name)
        lookup[m.key] = lookup[eid] = ent
    return list(groups.values()), lookup


def _participant(key: str, lookup: dict[str, Ent]) -> Ent:
    return lookup.get(key) or Ent(name=_key_name(key), type=key.split(":", 1)[0] if ":" in key else "")


def predicted_events(art: Article, lookup: dict[str, Ent]) -> list[Ev]:
    """One row per report (mention line) of each coded event: this gold annotates a
    happening again in each paragraph that reports it with new participants, so merged
    events are scored per report, with the participants of the whole event."""
    return [Ev(type=e.type, para=line - 1, mode=e.mode,
               actors=[_participant(k, lookup) for k in e.actors],
               recipients=[_participant(k, lookup) for k in e.recipients],
               flags=(e.negated, e.hypothetical, e.future),
               date=e.date.text if e.date else None,
               label=f"{e.type}{'/' + e.mode if e.mode else ''} {e.actors} -> {e.recipients} "
                     f"[{e.text[:70]}]")
            for e in art.events
            for line in dict.fromkeys([m.line for m in e.mentions] or [e.line])]


def predicted_quotes(art: Article, lookup: dict[str, Ent]) -> list[Qt]:
    return [Qt(text=q.text, para=q.line - 1, direct=q.direct, speaker_text=q.speaker_text,
               speaker=_participant(q.speaker, lookup) if q.speaker else None)
            for q in art.quotes]


# --------------------------------------------------------------------------- main


def evaluate(gold: list[dict[str, Any]], docs: dict, show: int = 10,
             given_mentions: bool = False) -> dict[str, Any]:
    articles = [build_article(g, docs[(g["file"], g["cluster"], g["doc"])]) for g in gold]
    ids, errors = run_pipeline(articles, gold if given_mentions else None)
    ent = {t: PRF() for t in (*MAIN_TYPES, "LOC")}
    ent_all, ent_any = PRF(), PRF()
    country = Counter()
    ev_full, ev_type = PRF(), PRF()
    ev_by_type: dict[str, PRF] = {}
    flags_ok = Counter()
    q_det, q_spk, q_ind = PRF(), PRF(), PRF()
    fn_ent: Counter[tuple[str, str]] = Counter()
    fp_ent: Counter[tuple[str, str]] = Counter()
    fn_ev: list[str] = []
    fp_ev: list[str] = []
    fn_q: list[str] = []
    fp_q: list[str] = []
    for g, art in zip(gold, articles, strict=True):
        doc = docs[(g["file"], g["cluster"], g["doc"])]
        where = f"{g['cluster']}/{g['doc']}"
        gents = gold_entities(g)
        by_name = {e.name: e for e in gents}
        pents, lookup = predicted_entities(art, ids)
        # entities ------------------------------------------------------------
        pairs = match_entities(gents, pents)
        for t in ent:
            ent[t].add(sum(1 for i, _ in pairs if gents[i].type == t),
                       sum(1 for p in pents if p.type == t), sum(1 for e in gents if e.type == t))
        main_pairs = [(i, j) for i, j in pairs if gents[i].type in MAIN_TYPES]
        ent_all.add(len(main_pairs), sum(1 for p in pents if p.type in MAIN_TYPES),
                    sum(1 for e in gents if e.type in MAIN_TYPES))
        any_pairs = match_entities(gents, pents, typed=False)
        ent_any.add(len(any_pairs), len(pents), len(gents))
        for i, j in main_pairs:
            if gents[i].country:
                country["gold"] += 1
                country["ok"] += int(pents[j].country == gents[i].country)
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        for i, e in enumerate(gents):
            if i not in mg:
                fn_ent[(e.type, e.name)] += 1
        for j, p in enumerate(pents):
            if j not in mp:
                fp_ent[(p.type, p.name)] += 1
        # events --------------------------------------------------------------
        gev = gold_events(g, by_name)
        pev = predicted_events(art, lookup)
        pairs = match_events(gev, pev)
        ev_full.add(len(pairs), len(pev), len(gev))
        ev_type.add(len(match_events(gev, pev, typed_only=True)), len(pev), len(gev))
        for t in {e.type for e in gev} | {e.type for e in pev}:
            ev_by_type.setdefault(t, PRF()).add(
                sum(1 for i, _ in pairs if gev[i].type == t), sum(1 for e in pev if e.type == t),
                sum(1 for e in gev if e.type == t))
        for i, j in pairs:
            flags_ok["n"] += 1
            flags_ok["ok"] += int(gev[i].flags == pev[j].flags)
            if gev[i].date:
                flags_ok["dated"] += 1
                flags_ok["date_ok"] += int(dates_agree(gev[i].date, pev[j].date))
            if gev[i].mode:
                flags_ok["moded"] += 1
                flags_ok["mode_ok"] += int(gev[i].mode == pev[j].mode)
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        fn_ev += [f"{where} p{e.para}: {e.label}" for i, e in enumerate(gev) if i not in mg]
        fp_ev += [f"{where} p{e.para}: {e.label}" for j, e in enumerate(pev) if j not in mp]
        # quotes --------------------------------------------------------------
        gq = gold_quotes(g, doc, by_name)
        pq = predicted_quotes(art, lookup)
        gd = [q for q in gq if q.direct and not q.ignore]
        # the gold holds direct quotes of MIN_QUOTE_WORDS words or more; shorter quoted
        # phrases, and quoted titles/terms the gold marks "ignore", are neither credited
        # nor counted against a system
        skip = [q for q in gq if q.ignore]
        pd = [q for q in pq if q.direct and len(words(q.text)) >= MIN_QUOTE_WORDS
              and not any(overlap(s.text, q.text) >= QUOTE_OVERLAP for s in skip)]
        pairs = match_quotes(gd, pd)
        q_det.add(len(pairs), len(pd), len(gd))
        q_spk.add(sum(1 for i, j in pairs if speaker_ok(gd[i], pd[j])), len(pd), len(gd))
        gi = [q for q in gq if not q.direct and not q.ignore]
        pi = [q for q in pq if not q.direct]
        ipairs = [(i, j) for i, j in match_quotes(gi, pi) if abs(gi[i].para - pi[j].para) <= 0]
        q_ind.add(sum(1 for i, j in ipairs if speaker_ok(gi[i], pi[j])), len(pi), len(gi))
        for i, j in pairs:
            if not speaker_ok(gd[i], pd[j]):
                want = gd[i].speaker.name if gd[i].speaker else None
                got = pd[j].speaker.name if pd[j].speaker else pd[j].speaker_text
                fn_q.append(f"{where} p{gd[i].para}: speaker {got!r}, gold {want!r}")
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        fn_q += [f"{where} p{q.para}: missed quote of {q.speaker.name if q.speaker else None!r}: "
                 f"{q.text[:40]!r}" for i, q in enumerate(gd) if i not in mg]
        fp_q += [f"{where} p{q.para}: {q.text[:50]!r}" for j, q in enumerate(pd) if j not in mp]

    n = lambda k: sum(len(g[k]) for g in gold)  # noqa: E731
    nq = lambda direct: sum(1 for g in gold for q in g["quotes"]  # noqa: E731
                            if q.get("direct", True) == direct and not q.get("ignore"))
    return {
        "gold_mentions": given_mentions,
        "articles": len(gold),
        "gold_counts": {"entities": n("entities"), "events": n("events"),
                        "quotes": nq(True) + nq(False), "direct_quotes": nq(True),
                        "indirect_quotes": nq(False)},
        "available": {k: v is not None for k, v in PIECES.items()}, "errors": errors,
        "entities": {**{t: ent[t].as_dict() for t in ent}, "micro": ent_all.as_dict(),
                     "any_type": ent_any.as_dict(),
                     "country_acc": round(country["ok"] / country["gold"], 4) if country["gold"] else None},
        "events": {"full": ev_full.as_dict(), "type_only": ev_type.as_dict(),
                   "by_type": {t: v.as_dict() for t, v in sorted(ev_by_type.items())},
                   "flags_acc": round(flags_ok["ok"] / flags_ok["n"], 4) if flags_ok["n"] else None,
                   "date_acc": _ratio(flags_ok["date_ok"], flags_ok["dated"]),
                   "mode_acc": _ratio(flags_ok["mode_ok"], flags_ok["moded"])},
        "quotes": {"direct": q_det.as_dict(), "speaker": q_spk.as_dict(), "indirect": q_ind.as_dict()},
        "_worst": {
            "entities FN (type, name: articles)": [f"{t} {nm}: {c}" for (t, nm), c in fn_ent.most_common(show)],
            "entities FP (type, name: articles)": [f"{t} {nm}: {c}" for (t, nm), c in fp_ent.most_common(show)],
            "events FN": _spread(fn_ev, show), "events FP": _spread(fp_ev, show),
            "quotes FN / wrong speaker": fn_q[:show], "quotes FP": fp_q[:show],
        },
        "_prf": {"ent": ent, "ent_all": ent_all, "ent_any": ent_any, "ev_full": ev_full,
                 "ev_type": ev_type, "ev_by_type": ev_by_type, "q_det": q_det, "q_spk": q_spk,
                 "q_ind": q_ind},
    }


def _ratio(a: int, b: int) -> str | None:
    return f"{a}/{b} = {a / b:.3f}" if b else None


def _spread(items: list[str], k: int) -> list[str]:
    """Up to k items, round-robin over event types so one type does not fill the list."""
    by_type: dict[str, list[str]] = {}
    for s in items:
        by_type.setdefault(s.split(": ", 1)[1].split(" ", 1)[0].split("/")[0], []).append(s)
    out: list[str] = []
    while len(out) < k and any(by_type.values()):
        for t in sorted(by_type, key=lambda t: -len(by_type[t])):
            if by_type[t] and len(out) < k:
                out.append(by_type[t].pop(0))
    return out


def report(res: dict[str, Any]) -> None:
    prf = res["_prf"]
    print(f"gold: {res['articles']} articles, {res['gold_counts']['entities']} entities, "
          f"{res['gold_counts']['events']} events, {res['gold_counts']['direct_quotes']} direct + "
          f"{res['gold_counts']['indirect_quotes']} indirect quotes")
    if res["gold_mentions"]:
        print("  MENTIONS GIVEN FROM THE GOLD (--gold-mentions): entity rows are not a score")
    for k, v in res["available"].items():
        print(f"  {k:<20} {'ok' if v else 'not available'}"
              f"{'  (' + str(res['errors'][k]) + ' failures)' if res['errors'].get(k) else ''}")
    print("\nENTITIES")
    for t in MAIN_TYPES:
        print(prf["ent"][t].row(t))
    print(prf["ent_all"].row("micro PER+ORG+GPE"))
    print(prf["ent"]["LOC"].row("LOC (separate)"))
    print(prf["ent_any"].row("names only, any type"))
    print(f"  country agreement on matched PER/ORG/GPE: {res['entities']['country_acc']}")
    print("\nEVENTS")
    print(prf["ev_full"].row("type + participants"))
    print(prf["ev_type"].row("type only"))
    for t, v in sorted(prf["ev_by_type"].items()):
        print(v.row(f"  {t}"))
    print(f"  flags (negated/hyp/future) agreement on matched: {res['events']['flags_acc']}")
    print(f"  date found on matched events with a gold date: {res['events']['date_acc']}")
    print(f"  mode agreement on matched events with a gold mode: {res['events']['mode_acc']}")
    print("\nQUOTES")
    print(prf["q_det"].row("direct quote found"))
    print(prf["q_spk"].row("direct + right speaker"))
    ind = prf["q_ind"]
    print(f"  {'indirect + speaker':<28} R {ind.r:6.3f}   (tp {ind.tp}, gold {ind.gold}; "
          f"recall only: indirect quotes are annotated only in part)")
    for title, items in res["_worst"].items():
        print(f"\n{title}:")
        for s in items or ["(none)"]:
            print(f"  {s}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "eval" / "gold" / "actors.jsonl"))
    ap.add_argument("--mds", default=str(ROOT.parent / "shared" / "mds"))
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--article", action="append", metavar="CLUSTER[/DOC]",
                    help="score only these gold articles (repeatable), e.g. vims-080/527")
    ap.add_argument("--gold-mentions", action="store_true",
                    help="feed events/quotes mentions built from the gold entities (diagnostic)")
    args = ap.parse_args(argv)
    gold = load_gold(Path(args.gold))
    if args.article:
        gold = [g for g in gold if any(a in (g["cluster"], f"{g['cluster']}/{g['doc']}")
                                       for a in args.article)]
        if not gold:
            print(f"no gold article matches {args.article}", file=sys.stderr)
            return 2
    mds = Path(args.mds)
    if not mds.exists():
        print(f"mds data not found at {mds}", file=sys.stderr)
        return 1
    res = evaluate(gold, load_docs(mds, gold), args.show, args.gold_mentions)
    report(res)
    if args.json:
        Path(args.json).write_text(json.dumps({k: v for k, v in res.items() if k != "_prf"},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
