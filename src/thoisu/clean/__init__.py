"""Boilerplate removal, multi-article split and article metadata.

Public API: ``extract_articles(page) -> list[Article]``.
"""

from thoisu.clean.extract import classify_lines, extract_articles

__all__ = ["classify_lines", "extract_articles"]
