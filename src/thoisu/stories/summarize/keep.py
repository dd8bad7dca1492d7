"""Learned keep rates: how often a syllable or bigram, when in a training cluster's
documents, made it into that cluster's human summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Stats = dict[str, tuple[float, float]]  # key -> (training clusters holding it, summed share)


@dataclass(slots=True)
class KeepRates:
    """Keep rates learned from training clusters: for a syllable or a bigram ("a b"), in
    how many clusters' documents it occurs and the summed share of those clusters'
    references that contain it. Speech verbs and connectives ("cho biết", "bên cạnh đó")
    are in many documents and few summaries; names and figures are usually kept. A rate
    is smoothed toward the overall rate (``smooth`` pseudo-clusters), so rare entries
    say little. ``own_*`` (training only) are a cluster's own statistics, left out so
    its features never see its own summaries."""

    syllables: Stats
    bigrams: Stats
    prior_syllable: float
    prior_bigram: float
    smooth: float
    own_syllables: dict[str, float] | None = None
    own_bigrams: dict[str, float] | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeepRates:
        return cls({k: (v[0], v[1]) for k, v in data["syllables"].items()},
                   {k: (v[0], v[1]) for k, v in data["bigrams"].items()},
                   float(data["prior_syllable"]), float(data["prior_bigram"]),
                   float(data["smooth"]))

    def rate(self, key: str, bigram: bool) -> tuple[float, float]:
        """(smoothed keep rate, clusters seen) of a syllable or a bigram key."""
        table, own = ((self.bigrams, self.own_bigrams) if bigram
                      else (self.syllables, self.own_syllables))
        seen, kept = table.get(key, (0.0, 0.0))
        if own and key in own and seen:
            seen, kept = seen - 1, kept - own[key]
        prior = self.prior_bigram if bigram else self.prior_syllable
        return (kept + self.smooth * prior) / (seen + self.smooth), seen
