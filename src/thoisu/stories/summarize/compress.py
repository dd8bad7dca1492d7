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
    """``head_cues`` open a leading clause that can go ("Tuy nhiên, ..."); ``tail_cues``
    end a trailing one (", ông A cho biết."). Clauses of at most ``max_clause`` words;
    what is left keeps at least ``min_rest`` words."""

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
    if len(clause.split()) > rules.max_clause or not any(
            clause == c or clause.startswith(c + " ") for c in rules.head_cues):
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
    base = " ".join(text.split())
    out: list[str] = []
    head = _cut_head(base, rules)
    for s in (head, _cut_tail(base, rules), head and _cut_tail(head, rules)):
        if s and s != base and s not in out:
            out.append(s)
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
