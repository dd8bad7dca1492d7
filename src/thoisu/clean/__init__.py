"""Boilerplate removal, multi-article split and article metadata.

Public API: ``extract_articles(page) -> list[Article]`` (and ``classify_lines(page)``,
which returns the page's lines with the reason each furniture line was dropped).

How it works, in order:
  lines.py      features of each non-empty line (shape, punctuation, capitals, repetition on
                the page, "AA" doubling, date lines, captions, cue words from data/furniture.json)
  furniture.py  rules: headings of related/trending/comment blocks open a zone that lasts until
                the running text resumes; widgets, footers, captions, timestamps, repeated lines,
                menus, category labels
  split.py      the headline (also inside a site-header block, never a menu, label or unpunctuated
                lead), bylines and credits, and article boundaries: a signature followed by a new
                headline and a body of its own, or with no signature a headline carrying its own
                date line/byline or opening text on another subject (bigram cohesion); headline +
                teaser lists end the text
  scorer.py     a logistic regression (data/line_model.json, trained by train/clean_model.py on
                synthetic pages) for the short lines the rules leave; a lone headline between
                paragraphs is a "read more" insert
  metadata.py   bylines, credits, dateline prefixes ("VOV.VN -"), outlet from "Theo dõi X trên"
  dateline.py   publication dates, only from metadata, a date line next to the headline or the
                signature, or the dateline prefix

Headlines are found by the page's structure more than by word lists: widget lines of
unknown words are shorter than headlines, menus split on any short run of symbols, date
lines may carry the outlet or the writer. Unsigned articles split on subjects (syllable
pairs shared, the headline matching its own lead and not the text above); live blogs keep
their stamped entries; a tag line ends an article.

A page with text never yields nothing: when the layers above keep no article, extract.py keeps
its best guess and flags it ``quality="low"`` (a page of named furniture only still gives none).
A sapo printed twice keeps its first copy (furniture.py).
"""

from thoisu.clean.extract import classify_lines, extract_articles

__all__ = ["classify_lines", "extract_articles"]
