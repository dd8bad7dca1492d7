"""The cleaner on the five seed pages, checked against a hand-written gold
(tests/data/clean_seeds_gold.json). The code under test never reads that file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, page_from_text
from thoisu.clean import extract_articles

GOLD = json.loads((Path(__file__).parent / "data" / "clean_seeds_gold.json").read_text(encoding="utf-8"))
NAMES = [k for k in GOLD if not k.startswith("_")]


def _page(name: str):
    path = SEEDS / name
    if not path.is_file():
        pytest.skip("../shared/seeds not available")
    return page_from_text(path.read_text(encoding="utf-8"), path=str(path))


def _nonempty(name: str) -> set[int]:
    text = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    return {i + 1 for i, t in enumerate(text) if t.strip()}


@pytest.fixture(scope="module")
def results():
    return {name: extract_articles(_page(name)) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_article_count_titles_authors(results, name):
    arts, gold = results[name], GOLD[name]
    assert len(arts) == len(gold)
    for a, g in zip(arts, gold, strict=True):
        assert a.title == g["title"]
        assert a.title_line == g["title_line"]
        assert a.author == g["author"]
        assert a.via == g["via"]
        assert a.outlet == g["outlet"]


def test_six_articles_in_all(results):
    assert sum(len(v) for v in results.values()) == 6


@pytest.mark.parametrize("name", NAMES)
def test_no_furniture_kept_and_body_kept(results, name):
    arts, gold = results[name], GOLD[name]
    body = {ln for g in gold for ln in g["body"]}
    kept = {p.line for a in arts for p in a.paragraphs}
    furniture = _nonempty(name) - body
    assert not (kept & furniture), f"furniture kept: {sorted(kept & furniture)}"
    assert len(kept & body) / len(body) >= 0.95
    # each body line lands in its own article
    for a, g in zip(arts, gold, strict=True):
        assert {p.line for p in a.paragraphs} <= set(g["body"])


def test_body_kept_overall(results):
    body = kept = 0
    for name in NAMES:
        gold_lines = {ln for g in GOLD[name] for ln in g["body"]}
        got = {p.line for a in results[name] for p in a.paragraphs}
        body += len(gold_lines)
        kept += len(gold_lines & got)
    assert kept / body >= 0.95


@pytest.mark.parametrize("name", NAMES)
def test_never_dated_from_furniture(results, name):
    for a in results[name]:
        if a.published is not None:
            assert not a.published.value.startswith(("2025", "2026"))


@pytest.mark.parametrize("name", NAMES)
def test_dateline_stripped_and_text_kept(results, name):
    arts, gold = results[name], GOLD[name]
    raw = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    for a, g in zip(arts, gold, strict=True):
        if "first_paragraph_starts" in g:
            assert a.paragraphs[0].text.startswith(g["first_paragraph_starts"])
        for p in a.paragraphs[1:]:
            assert p.text == raw[p.line - 1].strip()  # no merging, original text


def test_article_ids(results):
    for name in NAMES:
        for k, a in enumerate(results[name]):
            assert a.id.endswith(f"-{k}")
            assert len(a.id.split("-")[0]) == 12
