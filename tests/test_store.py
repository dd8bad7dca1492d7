from __future__ import annotations

import pytest

from thoisu.models import Article, Digest, Entity, Paragraph, TimeValue
from thoisu.store import Store

from .conftest import page_from_text


def _article(aid: str) -> Article:
    return Article(id=aid, page="p.txt", title="T", paragraphs=[Paragraph("Một đoạn.", 3)],
                   published=TimeValue("2017-07-22", "22/7/2017"))


def test_page_and_articles_round_trip(tmp_path):
    page = page_from_text("Tiêu đề\n\nMột đoạn.")
    with Store(tmp_path / "t.db") as st:
        assert st.add_page(page, [_article("a-0"), _article("a-1")])
        assert not st.add_page(page, [_article("a-0")])  # same content: nothing stored twice
        arts = list(st.articles())
    assert [a.id for a in arts] == ["a-0", "a-1"]
    assert arts[0].published == TimeValue("2017-07-22", "22/7/2017")
    assert arts[0].paragraphs == [Paragraph("Một đoạn.", 3)]


def test_failed_page_write_leaves_nothing(tmp_path):
    page = page_from_text("x")
    with Store(tmp_path / "t.db") as st:
        with pytest.raises(AttributeError):
            st.add_page(page, [_article("a-0"), object()])  # second article cannot be written
        assert not st.has_page(page.sha)
        assert st.count("articles") == 0


def test_corpus_replaced_as_a_whole(tmp_path):
    with Store(tmp_path / "t.db") as st:
        st.save_corpus(Digest(entities=[Entity("E1", "Nga", "GPE", "RUS")]))
        st.save_corpus(Digest(entities=[Entity("E2", "Mỹ", "GPE", "USA")]))
        assert [e["id"] for e in st.corpus("entities")] == ["E2"]
        st.set_state("k", "v1")
        st.set_state("k", "v2")
        assert st.get_state("k") == "v2"
