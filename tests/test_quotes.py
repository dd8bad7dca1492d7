"""Quote attribution on seed paragraphs, with hand-built mentions."""

from __future__ import annotations

import pytest

from tests.test_events import build
from thoisu.actors import find_mentions
from thoisu.annotate.quotes import find_quotes
from thoisu.annotate.sentences import annotate_sentences
from thoisu.models import Article, Paragraph

from .conftest import seed_articles


def test_frame_after_quote_names_the_speaker():
    art = build([
        "“Chúng tôi đã nói với ông ấy (Đại sứ Burmistrov) rằng nếu Mỹ không từ bỏ chính sách thù địch "
        "nhằm vào Triều Tiên, chúng tôi sẽ không đưa vấn đề vũ khí hạt nhân và tên lửa đạn đạo lên bàn "
        "đàm phán”, KCNA cho biết.",
        '"Chính trị của Mỹ và các vệ tinh trong khu vực của họ nhằm tạo ra mối đe dọa đối với an ninh '
        'của Triều Tiên không góp phần thúc đẩy tiến bộ theo hướng tích cực. Chúng tôi sẽ tiếp tục kêu '
        'gọi chấm dứt bất kỳ bước đi nào dẫn đến leo thang căng thẳng", RT dẫn lời ông Lavrov.',
        "“Việc ngoại trưởng hai nước thường xuyên gặp gỡ là một bằng chứng nữa cho thấy mối quan hệ "
        "hữu nghị Triều - Nga đang mạnh mẽ tiến về phía trước\", Reuters dẫn lời bà Choe.",
        '"Về chuyến thăm của ông Putin, vâng, chuyện đó nằm trong chương trình nghị sự", ông Peskov '
        'nói với báo giới.',
    ])
    qs = [q for q in find_quotes(art) if q.direct]
    assert [q.speaker for q in qs] == ["ORG:KCNA", "PER:sergei lavrov", "PER:choe son hui",
                                       "PER:dmitry peskov"]
    assert qs[0].text.startswith("Chúng tôi đã nói") and qs[0].text.endswith("bàn đàm phán")
    # one quote cut in two by the sentence splitter comes out whole
    assert "tích cực. Chúng tôi sẽ tiếp tục" in qs[1].text
    assert [q.id for q in qs] == [f"t-0-q{i}" for i in range(4)]
    assert [q.line for q in qs] == [1, 2, 3, 4]


def test_dan_loi_cites_the_person_a_title_phrase_names():
    # "dẫn lời" + a body or country whose title phrase goes on to a person: the person
    # speaks, not the ministry or North Korea; a body named alone still speaks itself
    art = Article(id="t-0", page="p", paragraphs=[Paragraph(t, i + 1) for i, t in enumerate([
        "Hãng tin Yonhap dẫn lời người phát ngôn Bộ Quốc phòng Hàn Quốc Moon Sang-gyun cho biết: “Chúng "
        "tôi bày tỏ sự tiếc nuối rằng Triều Tiên đã đề xuất đối thoại nhưng không đề cập tới hạt nhân”.",
        "“Tôi nghĩ ý tưởng của ông ấy hoàn toàn vô nghĩa và không có chút chân thành nào”, Reuters dẫn lời "
        "Đại sứ Triều Tiên tại Liên Hợp Quốc Ja Song-nam cho biết.",
        "“Chúng tôi sẽ có biện pháp đáp trả tương xứng với các lệnh trừng phạt mới này”, Reuters dẫn lời "
        "Bộ Ngoại giao Nga cho biết.",
    ])])
    art.sentences = annotate_sentences(art)
    art.mentions = find_mentions(art)  # the real mention finder: nested names and all
    qs = [q for q in find_quotes(art) if q.direct]
    assert [q.speaker for q in qs] == ["PER:moon sang gyun", "PER:ja song nam", "ORG:RU_MFA"]


def _real(paras: list[str]) -> Article:
    art = Article(id="t-0", page="p", paragraphs=[Paragraph(t, i + 1) for i, t in enumerate(paras)])
    art.sentences = annotate_sentences(art)
    art.mentions = find_mentions(art)
    return art


def test_frames_with_degrees_appositions_and_long_tails():
    qs = [q for q in find_quotes(_real([
        # a degree written with dots ("TS.BS") ends no sentence and names no body
        '"Nếu trẻ có một trong ba triệu chứng nêu trên, cha mẹ cần đưa trẻ đến ngay cơ sở y tế để khám", '
        "TS.BS Đỗ Thiện Hải nhấn mạnh.",
        # the speech verb is near the quote; the clause after it may run long
        "“Chúng tôi vẫn được yêu cầu thường xuyên gửi báo cáo cập nhật tình hình cho phía vườn thú đối tác” – "
        "anh Lê Văn Hoàng – Trưởng Bộ phận chăm sóc động vật cho biết thêm về những phương thức phối hợp chặt "
        "chẽ trong công tác bảo tồn động vật hoang dã quý hiếm.",
        # the name before an apposition speaks, not the country inside it
        "Sami Khedira, người đeo băng đội trưởng trong trận Đức thua Slovakia, phát biểu: \"Đó là một đòn đau "
        "cho cậu ấy, nhưng tôi tin cậu ấy sẽ có một cơ hội khác trên sân khấu lớn\".",
        "“Tôi đóng vai trò như mẹ của bọn trẻ và muốn chúng sống một cuộc sống bình thường” - bà Ko Yong-suk "
        "tâm sự về khoảng thời gian ở Bern.",
        # a description names the person the paragraph has just named
        "Bác sĩ Nguyễn Văn Khanh cho biết nhiều người ngộ nhận về cách sơ cứu. “Khi virus đã xâm nhập, biện "
        "pháp hút nọc không có tác dụng và việc nặn máu sẽ không có giá trị gì”, chuyên gia cảnh báo.",
    ])) if q.direct]
    assert [q.speaker for q in qs] == ["PER:đỗ thiện hải", "PER:lê văn hoàng", "PER:sami khedira",
                                       "PER:ko yong suk", "PER:nguyễn văn khanh"]


def test_frame_before_quote_and_second_quote_of_the_same_speaker():
    art = build([
        "Cùng ngày 11/9, người phát ngôn Bộ Ngoại giao Mỹ Matthew Miller nói: “Chúng tôi sẽ theo dõi "
        "những gì xảy ra. Bất kỳ hoạt động chuyển giao vũ khí nào từ Triều Tiên sang Nga sẽ vi phạm "
        "nghị quyết của Hội đồng Bảo an Liên hợp quốc”.",
        "Tuy nhiên, khi được hỏi liệu Moscow có thể đơn phương dỡ bỏ lệnh trừng phạt của HĐBA đối với "
        "Triều Tiên hay không, ông Matthew Miller khẳng định rằng “không” và chỉ rõ: “Nga không thể có "
        "những hành động đơn phương liên quan đến HĐBA LHQ”.",
    ])
    qs = [q for q in find_quotes(art) if q.direct]
    assert [(q.speaker, q.line) for q in qs] == [("PER:matthew miller", 1), ("PER:matthew miller", 2)]
    assert qs[0].text.endswith("Liên hợp quốc") and "xảy ra. Bất kỳ" in qs[0].text
    assert qs[1].text.startswith("Nga không thể")  # “không” is one word: no quote


def test_scare_quotes_and_unattributed_titles_are_not_quotes():
    art = build([
        'Triều Tiên sẽ xem Hàn Quốc là "quốc gia thù địch số 1" trong hiến pháp.',
        "Báo Lào có bài xã luận với nhan đề “Đại hội lần thứ XIV của Đảng, dấu mốc 40 năm Đổi mới”.",
    ])
    assert [q for q in find_quotes(art) if q.direct] == []


def test_indirect_statements_with_mention_speakers():
    art = build([
        "Người phát ngôn Điện Kremlin Dmitry Peskov ngày 16.1 cho biết Ngoại trưởng Triều Tiên và "
        "người đồng cấp Nga Sergei Lavrov đã thông báo cho Tổng thống Putin về kết quả hội đàm.",
        "Hai ngoại trưởng đã thảo luận nhiều vấn đề xuất phát từ các thỏa thuận năm ngoái, theo RT.",
        "Theo Ngoại trưởng Lavrov, Triều Tiên muốn đàm phán trực tiếp với Mỹ.",
        "Sau khi Triều Tiên tuyên bố thử thành công tên lửa đạn đạo, Mỹ họp khẩn.",
    ])
    qs = find_quotes(art)
    assert all(not q.direct for q in qs)
    got = {q.line: (q.speaker, q.text) for q in qs}
    assert got[1][0] == "PER:dmitry peskov" and got[1][1].startswith("Ngoại trưởng Triều Tiên")
    assert got[2] == ("ORG:RT", "Hai ngoại trưởng đã thảo luận nhiều vấn đề xuất phát từ các thỏa "
                                "thuận năm ngoái")
    assert got[3] == ("PER:sergei lavrov", "Triều Tiên muốn đàm phán trực tiếp với Mỹ.")
    assert 4 not in got  # a subordinate clause states nothing


SEEDS = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds absent")
def test_end_to_end_seed_speakers():
    def quotes_of(name: str) -> list:
        return [q for art in seed_articles(name) for q in art.quotes if q.direct]

    def speakers(qs: list) -> list[str]:
        return [(q.speaker or "").lower() for q in qs]

    qs = quotes_of("000_4162ccc8912c061b.txt")
    assert len(qs) == 3 and all("kcna" in s for s in speakers(qs))
    qs = quotes_of("001_ecbe991e6b69410b.txt")
    miller = [q for q in qs if "miller" in (q.speaker or "").lower()]
    assert len(miller) == 2 and "Bất kỳ hoạt động chuyển giao" in miller[0].text
    qs = quotes_of("003_7383740b45c812be.txt")
    assert any("peskov" in s for s in speakers(qs))
    assert any("lavrov" in s for s in speakers(qs)) and any("choe" in s for s in speakers(qs))
    assert not any("quốc gia thù địch" in q.text for q in qs)
