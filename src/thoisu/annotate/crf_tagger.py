"""Word segmentation's CRF scored in Python, from underthesea's own model files.

underthesea tags a sentence by writing 43 feature strings a token (``T[-1,0].lower=hà
nội``) in Rust, handing them back to Python, and giving them to its Rust tagger, which
looks each string up again: three quarters of a digest's segmentation time is spent
making and reading those strings. Each feature depends on one, two or three adjacent
tokens, so the weights they add up to can be kept per token, pair and triple of tokens
once seen, and a sentence is scored by adding a dozen kept numbers a token.

The model is read from the CRFsuite file underthesea ships (``models.bin``: header,
feature chunk, label and attribute CQDB string tables), with the feature templates and
the dictionary beside it; the sums prepared from them can be kept in a cache directory.
``Tagger.load`` returns None for anything not as expected, and ``annotate.sentences``
then keeps underthesea's own tagger; sentences holding characters outside the Latin and
punctuation blocks, where Python's and Rust's case rules could part, are tagged by
underthesea too.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import pickle
import re
import struct
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

_TEMPLATE = re.compile(r"^T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?$")
_FACTS = ("isdigit", "istitle", "is_in_dict")  # yes/no templates, in the order of their key
_BOS, _EOS = "\x00BOS", "\x00EOS"  # padding tokens; no text token starts with NUL
_TIE = 1e-9  # a closer choice may fall otherwise with underthesea's order of sums
_CACHE_LIMIT = 25_000  # entries per cache before it is emptied: about 10 MB at most, flat in long runs

Scores = Sequence[float]

# Latin (with Vietnamese), combining marks, punctuation and currency signs: where
# Python's case and digit rules are the ones underthesea_core's Rust featurizer applies
# (every character of these blocks compared once, alone and in tokens); "ƛ" (U+019B) has
# an upper case in Unicode 16 that Python 3.11's tables lack
_PLAIN = re.compile(r"[\x00-\u019a\u019c-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]*")


def plain(text: str) -> bool:
    """Whether every character of the text is of the blocks this tagger reads as
    underthesea_core does; others are left to underthesea's own tagger."""
    return _PLAIN.fullmatch(text) is not None


def _cqdb_strings(buf: bytes, base: int) -> list[str]:
    """The strings of a CQDB table, by id (crfsuite's cqdb.c layout)."""
    chunk, _size, _flag, _order, n, bwd = struct.unpack_from("<4sIIIII", buf, base)
    if chunk != b"CQDB":
        raise ValueError("not a CQDB chunk")
    out: list[str] = []
    for i in range(n):
        (offset,) = struct.unpack_from("<I", buf, base + bwd + 4 * i)
        ident, size = struct.unpack_from("<II", buf, base + offset)
        if ident != i:
            raise ValueError("CQDB ids out of order")
        start = base + offset + 8
        out.append(buf[start : start + size - 1].decode("utf-8"))
    return out

def read_crfsuite(buf: bytes) -> tuple[list[str], list[str], list[list[float]], list[list[float]]]:
    """Labels, attributes, the state weights of each attribute (one per label) and the
    transition weights (row: previous label) of a CRFsuite first-order model file's bytes."""
    magic, _size, kind, _version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs = (
        struct.unpack_from("<4sI4sIIIIIII", buf, 0))
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a CRFsuite first-order model")
    labels = _cqdb_strings(buf, off_labels)
    attrs = _cqdb_strings(buf, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError("table sizes disagree with the header")
    chunk, _csize, n_features = struct.unpack_from("<4sII", buf, off_feat)
    if chunk != b"FEAT":
        raise ValueError("no feature chunk")
    row = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
    feats = np.frombuffer(buf, dtype=row, count=n_features, offset=off_feat + 12)
    if not np.isin(feats["type"], (0, 1)).all():
        raise ValueError("unknown feature type")
    state, trans = feats[feats["type"] == 0], feats[feats["type"] == 1]
    weights = np.zeros((n_attrs, n_labels))
    np.add.at(weights, (state["src"], state["dst"]), state["weight"])
    moves = np.zeros((n_labels, n_labels))
    np.add.at(moves, (trans["src"], trans["dst"]), trans["weight"])
    return labels, attrs, weights.tolist(), moves.tolist()


def _summed(plan: list[tuple[int, str | None, dict[str, Scores]]], size: int,
            value_of: Callable[[str | None], str | None]) -> tuple[float, ...]:
    """Per column, the weights of the templates of ``plan`` at the values ``value_of``
    gives their kinds (None: the template is not read)."""
    acc = [0.0] * size
    for col, kind, table in plan:
        value = value_of(kind)
        w = table.get(value) if value is not None else None
        if w is not None:
            acc[col] += w[0]
            acc[col + 1] += w[1]
    return tuple(acc)


def _token_facts(token: str) -> tuple[str, bool, bool]:
    """Lower case, title case and digits of one token, as underthesea_core's featurizer
    reads them (title: its first character is its own upper case; digits: ASCII only)."""
    first = token[0]
    return token.lower(), first.upper() == first, token.isascii() and token.isdigit()


class Tagger:
    """A two-label CRF tagger whose features are underthesea's token templates ``T[a]``,
    ``T[a,b]`` with ``lower``, ``isdigit``, ``istitle`` and ``is_in_dict``, windows of one
    to three tokens, and whose scores are kept per token, pair and triple once computed."""

    def __init__(self, templates: Sequence[str], dictionary: frozenset[str], labels: list[str],
                 attrs: Sequence[str], weights: Sequence[Scores], trans: Sequence[Scores]) -> None:
        if len(labels) != 2:
            raise ValueError("a two-label model is expected")
        self.labels = labels
        self.fingerprint = ""  # sha256 of the model's files, set by load
        self._dict = dictionary
        (self._t00, self._t01), (self._t10, self._t11) = trans
        # attribute weights by template: "T[0,1].lower=hà nội" -> tables["T[0,1].lower"]["hà nội"]
        tables: dict[str, dict[str, Scores]] = {}
        for attr, w in zip(attrs, weights, strict=True):
            name, _, value = attr.partition("=")
            tables.setdefault(name, {})[value] = w
        by_width: dict[int, list[tuple[int, str | None, dict[str, Scores]]]] = {1: [], 2: [], 3: []}
        for name in templates:
            m = _TEMPLATE.match(name)
            if not m:
                raise ValueError(f"template {name}")
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) is not None else start
            if not 1 <= end - start + 1 <= 3:
                raise ValueError(f"template {name}")
            by_width[end - start + 1].append((start, m.group(3), tables.get(name, {})))
        # per width: the start offsets its templates use, and each template as
        # (column of its start offset's first label, kind, weights by value)
        self._starts = {w: sorted({a for a, _, _ in ts}) for w, ts in by_width.items()}
        plans = {w: [(2 * self._starts[w].index(a), kind, table) for a, kind, table in ts]
                 for w, ts in by_width.items()}
        # a window's sums are those of its text, of its lower case and of its yes/no facts
        # (digits, title case, in the dictionary): each summed over its templates once
        self._text_sums: dict[int, tuple[dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]]] = {}
        self._fact_sums: dict[int, dict[tuple[bool, bool, bool], tuple[float, ...]]] = {}
        # a window over the sentence's edge: every template reads BOS (or EOS)
        self._edge_sums: dict[int, dict[str, tuple[float, ...]]] = {}
        for width, plan in plans.items():
            size = 2 * len(self._starts[width])
            self._edge_sums[width] = {pad: _summed(plan, size, lambda _kind, pad=pad: pad)
                                      for pad in ("BOS", "EOS")}
            text: dict[str, list[float]] = {}
            lower: dict[str, list[float]] = {}
            for col, kind, table in plan:
                if kind in (None, "lower"):
                    into = text if kind is None else lower
                    for value, w in table.items():
                        acc = into.setdefault(value, [0.0] * size)
                        acc[col] += w[0]
                        acc[col + 1] += w[1]
            self._text_sums[width] = ({v: tuple(a) for v, a in text.items()},
                                      {v: tuple(a) for v, a in lower.items()})
            facts: dict[tuple[bool, bool, bool], tuple[float, ...]] = {}
            for key in itertools.product((False, True), repeat=3):
                facts[key] = _summed(  # type: ignore[index]
                    plan, size, lambda kind, key=key: str(key[_FACTS.index(kind)]) if kind in _FACTS else None)
            self._fact_sums[width] = facts
        self._kinds = {w: {kind for _, kind, _ in ts} for w, ts in by_width.items()}
        self._caches: tuple[dict[tuple[str, ...], tuple[float, ...]], ...] = ({}, {}, {})
        self._token_facts: dict[str, tuple[str, bool, bool]] = {}
        self._sums: dict[tuple[float, ...], tuple[float, ...]] = {}

    @classmethod
    def load(cls, model_dir: Path, cache_dir: Path | None = None) -> Tagger | None:
        """The tagger of an underthesea CRF model directory, or None if it is not laid out
        as expected (``models.bin``, ``features.bin``, ``dictionary.bin``). With
        ``cache_dir``, the prepared sums are kept there under the model's fingerprint and
        this module's own, and read back by later processes (a fifth of the time to
        prepare them)."""
        try:
            raw = {name: (model_dir / name).read_bytes()
                   for name in ("features.bin", "dictionary.bin", "models.bin")}
        except OSError:
            return None
        digest = hashlib.sha256()
        for name in sorted(raw):
            digest.update(raw[name])
        fingerprint = digest.hexdigest()
        kept = None
        if cache_dir is not None:
            code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
            kept = cache_dir / f"crf-{fingerprint[:16]}-{code[:16]}.pickle"
            try:
                tagger = pickle.loads(kept.read_bytes())
                if isinstance(tagger, cls) and tagger.fingerprint == fingerprint:
                    return tagger
            except Exception:  # noqa: BLE001 - none kept, or unreadable: prepared again
                pass
        try:
            templates = pickle.loads(raw["features.bin"])
            dictionary = frozenset(pickle.loads(raw["dictionary.bin"]))
            tagger = cls(list(templates), dictionary, *read_crfsuite(raw["models.bin"]))
        except Exception:  # noqa: BLE001 - another model layout: underthesea tags
            return None
        tagger.fingerprint = fingerprint
        if kept is not None:
            try:  # written whole, then renamed: a concurrent process reads all or nothing
                kept.parent.mkdir(parents=True, exist_ok=True)
                part = kept.with_suffix(f".{os.getpid()}.part")
                part.write_bytes(pickle.dumps(tagger, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(part, kept)
                for old in cache_dir.glob(f"crf-{fingerprint[:16]}-*.pickle"):
                    if old != kept:  # prepared by another version of this module
                        old.unlink(missing_ok=True)
            except OSError:
                pass
        return tagger

    def forget(self) -> None:
        """Empty the kept sums (as a fresh process has them)."""
        for cache in (*self._caches, self._token_facts, self._sums):
            cache.clear()

    def _facts(self, token: str) -> tuple[str, bool, bool]:
        facts = self._token_facts.get(token)
        if facts is None:
            if len(self._token_facts) >= _CACHE_LIMIT:
                self._token_facts.clear()
            facts = self._token_facts[token] = _token_facts(token)
        return facts

    def _window(self, width: int, window: tuple[str, ...]) -> tuple[float, ...]:
        """The summed weights of a width's templates on this window of padded tokens:
        two columns (the labels) per start offset."""
        cache = self._caches[width - 1]
        kept = cache.get(window)
        if kept is not None:
            return kept
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
            self._sums.clear()
        pad = "BOS" if window[0] == _BOS else "EOS" if window[-1] == _EOS else None
        if pad is None:
            facts = [self._facts(t) for t in window]
            kinds = self._kinds[width]
            low = " ".join([f[0] for f in facts])
            key = ("isdigit" in kinds and all([f[2] for f in facts]),
                   "istitle" in kinds and all([f[1] for f in facts]),
                   "is_in_dict" in kinds and low in self._dict)
            text, lower = self._text_sums[width]
            parts = [self._fact_sums[width][key]]
            for found in (text.get(" ".join(window)), lower.get(low)):
                if found is not None:
                    parts.append(found)
            kept = parts[0] if len(parts) == 1 else tuple(map(sum, zip(*parts, strict=True)))
        else:
            kept = self._edge_sums[width][pad]
        # most pairs and triples match only a few yes/no attributes: their sums repeat
        kept = cache[window] = self._sums.setdefault(kept, kept)
        return kept

    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """Per token, the state score of each label (n x 2)."""
        n = len(tokens)
        padded = (_BOS, _BOS, *tokens, _EOS, _EOS)
        out = np.zeros((n, 2))
        for width in (1, 2, 3):
            starts = self._starts[width]
            if not starts:
                continue
            kept, window = self._caches[width - 1].get, self._window
            windows = [padded[p : p + width] for p in range(len(padded) - width + 1)]
            sums = np.array([kept(w) or window(width, w) for w in windows])
            for slot, a in enumerate(starts):
                # token i (padded index i + 2) reads the window that starts at i + 2 + a
                out += sums[2 + a : 2 + a + n, 2 * slot : 2 * slot + 2]
        return out

    def tag(self, tokens: Sequence[str]) -> list[str] | None:
        """The best label sequence (Viterbi; ties go to the lower label, as in
        underthesea_core's tagger), or None when a choice on the way is a near tie.
        The sums here are added in another order than underthesea's, so they may differ
        from its own in the last bits: a choice closer than _TIE could go the other way
        there (runs of symbols the model never saw give exact ties), and such a sentence
        is left to underthesea's tagger."""
        if not tokens:
            return []
        em = self.emissions(tokens).tolist()
        t00, t01, t10, t11 = self._t00, self._t01, self._t10, self._t11
        s0, s1 = em[0]
        back: list[tuple[int, int]] = []
        closest = math.inf
        for e0, e1 in em[1:]:
            a, b = s0 + t00, s1 + t10
            c, d = s0 + t01, s1 + t11
            closest = min(closest, abs(a - b), abs(c - d))
            back.append((0 if a >= b else 1, 0 if c >= d else 1))
            s0, s1 = (a if a >= b else b) + e0, (c if c >= d else d) + e1
        if min(closest, abs(s0 - s1)) < _TIE:
            return None
        y = 0 if s0 >= s1 else 1
        path = [y]
        for ptr in reversed(back):
            y = ptr[y]
            path.append(y)
        names = self.labels
        return [names[k] for k in reversed(path)]
