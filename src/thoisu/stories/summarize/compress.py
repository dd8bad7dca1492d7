"""Shorter variants of a candidate sentence: the clause at either end that only ties it
to its context cut off.

Human summaries drop the connective that tied a sentence to its neighbour in the article
("Tuy nhiên, ...", "Bên cạnh đó, ...": the neighbour is seldom in the summary) and may
drop who said it ("..., ông A cho biết."). A variant only deletes a whole clause at one
end of the sentence (and capitalises what is left), so its text is still read on the
source line. It competes in the selection with its sentence by the same concept weight
per word; its bigrams are a subset of the sentence's, so once one of the two is picked
the other is a near-duplicate and never picked. The cue words are data (``compress``
among the model file's selection parameters); no cues, no variants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thoisu.models import SummarySentence
from thoisu.stories.summarize.documents import Candidate, bigrams, syllables


@dataclass(frozen=True, slots=True)
class Rules:
    """``head_cues``: a leading clause that is one of them can go ("Tuy nhiên, ...");
    ``tail_cues`` end a trailing clause of at most ``max_clause`` words that can go
    (", ông A cho biết."). What is left keeps at least ``min_rest`` words."""

    head_cues: tuple[str, ...] = ()
    tail_cues: tuple[str, ...] = ()
    max_clause: int = 10
    min_rest: int = 8

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Rules | None:
        if not data:
            return None
        return cls(tuple(data.get("head_cues", ())), tuple(data.get("tail_cues", ())),
                   int(data.get("max_clause", 10)), int(data.get("min_rest", 8)))


_FINAL = ".!?…"


def _cut_head(text: str, rules: Rules) -> str | None:
    """'Tuy nhiên, facts.' -> 'Facts.'"""
    at = text.find(", ")
    if at < 0:
        return None
    clause = text[:at].strip().lower()
    if clause not in rules.head_cues:  # the connective alone: "Đặc biệt là trong tháng 5," stays
        return None
    rest = text[at + 2:].strip()
    if len(rest.split()) < rules.min_rest:
        return None
    return rest[:1].upper() + rest[1:]


def _cut_tail(text: str, rules: Rules) -> str | None:
    """'Facts, ông A cho biết.' -> 'Facts.' (only a clause ending the sentence with a
    full stop; a quotation closed before it keeps its marks)."""
    body = text.rstrip()
    if not body or body[-1] not in _FINAL:
        return None
    end = body[-1]
    body = body.rstrip(_FINAL).rstrip()
    at = body.rfind(", ")
    if at < 0:
        return None
    clause = body[at + 2:].strip().lower()
    if len(clause.split()) > rules.max_clause or not any(
            clause == c or clause.endswith(" " + c) for c in rules.tail_cues):
        return None
    rest = body[:at].rstrip()
    if len(rest.split()) < rules.min_rest:
        return None
    return rest + end


def variants(text: str, rules: Rules | None) -> list[str]:
    """Distinct shorter versions of ``text`` (not ``text`` itself): head cut, tail cut,
    both."""
    if rules is None:
        return []
    # cheap tests first: most sentences open with no cue and end with no cued clause
    head = tail = None
    if rules.head_cues and text[:40].lower().startswith(rules.head_cues):
        head = _cut_head(" ".join(text.split()), rules)
    if rules.tail_cues:
        tail = _cut_tail(" ".join(text.split()), rules)
    out: list[str] = []
    for v in (head, tail, head and _cut_tail(head, rules)):
        if v and v not in out:
            out.append(v)
    return out


def with_variants(cands: list[Candidate], rules: Rules | None) -> list[Candidate]:
    """``cands`` followed by the variants of each (same document, position and line)."""
    out = list(cands)
    if rules is None:
        return out
    for c in cands:
        for v in variants(c.sent.text, rules):
            toks = syllables(v)
            out.append(Candidate(c.doc, c.pos, SummarySentence(
                text=v, article=c.sent.article, line=c.sent.line), toks, bigrams(toks),
                len(v.split())))
    return out
