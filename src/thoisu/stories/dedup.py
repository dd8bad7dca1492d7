"""Exact and near-duplicate articles (MinHash + LSH).

An article is a duplicate when the word 3-shingles of its folded text overlap an
earlier article's with an estimated Jaccard at or above a threshold kept in
``data/dedup.json``: the same wire story reprinted with small edits, a page saved
twice. ``duplicate_of`` points at the earliest-seen copy (the root, never a copy of
a copy). ``DuplicateIndex`` persists the signatures (8 bits per permutation,
base64) so duplicates are also found across digest runs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from thoisu.models import Article
from thoisu.stories.minhash import hashvalues
from thoisu.text import fold_word

_WORD = re.compile(r"\w+", re.UNICODE)
_DATA = Path(__file__).with_name("data") / "dedup.json"


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def shingles(text: str, k: int | None = None) -> set[str]:
    """Word k-shingles of the folded text; a text shorter than k words is one shingle.
    (Words are folded one by one, which equals fold(text) split into words, cached.)"""
    k = k or settings()["shingle"]
    words = [fold_word(w) for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(sh: Iterable[str]) -> np.ndarray:
    """MinHash values of a shingle set, truncated to 8 bits to keep stored blobs small:
    a chance collision (1/256) raises a Jaccard estimate by under 0.004, and five
    colliding rows, needed for a false LSH candidate, happen once in 10^12."""
    return (hashvalues([s.encode("utf-8") for s in sh], settings()["num_perm"]) & 0xFF).astype(np.uint8)


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


class DuplicateIndex:
    """Signatures of every article seen, with an LSH index for candidate lookup."""

    def __init__(self) -> None:
        self._bands: dict[tuple[int, int], list[str]] = defaultdict(list)
        self._sigs: dict[str, np.ndarray] = {}
        self._root: dict[str, str] = {}  # article id -> earliest copy (only for copies)
        self.comparisons = 0  # candidate pairs verified, for tests of linear cost

    def __len__(self) -> int:
        return len(self._sigs)

    def original_of(self, article_id: str) -> str | None:
        return self._root.get(article_id)

    def add(self, article_id: str, text: str) -> str | None:
        """Index one article; return the id of the earliest copy it duplicates, or None."""
        if article_id in self._sigs:
            return self._root.get(article_id)
        sh = shingles(text)
        if not sh:
            return None
        sig = signature(sh)
        keys = band_keys(sig)
        best, best_j = None, settings()["article_jaccard"]
        for cand in dict.fromkeys(c for k in keys for c in self._bands.get(k, ())):
            self.comparisons += 1
            j = estimate_jaccard(sig, self._sigs[cand])
            # ties go to the earlier copy: ids are inserted in the order seen
            if j > best_j or (j == best_j and best is None):
                best, best_j = cand, j
        self._insert(article_id, sig, keys)
        if best is None:
            return None
        root = self._root.get(best, best)
        self._root[article_id] = root
        return root

    def _insert(self, article_id: str, sig: np.ndarray, keys: list[tuple[int, int]]) -> None:
        self._sigs[article_id] = sig
        for k in keys:
            self._bands[k].append(article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sigs": {k: base64.b64encode(v.tobytes()).decode("ascii") for k, v in self._sigs.items()},
            "root": self._root,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DuplicateIndex:
        idx = cls()
        for k, b in data.get("sigs", {}).items():
            sig = np.frombuffer(base64.b64decode(b), dtype=np.uint8).copy()
            idx._insert(k, sig, band_keys(sig))
        idx._root = dict(data.get("root", {}))
        return idx

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), separators=(",", ":"))

    @classmethod
    def from_json(cls, s: str) -> DuplicateIndex:
        return cls.from_dict(json.loads(s))


def article_text(article: Article) -> str:
    """The text compared for duplicates: title and body."""
    return "\n".join([article.title or "", article.text])


def mark_duplicates(articles: list[Article], index: DuplicateIndex | None = None) -> int:
    """Set ``duplicate_of`` on every article that copies an earlier one (earlier in the
    index, or earlier in this list). Returns how many were marked."""
    index = index if index is not None else DuplicateIndex()
    n = 0
    for a in articles:
        orig = index.add(a.id, article_text(a))
        if a.duplicate_of is None and orig is not None and orig != a.id:
            a.duplicate_of = orig
        if a.duplicate_of is not None:
            n += 1
    return n



def _bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index (data/dedup.json)."""
    cfg = settings()
    return cfg["lsh_bands"], cfg["lsh_rows"]


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, 63-bit hash of the band's values): two signatures are LSH candidates when
    they share one."""
    b, r = _bands()
    out = []
    for i in range(b):
        h = hashlib.blake2b(sig[i * r : (i + 1) * r].tobytes(), digest_size=8).digest()
        out.append((i, int.from_bytes(h, "big") >> 1))
    return out


class StoredDuplicateIndex:
    """``DuplicateIndex`` kept in the store (tables dedup_sigs, dedup_bands): a new
    article reads the signatures of its LSH candidates only, never all of them.
    Candidates are verified as in ``DuplicateIndex`` and ties go to the earliest stored."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.comparisons = 0

    def original_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT root FROM dedup_sigs WHERE article=?", (article_id,)).fetchone()
        return row[0] if row else None

    def add(self, article_id: str, text: str) -> str | None:
        row = self.db.execute("SELECT root FROM dedup_sigs WHERE article=?", (article_id,)).fetchone()
        if row:
            return row[0]
        sh = shingles(text)
        if not sh:
            return None
        sig = signature(sh)
        keys = band_keys(sig)
        cands: set[str] = set()
        for band, h in keys:
            cands.update(a for (a,) in self.db.execute(
                "SELECT article FROM dedup_bands WHERE band=? AND hash=?", (band, h)
            ))
        best, best_j, root = None, settings()["article_jaccard"], None
        if cands:
            part = sorted(cands)
            rows = self.db.execute(
                "SELECT s.article, s.sig, s.root FROM dedup_sigs s JOIN articles a ON a.id = s.article "
                f"WHERE s.article IN ({','.join('?' * len(part))}) ORDER BY a.seq", part,
            ).fetchall()
            for cand, blob, cand_root in rows:
                self.comparisons += 1
                j = estimate_jaccard(sig, np.frombuffer(blob, dtype=np.uint8))
                if j > best_j or (j == best_j and best is None):
                    best, best_j, root = cand, j, cand_root or cand
        self.db.execute(
            "INSERT INTO dedup_sigs(article, sig, root) VALUES (?,?,?)", (article_id, sig.tobytes(), root)
        )
        self.db.executemany(
            "INSERT INTO dedup_bands(band, hash, article) VALUES (?,?,?)",
            [(band, h, article_id) for band, h in keys],
        )
        return root
