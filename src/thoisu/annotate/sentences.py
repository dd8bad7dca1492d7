"""Sentence split and word segmentation of article bodies.

The split is a regular expression over sentence-final punctuation rather than
underthesea's ``sent_tokenize``, which breaks inside quotations ('đáp: "Không.' / '"
Ngày ...'). Dotted dates ("16.1", "tháng 9.2023"), decimals, initials ("U.S.", "TP.")
and ellipses inside a sentence must not end it. Words come from underthesea's
``word_tokenize`` (multi-syllable words joined by "_": "Bình_Nhưỡng").
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from thoisu.annotate import crf_tagger
from thoisu.models import Article, Sentence
from thoisu.text import UPPER_CLASS

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) when the
# next non-space character starts a new sentence: an upper-case letter, a digit, an
# opening quote or bracket. A full stop between digits ("16.1") never matches because
# a space is required after it. Upper case is text.UPPER_CLASS: the range "À-Ỹ" once
# used here held most lower-case Vietnamese letters too, and cut "... được đăng" after
# its ellipsis.
_BOUNDARY = re.compile(
    r"""[.!?…]["”’»)\]]*(?=\s+["“‘«(\[]?[""" + UPPER_CLASS + r"""0-9])""",
)
# abbreviations after which a full stop does not end a sentence
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|St|Mr|Mrs|Ms|Dr|Jr|Sr|No|Th|[A-ZĐ])\.)$")


def split_text(text: str) -> list[tuple[int, str]]:
    """Split a paragraph into sentences: (start offset, sentence text) pairs."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        piece = text[start : m.end()]
        if _ABBREV.search(text[start : m.start() + 1]):
            continue
        if piece.strip():
            out.append((start + len(piece) - len(piece.lstrip()), piece.strip()))
        start = m.end()
    rest = text[start:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        out.append((start + lead, rest.strip()))
    return out


def _underthesea_deferred() -> None:
    """Let underthesea's submodules be imported without its package's ``__init__``,
    which imports every pipeline it has (NER, POS, chunking, classification with
    requests): 0.15 s, a third of a digest's start-up, when segmentation needs three
    small modules. The package module is put in place empty and completes itself
    (runs its ``__init__``) the first time anyone reads a name from it, so
    ``from underthesea import ner`` later still works. Nothing done if it is already
    imported or not where expected."""
    import importlib.util
    import sys
    import types

    if "underthesea" in sys.modules:
        return
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return
    pkg = types.ModuleType("underthesea")
    pkg.__spec__, pkg.__loader__, pkg.__file__ = spec, spec.loader, spec.origin
    pkg.__path__, pkg.__package__ = list(spec.submodule_search_locations), "underthesea"
    completing = []

    def complete(name: str) -> object:
        if completing:  # a name its own __init__ reads before defining it
            raise AttributeError(name)
        completing.append(name)
        del pkg.__getattr__  # type: ignore[attr-defined]
        spec.loader.exec_module(pkg)  # type: ignore[union-attr]
        return getattr(pkg, name)

    pkg.__getattr__ = complete  # type: ignore[attr-defined]
    sys.modules["underthesea"] = pkg
    # its own order: text_normalize before word_tokenize (they import each other)
    importlib.import_module("underthesea.pipeline.text_normalize")


@lru_cache(maxsize=1)
def _segmenters() -> tuple[Callable[[str], list[str]], Callable[[str], list[str]], frozenset[str]]:
    # imported lazily, and underthesea's package without its other pipelines
    _underthesea_deferred()
    from underthesea.pipeline.text_normalize.text_normalizer import token_map
    from underthesea.pipeline.word_tokenize import word_tokenize

    def theirs(sentence: str, use_token_normalize: bool = True) -> list[str]:
        _load_model()  # underthesea's own tagger, loaded when a sentence first needs it
        return word_tokenize(sentence, use_token_normalize=use_token_normalize)

    # word_tokenize looks every short token up in its table of misspellings ("taị" ->
    # "tại"), a tenth of the segmentation time; news text seldom holds one, so the
    # lookup runs only for sentences that do, with identical output
    misspelt = frozenset(k for k in token_map if len(k) <= 6)
    ours = _without_normalize()
    if ours is None:
        return theirs, partial(theirs, use_token_normalize=False), misspelt
    return partial(ours, normalize=True), ours, misspelt


def _without_normalize() -> Callable[[str], list[str]] | None:
    """word_tokenize(text, use_token_normalize=False), its steps taken as it takes them
    but each token read as the whole match of underthesea's token pattern: it asks each
    match which of its 14 named groups matched, a third of its tokenizer's time, and the
    answer is always the whole match (its groups do not nest; the words of 25,231 mds
    sentences were compared once, all identical; tests/test_sentences.py compares
    more). None when underthesea's layout is not the one expected."""
    try:
        import underthesea.pipeline.word_tokenize as wt
        from underthesea.pipeline.text_normalize.character_normalize import (
            normalize_characters_in_text,
        )
        from underthesea.pipeline.word_tokenize.regex_tokenize import patterns, tokenize
    except ImportError:
        return None

    def predict(features: list[list[str]]) -> list[str]:
        _load_model()  # underthesea's own tagger, loaded when a sentence first needs it
        return wt.word_tokenize_model.predict(features)

    tagger = _python_tagger()
    whole = _without_groups(patterns)
    if whole is not None:  # findall gives whole matches when nothing is captured
        tokens_of: Callable[[str], list[str]] = whole.findall
    else:
        def tokens_of(text: str) -> list[str]:
            return [m.group() for m in patterns.finditer(text)]

    def segment(sentence: str, normalize: bool = False) -> list[str]:
        text = normalize_characters_in_text(sentence)
        # misspellings normalised ("taị" -> "tại"): underthesea's own tokenizer does it
        tokens = tokenize(sentence) if normalize else tokens_of(text)
        tags = tagger.tag(tokens) if tagger is not None and crf_tagger.plain(text) else None
        if tags is None:  # not ours to tag, or a near tie: underthesea's own tagger
            tags = predict([[t] for t in tokens])
        out: list[str] = []
        for i, (tag, token) in enumerate(zip(tags, tokens, strict=True)):
            if tag == "I-W" and i > 0:
                out[-1] = out[-1] + " " + token
            else:
                out.append(token)
        return out

    # a sentence with every kind of token: another underthesea that reads it otherwise
    # keeps its own tokenizer
    probe = ("Ngày 22/7/2023, TS. Nguyễn Văn A (Viện KH&CN) gửi email a.b@vn.vn, "
             "giá 1.234,5 USD tăng 3% - theo https://vnexpress.net :) ...")
    same = tokens_of(normalize_characters_in_text(probe)) == tokenize(probe, use_token_normalize=False)
    return segment if same else None


@lru_cache(maxsize=1)
def _python_tagger() -> crf_tagger.Tagger | None:
    """underthesea's CRF model scored in Python (crf_tagger: the same tags at a third of
    the cost), or None when its files are laid out otherwise. A model whose files are not
    among those verified (data/segmentation.json: compared with underthesea's tagger on
    every distinct mds sentence) must tag the probe sentences as underthesea's own tagger
    does, which is then loaded to check."""
    tagger = crf_tagger.Tagger.load(_model_dir(), _cache_dir())
    if tagger is None:
        return None
    if tagger.fingerprint in _verified_models():
        return tagger
    import underthesea.pipeline.word_tokenize as wt

    _load_model()
    if wt.word_tokenize_model is None:
        return None
    predict = wt.word_tokenize_model.predict
    for probe in _PROBES:
        tokens = probe.split()
        if tagger.tag(tokens) != list(predict([[t] for t in tokens])):
            return None
    return tagger


def _cache_dir() -> Path | None:
    """The user's cache directory for thoisu (XDG), or None without a home."""
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "thoisu"
    except RuntimeError:  # no home directory
        return None


def _verified_models() -> dict[str, str]:
    data = json.loads((Path(__file__).with_name("data") / "segmentation.json").read_text("utf-8"))
    return data["verified"]


def forget_words() -> None:
    """Empty what segmentation keeps of sentences and words read before (benchmarks read
    pages as new)."""
    _tokenize.cache_clear()
    tagger = _python_tagger() if _segmenters.cache_info().currsize else None
    if tagger is not None:
        tagger.forget()


# tokens of every kind the features read: title case, digits, dictionary words, pairs
_PROBES = ("Ngày 22/7/2023 , TS. Nguyễn Văn A ( Viện KH&CN ) gửi email tới Bộ Ngoại giao",
           "giá 1.234,5 USD tăng 3 % - theo ông Sung Kim , đặc phái viên Mỹ về Triều Tiên",
           "Hà Nội")


def _model_dir() -> Path:
    import underthesea.pipeline.word_tokenize as wt

    return Path(wt.__file__).with_name("models") / "ws_crf_vlsp2013_20230727"


def _without_groups(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The same pattern with every group made non-capturing, or None if that cannot be
    done plainly (a back-reference). Its matches are the same; ``findall`` then returns
    them without a match object each (a quarter less tokenizer time)."""
    src, out, i, in_class = pattern.pattern, [], 0, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            if src[i + 1 : i + 2].isdigit():  # a back-reference
                return None
            out.append(src[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1 + (src[i + 1 : i + 2] == "^")
            if src[j : j + 1] == "]":  # "[]...]": a literal ] first
                out.append(src[i : j + 1])
                i = j + 1
                continue
        elif c == "(" and src.startswith("(?P<", i):
            out.append("(?:")
            i = src.index(">", i) + 1
            continue
        elif c == "(" and src.startswith("(?P=", i):
            return None
        elif c == "(" and not src.startswith("(?", i):
            out.append("(?:")
            i += 1
            continue
        out.append(c)
        i += 1
    try:
        plain = re.compile("".join(out), pattern.flags)
    except re.error:
        return None
    return plain if plain.groups == 0 else None


def _load_model() -> None:
    """Load word_tokenize's CRF model as it would, but read its two pickled tables with
    the C unpickler: joblib reads them with Python's, a fifth of a digest's start-up.
    Whatever differs from the layout expected leaves the loading to underthesea."""
    import pickle

    import underthesea.pipeline.word_tokenize as wt

    if wt.word_tokenize_model is not None:
        return
    try:
        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
        from underthesea_core import CRFFeaturizer, CRFTagger

        model = FastCRFSequenceTagger()
        base = _model_dir()
        tables = []
        for name in (model.path_features, model.path_dictionary):
            with (base / name).open("rb") as fh:
                tables.append(pickle.load(fh))
        tagger = CRFTagger()
        tagger.load(str(base / model.path_model))
        model.featurizer, model.estimator = CRFFeaturizer(*tables), tagger
    except Exception:  # noqa: BLE001 - another underthesea layout: its own loader
        return
    wt.word_tokenize_model = model


# letter runs: a misspelling glued to digits or punctuation is still found
_LETTERS = re.compile(r"[^\W\d_]+")


def tokenize(text: str) -> list[str]:
    """Words of a sentence, multi-syllable words joined with '_'."""
    return list(_tokenize(text))


@lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[str, ...]:
    # reprints repeat sentences word for word (6% of the sentences of 200 vims-dev
    # articles): segmenting one costs 0.6 ms, a bounded cache of recent ones little memory
    full, fast, misspelt = _segmenters()
    nfc = unicodedata.normalize("NFC", text).replace("ð", "đ").replace("Ð", "Đ")
    odd = not misspelt.isdisjoint(_LETTERS.findall(nfc))
    return tuple(w.replace(" ", "_") for w in (full if odd else fast)(text))


def annotate_sentences(article: Article, *, words: bool = True) -> list[Sentence]:
    """Sentences of the article body, each with its source line and (optionally) words."""
    sentences: list[Sentence] = []
    for i, para in enumerate(article.paragraphs):
        for start, sent in split_text(para.text):
            sentences.append(
                Sentence(
                    text=sent,
                    line=para.line,
                    para=i,
                    start=start,
                    tokens=tokenize(sent) if words else [],
                )
            )
    return sentences
