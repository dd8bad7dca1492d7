"""Shared fixtures: where ../shared lives, and helpers to build pages in tests."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import pytest

from thoisu.models import Page, SourceLine

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
MDS = SHARED / "mds"


def page_from_text(text: str, path: str = "page.txt") -> Page:
    lines = [SourceLine(t, i + 1) for i, t in enumerate(text.split("\n"))]
    return Page(path=path, lines=lines, sha=hashlib.sha256(text.encode()).hexdigest(), fmt="txt")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    return SEEDS


@functools.cache
def seed_articles(name: str) -> tuple:
    """The seed page's articles through the real per-document stage (process_page),
    so end-to-end tests see the same annotations a digest does."""
    from thoisu.ingest import read_inputs
    from thoisu.pipeline import process_page

    return tuple(a for page in read_inputs([str(SEEDS / name)]) for a in process_page(page))
